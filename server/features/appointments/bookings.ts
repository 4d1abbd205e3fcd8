import type { Tx } from '../../db/database.ts';
import { makeCursor, readCursor } from '../../http/page-cursor.ts';
import { visibleTo } from '../accounts/visibility.ts';
import type { Locale } from '../tenants/schemas.ts';
import { pick } from './catalog.ts';
import type { Appointment, AppointmentSettings, Localized } from './schemas.ts';

/** Who looks: a portal user (only what they reach) or the business. */
export type Viewer = { userId: string } | { business: true };

type Row = Omit<Appointment, 'service' | 'cancellable' | 'cancelUntil' | 'guide'> & {
  serviceKey: string;
  serviceNames: Localized;
  serviceKind: Appointment['service']['kind'];
  providerName: string;
  userId: string | null;
  establishmentName: string | null;
};

const columns = (tx: Tx) => tx`
  b.id, b.status, lower(b.period) as start, upper(b.period) as "end", b.account_id as "accountId", a.name as "accountName",
  b.establishment_id as "establishmentId", e.name as "establishmentName", b.attendee_name as attendee, b.user_id as "userId", b.created_at as "createdAt", b.cancelled_at as "cancelledAt",
  s.key as "serviceKey", s.names as "serviceNames", s.kind as "serviceKind", p.id as "providerId", p.name as "providerName",
  (select pr.request_id from appointment_proposals pr where pr.id = b.proposal_id) as "requestId"`;

const source = (tx: Tx) => tx`
  appointments b join accounts a on a.id = b.account_id join appointment_services s on s.id = b.service_id
  join providers p on p.id = b.provider_id left join establishments e on e.id = b.establishment_id`;

const scope = (tx: Tx, viewer: Viewer) => ('userId' in viewer ? tx`and ${visibleTo(tx, viewer.userId, 'b')}` : tx``);

/** Until when the client may cancel a booking starting at `start`; null when the business does not allow it (S3). */
export function cancelDeadline(start: Date, settings: AppointmentSettings): Date | null {
  return settings.cancellation.allowed ? new Date(start.getTime() - settings.cancellation.hoursBefore * 3_600_000) : null;
}

/** A booking as the API shows it, judged against `settings` at `now`. */
export interface FoundAppointment extends Appointment {
  userId: string | null;
  establishmentName: string | null;
  serviceNames: Localized;
}

function toAppointment(row: Row & { providerId: string }, settings: AppointmentSettings, locale: Locale, now: Date): FoundAppointment {
  const { serviceKey, serviceNames, serviceKind, providerId, providerName, ...rest } = row;
  const start = new Date(row.start);
  const deadline = cancelDeadline(start, settings);
  return {
    ...rest,
    start: start.toISOString(),
    end: new Date(row.end).toISOString(),
    service: { key: serviceKey, name: pick(serviceNames, locale) ?? serviceKey, kind: serviceKind },
    serviceNames,
    provider: { id: providerId, name: providerName },
    cancellable: row.status === 'booked' && deadline !== null && now <= deadline,
    cancelUntil: deadline?.toISOString() ?? null,
    guide: row.status === 'booked' && serviceKind === 'exam' && settings.guide,
  };
}

/** One booking `viewer` may see, judged by `settingsOf` (the account's effective settings). */
export async function findAppointment(
  tx: Tx,
  viewer: Viewer,
  id: string,
  settingsOf: (accountId: string) => Promise<AppointmentSettings>,
  locale: Locale,
  now: Date,
  options: { lock?: boolean } = {},
): Promise<FoundAppointment | undefined> {
  const [row] = await tx<(Row & { providerId: string })[]>`
    select ${columns(tx)} from ${source(tx)}
     where b.id = ${id} and b.tenant_id = portico_current_tenant() ${scope(tx, viewer)}
     ${options.lock ? tx`for update of b` : tx``}`;
  return row ? toAppointment(row, await settingsOf(row.accountId), locale, now) : undefined;
}

