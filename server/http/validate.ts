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
    if (result.success) return;
    if (target === 'json' && !/^application\/([\w.-]+\+)?json\b/i.test(c.req.header('Content-Type') ?? '')) {
      throw new AppError('unsupported_media_type', 415, 'The request body must be JSON (Content-Type: application/json)');
    }
    const errors = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    throw new AppError('invalid_input', 400, `Invalid ${target}: ${errors.map((e) => `${e.path || target} ${e.message}`).join('; ')}`, errors);
  }), { kind: 'input', target: target as never, schema });
