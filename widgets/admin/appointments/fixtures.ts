import { ApiError, type AdminApi } from '../admin-api.ts';
import type { DemoTenant } from '../team/fixtures.ts';
import type { BookingItem, ClosedPeriod, ProposalItem, ProviderItem, RuleItem, ServiceItem } from './appointments-client.ts';
import type { AppointmentLookups } from './panel-base.ts';
import { addDays, instantAt, mondayOf, todayIn } from './zoned-dates.ts';

/**
 * Appointment data of the two demo tenants (as `demo/appointments.ts` seeds them), for `<admin-appointments>`' tests
 * and stories. Days are counted from this week, so "this week" always has bookings.
 */

const ZONES: Record<DemoTenant, string> = { 'clinica-sol': 'America/Sao_Paulo', 'martins-castro': 'Europe/Madrid' };

const PROVIDERS: Record<DemoTenant, ProviderItem[]> = {
  'clinica-sol': [
    { id: 'd1000000-0000-4000-8000-000000000001', key: 'dr-marcos', name: 'Dr. Marcos Teixeira', kind: 'person', active: true, services: ['consulta-ocupacional'] },
    { id: 'd1000000-0000-4000-8000-000000000002', key: 'dra-helena', name: 'Dra. Helena Prado', kind: 'person', active: true, services: ['consulta-ocupacional'] },
    { id: 'd1000000-0000-4000-8000-000000000003', key: 'sala-exames', name: 'Sala de exames', kind: 'room', active: true, services: ['acuidade-visual', 'audiometria', 'espirometria'] },
  ],
  'martins-castro': [
    { id: 'd2000000-0000-4000-8000-000000000001', key: 'ines-martins', name: 'Inés Martins', kind: 'person', active: true, services: ['consulta-extranjeria', 'firma-documentos'] },
    { id: 'd2000000-0000-4000-8000-000000000002', key: 'rafael-martins', name: 'Rafael Martins', kind: 'person', active: false, services: ['firma-documentos'] },
  ],
};

const SERVICES: Record<DemoTenant, ServiceItem[]> = {
  'clinica-sol': [
    service('acuidade-visual', { 'pt-BR': 'Acuidade visual', es: 'Agudeza visual', en: 'Visual acuity' }, 'exam', 15),
    service('audiometria', { 'pt-BR': 'Audiometria', es: 'Audiometría', en: 'Audiometry' }, 'exam', 20),
    service('consulta-ocupacional', { 'pt-BR': 'Consulta ocupacional (ASO)', es: 'Consulta de salud laboral', en: 'Occupational health consultation' }, 'consultation', 30),
    service('espirometria', { 'pt-BR': 'Espirometria', es: 'Espirometría', en: 'Spirometry' }, 'exam', 30),
  ],
  'martins-castro': [
    service('consulta-extranjeria', { es: 'Consulta de extranjería', 'pt-BR': 'Consulta de imigração', en: 'Immigration consultation' }, 'consultation', 45),
    service('firma-documentos', { es: 'Firma de documentos', 'pt-BR': 'Assinatura de documentos', en: 'Signing documents' }, 'consultation', 15),
  ],
};

function service(key: string, names: ServiceItem['names'], kind: ServiceItem['kind'], durationMinutes: number): ServiceItem {
  return { key, names, kind, durationMinutes, instructions: null, active: true };
}

/** The providers, services and zone `<admin-appointments>` starts from. */
export function fixtureLookups(tenant: DemoTenant = 'clinica-sol'): AppointmentLookups {
  return { timeZone: ZONES[tenant], providers: PROVIDERS[tenant], services: SERVICES[tenant] };
}

/** The Monday of this week in the tenant's zone. */
export function fixtureMonday(tenant: DemoTenant = 'clinica-sol'): string {
  return mondayOf(todayIn(ZONES[tenant]));
}

type BookingSeed = [day: number, time: string, minutes: number, service: string, provider: string, account: string, attendee: string | null, status?: BookingItem['status']];

const BOOKINGS: Record<DemoTenant, BookingSeed[]> = {
  'clinica-sol': [
    [0, '07:30', 20, 'audiometria', 'sala-exames', 'Metalúrgica Horizonte Ltda', 'João Pereira'],
    [0, '08:00', 30, 'consulta-ocupacional', 'dra-helena', 'Metalúrgica Horizonte Ltda', 'Carla Mendes'],
    [0, '09:00', 30, 'consulta-ocupacional', 'dra-helena', 'Ana Souza', null, 'cancelled'],
    [1, '13:00', 30, 'consulta-ocupacional', 'dr-marcos', 'Transportes Rápido Sul S.A.', 'Paulo Lima'],
    [3, '07:50', 30, 'espirometria', 'sala-exames', 'Metalúrgica Horizonte Ltda', 'João Pereira'],
    [3, '14:30', 30, 'consulta-ocupacional', 'dr-marcos', 'Ana Souza', null],
    [4, '10:00', 15, 'acuidade-visual', 'sala-exames', 'Transportes Rápido Sul S.A.', 'Renata Alves'],
  ],
  'martins-castro': [
    [1, '10:00', 45, 'consulta-extranjeria', 'ines-martins', 'Lucía Pérez', null],
    [2, '16:30', 15, 'firma-documentos', 'ines-martins', 'Importadora Atlántico S.L.', 'Jorge Ruiz'],
    [3, '12:00', 45, 'consulta-extranjeria', 'ines-martins', 'Mateus Oliveira', null, 'cancelled'],
  ],
};

