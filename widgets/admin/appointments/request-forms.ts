import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../core/i18n.ts';
import type { ProposalItem, ProviderItem, Slot } from './appointments-client.ts';
import type { AppointmentsKey } from './messages.ts';

/** The confirm form while it is filled in: `choice` is one of the proposed instants, or `other` (then `date` and `time`). */
export interface ConfirmDraft {
  choice: string;
  date: string;
  time: string;
  providerKey: string;
  message: string;
}
export interface RequestFormErrors {
  time?: string;
  providerKey?: string;
  reason?: string;
  form?: string;
}

/** What the forms use of the requests tab. */
export interface RequestFormsView {
  readonly t: Translate<AppointmentsKey>;
  readonly draft: ConfirmDraft;
  readonly reason: string;
  readonly errors: RequestFormErrors;
  readonly freeSlots: Slot[];
  readonly saving: boolean;
  isPast(time: string): boolean;
  providersFor(serviceKey: string): ProviderItem[];
  zoneTime(instant: string): string;
  handleDraft(event: Event): void;
  handleReason(event: Event): void;
  handleFreeSlot(slot: Slot): void;
  handleConfirm(event: SubmitEvent, item: ProposalItem): void;
  handleRefuse(event: SubmitEvent, item: ProposalItem): void;
  handleClose(item: ProposalItem): void;
}

const fieldError = (id: string, message: string | undefined) => (message ? html`<p class="field-error" id=${id}>${message}</p>` : nothing);

/** Confirm: one of the proposed times or another, the provider, an optional message; the server's answer below. */
export function renderConfirmForm(view: RequestFormsView, item: ProposalItem): TemplateResult {
  const { t, draft, errors } = view;
  const other = draft.choice === 'other';
  const providers = view.providersFor(item.service.key);
  return html`<form part="confirm-form" novalidate aria-labelledby="confirm-title-${item.id}" @submit=${(event: SubmitEvent) => view.handleConfirm(event, item)}>
    <h5 id="confirm-title-${item.id}" tabindex="-1">${t('confirm.title', { service: item.service.name })}</h5>
    <fieldset class="choice" aria-describedby=${errors.time ? 'confirm-time-error' : nothing}>
      <legend>${t('confirm.time')}</legend>
      ${item.times.map(
        (time) => html`<label class="check">
          <input type="radio" name="choice" value=${time} .checked=${draft.choice === time} ?disabled=${view.isPast(time)} @change=${view.handleDraft} />
          ${view.zoneTime(time)}${view.isPast(time) ? ` ${t('request.past')}` : ''}
        </label>`,
      )}
      <label class="check"><input type="radio" name="choice" value="other" .checked=${other} @change=${view.handleDraft} />${t('confirm.other')}</label>
      ${other
        ? html`<div class="pair">
            <label>${t('confirm.date')}
              <input id="confirm-other-date" type="date" name="date" required .value=${draft.date} aria-invalid=${errors.time && !draft.date ? 'true' : 'false'} @change=${view.handleDraft} />
            </label>
            <label>${t('confirm.clock')}
              <input id="confirm-other-time" type="time" name="time" required .value=${draft.time} aria-invalid=${errors.time && !draft.time ? 'true' : 'false'} @change=${view.handleDraft} />
            </label>
          </div>`
        : nothing}
      ${fieldError('confirm-time-error', errors.time)}
    </fieldset>
    <label for="confirm-provider">${t('confirm.provider')}</label>
    <select id="confirm-provider" name="providerKey" required aria-invalid=${errors.providerKey ? 'true' : 'false'}
      aria-describedby=${errors.providerKey ? 'confirm-provider-error' : nothing} @change=${view.handleDraft}>
      <option value="" ?selected=${!draft.providerKey}>${t('confirm.provider.choose')}</option>
      ${providers.map((provider) => html`<option value=${provider.key} ?selected=${provider.key === draft.providerKey}>${provider.name}</option>`)}
    </select>
    ${fieldError('confirm-provider-error', errors.providerKey)}
    <label for="confirm-message">${t('confirm.message')}</label>
    <p class="hint" id="confirm-message-hint">${t('confirm.message.hint')}</p>
    <textarea id="confirm-message" name="message" rows="3" maxlength="2000" aria-describedby="confirm-message-hint" .value=${draft.message} @input=${view.handleDraft}></textarea>
    ${errors.form ? html`<div part="error" role="alert"><p>${errors.form}</p>${renderFreeSlots(view)}</div>` : nothing}
    <div class="actions">
      <button class="primary" type="submit" aria-disabled=${view.saving ? 'true' : 'false'}>${view.saving ? t('confirm.working') : t('confirm.submit')}</button>
      <button class="secondary" type="button" @click=${() => view.handleClose(item)}>${t('close')}</button>
    </div>
  </form>`;
}

/** After `slot_taken`: the provider's free times that day, each a button that picks it. */
function renderFreeSlots(view: RequestFormsView): TemplateResult | typeof nothing {
  if (!view.freeSlots.length) return nothing;
  return html`<div part="free-slots">
    <p id="free-slots-title">${view.t('confirm.free-slots')}</p>
    <ul class="actions" aria-labelledby="free-slots-title">
      ${view.freeSlots.map((slot) => html`<li><button class="secondary" type="button" @click=${() => view.handleFreeSlot(slot)}>${view.zoneTime(slot.start)}</button></li>`)}
    </ul>
  </div>`;
}

/** Refuse: the reason, which the client reads in the request's conversation. */
export function renderRefuseForm(view: RequestFormsView, item: ProposalItem): TemplateResult {
  const { t, errors } = view;
  const id = `refuse-reason-${item.id}`;
  return html`<form part="refuse-form" novalidate aria-labelledby="refuse-title-${item.id}" @submit=${(event: SubmitEvent) => view.handleRefuse(event, item)}>
    <h5 id="refuse-title-${item.id}">${t('refuse.title', { service: item.service.name })}</h5>
    <label for=${id}>${t('refuse.reason')}</label>
    <p class="hint" id="${id}-hint">${t('refuse.reason.hint')}</p>
    <textarea id=${id} name="reason" rows="3" maxlength="2000" required aria-invalid=${errors.reason ? 'true' : 'false'}
      aria-describedby=${errors.reason ? `${id}-hint ${id}-error` : `${id}-hint`} .value=${view.reason} @input=${view.handleReason}></textarea>
    ${fieldError(`${id}-error`, errors.reason)}
    ${errors.form ? html`<div part="error" role="alert"><p>${errors.form}</p></div>` : nothing}
    <div class="actions">
      <button class="primary danger" type="submit" aria-disabled=${view.saving ? 'true' : 'false'}>${view.saving ? t('refuse.working') : t('refuse.submit')}</button>
      <button class="secondary" type="button" @click=${() => view.handleClose(item)}>${t('close')}</button>
    </div>
  </form>`;
}
