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

const WALL_CLOCK_PARTS = { hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' } as const;
const DAY_MS = 86_400_000;

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in minutes (São Paulo: -180). Intl only, no library. */
export function zoneOffsetMinutes(timeZone: string, instant: Date | number): number {
  const at = Math.floor(Number(instant) / 1000) * 1000;
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, ...WALL_CLOCK_PARTS }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)!.value);
  return Math.round((Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second')) - at) / 60_000);
}

/**
 * The instant `timeZone`'s wall clock shows `time` (`HH:MM`) on `date` (`YYYY-MM-DD`) — whatever the browser's own
 * zone. As Temporal's `compatible`: a time skipped by a daylight-saving change is read with the offset before it (so
 * 02:30 becomes 03:30), a time that happens twice is the first.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  // The zone's offsets on either side of the day; a change in between is at most one.
  const before = zoneOffsetMinutes(timeZone, wall - DAY_MS);
  const after = zoneOffsetMinutes(timeZone, wall + DAY_MS);
  const fits = [before, after].map((offset) => wall - offset * 60_000).filter((instant) => zoneOffsetMinutes(timeZone, instant) * 60_000 === wall - instant);
  return new Date(fits.length ? Math.min(...fits) : wall - before * 60_000);
}

/** `instant` as ISO 8601 in `timeZone`'s wall clock with its offset: `2026-12-01T09:20:00-03:00`. */
export function zonedIso(instant: Date, timeZone: string): string {
  const offset = zoneOffsetMinutes(timeZone, instant);
  const wall = new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${wall}${sign}${hours}:${minutes}`;
}

const SIZE_UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size as people read it: "182 kB", "2.4 MB" (decimal units, as the unit names say), in `locale`. */
export function formatFileSize(bytes: number, locale: Locale): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit > 0 && value < 10 ? 1 : 0;
  return new Intl.NumberFormat(locale, { style: 'unit', unit: SIZE_UNITS[unit], unitDisplay: 'short', maximumFractionDigits: digits }).format(value);
}

/** "PDF", "Image (JPEG)", or the file's extension; `t` knows the widget's `type.pdf` and `type.image` strings. */
export function fileKind(t: (key: 'type.pdf' | 'type.image', values?: Record<string, string>) => string, file: { name: string; type: string }): string {
  if (file.type === 'application/pdf') return t('type.pdf');
  if (file.type.startsWith('image/')) return t('type.image', { format: file.type.slice(6).split('+')[0]!.toUpperCase() });
  return (file.name.includes('.') ? file.name.split('.').pop()! : file.type).toUpperCase();
}
