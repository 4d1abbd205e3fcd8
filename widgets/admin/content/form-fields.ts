import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';

/** A text-like field of a content form: its label, an optional hint, the control, and its error. */
export interface FieldOptions {
  id: string;
  /** The draft's property the field edits. */
  name: string;
  label: string;
  value: string;
  error?: string;
  hint?: string | TemplateResult;
  type?: 'text' | 'number' | 'date' | 'datetime-local' | 'url';
  /** A `<textarea>` of this many rows, rather than an `<input>`. */
  rows?: number;
  maxlength?: number;
  required?: boolean;
  min?: string;
  max?: string;
  /** Suggestions (`<datalist>` id). */
  list?: string;
  onInput: (event: Event) => void;
}

/** Which hint and error describe a control, by id. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

export function renderError(id: string, error: string | undefined): TemplateResult | typeof nothing {
  return error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing;
}

/** A labelled text field (or textarea) whose hint and error are tied to it for screen readers. */
export function renderField(options: FieldOptions): TemplateResult {
  const { id, name, error, hint } = options;
  const described = describedBy(id, hint, error);
  const control = options.rows
    ? html`<textarea id=${id} name=${name} rows=${options.rows} maxlength=${ifDefined(options.maxlength)} ?required=${options.required ?? false}
        .value=${options.value} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(described)} @input=${options.onInput}></textarea>`
    : html`<input id=${id} name=${name} type=${options.type ?? 'text'} maxlength=${ifDefined(options.maxlength)} min=${ifDefined(options.min)} max=${ifDefined(options.max)}
        list=${ifDefined(options.list)} ?required=${options.required ?? false} autocomplete="off" .value=${options.value} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(described)} @input=${options.onInput} />`;
  return html`<div class="field" data-field=${name}>
    <label for=${id}>${options.label}</label>
    ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing} ${control} ${renderError(id, error)}
  </div>`;
}

/** A file chooser: what it accepts in the hint, the file already there, and the error. */
export function renderFileField(options: {
  id: string;
  name: string;
  label: string;
  accept: string;
  hint: string;
  current?: TemplateResult | string;
  error?: string;
  onChange: (event: Event) => void;
}): TemplateResult {
  const { id, error } = options;
  return html`<div class="field" data-field=${options.name}>
    <label for=${id}>${options.label}</label>
    <p class="hint" id=${`${id}-hint`}>${options.hint}</p>
    ${options.current ? html`<div class="current">${options.current}</div>` : nothing}
    <input id=${id} name=${options.name} type="file" accept=${options.accept} aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${describedBy(id, true, error)!} @change=${options.onChange} />
    ${renderError(id, error)}
  </div>`;
}
