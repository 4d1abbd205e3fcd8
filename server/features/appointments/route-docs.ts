import type { z } from 'zod';
import { makeCursor } from '../../http/page-cursor.ts';
import { describe } from '../../openapi/meta.ts';
import type { proposalsForBusiness } from './proposals.ts';
import type {
  accountSettingsInput,
  Appointment,
  AppointmentCatalog,
  AppointmentProposal,
  AppointmentSettings,
  bookInput,
  confirmInput,
  exceptionInput,
  proposalInput,
  providerInput,
  refuseInput,
  rulesInput,
  serviceInput,
  SlotsAnswer,
} from './schemas.ts';
import type { explainedSettings } from './settings.ts';

const accountId = '5b8f2c1e-3d4a-4e6b-9c7d-1a2b3c4d5e6f';
const helena = { id: '7d0f3c52-2a8e-4c61-9a55-0c1f2e6b8a01', key: 'dra-helena', name: 'Dra. Helena Prado' };
const sala = { id: '7d0f3c52-2a8e-4c61-9a55-0c1f2e6b8a03', key: 'sala-exames', name: 'Sala de exames' };
const CONSULTATION = { 'pt-BR': 'Consulta ocupacional (ASO)', es: 'Consulta de salud laboral', en: 'Occupational health consultation' };
const AUDIOMETRY = { 'pt-BR': 'Audiometria', es: 'Audiometría', en: 'Audiometry' };

const settings: AppointmentSettings = {
  bookingMode: 'self',
  showAppointments: true,
  cancellation: { allowed: true, hoursBefore: 24 },
  guide: true,
  horizonDays: 60,
  minNoticeMinutes: 120,
  contact: '(19) 3234-5610 · agenda@clinicasol.example',
};

const override: z.input<typeof accountSettingsInput> = { bookingMode: 'request', contact: 'Falar com Renata (RH Horizonte): (19) 3234-5699' };

const explained: Awaited<ReturnType<typeof explainedSettings>> = {
  effective: { ...settings, ...override },
  override,
  sources: { bookingMode: 'account', showAppointments: 'tenant', cancellation: 'tenant', guide: 'tenant', horizonDays: 'tenant', minNoticeMinutes: 'tenant', contact: 'account' },
};

type Service = { key: string } & z.infer<typeof serviceInput>;
const audiometry: Service = {
  key: 'audiometria',
  names: AUDIOMETRY,
  kind: 'exam',
  durationMinutes: 20,
  instructions: { 'pt-BR': 'Repouso auditivo de 14 horas: evite ruídos fortes e fones de ouvido antes do exame.' },
  active: true,
};

type Provider = { id: string; key: string } & z.infer<typeof providerInput>;
const provider: Provider = { id: helena.id, key: helena.key, name: helena.name, kind: 'person', services: ['consulta-ocupacional'], active: true };

const rules: z.infer<typeof rulesInput> = {
  rules: [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '08:00', end: '12:00' },
    { weekday, start: '13:30', end: '16:30' },
  ]),
};

const holiday: z.input<typeof exceptionInput> = { providerKey: null, date: '2026-12-25', reason: 'Natal' };
const exception = { id: 'c4d5e6f7-0819-4a2b-9c3d-4e5f60718293', providerKey: null, from: '2026-12-25T03:00:00.000Z', to: '2026-12-26T03:00:00.000Z', reason: 'Natal' };

const appointment: Appointment = {
  id: '0b8e7f52-4d0e-4a8f-9d51-2f3c1d7a9e10',
  status: 'booked',
  start: '2026-12-03T11:20:00.000Z',
  end: '2026-12-03T11:40:00.000Z',
  service: { key: 'audiometria', name: AUDIOMETRY['pt-BR'], kind: 'exam' },
  provider: { id: sala.id, name: sala.name },
  accountId,
  accountName: 'Metalúrgica Horizonte Ltda',
  establishmentId: null,
  attendee: 'Carlos Eduardo Souza',
  cancellable: true,
  cancelUntil: '2026-12-02T11:20:00.000Z',
  guide: true,
  requestId: null,
  createdAt: '2026-11-24T14:03:11.000Z',
  cancelledAt: null,
};

