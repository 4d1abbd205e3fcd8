import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError } from '../admin-api.ts';
import { messages, type WebhooksKey } from './messages.ts';

/**
 * What `<admin-webhooks>` and its delivery log share: the section's strings, a live announcement, an event type and
 * a problem in words, instants in the staff member's language, and the loading and problem states drawn alike.
 */
export abstract class WebhooksElement extends AdminSection<WebhooksKey> {
  protected readonly catalog = messages;

  /** What just happened, read out by screen readers. */
  @state() protected announcement = '';

  /** A failed call in words: the problem's code when this section knows it, else the generic sentence. */
  problemText(error: unknown): string {
    const key = `error.${error instanceof ApiError ? error.code : 'generic'}`;
    return key in messages.en ? this.t(key as WebhooksKey) : this.t('error.generic');
  }

  /** An event type in words ("Appointment booked"); the type itself when this console does not know it. */
  eventName(type: string): string {
    const key = `event.${type}`;
    return key in messages.en ? this.t(key as WebhooksKey) : type;
  }

  /** An instant in the staff member's language and zone; with seconds for the tries of a delivery. */
  when(instant: string, precise = false): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: precise ? 'medium' : 'short' }).format(new Date(instant));
  }

  protected focusLater(selector: string): void {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  protected renderAnnouncement(): TemplateResult {
    return html`<p part="announcement" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  protected renderLoading(key: 'loading' | 'log.loading'): TemplateResult {
    return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t(key)}</span></div>`;
  }

  protected renderProblem(error: unknown, retry: () => void): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.problemText(error)}</p>
      <button class="secondary" type="button" @click=${retry}>${this.t('retry')}</button>
    </div>`;
  }
}
