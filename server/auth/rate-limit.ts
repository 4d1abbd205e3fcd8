import type { Tx } from '../db/database.ts';

/** The start of the fixed window of `seconds` that `now` falls in. */
function windowStart(now: Date, seconds: number): Date {
  const size = seconds * 1000;
  return new Date(Math.floor(now.getTime() / size) * size);
}

/**
 * Counts one more hit in `bucket` for the current tenant and returns the window's total. Counters live in
 * Postgres, so limits hold across server instances (SECURITY.md 7).
 */
export async function hit(tx: Tx, bucket: string, seconds: number, now: Date): Promise<number> {
  const [row] = await tx<{ hits: number }[]>`
    insert into rate_limits (tenant_id, bucket, window_start, hits)
    values (portico_current_tenant(), ${bucket}, ${windowStart(now, seconds)}, 1)
    on conflict (tenant_id, bucket, window_start) do update set hits = rate_limits.hits + 1
    returning hits`;
  return row!.hits;
}

/** Takes one hit back (an attempt that turned out fine). */
export async function unhit(tx: Tx, bucket: string, seconds: number, now: Date): Promise<void> {
  await tx`update rate_limits set hits = greatest(hits - 1, 0)
            where tenant_id = portico_current_tenant() and bucket = ${bucket} and window_start = ${windowStart(now, seconds)}`;
}

/** The hits in `bucket`'s current window, without counting one. */
export async function hits(tx: Tx, bucket: string, seconds: number, now: Date): Promise<number> {
  const [row] = await tx<{ hits: number }[]>`
    select hits from rate_limits where tenant_id = portico_current_tenant() and bucket = ${bucket} and window_start = ${windowStart(now, seconds)}`;
  return row?.hits ?? 0;
}

/** Seconds until the current window of `seconds` ends: what a 429 puts in Retry-After. */
export function retryAfter(now: Date, seconds: number): number {
  return Math.max(1, Math.ceil((windowStart(now, seconds).getTime() + seconds * 1000 - now.getTime()) / 1000));
}

/**
 * Hits in this window and the one before it. Any span of `seconds` lies within those two, so a limit on this sum
 * holds for every span, however an attacker times the window edge (it may hold back a little more than needed).
 */
export async function slidingHits(tx: Tx, bucket: string, seconds: number, now: Date): Promise<number> {
  const current = windowStart(now, seconds);
  const previous = new Date(current.getTime() - seconds * 1000);
  const [row] = await tx<{ hits: number }[]>`
    select coalesce(sum(hits), 0)::int as hits from rate_limits
     where tenant_id = portico_current_tenant() and bucket = ${bucket} and window_start in (${current}, ${previous})`;
  return row!.hits;
}
