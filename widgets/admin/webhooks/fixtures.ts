import { ApiError, type AdminApi, type StaffMe } from '../admin-api.ts';
import { answerFor, fixtureMe, type DemoTenant, type FixtureState } from '../team/fixtures.ts';
import type { EndpointInput, PorticoEvent, WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookEndpointWithSecret, WebhookEventType } from './webhooks-client.ts';

/** Webhook endpoints and deliveries of the two demo tenants, for `<admin-webhooks>`' tests and stories. */

/** Who looks: an owner (read and change), a read-only member (the list and logs, no buttons), or someone without webhooks. */
export type WebhooksAccess = 'owner' | 'read-only' | 'no-access';

export function fixtureWebhooksMe(access: WebhooksAccess = 'owner', tenant: DemoTenant = 'clinica-sol'): StaffMe {
  if (access === 'owner') return fixtureMe({}, tenant);
  if (access === 'read-only') return fixtureMe({ role: 'read-only' }, tenant);
  return fixtureMe({ role: 'staff', scopes: ['accounts:read', 'users:read'] }, tenant);
}

/** The secret a new endpoint gets, and the one a rotation gives. */
export const FIXTURE_SECRET = 'whsec_2b9Yx0c5kq3vJw8Zr1mT6uE4nH7pLs0aDf9Gi2Ko3Qe';
export const FIXTURE_ROTATED_SECRET = 'whsec_Vn4pQ8sL1xK7cR3mZ9bT0yW6hJ2fD5gA8eU1iO4kP7q';

/** The endpoints' ids, for tests to find them. */
export const ENDPOINT_IDS = {
  erp: '5f0c2a7e-3b1d-4c8e-9a6f-1d2e3f4a5b61',
  zapier: '5f0c2a7e-3b1d-4c8e-9a6f-1d2e3f4a5b62',
  bi: '5f0c2a7e-3b1d-4c8e-9a6f-1d2e3f4a5b63',
  legalOne: '8e1d3b9f-4c2e-4d9f-8b7a-2e3f4a5b6c71',
} as const;

const MINUTE = 60_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * MINUTE).toISOString();
const ALL_EVENTS: WebhookEventType[] = [
  'request.created', 'request.replied', 'request.answered', 'request.closed', 'appointment.booked', 'appointment.cancelled',
  'charge.paid', 'payment_method.changed', 'profile.changed', 'user.activated', 'document.downloaded',
];

function endpoint(id: string, url: string, description: string, events: WebhookEventType[], enabled: boolean, recent: WebhookEndpoint['recent'], createdDaysAgo: number): WebhookEndpoint {
  const createdAt = ago(createdDaysAgo * 24 * 60);
  return { id, url, description, events, enabled, createdAt, updatedAt: createdAt, recent };
}

/** A tenant's endpoints: a busy ERP, a failing Zapier hook, a disabled one without description subscribed to everything. */
export function fixtureEndpoints(tenant: DemoTenant = 'clinica-sol'): WebhookEndpoint[] {
  if (tenant === 'martins-castro') {
    return [
      endpoint(ENDPOINT_IDS.legalOne, 'https://legalone.martinscastro.es/api/portico/eventos', 'Sincronización Legal One', ['request.created', 'request.replied', 'request.closed', 'document.downloaded'], true,
        { delivered: 12, failed: 0, pending: 0, lastAt: ago(20), lastStatus: 204 }, 45),
    ];
  }
  return [
    endpoint(ENDPOINT_IDS.erp, 'https://erp.clinicasol.com.br/portico/eventos', 'Integração ERP (Tasy)', ['appointment.booked', 'appointment.cancelled', 'charge.paid', 'profile.changed'], true,
      { delivered: 41, failed: 1, pending: 1, lastAt: ago(6), lastStatus: 503 }, 60),
    endpoint(ENDPOINT_IDS.zapier, 'https://hooks.zapier.com/hooks/catch/4812093/b7kq2x/', 'Avisos da recepção (Zapier)', ['request.created', 'request.replied'], true,
      { delivered: 6, failed: 2, pending: 0, lastAt: ago(50), lastStatus: 410 }, 20),
    endpoint(ENDPOINT_IDS.bi, 'https://bi.clinicasol.com.br/webhooks/portal', '', ALL_EVENTS, false, { delivered: 0, failed: 0, pending: 0, lastAt: null, lastStatus: null }, 200),
  ];
}

