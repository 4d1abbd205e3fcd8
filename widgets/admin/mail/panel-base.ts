import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError } from '../admin-api.ts';
import type { MailClient } from './mail-client.ts';
import { messages, type MailKey } from './messages.ts';

/**
 * The base of the mail tabs: the section's strings, the typed client `<admin-mail>` hands down (a plain object: the
 * API itself may be a Proxy, which Lit would take for a directive in a binding), a live announcement, and the
 * loading and problem states drawn alike.
 */
export abstract class MailPanel extends AdminSection<MailKey> {
  protected readonly catalog = messages;

  @property({ attribute: false }) client?: MailClient;

  /** What just happened, read out by screen readers. */
  @state() protected announcement = '';

  /** A failed call in words: the problem's code when this section knows it, else the generic sentence. */
  protected problemText(error: unknown): string {
    const key = `error.${error instanceof ApiError ? error.code : 'generic'}`;
    return key in messages.en ? this.t(key as MailKey) : this.t('error.generic');
  }

  /** A template's name in words ("Password reset"); its own name when this console does not know it. */
  protected templateName(template: string): string {
    const key = `template.${template}`;
    return key in messages.en ? this.t(key as MailKey) : template;
  }

  /** An instant in the staff member's language and zone. */
  protected when(instant: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  }

  protected focusLater(selector: string): void {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  protected renderAnnouncement(): TemplateResult {
    return html`<p part="announcement" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  protected renderLoading(): TemplateResult {
    return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  protected renderProblem(error: unknown, retry: () => void): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.problemText(error)}</p>
      <button class="secondary" type="button" @click=${retry}>${this.t('retry')}</button>
    </div>`;
  }
}
