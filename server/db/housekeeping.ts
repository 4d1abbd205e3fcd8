import type { Database } from './database.ts';

/**
 * Deletes what has outlived its use: rate-limit windows, spent or expired codes and links, ended sessions (with
 * their refresh tokens), mail sent long ago, idempotency answers older than a day. Operator work across tenants, so it runs on the owner connection.
 * Returns how many rows went, per table.
 */
export async function sweep(db: Database, now: Date): Promise<Record<string, number>> {
  const ago = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
  const sql = db.owner;
  const counts = {
    rate_limits: (await sql`delete from rate_limits where window_start < ${ago(3)}`).count,
    auth_codes: (await sql`delete from auth_codes where expires_at < ${ago(24)}`).count,
    auth_links: (await sql`delete from auth_links where expires_at < ${ago(24 * 7)}`).count,
    sessions: (await sql`delete from sessions where expires_at < ${ago(24 * 7)} or revoked_at < ${ago(24 * 7)}`).count,
    outbox: (await sql`delete from outbox where status = 'sent' and sent_at < ${ago(24 * 30)}`).count,
    idempotency_keys: (await sql`delete from idempotency_keys where created_at < ${ago(24)}`).count,
    // Events (and their deliveries and tries) are kept 30 days: the feed's and the delivery log's reach.
    events: (await sql`delete from events where created_at < ${ago(24 * 30)}`).count,
  };
  return counts;
}

/** Sweeps every `intervalMs` (10 min by default) until stopped. */
export function startHousekeeping(db: Database, clock: () => Date, onError: (error: unknown) => void, intervalMs = 600_000): { stop(): void } {
  const timer = setInterval(() => void sweep(db, clock()).catch(onError), intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
