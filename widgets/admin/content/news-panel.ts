import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { contentStyles } from './admin-content.styles.ts';
import './audience-picker.ts';
import type { ContentClient, ContentNews, NewsInput } from './content-client.ts';
import { checkImage, fromLocalInput, IMAGE_TYPES, newsStatus, toLocalInput } from './content-rules.ts';
import { ContentEditorPanel, type DraftBase, type FieldErrors, type PendingUpload } from './editor-panel.ts';
import { renderField, renderFileField } from './form-fields.ts';

/** The news form while it is filled in; dates as the browser's `datetime-local` fields hold them. */
export interface NewsDraft extends DraftBase {
  summary: string;
  body: string;
  publishAt: string;
  /** Empty: never expires. */
  expiresAt: string;
  audience: string[] | null;
  image?: File;
  imageUrl: string | null;
  /** The instants as saved, sent back unchanged (to the second) when their fields were not touched. */
  saved?: { publishAt: string; expiresAt: string | null };
}

/** A `datetime-local` value as an instant: the saved one when the field still shows it. */
function instantOf(value: string, saved: string | null | undefined): string | undefined {
  return saved && toLocalInput(saved) === value ? saved : fromLocalInput(value);
}

/**
 * The news tab (C1): each item with its status in words (scheduled, published, expired), when it is shown, who sees
 * it and how many opened it; a form for a new item or an edit (title, key, summary, Markdown body, publication and
 * optional expiry in the browser's time, audience, image), and "Delete" with a confirm step.
 * @summary News items: list, form, delete.
 * @csspart list - the news; each an `item` with a `status` badge and maybe a `thumbnail`.
 * @csspart form - the new / edit form; `save` and `cancel` its buttons, `progress` the upload in words.
 */
export class AdminContentNews extends ContentEditorPanel<ContentNews, NewsDraft> {
  static override styles = [baseStyles, panelStyles, cardListStyles, contentStyles];

  protected readonly kind = 'news';
  protected readonly fieldOrder = ['title', 'key', 'summary', 'body', 'publishAt', 'expiresAt', 'audience', 'image'];
  protected readonly fileName = 'image';

  protected fetchItems(client: ContentClient, signal: AbortSignal) {
    return client.news(signal);
  }

  protected emptyDraft(): NewsDraft {
    return { key: '', keyEdited: false, title: '', summary: '', body: '', publishAt: toLocalInput(new Date()), expiresAt: '', audience: null, imageUrl: null };
  }

  protected draftOf(item: ContentNews): NewsDraft {
    return {
      key: item.key,
      keyEdited: true,
      title: item.title,
      summary: item.summary,
      body: item.body,
      publishAt: toLocalInput(item.publishAt),
      expiresAt: item.expiresAt ? toLocalInput(item.expiresAt) : '',
      audience: item.audience,
      imageUrl: item.imageUrl,
      saved: { publishAt: item.publishAt, expiresAt: item.expiresAt },
    };
  }

  protected check(draft: NewsDraft): FieldErrors {
    const t = this.t;
    const publishAt = instantOf(draft.publishAt, draft.saved?.publishAt);
    const expiresAt = draft.expiresAt ? instantOf(draft.expiresAt, draft.saved?.expiresAt) : null;
    return {
      title: draft.title.trim() ? undefined : t('missing.title'),
      summary: draft.summary.trim() ? undefined : t('missing.summary'),
      body: draft.body.trim() ? undefined : t('missing.body'),
      publishAt: publishAt ? undefined : t('missing.publishAt'),
      expiresAt: expiresAt === undefined ? t('invalid.date') : publishAt && expiresAt && Date.parse(expiresAt) <= Date.parse(publishAt) ? t('invalid.expiresAt') : undefined,
      audience: draft.audience?.length === 0 ? t('audience.missing') : undefined,
    };
  }

  protected async saveDraft(client: ContentClient, draft: NewsDraft) {
    const input: NewsInput = {
      title: draft.title.trim(),
      summary: draft.summary.trim(),
      body: draft.body.trim(),
      publishAt: instantOf(draft.publishAt, draft.saved?.publishAt)!,
      expiresAt: draft.expiresAt ? instantOf(draft.expiresAt, draft.saved?.expiresAt)! : null,
      audience: draft.audience,
    };
    await client.saveNews(draft.key, input);
  }

