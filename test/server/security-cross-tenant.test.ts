/**
 * SECURITY.md 17 and "Tenant A's token on tenant B's ids [404]", for every route that takes an id — generated from the
 * app's own route list, so a new route with an id fails here until it is covered or listed below with its reason.
 * Tenant A holds one real row of every kind (security-fixture.ts). Then, with A's real ids:
 *  - tenant B's API token, B's console session and B's portal session get 404 (a key names a row in the caller's own
 *    tenant: B writing "its" key leaves A's row alone);
 *  - inside A, a user of Filial Contagem gets 404 for Matriz's rows, a user of another account 404 for the company's,
 *    and a quick-access session 404 for anything but its own process;
 *  - and A's rows are exactly as they were. A's own credentials then read every one of those ids (the ids are real).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STAFF_SCOPES } from '../../server/features/staff/schemas.ts';
import { openApiDocument } from '../../server/openapi/generate.ts';
import { securityOf, type OpenApi, type Operation } from '../helpers/openapi-requests.ts';
import { manualClock, startTestServer, type TestServer } from '../helpers/server.ts';
import { changedTables, FILES, fingerprint, FORMS, ROW_OF, seedWorld, type World } from './security-fixture.ts';

// A Wednesday, 10:00 in São Paulo: next week has free slots.
const clock = manualClock(new Date('2026-03-25T13:00:00Z'));
let server: TestServer;
let a: World;
let b: World;
let document: OpenApi;

/**
 * Routes with an id in the path that this test does not call, each with the reason. The test fails when one of them
 * is no longer a route (keep the list true) — and when a route with an id is neither here nor resolvable below.
 */
const NOT_TENANT_IDS: Record<string, string> = {
  'GET /api/portal/tenants/:slug': 'the public face of a portal (name, branding), answered to any visitor by design: tenants.test.ts',
  'GET /api/portal/documents/download/:token':
    'a signed grant (tenant, document, user, session), not an id: forged, tampered, expired and signed-out links are refused in documents.test.ts and security-tokens.test.ts',
  'GET /api/content-images/:slug{[a-z0-9-]{1,40}}/:token{[A-Za-z0-9_-]{32,64}}': 'a public image at an unguessable 256-bit address, shown in news to any page by design: content.test.ts',
  'GET /api/tenant-logos/:slug{[a-z0-9-]{1,40}}': 'a portal’s public logo, by design',
  'GET /api/v1/mail/templates/preview/:token':
    'a signed grant (tenant, template, language) of sample content, not an id: forged, tampered, expired and other kinds of tokens are refused in admin-mail.test.ts',
  'GET /api/v1/mail/templates/:name/preview': 'names one of the product’s own mail templates, the same for every tenant, rendered with the caller’s portal',
  'GET /docs/:asset': 'a static file of the API browser',
  'GET /dev/mail/:id': 'development only (never mounted in production): the mail this process captured for lack of SMTP, by design all of it: mail-dev-routes.test.ts',
  'GET /dev/mail/:id/attachments/:index': 'development only, as /dev/mail/:id',
};

/** How far inside a tenant a portal row is scoped: its establishment, its account (audience), or the whole tenant. */
function portalScope(row: string): 'establishment' | 'account' | 'tenant' {
  if (row === 'material') return 'tenant'; // materials are the tenant's library, for every client
  if (row === 'news' || row === 'campaign') return 'account'; // published to an audience of accounts
  return 'establishment';
}

interface Route {
  method: string;
  /** The Hono path, as in the route list. */
  path: string;
  /** The path with A's ids filled in. */
  url: string;
  /** The rows it names. */
  rows: string[];
  operation: Operation;
  /** `PUT …/:key`: writes a row under that key in the caller's own tenant. */
  upsertByKey: boolean;
}

function resolve(method: string, path: string): Route | string {
  const rows: string[] = [];
  let unresolved = '';
  const segments = path.split('/');
  const url = segments
    .map((segment, index) => {
      const param = /^:(\w+)/.exec(segment)?.[1];
      if (!param) return segment;
      if (FORMS[param]) return FORMS[param];
      const rule = ROW_OF[`${segments[index - 1]}:${param}`];
      const row = typeof rule === 'function' ? rule(path) : rule;
      if (!row) {
        unresolved = `${segments[index - 1]}:${param}`;
        return segment;
      }
      rows.push(row);
      return encodeURIComponent(a.rows[row]!);
    })
    .join('/');
  if (unresolved) return `no row of tenant A for ${unresolved}`;
  const openApiPath = path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
  const operation = document.paths[openApiPath]?.[method.toLowerCase()];
  if (!operation) return 'not in the OpenAPI document';
  return { method, path, url, rows, operation, upsertByKey: method === 'PUT' && /\/:key$/.test(path) };
}

