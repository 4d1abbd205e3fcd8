import type { Tx } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';
import { hit, hits, retryAfter, slidingHits } from '../../auth/rate-limit.ts';

/**
 * Failed sign-ins (SECURITY.md 7): after 5 failures in an hour an e-mail gets 2 tries a minute, and at most 100 an
 * hour; an address gets 300 failures an hour. Never a permanent lock-out: the real user can always get in with an
 * e-mailed code. The buckets are keyed by the e-mail typed, known or not, so the answers are the same for both.
 */
export async function assertSignInAllowed(tx: Tx, email: string, ip: string, now: Date): Promise<void> {
  const [hourly, minute, fromIp] = await Promise.all([
    slidingHits(tx, `sign-in-fail:${email}`, 3600, now),
    hits(tx, `sign-in-fail-minute:${email}`, 60, now),
    slidingHits(tx, `sign-in-fail-ip:${ip}`, 3600, now),
  ]);
  if (hourly >= 100 || fromIp >= 300) throw tooMany(retryAfter(now, 3600));
  if (hourly >= 5 && minute >= 2) throw tooMany(retryAfter(now, 60));
}

export async function recordSignInFailure(tx: Tx, email: string, ip: string, now: Date): Promise<void> {
  await hit(tx, `sign-in-fail:${email}`, 3600, now);
  await hit(tx, `sign-in-fail-minute:${email}`, 60, now);
  await hit(tx, `sign-in-fail-ip:${ip}`, 3600, now);
}

/**
 * E-mails sent on request (codes, links): one a minute and five an hour per address, counted for unknown
 * addresses too so the answers cannot tell them apart (SECURITY.md 3, 8).
 */
export async function assertMailAllowed(tx: Tx, kind: string, email: string, now: Date): Promise<void> {
  const minute = await hit(tx, `${kind}-minute:${email}`, 60, now);
  if (minute > 1) throw tooMany(retryAfter(now, 60));
  const hour = await hit(tx, `${kind}-hour:${email}`, 3600, now);
  if (hour > 5) throw tooMany(retryAfter(now, 3600));
}

/** Quick access by process number: 20 failures an hour per address, so numbers cannot be walked (SECURITY.md 5). */
export async function assertQuickAccessAllowed(tx: Tx, ip: string, now: Date): Promise<void> {
  if ((await slidingHits(tx, `quick-access-fail:${ip}`, 3600, now)) >= 20) throw tooMany(retryAfter(now, 3600));
}

export function recordQuickAccessFailure(tx: Tx, ip: string, now: Date): Promise<number> {
  return hit(tx, `quick-access-fail:${ip}`, 3600, now);
}

function tooMany(seconds: number): AppError {
  const error = new AppError('too_many_attempts', 429, `Too many attempts; try again in ${seconds} s`);
  error.retryAfter = seconds;
  return error;
}