  protected pendingUpload(draft: NewsDraft): PendingUpload | undefined {
    const image = draft.image;
    return image && { file: image, send: (client) => client.uploadImage('news', draft.key, image) };
  }

  protected checkFile(file: File) {
    return checkImage(file);
  }

  protected renderItems(): TemplateResult {
    return html`<ul part="list" aria-label=${this.t('news.title')}>
      ${repeat(this.items, (item) => item.key, (item) => this.renderItem(item))}
    </ul>`;
  }

  private renderItem(item: ContentNews): TemplateResult {
    const t = this.t;
    const status = newsStatus(item);
    return html`<li part="item" data-key=${item.key} data-status=${status}>
      <div class="item-head">
        <h4 id=${this.itemId(item.key)} tabindex="-1">${item.title}</h4>
        <span part="badge status" data-status=${status}>${t(`news.status.${status}`)}</span>
      </div>
      <div class="item-body">
        ${item.imageUrl ? html`<img part="thumbnail" src=${item.imageUrl} alt=${t('image.alt', { title: item.title })} loading="lazy" />` : nothing}
        <p class="summary">${item.summary}</p>
      </div>
      <dl>
        <div><dt>${t('news.publication')}</dt><dd><time datetime=${item.publishAt}>${this.when(item.publishAt)}</time></dd></div>
        <div>
          <dt>${t('news.expiry')}</dt>
          <dd>${item.expiresAt ? html`<time datetime=${item.expiresAt}>${this.when(item.expiresAt)}</time>` : t('news.no-expiry')}</dd>
        </div>
        <div><dt>${t('audience.label')}</dt><dd>${this.audienceText(item.audience)}</dd></div>
        <div><dt>${t('news.reads')}</dt><dd>${this.number(item.reads)}</dd></div>
        <div><dt>${t('key')}</dt><dd><code part="code">${item.key}</code></dd></div>
      </dl>
      ${this.renderItemActions(item)}
    </li>`;
  }

  protected renderFields(draft: NewsDraft): TemplateResult {
    const t = this.t;
    const { errors, handleInput: onInput } = this;
    return html`${renderField({ id: 'news-title', name: 'title', label: t('field.title'), value: draft.title, maxlength: 200, required: true, error: errors.title, onInput })}
      ${this.renderKeyField(draft)}
      ${renderField({ id: 'news-summary', name: 'summary', label: t('news.summary'), hint: t('news.summary.hint'), value: draft.summary, rows: 2, maxlength: 500, required: true, error: errors.summary, onInput })}
      ${renderField({ id: 'news-body', name: 'body', label: t('news.body'), hint: t('markdown.hint'), value: draft.body, rows: 8, maxlength: 50_000, required: true, error: errors.body, onInput })}
      <div class="pair">
        ${renderField({ id: 'news-publishAt', name: 'publishAt', type: 'datetime-local', label: t('news.publish-at'), hint: t('news.publish-at.hint'), value: draft.publishAt, required: true, error: errors.publishAt, onInput })}
        ${renderField({ id: 'news-expiresAt', name: 'expiresAt', type: 'datetime-local', label: t('news.expires-at.optional'), hint: t('news.expires-at.hint'), value: draft.expiresAt, error: errors.expiresAt, onInput })}
      </div>
      <admin-content-audience id="news-audience" .client=${this.client} locale=${this.locale} .value=${draft.audience} error=${errors.audience ?? ''}
        @admin-content-audience-change=${(event: CustomEvent<{ audience: string[] | null }>) => this.patchDraft({ audience: event.detail.audience })}></admin-content-audience>
      ${renderFileField({
        id: 'news-image',
        name: 'image',
        label: t('image.optional'),
        accept: IMAGE_TYPES.join(','),
        hint: t('image.hint'),
        current: draft.imageUrl ? html`<img part="thumbnail" src=${draft.imageUrl} alt=${t('image.current')} />` : undefined,
        error: errors.image,
        onChange: this.handleFile,
      })}`;
  }
}

define('admin-content-news', AdminContentNews);

declare global {
  interface HTMLElementTagNameMap {
    'admin-content-news': AdminContentNews;
  }
}
