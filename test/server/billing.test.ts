import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { makeBankBoleto } from '../../server/features/billing/boleto.ts';
import { seedBranches, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

// 23:30 on 10 March 2026 in São Paulo (UTC−3), already 11 March in UTC: the tenant's date is what counts.
let now = new Date('2026-03-11T02:30:00Z');
let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let token: string;
let otherToken: string;
let matriz: string;
let filial: string;
let branchUser: { email: string; password: string };

const boleto = (dueDate: string, amount: number, seed: number) =>
  makeBankBoleto({ bank: '341', dueDate, amount, freeField: String(seed).padStart(25, '7') });

async function signIn(fixture: IdentityFixture, email: string, password: string) {
  const portal = new PortalClient(server, fixture.tenant.slug);
  const { accessToken } = (await (await portal.post('/sign-in', { email, password })).json()) as { accessToken: string };
  return (method: string, path: string, body?: unknown) =>
    server.request(`/api/portal/billing${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'X-Portal-Tenant': fixture.tenant.slug, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
}

function api(method: string, path: string, body?: unknown, options: { token?: string; headers?: Record<string, string>; raw?: BodyInit } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${options.token ?? token}`, ...options.headers };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  return server.request(`/api/v1/billing${path}`, { method, headers, body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)) });
}

async function upsert(items: object[], options: { token?: string; headers?: Record<string, string> } = {}) {
  const response = await api('PUT', '/charges', { items }, options);
  return { response, body: (await response.json()) as { results: { externalId: string; id: string; result: string }[]; code?: string; errors?: { path: string }[] } };
}

const charge = (externalId: string, overrides: object = {}) => ({
  externalId,
  accountId: f.company.id,
  description: `Mensalidade ${externalId}`,
  amount: 123456,
  currency: 'BRL',
  issueDate: '2026-03-01',
  dueDate: '2026-03-10',
  ...overrides,
});

const countCharges = async (tenantId: string) => (await server.db.owner`select count(*)::int as n from charges where tenant_id = ${tenantId}`)[0]!.n as number;
const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

before(async () => {
  server = await startTestServer({}, { clock: () => now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  ({ matriz, filial, branchUser } = await seedBranches(server.db, f));
  const expiresAt = new Date(now.getTime() + 400 * 86_400_000);
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'erp', scopes: ['billing:read', 'billing:write'], expiresAt }))).token;
  otherToken = (await server.db.withTenant(other.tenant.id, (tx) => createApiToken(tx, other.tenant.slug, { name: 'erp', scopes: ['billing:read', 'billing:write'], expiresAt }))).token;
});
after(() => server.stop());

