/**
 * Appointment fixtures for tests and stories: Clínica Sol's agenda — an occupational health consultation (30 min) with
 * Dra. Helena Prado or Dr. Marcos Teixeira, and "Audiometria" (20 min) in the "Sala de exames", free on weekdays — and
 * Metalúrgica Horizonte's bookings there for its employees: Carlos's audiometry to come (with its authorization guide),
 * Juliana's consultation tomorrow (too late to cancel online), a past consultation and a cancelled audiometry. The clock stands at `APPOINTMENTS_NOW`
 * unless told otherwise. `appointmentCalls(state)` switches to each state the widget shows. Not part of the bundle.
 */
import { ApiError, type PortalApi } from './api-client.ts';
import type { Appointment, AppointmentCatalog, AppointmentProposal, BookingMode, Slot, SlotDay, SlotsAnswer } from './appointment-types.ts';
import { todayIn, zonedInstant } from './format.ts';

type Locale = 'pt-BR' | 'es' | 'en';
type Names = Record<Locale, string>;

/** Tuesday 24 November 2026, 09:00 in São Paulo: the fixtures' "now". */
export const APPOINTMENTS_NOW = '2026-11-24T12:00:00Z';

/** The providers' ids (the server's are UUIDs). */
export const PROVIDER_IDS = {
  helena: '7d0f3c52-2a8e-4c61-9a55-0c1f2e6b8a01',
  marcos: '7d0f3c52-2a8e-4c61-9a55-0c1f2e6b8a02',
  sala: '7d0f3c52-2a8e-4c61-9a55-0c1f2e6b8a03',
} as const;

/** A provider and its weekly hours: ISO weekdays (1 = Monday), wall-clock times in the tenant's zone. */
export interface FixtureProvider {
  id: string;
  name: string;
  kind: 'person' | 'clinic' | 'room';
  hours: [weekdays: number[], start: string, end: string][];
}

export interface FixtureService {
  key: string;
  names: Names;
  kind: 'consultation' | 'exam';
  durationMinutes: number;
  providerIds: string[];
}

/** Everything the fixture appointment calls answer from. */
export interface AppointmentData {
  timeZone: string;
  settings: Omit<AppointmentCatalog, 'timeZone' | 'services' | 'mode'> & { mode: BookingMode };
  services: FixtureService[];
  providers: FixtureProvider[];
  /** Every slot up to this day (`YYYY-MM-DD`, inclusive) is taken: "fully booked until". */
  fullyBookedUntil: string | null;
  appointments: Appointment[];
  proposals: AppointmentProposal[];
  /** The next booking finds its slot taken by someone else a moment before (409 `slot_taken`), once. */
  slotTakenOnce: boolean;
  /** Cancelling answers 409 `cancellation_closed` (the deadline passed while the list was open). */
  cancellationClosed: boolean;
}

const ACCOUNT = { accountId: 'a1', accountName: 'Metalúrgica Horizonte Ltda', establishmentId: null };
const CONSULTATION: Names = { 'pt-BR': 'Consulta ocupacional (ASO)', es: 'Consulta de salud laboral', en: 'Occupational health consultation' };
const AUDIOMETRY: Names = { 'pt-BR': 'Audiometria', es: 'Audiometría', en: 'Audiometry' };

/** A booking as the server answers it (in pt-BR until listed in another locale). */
export function fixtureAppointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: crypto.randomUUID(),
    status: 'booked',
    start: '2026-12-03T11:20:00.000Z',
    end: '2026-12-03T11:40:00.000Z',
    service: { key: 'audiometria', name: AUDIOMETRY['pt-BR'], kind: 'exam' },
    provider: { id: PROVIDER_IDS.sala, name: 'Sala de exames' },
    ...ACCOUNT,
    attendee: null,
    cancellable: true,
    cancelUntil: '2026-12-02T11:20:00.000Z',
    guide: true,
    requestId: null,
    createdAt: '2026-11-20T14:02:00.000Z',
    cancelledAt: null,
    ...overrides,
  };
}

