import { html, nothing, type TemplateResult } from 'lit';
import { query, state } from 'lit/decorators.js';
import { ApiError, type AccountListItem } from '../admin-api.ts';
import { AdminSection } from '../admin-section.ts';
import { define } from '../../core/define.ts';
import { LOCALE_NAMES, LOCALES, type Translate } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { inviteStyles } from './admin-user-invite.styles.ts';
import { inviteMessages, type InviteKey } from './invite-messages.ts';
import { isAbort, problemKey } from './problems.ts';
import { renderAccountPicker, renderScope, type InviteFormView } from './invite-form.ts';

/** How long typing in the account search must pause before it runs (Enter runs it at once). */
export const ACCOUNT_SEARCH_DELAY_MS = 350;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Field = 'email' | 'account' | 'establishments' | 'locale';

/**
 * "New user" (A1, G4): a button and the dialog it opens to invite one portal user — their e-mail, the account (found
 * by name or tax id), what they see (the whole company or chosen establishments) and, optionally, the language of
 * their e-mails. The user gets an activation e-mail and stays pending until they use it. The native modal `<dialog>`
 * keeps focus inside and closes on Escape; focus returns to the button.
 * @summary The "new user" button and invitation dialog.
 * @event admin-user-invited - the invitation was sent; `detail` has the user's `id`, `email`, `accountName`, and
 *   `activationSent` (false when the person already had a portal login and only gained the account).
 * @csspart open - the button that opens the dialog.
 * @csspart dialog - the dialog.
 * @csspart form - the invitation form.
 * @csspart accounts - the accounts found.
 * @csspart scope - the whole company / chosen establishments choice.
 * @csspart send - the send button.
 * @csspart error - what went wrong.
 */
export class AdminUserInvite extends AdminSection<InviteKey> implements InviteFormView {
  static override styles = [baseStyles, panelStyles, inviteStyles];

  protected readonly catalog = inviteMessages;

  /** The section's translator, public for its templates. */
  override get t(): Translate<InviteKey> {
    return super.t;
  }

