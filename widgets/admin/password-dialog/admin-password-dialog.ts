import { css, html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, type AdminApi } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { translator, type Locale, type Translate } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { waitWords } from '../sign-in/messages.ts';
import { passwordDialogMessages, type PasswordDialogKey } from './messages.ts';

/** The element focused deepest inside shadow roots: where focus goes back after the dialog. */
function deepActiveElement(doc: Document): HTMLElement | undefined {
  let active = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/**
 * "Enter your password again": a modal dialog the console opens when the server wants a fresh password before a
 * sensitive change (settings, branding, tokens, staff). The browser's modal `<dialog>` keeps focus inside and closes
 * on Escape; focus then returns to where it was (the save button).
 * @summary Re-asks the staff member's password.
 * @csspart dialog - the dialog.
 * @csspart form - the password form.
 * @csspart error - why the password was refused.
 * @csspart confirm - the confirm button.
 * @csspart cancel - the cancel button.
 */
export class AdminPasswordDialog extends LitElement {
  static override styles = [
    baseStyles,
    panelStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        color: var(--portal-color-on-surface);
        background: var(--portal-color-surface);
        border: 1px solid var(--portal-color-border);
        border-radius: var(--portal-radius);
        padding: calc(var(--portal-space) * 2.5);
        width: min(28rem, calc(100vw - 2rem));
        max-height: calc(100dvh - 2rem);
        font-family: var(--portal-font-family);
      }
      dialog::backdrop {
        background: color-mix(in srgb, var(--portal-color-on-surface) 45%, transparent);
      }
      form {
        display: grid;
        gap: calc(var(--portal-space) * 2);
      }
      input[aria-invalid='true'] {
        border: 2px solid var(--portal-color-danger);
      }
      [part~='confirm'][aria-disabled='true'] {
        opacity: 0.7;
        cursor: progress;
      }
    `,
  ];

  /** The console's client, which checks the password. */
  @property({ attribute: false }) api?: AdminApi;
  /** The staff member's language. */
  @property() locale: Locale = 'en';

  @state() private confirming = false;
  @state() private error = '';
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('input') private input?: HTMLInputElement;

  private pending?: { promise: Promise<boolean>; resolve: (confirmed: boolean) => void };
  private confirmed = false;
  private returnFocus?: HTMLElement;

  private get t(): Translate<PasswordDialogKey> {
    return translator(passwordDialogMessages, this.locale);
  }

  /** Whether the dialog is showing. */
  get open(): boolean {
    return this.dialog?.open ?? false;
  }

  /**
   * Opens the dialog; resolves true once the server accepted the password, false when the staff member cancels.
   * Asked again while open, it answers the same question.
   */
  async ask(): Promise<boolean> {
    if (this.pending) return this.pending.promise;
    let resolve!: (confirmed: boolean) => void;
    const promise = new Promise<boolean>((done) => (resolve = done));
    this.pending = { promise, resolve };
    this.confirmed = false;
    this.error = '';
    this.returnFocus = deepActiveElement(this.ownerDocument);
    await this.updateComplete;
    this.input!.value = '';
    this.dialog!.showModal();
    this.input!.focus();
    return promise;
  }

  /** Closes the dialog as if cancelled (the session ended meanwhile). */
  cancel() {
    if (this.dialog?.open) this.dialog.close();
    else this.settle();
  }

  override render() {
    const t = this.t;
    return html`<dialog part="dialog" aria-labelledby="title" aria-describedby="help" lang=${this.locale} @close=${this.handleClose}>
      <form part="form" novalidate @submit=${this.handleSubmit}>
        <h2 id="title">${t('title')}</h2>
        <p id="help">${t('help')}</p>
        <label
          >${t('password')}
          <input
            name="password"
            type="password"
            autocomplete="current-password"
            maxlength="1024"
            required
            aria-invalid=${this.error ? 'true' : 'false'}
            aria-describedby=${this.error ? 'error' : nothing}
          />
        </label>
        ${this.error ? html`<p part="error" id="error" role="alert">${this.error}</p>` : nothing}
        <div class="actions">
          <button part="confirm" class="primary" type="submit" aria-disabled=${this.confirming ? 'true' : 'false'}>${this.confirming ? t('confirming') : t('confirm')}</button>
          <button part="cancel" class="secondary" type="button" @click=${() => this.dialog?.close()}>${t('cancel')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.confirming || !this.api) return;
    const password = this.input!.value;
    if (!password) return this.refuse(this.t('error.required'));
    const asked = this.pending;
    this.confirming = true;
    this.error = '';
    try {
      await this.api.confirmPassword(password);
      if (this.pending !== asked) return;
      this.confirmed = true;
      this.dialog!.close();
    } catch (error) {
      if (this.pending === asked) this.refuse(this.messageOf(error));
    } finally {
      this.confirming = false;
    }
  };

  private messageOf(error: unknown): string {
    const t = this.t;
    const problem = error instanceof ApiError ? error : new ApiError('generic', 0, String(error));
    if (problem.status === 429 || problem.code === 'too_many_attempts') return t('error.too_many_attempts', { wait: waitWords(problem.retryAfter, this.locale) });
    const key = `error.${problem.code}` as PasswordDialogKey;
    return key in passwordDialogMessages.en && key !== 'error.required' ? t(key) : t('error.generic');
  }

  private async refuse(message: string) {
    this.error = message;
    await this.updateComplete;
    this.input?.focus();
    this.input?.select();
  }

  /** Escape, cancel, or a confirmed password: answer the question and give focus back. */
  private handleClose = () => {
    this.settle();
    if (this.returnFocus?.isConnected) this.returnFocus.focus();
    this.returnFocus = undefined;
  };

  private settle() {
    const pending = this.pending;
    this.pending = undefined;
    this.error = '';
    if (this.input) this.input.value = '';
    pending?.resolve(this.confirmed);
    this.confirmed = false;
  }
}

define('admin-password-dialog', AdminPasswordDialog);

declare global {
  interface HTMLElementTagNameMap {
    'admin-password-dialog': AdminPasswordDialog;
  }
}