/** Clínica Sol's agenda and Horizonte's bookings there, as of `APPOINTMENTS_NOW`. */
export function clinicaSolAppointments(): AppointmentData {
  const consultation = { key: 'consulta-ocupacional', name: CONSULTATION['pt-BR'], kind: 'consultation' as const };
  const helena = { id: PROVIDER_IDS.helena, name: 'Dra. Helena Prado' };
  return {
    timeZone: 'America/Sao_Paulo',
    settings: {
      mode: 'self',
      showAppointments: true,
      cancellation: { allowed: true, hoursBefore: 24 },
      guide: true,
      horizonDays: 60,
      minNoticeMinutes: 120,
      contact: '(19) 3234-5610 · agenda@clinicasol.example',
    },
    services: [
      { key: 'consulta-ocupacional', names: CONSULTATION, kind: 'consultation', durationMinutes: 30, providerIds: [PROVIDER_IDS.helena, PROVIDER_IDS.marcos] },
      { key: 'audiometria', names: AUDIOMETRY, kind: 'exam', durationMinutes: 20, providerIds: [PROVIDER_IDS.sala] },
    ],
    providers: [
      { id: PROVIDER_IDS.helena, name: 'Dra. Helena Prado', kind: 'person', hours: [[[1, 2, 3, 4, 5], '08:00', '12:00']] },
      { id: PROVIDER_IDS.marcos, name: 'Dr. Marcos Teixeira', kind: 'person', hours: [[[2, 4], '13:00', '18:00']] },
      { id: PROVIDER_IDS.sala, name: 'Sala de exames', kind: 'room', hours: [[[1, 2, 3, 4, 5], '08:00', '12:00'], [[1, 2, 3, 4, 5], '13:30', '16:30']] },
    ],
    fullyBookedUntil: null,
    appointments: [
      fixtureAppointment({ id: 'ap-audiometria', attendee: 'Carlos Eduardo Souza', createdAt: '2026-11-20T14:02:00.000Z' }),
      fixtureAppointment({
        id: 'ap-consulta-amanha',
        start: '2026-11-25T11:00:00.000Z',
        end: '2026-11-25T11:30:00.000Z',
        service: consultation,
        provider: helena,
        attendee: 'Juliana Pereira',
        guide: false,
        cancellable: false,
        cancelUntil: '2026-11-24T11:00:00.000Z',
        createdAt: '2026-11-18T10:15:00.000Z',
      }),
      fixtureAppointment({
        id: 'ap-consulta-outubro',
        start: '2026-10-14T11:30:00.000Z',
        end: '2026-10-14T12:00:00.000Z',
        service: consultation,
        provider: helena,
        guide: false,
        cancellable: false,
        cancelUntil: '2026-10-13T11:30:00.000Z',
        createdAt: '2026-10-01T09:00:00.000Z',
      }),
      fixtureAppointment({
        id: 'ap-audiometria-cancelada',
        status: 'cancelled',
        start: '2026-11-10T13:00:00.000Z',
        end: '2026-11-10T13:20:00.000Z',
        cancellable: false,
        cancelUntil: '2026-11-09T13:00:00.000Z',
        createdAt: '2026-10-28T16:40:00.000Z',
        cancelledAt: '2026-11-05T12:10:00.000Z',
      }),
    ],
    proposals: [
      {
        id: 'pr-consulta',
        requestId: 'r2',
        status: 'pending',
        service: { key: 'consulta-ocupacional', name: CONSULTATION['pt-BR'] },
        provider: null,
        times: ['2026-12-01T11:00:00.000Z', '2026-12-02T17:30:00.000Z', '2026-12-04T12:00:00.000Z'],
        note: 'Exame periódico de 3 funcionários da Matriz.',
        appointmentId: null,
        refusal: null,
        createdAt: '2026-11-23T13:10:00.000Z',
      },
      {
        id: 'pr-audiometria',
        requestId: 'r1',
        status: 'refused',
        service: { key: 'audiometria', name: AUDIOMETRY['pt-BR'] },
        provider: { id: PROVIDER_IDS.sala, name: 'Sala de exames' },
        times: ['2026-11-21T12:00:00.000Z'],
        note: null,
        appointmentId: null,
        refusal: 'Não atendemos aos sábados. Proponha um dia útil, por favor.',
        createdAt: '2026-11-16T19:45:00.000Z',
      },
    ],
    slotTakenOnce: false,
    cancellationClosed: false,
  };
}

