import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { Database } from '../db/database.ts';
import { AppError, problemResponse } from '../http/problem.ts';
import { Counter, EXPOSITION_CONTENT_TYPE, gauge, Histogram } from './exposition.ts';

/** What the metrics are built from. */
export interface MetricsOptions {
  /** The database whose backlogs are counted at scrape time (read as the owner: across tenants, like the dispatchers). */
  db: Database;
  /** Connections in the pool (DATABASE_POOL_SIZE; the embedded database has one). */
  poolSize: number;
  /** METRICS_TOKEN: when set, a scrape must bring it as `Authorization: Bearer …`. */
  token?: string;
  /** Without a token, `/metrics` is served outside production only. */
  mode: 'development' | 'production' | 'test';
  /** How long a scrape waits for the database before reporting it down (default 2 s). */
  databaseTimeoutMs?: number;
}

/** The server's metrics: a middleware that records every request, the `/metrics` route, and a database that counts its transactions. */
export interface Metrics {
  /** Records each request by method, matched route pattern and status, and its latency. Goes first, after the request id. */
  recordRequests: MiddlewareHandler;
  /** `GET /metrics` in the Prometheus text format (see {@link MetricsOptions.token}). */
  routes(): Hono;
  /** `db` with its request transactions counted, for the pool gauges; hand this one to the features. */
  trackDatabase(db: Database): Database;
}

/** Latency buckets in seconds: from a cached read to a slow upload. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Builds the metrics of one app. Everything is kept per app, so two apps in one process (tests) never mix their counts. */
export function createMetrics(options: MetricsOptions): Metrics {
  const requests = new Counter('portico_http_requests_total', 'HTTP requests answered, by method, matched route pattern and status.');
  const latency = new Histogram('portico_http_request_duration_seconds', 'Time to answer a request (until its headers), by method and route pattern.', LATENCY_BUCKETS);
  const refusals = new Counter('portico_rate_limit_refusals_total', 'Requests refused by a rate limit (429), by route pattern and problem code.');
  let requestsInFlight = 0;
  let transactionsInFlight = 0;

  const recordRequests: MiddlewareHandler = async function recordRequests(c, next) {
    const started = performance.now();
    requestsInFlight++;
    let failed = false;
    try {
      await next();
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      requestsInFlight--;
      const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER';
      const route = routeLabel(c);
      const status = failed ? 500 : c.res.status;
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, (performance.now() - started) / 1000);
      if (status === 429) refusals.inc({ route, code: await problemCode(c) });
    }
  };

  async function scrape(): Promise<string> {
    const backlog = await readBacklog(options.db, options.databaseTimeoutMs ?? 2_000);
    const inUse = Math.min(transactionsInFlight, options.poolSize);
    const memory = process.memoryUsage();
    const blocks = [
      requests.render(),
      latency.render(),
      refusals.render(),
      gauge('portico_http_requests_in_flight', 'Requests being answered right now.', [{ value: requestsInFlight }]),
      gauge('portico_db_pool_size', 'Connections the database pool may open.', [{ value: options.poolSize }]),
      gauge('portico_db_pool_in_use', 'Pooled connections held by request transactions (the background workers’ short queries are not counted).', [{ value: inUse }]),
      gauge('portico_db_pool_waiting', 'Request transactions waiting for a pooled connection.', [{ value: transactionsInFlight - inUse }]),
      gauge('portico_db_up', 'Whether the database answered this scrape (1) or not (0).', [{ value: backlog ? 1 : 0 }]),
    ];
    if (backlog) {
      blocks.push(
        gauge('portico_mail_outbox_pending', 'Mails in the outbox not sent yet (waiting for the dispatcher or for a retry).', [{ value: backlog.mailPending }]),
        gauge('portico_mail_outbox_oldest_pending_seconds', 'Age of the oldest unsent mail (0 when none waits).', [{ value: backlog.mailOldestSeconds }]),
        gauge('portico_webhook_deliveries_pending', 'Webhook deliveries not delivered yet (waiting for the dispatcher or for a retry).', [{ value: backlog.webhooksPending }]),
        gauge('portico_webhook_oldest_pending_seconds', 'Age of the oldest undelivered webhook (0 when none waits).', [{ value: backlog.webhooksOldestSeconds }]),
      );
    }
    blocks.push(
      gauge('process_resident_memory_bytes', 'Resident set size of the server process.', [{ value: memory.rss }]),
      gauge('nodejs_heap_used_bytes', 'V8 heap in use.', [{ value: memory.heapUsed }]),
      gauge('process_uptime_seconds', 'Seconds since the server process started.', [{ value: Math.round(process.uptime()) }]),
    );
    return `${blocks.join('\n')}\n`;
  }

  return {
    recordRequests,
    routes: () =>
      new Hono().get('/metrics', async (c) => {
        const refused = refuseScrape(c, options);
        if (refused) return refused;
        c.header('Cache-Control', 'no-store');
        return c.body(await scrape(), 200, { 'Content-Type': EXPOSITION_CONTENT_TYPE });
      }),
    trackDatabase(db) {
      const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
        transactionsInFlight++;
        try {
          return await work();
        } finally {
          transactionsInFlight--;
        }
      };
      return { ...db, withTenant: (tenantId, work) => tracked(() => db.withTenant(tenantId, work)), withoutTenant: (work) => tracked(() => db.withoutTenant(work)) };
    },
  };
}

