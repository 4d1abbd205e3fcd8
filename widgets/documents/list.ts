import { html, nothing, type TemplateResult } from 'lit';
import { ESOCIAL_CATEGORY, type DocumentItem } from '../core/document-types.ts';
import { fileKind, formatFileSize } from '../core/format.ts';
import { filtered, periodText } from './filters.ts';
import type { DocumentsHost } from './host.ts';

/** What the list uses of the element besides the filters. */
export interface ListHost extends DocumentsHost {
  /** Whether the user reaches several accounts (each document then names its own). */
  reachesSeveralAccounts(): boolean;
  isDownloading(id: string): boolean;
  /** Why the last download of `id` failed, translated. */
  downloadFailure(id: string): string | undefined;
  download(item: DocumentItem): void;
}

/** One document: title, category, whose and where, dates (an expired one marked in words), receipt, file, download. */
export function renderDocument(host: ListHost, item: DocumentItem): TemplateResult {
  const { t } = host;
  const expired = Boolean(item.validUntil && item.validUntil < host.today());
  const failure = host.downloadFailure(item.id);
  return html`<li part="document" data-category=${item.category} data-expired=${expired ? 'true' : 'false'}>
    <h3 part="title">${item.title}</h3>
    <p class="meta">
      <span part="category">${item.categoryLabel}</span>
      ${host.reachesSeveralAccounts() ? html`<span>${item.accountName}</span>` : nothing}
      ${item.establishmentName ? html`<span part="establishment">${item.establishmentName}</span>` : nothing}
      <span>${t('issued', { date: host.date(item.issueDate) })}</span>
      ${item.validUntil
        ? expired
          ? html`<span part="badge" data-state="expired"><span aria-hidden="true">!</span> ${t('expired', { date: host.date(item.validUntil) })}</span>`
          : html`<span>${t('valid-until', { date: host.date(item.validUntil) })}</span>`
        : nothing}
    </p>
    ${item.esocial
      ? html`<p part="receipt" class="meta">
          <span>${t('event', { type: item.esocial.eventType })}</span>
          <span>${t('receipt', { number: item.esocial.receiptNumber })}</span>
          ${item.esocial.rectified ? html`<span part="badge" data-state="rectified"><span aria-hidden="true">↻</span> ${t('rectified')}</span>` : nothing}
        </p>`
      : nothing}
    ${item.file
      ? html`<div part="file" class="file">
          <span class="meta">${fileKind(t, item.file)} · ${formatFileSize(item.file.size, host.locale)}</span>
          <button part="download" class="secondary" type="button" aria-disabled=${host.isDownloading(item.id) ? 'true' : 'false'} @click=${() => host.download(item)}>
            ${t('download')}<span class="visually-hidden"> ${item.title}</span>
          </button>
        </div>`
      : nothing}
    ${failure ? html`<p part="error" role="alert">${failure}</p>` : nothing}
  </li>`;
}

/** Nothing to show: with no filter, that nothing was published yet; with filters, what to change to see more. */
export function renderEmpty(host: ListHost, business: string): TemplateResult {
  const { t } = host;
  const hints = emptyHints(host);
  if (!hints.length) return html`<p part="empty">${t('empty', { business })}</p>`;
  return html`<div part="empty">
    <p>${t('empty.filtered')}</p>
    <ul class="hints">${hints.map((hint) => html`<li>${hint}</li>`)}</ul>
    ${filtered(host.category, host.filters)
      ? html`<div class="actions"><button class="secondary" type="button" @click=${() => host.clearFilters()}>${t('clear')}</button></div>`
      : nothing}
  </div>`;
}

/** One line per filter that narrows the list, each saying what to change. */
function emptyHints(host: ListHost): string[] {
  const { t, filters, category } = host;
  const name = (choices: { id: string; name: string }[], id: string) => choices.find((c) => c.id === id)?.name ?? id;
  const hints: string[] = [];
  if (filters.q) hints.push(t('hint.q', { q: filters.q }));
  if (category) hints.push(t('hint.category', { category: name(host.categories(), category) }));
  if (filters.accountId) hints.push(t('hint.account', { account: name(host.accounts(), filters.accountId) }));
  if (filters.establishmentId) hints.push(t('hint.establishment', { establishment: name(host.establishments(), filters.establishmentId) }));
  if (filters.from || filters.to) hints.push(t('hint.period', { period: periodText(host) }));
  if (category === ESOCIAL_CATEGORY) {
    const { since, rectified } = host.esocialChoices();
    if (since !== 'all') hints.push(t('hint.since', { since: t(`since.${since}`) }));
    if (!rectified) hints.push(t('hint.rectified'));
  }
  return hints;
}
