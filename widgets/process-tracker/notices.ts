import { html, nothing, type TemplateResult } from 'lit';
import type { ProcessDetail, ProcessNotice } from '../core/api-client.ts';
import { renderRichText } from '../core/rich-text.ts';
import type { TrackerHost } from './host.ts';

/** A mark beside a notice's kind, so a follow-up (something to do) stands out without colour. */
const KIND_MARK: Record<ProcessNotice['kind'], string> = { notice: 'i', 'follow-up': '→' };

/**
 * T3, the news first: the notices and follow-ups published since the client's last visit, in a highlighted box above
 * the phases (as the portal this is modelled on puts them). `isNew` says which: the server's `unread`, remembered from
 * the first time the process was opened here, since opening it marks them seen.
 */
export function renderNewNotices(host: TrackerHost, notices: ProcessNotice[]): TemplateResult | typeof nothing {
  if (!notices.length) return nothing;
  return html`<section part="new" aria-labelledby="new-title">
    <h3 id="new-title"><span aria-hidden="true">★</span> ${host.t('new.title')}</h3>
    <ul>${notices.map((notice) => renderNotice(host, notice))}</ul>
  </section>`;
}

/** T3: the other notices and follow-ups, newest first (as the server sends them); nothing at all says so. */
export function renderNotices(host: TrackerHost, process: ProcessDetail, earlier: ProcessNotice[]): TemplateResult | typeof nothing {
  if (process.notices.length && !earlier.length) return nothing;
  return html`<section part="notices" aria-labelledby="notices-title">
    <h3 id="notices-title">${host.t('notices.title')}</h3>
    ${earlier.length ? html`<ul>${earlier.map((notice) => renderNotice(host, notice))}</ul>` : html`<p part="empty">${host.t('notices.empty')}</p>`}
  </section>`;
}

function renderNotice(host: TrackerHost, notice: ProcessNotice): TemplateResult {
  const { t } = host;
  return html`<li part="notice" data-kind=${notice.kind}>
    <h4>${notice.title}</h4>
    <p class="meta">
      <span part="notice-kind" data-kind=${notice.kind}><span aria-hidden="true">${KIND_MARK[notice.kind]}</span> ${t(`notice.${notice.kind}`)}</span>
      <time datetime=${notice.publishedAt}>${host.date(notice.publishedAt, true)}</time>
    </p>
    <div part="notice-body" class="rich">${renderRichText(notice.body, { newTabLabel: t('new-tab') })}</div>
  </li>`;
}

/** The phase changes, newest first, dated. */
export function renderHistory(host: TrackerHost, process: ProcessDetail): TemplateResult {
  const { t } = host;
  return html`<section part="history" aria-labelledby="history-title">
    <h3 id="history-title">${t('history.title')}</h3>
    ${process.history.length
      ? html`<ul>
          ${process.history.map(
            (entry) => html`<li part="history-entry">
              <time datetime=${entry.at}>${host.date(entry.at)}</time>
              <strong>${entry.phaseName}</strong>
              ${entry.note ? html`<span class="note">${entry.note}</span>` : nothing}
            </li>`,
          )}
        </ul>`
      : html`<p part="empty">${t('history.empty')}</p>`}
  </section>`;
}
