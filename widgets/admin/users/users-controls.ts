import { html, nothing, type TemplateResult } from 'lit';
import type { PortalUserListItem } from '../admin-api.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import type { UsersKey } from './messages.ts';
import { pluralOf } from './problems.ts';

/** The status filter's value: empty for every status. */
export type StatusFilter = '' | PortalUserListItem['status'];

/** What the search, the empty states and the selection bar use of `<admin-users>`. */
export interface UsersControlsView {
  t: Translate<UsersKey>;
  locale: Locale;
  canWrite: boolean;
  q: string;
  status: StatusFilter;
  accountId: string;
  /** The account the filter names, when known. */
  accountName: string;
  users: PortalUserListItem[];
  selected: ReadonlySet<string>;
  sendingLinks: boolean;
  linksError: string;
  /** Searches after a pause in typing. */
  typeSearch(value: string): void;
  /** Searches now (Enter). */
  search(value: string): void;
  filterStatus(status: StatusFilter): void;
  selectAll(checked: boolean): void;
  sendLinks(): void;
  clearFilters(): void;
  showAll(): void;
}

/** The search by e-mail and the status filter, and the account the list is narrowed to. */
export function renderFilters(view: UsersControlsView): TemplateResult {
  const { t } = view;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    view.search((event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=q]')!.value);
  };
  const accountFilter = view.accountId
    ? html`<p class="account-filter">
        ${view.accountName ? t('account-filter', { account: view.accountName }) : t('account-filter.unnamed')}
        <button class="link" type="button" @click=${() => view.showAll()}>${t('show-all')}</button>
      </p>`
    : nothing;
  return html`<form part="filters" role="search" aria-label=${t('filters')} @submit=${submit}>
      <label>${t('search')}
        <input
          type="search"
          name="q"
          maxlength="254"
          autocomplete="off"
          enterkeyhint="search"
          .value=${view.q}
          @input=${(event: Event) => view.typeSearch((event.target as HTMLInputElement).value)}
        />
      </label>
      <label>${t('status.filter')}
        <select name="status" @change=${(event: Event) => view.filterStatus((event.target as HTMLSelectElement).value as StatusFilter)}>
          ${(['', 'pending', 'active', 'disabled'] as const).map(
            (value) => html`<option value=${value} ?selected=${value === view.status}>
              ${value === '' ? t('status.all') : value === 'pending' ? t('filter.pending') : t(`status.${value}`)}
            </option>`,
          )}
        </select>
      </label>
    </form>
    ${accountFilter}`;
}

/** No user yet (inviting writers to add the first), or none for this search, with a way back. */
export function renderEmpty(view: UsersControlsView): TemplateResult {
  const { t } = view;
  if (!view.q && !view.status) return html`<p part="empty">${view.canWrite && !view.accountId ? t('empty.none.write') : t('empty.none')}</p>`;
  return html`<div part="empty">
    <p>${view.q ? t('empty.no-match.q', { q: view.q }) : t('empty.no-match')}</p>
    <div class="actions"><button class="secondary" type="button" @click=${() => view.clearFilters()}>${t('clear-filters')}</button></div>
  </div>`;
}

/** "Select all shown", how many are selected, and "Send access links" (G7) with what such a link is. */
export function renderSelection(view: UsersControlsView): TemplateResult {
  const { t } = view;
  const selectable = view.users.filter((user) => user.status === 'active');
  const count = view.selected.size;
  const all = selectable.length > 0 && selectable.every((user) => view.selected.has(user.id));
  return html`<div part="selection">
    <label class="check">
      <input
        type="checkbox"
        .checked=${all}
        .indeterminate=${count > 0 && !all}
        ?disabled=${!selectable.length}
        @change=${(event: Event) => view.selectAll((event.target as HTMLInputElement).checked)}
      />
      ${t('select-all')}
    </label>
    <span class="count">${t(`selected.${pluralOf(view.locale, count)}`, { count })}</span>
    <button class="secondary" type="button" aria-describedby="links-hint" aria-disabled=${count === 0 || view.sendingLinks ? 'true' : 'false'} @click=${() => view.sendLinks()}>
      ${view.sendingLinks ? t('access-links.sending') : t('access-links')}
    </button>
    <p id="links-hint" class="hint">${t('access-links.hint')}</p>
    ${view.linksError ? html`<p part="error" role="alert">${view.linksError}</p>` : nothing}
  </div>`;
}
