import { html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ContentElement } from '../core/content-base.ts';
import type { FeedbackInput } from '../core/content-types.ts';
import { define } from '../core/define.ts';
import { baseStyles, panelStyles } from '../core/shared-styles.ts';
import { messages, type FeedbackKey } from './messages.ts';
import { feedbackStyles } from './portal-feedback.styles.ts';

const RATINGS = [1, 2, 3, 4, 5] as const;

/**
 * "Give us your opinion" (C4): a small button that opens a dialog with a rating of 1 to 5 (stars, a radio group: each
 * star read as "3 of 5") and an optional comment; "Send" stores it as a request of category feedback and thanks the
 * client. Shown only to a signed-in client or a quick-access session (A8). The native modal `<dialog>` keeps focus
 * inside, closes on Escape, and focus returns to the button.
 * @summary The "give us your opinion" button and dialog.
 * @event portal-feedback-sent - the opinion was stored; `detail.requestId` is the request it became.
 * @csspart button - the button that opens the dialog.
 * @csspart dialog - the dialog.
 * @csspart close - the dialog's close button.
 * @csspart form - the rating and comment form.
 * @csspart stars - the rating's stars.
 * @csspart comment - the comment box.
 * @csspart send - the send button.
 * @csspart thanks - the thank-you message.
 * @csspart error - what went wrong (in the dialog).
 * @cssprop --portal-feedback-star-color - the chosen stars (default: the link colour, a shade of the brand that reads on the surface).
 * @cssprop --portal-feedback-button-background - behind the button (default: the surface colour).
 * @cssprop --portal-feedback-z-index - the floating button's stacking order.
 */
export class PortalFeedback extends ContentElement<FeedbackKey> {
  static override styles = [baseStyles, panelStyles, feedbackStyles];

  protected readonly catalog = messages;
  protected override readonly quickAccess = true;

  /** Fixed at the bottom corner of the page (as the seed's portal places it) instead of in the page's flow. */
  @property({ type: Boolean, reflect: true }) floating = false;

  @state() private rating = 0;
  @state() private sending = false;
  @state() private sent = false;
  @state() private error = '';
  @query('dialog') private dialog?: HTMLDialogElement;
  @query('[part~=button]') private trigger?: HTMLButtonElement;

  protected override forget() {
    this.dialog?.close();
    this.reset();
  }

  /** Opens the dialog (the button does). */
  show() {
    if (!this.dialog || this.dialog.open) return;
    if (this.sent) this.reset();
    this.error = '';
    this.dialog.showModal();
  }

  private reset() {
    Object.assign(this, { rating: 0, sending: false, sent: false, error: '' });
    const form = this.shadowRoot?.querySelector('form');
    form?.reset();
  }

  override render() {
    if (!this.token()) return nothing;
    const t = this.t;
    return html`<button part="button" type="button" aria-haspopup="dialog" lang=${this.locale} @click=${this.show}>
        <span aria-hidden="true">☆</span> ${t('open')}
      </button>
      <dialog part="dialog" aria-labelledby="feedback-title" lang=${this.locale} @close=${this.handleClose}>
        <div class="content">
          <div class="head">
            <h2 id="feedback-title">${t('title')}</h2>
            <button part="close" class="link" type="button" aria-label=${t('close')} @click=${this.close}><span aria-hidden="true">×</span></button>
          </div>
          ${this.sent ? this.renderThanks() : this.renderForm()}
        </div>
      </dialog>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    return html`<form part="form" novalidate @submit=${this.handleSubmit}>
      <fieldset aria-describedby=${this.error ? 'feedback-error' : nothing}>
        <legend>${t('rating')}</legend>
        <div part="stars">
          ${RATINGS.map(
            (rating) => html`<label class="star" ?data-on=${rating <= this.rating}>
              <input class="visually-hidden" type="radio" name="rating" value=${rating} ?autofocus=${rating === 1} .checked=${rating === this.rating} @change=${() => this.choose(rating)} />
              <span aria-hidden="true">${rating <= this.rating ? '★' : '☆'}</span>
              <span class="visually-hidden">${t('rating.of', { rating })}</span>
            </label>`,
          )}
        </div>
      </fieldset>
      <label>${t('comment')}
        <span class="hint" id="comment-hint">${t('comment.hint')}</span>
        <textarea part="comment" name="comment" rows="4" maxlength="2000" aria-describedby="comment-hint"></textarea>
      </label>
      ${this.error ? html`<p part="error" id="feedback-error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button part="send" class="primary" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? t('sending') : t('send')}</button>
        <button class="secondary" type="button" @click=${this.close}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  private renderThanks(): TemplateResult {
    return html`<p part="thanks" role="status">${this.t('thanks')}</p>
      <div class="actions"><button class="primary" type="button" @click=${this.close}>${this.t('close')}</button></div>`;
  }

  private choose(rating: number) {
    this.rating = rating;
    if (this.error) this.error = '';
  }

  private close = () => this.dialog?.close();

  /** Escape, a close button or the end of the session closed it: focus goes back to the button. */
  private handleClose = () => this.trigger?.focus();

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const token = this.token();
    if (!token || this.sending) return;
    if (!this.rating) {
      this.error = this.t('rating.missing');
      this.shadowRoot!.querySelector<HTMLInputElement>('input[name=rating]')!.focus();
      return;
    }
    const comment = (event.target as HTMLFormElement).querySelector('textarea')!.value.trim();
    const input: FeedbackInput = comment ? { rating: this.rating, comment } : { rating: this.rating };
    this.sending = true;
    this.error = '';
    try {
      const { requestId } = await this.portal!.api.sendFeedback(token, input);
      this.sent = true;
      this.dispatchEvent(new CustomEvent('portal-feedback-sent', { detail: { requestId }, bubbles: true, composed: true }));
      await this.updateComplete;
      this.shadowRoot!.querySelector<HTMLButtonElement>('dialog .actions button')?.focus();
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.sending = false;
    }
  };
}

define('portal-feedback', PortalFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'portal-feedback': PortalFeedback;
  }
  interface GlobalEventHandlersEventMap {
    'portal-feedback-sent': CustomEvent<{ requestId: string }>;
  }
}
