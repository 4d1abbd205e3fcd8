import type { MiddlewareHandler } from 'hono';
import type { Logger } from './logger.ts';

declare module 'hono' {
  interface ContextVariableMap {
    requestId: string;
    log: Logger;
  }
}

/** Gives each request a child logger tagged with its request id and logs one line when it ends. */
export const requestLogging = (logger: Logger): MiddlewareHandler =>
  async function requestLogging(c, next) {
    const started = performance.now();
    const log = logger.child({ requestId: c.get('requestId') });
    c.set('log', log);
    await next();
    log.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  };

/** Keeps every API answer out of shared caches; authenticated answers must never be stored (SECURITY.md 14). */
export const noStore = (): MiddlewareHandler =>
  async function noStore(c, next) {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
