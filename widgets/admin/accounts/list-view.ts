import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AccountListItem, ListPage } from '../admin-api.ts';
import type { AccountsView } from './accounts-view.ts';
import { formatTaxId } from './exceptions.ts';
import type { AccountsKey } from './messages.ts';

/** The searchable list of accounts, a page at a time. */
export function renderList(view: AccountsView): TemplateResult {
  const t = view.t;
  return html`<form part="search" role="search" novalidate @submit=${(event: Event) => (event.preventDefault(), view.searchNow())}>
      <label for="accounts-search">${t('search')}</label>
      <p class="hint" id="accounts-search-hint">${t('search.hint')}</p>
      <input id="accounts-search" type="search" .value=${view.search} autocomplete="off" maxlength="120" aria-describedby="accounts-search-hint" aria-controls="accounts-results"
        @input=${(event: Event) => view.typeSearch((event.target as HTMLInputElement).value)} />
    </form>
    <div id="accounts-results" part="results">
      ${view.listTask.render({
        initial: () => loading(view),
        pending: () => loading(view),
        error: (error) => problem(view, error, () => void view.listTask.run()),
        complete: (page) => (page ? renderPage(view, page) : loading(view)),
      })}
    </div>`;
}

function renderPage(view: AccountsView, page: ListPage<AccountListItem>): TemplateResult {
  const t = view.t;
  const items = [...page.items, ...view.more];
  if (!items.length)
    return html`<p part="status" role="status">${view.query ? t('empty.search', { query: view.query }) : ''}</p>
      ${view.query ? nothing : html`<p part="empty">${t('empty')}</p>`}`;
  const more = view.next;
  return html`<p part="status" role="status" class="visually-hidden">${view.query ? t('found', { query: view.query }) : ''}</p>
    <ul part="list" class="accounts" aria-label=${t('list')}>
      ${repeat(items, (item) => item.id, (item) => renderItem(view, item))}
    </ul>
    ${view.moreError ? html`<div part="error" role="alert"><p>${view.moreError}</p></div>` : nothing}
    ${more
      ? html`<div class="actions">
          <button part="more" class="secondary" type="button" aria-disabled=${view.loadingMore ? 'true' : 'false'} @click=${() => view.loadMore()}>
            ${view.loadingMore ? t('more.loading') : t('more')}
          </button>
        </div>`
      : nothing}`;
}

function renderItem(view: AccountsView, account: AccountListItem): TemplateResult {
  const t = view.t;
  const titleId = `account-${account.id}`;
  return html`<li part="account" data-id=${account.id}>
    <article aria-labelledby=${titleId}>
      <h3 id=${titleId}>${account.name}</h3>
      <p class="meta">
        <span>${t(account.kind === 'company' ? 'kind.company' : 'kind.person')}</span>
        ${account.taxId ? html`<span>${t('tax-id', { taxId: formatTaxId(account.taxId) })}</span>` : nothing}
        <span>${count(view, account.establishments.length, 'establishments')}</span>
        <span>${count(view, account.users, 'users')}</span>
      </p>
      ${account.pendingChanges ? html`<p><span part="badge">${count(view, account.pendingChanges, 'pending')}</span></p>` : nothing}
      <div class="actions">
        <button part="open" class="secondary" type="button" @click=${() => view.open(account)}>
          ${t('open')}<span class="visually-hidden">: ${account.name}</span>
        </button>
      </div>
    </article>
  </li>`;
}

/** "1 user", "5 users" — in the staff member's language's plural rules. */
export function count(view: AccountsView, value: number, what: 'establishments' | 'users' | 'pending'): string {
  const form = new Intl.PluralRules(view.locale).select(value) === 'one' ? 'one' : 'other';
  return view.t(`${what}.${form}` as AccountsKey, { count: new Intl.NumberFormat(view.locale).format(value) });
}

export function loading(view: AccountsView): TemplateResult {
  return html`<div part="status" role="status" class="loading"><progress aria-hidden="true"></progress><span>${view.t('loading')}</span></div>`;
}

export function problem(view: AccountsView, error: unknown, retry: () => void): TemplateResult {
  return html`<div part="error" role="alert">
    <p>${view.message(error)}</p>
    <button class="secondary" type="button" @click=${retry}>${view.t('retry')}</button>
  </div>`;
}
