import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sendLink } from '../../server/features/auth/service.ts';
import { portalTenantOf, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { comparable, linkToken, mailedCode, PortalClient } from '../helpers/portal-client.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;
const clock = manualClock();
const client = () => new PortalClient(server, f.tenant.slug);

/** The newest captured mail to `to`, after the dispatcher sent what is due. */
async function lastMailTo(to: string) {
  await server.mail.dispatcher.drain();
  const mail = server.mail.captured!.list(to)[0];
  assert.ok(mail, `no mail to ${to}`);
  return mail;
}

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  f = await seedIdentity(server.db);
});
after(() => server.stop());

describe('sign in (A5)', () => {
  test('the right password opens a session: an access token and the refresh cookie', async () => {
    const portal = client();
    const response = await portal.post('/sign-in', { email: f.rh.email.toUpperCase(), password: f.rh.password });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { accessToken: string; expiresIn: number; accounts: unknown[]; accountId: string | null };
    assert.match(body.accessToken, /^ey/);
    assert.ok(body.expiresIn <= 300);
    assert.equal(body.accounts.length, 2);
    assert.equal(body.accountId, null, 'two accounts: the user picks one');
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('__Host-portico_rt_'))!;
    for (const attribute of ['Secure', 'HttpOnly', 'SameSite=None', 'Partitioned', 'Path=/']) assert.match(cookie, new RegExp(`; ${attribute}`, 'i'));
    assert.doesNotMatch(cookie, /Domain=/i);
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('a wrong password and an unknown e-mail get the very same answer', async () => {
    const wrong = await comparable(await client().post('/sign-in', { email: f.rh.email, password: 'not the password' }));
    const unknown = await comparable(await client().post('/sign-in', { email: `nobody.${f.tenant.slug}@example.com`, password: 'not the password' }));
    assert.deepEqual(unknown, wrong);
    assert.equal((wrong as { status: number }).status, 401);
  });

  test('a user with one account gets it chosen', async () => {
    const body = (await (await client().post('/sign-in', { email: f.solo.email, password: f.solo.password })).json()) as { accountId: string };
    assert.equal(body.accountId, f.solo.accountId);
  });
});

describe('account picker (A10)', () => {
  test('a user chooses one of their accounts; the choice is in the session and its tokens', async () => {
    const portal = client();
    const { accessToken } = (await (await portal.post('/sign-in', { email: f.rh.email, password: f.rh.password })).json()) as { accessToken: string };
    const chosen = await portal.post('/account', { accountId: f.company.id }, { token: accessToken });
    assert.equal(chosen.status, 200);
    const body = (await chosen.json()) as { accountId: string; accessToken?: string };
    assert.equal(body.accountId, f.company.id);
    assert.equal(body.accessToken, undefined, 'only sign-in and refresh issue tokens');
    const session = (await (await portal.get('/session', accessToken)).json()) as { accountId: string; accessToken?: string };
    assert.equal(session.accountId, f.company.id);
    assert.equal(session.accessToken, undefined, 'a stolen access token cannot renew itself');
    const refreshed = (await (await portal.post('/refresh')).json()) as { accountId: string };
    assert.equal(refreshed.accountId, f.company.id);
  });

  test('an account the user does not reach is a 404, like one that does not exist', async () => {
    const portal = client();
    const { accessToken } = (await (await portal.post('/sign-in', { email: f.solo.email, password: f.solo.password })).json()) as { accessToken: string };
    const response = await portal.post('/account', { accountId: f.company.id }, { token: accessToken });
    assert.equal(response.status, 404);
    assert.equal((await readProblem(response)).code, 'account_not_reachable');
  });
});

describe('registration with an e-mailed code (A3)', () => {
  test('a known e-mail gets a code, and code + new password sign in; an unknown one gets the same answer and no mail', async () => {
    const known = await client().post('/register/code', { email: f.contactEmail });
    const unknown = await client().post('/register/code', { email: `stranger.${f.tenant.slug}@example.com` });
    assert.deepEqual(await comparable(unknown), await comparable(known));
    assert.equal(known.status, 202);
    const mail = await lastMailTo(f.contactEmail);
    assert.equal(server.mail.captured!.list(`stranger.${f.tenant.slug}@example.com`).length, 0);
    const registered = await client().post('/register', { email: f.contactEmail, code: mailedCode(mail.text), password: 'a brand new passphrase' });
    assert.equal(registered.status, 201);
    const body = (await registered.json()) as { user: { email: string }; accounts: { name: string }[] };
    assert.equal(body.user.email, f.contactEmail);
    assert.deepEqual(body.accounts.map((account) => account.name), ['Ana Souza']);
    const signIn = await client().post('/sign-in', { email: f.contactEmail, password: 'a brand new passphrase' });
    assert.equal(signIn.status, 200);
  });
});

describe('no enumeration on the e-mail endpoints (SECURITY.md 8)', () => {
  for (const path of ['/first-access', '/password/forgot', '/register/code']) {
    test(`${path}: a known and an unknown e-mail get the same answer`, async () => {
      clock.advance(7200);
      const known = await comparable(await client().post(path, { email: path === '/first-access' ? f.contactEmail : f.rh.email }));
      const unknown = await comparable(await client().post(path, { email: `unknown.${f.tenant.slug}@example.com` }));
      assert.deepEqual(unknown, known);
    });
  }
});

describe('first access (A4) and forgot password (A6) by e-mailed link', () => {
  test('a contact e-mail without a password gets a link; opening it only inspects; the POST sets the password and signs in', async () => {
    const email = f.contactEmail.replace('ana.', 'ana2.');
    await server.db.owner`insert into accounts (tenant_id, kind, name, email) values (${f.tenant.id}, 'person', 'Ana Dois', ${email})`;
    assert.equal((await client().post('/first-access', { email })).status, 202);
    const mail = await lastMailTo(email);
    assert.match(mail.text, new RegExp(`https://www\\.${f.tenant.slug}\\.example/portal#portico-link=`));
    const token = linkToken(mail.text);
    const inspected = await client().post('/link/inspect', { token });
    assert.deepEqual(await inspected.json(), { purpose: 'first-access', needsPassword: true });
    assert.equal((await readProblem(await client().post('/link/redeem', { token }))).code, 'password_required');
    const redeemed = await client().post('/link/redeem', { token, password: 'my first real password' });
    assert.equal(redeemed.status, 200);
    assert.equal((await client().post('/link/redeem', { token, password: 'my first real password' })).status, 400, 'spent once');
    assert.equal((await client().post('/sign-in', { email, password: 'my first real password' })).status, 200);
  });

  test('a reset link replaces the password and ends the other sessions', async () => {
    const old = client();
    const { accessToken } = (await (await old.post('/sign-in', { email: f.solo.email, password: f.solo.password })).json()) as { accessToken: string };
    assert.equal((await client().post('/password/forgot', { email: f.solo.email })).status, 202);
    const mail = await lastMailTo(f.solo.email);
    assert.match(mail.subject + mail.text, /contraseña/i, 'in the user’s language (es)');
    const reset = await client().post('/link/redeem', { token: linkToken(mail.text), password: 'a replaced passphrase' });
    assert.equal(reset.status, 200);
    assert.equal((await old.get('/session', accessToken)).status, 401, 'the old session ended');
    assert.equal((await client().post('/sign-in', { email: f.solo.email, password: f.solo.password })).status, 401);
    assert.equal((await client().post('/sign-in', { email: f.solo.email, password: 'a replaced passphrase' })).status, 200);
    f.solo.password = 'a replaced passphrase';
  });

  test('a reset link lives 30 minutes', async () => {
    clock.advance(7200);
    await client().post('/password/forgot', { email: f.rh.email });
    const token = linkToken((await lastMailTo(f.rh.email)).text);
    clock.advance(31 * 60);
    assert.equal((await readProblem(await client().post('/link/redeem', { token, password: 'too late for this' }))).code, 'invalid_link');
  });

  test('setting a password spends the other links still out there', async () => {
    clock.advance(7200);
    await client().post('/password/forgot', { email: f.rh.email });
    const first = linkToken((await lastMailTo(f.rh.email)).text);
    clock.advance(120);
    await server.db.withTenant(f.tenant.id, (tx) =>
      sendLink(tx, portalTenantOf(f), { id: f.rh.id, email: f.rh.email, locale: null }, 'magic', clock.now()),
    );
    const magic = linkToken((await lastMailTo(f.rh.email)).text);
    assert.equal((await client().post('/link/redeem', { token: first, password: f.rh.password })).status, 200);
    assert.equal((await client().post('/link/redeem', { token: magic })).status, 400, 'the magic link died with the password change');
  });

  test('a link past its lifetime is dead', async () => {
    await server.db.withTenant(f.tenant.id, async (tx) => {
      await sendLink(tx, portalTenantOf(f), { id: f.rh.id, email: f.rh.email, locale: null }, 'magic', clock.now());
    });
    const token = linkToken((await lastMailTo(f.rh.email)).text);
    clock.advance(16 * 60);
    assert.equal((await readProblem(await client().post('/link/redeem', { token }))).code, 'invalid_link');
  });
});

describe('magic links (A7, P5)', () => {
  const send = (purpose: 'magic' | 'magic-profile') =>
    server.db.withTenant(f.tenant.id, (tx) =>
      sendLink(tx, portalTenantOf(f), { id: f.rh.id, email: f.rh.email, locale: null }, purpose, clock.now()),
    );

  test('sign in without a password, once', async () => {
    await send('magic');
    const token = linkToken((await lastMailTo(f.rh.email)).text);
    const response = await client().post('/link/redeem', { token });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { scope: string }).scope, 'full');
  });

  test('a profile-only link gives a session limited to the profile', async () => {
    await send('magic-profile');
    const token = linkToken((await lastMailTo(f.rh.email)).text);
    const body = (await (await client().post('/link/redeem', { token })).json()) as { scope: string };
    assert.equal(body.scope, 'profile');
  });
});

