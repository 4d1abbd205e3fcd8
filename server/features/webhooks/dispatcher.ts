import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../http/logger.ts';
import { toEvent } from './queries.ts';
import { signatureHeader } from './signature.ts';
import { repeatRounds } from '../../jobs/rounds.ts';

export interface WebhookDispatcherOptions {
  db: Database;
  logger: Logger;
  /** The first retry waits this long, each next one twice as long (default 30 s; tests use a few ms). */
  retryBaseMs?: number;
  /** The longest wait between two tries (default 1 h). */
  maxDelayMs?: number;
  /** How long after the event a delivery is still tried (default 24 h). */
  giveUpAfterMs?: number;
  /** How long a receiver may take to answer (default 10 s). */
  timeoutMs?: number;
  /** Deliver to loopback and private addresses (development and tests; never in production). */
  allowPrivateAddresses: boolean;
  /** How often the table is looked at without a `wake()` (default 5 s). */
  intervalMs?: number;
  /** Deliveries claimed per round (default 50). */
  batchSize?: number;
  /** Deliveries under way at once (default 100). */
  maxConcurrent?: number;
}

export interface WebhookDispatcher {
  wake(): void;
  /** Delivers everything due now, waits for the deliveries under way, and settles (tests). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

interface Claimed {
  id: string;
  tenant_id: string;
  attempts: number;
  created_at: Date;
  url: string;
  secret: string;
  enabled: boolean;
  event_id: string;
  type: string;
  data: never;
  event_created_at: Date;
}

/** Backoff after the `attempts`-th failed try: base · 2^(attempts − 1), at most `max`. */
export function webhookRetryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs);
}

/**
 * Delivers the webhook outbox. A round claims due deliveries in one statement (a lease: `next_attempt_at` moves
 * past the timeout, so a crashed server's claim is tried again) and starts posting each with no transaction open;
 * each settles on its own with its own timeout, so a receiver that hangs holds up only itself (up to
 * `maxConcurrent` at once), and every try is recorded. Nothing here
 * runs in a request: the API only writes rows, so a dead endpoint never slows the portal.
 */
