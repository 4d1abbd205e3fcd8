import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PortalUserListItem } from '../admin-api.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import type { UsersKey } from './messages.ts';

/** What a row offers, by the user's status. */
export type RowAction = 'resend' | 'reset' | 'disable' | 'enable';
const ACTIONS: Record<PortalUserListItem['status'], RowAction[]> = { pending: ['resend', 'disable'], active: ['reset', 'disable'], disabled: ['enable'] };
const WORKING: Record<RowAction, UsersKey> = { resend: 'action.working', reset: 'action.working', disable: 'action.disabling', enable: 'action.enabling' };

/** What the list's templates use of `<admin-users>`. */
export interface UsersListView {
  t: Translate<UsersKey>;
  locale: Locale;
  /** The staff member may change users (`users:write`): checkboxes and row actions. */
  canWrite: boolean;
  selected: ReadonlySet<string>;
  /** The action running on a row, by user id. */
  busy: ReadonlyMap<string, RowAction>;
  /** The row asking "disable?", by user id. */
  confirming?: string;
  /** What went wrong on a row, by user id. */
  rowErrors: ReadonlyMap<string, string>;
  toggle(user: PortalUserListItem, checked: boolean): void;
  act(user: PortalUserListItem, action: RowAction): void;
  cancelDisable(user: PortalUserListItem): void;
}

/** The users as cards in a list: they stack on a phone and sit in a grid on wider screens. */
export function renderUsers(view: UsersListView, users: PortalUserListItem[]): TemplateResult {
  return html`<ul part="list" aria-label=${view.t('list')}>${repeat(users, (user) => user.id, (user) => renderUser(view, user))}</ul>`;
}

function renderUser(view: UsersListView, user: PortalUserListItem): TemplateResult {
  const { t } = view;
  const error = view.rowErrors.get(user.id);
  return html`<li part="user" data-id=${user.id} data-status=${user.status}>
    <div class="head">
      ${view.canWrite ? renderCheckbox(view, user) : nothing}
      <h3 id=${`user-${user.id}`} tabindex="-1">${user.email}</h3>
      <span part="badge" class=${user.status}>${t(`status.${user.status}`)}</span>
    </div>
    <dl part="facts">
      <div class="access">
        <dt>${t('accounts')}</dt>
        <dd>${user.memberships.length ? html`<ul>${user.memberships.map((m) => html`<li>${t('scope.line', { account: m.accountName, scope: scopeOf(view, m) })}</li>`)}</ul>` : t('no-accounts')}</dd>
      </div>
      <div>
        <dt>${t('last-sign-in')}</dt>
        <dd>${user.lastSignInAt ? html`<time datetime=${user.lastSignInAt}>${formatWhen(user.lastSignInAt, view.locale, true)}</time>` : t('never')}</dd>
      </div>
      <div>
        <dt>${t('created')}</dt>
        <dd><time datetime=${user.createdAt}>${formatWhen(user.createdAt, view.locale, false)}</time></dd>
      </div>
    </dl>
    ${view.canWrite ? (view.confirming === user.id ? renderConfirm(view, user) : renderActions(view, user)) : nothing}
    ${error ? html`<p part="error" role="alert">${error}</p>` : nothing}
  </li>`;
}

function renderCheckbox(view: UsersListView, user: PortalUserListItem): TemplateResult {
  // Only active users receive an access link (the server skips the others), so only they can be picked for one.
  return html`<label class="check">
    <input
      type="checkbox"
      part="select"
      .checked=${view.selected.has(user.id)}
      ?disabled=${user.status !== 'active'}
      @change=${(event: Event) => view.toggle(user, (event.target as HTMLInputElement).checked)}
    /><span class="visually-hidden">${view.t('select')} ${user.email}</span>
  </label>`;
}

function renderActions(view: UsersListView, user: PortalUserListItem): TemplateResult {
  const running = view.busy.get(user.id);
  return html`<div part="row-actions" class="actions">
    ${ACTIONS[user.status].map(
      (action) => html`<button
        type="button"
        part=${`action ${action}`}
        class=${action === 'disable' ? 'secondary danger' : 'secondary'}
        data-action=${action}
        aria-disabled=${running ? 'true' : 'false'}
        @click=${() => view.act(user, action)}
      >
        ${running === action ? view.t(WORKING[action]) : view.t(`action.${action}`)}<span class="visually-hidden"> (${user.email})</span>
      </button>`,
    )}
  </div>`;
}

function renderConfirm(view: UsersListView, user: PortalUserListItem): TemplateResult {
  const { t } = view;
  const running = view.busy.get(user.id) === 'disable';
  const escape = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !running) view.cancelDisable(user);
  };
  return html`<div part="confirm" role="group" aria-labelledby=${`confirm-${user.id}`} @keydown=${escape}>
    <p id=${`confirm-${user.id}`}>${t('confirm.disable', { email: user.email })}</p>
    <div class="actions">
      <button type="button" part="confirm-yes" class="primary danger" aria-disabled=${running ? 'true' : 'false'} @click=${() => view.act(user, 'disable')}>
        ${running ? t('action.disabling') : t('confirm.yes')}
      </button>
      <button type="button" part="confirm-no" class="secondary" ?disabled=${running} @click=${() => view.cancelDisable(user)}>${t('confirm.no')}</button>
    </div>
  </div>`;
}

/** "whole company", or the chosen establishments' names as a list in the reader's language. */
function scopeOf(view: UsersListView, membership: PortalUserListItem['memberships'][number]): string {
  if (membership.allEstablishments) return view.t('scope.whole');
  return new Intl.ListFormat(view.locale, { type: 'conjunction' }).format(membership.establishments.map((e) => e.name));
}

/** A date (and time) in the staff member's language and the browser's time zone. */
export function formatWhen(value: string, locale: Locale, withTime: boolean): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'short' } : {}) }).format(new Date(value));
}
