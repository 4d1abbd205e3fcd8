import type { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../core/i18n.ts';
import { BOOKING_MODES } from './booking-modes.ts';
import { APPOINTMENT_BOUNDS, ESOCIAL_PERIODS, monthsOf, periodOf, PIX_LIMITS } from './drafts.ts';
import { errorMessage, type SettingsKey } from './messages.ts';
import { fieldProblem, renderActions, renderSwitch, type SettingsView } from './settings-view.ts';

/**
 * The options of the modules that have some (seed 004): how clients book appointments, billing's pending reports and
 * PIX, the eSocial list's defaults. Each its own form, saved to its own endpoint.
 */

/** The loads of the modules' options, each on its own (undefined: the staff member may not read them). */
export interface OptionTasks {
  appointments: Task<readonly unknown[], unknown>;
  billing: Task<readonly unknown[], unknown>;
  documents: Task<readonly unknown[], unknown>;
}

const FORMS = { appointments: renderAppointmentOptions, billing: renderBillingOptions, documents: renderDocumentOptions } as const;

/** The options of the switched-on modules that have some, each with its own loading, error and retry. */
export function renderOptionSections(view: SettingsView, tasks: OptionTasks): TemplateResult {
  const on = new Set(view.modules);
  const t = view.t;
  const section = (module: keyof OptionTasks) => {
    if (!on.has(module)) return nothing;
    const task = tasks[module];
    const form = () => FORMS[module](view);
    return html`<section part="group options" aria-labelledby=${`${module}-options-title`}>
      <h3 id=${`${module}-options-title`}>${t(`${module}.title` as SettingsKey)}</h3>
      ${task.render({
        initial: () => renderLoading(t),
        pending: () => (view[module] ? form() : renderLoading(t)),
        error: (error) => renderProblem(t, error, () => void task.run()),
        complete: (value) => (value === undefined ? html`<p class="hint">${t('options.no-access')}</p>` : form()),
      })}
    </section>`;
  };
  return html`${section('appointments')} ${section('billing')} ${section('documents')}`;
}

export function renderLoading(t: Translate<SettingsKey>): TemplateResult {
  return html`<div part="status" role="status" class="loading"><progress aria-hidden="true"></progress><span>${t('loading')}</span></div>`;
}

/** A problem in words, with "Try again". */
export function renderProblem(t: Translate<SettingsKey>, error: unknown, retry: () => void): TemplateResult {
  return html`<div part="error" role="alert">
    <p>${errorMessage(t, error)}</p>
    <button class="secondary" type="button" @click=${retry}>${t('retry')}</button>
  </div>`;
}

export function renderAppointmentOptions(view: SettingsView): TemplateResult {
  const t = view.t;
  const draft = view.appointments!;
  const edit = (change: Partial<typeof draft>) => view.edit('appointments', change);
  return html`<form novalidate data-group="appointments" @submit=${(event: Event) => submit(event, view, 'appointments')}>
    <fieldset class="bare" ?disabled=${!view.editable('appointments')}>
      <fieldset>
        <legend>${t('appointments.mode')}</legend>
        ${BOOKING_MODES.map(
          (mode) => html`<label class="choice">
            <input type="radio" name="booking-mode" value=${mode} .checked=${draft.bookingMode === mode} @change=${() => edit({ bookingMode: mode })} />
            <span>${t(`appointments.mode.${mode}` as SettingsKey)}</span>
          </label>`,
        )}
      </fieldset>
      ${renderSwitch({ id: 'appointments-show', label: t('appointments.show'), hint: t('appointments.show.hint'), checked: draft.showAppointments, change: (showAppointments) => edit({ showAppointments }) })}
      ${renderSwitch({ id: 'appointments-cancel', label: t('appointments.cancel'), checked: draft.cancellationAllowed, change: (cancellationAllowed) => edit({ cancellationAllowed }) })}
      ${draft.cancellationAllowed
        ? numberField(view, 'appointments-hours', 'appointments.hours', 'appointments.hours.hint', draft.hoursBefore, APPOINTMENT_BOUNDS.hoursBefore, (hoursBefore) => edit({ hoursBefore }))
        : nothing}
      ${renderSwitch({ id: 'appointments-guide', label: t('appointments.guide'), hint: t('appointments.guide.hint'), checked: draft.guide, change: (guide) => edit({ guide }) })}
      ${numberField(view, 'appointments-horizon', 'appointments.horizon', 'appointments.horizon.hint', draft.horizonDays, APPOINTMENT_BOUNDS.horizonDays, (horizonDays) => edit({ horizonDays }))}
      ${numberField(view, 'appointments-notice', 'appointments.notice', 'appointments.notice.hint', draft.minNoticeMinutes, APPOINTMENT_BOUNDS.minNoticeMinutes, (minNoticeMinutes) => edit({ minNoticeMinutes }))}
      ${textField(view, 'appointments-contact', 'appointments.contact', 'appointments.contact.hint', draft.contact, 200, (contact) => edit({ contact }))}
    </fieldset>
    ${renderActions(view, 'appointments')}
  </form>`;
}

export function renderBillingOptions(view: SettingsView): TemplateResult {
  const t = view.t;
  const draft = view.billing!;
  const edit = (change: Partial<typeof draft>) => view.edit('billing', change);
  return html`<form novalidate data-group="billing" @submit=${(event: Event) => submit(event, view, 'billing')}>
    <fieldset class="bare" ?disabled=${!view.editable('billing')}>
      ${renderSwitch({ id: 'billing-pending', label: t('billing.pending'), hint: t('billing.pending.hint'), checked: draft.showPendingReports, change: (showPendingReports) => edit({ showPendingReports }) })}
      <fieldset aria-describedby="billing-pix-hint">
        <legend>${t('billing.pix')}</legend>
        <p class="hint" id="billing-pix-hint">${t('billing.pix.hint')}</p>
        ${textField(view, 'billing-pix-key', 'billing.pix.key', undefined, draft.pixKey, PIX_LIMITS.pixKey, (pixKey) => edit({ pixKey }))}
        ${textField(view, 'billing-pix-name', 'billing.pix.name', undefined, draft.pixMerchantName, PIX_LIMITS.pixMerchantName, (pixMerchantName) => edit({ pixMerchantName }))}
        ${textField(view, 'billing-pix-city', 'billing.pix.city', undefined, draft.pixMerchantCity, PIX_LIMITS.pixMerchantCity, (pixMerchantCity) => edit({ pixMerchantCity }))}
      </fieldset>
    </fieldset>
    ${renderActions(view, 'billing')}
  </form>`;
}

export function renderDocumentOptions(view: SettingsView): TemplateResult {
  const t = view.t;
  const draft = view.documents!;
  return html`<form novalidate data-group="documents" @submit=${(event: Event) => submit(event, view, 'documents')}>
    <fieldset class="bare" ?disabled=${!view.editable('documents')}>
      ${renderSwitch({
        id: 'documents-rectified',
        label: t('documents.rectified'),
        hint: t('documents.rectified.hint'),
        checked: draft.esocialIncludeRectified,
        change: (esocialIncludeRectified) => view.edit('documents', { esocialIncludeRectified }),
      })}
      <label for="documents-since">${t('documents.since')}</label>
      <select id="documents-since" @change=${(event: Event) => view.edit('documents', { esocialSinceMonths: monthsOf((event.target as HTMLSelectElement).value as (typeof ESOCIAL_PERIODS)[number]) })}>
        ${ESOCIAL_PERIODS.map((period) => html`<option value=${period} ?selected=${periodOf(draft) === period}>${t(`documents.since.${period}` as SettingsKey)}</option>`)}
      </select>
    </fieldset>
    ${renderActions(view, 'documents')}
  </form>`;
}

function numberField(view: SettingsView, id: string, label: SettingsKey, hint: SettingsKey, value: string, [min, max]: readonly [number, number], change: (value: string) => void): TemplateResult {
  const problem = fieldProblem(view, id, `${id}-hint`);
  return html`<label for=${id}>${view.t(label)}</label>
    <p class="hint" id=${`${id}-hint`}>${view.t(hint, { min, max })}</p>
    <input id=${id} type="number" inputmode="numeric" min=${min} max=${max} step="1" .value=${value} aria-invalid=${problem.invalid} aria-describedby=${problem.describedBy}
      @input=${(event: Event) => change((event.target as HTMLInputElement).value)} />
    ${problem.message}`;
}

function textField(view: SettingsView, id: string, label: SettingsKey, hint: SettingsKey | undefined, value: string, max: number, change: (value: string) => void): TemplateResult {
  const problem = fieldProblem(view, id, hint ? `${id}-hint` : undefined);
  return html`<label for=${id}>${view.t(label)}</label>
    ${hint ? html`<p class="hint" id=${`${id}-hint`}>${view.t(hint)}</p>` : nothing}
    <input id=${id} .value=${value} maxlength=${max} aria-invalid=${problem.invalid} aria-describedby=${problem.describedBy}
      @input=${(event: Event) => change((event.target as HTMLInputElement).value)} />
    ${problem.message}`;
}

function submit(event: Event, view: SettingsView, group: 'appointments' | 'billing' | 'documents') {
  event.preventDefault();
  view.submit(group);
}