function portalEvent(number: number, type: PorticoEvent['type'], minutesAgo: number, details: Record<string, unknown> = {}): PorticoEvent {
  const subject = type === 'ping' ? 'webhook_endpoint' : type.split('.')[0]!;
  return {
    id: `evt_${number}`,
    type,
    createdAt: ago(minutesAgo),
    data: { subject: { type: subject, id: '0b8e7f52-4d0e-4a8f-9d51-2f3c1d7a9e10' }, actor: { type: 'client', id: '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d' }, details },
  };
}

/** The id of delivery number `n`. */
export const deliveryId = (n: number) => `3f2e1d0c-9b8a-4776-8554-${String(n).padStart(12, '0')}`;

/** Delivery `n`, whose tries are `tries` (minutes ago, status or error, ms); its status follows from them unless given. */
function delivery(n: number, endpointId: string, event: PorticoEvent, tries: [number, number | string, number][], status?: WebhookDelivery['status']): WebhookDelivery {
  const log: WebhookAttempt[] = tries.map(([minutes, outcome, durationMs]) => ({
    at: ago(minutes),
    statusCode: typeof outcome === 'number' ? outcome : null,
    error: typeof outcome === 'string' ? outcome : null,
    durationMs,
  }));
  const last = log.at(-1);
  const ok = last?.statusCode != null && last.statusCode < 300;
  const settled = status ?? (ok ? 'delivered' : 'pending');
  return {
    id: deliveryId(n),
    endpointId,
    event,
    status: settled,
    attempts: log.length,
    createdAt: event.createdAt,
    deliveredAt: ok ? last.at : null,
    nextAttemptAt: settled === 'pending' ? ago(-4) : null,
    lastStatus: last?.statusCode ?? null,
    lastError: ok || !last ? null : (last.error ?? `HTTP ${last.statusCode}`),
    log,
  };
}

/** An endpoint's deliveries, newest first: the first page and the older one behind its `next`. */
export function fixtureDeliveries(endpointId: string): { first: WebhookDelivery[]; older: WebhookDelivery[] } {
  if (endpointId === ENDPOINT_IDS.erp) {
    return {
      first: [
        delivery(1, endpointId, portalEvent(1041, 'charge.paid', 6, { chargeId: 'COB-2026-00412', amount: 35000, currency: 'BRL' }), [[6, 503, 2140]]),
        delivery(2, endpointId, portalEvent(1042, 'appointment.booked', 40, { start: '2026-12-01T13:00:00.000Z', serviceKey: 'follow-up' }), [[40, 503, 84], [39, 200, 61]]),
        delivery(3, endpointId, portalEvent(1043, 'profile.changed', 60 * 26, { field: 'phone' }), [
          [60 * 26, 'connect ECONNREFUSED 200.147.67.142:443', 12],
          [60 * 25, 'connect ECONNREFUSED 200.147.67.142:443', 9],
          [60 * 20, 'Timed out after 10 s', 10000],
          [60 * 2, 500, 311],
        ], 'failed'),
        delivery(4, endpointId, portalEvent(1044, 'ping', 60 * 48, { message: 'A test event sent from Portico' }), [[60 * 48, 200, 45]]),
      ],
      older: [
        delivery(5, endpointId, portalEvent(1045, 'appointment.cancelled', 60 * 72), [[60 * 72, 200, 58]]),
        delivery(6, endpointId, portalEvent(1046, 'charge.paid', 60 * 96), [[60 * 96, 200, 73]]),
      ],
    };
  }
  if (endpointId === ENDPOINT_IDS.zapier) {
    return {
      first: [
        delivery(7, endpointId, portalEvent(1047, 'request.created', 50), [[50, 410, 122], [45, 410, 98]], 'failed'),
        delivery(8, endpointId, portalEvent(1048, 'request.replied', 60 * 5), [[60 * 5, 200, 240]]),
      ],
      older: [],
    };
  }
  if (endpointId === ENDPOINT_IDS.legalOne) {
    return { first: [delivery(9, endpointId, portalEvent(1049, 'request.created', 20), [[20, 204, 150]])], older: [] };
  }
  return { first: [], older: [] };
}

/** What the server refuses as an address (as `routes-v1.ts` does in production). */
function urlProblem(url: string | undefined): ApiError | undefined {
  if (url === undefined) return undefined;
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return new ApiError('invalid_input', 400, 'Invalid input', undefined, [{ path: 'url', message: 'must be an http(s) URL' }]);
  }
  const target = new URL(url);
  if (target.protocol !== 'https:' || target.username || /^(localhost|127\.|10\.|192\.168\.)/.test(target.hostname)) {
    return new ApiError('webhook_url_not_allowed', 400, 'Not allowed', undefined, [{ path: 'url', message: 'is not allowed' }]);
  }
  return undefined;
}

