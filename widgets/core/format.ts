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

/**
 * A calendar date (`YYYY-MM-DD`: a due date, an issue date) as written, with no time-zone shift: it is read and
 * formatted in UTC, so 2026-03-31 is 31 March wherever the reader or the tenant is.
 */
export function formatCalendarDate(value: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
}

/** Today's calendar date (`YYYY-MM-DD`) in `timeZone`. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
