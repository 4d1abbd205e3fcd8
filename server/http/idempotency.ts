import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Database } from '../db/database.ts';
import { AppError } from './problem.ts';
import { withMeta } from '../openapi/meta.ts';

/** How long a key's first answer is kept and replayed. */
const KEPT_MS = 24 * 3_600_000;
/** How long a copy waits for the first request with its key to finish, and how often it looks. */
const WAIT_MS = 10_000;
const POLL_MS = 50;
/**
 * A key still "running" after this long belongs to a request that will never finish (its server crashed or was
 * killed between the claim and the answer): a retry with the key takes it over instead of a 409 for 24 hours.
 */
const ABANDONED_MS = 60_000;

/**
 * `Idempotency-Key` for the management API: a request repeated with the same key within 24 hours gets the first
 * successful answer again (with `Idempotent-Replayed: true`) and nothing is done twice. The same key with another
 * body is a 422; a copy sent while the first is still running waits for the first's answer (a 409 only if that
 * takes more than 10 s; the same request sent again a minute after a crash left its key running takes the key over).
 * Refused and failed requests are not kept, so a client may correct the request and retry with the same key.
 * Goes after the integration auth (the key is per tenant).
 */
export const idempotent = (deps: { db: Database; clock: () => Date }): MiddlewareHandler =>
  withMeta(async function idempotent(c, next) {
    const key = c.req.header('Idempotency-Key');
    if (key === undefined) return next();
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
      throw new AppError('invalid_input', 400, 'The Idempotency-Key must be 1 to 200 visible ASCII characters', [{ path: 'Idempotency-Key', message: 'is not a valid key' }]);
    }
    const tenantId = c.get('tenant').id;
    const body = new Uint8Array(await c.req.arrayBuffer());
    const hash = createHash('sha256').update(`${c.req.method} ${c.req.path}\n`).update(body).digest('hex');
    const now = deps.clock();
    const claim = () =>
      deps.db.withTenant(tenantId, async (tx) => {
        const [won] = await tx`
          insert into idempotency_keys (tenant_id, key, request_hash, created_at) values (portico_current_tenant(), ${key}, ${hash}, ${now})
          on conflict (tenant_id, key) do update set request_hash = excluded.request_hash, status = null, body = null, created_at = excluded.created_at
            where idempotency_keys.created_at < ${new Date(now.getTime() - KEPT_MS)}
               or (idempotency_keys.status is null and idempotency_keys.request_hash = excluded.request_hash
                   and idempotency_keys.created_at < ${new Date(now.getTime() - ABANDONED_MS)})
          returning key`;
        if (won) return undefined;
        const [first] = await tx<{ request_hash: string; status: number | null; body: unknown }[]>`
          select request_hash, status, body from idempotency_keys where key = ${key}`;
        // Gone between the two statements: the first request failed and let go of the key.
        return first ?? { request_hash: hash, status: null, body: null, released: true };
      });
    // A copy that arrives while the first is running waits for its answer (up to WAIT_MS) rather than failing:
    // an integration that sends the same batch three times at once gets one result three times.
    let claimed = await claim();
    for (const deadline = Date.now() + WAIT_MS; claimed && claimed.status === null && Date.now() < deadline; ) {
      if (claimed.request_hash !== hash) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      claimed = await claim();
    }
    if (claimed) {
      if (claimed.request_hash !== hash) throw new AppError('idempotency_key_reused', 422, 'This Idempotency-Key was used for a different request');
      if (claimed.status === null) {
        const running = new AppError('idempotency_in_progress', 409, 'A request with this Idempotency-Key is still running; try again shortly');
        running.retryAfter = 5;
        throw running;
      }
      c.header('Idempotent-Replayed', 'true');
      return c.json(claimed.body, claimed.status as ContentfulStatusCode);
    }
    const forget = () => deps.db.withTenant(tenantId, (tx) => tx`delete from idempotency_keys where key = ${key} and status is null`);
    try {
      await next();
    } catch (error) {
      await forget();
      throw error;
    }
    const ok = c.res.status >= 200 && c.res.status < 300 && /json/.test(c.res.headers.get('Content-Type') ?? '');
    if (!ok) return void (await forget());
    const answer = await c.res.clone().json();
    await deps.db.withTenant(tenantId, (tx) => tx`update idempotency_keys set status = ${c.res.status}, body = ${tx.json(answer)} where key = ${key}`);
  }, { kind: 'idempotent' });