export function startWebhookDispatcher(options: WebhookDispatcherOptions): WebhookDispatcher {
  const sql = options.db.owner;
  const log = options.logger.child({ component: 'webhooks' });
  const retryBaseMs = options.retryBaseMs ?? 30_000;
  const maxDelayMs = options.maxDelayMs ?? 3_600_000;
  const giveUpAfterMs = options.giveUpAfterMs ?? 24 * 3_600_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const batchSize = options.batchSize ?? 50;
  const maxConcurrent = options.maxConcurrent ?? 100;
  const leaseSeconds = Math.ceil(timeoutMs / 1000) + 30;
  let soon: NodeJS.Timeout | undefined;

  /** Deliveries under way; each settles on its own, so a slow receiver holds up nobody else. */
  const active = new Set<Promise<void>>();
  /** Their HTTP requests, cut short when the server stops (the lease brings them back later). */
  const posting = new Set<import('node:http').ClientRequest>();

  async function round(): Promise<number> {
    const room = Math.min(batchSize, maxConcurrent - active.size);
    if (room <= 0) return 0;
    const claimed = await sql<Claimed[]>`
      with due as (
        update webhook_deliveries d set attempts = d.attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
          from (select id from webhook_deliveries where status = 'pending' and next_attempt_at <= now()
                 order by next_attempt_at, id limit ${room} for update skip locked) picked
         where d.id = picked.id
        returning d.id, d.tenant_id, d.attempts, d.created_at, d.endpoint_id, d.event_id)
      select due.id, due.tenant_id, due.attempts, due.created_at, e.url, e.secret, e.enabled,
             ev.id as event_id, ev.type, ev.data, ev.created_at as event_created_at
        from due join webhook_endpoints e on e.id = due.endpoint_id join events ev on ev.id = due.event_id`;
    for (const row of claimed) {
      const delivery: Promise<void> = deliver(row)
        .catch((error: unknown) => log.error({ err: error, deliveryId: row.id }, 'webhook delivery could not be recorded'))
        .finally(() => {
          active.delete(delivery);
          // Room for more, and its retry may be due soon.
          background();
        });
      active.add(delivery);
    }
    return claimed.length;
  }

  async function deliver(row: Claimed): Promise<void> {
    if (!row.enabled) {
      await sql`update webhook_deliveries set status = 'failed', last_error = 'The endpoint is disabled' where id = ${row.id}`;
      return;
    }
    const body = JSON.stringify(toEvent({ id: row.event_id, type: row.type as never, data: row.data, created_at: row.event_created_at }));
    const started = performance.now();
    const outcome = await post(row.url, body, {
      'Content-Type': 'application/json',
      'User-Agent': 'Portico-Webhooks/1',
      'Portico-Event-Id': `evt_${row.event_id}`,
      'Portico-Event-Type': row.type,
      'Portico-Delivery-Id': row.id,
      'Portico-Signature': signatureHeader(row.secret, body, new Date()),
    });
    const durationMs = Math.round(performance.now() - started);
    const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
    await sql.begin(async (tx) => {
      await tx`insert into webhook_attempts (tenant_id, delivery_id, status_code, error, duration_ms)
               values (${row.tenant_id}, ${row.id}, ${outcome.status ?? null}, ${outcome.error ?? null}, ${durationMs})`;
      if (ok) {
        await tx`update webhook_deliveries set status = 'delivered', delivered_at = now(), last_status = ${outcome.status!}, last_error = null where id = ${row.id}`;
        return;
      }
      const delay = webhookRetryDelayMs(row.attempts, retryBaseMs, maxDelayMs);
      const next = new Date(Date.now() + delay);
      const expired = next.getTime() > row.created_at.getTime() + giveUpAfterMs;
      const error = outcome.error ?? `HTTP ${outcome.status}`;
      await tx`update webhook_deliveries set last_status = ${outcome.status ?? null}, last_error = ${error},
                 status = ${expired ? 'failed' : 'pending'}, next_attempt_at = now() + make_interval(secs => ${delay / 1000})
               where id = ${row.id}`;
    });
    if (ok) log.info({ deliveryId: row.id, status: outcome.status, durationMs }, 'webhook delivered');
    else log.warn({ deliveryId: row.id, attempts: row.attempts, status: outcome.status, error: outcome.error }, 'webhook not delivered; will retry');
  }

  function post(url: string, body: string, headers: Record<string, string>): Promise<{ status?: number; error?: string }> {
    return new Promise((resolve) => {
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        return resolve({ error: 'Not a valid URL' });
      }
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const request = send(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'Content-Length': Buffer.byteLength(body) },
          timeout: timeoutMs,
          lookup: options.allowPrivateAddresses ? undefined : publicOnlyLookup,
        },
        (response) => {
          // Only the status matters; the body is read away so the socket is freed.
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode }));
          response.on('error', () => resolve({ status: response.statusCode }));
        },
      );
      const timer = setTimeout(() => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s`)), timeoutMs);
      posting.add(request);
      request.on('close', () => {
        clearTimeout(timer);
        posting.delete(request);
      });
      request.on('timeout', () => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s`)));
      request.on('error', (error: NodeJS.ErrnoException) => resolve({ error: [error.code, error.message].filter(Boolean).join(' ').slice(0, 500) || error.name }));
      request.end(body);
    });
  }

  /** A retry due before the next regular look gets a timer of its own. */
  async function scheduleNext(): Promise<void> {
    const [row] = await sql<{ wait: number | null }[]>`
      select extract(epoch from min(next_attempt_at) - now()) * 1000 as wait from webhook_deliveries where status = 'pending'`;
    const wait = row?.wait === null || row?.wait === undefined ? undefined : Math.max(0, Number(row.wait));
    if (wait === undefined || wait >= (options.intervalMs ?? 5_000) || rounds.stopped) return;
    clearTimeout(soon);
    soon = setTimeout(background, wait + 5);
    soon.unref();
  }

  const rounds = repeatRounds(round, {
    intervalMs: options.intervalMs ?? 5_000,
    onError: (error) => log.error({ err: error }, 'webhook round failed'),
    afterPass: scheduleNext,
  });
  const background = () => rounds.wake();

  return {
    wake: background,
    async drain() {
      do {
        await rounds.settle();
        await Promise.all(active);
      } while (active.size > 0);
    },
    async stop() {
      clearTimeout(soon);
      await rounds.stop();
      for (const request of posting) request.destroy(new Error('Portico is stopping; tried again later'));
      await Promise.all(active);
    },
  };
}

/** Resolves like `dns.lookup` but refuses loopback, private, link-local and other non-public addresses (SSRF). */
function publicOnlyLookup(hostname: string, options: object, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as LookupAddress[];
    const refused = list.find((entry) => !isPublicAddress(entry.address));
    if (refused || list.length === 0) {
      const denied: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private address`);
      denied.code = 'EPRIVATE';
      return callback(denied, '', 0);
    }
    if ((options as { all?: boolean }).all) return callback(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
}

/** Whether an IP address is on the public internet. */
export function isPublicAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return !(a === 0 || a === 10 || a === 127 || (a === 100 && b >= 64 && b < 128) || (a === 169 && b === 254) || (a === 172 && b >= 16 && b < 32) || (a === 192 && b === 168) || a >= 224);
  }
  if (version === 6) {
    const lower = address.toLowerCase();
    if (lower.startsWith('::ffff:')) return isPublicAddress(lower.slice(7));
    return !(lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || lower.startsWith('ff'));
  }
  return false;
}
