import { todayIn, zonedInstant, zonedIso } from '../../core/format.ts';
import type { Locale } from '../../core/i18n.ts';

/**
 * Calendar dates (`YYYY-MM-DD`) and wall-clock times in the tenant's time zone, whatever the browser's own: the
 * server reads the bookings' `from`/`to` and a holiday's `date` as days of the tenant's calendar.
 */

const DAY_MS = 86_400_000;
const utcDay = (date: string) => new Date(`${date}T00:00:00Z`);

/** The date `days` after `date` (before, when negative). */
export function addDays(date: string, days: number): string {
  return new Date(utcDay(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week `date` is in (weeks start on Monday, as ISO weekdays do). */
export function mondayOf(date: string): string {
  return addDays(date, -((utcDay(date).getUTCDay() + 6) % 7));
}

/** The tenant's calendar date at `instant`. */
export function dateOf(instant: string | Date, timeZone: string): string {
  return todayIn(timeZone, new Date(instant));
}

/** The tenant's wall-clock time (`HH:MM`, 24 h) at `instant`. */
export function timeOf(instant: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(instant));
}

/** The instant the tenant's clock shows `time` on `date`, as ISO 8601 with the zone's offset. */
export function instantAt(date: string, time: string, timeZone: string): string {
  return zonedIso(zonedInstant(date, time, timeZone), timeZone);
}

/** A calendar date in full: "Monday, 20 April 2026". */
export function longDay(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(utcDay(date));
}

/** A span of calendar dates: "20 – 26 Apr 2026" (one date when both are the same). */
export function dayRange(from: string, to: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' });
  return from === to ? format.format(utcDay(from)) : format.formatRange(utcDay(from), utcDay(to));
}

/** The time of day of `instant` in the tenant's zone, as the reader's language writes it. */
export function clock(instant: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone, timeStyle: 'short' }).format(new Date(instant));
}

/** Date and time of `instant` in the tenant's zone: "Tue, 21 Apr 2026, 09:00". */
export function dateTime(instant: string, timeZone: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** A stretch between two instants, written as briefly as the language allows. */
export function instantRange(from: string, to: string, timeZone: string, locale: Locale): string {
  const format = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return format.formatRange(new Date(from), new Date(to));
}

/**
 * Whether `from`…`to` are whole days of the tenant's calendar (midnight to midnight): then their first and last
 * date, otherwise undefined.
 */
export function wholeDays(from: string, to: string, timeZone: string): { first: string; last: string } | undefined {
  const first = dateOf(from, timeZone);
  const after = dateOf(to, timeZone);
  const midnight = (date: string) => zonedInstant(date, '00:00', timeZone).getTime();
  if (midnight(first) !== Date.parse(from) || midnight(after) !== Date.parse(to) || after <= first) return undefined;
  return { first, last: addDays(after, -1) };
}

/** The browser's zone: the fallback when the tenant's is not known. */
export function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export { todayIn };
