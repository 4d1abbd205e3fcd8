import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { seedBranches, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let staffToken: string;
let matriz: string;
let filial: string;
const clock = manualClock();
let branchUser: { email: string; password: string };

/** A signed-in portal user calling `/api/portal/requests`. */
async function as(fixture: IdentityFixture, email: string, password: string) {
  const portal = new PortalClient(server, fixture.tenant.slug);
  const { accessToken } = (await (await portal.post('/sign-in', { email, password })).json()) as { accessToken: string };
  const call = (method: string, path = '', body?: unknown) =>
    server.request(`/api/portal/requests${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'X-Portal-Tenant': fixture.tenant.slug, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
  return { call, accessToken };
}

const staff = (method: string, path: string, body?: unknown, token = staffToken) =>
  server.request(`/api/v1/requests${path}`, { method, headers: { Authorization: `Bearer ${token}`, ...(body ? { 'Content-Type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  ({ matriz, filial, branchUser } = await seedBranches(server.db, f));
  staffToken = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'inbox', scopes: ['requests:read', 'requests:write'], expiresAt: new Date(Date.now() + 400 * 86_400_000) }))).token;
});
after(() => server.stop());

describe('a client’s requests', () => {
  test('open a financial request about a charge, read it back, reply, close and reopen it', async () => {
    const rh = await as(f, f.rh.email, f.rh.password);
    const created = await rh.call('POST', '', { accountId: f.company.id, category: 'financial', subject: 'Segunda via do boleto', description: 'Preciso da segunda via de março.', about: { type: 'charge', id: crypto.randomUUID() } });
    assert.equal(created.status, 201);
    const request = (await created.json()) as { id: string; status: string; about: { type: string }; messages: unknown[] };
    assert.deepEqual([request.status, request.about.type, request.messages.length], ['open', 'charge', 0]);
    assert.equal((await rh.call('POST', `/${request.id}/replies`, { body: 'Pode ser por PIX?' })).status, 201);
    const read = (await (await rh.call('GET', `/${request.id}`)).json()) as { messages: { author: string; body: string }[] };
    assert.deepEqual(read.messages.map((m) => [m.author, m.body]), [['client', 'Pode ser por PIX?']]);
    assert.equal((await rh.call('POST', `/${request.id}/close`)).status, 200);
    const closedReply = await rh.call('POST', `/${request.id}/replies`, { body: 'mais uma coisa' });
    assert.equal((await readProblem(closedReply)).code, 'request_closed');
    assert.equal((await rh.call('POST', `/${request.id}/reopen`)).status, 200);
    assert.equal((await rh.call('POST', `/${request.id}/close`)).status, 200);
    assert.equal((await readProblem(await rh.call('POST', `/${request.id}/close`))).code, 'request_closed', 'closing twice would move the reopening window');
    await rh.call('POST', `/${request.id}/reopen`);
    const [audit] = await server.db.owner`select count(*)::int as n from audit_log where subject_id = ${request.id} and actor_id = ${f.rh.id}`;
    assert.equal(audit!.n, 6, 'every change names the user who made it (A13)');
    assert.equal((await staff('POST', `/${request.id}/status`, { status: 'in-progress' })).status, 200);
    await rh.call('POST', `/${request.id}/replies`, { body: 'Alguma novidade?' });
    const after = (await (await rh.call('GET', `/${request.id}`)).json()) as { status: string };
    assert.equal(after.status, 'in-progress', 'a client reply does not undo the business’s progress');
  });

  test('reopening is possible for 30 days after closing', async () => {
    const rh = await as(f, f.rh.email, f.rh.password);
    const { id } = (await (await rh.call('POST', '', { accountId: f.company.id, category: 'general', subject: 'Dúvida', description: 'x' })).json()) as { id: string };
    await rh.call('POST', `/${id}/close`);
    clock.advance(31 * 86_400);
    const later = await as(f, f.rh.email, f.rh.password);
    assert.equal((await readProblem(await later.call('POST', `/${id}/reopen`))).code, 'reopen_window_passed');
  });

  test('the list is newest first, filtered and paged by keyset', async () => {
    const solo = await as(f, f.solo.email, f.solo.password);
    for (let i = 0; i < 5; i++) {
      await solo.call('POST', '', { category: 'general', subject: `Pedido ${i}`, description: 'x' });
      clock.advance(1);
    }
    const first = (await (await solo.call('GET', '?limit=2&mine=true')).json()) as { items: { subject: string }[]; next: string };
    assert.deepEqual(first.items.map((r) => r.subject), ['Pedido 4', 'Pedido 3']);
    const second = (await (await solo.call('GET', `?limit=2&mine=true&before=${first.next}`)).json()) as { items: { subject: string }[] };
    assert.deepEqual(second.items.map((r) => r.subject), ['Pedido 2', 'Pedido 1']);
    const closed = (await (await solo.call('GET', '?status=closed&mine=true')).json()) as { items: unknown[] };
    assert.equal(closed.items.length, 0);
  });
});

describe('scope (SECURITY.md 17)', () => {
  test('a user of Filial Contagem never sees Matriz’s requests, nor the whole company’s', async () => {
    const rh = await as(f, f.rh.email, f.rh.password);
    const atMatriz = (await (await rh.call('POST', '', { accountId: f.company.id, establishmentId: matriz, category: 'review', subject: 'Revisão do PGR da Matriz', description: 'x' })).json()) as { id: string };
    const branch = await as(f, branchUser.email, branchUser.password);
    const own = await branch.call('POST', '', { accountId: f.company.id, category: 'general', subject: 'Da filial', description: 'x' });
    assert.equal(own.status, 201);
    assert.equal(((await own.json()) as { establishmentId: string }).establishmentId, filial, 'placed at the only establishment the user reaches');
    const list = (await (await branch.call('GET', '')).json()) as { items: { subject: string }[] };
    assert.deepEqual(list.items.map((r) => r.subject), ['Da filial']);
    assert.equal((await branch.call('GET', `/${atMatriz.id}`)).status, 404);
    assert.equal((await branch.call('POST', `/${atMatriz.id}/replies`, { body: 'x' })).status, 404);
    assert.equal((await branch.call('POST', '', { accountId: f.company.id, establishmentId: matriz, category: 'general', subject: 'x', description: 'x' })).status, 404);
  });

  test("another tenant's request id is a 404, for clients and for API tokens", async () => {
    const stranger = await as(other, other.rh.email, other.rh.password);
    const { id } = (await (await stranger.call('POST', '', { accountId: other.company.id, category: 'general', subject: 'Outro', description: 'x' })).json()) as { id: string };
    const rh = await as(f, f.rh.email, f.rh.password);
    assert.equal((await rh.call('GET', `/${id}`)).status, 404);
    assert.equal((await staff('GET', `/${id}`)).status, 404);
    assert.equal((await staff('POST', `/${id}/replies`, { body: 'x' })).status, 404);
  });

  test('a quick-access or profile-only session cannot open requests', async () => {
    const portal = new PortalClient(server, f.tenant.slug);
    const { accessToken } = (await (await portal.post('/quick-access', { number: f.process.number, accessKey: f.process.accessKey })).json()) as { accessToken: string };
    const response = await server.request('/api/portal/requests', { headers: { Authorization: `Bearer ${accessToken}`, 'X-Portal-Tenant': f.tenant.slug } });
    assert.equal(response.status, 401);
  });
});

describe('bad input: a clear 4xx and nothing stored', () => {
  test('empty or huge subjects, unknown or switched-off categories', async () => {
    const rh = await as(f, f.rh.email, f.rh.password);
    await server.db.owner`insert into request_categories (tenant_id, key, enabled) values (${f.tenant.id}, 'feedback', false)`;
    const count = async () => (await server.db.owner`select count(*)::int as n from requests where tenant_id = ${f.tenant.id}`)[0]!.n;
    const before = await count();
    const base = { accountId: f.company.id, category: 'general', subject: 'ok', description: 'ok' };
    for (const body of [{ ...base, subject: '   ' }, { ...base, subject: 'x'.repeat(100_000) }, { ...base, category: 'gossip' }, { ...base, category: 'feedback' }, { ...base, description: '' }, { ...base, about: { type: 'charge', id: 'not-a-uuid' } }]) {
      const response = await rh.call('POST', '', body);
      assert.equal(response.status, 400, JSON.stringify(body).slice(0, 80));
      assert.equal((await readProblem(response)).code, 'invalid_input');
    }
    for (const body of [{ ...base, subject: 'a\u0000b' }, { ...base, description: 'x\u0000' }]) {
      assert.equal((await rh.call('POST', '', body)).status, 400, 'NUL is refused, not a 500');
    }
    assert.equal(await count(), before);
    for (const cursor of [Buffer.from(`2026-01-01T00:00:00Z|${'-'.repeat(36)}`).toString('base64url'), Buffer.from(`-200000-01-01T00:00:00Z|${crypto.randomUUID()}`).toString('base64url'), 'AAAAAAAAAAAA']) {
      assert.equal((await rh.call('GET', `?before=${cursor}`)).status, 400, cursor);
      assert.equal((await staff('GET', `?before=${cursor}`)).status, 400, cursor);
    }
    assert.equal((await staff('GET', '?assignee=%00')).status, 400);
    const categories = (await (await rh.call('GET', '/categories')).json()) as { key: string }[];
    assert.ok(!categories.some((c) => c.key === 'feedback'));
  });
});

describe('the business answers through /api/v1/requests', () => {
  test('a reply sets the request answered and e-mails the author, in the same transaction', async () => {
    const solo = await as(f, f.solo.email, f.solo.password);
    const { id } = (await (await solo.call('POST', '', { category: 'appointment', subject: 'Remarcar exame', description: 'Posso mudar para sexta?' })).json()) as { id: string };
    const inbox = (await (await staff('GET', '?status=open&category=appointment')).json()) as { items: { id: string }[] };
    assert.ok(inbox.items.some((item) => item.id === id));
    assert.equal((await staff('POST', `/${id}/assignee`, { assignee: 'Marta (recepção)' })).status, 200);
    assert.equal((await staff('POST', `/${id}/replies`, { body: 'Sim, sexta às 9h.', authorName: 'Marta' })).status, 201);
    const [row] = await server.db.owner`select r.status, (select count(*)::int from outbox o where o.recipient = ${f.solo.email} and o.template = 'request-update') as mails
                                        from requests r where r.id = ${id}`;
    assert.deepEqual({ ...row }, { status: 'answered', mails: 1 });
    await server.mail.dispatcher.drain();
    const mail = server.mail.captured!.list(f.solo.email)[0]!;
    assert.match(mail.subject, /respondido|answered|respondeu/);
    assert.match(mail.text, new RegExp(`#portico-request=${id}`));
    const read = (await (await solo.call('GET', `/${id}`)).json()) as { status: string; assignee: string; messages: { author: string; authorName: string }[] };
    assert.equal(read.status, 'answered');
    assert.deepEqual(read.messages.map((m) => [m.author, m.authorName]), [['integration', 'Marta']]);
    assert.equal((await staff('POST', `/${id}/status`, { status: 'closed' })).status, 200);
    const [closed] = await server.db.owner`select count(*)::int as n from outbox where recipient = ${f.solo.email} and template = 'request-update'`;
    assert.equal(closed!.n, 2, 'the status change is e-mailed too');
  });

  test('the business renames a category and switches one off; clients see that', async () => {
    const put = (key: string, body: unknown) => server.request(`/api/v1/requests/categories/${key}`, { method: 'PUT', headers: { Authorization: `Bearer ${staffToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await put('financial', { enabled: true, labels: { 'pt-BR': 'Financeiro e boletos' } })).status, 200);
    assert.equal((await put('review', { enabled: false })).status, 200);
    assert.equal((await put('gossip', { enabled: true })).status, 400);
    assert.equal((await put('general', { enabled: true, labels: { fr: 'Question' } })).status, 400);
    const rh = await as(f, f.rh.email, f.rh.password);
    const categories = (await (await rh.call('GET', '/categories')).json()) as { key: string; labels: Record<string, string> }[];
    assert.equal(categories.find((c) => c.key === 'financial')!.labels['pt-BR'], 'Financeiro e boletos');
    assert.ok(!categories.some((c) => c.key === 'review'));
    assert.equal((await rh.call('POST', '', { accountId: f.company.id, category: 'review', subject: 'x', description: 'x' })).status, 400);
    await put('review', { enabled: true });
  });

  test('a token without the requests scope is refused, and bad status is a 400', async () => {
    const weak = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'x', scopes: ['users:read'], expiresAt: new Date(Date.now() + 400 * 86_400_000) }))).token;
    assert.equal((await staff('GET', '', undefined, weak)).status, 403);
    const { items } = (await (await staff('GET', '?limit=1')).json()) as { items: { id: string }[] };
    assert.equal((await staff('POST', `/${items[0]!.id}/status`, { status: 'lost' })).status, 400);
  });
});
