import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { slotsOfDay } from './availability.ts';
import { audit, findAppointment, insertBooking, listBookings, markCancelled } from './bookings.ts';
import { notifyAppointment } from './notify.ts';
import { answerProposal, pendingProposal, proposalsForBusiness, wallClock } from './proposals.ts';
import { integrationAppointmentDocs as doc } from './route-docs.ts';
import {
  accountSettingsInput,
  bookingsQuery,
  confirmInput,
  exceptionInput,
  key,
  providerInput,
  refuseInput,
  rulesInput,
  serviceInput,
  settingsInput,
} from './schemas.ts';
import { auditSettings, effectiveSettings, explainedSettings, saveAccountOverride, saveTenantSettings, tenantSettings } from './settings.ts';
import { dateIn, dayBounds, daysBetween } from './slots.ts';

const idParam = z.object({ id: z.uuid() });
const keyParam = z.object({ key });
const accountParam = z.object({ accountId: z.uuid() });

/** A key the business named that is not one of its records: a 400 on the field, nothing written. */
const unknownKey = (path: string, what: string) => new AppError('invalid_input', 400, `No ${what} with that key`, [{ path, message: `is not a ${what} of this business` }]);

/**
 * `/api/v1/appointments`: the business sets up booking (settings, per-account exceptions, services, providers,
 * weekly hours, closed periods), sees the bookings, cancels one, and answers the times clients proposed.
 */