describe('charges pushed by the business', () => {
  test('a batch is saved by external id; sending it again changes nothing, not even the update time', async () => {
    const line = boleto('2026-03-10', 123456, 1);
    const items = [
      charge('mar-1', { boletoLine: line.formatted, establishmentId: matriz }),
      charge('mar-2', { currency: 'EUR', amount: 9900, card: true, establishmentId: filial }),
      charge('neg-1', { kind: 'renegotiation', description: 'Acordo de renegociação', dueDate: '2026-04-10' }),
    ];
    const first = await upsert(items);
    assert.equal(first.response.status, 200);
    assert.deepEqual(first.body.results.map((r) => r.result), ['created', 'created', 'created']);
    const snapshot = await server.db.owner`select * from charges where tenant_id = ${f.tenant.id} order by external_id`;
    now = new Date(now.getTime() + 1000);
    const again = await upsert(items);
    assert.deepEqual(again.body.results.map((r) => r.result), ['unchanged', 'unchanged', 'unchanged']);
    assert.deepEqual(again.body.results.map((r) => r.id), first.body.results.map((r) => r.id));
    assert.deepEqual(await server.db.owner`select * from charges where tenant_id = ${f.tenant.id} order by external_id`, snapshot);
    const changed = await upsert([charge('mar-1', { boletoLine: line.formatted, establishmentId: matriz, description: 'Mensalidade de março' })]);
    assert.deepEqual(changed.body.results.map((r) => r.result), ['updated']);
    const stored = await api('GET', `/charges/${first.body.results[0]!.id}`);
    const read = (await stored.json()) as { description: string; boleto: { line: string; barcode: string }; amount: number };
    assert.equal(read.description, 'Mensalidade de março');
    assert.equal(read.amount, 123456, 'minor units, as a whole number');
    assert.equal(read.boleto.line, line.formatted);
    assert.equal(read.boleto.barcode, line.barcode);
  });

  test('bad input is refused whole with the wrong fields named, and nothing is written', async () => {
    const before = await countCharges(f.tenant.id);
    const good = boleto('2026-05-10', 5000, 2);
    const wrongDigit = good.line.slice(0, 9) + String((Number(good.line[9]) + 1) % 10) + good.line.slice(10);
    const cases: [object, string][] = [
      [charge('bad-neg', { amount: -100 }), 'items.0.amount'],
      [charge('bad-frac', { amount: 12.5 }), 'items.0.amount'],
      [charge('bad-float', { amount: '10.00' }), 'items.0.amount'],
      [charge('bad-cur', { currency: 'XYZ' }), 'items.0.currency'],
      [charge('bad-line', { amount: 5000, boletoLine: wrongDigit }), 'items.0.boletoLine'],
      [charge('bad-len', { boletoLine: '1234' }), 'items.0.boletoLine'],
      [charge('bad-amt', { amount: 5001, boletoLine: good.line }), 'items.0.boletoLine'],
      [charge('bad-pix', { pix: { payload: '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63040000' } }), 'items.0.pix.payload'],
      [charge('bad-date', { dueDate: '2026-02-30' }), 'items.0.dueDate'],
      [charge('bad-order', { dueDate: '2026-02-01' }), 'items.0.dueDate'],
      [charge('bad-paid', { status: 'paid' }), 'items.0.paidAt'],
      [charge('bad-account', { accountId: other.company.id }), 'items.0.accountId'],
      [charge('bad-est', { establishmentId: crypto.randomUUID() }), 'items.0.establishmentId'],
      [{ ...charge('bad-extra'), surprise: true }, 'items.0'],
    ];
    for (const [item, path] of cases) {
      // A good item first: one bad item must keep the whole batch out.
      const { response, body } = await upsert([charge(`ok-${path}-${Math.random()}`), item]);
      assert.equal(response.status, 400, JSON.stringify(item));
      assert.equal(body.code, 'invalid_input');
      const shifted = path.replace('items.0', 'items.1');
      assert.ok(body.errors?.some((error) => error.path.startsWith(shifted)), `${JSON.stringify(body.errors)} names ${shifted}`);
    }
    const duplicate = await upsert([charge('twice'), charge('twice')]);
    assert.equal(duplicate.response.status, 400);
    assert.equal(await countCharges(f.tenant.id), before, 'nothing was written');
  });

  test('a PIX payload is built from the tenant’s key, or refused until the key is set', async () => {
    const refused = await upsert([charge('pix-1', { pix: { txid: 'MAR2026' } })]);
    assert.equal(refused.response.status, 400);
    const settings = { pixKey: '11222333000181', pixMerchantName: 'Clínica Sol', pixMerchantCity: 'Belo Horizonte', showPendingReports: false };
    assert.equal((await api('PUT', '/settings', settings)).status, 200);
    const saved = await upsert([charge('pix-1', { pix: { txid: 'MAR2026' } })]);
    const read = (await (await api('GET', `/charges/${saved.body.results[0]!.id}`)).json()) as { pix: { payload: string } };
    assert.match(read.pix.payload, /^000201.*0014br\.gov\.bcb\.pix011411222333000181.*MAR2026.*6304[0-9A-F]{4}$/);
    assert.ok(read.pix.payload.includes('5407' + '1234.56'), 'the amount goes in as reais with two decimals');
  });

  test('another tenant’s token cannot read or change these charges', async () => {
    const { body } = await upsert([charge('scoped-1')]);
    const id = body.results[0]!.id;
    assert.equal((await api('GET', `/charges/${id}`, undefined, { token: otherToken })).status, 404);
    assert.equal((await api('POST', `/charges/${id}/paid`, {}, { token: otherToken })).status, 404);
    const listed = (await (await api('GET', '/charges?limit=100', undefined, { token: otherToken })).json()) as { items: unknown[] };
    assert.equal(listed.items.length, 0);
    const readOnly = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'ro', scopes: ['billing:read'], expiresAt: new Date(now.getTime() + 86_400_000) }))).token;
    assert.equal((await readProblem(await api('PUT', '/charges', { items: [charge('ro-1')] }, { token: readOnly }))).code, 'forbidden');
  });

  test('mark paid and cancelled: repeating is harmless, a conflicting move is a 409', async () => {
    const { body } = await upsert([charge('settle-1'), charge('settle-2')]);
    const [paid, cancelled] = body.results.map((r) => r.id);
    const first = await api('POST', `/charges/${paid}/paid`, { paidAt: '2026-03-09', via: 'pix' });
    assert.equal(first.status, 200);
    assert.deepEqual(((await first.json()) as { status: string; paidAt: string }).paidAt, '2026-03-09');
    assert.equal((await api('POST', `/charges/${paid}/paid`, { paidAt: '2026-03-09' })).status, 200);
    assert.equal((await readProblem(await api('POST', `/charges/${paid}/cancel`))).code, 'charge_not_payable');
    assert.equal((await api('POST', `/charges/${cancelled}/cancel`)).status, 200);
    assert.equal((await readProblem(await api('POST', `/charges/${cancelled}/paid`, {}))).code, 'charge_not_payable');
    const [row] = await server.db.owner`select paid_via from charges where id = ${paid}`;
    assert.equal(row!.paid_via, 'pix');
  });

  test('an Idempotency-Key replays the first answer and refuses a different request', async () => {
    const { body } = await upsert([charge('idem-1')]);
    const id = body.results[0]!.id;
    const key = { 'Idempotency-Key': `pay-${id}` };
    const first = await api('POST', `/charges/${id}/paid`, { paidAt: '2026-03-10' }, { headers: key });
    const firstBody = await first.json();
    await server.db.owner`update charges set status = 'open', paid_at = null where id = ${id}`;
    const replay = await api('POST', `/charges/${id}/paid`, { paidAt: '2026-03-10' }, { headers: key });
    assert.equal(replay.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await replay.json(), firstBody);
    const [row] = await server.db.owner`select status from charges where id = ${id}`;
    assert.equal(row!.status, 'open', 'the replay did not do the work again');
    assert.equal((await readProblem(await api('POST', `/charges/${id}/paid`, { paidAt: '2026-03-11' }, { headers: key }))).code, 'idempotency_key_reused');
    const refusedKey = { 'Idempotency-Key': `bad-${id}` };
    assert.equal((await api('PUT', '/charges', { items: [charge('idem-bad', { amount: -1 })] }, { headers: refusedKey })).status, 400);
    assert.equal((await api('PUT', '/charges', { items: [charge('idem-bad')] }, { headers: refusedKey })).status, 200, 'a refused request does not spend its key');
  });
});

