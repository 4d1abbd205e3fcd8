import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles, tabStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { problemKeyIn, renderLoading, renderProblem } from '../processes/section-kit.ts';
import { documentsStyles } from './admin-documents.styles.ts';
import './document-categories.ts';
import './document-list.ts';
import { DocumentsClient, type DocumentCategory } from './documents-client.ts';
import { messages, type DocumentsKey } from './messages.ts';

export const DOCUMENT_TABS = ['documents', 'categories'] as const;
export type DocumentTab = (typeof DOCUMENT_TABS)[number];

/**
 * Documents (D1–D3) for a business without an integration: the list (by account and category, a page at a time)
 * with each document's file and who downloaded it; with `documents:write`, a new document (its details, then its
 * file), a file uploaded or replaced, a document deleted after a confirmation, and categories shown or hidden.
 * @summary The business's documents, by hand.
 * @csspart base - the section.
 * @csspart intro - what the section is for.
 * @csspart tabs - the documents / categories tabs; each a `tab`.
 * @csspart panel - the open tab's panel.
 * @csspart error - what went wrong.
 * @csspart status - the loading message.
 * @cssprop --portal-documents-gap - space between the parts.
 */
export class AdminDocuments extends AdminSection<DocumentsKey> {
  static override styles = [baseStyles, panelStyles, tabStyles, cardListStyles, documentsStyles];

  protected readonly catalog = messages;

  /** The tab shown first. */
  @property() tab: DocumentTab = 'documents';

  /** The categories, as loaded and as switched here. */
  @state() private categories?: DocumentCategory[];

  private readonly categoryTask = new Task(this, {
    task: async ([api, allowed], { signal }) => {
      if (!api || !allowed) return undefined;
      this.categories = (await new DocumentsClient(api).categories(signal)).items;
      return this.categories;
    },
    args: () => [this.api, this.can('documents:read')] as const,
  });

  override render() {
    const t = this.t;
    const allowed = this.can('documents:read');
    return html`<section part="base" aria-labelledby="documents-title" lang=${this.locale}>
      <h2 id="documents-title">${t('title')}</h2>
      ${allowed
        ? html`<p part="intro">${t('intro')}</p>
            ${this.can('documents:write') ? nothing : html`<p class="hint">${t('read-only')}</p>`} ${this.renderTabs()}`
        : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderTabs(): TemplateResult {
    const t = this.t;
    return html`<div part="tabs" role="tablist" aria-label=${t('tabs.label')} @keydown=${this.handleTabKey}>
        ${DOCUMENT_TABS.map(
          (tab) => html`<button part="tab" role="tab" type="button" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'}
            tabindex=${this.tab === tab ? 0 : -1} @click=${() => this.selectTab(tab)}>${t(`tab.${tab}`)}</button>`,
        )}
      </div>
      ${DOCUMENT_TABS.map(
        (tab) => html`<div part="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${this.tab !== tab}>
          ${this.tab === tab ? this.renderPanel(tab) : nothing}
        </div>`,
      )}`;
  }

  private renderPanel(tab: DocumentTab): TemplateResult {
    if (tab === 'documents') {
      return html`<admin-document-list .api=${this.api} .me=${this.me} .locale=${this.locale} .categories=${this.categories ?? []}></admin-document-list>`;
    }
    const t = this.t;
    return html`<div class="list-region" aria-busy=${this.categories ? 'false' : 'true'}>
      ${this.categoryTask.render({
        initial: () => renderLoading(t('categories.loading')),
        pending: () => (this.categories ? this.renderCategories(this.categories) : renderLoading(t('categories.loading'))),
        error: (error) => renderProblem(t(problemKeyIn(messages, error)), t('retry'), () => void this.categoryTask.run()),
        complete: () => (this.categories ? this.renderCategories(this.categories) : nothing),
      })}
    </div>`;
  }

  private renderCategories(categories: DocumentCategory[]): TemplateResult {
    return html`<admin-document-categories
      .api=${this.api}
      .me=${this.me}
      .locale=${this.locale}
      .categories=${categories}
      @admin-category-changed=${this.handleCategory}
    ></admin-document-categories>`;
  }

  private selectTab(tab: DocumentTab, focus = false) {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.shadowRoot?.getElementById(`tab-${tab}`)?.focus());
  }

  private handleTabKey = (event: KeyboardEvent) => {
    const index = DOCUMENT_TABS.indexOf(this.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: DOCUMENT_TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(DOCUMENT_TABS[(next + DOCUMENT_TABS.length) % DOCUMENT_TABS.length]!, true);
  };

  private handleCategory = (event: GlobalEventHandlersEventMap['admin-category-changed']) => {
    const changed = event.detail.category;
    this.categories = this.categories?.map((category) => (category.key === changed.key ? changed : category));
  };
}

define('admin-documents', AdminDocuments);

declare global {
  interface HTMLElementTagNameMap {
    'admin-documents': AdminDocuments;
  }
}
