import { html, nothing, type TemplateResult } from 'lit';
import { fileKind, formatCalendarDate, formatFileSize } from '../../core/format.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import { formatInstant } from '../processes/section-kit.ts';
import type { DocumentDownload, DocumentItem } from './documents-client.ts';
import type { DocumentsKey } from './messages.ts';

/** What a document's row and dialogs use of `<admin-document-list>`. */
export interface DocumentRowView {
  readonly t: Translate<DocumentsKey>;
  readonly locale: Locale;
  readonly writable: boolean;
  /** Documents deleted here (the list does not say which are withdrawn). */
  readonly withdrawn: ReadonlySet<string>;
  openDialog(mode: 'upload' | 'downloads' | 'delete', item: DocumentItem): void;
}

const titleId = (item: DocumentItem) => `document-${item.id}`;

/** One document: title and category, account, dates, file, eSocial receipt; its actions. */
export function renderDocument(view: DocumentRowView, item: DocumentItem): TemplateResult {
  const { t, locale } = view;
  const withdrawn = view.withdrawn.has(item.id);
  const account = item.establishmentName ? `${item.accountName} — ${item.establishmentName}` : item.accountName;
  return html`<li part="item" data-id=${item.id} data-file=${item.file ? 'yes' : 'no'}>
    <div class="item-head">
      <h3 id=${titleId(item)} tabindex="-1">${item.title}</h3>
      <span part="badge">${item.categoryLabel}</span>
    </div>
    <dl>
      <div><dt>${t('row.account')}</dt><dd>${account}</dd></div>
      <div><dt>${t('row.issued')}</dt><dd><time datetime=${item.issueDate}>${formatCalendarDate(item.issueDate, locale)}</time></dd></div>
      ${item.validUntil ? html`<div><dt>${t('row.valid')}</dt><dd><time datetime=${item.validUntil}>${formatCalendarDate(item.validUntil, locale)}</time></dd></div>` : nothing}
      <div>
        <dt>${t('row.file')}</dt>
        <dd>
          ${withdrawn
            ? t('file.withdrawn')
            : item.file
              ? `${item.file.name} · ${fileKind(t, item.file)} · ${formatFileSize(item.file.size, locale)}`
              : t('file.none')}
        </dd>
      </div>
      ${item.esocial
        ? html`<div>
            <dt>${t('row.esocial')}</dt>
            <dd>${t('esocial.summary', { event: item.esocial.eventType, receipt: item.esocial.receiptNumber })}${item.esocial.rectified ? ` ${t('esocial.rectified')}` : ''}</dd>
          </div>`
        : nothing}
    </dl>
    <div class="actions">
      ${view.writable && !withdrawn
        ? html`<button class="secondary" type="button" data-action="upload" aria-haspopup="dialog" aria-describedby=${titleId(item)} @click=${() => view.openDialog('upload', item)}>
            ${item.file ? t('action.replace') : t('action.upload')}
          </button>`
        : nothing}
      <button class="secondary" type="button" data-action="downloads" aria-haspopup="dialog" aria-describedby=${titleId(item)} @click=${() => view.openDialog('downloads', item)}>
        ${t('action.downloads')}
      </button>
      ${view.writable && !withdrawn
        ? html`<button class="secondary danger" type="button" data-action="delete" aria-haspopup="dialog" aria-describedby=${titleId(item)} @click=${() => view.openDialog('delete', item)}>
            ${t('action.delete')}
          </button>`
        : nothing}
    </div>
  </li>`;
}

/** Who downloaded a document, newest first: the user's e-mail, how, when. */
export function renderDownloads(t: Translate<DocumentsKey>, locale: Locale, items: DocumentDownload[], timeZone?: string): TemplateResult {
  if (!items.length) return html`<p part="empty">${t('downloads.empty')}</p>`;
  return html`<ul part="downloads" class="plain" aria-label=${t('downloads.list')}>
    ${items.map(
      (download) => html`<li>
        <strong>${download.email ?? t('downloads.removed')}</strong>
        <span class="meta">
          <time datetime=${download.downloadedAt}>${formatInstant(download.downloadedAt, locale, timeZone)}</time>
          <span>${t(`downloads.via.${download.via}`)}</span>
        </span>
      </li>`,
    )}
  </ul>`;
}
