import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MailAttachment } from './mailer.ts';

/**
 * The `.ics` invitation that goes with an appointment's mail (RFC 5545 text, built by ical-generator, which
 * escapes values and folds lines at 75 octets). Booking sends a REQUEST (CONFIRMED, SEQUENCE 0) that a calendar
 * adds; cancelling sends a CANCEL (CANCELLED, SEQUENCE 1) with the same UID, which removes it. Times are UTC
 * instants: each calendar shows them in its own zone. No ORGANIZER: the business is not a calendar user a
 * reply could reach, so the invitation asks for no answer.
 */

/** An appointment as its invitation describes it. */
export interface InviteEvent {
  /** The same for every message about one appointment, e.g. `<appointment id>@portico`. */
  uid: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
  summary: string;
  location?: string;
  /** A link back to the appointment in the portal. */
  url?: string;
}

/** What happened to the appointment: it was booked (REQUEST) or cancelled (CANCEL). */
export type InviteKind = 'booked' | 'cancelled';

const KINDS = {
  booked: { method: ICalCalendarMethod.REQUEST, status: ICalEventStatus.CONFIRMED, sequence: 0 },
  cancelled: { method: ICalCalendarMethod.CANCEL, status: ICalEventStatus.CANCELLED, sequence: 1 },
} as const;

/** The iCalendar text for `event`; `stamp` (DTSTAMP) is when the invitation was made. */
export function calendarInvite(kind: InviteKind, event: InviteEvent, stamp: Date = new Date()): string {
  const { method, status, sequence } = KINDS[kind];
  const calendar = ical({ prodId: { company: 'Portico', product: 'Appointments', language: 'EN' }, method });
  calendar.createEvent({
    id: event.uid,
    sequence,
    stamp,
    start: new Date(event.start),
    end: new Date(event.end),
    summary: event.summary,
    status,
    ...(event.location ? { location: event.location } : {}),
    ...(event.url ? { url: event.url } : {}),
  });
  // RFC 5545 ends every content line with CRLF, the last one too; ical-generator leaves the last one bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

/** The invitation as a mail attachment, `appointment.ics`, its content type naming the method as RFC 6047 asks. */
export function inviteAttachment(kind: InviteKind, event: InviteEvent, stamp?: Date): MailAttachment {
  return {
    filename: 'appointment.ics',
    contentType: `text/calendar; charset=utf-8; method=${KINDS[kind].method}`,
    content: calendarInvite(kind, event, stamp),
  };
}
