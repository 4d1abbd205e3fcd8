import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { startTestServer, testDatabaseUrl, uniqueSlug, type TestServer } from '../helpers/server.ts';

// The operator CLI, run as an operator runs it, against the test database; the server checks what it did.
const root = fileURLToPath(new URL('../..', import.meta.url));
let server: TestServer;
let f: IdentityFixture;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl(), DATABASE_POOL_SIZE: '1', LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.once('exit', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

before(async () => {
  server = await startTestServer();
  f = await seedIdentity(server.db);
});
after(() => server.stop());

test('create a tenant and allow an origin: the portal answers, and that origin may read it', async () => {
  const slug = uniqueSlug('cli');
  const created = await cli('tenant:create', '--slug', slug, '--name', 'Clínica Nova', '--locale', 'es', '--currency', 'EUR', '--time-zone', 'Europe/Madrid', '--portal-url', `https://${slug}.example/portal`);
  assert.equal(created.code, 0, created.stderr);
  assert.equal((await cli('origin:add', slug, `https://www.${slug}.example`)).code, 0);
  const response = await server.request(`/api/portal/tenants/${slug}`, { headers: { Origin: `https://www.${slug}.example` } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), `https://www.${slug}.example`);
  assert.equal(((await response.json()) as { locale: string }).locale, 'es');
});

test('an API token is printed once, works on the API, and stops working when revoked', async () => {
  const created = await cli('token:create', f.tenant.slug, '--name', 'ERP', '--scopes', 'users:write');
  assert.equal(created.code, 0, created.stderr);
  const token = /ptk_\S+/.exec(created.stdout)![0];
  const id = /token ([0-9a-f-]{36})/.exec(created.stdout)![1]!;
  const invite = () =>
    server.request('/api/v1/users/invitations', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: `erp.${f.tenant.slug}@example.com`, accountId: f.company.id }),
    });
  assert.equal((await invite()).status, 201);
  assert.equal((await cli('token:revoke', f.tenant.slug, id)).code, 0);
  assert.equal((await invite()).status, 401);
});

test('create a company account with establishments; a wrong CNPJ is refused', async () => {
  const created = await cli('account:create', f.tenant.slug, '--company', '--name', 'Construtora Alfa', '--tax-id', '11.222.333/0001-81', '--establishment', 'Sede');
  assert.equal(created.code, 0, created.stderr);
  const id = /account ([0-9a-f-]{36})/.exec(created.stdout)![1]!;
  const [row] = await server.db.owner`select count(*)::int as n from establishments where account_id = ${id}`;
  assert.equal(row!.n, 1);
  const wrong = await cli('account:create', f.tenant.slug, '--company', '--name', 'X', '--tax-id', '11.222.333/0001-82');
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /taxId is not a valid CNPJ/);
});

test('invite a user and send magic links: the mail waits in the outbox for the server to send it', async () => {
  const email = `invited.${f.tenant.slug}@example.com`;
  const invited = await cli('user:invite', f.tenant.slug, '--email', email, '--account', f.company.id);
  assert.equal(invited.code, 0, invited.stderr);
  assert.match(invited.stdout, /pending, activation e-mail queued/);
  assert.equal((await cli('user:resend-activation', f.tenant.slug, email)).code, 0);
  const links = await cli('magic-links', f.tenant.slug, '--account', f.person.id, '--profile-only');
  assert.match(links.stdout, /^2 magic links queued/);
  const queued = await server.db.owner`select template from outbox where tenant_id = ${f.tenant.id} and recipient = ${email}`;
  assert.deepEqual(queued.map((row) => row.template), ['activation', 'activation']);
});

test('mistakes end in one clear line and a non-zero exit', async () => {
  const unknown = await cli('tenant:fly');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /^portico: unknown command 'tenant:fly'/);
  const badScope = await cli('token:create', f.tenant.slug, '--name', 'x', '--scopes', 'everything');
  assert.equal(badScope.code, 2);
  assert.match(badScope.stderr, /unknown scopes everything/);
  const noTenant = await cli('origin:add', 'no-such-tenant', 'https://x.example');
  assert.equal(noTenant.code, 1);
  assert.equal(noTenant.stderr.trim(), "portico: There is no tenant 'no-such-tenant'");
  const badOrigin = await cli('origin:add', f.tenant.slug, 'https://x.example/path');
  assert.equal(badOrigin.code, 2);
});
