import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { processesStyles } from './admin-processes.styles.ts';
import { messages, type ProcessesKey } from './messages.ts';
import { renderFacts, renderHistory, renderNotices, renderPhases, renderReferences, type ProcessDetailView } from './process-detail-views.ts';
import { ProcessesClient, type ProcessDetail, type ProcessSummary } from './processes-client.ts';
import { dialogStyles, focusLater, invalidFields, problemKeyIn, renderLoading, renderProblem } from './section-kit.ts';

type DialogName = 'move' | 'notice';
type Field = 'phase' | 'note' | 'title' | 'body';

/**
 * One process, opened from `<admin-processes>`: its facts, references (secret ones masked until shown), phases,
 * phase history and notices; with `processes:write`, "Move to another phase" and "Post a notice", each a modal
 * dialog that returns focus to its button.
 * @summary One process, with its phases and notices.
 * @event admin-process-back - "Back to the processes".
 * @event admin-process-changed - the process moved; `detail.process` is its new summary.
 * @csspart back - the back button.
 * @csspart facts - the process's facts.
 * @csspart references - its references; `reference-value` a value shown.
 * @csspart phases - its phases; `timeline` the list, each a `phase` (`data-state`).
 * @csspart history - the phase changes.
 * @csspart notices - its notices; each a `notice`, its kind a `notice-kind`.
 * @csspart move - the move button; `notice-button` the post-a-notice button.
 * @csspart dialog - a dialog; `save` its submit button.
 */
export class AdminProcessDetail extends AdminSection<ProcessesKey> implements ProcessDetailView {
  static override styles = [baseStyles, panelStyles, cardListStyles, dialogStyles, processesStyles];

  protected readonly catalog = messages;

  /** The process shown. */
  @property({ attribute: false }) processId = '';

  @state() private detail?: ProcessDetail;
  @state() revealed: ReadonlySet<number> = new Set();
  @state() private dialogOpen?: DialogName;
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private announcement = '';

  private readonly load = new Task(this, {
    task: async ([api, id], { signal }) => {
      if (!api || !id) return undefined;
      this.detail = await new ProcessesClient(api).get(id, signal);
      this.revealed = new Set();
      // Opened from the list, whose button is gone: the process's title takes the focus.
      focusLater(this, '#process-title');
      return this.detail;
    },
    args: () => [this.api, this.processId] as const,
  });

  override get t() {
    return super.t;
  }

  get timeZone(): string | undefined {
    return this.me?.tenant.timeZone;
  }

  override render() {
    const t = this.t;
    return html`<div class="detail" lang=${this.locale}>
      <div class="actions"><button part="back" class="secondary" type="button" @click=${this.handleBack}>${t('back')}</button></div>
      <p part="announcement" role="status" aria-live="polite">${this.announcement}</p>
      <div class="list-region" aria-busy=${this.detail ? 'false' : 'true'}>
        ${this.load.render({
          initial: () => renderLoading(t('detail.loading')),
          pending: () => (this.detail ? this.renderDetail(this.detail) : renderLoading(t('detail.loading'))),
          error: (error) => renderProblem(t(problemKeyIn(messages, error)), t('retry'), () => void this.load.run()),
          complete: () => (this.detail ? this.renderDetail(this.detail) : renderLoading(t('detail.loading'))),
        })}
      </div>
    </div>`;
  }

  private renderDetail(detail: ProcessDetail): TemplateResult {
    const t = this.t;
    const writable = this.can('processes:write');
    return html`<article part="process" aria-labelledby="process-title">
      <h3 id="process-title" tabindex="-1">${detail.title}</h3>
      ${renderFacts(this, detail)}
      ${writable
        ? html`<div class="actions">
            ${detail.phases.length > 1
              ? html`<button part="move" class="primary" type="button" aria-haspopup="dialog" @click=${() => this.openDialog('move')}>${t('move')}</button>`
              : nothing}
            <button part="notice-button" class="secondary" type="button" aria-haspopup="dialog" @click=${() => this.openDialog('notice')}>${t('notice')}</button>
          </div>`
        : nothing}
      ${renderReferences(this, detail)} ${renderPhases(this, detail)} ${renderHistory(this, detail)} ${renderNotices(this, detail.notices)}
      ${writable ? this.renderDialog(detail) : nothing}
    </article>`;
  }

