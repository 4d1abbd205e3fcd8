import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { readProblem, startTestServer, testConfig, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let token: string;
let requestId: string;

const PDF = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

async function signIn(fixture: IdentityFixture): Promise<string> {
  const answer = (await (await new PortalClient(server, fixture.tenant.slug).post('/sign-in', { email: fixture.rh.email, password: fixture.rh.password })).json()) as { accessToken: string };
  return answer.accessToken;
}

function upload(id: string, file: Blob, name: string, fixture = f, bearer = token) {
  const form = new FormData();
  form.set('file', file, name);
  return server.request(`/api/portal/requests/${id}/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${bearer}`, 'X-Portal-Tenant': fixture.tenant.slug }, body: form });
}

const stored = async () => (await readdir(`${testConfig().storageDir}/requests/${f.tenant.id}`).catch(() => [])).length;
const rows = async () => (await server.db.owner`select count(*)::int as n from request_attachments where tenant_id = ${f.tenant.id}`)[0]!.n as number;

before(async () => {
  server = await startTestServer();
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  token = await signIn(f);
  const created = await server.request('/api/portal/requests', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'X-Portal-Tenant': f.tenant.slug, 'Content-Type': 'application/json' },
    body: JSON.stringify({ accountId: f.company.id, category: 'financial', subject: 'Comprovante', description: 'Segue o comprovante.' }),
  });
  requestId = ((await created.json()) as { id: string }).id;
});
after(() => server.stop());

test('a PDF is stored, listed with the request, and downloaded with a safe Content-Disposition', async () => {
  const response = await upload(requestId, new Blob([PDF]), '../../etc/comprovante\u202Efdp.exe.pdf');
  assert.equal(response.status, 201);
  const { id } = (await response.json()) as { id: string };
  const detail = (await (await server.request(`/api/portal/requests/${requestId}`, { headers: { Authorization: `Bearer ${token}`, 'X-Portal-Tenant': f.tenant.slug } })).json()) as { attachments: { id: string; name: string; type: string; size: number }[] };
  assert.deepEqual(detail.attachments.map((a) => [a.id, a.name, a.type, a.size]), [[id, 'comprovantefdp.exe.pdf', 'application/pdf', PDF.length]]);
  const download = await server.request(`/api/portal/requests/${requestId}/attachments/${id}`, { headers: { Authorization: `Bearer ${token}`, 'X-Portal-Tenant': f.tenant.slug } });
  assert.equal(download.status, 200);
  assert.equal(download.headers.get('content-type'), 'application/pdf');
  assert.match(download.headers.get('content-disposition') ?? '', /^attachment; filename="comprovantefdp\.exe\.pdf"; filename\*=UTF-8''/);
  assert.equal(download.headers.get('x-content-type-options'), 'nosniff');
  assert.deepEqual(new Uint8Array(await download.arrayBuffer()), PDF);

  const staff = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'inbox', scopes: ['requests:read'], expiresAt: new Date(Date.now() + 86_400_000) }))).token;
  const viaApi = await server.request(`/api/v1/requests/${requestId}/attachments/${id}`, { headers: { Authorization: `Bearer ${staff}` } });
  assert.equal(viaApi.status, 200, 'the business downloads it too');
});

test('too large, a refused type, an empty file or no file: a clear 4xx, and nothing stored', async () => {
  const [beforeRows, beforeFiles] = [await rows(), await stored()];
  const big = new Uint8Array(10 * 1024 * 1024 + 1);
  big.set(PDF);
  assert.equal((await readProblem(await upload(requestId, new Blob([big]), 'big.pdf'))).code, 'payload_too_large');
  const exe = await upload(requestId, new Blob([new TextEncoder().encode('MZ\x90\x00 this is a program')]), 'invoice.pdf');
  assert.equal(exe.status, 415, 'the name says PDF, the content does not');
  assert.equal((await upload(requestId, new Blob([]), 'empty.pdf')).status, 400);
  const json = await server.request(`/api/portal/requests/${requestId}/attachments`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'X-Portal-Tenant': f.tenant.slug, 'Content-Type': 'application/json' }, body: '{}' });
  assert.equal(json.status, 415);
  assert.deepEqual([await rows(), await stored()], [beforeRows, beforeFiles]);
});

test("another tenant's request, or a closed one, takes no file", async () => {
  const stranger = await signIn(other);
  assert.equal((await upload(requestId, new Blob([PNG]), 'x.png', other, stranger)).status, 404);
  await server.request(`/api/portal/requests/${requestId}/close`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'X-Portal-Tenant': f.tenant.slug } });
  assert.equal((await readProblem(await upload(requestId, new Blob([PNG]), 'x.png'))).code, 'request_closed');
});
