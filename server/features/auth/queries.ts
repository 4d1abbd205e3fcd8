import type { Tx } from '../../db/database.ts';
import type { ReachableAccount } from './schemas.ts';

export interface UserRow {
  id: string;
  email: string;
  password_hash: string | null;
  status: 'pending' | 'active' | 'disabled';
  locale: string | null;
}

export type LinkPurpose = 'activation' | 'reset' | 'magic' | 'magic-profile' | 'first-access';

/** The user with this e-mail in the current tenant. */
export async function findUserByEmail(tx: Tx, email: string): Promise<UserRow | undefined> {
  const [row] = await tx<UserRow[]>`select id, email, password_hash, status, locale from portal_users where email = ${email}`;
  return row;
}

export async function findUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx<UserRow[]>`select id, email, password_hash, status, locale from portal_users where id = ${id}`;
  return row;
}

/** Accounts whose contact e-mail this is: a known e-mail without a portal user yet (A3, A4). */
export async function accountsWithContactEmail(tx: Tx, email: string): Promise<string[]> {
  const rows = await tx<{ id: string }[]>`select id from accounts where lower(email) = ${email}`;
  return rows.map((row) => row.id);
}

/**
 * The user for this e-mail, created (pending) with a membership in every account that lists the e-mail as its
 * contact, if there is none yet. Safe against a parallel registration of the same e-mail: one user results.
 */
export async function ensureUserForContact(tx: Tx, email: string, accountIds: string[]): Promise<UserRow> {
  await tx`insert into portal_users (tenant_id, email) values (portico_current_tenant(), ${email}) on conflict (tenant_id, email) do nothing`;
  const user = (await findUserByEmail(tx, email))!;
  for (const accountId of accountIds) {
    await tx`insert into memberships (tenant_id, user_id, account_id) values (portico_current_tenant(), ${user.id}, ${accountId})
             on conflict do nothing`;
  }
  return user;
}

/** Sets a new password; the e-mail is proven (the user came through a link or a code), so the user is active. */
export async function setPassword(tx: Tx, userId: string, passwordHash: string, now: Date): Promise<void> {
  await tx`update portal_users set password_hash = ${passwordHash}, status = 'active',
             email_verified_at = coalesce(email_verified_at, ${now}), updated_at = ${now}
           where id = ${userId} and status <> 'disabled'`;
  // Links sent before (an old activation, reset or first-access link) must not change the new password again.
  await tx`update auth_links set used_at = ${now} where user_id = ${userId} and used_at is null`;
}

/** Upgrades a hash to today's parameters, unless the password changed meanwhile. */
export async function updatePasswordHash(tx: Tx, userId: string, oldHash: string, newHash: string): Promise<void> {
  await tx`update portal_users set password_hash = ${newHash} where id = ${userId} and password_hash = ${oldHash}`;
}

/** The user, locked until the transaction ends. */
export async function lockUser(tx: Tx, id: string): Promise<UserRow | undefined> {
  const [row] = await tx<UserRow[]>`select id, email, password_hash, status, locale from portal_users where id = ${id} for update`;
  return row;
}

/** The accounts a user reaches and, inside each, the establishments. */
export async function reachableAccounts(tx: Tx, userId: string): Promise<ReachableAccount[]> {
  const rows = await tx<{ id: string; name: string; kind: 'person' | 'company'; all_establishments: boolean; establishments: { id: string; name: string }[] }[]>`
    select a.id, a.name, a.kind, m.all_establishments,
           coalesce((select json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name)
                       from establishments e where e.id = any(m.establishment_ids)), '[]'::json) as establishments
      from memberships m join accounts a on a.id = m.account_id
     where m.user_id = ${userId}
     order by a.name`;
  return rows.map((row) => ({ id: row.id, name: row.name, kind: row.kind, establishments: row.all_establishments ? 'all' : row.establishments }));
}

