import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import type { AccountListItem } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import type { AdminAccountPicker } from '../processes/account-picker.ts';
import '../processes/account-picker.ts';
import { consoleExternalId, dialogStyles, focusLater, invalidFields, problemKeyIn, todayIn } from '../processes/section-kit.ts';
import { BillingClient, type NewCharge, type UpsertResult } from './billing-client.ts';
import { messages, type BillingKey } from './messages.ts';
import { amountExample, CURRENCIES, defaultCurrency, parseAmount } from './money.ts';

type Field = 'account' | 'description' | 'amount' | 'issueDate' | 'dueDate' | 'boletoLine' | 'pix';

/**
 * "New charge": a button and its dialog — the account (and, optionally, one of its establishments), what it is for,
 * the amount as staff write it in their language (sent in minor units), the currency, issue and due dates, an
 * optional boleto line, PIX from the tenant's key, card, and the business's own reference (`console-<time>` when
 * left empty). Sent as a batch of one (`PUT /api/v1/billing/charges`).
 * @summary Creates a charge.
 * @event admin-charge-saved - saved; `detail.result` is the server's upsert result, `detail.description` its text.
 * @csspart new - the button that opens the dialog.
 * @csspart dialog - the dialog.
 * @csspart save - the submit button.
 * @csspart error - what went wrong.
 */
export class AdminChargeNew extends AdminSection<BillingKey> {
  static override styles = [
    baseStyles,
    panelStyles,
    cardListStyles,
    dialogStyles,
    css`
      :host {
        display: inline-block;
      }
      form {
        display: grid;
        gap: calc(var(--portal-space) * 1.5);
        margin-top: var(--portal-space);
      }
    `,
  ];

  protected readonly catalog = messages;

  /** The clock for today's date and the generated ids (tests set it). */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  @state() private account?: AccountListItem;
  @state() private currency = '';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  @state() private saving = false;
  @query('dialog') private dialog?: HTMLDialogElement;

  /** The portal's own currency; a guess from its language only for a session that does not say it. */
  private get tenantCurrency(): string {
    return this.me?.tenant.currency ?? defaultCurrency(this.me?.tenant.locale);
  }

