import type { Locale } from './i18n.ts';

/**
 * Money and dates through `Intl`, in the reader's language and the tenant's currency and time zone.
 * Amounts travel as integers in minor units (cents), never floats.
 */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** A calendar date (or date and time) as the tenant's clients read it, in the tenant's time zone. */
export function formatDate(value: Date | string, timeZone: string, locale: Locale, withTime = false): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'medium',
    ...(withTime ? { timeStyle: 'short' } : {}),
  }).format(date);
}
