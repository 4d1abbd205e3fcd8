import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { contentStyles } from './admin-content.styles.ts';
import type { ContentClient, ContentMaterial, MaterialInput } from './content-client.ts';
import { checkMaterialFile, fileKind, MATERIAL_TYPES, uploadName } from './content-rules.ts';
import { ContentEditorPanel, type DraftBase, type FieldErrors, type PendingUpload } from './editor-panel.ts';
import { renderField, renderFileField } from './form-fields.ts';

/** The material form while it is filled in. */
export interface MaterialDraft extends DraftBase {
  topic: string;
  body: string;
  /** As typed; a whole number 0–10 000 when sent. */
  position: string;
  published: boolean;
  file?: File;
  current: ContentMaterial['file'];
}

/** The topics in the order the server sorted their materials. */
function byTopic(items: ContentMaterial[]): [string, ContentMaterial[]][] {
  const groups = new Map<string, ContentMaterial[]>();
  for (const item of items) groups.set(item.topic, [...(groups.get(item.topic) ?? []), item]);
  return [...groups];
}

/**
 * The support materials tab (C2), grouped by topic: each material's position, whether clients see it, its file; a
 * form (topic, title, key, Markdown text, position, published, and a file — PDF or image up to 50 MB — sent once
 * the material is saved, its upload said in words), and "Delete" with a confirm step.
 * @summary Support materials by topic: list, form, delete.
 * @csspart list - the topics; each a `topic` holding `item`s.
 * @csspart form - the new / edit form; `progress` the upload in words.
 */
export class AdminContentMaterials extends ContentEditorPanel<ContentMaterial, MaterialDraft> {
  static override styles = [baseStyles, panelStyles, cardListStyles, contentStyles];

  protected readonly kind = 'materials';
  protected readonly fieldOrder = ['topic', 'title', 'key', 'body', 'position', 'file'];
  protected readonly fileName = 'file';

  protected fetchItems(client: ContentClient, signal: AbortSignal) {
    return client.materials(signal);
  }

  protected emptyDraft(): MaterialDraft {
    return { key: '', keyEdited: false, title: '', topic: '', body: '', position: '0', published: true, current: null };
  }

  protected draftOf(item: ContentMaterial): MaterialDraft {
    const { key, title, topic, published, file } = item;
    return { key, keyEdited: true, title, topic, body: item.body ?? '', position: String(item.position), published, current: file };
  }

  protected check(draft: MaterialDraft): FieldErrors {
    const t = this.t;
    const position = Number(draft.position);
    return {
      topic: draft.topic.trim() ? undefined : t('missing.topic'),
      title: draft.title.trim() ? undefined : t('missing.title'),
      position: draft.position.trim() && Number.isInteger(position) && position >= 0 && position <= 10_000 ? undefined : t('invalid.position'),
    };
  }

  protected async saveDraft(client: ContentClient, draft: MaterialDraft) {
    const input: MaterialInput = {
      topic: draft.topic.trim(),
      title: draft.title.trim(),
      body: draft.body.trim() || null,
      position: Number(draft.position),
      published: draft.published,
    };
    await client.saveMaterial(draft.key, input);
  }

  protected pendingUpload(draft: MaterialDraft): PendingUpload | undefined {
    const file = draft.file;
    return file && { file, send: (client) => client.uploadMaterialFile(draft.key, file, uploadName(file.name)) };
  }

  protected checkFile(file: File) {
    return checkMaterialFile(file);
  }

  protected renderItems(): TemplateResult {
    return html`<div part="list" class="topics">
      ${byTopic(this.items).map(
        ([topic, items], index) => html`<section part="topic" aria-labelledby=${`topic-${index}`}>
          <h4 id=${`topic-${index}`}>${topic}</h4>
          <ul class="items">
            ${repeat(items, (item) => item.key, (item) => this.renderItem(item))}
          </ul>
        </section>`,
      )}
    </div>`;
  }

  private renderItem(item: ContentMaterial): TemplateResult {
    const t = this.t;
    const state = item.published ? 'published' : 'hidden';
    return html`<li part="item" data-key=${item.key} data-status=${state}>
      <div class="item-head">
        <h5 id=${this.itemId(item.key)} tabindex="-1">${item.title}</h5>
        <span part="badge status" data-status=${state}>${t(`materials.status.${state}`)}</span>
      </div>
      <dl>
        <div><dt>${t('materials.position')}</dt><dd>${this.number(item.position)}</dd></div>
        <div><dt>${t('materials.file')}</dt><dd>${item.file ? this.fileText(item.file) : t('materials.no-file')}</dd></div>
        <div><dt>${t('materials.text')}</dt><dd>${item.body ? t('materials.has-text') : t('materials.no-text')}</dd></div>
        <div><dt>${t('key')}</dt><dd><code part="code">${item.key}</code></dd></div>
      </dl>
      ${this.renderItemActions(item)}
    </li>`;
  }

  private fileText(file: NonNullable<ContentMaterial['file']>): string {
    return this.t('materials.file.value', { name: file.name, kind: fileKind(file.type), size: this.size(file.size) });
  }

  protected renderFields(draft: MaterialDraft): TemplateResult {
    const t = this.t;
    const { errors, handleInput: onInput } = this;
    const topics = [...new Set(this.items.map((item) => item.topic))];
    return html`${renderField({ id: 'materials-topic', name: 'topic', label: t('materials.topic'), hint: t('materials.topic.hint'), value: draft.topic, maxlength: 80, required: true, list: 'material-topics', error: errors.topic, onInput })}
      <datalist id="material-topics">${topics.map((topic) => html`<option value=${topic}></option>`)}</datalist>
      ${renderField({ id: 'materials-title', name: 'title', label: t('field.title'), value: draft.title, maxlength: 200, required: true, error: errors.title, onInput })}
      ${this.renderKeyField(draft)}
      ${renderField({ id: 'materials-body', name: 'body', label: t('materials.body'), hint: t('markdown.hint'), value: draft.body, rows: 6, maxlength: 50_000, error: errors.body, onInput })}
      ${renderField({ id: 'materials-position', name: 'position', type: 'number', min: '0', max: '10000', label: t('materials.position'), hint: t('materials.position.hint'), value: draft.position, required: true, error: errors.position, onInput })}
      <div class="field" data-field="published">
        <label class="choice">
          <input id="materials-published" name="published" type="checkbox" .checked=${draft.published} aria-describedby="materials-published-hint" @change=${onInput} />
          <span>${t('materials.published')}</span>
        </label>
        <p class="hint" id="materials-published-hint">${t('materials.published.hint')}</p>
      </div>
      ${renderFileField({
        id: 'materials-file',
        name: 'file',
        label: t('materials.file.optional'),
        accept: MATERIAL_TYPES.join(','),
        hint: t('file.hint'),
        current: draft.current ? t('materials.file.current', { file: this.fileText(draft.current) }) : undefined,
        error: errors.file,
        onChange: this.handleFile,
      })}`;
  }
}

define('admin-content-materials', AdminContentMaterials);

declare global {
  interface HTMLElementTagNameMap {
    'admin-content-materials': AdminContentMaterials;
  }
}