/** Every route of the app with a parameter in its path. */
function routesWithIds(): { method: string; path: string }[] {
  const seen = new Set<string>();
  return server.app.routes
    .filter((route) => ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(route.method) && route.path.includes('/:'))
    .filter((route) => !seen.has(`${route.method} ${route.path}`) && seen.add(`${route.method} ${route.path}`));
}

let routes: Route[];

/** A valid request to `route` in every way but its ids: the documented example body, or a file of the right type. */
function requestInit(route: Route, headers: Record<string, string>): RequestInit {
  const content = route.operation.requestBody?.content ?? {};
  if (content['application/json']) {
    return { method: route.method, headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(content['application/json'].example ?? {}) };
  }
  if (content['multipart/form-data']) {
    const form = new FormData();
    form.set('file', new Blob([FILES['application/pdf']], { type: 'application/pdf' }), 'note.pdf');
    return { method: route.method, headers, body: form };
  }
  const type = Object.keys(content).find((candidate) => candidate in FILES) as keyof typeof FILES | undefined;
  if (type) return { method: route.method, headers: { ...headers, 'Content-Type': type }, body: FILES[type] as Uint8Array<ArrayBuffer> };
  return { method: route.method, headers };
}

/** The query a route needs (its required parameters), with dates around the fixture's rows. */
function withQuery(route: Route): string {
  const required = (route.operation.parameters ?? []).filter((p) => p.in === 'query' && p.required);
  if (!required.length) return route.url;
  const values: Record<string, string> = { from: '2026-03-01', to: '2026-04-30' };
  return `${route.url}?${required.map((p) => `${p.name}=${encodeURIComponent(values[p.name] ?? 'x')}`).join('&')}`;
}

type Credentials = { kind: string; headers: Record<string, string> };
const integration = (w: World): Credentials => ({ kind: 'API token', headers: { Authorization: `Bearer ${w.token}` } });
const consoleStaff = (w: World): Credentials => ({ kind: 'console session', headers: { Authorization: `Bearer ${w.staff.token}` } });
const portalUser = (w: World, who: keyof World['sessions']): Credentials => ({
  kind: `portal ${who}`,
  headers: { Authorization: `Bearer ${w.sessions[who]}`, 'X-Portal-Tenant': w.f.tenant.slug, 'X-Requested-With': 'portico' },
});

const isPortal = (route: Route) => route.path.startsWith('/api/portal/');
const staffOnly = (route: Route) => securityOf(route.operation).apiScopes.some((scope) => (STAFF_SCOPES as readonly string[]).includes(scope));
const sessionsOf = (route: Route) => securityOf(route.operation).portalSessions;

async function send(route: Route, credentials: Credentials): Promise<{ status: number; text: string }> {
  const response = await server.request(withQuery(route), requestInit(route, credentials.headers));
  return { status: response.status, text: await response.text() };
}

before(async () => {
  server = await startTestServer({ API_RATE_LIMIT: '1000000' }, { clock: clock.now });
  a = await seedWorld(server, clock.now(), { rows: true });
  b = await seedWorld(server, clock.now(), { rows: false });
  // Nothing may write in the background while A's rows are compared: mail and webhooks are sent now, then stop.
  await server.mail.dispatcher.drain();
  await server.mail.dispatcher.stop();
  await server.webhooks.stop();
  document = openApiDocument(server.app as never, { version: 'test' }) as unknown as OpenApi;
  routes = [];
  for (const { method, path } of routesWithIds()) {
    const resolved = resolve(method, path);
    if (typeof resolved !== 'string') routes.push(resolved);
  }
  // Upserts last: once B has written "its" row under a key, B's later calls with that key rightly reach it.
  routes.sort((x, y) => Number(x.upsertByKey) - Number(y.upsertByKey));
});
after(() => server.stop());

