import { Task } from '@lit/task';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import type { AccountListItem } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import type { AdminAccountPicker } from './account-picker.ts';
import './account-picker.ts';
import { messages, type ProcessesKey } from './messages.ts';
import { ProcessesClient, type NewProcess, type ProcessTemplate, type UpsertResult } from './processes-client.ts';
import { consoleExternalId, dialogStyles, focusLater, invalidFields, pickText, problemKeyIn } from './section-kit.ts';

type Field = 'account' | 'title' | 'template' | 'references';
interface ReferenceDraft {
  label: string;
  value: string;
  secret: boolean;
}
const MAX_REFERENCES = 10;

/**
 * "New process": a button and its dialog — the account, title, kind, phase template and starting phase, the
 * business's own reference (made up as `console-<time>` when left empty) and references for the client. A new
 * process's quick-access number and key are shown once, in the dialog, before "Done".
 * @summary Creates a process from a phase template.
 * @event admin-process-saved - saved; `detail.result` is the server's upsert result, `detail.title` the title.
 * @csspart new - the button that opens the dialog.
 * @csspart dialog - the dialog.
 * @csspart save - the form's submit button.
 * @csspart created - the quick-access credentials, shown once.
 * @csspart error - what went wrong.
 */
export class AdminProcessCreate extends AdminSection<ProcessesKey> {
  static override styles = [
    baseStyles,
    panelStyles,
    cardListStyles,
    dialogStyles,
    css`
      :host {
        display: inline-block;
      }
      form,
      [part~='created'] {
        display: grid;
        gap: calc(var(--portal-space) * 1.5);
        margin-top: var(--portal-space);
      }
      input[readonly] {
        font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
      }
    `,
  ];

  protected readonly catalog = messages;

  /** The clock the generated external id is read from (tests set it). */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  @state() private opened = false;
  @state() private account?: AccountListItem;
  @state() private templateKey = '';
  @state() private phaseKey = '';
  @state() private references: ReferenceDraft[] = [];
  @state() private errors: Partial<Record<Field, string>> = {};
  @state() private formError = '';
  @state() private saving = false;
  @state() private created?: { number: string; accessKey: string };
  @query('dialog') private dialog?: HTMLDialogElement;

  private readonly templateList = new Task(this, {
    task: async ([api, opened], { signal }) => (api && opened ? (await new ProcessesClient(api).templates(signal)).items : undefined),
    args: () => [this.api, this.opened] as const,
  });

  private get templates(): ProcessTemplate[] {
    return this.templateList.value ?? [];
  }

  private name(text: ProcessTemplate['name']): string {
    return pickText(text, this.locale, this.me?.tenant.locale) ?? '';
  }

