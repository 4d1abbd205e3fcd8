import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import type { AccountListItem } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import '../processes/account-picker.ts';
import { dialogStyles, filterStyles, focusLater, pluralOf, problemKeyIn, renderLoading, renderProblem } from '../processes/section-kit.ts';
import { documentsStyles } from './admin-documents.styles.ts';
import './document-new.ts';
import { renderDocument, renderDownloads, type DocumentRowView } from './document-views.ts';
import { DOCUMENT_TYPES, DocumentsClient, MAX_DOCUMENT_BYTES, type DocumentCategory, type DocumentFilters, type DocumentItem } from './documents-client.ts';
import { messages, type DocumentsKey } from './messages.ts';

type DialogMode = 'upload' | 'downloads' | 'delete';

/**
 * The documents tab of `<admin-documents>`: filters (account, category), the list a page at a time, and per
 * document "Who downloaded it" and, with `documents:write`, "Upload file" / "Replace file" and "Delete" — each in
 * a modal dialog that gives focus back to its button (or, after a delete, to the document's title).
 * @summary The documents list with its actions.
 * @csspart filters - the account and category filters.
 * @csspart list - the documents; each an `item`.
 * @csspart more - the "load more" button.
 * @csspart announcement - the live region saying what just happened.
 * @csspart dialog - the upload / downloads / delete dialog.
 */
export class AdminDocumentList extends AdminSection<DocumentsKey> implements DocumentRowView {
  static override styles = [baseStyles, panelStyles, cardListStyles, dialogStyles, filterStyles, documentsStyles];

  protected readonly catalog = messages;

  /** Every category (shown or hidden), for the filter. */
  @property({ attribute: false }) categories: DocumentCategory[] = [];

  @state() private filters: DocumentFilters = {};
  @state() private account?: AccountListItem;
  @state() private items: DocumentItem[] = [];
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private announcement = '';
  @state() withdrawn: ReadonlySet<string> = new Set();
  @state() private dialog?: { mode: DialogMode; item: DocumentItem };
  @state() private working = false;
  @state() private dialogError = '';
  @state() private fileError = '';
  private announceLoad = false;
  private generation = 0;

  private readonly list = new Task(this, {
    task: async ([api, filters], { signal }) => {
      if (!api) return undefined;
      const generation = ++this.generation;
      const page = await new DocumentsClient(api).list(filters, undefined, signal);
      if (generation !== this.generation) return undefined;
      Object.assign(this, { items: page.items, next: page.next, moreError: '' });
      if (this.announceLoad) this.announce(this.shownText());
      this.announceLoad = false;
      return page;
    },
    args: () => [this.api, this.filters] as const,
  });

  private readonly downloadList = new Task(this, {
    task: async ([api, dialog], { signal }) => (api && dialog?.mode === 'downloads' ? (await new DocumentsClient(api).downloads(dialog.item.id, signal)).items : undefined),
    args: () => [this.api, this.dialog] as const,
  });

  override get t() {
    return super.t;
  }

  get writable(): boolean {
    return this.can('documents:write');
  }