describe('every route with an id is covered', () => {
  test('each one resolves to a real row of tenant A, or is listed with the reason it is not a tenant id', () => {
    const all = routesWithIds().map(({ method, path }) => `${method} ${path}`);
    const unexplained = routesWithIds()
      .filter(({ method, path }) => !NOT_TENANT_IDS[`${method} ${path}`])
      .map(({ method, path }) => [`${method} ${path}`, resolve(method, path)] as const)
      .filter(([, resolved]) => typeof resolved === 'string')
      .map(([route, reason]) => `${route}: ${reason}`);
    assert.deepEqual(unexplained, []);
    assert.deepEqual(Object.keys(NOT_TENANT_IDS).filter((route) => !all.includes(route)), [], 'listed routes that no longer exist');
    assert.ok(routes.length > 80, `${routes.length} routes with ids`);
  });
});

describe("another tenant's credentials with tenant A's ids (SECURITY.md: Tenant A's token on tenant B's ids)", () => {
  test("B's API token, B's console session and B's portal session get 404 on every route; A's rows do not change", { timeout: 120_000 }, async () => {
    const before = await fingerprint(server.db.owner, a.f.tenant.id);
    const failures: string[] = [];
    let calls = 0;
    for (const route of routes) {
      const callers = isPortal(route) ? [portalUser(b, 'rh')] : staffOnly(route) ? [consoleStaff(b)] : [integration(b), consoleStaff(b)];
      for (const credentials of callers) {
        const answer = await send(route, credentials);
        calls++;
        // A key names a row in the caller's own tenant: B may write its own (or be told its body is wrong).
        const fine = route.upsertByKey ? answer.status < 500 : answer.status === 404;
        if (!fine) failures.push(`${route.method} ${route.path} as B's ${credentials.kind} → ${answer.status} ${answer.text.slice(0, 200)}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(changedTables(before, await fingerprint(server.db.owner, a.f.tenant.id)), [], "tenant A's rows changed");
    assert.ok(calls > 100, `${calls} calls`);
  });
});

describe('inside tenant A, ids beyond the caller’s reach (SECURITY.md 17)', () => {
  const phases = [
    { label: 'a user of Filial Contagem, with Matriz’s rows', who: 'branch', reaches: (scope: string) => scope === 'establishment' },
    { label: 'a user of another account, with the company’s rows', who: 'solo', reaches: (scope: string) => scope !== 'tenant' },
  ] as const;
  for (const phase of phases) {
    test(`${phase.label}: 404 on every portal route, nothing changed`, async () => {
      const before = await fingerprint(server.db.owner, a.f.tenant.id);
      const failures: string[] = [];
      const checked = routes.filter((route) => isPortal(route) && route.rows.every((row) => phase.reaches(portalScope(row))));
      for (const route of checked) {
        const answer = await send(route, portalUser(a, phase.who));
        if (answer.status !== 404) failures.push(`${route.method} ${route.path} → ${answer.status} ${answer.text.slice(0, 200)}`);
      }
      assert.deepEqual(failures, []);
      assert.deepEqual(changedTables(before, await fingerprint(server.db.owner, a.f.tenant.id)), []);
      assert.ok(checked.length >= (phase.who === 'branch' ? 15 : 18), `${checked.length} routes`);
    });
  }

  test('a quick-access session, with a process and news that are not its own: 404 (403 to any write: it is read-only), nothing changed', async () => {
    const before = await fingerprint(server.db.owner, a.f.tenant.id);
    const checked = routes.filter((route) => isPortal(route) && sessionsOf(route).includes('quick-access'));
    const answers = await Promise.all(checked.map(async (route) => `${route.method} ${route.path} → ${(await send(route, portalUser(a, 'quickAccess'))).status}`));
    assert.deepEqual(answers, checked.map((route) => `${route.method} ${route.path} → ${route.method === 'GET' ? 404 : 403}`));
    // The 403 says nothing about the id: its own process gets it too.
    const own = await server.request(`/api/portal/processes/${a.f.process.id}/seen`, { method: 'POST', headers: portalUser(a, 'quickAccess').headers });
    assert.equal(own.status, 403);
    assert.deepEqual(changedTables(before, await fingerprint(server.db.owner, a.f.tenant.id)), []);
    assert.ok(checked.length >= 3, `${checked.length} routes`);
  });
});

describe('the ids are real', () => {
  test("tenant A's own credentials read every one of them", async () => {
    const failures: string[] = [];
    const reads = routes.filter((route) => route.method === 'GET');
    for (const route of reads) {
      const credentials = isPortal(route) ? portalUser(a, 'rh') : staffOnly(route) ? consoleStaff(a) : integration(a);
      const answer = await send(route, credentials);
      if (answer.status !== 200) failures.push(`${route.method} ${route.path} → ${answer.status} ${answer.text.slice(0, 200)}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(reads.length > 20, `${reads.length} reads`);
  });
});
