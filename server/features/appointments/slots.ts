import { Temporal } from 'temporal-polyfill';
import type { SlotDay } from './schemas.ts';

/**
 * Free slots: a provider's weekly opening hours, in the tenant's wall-clock time, minus closed periods and
 * bookings. Each opening becomes two instants through the tenant's zone on that very date (Temporal does the
 * zone arithmetic, so "Monday 09:00" is 09:00 on both sides of a daylight-saving change), and is cut into
 * back-to-back slots of the service's length in real time (an opening over the night of a change is one hour
 * shorter or longer, and has one slot-hour fewer or more).
 */

/** One weekly opening of one provider; `weekday` is ISO (1 = Monday), times `HH:MM` (`24:00`: midnight after). */
export interface WeeklyOpening {
  providerId: string;
  weekday: number;
  start: string;
  end: string;
  validFrom?: string | null;
  validUntil?: string | null;
}

/** A time a provider (or, with `providerId` null, every provider) cannot be booked: a closed period or a booking. */
export interface BusyPeriod {
  providerId: string | null;
  from: Date;
  to: Date;
}

export interface SlotSearch {
  timeZone: string;
  /** The first and last day (YYYY-MM-DD, in `timeZone`) to look at. */
  from: string;
  to: string;
  durationMinutes: number;
  openings: WeeklyOpening[];
  busy: BusyPeriod[];
  /** No slot starts before this (now plus the minimum notice). */
  notBefore: Date;
  /** No slot starts at or after this (the end of the booking horizon). */
  notAfter: Date;
}

/** The days `from`…`to` of `search`, each with its free slots in start order (then provider). */
export function freeSlots(search: SlotSearch): SlotDay[] {
  const step = search.durationMinutes * 60_000;
  const busyByProvider = groupBusy(search.busy);
  const days: SlotDay[] = [];
  for (let day = Temporal.PlainDate.from(search.from); Temporal.PlainDate.compare(day, search.to) <= 0; day = day.add({ days: 1 })) {
    const date = day.toString();
    const seen = new Set<string>();
    const slots: SlotDay['slots'] = [];
    for (const opening of search.openings) {
      if (opening.weekday !== day.dayOfWeek || (opening.validFrom && date < opening.validFrom) || (opening.validUntil && date > opening.validUntil)) continue;
      const windowEnd = wallClockInstant(day, opening.end, search.timeZone);
      const busy = [...(busyByProvider.get(opening.providerId) ?? []), ...(busyByProvider.get(null) ?? [])];
      for (let start = wallClockInstant(day, opening.start, search.timeZone); start + step <= windowEnd; start += step) {
        const end = start + step;
        const id = `${opening.providerId}@${start}`;
        if (start < search.notBefore.getTime() || start >= search.notAfter.getTime() || seen.has(id)) continue;
        if (busy.some((period) => period.from.getTime() < end && start < period.to.getTime())) continue;
        seen.add(id);
        slots.push({ start: new Date(start).toISOString(), end: new Date(end).toISOString(), providerId: opening.providerId });
      }
    }
    slots.sort((a, b) => a.start.localeCompare(b.start) || a.providerId.localeCompare(b.providerId));
    days.push({ date, slots });
  }
  return days;
}

/**
 * The instant (epoch ms) the wall clock in `timeZone` shows `time` on `day`. A time skipped by a change (02:30
 * when clocks jump from 02:00 to 03:00) is the instant after the gap; a time that happens twice is the first.
 */
export function wallClockInstant(day: Temporal.PlainDate, time: string, timeZone: string): number {
  const midnightAfter = time === '24:00';
  const at = midnightAfter ? day.add({ days: 1 }).toPlainDateTime() : day.toPlainDateTime(Temporal.PlainTime.from(time));
  return at.toZonedDateTime(timeZone, { disambiguation: 'compatible' }).epochMilliseconds;
}

/** The calendar date (YYYY-MM-DD) of `instant` in `timeZone`. */
export function dateIn(instant: Date, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(instant.getTime()).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

/** The date `days` after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** How many days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Temporal.PlainDate.from(from).until(to, { largestUnit: 'days' }).days;
}

/** The instants a whole local day spans in `timeZone` (23 or 25 hours on a change day). */
export function dayBounds(date: string, timeZone: string): { from: Date; to: Date } {
  const day = Temporal.PlainDate.from(date);
  return {
    from: new Date(day.toZonedDateTime(timeZone).epochMilliseconds),
    to: new Date(day.add({ days: 1 }).toZonedDateTime(timeZone).epochMilliseconds),
  };
}

function groupBusy(periods: BusyPeriod[]): Map<string | null, BusyPeriod[]> {
  const groups = new Map<string | null, BusyPeriod[]>();
  for (const period of periods) groups.set(period.providerId, [...(groups.get(period.providerId) ?? []), period]);
  return groups;
}
