import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ContentElement, contentStyles } from '../core/content-base.ts';
import type { NewsPage, NewsSummary } from '../core/content-types.ts';
import { define } from '../core/define.ts';
import { baseStyles, panelStyles } from '../core/shared-styles.ts';
import { messages, type NewsKey } from './messages.ts';
import { newsStyles } from './portal-news.styles.ts';
import { renderArticle, renderItem, type NewsView } from './views.ts';

/**
 * The business's news (C1), newest first: each with its date, summary and cover image, unread ones marked (a dot, and
 * "New" read out) and counted in the heading; "Show more" pages on. An item opens its full article (title, date,
 * image, body) in place; "Back to news" returns to the list, focus on the item. A full session and a quick-access
 * session (A8) both read the news; only a full session's reading is remembered (the server marks it read).
 * @summary The business's news, with the unread ones marked.
 * @csspart base - the panel.
 * @csspart count - the unread count beside the heading.
 * @csspart list - the list of news.
 * @csspart item - one news item (`data-unread` when not read yet).
 * @csspart image - a cover image.
 * @csspart open - an item's title, the button that opens it.
 * @csspart dot - the unread mark.
 * @csspart summary - an item's summary.
 * @csspart more - the "show more" button.
 * @csspart article - the article view.
 * @csspart back - the "back to news" button.
 * @csspart body - the article's text.
 * @csspart empty - the message when there is no news.
 * @csspart error - what went wrong.
 * @csspart status - loading messages.
 * @cssprop --portal-news-gap - space between the parts.
 * @cssprop --portal-news-unread-color - the unread mark and edge (default: the link colour, a shade of the brand that reads on the surface).
 */
export class PortalNews extends ContentElement<NewsKey> implements NewsView {
  static override styles = [baseStyles, panelStyles, contentStyles, newsStyles];

  protected readonly catalog = messages;
  protected override readonly quickAccess = true;

  /** The article open, by id; undefined: the list. */
  @state() private opened?: NewsSummary;
  @state() private loadingMore = false;
  @state() private moreError = '';
  /** Pages loaded by "show more" after the first. */
  private older?: NewsPage;
  /** Items opened here that were unread: they no longer count, whatever the list said. */
  private readonly readHere = new Set<string>();
  private generation = 0;

  private readonly list = new Task(this, {
    task: async ([key], { signal }) => {
      this.generation++;
      this.older = undefined;
      this.moreError = '';
      return key ? this.portal!.api.listNews(this.token()!, {}, signal) : undefined;
    },
    args: () => [this.sessionKey()] as const,
  });

  private readonly article = new Task(this, {
    task: async ([key, id], { signal }) => (key && id ? this.portal!.api.getNews(this.token()!, id, signal) : undefined),
    args: () => [this.sessionKey(), this.opened?.id] as const,
  });

  protected override forget() {
    this.opened = undefined;
    this.readHere.clear();
  }

  isUnread(item: NewsSummary): boolean {
    return !this.isQuickAccess() && !item.read && !this.readHere.has(item.id);
  }

  /** Opens an item's article; it counts as read from now on (the server marks it so for a full session). */
  open(item: NewsSummary) {
    if (this.isUnread(item)) this.readHere.add(item.id);
    this.opened = item;
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#article-title')?.focus());
  }

  private handleBack = () => {
    const id = this.opened?.id;
    this.opened = undefined;
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(`[part~=item][data-id="${CSS.escape(id ?? '')}"] [part~=open]`)?.focus());
  };

  override render() {
    const t = this.t;
    if (!this.token()) return html`<div part="base" lang=${this.locale}><h2>${t('title')}</h2><p>${t('sign-in-first')}</p></div>`;
    if (this.opened) return html`<div part="base" lang=${this.locale}>${this.renderArticleView()}</div>`;
    const loaded = this.list.status === TaskStatus.COMPLETE ? this.list.value : undefined;
    return html`<div part="base" lang=${this.locale}>
      <h2>${t('title')}${loaded ? this.renderCount(loaded) : nothing}</h2>
      ${this.list.render({
        initial: () => this.loading(),
        pending: () => this.loading(),
        error: (error) => this.problem(error, () => void this.list.run()),
        complete: (page) => (page ? this.renderList(page) : this.loading()),
      })}
    </div>`;
  }

  private renderCount(page: NewsPage): TemplateResult | typeof nothing {
    const count = Math.max(0, page.unread - this.readHere.size);
    if (!count || this.isQuickAccess()) return nothing;
    const key = new Intl.PluralRules(this.locale).select(count) === 'one' ? 'unread.one' : 'unread.other';
    return html`<span part="count" class="state">${this.t(key, { count })}</span>`;
  }

  private renderList(page: NewsPage): TemplateResult {
    const t = this.t;
    const items = [...page.items, ...(this.older?.items ?? [])];
    if (!items.length) return html`<p part="empty">${t('empty', { business: this.business(t('business')) })}</p>`;
    const next = this.older ? this.older.next : page.next;
    return html`<ul part="list">${repeat(items, (item) => item.id, (item) => renderItem(this, item))}</ul>
      ${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
      ${next
        ? html`<div class="actions">
            <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => this.loadMore(page, next)}>${t('more')}</button>
          </div>`
        : nothing}`;
  }

  private renderArticleView(): TemplateResult {
    const back = html`<button part="back" class="secondary" type="button" @click=${this.handleBack}><span aria-hidden="true">←</span> ${this.t('back')}</button>`;
    // The title stays one element while the article loads, so the focus put on it stays too.
    return html`<article part="article" aria-labelledby="article-title">
      ${back}
      <h2 id="article-title" tabindex="-1">${this.article.value?.id === this.opened!.id ? this.article.value.title : this.opened!.title}</h2>
      ${this.article.render({
        initial: () => this.loading(),
        pending: () => this.loading(),
        error: (error) => this.problem(error, () => void this.article.run()),
        complete: (article) => (article ? renderArticle(this, article) : this.loading()),
      })}
    </article>`;
  }

  private async loadMore(page: NewsPage, cursor: string) {
    const token = this.token();
    if (!token || this.loadingMore) return;
    const generation = this.generation;
    const shown = page.items.length + (this.older?.items.length ?? 0);
    this.loadingMore = true;
    this.moreError = '';
    try {
      const more = await this.portal!.api.listNews(token, { before: cursor });
      if (generation !== this.generation) return;
      this.older = { items: [...(this.older?.items ?? []), ...more.items], next: more.next, unread: more.unread };
      this.requestUpdate();
      await this.updateComplete;
      // Focus goes on to the first item just shown, so keyboard and screen reader users continue from there.
      this.shadowRoot?.querySelectorAll<HTMLElement>('[part~=open]')[shown]?.focus();
    } catch (error) {
      if (generation === this.generation) this.moreError = this.message(error);
    } finally {
      this.loadingMore = false;
    }
  }
}

define('portal-news', PortalNews);

declare global {
  interface HTMLElementTagNameMap {
    'portal-news': PortalNews;
  }
}
