import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../admin-api.ts';
import type { ContentClient, ContentKind } from './content-client.ts';
import { keyFromTitle, MAX_KEY_LENGTH, type FileProblem } from './content-rules.ts';
import { keyProblem, serverFieldErrors, type FieldErrors } from './form-problems.ts';
import { renderField } from './form-fields.ts';
import { renderItemActions } from './item-actions.ts';
import { ContentPanel } from './panel-base.ts';

/** What every item of a list has: the business's key and a title. */
export interface EditableItem {
  key: string;
  title: string;
}
/** What every form holds: the key (made from the title until edited by hand) and the title. */
export interface DraftBase {
  key: string;
  keyEdited: boolean;
  title: string;
}
export type { FieldErrors };

/** The form open, for a new item or one already saved (whose key no longer changes). */
interface Editing<Draft> {
  existing: boolean;
  /** The title the item had when opened, for the form's heading. */
  originalTitle?: string;
  draft: Draft;
}

/** A file to send once the item is saved. */
export interface PendingUpload {
  file: File;
  send(client: ContentClient): Promise<unknown>;
}

/**
 * The base of the news, materials and campaigns tabs: the list (loading, empty, error with retry), a form above it
 * for a new item or the one being edited — checked here first, then `PUT` by key, then its image or file sent — and
 * "Delete" with a confirm step. Only staff with `content:write` see the form and the buttons.
 */
export abstract class ContentEditorPanel<Item extends EditableItem, Draft extends DraftBase> extends ContentPanel {
  protected abstract readonly kind: ContentKind;
  /** The form's fields in screen order: the first with an error gets the focus. */
  protected abstract readonly fieldOrder: readonly string[];
  /** The draft's property holding the image or file to send, if the form has one. */
  protected abstract readonly fileName: string;

  protected abstract fetchItems(client: ContentClient, signal: AbortSignal): Promise<Item[]>;
  protected abstract emptyDraft(): Draft;
  protected abstract draftOf(item: Item): Draft;
  /** What is wrong with the draft, before anything is sent. */
  protected abstract check(draft: Draft): FieldErrors;
  protected abstract saveDraft(client: ContentClient, draft: Draft): Promise<void>;
  protected abstract pendingUpload(draft: Draft): PendingUpload | undefined;
  protected abstract checkFile(file: File): FileProblem | undefined;
  protected abstract renderItems(): TemplateResult;
  protected abstract renderFields(draft: Draft): TemplateResult;

  @state() protected items: Item[] = [];
  @state() protected editing?: Editing<Draft>;
  @state() protected errors: FieldErrors = {};
  @state() protected saving = false;
  /** What is being uploaded, in words, while it is. */
  @state() protected uploading = '';
  @state() protected confirming?: string;
  @state() protected deleting?: string;
  @state() protected rowError?: { key: string; message: string };
  /** Where the focus goes back to when the form closes without saving. */
  private opener = '[part~=new]';

