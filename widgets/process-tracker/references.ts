import { html, nothing, type TemplateResult } from 'lit';
import type { ProcessDetail } from '../core/api-client.ts';
import { CopyConfirmation, copyText } from '../core/clipboard.ts';
import type { TrackerHost } from './host.ts';

/** A secret shown as dots and its last four characters (none of it when it is too short to spare four). */
function masked(host: TrackerHost, value: string): TemplateResult {
  const tail = value.length >= 8 ? value.slice(-4) : '';
  return html`<span aria-hidden="true">••••</span><span class="visually-hidden">${host.t(tail ? 'reference.ends-in' : 'reference.hidden')}</span>${tail ? html` ${tail}` : nothing}`;
}

/**
 * T4: the case's external references (a registry's process number, its access key …) and the portal's own
 * quick-access number, each with a copy button; a secret one is masked until the client asks to see it.
 */
export class ReferencesPart {
  /** The secret references shown in full, by index. */
  private readonly shown = new Set<number>();
  /** What was last copied (an index, or -1 for the quick-access number), and how. */
  private readonly copied: CopyConfirmation<number>;

  constructor(private readonly host: TrackerHost) {
    this.copied = new CopyConfirmation(host);
  }

  /** Another process (or person): every secret hidden again. */
  reset() {
    this.shown.clear();
    this.copied.clear();
  }

  render(process: ProcessDetail): TemplateResult {
    const { t } = this.host;
    return html`<section part="references" aria-labelledby="references-title">
      <h3 id="references-title">${t('references.title')}</h3>
      <dl>
        ${process.references.map((reference, index) => this.renderReference(index, reference.label, reference.value, reference.secret))}
        ${this.renderReference(-1, t('reference.quick-access'), process.quickAccessNumber, false, t('reference.quick-access-hint'))}
      </dl>
    </section>`;
  }

  private renderReference(index: number, label: string, value: string, secret: boolean, hint?: string): TemplateResult {
    const { t } = this.host;
    const id = `reference-${index + 1}`;
    const hidden = secret && !this.shown.has(index);
    const copied = this.copied.of(index);
    const named = html`<span class="visually-hidden">: ${label}</span>`;
    return html`<div part="reference" data-secret=${secret ? 'true' : 'false'}>
      <dt>${label}</dt>
      <dd>
        <code part="reference-value" id=${id}>${hidden ? masked(this.host, value) : value}</code>
        ${hint ? html`<p class="meta">${hint}</p>` : nothing}
        <div class="actions">
          ${secret
            ? html`<button class="secondary" part="show" type="button" aria-pressed=${hidden ? 'false' : 'true'} @click=${() => this.toggle(index)}>${t('show')}${named}</button>`
            : nothing}
          <button class="secondary" part="copy" type="button" @click=${() => this.copy(index, value, id, secret)}>${t('copy')}${named}</button>
          <span part="copied" role="status" aria-live="polite">${copied === 'copied' ? t('copied') : copied === 'selected' ? t('copy.selected') : ''}</span>
        </div>
      </dd>
    </div>`;
  }

  private toggle(index: number) {
    if (!this.shown.delete(index)) this.shown.add(index);
    this.host.requestUpdate();
  }

  private async copy(index: number, value: string, id: string, secret: boolean) {
    const outcome = await copyText(value, async () => {
      // The older way copies what is selected: a masked secret is shown first, or the dots would be copied.
      if (secret && !this.shown.has(index)) {
        this.shown.add(index);
        this.host.requestUpdate();
        await this.host.updateComplete;
      }
      return this.host.shadowRoot!.getElementById(id)!;
    });
    await this.copied.show(index, outcome);
  }
}
