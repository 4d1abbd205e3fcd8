import type { Tx } from '../../db/database.ts';
import { DEFAULT_SETTINGS, type AccountSettingsOverride, type AppointmentSettings } from './schemas.ts';

type Row = {
  bookingMode: AppointmentSettings['bookingMode'] | null;
  showAppointments: boolean | null;
  cancellationAllowed: boolean | null;
  hoursBefore: number | null;
  guide: boolean | null;
  horizonDays: number | null;
  minNoticeMinutes: number | null;
  contactSet?: boolean;
  contact: string | null;
};

const columns = (tx: Tx) => tx`
  booking_mode as "bookingMode", show_appointments as "showAppointments", cancellation_allowed as "cancellationAllowed",
  cancel_hours_before as "hoursBefore", guide, horizon_days as "horizonDays", min_notice_minutes as "minNoticeMinutes", contact`;

/** The tenant's own settings (the defaults where it never said). */
export async function tenantSettings(tx: Tx): Promise<AppointmentSettings> {
  const [row] = await tx<Row[]>`select ${columns(tx)} from appointment_settings where tenant_id = portico_current_tenant()`;
  return row ? overlay(DEFAULT_SETTINGS, toOverride(row)) : DEFAULT_SETTINGS;
}

/** An account's exceptions (G3), or an empty object. */
export async function accountOverride(tx: Tx, accountId: string): Promise<AccountSettingsOverride> {
  const [row] = await tx<Row[]>`
    select ${columns(tx)}, contact_set as "contactSet" from appointment_account_settings
     where tenant_id = portico_current_tenant() and account_id = ${accountId}`;
  return row ? toOverride(row) : {};
}

/** What holds for `accountId`: the tenant's settings with the account's exceptions laid over them. */
export async function effectiveSettings(tx: Tx, accountId: string | null): Promise<AppointmentSettings> {
  const base = await tenantSettings(tx);
  return accountId ? overlay(base, await accountOverride(tx, accountId)) : base;
}

/** Each setting for `accountId` and where its value comes from: the account's exception, the tenant, or the default. */
export async function explainedSettings(tx: Tx, accountId: string) {
  const [own] = await tx<{ n: number }[]>`select count(*)::int as n from appointment_settings where tenant_id = portico_current_tenant()`;
  const override = await accountOverride(tx, accountId);
  const effective = overlay(await tenantSettings(tx), override);
  const sources = Object.fromEntries(
    (Object.keys(effective) as (keyof AppointmentSettings)[]).map((name) => [name, name in override ? 'account' : own!.n ? 'tenant' : 'default']),
  );
  return { effective, override, sources };
}

export async function saveTenantSettings(tx: Tx, settings: AppointmentSettings, now: Date): Promise<void> {
  await tx`
    insert into appointment_settings (tenant_id, booking_mode, show_appointments, cancellation_allowed, cancel_hours_before, guide,
                                      horizon_days, min_notice_minutes, contact, updated_at)
    values (portico_current_tenant(), ${settings.bookingMode}, ${settings.showAppointments}, ${settings.cancellation.allowed},
            ${settings.cancellation.hoursBefore}, ${settings.guide}, ${settings.horizonDays}, ${settings.minNoticeMinutes}, ${settings.contact}, ${now})
    on conflict (tenant_id) do update set booking_mode = excluded.booking_mode, show_appointments = excluded.show_appointments,
      cancellation_allowed = excluded.cancellation_allowed, cancel_hours_before = excluded.cancel_hours_before, guide = excluded.guide,
      horizon_days = excluded.horizon_days, min_notice_minutes = excluded.min_notice_minutes, contact = excluded.contact,
      updated_at = excluded.updated_at`;
}

/** Replaces the account's exceptions with `override` (an empty one removes them all). */
export async function saveAccountOverride(tx: Tx, accountId: string, override: AccountSettingsOverride, now: Date): Promise<void> {
  await tx`delete from appointment_account_settings where tenant_id = portico_current_tenant() and account_id = ${accountId}`;
  if (Object.keys(override).length === 0) return;
  await tx`
    insert into appointment_account_settings (tenant_id, account_id, booking_mode, show_appointments, cancellation_allowed,
      cancel_hours_before, guide, horizon_days, min_notice_minutes, contact_set, contact, updated_at)
    values (portico_current_tenant(), ${accountId}, ${override.bookingMode ?? null}, ${override.showAppointments ?? null},
      ${override.cancellation?.allowed ?? null}, ${override.cancellation?.hoursBefore ?? null}, ${override.guide ?? null},
      ${override.horizonDays ?? null}, ${override.minNoticeMinutes ?? null}, ${'contact' in override}, ${override.contact ?? null}, ${now})`;
}

function toOverride(row: Row): AccountSettingsOverride {
  const override: AccountSettingsOverride = {};
  if (row.bookingMode !== null) override.bookingMode = row.bookingMode;
  if (row.showAppointments !== null) override.showAppointments = row.showAppointments;
  if (row.cancellationAllowed !== null && row.hoursBefore !== null) override.cancellation = { allowed: row.cancellationAllowed, hoursBefore: row.hoursBefore };
  if (row.guide !== null) override.guide = row.guide;
  if (row.horizonDays !== null) override.horizonDays = row.horizonDays;
  if (row.minNoticeMinutes !== null) override.minNoticeMinutes = row.minNoticeMinutes;
  if (row.contactSet ?? row.contact !== null) override.contact = row.contact;
  return override;
}

function overlay(base: AppointmentSettings, override: AccountSettingsOverride): AppointmentSettings {
  return { ...base, ...Object.fromEntries(Object.entries(override).filter(([, value]) => value !== undefined)) };
}

/** Records a change of the tenant's settings (`accountId` null) or of an account's exceptions, with the new values. */
export async function auditSettings(tx: Tx, actor: { type: string; id: string }, accountId: string | null, values: object): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, 'appointment-settings-changed',
                   ${accountId ? 'account' : 'tenant'}, ${accountId}, ${tx.json(values as never)})`;
}
