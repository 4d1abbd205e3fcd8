import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Locale, Translate } from '../../core/i18n.ts';
import type { FieldDefinition, ProposedChange } from './changes-client.ts';
import { fieldLabel, valueText } from './change-values.ts';
import type { ChangesKey } from './messages.ts';

/** An open approve or refuse form, for one change. */
export interface Decision {
  id: string;
  kind: 'approve' | 'refuse';
}

/** What the views use of `<admin-changes>`. */
export interface ChangesView {
  readonly t: Translate<ChangesKey>;
  readonly locale: Locale;
  readonly deciding?: Decision;
  readonly draft: string;
  readonly draftError?: string;
  readonly busy?: string;
  readonly rowError?: { id: string; message: string };
  mayDecide(): boolean;
  fieldOf(key: string): FieldDefinition | undefined;
  accountName(id: string): string;
  dateTime(iso: string): string;
  open(change: ProposedChange, kind: Decision['kind']): void;
  cancel(): void;
  handleDraftInput(event: Event): void;
  handleDecide(event: SubmitEvent): void;
}

/** The changes grouped by account, in the order their first change was asked for. */
export function groupByAccount(changes: readonly ProposedChange[]): [string, ProposedChange[]][] {
  const groups = new Map<string, ProposedChange[]>();
  for (const change of changes) groups.set(change.accountId, [...(groups.get(change.accountId) ?? []), change]);
  return [...groups];
}

/** Every account with its changes. */
export function renderGroups(view: ChangesView, changes: readonly ProposedChange[]): TemplateResult {
  const { t } = view;
  return html`<ul part="accounts" aria-label=${t('list.label')}>
    ${repeat(
      groupByAccount(changes),
      ([accountId]) => accountId,
      ([accountId, items]) => html`<li part="account" data-account=${accountId}>
        <div class="account">
          <div class="account-head">
            <h3 id=${`account-${accountId}`} tabindex="-1">${view.accountName(accountId)}</h3>
            <span class="hint">${t(new Intl.PluralRules(view.locale).select(items.length) === 'one' ? 'account.count.one' : 'account.count.other', { count: items.length })}</span>
          </div>
          <ul part="changes">
            ${repeat(items, (item) => item.id, (item) => renderChange(view, item))}
          </ul>
        </div>
      </li>`,
    )}
  </ul>`;
}

function renderChange(view: ChangesView, change: ProposedChange): TemplateResult {
  const { t, locale } = view;
  const field = view.fieldOf(change.field);
  const label = fieldLabel(t, change.field, field, locale);
  const error = view.rowError?.id === change.id ? html`<div part="error" role="alert"><p>${view.rowError.message}</p></div>` : nothing;
  return html`<li part="change" data-id=${change.id} data-status=${change.status}>
    <h4 id=${`change-${change.id}`} tabindex="-1">${label}</h4>
    <dl part="values">
      <div><dt>${t('change.before')}</dt><dd part="before">${valueText(t, change.before, field, locale)}</dd></div>
      <div><dt>${t('change.after')}</dt><dd part="after">${valueText(t, change.after, field, locale)}</dd></div>
    </dl>
    <p class="meta">
      <span>${t('change.requested')} <time datetime=${change.requestedAt}>${view.dateTime(change.requestedAt)}</time></span>
      ${change.decidedAt ? html`<span>${t('change.decided')} <time datetime=${change.decidedAt}>${view.dateTime(change.decidedAt)}</time></span>` : nothing}
    </p>
    ${change.reason ? html`<p part="reason"><strong>${change.status === 'refused' ? t('change.reason') : t('change.message')}:</strong> ${change.reason}</p>` : nothing}
    ${error} ${change.status === 'pending' && view.mayDecide() ? renderDecide(view, change, label) : nothing}
  </li>`;
}

function renderDecide(view: ChangesView, change: ProposedChange, label: string): TemplateResult {
  const { t } = view;
  const names = { field: label, account: view.accountName(change.accountId) };
  if (view.deciding?.id !== change.id) {
    return html`<div class="actions">
      <button part="approve" class="primary" type="button" aria-label=${t('approve.label', names)} @click=${() => view.open(change, 'approve')}>${t('approve')}</button>
      <button part="refuse" class="secondary danger" type="button" aria-label=${t('refuse.label', names)} @click=${() => view.open(change, 'refuse')}>${t('refuse')}</button>
    </div>`;
  }
  const kind = view.deciding.kind;
  const busy = view.busy === change.id;
  const ids = { title: `decide-title-${change.id}`, text: `decide-text-${change.id}`, hint: `decide-hint-${change.id}`, error: `decide-error-${change.id}` };
  return html`<form part="decide" data-kind=${kind} novalidate aria-labelledby=${ids.title} @submit=${view.handleDecide} @keydown=${escapeCancels(view)}>
    <h5 id=${ids.title}>${kind === 'approve' ? t('approve.title') : t('refuse.title')}</h5>
    <label for=${ids.text}>${kind === 'approve' ? t('approve.message') : t('refuse.reason')}</label>
    <p class="hint" id=${ids.hint}>${kind === 'approve' ? t('approve.hint') : t('refuse.hint')}</p>
    <textarea
      id=${ids.text}
      name="text"
      rows="3"
      maxlength="2000"
      ?required=${kind === 'refuse'}
      .value=${view.draft}
      aria-invalid=${view.draftError ? 'true' : 'false'}
      aria-describedby=${view.draftError ? `${ids.hint} ${ids.error}` : ids.hint}
      @input=${view.handleDraftInput}
    ></textarea>
    ${view.draftError ? html`<p class="field-error" id=${ids.error}>${view.draftError}</p>` : nothing}
    <div class="actions">
      <button part="confirm" class=${kind === 'approve' ? 'primary' : 'primary danger'} type="submit" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? t(kind === 'approve' ? 'approve.working' : 'refuse.working') : t(kind === 'approve' ? 'approve.confirm' : 'refuse.confirm')}
      </button>
      <button part="cancel" class="secondary" type="button" @click=${() => view.cancel()}>${t('cancel')}</button>
    </div>
  </form>`;
}

const escapeCancels = (view: ChangesView) => (event: KeyboardEvent) => {
  if (event.key === 'Escape' && !view.busy) {
    event.preventDefault();
    view.cancel();
  }
};