/** The appointment calls of the fixture API. */
export type AppointmentCalls = Pick<
  PortalApi,
  'appointmentCatalog' | 'appointmentSlots' | 'bookAppointment' | 'listAppointments' | 'cancelAppointment' | 'downloadAppointmentGuide' | 'proposeAppointment' | 'listAppointmentProposals'
>;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
const label = (names: Names, locale?: string) => names[(locale as Locale) ?? 'pt-BR'] ?? names['pt-BR'];

/**
 * The appointment calls over `data`, answering as the server does: free slots from the weekly hours (in the tenant's
 * zone, after the minimum notice, within the horizon, around bookings), the reason when a range has none, bookings,
 * cancelling within the deadline, proposals in request mode. `now` is the clock (default `APPOINTMENTS_NOW`).
 */
export function memoryAppointments(data: AppointmentData = clinicaSolAppointments(), options: { now?: () => Date } = {}): AppointmentCalls {
  const now = options.now ?? (() => new Date(APPOINTMENTS_NOW));
  const service = (key: string) => {
    const found = data.services.find((s) => s.key === key);
    if (!found) throw new ApiError('not_found', 404, 'No such service');
    return found;
  };
  const lastDay = () => addDays(todayIn(data.timeZone, now()), data.settings.horizonDays);
  const find = (id: string) => {
    const found = data.appointments.find((a) => a.id === id);
    if (!found) throw new ApiError('not_found', 404, 'No such appointment');
    return found;
  };
  /** A booking as the client sees it now: the service named in `locale`, whether it can still be cancelled. */
  const view = (a: Appointment, locale?: string): Appointment => {
    const names = data.services.find((s) => s.key === a.service.key)?.names;
    const { allowed, hoursBefore } = data.settings.cancellation;
    const cancelUntil = allowed ? new Date(Date.parse(a.start) - hoursBefore * 3_600_000).toISOString() : null;
    const cancellable = a.status === 'booked' && cancelUntil !== null && now().getTime() < Date.parse(cancelUntil);
    return { ...structuredClone(a), service: { ...a.service, name: names ? label(names, locale) : a.service.name }, cancelUntil, cancellable };
  };

  const daySlots = (serviceKey: string, providerIds: string[], date: string): Slot[] => {
    const { durationMinutes } = service(serviceKey);
    const notBefore = now().getTime() + data.settings.minNoticeMinutes * 60_000;
    if ((data.fullyBookedUntil && date <= data.fullyBookedUntil) || date > lastDay()) return [];
    const slots: Slot[] = [];
    for (const provider of data.providers.filter((p) => providerIds.includes(p.id))) {
      const taken = data.appointments.filter((a) => a.status === 'booked' && a.provider.id === provider.id);
      for (const [weekdays, open, close] of provider.hours) {
        if (!weekdays.includes(weekday(date))) continue;
        const end = zonedInstant(date, close, data.timeZone).getTime();
        for (let start = zonedInstant(date, open, data.timeZone).getTime(); start + durationMinutes * 60_000 <= end; start += durationMinutes * 60_000) {
          const slotEnd = start + durationMinutes * 60_000;
          if (start < notBefore || taken.some((a) => Date.parse(a.start) < slotEnd && start < Date.parse(a.end))) continue;
          slots.push({ start: new Date(start).toISOString(), end: new Date(slotEnd).toISOString(), providerId: provider.id });
        }
      }
    }
    return slots.sort((a, b) => a.start.localeCompare(b.start) || a.providerId.localeCompare(b.providerId));
  };
  const days = (serviceKey: string, providerIds: string[], from: string, to: string): SlotDay[] => {
    const all: SlotDay[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) all.push({ date, slots: daySlots(serviceKey, providerIds, date) });
    return all;
  };
  const providersFor = (serviceKey: string, provider?: string) => service(serviceKey).providerIds.filter((id) => !provider || id === provider);

  return {
    appointmentCatalog: async (_token, options) => ({
      timeZone: data.timeZone,
      ...structuredClone(data.settings),
      services: data.services.map((s) => ({
        key: s.key,
        name: label(s.names, options.locale),
        kind: s.kind,
        durationMinutes: s.durationMinutes,
        providers: data.providers.filter((p) => s.providerIds.includes(p.id)).map(({ id, name, kind }) => ({ id, name, kind })),
      })),
    }),
    appointmentSlots: async (_token, query): Promise<SlotsAnswer> => {
      const answer = (all: SlotDay[], nextFree: string | null, unavailable: SlotsAnswer['unavailable']) => ({ timeZone: data.timeZone, service: query.service, from: query.from, to: query.to, days: all, nextFree, unavailable });
      const empty = () => days(query.service, [], query.from, query.to);
      if (data.settings.mode === 'off') return answer(empty(), null, { reason: 'booking-off' });
      if (data.settings.mode === 'request') return answer(empty(), null, { reason: 'request-only' });
      const providerIds = providersFor(query.service, query.provider);
      if (!data.providers.some((p) => providerIds.includes(p.id) && p.hours.length)) return answer(empty(), null, { reason: 'no-hours' });
      const found = days(query.service, providerIds, query.from, query.to);
      if (found.some((day) => day.slots.length)) return answer(found, null, null);
      const later = query.to < lastDay() ? days(query.service, providerIds, addDays(query.to, 1), lastDay()) : [];
      const nextFree = later.find((day) => day.slots.length)?.date ?? null;
      return answer(found, nextFree, { reason: 'fully-booked', until: nextFree ? addDays(nextFree, -1) : lastDay() });
    },
    bookAppointment: async (_token, booking) => {
      if (data.settings.mode !== 'self') throw new ApiError('booking_unavailable', 403, 'Bookings are not taken here');
      const chosen = service(booking.service);
      if (Date.parse(booking.start) <= now().getTime()) throw new ApiError('slot_in_past', 422, 'That time has already passed');
      const date = todayIn(data.timeZone, new Date(booking.start));
      const offered = daySlots(booking.service, [booking.providerId], date);
      const start = new Date(booking.start).toISOString();
      if (!offered.some((slot) => slot.start === start)) throw new ApiError('slot_not_offered', 422, 'That time is not one of the free slots', undefined, [], { slots: offered });
      const provider = data.providers.find((p) => p.id === booking.providerId)!;
      const end = new Date(Date.parse(start) + chosen.durationMinutes * 60_000).toISOString();
      const appointment = fixtureAppointment({
        start,
        end,
        service: { key: chosen.key, name: chosen.names['pt-BR'], kind: chosen.kind },
        provider: { id: provider.id, name: provider.name },
        attendee: booking.attendee ?? null,
        guide: chosen.kind === 'exam' && data.settings.guide,
        createdAt: now().toISOString(),
      });
      data.appointments.push(appointment);
      if (data.slotTakenOnce) {
        // Someone else got it a moment before: the booking is theirs, and the client is offered what is left that day.
        data.slotTakenOnce = false;
        appointment.accountName = 'Outro cliente';
        appointment.accountId = 'a-other';
        throw new ApiError('slot_taken', 409, 'That time was just taken by someone else; choose another', undefined, [], { slots: daySlots(booking.service, [booking.providerId], date) });
      }
      return view(appointment);
    },
    listAppointments: async (_token, query) => {
      const upcoming = query.when === 'upcoming';
      const mine = data.appointments.filter((a) => a.accountId === ACCOUNT.accountId);
      if (!data.settings.showAppointments) throw new ApiError('appointments_hidden', 403, 'This business does not show appointments in the portal');
      const matching = mine
        .filter((a) => (Date.parse(a.end) > now().getTime() && a.status === 'booked') === upcoming)
        .sort((a, b) => (upcoming ? 1 : -1) * (a.start.localeCompare(b.start) || a.id.localeCompare(b.id)));
      const start = Number(query.before ?? 0);
      const size = query.limit ?? 20;
      return { items: matching.slice(start, start + size).map((a) => view(a, query.locale)), next: start + size < matching.length ? String(start + size) : null };
    },
    cancelAppointment: async (_token, id) => {
      const current = view(find(id));
      if (current.status === 'cancelled') return current;
      if (!current.cancellable || data.cancellationClosed) {
        throw new ApiError('cancellation_closed', 409, 'Cancelling online is no longer possible', undefined, [], { cancelUntil: current.cancelUntil, contact: data.settings.contact });
      }
      Object.assign(find(id), { status: 'cancelled', cancelledAt: now().toISOString() });
      return view(find(id));
    },
    downloadAppointmentGuide: async (_token, id) => {
      const appointment = find(id);
      if (!appointment.guide) throw new ApiError('not_found', 404, 'This appointment has no authorization guide');
      return new File(['%PDF-1.7\n'], `guia-${appointment.service.key}-${appointment.start.slice(0, 10)}.pdf`, { type: 'application/pdf' });
    },
    proposeAppointment: async (_token, proposal) => {
      if (data.settings.mode !== 'request') throw new ApiError('booking_unavailable', 403, 'Proposals are not taken here');
      const chosen = service(proposal.service);
      if (proposal.times.some((time) => Date.parse(time) <= now().getTime())) throw new ApiError('slot_in_past', 422, 'A proposed time has already passed');
      const provider = data.providers.find((p) => p.id === proposal.providerId);
      const created: AppointmentProposal = {
        id: crypto.randomUUID(),
        requestId: crypto.randomUUID(),
        status: 'pending',
        service: { key: chosen.key, name: chosen.names['pt-BR'] },
        provider: provider ? { id: provider.id, name: provider.name } : null,
        times: [...new Set(proposal.times.map((time) => new Date(time).toISOString()))].sort(),
        note: proposal.note ?? null,
        appointmentId: null,
        refusal: null,
        createdAt: now().toISOString(),
      };
      data.proposals.unshift(created);
      return structuredClone(created);
    },
    listAppointmentProposals: async (_token, options) => ({
      items: data.proposals.map((p) => ({ ...structuredClone(p), service: { ...p.service, name: label(service(p.service.key).names, options.locale) } })),
    }),
  };
}

