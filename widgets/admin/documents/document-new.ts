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
import { DOCUMENT_TYPES, DocumentsClient, ESOCIAL, MAX_DOCUMENT_BYTES, type DocumentCategory, type NewDocument } from './documents-client.ts';
import { messages, type DocumentsKey } from './messages.ts';

type Field = 'account' | 'category' | 'title' | 'issueDate' | 'validUntil' | 'eventType' | 'receiptNumber' | 'file';
const EVENT = /^S-\d{4}$/;

/**
 * "New document": a button and its dialog — the account (and, optionally, one of its establishments), category,
 * title, dates, the eSocial receipt for that category, whether to e-mail the account's users, the business's own
 * reference (`console-<time>` when left empty), and the file. The details are saved first, then the file; when only
 * the file fails, the dialog stays open to send it again.
 * @summary Adds a document and its file.
 * @event admin-document-saved - saved; `detail.title`, `detail.id`, and `detail.uploaded` (its file arrived too).
 * @csspart new - the button that opens the dialog.
 * @csspart dialog - the dialog.
 * @csspart save - the form's submit button.
 * @csspart error - what went wrong.
 */
export class AdminDocumentNew extends AdminSection<DocumentsKey> {
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

  /** Every category (shown or hidden). */
  @property({ attribute: false }) categories: DocumentCategory[] = [];
  /** The clock for today's date and the generated external id (tests set it). */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  @state() private account?: AccountListItem;
  @state() private category = '';
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  @state() private step: 'idle' | 'saving' | 'uploading' = 'idle';
  /** The document whose details were saved but whose file was not: the next submit only sends the file. */
  @state() private savedId?: string;
  @query('dialog') private dialog?: HTMLDialogElement;