  override render() {
    const t = this.t;
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`<div class="panel" lang=${this.locale}>
      ${this.writable
        ? html`<div class="actions"><admin-document-new .api=${this.api} .me=${this.me} .locale=${this.locale} .categories=${this.categories} @admin-document-saved=${this.handleSaved}></admin-document-new></div>`
        : nothing}
      <p part="announcement" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderFilters()}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => renderLoading(t('loading')),
          pending: () => renderLoading(t('loading')),
          error: (error) => renderProblem(t(problemKeyIn(messages, error)), t('retry'), () => void this.list.run()),
          complete: () => this.renderItems(),
        })}
      </div>
      ${this.renderDialog()}
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    return html`<div part="filters" role="group" aria-label=${t('filters.label')}>
      <admin-account-picker optional .api=${this.api} .locale=${this.locale} .label=${t('filter.account')} .value=${this.account} @admin-account-change=${this.handleAccount}></admin-account-picker>
      <label
        >${t('filter.category')}
        <select name="category" @change=${this.handleCategory}>
          <option value="" ?selected=${!this.filters.category}>${t('filter.category.any')}</option>
          ${this.categories.map(
            (category) => html`<option value=${category.key} ?selected=${category.key === this.filters.category}>
              ${category.shown ? category.label : t('category.hidden', { label: category.label })}
            </option>`,
          )}
        </select>
      </label>
    </div>`;
  }

  private renderItems(): TemplateResult {
    const t = this.t;
    const filtered = Boolean(this.filters.accountId || this.filters.category);
    const list = this.items.length
      ? html`<ul part="list" aria-label=${t('list.label')}>${repeat(this.items, (item) => item.id, (item) => renderDocument(this, item))}</ul>`
      : html`<p part="empty">${filtered ? t('empty.filtered') : t('empty')}</p>`;
    return html`${list}
    ${this.next
      ? html`${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
          <div class="actions">
            <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.handleMore}>
              ${this.loadingMore ? t('more.loading') : this.moreError ? t('retry') : t('more')}
            </button>
          </div>`
      : nothing}`;
  }

  private renderDialog(): TemplateResult {
    const t = this.t;
    const dialog = this.dialog;
    const title = !dialog ? '' : t(dialog.mode === 'upload' ? 'upload.title' : dialog.mode === 'downloads' ? 'downloads.title' : 'delete.title', { title: dialog.item.title });
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.handleClose}>
      <div class="dialog-head">
        <h3 id="dialog-title" tabindex="-1">${title}</h3>
        <button class="link close" type="button" aria-label=${t('close')} @click=${this.closeDialog}><span aria-hidden="true">×</span></button>
      </div>
      ${dialog?.mode === 'upload' ? this.renderUpload(dialog.item) : dialog?.mode === 'downloads' ? this.renderDownloadsBody() : dialog ? this.renderDelete() : nothing}
    </dialog>`;
  }

  private renderUpload(item: DocumentItem): TemplateResult {
    const t = this.t;
    return html`<form novalidate @submit=${this.handleUpload}>
      <label
        >${t('upload.file')}
        <input
          type="file"
          name="file"
          accept=${[...DOCUMENT_TYPES, '.pdf', '.png', '.jpg', '.jpeg', '.webp'].join(',')}
          aria-invalid=${this.fileError ? 'true' : 'false'}
          aria-describedby=${this.fileError ? 'upload-hint upload-error' : 'upload-hint'}
          @change=${() => (this.fileError = '')}
        />
        <span class="hint" id="upload-hint">${t('upload.hint')}${item.file ? ` ${t('upload.replace-hint')}` : ''}</span>
        ${this.fileError ? html`<span class="field-error" id="upload-error">${this.fileError}</span>` : nothing}
      </label>
      ${this.renderDialogEnd(t('upload.save'), t('upload.saving'))}
    </form>`;
  }

  private renderDownloadsBody(): TemplateResult {
    const t = this.t;
    return html`<div class="list-region" aria-busy=${this.downloadList.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${this.downloadList.render({
          pending: () => renderLoading(t('downloads.loading')),
          error: (error) => renderProblem(t(problemKeyIn(messages, error)), t('retry'), () => void this.downloadList.run()),
          complete: (items) => (items ? renderDownloads(t, this.locale, items, this.me?.tenant.timeZone) : nothing),
        })}
      </div>
      <div class="actions"><button class="secondary" type="button" @click=${this.closeDialog}>${t('close')}</button></div>`;
  }

  private renderDelete(): TemplateResult {
    const t = this.t;
    return html`<p id="delete-text">${t('delete.text')}</p>
      ${this.dialogError ? html`<p part="error" role="alert" tabindex="-1">${this.dialogError}</p>` : nothing}
      <div class="actions">
        <button part="confirm-delete" class="primary danger" type="button" aria-describedby="delete-text" aria-disabled=${this.working ? 'true' : 'false'} @click=${this.handleDelete}>
          ${this.working ? t('delete.working') : t('delete.confirm')}
        </button>
        <button part="cancel" class="secondary" type="button" @click=${this.closeDialog}>${t('cancel')}</button>
      </div>`;
  }

  private renderDialogEnd(save: string, saving: string): TemplateResult {
    return html`${this.dialogError ? html`<p part="error" role="alert" tabindex="-1">${this.dialogError}</p>` : nothing}
      <div class="actions">
        <button part="save" class="primary" type="submit" aria-disabled=${this.working ? 'true' : 'false'}>${this.working ? saving : save}</button>
        <button class="secondary" type="button" @click=${this.closeDialog}>${this.t('cancel')}</button>
      </div>`;
  }

