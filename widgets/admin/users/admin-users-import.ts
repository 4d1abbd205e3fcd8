import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError, type ImportAnswer } from '../admin-api.ts';
import { AdminSection } from '../admin-section.ts';
import { define } from '../../core/define.ts';
import { formatFileSize } from '../../core/format.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { importStyles } from './admin-users-import.styles.ts';
import { importMessages, type ImportKey } from './import-messages.ts';
import { pluralOf, problemKey } from './problems.ts';
import { countRows, renderRows } from './import-views.ts';

/** The largest file (and text) accepted: the server's limit on the CSV, checked here before anything is sent. */
export const MAX_CSV_BYTES = 1_000_000;

/** The example file offered for download: every column, the whole company and chosen establishments. */
export const IMPORT_EXAMPLE_CSV = [
  'email,account,establishments,locale',
  'financeiro@empresa.example,11.222.333/0001-81,,pt-BR',
  'filial@empresa.example,11222333000181,Filial Contagem,',
  'dp@empresa.example,11222333000181,Matriz;Filial Contagem,es',
  'pessoa@example.com,529.982.247-25,,en',
].join('\r\n');

/**
 * Many portal users from a CSV file (A4, G4): the columns explained with an example file to download; a file chosen
 * (≤ 1 MB) or text pasted is first checked on the server without changing anything, and every row shown with what
 * would happen (invited, skipped as an existing user, or its error in words). "Invite N users" then imports the same
 * text: the server invites the valid rows only, so the good rows go in even when others have errors.
 * @summary The CSV import of portal users, with a preview and a per-row report.
 * @event admin-users-imported - users were invited; `detail.invited` says how many.
 * @event admin-import-close - the staff member closed the panel.
 * @csspart base - the panel.
 * @csspart columns - the columns explained.
 * @csspart example - the example file's link.
 * @csspart form - the file and text form.
 * @csspart preview - the dry run's outcome.
 * @csspart result - the import's outcome.
 * @csspart rows - the table of rows.
 * @csspart row - one row (`data-status` ok, exists or error).
 * @csspart commit - the "invite N users" button.
 * @csspart error - what went wrong.
 */
export class AdminUsersImport extends AdminSection<ImportKey> {
  static override styles = [baseStyles, panelStyles, importStyles];

  protected readonly catalog = importMessages;

  @state() private csv = '';
  @state() private fileNote = '';
  @state() private inputError = '';
  @state() private error = '';
  @state() private checking = false;
  @state() private committing = false;
  @state() private commitError = '';
  /** The dry run of `checkedCsv`; dropped when the text changes. */
  @state() private preview?: ImportAnswer;
  @state() private result?: ImportAnswer;
  private checkedCsv = '';

  /** Moves focus to the panel's heading (as it opens). */
  focusTitle() {
    this.shadowRoot?.querySelector<HTMLElement>('#import-title')?.focus();
  }

  override render() {
    const t = this.t;
    return html`<section part="base" aria-labelledby="import-title" lang=${this.locale}>
      <div class="head">
        <h3 id="import-title" tabindex="-1">${t('title')}</h3>
        <button class="secondary" type="button" @click=${this.handleClose}>${t('close')}</button>
      </div>
      ${this.result ? this.renderResult(this.result) : html`${this.renderColumns()} ${this.renderForm()} ${this.preview ? this.renderPreview(this.preview) : nothing}`}
    </section>`;
  }

  private renderColumns(): TemplateResult {
    const t = this.t;
    const example = `data:text/csv;charset=utf-8,${encodeURIComponent(IMPORT_EXAMPLE_CSV)}`;
    return html`<p>${t('intro')}</p>
      <dl part="columns">
        <div><dt><code>email</code></dt><dd>${t('column.email')}</dd></div>
        <div><dt><code>account</code></dt><dd>${t('column.account')}</dd></div>
        <div><dt><code>establishments</code></dt><dd>${t('column.establishments')}</dd></div>
        <div><dt><code>locale</code></dt><dd>${t('column.locale')}</dd></div>
      </dl>
      <p><a part="example" href=${example} download="portal-users-example.csv">${t('example')}</a></p>`;
  }

  private renderForm(): TemplateResult {
    const t = this.t;
    return html`<form part="form" novalidate @submit=${this.handleCheck}>
      <label>${t('file')}
        <span class="hint" id="file-hint">${t('file.hint')}</span>
        <input type="file" name="file" accept=".csv,text/csv" aria-describedby=${this.inputError ? 'file-hint input-error' : 'file-hint'} @change=${this.handleFile} />
      </label>
      <p class="hint" role="status">${this.fileNote}</p>
      <label>${t('text')}
        <textarea name="csv" rows="6" spellcheck="false" .value=${this.csv} aria-invalid=${this.inputError ? 'true' : 'false'} aria-describedby=${this.inputError ? 'input-error' : nothing} @input=${this.handleText}></textarea>
      </label>
      ${this.inputError ? html`<p part="error" id="input-error" role="alert">${this.inputError}</p>` : nothing}
      ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button class=${this.preview ? 'secondary' : 'primary'} type="submit" aria-disabled=${this.checking ? 'true' : 'false'}>${this.checking ? t('checking') : t('check')}</button>
      </div>
    </form>`;
  }

