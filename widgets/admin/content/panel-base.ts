import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import type { ContentClient } from './content-client.ts';
import { formatSize } from './content-rules.ts';
import { problemText } from './form-problems.ts';
import { messages, type ContentKey } from './messages.ts';

/**
 * The base of the content tabs: the section's strings, the typed client `<admin-content>` hands down, a live
 * announcement, problems in words, and dates, counts and sizes in the staff member's language.
 */
export abstract class ContentPanel extends AdminSection<ContentKey> {
  protected readonly catalog = messages;

  /**
   * The typed client `<admin-content>` hands down (a plain object: the API itself may be a Proxy, which Lit would
   * take for a directive in a template binding).
   */
  @property({ attribute: false }) client?: ContentClient;

  /** What just happened, read out by screen readers. */
  @state() protected announcement = '';

  /** Whether the staff member may change content (`content:write`); without it the tabs only show. */
  protected get mayWrite(): boolean {
    return this.can('content:write');
  }

  /** A failed call in words: the problem's code when this section knows it, else the generic sentence. */
  protected problemText(error: unknown): string {
    return problemText(error, this.t);
  }

  /** An instant as date and time, in the staff member's language and the browser's zone. */
  protected when(instant: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(instant));
  }

  /** A calendar date (`YYYY-MM-DD`) as written, whatever the zone. */
  protected day(date: string): string {
    return new Intl.DateTimeFormat(this.locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${date}T00:00:00Z`));
  }

  protected number(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(this.locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(value);
  }

  protected size(bytes: number): string {
    return formatSize(bytes, this.locale);
  }

  /** Who sees an item: "Everyone" or "3 accounts". */
  protected audienceText(audience: readonly string[] | null): string {
    if (!audience) return this.t('audience.everyone');
    const form = new Intl.PluralRules(this.locale).select(audience.length) === 'one' ? 'one' : 'other';
    return this.t(`audience.count.${form}`, { count: this.number(audience.length) });
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

/** Whether a failure is only the abort of a call no longer wanted. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
