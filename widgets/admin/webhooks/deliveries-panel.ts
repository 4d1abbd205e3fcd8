import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { webhooksStyles } from './admin-webhooks.styles.ts';
import type { DeliveryStatus, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhooksClient } from './webhooks-client.ts';
import { WebhooksElement } from './webhooks-element.ts';

type StatusFilter = '' | DeliveryStatus;
const STATUSES: readonly StatusFilter[] = ['', 'pending', 'delivered', 'failed'];

/**
 * One endpoint's delivery log: its deliveries newest first — the event, when, status, attempts, and each try (when,
 * the status code or why the receiver could not be reached, how long it took) behind a disclosure. Filter by status,
 * refresh, load older deliveries, and (with `webhooks:write`) deliver one again.
 * @summary The delivery log of a webhook endpoint.
 * @csspart filters - the status filter and the refresh button.
 * @csspart deliveries - the deliveries; each a `delivery` (`data-status` pending, delivered or failed).
 * @csspart badge - a delivery's status.
 * @csspart last-error - the last answer of a delivery not delivered.
 * @csspart tries - a delivery's tries, behind a disclosure.
 * @csspart redeliver - a delivery's "Redeliver" button.
 * @csspart more - "load older deliveries".
 * @csspart empty - the message when there is nothing to show.
 */
export class AdminWebhookDeliveries extends WebhooksElement {
  static override styles = [baseStyles, panelStyles, cardListStyles, webhooksStyles];

  /** The typed client `<admin-webhooks>` hands down. */
  @property({ attribute: false }) client?: WebhooksClient;
  /** Whose deliveries. */
  @property({ attribute: false }) endpoint?: WebhookEndpoint;

  @state() private status: StatusFilter = '';
  @state() private items: WebhookDelivery[] = [];
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private redelivering?: string;
  @state() private rowError?: { id: string; message: string };

  private readonly list = new Task(this, {
    task: async ([client, id, status], { signal }) => {
      if (!client || !id) return undefined;
      const page = await client.deliveries(id, { status: status || undefined }, signal);
      Object.assign(this, { items: page.items, next: page.next, moreError: '', rowError: undefined });
      return page;
    },
    args: () => [this.client, this.endpoint?.id, this.status] as const,
  });

  /** Asks the server again (after a test event was sent, say). */
  reload(): void {
    void this.list.run();
  }

