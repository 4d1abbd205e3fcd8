import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError, type DocumentFilters, type DocumentItem, type Page } from '../core/api-client.ts';
import { fullAccessToken, portalContext, type PortalRuntime, sessionKeyOf } from '../core/context.ts';
import { define } from '../core/define.ts';
import { ESOCIAL_CATEGORY } from '../core/document-types.ts';
import { formatCalendarDate, todayIn } from '../core/format.ts';
import { translator, type Locale, type Translate } from '../core/i18n.ts';
import { baseStyles, panelStyles } from '../core/shared-styles.ts';
import { saveThroughLink } from '../core/download.ts';
import { startDownload } from './download.ts';
import { FiltersPart } from './filters.ts';
import { messages, NO_FILTERS, sinceChoice, type Choice, type FilterValues, type Key } from './host.ts';
import { renderDocument, renderEmpty, type ListHost } from './list.ts';
import { documentsStyles } from './portal-documents.styles.ts';

/** A loaded first page and the query that asked for it (the next pages ask the same). */
type Loaded = { query: DocumentFilters; page: Page<DocumentItem> };

/**
 * The documents the business delivers to the client (D1–D3): programmes (PCMSO, PGR), certificates (ASO), accident
 * reports (CAT), reports, and eSocial event receipts. Filtered by category, title, account and establishment (for a
 * user who reaches several) and issue dates; each document shows its category, establishment, issue date, validity
 * (an expired one marked in words), file type and size, and downloads in one tap through a short-lived signed link.
 * The eSocial view (`category="esocial"`) shows each receipt's event and number, marks rectified receipts, and lets the
 * client show rectified ones and choose how far back, starting from the tenant's settings. "Show more" pages on.
 * @summary The client's documents and eSocial receipts, to download.
 * @event change - the client chose another category; read it from `category`.
 * @csspart base - the panel.
 * @csspart filters - the filters form.
 * @csspart search - the title search and its button.
 * @csspart period - the issue dates, a disclosure showing the period chosen.
 * @csspart esocial - the eSocial view's choices (rectified receipts, since when).
 * @csspart count - how many documents are shown (read out when it changes).
 * @csspart documents - the list of documents.
 * @csspart document - one document.
 * @csspart title - a document's title.
 * @csspart category - a document's category.
 * @csspart establishment - the establishment a document is about.
 * @csspart badge - "expired" or "rectified" (`data-state`), a word and a mark, never colour alone.
 * @csspart receipt - an eSocial receipt's event and number.
 * @csspart file - a document's file type, size and download button.
 * @csspart download - the download button (its accessible name includes the title).
 * @csspart more - the "show more documents" button.
 * @csspart empty - the message when nothing is shown, with what to change.
 * @csspart error - what went wrong.
 * @csspart status - loading and download messages.
 * @cssprop --portal-documents-gap - space between the parts.
 * @cssprop --portal-documents-expired-color - the "expired" mark (default: the danger colour).
 * @cssprop --portal-documents-category-background - behind a document's category (default: a tint of the primary colour).
 */
export class PortalDocuments extends LitElement implements ListHost {
  static override styles = [baseStyles, panelStyles, documentsStyles];

  /** The category shown, by key (`esocial`: the eSocial receipts view); '' for all. The client's choice is kept here. */
  @property({ reflect: true }) category = '';

  /** How a download URL reaches the browser; by default a link's click (a real download, named by the server). */
  @property({ attribute: false }) navigate: (url: string, fileName: string) => void = saveThroughLink;

  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;
  @state() filters: FilterValues = NO_FILTERS;
  @state() private notice = '';
  @state() private loadingMore = false;
  @state() private moreError = '';

  private readonly filtersPart = new FiltersPart(this);
  /** Pages loaded by "show more" after the first; undefined: none yet. */
  private older?: Page<DocumentItem>;
  /** Counts list loads, so a "show more" of an earlier list is dropped. */
  private generation = 0;
  private readonly downloading = new Set<string>();
  private readonly failures = new Map<string, string>();
  /** Categories and establishments seen on documents, so choices do not shrink when a filter hides some. */
  private readonly seenCategories = new Map<string, string>();
  private readonly seenEstablishments = new Map<string, { name: string; accountId: string }>();
  private lastSessionKey = '';

  private readonly catalogTask = new Task(this, {
    task: async ([key, locale], { signal }) => (key ? this.portal!.api.documentCatalog(this.token()!, { locale }, signal) : undefined),
    args: () => [this.sessionKey(), this.locale] as const,
  });

