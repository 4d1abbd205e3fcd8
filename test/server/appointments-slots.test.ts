import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { dayBounds, freeSlots, wallClockInstant, type SlotSearch } from '../../server/features/appointments/slots.ts';

const search = (overrides: Partial<SlotSearch>): SlotSearch => ({
  timeZone: 'America/New_York',
  from: '2026-11-01',
  to: '2026-11-01',
  durationMinutes: 60,
  openings: [],
  busy: [],
  notBefore: new Date(0),
  notAfter: new Date('2030-01-01T00:00:00Z'),
  ...overrides,
});
const starts = (days: ReturnType<typeof freeSlots>) => days.flatMap((day) => day.slots.map((slot) => slot.start));

describe('free slots in a zone with daylight-saving time', () => {
  test('the autumn change: 00:00–04:00 on 1 November 2026 in New York is five real hours (01:00 happens twice)', () => {
    const days = freeSlots(search({ openings: [{ providerId: 'p', weekday: 7, start: '00:00', end: '04:00' }] }));
    assert.deepEqual(starts(days), ['04:00', '05:00', '06:00', '07:00', '08:00'].map((t) => `2026-11-01T${t}:00.000Z`));
  });

  test('the spring change: 00:00–04:00 on 8 March 2026 is three real hours (02:00 never happens)', () => {
    const days = freeSlots(search({ from: '2026-03-08', to: '2026-03-08', openings: [{ providerId: 'p', weekday: 7, start: '00:00', end: '04:00' }] }));
    assert.deepEqual(starts(days), ['05:00', '06:00', '07:00'].map((t) => `2026-03-08T${t}:00.000Z`));
  });

  test('a weekly 09:00 stays 09:00 on the wall clock across the change, so its UTC hour moves', () => {
    const days = freeSlots(search({ from: '2026-10-30', to: '2026-11-02', openings: [1, 5].map((weekday) => ({ providerId: 'p', weekday, start: '09:00', end: '10:00' })) }));
    assert.deepEqual(starts(days), ['2026-10-30T13:00:00.000Z', '2026-11-02T14:00:00.000Z']);
  });

  test('a skipped time is the instant after the gap; 24:00 is the next midnight', () => {
    const day = Temporal.PlainDate.from('2026-03-08');
    assert.equal(new Date(wallClockInstant(day, '02:30', 'America/New_York')).toISOString(), '2026-03-08T07:30:00.000Z');
    assert.equal(new Date(wallClockInstant(day, '24:00', 'America/New_York')).toISOString(), '2026-03-09T04:00:00.000Z');
    assert.deepEqual(dayBounds('2026-03-08', 'America/New_York'), { from: new Date('2026-03-08T05:00:00Z'), to: new Date('2026-03-09T04:00:00Z') });
  });
});

describe('what is taken away', () => {
  const opening = { providerId: 'p', weekday: 2, start: '09:00', end: '12:00' };
  const base = { timeZone: 'UTC', from: '2026-12-01', to: '2026-12-01', durationMinutes: 30, openings: [opening] };

  test('a booking or closed period removes every slot it overlaps, a whole-business one every provider’s', () => {
    const days = freeSlots(
      search({
        ...base,
        openings: [opening, { ...opening, providerId: 'q' }],
        busy: [
          { providerId: 'p', from: new Date('2026-12-01T09:15:00Z'), to: new Date('2026-12-01T10:00:00Z') },
          { providerId: null, from: new Date('2026-12-01T11:00:00Z'), to: new Date('2026-12-01T12:00:00Z') },
        ],
      }),
    );
    const byProvider = (id: string) => days[0]!.slots.filter((slot) => slot.providerId === id).map((slot) => slot.start.slice(11, 16));
    assert.deepEqual(byProvider('p'), ['10:00', '10:30']);
    assert.deepEqual(byProvider('q'), ['09:00', '09:30', '10:00', '10:30']);
  });

  test('the notice and the horizon cut the day; validity dates switch an opening on and off; overlapping openings give each slot once', () => {
    const cut = freeSlots(search({ ...base, notBefore: new Date('2026-12-01T10:00:00Z'), notAfter: new Date('2026-12-01T11:00:00Z') }));
    assert.deepEqual(starts(cut), ['2026-12-01T10:00:00.000Z', '2026-12-01T10:30:00.000Z']);
    assert.deepEqual(starts(freeSlots(search({ ...base, openings: [{ ...opening, validFrom: '2026-12-02' }] }))), []);
    assert.deepEqual(starts(freeSlots(search({ ...base, openings: [{ ...opening, validUntil: '2026-11-30' }] }))), []);
    assert.equal(starts(freeSlots(search({ ...base, openings: [opening, opening] }))).length, 6);
  });

  test('every day of the range is answered, with or without slots', () => {
    const days = freeSlots(search({ ...base, from: '2026-11-29', to: '2026-12-02' }));
    assert.deepEqual(days.map((day) => [day.date, day.slots.length]), [['2026-11-29', 0], ['2026-11-30', 0], ['2026-12-01', 6], ['2026-12-02', 0]]);
  });
});
