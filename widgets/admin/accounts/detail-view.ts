import { html, nothing, type TemplateResult } from 'lit';
import type { AccountListItem, AppointmentSettings, Module } from '../admin-api.ts';
import { BOOKING_MODES } from '../settings/booking-modes.ts';
import { APPOINTMENT_BOUNDS, MODULE_ORDER } from '../settings/drafts.ts';
import type { AccountsView, LoadedModules, SaveStatus } from './accounts-view.ts';
import { formatTaxId, OPTION_KEYS, type ModuleChoice, type OptionKey, type OverrideDraft } from './exceptions.ts';
import { count, loading, problem } from './list-view.ts';
import type { AccountsKey } from './messages.ts';

/** One account: its establishments, its module exceptions and its appointment exceptions (G3). */
export function renderDetail(view: AccountsView, account: AccountListItem): TemplateResult {
  const t = view.t;
  return html`<article part="detail" aria-labelledby="account-title">
    <div class="actions">
      <button part="back" class="secondary" type="button" @click=${() => view.back()}><span aria-hidden="true">←</span> ${t('back')}</button>
    </div>
    <h3 id="account-title" tabindex="-1">${account.name}</h3>
    <p class="meta">
      <span>${t(account.kind === 'company' ? 'kind.company' : 'kind.person')}</span>
      ${account.taxId ? html`<span>${t('tax-id', { taxId: formatTaxId(account.taxId) })}</span>` : nothing}
      ${account.email ? html`<span>${account.email}</span>` : nothing}
      <span>${count(view, account.users, 'users')}</span>
      ${account.pendingChanges ? html`<span part="badge">${count(view, account.pendingChanges, 'pending')}</span>` : nothing}
    </p>
    ${renderEstablishments(view, account)}
    <section part="module-exceptions" aria-labelledby="module-exceptions-title">
      <h4 id="module-exceptions-title">${t('modules.title')}</h4>
      <p class="hint">${t('modules.hint')}</p>
      ${view.modulesTask.render({
        initial: () => loading(view),
        pending: () => (view.choices && view.modulesTask.value ? renderModules(view, view.modulesTask.value) : loading(view)),
        error: (error) => problem(view, error, () => void view.modulesTask.run()),
        complete: (loaded) => (loaded && view.choices ? renderModules(view, loaded) : loading(view)),
      })}
    </section>
    <section part="appointment-exceptions" aria-labelledby="appointment-exceptions-title">
      <h4 id="appointment-exceptions-title">${t('appointments.title')}</h4>
      ${view.canReadAppointments()
        ? html`<p class="hint">${t('appointments.hint')}</p>
            ${view.appointmentsTask.render({
              initial: () => loading(view),
              pending: () => (view.explained && view.override ? renderAppointments(view) : loading(view)),
              error: (error) => problem(view, error, () => void view.appointmentsTask.run()),
              complete: () => (view.explained && view.override ? renderAppointments(view) : loading(view)),
            })}`
        : html`<p class="hint">${t('appointments.no-access')}</p>`}
    </section>
  </article>`;
}

function renderEstablishments(view: AccountsView, account: AccountListItem): TemplateResult {
  const t = view.t;
  return html`<section part="establishments" aria-labelledby="establishments-title">
    <h4 id="establishments-title">${t('establishments.title')}</h4>
    ${account.establishments.length
      ? html`<ul class="establishments">
          ${account.establishments.map(
            (item) => html`<li>
              <span>${item.name}</span>
              ${item.taxId ? html`<span class="muted">${t('tax-id', { taxId: formatTaxId(item.taxId) })}</span>` : nothing}
            </li>`,
          )}
        </ul>`
      : html`<p part="empty">${t('establishments.none')}</p>`}
  </section>`;
}

function renderModules(view: AccountsView, loaded: LoadedModules): TemplateResult {
  const editable = view.canWrite('modules');
  return html`<form novalidate data-part="modules" @submit=${(event: Event) => (event.preventDefault(), view.saveModules())}>
    <fieldset class="bare" ?disabled=${!editable}>
      <div class="module-choices">
        ${MODULE_ORDER.map((module) => renderModuleChoice(view, module, loaded.tenantModules))}
      </div>
    </fieldset>
    ${renderSave(view, 'modules')}
  </form>`;
}

