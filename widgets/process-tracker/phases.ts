import { html, nothing, type TemplateResult } from 'lit';
import type { PhaseView, ProcessDetail } from '../core/api-client.ts';
import type { TrackerHost } from './host.ts';

/** A mark beside each phase, so its state never speaks by colour alone (the state's word is read out too). */
const MARK: Record<PhaseView['state'], (phase: PhaseView) => string> = { done: () => '✓', current: (p) => String(p.position), upcoming: (p) => String(p.position) };

/**
 * T2: where the process is. A line "Phase 4 of 7: name", a bar of one segment per phase (done filled, current
 * striped, upcoming hollow: told apart by pattern, not colour alone), and the phases as an ordered list with the
 * current one `aria-current="step"`, its description shown, the others' behind a disclosure.
 *
 * Why a list rather than `role="progressbar"`: a progressbar's children are presentational, so it could not hold the
 * phase names or the description disclosures, and it announces a number, not where the case is. The list gives a
 * screen reader "list, 7 items", each phase in order with its state, "current step" on the current one, and the
 * descriptions to open — while the visible line above it says the same in words. The bar is decoration (hidden).
 */
export class PhasesPart {
  /** Phases whose description the client opened. */
  private readonly expanded = new Set<string>();

  constructor(private readonly host: TrackerHost) {}

  /** Another process (or person): every description closed again. */
  reset() {
    this.expanded.clear();
  }

  render(process: ProcessDetail): TemplateResult {
    const { t } = this.host;
    const current = process.phases.find((phase) => phase.state === 'current');
    return html`<section part="phases-section" aria-labelledby="phases-title">
      <h3 id="phases-title">${t('phases.title')}</h3>
      <p part="progress-label" id="progress-label">
        ${current ? t('progress', { position: current.position, count: process.phases.length, name: current.name }) : t('progress.none')}
      </p>
      <div part="bar" aria-hidden="true">${process.phases.map((phase) => html`<span class="segment" data-state=${phase.state}></span>`)}</div>
      <ol part="phases" aria-labelledby="phases-title">
        ${process.phases.map((phase) => this.renderPhase(phase))}
      </ol>
    </section>`;
  }

  private renderPhase(phase: PhaseView): TemplateResult {
    const { t } = this.host;
    const current = phase.state === 'current';
    const open = current || this.expanded.has(phase.key);
    const panel = `phase-${phase.key}`;
    const state = html`<span class=${current ? 'state' : 'visually-hidden'}>${t(`phase.${phase.state}`)}</span>`;
    const name =
      phase.description && !current
        ? html`<button class="phase-toggle" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${() => this.toggle(phase.key)}>${phase.name}</button>`
        : html`<span class="phase-name">${phase.name}</span>`;
    return html`<li part="phase" data-state=${phase.state} aria-current=${current ? 'step' : nothing}>
      <span class="marker" aria-hidden="true">${MARK[phase.state](phase)}</span>
      <div class="phase-body">
        <div class="phase-head">${name}${state}</div>
        ${current && phase.enteredAt ? html`<p class="meta">${t('phase.since', { date: this.host.date(phase.enteredAt) })}</p>` : nothing}
        ${phase.description ? html`<p part="phase-description" id=${panel} ?hidden=${!open}>${phase.description}</p>` : nothing}
      </div>
    </li>`;
  }

  private toggle(key: string) {
    if (!this.expanded.delete(key)) this.expanded.add(key);
    this.host.requestUpdate();
  }
}
