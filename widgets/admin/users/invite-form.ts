import { html, nothing, type TemplateResult } from 'lit';
import type { AccountListItem } from '../admin-api.ts';
import type { Translate } from '../../core/i18n.ts';
import type { InviteKey } from './invite-messages.ts';

/** What the invitation form's account and scope parts use of `<admin-user-invite>`. */
export interface InviteFormView {
  t: Translate<InviteKey>;
  accountQuery: string;
  /** The accounts found by the last search; undefined before one. */
  accounts?: AccountListItem[];
  moreAccounts: boolean;
  searching: boolean;
  searchError: string;
  account?: AccountListItem;
  scope: 'whole' | 'chosen';
  chosen: ReadonlySet<string>;
  errors: Partial<Record<'email' | 'account' | 'establishments' | 'locale', string>>;
  typeAccount(value: string): void;
  searchAccounts(): Promise<void>;
  chooseAccount(account: AccountListItem): void;
  chooseScope(scope: 'whole' | 'chosen'): void;
  toggleEstablishment(id: string, checked: boolean): void;
}

/** The account: a search by name or tax id, and the accounts found as radio buttons. */
export function renderAccountPicker(view: InviteFormView): TemplateResult {
  const { t, account } = view;
  const error = view.errors.account;
  const searchNow = (event: KeyboardEvent) => {
    // Enter searches; it must not send the whole invitation.
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void view.searchAccounts();
  };
  return html`<fieldset part="account" aria-describedby=${error ? 'account-error' : nothing}>
    <legend>${t('account')}</legend>
    <div class="search-row">
      <label>${t('account.search')}
        <input
          type="search"
          name="account-search"
          autocomplete="off"
          maxlength="120"
          .value=${view.accountQuery}
          aria-invalid=${error ? 'true' : 'false'}
          @input=${(event: Event) => view.typeAccount((event.target as HTMLInputElement).value)}
          @keydown=${searchNow}
        />
      </label>
      <button class="secondary" type="button" @click=${() => void view.searchAccounts()}>${t('account.search-button')}</button>
    </div>
    ${error ? html`<span class="field-error" id="account-error">${error}</span>` : nothing}
    <p class="hint" role="status">${view.searching ? t('account.searching') : account ? t('account.chosen', { account: account.name }) : ''}</p>
    ${view.searchError ? html`<p part="error" role="alert">${view.searchError}</p>` : nothing} ${renderAccounts(view)}
  </fieldset>`;
}

function renderAccounts(view: InviteFormView): TemplateResult | typeof nothing {
  const { t, accounts, account } = view;
  if (!accounts) return nothing;
  if (!accounts.length && !account) return html`<p>${t('account.none', { q: view.accountQuery.trim() })}</p>`;
  // The account chosen stays on offer while another search shows other accounts.
  const shown = account && !accounts.some((a) => a.id === account.id) ? [account, ...accounts] : accounts;
  return html`<fieldset part="accounts">
    <legend>${t('account.results')}</legend>
    ${shown.map(
      (item) => html`<label class="choice">
        <input type="radio" name="account" value=${item.id} .checked=${account?.id === item.id} @change=${() => view.chooseAccount(item)} />
        <span>${item.name}${item.taxId ? html` <span class="hint">${t('account.tax-id', { taxId: item.taxId })}</span>` : nothing}</span>
      </label>`,
    )}
    ${!accounts.length ? html`<p>${t('account.none', { q: view.accountQuery.trim() })}</p>` : nothing}
    ${view.moreAccounts ? html`<p class="hint">${t('account.more')}</p>` : nothing}
  </fieldset>`;
}

/** What the user sees of the chosen account: the whole company, or the establishments ticked. */
export function renderScope(view: InviteFormView, account: AccountListItem): TemplateResult {
  const { t } = view;
  const error = view.errors.establishments;
  return html`<fieldset part="scope" aria-describedby=${error ? 'establishments-error' : nothing}>
    <legend>${t('scope')}</legend>
    <label class="choice">
      <input type="radio" name="scope" value="whole" .checked=${view.scope === 'whole'} @change=${() => view.chooseScope('whole')} />
      <span>${t('scope.whole')} <span class="hint">${t('scope.whole.hint')}</span></span>
    </label>
    ${account.establishments.length
      ? html`<label class="choice">
            <input type="radio" name="scope" value="chosen" .checked=${view.scope === 'chosen'} @change=${() => view.chooseScope('chosen')} />
            <span>${t('scope.chosen')}</span>
          </label>
          ${view.scope === 'chosen' ? renderEstablishments(view, account) : nothing}`
      : html`<p class="hint">${t('scope.no-establishments')}</p>`}
    ${error ? html`<span class="field-error" id="establishments-error">${error}</span>` : nothing}
  </fieldset>`;
}

function renderEstablishments(view: InviteFormView, account: AccountListItem): TemplateResult {
  return html`<fieldset class="establishments">
    <legend>${view.t('establishments')}</legend>
    ${account.establishments.map(
      (establishment) => html`<label class="choice">
        <input
          type="checkbox"
          name="establishment"
          value=${establishment.id}
          .checked=${view.chosen.has(establishment.id)}
          @change=${(event: Event) => view.toggleEstablishment(establishment.id, (event.target as HTMLInputElement).checked)}
        />
        <span>${establishment.name}${establishment.taxId ? html` <span class="hint">${establishment.taxId}</span>` : nothing}</span>
      </label>`,
    )}
  </fieldset>`;
}
