import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../core/i18n.ts';
import type { ProviderItem } from './appointments-client.ts';
import type { AppointmentLookups } from './panel-base.ts';
import type { AppointmentsKey } from './messages.ts';

/** The "add closed period" form while it is filled in (dates and times in the tenant's zone). */
export interface ClosureDraft {
  kind: 'holiday' | 'provider';
  date: string;
  providerKey: string;
  fromDate: string;
  fromTime: string;
  toDate: string;
  toTime: string;
  reason: string;
}
export interface ClosureErrors {
  date?: string;
  providerKey?: string;
  from?: string;
  to?: string;
  reason?: string;
  form?: string;
}

/** What the form uses of the closed-periods tab. */
export interface ClosureFormView {
  readonly t: Translate<AppointmentsKey>;
  readonly lookups: AppointmentLookups;
  readonly draft: ClosureDraft;
  readonly errors: ClosureErrors;
  readonly saving: boolean;
  handleDraft(event: Event): void;
  handleAdd(event: SubmitEvent): void;
  handleCloseForm(): void;
}

const invalid = (message: string | undefined) => (message ? 'true' : 'false');
const describedBy = (id: string, message: string | undefined) => (message ? `${id}-error` : nothing);
const fieldError = (id: string, message: string | undefined) => (message ? html`<p class="field-error" id="${id}-error">${message}</p>` : nothing);

/** Holiday (a date, everyone) or a provider's blocked time (provider, from, until); a reason either way. */
export function renderClosureForm(view: ClosureFormView): TemplateResult {
  const { t, draft, errors } = view;
  return html`<form part="closure-form" novalidate aria-labelledby="closure-form-title" @submit=${view.handleAdd}>
    <h4 id="closure-form-title" tabindex="-1">${t('closures.add')}</h4>
    <fieldset class="choice">
      <legend>${t('closures.kind')}</legend>
      <label class="check"><input type="radio" name="kind" value="holiday" .checked=${draft.kind === 'holiday'} @change=${view.handleDraft} />${t('closures.kind.holiday.long')}</label>
      <label class="check"><input type="radio" name="kind" value="provider" .checked=${draft.kind === 'provider'} @change=${view.handleDraft} />${t('closures.kind.provider.long')}</label>
    </fieldset>
    ${draft.kind === 'holiday' ? renderHoliday(view) : renderProviderBlock(view, view.lookups.providers)}
    <label for="closure-reason">${t('closures.reason.optional')}</label>
    <input id="closure-reason" name="reason" maxlength="200" autocomplete="off" .value=${draft.reason} aria-invalid=${invalid(errors.reason)}
      aria-describedby=${describedBy('closure-reason', errors.reason)} @input=${view.handleDraft} />
    ${fieldError('closure-reason', errors.reason)}
    ${errors.form ? html`<div part="error" role="alert"><p>${errors.form}</p></div>` : nothing}
    <div class="actions">
      <button class="primary" type="submit" aria-disabled=${view.saving ? 'true' : 'false'}>${view.saving ? t('closures.adding') : t('closures.save')}</button>
      <button class="secondary" type="button" @click=${view.handleCloseForm}>${t('close')}</button>
    </div>
  </form>`;
}

function renderHoliday(view: ClosureFormView): TemplateResult {
  const { t, draft, errors } = view;
  return html`<label for="closure-date">${t('closures.date')}</label>
    <input id="closure-date" type="date" name="date" required .value=${draft.date} aria-invalid=${invalid(errors.date)}
      aria-describedby=${describedBy('closure-date', errors.date)} @change=${view.handleDraft} />
    ${fieldError('closure-date', errors.date)}`;
}

function renderProviderBlock(view: ClosureFormView, providers: ProviderItem[]): TemplateResult {
  const { t, draft, errors } = view;
  return html`<label for="closure-providerKey">${t('closures.provider')}</label>
    <select id="closure-providerKey" name="providerKey" required aria-invalid=${invalid(errors.providerKey)}
      aria-describedby=${describedBy('closure-providerKey', errors.providerKey)} @change=${view.handleDraft}>
      <option value="" ?selected=${!draft.providerKey}>${t('confirm.provider.choose')}</option>
      ${providers.map((provider) => html`<option value=${provider.key} ?selected=${provider.key === draft.providerKey}>${provider.name}</option>`)}
    </select>
    ${fieldError('closure-providerKey', errors.providerKey)}
    <fieldset class="pair" aria-describedby=${describedBy('closure-from', errors.from)}>
      <legend>${t('closures.starts')}</legend>
      <label>${t('confirm.date')}<input id="closure-from" type="date" name="fromDate" required .value=${draft.fromDate} aria-invalid=${invalid(errors.from)} @change=${view.handleDraft} /></label>
      <label>${t('confirm.clock')}<input type="time" name="fromTime" required .value=${draft.fromTime} aria-invalid=${invalid(errors.from)} @change=${view.handleDraft} /></label>
      ${fieldError('closure-from', errors.from)}
    </fieldset>
    <fieldset class="pair" aria-describedby=${describedBy('closure-to', errors.to)}>
      <legend>${t('closures.ends')}</legend>
      <label>${t('confirm.date')}<input id="closure-to" type="date" name="toDate" required .value=${draft.toDate} aria-invalid=${invalid(errors.to)} @change=${view.handleDraft} /></label>
      <label>${t('confirm.clock')}<input type="time" name="toTime" required .value=${draft.toTime} aria-invalid=${invalid(errors.to)} @change=${view.handleDraft} /></label>
      ${fieldError('closure-to', errors.to)}
    </fieldset>`;
}