  override render() {
    const t = this.t;
    const pending = this.list.status === TaskStatus.INITIAL || this.list.status === TaskStatus.PENDING;
    return html`<section class="log-body" aria-labelledby="log-title">
      <h4 id="log-title" tabindex="-1">${t('log.title')}</h4>
      <p class="hint">${t('log.intro')}</p>
      ${this.renderAnnouncement()}
      <form part="filters" class="filters" aria-label=${t('log.filters')} @submit=${(event: Event) => event.preventDefault()}>
        <label>${t('log.status')}
          <select name="status" @change=${this.handleStatus}>
            ${STATUSES.map((status) => html`<option value=${status} ?selected=${status === this.status}>${t(status ? `delivery.${status}` : 'log.status.all')}</option>`)}
          </select>
        </label>
        <button part="refresh" class="secondary" type="button" @click=${() => this.reload()}>${t('log.refresh')}</button>
      </form>
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading('log.loading'),
          pending: () => this.renderLoading('log.loading'),
          error: (error) => this.renderProblem(error, () => this.reload()),
          complete: () => this.renderList(),
        })}
      </div>
    </section>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    if (!this.items.length) return html`<p part="empty">${t(this.status ? 'log.empty.filtered' : 'log.empty')}</p>`;
    return html`<ol part="deliveries list" aria-label=${t('log.label')}>${repeat(this.items, (item) => item.id, (item) => this.renderDelivery(item))}</ol>
      ${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
      ${this.next
        ? html`<div class="actions">
            <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.handleMore}>
              ${this.loadingMore ? t('log.loading-more') : t('log.more')}
            </button>
          </div>`
        : nothing}`;
  }

  private renderDelivery(item: WebhookDelivery): TemplateResult {
    const t = this.t;
    const time = (instant: string) => html`<time datetime=${instant}>${this.when(instant)}</time>`;
    const lastAnswer = item.lastError ?? (item.lastStatus === null ? null : `HTTP ${item.lastStatus}`);
    return html`<li part="delivery item" data-id=${item.id} data-status=${item.status}>
      <div class="item-head">
        <h5 id=${`delivery-${item.id}`} tabindex="-1">${this.eventName(item.event.type)} <code part="code">${item.event.type}</code></h5>
        <span part="badge" class="state" data-status=${item.status}>${t(`delivery.${item.status}`)}</span>
      </div>
      <dl>
        <div><dt>${t('delivery.created')}</dt><dd>${time(item.createdAt)}</dd></div>
        <div><dt>${t('delivery.attempts')}</dt><dd>${item.attempts}</dd></div>
        ${item.deliveredAt ? html`<div><dt>${t('delivery.delivered-at')}</dt><dd>${time(item.deliveredAt)}</dd></div>` : nothing}
        ${item.status === 'pending' && item.nextAttemptAt ? html`<div><dt>${t('delivery.next-attempt')}</dt><dd>${time(item.nextAttemptAt)}</dd></div>` : nothing}
        <div><dt>${t('delivery.event')}</dt><dd><code part="code">${item.event.id}</code></dd></div>
      </dl>
      ${item.status !== 'delivered' && lastAnswer
        ? html`<p part="last-error"><span class="label">${t('delivery.last')}</span> <code>${lastAnswer}</code></p>`
        : nothing}
      ${this.renderTries(item)}
      ${this.rowError?.id === item.id ? html`<div part="error" role="alert"><p>${this.rowError.message}</p></div>` : nothing}
      ${this.can('webhooks:write') ? this.renderRedeliver(item) : nothing}
    </li>`;
  }

  private renderTries(item: WebhookDelivery): TemplateResult {
    const t = this.t;
    if (!item.log.length) return html`<p class="hint">${t('delivery.no-tries')}</p>`;
    return html`<details part="tries">
      <summary>${t('delivery.tries', { count: item.log.length })}</summary>
      <ol class="tries">${item.log.map((attempt) => this.renderTry(attempt))}</ol>
    </details>`;
  }

  private renderTry(attempt: WebhookAttempt): TemplateResult {
    const t = this.t;
    const ok = attempt.statusCode !== null && attempt.statusCode >= 200 && attempt.statusCode < 300;
    const outcome = attempt.statusCode === null ? (attempt.error ?? t('endpoint.last.no-answer')) : t('try.status', { status: attempt.statusCode });
    const duration = t('try.duration', { ms: new Intl.NumberFormat(this.locale).format(attempt.durationMs) });
    return html`<li data-ok=${ok ? 'true' : 'false'}>
      <time datetime=${attempt.at}>${this.when(attempt.at, true)}</time>
      <span class="outcome">${outcome}</span>
      <span class="duration">${duration}</span>
    </li>`;
  }

  private renderRedeliver(item: WebhookDelivery): TemplateResult {
    const t = this.t;
    const busy = this.redelivering === item.id;
    const text = busy ? t('redeliver.working') : t('redeliver');
    return html`<div class="actions">
      <button part="redeliver" class="secondary" type="button" aria-disabled=${busy ? 'true' : 'false'}
        aria-label=${t('redeliver.label', { action: text, event: this.eventName(item.event.type), when: this.when(item.createdAt) })}
        @click=${() => this.redeliver(item)}>${text}</button>
    </div>`;
  }

  private async redeliver(item: WebhookDelivery) {
    if (this.redelivering !== undefined || !this.client) return;
    this.redelivering = item.id;
    this.rowError = undefined;
    try {
      const delivery = await this.client.redeliver(item.id);
      if (!this.status || this.status === delivery.status) this.items = [delivery, ...this.items];
      this.announcement = this.t('announce.redelivered', { event: this.eventName(item.event.type) });
    } catch (error) {
      this.rowError = { id: item.id, message: this.problemText(error) };
    } finally {
      this.redelivering = undefined;
    }
  }

  private handleStatus = (event: Event) => {
    this.status = (event.target as HTMLSelectElement).value as StatusFilter;
  };

  private handleMore = async () => {
    if (this.loadingMore || !this.client || !this.endpoint || this.next === null) return;
    this.loadingMore = true;
    this.moreError = '';
    const first = this.items.length;
    try {
      const page = await this.client.deliveries(this.endpoint.id, { status: this.status || undefined, before: this.next });
      this.items = [...this.items, ...page.items.filter((item) => !this.items.some((other) => other.id === item.id))];
      this.next = page.next;
      // Focus the first delivery just loaded, so the keyboard carries on where the list grew.
      const added = this.items[first];
      if (added) this.focusLater(`#delivery-${CSS.escape(added.id)}`);
    } catch (error) {
      this.moreError = this.problemText(error);
    } finally {
      this.loadingMore = false;
    }
  };
}

define('admin-webhook-deliveries', AdminWebhookDeliveries);

declare global {
  interface HTMLElementTagNameMap {
    'admin-webhook-deliveries': AdminWebhookDeliveries;
  }
}
