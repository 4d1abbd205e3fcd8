import { randomInt } from 'node:crypto';
import type { ApiScope } from '../../auth/api-tokens.ts';
import { hashPassword, passwordProblem, verifyNothing, verifyPassword } from '../../auth/passwords.ts';
import { hit } from '../../auth/rate-limit.ts';
import { randomToken, sha256 } from '../../auth/secrets.ts';
import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { scopesOf, type PasswordAnswer, type StaffMe, type StaffMember, type StaffRole } from './schemas.ts';
import { openStaffSession } from './sessions.ts';
import { newTotpSecret, otpauthUri, totpStep } from './totp.ts';

export interface StaffRow {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  permissions: ApiScope[];
  password_hash: string | null;
  status: 'pending' | 'active' | 'disabled';
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_last_step: string;
  last_sign_in_at: Date | null;
  created_at: Date;
}
export type StaffActor = { type: 'staff' | 'operator' | 'integration'; id: string | null };

export const SETUP_LINK_HOURS = 72;
const CHALLENGE_SECONDS = 5 * 60;
const CHALLENGE_TRIES = 5;

export async function staffAudit(tx: Tx, actor: StaffActor, action: string, staffId: string, data: Record<string, unknown> = {}): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, ${action}, 'staff_user', ${staffId}, ${tx.json(data as never)})`;
}

export function memberOf(row: StaffRow): StaffMember {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    permissions: row.role === 'staff' ? row.permissions : [],
    status: row.status,
    secondFactor: Boolean(row.totp_secret),
    lastSignInAt: row.last_sign_in_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}

export function meOf(row: StaffRow, tenant: PortalTenant): StaffMe {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role,
    scopes: scopesOf(row.role, row.permissions),
    tenant: { id: tenant.id, slug: tenant.slug, name: tenant.name, locale: tenant.locale, timeZone: tenant.timeZone, currency: tenant.currency },
  };
}

export async function findStaff(tx: Tx, by: { id: string } | { email: string }): Promise<StaffRow | undefined> {
  const [row] = await tx<StaffRow[]>`select * from staff_users where ${'id' in by ? tx`id = ${by.id}` : tx`email = ${by.email}`}`;
  return row;
}

/**
 * Adds a staff member, pending until they follow the setup link (72 h, once): the link is returned (the operator
 * CLI prints it) and, when `mail` is given, e-mailed in the same transaction.
 */
export async function createStaff(
  tx: Tx,
  tenant: PortalTenant,
  actor: StaffActor,
  input: { email: string; name: string; role: StaffRole; permissions: ApiScope[] },
  now: Date,
  consoleUrl: string,
  mail?: { invitedBy: string },
): Promise<{ member: StaffMember; link: string }> {
  const [row] = await tx<StaffRow[]>`
    insert into staff_users (tenant_id, email, name, role, permissions)
    values (portico_current_tenant(), ${input.email}, ${input.name}, ${input.role}, ${input.role === 'staff' ? input.permissions : []})
    on conflict (tenant_id, email) do nothing
    returning *`;
  if (!row) throw new AppError('staff_exists', 409, 'There is already a staff member with this e-mail');
  const link = await setupLink(tx, tenant, row, now, consoleUrl, mail);
  await staffAudit(tx, actor, 'staff-invited', row.id, { email: row.email, role: row.role });
  return { member: memberOf(row), link };
}

async function setupLink(tx: Tx, tenant: PortalTenant, staff: StaffRow, now: Date, consoleUrl: string, mail?: { invitedBy: string }): Promise<string> {
  // The tenant's slug goes in front, so the server knows where to look the token up.
  const token = `${tenant.slug}.${randomToken()}`;
  await tx`insert into staff_links (token_hash, tenant_id, staff_id, expires_at)
           values (${sha256(token)}, portico_current_tenant(), ${staff.id}, ${new Date(now.getTime() + SETUP_LINK_HOURS * 3_600_000)})`;
  const link = `${consoleUrl.replace(/\/+$/, '')}/admin/#setup=${token}`;
  if (mail) {
    await enqueueMail(tx, {
      tenantId: tenant.id,
      dedupeKey: `staff-link:${sha256(token)}`,
      to: staff.email,
      template: 'staff-setup',
      locale: tenant.locale,
      data: { link, expiresInHours: SETUP_LINK_HOURS, invitedBy: mail.invitedBy },
    });
  }
  return link;
}

/** After a correct password: a 5-minute challenge for the second factor, or the enrolment of one. */
async function secondFactorStep(tx: Tx, tenant: PortalTenant, staff: StaffRow, now: Date): Promise<PasswordAnswer> {
  const [challenge] = await tx<{ id: string }[]>`
    insert into staff_challenges (tenant_id, staff_id, expires_at) values (portico_current_tenant(), ${staff.id}, ${new Date(now.getTime() + CHALLENGE_SECONDS * 1000)})
    returning id`;
  const handle = `${tenant.slug}.${challenge!.id}`;
  if (staff.totp_secret) return { step: 'second-factor', challenge: handle };
  const secret = staff.totp_pending_secret ?? newTotpSecret();
  await tx`update staff_users set totp_pending_secret = ${secret} where id = ${staff.id}`;
  return { step: 'enroll', challenge: handle, secret, otpauthUri: otpauthUri(secret, staff.email, `Portico ${tenant.name}`) };
}

const invalidCredentials = () => new AppError('invalid_credentials', 401, 'The e-mail or the password is not right');

