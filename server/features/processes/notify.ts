import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { notifyClients } from './queries.ts';

/**
 * E-mails the users who see a process that it moved to a phase or got a notice, each in their language, in the same
 * transaction as the change — unless the business switched these e-mails off, or has no portal address to link to.
 * `key` names the change, so a retried request sends nothing twice. Returns how many mails were queued.
 */
export async function notifyProcessUsers(
  tx: Tx,
  tenant: PortalTenant,
  process: { id: string; title: string },
  event: { kind: 'phase' | 'notice'; detail: (locale: PortalTenant['locale']) => string; key: string },
): Promise<number> {
  if (!tenant.portalUrl || !(await notifyClients(tx))) return 0;
  const users = await tx<{ id: string; email: string; locale: PortalTenant['locale'] | null }[]>`
    select u.id, u.email, u.locale from portal_users u
      join memberships m on m.user_id = u.id
      join processes p on p.account_id = m.account_id
     where p.id = ${process.id} and p.tenant_id = portico_current_tenant() and u.status = 'active'
       and (m.all_establishments or p.establishment_id = any(m.establishment_ids))`;
  let queued = 0;
  for (const user of users) {
    const locale = user.locale ?? tenant.locale;
    const sent = await enqueueMail(tx, {
      tenantId: tenant.id,
      dedupeKey: `process:${process.id}:${event.key}:${user.id}`,
      to: user.email,
      template: 'process-update',
      locale,
      data: { link: `${tenant.portalUrl.replace(/#.*$/, '')}#portico-process=${process.id}`, processTitle: process.title, event: event.kind, detail: event.detail(locale).slice(0, 200) },
    });
    if (sent) queued++;
  }
  return queued;
}
