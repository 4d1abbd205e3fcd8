import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Locale, Translate } from '../../core/i18n.ts';
import { renderRichText } from '../../core/rich-text.ts';
import type { ProcessesKey } from './messages.ts';
import type { ProcessDetail, ProcessNotice } from './processes-client.ts';
import { formatInstant } from './section-kit.ts';

/** What the detail's views use of `<admin-process-detail>`. */
export interface ProcessDetailView {
  readonly t: Translate<ProcessesKey>;
  readonly locale: Locale;
  readonly timeZone?: string;
  /** The indexes of the secret references shown in clear. */
  readonly revealed: ReadonlySet<number>;
  toggleReference(index: number): void;
}

const when = (view: ProcessDetailView, iso: string) => html`<time datetime=${iso}>${formatInstant(iso, view.locale, view.timeZone)}</time>`;

/** Account, kind, current phase, quick-access number, dates. */
export function renderFacts(view: ProcessDetailView, detail: ProcessDetail): TemplateResult {
  const { t } = view;
  const phase = detail.currentPhase;
  return html`<dl part="facts" aria-label=${t('detail.facts')}>
    <div><dt>${t('row.account')}</dt><dd>${detail.accountName}</dd></div>
    <div><dt>${t('row.kind')}</dt><dd>${detail.kind ?? t('kind.none')}</dd></div>
    <div><dt>${t('row.phase')}</dt><dd>${phase ? t('phase.of', { position: phase.position, count: detail.phaseCount, name: phase.name }) : t('phase.none')}</dd></div>
    <div><dt>${t('detail.quick-access')}</dt><dd><code part="code">${detail.quickAccessNumber}</code></dd></div>
    <div><dt>${t('detail.created')}</dt><dd>${when(view, detail.createdAt)}</dd></div>
    <div><dt>${t('row.updated')}</dt><dd>${when(view, detail.updatedAt)}</dd></div>
  </dl>`;
}

/** The external references; secret ones masked, each with a Show / Hide button. */
export function renderReferences(view: ProcessDetailView, detail: ProcessDetail): TemplateResult {
  const { t } = view;
  return html`<section part="references" aria-labelledby="references-title">
    <h4 id="references-title">${t('detail.references')}</h4>
    ${detail.references.length
      ? html`<dl>
          ${detail.references.map((reference, index) => {
            const shown = !reference.secret || view.revealed.has(index);
            return html`<div data-reference=${index}>
              <dt>${reference.label}</dt>
              <dd>
                ${shown ? html`<span part="reference-value">${reference.value}</span>` : html`<span class="masked">••••••<span class="visually-hidden">${t('reference.masked')}</span></span>`}
                ${reference.secret
                  ? html`<button class="link" type="button" aria-pressed=${shown ? 'true' : 'false'} aria-label=${t(shown ? 'reference.hide-label' : 'reference.show-label', { label: reference.label })} @click=${() => view.toggleReference(index)}>
                      ${t(shown ? 'reference.hide' : 'reference.show')}
                    </button>`
                  : nothing}
              </dd>
            </div>`;
          })}
        </dl>`
      : html`<p class="hint">${t('detail.references.none')}</p>`}
  </section>`;
}

/** The phases in order: done, current (`aria-current="step"`), upcoming; when each was entered. */
export function renderPhases(view: ProcessDetailView, detail: ProcessDetail): TemplateResult {
  const { t } = view;
  return html`<section part="phases" aria-labelledby="phases-title">
    <h4 id="phases-title">${t('detail.phases')}</h4>
    <ol part="timeline">
      ${detail.phases.map(
        (phase) => html`<li part="phase" data-state=${phase.state} aria-current=${phase.state === 'current' ? 'step' : nothing}>
          <span class="marker" aria-hidden="true">${phase.position}</span>
          <div class="phase-body">
            <p><strong>${phase.name}</strong> <span class="state" data-state=${phase.state}>${t(`phase.${phase.state}`)}</span></p>
            ${phase.enteredAt && phase.state !== 'upcoming'
              ? html`<p class="hint">${t(phase.state === 'current' ? 'phase.entered' : 'phase.entered-done', { date: formatInstant(phase.enteredAt, view.locale, view.timeZone) })}</p>`
              : nothing}
            ${phase.description ? html`<p class="hint">${phase.description}</p>` : nothing}
          </div>
        </li>`,
      )}
    </ol>
  </section>`;
}

/** The phase changes, newest first, with their notes. */
export function renderHistory(view: ProcessDetailView, detail: ProcessDetail): TemplateResult {
  const { t } = view;
  return html`<section part="history" aria-labelledby="history-title">
    <h4 id="history-title">${t('detail.history')}</h4>
    ${detail.history.length
      ? html`<ul class="plain">
          ${detail.history.map(
            (change) => html`<li>
              ${when(view, change.at)} — <strong>${change.phaseName}</strong>${change.note ? html`<p class="hint">${change.note}</p>` : nothing}
            </li>`,
          )}
        </ul>`
      : html`<p class="hint">${t('detail.history.none')}</p>`}
  </section>`;
}

/** The notices and follow-ups, newest first, their Markdown as rich text. */
export function renderNotices(view: ProcessDetailView, notices: ProcessNotice[]): TemplateResult {
  const { t } = view;
  return html`<section part="notices" aria-labelledby="notices-title">
    <h4 id="notices-title">${t('detail.notices')}</h4>
    ${notices.length
      ? html`<ul class="plain">
          ${repeat(
            notices,
            (notice) => notice.id,
            (notice) => html`<li part="notice" data-id=${notice.id} data-kind=${notice.kind}>
              <div class="item-head">
                <h5 id=${`notice-${notice.id}`} tabindex="-1">${notice.title}</h5>
                <span part="notice-kind">${t(`notice.kind.${notice.kind}`)}</span>
              </div>
              <p class="hint">${when(view, notice.publishedAt)}</p>
              <div class="rich">${renderRichText(notice.body, { newTabLabel: t('new-tab') })}</div>
            </li>`,
          )}
        </ul>`
      : html`<p class="hint">${t('detail.notices.none')}</p>`}
  </section>`;
}