/** This week's bookings (Monday + `day`), soonest first, as the server lists them. */
export function fixtureBookings(tenant: DemoTenant = 'clinica-sol'): BookingItem[] {
  const zone = ZONES[tenant];
  const monday = fixtureMonday(tenant);
  return BOOKINGS[tenant].map(([day, time, minutes, serviceKey, providerKey, accountName, attendee, status = 'booked'], index) => {
    const start = new Date(instantAt(addDays(monday, day), time, zone));
    return {
      id: `b${tenant === 'clinica-sol' ? 1 : 2}000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
      status,
      start: start.toISOString(),
      end: new Date(start.getTime() + minutes * 60_000).toISOString(),
      accountId: `a${tenant === 'clinica-sol' ? 1 : 2}000000-0000-4000-8000-${String(accountName.length).padStart(12, '0')}`,
      accountName,
      attendee,
      serviceKey,
      providerKey,
      userId: null,
      requestId: null,
    };
  });
}

/** Pending requests for a time, proposing days next week. */
export function fixtureProposals(tenant: DemoTenant = 'clinica-sol'): ProposalItem[] {
  const zone = ZONES[tenant];
  const next = addDays(fixtureMonday(tenant), 7);
  const at = (day: number, time: string) => new Date(instantAt(addDays(next, day), time, zone)).toISOString();
  const created = new Date(Date.now() - 26 * 3_600_000).toISOString();
  if (tenant === 'martins-castro') {
    return [
      proposal('e2000000-0000-4000-8000-000000000001', 'consulta-extranjeria', 'Consulta de extranjería', PROVIDERS[tenant][0]!, [at(0, '10:00'), at(2, '17:00')], 'Es sobre la renovación de la residencia de mi esposa.', created),
    ];
  }
  return [
    proposal('e1000000-0000-4000-8000-000000000001', 'consulta-ocupacional', 'Consulta ocupacional (ASO)', PROVIDERS[tenant][1]!, [at(0, '08:30'), at(1, '09:00'), at(3, '10:30')], 'Exame admissional de dois funcionários novos.', created),
    proposal('e1000000-0000-4000-8000-000000000002', 'audiometria', 'Audiometria', null, [at(2, '07:30')], null, created),
  ];
}

function proposal(id: string, serviceKey: string, serviceName: string, provider: ProviderItem | null, times: string[], note: string | null, createdAt: string): ProposalItem {
  return {
    id,
    requestId: id.replace(/^e/, 'f'),
    status: 'pending',
    service: { key: serviceKey, name: serviceName },
    provider: provider ? { id: provider.id, name: provider.name } : null,
    providerKey: provider?.key ?? null,
    times,
    note,
    appointmentId: null,
    refusal: null,
    createdAt,
  };
}

const WEEKDAYS_MON_FRI = [1, 2, 3, 4, 5];
const RULES: Record<string, RuleItem[]> = {
  'dra-helena': WEEKDAYS_MON_FRI.map((weekday) => rule(weekday, '08:00', '12:00')),
  'dr-marcos': [rule(2, '13:00', '18:00'), rule(4, '13:00', '18:00')],
  'sala-exames': WEEKDAYS_MON_FRI.flatMap((weekday) => [rule(weekday, '07:30', '11:30'), rule(weekday, '13:30', '16:30')]),
  'ines-martins': [...[1, 2, 3, 4].flatMap((weekday) => [rule(weekday, '09:30', '13:30'), rule(weekday, '16:00', '19:00')]), rule(5, '09:30', '14:00')],
  'rafael-martins': [],
};

function rule(weekday: number, start: string, end: string): RuleItem {
  return { weekday, start, end, validFrom: null, validUntil: null };
}

/** A provider's weekly hours. */
export function fixtureRules(providerKey: string): RuleItem[] {
  return RULES[providerKey] ?? [];
}

/** The closed periods ahead: a holiday, two whole days for everyone, and a provider's afternoon away. */
export function fixtureClosedPeriods(tenant: DemoTenant = 'clinica-sol'): ClosedPeriod[] {
  const zone = ZONES[tenant];
  const monday = fixtureMonday(tenant);
  const midnight = (date: string) => new Date(instantAt(date, '00:00', zone)).toISOString();
  const day = (offset: number, days = 1) => ({ from: midnight(addDays(monday, offset)), to: midnight(addDays(monday, offset + days)) });
  const clinic = tenant === 'clinica-sol';
  return [
    { id: 'c1000000-0000-4000-8000-000000000001', providerKey: null, ...day(10), reason: clinic ? 'Feriado municipal' : 'Fiesta local' },
    {
      id: 'c1000000-0000-4000-8000-000000000002',
      providerKey: clinic ? 'dr-marcos' : 'ines-martins',
      from: new Date(instantAt(addDays(monday, 15), '13:00', zone)).toISOString(),
      to: new Date(instantAt(addDays(monday, 15), '18:00', zone)).toISOString(),
      reason: clinic ? 'Congresso de medicina do trabalho' : 'Juicio en la Audiencia Nacional',
    },
    { id: 'c1000000-0000-4000-8000-000000000003', providerKey: null, ...day(30, 2), reason: null },
  ];
}

/** What every appointment call answers in a story or test: the data, never (loading), nothing, or an error. */
export type FixtureState = 'ready' | 'loading' | 'empty' | 'error';

/**
 * A `request` for `fakeAdminApi` that answers the appointment endpoints from the fixtures (writes succeed and are
 * not remembered). `state` applies to the lists; the lookups (providers, services) answer unless `lookups` says.
 */
export function appointmentsRequest(options: { tenant?: DemoTenant; state?: FixtureState; lookups?: FixtureState } = {}): AdminApi['request'] {
  const tenant = options.tenant ?? 'clinica-sol';
  const answer = <T>(state: FixtureState, value: T, empty: T): Promise<T> =>
    state === 'loading' ? new Promise(() => {}) : state === 'error' ? Promise.reject(new ApiError('network_error', 0, 'fixture')) : Promise.resolve(state === 'empty' ? empty : value);
  const lists = options.state ?? 'ready';
  const lookups = options.lookups ?? 'ready';
  return (async (method: string, path: string, body?: unknown) => {
    const url = new URL(path, 'http://portico.test');
    const route = `${method} ${url.pathname.replace('/api/v1/appointments', '')}`;
    if (route === 'GET /providers') return answer(lookups, { items: PROVIDERS[tenant] }, { items: [] });
    if (route === 'GET /services') return answer(lookups, { items: SERVICES[tenant] }, { items: [] });
    if (route === 'GET /bookings') return answer(lists, { items: filterBookings(fixtureBookings(tenant), url.searchParams) }, { items: [] });
    if (route === 'GET /proposals') return answer(lists, { items: fixtureProposals(tenant) }, { items: [] });
    if (route === 'GET /exceptions') return answer(lists, { items: fixtureClosedPeriods(tenant) }, { items: [] });
    const rules = /^GET \/providers\/([\w-]+)\/rules$/.exec(route);
    if (rules) return answer(lists, { rules: fixtureRules(rules[1]!) }, { rules: [] });
    return writeAnswer(route, body, ZONES[tenant]);
  }) as AdminApi['request'];
}

function filterBookings(items: BookingItem[], query: URLSearchParams): BookingItem[] {
  return items.filter((item) => (!query.get('providerKey') || item.providerKey === query.get('providerKey')) && (!query.get('status') || item.status === query.get('status')));
}

function writeAnswer(route: string, body: unknown, zone: string): unknown {
  const id = /\/([\w-]+)\/(?:cancel|confirm|refuse|rules)$/.exec(route)?.[1] ?? 'new';
  if (route.endsWith('/cancel')) return { id, status: 'cancelled' };
  if (route.endsWith('/confirm')) {
    const { start } = body as { start: string };
    return { proposalId: id, status: 'confirmed', appointmentId: 'b9000000-0000-4000-8000-000000000001', requestId: 'f9', start: new Date(start).toISOString(), end: new Date(Date.parse(start) + 1_800_000).toISOString() };
  }
  if (route.endsWith('/refuse')) return { proposalId: id, status: 'refused', requestId: 'f9' };
  if (route.startsWith('PUT /providers/')) return body;
  if (route === 'POST /exceptions') {
    const { date, ...rest } = body as { date?: string; providerKey: string | null; from?: string; to?: string; reason?: string };
    const period = date ? { from: instantAt(date, '00:00', zone), to: instantAt(addDays(date, 1), '00:00', zone) } : { from: rest.from!, to: rest.to! };
    const iso = (instant: string) => new Date(instant).toISOString();
    return { id: 'c9000000-0000-4000-8000-000000000001', providerKey: rest.providerKey, from: iso(period.from), to: iso(period.to), reason: rest.reason ?? null };
  }
  if (route.startsWith('DELETE /exceptions/')) return undefined;
  throw new ApiError('not_found', 404, `fixture: no route for ${route}`);
}
