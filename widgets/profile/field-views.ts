import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Profile, ProfileField } from '../core/api-client.ts';
import { displayValue, inputId, phoneExample, type Drafts, type Problems } from './field-reading.ts';
import type { FieldContext, ProfileHost } from './host.ts';
import { taxIdExample } from './tax-id.ts';
import { ADDRESS_PARTS, addressLines, currencySymbol, formatMoneyInput, type AddressPart } from './values.ts';

/** What a field's view needs besides the field: the form's drafts and problems, and the reading context. */
export interface FieldView {
  host: ProfileHost;
  profile: Profile;
  ctx: FieldContext;
  drafts: Drafts;
  problems: Problems;
}

/** The autocomplete tokens of the standard inputs and the address parts (HTML's autofill field names). */
const AUTOCOMPLETE: Record<string, string> = {
  name: 'name',
  email: 'email',
  phone: 'tel',
  mobile: 'mobile tel',
  street: 'address-line1',
  complement: 'address-line2',
  district: 'address-line3',
  city: 'address-level2',
  region: 'address-level1',
  postalCode: 'postal-code',
  country: 'country',
};

const requiredMark = (required: boolean) => (required ? html`<span class="required" aria-hidden="true">*</span>` : nothing);

/** The ids a field's input is described by: its problem first, then its hint, its mode's note, its pending change. */
const describedBy = (...ids: (string | false | null | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** A field's mode note and pending change, below its input or its text. */
function notes(view: FieldView, field: ProfileField, id: string): TemplateResult {
  const { t } = view.ctx;
  const pending = field.pending;
  const pendingValue = pending && (pending.value === null || pending.value === '' ? t('pending.empty') : displayValue(field, pending.value, view.ctx));
  return html`${field.mode === 'edit' ? nothing : html`<p part="mode-note" class="note" id="${id}-note" data-mode=${field.mode}>${t(field.mode === 'view' ? 'mode.view' : 'mode.approve')}</p>`}
  ${pending
    ? html`<p part="pending" id="${id}-pending"><span aria-hidden="true">…</span> ${t('pending', { value: pendingValue!, date: view.host.date(pending.requestedAt) })}</p>`
    : nothing}`;
}

function problemOf(view: FieldView, path: string): TemplateResult | typeof nothing {
  const problem = view.problems.get(path);
  return problem ? html`<p part="problem" id="${inputId(path)}-problem"><span aria-hidden="true">!</span> ${problem}</p>` : nothing;
}

/** A hint under a field's input, by its type. */
function hintOf(view: FieldView, field: ProfileField): string | null {
  const { t, callingCode, taxIdKinds, currency, locale } = view.ctx;
  if (field.help) return field.help;
  if (field.type === 'phone') return t('hint.phone', { example: phoneExample(callingCode) });
  if (field.type === 'taxId') return t('hint.taxId', { example: taxIdExample(taxIdKinds) });
  if (field.type === 'money') {
    const name = new Intl.DisplayNames([locale], { type: 'currency' }).of(currency) ?? currency;
    return t('hint.money', { currency: name, example: formatMoneyInput(150_000_000, currency, locale) });
  }
  return null;
}

/** The input of a field the client may change, by its type. */
function control(view: FieldView, field: ProfileField, id: string, described: string | undefined): TemplateResult {
  const draft = view.drafts.get(field.key) ?? '';
  const invalid = view.problems.has(field.key) ? 'true' : 'false';
  const common = { id, name: field.key, invalid, described };
  const max = typeof field.max === 'number' ? field.max : undefined;
  switch (field.type) {
    case 'choice':
      return html`<select id=${id} name=${field.key} ?required=${field.required} aria-invalid=${invalid} aria-describedby=${ifDefined(described)}>
        <option value="" ?selected=${!draft}>${view.ctx.t('choice.none')}</option>
        ${field.choices?.map((choice) => html`<option value=${choice.key} ?selected=${choice.key === draft}>${choice.label}</option>`)}
      </select>`;
    case 'date':
      return html`<input type="date" id=${id} name=${field.key} .value=${live(draft)} min=${ifDefined(typeof field.min === 'string' ? field.min : undefined)}
        max=${ifDefined(typeof field.max === 'string' ? field.max : undefined)} ?required=${field.required} aria-invalid=${invalid} aria-describedby=${ifDefined(described)} />`;
    case 'money':
      return html`<div class="with-unit">
        <span class="unit" aria-hidden="true">${currencySymbol(view.ctx.currency, view.ctx.locale)}</span>
        ${textInput(common, draft, field.required, { inputmode: 'decimal' })}
      </div>`;
    case 'number':
      return textInput(common, draft, field.required, { inputmode: 'decimal' });
    case 'email':
      return textInput(common, draft, field.required, { type: 'email', autocomplete: 'email', maxlength: 254 });
    case 'phone':
      return textInput(common, draft, field.required, { type: 'tel', autocomplete: AUTOCOMPLETE[field.key] ?? 'tel' });
    case 'taxId':
      return textInput(common, draft, field.required, { inputmode: view.ctx.taxIdKinds.some((k) => k === 'cpf' || k === 'cnpj') ? 'numeric' : 'text', maxlength: 30 });
    case 'name':
      return textInput(common, draft, field.required, { autocomplete: 'name', maxlength: 200 });
    default:
      return textInput(common, draft, field.required, { maxlength: max });
  }
}

interface TextOptions {
  type?: 'text' | 'email' | 'tel';
  autocomplete?: string;
  inputmode?: string;
  maxlength?: number;
}

function textInput(input: { id: string; name: string; invalid: string; described: string | undefined }, draft: string, required: boolean, options: TextOptions): TemplateResult {
  return html`<input type=${options.type ?? 'text'} id=${input.id} name=${input.name} .value=${live(draft)} ?required=${required}
    autocomplete=${ifDefined(options.autocomplete)} inputmode=${ifDefined(options.inputmode)} maxlength=${ifDefined(options.maxlength)} spellcheck="false"
    aria-invalid=${input.invalid} aria-describedby=${ifDefined(input.described)} />`;
}

/** One field (not the address): an input with its label, hint and notes, or read-only text. */
export function renderField(view: FieldView, field: ProfileField): TemplateResult {
  const id = inputId(field.key);
  const label = view.host.label(field, view.profile);
  if (field.mode === 'view') {
    return html`<div part="field" data-key=${field.key} data-mode="view" role="group" aria-labelledby="${id}-label" aria-describedby=${describedBy(view.problems.has(field.key) && `${id}-problem`, `${id}-note`, field.pending && `${id}-pending`)!}>
      <span class="label" id="${id}-label">${label}</span>
      <span part="value" class="value">${displayValue(field, field.value, view.ctx)}</span>
      ${notes(view, field, id)} ${problemOf(view, field.key)}
    </div>`;
  }
  const hint = hintOf(view, field);
  const described = describedBy(view.problems.has(field.key) && `${id}-problem`, hint && `${id}-hint`, field.mode === 'approve' && `${id}-note`, field.pending && `${id}-pending`);
  return html`<div part="field" data-key=${field.key} data-mode=${field.mode}>
    <label for=${id}>${label} ${requiredMark(field.required)}</label>
    ${control(view, field, id, described)}
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
    ${notes(view, field, id)} ${problemOf(view, field.key)}
  </div>`;
}

/** One part of the address: its label and input (with its autocomplete token), its hint and problem. */
function addressPart(view: FieldView, part: AddressPart, required: boolean): TemplateResult {
  const { t } = view.ctx;
  const path = `address.${part}`;
  const id = inputId(path);
  const hint = part === 'country' ? t('hint.country') : null;
  const described = describedBy(view.problems.has(path) && `${id}-problem`, hint && `${id}-hint`);
  const mandatory = required && ['street', 'city', 'postalCode', 'country'].includes(part);
  return html`<div part="field address-part" data-part=${part}>
    <label for=${id}>${t(`address.${part}`)} ${requiredMark(mandatory)}</label>
    ${textInput({ id, name: path, invalid: view.problems.has(path) ? 'true' : 'false', described }, view.drafts.get(path) ?? '', mandatory, {
      autocomplete: AUTOCOMPLETE[part],
      maxlength: part === 'country' ? 2 : part === 'postalCode' ? 12 : part === 'number' ? 20 : 200,
    })}
    ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing} ${problemOf(view, path)}
  </div>`;
}

/**
 * The address as a fieldset: its parts as inputs (each required part marked while any is filled or the field is
 * required), or as lines of text where only the business may change it.
 */
export function renderAddress(view: FieldView, field: ProfileField): TemplateResult {
  const { t } = view.ctx;
  const id = inputId('address');
  const value = (field.value ?? null) as Partial<Record<AddressPart, string>> | null;
  const anyFilled = ADDRESS_PARTS.some((part) => (view.drafts.get(`address.${part}`) ?? '').trim());
  const described = describedBy(field.mode !== 'edit' && `${id}-note`, field.pending && `${id}-pending`);
  return html`<fieldset part="group address" data-group="address" data-key="address" data-mode=${field.mode} aria-describedby=${ifDefined(described)}>
    <legend>${t('group.address')} ${requiredMark(field.required && field.mode !== 'view')}</legend>
    ${field.mode === 'view'
      ? html`<p part="value" class="value">${value ? addressLines(value, view.ctx.locale).map((line, i) => html`${i ? html`<br />` : nothing}${line}`) : t('value.empty')}</p>`
      : html`<div class="address-parts">${ADDRESS_PARTS.map((part) => addressPart(view, part, field.required || anyFilled))}</div>`}
    ${notes(view, field, id)} ${field.mode === 'view' ? problemOf(view, 'address') : nothing}
  </fieldset>`;
}
