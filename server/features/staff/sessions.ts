import { randomToken, sha256 } from '../../auth/secrets.ts';
import type { Tx } from '../../db/database.ts';

/** SECURITY.md 15: a staff session ends after 15 minutes without a call, and 12 hours after sign-in in any case. */
export const STAFF_IDLE_SECONDS = 15 * 60;
export const STAFF_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** Seed 004: saving settings asks for the password again; once entered it holds for 5 minutes. */
export const PASSWORD_CONFIRMATION_SECONDS = 5 * 60;

const later = (now: Date, seconds: number) => new Date(now.getTime() + seconds * 1000);

export interface StaffSessionRow {
  id: string;
  staff_id: string;
  password_confirmed_at: Date | null;
}

/**
 * Opens a session; the secret goes into the console's cookie, only its hash into the table. Signing in does not count
 * as re-entering the password: the first sensitive change asks for it (seed 004), and then it holds 5 minutes.
 */
export async function openStaffSession(tx: Tx, staffId: string, now: Date): Promise<{ id: string; secret: string }> {
  const secret = randomToken();
  const [row] = await tx<{ id: string }[]>`
    insert into staff_sessions (tenant_id, staff_id, token_hash, created_at, last_used_at, idle_expires_at, expires_at)
    values (portico_current_tenant(), ${staffId}, ${sha256(secret)}, ${now}, ${now}, ${later(now, STAFF_IDLE_SECONDS)}, ${later(now, STAFF_ABSOLUTE_SECONDS)})
    returning id`;
  return { id: row!.id, secret };
}

/**
 * The live session of an active staff member, found by id (an access token's `sid`) or by the cookie's secret — and
 * used: its idle deadline moves 15 minutes on, never past the absolute one.
 */
export async function useStaffSession(tx: Tx, by: { id: string } | { secret: string }, now: Date): Promise<StaffSessionRow | undefined> {
  const [row] = await tx<StaffSessionRow[]>`
    update staff_sessions s set last_used_at = ${now}, idle_expires_at = least(${later(now, STAFF_IDLE_SECONDS)}, s.expires_at)
      from staff_users u
     where u.id = s.staff_id and u.status = 'active'
       and ${'id' in by ? tx`s.id = ${by.id}` : tx`s.token_hash = ${sha256(by.secret)}`}
       and s.revoked_at is null and s.expires_at > ${now} and s.idle_expires_at > ${now}
    returning s.id, s.staff_id, s.password_confirmed_at`;
  return row;
}

export async function confirmSessionPassword(tx: Tx, id: string, now: Date): Promise<Date> {
  await tx`update staff_sessions set password_confirmed_at = ${now} where id = ${id}`;
  return later(now, PASSWORD_CONFIRMATION_SECONDS);
}

export function passwordRecentlyConfirmed(session: Pick<StaffSessionRow, 'password_confirmed_at'>, now: Date): boolean {
  return Boolean(session.password_confirmed_at && now.getTime() - session.password_confirmed_at.getTime() <= PASSWORD_CONFIRMATION_SECONDS * 1000);
}

export async function revokeStaffSessions(tx: Tx, where: { secret: string } | { staffId: string }, reason: string, now: Date): Promise<void> {
  await tx`update staff_sessions set revoked_at = ${now}, revoked_reason = ${reason}
            where revoked_at is null and ${'secret' in where ? tx`token_hash = ${sha256(where.secret)}` : tx`staff_id = ${where.staffId}`}`;
}
