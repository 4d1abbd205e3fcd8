import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken, revokeApiToken } from '../../server/auth/api-tokens.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { linkToken, PortalClient } from '../helpers/portal-client.ts';
import { readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let token: string;
let readOnly: string;
let establishment: string;

const api = (path: string, body: unknown = {}, bearer = token) =>
  server.request(`/api/v1/users${path}`, { method: 'POST', headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

async function lastMailTo(to: string) {
  await server.mail.dispatcher.drain();
  return server.mail.captured!.list(to)[0]!;
}

before(async () => {
  server = await startTestServer();
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'ERP', scopes: ['users:read', 'users:write'], expiresAt: new Date(Date.now() + 86_400_000) }))).token;
  readOnly = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'BI', scopes: ['users:read'], expiresAt: new Date(Date.now() + 86_400_000) }))).token;
  const [row] = await server.db.owner<{ id: string }[]>`insert into establishments (tenant_id, account_id, name) values (${f.tenant.id}, ${f.company.id}, 'Filial Contagem') returning id`;
  establishment = row!.id;
});
after(() => server.stop());

describe('invitation and activation (A1, A2, A11)', () => {
  test('an invited e-mail is pending until the activation link sets a password; its scope is one establishment', async () => {
    const email = `filial.${f.tenant.slug}@example.com`;
    const invited = await api('/invitations', { email, accountId: f.company.id, establishmentIds: [establishment] });
    assert.equal(invited.status, 201);
    const body = (await invited.json()) as { userId: string; status: string; activationSent: boolean };
    assert.deepEqual([body.status, body.activationSent], ['pending', true]);
    assert.equal((await new PortalClient(server, f.tenant.slug).post('/sign-in', { email, password: 'anything at all' })).status, 401);

    assert.equal((await api(`/${body.userId}/activation-email`)).status, 202, 'resend');
    const mail = await lastMailTo(email);
    const activated = await new PortalClient(server, f.tenant.slug).post('/link/redeem', { token: linkToken(mail.text), password: 'activated at last' });
    assert.equal(activated.status, 200);
    const session = (await activated.json()) as { accounts: { id: string; establishments: { name: string }[] | 'all' }[] };
    assert.deepEqual(session.accounts.map((a) => [a.id, a.establishments]), [[f.company.id, [{ id: establishment, name: 'Filial Contagem' }]]]);
    assert.equal((await api(`/${body.userId}/activation-email`)).status, 409, 'no activation left to resend');
  });

  test('a staff-triggered reset e-mail, and disabling a user ends its sessions at once', async () => {
    const portal = new PortalClient(server, f.tenant.slug);
    const { accessToken } = (await (await portal.post('/sign-in', { email: f.rh.email, password: f.rh.password })).json()) as { accessToken: string };
    assert.equal((await api(`/${f.rh.id}/password-reset`)).status, 202);
    assert.match((await lastMailTo(f.rh.email)).text, /#portico-link=/);
    assert.equal((await api(`/${f.rh.id}/disable`)).status, 204);
    assert.equal((await portal.get('/session', accessToken)).status, 401);
    assert.equal((await portal.post('/refresh')).status, 401);
    assert.equal((await portal.post('/sign-in', { email: f.rh.email, password: f.rh.password })).status, 401);
  });

  test('magic links to every user of an account (G7), profile-only when asked (P5)', async () => {
    const response = await api('/magic-links', { accountId: f.person.id, profileOnly: true });
    assert.deepEqual(await response.json(), { sent: 1 }, 'the disabled user is skipped');
    const mail = await lastMailTo(f.solo.email);
    const redeemed = (await (await new PortalClient(server, f.tenant.slug).post('/link/redeem', { token: linkToken(mail.text) })).json()) as { scope: string };
    assert.equal(redeemed.scope, 'profile');
  });
});

describe('API tokens (A12, SECURITY.md 6)', () => {
  test('missing, malformed, revoked and portal tokens are a 401; a token without the scope is a 403', async () => {
    const body = { email: `x.${f.tenant.slug}@example.com`, accountId: f.company.id };
    for (const bearer of ['', 'nonsense', `ptk_${f.tenant.slug}_${'A'.repeat(43)}`, `ptk_no-such-tenant_${'A'.repeat(43)}`]) {
      assert.equal((await api('/invitations', body, bearer)).status, 401, bearer);
    }
    const portal = (await (await new PortalClient(server, f.tenant.slug).post('/sign-in', { email: f.solo.email, password: f.solo.password })).json()) as { accessToken: string };
    assert.equal((await api('/invitations', body, portal.accessToken)).status, 401, 'a portal token is no API token');
    const forbidden = await api('/invitations', body, readOnly);
    assert.equal(forbidden.status, 403);
    assert.equal((await readProblem(forbidden)).code, 'forbidden');

    const revoked = await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'old', scopes: ['users:write'], expiresAt: new Date(Date.now() + 86_400_000) }));
    await server.db.withTenant(f.tenant.id, (tx) => revokeApiToken(tx, revoked.id, new Date()));
    assert.equal((await api('/invitations', body, revoked.token)).status, 401);
  });

  test('an API token is refused on the portal API', async () => {
    const response = await server.request('/api/portal/auth/session', { headers: { Authorization: `Bearer ${token}`, 'X-Portal-Tenant': f.tenant.slug } });
    assert.equal(response.status, 401);
  });

  test("another tenant's account or user ids are a 404, and nothing is written", async () => {
    const before = (await server.db.owner`select count(*)::int as n from portal_users`)[0]!.n;
    assert.equal((await api('/invitations', { email: `spy.${f.tenant.slug}@example.com`, accountId: other.company.id })).status, 404);
    assert.equal((await api(`/${other.rh.id}/password-reset`)).status, 404);
    assert.equal((await api(`/${other.rh.id}/disable`)).status, 404);
    assert.equal((await server.db.owner`select count(*)::int as n from portal_users`)[0]!.n, before);
    assert.equal((await api('/invitations', { email: `y.${f.tenant.slug}@example.com`, accountId: f.company.id, establishmentIds: [crypto.randomUUID()] })).status, 400);
  });

  test('only the hash of a token is stored', async () => {
    const rows = await server.db.owner`select token_hash, token_prefix from api_tokens where tenant_id = ${f.tenant.id}`;
    assert.ok(rows.length >= 2);
    const secret = token.slice(-43);
    for (const row of rows) {
      for (let i = 0; i + 8 <= 43; i++) assert.ok(!JSON.stringify(row).includes(secret.slice(i, i + 8)) || row.token_prefix === `ptk_${f.tenant.slug}_${secret.slice(0, 4)}`, 'no 8 characters of the secret are stored');
    }
    assert.ok(rows.some((row) => row.token_prefix === `ptk_${f.tenant.slug}_${secret.slice(0, 4)}`));
  });
});
