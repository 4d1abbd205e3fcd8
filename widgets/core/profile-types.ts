/**
 * Profile (P1–P5): the JSON of `/api/portal/profile`, typed by the server's own definitions (`import type`: erased at
 * build, so the widget bundle carries none of the server's code), plus what only the widgets need.
 */
export type { Address, ChangeResult, FieldMode, PrivacyRequestAnswer, Profile, ProfileField, StandardField } from '../../server/features/profile/schemas.ts';

/** How a tax id is checked: CPF, CNPJ (Brazil), NIF/DNI, NIE (Spain). */
export type TaxIdKind = 'cpf' | 'cnpj' | 'nif' | 'nie';

/** Which account's profile, and the language of its custom fields' labels. */
export interface ProfileQuery {
  /** The account (one the user reaches); absent, the session's. */
  accountId?: string;
  locale?: string;
}

/** A client's change: only the fields changed, each its new value (`null` clears an optional field). */
export interface ProfileChange {
  values: Record<string, unknown>;
}

/** A data-protection request (LGPD art. 18 / GDPR arts. 16–17). */
export interface NewPrivacyRequest {
  kind: 'correction' | 'deletion';
  details: string;
}
