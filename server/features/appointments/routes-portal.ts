import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { clientUserOf, portalTenant, requirePrincipal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { validate } from '../../http/validate.ts';
import { downloadResponse } from '../../storage/downloads.ts';
import { accountFor, placeInAccount } from '../accounts/visibility.ts';
import type { AuthDeps } from '../auth/service.ts';
import { pdfBrand } from '../tenants/pdf-brand.ts';
import type { Locale } from '../tenants/schemas.ts';
import { searchSlots, slotsOfDay } from './availability.ts';
import { audit, findAppointment, insertBooking, isBooked, listAppointments, markCancelled, type FoundAppointment } from './bookings.ts';
import { bookableServices, findService, pick, providersOf } from './catalog.ts';
import { guidePdf } from './guide-pdf.ts';
import { notifyAppointment } from './notify.ts';
import { listProposals, proposeTimes } from './proposals.ts';
import { portalAppointmentDocs as doc } from './route-docs.ts';
import { bookInput, listQuery, MAX_RANGE_DAYS, proposalInput, slotsQuery, type AppointmentCatalog } from './schemas.ts';
import { effectiveSettings } from './settings.ts';
import { daysBetween, dateIn } from './slots.ts';

const idParam = z.object({ id: z.uuid() });
const localeQuery = z.object({ locale: z.enum(['pt-BR', 'es', 'en']).optional() });
const accountQuery = z.object({ accountId: z.uuid().optional() });
const noSuchAppointment = () => new AppError('not_found', 404, 'No such appointment');
const noSuchService = () => new AppError('not_found', 404, 'No such service', [{ path: 'service', message: 'is not a service offered here' }]);

/**
 * `/api/portal/appointments`: what a client may book and when (S1, S5), their bookings (S2), cancelling within the
 * business's deadline (S3), the authorization guide of an exam (S4), and proposing times where the business
 * confirms bookings itself. Every answer follows the settings of the client's account (the tenant's, with the
 * account's exceptions — G3).
 */
export function portalAppointmentRoutes(deps: AuthDeps & { wakeMail: () => void }) {
  const { db, clock } = deps;
  const localeOf = (c: Context, asked?: Locale): Locale => asked ?? c.get('tenant').locale;
  const who = (c: Context) => ({ type: 'client', id: clientUserOf(c.get('principal')) });
  const account = (tx: Tx, c: Context, named?: string) => accountFor(tx, clientUserOf(c.get('principal')), named, c.get('principal').accountId);
  const settingsOf = (tx: Tx) => (accountId: string) => effectiveSettings(tx, accountId);

  /** A booking the client reaches, or a 404. */
  const visible = async (tx: Tx, c: Context, id: string, options: { lock?: boolean } = {}): Promise<FoundAppointment> => {
    const found = await findAppointment(tx, { userId: clientUserOf(c.get('principal')) }, id, settingsOf(tx), localeOf(c), clock(), options);
    if (!found) throw noSuchAppointment();
    return found;
  };

  return new Hono()
    .use(portalTenant(db), requirePrincipal(deps, ['portal']))
    .get('/catalog', doc.catalog, validate('query', accountQuery.extend(localeQuery.shape)), async (c) => {
      const { accountId, locale } = c.req.valid('query');
      const catalog = await db.withTenant(c.get('tenant').id, async (tx): Promise<AppointmentCatalog> => {
        const settings = await effectiveSettings(tx, (await account(tx, c, accountId)).id);
        return {
          timeZone: c.get('tenant').timeZone,
          mode: settings.bookingMode,
          showAppointments: settings.showAppointments,
          cancellation: settings.cancellation,
          guide: settings.guide,
          horizonDays: settings.horizonDays,
          minNoticeMinutes: settings.minNoticeMinutes,
          contact: settings.contact,
          services: await bookableServices(tx, localeOf(c, locale)),
        };
      });
      return c.json(catalog);
    })
    .get('/slots', doc.slots, validate('query', slotsQuery), async (c) => {
      const query = c.req.valid('query');
      const span = daysBetween(query.from, query.to);
      if (span < 0) throw new AppError('invalid_input', 400, 'The range ends before it starts', [{ path: 'to', message: 'must not be before from' }]);
      if (span >= MAX_RANGE_DAYS) throw new AppError('invalid_input', 400, `A search covers at most ${MAX_RANGE_DAYS} days`, [{ path: 'to', message: `must be within ${MAX_RANGE_DAYS} days of from` }]);
      const answer = await db.withTenant(c.get('tenant').id, async (tx) => {
        const settings = await effectiveSettings(tx, (await account(tx, c, query.accountId)).id);
        const service = await findService(tx, query.service);
        if (!service) throw noSuchService();
        const providers = await providersOf(tx, service.id, query.provider);
        if (query.provider && !providers.length) throw new AppError('not_found', 404, 'No such provider for this service', [{ path: 'provider', message: 'does not offer this service' }]);
        return searchSlots(tx, { timeZone: c.get('tenant').timeZone, settings, service, providerIds: providers.map((p) => p.id), from: query.from, to: query.to, now: clock() });
      });
      return c.json(answer);
    })
    .get('/', doc.list, validate('query', listQuery.extend(localeQuery.shape)), async (c) => {
      const { locale, ...query } = c.req.valid('query');
      const userId = clientUserOf(c.get('principal'));
      const page = await db.withTenant(c.get('tenant').id, async (tx) => {
        const settings = await effectiveSettings(tx, (await account(tx, c)).id);
        if (!settings.showAppointments) throw new AppError('appointments_hidden', 403, 'This business does not show appointments in the portal');
        return listAppointments(tx, userId, query, settingsOf(tx), localeOf(c, locale), clock());
      });
      return c.json(page);
    })
    .post('/', doc.book, validate('json', bookInput), async (c) => {
      const body = c.req.valid('json');
      const tenant = c.get('tenant');
      const userId = clientUserOf(c.get('principal'));
      const now = clock();
      const booked = await db.withTenant(tenant.id, async (tx) => {
        const accountId = (await account(tx, c, body.accountId)).id;
        const settings = await effectiveSettings(tx, accountId);
        if (settings.bookingMode !== 'self') {
          throw new AppError('booking_unavailable', 403, settings.bookingMode === 'request' ? 'Bookings here are requested: propose times instead' : 'This business takes no bookings in the portal');
        }
        const service = await findService(tx, body.service);
        if (!service) throw noSuchService();
        const [provider] = await providersOf(tx, service.id, body.providerId);
        if (!provider) throw new AppError('not_found', 404, 'No such provider for this service', [{ path: 'providerId', message: 'does not offer this service' }]);
        const start = new Date(body.start);
        if (start <= now) throw new AppError('slot_in_past', 422, 'That time has already passed', [{ path: 'start', message: 'is in the past' }]);
        const question = { timeZone: tenant.timeZone, settings, service, providerIds: [provider.id], date: dateIn(start, tenant.timeZone), now };
        const end = new Date(start.getTime() + service.durationMinutes * 60_000);
        const taken = async () => {
          // Someone else got it a moment ago: offer what is still free that day.
          const error = new AppError('slot_taken', 409, 'That time was just taken by someone else; choose another');
          error.extensions = { slots: await slotsOfDay(tx, question) };
          return error;
        };
        const offered = await slotsOfDay(tx, question);
        if (!offered.some((slot) => slot.start === start.toISOString())) {
          // Not free: because a booking committed since the client saw it (just taken), or never a slot at all.
          if (await isBooked(tx, provider.id, start, end)) throw await taken();
          const error = new AppError('slot_not_offered', 422, 'That time is not one of the free slots', [{ path: 'start', message: 'is not a free slot' }]);
          error.extensions = { slots: offered };
          throw error;
        }
        const establishmentId = await placeInAccount(tx, userId, accountId, body.establishmentId);
        // Two clients who both saw the slot free: the exclusion constraint lets one insert through.
        const id = await insertBooking(tx, { accountId, establishmentId, userId, providerId: provider.id, serviceId: service.id, attendee: body.attendee, start, end }, now);
        if (!id) throw await taken();
        await audit(tx, who(c), 'appointment-booked', id, { service: service.key, provider: provider.id, start: start.toISOString() });
        const appointment = await visible(tx, c, id);
        await notifyAppointment(tx, tenant, appointment, 'booked');
        return appointment;
      });
      deps.wakeMail();
      return c.json(publicView(booked), 201);
    })
    .post('/:id/cancel', doc.cancel, validate('param', idParam), async (c) => {
      const tenant = c.get('tenant');
      const now = clock();
      const cancelled = await db.withTenant(tenant.id, async (tx) => {
        const found = await visible(tx, c, c.req.valid('param').id, { lock: true });
        if (found.status === 'cancelled') return found;
        if (!found.cancellable) {
          const settings = await effectiveSettings(tx, found.accountId);
          const error = new AppError(
            'cancellation_closed',
            409,
            found.cancelUntil ? `Cancelling online was possible until ${found.cancelUntil}; please contact the business` : 'This business does not take cancellations in the portal; please contact it',
          );
          error.extensions = { cancelUntil: found.cancelUntil, contact: settings.contact };
          throw error;
        }
        await markCancelled(tx, found.id, 'client', now);
        await audit(tx, who(c), 'appointment-cancelled', found.id);
        const appointment = await visible(tx, c, found.id);
        await notifyAppointment(tx, tenant, appointment, 'cancelled');
        return appointment;
      });
      deps.wakeMail();
      return c.json(publicView(cancelled));
    })
    .get('/:id/guide', doc.guide, validate('param', idParam), validate('query', localeQuery), async (c) => {
      const tenant = c.get('tenant');
      const locale = localeOf(c, c.req.valid('query').locale);
      const { appointment, brand, patient, instructions, contact } = await db.withTenant(tenant.id, async (tx) => {
        const found = await visible(tx, c, c.req.valid('param').id);
        if (!found.guide) throw new AppError('not_found', 404, 'This appointment has no authorization guide');
        const [service] = await tx<{ instructions: Record<Locale, string> | null }[]>`
          select instructions from appointment_services where key = ${found.service.key} and tenant_id = portico_current_tenant()`;
        const [user] = await tx<{ email: string }[]>`select email from portal_users where id = ${clientUserOf(c.get('principal'))}`;
        return {
          appointment: found,
          brand: await pdfBrand(tx),
          patient: { name: found.attendee ?? found.accountName, email: found.attendee ? null : (user?.email ?? null) },
          instructions: pick(service?.instructions ?? null, locale),
          contact: (await effectiveSettings(tx, found.accountId)).contact,
        };
      });
      const pdf = guidePdf({
        tenant: brand,
        locale,
        now: clock(),
        appointment: {
          id: appointment.id,
          start: new Date(appointment.start),
          end: new Date(appointment.end),
          serviceName: pick(appointment.serviceNames, locale) ?? appointment.service.name,
          providerName: appointment.provider.name,
          accountName: appointment.accountName,
          establishmentName: appointment.establishmentName,
        },
        patient,
        instructions,
        contact,
      });
      return downloadResponse(pdf, { name: `guide-${appointment.id.slice(0, 8)}.pdf`, type: 'application/pdf' });
    })
    .get('/proposals', doc.listProposals, validate('query', localeQuery), async (c) => {
      const userId = clientUserOf(c.get('principal'));
      const items = await db.withTenant(c.get('tenant').id, (tx) => listProposals(tx, userId, localeOf(c, c.req.valid('query').locale)));
      return c.json({ items });
    })
    .post('/proposals', doc.propose, validate('json', proposalInput), async (c) => {
      const body = c.req.valid('json');
      const tenant = c.get('tenant');
      const userId = clientUserOf(c.get('principal'));
      const proposal = await db.withTenant(tenant.id, async (tx) => {
        const accountId = (await account(tx, c, body.accountId)).id;
        const settings = await effectiveSettings(tx, accountId);
        if (settings.bookingMode !== 'request') {
          throw new AppError('booking_unavailable', 403, settings.bookingMode === 'self' ? 'Book a free slot directly instead' : 'This business takes no bookings in the portal');
        }
        return proposeTimes(tx, { tenant, userId, accountId, body, now: clock() });
      });
      return c.json(proposal, 201);
    });
}

/** A booking without what only the server uses. */
function publicView(found: FoundAppointment) {
  const { userId: _user, establishmentName: _establishment, serviceNames: _names, ...appointment } = found;
  return appointment;
}