/** Stores a link token's hash for `purpose`; earlier unused links of the same purpose stop working. */
export async function createLink(tx: Tx, userId: string, purpose: LinkPurpose, tokenHash: string, expiresAt: Date, now: Date): Promise<void> {
  await tx`update auth_links set used_at = ${now} where user_id = ${userId} and purpose = ${purpose} and used_at is null`;
  await tx`insert into auth_links (token_hash, tenant_id, user_id, purpose, expires_at, created_at)
           values (${tokenHash}, portico_current_tenant(), ${userId}, ${purpose}, ${expiresAt}, ${now})`;
}

/** A link that is still good, without spending it. */
export async function peekLink(tx: Tx, tokenHash: string, now: Date): Promise<{ user_id: string; purpose: LinkPurpose } | undefined> {
  const [row] = await tx<{ user_id: string; purpose: LinkPurpose }[]>`
    select user_id, purpose from auth_links where token_hash = ${tokenHash} and used_at is null and expires_at > ${now}`;
  return row;
}

/** Spends a link atomically: of parallel attempts, exactly one gets the row (SECURITY.md 3, 4). */
export async function consumeLink(tx: Tx, tokenHash: string, now: Date): Promise<{ user_id: string; purpose: LinkPurpose } | undefined> {
  const [row] = await tx<{ user_id: string; purpose: LinkPurpose }[]>`
    update auth_links set used_at = ${now}
     where token_hash = ${tokenHash} and used_at is null and expires_at > ${now}
    returning user_id, purpose`;
  return row;
}

export async function createCode(tx: Tx, email: string, purpose: 'register', codeHash: (id: string) => string, expiresAt: Date, now: Date): Promise<void> {
  const id = crypto.randomUUID();
  await tx`insert into auth_codes (id, tenant_id, email, purpose, code_hash, expires_at, created_at)
           values (${id}, portico_current_tenant(), ${email}, ${purpose}, ${codeHash(id)}, ${expiresAt}, ${now})`;
}

/** The newest live code for this e-mail and purpose. */
export async function latestCode(tx: Tx, email: string, purpose: 'register', now: Date): Promise<{ id: string; code_hash: string; failed_attempts: number } | undefined> {
  const [row] = await tx<{ id: string; code_hash: string; failed_attempts: number }[]>`
    select id, code_hash, failed_attempts from auth_codes
     where email = ${email} and purpose = ${purpose} and used_at is null and expires_at > ${now} and failed_attempts < 5
     order by created_at desc limit 1`;
  return row;
}

/** Spends a code if it is the right one and still alive; exactly one of parallel attempts wins. */
export async function consumeCode(tx: Tx, id: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await tx`update auth_codes set used_at = ${now}
                         where id = ${id} and code_hash = ${codeHash} and used_at is null and expires_at > ${now} and failed_attempts < 5
                         returning id`;
  return rows.length === 1;
}

export async function countFailedCode(tx: Tx, id: string): Promise<void> {
  await tx`update auth_codes set failed_attempts = failed_attempts + 1 where id = ${id}`;
}

/** When the last code for this e-mail was sent (resend cooldown). */
export async function lastCodeSentAt(tx: Tx, email: string, purpose: 'register'): Promise<Date | undefined> {
  const [row] = await tx<{ created_at: Date }[]>`select created_at from auth_codes where email = ${email} and purpose = ${purpose} order by created_at desc limit 1`;
  return row?.created_at;
}

export async function findProcessForQuickAccess(tx: Tx, number: string): Promise<{ id: string; account_id: string; access_key_hash: string } | undefined> {
  const [row] = await tx<{ id: string; account_id: string; access_key_hash: string }[]>`
    select id, account_id, access_key_hash from processes where quick_access_number = ${number}`;
  return row;
}

/** Records who changed what (A13), in the same transaction as the change. */
export async function audit(tx: Tx, entry: { actorType: 'client' | 'quick-access' | 'system'; actorId: string | null; action: string; subjectType?: string; subjectId?: string }): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
           values (portico_current_tenant(), ${entry.actorType}, ${entry.actorId}, ${entry.action}, ${entry.subjectType ?? null}, ${entry.subjectId ?? null})`;
}
