import { formatCalendarDate, formatMoney } from '../core/format.ts';
import type { Profile, ProfileField } from '../core/api-client.ts';
import type { FieldContext } from './host.ts';
import { formatTaxId, isValidTaxId, normalizeTaxId, taxIdExample } from './tax-id.ts';
import { ADDRESS_PARTS, addressLines, formatMoneyInput, formatNumberInput, formatPhone, parseMoney, parseNumber, REQUIRED_ADDRESS_PARTS, toE164, type AddressPart } from './values.ts';

/**
 * The form's text and the values it stands for. Each input holds a draft — the text the client sees and types — at a
 * path: the field's key, or `address.<part>`. A field is changed when one of its drafts differs from the text it started
 * with; only changed fields are read (checked and turned into what the server takes) and sent.
 */

/** The drafts of a form: path → text. */
export type Drafts = Map<string, string>;
/** What is wrong, per path (translated). */
export type Problems = Map<string, string>;

/** The id of a path's input (`f-phone`, `f-address-city`); its message is `<id>-problem`. */
export const inputId = (path: string) => `f-${path.replace('.', '-')}`;

/** An example phone number in the calling code's country. */
export function phoneExample(callingCode: string): string {
  return callingCode === '34' ? '+34 912 345 678' : '+55 19 3234-5610';
}

/** A value as an input shows it: a CPF with its dots, a phone grouped, money in the reader's locale. */
export function draftText(field: ProfileField, value: unknown, ctx: FieldContext): string {
  if (value === null || value === undefined) return '';
  switch (field.type) {
    case 'taxId':
      return formatTaxId(String(value), ctx.taxIdKinds);
    case 'phone':
      return formatPhone(String(value));
    case 'money':
      return typeof value === 'number' ? formatMoneyInput(value, ctx.currency, ctx.locale) : String(value);
    case 'number':
      return typeof value === 'number' ? formatNumberInput(value, ctx.locale) : String(value);
    default:
      return String(value);
  }
}

/** The drafts a profile's form starts with: every field the client may change. */
export function draftsOf(profile: Profile, ctx: FieldContext): Drafts {
  const drafts: Drafts = new Map();
  for (const field of profile.fields) {
    if (field.mode === 'view') continue;
    if (field.type !== 'address') drafts.set(field.key, draftText(field, field.value, ctx));
    else for (const part of ADDRESS_PARTS) drafts.set(`address.${part}`, String((field.value as Record<string, unknown> | null)?.[part] ?? ''));
  }
  return drafts;
}

/** A value as read-only text: "529.982.247-25", "R$ 1.500.000,00", an address on one line. */
export function displayValue(field: ProfileField, value: unknown, ctx: FieldContext): string {
  if (value === null || value === undefined || value === '') return ctx.t('value.empty');
  switch (field.type) {
    case 'address':
      return addressLines(value as Partial<Record<AddressPart, string>>, ctx.locale).join(', ');
    case 'money':
      return typeof value === 'number' ? formatMoney(value, ctx.currency, ctx.locale) : String(value);
    case 'number':
      return typeof value === 'number' ? new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 20 }).format(value) : String(value);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? formatCalendarDate(String(value), ctx.locale) : String(value);
    case 'choice':
      return field.choices?.find((choice) => choice.key === value)?.label ?? String(value);
    default:
      return draftText(field, value, ctx);
  }
}

/** The keys of the fields whose drafts differ from those they started with. */
export function changedKeys(drafts: Drafts, initial: Drafts): Set<string> {
  const changed = new Set<string>();
  for (const [path, text] of drafts) if (text !== initial.get(path)) changed.add(path.split('.')[0]!);
  return changed;
}

type Reading = { value: unknown; problems: [path: string, message: string][] };
const ok = (value: unknown): Reading => ({ value, problems: [] });
const wrong = (path: string, message: string): Reading => ({ value: undefined, problems: [[path, message]] });

/** A text field's bounds: characters. */
function readText(field: ProfileField, path: string, text: string, ctx: FieldContext, label: string): Reading {
  const { t } = ctx;
  if (typeof field.min === 'number' && text.length < field.min) return wrong(path, t('invalid.min-length', { field: label, min: field.min }));
  const max = typeof field.max === 'number' ? field.max : field.type === 'name' ? 200 : 500;
  return text.length > max ? wrong(path, t('invalid.max-length', { field: label, max })) : ok(text);
}

