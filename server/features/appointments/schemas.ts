import { z } from 'zod';
import { plainText } from '../../http/fields.ts';
import type { Locale } from '../tenants/schemas.ts';

/**
 * Appointments (S1–S5): the business's providers, their weekly hours and exceptions, the services booked with
 * them, and the client's bookings. Times of day are the tenant's wall-clock time (its IANA zone); instants are
 * ISO 8601 with an offset.
 */

/** How clients book (S1, per tenant and per account — G3): pick a free slot, propose times, or not at all. */
export const BOOKING_MODES = ['self', 'request', 'off'] as const;
export type BookingMode = (typeof BOOKING_MODES)[number];
export const SERVICE_KINDS = ['consultation', 'exam'] as const;
export const PROVIDER_KINDS = ['person', 'clinic', 'room'] as const;

export const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,49}$/, 'must be 1 to 50 lower-case letters, digits and hyphens');
const isoDate = z.iso.date('must be a date such as 2026-03-31');
const instant = z.iso.datetime({ offset: true, message: 'must be a date and time with its offset, such as 2026-03-31T09:00:00-03:00' });
const timeOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/, 'must be a time such as 08:30');

/** A text in the portal's locales: at least one, each bounded. */
const localized = (max: number) =>
  z
    .object({ 'pt-BR': plainText(max).optional(), es: plainText(max).optional(), en: plainText(max).optional() })
    .strict()
    .refine((value) => Object.values(value).some(Boolean), 'must have a text in at least one of pt-BR, es, en');
export type Localized = Partial<Record<Locale, string>>;

/** The tenant's appointment settings (seed 004's "Agendamento" options). */
export const settingsInput = z
  .object({
    bookingMode: z.enum(BOOKING_MODES),
    /** S2: clients see their appointments. */
    showAppointments: z.boolean(),
    /** S3: clients may cancel, up to `hoursBefore` hours before the start. */
    cancellation: z.object({ allowed: z.boolean(), hoursBefore: z.number().int().min(0).max(720) }).strict(),
    /** S4: exam appointments come with an authorization guide (PDF). */
    guide: z.boolean(),
    /** How far ahead clients may book, in days. */
    horizonDays: z.number().int().min(1).max(365),
    /** How soon a booking may start, in minutes from now. */
    minNoticeMinutes: z.number().int().min(0).max(60 * 24 * 14),
    /** How to reach the business (phone, e-mail), shown when a client cannot book or cancel online. */
    contact: plainText(200).nullable(),
  })
  .strict();
export type AppointmentSettings = z.infer<typeof settingsInput>;

/** G3: an account's exceptions to the tenant's settings; what is absent comes from the tenant. */
export const accountSettingsInput = settingsInput.partial().strict();
export type AccountSettingsOverride = z.infer<typeof accountSettingsInput>;

/** The settings a tenant starts with, before it says otherwise. */
export const DEFAULT_SETTINGS: AppointmentSettings = {
  bookingMode: 'self',
  showAppointments: true,
  cancellation: { allowed: true, hoursBefore: 24 },
  guide: true,
  horizonDays: 60,
  minNoticeMinutes: 60,
  contact: null,
};

/** A service or exam type, by the business's key. */
export const serviceInput = z
  .object({
    names: localized(80),
    kind: z.enum(SERVICE_KINDS),
    durationMinutes: z.number().int().min(5).max(480).multipleOf(5),
    /** Preparation printed on the authorization guide ("8 hours' fasting"). */
    instructions: localized(1000).optional(),
    active: z.boolean().default(true),
  })
  .strict();

/** A provider (a doctor, a clinic, a room), by the business's key, and the services booked with it. */
export const providerInput = z
  .object({
    name: plainText(120),
    kind: z.enum(PROVIDER_KINDS),
    services: z.array(key).min(1).max(50),
    active: z.boolean().default(true),
  })
  .strict();

/** One weekly opening: `weekday` is ISO (1 = Monday … 7 = Sunday); times are the tenant's wall clock. */
export const ruleInput = z
  .object({ weekday: z.number().int().min(1).max(7), start: timeOfDay, end: timeOfDay, validFrom: isoDate.optional(), validUntil: isoDate.optional() })
  .strict()
  .refine((rule) => rule.start < rule.end, { message: 'must end after it starts', path: ['end'] })
  .refine((rule) => !rule.validFrom || !rule.validUntil || rule.validFrom <= rule.validUntil, { message: 'must not be before validFrom', path: ['validUntil'] });
export type AvailabilityRule = z.infer<typeof ruleInput>;
/** A provider's weekly hours, replaced whole. */
export const rulesInput = z.object({ rules: z.array(ruleInput).max(100) }).strict();

/** A closed period: a holiday (a whole day, for every provider when `providerKey` is null) or a blocked stretch. */
export const exceptionInput = z.union([
  z.object({ providerKey: key.nullable(), date: isoDate, reason: plainText(200).optional() }).strict(),
  z
    .object({ providerKey: key.nullable(), from: instant, to: instant, reason: plainText(200).optional() })
    .strict()
    .refine((period) => Date.parse(period.from) < Date.parse(period.to), { message: 'must be after from', path: ['to'] }),
]);

