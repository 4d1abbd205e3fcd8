import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AccountListItem, AdminApi } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { translator, type Catalog, type Locale } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { dialogStyles, isAbort, problemKeyIn, withProblems } from './section-kit.ts';

/** How long typing must pause before the search runs (Enter or the button run it at once). */
export const ACCOUNT_SEARCH_DELAY_MS = 350;

const own = {
  en: {
    search: 'Search by name or tax ID',
    'search.button': 'Search',
    searching: 'Searching…',
    'found.one': '{count} account found.',
    'found.other': '{count} accounts found.',
    none: 'No account matches “{q}”.',
    more: 'Only the first accounts are shown; type more of the name to narrow them.',
    results: 'Accounts found',
    'tax-id': 'Tax ID {taxId}',
    change: 'Change account',
    keep: 'Keep {name}',
    any: 'All accounts',
    'any.hint': 'All accounts. Search to show one account only.',
    chosen: 'Chosen: {name}.',
    cleared: 'Showing all accounts.',
  },
  'pt-BR': {
    search: 'Buscar por nome ou CPF/CNPJ',
    'search.button': 'Buscar',
    searching: 'Buscando…',
    'found.one': '{count} conta encontrada.',
    'found.other': '{count} contas encontradas.',
    none: 'Nenhuma conta corresponde a “{q}”.',
    more: 'Só as primeiras contas aparecem; digite mais do nome para filtrar.',
    results: 'Contas encontradas',
    'tax-id': 'CPF/CNPJ {taxId}',
    change: 'Trocar conta',
    keep: 'Manter {name}',
    any: 'Todas as contas',
    'any.hint': 'Todas as contas. Busque para ver só uma conta.',
    chosen: 'Escolhida: {name}.',
    cleared: 'Mostrando todas as contas.',
  },
  es: {
    search: 'Buscar por nombre o NIF',
    'search.button': 'Buscar',
    searching: 'Buscando…',
    'found.one': '{count} cuenta encontrada.',
    'found.other': '{count} cuentas encontradas.',
    none: 'Ninguna cuenta coincide con «{q}».',
    more: 'Solo se muestran las primeras cuentas; escriba más del nombre para acotarlas.',
    results: 'Cuentas encontradas',
    'tax-id': 'NIF {taxId}',
    change: 'Cambiar de cuenta',
    keep: 'Mantener {name}',
    any: 'Todas las cuentas',
    'any.hint': 'Todas las cuentas. Busque para ver solo una cuenta.',
    chosen: 'Elegida: {name}.',
    cleared: 'Se muestran todas las cuentas.',
  },
} satisfies Catalog<string>;
/** The picker's strings, with the console's problem messages (exported so the catalogue check sees them). */
export const messages = withProblems<keyof (typeof own)['en']>(own);
type PickerKey = keyof (typeof messages)['en'];

/**
 * An account picker for the console's forms and filters: a search by name or tax id (`listAccounts({ q })`), the
 * accounts found as buttons, then the chosen account with "Change account" (and, when `optional`, "All accounts").
 * Focus goes to the chosen account's "Change" button, or back to the search after a clear.
 * @summary Search and choose one of the business's accounts.
 * @event admin-account-change - an account was chosen (`detail.account`) or cleared (`detail.account` undefined).
 * @csspart picker - the fieldset.
 * @csspart results - the accounts found.
 * @csspart chosen - the chosen account.
 * @csspart error - a failed search.
 */
