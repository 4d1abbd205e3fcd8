import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { problemKeyIn } from '../processes/section-kit.ts';
import { documentsStyles } from './admin-documents.styles.ts';
import { DocumentsClient, type DocumentCategory } from './documents-client.ts';
import { messages, type DocumentsKey } from './messages.ts';

/**
 * The document categories (seed 004 "document categories shown"): each with its name and whether clients see it.
 * With `documents:write`, a switch per category saves at once; read-only staff see "Shown" or "Hidden".
 * @summary Shows or hides document categories.
 * @event admin-category-changed - a category was switched; `detail.category` is it, as saved.
 * @csspart categories - the list; each category a `category` (`data-shown`), its switch a `switch`.
 * @csspart announcement - the live region saying what just happened.
 * @csspart error - a switch the server refused.
 */
export class AdminDocumentCategories extends AdminSection<DocumentsKey> {
  static override styles = [baseStyles, panelStyles, cardListStyles, documentsStyles];

  protected readonly catalog = messages;

  /** The categories, as `<admin-documents>` loaded them. */
  @property({ attribute: false }) categories: DocumentCategory[] = [];

  @state() private saving?: string;
  @state() private rowError?: { key: string; message: string };
  @state() private announcement = '';

  override render() {
    const t = this.t;
    const writable = this.can('documents:write');
    return html`<div class="panel" lang=${this.locale}>
      <p class="hint">${t('categories.intro')}</p>
      <p part="announcement" role="status" aria-live="polite">${this.announcement}</p>
      <ul part="categories" aria-label=${t('categories.label')}>
        ${this.categories.map((category) => html`<li part="category" data-key=${category.key} data-shown=${String(category.shown)}>
          ${writable ? this.renderSwitch(category) : this.renderState(category)}
        </li>`)}
      </ul>
    </div>`;
  }

  private renderState(category: DocumentCategory): TemplateResult {
    const t = this.t;
    return html`<span class="category-name">${category.label}</span>
      <span part="badge" class="state" data-status=${category.shown ? 'shown' : 'hidden'}>${t(category.shown ? 'categories.state.shown' : 'categories.state.hidden')}</span>`;
  }

  private renderSwitch(category: DocumentCategory): TemplateResult {
    const t = this.t;
    const busy = this.saving === category.key;
    const id = `category-${category.key}`;
    return html`<span class="category-name" id=${`${id}-name`}>${category.label}</span>
      <label class="choice switch">
        <input
          part="switch"
          type="checkbox"
          role="switch"
          id=${id}
          .checked=${category.shown}
          aria-describedby=${`${id}-name`}
          aria-busy=${busy ? 'true' : 'false'}
          @change=${(event: Event) => this.toggle(category, event.target as HTMLInputElement)}
        />
        <span>${t('categories.shown')}</span>
      </label>
      ${this.rowError?.key === category.key ? html`<p part="error" role="alert">${this.rowError.message}</p>` : nothing}`;
  }

  private async toggle(category: DocumentCategory, input: HTMLInputElement) {
    const shown = input.checked;
    if (!this.api || this.saving) {
      input.checked = category.shown;
      return;
    }
    this.saving = category.key;
    this.rowError = undefined;
    this.announcement = '';
    try {
      await new DocumentsClient(this.api).setCategory(category, shown, this.me?.tenant.locale ?? this.locale);
      const changed = { ...category, shown };
      this.dispatchEvent(new CustomEvent('admin-category-changed', { detail: { category: changed }, bubbles: true, composed: true }));
      this.announcement = this.t(shown ? 'announce.category-shown' : 'announce.category-hidden', { label: category.label });
    } catch (error) {
      input.checked = category.shown;
      this.rowError = { key: category.key, message: this.t(problemKeyIn(messages, error)) };
    } finally {
      this.saving = undefined;
    }
  }
}

define('admin-document-categories', AdminDocumentCategories);

declare global {
  interface HTMLElementTagNameMap {
    'admin-document-categories': AdminDocumentCategories;
  }
  interface GlobalEventHandlersEventMap {
    'admin-category-changed': CustomEvent<{ category: DocumentCategory }>;
  }
}
