import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { calendarInvite, inviteAttachment, type InviteEvent } from '../../server/mail/calendar-invite.ts';

/** Content lines as RFC 5545 reads them: CRLF-separated, a line starting with a space continues the previous one. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
}

/** The properties of the text (the first of each name), values unescaped; the names of BEGIN/END blocks in order. */
function parse(ics: string): { props: Map<string, string>; blocks: string[] } {
  const props = new Map<string, string>();
  const blocks: string[] = [];
  for (const line of unfold(ics)) {
    const colon = line.indexOf(':');
    const [name, value] = [line.slice(0, colon).split(';')[0]!, line.slice(colon + 1)];
    if (name === 'BEGIN' || name === 'END') blocks.push(`${name}:${value}`);
    else if (!props.has(name)) props.set(name, value.replace(/\\([\\;,])/g, '$1').replace(/\\n/gi, '\n'));
  }
  return { props, blocks };
}

/** A DATE-TIME in UTC (`20260331T120000Z`) as the instant it names. */
function utc(value: string): number {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  assert.ok(match, `${value} is not a UTC date-time`);
  const [, y, mo, d, h, mi, s] = match.map(Number);
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
}

const event: InviteEvent = {
  uid: '3f2a9c1b-5d6e-4f70-8a9b-0c1d2e3f4a5b@portico',
  // Given with the tenant's offset; the file has the same instant in UTC.
  start: '2026-03-31T09:00:00-03:00',
  end: '2026-03-31T10:30:00-03:00',
  summary: 'Audiometria ocupacional com avaliação completa — Dra. Helena Prado Conceição de Assunção',
  location: 'Clínica Sol; sala 3, 2º andar\nRua das Flores',
  url: 'https://portal.example.com/agenda#portico-appointment=3f2a9c1b',
};
const stamp = new Date('2026-03-20T13:05:00Z');

describe('calendar invitation (.ics)', () => {
  test('booking: a REQUEST with the event confirmed, at sequence 0, in UTC', () => {
    const ics = calendarInvite('booked', event, stamp);
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
    assert.ok(ics.endsWith('\r\nEND:VCALENDAR\r\n'), 'the last line ends in CRLF too');
    const { props, blocks } = parse(ics);
    assert.deepEqual(blocks, ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'END:VEVENT', 'END:VCALENDAR']);
    assert.equal(props.get('VERSION'), '2.0');
    assert.match(props.get('PRODID') ?? '', /Portico/);
    assert.equal(props.get('METHOD'), 'REQUEST');
    assert.equal(props.get('UID'), event.uid);
    assert.equal(props.get('SEQUENCE'), '0');
    assert.equal(props.get('STATUS'), 'CONFIRMED');
    assert.equal(props.get('DTSTART'), '20260331T120000Z');
    assert.equal(utc(props.get('DTSTART')!), Date.parse(event.start));
    assert.equal(utc(props.get('DTEND')!), Date.parse(event.end));
    assert.equal(utc(props.get('DTSTAMP')!), stamp.getTime());
    assert.equal(props.get('SUMMARY'), event.summary);
    assert.equal(props.get('LOCATION'), event.location, 'special characters escaped and read back');
    assert.equal(props.get('URL'), event.url);
    assert.equal(props.has('ORGANIZER'), false);
  });

  test('cancelling: a CANCEL of the same UID, cancelled, at a higher sequence', () => {
    const { props } = parse(calendarInvite('cancelled', event, stamp));
    assert.equal(props.get('METHOD'), 'CANCEL');
    assert.equal(props.get('UID'), event.uid);
    assert.equal(props.get('STATUS'), 'CANCELLED');
    assert.equal(props.get('SEQUENCE'), '1');
    assert.equal(props.get('DTSTART'), '20260331T120000Z');
  });

  test('lines end in CRLF and are folded at 75 octets, multi-byte characters whole', () => {
    const long = { ...event, summary: `${'Ressonância magnética — '.repeat(8)}Dra. Conceição` };
    const ics = calendarInvite('booked', long, stamp);
    assert.doesNotMatch(ics.replace(/\r\n/g, ''), /[\r\n]/, 'no bare CR or LF');
    const lines = ics.split('\r\n');
    assert.ok(lines.some((line) => line.startsWith(' ')), 'the long summary is folded');
    for (const line of lines) {
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line)} octets: ${line}`);
      assert.doesNotMatch(line, /\uFFFD/);
    }
    assert.equal(parse(ics).props.get('SUMMARY'), long.summary, 'unfolded, it is the whole summary');
  });

  test('as a mail attachment: appointment.ics with the method in its content type', () => {
    const booked = inviteAttachment('booked', event, stamp);
    assert.deepEqual({ ...booked, content: undefined }, { filename: 'appointment.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: undefined });
    assert.equal(booked.content, calendarInvite('booked', event, stamp));
    assert.equal(inviteAttachment('cancelled', event).contentType, 'text/calendar; charset=utf-8; method=CANCEL');
    const { props } = parse(inviteAttachment('booked', { uid: 'a@portico', start: '2026-01-01T10:00:00Z', end: '2026-01-01T10:30:00Z', summary: 'x' }).content);
    assert.ok(!props.has('LOCATION') && !props.has('URL'), 'nothing empty written');
  });
});
