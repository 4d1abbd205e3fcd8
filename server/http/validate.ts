import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ZodType } from 'zod';
import { AppError } from './problem.ts';
import { withMeta } from '../openapi/meta.ts';

/**
 * Validates one part of the request against a zod schema; a mismatch is a 400 `invalid_input`
 * problem listing each wrong field. Use `c.req.valid(target)` in the handler for the typed value.
 */
export const validate = <Target extends keyof ValidationTargets, Schema extends ZodType>(target: Target, schema: Schema) =>
  withMeta(zValidator(target, schema, (result, c) => {
    if (result.success) {
      // PostgreSQL text cannot hold U+0000: such a value would fail its query as a 500, so it is bad input here.
      const where = nulAt(result.data);
      if (where !== undefined) throw new AppError('invalid_input', 400, `Invalid ${target}: ${where || target} must not contain a NUL character`, [{ path: where, message: 'must not contain a NUL character' }]);
      return;
    }
    if (target === 'json' && !/^application\/([\w.-]+\+)?json\b/i.test(c.req.header('Content-Type') ?? '')) {
      throw new AppError('unsupported_media_type', 415, 'The request body must be JSON (Content-Type: application/json)');
    }
    const errors = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new AppError('invalid_input', 400, `Invalid ${target}: ${errors.map((e) => `${e.path || target} ${e.message}`).join('; ')}`, errors);
  }), { kind: 'input', target: target as never, schema });

/** The path of the first string in `value` holding a NUL character ('' for `value` itself), or undefined. */
function nulAt(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (!value || typeof value !== 'object' || value instanceof Date) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const found = nulAt(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
