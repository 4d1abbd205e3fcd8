import type { Database } from '../db/database.ts';
import type { Locale } from '../features/tenants/schemas.ts';
import type { Logger } from '../http/logger.ts';
import type { Mailer } from './mailer.ts';
import { repeatRounds } from '../jobs/rounds.ts';
import { isMailTemplate, MailDataError, renderMail, type MailBranding, type RenderedMail } from './templates.ts';

/** What the dispatcher needs; the numbers have defaults that suit production. */
export interface MailDispatcherOptions {
  db: Database;
  mailer: Mailer;
  /** The sender (MAIL_FROM). A bare address gets the tenant's name as its display name. */
  from: string;
  logger: Logger;
  /** Makes a logo that is a path on this server (`/uploads/…`) absolute; without it such a logo is left out. */
  publicUrl?: string;
  /** How often the outbox is looked at without a `wake()` (default 5 s). */
  intervalMs?: number;
  /** Failed sends before a mail is given up as `failed` (default 10). */
  maxAttempts?: number;
  /** Mails claimed per round (default 20). */
  batchSize?: number;
  /** How long a claimed mail is reserved for this dispatcher (default 2 min); after that anyone may retry it. */
  leaseMs?: number;
}

/** The running dispatcher. */
export interface MailDispatcher {
  /** Looks at the outbox now (call it after committing a transaction that enqueued mail). */
  wake(): void;
  /** Sends everything due now and settles when done (tests). Never call it inside a transaction: PGlite has one session. */
  drain(): Promise<void>;
  /** Stops the timer and waits for the round in flight. */
  stop(): Promise<void>;
}

interface ClaimedRow {
  id: string;
  tenant_id: string;
  recipient: string;
  template: string;
  locale: Locale;
  data: unknown;
  attempts: number;
}

interface TenantRow {
  id: string;
  name: string;
  logo_url: string | null;
  primary_color: string;
}

/** Backoff after the `attempts`-th failure: 5 s · 2^attempts, at most 10 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5_000 * 2 ** attempts, 10 * 60_000);
}

/** Errors that mean the SMTP server cannot be reached: the rest of the round is not tried against it. */
const UNREACHABLE = new Set(['ECONNECTION', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EPROXY', 'ETLS']);

/**
 * Sends the outbox as the operator (across tenants). A round claims due mail in one short statement — the claim is
 * a lease (`next_attempt_at` moved forward) and counts an attempt — then renders (attachments too, such as an
 * appointment's .ics) and sends with no transaction open, and records each outcome: `sent`, or a retry after a
 * backoff, or `failed` after `maxAttempts`. A mail whose send fails (SMTP down) stays pending; `for update skip
 * locked` keeps two servers from claiming one mail.
 */
export function startMailDispatcher(options: MailDispatcherOptions): MailDispatcher {
  const { db, mailer, logger } = options;
  const sql = db.owner;
  const maxAttempts = options.maxAttempts ?? 10;
  const batchSize = options.batchSize ?? 20;
  const leaseSeconds = (options.leaseMs ?? 120_000) / 1000;
  const log = logger.child({ component: 'mail' });

  async function round(): Promise<number> {
    const claimed = await sql<ClaimedRow[]>`
      update outbox o set attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => ${leaseSeconds})
        from (select id from outbox where status = 'pending' and next_attempt_at <= now()
               order by next_attempt_at, id limit ${batchSize} for update skip locked) due
       where o.id = due.id
      returning o.id, o.tenant_id, o.recipient, o.template, o.locale, o.data, o.attempts`;
    if (claimed.length === 0) return 0;
    const tenantIds = [...new Set(claimed.map((row) => row.tenant_id))];
    const tenants = await sql<TenantRow[]>`select id, name, logo_url, primary_color from tenants where id = any(${tenantIds}::uuid[])`;
    const branding = new Map(tenants.map((t) => [t.id, toBranding(t, options.publicUrl)]));

    let unreachable: unknown;
    for (const row of claimed) {
      let mail: RenderedMail;
      try {
        mail = render(row, branding.get(row.tenant_id));
      } catch (error) {
        // Data that does not fit its template will not fit it next time either.
        await giveUp(row, error);
        continue;
      }
      if (unreachable) {
        await failed(row, unreachable);
        continue;
      }
      try {
        // The rendered mail whole: subject, text, HTML and its attachments (an appointment's .ics invitation).
        await mailer.send({ from: sender(options.from, branding.get(row.tenant_id)!.name), to: row.recipient, ...mail });
      } catch (error) {
        if (UNREACHABLE.has((error as { code?: string }).code ?? '')) unreachable = error;
        await failed(row, error);
        continue;
      }
      await sql`update outbox set status = 'sent', sent_at = now(), last_error = null where id = ${row.id}`;
      log.info({ outboxId: row.id, template: row.template }, 'mail sent');
    }
    return claimed.length;
  }

  async function failed(row: ClaimedRow, error: unknown): Promise<void> {
    if (row.attempts >= maxAttempts) return giveUp(row, error);
    const delay = retryDelayMs(row.attempts) / 1000;
    await sql`update outbox set last_error = ${describe(error)}, next_attempt_at = now() + make_interval(secs => ${delay}) where id = ${row.id}`;
    log.warn({ outboxId: row.id, attempts: row.attempts, retryInSeconds: delay, error: describe(error) }, 'mail not sent; will retry');
  }

  async function giveUp(row: ClaimedRow, error: unknown): Promise<void> {
    await sql`update outbox set status = 'failed', last_error = ${describe(error)} where id = ${row.id}`;
    log.error({ outboxId: row.id, attempts: row.attempts, error: describe(error) }, 'mail given up');
  }

  // Failures are rescheduled into the future, so each pass ends.
  const rounds = repeatRounds(round, { intervalMs: options.intervalMs ?? 5_000, onError: (error) => log.error({ err: error }, 'mail dispatch round failed') });
  return { wake: rounds.wake, drain: rounds.settle, stop: rounds.stop };
}

function render(row: ClaimedRow, tenant: MailBranding | undefined): RenderedMail {
  if (!tenant) throw new MailDataError(`No tenant ${row.tenant_id}`);
  if (!isMailTemplate(row.template)) throw new MailDataError(`Unknown mail template '${row.template}'`);
  return renderMail(row.template, row.locale, row.data as never, tenant);
}

function toBranding(tenant: TenantRow, publicUrl: string | undefined): MailBranding {
  let logoUrl = tenant.logo_url;
  if (logoUrl?.startsWith('/')) logoUrl = publicUrl ? `${publicUrl.replace(/\/+$/, '')}${logoUrl}` : null;
  return { name: tenant.name, logoUrl, primaryColor: tenant.primary_color };
}

/** A bare `from` address is shown with the tenant's name, reduced to characters that cannot change the address. */
function sender(from: string, tenantName: string): string {
  if (from.includes('<')) return from;
  const name = tenantName.replace(/[^\p{L}\p{N} .&'-]+/gu, ' ').replace(/\s+/g, ' ').trim();
  return name ? `"${name}" <${from}>` : from;
}

function describe(error: unknown): string {
  const { code, responseCode, message, name, errors } = error as { code?: string; responseCode?: number; message?: string; name?: string; errors?: unknown[] };
  // Never an empty reason: an error without a message says its name, and an AggregateError (a connection tried on
  // several addresses) what each attempt met.
  const parts = [code, responseCode, message || name || String(error), ...(Array.isArray(errors) ? errors.map(describe) : [])];
  return parts.filter(Boolean).join(' ').slice(0, 1000);
}
