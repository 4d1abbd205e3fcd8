import type { Tx } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';
import { hit, retryAfter, slidingHits, unhit } from '../../auth/rate-limit.ts';

/**
 * Sign-in attempts (SECURITY.md 7): after 5 failures in an hour an e-mail gets 2 tries a minute, and at most 100 an
 * hour; an address gets 300 an hour. Never a permanent lock-out: the real user can always get in with an e-mailed
 * code. The attempt is counted before the password is checked — atomically, so parallel requests cannot slip past —
 * and given back when it succeeds. The buckets are keyed by the e-mail typed, known or not: the answers are alike.
 */
export async function reserveSignInAttempt(tx: Tx, email: string, ip: string, now: Date): Promise<void> {
  await hit(tx, `sign-in-fail:${email}`, 3600, now);
  const minute = await hit(tx, `sign-in-fail-minute:${email}`, 60, now);
  const fromIp = await hit(tx, `sign-in-fail-ip:${ipBucket(ip)}`, 3600, now);
  const recent = await slidingHits(tx, `sign-in-fail:${email}`, 3600, now);
  if (recent > 100 || fromIp > 300) throw tooMany(retryAfter(now, 3600));
  if (recent > 5 && minute > 2) throw tooMany(retryAfter(now, 60));
}

/** A successful sign-in does not count against the limits. */
export async function releaseSignInAttempt(tx: Tx, email: string, ip: string, now: Date): Promise<void> {
  for (const [bucket, seconds] of [[`sign-in-fail:${email}`, 3600], [`sign-in-fail-minute:${email}`, 60], [`sign-in-fail-ip:${ipBucket(ip)}`, 3600]] as const) {
    await unhit(tx, bucket, seconds, now);
  }
}

/** IPv6 clients are limited per /64 (one subscriber's block), IPv4 per address. */
export function ipBucket(ip: string): string {
  const address = ip.replace(/^::ffff:/i, '');
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.split('::');
  const before = head.split(':').filter(Boolean);
  const after = tail.split(':').filter(Boolean);
  const groups = [...before, ...Array(Math.max(0, 8 - before.length - after.length)).fill('0'), ...after];
  return `${groups.slice(0, 4).join(':').toLowerCase()}::/64`;
}

/**
 * Requests that make the server hash a new password or send mail, per client address: 30 an hour, so one
 * address can neither flood the password hasher nor bomb inboxes, nor use up someone else's codes.
 */
export async function assertCostlyRequestAllowed(tx: Tx, kind: string, ip: string, now: Date): Promise<void> {
  if ((await hit(tx, `${kind}-ip:${ipBucket(ip)}`, 3600, now)) > 30) throw tooMany(retryAfter(now, 3600));
}

/**
 * E-mails sent on request (codes, links): one a minute and five an hour per address, counted for unknown
 * addresses too so the answers cannot tell them apart (SECURITY.md 3, 8). The hour is counted over this window and
 * the one before, so five at 10:59 and five more at 11:00 is not possible.
 */
export async function assertMailAllowed(tx: Tx, kind: string, email: string, now: Date): Promise<void> {
  const minute = await hit(tx, `${kind}-minute:${email}`, 60, now);
  if (minute > 1) throw tooMany(retryAfter(now, 60));
  await hit(tx, `${kind}-hour:${email}`, 3600, now);
  if ((await slidingHits(tx, `${kind}-hour:${email}`, 3600, now)) > 5) throw tooMany(retryAfter(now, 3600));
}

/** Quick access by process number: 20 failures an hour per address, so numbers cannot be walked (SECURITY.md 5). */
export async function assertQuickAccessAllowed(tx: Tx, ip: string, now: Date): Promise<void> {
  if ((await slidingHits(tx, `quick-access-fail:${ipBucket(ip)}`, 3600, now)) >= 20) throw tooMany(retryAfter(now, 3600));
}

export function recordQuickAccessFailure(tx: Tx, ip: string, now: Date): Promise<number> {
  return hit(tx, `quick-access-fail:${ipBucket(ip)}`, 3600, now);
}

function tooMany(seconds: number): AppError {
  const error = new AppError('too_many_attempts', 429, `Too many attempts; try again in ${seconds} s`);
  error.retryAfter = seconds;
  return error;
}