const booking = {
  id: appointment.id,
  status: 'booked',
  start: appointment.start,
  end: appointment.end,
  accountId,
  accountName: appointment.accountName,
  attendee: appointment.attendee,
  serviceKey: 'audiometria',
  providerKey: sala.key,
  userId: '2d4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
  requestId: null,
};

const proposal: AppointmentProposal = {
  id: 'e1f20314-2536-4748-895a-6b7c8d9e0f12',
  requestId: '3c4d5e6f-7081-4293-a4b5-c6d7e8f90a1b',
  status: 'pending',
  service: { key: 'consulta-ocupacional', name: CONSULTATION['pt-BR'] },
  provider: { id: helena.id, name: helena.name },
  times: ['2026-12-01T11:00:00.000Z', '2026-12-02T12:30:00.000Z'],
  note: 'Exame de retorno ao trabalho da Juliana Pereira.',
  appointmentId: null,
  refusal: null,
  createdAt: '2026-11-24T13:10:42.000Z',
};

const businessProposal: Awaited<ReturnType<typeof proposalsForBusiness>>[number] = {
  ...proposal,
  userId: '2d4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f',
  providerKey: helena.key,
  account: { id: accountId, name: 'Metalúrgica Horizonte Ltda' },
};

const catalog: AppointmentCatalog = {
  timeZone: 'America/Sao_Paulo',
  mode: 'self',
  showAppointments: true,
  cancellation: settings.cancellation,
  guide: true,
  horizonDays: 60,
  minNoticeMinutes: 120,
  contact: settings.contact,
  services: [
    { key: 'audiometria', name: AUDIOMETRY['pt-BR'], kind: 'exam', durationMinutes: 20, providers: [{ id: sala.id, name: sala.name, kind: 'room' }] },
    { key: 'consulta-ocupacional', name: CONSULTATION['pt-BR'], kind: 'consultation', durationMinutes: 30, providers: [{ id: helena.id, name: helena.name, kind: 'person' }] },
  ],
};

const slots: SlotsAnswer = {
  timeZone: 'America/Sao_Paulo',
  service: 'audiometria',
  from: '2026-12-03',
  to: '2026-12-04',
  days: [
    {
      date: '2026-12-03',
      slots: [
        { start: '2026-12-03T11:20:00.000Z', end: '2026-12-03T11:40:00.000Z', providerId: sala.id },
        { start: '2026-12-03T11:40:00.000Z', end: '2026-12-03T12:00:00.000Z', providerId: sala.id },
      ],
    },
    { date: '2026-12-04', slots: [{ start: '2026-12-04T16:30:00.000Z', end: '2026-12-04T16:50:00.000Z', providerId: sala.id }] },
  ],
  nextFree: null,
  unavailable: null,
};

const bookRequest: z.input<typeof bookInput> = { service: 'audiometria', providerId: sala.id, start: '2026-12-03T08:20:00-03:00', attendee: 'Carlos Eduardo Souza', accountId };
const proposeRequest: z.input<typeof proposalInput> = {
  service: 'consulta-ocupacional',
  providerId: helena.id,
  times: ['2026-12-01T08:00:00-03:00', '2026-12-02T09:30:00-03:00'],
  note: proposal.note!,
  accountId,
};
const confirmRequest: z.input<typeof confirmInput> = { start: '2026-12-01T08:00:00-03:00', providerKey: helena.key };
const refuseRequest: z.input<typeof refuseInput> = { reason: 'A Dra. Helena está de férias nessas datas; sugerimos a semana de 7 de dezembro.' };

const BOOKED_MAIL =
  'The client who booked is e-mailed a confirmation with a calendar invitation (.ics) in their language, when the portal has an address; the `appointment.booked` event is raised.';