  /** Opens the dialog, empty. */
  show() {
    if (!this.dialog || this.dialog.open) return;
    this.shadowRoot?.querySelector('form')?.reset();
    this.shadowRoot?.querySelector<AdminAccountPicker>('admin-account-picker')?.reset();
    Object.assign(this, { account: undefined, currency: this.tenantCurrency, errors: {}, formError: '', saving: false });
    this.dialog.showModal();
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('admin-account-picker')?.focus());
  }

  override render() {
    const t = this.t;
    const currency = this.currency || this.tenantCurrency;
    const today = todayIn(this.me?.tenant.timeZone, this.clock());
    const currencies = [...new Set([this.tenantCurrency, ...CURRENCIES])];
    return html`<button part="new" class="primary" type="button" aria-haspopup="dialog" @click=${this.show}>${t('new')}</button>
      <dialog part="dialog" aria-labelledby="new-title" lang=${this.locale} @close=${this.handleClose}>
        <div class="dialog-head">
          <h3 id="new-title">${t('new.title')}</h3>
          <button class="link close" type="button" aria-label=${t('close')} @click=${this.close}><span aria-hidden="true">×</span></button>
        </div>
        <form novalidate @submit=${this.handleSubmit}>
          <p class="hint">${t('new.intro')}</p>
          <admin-account-picker .api=${this.api} .locale=${this.locale} .label=${t('new.account')} .value=${this.account} .error=${this.errors.account ?? ''} @admin-account-change=${this.handleAccount}></admin-account-picker>
          ${this.account?.establishments.length ? this.renderEstablishment(this.account) : nothing}
          ${this.field('description', t('new.description'), html`<input name="description" maxlength="200" autocomplete="off" required />`)}
          <div class="two">
            ${this.field('amount', t('new.amount'), html`<input name="amount" inputmode="decimal" autocomplete="off" required />`, t('new.amount.hint', { example: amountExample(this.locale, currency) }))}
            <label
              >${t('new.currency')}
              <select name="currency" @change=${(event: Event) => (this.currency = (event.target as HTMLSelectElement).value)}>
                ${currencies.map((code) => html`<option value=${code} ?selected=${code === currency}>${code}</option>`)}
              </select>
            </label>
          </div>
          <div class="two">
            ${this.field('issueDate', t('new.issue-date'), html`<input type="date" name="issueDate" required .defaultValue=${today} />`)}
            ${this.field('dueDate', t('new.due-date'), html`<input type="date" name="dueDate" required />`)}
          </div>
          ${this.field('boletoLine', t('new.boleto-line'), html`<input name="boletoLine" inputmode="numeric" maxlength="80" autocomplete="off" spellcheck="false" />`, t('new.boleto-line.hint'))}
          ${currency === 'BRL'
            ? html`<label class="choice"><input type="checkbox" name="pix" aria-invalid=${this.errors.pix ? 'true' : 'false'} aria-describedby=${this.errors.pix ? 'pix-error' : nothing} /><span>${t('new.pix')}</span></label>
                ${this.errors.pix ? html`<span class="field-error" id="pix-error">${this.errors.pix}</span>` : nothing}`
            : nothing}
          <label class="choice"><input type="checkbox" name="card" /><span>${t('new.card')}</span></label>
          <label>${t('new.external')}<input name="externalId" maxlength="100" autocomplete="off" aria-describedby="external-hint" /><span class="hint" id="external-hint">${t('new.external.hint')}</span></label>
          ${this.formError ? html`<p part="error" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
          <div class="actions">
            <button part="save" class="primary" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? t('new.saving') : t('new.save')}</button>
            <button class="secondary" type="button" @click=${this.close}>${t('cancel')}</button>
          </div>
        </form>
      </dialog>`;
  }

  /**
   * A labelled field with its hint and error: the control is wrapped in a label, and its `aria-invalid` and
   * `aria-describedby` are set after render (see `updated`), keyed by the control's `name`.
   */
  private field(name: Field, label: string, control: TemplateResult, hint?: string): TemplateResult {
    const error = this.errors[name];
    return html`<label data-field=${name}
      >${label} ${control} ${hint ? html`<span class="hint" id=${`${name}-hint`}>${hint}</span>` : nothing}
      ${error ? html`<span class="field-error" id=${`${name}-error`}>${error}</span>` : nothing}
    </label>`;
  }

  protected override updated() {
    for (const label of this.shadowRoot?.querySelectorAll<HTMLElement>('label[data-field]') ?? []) {
      const name = label.dataset.field as Field;
      const control = label.querySelector(`[name=${name}]`);
      if (!control) continue;
      const ids = [label.querySelector(`#${name}-hint`) ? `${name}-hint` : '', this.errors[name] ? `${name}-error` : ''].filter(Boolean);
      control.setAttribute('aria-invalid', this.errors[name] ? 'true' : 'false');
      if (ids.length) control.setAttribute('aria-describedby', ids.join(' '));
      else control.removeAttribute('aria-describedby');
    }
  }

  private renderEstablishment(account: AccountListItem): TemplateResult {
    const t = this.t;
    return html`<label
      >${t('new.establishment')}
      <select name="establishmentId">
        <option value="">${t('new.establishment.whole')}</option>
        ${account.establishments.map((establishment) => html`<option value=${establishment.id}>${establishment.name}</option>`)}
      </select>
    </label>`;
  }

  private close = () => this.dialog?.close();

  private handleClose = () => this.shadowRoot?.querySelector<HTMLElement>('[part~=new]')?.focus();

  private handleAccount = (event: GlobalEventHandlersEventMap['admin-account-change']) => {
    this.account = event.detail.account;
    if (this.errors.account) this.errors = { ...this.errors, account: undefined };
  };

  /** The form read and checked: the charge to send, or the errors to show. */
  private read(form: HTMLFormElement): { charge?: NewCharge; errors: Partial<Record<Field, string>> } {
    const t = this.t;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
    const currency = this.currency || this.tenantCurrency;
    const amount = parseAmount(value('amount'), this.locale, currency);
    const errors: Partial<Record<Field, string>> = {};
    if (!this.account) errors.account = t('new.account.missing');
    if (!value('description')) errors.description = t('new.description.missing');
    if (!amount) errors.amount = t('new.amount.invalid', { example: amountExample(this.locale, currency) });
    if (!value('issueDate')) errors.issueDate = t('new.date.missing');
    if (!value('dueDate')) errors.dueDate = t('new.date.missing');
    else if (value('issueDate') && value('dueDate') < value('issueDate')) errors.dueDate = t('new.due-date.before');
    if (Object.keys(errors).length) return { errors };
    const now = this.clock();
    const charge: NewCharge = {
      externalId: value('externalId') || consoleExternalId(now),
      accountId: this.account!.id,
      ...(value('establishmentId') ? { establishmentId: value('establishmentId') } : {}),
      description: value('description'),
      amount: amount!,
      currency,
      issueDate: value('issueDate'),
      dueDate: value('dueDate'),
      ...(value('boletoLine') ? { boletoLine: value('boletoLine') } : {}),
      ...(currency === 'BRL' && checked('pix') ? { pix: { txid: `console${now.getTime()}` } } : {}),
      card: checked('card'),
    };
    return { charge, errors };
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.saving || !this.api) return;
    const { charge, errors } = this.read(event.target as HTMLFormElement);
    this.errors = errors;
    this.formError = '';
    if (!charge) {
      const first = Object.keys(errors)[0] as Field;
      return focusLater(this, first === 'account' ? 'admin-account-picker' : `[name=${first}]`);
    }
    this.saving = true;
    try {
      const result: UpsertResult = await new BillingClient(this.api).create(charge);
      this.dispatchEvent(new CustomEvent('admin-charge-saved', { detail: { result, description: charge.description }, bubbles: true, composed: true }));
      this.close();
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.saving = false;
    }
  };

  private showProblem(error: unknown) {
    const t = this.t;
    const fields = invalidFields(error);
    const named: Partial<Record<Field, string>> = {};
    if (fields.has('accountId') || fields.has('establishmentId')) named.account = t('field.invalid');
    for (const field of ['description', 'amount', 'issueDate', 'dueDate'] as const) if (fields.has(field)) named[field] = t('field.invalid');
    if (fields.has('boletoLine')) named.boletoLine = t('new.boleto-line.invalid');
    if (fields.has('pix')) named.pix = t('new.pix.invalid');
    this.errors = named;
    this.formError = t(problemKeyIn(messages, error));
    focusLater(this, '[part~=error]');
  }
}

define('admin-charge-new', AdminChargeNew);

declare global {
  interface HTMLElementTagNameMap {
    'admin-charge-new': AdminChargeNew;
  }
  interface GlobalEventHandlersEventMap {
    'admin-charge-saved': CustomEvent<{ result: UpsertResult; description: string }>;
  }
}
