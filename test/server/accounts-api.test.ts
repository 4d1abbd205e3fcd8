import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { readProblem, seedTenant, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let brazil: { id: string; slug: string };
let spain: { id: string; slug: string };
const tokens: Record<string, string> = {};

const post = (tenant: 'brazil' | 'spain', body: unknown) =>
  server.request('/api/v1/accounts', { method: 'POST', headers: { Authorization: `Bearer ${tokens[tenant]}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

before(async () => {
  server = await startTestServer();
  brazil = await seedTenant(server.db, { currency: 'BRL' });
  spain = await seedTenant(server.db, { currency: 'EUR', locale: 'es', timeZone: 'Europe/Madrid' });
  for (const [name, tenant] of [['brazil', brazil], ['spain', spain]] as const) {
    tokens[name] = (await server.db.withTenant(tenant.id, (tx) => createApiToken(tx, tenant.slug, { name: 'ERP', scopes: ['accounts:read', 'accounts:write'], expiresAt: new Date(Date.now() + 86_400_000) }))).token;
  }
});
after(() => server.stop());

test('a company with its establishments, tax ids checked by their digits (CNPJ)', async () => {
  const response = await post('brazil', { kind: 'company', name: 'Metalúrgica Horizonte Ltda', taxId: '11.222.333/0001-81', externalId: 'erp-42', establishments: [{ name: 'Matriz' }, { name: 'Filial Contagem' }] });
  assert.equal(response.status, 201);
  const { id } = (await response.json()) as { id: string };
  const account = (await (await server.request(`/api/v1/accounts/${id}`, { headers: { Authorization: `Bearer ${tokens.brazil}` } })).json()) as { taxId: string; establishments: { name: string }[] };
  assert.equal(account.taxId, '11222333000181');
  assert.deepEqual(account.establishments.map((e) => e.name), ['Filial Contagem', 'Matriz']);
  const again = await post('brazil', { kind: 'company', name: 'Metalúrgica Horizonte Ltda', externalId: 'erp-42' });
  assert.equal(again.status, 200, 'the same external id answers the existing account');
  assert.deepEqual(await again.json(), { id, created: false });
});

test('wrong check digits are a 400 naming the field, and nothing is written', async () => {
  const count = async () => (await server.db.owner`select count(*)::int as n from accounts where tenant_id = ${brazil.id}`)[0]!.n;
  const before = await count();
  for (const body of [
    { kind: 'person', name: 'Ana', taxId: '529.982.247-24' },
    { kind: 'company', name: 'X', taxId: '11.222.333/0001-82' },
    { kind: 'company', name: 'X', establishments: [{ name: 'Filial', taxId: '00000000000000' }] },
    { kind: 'person', name: 'Ana', establishments: [{ name: 'Filial' }] },
    { kind: 'person', name: 'Ana', phone: '11 9999-8888' },
  ]) {
    const response = await post('brazil', body);
    assert.equal(response.status, 400, JSON.stringify(body));
    assert.equal((await readProblem(response)).code, 'invalid_input');
  }
  assert.equal(await count(), before);
});

test('a Spanish tenant checks NIF and NIE instead', async () => {
  assert.equal((await post('spain', { kind: 'person', name: 'Lucía Pérez', taxId: 'X1234567L' })).status, 201);
  assert.equal((await post('spain', { kind: 'person', name: 'Otra', taxId: '12345678Z' })).status, 201);
  assert.equal((await post('spain', { kind: 'person', name: 'Mal', taxId: '529.982.247-25' })).status, 400, 'a CPF is not a NIF');
});

test("another tenant's account is a 404", async () => {
  const { id } = (await (await post('brazil', { kind: 'person', name: 'Só do Brasil' })).json()) as { id: string };
  assert.equal((await server.request(`/api/v1/accounts/${id}`, { headers: { Authorization: `Bearer ${tokens.spain}` } })).status, 404);
});

const put = (tenant: 'brazil' | 'spain', body: unknown) =>
  server.request('/api/v1/accounts', { method: 'PUT', headers: { Authorization: `Bearer ${tokens[tenant]}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
type Results = { results: { externalId: string; id: string; result: string }[] };

test('a batch upserts accounts by external id: created, updated, unchanged, one result per item in order', async () => {
  const items = [
    { kind: 'company', name: 'Construtora Alvorada', taxId: '11.444.777/0001-61', externalId: 'batch-1', establishments: [{ name: 'Matriz' }] },
    { kind: 'person', name: 'Joana Prado', email: 'joana@example.com', externalId: 'batch-2' },
  ];
  const first = (await (await put('brazil', { items })).json()) as Results;
  assert.deepEqual(first.results.map((r) => [r.externalId, r.result]), [['batch-1', 'created'], ['batch-2', 'created']]);
  const second = (await (await put('brazil', { items: [{ ...items[0], name: 'Construtora Alvorada S.A.', establishments: [{ name: 'Matriz' }, { name: 'Obra Pampulha' }] }, items[1]] })).json()) as Results;
  assert.deepEqual(second.results.map((r) => r.result), ['updated', 'unchanged']);
  assert.deepEqual(second.results.map((r) => r.id), first.results.map((r) => r.id));
  const account = (await (await server.request(`/api/v1/accounts/${first.results[0]!.id}`, { headers: { Authorization: `Bearer ${tokens.brazil}` } })).json()) as { name: string; establishments: { name: string }[] };
  assert.equal(account.name, 'Construtora Alvorada S.A.');
  assert.deepEqual(account.establishments.map((e) => e.name), ['Matriz', 'Obra Pampulha']);
  // The other tenant's batch with the same external ids makes its own accounts.
  const spanish = (await (await put('spain', { items: [{ kind: 'person', name: 'Lucía Fernández', externalId: 'batch-2' }] })).json()) as Results;
  assert.equal(spanish.results[0]!.result, 'created');
  assert.notEqual(spanish.results[0]!.id, first.results[1]!.id);
});

test('one wrong item refuses the whole batch, naming it; repeats and over 1,000 items too', async () => {
  const count = async () => (await server.db.owner`select count(*)::int as n from accounts where tenant_id = ${brazil.id}`)[0]!.n;
  const before = await count();
  const good = { kind: 'person', name: 'Bruno', externalId: 'batch-ok' };
  for (const [body, path] of [
    [{ items: [good, { kind: 'company', name: 'X', taxId: '11.222.333/0001-82', externalId: 'batch-bad' }] }, 'items.1.taxId'],
    [{ items: [good, { kind: 'person', name: 'X' }] }, 'items.1.externalId'],
    [{ items: [good, { ...good, name: 'Bruno again' }] }, 'items.1.externalId'],
    [{ items: [good, { kind: 'person', name: 'Ana', externalId: 'batch-est', establishments: [{ name: 'Filial' }] }] }, 'items.1.establishments'],
    [{ items: Array.from({ length: 1001 }, (_, i) => ({ ...good, externalId: `many-${i}` })) }, 'items'],
  ] as const) {
    const problem = await readProblem(await put('brazil', body));
    assert.equal(problem.code, 'invalid_input');
    assert.ok((problem.errors as { path: string }[]).some((error) => error.path === path), `${path} in ${JSON.stringify(problem.errors).slice(0, 200)}`);
  }
  assert.equal(await count(), before, 'nothing written');
});