const CANCELLED_MAIL =
  'The client who booked is e-mailed the cancellation with a calendar update (.ics, the same event, so their calendar removes it), when the portal has an address; the `appointment.cancelled` event is raised.';

/** `/api/v1/appointments`: the business's setup and agenda. */
export const integrationAppointmentDocs = {
  getSettings: describe({
    summary: 'Read the booking settings',
    description: 'The tenant’s settings (the defaults where it never set them); accounts may have exceptions to them.',
    responses: { 200: { description: 'The settings', example: settings } },
  }),
  putSettings: describe({
    summary: 'Set the booking settings',
    description:
      'Replaces every setting: `bookingMode` (`self` — clients book a free slot; `request` — they propose times and you confirm; `off`), whether clients see their appointments, until how many hours before the start they may cancel, the authorization guide of exams, how far ahead and how soon a booking may be made, and the contact shown when a client cannot book or cancel online. An account’s exceptions still win over these.',
    responses: { 200: { description: 'The settings as saved', example: settings } },
    requestExample: settings,
  }),
  getAccountSettings: describe({
    summary: 'Read the settings that hold for one account',
    description: '`effective` is what the account’s clients get; `override` the account’s own exceptions; `sources` says for each setting whether it comes from the `account`, the `tenant` or the `default`.',
    responses: { 200: { description: 'The account’s settings and where each comes from', example: explained } },
  }),
  putAccountSettings: describe({
    summary: 'Set an account’s exceptions to the booking settings',
    description: 'Replaces the account’s exceptions with the settings sent; a setting left out follows the tenant’s, and `{}` removes every exception.',
    responses: { 200: { description: 'The account’s settings as they now hold', example: explained } },
    requestExample: override,
  }),
  listServices: describe({
    summary: 'List the services and exams',
    description: 'Every service, active or not, by key.',
    responses: { 200: { description: 'The services', example: { items: [audiometry] } } },
  }),
  putService: describe({
    summary: 'Create or replace a service by your key',
    description:
      'Creates the service `key` or replaces it whole. `names` are shown in the client’s language (else another one you wrote); `instructions` are printed on the authorization guide of an exam. `active: false` stops new bookings; existing ones stay. A service is bookable once an active provider offers it.',
    responses: { 200: { description: 'The service as saved', example: audiometry } },
    requestExample: { names: AUDIOMETRY, kind: 'exam', durationMinutes: 20, instructions: audiometry.instructions } satisfies z.input<typeof serviceInput>,
  }),
  listProviders: describe({
    summary: 'List the providers (people, clinics, rooms)',
    description: 'Each with its Portico `id` (the one the portal and the bookings use) and the keys of the services booked with it.',
    responses: { 200: { description: 'The providers', example: { items: [provider] } } },
  }),
  putProvider: describe({
    summary: 'Create or replace a provider by your key',
    description:
      'Creates the provider `key` or replaces it whole; `services` (keys of existing services) replaces the services booked with it — an unknown key is a 400 on `services.N`, and nothing is saved. `active: false` stops new bookings with it; existing ones stay.',
    responses: { 200: { description: 'The provider as saved, with its Portico id', example: provider } },
    requestExample: { name: provider.name, kind: 'person', services: provider.services } satisfies z.input<typeof providerInput>,
  }),
  getRules: describe({
    summary: 'Read a provider’s weekly hours',
    description: 'An unknown provider key is a 400 `invalid_input` on `key`.',
    responses: {
      200: { description: 'The weekly openings, by weekday and time', example: { rules: rules.rules.slice(0, 2).map((rule) => ({ ...rule, validFrom: null, validUntil: null })) } },
    },
  }),
  putRules: describe({
    summary: 'Set a provider’s weekly hours',
    description:
      'Replaces the provider’s whole weekly schedule (`[]` removes it). `weekday` is ISO (1 = Monday … 7 = Sunday); `start` and `end` are wall-clock times in the portal’s time zone (`24:00` ends at midnight); `validFrom` / `validUntil` limit an opening to a season. Free slots follow at once; bookings already made stay. An unknown provider key is a 400 `invalid_input` on `key`.',
    responses: { 200: { description: 'The hours as saved', example: rules } },
    requestExample: rules,
  }),
  listExceptions: describe({
    summary: 'List the closed periods between two dates',
    description: 'Holidays and blocked stretches that overlap `from`…`to` (days in the portal’s time zone); `providerKey` null closes the whole business.',
    responses: { 200: { description: 'The closed periods, earliest first', example: { items: [exception] } } },
  }),
  createException: describe({
    summary: 'Close a day or a stretch of time',
    description:
      '`date` closes a whole day in the portal’s time zone; `from` and `to` (instants with their offset) a stretch. `providerKey: null` closes every provider (a holiday). No slot is offered in the period from now on; bookings already made in it stay — cancel them with `POST /bookings/{id}/cancel` if needed.',
    responses: { 201: { description: 'The closed period', example: exception } },
    requestExample: holiday,
  }),
  deleteException: describe({ summary: 'Reopen a closed period', responses: { 204: { description: 'Deleted; its slots are offered again' } } }),
  listBookings: describe({
    summary: 'List the bookings between two dates',
    description: 'Every booking overlapping `from`…`to` (days in the portal’s time zone, at most a year apart), booked and cancelled unless `status` says which; soonest first, at most 1,000.',
    responses: { 200: { description: 'The bookings', example: { items: [booking] } } },
  }),
  cancelBooking: describe({
    summary: 'Cancel a booking',
    description: `Cancels at any time, whatever the client’s cancellation deadline; cancelling a cancelled booking again changes nothing (and sends nothing). ${CANCELLED_MAIL}`,
    responses: { 200: { description: 'The booking, cancelled', example: { id: appointment.id, status: 'cancelled' } } },
  }),
  listProposals: describe({
    summary: 'List the times clients proposed (request mode)',
    description: 'Newest first, at most 100, with the client and the account; `status=pending` are those waiting for your answer. Each opened a request (`requestId`) where the client sees your answer.',
    responses: { 200: { description: 'The proposals', example: { items: [businessProposal] } } },
  }),
  confirmProposal: describe({
    summary: 'Confirm a proposal by booking a time',
    description: `Books \`start\` (one of the client’s times, or another) with \`providerKey\`, which must offer the proposal’s service; opening hours and closed periods are not checked, only clashes with other bookings (\`slot_taken\`, with that day’s free slots in \`slots\`). The proposal’s request is answered with \`message\`, or a line saying the time in the client’s language. ${BOOKED_MAIL}`,
    responses: {
      201: {
        description: 'The booking made',
        example: { proposalId: proposal.id, status: 'confirmed', appointmentId: '1c9f8063-5e1f-4b90-ae62-3f4d2e8b0f21', requestId: proposal.requestId, start: '2026-12-01T11:00:00.000Z', end: '2026-12-01T11:30:00.000Z' },
      },
    },
    problems: ['proposal_answered', 'slot_in_past', 'slot_taken'],
    requestExample: confirmRequest,
  }),
  refuseProposal: describe({
    summary: 'Refuse a proposal',
    description: '`reason` becomes your answer in the proposal’s request, and the client is e-mailed that the request was answered.',
    responses: { 200: { description: 'The proposal, refused', example: { proposalId: proposal.id, status: 'refused', requestId: proposal.requestId } } },
    problems: ['proposal_answered'],
    requestExample: refuseRequest,
  }),
};

