import { z } from 'zod';
import { plainText } from '../../http/fields.ts';
import { isValidTaxId, normalizeTaxId, type TaxIdKind } from '../accounts/tax-id.ts';
import type { FieldDefinition } from './fields.ts';
import { addressInput, email, phone } from './schemas.ts';

/** A value checked against its field: what to store, or what is wrong (with the path below the field, if any). */
export type Checked = { ok: true; value: unknown } | { ok: false; errors: { path: string; message: string }[] };

const fail = (message: string, path = ''): Checked => ({ ok: false, errors: [{ path, message }] });
const MAX_TEXT = 500;

/** Runs a zod schema on `value`, turning its issues into field errors. */
function parse(schema: z.ZodType, value: unknown): Checked {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) };
}

/**
 * Checks `value` for `field` and returns what to store: `null` clears an optional field; a tax id must pass the
 * check digits of one of `taxIdKinds`; money is whole minor units; bounds and choices are the tenant's.
 */
export function checkValue(field: FieldDefinition, value: unknown, taxIdKinds: TaxIdKind[]): Checked {
  if (value === null || value === '') return field.required ? fail('is required') : { ok: true, value: null };
  switch (field.type) {
    case 'name':
      return parse(plainText(200), value);
    case 'taxId': {
      if (typeof value !== 'string' || value.length > 30) return fail('must be a tax id');
      const normalized = normalizeTaxId(value);
      return taxIdKinds.some((kind) => isValidTaxId(kind, normalized)) ? { ok: true, value: normalized } : fail(`is not a valid ${taxIdKinds.join(' or ').toUpperCase()}`);
    }
    case 'email':
      return parse(email, value);
    case 'phone':
      return parse(phone, value);
    case 'address':
      return parse(addressInput, value);
    case 'text': {
      const max = typeof field.max === 'number' ? field.max : MAX_TEXT;
      const min = typeof field.min === 'number' ? field.min : 1;
      return parse(plainText(Math.min(max, MAX_TEXT)).refine((text) => text.length >= min, `must be at least ${min} characters`), value);
    }
    case 'number':
    case 'money': {
      const integer = field.type === 'money';
      if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isSafeInteger(value))) return fail(integer ? 'must be a whole number of cents' : 'must be a number');
      if (typeof field.min === 'number' && value < field.min) return fail(`must be at least ${field.min}`);
      if (typeof field.max === 'number' && value > field.max) return fail(`must be at most ${field.max}`);
      return { ok: true, value };
    }
    case 'date': {
      const checked = parse(z.iso.date('must be a date such as 2026-03-31'), value);
      if (!checked.ok) return checked;
      if (typeof field.min === 'string' && (value as string) < field.min) return fail(`must be on or after ${field.min}`);
      if (typeof field.max === 'string' && (value as string) > field.max) return fail(`must be on or before ${field.max}`);
      return checked;
    }
    case 'choice':
      return field.choices?.some((choice) => choice.key === value) ? { ok: true, value } : fail('is not one of the choices');
  }
}