  protected readonly list = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      this.items = await this.fetchItems(client, signal);
      return this.items;
    },
    args: () => [this.client] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // Someone else signed in: nothing of the previous member's unsaved work stays.
    const before = changed.get('me') as { id: string } | undefined;
    if (before && before.id !== this.me?.id) Object.assign(this, { editing: undefined, errors: {}, confirming: undefined, rowError: undefined, announcement: '' });
  }

  override render() {
    const t = this.t;
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`<div class="panel-body">
      <h3 id=${`${this.kind}-heading`} tabindex="-1">${t(`${this.kind}.title`)}</h3>
      <p class="hint">${t(`${this.kind}.intro`)}</p>
      ${this.renderAnnouncement()}
      ${this.mayWrite ? (this.editing ? this.renderForm(this.editing) : this.renderNewButton()) : nothing}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error, () => void this.list.run()),
          complete: () => (this.items.length ? this.renderItems() : html`<p part="empty">${t(`${this.kind}.empty`)}</p>`),
        })}
      </div>
    </div>`;
  }

  private renderNewButton(): TemplateResult {
    return html`<div class="actions"><button part="new" class="primary" type="button" @click=${this.handleNew}>${this.t(`${this.kind}.new`)}</button></div>`;
  }

  private renderForm(editing: Editing<Draft>): TemplateResult {
    const t = this.t;
    const busy = this.saving ? 'true' : 'false';
    return html`<form part="form" novalidate aria-labelledby="form-title" aria-busy=${busy} @submit=${this.handleSubmit}>
      <h4 id="form-title" tabindex="-1">
        ${editing.existing ? t(`${this.kind}.form.edit`, { title: editing.originalTitle ?? editing.draft.title }) : t(`${this.kind}.form.new`)}
      </h4>
      ${this.renderFields(editing.draft)}
      ${this.errors.form ? html`<div part="error" role="alert" tabindex="-1" id="form-error"><p>${this.errors.form}</p></div>` : nothing}
      <p part="progress" class="progress" role="status">${this.uploading}</p>
      <div class="actions">
        <button part="save" class="primary" type="submit" aria-disabled=${busy}>${this.saving ? (this.uploading ? t('uploading') : t('saving')) : t('save')}</button>
        <button part="cancel" class="secondary" type="button" @click=${this.handleCancel}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  /** The key: typed (made from the title until changed) for a new item; shown, fixed, for a saved one. */
  protected renderKeyField(draft: Draft): TemplateResult {
    const t = this.t;
    if (this.editing?.existing) {
      return html`<p class="key-fixed"><span class="label">${t('key')}</span> <code part="code">${draft.key}</code></p>`;
    }
    return renderField({
      id: `${this.kind}-key`,
      name: 'key',
      label: t('key'),
      hint: t('key.hint'),
      value: draft.key,
      maxlength: MAX_KEY_LENGTH,
      required: true,
      error: this.errors.key,
      onInput: this.handleInput,
    });
  }

  /** "Edit" and "Delete" for an item (with the confirm step), for staff who may change content. */
  protected renderItemActions(item: Item): TemplateResult | typeof nothing {
    if (!this.mayWrite) return nothing;
    return renderItemActions({
      t: this.t,
      kind: this.kind,
      item,
      confirming: this.confirming === item.key,
      deleting: this.deleting === item.key,
      error: this.rowError?.key === item.key ? this.rowError.message : undefined,
      onEdit: () => this.openEdit(item),
      onAskDelete: () => this.askDelete(item),
      onConfirmDelete: () => void this.deleteItem(item),
      onCancelDelete: () => this.cancelDelete(item),
    });
  }

  /** The id of an item's heading, where the focus goes once it is saved. */
  protected itemId(key: string): string {
    return `${this.kind}-item-${key}`;
  }

  protected patchDraft(patch: Partial<Draft>): void {
    const editing = this.editing;
    if (!editing) return;
    const draft = { ...editing.draft, ...patch };
    const cleared: FieldErrors = { ...this.errors, form: undefined };
    for (const name of Object.keys(patch)) cleared[name] = undefined;
    if ('key' in patch) draft.keyEdited = true;
    if ('title' in patch && !editing.existing && !draft.keyEdited) {
      draft.key = keyFromTitle(draft.title);
      cleared.key = undefined;
    }
    this.editing = { ...editing, draft };
    this.errors = cleared;
  }

  /** A text field, checkbox or radio button of the form: its `name` is the draft's property. */
  protected handleInput = (event: Event) => {
    const field = event.target as HTMLInputElement;
    this.patchDraft({ [field.name]: field.type === 'checkbox' ? field.checked : field.value } as Partial<Draft>);
  };

  /** An image or file chosen: refused at once when too big or of the wrong kind, so nothing is sent. */
  protected handleFile = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const problem = file ? this.checkFile(file) : undefined;
    this.patchDraft({ [this.fileName]: problem ? undefined : file } as Partial<Draft>);
    if (problem) {
      input.value = '';
      this.errors = { ...this.errors, [this.fileName]: this.t(`${this.fileName === 'image' ? 'image' : 'file'}.${problem}`) };
    }
  };

  private handleNew = () => {
    this.opener = '[part~=new]';
    this.open({ existing: false, draft: this.emptyDraft() });
  };

  protected openEdit(item: Item) {
    this.opener = `[data-key="${CSS.escape(item.key)}"] [part~=edit]`;
    this.open({ existing: true, originalTitle: item.title, draft: this.draftOf(item) });
  }

  private open(editing: Editing<Draft>) {
    this.editing = editing;
    this.errors = {};
    this.confirming = undefined;
    this.focusLater(`#${this.kind}-title`);
  }

  private handleCancel = () => {
    this.editing = undefined;
    this.errors = {};
    this.focusLater(this.opener);
  };

  private keyProblem(draft: Draft): string | undefined {
    return this.editing?.existing ? undefined : keyProblem(draft.key, this.items.some((item) => item.key === draft.key), this.t);
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const editing = this.editing;
    if (this.saving || !this.client || !editing) return;
    const { draft } = editing;
    const errors = { key: this.keyProblem(draft), ...this.check(draft) };
    if (Object.values(errors).some(Boolean)) return this.showErrors(errors);
    this.saving = true;
    this.errors = {};
    let saved = false;
    try {
      await this.saveDraft(this.client, draft);
      saved = true;
      const upload = this.pendingUpload(draft);
      if (upload) {
        this.uploading = this.t('upload.progress', { name: upload.file.name, size: this.size(upload.file.size) });
        await upload.send(this.client);
      }
      await this.refresh().catch(() => undefined);
      this.editing = undefined;
      this.announcement = this.t('saved', { title: draft.title });
      this.focusLater(`#${CSS.escape(this.itemId(draft.key))}`);
    } catch (error) {
      if (saved) {
        // The item is saved: the form now edits it, and only the upload is to be tried again.
        this.editing = { existing: true, originalTitle: draft.title, draft };
        void this.refresh().catch(() => undefined);
        this.showErrors({ [this.fileName]: this.t('upload.failed', { reason: this.problemText(error) }) });
      } else this.showErrors(serverFieldErrors(error, this.fieldOrder, (path) => this.fieldOfPath(path), this.t));
    } finally {
      this.saving = false;
      this.uploading = '';
    }
  };

  /** Reads the list again (the server adds reads, interest and image addresses). */
  private async refresh() {
    if (this.client) this.items = await this.fetchItems(this.client, new AbortController().signal);
  }

  /** The form field a path of the server's answer names (`audience.2` → `audience`). */
  protected fieldOfPath(path: string): string {
    return path.split('.')[0]!;
  }

  private showErrors(errors: FieldErrors) {
    this.errors = errors;
    const first = this.fieldOrder.find((field) => errors[field]);
    this.focusLater(first ? `#${this.kind}-${first}` : '#form-error');
  }

  private askDelete(item: Item) {
    this.confirming = item.key;
    this.rowError = undefined;
    // The safe choice first: Enter on a stray key press keeps the item.
    this.focusLater(`[data-key="${CSS.escape(item.key)}"] [part~=cancel-delete]`);
  }

  private cancelDelete(item: Item) {
    this.confirming = undefined;
    this.rowError = undefined;
    this.focusLater(`[data-key="${CSS.escape(item.key)}"] [part~=delete]`);
  }

  private async deleteItem(item: Item) {
    if (this.deleting || !this.client) return;
    this.deleting = item.key;
    this.rowError = undefined;
    try {
      await this.client.remove(this.kind, item.key);
      this.gone(item);
    } catch (error) {
      // Someone else deleted it already: the outcome is the same.
      if (error instanceof ApiError && error.code === 'not_found') this.gone(item);
      else this.rowError = { key: item.key, message: this.problemText(error) };
    } finally {
      this.deleting = undefined;
    }
  }

  private gone(item: Item) {
    this.items = this.items.filter((other) => other.key !== item.key);
    this.confirming = undefined;
    if (this.editing?.existing && this.editing.draft.key === item.key) this.editing = undefined;
    this.announcement = this.t('deleted', { title: item.title });
    this.focusLater(`#${this.kind}-heading`);
  }
}
