import type { Locale } from '../core/i18n.ts';

/**
 * Calendar arithmetic on days written `YYYY-MM-DD` and months `YYYY-MM` (read as UTC, so no zone ever shifts them),
 * and how days, months and instants read in the reader's language and the business's time zone.
 */

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function addMonths(month: string, months: number): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 7);
}

/** The month's first and last day. */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: addDays(`${addMonths(month, 1)}-01`, -1) };
}

/** The ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
}

/** The day weeks start on where the language is mostly read: Sunday in Brazil and the US, Monday in Spain. */
export function firstDayOfWeek(locale: Locale): number {
  return locale === 'es' ? 1 : 7;
}

/** The first day of the week that holds `date`. */
export function weekStart(date: string, firstDay: number): string {
  return addDays(date, -((isoWeekday(date) - firstDay + 7) % 7));
}

/** The month as weeks of seven days; days of the neighbouring months are null. */
export function monthWeeks(month: string, firstDay: number): (string | null)[][] {
  const { from, to } = monthRange(month);
  const weeks: (string | null)[][] = [];
  for (let start = weekStart(from, firstDay); start <= to; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)).map((date) => (monthOf(date) === month ? date : null)));
  }
  return weeks;
}

/** The same day of the month `months` away, or that month's last day when it is shorter (31 Jan → 28 Feb). */
export function sameDayInMonth(date: string, months: number): string {
  const month = addMonths(monthOf(date), months);
  const last = monthRange(month).to;
  const day = `${month}-${date.slice(8)}`;
  return day > last ? last : day;
}

/** The seven weekday names, from the week's first day: short ("Tue") to show, long ("Tuesday") to read out. */
export function weekdayNames(locale: Locale, firstDay: number): { short: string; long: string }[] {
  // 2024-01-01 was a Monday (ISO weekday 1).
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(Date.UTC(2024, 0, 1 + ((firstDay - 1 + i) % 7)));
    const name = (weekday: 'short' | 'long') => new Intl.DateTimeFormat(locale, { weekday, timeZone: 'UTC' }).format(date);
    // "dom." → "dom": the abbreviation's dot would not fit a phone's narrow column.
    return { short: name('short').replace(/\.$/, ''), long: name('long') };
  });
}

/** A day as written: `short` "Tue, Dec 1", `long` "Tuesday, December 1, 2026". */
export function formatDay(date: string, locale: Locale, style: 'short' | 'long' = 'short'): string {
  const options: Intl.DateTimeFormatOptions =
    style === 'short' ? { weekday: 'short', day: 'numeric', month: 'short' } : { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}

/** "December 2026". */
export function formatMonth(month: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

/** The hours as the language writes a short time: "9:20 AM" in English, "09:20" in Brazil. */
function clock(locale: Locale): Intl.DateTimeFormatOptions {
  // `timeStyle` cannot go with a weekday, and its resolved options do not say the hour's form: read it off 08:00.
  const hour = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' }).formatToParts(Date.UTC(2024, 0, 1, 8)).find((p) => p.type === 'hour')?.value;
  return { hour: hour?.length === 2 ? '2-digit' : 'numeric', minute: '2-digit' };
}

/** The time of day an instant shows in `timeZone`: "9:20 AM", "09:20". */
export function formatTime(instant: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { ...clock(locale), timeZone }).format(new Date(instant));
}

/** An instant with its day in `timeZone`: "Tue, Dec 1, 2026, 9:20 AM". */
export function formatInstant(instant: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...clock(locale), timeZone }).format(new Date(instant));
}

/** From start to end on one day in `timeZone`: "Thu, Dec 3, 2026, 8:20 – 8:40 AM". */
export function formatSpan(start: string, end: string, timeZone: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...clock(locale), timeZone });
  return format.formatRange(new Date(start), new Date(end));
}

/** The zone as people name it ("Brasilia Standard Time") and its city ("Sao Paulo"), from the IANA name. */
export function zoneName(timeZone: string, locale: Locale): { zone: string; city: string } {
  const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longGeneric' }).formatToParts(new Date());
  const city = timeZone.split('/').pop()!.replaceAll('_', ' ');
  return { zone: parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone, city };
}