/** A page of a user's bookings: upcoming ones soonest first, past ones latest first (cancelled ones among them). */
export async function listAppointments(
  tx: Tx,
  userId: string,
  query: { when: 'upcoming' | 'past'; before?: string; limit: number },
  settingsOf: (accountId: string) => Promise<AppointmentSettings>,
  locale: Locale,
  now: Date,
) {
  const cursor = readCursor(query.before, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
  const upcoming = query.when === 'upcoming';
  const rows = await tx<(Row & { providerId: string })[]>`
    select ${columns(tx)} from ${source(tx)}
     where b.tenant_id = portico_current_tenant() ${scope(tx, { userId })}
       and ${upcoming ? tx`upper(b.period) > ${now} and b.status = 'booked'` : tx`(upper(b.period) <= ${now} or b.status = 'cancelled')`}
       ${cursor ? (upcoming ? tx`and (lower(b.period), b.id) > (${cursor.key}::timestamptz, ${cursor.id})` : tx`and (lower(b.period), b.id) < (${cursor.key}::timestamptz, ${cursor.id})`) : tx``}
     order by ${upcoming ? tx`lower(b.period), b.id` : tx`lower(b.period) desc, b.id desc`}
     limit ${query.limit + 1}`;
  const settings = new Map<string, AppointmentSettings>();
  const items: Appointment[] = [];
  for (const row of rows.slice(0, query.limit)) {
    if (!settings.has(row.accountId)) settings.set(row.accountId, await settingsOf(row.accountId));
    const { userId: _user, establishmentName: _name, serviceNames: _names, ...item } = toAppointment(row, settings.get(row.accountId)!, locale, now);
    items.push(item);
  }
  const last = items.at(-1);
  return { items, next: rows.length > query.limit && last ? makeCursor(last.start, last.id) : null };
}

/** The bookings the business sees between two instants (at most 1,000), soonest first. */
export async function listBookings(tx: Tx, query: { from: Date; to: Date; providerKey?: string; accountId?: string; status?: 'booked' | 'cancelled' }) {
  return tx<{ id: string; status: string; start: Date; end: Date; accountId: string; accountName: string; serviceKey: string; providerKey: string; userId: string | null; requestId: string | null; attendee: string | null }[]>`
    select b.id, b.status, lower(b.period) as start, upper(b.period) as "end", b.account_id as "accountId", a.name as "accountName", b.attendee_name as attendee,
           s.key as "serviceKey", p.key as "providerKey", b.user_id as "userId",
           (select pr.request_id from appointment_proposals pr where pr.id = b.proposal_id) as "requestId"
      from ${source(tx)}
     where b.tenant_id = portico_current_tenant() and b.period && tstzrange(${query.from}, ${query.to})
       ${query.providerKey ? tx`and p.key = ${query.providerKey}` : tx``}
       ${query.accountId ? tx`and b.account_id = ${query.accountId}` : tx``}
       ${query.status ? tx`and b.status = ${query.status}` : tx``}
     order by lower(b.period), p.key
     limit 1000`;
}

export interface NewBooking {
  accountId: string;
  establishmentId: string | null;
  userId: string | null;
  providerId: string;
  serviceId: string;
  attendee?: string | null;
  start: Date;
  end: Date;
  proposalId?: string;
}

/**
 * Inserts the booking, or returns undefined when the provider is already booked at that time: the exclusion
 * constraint decides (SECURITY.md 18), inside a savepoint so the transaction stays usable for the answer.
 */
export async function insertBooking(tx: Tx, booking: NewBooking, now: Date): Promise<string | undefined> {
  try {
    const [row] = await tx.savepoint((sp) => sp<{ id: string }[]>`
      insert into appointments (tenant_id, account_id, establishment_id, user_id, provider_id, service_id, attendee_name, period, proposal_id, created_at)
      values (portico_current_tenant(), ${booking.accountId}, ${booking.establishmentId}, ${booking.userId}, ${booking.providerId}, ${booking.serviceId},
              ${booking.attendee ?? null}, tstzrange(${booking.start}, ${booking.end}), ${booking.proposalId ?? null}, ${now})
      returning id`);
    return row!.id;
  } catch (error) {
    if ((error as { code?: string }).code === '23P01') return undefined;
    throw error;
  }
}

/** Whether `providerId` has a booking overlapping `start`…`end`. */
export async function isBooked(tx: Tx, providerId: string, start: Date, end: Date): Promise<boolean> {
  const [row] = await tx`select 1 from appointments where provider_id = ${providerId} and status = 'booked' and period && tstzrange(${start}, ${end}) and tenant_id = portico_current_tenant()`;
  return Boolean(row);
}

export async function markCancelled(tx: Tx, id: string, by: 'client' | 'staff' | 'integration', now: Date): Promise<void> {
  await tx`update appointments set status = 'cancelled', cancelled_at = ${now}, cancelled_by = ${by} where id = ${id} and tenant_id = portico_current_tenant()`;
}

export async function audit(tx: Tx, actor: { type: string; id: string | null }, action: string, appointmentId: string, data: object = {}): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, ${action}, 'appointment', ${appointmentId}, ${tx.json(data as never)})`;
}
