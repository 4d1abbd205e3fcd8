import type { Locale } from '../../tenants/schemas.ts';

/**
 * Money, dates and tax ids as the PDFs print them, through `Intl` in the reader's language. Nothing here knows
 * pdfkit: these are plain strings (the document passes them through `toWinAnsi` like any other text).
 */

/**
 * An amount kept in minor units (cents), in `currency`. The currency's own number of decimals comes from `Intl`
 * (2 for BRL and EUR, 0 for JPY, 3 for KWD) and the decimal is written out from the integer, so no float is
 * ever involved, not even for display; `bigint` is for totals that might outgrow a safe integer.
 */
export function formatMoney(minor: number | bigint, currency: string, locale: Locale): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  const value = BigInt(minor);
  const magnitude = (value < 0n ? -value : value).toString().padStart(digits + 1, '0');
  const whole = magnitude.slice(0, magnitude.length - digits);
  const decimal = digits > 0 ? `${whole}.${magnitude.slice(-digits)}` : whole;
  return format.format(`${value < 0n ? '-' : ''}${decimal}` as `${number}`);
}

/** Day, month and year as digits, in the locale's order: table cells stay narrow and every locale reads them. */
const DAY_MONTH_YEAR = { day: '2-digit', month: '2-digit', year: 'numeric' } as const;

/**
 * A calendar date (`2026-03-31`: a due date, a payment day) in `locale`. A date is a day, not an instant: it is
 * printed as it is, never shifted into a time zone (midnight UTC shown in São Paulo would be the day before).
 */
export function formatDate(isoDate: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { ...DAY_MONTH_YEAR, timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An instant (when the document was made) in the tenant's time zone, with the zone named. */
export function formatInstant(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { ...DAY_MONTH_YEAR, hour: '2-digit', minute: '2-digit', timeZone, timeZoneName: 'short' }).format(instant);
}

/** The name of `month` (1–12), capitalised for a table cell: "Março", "Marzo", "March". */
export function monthName(month: number, locale: Locale): string {
  const name = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)));
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}

/** What a stored tax id is, by its shape: CPF, CNPJ (also the alphanumeric CNPJ of 2026), or anything else (NIF, NIE). */
export type TaxIdShape = 'cpf' | 'cnpj' | 'other';

/**
 * A tax id as stored (digits and capitals only) in its usual presentation: CPF `###.###.###-##`, CNPJ
 * `##.###.###/####-##`; Spanish ids and anything unknown are printed as stored.
 */
export function formatTaxId(taxId: string): { shape: TaxIdShape; text: string } {
  const id = taxId.toUpperCase().replace(/[^0-9A-Z]/g, '');
  if (/^\d{11}$/.test(id)) return { shape: 'cpf', text: `${id.slice(0, 3)}.${id.slice(3, 6)}.${id.slice(6, 9)}-${id.slice(9)}` };
  if (/^[0-9A-Z]{12}\d{2}$/.test(id)) return { shape: 'cnpj', text: `${id.slice(0, 2)}.${id.slice(2, 5)}.${id.slice(5, 8)}/${id.slice(8, 12)}-${id.slice(12)}` };
  return { shape: 'other', text: taxId.trim() };
}

/** The day of `instant` in `timeZone`, weekday and month in words: "terça-feira, 31 de março de 2026". */
export function formatDay(instant: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone }).format(instant);
}

/** From `start` to `end` on the wall clock of `timeZone`: "09:00 – 09:30", "8:00 – 9:30 AM". */
export function formatTimeRange(start: Date, end: Date, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).formatRange(start, end);
}

/**
 * `timeZone` named as people say it, with its offset at `instant` (which daylight saving may change):
 * "Horário Padrão de Brasília (GMT-03:00)", "hora de verano de Europa central (GMT+02:00)".
 */
export function formatZone(instant: Date, locale: Locale, timeZone: string): string {
  const part = (timeZoneName: 'long' | 'longOffset') =>
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName }).formatToParts(instant).find((piece) => piece.type === 'timeZoneName')?.value ?? timeZone;
  const [name, offset] = [part('long'), part('longOffset')];
  return name === offset ? name : `${name} (${offset})`;
}

/** A length of time in words: "30 minutos", "1 hora e 30 minutos", "2 hours". */
export function formatDuration(minutes: number, locale: Locale): string {
  const unit = (amount: number, name: 'hour' | 'minute') => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(amount);
  const [hours, rest] = [Math.floor(minutes / 60), Math.round(minutes % 60)];
  const parts = [...(hours > 0 ? [unit(hours, 'hour')] : []), ...(rest > 0 || hours === 0 ? [unit(rest, 'minute')] : [])];
  return new Intl.ListFormat(locale, { type: 'unit', style: 'long' }).format(parts);
}
