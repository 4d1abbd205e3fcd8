import { AppError } from './problem.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A keyset page cursor: the last item's sort key (a date or a time) and its id, opaque to clients. */
export function makeCursor(key: string, id: string): string {
  return Buffer.from(`${key}|${id}`).toString('base64url');
}

/**
 * A cursor this server made, whose key matches `keyPattern`, or a 400: a forged one must not reach SQL as a date or
 * uuid it cannot take.
 */
export function readCursor(cursor: string | undefined, keyPattern: RegExp): { key: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [key, id, ...rest] = Buffer.from(cursor, 'base64url').toString().split('|');
  if (!key || !keyPattern.test(key) || Number.isNaN(Date.parse(key)) || !id || !UUID.test(id) || rest.length) {
    throw new AppError('invalid_input', 400, 'The page cursor is not one this server gave', [{ path: 'before', message: 'is not a page cursor' }]);
  }
  return { key, id };
}