describe('what a client sees', () => {
  test('overdue is derived in the tenant’s time zone: due today there is not overdue yet', async () => {
    await upsert([charge('tz-1', { dueDate: '2026-03-10', establishmentId: matriz })]);
    let call = await signIn(f, f.rh.email, f.rh.password);
    const find = async () => ((await (await call('GET', '/charges?limit=100')).json()) as { items: { externalId?: string; description: string; status: string }[] }).items.find((c) => c.description === 'Mensalidade tz-1')!;
    assert.equal((await find()).status, 'open', '23:30 on the due date in São Paulo');
    now = new Date('2026-03-11T03:30:00Z');
    call = await signIn(f, f.rh.email, f.rh.password);
    assert.equal((await find()).status, 'overdue', '00:30 the next day in São Paulo');
    const [stored] = await server.db.owner`select status from charges where external_id = 'tz-1' and tenant_id = ${f.tenant.id}`;
    assert.equal(stored!.status, 'open', 'overdue is never stored');
  });

  test('the summary totals what is pending per currency, never across currencies', async () => {
    const call = await signIn(f, f.rh.email, f.rh.password);
    const summary = (await (await call('GET', `/summary?accountId=${f.company.id}`)).json()) as { totals: { currency: string; open: number; overdue: number; openCount: number; overdueCount: number }[]; nextDue: { dueDate: string } | null };
    const [expected] = await server.db.owner`
      select coalesce(sum(amount_minor) filter (where due_date >= '2026-03-11'), 0)::int as open, coalesce(sum(amount_minor) filter (where due_date < '2026-03-11'), 0)::int as overdue
        from charges where tenant_id = ${f.tenant.id} and account_id = ${f.company.id} and status = 'open' and currency = 'BRL'`;
    const brl = summary.totals.find((t) => t.currency === 'BRL')!;
    assert.deepEqual([brl.open, brl.overdue], [expected!.open, expected!.overdue]);
    assert.ok(summary.totals.some((t) => t.currency === 'EUR'));
    assert.equal(summary.nextDue?.dueDate, '2026-04-10');
  });

  test('Filial Contagem sees only its own charges; another tenant’s or a hidden id is a 404', async () => {
    const branch = await signIn(f, branchUser.email, branchUser.password);
    const listed = (await (await branch('GET', '/charges?limit=100')).json()) as { items: { establishmentId: string | null; id: string }[] };
    assert.ok(listed.items.length > 0);
    assert.ok(listed.items.every((c) => c.establishmentId === filial));
    const { body } = await upsert([charge('matriz-only', { establishmentId: matriz })]);
    assert.equal((await branch('GET', `/charges/${body.results[0]!.id}`)).status, 404);
    assert.equal((await branch('GET', `/charges/${body.results[0]!.id}/boleto`)).status, 404);
    const outsider = await signIn(other, other.rh.email, other.rh.password);
    assert.equal((await outsider('GET', `/charges/${body.results[0]!.id}`)).status, 404);
    const outsiderList = (await (await outsider('GET', '/charges')).json()) as { items: unknown[] };
    assert.equal(outsiderList.items.length, 0);
    assert.equal((await branch('GET', `/charges?establishmentId=${matriz}`)).status, 200);
    assert.equal(((await (await branch('GET', `/charges?establishmentId=${matriz}`)).json()) as { items: unknown[] }).items.length, 0);
  });

  test('filters and keyset pages: every charge once, in a stable order', async () => {
    const items = Array.from({ length: 25 }, (_, index) =>
      charge(`page-${index}`, { accountId: f.person.id, issueDate: '2026-01-01', dueDate: `2026-0${1 + (index % 3)}-${String(10 + (index % 5)).padStart(2, '0')}` }),
    );
    await upsert(items);
    const call = await signIn(f, f.rh.email, f.rh.password);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await (await call('GET', `/charges?accountId=${f.person.id}&limit=7${cursor ? `&before=${cursor}` : ''}`)).json()) as { items: { id: string; dueDate: string }[]; next: string | null };
      seen.push(...page.items.map((c) => `${c.dueDate}|${c.id}`));
      cursor = page.next;
    } while (cursor);
    assert.equal(seen.length, 25);
    assert.equal(new Set(seen).size, 25);
    assert.deepEqual(seen, [...seen].sort().reverse());
    const overdue = (await (await call('GET', `/charges?accountId=${f.person.id}&status=overdue&limit=100`)).json()) as { items: { status: string }[] };
    assert.ok(overdue.items.length > 0 && overdue.items.every((c) => c.status === 'overdue'));
    const february = (await (await call('GET', `/charges?accountId=${f.person.id}&from=2026-02-01&to=2026-02-28&limit=100`)).json()) as { items: { dueDate: string }[] };
    assert.ok(february.items.length > 0 && february.items.every((c) => c.dueDate.startsWith('2026-02')));
    assert.equal((await readProblem(await call('GET', '/charges?before=bm90LWEtY3Vyc29y'))).code, 'invalid_input');
    assert.equal((await readProblem(await call('GET', '/charges?status=late'))).code, 'invalid_input');
  });

  test('the boleto downloads as a PDF, never cached, named for the download', async () => {
    const line = boleto('2026-06-10', 4321, 3);
    const { body } = await upsert([charge('pdf-1', { amount: 4321, dueDate: '2026-06-10', boletoLine: line.line })]);
    const call = await signIn(f, f.rh.email, f.rh.password);
    const response = await call('GET', `/charges/${body.results[0]!.id}/boleto`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="boleto-2026-06-10\.pdf"/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
    // The business's own PDF wins once it is uploaded.
    assert.equal((await api('PUT', `/charges/${body.results[0]!.id}/boleto?name=boleto-itau.pdf`, undefined, { raw: pdf, headers: { 'Content-Type': 'application/pdf' } })).status, 200);
    const uploaded = await call('GET', `/charges/${body.results[0]!.id}/boleto`);
    assert.deepEqual(new Uint8Array(await uploaded.arrayBuffer()), pdf);
    const noBoleto = await upsert([charge('pdf-none')]);
    assert.equal((await call('GET', `/charges/${noBoleto.body.results[0]!.id}/boleto`)).status, 404);
  });

  test('invoices link to charges, carry PDF and XML, and download only for those who see them', async () => {
    const charges = await upsert([charge('inv-c1', { establishmentId: filial }), charge('inv-c2')]);
    const invoices = await api('PUT', '/invoices', {
      items: [
        { externalId: 'nf-1', accountId: f.company.id, establishmentId: filial, number: '1234', series: '1', issueDate: '2026-03-02', amount: 123456, currency: 'BRL', chargeExternalIds: ['inv-c1'] },
        { externalId: 'nf-2', accountId: f.company.id, number: '1235', issueDate: '2026-03-02', amount: 123456, currency: 'BRL', chargeExternalIds: ['inv-c2'] },
      ],
    });
    assert.equal(invoices.status, 200);
    const [branchInvoice, accountInvoice] = ((await invoices.json()) as { results: { id: string }[] }).results.map((r) => r.id);
    const again = (await (await api('PUT', '/invoices', { items: [{ externalId: 'nf-1', accountId: f.company.id, establishmentId: filial, number: '1234', series: '1', issueDate: '2026-03-02', amount: 123456, currency: 'BRL', chargeExternalIds: ['inv-c1'] }] })).json()) as { results: { result: string }[] };
    assert.equal(again.results[0]!.result, 'unchanged');
    const foreignCharge = await api('PUT', '/invoices', { items: [{ externalId: 'nf-3', accountId: f.person.id, number: '9', issueDate: '2026-03-02', amount: 1, currency: 'BRL', chargeExternalIds: ['inv-c1'] }] });
    assert.equal(foreignCharge.status, 400, 'an invoice cannot link another account’s charge');
    const xml = '<?xml version="1.0" encoding="UTF-8"?><nfeProc><NFe/></nfeProc>';
    assert.equal((await api('PUT', `/invoices/${branchInvoice}/pdf?name=NF 1234 — março.pdf`, undefined, { raw: pdf, headers: { 'Content-Type': 'application/pdf' } })).status, 200);
    assert.equal((await api('PUT', `/invoices/${branchInvoice}/xml?name=nf-1234.xml`, undefined, { raw: xml, headers: { 'Content-Type': 'application/xml' } })).status, 200);
    assert.equal((await readProblem(await api('PUT', `/invoices/${branchInvoice}/pdf`, undefined, { raw: '<html>', headers: { 'Content-Type': 'application/pdf' } }))).code, 'unsupported_media_type');
    assert.equal((await readProblem(await api('PUT', `/invoices/${branchInvoice}/xml`, undefined, { raw: pdf, headers: { 'Content-Type': 'application/xml' } }))).code, 'unsupported_media_type');
    assert.equal((await api('PUT', `/invoices/${crypto.randomUUID()}/pdf`, undefined, { raw: pdf, headers: { 'Content-Type': 'application/pdf' } })).status, 404);
    assert.equal((await api('PUT', `/invoices/${accountInvoice}/pdf`, undefined, { raw: pdf, headers: { 'Content-Type': 'application/pdf' } })).status, 200);

    const branch = await signIn(f, branchUser.email, branchUser.password);
    const listed = (await (await branch('GET', '/invoices')).json()) as { items: { id: string; number: string; files: { pdf: boolean; xml: boolean }; chargeIds: string[] }[] };
    assert.deepEqual(listed.items.map((i) => i.number), ['1234']);
    assert.deepEqual(listed.items[0]!.files, { pdf: true, xml: true });
    assert.deepEqual(listed.items[0]!.chargeIds, [charges.body.results[0]!.id]);
    const download = await branch('GET', `/invoices/${branchInvoice}/pdf`);
    assert.equal(download.status, 200);
    assert.equal(download.headers.get('content-disposition'), `attachment; filename="NF 1234 _ mar_o.pdf"; filename*=UTF-8''${encodeURIComponent('NF 1234 — março.pdf')}`);
    assert.equal((await (await branch('GET', `/invoices/${branchInvoice}/xml`)).text()), xml);
    assert.equal((await branch('GET', `/invoices/${accountInvoice}/pdf`)).status, 404, 'the account’s invoice is not the branch’s');
    const outsider = await signIn(other, other.rh.email, other.rh.password);
    assert.equal((await outsider('GET', `/invoices/${branchInvoice}/pdf`)).status, 404);
  });

  test('pending billing reports show only where the tenant allows', async () => {
    const reports = await api('PUT', '/reports', {
      items: [
        { externalId: 'rep-ready', accountId: f.company.id, title: 'Demonstrativo de março', periodStart: '2026-03-01', periodEnd: '2026-03-31', status: 'ready' },
        { externalId: 'rep-pending', accountId: f.company.id, title: 'Demonstrativo de abril', periodStart: '2026-04-01', periodEnd: '2026-04-30', status: 'pending' },
      ],
    });
    const [ready] = ((await reports.json()) as { results: { id: string }[] }).results;
    await api('PUT', `/reports/${ready!.id}/file`, undefined, { raw: pdf, headers: { 'Content-Type': 'application/pdf' } });
    const call = await signIn(f, f.rh.email, f.rh.password);
    const titles = async () => ((await (await call('GET', '/reports')).json()) as { items: { title: string; file: boolean }[] }).items.map((r) => `${r.title}:${r.file}`);
    assert.deepEqual(await titles(), ['Demonstrativo de março:true']);
    await api('PUT', '/settings', { pixKey: null, pixMerchantName: null, pixMerchantCity: null, showPendingReports: true });
    assert.deepEqual(await titles(), ['Demonstrativo de abril:false', 'Demonstrativo de março:true']);
    assert.equal((await call('GET', `/reports/${ready!.id}/file`)).status, 200);
  });

  test('statements are PDFs for a period and a year; a wrong period is a 400', async () => {
    await upsert([charge('stmt-paid', { status: 'paid', paidAt: '2025-06-10', issueDate: '2025-06-01', dueDate: '2025-06-10' })]);
    const call = await signIn(f, f.rh.email, f.rh.password);
    const statement = await call('GET', `/statements/account?accountId=${f.company.id}&from=2026-01-01&to=2026-03-31`);
    assert.equal(statement.status, 200);
    assert.equal(Buffer.from(await statement.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    const yearly = await call('GET', `/statements/income-tax?accountId=${f.company.id}&year=2025&locale=es`);
    assert.equal(yearly.status, 200);
    assert.match(yearly.headers.get('content-disposition') ?? '', /income-tax-2025\.pdf/);
    assert.equal((await readProblem(await call('GET', `/statements/account?accountId=${f.company.id}&from=2026-03-01&to=2026-01-01`))).code, 'invalid_input');
    assert.equal((await readProblem(await call('GET', `/statements/account?accountId=${f.company.id}&from=2020-01-01&to=2026-01-01`))).code, 'invalid_input');
    assert.equal((await call('GET', `/statements/account?accountId=${other.company.id}&from=2026-01-01&to=2026-03-31`)).status, 404);
  });

  test('the preferred way to pay is stored and reported to the business; card needs a provider', async () => {
    const call = await signIn(f, f.rh.email, f.rh.password);
    const saved = await call('PUT', '/payment-methods/preferred', { method: 'boleto', accountId: f.company.id });
    assert.deepEqual(await saved.json(), { preferred: 'boleto' });
    const reported = (await (await api('GET', '/customers')).json()) as { items: { accountId: string; preferred: string }[] };
    assert.ok(reported.items.some((item) => item.accountId === f.company.id && item.preferred === 'boleto'));
    assert.equal((await readProblem(await call('PUT', '/payment-methods/preferred', { method: 'card', accountId: f.company.id }))).code, 'payment_provider_unavailable');
    assert.equal((await readProblem(await call('POST', '/payment-methods/manage', { accountId: f.company.id }))).code, 'payment_provider_unavailable');
    const summary = (await (await call('GET', `/summary?accountId=${f.company.id}`)).json()) as { payment: { card: boolean; preferred: string } };
    assert.deepEqual(summary.payment, { card: false, manageMethods: false, preferred: 'boleto' });
    const { body } = await upsert([charge('card-1', { card: true })]);
    const read = (await (await call('GET', `/charges/${body.results[0]!.id}`)).json()) as { card: boolean };
    assert.equal(read.card, false, 'without a provider no charge offers card');
    assert.equal((await readProblem(await call('POST', `/charges/${body.results[0]!.id}/card`))).code, 'payment_provider_unavailable');
  });

  test('a quick-access session is not a client session: billing is a 403', async () => {
    const portal = new PortalClient(server, f.tenant.slug);
    const { accessToken } = (await (await portal.post('/quick-access', { number: f.process.number, accessKey: f.process.accessKey })).json()) as { accessToken: string };
    const response = await server.request('/api/portal/billing/charges', { headers: { Authorization: `Bearer ${accessToken}`, 'X-Portal-Tenant': f.tenant.slug } });
    assert.ok([401, 403].includes(response.status));
  });
});
