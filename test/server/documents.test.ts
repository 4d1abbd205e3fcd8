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
let matriz: string;
let filial: string;
let branchUser: { email: string; password: string };
const clock = manualClock(new Date('2026-06-15T12:00:00Z'));
const pdf = (text = 'x') => new TextEncoder().encode(`%PDF-1.4\n% ${text}\ntrailer <<>>\n%%EOF\n`);

function api(method: string, path: string, body?: unknown, options: { bearer?: string; raw?: BodyInit; type?: string } = {}) {
  const headers: Record<string, string> = { Authorization: `Bearer ${options.bearer ?? token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.type) headers['Content-Type'] = options.type;
  return server.request(`/api/v1/documents${path}`, { method, headers, body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)), duplex: 'half' } as RequestInit);
}

const meta = (externalId: string, overrides: object = {}) => ({ externalId, accountId: f.company.id, category: 'pcmso', title: `PCMSO ${externalId}`, issueDate: '2026-05-10', ...overrides });

/** Sends a document's data and its file; returns its id. */
async function deliver(externalId: string, overrides: object = {}, file: Uint8Array<ArrayBuffer> = pdf(externalId), name = `${externalId}.pdf`): Promise<string> {
  const saved = await api('PUT', '', { items: [meta(externalId, overrides)] });
  assert.equal(saved.status, 200, await saved.clone().text());
  const id = ((await saved.json()) as { results: { id: string }[] }).results[0]!.id;
  const uploaded = await api('PUT', `/${id}/file?name=${encodeURIComponent(name)}`, undefined, { raw: file, type: 'application/pdf' });
  assert.equal(uploaded.status, 200, await uploaded.clone().text());
  return id;
}

async function clientOf(fixture: IdentityFixture, credentials: { email: string; password: string }) {
  const portal = new PortalClient(server, fixture.tenant.slug);
  const { accessToken } = (await (await portal.post('/sign-in', credentials)).json()) as { accessToken: string };
  return (method: string, path: string) =>
    server.request(`/api/portal/documents${path}`, { method, headers: { Authorization: `Bearer ${accessToken}`, 'X-Portal-Tenant': fixture.tenant.slug } });
}

const titles = async (call: Awaited<ReturnType<typeof clientOf>>, query = '') =>
  ((await (await call('GET', `?limit=100${query}`)).json()) as { items: { title: string }[] }).items.map((item) => item.title).sort();

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  ({ matriz, filial, branchUser } = await seedBranches(server.db, f));
  const expiresAt = new Date(clock.now().getTime() + 400 * 86_400_000);
  const scopes: ['documents:read', 'documents:write'] = ['documents:read', 'documents:write'];
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'erp', scopes, expiresAt }))).token;
  otherToken = (await server.db.withTenant(other.tenant.id, (tx) => createApiToken(tx, other.tenant.slug, { name: 'erp', scopes, expiresAt }))).token;
});
after(() => server.stop());

describe('documents delivered by the business', () => {
  test('a document arrives, is listed and downloads through the API and a signed link, each download recorded', async () => {
    const id = await deliver('PCMSO-M', { establishmentId: matriz });
    const rh = await clientOf(f, f.rh);
    const list = (await (await rh('GET', '?category=pcmso')).json()) as { items: { id: string; file: { name: string; type: string; size: number }; categoryLabel: string }[] };
    const item = list.items.find((candidate) => candidate.id === id)!;
    assert.deepEqual(item.file, { name: 'PCMSO-M.pdf', type: 'application/pdf', size: pdf('PCMSO-M').length });
    assert.equal(item.categoryLabel, 'PCMSO');
    const direct = await rh('GET', `/${id}/file`);
    assert.equal(direct.status, 200);
    assert.equal(direct.headers.get('cache-control'), 'no-store');
    assert.equal(direct.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(new Uint8Array(await direct.arrayBuffer()), pdf('PCMSO-M'));
    const { url } = (await (await rh('POST', `/${id}/link`)).json()) as { url: string };
    const viaLink = await fetch(url);
    assert.equal(viaLink.status, 200);
    assert.match(viaLink.headers.get('content-disposition') ?? '', /^attachment; filename="PCMSO-M\.pdf"/);
    const downloads = (await (await api('GET', `/${id}/downloads`)).json()) as { items: { email: string; via: string }[] };
    assert.deepEqual(downloads.items.map((d) => [d.email, d.via]).sort(), [[f.rh.email, 'api'], [f.rh.email, 'link']]);
  });

  test('Filial Contagem never lists or downloads a Matriz document, not even with its id or an old link', async () => {
    const branchDoc = await deliver('PCMSO-F', { establishmentId: filial });
    const matrizDoc = await deliver('PCMSO-M2', { establishmentId: matriz });
    const accountDoc = await deliver('PGR', { category: 'pgr', establishmentId: null });
    const branch = await clientOf(f, branchUser);
    const seen = await titles(branch);
    assert.ok(seen.includes('PCMSO PCMSO-F'));
    assert.ok(!seen.some((title) => title.includes('PCMSO-M') || title.includes('PGR')), seen.join());
    for (const id of [matrizDoc, accountDoc]) {
      assert.equal((await branch('GET', `/${id}/file`)).status, 404);
      assert.equal((await branch('POST', `/${id}/link`)).status, 404);
    }
    assert.equal((await branch('GET', `?establishmentId=${matriz}`)).status, 200);
    assert.deepEqual(await titles(branch, `&establishmentId=${matriz}`), []);
    // A link made while the document was the branch's stops working once it is moved to the head office.
    const { url } = (await (await branch('POST', `/${branchDoc}/link`)).json()) as { url: string };
    await api('PUT', '', { items: [meta('PCMSO-F', { establishmentId: matriz })] });
    assert.equal((await fetch(url)).status, 404);
    const outsider = await clientOf(other, other.rh);
    assert.equal((await outsider('GET', `/${matrizDoc}/file`)).status, 404);
    assert.equal((await api('GET', `/${matrizDoc}`, undefined, { bearer: otherToken })).status, 404);
    assert.equal((await api('PUT', `/${matrizDoc}/file`, undefined, { bearer: otherToken, raw: pdf(), type: 'application/pdf' })).status, 404);
  });

  test('a tampered link is a 403, an expired one a 410, one of a signed-out session a 403', async () => {
    const id = await deliver('LINKS', { establishmentId: matriz });
    const rh = await clientOf(f, f.rh);
    const { url } = (await (await rh('POST', `/${id}/link`)).json()) as { url: string };
    const [head, payload, signature] = url.split('/').pop()!.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, doc: crypto.randomUUID() })).toString('base64url');
    const json = { headers: { Accept: 'application/json' } };
    const tampered = await fetch(url.replace(`${payload}.${signature}`, `${forged}.${signature}`), json);
    assert.equal((await readProblem(tampered)).code, 'invalid_link');
    assert.equal(tampered.status, 403);
    // Followed as a navigation, the same refusal is a page in words, not JSON over the client's page.
    const followed = await fetch(url.replace(`${payload}.${signature}`, `${forged}.${signature}`), { headers: { Accept: 'text/html' } });
    assert.equal(followed.status, 403);
    assert.match(followed.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await followed.text(), /not valid for you/);
    assert.equal((await fetch(url.replace(head!, Buffer.from(JSON.stringify({ alg: 'none', typ: 'portico-download+jwt' })).toString('base64url')))).status, 403);
    clock.advance(6 * 60);
    const expired = await fetch(url, json);
    assert.equal(expired.status, 410);
    assert.equal((await readProblem(expired)).code, 'link_expired');
  });

  test('the file is sniffed, not trusted from its name; hostile names come back safe', async () => {
    const saved = await api('PUT', '', { items: [meta('EXE')] });
    const id = ((await saved.json()) as { results: { id: string }[] }).results[0]!.id;
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, ...new TextEncoder().encode('This program cannot be run in DOS mode')]);
    const refused = await api('PUT', `/${id}/file?name=laudo.pdf`, undefined, { raw: exe, type: 'application/pdf' });
    assert.equal((await readProblem(refused)).code, 'unsupported_media_type');
    const [row] = await server.db.owner`select storage_key from documents where id = ${id}`;
    assert.equal(row!.storage_key, null, 'nothing was stored');
    for (const [hostile, expected] of [['../../etc/passwd.pdf', 'passwd.pdf'], ['relatório\u202Efdp.exe', 'relatóriofdp.exe.pdf'], ['a\u0000b\u0007c.pdf', 'abc.pdf']] as const) {
      const docId = await deliver(`NAME-${expected}`, { establishmentId: matriz }, pdf(), hostile);
      const rh = await clientOf(f, f.rh);
      const response = await rh('GET', `/${docId}/file`);
      assert.ok((response.headers.get('content-disposition') ?? '').endsWith(`filename*=UTF-8''${encodeURIComponent(expected)}`), response.headers.get('content-disposition')!);
    }
  });

  test('bad data is refused whole and nothing is written', async () => {
    const [{ n: before }] = await server.db.owner`select count(*)::int as n from documents where tenant_id = ${f.tenant.id}`;
    for (const [bad, path] of [
      [meta('B1', { category: 'no-such' }), 'items.1.category'],
      [meta('B2', { category: 'esocial' }), 'items.1.esocial'],
      [meta('B3', { esocial: { eventType: 'S-2220', receiptNumber: '1' } }), 'items.1.esocial'],
      [meta('B4', { title: '' }), 'items.1.title'],
      [meta('B5', { accountId: other.company.id }), 'items.1.accountId'],
      [meta('B6', { validUntil: '2020-01-01' }), 'items.1.validUntil'],
    ] as const) {
      const response = await api('PUT', '', { items: [meta(`OK-${path}`), bad] });
      assert.equal(response.status, 400);
      const problem = await readProblem(response);
      assert.ok((problem.errors as { path: string }[]).some((error) => error.path.startsWith(path)), JSON.stringify(problem.errors));
    }
    const [{ n: afterwards }] = await server.db.owner`select count(*)::int as n from documents where tenant_id = ${f.tenant.id}`;
    assert.equal(afterwards, before);
  });

  test('hidden categories and withdrawn documents are not the client’s; eSocial follows the tenant’s defaults', async () => {
    await deliver('CAT-1', { category: 'cat', establishmentId: matriz });
    await deliver('ES-1', { category: 'esocial', title: 'S-2220 recente', issueDate: '2026-06-01', esocial: { eventType: 'S-2220', receiptNumber: '1.2.3' } });
    await deliver('ES-2', { category: 'esocial', title: 'S-2220 retificado', issueDate: '2026-06-02', esocial: { eventType: 'S-2220', receiptNumber: '1.2.4', rectified: true } });
    await deliver('ES-3', { category: 'esocial', title: 'S-2240 antigo', issueDate: '2025-01-10', esocial: { eventType: 'S-2240', receiptNumber: '1.2.5' } });
    const rh = await clientOf(f, f.rh);
    assert.ok((await titles(rh)).includes('PCMSO CAT-1'));
    await api('PUT', '/categories/cat', { shown: false });
    assert.ok(!(await titles(rh)).includes('PCMSO CAT-1'));
    const catalog = (await (await rh('GET', '/catalog?locale=en')).json()) as { categories: { key: string; label: string }[] };
    assert.ok(!catalog.categories.some((c) => c.key === 'cat'));
    assert.equal(catalog.categories.find((c) => c.key === 'esocial')!.label, 'eSocial receipts');

    assert.deepEqual(await titles(rh, '&category=esocial'), ['S-2220 recente', 'S-2240 antigo'], 'rectified hidden by default');
    await api('PUT', '/settings', { esocialIncludeRectified: true, esocialSinceMonths: 6 });
    assert.deepEqual(await titles(rh, '&category=esocial'), ['S-2220 recente', 'S-2220 retificado'], 'the tenant’s defaults: rectified shown, last 6 months');
    assert.deepEqual(await titles(rh, '&category=esocial&rectified=false&since=all'), ['S-2220 recente', 'S-2240 antigo'], 'the client’s choice wins');

    const withdrawn = await deliver('GONE', { establishmentId: matriz });
    assert.equal((await api('DELETE', `/${withdrawn}`)).status, 204);
    assert.equal((await rh('GET', `/${withdrawn}/file`)).status, 404);
  });

  test('a 200 MB upload streams to storage with the server’s memory staying flat', async () => {
    const saved = await api('PUT', '', { items: [meta('BIG', { establishmentId: matriz })] });
    const id = ((await saved.json()) as { results: { id: string }[] }).results[0]!.id;
    const total = 200 * 1024 * 1024;
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(pdf('big'));
        sent += pdf('big').length;
      },
      pull(controller) {
        if (sent >= total) return controller.close();
        controller.enqueue(chunk);
        sent += chunk.length;
      },
    });
    global.gc?.();
    const start = process.memoryUsage().rss;
    let peak = start;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const response = await api('PUT', `/${id}/file?name=big.pdf`, undefined, { raw: body, type: 'application/pdf' });
    clearInterval(sampler);
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { size: number }).size, sent);
    assert.ok(peak - start < 100 * 1024 * 1024, `RSS grew by ${((peak - start) / 2 ** 20).toFixed(0)} MiB while 200 MiB went through`);
  });
});
