import type { Tx } from '../../db/database.ts';
import { taxIdKindsFor, type TaxIdKind } from '../accounts/tax-id.ts';
import type { Locale } from '../tenants/schemas.ts';
import { fieldDefinitions, localized, profileSettings, type FieldDefinition, type ProfileSettings } from './fields.ts';
import type { Profile, StandardField } from './schemas.ts';

/** Where each standard field lives on `accounts`. */
const COLUMNS: Record<StandardField, string> = { name: 'name', taxId: 'tax_id', email: 'email', phone: 'phone', mobile: 'mobile', address: 'address' };

export interface AccountRow {
  id: string;
  kind: 'person' | 'company';
  currency: string;
  values: Record<string, unknown>;
}

/** The account with its standard and custom values; undefined when it is not the tenant's. */
export async function loadAccount(tx: Tx, accountId: string): Promise<AccountRow | undefined> {
  const [row] = await tx<{ id: string; kind: 'person' | 'company'; currency: string; name: string; taxId: string | null; email: string | null; phone: string | null; mobile: string | null; address: unknown }[]>`
    select a.id, a.kind, t.currency, a.name, a.tax_id as "taxId", a.email, a.phone, a.mobile, a.address
      from accounts a join tenants t on t.id = a.tenant_id
     where a.id = ${accountId} and a.tenant_id = portico_current_tenant()`;
  if (!row) return undefined;
  const custom = await tx<{ key: string; value: unknown }[]>`select field_key as key, value from profile_values where account_id = ${accountId} and tenant_id = portico_current_tenant()`;
  const { id, kind, currency, ...standard } = row;
  return { id, kind, currency, values: { ...standard, ...Object.fromEntries(custom.map((item) => [item.key, item.value])) } };
}

/** The tax id kinds an account's tax id is checked as. */
export function taxIdKindsOf(account: Pick<AccountRow, 'kind' | 'currency'>): TaxIdKind[] {
  return taxIdKindsFor(account.currency, account.kind);
}

/** Writes one field's value (null clears it). */
export async function writeValue(tx: Tx, accountId: string, field: FieldDefinition, value: unknown, now: Date): Promise<void> {
  if (field.standard) {
    const column = COLUMNS[field.key as StandardField];
    const stored = field.type === 'address' && value !== null ? tx.json(value as never) : (value as string | null);
    await tx`update accounts set ${tx(column)} = ${stored} where id = ${accountId} and tenant_id = portico_current_tenant()`;
  } else if (value === null) {
    await tx`delete from profile_values where account_id = ${accountId} and field_key = ${field.key} and tenant_id = portico_current_tenant()`;
  } else {
    await tx`insert into profile_values (tenant_id, account_id, field_key, value, updated_at) values (portico_current_tenant(), ${accountId}, ${field.key}, ${tx.json(value as never)}, ${now})
             on conflict (account_id, field_key) do update set value = excluded.value, updated_at = excluded.updated_at`;
  }
}

/** Records a change of one field in the audit trail, with before and after (A13); the business's feed reads these. */
export async function auditChange(
  tx: Tx,
  actor: { type: string; id: string | null },
  accountId: string,
  change: { field: string; before: unknown; after: unknown; via: 'direct' | 'approval' },
  now: Date,
): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data, created_at)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, 'profile-changed', 'account', ${accountId}, ${tx.json(change as never)}, ${now})`;
}

/** The last confirmation of the account's data, if any. */
export async function lastConfirmation(tx: Tx, accountId: string): Promise<Date | undefined> {
  const [row] = await tx<{ at: Date }[]>`
    select confirmed_at as at from profile_confirmations where account_id = ${accountId} and tenant_id = portico_current_tenant()
     order by confirmed_at desc limit 1`;
  return row?.at;
}

/** Until when a confirmation made at `at` holds, under `settings` (null: for good). */
export function confirmationValidUntil(at: Date, settings: ProfileSettings): Date | null {
  if (settings.confirmation !== 'periodic' || !settings.everyMonths) return null;
  const until = new Date(at);
  until.setUTCMonth(until.getUTCMonth() + settings.everyMonths);
  return until;
}

/** The account's profile as the form shows it, in `locale`, judged at `now`. */
export async function readProfile(tx: Tx, account: AccountRow, locale: Locale, now: Date): Promise<Profile> {
  const settings = await profileSettings(tx);
  const definitions = await fieldDefinitions(tx, settings, account.kind);
  const pending = await tx<{ id: string; field: string; value: unknown; requestedAt: Date; requestId: string }[]>`
    select id, field_key as field, after as value, requested_at as "requestedAt", request_id as "requestId" from profile_changes
     where account_id = ${account.id} and status = 'pending' and tenant_id = portico_current_tenant()`;
  const confirmedAt = await lastConfirmation(tx, account.id);
  const validUntil = confirmedAt ? confirmationValidUntil(confirmedAt, settings) : null;
  return {
    accountId: account.id,
    accountKind: account.kind,
    taxIdKinds: taxIdKindsOf(account),
    currency: account.currency,
    fields: definitions.map((field) => {
      const waiting = pending.find((change) => change.field === field.key);
      return {
        key: field.key,
        standard: field.standard,
        label: localized(field.labels, locale),
        help: localized(field.help, locale),
        type: field.type,
        required: field.required,
        choices: field.choices?.map((choice) => ({ key: choice.key, label: localized(choice.labels, locale) ?? choice.key })) ?? null,
        min: field.min,
        max: field.max,
        mode: field.mode,
        value: account.values[field.key] ?? null,
        pending: waiting ? { id: waiting.id, value: waiting.value, requestedAt: new Date(waiting.requestedAt).toISOString(), requestId: waiting.requestId } : null,
      };
    }),
    confirmation: {
      required: settings.confirmation !== 'off' && (!confirmedAt || (validUntil !== null && validUntil <= now)),
      confirmedAt: confirmedAt?.toISOString() ?? null,
      validUntil: validUntil?.toISOString() ?? null,
    },
  };
}
