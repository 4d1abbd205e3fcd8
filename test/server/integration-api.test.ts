import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;
const tokens: Record<'billing' | 'second' | 'other', string> = { billing: '', second: '', other: '' };
const RATE_LIMIT = 20;

const api = (method: string, path: string, options: { body?: unknown; token?: string; key?: string } = {}) =>
  server.request(`/api/v1${path}`, {
    method,
    headers: {
      Authorization: `Bearer ${options.token ?? tokens.billing}`,
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(options.key ? { 'Idempotency-Key': options.key } : {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });

const charge = (externalId: string) => ({
  externalId,
  accountId: f.person.id,
  description: `Consulta ${externalId}`,
  amount: 25_000,
  currency: 'BRL',
  issueDate: '2026-11-01',
  dueDate: '2026-11-30',
});

before(async () => {
  server = await startTestServer({ API_RATE_LIMIT: String(RATE_LIMIT) });
  f = await seedIdentity(server.db);
  const other = await seedIdentity(server.db);
  const expiresAt = new Date(Date.now() + 30 * 86_400_000);
  const make = (fixture: IdentityFixture, name: string) =>
    server.db.withTenant(fixture.tenant.id, async (tx) => (await createApiToken(tx, fixture.tenant.slug, { name, scopes: ['billing:read', 'billing:write'], expiresAt })).token);
  tokens.billing = await make(f, 'erp');
  tokens.second = await make(f, 'bi');
  tokens.other = await make(other, 'erp');
});
after(() => server.stop());

describe('idempotency', () => {
  test('the same batch sent three times at once with one key creates each item once, and all three get the same answer', async () => {
    const items = Array.from({ length: 50 }, (_, index) => charge(`IDEM-${index}`));
    const answers = await Promise.all([0, 1, 2].map(() => api('PUT', '/billing/charges', { body: { items }, key: 'erp-batch-2026-11-24' })));
    assert.deepEqual(answers.map((answer) => answer.status), [200, 200, 200]);
    const bodies = await Promise.all(answers.map((answer) => answer.json()));
    assert.deepEqual(bodies[1], bodies[0]);
    assert.deepEqual(bodies[2], bodies[0]);
    assert.equal(answers.filter((answer) => answer.headers.get('Idempotent-Replayed') === 'true').length, 2, 'two were replays of the first');
    assert.ok((bodies[0] as { results: { result: string }[] }).results.every((result) => result.result === 'created'));
    const [stored] = await server.db.owner`select count(*)::int as n, count(distinct external_id)::int as distinct from charges where tenant_id = ${f.tenant.id} and external_id like 'IDEM-%'`;
    assert.deepEqual({ ...stored }, { n: 50, distinct: 50 });
    const [audited] = await server.db.owner`select count(*)::int as n from audit_log where tenant_id = ${f.tenant.id} and action = 'charges-upserted'`;
    assert.equal(audited!.n, 1, 'the work was done once');
  });

  test('a key reused for another body is refused; a refused request leaves the key free for the corrected one', async () => {
    assert.equal((await api('PUT', '/billing/charges', { body: { items: [charge('REUSE-1')] }, key: 'reuse' })).status, 200);
    assert.equal((await readProblem(await api('PUT', '/billing/charges', { body: { items: [charge('REUSE-2')] }, key: 'reuse' }))).code, 'idempotency_key_reused');
    const bad = { items: [{ ...charge('FIX-1'), amount: -1 }] };
    assert.equal((await readProblem(await api('PUT', '/billing/charges', { body: bad, key: 'fix' }))).code, 'invalid_input');
    const fixed = await api('PUT', '/billing/charges', { body: { items: [{ ...charge('FIX-1'), amount: 100 }] }, key: 'fix' });
    assert.equal(fixed.status, 200);
    assert.equal(fixed.headers.get('Idempotent-Replayed'), null);
  });

  test('a batch takes up to 1,000 items and answers one result per item', async () => {
    const items = Array.from({ length: 1000 }, (_, index) => charge(`BULK-${index}`));
    const answer = await api('PUT', '/billing/charges', { body: { items } });
    assert.equal(answer.status, 200);
    const { results } = (await answer.json()) as { results: { externalId: string; result: string }[] };
    assert.equal(results.length, 1000);
    assert.deepEqual(results.map((result) => result.externalId), items.map((item) => item.externalId));
    const again = (await (await api('PUT', '/billing/charges', { body: { items } })).json()) as { results: { result: string }[] };
    assert.ok(again.results.every((result) => result.result === 'unchanged'), 'the same batch again changes nothing');
    const tooMany = await readProblem(await api('PUT', '/billing/charges', { body: { items: [...items, charge('BULK-1000')] } }));
    assert.equal(tooMany.code, 'invalid_input');
  });
});

describe('rate limits per token', () => {
  test('every answer says what is left; past the limit a 429 with Retry-After; other tokens are not affected', async () => {
    const seen: string[] = [];
    for (let call = 0; call < RATE_LIMIT; call++) {
      const answer = await api('GET', '/billing/charges?limit=1', { token: tokens.second });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers.get('RateLimit-Policy'), `"default";q=${RATE_LIMIT};w=60`);
      seen.push(answer.headers.get('RateLimit')!.replace(/;t=\d+$/, ''));
    }
    assert.deepEqual(seen, Array.from({ length: RATE_LIMIT }, (_, index) => `"default";r=${RATE_LIMIT - 1 - index}`));
    const refused = await api('GET', '/billing/charges?limit=1', { token: tokens.second });
    assert.equal(refused.status, 429);
    assert.equal((await readProblem(refused)).code, 'rate_limited');
    const wait = Number(refused.headers.get('Retry-After'));
    assert.ok(wait >= 1 && wait <= 60, `Retry-After ${wait}`);
    assert.match(refused.headers.get('RateLimit') ?? '', /^"default";r=0;t=\d+$/);
    // Another token of the same tenant, and another tenant's, still go through.
    assert.equal((await api('GET', '/billing/charges?limit=1', { token: tokens.other })).status, 200);
  });

  test('API tokens are refused on the portal API, and portal sessions on the integration API', async () => {
    const portal = await server.request('/api/portal/billing/summary', { headers: { Authorization: `Bearer ${tokens.other}`, 'X-Portal-Tenant': f.tenant.slug } });
    assert.equal(portal.status, 401);
    const client = new PortalClient(server, f.tenant.slug);
    const { accessToken } = (await (await client.post('/sign-in', { email: f.solo.email, password: f.solo.password })).json()) as { accessToken: string };
    assert.equal((await api('GET', '/billing/charges', { token: accessToken })).status, 401);
  });
});