  openDialog(mode: DialogMode, item: DocumentItem) {
    Object.assign(this, { dialog: { mode, item }, working: false, dialogError: '', fileError: '', announcement: '' });
    void this.updateComplete.then(() => {
      const dialog = this.shadowRoot!.querySelector('dialog')!;
      dialog.querySelector('form')?.reset();
      if (!dialog.open) dialog.showModal();
      // Delete starts on the safe choice; the others on their first field, or their title.
      const first = mode === 'upload' ? 'input[name=file]' : mode === 'delete' ? '[part~=cancel]' : '#dialog-title';
      dialog.querySelector<HTMLElement>(first)?.focus();
    });
  }

  private closeDialog = () => this.shadowRoot?.querySelector('dialog')?.close();

  /** Focus goes back to the button that opened the dialog (to the title when a delete took the button away). */
  private handleClose = () => {
    const item = this.dialog?.item;
    const mode = this.dialog?.mode;
    this.dialog = undefined;
    if (!item) return;
    const row = `[data-id="${CSS.escape(item.id)}"]`;
    focusLater(this, `${row} [data-action=${mode}]`, `${row} h3`);
  };

  private async run(call: (client: DocumentsClient) => Promise<string>) {
    if (this.working || !this.api) return;
    this.working = true;
    this.dialogError = '';
    try {
      const said = await call(new DocumentsClient(this.api));
      this.closeDialog();
      this.announce(said);
    } catch (error) {
      this.dialogError = this.t(problemKeyIn(messages, error));
      focusLater(this, 'dialog [part~=error]');
    } finally {
      this.working = false;
    }
  }

  private handleUpload = async (event: SubmitEvent) => {
    event.preventDefault();
    const item = this.dialog?.item;
    const file = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=file]')!.files?.[0];
    if (!item) return;
    this.fileError = this.checkFile(file);
    if (this.fileError) return focusLater(this, 'input[name=file]');
    await this.run(async (client) => {
      const stored = await client.uploadFile(item.id, file!);
      this.items = this.items.map((other) => (other.id === item.id ? { ...other, file: { name: stored.name, type: stored.type, size: stored.size } } : other));
      return this.t('announce.uploaded', { title: item.title });
    });
  };

  private checkFile(file: File | undefined): string {
    if (!file) return this.t('upload.missing');
    if (file.size > MAX_DOCUMENT_BYTES) return this.t('upload.too-large');
    if (file.type && !(DOCUMENT_TYPES as readonly string[]).includes(file.type)) return this.t('upload.wrong-type');
    return '';
  }

  private handleDelete = async () => {
    const item = this.dialog?.item;
    if (!item) return;
    await this.run(async (client) => {
      await client.remove(item.id);
      this.withdrawn = new Set([...this.withdrawn, item.id]);
      this.items = this.items.map((other) => (other.id === item.id ? { ...other, file: null } : other));
      return this.t('announce.deleted', { title: item.title });
    });
  };

  private shownText(): string {
    return this.t(`shown.${pluralOf(this.locale, this.items.length)}`, { count: this.items.length });
  }

  /** Says `text` in the live region, even when it is the same as last time. */
  private announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private handleAccount = (event: GlobalEventHandlersEventMap['admin-account-change']) => {
    this.account = event.detail.account;
    this.filters = { ...this.filters, accountId: event.detail.account?.id };
    this.announceLoad = true;
  };

  private handleCategory = (event: Event) => {
    this.filters = { ...this.filters, category: (event.target as HTMLSelectElement).value || undefined };
    this.announceLoad = true;
  };

  private handleMore = async () => {
    if (this.loadingMore || !this.next || !this.api) return;
    const generation = this.generation;
    const count = this.items.length;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await new DocumentsClient(this.api).list(this.filters, this.next);
      if (generation !== this.generation) return;
      const known = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...page.items.filter((item) => !known.has(item.id))];
      this.next = page.next;
      this.announce(this.shownText());
      const first = this.items[count];
      if (first) focusLater(this, `[data-id="${CSS.escape(first.id)}"] h3`);
    } catch (error) {
      if (generation === this.generation) this.moreError = this.t(problemKeyIn(messages, error));
    } finally {
      this.loadingMore = false;
    }
  };

  private handleSaved = (event: GlobalEventHandlersEventMap['admin-document-saved']) => {
    this.announce(this.t(event.detail.uploaded ? 'announce.created-file' : 'announce.created', { title: event.detail.title }));
    void this.list.run();
  };
}

define('admin-document-list', AdminDocumentList);

declare global {
  interface HTMLElementTagNameMap {
    'admin-document-list': AdminDocumentList;
  }
}
