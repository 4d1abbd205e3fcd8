import type { Tx } from '../../db/database.ts';
import type { Locale } from '../tenants/schemas.ts';
import { DEFAULT_MODES, STANDARD_FIELDS, type CustomFieldType, type FieldMode, type Localized, type StandardField } from './schemas.ts';

/** A field as the server checks it: a standard one or the tenant's custom one, with its mode for clients. */
export interface FieldDefinition {
  key: string;
  standard: boolean;
  type: 'name' | 'taxId' | 'email' | 'phone' | 'address' | CustomFieldType;
  labels: Localized | null;
  help: Localized | null;
  required: boolean;
  choices: { key: string; labels: Localized }[] | null;
  min: number | string | null;
  max: number | string | null;
  mode: FieldMode;
}

export interface ProfileSettings {
  modes: Record<string, FieldMode>;
  confirmation: 'off' | 'once' | 'periodic';
  everyMonths: number | null;
}

const STANDARD_TYPES: Record<StandardField, FieldDefinition['type']> = { name: 'name', taxId: 'taxId', email: 'email', phone: 'phone', mobile: 'phone', address: 'address' };

/** The tenant's profile settings, or the defaults. */
export async function profileSettings(tx: Tx): Promise<ProfileSettings> {
  const [row] = await tx<ProfileSettings[]>`
    select modes, confirmation, every_months as "everyMonths" from profile_settings where tenant_id = portico_current_tenant()`;
  return row ?? { modes: {}, confirmation: 'off', everyMonths: null };
}

/**
 * The fields of the tenant's profiles — of `accountKind`'s profiles when given — standard ones first, then the active
 * custom ones by position.
 */
export async function fieldDefinitions(tx: Tx, settings?: ProfileSettings, accountKind?: 'person' | 'company'): Promise<FieldDefinition[]> {
  const { modes } = settings ?? (await profileSettings(tx));
  const custom = await tx<(Omit<FieldDefinition, 'standard' | 'mode'> & { position: number })[]>`
    select key, type, labels, help, required, choices, min, max, position from profile_fields
     where tenant_id = portico_current_tenant() and active ${accountKind ? tx`and (account_kind is null or account_kind = ${accountKind})` : tx``}
     order by position, key`;
  return [
    ...STANDARD_FIELDS.map((key) => ({
      key,
      standard: true,
      type: STANDARD_TYPES[key],
      labels: null,
      help: null,
      required: key === 'name',
      choices: null,
      min: null,
      max: null,
      mode: modes[key] ?? DEFAULT_MODES[key],
    })),
    ...custom.map(({ position: _position, ...field }) => ({ ...field, standard: false, mode: modes[field.key] ?? ('edit' as const) })),
  ];
}

/** The text of `labels` in `locale`, else in any locale the business wrote. */
export function localized(labels: Localized | null, locale: Locale): string | null {
  if (!labels) return null;
  return labels[locale] ?? labels.en ?? labels['pt-BR'] ?? labels.es ?? null;
}