  private renderDialog(detail: ProcessDetail): TemplateResult {
    const t = this.t;
    const name = this.dialogOpen ?? 'move';
    const title = name === 'move' ? t('move.title') : t('notice.title');
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.handleClose}>
      <div class="dialog-head">
        <h3 id="dialog-title">${title}</h3>
        <button class="link close" type="button" aria-label=${t('close')} @click=${this.closeDialog}><span aria-hidden="true">×</span></button>
      </div>
      ${this.dialogOpen === 'move' ? this.renderMoveForm(detail) : this.dialogOpen === 'notice' ? this.renderNoticeForm() : nothing}
    </dialog>`;
  }

  private renderMoveForm(detail: ProcessDetail): TemplateResult {
    const t = this.t;
    const current = detail.currentPhase?.key;
    const next = detail.phases.find((phase) => phase.position === (detail.currentPhase?.position ?? 0) + 1)?.key ?? detail.phases.find((phase) => phase.key !== current)?.key;
    return html`<form novalidate @submit=${this.handleMove}>
      <label
        >${t('move.phase')}
        <select name="phase" aria-invalid=${this.errors.phase ? 'true' : 'false'} aria-describedby=${this.errors.phase ? 'phase-error' : nothing} @change=${() => this.clear('phase')}>
          ${detail.phases.map(
            (phase) => html`<option value=${phase.key} ?selected=${phase.key === next}>${phase.position}. ${phase.key === current ? t('move.current', { name: phase.name }) : phase.name}</option>`,
          )}
        </select>
        ${this.errors.phase ? html`<span class="field-error" id="phase-error">${this.errors.phase}</span>` : nothing}
      </label>
      <label
        >${t('move.note')}
        <textarea name="note" rows="3" maxlength="500" aria-describedby=${this.errors.note ? 'note-hint note-error' : 'note-hint'} aria-invalid=${this.errors.note ? 'true' : 'false'}></textarea>
        <span class="hint" id="note-hint">${t('move.note.hint')}</span>
        ${this.errors.note ? html`<span class="field-error" id="note-error">${this.errors.note}</span>` : nothing}
      </label>
      ${this.renderFormEnd(t('move.save'), t('move.saving'))}
    </form>`;
  }

  private renderNoticeForm(): TemplateResult {
    const t = this.t;
    const { title, body } = this.errors;
    return html`<form novalidate @submit=${this.handleNotice}>
      <fieldset>
        <legend>${t('notice.kind')}</legend>
        <label class="choice"><input type="radio" name="kind" value="notice" checked /><span>${t('notice.kind.notice')} <span class="hint">${t('notice.kind.notice.hint')}</span></span></label>
        <label class="choice"><input type="radio" name="kind" value="follow-up" /><span>${t('notice.kind.follow-up')} <span class="hint">${t('notice.kind.follow-up.hint')}</span></span></label>
      </fieldset>
      <label
        >${t('notice.heading')}
        <input name="title" maxlength="200" autocomplete="off" required aria-invalid=${title ? 'true' : 'false'} aria-describedby=${title ? 'notice-title-error' : nothing} @input=${() => this.clear('title')} />
        ${title ? html`<span class="field-error" id="notice-title-error">${title}</span>` : nothing}
      </label>
      <label
        >${t('notice.body')}
        <textarea name="body" rows="6" maxlength="20000" required aria-invalid=${body ? 'true' : 'false'} aria-describedby=${body ? 'body-hint body-error' : 'body-hint'} @input=${() => this.clear('body')}></textarea>
        <span class="hint" id="body-hint">${t('notice.body.hint')}</span>
        ${body ? html`<span class="field-error" id="body-error">${body}</span>` : nothing}
      </label>
      <label class="choice"
        ><input type="checkbox" name="notify" checked aria-describedby="notify-hint" /><span>${t('notice.notify')} <span class="hint" id="notify-hint">${t('notice.notify.hint')}</span></span></label
      >
      ${this.renderFormEnd(t('notice.save'), t('notice.saving'))}
    </form>`;
  }

  private renderFormEnd(save: string, saving: string): TemplateResult {
    return html`${this.formError ? html`<p part="error" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
      <div class="actions">
        <button part="save" class="primary" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? saving : save}</button>
        <button class="secondary" type="button" @click=${this.closeDialog}>${this.t('cancel')}</button>
      </div>`;
  }

  toggleReference(index: number) {
    const revealed = new Set(this.revealed);
    if (revealed.has(index)) revealed.delete(index);
    else revealed.add(index);
    this.revealed = revealed;
  }

