import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { seedBranches, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let token: string;
let otherToken: string;
let branchUser: { email: string; password: string };
const clock = manualClock(new Date('2026-05-04T10:00:00Z'));

const template = {
  name: { es: 'Nacionalidad', en: 'Nationality' },
  phases: [
    { key: 'documentos', name: { es: 'Documentación', en: 'Documents' }, description: { es: 'Reunimos los documentos.', en: 'We gather the documents.' } },
    { key: 'presentacion', name: { es: 'Presentación', en: 'Filing' } },
    { key: 'tramite', name: { es: 'En trámite', en: 'In progress' } },
    { key: 'resolucion', name: { es: 'Resolución', en: 'Decision' } },
  ],
};

function api(method: string, path: string, body?: unknown, bearer = token) {
  return server.request(`/api/v1/processes${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function portalAs(fixture: IdentityFixture, credentials: { email: string; password: string } | { number: string; accessKey: string }) {
  const portal = new PortalClient(server, fixture.tenant.slug);
  const answer = 'email' in credentials ? await portal.post('/sign-in', credentials) : await portal.post('/quick-access', credentials);
  const { accessToken } = (await answer.json()) as { accessToken: string };
  return (method: string, path: string) =>
    server.request(path.startsWith('/api/') ? path : `/api/portal/processes${path}`, { method, headers: { Authorization: `Bearer ${accessToken}`, 'X-Portal-Tenant': fixture.tenant.slug } });
}

type Result = { externalId: string; id: string; result: string; quickAccess?: { number: string; accessKey: string } };
async function upsert(items: object[], bearer = token) {
  const response = await api('PUT', '', { items }, bearer);
  return { status: response.status, body: (await response.json()) as { results: Result[]; code?: string; errors?: { path: string }[] } };
}

const item = (externalId: string, overrides: object = {}) => ({ externalId, accountId: f.person.id, title: `Expediente ${externalId}`, template: 'nacionalidad', ...overrides });
const count = async (table: string) => (await server.db.owner`select count(*)::int as n from ${server.db.owner(table)} where tenant_id = ${f.tenant.id}`)[0]!.n as number;

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  ({ branchUser } = await seedBranches(server.db, f));
  const expiresAt = new Date(clock.now().getTime() + 400 * 86_400_000);
  const scopes = ['processes:read', 'processes:write'] as const;
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'erp', scopes: [...scopes], expiresAt }))).token;
  otherToken = (await server.db.withTenant(other.tenant.id, (tx) => createApiToken(tx, other.tenant.slug, { name: 'erp', scopes: [...scopes], expiresAt }))).token;
  assert.equal((await api('PUT', '/templates/nacionalidad', template)).status, 200);
});
after(() => server.stop());

describe('the business drives processes', () => {
  test('templates are checked: phases, keys and texts', async () => {
    for (const bad of [{ ...template, phases: [] }, { ...template, phases: [template.phases[0], template.phases[0]] }, { ...template, name: {} }, { ...template, phases: [{ key: 'Bad Key', name: { es: 'x' } }] }]) {
      assert.equal((await readProblem(await api('PUT', '/templates/otra', bad))).code, 'invalid_input');
    }
    assert.equal((await api('PUT', '/templates/nacionalidad', template)).status, 200);
  });

  test('upsert by external id: created with quick-access credentials once, the same batch again changes nothing', async () => {
    const first = await upsert([item('EXP-1', { phase: 'presentacion', references: [{ label: 'N.º Ministerio', value: 'R-1' }, { label: 'Clave', value: 'K7Q2-91XD', secret: true }] }), item('EXP-2')]);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.results.map((r) => r.result), ['created', 'created']);
    const access = first.body.results[0]!.quickAccess!;
    assert.match(access.number, /^[1-9]\d{9}$/);
    assert.match(access.accessKey, /^[2-9A-Z]{4}(-[2-9A-Z]{4}){3}$/);
    assert.notEqual(first.body.results[1]!.quickAccess!.number, access.number);
    const [stored] = await server.db.owner`select access_key_hash from processes where id = ${first.body.results[0]!.id}`;
    assert.ok(!String(stored!.access_key_hash).includes(access.accessKey), 'the key is stored only as its hash');
    const changes = await count('process_phase_changes');
    const again = await upsert([item('EXP-1', { phase: 'presentacion', references: [{ label: 'N.º Ministerio', value: 'R-1' }, { label: 'Clave', value: 'K7Q2-91XD', secret: true }] }), item('EXP-2')]);
    assert.deepEqual(again.body.results.map((r) => [r.result, r.quickAccess]), [['unchanged', undefined], ['unchanged', undefined]]);
    assert.equal(await count('process_phase_changes'), changes, 'no phase change was recorded');
    const detail = (await (await api('GET', `/${first.body.results[0]!.id}`)).json()) as { currentPhase: { key: string }; references: unknown[] };
    assert.equal(detail.currentPhase.key, 'presentacion');
    assert.equal(detail.references.length, 2);
  });

  test('bad input is refused whole and nothing is written', async () => {
    const before = [await count('processes'), await count('process_phase_changes')];
    const cases: [object, string][] = [
      [item('BAD-1', { title: '' }), 'items.1.title'],
      [item('BAD-2', { title: '   ' }), 'items.1.title'],
      [item('BAD-3', { template: 'no-such-template' }), 'items.1.template'],
      [item('BAD-4', { phase: 'no-such-phase' }), 'items.1.phase'],
      [item('BAD-5', { accountId: other.person.id }), 'items.1.accountId'],
      [item('BAD-6', { references: [{ label: 'x', value: '' }] }), 'items.1.references'],
      [{ ...item('BAD-7'), surprise: 1 }, 'items.1'],
    ];
    for (const [bad, path] of cases) {
      const { status, body } = await upsert([item(`GOOD-${path}-${Math.random()}`), bad]);
      assert.equal(status, 400, JSON.stringify(bad));
      assert.ok(body.errors?.some((error) => error.path.startsWith(path)), `${JSON.stringify(body.errors)} names ${path}`);
    }
    assert.deepEqual([await count('processes'), await count('process_phase_changes')], before);
  });

  test('phase moves are recorded with who and when, newest first; an unknown phase is a 400 that changes nothing', async () => {
    const { body } = await upsert([item('EXP-HIST')]);
    const id = body.results[0]!.id;
    for (const phase of ['presentacion', 'tramite']) {
      clock.advance(86_400);
      assert.equal((await api('POST', `/${id}/phase`, { phase, note: `a ${phase}` })).status, 200);
    }
    assert.equal((await readProblem(await api('POST', `/${id}/phase`, { phase: 'jura' }))).code, 'invalid_input');
    const detail = (await (await api('GET', `/${id}`)).json()) as { history: { phase: string; at: string; note: string | null }[]; phases: { key: string; state: string; enteredAt: string | null }[] };
    assert.deepEqual(detail.history.map((h) => h.phase), ['tramite', 'presentacion', 'documentos']);
    assert.ok(new Date(detail.history[0]!.at) > new Date(detail.history[1]!.at));
    assert.deepEqual(detail.phases.map((p) => p.state), ['done', 'done', 'current', 'upcoming']);
    assert.equal(detail.phases[3]!.enteredAt, null);
    const [audit] = await server.db.owner`select actor_type, count(*)::int as n from audit_log where subject_id = ${id} and action = 'process-phase-changed' group by actor_type`;
    assert.deepEqual([audit!.actor_type, audit!.n], ['integration', 2]);
    const removing = await api('PUT', '/templates/nacionalidad', { ...template, phases: template.phases.filter((p) => p.key !== 'tramite') });
    assert.equal(removing.status, 400, 'a phase a process is in cannot be taken out of its template');
  });

  test('another tenant’s token sees and changes nothing here', async () => {
    const { body } = await upsert([item('EXP-SCOPE')]);
    const id = body.results[0]!.id;
    assert.equal((await api('GET', `/${id}`, undefined, otherToken)).status, 404);
    assert.equal((await api('POST', `/${id}/phase`, { phase: 'tramite' }, otherToken)).status, 404);
    assert.equal((await api('POST', `/${id}/notices`, { title: 'x', body: 'y' }, otherToken)).status, 404);
    const listed = (await (await api('GET', '', undefined, otherToken)).json()) as { items: { id: string }[] };
    assert.ok(listed.items.length > 0 && !listed.items.some((p) => p.id === id), 'only its own tenant’s processes');
  });
});

describe('what clients see', () => {
  test('notices are sanitised rich text, newest first, unread until the client opens the process', async () => {
    const { body } = await upsert([item('EXP-NEWS')]);
    const id = body.results[0]!.id;
    clock.advance(60);
    const posted = await api('POST', `/${id}/notices`, { title: 'Requerimiento', body: 'Aporte el **certificado**. [Guía](https://www.mjusticia.gob.es/) [x](javascript:alert(1)) <img src=x onerror=alert(1)>' });
    assert.equal(posted.status, 201);
    clock.advance(60);
    await api('POST', `/${id}/notices`, { kind: 'follow-up', title: 'Qué falta', body: '1. Pedirlo\n2. Enviarlo' });
    const solo = await portalAs(f, f.solo);
    const list = (await (await solo('GET', '')).json()) as { items: { id: string; unread: number }[] };
    assert.equal(list.items.find((p) => p.id === id)!.unread, 2);
    const detail = (await (await solo('GET', `/${id}`)).json()) as { notices: { title: string; unread: boolean; body: unknown }[] };
    assert.deepEqual(detail.notices.map((n) => [n.title, n.unread]), [['Qué falta', true], ['Requerimiento', true]]);
    const tree = JSON.stringify(detail.notices[1]!.body);
    assert.ok(tree.includes('"href":"https://www.mjusticia.gob.es/"'));
    assert.ok(!/javascript:/i.test(tree.replace(/"text":"[^"]*"/g, '')), 'no javascript: link survives');
    assert.ok(!tree.includes('"html"') && !tree.includes('onerror="'), 'no markup is carried as markup');
    assert.equal((await solo('POST', `/${id}/seen`)).status, 204);
    const after = (await (await solo('GET', `/${id}`)).json()) as { notices: { unread: boolean }[] };
    assert.ok(after.notices.every((n) => !n.unread));
  });

  test('names come in the locale asked for, falling back to the portal’s', async () => {
    const { body } = await upsert([item('EXP-LANG')]);
    const solo = await portalAs(f, f.solo);
    const en = (await (await solo('GET', `/${body.results[0]!.id}?locale=en`)).json()) as { phases: { name: string; description: string | null }[] };
    assert.deepEqual(en.phases.map((p) => p.name), ['Documents', 'Filing', 'In progress', 'Decision']);
    const es = (await (await solo('GET', `/${body.results[0]!.id}?locale=es`)).json()) as { phases: { name: string }[] };
    assert.equal(es.phases[0]!.name, 'Documentación');
    const pt = (await (await solo('GET', `/${body.results[0]!.id}?locale=pt-BR`)).json()) as { phases: { name: string; description: string | null }[] };
    assert.equal(pt.phases[0]!.name, 'Documents', 'no text in pt-BR (asked, and the portal’s own): English next');
    assert.equal(pt.phases[1]!.description, null);
  });

  test('scope: another account’s or tenant’s process is a 404; a branch user does not see account-wide cases', async () => {
    const { body } = await upsert([item('EXP-COMPANY', { accountId: f.company.id })]);
    const id = body.results[0]!.id;
    const solo = await portalAs(f, f.solo);
    assert.equal((await solo('GET', `/${id}`)).status, 404);
    assert.equal((await solo('POST', `/${id}/seen`)).status, 404);
    const branch = await portalAs(f, branchUser);
    assert.equal((await branch('GET', `/${id}`)).status, 404);
    const rh = await portalAs(f, f.rh);
    assert.equal((await rh('GET', `/${id}`)).status, 200);
    const outsider = await portalAs(other, other.rh);
    assert.equal((await outsider('GET', `/${id}`)).status, 404);
  });

  test('quick access sees exactly its process, read-only, and nothing else of the portal', async () => {
    const { body } = await upsert([item('EXP-QA'), item('EXP-QA-OTHER')]);
    const mine = body.results[0]!;
    const quick = await portalAs(f, mine.quickAccess!);
    const list = (await (await quick('GET', '')).json()) as { items: { id: string }[] };
    assert.deepEqual(list.items.map((p) => p.id), [mine.id]);
    assert.equal((await quick('GET', `/${mine.id}`)).status, 200);
    assert.equal((await quick('GET', `/${body.results[1]!.id}`)).status, 404);
    assert.equal((await quick('GET', `/${f.process.id}`)).status, 404);
    assert.equal((await quick('POST', `/${mine.id}/seen`)).status, 403);
    for (const path of ['/api/portal/requests', '/api/portal/billing/charges', '/api/portal/billing/summary']) {
      assert.equal((await quick('GET', path)).status, 401, path);
    }
  });

  test('a phase change and a notice e-mail the account’s users in their language, unless switched off', async () => {
    const { body } = await upsert([item('EXP-MAIL')]);
    const id = body.results[0]!.id;
    const mails = async () => server.db.owner<{ recipient: string; locale: string; data: { event: string; detail: string } }[]>`
      select recipient, locale, data from outbox where tenant_id = ${f.tenant.id} and dedupe_key like ${`process:${id}:%`} order by id`;
    await api('POST', `/${id}/phase`, { phase: 'presentacion' });
    const sent = await mails();
    const [tenant] = await server.db.owner`select default_locale from tenants where id = ${f.tenant.id}`;
    assert.deepEqual(sent.map((m) => [m.recipient, m.locale, m.data.event]).sort(), [[f.rh.email, tenant!.default_locale, 'phase'], [f.solo.email, 'es', 'phase']].sort(), 'each in their own language, else the portal’s');
    assert.equal(sent.find((m) => m.locale === 'es')!.data.detail, 'Presentación');
    await api('POST', `/${id}/notices`, { title: 'Silencio', body: 'x', notify: false });
    assert.equal((await mails()).length, 2);
    assert.equal((await api('PUT', '/settings', { notifyClients: false })).status, 200);
    await api('POST', `/${id}/phase`, { phase: 'tramite' });
    assert.equal((await mails()).length, 2, 'the business switched the e-mails off');
    await api('PUT', '/settings', { notifyClients: true });
  });
});