export class AdminAccountPicker extends LitElement {
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    baseStyles,
    panelStyles,
    dialogStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      .search-row {
        display: flex;
        flex-wrap: wrap;
        align-items: flex-end;
        gap: var(--portal-space);
      }
      .search-row label {
        flex: 1 1 12rem;
      }
      [part~='results'] {
        list-style: none;
        display: grid;
        gap: calc(var(--portal-space) / 2);
      }
      [part~='results'] button {
        width: 100%;
        text-align: start;
        padding: calc(var(--portal-space) / 2) var(--portal-space);
      }
      [part~='chosen'] {
        overflow-wrap: anywhere;
      }
      [aria-invalid='true'] {
        border-color: var(--portal-color-danger);
      }
    `,
  ];

  @property({ attribute: false }) api?: AdminApi;
  @property() locale: Locale = 'en';
  /** The fieldset's legend ("Account"). */
  @property() label = '';
  /** A field error to show (e.g. "Choose the account"). */
  @property() error = '';
  /** Offers "All accounts" (a filter); otherwise an account, once chosen, can only be changed. */
  @property({ type: Boolean }) optional = false;
  /** The chosen account. */
  @property({ attribute: false }) value?: AccountListItem;

  @state() private query = '';
  @state() private results?: AccountListItem[];
  @state() private more = false;
  @state() private searching = false;
  @state() private searchError = '';
  @state() private changing = false;
  @state() private said = '';
  private timer?: ReturnType<typeof setTimeout>;
  private abort?: AbortController;

  private get t() {
    return translator(messages, this.locale);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.abort?.abort();
  }

  /** Forgets the search (a dialog opened again starts clean). */
  reset() {
    clearTimeout(this.timer);
    this.abort?.abort();
    Object.assign(this, { query: '', results: undefined, more: false, searching: false, searchError: '', changing: false, said: '' });
  }

  override render() {
    const t = this.t;
    const showSearch = !this.value || this.changing;
    return html`<fieldset part="picker" aria-describedby=${this.error ? 'picker-error' : nothing}>
      <legend>${this.label}</legend>
      ${showSearch ? this.renderSearch() : this.renderChosen(this.value!)}
      ${this.error ? html`<p class="field-error" id="picker-error">${this.error}</p>` : nothing}
      <p class="hint" role="status">${this.searching ? t('searching') : this.said}</p>
    </fieldset>`;
  }

  private renderChosen(account: AccountListItem): TemplateResult {
    const t = this.t;
    return html`<p part="chosen">
        <strong>${account.name}</strong>${account.taxId ? html` <span class="hint">${t('tax-id', { taxId: account.taxId })}</span>` : nothing}
      </p>
      <div class="actions">
        <button class="secondary" type="button" data-action="change" @click=${this.handleChange}>${t('change')}</button>
        ${this.optional ? html`<button class="secondary" type="button" data-action="clear" @click=${this.handleClear}>${t('any')}</button>` : nothing}
      </div>`;
  }

  private renderSearch(): TemplateResult {
    const t = this.t;
    return html`${this.optional && !this.value ? html`<p class="hint">${t('any.hint')}</p>` : nothing}
      <div class="search-row">
        <label
          >${t('search')}
          <input
            type="search"
            name="account-search"
            autocomplete="off"
            maxlength="120"
            .value=${this.query}
            aria-invalid=${this.error ? 'true' : 'false'}
            @input=${this.handleInput}
            @keydown=${this.handleKey}
          />
        </label>
        <button class="secondary" type="button" data-action="search" @click=${() => void this.search()}>${t('search.button')}</button>
      </div>
      ${this.searchError ? html`<p part="error" role="alert">${this.searchError}</p>` : nothing} ${this.renderResults()}
      ${this.value && this.changing
        ? html`<div class="actions"><button class="link" type="button" data-action="keep" @click=${this.handleKeep}>${t('keep', { name: this.value.name })}</button></div>`
        : nothing}`;
  }

  private renderResults(): TemplateResult | typeof nothing {
    const t = this.t;
    if (!this.results) return nothing;
    if (!this.results.length) return html`<p>${t('none', { q: this.query.trim() })}</p>`;
    return html`<ul part="results" aria-label=${t('results')}>
        ${this.results.map(
          (account) => html`<li>
            <button class="secondary" type="button" data-id=${account.id} @click=${() => this.choose(account)}>
              ${account.name}${account.taxId ? html` <span class="hint">${t('tax-id', { taxId: account.taxId })}</span>` : nothing}
            </button>
          </li>`,
        )}
      </ul>
      ${this.more ? html`<p class="hint">${t('more')}</p>` : nothing}`;
  }

  /** Searches now (Enter, the button, or after a pause in typing). */
  async search() {
    clearTimeout(this.timer);
    this.abort?.abort();
    const q = this.query.trim();
    if (!q || !this.api) {
      this.results = undefined;
      return;
    }
    const abort = (this.abort = new AbortController());
    this.searching = true;
    this.searchError = '';
    try {
      const page = await this.api.listAccounts({ q }, abort.signal);
      if (abort.signal.aborted) return;
      this.results = page.items;
      this.more = page.next !== null;
      this.said = page.items.length ? this.t(new Intl.PluralRules(this.locale).select(page.items.length) === 'one' ? 'found.one' : 'found.other', { count: page.items.length }) : '';
    } catch (error) {
      if (!isAbort(error) && !abort.signal.aborted) this.searchError = this.t(problemKeyIn(messages, error) as PickerKey);
    } finally {
      if (this.abort === abort) this.searching = false;
    }
  }

  private choose(account: AccountListItem) {
    this.value = account;
    this.changing = false;
    this.results = undefined;
    this.said = this.t('chosen', { name: account.name });
    this.emit(account);
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('[data-action=change]')?.focus());
  }

  private emit(account: AccountListItem | undefined) {
    this.dispatchEvent(new CustomEvent('admin-account-change', { detail: { account }, bubbles: true, composed: true }));
  }

  private focusSearch() {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('input[name=account-search]')?.focus());
  }

  private handleInput = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.search(), ACCOUNT_SEARCH_DELAY_MS);
  };

  private handleKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    // Enter searches; it must never send the form around the picker.
    event.preventDefault();
    void this.search();
  };

  private handleChange = () => {
    this.changing = true;
    this.focusSearch();
  };

  private handleKeep = () => {
    this.changing = false;
    this.results = undefined;
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('[data-action=change]')?.focus());
  };

  private handleClear = () => {
    this.value = undefined;
    this.changing = false;
    this.said = this.t('cleared');
    this.emit(undefined);
    this.focusSearch();
  };
}

define('admin-account-picker', AdminAccountPicker);

declare global {
  interface HTMLElementTagNameMap {
    'admin-account-picker': AdminAccountPicker;
  }
  interface GlobalEventHandlersEventMap {
    'admin-account-change': CustomEvent<{ account: AccountListItem | undefined }>;
  }
}