  private openDialog(name: DialogName) {
    Object.assign(this, { dialogOpen: name, errors: {}, formError: '', saving: false, announcement: '' });
    void this.updateComplete.then(() => {
      const dialog = this.shadowRoot?.querySelector('dialog');
      if (!dialog || dialog.open) return;
      dialog.querySelector('form')?.reset();
      dialog.showModal();
      dialog.querySelector<HTMLElement>(name === 'move' ? 'select[name=phase]' : 'input[name=kind]')?.focus();
    });
  }

  private closeDialog = () => this.shadowRoot?.querySelector('dialog')?.close();

  /** Whatever closed the dialog, focus goes back to the button that opened it. */
  private handleClose = () => {
    const opener = this.dialogOpen === 'notice' ? '[part~=notice-button]' : '[part~=move]';
    this.dialogOpen = undefined;
    focusLater(this, opener, '#process-title');
  };

  private clear(field: Field) {
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private handleMove = async (event: SubmitEvent) => {
    event.preventDefault();
    const detail = this.detail;
    if (this.saving || !this.api || !detail) return;
    const form = event.target as HTMLFormElement;
    const phase = (form.elements.namedItem('phase') as HTMLSelectElement).value;
    const note = (form.elements.namedItem('note') as HTMLTextAreaElement).value.trim();
    if (phase === detail.currentPhase?.key) {
      this.errors = { phase: this.t('move.same') };
      return focusLater(this, 'select[name=phase]');
    }
    await this.save(async (client) => {
      const moved = await client.movePhase(detail.id, phase, note || undefined);
      this.detail = moved;
      const { quickAccessNumber: _q, references: _r, phases: _p, history: _h, notices: _n, lastSeenAt: _l, createdAt: _c, ...summary } = moved;
      this.dispatchEvent(new CustomEvent('admin-process-changed', { detail: { process: summary }, bubbles: true, composed: true }));
      return this.t('announce.moved', { phase: moved.currentPhase?.name ?? phase });
    });
  };

  private handleNotice = async (event: SubmitEvent) => {
    event.preventDefault();
    const detail = this.detail;
    if (this.saving || !this.api || !detail) return;
    const form = event.target as HTMLFormElement;
    const title = (form.elements.namedItem('title') as HTMLInputElement).value.trim();
    const body = (form.elements.namedItem('body') as HTMLTextAreaElement).value.trim();
    const kind = form.querySelector<HTMLInputElement>('input[name=kind]:checked')?.value === 'follow-up' ? 'follow-up' : 'notice';
    const notify = (form.elements.namedItem('notify') as HTMLInputElement).checked;
    this.errors = { title: title ? undefined : this.t('notice.heading.missing'), body: body ? undefined : this.t('notice.body.missing') };
    if (!title || !body) return focusLater(this, !title ? 'input[name=title]' : 'textarea[name=body]');
    await this.save(async (client) => {
      const notice = await client.addNotice(detail.id, { kind, title, body, notify });
      this.detail = { ...detail, notices: [notice, ...detail.notices.filter((other) => other.id !== notice.id)] };
      return this.t('announce.notice', { title });
    });
  };

  /** Runs a dialog's call: on success closes it and says what happened; on failure keeps it open with the problem. */
  private async save(call: (client: ProcessesClient) => Promise<string>) {
    this.saving = true;
    this.formError = '';
    try {
      const said = await call(new ProcessesClient(this.api!));
      this.closeDialog();
      this.announcement = said;
    } catch (error) {
      const fields = invalidFields(error);
      this.errors = Object.fromEntries([...fields].filter((field) => ['phase', 'note', 'title', 'body'].includes(field)).map((field) => [field, this.t('field.invalid')]));
      this.formError = this.t(problemKeyIn(messages, error));
      focusLater(this, 'dialog [part~=error]');
    } finally {
      this.saving = false;
    }
  }

  private handleBack = () => this.dispatchEvent(new CustomEvent('admin-process-back', { bubbles: true, composed: true }));
}

define('admin-process-detail', AdminProcessDetail);

declare global {
  interface HTMLElementTagNameMap {
    'admin-process-detail': AdminProcessDetail;
  }
  interface GlobalEventHandlersEventMap {
    'admin-process-back': CustomEvent<void>;
    'admin-process-changed': CustomEvent<{ process: ProcessSummary }>;
  }
}
