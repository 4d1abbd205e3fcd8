import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import type { RequestStatus } from './schemas.ts';

/**
 * Tells the request's author by e-mail that the business answered or moved it on, in the author's language,
 * in the same transaction as the change (SECURITY.md 19). The link opens the request on the portal page.
 */
export async function notifyAuthor(
  tx: Tx,
  tenant: PortalTenant,
  request: { id: string; subject: string; authorId: string | null },
  event: { kind: 'reply' | 'status'; status: RequestStatus; key: string },
): Promise<boolean> {
  if (!request.authorId || !tenant.portalUrl) return false;
  const [author] = await tx<{ email: string; locale: PortalTenant['locale'] | null; status: string }[]>`
    select email, locale, status from portal_users where id = ${request.authorId}`;
  if (!author || author.status === 'disabled') return false;
  return enqueueMail(tx, {
    tenantId: tenant.id,
    dedupeKey: `request:${request.id}:${event.key}`,
    to: author.email,
    template: 'request-update',
    locale: author.locale ?? tenant.locale,
    data: { link: `${tenant.portalUrl.replace(/#.*$/, '')}#portico-request=${request.id}`, requestSubject: request.subject, event: event.kind, status: event.status },
  });
}
