import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { pick } from './catalog.ts';
import type { FoundAppointment } from './bookings.ts';

/**
 * E-mails the client who booked `appointment` that it was booked or cancelled, in their language, with an .ics
 * invitation (the same UID both times, so a calendar replaces or removes the event) — written to the outbox in the
 * transaction of the change. Nothing is sent for a booking without a user or a tenant without a portal address.
 */
export async function notifyAppointment(tx: Tx, tenant: PortalTenant, appointment: FoundAppointment, event: 'booked' | 'cancelled'): Promise<boolean> {
  if (!tenant.portalUrl || !appointment.userId) return false;
  const [user] = await tx<{ email: string; locale: PortalTenant['locale'] | null }[]>`
    select email, locale from portal_users where id = ${appointment.userId} and tenant_id = portico_current_tenant() and status = 'active'`;
  if (!user) return false;
  const locale = user.locale ?? tenant.locale;
  return enqueueMail(tx, {
    tenantId: tenant.id,
    dedupeKey: `appointment:${appointment.id}:${event}`,
    to: user.email,
    template: event === 'booked' ? 'appointment-booked' : 'appointment-cancelled',
    locale,
    data: {
      link: `${tenant.portalUrl.replace(/#.*$/, '')}#portico-appointment=${appointment.id}`,
      serviceName: (pick(appointment.serviceNames, locale) ?? appointment.service.name).slice(0, 200),
      providerName: appointment.provider.name,
      start: appointment.start,
      end: appointment.end,
      timeZone: tenant.timeZone,
      uid: `${appointment.id}@portico`,
      location: tenant.name,
    },
  });
}