/** The states the appointments widget shows, each a switch of the fixture server. */
export const APPOINTMENT_STATES = [
  'normal',
  'loading',
  'empty',
  'error',
  'request-mode',
  'booking-off',
  'no-hours',
  'fully-booked',
  'slot-taken',
  'cancellation-closed',
  'appointments-hidden',
] as const;
export type AppointmentState = (typeof APPOINTMENT_STATES)[number];

/**
 * The appointment calls in one of the widget's states: `loading` never answers, `error` cannot reach the server,
 * `empty` has no bookings, `no-hours` has no hours for the audiometry, `fully-booked` is taken until 13 December, the
 * others as named.
 */
export function appointmentCalls(state: AppointmentState = 'normal', options: { now?: () => Date } = {}): AppointmentCalls {
  const data = clinicaSolAppointments();
  const calls = memoryAppointments(data, options);
  switch (state) {
    case 'loading':
      return { ...calls, appointmentCatalog: () => new Promise(() => {}), listAppointments: () => new Promise(() => {}) };
    case 'error':
      return { ...calls, appointmentCatalog: async () => Promise.reject(new ApiError('network_error', 0, 'Failed to fetch')) };
    case 'empty':
      data.appointments = [];
      data.proposals = [];
      break;
    case 'request-mode':
      data.settings.mode = 'request';
      break;
    case 'booking-off':
      data.settings.mode = 'off';
      break;
    case 'no-hours':
      data.providers.find((p) => p.id === PROVIDER_IDS.sala)!.hours = [];
      break;
    case 'fully-booked':
      data.fullyBookedUntil = '2026-12-13';
      break;
    case 'slot-taken':
      data.slotTakenOnce = true;
      break;
    case 'cancellation-closed':
      data.cancellationClosed = true;
      break;
    case 'appointments-hidden':
      data.settings.showAppointments = false;
      break;
  }
  return calls;
}
