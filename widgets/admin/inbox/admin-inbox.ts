import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ref } from 'lit/directives/ref.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import './admin-inbox-request.ts';
import { inboxStyles } from './admin-inbox.styles.ts';
import {
  InboxClient,
  keepMatching,
  REQUEST_CATEGORIES,
  REQUEST_STATUSES,
  type AssigneeFilter,
  type CategorySetting,
  type InboxFilters,
  type RequestCategory,
  type RequestStatus,
  type RequestSummary,
} from './inbox-client.ts';
import { categoryLabel, dateTime } from './inbox-format.ts';
import { messages, problemKey, type InboxKey } from './messages.ts';

const DEFAULT_CATEGORIES: CategorySetting[] = REQUEST_CATEGORIES.map((key) => ({ key, enabled: true, labels: {} }));

/**
 * The inbox (G8): every request clients sent — questions, reviews, registration changes, feedback — newest first,
 * filtered by status, category and who it is assigned to (anyone, me, nobody), a page at a time ("Load more"). Each
 * row shows the subject, category, client, status, last update and assignee; opening one shows its conversation
 * (`<admin-inbox-request>`), and "Back" returns to the same row. Needs `requests:read`; replying, assigning and
 * changing the status need `requests:write`.
 * @summary The client requests inbox.
 * @csspart base - the section.
 * @csspart intro - what the inbox holds.
 * @csspart announcement - the live region saying what just happened.
 * @csspart filters - the status, category and assignee filters.
 * @csspart list - the requests; each a `row` (`data-status`), opened by its `open` button, its status a `badge`.
 * @csspart more - the "load more" button.
 * @csspart empty - the message when no request is there (or matches).
 * @csspart error - what went wrong.
 * @csspart status - the loading message.
 * @cssprop --portal-inbox-gap - space between the parts.
 */
export class AdminInbox extends AdminSection<InboxKey> {
  static override styles = [baseStyles, panelStyles, inboxStyles];

  protected readonly catalog = messages;

  @state() private filters: InboxFilters = { assignee: 'anyone' };
  /** The rows loaded so far (every page), with the changes made here. */
  @state() private items: RequestSummary[] = [];
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private openId?: string;
  @state() private announcement = '';
  /** Set by a filter change: the next list loaded is announced with its count. */
  private announceLoad = false;
  /** Counts the list's loads, so a "load more" page that arrives after a filter change is dropped. */
  private generation = 0;

  private readonly list = new Task(this, {
    task: async ([api, allowed, filters, myName], { signal }) => {
      if (!api || !allowed) return undefined;
      const generation = ++this.generation;
      this.moreError = '';
      const page = await new InboxClient(api).list(filters, myName, undefined, signal);
      if (generation !== this.generation) return undefined;
      this.items = keepMatching(page.items, filters);
      this.next = page.next;
      if (this.announceLoad) this.announce(this.shownText());
      this.announceLoad = false;
      return page;
    },
    args: () => [this.api, this.can('requests:read'), this.filters, this.me?.name] as const,
  });

  private readonly categoryList = new Task(this, {
    task: async ([api], { signal }) => (api ? new InboxClient(api).categories(signal).catch(() => DEFAULT_CATEGORIES) : DEFAULT_CATEGORIES),
    args: () => [this.api] as const,
  });

  private get categories(): readonly CategorySetting[] {
    return this.categoryList.value ?? DEFAULT_CATEGORIES;
  }

  override render() {
    const t = this.t;
    return html`<section part="base" aria-labelledby="inbox-title" lang=${this.locale}>
      <h2 id="inbox-title">${t('title')}</h2>
      ${this.openId
        ? html`<admin-inbox-request
            ${ref(this.handRequestApi)}
            .me=${this.me}
            .locale=${this.locale}
            .requestId=${this.openId}
            .categories=${this.categories}
            @admin-request-changed=${this.handleChanged}
            @admin-request-back=${this.handleBack}
          ></admin-inbox-request>`
        : this.renderInbox()}
    </section>`;
  }

  /**
   * Gives the request view the API client outside a template binding: Lit asks a bound value whether it is a
   * directive, and the fake API of tests and stories (a Proxy answering every name) would say yes.
   */
  private handRequestApi = (element?: Element) => {
    if (element) (element as HTMLElementTagNameMap['admin-inbox-request']).api = this.api;
  };

  override updated() {
    const request = this.shadowRoot?.querySelector('admin-inbox-request');
    if (request && request.api !== this.api) request.api = this.api;
  }