function renderModuleChoice(view: AccountsView, module: Module, tenantModules: Module[] | undefined): TemplateResult {
  const t = view.t;
  const chosen = view.choices![module];
  const portal = tenantModules ? t('choice.portal.known', { state: t(tenantModules.includes(module) ? 'state.on' : 'state.off') }) : t('choice.portal');
  const labels: Record<ModuleChoice, string> = { portal, on: t('choice.on'), off: t('choice.off') };
  return html`<fieldset part="module-choice" data-module=${module}>
    <legend>${t(`module.${module}` as AccountsKey)}</legend>
    ${(['portal', 'on', 'off'] as const).map(
      (choice) => html`<label class="choice">
        <input type="radio" name=${`module-${module}`} value=${choice} .checked=${chosen === choice} @change=${() => view.choose(module, choice)} />
        <span>${labels[choice]}</span>
      </label>`,
    )}
  </fieldset>`;
}

function renderAppointments(view: AccountsView): TemplateResult {
  const editable = view.canWrite('appointments');
  return html`<form novalidate data-part="appointments" @submit=${(event: Event) => (event.preventDefault(), view.saveOverride())}>
    <ul class="options">
      ${OPTION_KEYS.map((key) => html`<li part="option" data-option=${key}>${renderOption(view, key, editable)}</li>`)}
    </ul>
    ${renderSave(view, 'appointments')}
  </form>`;
}

const OPTION_LABEL: Record<OptionKey, AccountsKey> = {
  bookingMode: 'option.bookingMode',
  showAppointments: 'appointments.show',
  cancellation: 'option.cancellation',
  guide: 'appointments.guide',
  horizonDays: 'appointments.horizon',
  minNoticeMinutes: 'appointments.notice',
  contact: 'appointments.contact',
};
const SOURCE: Record<'account' | 'tenant' | 'default', AccountsKey> = { account: 'source.account', tenant: 'source.tenant', default: 'source.default' };

/** One option: its effective value and where it comes from; an editor when overridden; set or reset. */
function renderOption(view: AccountsView, key: OptionKey, editable: boolean): TemplateResult {
  const t = view.t;
  const explained = view.explained!;
  const overridden = key in view.override!;
  const wasOverridden = key in explained.override;
  const pending = overridden && !wasOverridden ? t('pending.set') : !overridden && wasOverridden ? t('pending.reset') : '';
  const titleId = `option-${key}-title`;
  return html`<div class="option" role="group" aria-labelledby=${titleId}>
    <p class="option-title" id=${titleId}>${t(OPTION_LABEL[key])}</p>
    <p class="option-now">
      <span>${t('now', { value: describe(view, key, explained.effective) })}</span>
      <span part="source" class="state">${t(SOURCE[explained.sources[key]])}</span>
    </p>
    ${pending ? html`<p class="hint" part="pending">${pending}</p>` : nothing}
    ${overridden ? renderEditor(view, key, editable) : nothing}
    ${editable
      ? html`<div class="actions">
          ${overridden
            ? html`<button part="reset" class="secondary" type="button" data-option=${key} @click=${() => view.resetOverride(key)}>
                ${t('reset')}<span class="visually-hidden">: ${t(OPTION_LABEL[key])}</span>
              </button>`
            : html`<button part="set" class="secondary" type="button" data-option=${key} @click=${() => view.startOverride(key)}>
                ${t('set')}<span class="visually-hidden">: ${t(OPTION_LABEL[key])}</span>
              </button>`}
        </div>`
      : nothing}
  </div>`;
}

/** An effective value in words. */
function describe(view: AccountsView, key: OptionKey, settings: AppointmentSettings): string {
  const t = view.t;
  const number = (value: number) => new Intl.NumberFormat(view.locale).format(value);
  switch (key) {
    case 'bookingMode':
      return t(`appointments.mode.${settings.bookingMode}` as AccountsKey);
    case 'cancellation':
      return settings.cancellation.allowed ? t('value.cancel.allowed', { hours: number(settings.cancellation.hoursBefore) }) : t('value.cancel.not-allowed');
    case 'horizonDays':
      return t('value.days', { count: number(settings.horizonDays) });
    case 'minNoticeMinutes':
      return t('value.minutes', { count: number(settings.minNoticeMinutes) });
    case 'contact':
      return settings.contact ?? t('value.none');
    default:
      return t(settings[key] ? 'value.yes' : 'value.no');
  }
}