  private readonly list = new Task(this, {
    task: async ([key, locale, category, filters], { signal }): Promise<Loaded | undefined> => {
      this.generation++;
      this.older = undefined;
      this.moreError = '';
      if (!key) return undefined;
      const query = await this.query(category, filters, locale);
      const page = await this.portal!.api.listDocuments(this.token()!, query, signal);
      this.remember(page.items);
      return { query, page };
    },
    args: () => [this.sessionKey(), this.locale, this.category, this.filters] as const,
  });

  get locale(): Locale {
    return this.portal?.locale ?? 'pt-BR';
  }
  get t(): Translate<Key> {
    return translator(messages, this.locale) as Translate<Key>;
  }
  date(value: string) {
    return formatCalendarDate(value, this.locale);
  }
  today() {
    return todayIn(this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.timeZone : 'UTC');
  }

  private token() {
    return fullAccessToken(this.portal);
  }
  /** Who is looking, not their token: a refreshed token reloads nothing. */
  private sessionKey() {
    return this.token() ? sessionKeyOf(this.portal) : '';
  }

  catalog() {
    return this.catalogTask.value;
  }
  categories(): Choice[] {
    const all = new Map(this.catalog()?.categories.map((c) => [c.key, c.label]));
    for (const [key, label] of this.seenCategories) if (!all.has(key)) all.set(key, label);
    // A category the page asked for that the catalog does not list still shows as chosen.
    if (this.category && !all.has(this.category)) all.set(this.category, this.category);
    return [...all].map(([id, name]) => ({ id, name }));
  }
  accounts(): Choice[] {
    return this.portal?.session.status === 'signed-in' ? this.portal.session.accounts.map(({ id, name }) => ({ id, name })) : [];
  }
  reachesSeveralAccounts() {
    return this.accounts().length > 1;
  }
  establishments(): Choice[] {
    const account = this.filters.accountId;
    const all = new Map([...this.seenEstablishments].filter(([, e]) => !account || e.accountId === account).map(([id, e]) => [id, e.name]));
    if (this.portal?.session.status === 'signed-in') {
      for (const a of this.portal.session.accounts) {
        if ((!account || a.id === account) && a.establishments !== 'all') for (const e of a.establishments) all.set(e.id, e.name);
      }
    }
    return [...all].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, this.locale));
  }
  esocialChoices() {
    const defaults = this.catalog()?.esocial;
    return { rectified: this.filters.rectified ?? defaults?.includeRectified ?? false, since: this.filters.since ?? sinceChoice(defaults?.sinceMonths) };
  }

  setFilters({ category, ...change }: Partial<FilterValues> & { category?: string }) {
    if ((Object.keys(change) as (keyof FilterValues)[]).some((name) => change[name] !== this.filters[name])) this.filters = { ...this.filters, ...change };
    if (category !== undefined && category !== this.category) {
      this.category = category;
      this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
    }
    this.notice = '';
    this.failures.clear();
  }

  clearFilters() {
    this.filtersPart.cancel();
    this.setFilters({ ...NO_FILTERS, rectified: undefined, since: undefined, category: '' });
    // The button pressed goes away: the search is where the client starts again.
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLInputElement>('input[name=q]')?.focus());
  }

  isDownloading(id: string) {
    return this.downloading.has(id);
  }
  downloadFailure(id: string) {
    return this.failures.get(id);
  }

  async download(item: DocumentItem) {
    const token = this.token();
    if (!token || this.downloading.has(item.id)) return;
    this.downloading.add(item.id);
    this.failures.delete(item.id);
    this.notice = '';
    this.requestUpdate();
    try {
      await startDownload(this.portal!.api, token, item, this.navigate);
      this.notice = this.t('download.started', { title: item.title });
    } catch (error) {
      this.failures.set(item.id, this.message(error));
    } finally {
      this.downloading.delete(item.id);
      this.requestUpdate();
    }
  }

  protected override willUpdate(changed: Map<string, unknown>) {
    // Another person or account: nothing of the previous one's screen may stay (filters, choices, messages).
    const key = this.sessionKey();
    if (changed.has('portal') && key !== this.lastSessionKey) {
      if (this.lastSessionKey) {
        this.filtersPart.reset();
        Object.assign(this, { filters: NO_FILTERS, notice: '', moreError: '' });
        for (const seen of [this.seenCategories, this.seenEstablishments, this.failures]) seen.clear();
      }
      this.lastSessionKey = key;
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.filtersPart.cancel();
  }

  override render() {
    const t = this.t;
    if (!this.token()) return html`<div part="base" lang=${this.locale}><h2>${t('title')}</h2><p>${t('sign-in-first')}</p></div>`;
    const loaded = this.list.status === TaskStatus.COMPLETE ? this.list.value : undefined;
    return html`<div part="base" lang=${this.locale}>
      <h2>${t('title')}</h2>
      ${this.catalogTask.status === TaskStatus.ERROR ? this.problem(this.catalogTask.error, () => void this.catalogTask.run()) : nothing}
      ${this.filtersPart.render(!loaded || Boolean(loaded.page.items.length))}
      <p part="count" role="status" aria-live="polite" class=${loaded?.page.items.length ? '' : 'visually-hidden'}>${loaded ? this.count(loaded) : ''}</p>
      ${this.list.render({
        initial: () => this.loading(),
        pending: () => this.loading(),
        error: (error) => this.problem(error, () => void this.list.run()),
        complete: (value) => (value ? this.renderList(value) : this.loading()),
      })}
      <p part="status" role="status" aria-live="polite" class=${this.notice ? '' : 'visually-hidden'}>${this.notice}</p>
    </div>`;
  }

  private renderList(loaded: Loaded): TemplateResult {
    const t = this.t;
    const items = [...loaded.page.items, ...(this.older?.items ?? [])];
    if (!items.length) return renderEmpty(this, this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.name : t('business'));
    const next = this.older ? this.older.next : loaded.page.next;
    return html`<ul part="documents">${repeat(items, (item) => item.id, (item) => renderDocument(this, item))}</ul>
      ${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
      ${next
        ? html`<div class="actions">
            <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => this.loadMore(loaded, next)}>${t('more')}</button>
          </div>`
        : nothing}`;
  }

  /** "Showing 6 documents", or "the 6 newest" when there are more. */
  private count(loaded: Loaded): string {
    const shown = loaded.page.items.length + (this.older?.items.length ?? 0);
    if (!shown) return '';
    if (this.older ? this.older.next : loaded.page.next) return this.t('count.more', { count: shown });
    return this.t(new Intl.PluralRules(this.locale).select(shown) === 'one' ? 'count.one' : 'count.other', { count: shown });
  }

  /** The list's query: the filters set, and in the eSocial view its choices (the tenant's defaults until changed). */
  private async query(category: string, filters: FilterValues, locale: Locale): Promise<DocumentFilters> {
    const query: DocumentFilters = {};
    if (category) query.category = category;
    for (const name of ['accountId', 'establishmentId', 'from', 'to', 'q'] as const) if (filters[name]) query[name] = filters[name];
    if (category === ESOCIAL_CATEGORY) {
      // The defaults come with the catalog, loading alongside; without it the server applies the same ones.
      const defaults = await this.catalogTask.taskComplete.then((catalog) => catalog?.esocial, () => undefined);
      const rectified = filters.rectified ?? defaults?.includeRectified;
      const since = filters.since ?? (defaults ? sinceChoice(defaults.sinceMonths) : undefined);
      if (rectified !== undefined) query.rectified = rectified;
      if (since) query.since = since;
    }
    query.locale = locale;
    return query;
  }

  private remember(items: DocumentItem[]) {
    for (const item of items) {
      this.seenCategories.set(item.category, item.categoryLabel);
      if (item.establishmentId && item.establishmentName) this.seenEstablishments.set(item.establishmentId, { name: item.establishmentName, accountId: item.accountId });
    }
  }

  private async loadMore(loaded: Loaded, cursor: string) {
    const token = this.token();
    if (!token || this.loadingMore) return;
    const generation = this.generation;
    const shown = loaded.page.items.length + (this.older?.items.length ?? 0);
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await this.portal!.api.listDocuments(token, { ...loaded.query, before: cursor });
      if (generation !== this.generation) return;
      this.remember(page.items);
      this.older = { items: [...(this.older?.items ?? []), ...page.items], next: page.next };
      this.requestUpdate();
      await this.updateComplete;
      // Focus goes on to the first document just shown, so keyboard and screen reader users continue from there.
      this.shadowRoot?.querySelectorAll('[part~=document]')[shown]?.querySelector<HTMLElement>('[part~=download]')?.focus();
    } catch (error) {
      if (generation === this.generation) this.moreError = this.message(error);
    } finally {
      this.loadingMore = false;
    }
  }

  private loading(): TemplateResult {
    return html`<div part="status" role="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  private problem(error: unknown, retry: () => void): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.message(error)}</p>
      <button class="secondary" type="button" @click=${retry}>${this.t('retry')}</button>
    </div>`;
  }

  private message(error: unknown): string {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `error.${code}` as Key;
    return key in messages.en ? this.t(key) : this.t('error.generic');
  }
}

define('portal-documents', PortalDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'portal-documents': PortalDocuments;
  }
}
