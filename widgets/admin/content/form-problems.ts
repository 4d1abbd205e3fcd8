import { ApiError } from '../admin-api.ts';
import type { Translate } from '../../core/i18n.ts';
import { KEY_PATTERN } from './content-rules.ts';
import { messages, type ContentKey } from './messages.ts';

/** A message per field of a form (`form`: about the whole of it). */
export type FieldErrors = Record<string, string | undefined>;

/** A failed call in words: the problem's code when this section knows it, else the generic sentence. */
export function problemText(error: unknown, t: Translate<ContentKey>): string {
  const key = `error.${error instanceof ApiError ? error.code : 'generic'}`;
  return key in messages.en ? t(key as ContentKey) : t('error.generic');
}

/** What is wrong with a new item's key: missing, badly formed, or another item's already. */
export function keyProblem(key: string, taken: boolean, t: Translate<ContentKey>): string | undefined {
  if (!key) return t('key.missing');
  if (!KEY_PATTERN.test(key)) return t('key.invalid');
  return taken ? t('key.taken') : undefined;
}

/**
 * The server's refusal on the form's fields: each path of an `invalid_input` answer (`audience.2`, `action.url`)
 * on the field `fieldOf` names, in this section's words; a path no field shows, and any other problem, about the
 * whole form.
 */
export function serverFieldErrors(error: unknown, fields: readonly string[], fieldOf: (path: string) => string, t: Translate<ContentKey>): FieldErrors {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input' || !error.fields.length) return { form: problemText(error, t) };
  const errors: FieldErrors = {};
  for (const { path } of error.fields) {
    const field = fieldOf(path);
    const key = `invalid.${field}`;
    if (fields.includes(field)) errors[field] ??= key in messages.en ? t(key as ContentKey) : t('invalid.field');
    else errors.form = t('error.invalid_input');
  }
  return errors;
}