  /** Opens the dialog, empty. */
  show() {
    if (!this.dialog || this.dialog.open) return;
    this.shadowRoot?.querySelector('form')?.reset();
    this.shadowRoot?.querySelector<AdminAccountPicker>('admin-account-picker')?.reset();
    Object.assign(this, { account: undefined, templateKey: '', phaseKey: '', references: [], errors: {}, formError: '', saving: false, created: undefined });
    this.opened = true;
    this.dialog.showModal();
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('admin-account-picker')?.focus());
  }

  override render() {
    const t = this.t;
    return html`<button part="new" class="primary" type="button" aria-haspopup="dialog" @click=${this.show}>${t('new')}</button>
      <dialog part="dialog" aria-labelledby="create-title" lang=${this.locale} @close=${this.handleClose}>
        <div class="dialog-head">
          <h3 id="create-title">${this.created ? t('created.title') : t('create.title')}</h3>
          <button class="link close" type="button" aria-label=${t('close')} @click=${this.close}><span aria-hidden="true">×</span></button>
        </div>
        ${this.created ? this.renderCreated(this.created) : this.renderForm()}
      </dialog>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    const errors = this.errors;
    return html`<form novalidate @submit=${this.handleSubmit}>
      <p class="hint">${t('create.intro')}</p>
      <admin-account-picker .api=${this.api} .locale=${this.locale} .label=${t('create.account')} .value=${this.account} .error=${errors.account ?? ''} @admin-account-change=${this.handleAccount}></admin-account-picker>
      <label
        >${t('create.title-field')}
        <input name="title" maxlength="200" required autocomplete="off" aria-invalid=${errors.title ? 'true' : 'false'} aria-describedby=${errors.title ? 'title-error' : nothing} @input=${() => this.clear('title')} />
        ${errors.title ? html`<span class="field-error" id="title-error">${errors.title}</span>` : nothing}
      </label>
      <label
        >${t('create.kind')}
        <input name="kind" maxlength="80" autocomplete="off" aria-describedby="kind-hint" />
        <span class="hint" id="kind-hint">${t('create.kind.hint')}</span>
      </label>
      ${this.renderTemplate()}
      <label
        >${t('create.external')}
        <input name="externalId" maxlength="100" autocomplete="off" aria-describedby="external-hint" />
        <span class="hint" id="external-hint">${t('create.external.hint')}</span>
      </label>
      ${this.renderReferences()}
      ${this.formError ? html`<p part="error" role="alert" tabindex="-1">${this.formError}</p>` : nothing}
      <div class="actions">
        <button part="save" class="primary" type="submit" aria-disabled=${this.saving ? 'true' : 'false'}>${this.saving ? t('create.saving') : t('create.save')}</button>
        <button class="secondary" type="button" @click=${this.close}>${t('cancel')}</button>
      </div>
    </form>`;
  }

  private renderTemplate(): TemplateResult {
    const t = this.t;
    const error = this.errors.template;
    if (!this.templateList.value) return html`<p class="hint" role="status">${this.templateList.error ? t(problemKeyIn(messages, this.templateList.error)) : t('create.templates-loading')}</p>`;
    if (!this.templates.length) return html`<p part="error">${t('create.template.none')}</p>`;
    const template = this.templates.find((candidate) => candidate.key === this.templateKey);
    return html`<div class="two">
      <label
        >${t('create.template')}
        <select name="template" required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? 'template-error' : nothing} @change=${this.handleTemplate}>
          <option value="" ?selected=${!this.templateKey}>${t('choose')}</option>
          ${this.templates.map((item) => html`<option value=${item.key} ?selected=${item.key === this.templateKey}>${this.name(item.name) || item.key}</option>`)}
        </select>
        ${error ? html`<span class="field-error" id="template-error">${error}</span>` : nothing}
      </label>
      ${template
        ? html`<label
            >${t('create.phase')}
            <select name="phase" @change=${(event: Event) => (this.phaseKey = (event.target as HTMLSelectElement).value)}>
              ${template.phases.map((phase, index) => html`<option value=${phase.key} ?selected=${phase.key === this.phaseKey}>${index + 1}. ${this.name(phase.name) || phase.key}</option>`)}
            </select>
          </label>`
        : nothing}
    </div>`;
  }

  private renderReferences(): TemplateResult {
    const t = this.t;
    const error = this.errors.references;
    return html`<fieldset aria-describedby=${error ? 'references-hint references-error' : 'references-hint'}>
      <legend>${t('create.references')}</legend>
      <p class="hint" id="references-hint">${t('create.references.hint')}</p>
      ${this.references.map(
        (reference, index) => html`<fieldset data-reference=${index}>
          <legend>${t('create.reference.legend', { n: index + 1 })}</legend>
          <div class="two">
            <label>${t('create.reference.label')}<input maxlength="80" autocomplete="off" .value=${reference.label} @input=${(event: Event) => this.editReference(index, { label: (event.target as HTMLInputElement).value })} /></label>
            <label>${t('create.reference.value')}<input maxlength="200" autocomplete="off" .value=${reference.value} @input=${(event: Event) => this.editReference(index, { value: (event.target as HTMLInputElement).value })} /></label>
          </div>
          <label class="choice"
            ><input type="checkbox" .checked=${reference.secret} @change=${(event: Event) => this.editReference(index, { secret: (event.target as HTMLInputElement).checked })} /><span>${t('create.reference.secret')}</span></label
          >
          <div class="actions"><button class="secondary" type="button" @click=${() => this.removeReference(index)}>${t('create.reference.remove', { n: index + 1 })}</button></div>
        </fieldset>`,
      )}
      ${error ? html`<span class="field-error" id="references-error">${error}</span>` : nothing}
      ${this.references.length < MAX_REFERENCES
        ? html`<div class="actions"><button class="secondary" type="button" data-action="add-reference" @click=${this.addReference}>${t('create.reference.add')}</button></div>`
        : nothing}
    </fieldset>`;
  }

  private renderCreated(created: { number: string; accessKey: string }): TemplateResult {
    const t = this.t;
    return html`<div part="created">
      <p id="created-access"><strong>${t('created.access')}</strong></p>
      <label>${t('created.number')}<input id="created-number" readonly spellcheck="false" .value=${created.number} aria-describedby="created-access" /></label>
      <label>${t('created.key')}<input id="created-key" readonly spellcheck="false" .value=${created.accessKey} aria-describedby="created-access" /></label>
      <div class="actions"><button part="done" class="primary" type="button" @click=${this.close}>${t('created.done')}</button></div>
    </div>`;
  }

  private clear(field: Field) {
    if (this.errors[field]) this.errors = { ...this.errors, [field]: undefined };
  }

  private editReference(index: number, change: Partial<ReferenceDraft>) {
    this.references = this.references.map((reference, at) => (at === index ? { ...reference, ...change } : reference));
    this.clear('references');
  }

  private addReference = () => {
    this.references = [...this.references, { label: '', value: '', secret: false }];
    focusLater(this, `[data-reference="${this.references.length - 1}"] input`);
  };

  private removeReference(index: number) {
    this.references = this.references.filter((_, at) => at !== index);
    this.clear('references');
    focusLater(this, '[data-action=add-reference]');
  }

  private handleAccount = (event: GlobalEventHandlersEventMap['admin-account-change']) => {
    this.account = event.detail.account;
    this.clear('account');
  };

  private handleTemplate = (event: Event) => {
    this.templateKey = (event.target as HTMLSelectElement).value;
    this.phaseKey = this.templates.find((item) => item.key === this.templateKey)?.phases[0]?.key ?? '';
    this.clear('template');
  };

  private close = () => this.dialog?.close();

  /** Escape, the close button, Cancel or Done closed it: focus goes back to "New process". */
  private handleClose = () => {
    // The access key is shown this once: closing forgets it.
    this.created = undefined;
    this.opened = false;
    this.shadowRoot?.querySelector<HTMLElement>('[part~=new]')?.focus();
  };

  private check(title: string): Partial<Record<Field, string>> {
    const t = this.t;
    const errors: Partial<Record<Field, string>> = {};
    if (!this.account) errors.account = t('create.account.missing');
    if (!title) errors.title = t('create.title-field.missing');
    if (!this.templateKey) errors.template = t('create.template.missing');
    if (this.references.some((reference) => !reference.label.trim() || !reference.value.trim())) errors.references = t('create.reference.missing');
    return errors;
  }

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.saving || !this.api) return;
    const form = event.target as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value.trim();
    const title = value('title');
    this.errors = this.check(title);
    this.formError = '';
    if (Object.values(this.errors).some(Boolean)) return this.focusFirstError();
    const process: NewProcess = {
      externalId: value('externalId') || consoleExternalId(this.clock()),
      accountId: this.account!.id,
      title,
      ...(value('kind') ? { kind: value('kind') } : {}),
      template: this.templateKey,
      ...(this.phaseKey ? { phase: this.phaseKey } : {}),
      references: this.references.map((reference) => ({ label: reference.label.trim(), value: reference.value.trim(), secret: reference.secret })),
    };
    this.saving = true;
    try {
      const result: UpsertResult = await new ProcessesClient(this.api).save(process);
      this.dispatchEvent(new CustomEvent('admin-process-saved', { detail: { result, title }, bubbles: true, composed: true }));
      if (result.quickAccess) {
        this.created = { number: result.quickAccess.number, accessKey: result.quickAccess.accessKey };
        focusLater(this, '#created-number');
      } else this.close();
    } catch (error) {
      this.showProblem(error);
    } finally {
      this.saving = false;
    }
  };

  private showProblem(error: unknown) {
    const t = this.t;
    const fields = invalidFields(error);
    const named: Partial<Record<Field, string>> = {};
    if (fields.has('accountId')) named.account = t('field.invalid');
    if (fields.has('title')) named.title = t('field.invalid');
    if (fields.has('template') || fields.has('phase')) named.template = t('field.invalid');
    if (fields.has('references')) named.references = t('field.invalid');
    this.errors = named;
    this.formError = t(problemKeyIn(messages, error));
    focusLater(this, '[part~=error]');
  }

  private focusFirstError() {
    const selector = this.errors.account ? 'admin-account-picker' : this.errors.title ? 'input[name=title]' : this.errors.template ? 'select[name=template]' : '[data-reference] input';
    focusLater(this, selector);
  }
}

define('admin-process-create', AdminProcessCreate);

declare global {
  interface HTMLElementTagNameMap {
    'admin-process-create': AdminProcessCreate;
  }
  interface GlobalEventHandlersEventMap {
    'admin-process-saved': CustomEvent<{ result: UpsertResult; title: string }>;
  }
}