/** Step 1: e-mail and password of an active staff member (unknown ones take as long, SECURITY.md 8). */
export async function passwordSignIn(tx: Tx, tenant: PortalTenant, email: string, password: string, now: Date): Promise<PasswordAnswer> {
  const staff = await findStaff(tx, { email });
  if (!staff || staff.status !== 'active' || !staff.password_hash) {
    await verifyNothing(password);
    throw invalidCredentials();
  }
  const checked = await verifyPassword(password, staff.password_hash);
  if (!checked.ok) throw invalidCredentials();
  if (checked.rehash) await tx`update staff_users set password_hash = ${await hashPassword(password)} where id = ${staff.id}`;
  return secondFactorStep(tx, tenant, staff, now);
}

/** The setup link: spent once, it sets the first password and leads to the enrolment of the second factor. */
export async function setUpWithLink(tx: Tx, tenant: PortalTenant, token: string, password: string, now: Date): Promise<PasswordAnswer> {
  const problem = passwordProblem(password);
  if (problem) throw new AppError(problem, 400, 'Choose another password');
  const [link] = await tx<{ staff_id: string }[]>`
    update staff_links set used_at = ${now} where token_hash = ${sha256(token)} and used_at is null and expires_at > ${now} returning staff_id`;
  const staff = link && (await findStaff(tx, { id: link.staff_id }));
  if (!staff || staff.status === 'disabled') throw new AppError('invalid_link', 400, 'This link has expired or was already used; ask for a new one');
  await tx`update staff_users set password_hash = ${await hashPassword(password)}, status = 'active', totp_secret = null, updated_at = ${now} where id = ${staff.id}`;
  return secondFactorStep(tx, tenant, { ...staff, status: 'active', totp_secret: null }, now);
}

const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
function recoveryCode(): string {
  const chars = Array.from({ length: 10 }, () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)]).join('');
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}
const normalizeRecovery = (code: string) => code.toLowerCase().replace('-', '');

/** What the second factor came to; a failure is counted in the database, so it is returned rather than thrown. */
export type SecondFactorOutcome =
  | { ok: true; staff: StaffRow; session: { id: string; secret: string }; recoveryCodes?: string[] }
  | { ok: false; problem: AppError };

/**
 * Step 2: a current TOTP code (each good once) or an unused recovery code. The challenge dies after 5 wrong codes
 * and a member gets 20 tries an hour. The first good code of an enrolment makes the secret the member's, and ten
 * recovery codes are made (shown once, stored hashed).
 */
export async function proveSecondFactor(tx: Tx, challengeId: string, code: string, now: Date): Promise<SecondFactorOutcome> {
  const expired = new AppError('challenge_expired', 401, 'This sign-in took too long or had too many wrong codes; start again');
  const [challenge] = await tx<{ staff_id: string; failures: number }[]>`
    select staff_id, failures from staff_challenges where id = ${challengeId} and used_at is null and expires_at > ${now} for update`;
  if (!challenge || challenge.failures >= CHALLENGE_TRIES) return { ok: false, problem: expired };
  const staff = await findStaff(tx, { id: challenge.staff_id });
  if (!staff || staff.status !== 'active') return { ok: false, problem: expired };
  if ((await hit(tx, `staff-second-factor:${staff.id}`, 3600, now)) > 20) {
    const problem = new AppError('too_many_attempts', 429, 'Too many codes; try again later');
    problem.retryAfter = 3600;
    return { ok: false, problem };
  }
  const enrolling = !staff.totp_secret;
  let good = false;
  if (/^\d{6}$/.test(code)) {
    const secret = staff.totp_secret ?? staff.totp_pending_secret;
    const step = secret ? totpStep(secret, code, now) : undefined;
    if (step !== undefined && step > Number(staff.totp_last_step)) {
      const taken = await tx`update staff_users set totp_last_step = ${step} where id = ${staff.id} and totp_last_step < ${step} returning id`;
      good = taken.length === 1;
    }
  } else if (!enrolling) {
    const used = await tx`update staff_recovery_codes set used_at = ${now}
                           where code_hash = ${sha256(normalizeRecovery(code))} and staff_id = ${staff.id} and used_at is null returning code_hash`;
    good = used.length === 1;
  }
  if (!good) {
    await tx`update staff_challenges set failures = failures + 1 where id = ${challengeId}`;
    return { ok: false, problem: new AppError('invalid_code', 401, 'This code is not right; check the time on your phone and try the newest code') };
  }
  await tx`update staff_challenges set used_at = ${now} where id = ${challengeId}`;
  let recoveryCodes: string[] | undefined;
  if (enrolling) {
    recoveryCodes = Array.from({ length: 10 }, recoveryCode);
    await tx`update staff_users set totp_secret = totp_pending_secret, totp_pending_secret = null where id = ${staff.id}`;
    await tx`delete from staff_recovery_codes where staff_id = ${staff.id}`;
    const hashes = recoveryCodes.map((value) => sha256(normalizeRecovery(value)));
    await tx`insert into staff_recovery_codes (code_hash, tenant_id, staff_id) select h, portico_current_tenant(), ${staff.id} from unnest(${hashes}::text[]) as h`;
    await staffAudit(tx, { type: 'staff', id: staff.id }, 'staff-second-factor-enrolled', staff.id);
  }
  await tx`update staff_users set last_sign_in_at = ${now} where id = ${staff.id}`;
  const session = await openStaffSession(tx, staff.id, now);
  await staffAudit(tx, { type: 'staff', id: staff.id }, 'staff-signed-in', staff.id, { method: /^\d{6}$/.test(code) ? 'totp' : 'recovery-code' });
  return { ok: true, staff, session, ...(recoveryCodes ? { recoveryCodes } : {}) };
}