/** A number (or money, in minor units) within the field's bounds. */
function readAmount(field: ProfileField, text: string, ctx: FieldContext, label: string): Reading {
  const { t, locale, currency } = ctx;
  const money = field.type === 'money';
  const value = money ? parseMoney(text, currency, locale) : parseNumber(text, locale);
  const shown = (n: number) => (money ? formatMoney(n, currency, locale) : new Intl.NumberFormat(locale).format(n));
  if (value === undefined) return wrong(field.key, t(money ? 'invalid.money' : 'invalid.number', { field: label, example: money ? formatMoneyInput(150_000_000, currency, locale) : formatNumberInput(1234.5, locale) }));
  if (typeof field.min === 'number' && value < field.min) return wrong(field.key, t('invalid.min', { field: label, min: shown(field.min) }));
  if (typeof field.max === 'number' && value > field.max) return wrong(field.key, t('invalid.max', { field: label, max: shown(field.max) }));
  return ok(value);
}

function readDate(field: ProfileField, text: string, ctx: FieldContext, label: string): Reading {
  const { t, locale } = ctx;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return wrong(field.key, t('invalid.date', { field: label }));
  if (typeof field.min === 'string' && text < field.min) return wrong(field.key, t('invalid.date-min', { field: label, date: formatCalendarDate(field.min, locale) }));
  if (typeof field.max === 'string' && text > field.max) return wrong(field.key, t('invalid.date-max', { field: label, date: formatCalendarDate(field.max, locale) }));
  return ok(text);
}

/** An address from its parts: null when all are empty, else every required part, a postal code, a country code. */
function readAddress(field: ProfileField, drafts: Drafts, ctx: FieldContext): Reading {
  const { t } = ctx;
  const parts = Object.fromEntries(ADDRESS_PARTS.map((part) => [part, (drafts.get(`address.${part}`) ?? '').trim()])) as Record<AddressPart, string>;
  const partLabel = (part: AddressPart) => t(`address.${part}`);
  if (ADDRESS_PARTS.every((part) => !parts[part])) return field.required ? wrong('address.street', t('invalid.required', { field: partLabel('street') })) : ok(null);
  parts.country = parts.country.toUpperCase();
  const problems: Reading['problems'] = [];
  for (const part of ADDRESS_PARTS) {
    const path = `address.${part}`;
    if (!parts[part]) {
      if (REQUIRED_ADDRESS_PARTS.includes(part)) problems.push([path, t('invalid.required', { field: partLabel(part) })]);
    } else if (part === 'postalCode' && !/^[0-9A-Za-z -]{3,12}$/.test(parts[part])) {
      problems.push([path, t('invalid.postalCode', { field: partLabel(part) })]);
    } else if (part === 'country' && !/^[A-Z]{2}$/.test(parts[part])) {
      problems.push([path, t('invalid.country', { field: partLabel(part) })]);
    }
  }
  const value = Object.fromEntries(ADDRESS_PARTS.filter((part) => parts[part]).map((part) => [part, parts[part]]));
  return { value: problems.length ? undefined : value, problems };
}

/** Reads one field from its drafts: what to send, or what is wrong at which path. */
export function readField(field: ProfileField, drafts: Drafts, ctx: FieldContext, label: string): Reading {
  const { t } = ctx;
  if (field.type === 'address') return readAddress(field, drafts, ctx);
  const text = (drafts.get(field.key) ?? '').trim();
  if (!text) return field.required ? wrong(field.key, t('invalid.required', { field: label })) : ok(null);
  switch (field.type) {
    case 'taxId':
      return ctx.taxIdKinds.some((kind) => isValidTaxId(kind, text)) ? ok(normalizeTaxId(text)) : wrong(field.key, t('invalid.taxId', { field: label, example: taxIdExample(ctx.taxIdKinds) }));
    case 'email':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && text.length <= 254 ? ok(text.toLowerCase()) : wrong(field.key, t('invalid.email', { field: label }));
    case 'phone': {
      const e164 = toE164(text, ctx.callingCode);
      return e164 ? ok(e164) : wrong(field.key, t('invalid.phone', { field: label, example: phoneExample(ctx.callingCode) }));
    }
    case 'number':
    case 'money':
      return readAmount(field, text, ctx, label);
    case 'date':
      return readDate(field, text, ctx, label);
    case 'choice':
      return ok(text);
    default:
      return readText(field, field.key, text, ctx, label);
  }
}