  /** Opens the dialog, empty. */
  show() {
    if (!this.dialog || this.dialog.open) return;
    this.shadowRoot?.querySelector('form')?.reset();
    this.shadowRoot?.querySelector<AdminAccountPicker>('admin-account-picker')?.reset();
    Object.assign(this, { account: undefined, category: '', errors: {}, formError: '', step: 'idle', savedId: undefined });
    this.dialog.showModal();
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('admin-account-picker')?.focus());
  }

  override render() {
    const t = this.t;
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
          <label
            >${t('new.category')}
            <select name="category" required aria-invalid=${this.invalid('category')} aria-describedby=${this.describedBy('category')} @change=${this.handleCategory}>
              <option value="" ?selected=${!this.category}>${t('choose')}</option>
              ${this.categories.map((category) => html`<option value=${category.key} ?selected=${category.key === this.category}>${category.label}</option>`)}
            </select>
            ${this.fieldError('category')}
          </label>
          <label>${t('new.title-field')}<input name="title" maxlength="200" autocomplete="off" required aria-invalid=${this.invalid('title')} aria-describedby=${this.describedBy('title')} @input=${() => this.clear('title')} />${this.fieldError('title')}</label>
          <div class="two">
            <label>${t('new.issue-date')}<input type="date" name="issueDate" required .defaultValue=${todayIn(this.me?.tenant.timeZone, this.clock())} aria-invalid=${this.invalid('issueDate')} aria-describedby=${this.describedBy('issueDate')} @input=${() => this.clear('issueDate')} />${this.fieldError('issueDate')}</label>
            <label>${t('new.valid-until')}<input type="date" name="validUntil" aria-invalid=${this.invalid('validUntil')} aria-describedby=${this.describedBy('validUntil')} @input=${() => this.clear('validUntil')} />${this.fieldError('validUntil')}</label>
          </div>
          ${this.category === ESOCIAL ? this.renderEsocial() : nothing}
          <label class="choice"><input type="checkbox" name="notify" /><span>${t('new.notify')}</span></label>
          <label>${t('new.external')}<input name="externalId" maxlength="100" autocomplete="off" aria-describedby="external-hint" /><span class="hint" id="external-hint">${t('new.external.hint')}</span></label>
          <label
            >${t('new.file')}
            <input type="file" name="file" accept=${[...DOCUMENT_TYPES, '.pdf', '.png', '.jpg', '.jpeg', '.webp'].join(',')} aria-describedby=${this.errors.file ? 'file-hint file-error' : 'file-hint'} aria-invalid=${this.errors.file ? 'true' : 'false'} @change=${() => this.clear('file')} />
            <span class="hint" id="file-hint">${t('new.file.hint')}</span>
            ${this.errors.file ? html`<span class="field-error" id="file-error">${this.errors.file}</span>` : nothing}
          </label>
          ${this.formError ? html`<p part="error" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
          <div class="actions">
            <button part="save" class="primary" type="submit" aria-disabled=${this.step === 'idle' ? 'false' : 'true'}>${this.saveLabel()}</button>
            <button class="secondary" type="button" @click=${this.close}>${t('cancel')}</button>
          </div>
        </form>
      </dialog>`;
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

  private renderEsocial(): TemplateResult {
    const t = this.t;
    return html`<fieldset>
      <legend>${t('new.esocial')}</legend>
      <div class="two">
        <label
          >${t('new.esocial.event')}
          <input name="eventType" maxlength="6" autocomplete="off" placeholder="S-2220" aria-invalid=${this.invalid('eventType')} aria-describedby=${this.describedBy('eventType', 'event-hint')} @input=${() => this.clear('eventType')} />
          <span class="hint" id="event-hint">${t('new.esocial.event.hint')}</span>${this.fieldError('eventType')}
        </label>
        <label>${t('new.esocial.receipt')}<input name="receiptNumber" maxlength="60" autocomplete="off" aria-invalid=${this.invalid('receiptNumber')} aria-describedby=${this.describedBy('receiptNumber')} @input=${() => this.clear('receiptNumber')} />${this.fieldError('receiptNumber')}</label>
      </div>
      <label class="choice"><input type="checkbox" name="rectified" /><span>${t('new.esocial.rectified')}</span></label>
    </fieldset>`;
  }

  private saveLabel(): string {
    const t = this.t;
    if (this.step === 'saving') return t('new.saving');
    if (this.step === 'uploading') return t('new.uploading');
    return this.savedId ? t('new.retry-upload') : t('new.save');
  }

  /** Whether a field is marked invalid. */
  private invalid(field: Field): 'true' | 'false' {
    return this.errors[field] ? 'true' : 'false';
  }

  /** What describes a field: its hint, and its error when it has one. */
  private describedBy(field: Field, hint?: string): string | typeof nothing {
    const ids = [hint, this.errors[field] ? `${field}-error` : undefined].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private fieldError(field: Field): TemplateResult | typeof nothing {
    const error = this.errors[field];
    return error ? html`<span class="field-error" id=${`${field}-error`}>${error}</span>` : nothing;
  }

  private clear(field: Field) {
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private close = () => this.dialog?.close();

  private handleClose = () => this.shadowRoot?.querySelector<HTMLElement>('[part~=new]')?.focus();

  private handleAccount = (event: GlobalEventHandlersEventMap['admin-account-change']) => {
    this.account = event.detail.account;
    this.clear('account');
  };

  private handleCategory = (event: Event) => {
    this.category = (event.target as HTMLSelectElement).value;
    this.clear('category');
  };

  private read(form: HTMLFormElement) {
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.value.trim() ?? '';
    const checked = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | null)?.checked ?? false;
    return { value, checked, file: form.querySelector<HTMLInputElement>('input[name=file]')!.files?.[0] };
  }

  private check(form: HTMLFormElement): Partial<Record<Field, string>> {
    const t = this.t;
    const { value, file } = this.read(form);
    const errors: Partial<Record<Field, string>> = {};
    if (!this.account) errors.account = t('new.account.missing');
    if (!this.category) errors.category = t('new.category.missing');
    if (!value('title')) errors.title = t('new.title-field.missing');
    if (!value('issueDate')) errors.issueDate = t('new.issue-date.missing');
    if (value('validUntil') && value('issueDate') && value('validUntil') < value('issueDate')) errors.validUntil = t('new.valid-until.before');
    if (this.category === ESOCIAL && !EVENT.test(value('eventType'))) errors.eventType = t('new.esocial.event.invalid');
    if (this.category === ESOCIAL && !value('receiptNumber')) errors.receiptNumber = t('new.esocial.receipt.missing');
    if (file && file.size > MAX_DOCUMENT_BYTES) errors.file = t('upload.too-large');
    else if (file?.type && !(DOCUMENT_TYPES as readonly string[]).includes(file.type)) errors.file = t('upload.wrong-type');
    return errors;
  }

  private build(form: HTMLFormElement): NewDocument {
    const { value, checked } = this.read(form);
    return {
      externalId: value('externalId') || consoleExternalId(this.clock()),
      accountId: this.account!.id,
      ...(value('establishmentId') ? { establishmentId: value('establishmentId') } : {}),
      category: this.category,
      title: value('title'),
      issueDate: value('issueDate'),
      ...(value('validUntil') ? { validUntil: value('validUntil') } : {}),
      ...(this.category === ESOCIAL ? { esocial: { eventType: value('eventType'), receiptNumber: value('receiptNumber'), rectified: checked('rectified') } } : {}),
      notify: checked('notify'),
    };
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.step !== 'idle' || !this.api) return;
    const form = event.target as HTMLFormElement;
    const client = new DocumentsClient(this.api);
    const { file } = this.read(form);
    const title = this.read(form).value('title');
    if (!this.savedId) {
      this.errors = this.check(form);
      this.formError = '';
      const first = Object.entries(this.errors).find(([, message]) => message)?.[0] as Field | undefined;
      if (first) return focusLater(this, first === 'account' ? 'admin-account-picker' : `[name=${first}]`);
      this.step = 'saving';
      try {
        this.savedId = (await client.save(this.build(form))).id;
      } catch (error) {
        this.step = 'idle';
        return this.showProblem(error);
      }
    }
    const id = this.savedId;
    if (file) {
      this.step = 'uploading';
      try {
        await client.uploadFile(id, file);
      } catch (error) {
        this.step = 'idle';
        this.formError = this.t('new.upload-failed', { problem: this.t(problemKeyIn(messages, error)) });
        this.saved(title, id, false);
        return focusLater(this, '[part~=error]');
      }
    }
    this.step = 'idle';
    this.saved(title, id, Boolean(file));
    this.close();
  };

  private saved(title: string, id: string, uploaded: boolean) {
    this.dispatchEvent(new CustomEvent('admin-document-saved', { detail: { title, id, uploaded }, bubbles: true, composed: true }));
  }

  private showProblem(error: unknown) {
    const fields = invalidFields(error);
    const named: Partial<Record<Field, string>> = {};
    const map: [string, Field][] = [['accountId', 'account'], ['establishmentId', 'account'], ['category', 'category'], ['title', 'title'], ['issueDate', 'issueDate'], ['validUntil', 'validUntil'], ['esocial', 'eventType']];
    for (const [path, field] of map) if (fields.has(path)) named[field] = this.t('field.invalid');
    this.errors = named;
    this.formError = this.t(problemKeyIn(messages, error));
    focusLater(this, '[part~=error]');
  }
}

define('admin-document-new', AdminDocumentNew);

declare global {
  interface HTMLElementTagNameMap {
    'admin-document-new': AdminDocumentNew;
  }
  interface GlobalEventHandlersEventMap {
    'admin-document-saved': CustomEvent<{ title: string; id: string; uploaded: boolean }>;
  }
}
