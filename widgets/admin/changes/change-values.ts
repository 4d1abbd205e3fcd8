import { formatCalendarDate } from '../../core/format.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import type { FieldDefinition } from './changes-client.ts';
import type { ChangesKey } from './messages.ts';

const STANDARD_LABELS = { name: 'field.name', taxId: 'field.taxId', email: 'field.email', phone: 'field.phone', mobile: 'field.mobile', address: 'field.address' } as const;

type Localized = Partial<Record<Locale, string>> | null;

/** A text the business wrote per locale: in `locale`, else in any it wrote. */
function localized(labels: Localized, locale: Locale): string | undefined {
  return labels?.[locale] ?? labels?.en ?? labels?.['pt-BR'] ?? labels?.es ?? undefined;
}

/** A field's name: the console's for standard fields, the tenant's for its own, else its key. */
export function fieldLabel(t: Translate<ChangesKey>, key: string, field: FieldDefinition | undefined, locale: Locale): string {
  if (key in STANDARD_LABELS) return t(STANDARD_LABELS[key as keyof typeof STANDARD_LABELS]);
  return localized(field?.labels ?? null, locale) ?? key;
}

const ADDRESS_PARTS = ['street', 'number', 'complement', 'district', 'city', 'region', 'postalCode', 'country'] as const;
type AddressLike = Partial<Record<(typeof ADDRESS_PARTS)[number], string>>;

/** An address on one line, as it is written on an envelope: "Rua das Flores, 120, Sala 3, Centro, Campinas – SP, 13015-002, Brasil". */
export function addressText(address: AddressLike, locale: Locale): string {
  const street = [address.street, address.number].filter(Boolean).join(', ');
  const city = [address.city, address.region].filter(Boolean).join(' – ');
  const country = address.country ? countryName(address.country, locale) : undefined;
  return [street, address.complement, address.district, city, address.postalCode, country].filter(Boolean).join(', ');
}

function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(locale, { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

const isAddress = (value: object): value is AddressLike => 'street' in value || 'city' in value || 'postalCode' in value;

/**
 * A field's value as readable text, never markup: empty, yes/no, a choice's name, an amount, a calendar date, an
 * address, or the parts of any other object.
 */
export function valueText(t: Translate<ChangesKey>, value: unknown, field: FieldDefinition | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return t('value.empty');
  if (typeof value === 'boolean') return value ? t('value.yes') : t('value.no');
  if (field?.type === 'choice' && typeof value === 'string') {
    return localized(field.choices?.find((choice) => choice.key === value)?.labels ?? null, locale) ?? value;
  }
  if (field?.type === 'money' && typeof value === 'number') {
    // Minor units; the account's currency is not part of the change, so the amount is shown without a symbol.
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value / 100);
  }
  if (field?.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return formatCalendarDate(value, locale);
  if (typeof value === 'number') return new Intl.NumberFormat(locale).format(value);
  if (Array.isArray(value)) return value.map((item) => valueText(t, item, undefined, locale)).join(', ');
  if (typeof value === 'object') {
    if (isAddress(value)) return addressText(value, locale);
    return Object.entries(value as Record<string, unknown>)
      .filter(([, part]) => part !== null && part !== undefined && part !== '')
      .map(([key, part]) => `${key}: ${valueText(t, part, undefined, locale)}`)
      .join(', ');
  }
  return String(value);
}