/** The days a slot search covers (at most 6 weeks: a month view with its edges). */
export const MAX_RANGE_DAYS = 42;
export const slotsQuery = z.object({
  service: key,
  provider: z.uuid().optional(),
  accountId: z.uuid().optional(),
  from: isoDate,
  to: isoDate,
});

export const bookInput = z
  .object({
    service: key,
    providerId: z.uuid(),
    start: instant,
    /** Who attends, when a company books for an employee: the patient named on the guide. */
    attendee: plainText(120).optional(),
    accountId: z.uuid().optional(),
    establishmentId: z.uuid().optional(),
  })
  .strict();

/** Request mode: up to three times the client would like; staff confirm one (or another) or refuse. */
export const proposalInput = z
  .object({
    service: key,
    providerId: z.uuid().optional(),
    times: z.array(instant).min(1).max(3),
    note: plainText(1000).optional(),
    accountId: z.uuid().optional(),
    establishmentId: z.uuid().optional(),
  })
  .strict();

export const listQuery = z.object({
  when: z.enum(['upcoming', 'past']).default('upcoming'),
  before: z.string().regex(/^[\w-]{10,200}$/, 'is not a page cursor').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** Staff confirm a proposal at one time (one of the client's or another) with a provider. */
export const confirmInput = z.object({ start: instant, providerKey: key, message: plainText(2000).optional() }).strict();
export const refuseInput = z.object({ reason: plainText(2000) }).strict();
export const bookingsQuery = z.object({
  from: isoDate,
  to: isoDate,
  providerKey: key.optional(),
  accountId: z.uuid().optional(),
  status: z.enum(['booked', 'cancelled']).optional(),
});

/** A free time with one provider. */
export interface Slot {
  start: string;
  end: string;
  providerId: string;
}

/** One day of the tenant's calendar (`date` in its zone) and its free slots, earliest first. */
export interface SlotDay {
  date: string;
  slots: Slot[];
}

/**
 * Why no slot is offered (S5), so the widget can say what to do:
 * `booking-off` — the business takes no bookings online; `request-only` — propose times instead;
 * `no-hours` — no provider has opening hours for this service; `fully-booked` — every slot is taken (or closed)
 * until `until` (the booking horizon's last day, when `nextFree` is null).
 */
export type Unavailable =
  | { reason: 'booking-off' }
  | { reason: 'request-only' }
  | { reason: 'no-hours' }
  | { reason: 'fully-booked'; until: string };

/** The free slots of a range. When the range has none, `nextFree` is the first later day that has one. */
export interface SlotsAnswer {
  timeZone: string;
  service: string;
  from: string;
  to: string;
  /** Every day of the range, with or without slots. */
  days: SlotDay[];
  /** The first day after the range with a free slot, within the horizon; null when none. */
  nextFree: string | null;
  /** Set when the range has no free slot: why. */
  unavailable: Unavailable | null;
}

/** What the appointments widget starts from: the effective settings for the account and what can be booked. */
export interface AppointmentCatalog {
  timeZone: string;
  mode: BookingMode;
  showAppointments: boolean;
  cancellation: { allowed: boolean; hoursBefore: number };
  guide: boolean;
  horizonDays: number;
  minNoticeMinutes: number;
  contact: string | null;
  services: CatalogService[];
}

export interface CatalogService {
  key: string;
  name: string;
  kind: (typeof SERVICE_KINDS)[number];
  durationMinutes: number;
  providers: { id: string; name: string; kind: (typeof PROVIDER_KINDS)[number] }[];
}

/** A booking as the client API shows it. */
export interface Appointment {
  id: string;
  status: 'booked' | 'cancelled';
  start: string;
  end: string;
  service: { key: string; name: string; kind: (typeof SERVICE_KINDS)[number] };
  provider: { id: string; name: string };
  accountId: string;
  accountName: string;
  establishmentId: string | null;
  /** Who attends, when the account booked for someone (an employee); null: the account's own person. */
  attendee: string | null;
  /** Whether the client may cancel it now (S3). */
  cancellable: boolean;
  /** Until when cancelling online is (or was) possible; null when the business does not allow it. */
  cancelUntil: string | null;
  /** Whether an authorization guide (S4) can be downloaded. */
  guide: boolean;
  /** The request it was confirmed from, in request mode. */
  requestId: string | null;
  createdAt: string;
  cancelledAt: string | null;
}

/** A client's proposal of times (request mode) and what became of it. */
export interface AppointmentProposal {
  id: string;
  /** The request of category `appointment` it opened (the conversation with staff). */
  requestId: string;
  status: 'pending' | 'confirmed' | 'refused';
  service: { key: string; name: string };
  provider: { id: string; name: string } | null;
  times: string[];
  note: string | null;
  appointmentId: string | null;
  refusal: string | null;
  createdAt: string;
}

/** `slot_taken` (409) carries the day's fresh slots; `cancellation_closed` (409) says until when it was possible. */
export interface SlotTakenProblem {
  code: 'slot_taken';
  slots: Slot[];
}
export interface CancellationClosedProblem {
  code: 'cancellation_closed';
  cancelUntil: string | null;
  contact: string | null;
}