export function integrationAppointmentRoutes(deps: { db: Database; clock: () => Date; wakeMail: () => void }) {
  const { db, clock } = deps;
  const reads = requireIntegration(deps, 'appointments:read');
  const writes = requireIntegration(deps, 'appointments:write');
  const once = idempotent(deps);
  const actor = (c: Context) => actorOf(c);
  const providerId = async (tx: Tx, providerKey: string, path = 'providerKey') => {
    const [row] = await tx<{ id: string }[]>`select id from providers where key = ${providerKey} and tenant_id = portico_current_tenant()`;
    // A key in the path names the resource itself: unknown is 404, like any id there; in a body it is a bad field.
    if (!row) throw path === 'key' ? new AppError('not_found', 404, 'No provider with that key') : unknownKey(path, 'provider');
    return row.id;
  };
  const accountExists = async (tx: Tx, accountId: string) => {
    const [row] = await tx`select 1 from accounts where id = ${accountId} and tenant_id = portico_current_tenant()`;
    if (!row) throw new AppError('not_found', 404, 'No such account');
  };

  return new Hono()
    .get('/settings', doc.getSettings, reads, async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => tenantSettings(tx))))
    .put('/settings', doc.putSettings, writes, validate('json', settingsInput), async (c) => {
      const settings = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await saveTenantSettings(tx, settings, clock());
        await auditSettings(tx, actor(c), null, settings);
      });
      return c.json(settings);
    })
    .get('/accounts/:accountId/settings', doc.getAccountSettings, reads, validate('param', accountParam), async (c) =>
      c.json(
        await db.withTenant(c.get('tenant').id, async (tx) => {
          await accountExists(tx, c.req.valid('param').accountId);
          return explainedSettings(tx, c.req.valid('param').accountId);
        }),
      ),
    )
    .put('/accounts/:accountId/settings', doc.putAccountSettings, writes, validate('param', accountParam), validate('json', accountSettingsInput), async (c) => {
      const { accountId } = c.req.valid('param');
      return c.json(
        await db.withTenant(c.get('tenant').id, async (tx) => {
          await accountExists(tx, accountId);
          await saveAccountOverride(tx, accountId, c.req.valid('json'), clock());
          await auditSettings(tx, actor(c), accountId, c.req.valid('json'));
          return explainedSettings(tx, accountId);
        }),
      );
    })
    .get('/services', doc.listServices, reads, async (c) =>
      c.json({
        items: await db.withTenant(
          c.get('tenant').id,
          (tx) => tx`select key, names, kind, duration_minutes as "durationMinutes", instructions, active from appointment_services
                      where tenant_id = portico_current_tenant() order by key`,
        ),
      }),
    )
    .put('/services/:key', doc.putService, writes, once, validate('param', keyParam), validate('json', serviceInput), async (c) => {
      const body = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`
          insert into appointment_services (tenant_id, key, names, kind, duration_minutes, instructions, active, updated_at)
          values (portico_current_tenant(), ${c.req.valid('param').key}, ${tx.json(body.names)}, ${body.kind}, ${body.durationMinutes},
                  ${body.instructions ? tx.json(body.instructions) : null}, ${body.active}, ${clock()})
          on conflict (tenant_id, key) do update set names = excluded.names, kind = excluded.kind, duration_minutes = excluded.duration_minutes,
            instructions = excluded.instructions, active = excluded.active, updated_at = excluded.updated_at`;
      });
      return c.json({ key: c.req.valid('param').key, ...body });
    })
    .get('/providers', doc.listProviders, reads, async (c) =>
      c.json({
        items: await db.withTenant(
          c.get('tenant').id,
          (tx) => tx`
            select p.id, p.key, p.name, p.kind, p.active,
                   coalesce(array_agg(s.key order by s.key) filter (where s.key is not null), '{}') as services
              from providers p left join provider_services ps on ps.provider_id = p.id left join appointment_services s on s.id = ps.service_id
             where p.tenant_id = portico_current_tenant() group by p.id order by p.key`,
        ),
      }),
    )
    .put('/providers/:key', doc.putProvider, writes, once, validate('param', keyParam), validate('json', providerInput), async (c) => {
      const body = c.req.valid('json');
      const saved = await db.withTenant(c.get('tenant').id, async (tx) => {
        const services = await tx<{ id: string; key: string }[]>`select id, key from appointment_services where key = any(${body.services}) and tenant_id = portico_current_tenant()`;
        const missing = body.services.findIndex((wanted) => !services.some((service) => service.key === wanted));
        if (missing >= 0) throw unknownKey(`services.${missing}`, 'service');
        const [row] = await tx<{ id: string }[]>`
          insert into providers (tenant_id, key, name, kind, active, updated_at)
          values (portico_current_tenant(), ${c.req.valid('param').key}, ${body.name}, ${body.kind}, ${body.active}, ${clock()})
          on conflict (tenant_id, key) do update set name = excluded.name, kind = excluded.kind, active = excluded.active, updated_at = excluded.updated_at
          returning id`;
        await tx`delete from provider_services where provider_id = ${row!.id}`;
        await tx`insert into provider_services ${tx(services.map((service) => ({ tenant_id: c.get('tenant').id, provider_id: row!.id, service_id: service.id })))}`;
        return { id: row!.id, key: c.req.valid('param').key, ...body };
      });
      return c.json(saved);
    })
    .get('/providers/:key/rules', doc.getRules, reads, validate('param', keyParam), async (c) =>
      c.json(
        await db.withTenant(c.get('tenant').id, async (tx) => {
          const id = await providerId(tx, c.req.valid('param').key, 'key');
          const rules = await tx`
            select weekday, to_char(start_time, 'HH24:MI') as start, to_char(end_time, 'HH24:MI') as "end",
                   valid_from::text as "validFrom", valid_until::text as "validUntil"
              from availability_rules where provider_id = ${id} order by weekday, start_time`;
          return { rules };
        }),
      ),
    )
    .put('/providers/:key/rules', doc.putRules, writes, validate('param', keyParam), validate('json', rulesInput), async (c) => {
      const { rules } = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        const id = await providerId(tx, c.req.valid('param').key, 'key');
        await tx`delete from availability_rules where provider_id = ${id}`;
        if (rules.length) {
          await tx`insert into availability_rules ${tx(
            rules.map((rule) => ({
              tenant_id: c.get('tenant').id,
              provider_id: id,
              weekday: rule.weekday,
              start_time: rule.start,
              end_time: rule.end,
              valid_from: rule.validFrom ?? null,
              valid_until: rule.validUntil ?? null,
            })),
          )}`;
        }
      });
      return c.json({ rules });
    })
    .get('/exceptions', doc.listExceptions, reads, validate('query', z.object({ from: z.iso.date(), to: z.iso.date() })), async (c) => {
      const { from, to } = c.req.valid('query');
      // A range that ends before it starts is a question without an answer, not a database error.
      if (to < from) throw new AppError('invalid_input', 400, 'The range ends before it starts', [{ path: 'to', message: 'must not be before from' }]);
      const zone = c.get('tenant').timeZone;
      const items = await db.withTenant(
        c.get('tenant').id,
        (tx) => tx`
          select x.id, p.key as "providerKey", lower(x.period) as "from", upper(x.period) as "to", x.reason
            from availability_exceptions x left join providers p on p.id = x.provider_id
           where x.tenant_id = portico_current_tenant() and x.period && tstzrange(${dayBounds(from, zone).from}, ${dayBounds(to, zone).to})
           order by lower(x.period)`,
      );
      return c.json({ items });
    })
    .post('/exceptions', doc.createException, writes, once, validate('json', exceptionInput), async (c) => {
      const body = c.req.valid('json');
      const period = 'date' in body ? dayBounds(body.date, c.get('tenant').timeZone) : { from: new Date(body.from), to: new Date(body.to) };
      const created = await db.withTenant(c.get('tenant').id, async (tx) => {
        const provider = body.providerKey ? await providerId(tx, body.providerKey) : null;
        const [row] = await tx<{ id: string }[]>`
          insert into availability_exceptions (tenant_id, provider_id, period, reason, created_at)
          values (portico_current_tenant(), ${provider}, tstzrange(${period.from}, ${period.to}), ${body.reason ?? null}, ${clock()}) returning id`;
        return { id: row!.id, providerKey: body.providerKey, from: period.from.toISOString(), to: period.to.toISOString(), reason: body.reason ?? null };
      });
      return c.json(created, 201);
    })
    .delete('/exceptions/:id', doc.deleteException, writes, validate('param', idParam), async (c) => {
      const deleted = await db.withTenant(c.get('tenant').id, (tx) => tx`delete from availability_exceptions where id = ${c.req.valid('param').id} and tenant_id = portico_current_tenant() returning id`);
      if (!deleted.length) throw new AppError('not_found', 404, 'No such exception');
      return c.body(null, 204);
    })
    .get('/bookings', doc.listBookings, reads, validate('query', bookingsQuery), async (c) => {
      const { from, to, ...filters } = c.req.valid('query');
      if (daysBetween(from, to) < 0 || daysBetween(from, to) > 366) throw new AppError('invalid_input', 400, 'The range must go forward and cover at most a year', [{ path: 'to', message: 'must be 0 to 366 days after from' }]);
      const zone = c.get('tenant').timeZone;
      const items = await db.withTenant(c.get('tenant').id, (tx) => listBookings(tx, { ...filters, from: dayBounds(from, zone).from, to: dayBounds(to, zone).to }));
      return c.json({ items });
    })
    .post('/bookings/:id/cancel', doc.cancelBooking, writes, validate('param', idParam), async (c) => {
      const tenant = c.get('tenant');
      const result = await db.withTenant(tenant.id, async (tx) => {
        const found = await findAppointment(tx, { business: true }, c.req.valid('param').id, (id) => effectiveSettings(tx, id), tenant.locale, clock(), { lock: true });
        if (!found) throw new AppError('not_found', 404, 'No such booking');
        if (found.status === 'booked') {
          await markCancelled(tx, found.id, actor(c).type, clock());
          await audit(tx, actor(c), 'appointment-cancelled', found.id);
          await notifyAppointment(tx, tenant, { ...found, status: 'cancelled' }, 'cancelled');
        }
        return { id: found.id, status: 'cancelled' as const };
      });
      deps.wakeMail();
      return c.json(result);
    })
    .get('/proposals', doc.listProposals, reads, validate('query', z.object({ status: z.enum(['pending', 'confirmed', 'refused']).optional() })), async (c) =>
      c.json({ items: await db.withTenant(c.get('tenant').id, (tx) => proposalsForBusiness(tx, c.req.valid('query').status, c.get('tenant').locale)) }),
    )
    .post('/proposals/:id/confirm', doc.confirmProposal, writes, once, validate('param', idParam), validate('json', confirmInput), async (c) => {
      const tenant = c.get('tenant');
      const body = c.req.valid('json');
      const now = clock();
      const result = await db.withTenant(tenant.id, async (tx) => {
        const proposal = await pendingProposal(tx, c.req.valid('param').id, tenant.locale);
        const [row] = await tx<{ accountId: string; establishmentId: string | null; serviceId: string; durationMinutes: number; userId: string | null }[]>`
          select p.account_id as "accountId", p.establishment_id as "establishmentId", p.service_id as "serviceId",
                 s.duration_minutes as "durationMinutes", p.user_id as "userId"
            from appointment_proposals p join appointment_services s on s.id = p.service_id where p.id = ${proposal.id}`;
        const provider = await providerId(tx, body.providerKey);
        const [offers] = await tx`select 1 from provider_services where provider_id = ${provider} and service_id = ${row!.serviceId}`;
        if (!offers) throw new AppError('invalid_input', 400, 'That provider does not offer this service', [{ path: 'providerKey', message: 'does not offer the proposal’s service' }]);
        const start = new Date(body.start);
        if (start <= now) throw new AppError('slot_in_past', 422, 'That time has already passed', [{ path: 'start', message: 'is in the past' }]);
        const end = new Date(start.getTime() + row!.durationMinutes * 60_000);
        const id = await insertBooking(tx, { ...row!, providerId: provider, start, end, proposalId: proposal.id }, now);
        if (!id) {
          const settings = await effectiveSettings(tx, row!.accountId);
          const error = new AppError('slot_taken', 409, 'The provider is already booked at that time');
          error.extensions = {
            slots: await slotsOfDay(tx, { timeZone: tenant.timeZone, settings: { ...settings, bookingMode: 'self' }, service: { key: proposal.service.key, durationMinutes: row!.durationMinutes }, providerIds: [provider], date: dateIn(start, tenant.timeZone), now }),
          };
          throw error;
        }
        const [user] = await tx<{ locale: 'pt-BR' | 'es' | 'en' | null }[]>`select locale from portal_users where id = ${row!.userId}`;
        const locale = user?.locale ?? tenant.locale;
        await answerProposal(tx, tenant, proposal, { status: 'confirmed', appointmentId: id }, { body: body.message ?? confirmedText(locale, wallClock(start, locale, tenant.timeZone)), actor: actor(c), quiet: true }, now);
        await audit(tx, actor(c), 'appointment-booked', id, { proposal: proposal.id });
        const appointment = await findAppointment(tx, { business: true }, id, (account) => effectiveSettings(tx, account), tenant.locale, now);
        await notifyAppointment(tx, tenant, appointment!, 'booked');
        return { proposalId: proposal.id, status: 'confirmed' as const, appointmentId: id, requestId: proposal.requestId, start: appointment!.start, end: appointment!.end };
      });
      deps.wakeMail();
      return c.json(result, 201);
    })
    .post('/proposals/:id/refuse', doc.refuseProposal, writes, once, validate('param', idParam), validate('json', refuseInput), async (c) => {
      const tenant = c.get('tenant');
      const { reason } = c.req.valid('json');
      const result = await db.withTenant(tenant.id, async (tx) => {
        const proposal = await pendingProposal(tx, c.req.valid('param').id, tenant.locale);
        await answerProposal(tx, tenant, proposal, { status: 'refused', refusal: reason }, { body: reason, actor: actor(c), quiet: false }, clock());
        return { proposalId: proposal.id, status: 'refused' as const, requestId: proposal.requestId };
      });
      deps.wakeMail();
      return c.json(result);
    });
}

/** The request's answer when staff confirm without a message of their own. */
function confirmedText(locale: 'pt-BR' | 'es' | 'en', when: string): string {
  return { 'pt-BR': `Agendamento confirmado para ${when}.`, es: `Cita confirmada para el ${when}.`, en: `Appointment confirmed for ${when}.` }[locale];
}