export interface WebhooksFixtureOptions {
  tenant?: DemoTenant;
  /** What the endpoint list answers. */
  state?: FixtureState;
  /** What the delivery logs answer. */
  logState?: FixtureState;
}

const NEXT_PAGE = 'MjAyNi0xMS0yMlQxMDowMDowMC4wMDBafDNmMmU';

/**
 * A `request` for `fakeAdminApi` that answers the webhook endpoints from the fixtures, in memory: an endpoint
 * created, changed or deleted stays so; a test event or a redelivery joins the endpoint's log as pending.
 */
export function webhooksRequest(options: WebhooksFixtureOptions = {}): AdminApi['request'] {
  const endpoints = fixtureEndpoints(options.tenant);
  const logs = new Map(endpoints.map((item) => [item.id, fixtureDeliveries(item.id)]));
  const find = (id: string) => {
    const found = endpoints.find((item) => item.id === id);
    if (!found) throw new ApiError('not_found', 404, 'No such webhook endpoint');
    return found;
  };
  const logOf = (id: string) => logs.get(id) ?? { first: [], older: [] };
  /** The number of the next delivery (and event) made here. */
  let added = 2000;
  return (async (method: string, path: string, body?: unknown) => {
    const url = new URL(path, 'http://portico.test');
    const route = `${method} ${url.pathname}`;
    const [, id, action] = /^\/api\/v1\/webhooks\/([^/]+)(?:\/(.+))?$/.exec(url.pathname) ?? [];
    if (route === 'GET /api/v1/webhooks') return answerFor(options.state ?? 'ready', () => ({ items: structuredClone(endpoints) }), () => ({ items: [] }));
    if (route === 'POST /api/v1/webhooks') {
      const input = body as EndpointInput;
      const refused = urlProblem(input.url);
      if (refused) throw refused;
      const now = new Date().toISOString();
      const created: WebhookEndpoint = { id: `9c7b5a3e-1f2d-4e6c-8b0a-${String(endpoints.length + 1).padStart(12, '0')}`, ...input, enabled: true, createdAt: now, updatedAt: now, recent: { delivered: 0, failed: 0, pending: 0, lastAt: null, lastStatus: null } };
      endpoints.unshift(created);
      return { ...structuredClone(created), secret: FIXTURE_SECRET } satisfies WebhookEndpointWithSecret;
    }
    if (method === 'POST' && id === 'deliveries' && action?.endsWith('/redeliver')) {
      const deliveryId = action.split('/')[0];
      const original = [...logs.values()].flatMap((log) => [...log.first, ...log.older]).find((item) => item.id === deliveryId);
      if (!original) throw new ApiError('not_found', 404, 'No such delivery');
      const copy = delivery(added++, original.endpointId, original.event, [], 'pending');
      logOf(original.endpointId).first.unshift(copy);
      return structuredClone(copy);
    }
    if (!id) throw new ApiError('not_found', 404, `fixture: no route for ${route}`);
    const found = find(id);
    if (method === 'PATCH' && !action) {
      const patch = body as Partial<EndpointInput> & { enabled?: boolean };
      const refused = urlProblem(patch.url);
      if (refused) throw refused;
      Object.assign(found, patch, { updatedAt: new Date().toISOString() });
      return structuredClone(found);
    }
    if (method === 'DELETE' && !action) {
      endpoints.splice(endpoints.indexOf(found), 1);
      return undefined;
    }
    if (method === 'POST' && action === 'rotate-secret') return { ...structuredClone(found), secret: FIXTURE_ROTATED_SECRET };
    if (method === 'POST' && action === 'ping') {
      const ping = delivery(added, id, portalEvent(added++, 'ping', 0, { message: 'A test event sent from Portico' }), [], 'pending');
      logOf(id).first.unshift(ping);
      return structuredClone(ping);
    }
    if (method === 'GET' && action === 'deliveries') {
      const status = url.searchParams.get('status');
      const log = logOf(id);
      const keep = (items: WebhookDelivery[]) => structuredClone(items.filter((item) => !status || item.status === status));
      const page = url.searchParams.get('before') === NEXT_PAGE ? { items: keep(log.older), next: null } : { items: keep(log.first), next: log.older.length && !status ? NEXT_PAGE : null };
      return answerFor(options.logState ?? 'ready', () => page, () => ({ items: [], next: null }));
    }
    throw new ApiError('not_found', 404, `fixture: no route for ${route}`);
  }) as AdminApi['request'];
}