const ACCOUNT_CHOICE = '`accountId` chooses one of the accounts the client reaches (needed when they reach several and the session names none); an account they do not reach is a 404.';

/** `/api/portal/appointments`: what the appointments widget calls for the signed-in client. */
export const portalAppointmentDocs = {
  catalog: describe({
    summary: 'What the client may book, and how',
    description: `The settings that hold for the client’s account (booking mode, cancellation deadline, guide, horizon, contact) and the services they can book, each with its providers, in \`?locale=\` (else the portal’s language). ${ACCOUNT_CHOICE}`,
    responses: { 200: { description: 'The catalog', example: catalog } },
    problems: ['not_found'],
  }),
  slots: describe({
    summary: 'The free slots of a service, day by day',
    description: `Every day of \`from\`…\`to\` (at most 42 days) with its free slots, optionally with one \`provider\`. When there is none, \`unavailable.reason\` says why (\`booking-off\`, \`request-only\`, \`no-hours\`, \`fully-booked\` until a day) and \`nextFree\` is the first later day with a slot. An unknown service or a provider who does not offer it is a 404. ${ACCOUNT_CHOICE}`,
    responses: { 200: { description: 'The free slots', example: slots } },
    problems: ['not_found'],
  }),
  list: describe({
    summary: 'List the client’s appointments',
    description:
      '`when=upcoming`: booked appointments still to come, soonest first; `when=past`: those over and the cancelled ones, latest first. Each says whether it can still be cancelled and whether it has a guide. Pass `next` as `before` for the next page. Refused where the business does not show appointments.',
    responses: { 200: { description: 'A page of appointments', example: { items: [appointment], next: makeCursor(appointment.start, appointment.id) } satisfies { items: Appointment[]; next: string | null } } },
    problems: ['not_found', 'appointments_hidden'],
  }),
  book: describe({
    summary: 'Book a free slot',
    description: `Only where clients book themselves (\`self\` mode; otherwise \`booking_unavailable\`). \`start\` must be one of the free slots of the service with that provider: a time someone booked a moment before is \`slot_taken\` (409), any other \`slot_not_offered\` (422) — both carry the day’s free slots in \`slots\`. \`attendee\` names who attends when a company books for an employee. A client who reaches several (not all) establishments of the account says which with \`establishmentId\`. ${BOOKED_MAIL}`,
    responses: { 201: { description: 'The appointment', example: appointment } },
    problems: ['not_found', 'booking_unavailable', 'slot_in_past', 'slot_taken', 'slot_not_offered'],
    requestExample: bookRequest,
  }),
  cancel: describe({
    summary: 'Cancel an appointment',
    description: `Possible until \`cancelUntil\` where the business allows it; after that, \`cancellation_closed\` carries \`cancelUntil\` and the business’s \`contact\`. Cancelling a cancelled appointment again changes nothing. ${CANCELLED_MAIL}`,
    responses: { 200: { description: 'The appointment, cancelled', example: { ...appointment, status: 'cancelled', cancellable: false, guide: false, cancelledAt: '2026-11-25T10:41:07.000Z' } satisfies Appointment } },
    problems: ['cancellation_closed'],
  }),
  guide: describe({
    summary: 'Download an exam’s authorization guide',
    description: 'The guide to show at the exam: patient, time, provider and the preparation instructions, in `?locale=` (else the portal’s language). A 404 for an appointment without a guide (not an exam, cancelled, or guides switched off).',
    responses: { 200: { description: 'The guide', contentType: 'application/pdf' } },
  }),
  listProposals: describe({
    summary: 'List the times the client’s accounts proposed (request mode)',
    description: 'Newest first, at most 100, with what became of each: `confirmed` with the `appointmentId`, or `refused` with the business’s `refusal`.',
    responses: { 200: { description: 'The proposals', example: { items: [proposal] } } },
  }),
  propose: describe({
    summary: 'Propose up to three times for a service',
    description: `Only where the business confirms bookings itself (\`request\` mode; otherwise \`booking_unavailable\`). Opens a request of category \`appointment\` (the conversation where the business answers) and raises \`request.created\`; nothing is booked until the business confirms. ${ACCOUNT_CHOICE}`,
    responses: { 201: { description: 'The proposal, pending', example: proposal } },
    problems: ['not_found', 'booking_unavailable', 'slot_in_past'],
    requestExample: proposeRequest,
  }),
};
