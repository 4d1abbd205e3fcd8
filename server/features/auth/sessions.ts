import type { Tx } from '../../db/database.ts';
import { randomToken, sha256 } from '../../auth/secrets.ts';

/** SECURITY.md 11: refresh tokens live 30 min without use and 12 h in all; a reused one gets 10 s of grace. */
export const IDLE_SECONDS = 30 * 60;
export const ABSOLUTE_SECONDS = 12 * 60 * 60;
export const GRACE_SECONDS = 10;

const seconds = (now: Date, count: number) => new Date(now.getTime() + count * 1000);

export interface SessionRow {
  id: string;
  user_id: string | null;
  process_id: string | null;
  kind: 'client' | 'profile' | 'quick-access';
  account_id: string | null;
  revoked_at: Date | null;
  idle_expires_at: Date;
  expires_at: Date;
}

/** Opens a session; client sessions get their first refresh token. */
export async function openSession(
  tx: Tx,
  session: { userId?: string; processId?: string; kind: SessionRow['kind']; accountId: string | null },
  now: Date,
): Promise<{ id: string; refreshToken?: string }> {
  const absolute = session.kind === 'quick-access' ? 15 * 60 : ABSOLUTE_SECONDS;
  const [row] = await tx<{ id: string }[]>`
    insert into sessions (tenant_id, user_id, process_id, kind, account_id, created_at, last_used_at, idle_expires_at, expires_at)
    values (portico_current_tenant(), ${session.userId ?? null}, ${session.processId ?? null}, ${session.kind}, ${session.accountId},
            ${now}, ${now}, ${seconds(now, Math.min(IDLE_SECONDS, absolute))}, ${seconds(now, absolute)})
    returning id`;
  if (session.kind === 'quick-access') return { id: row!.id };
  const refreshToken = randomToken();
  await tx`insert into refresh_tokens (token_hash, tenant_id, session_id, issued_at) values (${sha256(refreshToken)}, portico_current_tenant(), ${row!.id}, ${now})`;
  return { id: row!.id, refreshToken };
}

/** A session that may still be used at `now`, or undefined. */
/** A session that may still be used at `now` — and whose user is still active — or undefined. */
export async function liveSession(tx: Tx, id: string, now: Date): Promise<SessionRow | undefined> {
  const [row] = await tx<SessionRow[]>`
    select s.id, s.user_id, s.process_id, s.kind, s.account_id, s.revoked_at, s.idle_expires_at, s.expires_at
      from sessions s left join portal_users u on u.id = s.user_id
     where s.id = ${id} and s.revoked_at is null and s.expires_at > ${now} and s.idle_expires_at > ${now}
       and (s.user_id is null or u.status = 'active')`;
  return row;
}

/** What a refresh comes to: a new token, the same session again within the grace period, or nothing. */
export type RefreshOutcome = { session: SessionRow; refreshToken?: string } | { rejected: 'unknown' | 'expired' | 'reused' };

/**
 * Rotates a refresh token (SECURITY.md 11). The row is locked, so two tabs refreshing at once are served one after
 * the other: the first rotates, the second (within the grace period) keeps the session without a new token. A token
 * used again after the grace period means it was stolen: the whole session is revoked.
 */
export async function rotateRefreshToken(tx: Tx, token: string, now: Date): Promise<RefreshOutcome> {
  const [current] = await tx<{ session_id: string; rotated_at: Date | null }[]>`
    select session_id, rotated_at from refresh_tokens where token_hash = ${sha256(token)} for update`;
  if (!current) return { rejected: 'unknown' };
  const session = await liveSession(tx, current.session_id, now);
  if (!session) return { rejected: 'expired' };
  if (current.rotated_at) {
    if (now.getTime() - current.rotated_at.getTime() <= GRACE_SECONDS * 1000) return { session };
    await revokeSession(tx, session.id, 'refresh-token-reused', now);
    return { rejected: 'reused' };
  }
  const next = randomToken();
  await tx`update refresh_tokens set rotated_at = ${now}, successor_hash = ${sha256(next)} where token_hash = ${sha256(token)}`;
  await tx`insert into refresh_tokens (token_hash, tenant_id, session_id, issued_at) values (${sha256(next)}, portico_current_tenant(), ${session.id}, ${now})`;
  await tx`update sessions set last_used_at = ${now}, idle_expires_at = least(${seconds(now, IDLE_SECONDS)}, expires_at) where id = ${session.id}`;
  return { session, refreshToken: next };
}

export async function revokeSession(tx: Tx, id: string, reason: string, now: Date): Promise<void> {
  await tx`update sessions set revoked_at = ${now}, revoked_reason = ${reason} where id = ${id} and revoked_at is null`;
}

/** Ends every session of a user: sign out everywhere, a disabled user, a password reset. */
export async function revokeUserSessions(tx: Tx, userId: string, reason: string, now: Date, except?: string): Promise<void> {
  await tx`update sessions set revoked_at = ${now}, revoked_reason = ${reason}
            where user_id = ${userId} and revoked_at is null and id <> ${except ?? '00000000-0000-0000-0000-000000000000'}`;
}

export async function chooseSessionAccount(tx: Tx, id: string, accountId: string): Promise<void> {
  await tx`update sessions set account_id = ${accountId} where id = ${id}`;
}
