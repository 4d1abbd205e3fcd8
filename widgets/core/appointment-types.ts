/**
 * Appointments (S1–S5): the JSON of `/api/portal/appointments`, typed by the server's own definitions (`import type`:
 * erased at build, so the widget bundle carries none of the server's code), plus what only the widgets need.
 */
export type {
  Appointment,
  AppointmentCatalog,
  AppointmentProposal,
  CancellationClosedProblem,
  CatalogService,
  Slot,
  SlotDay,
  SlotsAnswer,
  SlotTakenProblem,
  Unavailable,
} from '../../server/features/appointments/schemas.ts';
import type { BookingMode } from '../../server/features/appointments/schemas.ts';

export type { BookingMode };

/** The free slots asked for: one service (one provider, or any), the days `from`…`to` (≤ 42, `YYYY-MM-DD`). */
export interface SlotsQuery {
  service: string;
  /** A provider's id; absent, any provider of the service. */
  provider?: string;
  from: string;
  to: string;
  accountId?: string;
}

/** A booking of one free slot (self mode). */
export interface NewBooking {
  service: string;
  providerId: string;
  /** The slot's start, as the server gave it. */
  start: string;
  /** Who attends, when a company books for an employee: the patient named on the guide. */
  attendee?: string;
  accountId?: string;
}

/** Up to three times the client would like (request mode), ISO 8601 with the tenant's offset. */
export interface NewProposal {
  service: string;
  providerId?: string;
  times: string[];
  note?: string;
  accountId?: string;
}

/** Which of the client's appointments: still to come (soonest first) or past and cancelled (latest first). */
export interface AppointmentListQuery {
  when: 'upcoming' | 'past';
  /** The `next` cursor of the previous page. */
  before?: string;
  limit?: number;
  /** The language of the service names. */
  locale?: string;
}