/**
 * The route pattern a request went to (`/api/portal/requests/:id`), never its raw path, so the series stay as few as
 * the routes. A request stopped by a middleware (a 401) is counted under the route it was headed for; a CORS
 * preflight (answered by the middleware) under `preflight`; one that matched no route at all under `unmatched`.
 */
function routeLabel(c: Context): string {
  const routes = matchedRoutes(c);
  const handler = routes.slice(c.req.routeIndex).find((route) => route.method !== 'ALL');
  return handler?.path ?? (c.req.method === 'OPTIONS' ? 'preflight' : 'unmatched');
}

/** The `code` of a 429's problem document: the error itself when a handler threw it, else read from the small body. */
async function problemCode(c: Context): Promise<string> {
  if (c.error instanceof AppError) return c.error.code;
  const body = (await c.res.clone().json().catch(() => undefined)) as { code?: unknown } | undefined;
  return typeof body?.code === 'string' && /^[a-z_]{1,64}$/.test(body.code) ? body.code : 'unknown';
}

/** A refusal when the scrape may not be served: a missing or wrong token (401), or production without a token (404). */
function refuseScrape(c: Context, options: MetricsOptions): Response | undefined {
  if (!options.token) {
    if (options.mode !== 'production') return undefined;
    return problemResponse(c, new AppError('not_found', 404, 'Nothing at GET /metrics'));
  }
  const given = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
  // Compared as digests: equal lengths for timingSafeEqual, and no hint of the token's length.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (timingSafeEqual(digest(given), digest(options.token))) return undefined;
  c.header('WWW-Authenticate', 'Bearer realm="metrics"');
  return problemResponse(c, new AppError('unauthenticated', 401, 'The metrics need the METRICS_TOKEN as a bearer token'));
}

interface Backlog {
  mailPending: number;
  mailOldestSeconds: number;
  webhooksPending: number;
  webhooksOldestSeconds: number;
}

/** The mail and webhook backlogs, or undefined when the database does not answer within `timeoutMs`. */
async function readBacklog(db: Database, timeoutMs: number): Promise<Backlog | undefined> {
  // Both counts use the partial `… where status = 'pending'` indexes, so a scrape never reads the sent history.
  const query = db.owner<{ mail_pending: number; mail_oldest: number; webhooks_pending: number; webhooks_oldest: number }[]>`
    select (select count(*) from outbox where status = 'pending')::int as mail_pending,
           coalesce((select extract(epoch from now() - min(created_at)) from outbox where status = 'pending'), 0)::float8 as mail_oldest,
           (select count(*) from webhook_deliveries where status = 'pending')::int as webhooks_pending,
           coalesce((select extract(epoch from now() - min(created_at)) from webhook_deliveries where status = 'pending'), 0)::float8 as webhooks_oldest`;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => {
      query.cancel();
      resolve(undefined);
    }, timeoutMs);
  });
  try {
    const rows = await Promise.race([query, late]);
    const row = rows?.[0];
    if (!row) return undefined;
    return {
      mailPending: row.mail_pending,
      mailOldestSeconds: Math.round(row.mail_oldest),
      webhooksPending: row.webhooks_pending,
      webhooksOldestSeconds: Math.round(row.webhooks_oldest),
    };
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