  private renderPreview(preview: ImportAnswer): TemplateResult {
    const t = this.t;
    const { ok, skipped, errors } = countRows(preview);
    return html`<section part="preview" aria-labelledby="preview-title">
      <h4 id="preview-title" tabindex="-1">${t('preview.title')}</h4>
      <p class="summary" role="status">${t('preview.summary', { ok, skipped, errors })}</p>
      ${errors && ok ? html`<p class="hint">${t('preview.errors-hint')}</p>` : nothing}
      ${ok ? nothing : html`<p>${t('preview.nothing')}</p>`}
      ${renderRows(t, preview, 'preview-caption')}
      ${ok
        ? html`<div class="actions">
            <button part="commit" class="primary" type="button" aria-disabled=${this.committing ? 'true' : 'false'} @click=${this.handleCommit}>
              ${this.committing ? t('committing') : t(`commit.${pluralOf(this.locale, ok)}`, { count: ok })}
            </button>
          </div>`
        : nothing}
      ${this.commitError ? html`<p part="error" role="alert">${this.commitError}</p>` : nothing}
    </section>`;
  }

  private renderResult(result: ImportAnswer): TemplateResult {
    const t = this.t;
    const { skipped, errors } = countRows(result);
    return html`<section part="result" aria-labelledby="result-title">
      <h4 id="result-title" tabindex="-1">${t('result.title')}</h4>
      <p class="summary" role="status">${t('result.summary', { invited: result.invited, skipped, errors })}</p>
      ${renderRows(t, result, 'result-caption')}
      <div class="actions"><button class="secondary" type="button" @click=${this.startAgain}>${t('again')}</button></div>
    </section>`;
  }

  private handleFile = async (event: Event) => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    this.inputError = '';
    this.fileNote = '';
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      this.inputError = this.t('file.too-big', { name: file.name });
      input.value = '';
      return;
    }
    try {
      this.setText(await file.text());
      this.fileNote = this.t('file.loaded', { name: file.name, size: formatFileSize(file.size, this.locale) });
    } catch {
      this.inputError = this.t('file.unreadable', { name: file.name });
    }
  };

  private handleText = (event: Event) => this.setText((event.target as HTMLTextAreaElement).value);

  /** New text: the preview of the old one no longer says what would happen. */
  private setText(text: string) {
    this.csv = text;
    this.inputError = '';
    this.error = '';
    this.commitError = '';
    if (this.preview && text !== this.checkedCsv) this.preview = undefined;
  }

  private handleCheck = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.checking || !this.api) return;
    const csv = this.csv;
    this.inputError = !csv.trim() ? this.t('text.missing') : new Blob([csv]).size > MAX_CSV_BYTES ? this.t('text.too-big') : '';
    if (this.inputError) return this.focusOn('textarea');
    this.checking = true;
    this.error = '';
    try {
      this.preview = await this.api.importUsers(csv, true);
      this.checkedCsv = csv;
      await this.focusOn('#preview-title');
    } catch (error) {
      this.error = this.describe(error);
    } finally {
      this.checking = false;
    }
  };

  private handleCommit = async () => {
    if (this.committing || !this.api || !this.preview) return;
    this.committing = true;
    this.commitError = '';
    try {
      this.result = await this.api.importUsers(this.checkedCsv, false);
      this.preview = undefined;
      if (this.result.invited) this.dispatchEvent(new CustomEvent('admin-users-imported', { detail: { invited: this.result.invited }, bubbles: true, composed: true }));
      await this.focusOn('#result-title');
    } catch (error) {
      // Focus stays on the button; the alert beside it is read out.
      this.commitError = this.describe(error);
    } finally {
      this.committing = false;
    }
  };

  private startAgain = async () => {
    Object.assign(this, { csv: '', fileNote: '', inputError: '', error: '', commitError: '', preview: undefined, result: undefined });
    this.checkedCsv = '';
    await this.focusOn('input[type=file]');
  };

  private handleClose = () => {
    this.dispatchEvent(new CustomEvent('admin-import-close', { bubbles: true, composed: true }));
  };

  private describe(error: unknown): string {
    return error instanceof ApiError && error.code === 'invalid_input' && error.status === 400 ? this.t('error.csv_invalid') : this.t(problemKey(error));
  }

  private async focusOn(selector: string) {
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus();
  }
}

define('admin-users-import', AdminUsersImport);

declare global {
  interface HTMLElementTagNameMap {
    'admin-users-import': AdminUsersImport;
  }
  interface GlobalEventHandlersEventMap {
    'admin-users-imported': CustomEvent<{ invited: number }>;
    'admin-import-close': Event;
  }
}
