import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { sendLink } from '../auth/service.ts';
import { revokeUserSessions } from '../auth/sessions.ts';

/** Who asked for a change, for the audit trail (A13). */
export interface Actor {
  type: 'integration' | 'operator' | 'staff';
  id: string | null;
}

async function audit(tx: Tx, actor: Actor, action: string, userId: string): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, ${action}, 'portal_user', ${userId})`;
}

function requirePortalAddress(tenant: PortalTenant): void {
  if (!tenant.portalUrl) throw new AppError('portal_address_missing', 409, 'Set the portal address first: e-mailed links land there');
}

/**
 * Invites `email` to an account (A1): a pending user with a membership (all establishments, or the listed ones of
 * that account), and an activation e-mail whose link lives 72 h. An existing user just gains the membership.
 */
export async function inviteUser(
  tx: Tx,
  tenant: PortalTenant,
  actor: Actor,
  input: { email: string; accountId: string; establishmentIds?: string[]; locale?: 'pt-BR' | 'es' | 'en' },
  now: Date,
): Promise<{ userId: string; status: string; activationSent: boolean }> {
  requirePortalAddress(tenant);
  const [account] = await tx`select id from accounts where id = ${input.accountId}`;
  if (!account) throw new AppError('not_found', 404, 'No such account');
  const ids = input.establishmentIds ?? [];
  if (ids.length) {
    const found = await tx`select id from establishments where account_id = ${input.accountId} and id = any(${ids}::uuid[])`;
    if (found.length !== new Set(ids).size) throw new AppError('invalid_input', 400, 'Every establishment must belong to the account');
  }
  await tx`insert into portal_users (tenant_id, email, locale) values (portico_current_tenant(), ${input.email}, ${input.locale ?? null})
           on conflict (tenant_id, email) do nothing`;
  const [user] = await tx<{ id: string; email: string; status: string; locale: string | null }[]>`
    select id, email, status, locale from portal_users where email = ${input.email}`;
  await tx`insert into memberships (tenant_id, user_id, account_id, all_establishments, establishment_ids)
           values (portico_current_tenant(), ${user!.id}, ${input.accountId}, ${ids.length === 0}, ${ids}::uuid[])
           on conflict (user_id, account_id) do update set all_establishments = excluded.all_establishments, establishment_ids = excluded.establishment_ids`;
  const activationSent = user!.status === 'pending' && (await sendLink(tx, tenant, user!, 'activation', now));
  await audit(tx, actor, 'invited', user!.id);
  return { userId: user!.id, status: user!.status, activationSent };
}

async function findUser(tx: Tx, userId: string) {
  const [user] = await tx<{ id: string; email: string; status: string; locale: string | null }[]>`
    select id, email, status, locale from portal_users where id = ${userId}`;
  if (!user) throw new AppError('not_found', 404, 'No such user');
  return user;
}

/** Sends the activation e-mail again (A2); only a pending user has one to send. */
export async function resendActivation(tx: Tx, tenant: PortalTenant, actor: Actor, userId: string, now: Date): Promise<void> {
  requirePortalAddress(tenant);
  const user = await findUser(tx, userId);
  if (user.status !== 'pending') throw new AppError('invalid_input', 409, `The user is ${user.status}, not waiting for activation`);
  await sendLink(tx, tenant, user, 'activation', now);
  await audit(tx, actor, 'activation-resent', user.id);
}

/** Sends a password-reset e-mail on the business's behalf (A2). */
export async function sendPasswordReset(tx: Tx, tenant: PortalTenant, actor: Actor, userId: string, now: Date): Promise<void> {
  requirePortalAddress(tenant);
  const user = await findUser(tx, userId);
  if (user.status !== 'active') throw new AppError('invalid_input', 409, `The user is ${user.status}; only active users can reset a password`);
  await sendLink(tx, tenant, user, 'reset', now);
  await audit(tx, actor, 'reset-sent', user.id);
}

/**
 * Magic links (A7, P5, G7) to every enabled user of an account, of the whole tenant, or of a selection (`userIds`:
 * unknown and disabled ones are skipped). Returns how many were sent.
 */
export async function sendMagicLinks(
  tx: Tx,
  tenant: PortalTenant,
  actor: Actor,
  input: { accountId?: string; userIds?: string[]; profileOnly: boolean },
  now: Date,
): Promise<number> {
  requirePortalAddress(tenant);
  const users = input.userIds
    ? await tx<{ id: string; email: string; locale: string | null }[]>`
        select id, email, locale from portal_users where id = any(${input.userIds}::uuid[]) and status = 'active' order by email`
    : input.accountId
      ? await tx<{ id: string; email: string; locale: string | null }[]>`
          select u.id, u.email, u.locale from portal_users u join memberships m on m.user_id = u.id
           where m.account_id = ${input.accountId} and u.status <> 'disabled'`
      : await tx<{ id: string; email: string; locale: string | null }[]>`select id, email, locale from portal_users where status <> 'disabled'`;
  for (const user of users) {
    await sendLink(tx, tenant, user, input.profileOnly ? 'magic-profile' : 'magic', now);
    await audit(tx, actor, input.profileOnly ? 'profile-link-sent' : 'magic-link-sent', user.id);
  }
  return users.length;
}

/** Disables a user: every session ends at once (SECURITY.md 11). */
export async function disableUser(tx: Tx, actor: Actor, userId: string, now: Date): Promise<void> {
  await findUser(tx, userId);
  await tx`update portal_users set status = 'disabled', updated_at = ${now} where id = ${userId}`;
  await revokeUserSessions(tx, userId, 'user-disabled', now);
  await audit(tx, actor, 'disabled', userId);
}