describe('sessions (SECURITY.md 11)', () => {
  test('refresh rotates the token; two tabs at once are both fine; a replay after the grace period ends the family', async () => {
    const portal = client();
    await portal.post('/sign-in', { email: f.rh.email, password: f.rh.password });
    const first = portal.cookie!;
    const [tabA, tabB] = await Promise.all([portal.post('/refresh', undefined, { cookie: first }), portal.post('/refresh', undefined, { cookie: first })]);
    assert.deepEqual([tabA.status, tabB.status], [200, 200]);
    const rotated = [tabA, tabB].flatMap((r) => r.headers.getSetCookie()).filter((line) => line.startsWith('__Host-portico_rt_'));
    assert.equal(rotated.length, 1, 'one of the two rotated, the other rode the grace period');
    const second = rotated[0]!.split(';')[0]!;
    assert.notEqual(second, first);

    clock.advance(11);
    assert.equal((await portal.post('/refresh', undefined, { cookie: first })).status, 401, 'replay after grace');
    assert.equal((await portal.post('/refresh', undefined, { cookie: second })).status, 401, 'the whole family is revoked');
  });

  test('a visitor without a refresh cookie has nothing to restore: 204, not an error', async () => {
    assert.equal((await client().post('/refresh')).status, 204);
  });

  test('sign out ends the session at once, access token included', async () => {
    const portal = client();
    const { accessToken } = (await (await portal.post('/sign-in', { email: f.rh.email, password: f.rh.password })).json()) as { accessToken: string };
    assert.equal((await portal.get('/session', accessToken)).status, 200);
    assert.equal((await portal.post('/sign-out')).status, 204);
    assert.equal((await portal.get('/session', accessToken)).status, 401);
  });

  test('sign out everywhere ends every session of the user', async () => {
    const [one, two] = [client(), client()];
    const a = (await (await one.post('/sign-in', { email: f.rh.email, password: f.rh.password })).json()) as { accessToken: string };
    const b = (await (await two.post('/sign-in', { email: f.rh.email, password: f.rh.password })).json()) as { accessToken: string };
    assert.equal((await one.post('/sign-out-everywhere', {}, { token: a.accessToken })).status, 204);
    assert.equal((await two.get('/session', b.accessToken)).status, 401);
    assert.equal((await two.post('/refresh')).status, 401);
  });

  test('a session ends after 30 minutes without use', async () => {
    const portal = client();
    await portal.post('/sign-in', { email: f.rh.email, password: f.rh.password });
    clock.advance(31 * 60);
    assert.equal((await portal.post('/refresh')).status, 401);
  });
});

describe('quick access by process number (A8)', () => {
  test('number + access key open a read-only session for that process, whose token is no portal token', async () => {
    const response = await client().post('/quick-access', { number: f.process.number, accessKey: f.process.accessKey });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { accessToken: string; scope: string; expiresIn: number; processId: string };
    assert.equal(body.scope, 'process');
    assert.equal(body.processId, f.process.id);
    assert.ok(body.expiresIn <= 900);
    assert.equal(response.headers.getSetCookie().length, 0, 'no refresh');
    assert.equal((await client().get('/session', body.accessToken)).status, 401, 'not accepted as a portal token');
  });

  test('a wrong key and an unknown number get the same answer', async () => {
    const wrongKey = await comparable(await client().post('/quick-access', { number: f.process.number, accessKey: 'guess' }));
    const unknown = await comparable(await client().post('/quick-access', { number: '0000000000', accessKey: 'guess' }));
    assert.deepEqual(unknown, wrongKey);
  });
});
