import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../core/i18n.ts';
import type { ContentKind } from './content-client.ts';
import type { ContentKey } from './messages.ts';

/** What an item's "Edit" and "Delete" need to be drawn. */
export interface ItemActions {
  t: Translate<ContentKey>;
  kind: ContentKind;
  item: { key: string; title: string };
  /** "Delete" was pressed: the question and its two answers show. */
  confirming: boolean;
  deleting: boolean;
  /** Why the last delete failed. */
  error?: string;
  onEdit(): void;
  onAskDelete(): void;
  onConfirmDelete(): void;
  onCancelDelete(): void;
}

/** "Edit" and "Delete", or the confirm step of "Delete" (the safe answer focused first by the panel). */
export function renderItemActions(view: ItemActions): TemplateResult {
  const { t, item } = view;
  const error = view.error ? html`<div part="error" role="alert"><p>${view.error}</p></div>` : nothing;
  if (!view.confirming) {
    return html`${error}<div class="actions">
        <button part="edit" class="secondary" type="button" aria-label=${t('edit.label', { title: item.title })} @click=${view.onEdit}>${t('edit')}</button>
        <button part="delete" class="secondary danger" type="button" aria-label=${t('delete.label', { title: item.title })} @click=${view.onAskDelete}>${t('delete')}</button>
      </div>`;
  }
  const questionId = `confirm-${view.kind}-${item.key}`;
  return html`<div part="confirm" role="group" aria-labelledby=${questionId}>
    <p id=${questionId}>${t(`${view.kind}.delete.question`, { title: item.title })}</p>
    ${error}
    <div class="actions">
      <button part="confirm-delete" class="primary danger" type="button" aria-disabled=${view.deleting ? 'true' : 'false'} @click=${view.onConfirmDelete}>
        ${view.deleting ? t('deleting') : t('delete.confirm')}
      </button>
      <button part="cancel-delete" class="secondary" type="button" @click=${view.onCancelDelete}>${t('cancel')}</button>
    </div>
  </div>`;
}
