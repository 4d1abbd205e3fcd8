import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { isLocale, LOCALE_NAMES } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { mailStyles } from './admin-mail.styles.ts';
import type { OutboxItem } from './mail-client.ts';
import { MailPanel } from './panel-base.ts';

type StatusFilter = '' | OutboxItem['status'];

/**
 * The outbox (G6): every mail the portal sent or will send, newest first — to whom, which template in which
 * language, its status (waiting, sent, failed), attempts, the last error, and when it was queued, sent or will be
 * tried next. Filter by status, load older mail, and retry a waiting or failed one now.
 * @summary The mail outbox with delivery status and retry.
 * @csspart filters - the status filter.
 * @csspart list - the mails; each an `item` (`data-status` pending, sent or failed).
 * @csspart badge - a mail's status.
 * @csspart last-error - the last delivery error.
 * @csspart retry - a mail's retry button.
 * @csspart more - "load older".
 * @csspart empty - the message when the outbox (or the filter) has no mail.
 */
export class AdminMailOutbox extends MailPanel {
  static override styles = [baseStyles, panelStyles, cardListStyles, mailStyles];

  @state() private status: StatusFilter = '';
  @state() private items: OutboxItem[] = [];
  @state() private next: number | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private retrying?: number;
  @state() private rowError?: { id: number; message: string };

  private readonly list = new Task(this, {
    task: async ([client, status], { signal }) => {
      if (!client) return undefined;
      const page = await client.outbox({ status: status || undefined }, signal);
      Object.assign(this, { items: page.items, next: page.next, moreError: '', rowError: undefined });
      return page;
    },
    args: () => [this.client, this.status] as const,
  });

  override render() {
    const t = this.t;
    const pending = this.list.status === TaskStatus.INITIAL || this.list.status === TaskStatus.PENDING;
    return html`<div class="panel-body">
      <h3 id="outbox-title" tabindex="-1">${t('outbox.title')}</h3>
      <p class="hint">${t('outbox.intro')}</p>
      ${this.renderAnnouncement()}
      <form part="filters" aria-label=${t('outbox.filters')} @submit=${(event: Event) => event.preventDefault()}>
        <label>${t('outbox.status')}
          <select name="status" @change=${this.handleStatus}>
            ${(['', 'pending', 'sent', 'failed'] as const).map(
              (status) => html`<option value=${status} ?selected=${status === this.status}>${t(status ? `status.${status}` : 'outbox.status.all')}</option>`,
            )}
          </select>
        </label>
      </form>
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error, () => void this.list.run()),
          complete: () => this.renderList(),
        })}
      </div>
    </div>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    if (!this.items.length) return html`<p part="empty">${t(this.status ? 'outbox.empty.filtered' : 'outbox.empty')}</p>`;
    return html`<ul part="list" aria-labelledby="outbox-title">${repeat(this.items, (item) => item.id, (item) => this.renderItem(item))}</ul>
      ${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
      ${this.next
        ? html`<div class="actions">
            <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.handleMore}>
              ${this.loadingMore ? t('outbox.loading-more') : t('outbox.more')}
            </button>
          </div>`
        : nothing}`;
  }

  private renderItem(item: OutboxItem): TemplateResult {
    const t = this.t;
    const time = (instant: string) => html`<time datetime=${instant}>${this.when(instant)}</time>`;
    return html`<li part="item" data-id=${item.id} data-status=${item.status}>
      <div class="item-head">
        <h4 id="mail-${item.id}" tabindex="-1" class="address">${item.to}</h4>
        <span part="badge" class="state" data-status=${item.status}>${t(`status.${item.status}`)}</span>
      </div>
      <dl>
        <div><dt>${t('outbox.template')}</dt><dd>${this.templateName(item.template)}</dd></div>
        <div><dt>${t('outbox.locale')}</dt><dd>${isLocale(item.locale) ? LOCALE_NAMES[item.locale] : item.locale}</dd></div>
        <div><dt>${t('outbox.attempts')}</dt><dd>${item.attempts}</dd></div>
        <div><dt>${t('outbox.created')}</dt><dd>${time(item.createdAt)}</dd></div>
        ${item.sentAt ? html`<div><dt>${t('outbox.sent')}</dt><dd>${time(item.sentAt)}</dd></div>` : nothing}
        ${item.status === 'pending' && item.nextAttemptAt ? html`<div><dt>${t('outbox.next-attempt')}</dt><dd>${time(item.nextAttemptAt)}</dd></div>` : nothing}
      </dl>
      ${item.lastError && item.status !== 'sent'
        ? html`<p part="last-error"><span class="label">${t('outbox.last-error')}</span> <code>${item.lastError}</code></p>`
        : nothing}
      ${this.rowError?.id === item.id ? html`<div part="error" role="alert"><p>${this.rowError.message}</p></div>` : nothing}
      ${item.status === 'sent' ? nothing : this.renderRetry(item)}
    </li>`;
  }

  private renderRetry(item: OutboxItem): TemplateResult {
    const busy = this.retrying === item.id;
    return html`<div class="actions">
      <button part="retry" class="secondary" type="button" aria-disabled=${busy ? 'true' : 'false'} aria-label=${this.t('outbox.retry.label', { to: item.to })} @click=${() => this.retry(item)}>
        ${busy ? this.t('outbox.retrying') : this.t('outbox.retry')}
      </button>
    </div>`;
  }

  private async retry(item: OutboxItem) {
    if (this.retrying !== undefined || !this.client) return;
    this.retrying = item.id;
    this.rowError = undefined;
    try {
      await this.client.retry(item.id);
      const now = new Date().toISOString();
      // As the server does: a failed mail starts its attempts over; either is tried now.
      this.items = this.items.map((other) => (other.id === item.id ? { ...other, status: 'pending', attempts: other.status === 'failed' ? 0 : other.attempts, nextAttemptAt: now } : other));
      this.announcement = this.t('outbox.retried', { to: item.to });
    } catch (error) {
      const sent = error instanceof ApiError && error.code === 'mail_already_sent';
      this.rowError = { id: item.id, message: sent ? this.t('outbox.already-sent') : this.problemText(error) };
    } finally {
      this.retrying = undefined;
    }
  }

  private handleStatus = (event: Event) => {
    this.status = (event.target as HTMLSelectElement).value as StatusFilter;
  };

  private handleMore = async () => {
    if (this.loadingMore || !this.client || this.next === null) return;
    this.loadingMore = true;
    this.moreError = '';
    const first = this.items.length;
    try {
      const page = await this.client.outbox({ status: this.status || undefined, before: this.next });
      this.items = [...this.items, ...page.items.filter((item) => !this.items.some((other) => other.id === item.id))];
      this.next = page.next;
      // Focus the first mail just loaded, so the keyboard carries on where the list grew.
      const added = this.items[first];
      if (added) this.focusLater(`#mail-${added.id}`);
    } catch (error) {
      this.moreError = this.problemText(error);
    } finally {
      this.loadingMore = false;
    }
  };
}

define('admin-mail-outbox', AdminMailOutbox);

declare global {
  interface HTMLElementTagNameMap {
    'admin-mail-outbox': AdminMailOutbox;
  }
}
