import { html, nothing, type TemplateResult } from 'lit';
import type { ImportAnswer, ImportRow } from '../admin-api.ts';
import type { Translate } from '../../core/i18n.ts';
import type { ImportKey } from './import-messages.ts';

/** The row error codes the server names, each with its sentence. */
const ROW_ERRORS = ['email_invalid', 'account_not_found', 'establishment_not_found', 'locale_invalid', 'duplicate_row'] as const;

/** How many rows were (or would be) invited, skipped as existing users, and refused. */
export function countRows(answer: ImportAnswer): { ok: number; skipped: number; errors: number } {
  const count = (status: ImportRow['status']) => answer.rows.filter((row) => row.status === status).length;
  return { ok: count('ok'), skipped: count('exists'), errors: count('error') };
}

/** A row's error in words. */
export function rowErrorText(t: Translate<ImportKey>, code: string | undefined): string {
  return (ROW_ERRORS as readonly string[]).includes(code ?? '') ? t(`row.${code as (typeof ROW_ERRORS)[number]}`) : t('row.unknown');
}

/**
 * Every row of the file with its outcome, in a table that scrolls inside its own labelled region on a narrow screen
 * (the page itself never scrolls sideways).
 */
export function renderRows(t: Translate<ImportKey>, answer: ImportAnswer, id: string): TemplateResult {
  return html`<div class="table-scroll" role="region" tabindex="0" aria-labelledby=${id}>
    <table part="rows">
      <caption id=${id}>${t('table')}</caption>
      <thead>
        <tr>
          <th scope="col">${t('col.line')}</th>
          <th scope="col">${t('col.email')}</th>
          <th scope="col">${t('col.account')}</th>
          <th scope="col">${t('col.establishments')}</th>
          <th scope="col">${t('col.result')}</th>
        </tr>
      </thead>
      <tbody>
        ${answer.rows.map(
          (row) => html`<tr part="row" data-status=${row.status} data-line=${row.line}>
            <td>${row.line}</td>
            <td class="email">${row.email}</td>
            <td>${row.accountName ?? html`<span class="missing">${t('unknown-account')}</span>`}</td>
            <td>${row.establishments.length ? row.establishments.join('; ') : row.accountName ? t('whole-company') : '—'}</td>
            <td>${renderOutcome(t, row, answer.dryRun)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function renderOutcome(t: Translate<ImportKey>, row: ImportRow, dryRun: boolean): TemplateResult {
  if (row.status === 'ok') return html`<span class="outcome ok">${dryRun ? t('row.ok.preview') : t('row.ok.done')}</span>`;
  if (row.status === 'exists') return html`<span class="outcome exists">${t('row.exists')}</span>`;
  return html`<span class="outcome error" data-code=${row.code ?? nothing}><strong>${t('row.error')}:</strong> ${rowErrorText(t, row.code)}</span>`;
}
