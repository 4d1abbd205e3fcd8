import { z } from 'zod';
import { plainText } from '../../http/fields.ts';
import type { Locale } from '../tenants/schemas.ts';

/**
 * Profile (P1–P5): an account's registration data — the standard fields every account has and the custom fields a
 * tenant defines — with, per field, what clients may do with it.
 */

/** The fields every account has. `address` is one field of several parts. */
export const STANDARD_FIELDS = ['name', 'taxId', 'email', 'phone', 'mobile', 'address'] as const;
export type StandardField = (typeof STANDARD_FIELDS)[number];

/** What a client may do with a field (P2): change it at once, propose a change staff approve (P3), or only see it. */
export const FIELD_MODES = ['edit', 'approve', 'view'] as const;
export type FieldMode = (typeof FIELD_MODES)[number];

/** The modes a tenant starts with: identity needs approval, the tax id is read-only, contact data is editable. */
export const DEFAULT_MODES: Record<StandardField, FieldMode> = { name: 'approve', taxId: 'view', email: 'edit', phone: 'edit', mobile: 'edit', address: 'edit' };

export const CUSTOM_TYPES = ['text', 'number', 'money', 'date', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_TYPES)[number];

export const fieldKey = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'must start with a lower-case letter: 1 to 40 letters and digits');
const localized = (max: number) =>
  z
    .object({ 'pt-BR': plainText(max).optional(), es: plainText(max).optional(), en: plainText(max).optional() })
    .strict()
    .refine((value) => Object.values(value).some(Boolean), 'must have a text in at least one of pt-BR, es, en');
export type Localized = Partial<Record<Locale, string>>;

/** A postal address; `country` is ISO 3166-1 alpha-2. */
export const addressInput = z
  .object({
    street: plainText(200),
    number: plainText(20).optional(),
    complement: plainText(100).optional(),
    district: plainText(100).optional(),
    city: plainText(100),
    region: plainText(100).optional(),
    postalCode: z.string().trim().regex(/^[0-9A-Za-z -]{3,12}$/, 'must be a postal code such as 13015-002'),
    country: z.string().regex(/^[A-Z]{2}$/, 'must be a country code such as BR or ES'),
  })
  .strict();
export type Address = z.infer<typeof addressInput>;

/** A phone number in E.164: `+5519932345610`. */
export const phone = z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'must be an international number such as +5519932345610');
export const email = z.string().trim().toLowerCase().max(254).email('must be an e-mail address');

/** A custom field the tenant defines (P4), e.g. "Capital social" (money). */
export const customFieldInput = z
  .object({
    labels: localized(80),
    type: z.enum(CUSTOM_TYPES),
    required: z.boolean().default(false),
    /** Choices (`choice` only): each a key and its labels. */
    choices: z.array(z.object({ key: fieldKey, labels: localized(80) }).strict()).min(2).max(50).optional(),
    /** Bounds: characters for `text`, the value for `number` and `money` (minor units), dates for `date`. */
    min: z.union([z.number(), z.iso.date()]).optional(),
    max: z.union([z.number(), z.iso.date()]).optional(),
    /** Help shown under the input. */
    help: localized(200).optional(),
    position: z.number().int().min(0).max(1000).default(0),
    /** Only companies' (e.g. "Capital social") or only people's profiles have it; null: every account. */
    accountKind: z.enum(['person', 'company']).nullable().default(null),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((field) => (field.type === 'choice') === Boolean(field.choices), { message: 'choices are required for, and only for, a choice field', path: ['choices'] });
export type CustomFieldInput = z.infer<typeof customFieldInput>;

/** The tenant's profile settings: field modes and "confirmation required" (P3). */
export const settingsInput = z
  .object({
    /** Per field key (standard or custom): edit, approve or view. Absent keys keep their defaults. */
    modes: z.record(fieldKey, z.enum(FIELD_MODES)),
    /** `off`; `once`: each account confirms once; `periodic`: again every `everyMonths`. */
    confirmation: z.enum(['off', 'once', 'periodic']),
    everyMonths: z.number().int().min(1).max(60).nullable(),
  })
  .strict()
  .refine((settings) => (settings.confirmation === 'periodic') === (settings.everyMonths !== null), { message: 'is required for periodic confirmation, and only then', path: ['everyMonths'] });

/**
 * A client's change: field key → new value (`null` clears an optional field). Standard fields take their own
 * shapes (`address` an object); custom fields a string, number or date string by their type.
 */
export const changeInput = z.object({ values: z.record(fieldKey, z.unknown()) }).strict();

/**
 * Client API `/api/portal/profile` (a full session or a profile-only link):
 * - `GET ?accountId&locale` → {@link Profile}
 * - `PATCH ?accountId` {@link changeInput} → {@link ChangeResult}; all or nothing: 400 `invalid_input` with `errors`
 *   per field (`values.<key>`), 403 `field_not_editable` naming the read-only fields in `errors`.
 * - `POST /confirm?accountId` → {@link Profile}; 422 `profile_incomplete` when a required field is empty (`errors`).
 * - `GET /export?accountId` → everything the portal holds about the account, as a JSON download (LGPD/GDPR).
 * - `POST /privacy-requests?accountId` {@link privacyRequestInput} → 201 {@link PrivacyRequestAnswer}.
 */

export const approveInput = z.object({ message: plainText(2000).optional() }).strict();
export const refuseInput = z.object({ reason: plainText(2000) }).strict();

/** A data-protection request (LGPD art. 18 / GDPR arts. 16–17): correction or deletion of the account's data. */
export const privacyRequestInput = z.object({ kind: z.enum(['correction', 'deletion']), details: plainText(5000) }).strict();

/** One field as the profile form shows it. */
export interface ProfileField {
  key: string;
  /** Standard fields' labels come from the widget's messages; custom fields carry the tenant's. */
  standard: boolean;
  label: string | null;
  help: string | null;
  type: 'name' | 'taxId' | 'email' | 'phone' | 'address' | CustomFieldType;
  required: boolean;
  choices: { key: string; label: string }[] | null;
  min: number | string | null;
  max: number | string | null;
  mode: FieldMode;
  value: unknown;
  /** A change waiting for staff approval, if any. */
  pending: { id: string; value: unknown; requestedAt: string; requestId: string } | null;
}

export interface Profile {
  accountId: string;
  accountKind: 'person' | 'company';
  /** The tax id kinds this account's tax id is checked as (CPF for a Brazilian person, NIF/NIE in Spain …). */
  taxIdKinds: ('cpf' | 'cnpj' | 'nif' | 'nie')[];
  /** The account's currency, for money fields. */
  currency: string;
  fields: ProfileField[];
  confirmation: {
    required: boolean;
    /** When the data was last confirmed, and by whom. */
    confirmedAt: string | null;
    /** Until when the last confirmation holds (periodic), or null. */
    validUntil: string | null;
  };
}

/** The answer to a change: what was saved at once, and what waits for approval. */
export interface ChangeResult {
  saved: string[];
  pending: string[];
  profile: Profile;
}

/** A data-protection request opened: the request to follow and the legal deadline (LGPD 15 days, GDPR one month). */
export interface PrivacyRequestAnswer {
  requestId: string;
  deadline: string;
}

/** A change as the management API's feed lists it (A13). */
export interface ProfileChange {
  /** The feed's cursor position. */
  seq: string;
  accountId: string;
  field: string;
  before: unknown;
  after: unknown;
  actor: { type: 'client' | 'staff' | 'integration' | 'operator'; id: string | null };
  via: 'direct' | 'approval';
  at: string;
}