  private renderInbox(): TemplateResult {
    const t = this.t;
    if (!this.can('requests:read')) return html`<p>${t('error.forbidden')}</p>`;
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`<p part="intro">${t('intro')}</p>
      ${this.can('requests:write') ? nothing : html`<p class="hint">${t('read-only')}</p>`}
      <p part="announcement" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderFilters()}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error),
          complete: () => this.renderList(),
        })}
      </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    const { status, category, assignee } = this.filters;
    return html`<div part="filters" role="group" aria-label=${t('filters.label')}>
      <label
        >${t('filter.status')}
        <select name="status" @change=${this.handleFilter}>
          <option value="" ?selected=${!status}>${t('filter.status.any')}</option>
          ${REQUEST_STATUSES.map((value) => html`<option value=${value} ?selected=${value === status}>${t(`status.${value}`)}</option>`)}
        </select>
      </label>
      <label
        >${t('filter.category')}
        <select name="category" @change=${this.handleFilter}>
          <option value="" ?selected=${!category}>${t('filter.category.any')}</option>
          ${REQUEST_CATEGORIES.map((value) => html`<option value=${value} ?selected=${value === category}>${categoryLabel(t, this.categories, value, this.locale)}</option>`)}
        </select>
      </label>
      <label
        >${t('filter.assignee')}
        <select name="assignee" @change=${this.handleFilter}>
          <option value="anyone" ?selected=${assignee === 'anyone'}>${t('filter.assignee.anyone')}</option>
          ${this.me?.name ? html`<option value="mine" ?selected=${assignee === 'mine'}>${t('filter.assignee.mine', { name: this.me.name })}</option>` : nothing}
          <option value="unassigned" ?selected=${assignee === 'unassigned'}>${t('filter.assignee.unassigned')}</option>
        </select>
      </label>
    </div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  private renderProblem(error: unknown): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.problemText(error)}</p>
      <button class="secondary" type="button" @click=${() => void this.list.run()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const filtered = Boolean(this.filters.status || this.filters.category || this.filters.assignee !== 'anyone');
    const empty = !this.items.length
      ? html`<p part="empty">${!filtered ? t('empty') : this.next ? t('empty.filtered-more') : t('empty.filtered')}</p>`
      : html`<ul part="list" aria-label=${t('list.label')}>
          ${repeat(this.items, (item) => item.id, (item) => this.renderRow(item))}
        </ul>`;
    return html`${empty} ${this.renderMore()}`;
  }

  private renderRow(item: RequestSummary): TemplateResult {
    const t = this.t;
    return html`<li part="row" data-id=${item.id} data-status=${item.status}>
      <h3><button part="open" class="link" type="button" @click=${() => this.open(item.id)}>${item.subject}</button></h3>
      <dl>
        <div><dt>${t('row.status')}</dt><dd><span part="badge" class="state" data-status=${item.status}>${t(`status.${item.status}`)}</span></dd></div>
        <div><dt>${t('row.category')}</dt><dd>${categoryLabel(t, this.categories, item.category, this.locale)}</dd></div>
        <div><dt>${t('row.account')}</dt><dd>${item.accountName}</dd></div>
        <div><dt>${t('row.updated')}</dt><dd><time datetime=${item.updatedAt}>${dateTime(item.updatedAt, this.locale)}</time></dd></div>
        <div><dt>${t('row.assignee')}</dt><dd>${item.assignee ?? t('row.nobody')}</dd></div>
      </dl>
    </li>`;
  }

  private renderMore(): TemplateResult | typeof nothing {
    if (!this.next) return nothing;
    const t = this.t;
    return html`${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
      <div class="actions">
        <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.handleMore}>
          ${this.loadingMore ? t('more.loading') : this.moreError ? t('retry') : t('more')}
        </button>
      </div>`;
  }

  private problemText(error: unknown): string {
    return this.t(problemKey(error instanceof ApiError ? error.code : undefined));
  }

  private shownText(): string {
    const count = this.items.length;
    return this.t(new Intl.PluralRules(this.locale).select(count) === 'one' ? 'shown.one' : 'shown.other', { count });
  }

  /** Says `text` in the live region, even when it is the same as last time. */
  private announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private handleFilter = (event: Event) => {
    const select = event.target as HTMLSelectElement;
    const value = select.value || undefined;
    if (select.name === 'status') this.filters = { ...this.filters, status: value as RequestStatus | undefined };
    if (select.name === 'category') this.filters = { ...this.filters, category: value as RequestCategory | undefined };
    if (select.name === 'assignee') this.filters = { ...this.filters, assignee: (value ?? 'anyone') as AssigneeFilter };
    this.announceLoad = true;
  };

  private handleMore = async () => {
    if (this.loadingMore || !this.next || !this.api) return;
    const generation = this.generation;
    const count = this.items.length;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await new InboxClient(this.api).list(this.filters, this.me?.name, this.next);
      if (generation !== this.generation) return;
      const known = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...keepMatching(page.items, this.filters).filter((item) => !known.has(item.id))];
      this.next = page.next;
      this.announce(this.shownText());
      // The first new row takes the focus, so the keyboard goes on where the list grew.
      const first = this.items[count];
      if (first) this.focusLater(`[data-id="${CSS.escape(first.id)}"] [part~=open]`);
    } catch (error) {
      if (generation === this.generation) this.moreError = this.problemText(error);
    } finally {
      this.loadingMore = false;
    }
  };

  private open(id: string) {
    this.announcement = '';
    this.openId = id;
  }

  private handleBack = () => {
    const id = this.openId;
    this.openId = undefined;
    this.focusLater(id ? `[data-id="${CSS.escape(id)}"] [part~=open]` : '#inbox-title');
  };

  private handleChanged = (event: GlobalEventHandlersEventMap['admin-request-changed']) => {
    const { id, changes } = event.detail;
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...changes } : item));
  };

  private focusLater(selector: string) {
    void this.updateComplete.then(() => {
      const target = this.shadowRoot?.querySelector<HTMLElement>(selector) ?? this.shadowRoot?.querySelector<HTMLElement>('#inbox-title');
      if (target && target.id === 'inbox-title') target.tabIndex = -1;
      target?.focus();
    });
  }
}

define('admin-inbox', AdminInbox);

declare global {
  interface HTMLElementTagNameMap {
    'admin-inbox': AdminInbox;
  }
}
