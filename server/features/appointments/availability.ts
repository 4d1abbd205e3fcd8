import type { Tx } from '../../db/database.ts';
import { busyPeriods, openingsOf } from './catalog.ts';
import type { AppointmentSettings, Slot, SlotsAnswer } from './schemas.ts';
import { addDays, dateIn, dayBounds, freeSlots } from './slots.ts';

export interface SlotQuestion {
  timeZone: string;
  settings: AppointmentSettings;
  service: { key: string; durationMinutes: number };
  providerIds: string[];
  from: string;
  to: string;
  now: Date;
}

/** The booking window: from now plus the minimum notice to the end of the horizon's last day. */
export function bookingWindow(settings: AppointmentSettings, timeZone: string, now: Date) {
  const lastDay = addDays(dateIn(now, timeZone), settings.horizonDays);
  return { notBefore: new Date(now.getTime() + settings.minNoticeMinutes * 60_000), notAfter: dayBounds(lastDay, timeZone).to, lastDay };
}

/** The free slots of `question`'s providers on each day `from`…`to`, and, when there is none, why (S5). */
export async function searchSlots(tx: Tx, question: SlotQuestion): Promise<SlotsAnswer> {
  const { timeZone, settings, from, to } = question;
  const answer = (days: SlotsAnswer['days'], nextFree: string | null, unavailable: SlotsAnswer['unavailable']): SlotsAnswer => ({
    timeZone,
    service: question.service.key,
    from,
    to,
    days,
    nextFree,
    unavailable,
  });
  const empty = () => daysOf(from, to).map((date) => ({ date, slots: [] }));
  if (settings.bookingMode === 'off') return answer(empty(), null, { reason: 'booking-off' });
  if (settings.bookingMode === 'request') return answer(empty(), null, { reason: 'request-only' });
  const window = bookingWindow(settings, timeZone, question.now);
  const today = dateIn(question.now, timeZone);
  // Openings that ended before today or start after the horizon are as good as none.
  const openings = (question.providerIds.length ? await openingsOf(tx, question.providerIds) : []).filter(
    (opening) => (!opening.validUntil || opening.validUntil >= today) && (!opening.validFrom || opening.validFrom <= window.lastDay),
  );
  if (openings.length === 0) return answer(empty(), null, { reason: 'no-hours' });

  const slotsBetween = async (first: string, last: string) => {
    const bounds = { from: dayBounds(first, timeZone).from, to: dayBounds(last, timeZone).to };
    const busy = await busyPeriods(tx, question.providerIds, bounds.from, bounds.to);
    return freeSlots({ timeZone, from: first, to: last, durationMinutes: question.service.durationMinutes, openings, busy, ...window });
  };
  const days = await slotsBetween(from, to);
  if (days.some((day) => day.slots.length)) return answer(days, null, null);
  // Nothing in the range: look ahead to the horizon's end for the first day that has a slot.
  const after = addDays(to, 1) > dateIn(window.notBefore, timeZone) ? addDays(to, 1) : dateIn(window.notBefore, timeZone);
  const later = after <= window.lastDay ? await slotsBetween(after, window.lastDay) : [];
  const nextFree = later.find((day) => day.slots.length)?.date ?? null;
  return answer(days, nextFree, { reason: 'fully-booked', until: nextFree ? addDays(nextFree, -1) : window.lastDay });
}

/** The free slots of one day for one provider: what a booking is checked against, and what a loser is offered. */
export async function slotsOfDay(tx: Tx, question: Omit<SlotQuestion, 'from' | 'to'> & { date: string }): Promise<Slot[]> {
  const found = await searchSlots(tx, { ...question, from: question.date, to: question.date });
  return found.days[0]?.slots ?? [];
}

function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}