function renderEditor(view: AccountsView, key: OptionKey, editable: boolean): TemplateResult {
  const t = view.t;
  const draft = view.override!;
  const edit = (change: OverrideDraft) => view.editOverride(change);
  const disabled = !editable;
  switch (key) {
    case 'bookingMode':
      return html`<label for="option-bookingMode">${t('for-account')}</label>
        <select id="option-bookingMode" ?disabled=${disabled} @change=${(event: Event) => edit({ bookingMode: (event.target as HTMLSelectElement).value as AppointmentSettings['bookingMode'] })}>
          ${BOOKING_MODES.map((mode) => html`<option value=${mode} ?selected=${draft.bookingMode === mode}>${t(`appointments.mode.${mode}` as AccountsKey)}</option>`)}
        </select>`;
    case 'cancellation': {
      const value = draft.cancellation!;
      return html`${check('option-cancellation-allowed', t('appointments.cancel'), value.allowed, disabled, (allowed) => edit({ cancellation: { ...value, allowed } }))}
        ${value.allowed
          ? numberInput(view, 'option-cancellation-hours', t('appointments.hours'), value.hoursBefore, APPOINTMENT_BOUNDS.hoursBefore, disabled, (hoursBefore) => edit({ cancellation: { ...value, hoursBefore } }))
          : nothing}`;
    }
    case 'horizonDays':
      return numberInput(view, 'option-horizonDays', t('for-account'), draft.horizonDays!, APPOINTMENT_BOUNDS.horizonDays, disabled, (horizonDays) => edit({ horizonDays }));
    case 'minNoticeMinutes':
      return numberInput(view, 'option-minNoticeMinutes', t('for-account'), draft.minNoticeMinutes!, APPOINTMENT_BOUNDS.minNoticeMinutes, disabled, (minNoticeMinutes) => edit({ minNoticeMinutes }));
    case 'contact': {
      const problem = fieldProblem(view, 'option-contact');
      return html`<label for="option-contact">${t('for-account')}</label>
        <input id="option-contact" .value=${draft.contact ?? ''} maxlength="200" ?disabled=${disabled} aria-invalid=${problem.invalid} aria-describedby=${problem.describedBy}
          @input=${(event: Event) => edit({ contact: (event.target as HTMLInputElement).value })} />
        ${problem.message}`;
    }
    default:
      return check(`option-${key}`, t('for-account'), Boolean(draft[key]), disabled, (on) => edit({ [key]: on }));
  }
}

function check(id: string, label: string, checked: boolean, disabled: boolean, change: (on: boolean) => void): TemplateResult {
  return html`<label class="choice" for=${id}>
    <input id=${id} type="checkbox" role="switch" .checked=${checked} ?disabled=${disabled} @change=${(event: Event) => change((event.target as HTMLInputElement).checked)} />
    <span>${label}</span>
  </label>`;
}

function numberInput(view: AccountsView, id: string, label: string, value: string, [min, max]: readonly [number, number], disabled: boolean, change: (value: string) => void): TemplateResult {
  const problem = fieldProblem(view, id, `${id}-hint`);
  return html`<label for=${id}>${label}</label>
    <p class="hint" id=${`${id}-hint`}>${view.t('range', { min, max })}</p>
    <input id=${id} type="number" inputmode="numeric" min=${min} max=${max} step="1" .value=${value} ?disabled=${disabled} aria-invalid=${problem.invalid} aria-describedby=${problem.describedBy}
      @input=${(event: Event) => change((event.target as HTMLInputElement).value)} />
    ${problem.message}`;
}

function fieldProblem(view: AccountsView, id: string, hintId?: string) {
  const key = view.fieldError(id);
  const describedBy = [hintId, key ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    invalid: key ? 'true' : 'false',
    describedBy: describedBy || nothing,
    message: key ? html`<p class="field-error" part="field-error" id=${`${id}-error`}>${view.t(key)}</p>` : nothing,
  };
}

const SAVE: Record<'modules' | 'appointments', { label: AccountsKey; saved: AccountsKey }> = {
  modules: { label: 'modules.save', saved: 'modules.saved' },
  appointments: { label: 'appointments.save', saved: 'appointments.saved' },
};

function renderSave(view: AccountsView, what: 'modules' | 'appointments'): TemplateResult {
  const t = view.t;
  if (!view.canWrite(what)) return html`<p part="read-only" class="hint">${t('read-only')}</p>`;
  const status: SaveStatus | undefined = view.status(what);
  const saving = status?.state === 'saving';
  const confirmation = status?.state === 'saved' ? t(SAVE[what].saved) : status?.state === 'unchanged' ? t('unchanged') : '';
  return html`<div class="actions">
      <button part="save" class="primary" type="submit" aria-disabled=${saving ? 'true' : 'false'}>${saving ? t('saving') : t(SAVE[what].label)}</button>
    </div>
    <p part="saved" role="status">${confirmation}</p>
    ${status?.state === 'failed' ? html`<div part="error" role="alert"><p>${status.message}</p></div>` : nothing}
    ${status?.state === 'invalid' ? html`<div part="error" role="alert"><p>${t('invalid-fields')}</p></div>` : nothing}`;
}
