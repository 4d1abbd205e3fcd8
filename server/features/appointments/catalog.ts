import type { Tx } from '../../db/database.ts';
import type { Locale } from '../tenants/schemas.ts';
import type { CatalogService, Localized } from './schemas.ts';
import type { BusyPeriod, WeeklyOpening } from './slots.ts';

/** The text of `names` in `locale`, else in any other the business wrote. */
export function pick(names: Localized | null, locale: Locale): string | null {
  if (!names) return null;
  return names[locale] ?? names.en ?? names['pt-BR'] ?? names.es ?? null;
}

export interface ServiceRow {
  id: string;
  key: string;
  names: Localized;
  kind: CatalogService['kind'];
  durationMinutes: number;
  instructions: Localized | null;
  active: boolean;
}

const serviceColumns = (tx: Tx) => tx`s.id, s.key, s.names, s.kind, s.duration_minutes as "durationMinutes", s.instructions, s.active`;

/** The active services that at least one active provider offers, each with those providers, in `locale`. */
export async function bookableServices(tx: Tx, locale: Locale): Promise<CatalogService[]> {
  const rows = await tx<(ServiceRow & { providers: CatalogService['providers'] })[]>`
    select ${serviceColumns(tx)},
           json_agg(json_build_object('id', p.id, 'name', p.name, 'kind', p.kind) order by p.name) as providers
      from appointment_services s
      join provider_services ps on ps.service_id = s.id
      join providers p on p.id = ps.provider_id and p.active
     where s.tenant_id = portico_current_tenant() and s.active
     group by s.id
     order by s.key`;
  return rows
    .map((row) => ({ key: row.key, name: pick(row.names, locale) ?? row.key, kind: row.kind, durationMinutes: row.durationMinutes, providers: row.providers }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** An active service by its key. */
export async function findService(tx: Tx, key: string): Promise<ServiceRow | undefined> {
  const [row] = await tx<ServiceRow[]>`select ${serviceColumns(tx)} from appointment_services s where s.key = ${key} and s.tenant_id = portico_current_tenant() and s.active`;
  return row;
}

/** The active providers of `serviceId` (only `providerId`, when given). */
export async function providersOf(tx: Tx, serviceId: string, providerId?: string): Promise<{ id: string; name: string }[]> {
  return tx<{ id: string; name: string }[]>`
    select p.id, p.name from providers p join provider_services ps on ps.provider_id = p.id
     where ps.service_id = ${serviceId} and p.active and p.tenant_id = portico_current_tenant()
       ${providerId ? tx`and p.id = ${providerId}` : tx``}
     order by p.name`;
}

/** The weekly openings of `providerIds`. */
export function openingsOf(tx: Tx, providerIds: string[]): Promise<WeeklyOpening[]> {
  return tx<WeeklyOpening[]>`
    select provider_id as "providerId", weekday, to_char(start_time, 'HH24:MI') as start,
           case when end_time = '24:00' then '24:00' else to_char(end_time, 'HH24:MI') end as "end",
           valid_from::text as "validFrom", valid_until::text as "validUntil"
      from availability_rules where provider_id = any(${providerIds}) and tenant_id = portico_current_tenant()`;
}

/** What keeps `providerIds` busy between `from` and `to`: closed periods (their own and the whole business's) and bookings. */
export function busyPeriods(tx: Tx, providerIds: string[], from: Date, to: Date): Promise<BusyPeriod[]> {
  return tx<BusyPeriod[]>`
    select provider_id as "providerId", lower(period) as "from", upper(period) as "to" from availability_exceptions
     where tenant_id = portico_current_tenant() and (provider_id is null or provider_id = any(${providerIds}))
       and period && tstzrange(${from}, ${to})
    union all
    select provider_id, lower(period), upper(period) from appointments
     where tenant_id = portico_current_tenant() and provider_id = any(${providerIds}) and status = 'booked'
       and period && tstzrange(${from}, ${to})`;
}