  @state() accountQuery = '';
  @state() accounts?: AccountListItem[];
  @state() moreAccounts = false;
  @state() searching = false;
  @state() searchError = '';
  @state() account?: AccountListItem;
  @state() scope: 'whole' | 'chosen' = 'whole';
  @state() chosen: ReadonlySet<string> = new Set();
  @state() errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  @state() private sending = false;
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part~=open]') private trigger?: HTMLButtonElement;
  private timer?: ReturnType<typeof setTimeout>;
  private searchAbort?: AbortController;

  /** Opens the dialog, empty (the button does). */
  show() {
    if (!this.dialog || this.dialog.open) return;
    this.reset();
    this.dialog.showModal();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.searchAbort?.abort();
  }

  override render() {
    const t = this.t;
    return html`<button part="open" class="primary" type="button" aria-haspopup="dialog" lang=${this.locale} @click=${this.show}>${t('open')}</button>
      <dialog part="dialog" aria-labelledby="invite-title" lang=${this.locale} @close=${this.handleClose}>
        <div class="head">
          <h2 id="invite-title">${t('title')}</h2>
          <button class="link close" type="button" aria-label=${t('close')} @click=${this.close}><span aria-hidden="true">×</span></button>
        </div>
        <p class="hint">${t('intro')}</p>
        <form part="form" novalidate @submit=${this.handleSubmit}>
          ${this.renderEmail()} ${renderAccountPicker(this)} ${this.account ? renderScope(this, this.account) : nothing} ${this.renderLocale()}
          ${this.formError ? html`<p part="error" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
          <div class="actions">
            <button part="send" class="primary" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? t('sending') : t('send')}</button>
            <button class="secondary" type="button" @click=${this.close}>${t('cancel')}</button>
          </div>
        </form>
      </dialog>`;
  }

  private renderEmail(): TemplateResult {
    const error = this.errors.email;
    return html`<label>${this.t('email')}
      <input
        name="email"
        type="email"
        autofocus
        autocomplete="off"
        maxlength="254"
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? 'email-error' : nothing}
        @input=${() => this.clearError('email')}
      />
      ${error ? html`<span class="field-error" id="email-error">${error}</span>` : nothing}
    </label>`;
  }

  private renderLocale(): TemplateResult {
    const error = this.errors.locale;
    return html`<label>${this.t('locale')}
      <select name="locale" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'locale-error' : nothing} @change=${() => this.clearError('locale')}>
        <option value="">${this.t('locale.default')}</option>
        ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale}>${LOCALE_NAMES[locale]}</option>`)}
      </select>
      ${error ? html`<span class="field-error" id="locale-error">${error}</span>` : nothing}
    </label>`;
  }

  /** Searches accounts after a pause in typing. */
  typeAccount(value: string) {
    this.accountQuery = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.searchAccounts(), ACCOUNT_SEARCH_DELAY_MS);
  }

  /** Searches accounts now (Enter or the search button). */
  async searchAccounts() {
    clearTimeout(this.timer);
    const q = this.accountQuery.trim();
    this.searchAbort?.abort();
    if (!q || !this.api) {
      this.accounts = undefined;
      return;
    }
    const abort = (this.searchAbort = new AbortController());
    this.searching = true;
    this.searchError = '';
    try {
      const page = await this.api.listAccounts({ q }, abort.signal);
      if (abort.signal.aborted) return;
      this.accounts = page.items;
      this.moreAccounts = page.next !== null;
    } catch (error) {
      if (!isAbort(error) && !abort.signal.aborted) this.searchError = this.t(problemKey(error));
    } finally {
      if (this.searchAbort === abort) this.searching = false;
    }
  }

  chooseAccount(account: AccountListItem) {
    if (this.account?.id === account.id) return;
    this.account = account;
    this.scope = 'whole';
    this.chosen = new Set();
    this.errors = { ...this.errors, account: undefined, establishments: undefined };
  }

  chooseScope(scope: 'whole' | 'chosen') {
    this.scope = scope;
    this.clearError('establishments');
  }

  toggleEstablishment(id: string, checked: boolean) {
    const chosen = new Set(this.chosen);
    if (checked) chosen.add(id);
    else chosen.delete(id);
    this.chosen = chosen;
    this.clearError('establishments');
  }

  private clearError(field: Field) {
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private close = () => this.dialog?.close();

  /** Escape, the close button or Cancel closed it: focus goes back to the button that opened it. */
  private handleClose = () => this.trigger?.focus();

  private reset() {
    clearTimeout(this.timer);
    this.searchAbort?.abort();
    Object.assign(this, { accountQuery: '', accounts: undefined, moreAccounts: false, searching: false, searchError: '', account: undefined });
    Object.assign(this, { scope: 'whole', chosen: new Set(), errors: {}, formError: '', sending: false });
    this.shadowRoot?.querySelector('form')?.reset();
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.sending || !this.api) return;
    const form = event.target as HTMLFormElement;
    const email = form.querySelector<HTMLInputElement>('input[name=email]')!.value.trim();
    const locale = form.querySelector<HTMLSelectElement>('select[name=locale]')!.value;
    const errors = this.check(email);
    this.errors = errors;
    this.formError = '';
    if (Object.keys(errors).length) return this.focusFirstError();
    const account = this.account!;
    const establishmentIds = this.scope === 'chosen' ? account.establishments.filter((e) => this.chosen.has(e.id)).map((e) => e.id) : [];
    this.sending = true;
    try {
      const answer = await this.api.inviteUser({ email, accountId: account.id, ...(establishmentIds.length ? { establishmentIds } : {}), ...(locale ? { locale } : {}) });
      // The server also says whether an activation mail went out (an existing login only gains the account).
      const { activationSent, userId: id } = answer;
      this.dialog?.close();
      this.dispatchEvent(new CustomEvent('admin-user-invited', { detail: { id, email, accountName: account.name, activationSent }, bubbles: true, composed: true }));
    } catch (error) {
      this.explain(error, email, account, establishmentIds.length > 0);
      await this.focusFirstError();
    } finally {
      this.sending = false;
    }
  };

  private check(email: string): Partial<Record<Field, string>> {
    const errors: Partial<Record<Field, string>> = {};
    if (!email) errors.email = this.t('email.missing');
    else if (!EMAIL.test(email)) errors.email = this.t('email.invalid');
    if (!this.account) errors.account = this.t('account.missing');
    else if (this.scope === 'chosen' && !this.chosen.size) errors.establishments = this.t('establishments.missing');
    return errors;
  }

  /** The server's refusal, on the field it concerns where there is one. */
  private explain(error: unknown, email: string, account: AccountListItem, withEstablishments: boolean) {
    const t = this.t;
    const code = error instanceof ApiError ? error.code : '';
    if (code === 'user_exists' || code === 'conflict') this.errors = { email: t('email.exists', { email, account: account.name }) };
    else if (code === 'not_found') this.errors = { account: t('account.gone') };
    else if (code === 'invalid_input' && error instanceof ApiError && error.status === 400) {
      const fields = error.fields.map((field) => field.path.split('.')[0]);
      const errors: Partial<Record<Field, string>> = {};
      if (fields.includes('email')) errors.email = t('email.invalid');
      if (fields.includes('accountId')) errors.account = t('account.gone');
      if (fields.includes('establishmentIds') || (!fields.length && withEstablishments)) errors.establishments = t('establishments.not-in-account');
      if (fields.includes('locale')) errors.locale = t('error.invalid_input');
      this.errors = errors;
      if (!Object.keys(errors).length) this.formError = t('error.invalid_input');
    } else this.formError = t(problemKey(error));
  }

  private async focusFirstError() {
    await this.updateComplete;
    const root = this.shadowRoot!;
    const target = this.errors.email
      ? root.querySelector('input[name=email]')
      : this.errors.account
        ? root.querySelector('input[name=account-search]')
        : this.errors.establishments
          ? root.querySelector('input[name=establishment], input[value=chosen]')
          : this.errors.locale
            ? root.querySelector('select[name=locale]')
            : root.querySelector('form > [part~=error]');
    (target as HTMLElement | null)?.focus();
  }
}

define('admin-user-invite', AdminUserInvite);

declare global {
  interface HTMLElementTagNameMap {
    'admin-user-invite': AdminUserInvite;
  }
  interface GlobalEventHandlersEventMap {
    'admin-user-invited': CustomEvent<{ id: string; email: string; accountName: string; activationSent?: boolean }>;
  }
}
