import { html, nothing, type TemplateResult } from 'lit';
import type { ContentImage, NewsArticle, NewsSummary } from '../core/content-types.ts';
import type { Translate } from '../core/i18n.ts';
import type { ContentKey } from '../core/content-base.ts';
import { renderRichText } from '../core/rich-text.ts';
import type { NewsKey } from './messages.ts';

/** What the views use of `<portal-news>`. */
export interface NewsView {
  t: Translate<NewsKey | ContentKey>;
  date(value: string): string;
  image(image: ContentImage | null, width: number, height: number): TemplateResult | typeof nothing;
  isUnread(item: NewsSummary): boolean;
  open(item: NewsSummary): void;
}

/** One item of the list: a dot and "New" (read out, not shown) when unread, the title that opens it, date, summary. */
export function renderItem(view: NewsView, item: NewsSummary): TemplateResult {
  const { t } = view;
  const unread = view.isUnread(item);
  return html`<li part="item" data-id=${item.id} ?data-unread=${unread}>
    ${view.image(item.image, 192, 108)}
    <h3>
      <button part="open" class="link" type="button" @click=${() => view.open(item)}>
        ${unread ? html`<span part="dot" aria-hidden="true"></span><span class="visually-hidden">${t('new')}: </span>` : nothing}${item.title}
      </button>
    </h3>
    <p class="meta"><time datetime=${item.publishAt}>${t('published', { date: view.date(item.publishAt) })}</time></p>
    <p part="summary">${item.summary}</p>
  </li>`;
}

/** The article below its title (which the element keeps, focused on opening): date, image and body. */
export function renderArticle(view: NewsView, article: NewsArticle): TemplateResult {
  const { t } = view;
  return html`<p class="meta"><time datetime=${article.publishAt}>${t('published', { date: view.date(article.publishAt) })}</time></p>
    ${view.image(article.image, 640, 360)}
    <div part="body" class="rich">${renderRichText(article.body, { newTabLabel: t('new-tab') })}</div>`;
}
