import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { issueAccessToken } from '../../server/auth/tokens.ts';
import type { PasswordAnswer, StaffSessionAnswer } from '../../server/features/staff/schemas.ts';
import { createStaff } from '../../server/features/staff/service.ts';
import { totpCode } from '../../server/features/staff/totp.ts';
import { portalTenantOf, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';
import { staffSession } from '../helpers/staff.ts';

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
const clock = manualClock(new Date('2026-11-24T12:00:00Z'));
const PASSWORD = 'a long staff passphrase';

const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});
const post = (path: string, body: unknown, headers?: Record<string, string>) => server.request(`/api/admin/auth${path}`, json(body, headers));
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const cookieOf = (response: Response) => /__Host-portico_staff=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0] ?? '';

/** Adds a staff member through the service the CLI uses, and follows the setup link up to the enrolment step. */
async function setUpStaff(email: string, role: 'owner' | 'admin' | 'staff' | 'read-only' = 'owner') {
  const { link } = await server.db.withTenant(f.tenant.id, (tx) =>
    createStaff(tx, portalTenantOf(f), { type: 'operator', id: 'test' }, { email, name: 'Marta Sol', role, permissions: [] }, clock.now(), 'https://console.example'),
  );
  assert.match(link, /^https:\/\/console\.example\/admin\/#setup=/);
  const token = link.split('#setup=')[1]!;
  const response = await post('/setup', { token, password: PASSWORD });
  assert.equal(response.status, 200);
  return { token, step: (await response.json()) as PasswordAnswer };
}

/** A code for the next 30-second step, so a code is never reused across tests (each is good once). */
function nextCode(secret: string): string {
  clock.advance(30);
  return totpCode(secret, clock.now());
}

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
});
after(() => server.stop());

describe('first access: setup link, password, authenticator, recovery codes (SECURITY.md 15)', () => {
  let secret = '';
  let recovery: string[] = [];
  const email = 'owner.setup@example.com';

  test('the setup link sets the password and leads to enrolment; it works once', async () => {
    const { token, step } = await setUpStaff(email);
    assert.equal(step.step, 'enroll');
    if (step.step !== 'enroll') return;
    secret = step.secret;
    assert.match(step.otpauthUri, /^otpauth:\/\/totp\/.+secret=/);
    const again = await post('/setup', { token, password: PASSWORD });
    assert.equal((await readProblem(again)).code, 'invalid_link');

    const wrong = await post('/second-factor', { challenge: step.challenge, code: '000000' });
    assert.equal(wrong.status, 401);
    assert.equal((await readProblem(wrong)).code, 'invalid_code');
    const right = await post('/second-factor', { challenge: step.challenge, code: nextCode(secret) });
    assert.equal(right.status, 200);
    const session = (await right.json()) as StaffSessionAnswer;
    assert.equal(session.staff.role, 'owner');
    assert.ok(session.staff.scopes.includes('tokens:write'));
    assert.equal(session.recoveryCodes?.length, 10);
    recovery = session.recoveryCodes!;
    const cookie = right.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^__Host-portico_staff=/);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /Secure/);
    assert.match(cookie, /SameSite=Strict/);
    const [stored] = await server.db.owner<{ totp_secret: string; totp_pending_secret: string | null }[]>`select totp_secret, totp_pending_secret from staff_users where email = ${email} and tenant_id = ${f.tenant.id}`;
    assert.deepEqual([stored!.totp_secret, stored!.totp_pending_secret], [secret, null]);
    const codes = await server.db.owner<{ code_hash: string }[]>`select code_hash from staff_recovery_codes where staff_id = (select id from staff_users where email = ${email} and tenant_id = ${f.tenant.id})`;
    assert.equal(codes.length, 10);
    assert.ok(codes.every((row) => !recovery.includes(row.code_hash)), 'recovery codes are stored hashed');
  });

  test('signing in again asks for the code; a code works once, a recovery code once', async () => {
    const signIn = async () => {
      const response = await post('/sign-in', { tenant: f.tenant.slug, email, password: PASSWORD });
      assert.equal(response.status, 200);
      const step = (await response.json()) as PasswordAnswer;
      assert.equal(step.step, 'second-factor');
      return step.challenge;
    };
    const code = nextCode(secret);
    assert.equal((await post('/second-factor', { challenge: await signIn(), code })).status, 200);
    const replay = await post('/second-factor', { challenge: await signIn(), code });
    assert.equal((await readProblem(replay)).code, 'invalid_code');

    const challenge = await signIn();
    assert.equal((await post('/second-factor', { challenge, code: recovery[0] })).status, 200);
    assert.equal((await readProblem(await post('/second-factor', { challenge: await signIn(), code: recovery[0] }))).code, 'invalid_code');
    const audit = await server.db.owner<{ action: string }[]>`
      select action from audit_log where tenant_id = ${f.tenant.id} and subject_type = 'staff_user' and actor_type = 'staff' order by id`;
    assert.ok(audit.filter((row) => row.action === 'staff-signed-in').length >= 3);
    assert.ok(audit.some((row) => row.action === 'staff-second-factor-enrolled'));
  });

  test('five wrong codes end the challenge, even for the right code after them', async () => {
    const response = await post('/sign-in', { tenant: f.tenant.slug, email, password: PASSWORD });
    const { challenge } = (await response.json()) as PasswordAnswer;
    for (let attempt = 0; attempt < 5; attempt++) assert.equal((await readProblem(await post('/second-factor', { challenge, code: '123456' }))).code, 'invalid_code');
    assert.equal((await readProblem(await post('/second-factor', { challenge, code: nextCode(secret) }))).code, 'challenge_expired');
  });

  test('a wrong password, an unknown e-mail and an unknown portal get the same answer', async () => {
    const answers = await Promise.all([
      post('/sign-in', { tenant: f.tenant.slug, email, password: 'not the password' }),
      post('/sign-in', { tenant: f.tenant.slug, email: 'nobody@example.com', password: PASSWORD }),
      post('/sign-in', { tenant: 'no-such-portal', email, password: PASSWORD }),
    ]);
    for (const answer of answers) {
      assert.equal(answer.status, 401);
      assert.equal((await readProblem(answer)).code, 'invalid_credentials');
    }
  });

  test('bad input is a 400, never a 500', async () => {
    for (const body of [{}, { tenant: f.tenant.slug, email: 'x\r\nBcc: y@example.com', password: 'p' }, { challenge: 'x', code: '12' }, { token: 'short', password: PASSWORD }]) {
      for (const path of ['/sign-in', '/second-factor', '/setup']) {
        const response = await post(path, body);
        assert.equal(response.status, 400, `${path} ${JSON.stringify(body)}`);
      }
    }
  });
});

describe('the staff session: 15 minutes idle, 12 hours in all, its own token kind', () => {
  test('the cookie renews the access token while used; 15 minutes idle end it', async () => {
    const staff = await staffSession(server, f.tenant.id, { now: clock.now() });
    const email = staff.email;
    const signIn = await post('/sign-in', { tenant: f.tenant.slug, email, password: staff.password });
    const { challenge } = (await signIn.json()) as PasswordAnswer;
    const signedIn = await post('/second-factor', { challenge, code: nextCode(staff.totpSecret) });
    const cookie = cookieOf(signedIn);
    assert.ok(cookie);
    clock.advance(14 * 60);
    const renewed = await post('/token', {}, { Cookie: cookie });
    assert.equal(renewed.status, 200);
    const { accessToken } = (await renewed.json()) as StaffSessionAnswer;
    clock.advance(14 * 60);
    assert.equal((await server.request('/api/admin/auth/me', { headers: bearer(accessToken) })).status, 401, 'the access token itself lives 5 minutes');
    assert.equal((await post('/token', {}, { Cookie: cookie })).status, 200, 'each use moves the idle deadline on');
    clock.advance(15 * 60 + 1);
    const ended = await post('/token', {}, { Cookie: cookie });
    assert.equal(ended.status, 401);
    assert.equal((await post('/token', {})).status, 204, 'no cookie: nothing to resume, and no error either');
  });

  test('12 hours after sign-in the session ends, however busy', async () => {
    const staff = await staffSession(server, f.tenant.id, { now: clock.now() });
    const signIn = await post('/sign-in', { tenant: f.tenant.slug, email: staff.email, password: staff.password });
    const { challenge } = (await signIn.json()) as PasswordAnswer;
    const cookie = cookieOf(await post('/second-factor', { challenge, code: nextCode(staff.totpSecret) }));
    let minutes = 0;
    while (minutes < 13 * 60) {
      clock.advance(14 * 60);
      minutes += 14;
      if ((await post('/token', {}, { Cookie: cookie })).status !== 200) break;
    }
    assert.ok(minutes >= 12 * 60 && minutes < 12 * 60 + 14, `ended after ${minutes} minutes`);
  });

  test('sign-out ends the session', async () => {
    const staff = await staffSession(server, f.tenant.id, { now: clock.now() });
    const signIn = await post('/sign-in', { tenant: f.tenant.slug, email: staff.email, password: staff.password });
    const { challenge } = (await signIn.json()) as PasswordAnswer;
    const cookie = cookieOf(await post('/second-factor', { challenge, code: nextCode(staff.totpSecret) }));
    assert.equal((await post('/sign-out', {}, { Cookie: cookie })).status, 204);
    assert.equal((await post('/token', {}, { Cookie: cookie })).status, 401);
  });

  test('a staff token is not a portal token, and neither a portal token nor a forged one reaches /api/v1 (SECURITY.md 10)', async () => {
    const staff = await staffSession(server, f.tenant.id, { now: clock.now() });
    const portalCall = await server.request('/api/portal/requests', { headers: { ...bearer(staff.token), 'X-Portal-Tenant': f.tenant.slug } });
    assert.equal(portalCall.status, 401);
    const portal = await issueAccessToken(server.keys, 'portal', { sub: f.rh.id, tid: f.tenant.id, sid: staff.sessionId, scp: 'full' }, clock.now());
    assert.equal((await server.request(`/api/v1/accounts/${f.company.id}`, { headers: bearer(portal.token) })).status, 401);
    const [head, payload] = staff.token.split('.');
    assert.equal((await server.request(`/api/v1/accounts/${f.company.id}`, { headers: bearer(`${head}.${payload}.AAAA`) })).status, 401);
    assert.equal((await server.request(`/api/v1/accounts/${f.company.id}`, { headers: bearer(staff.token) })).status, 200);
  });

  test("a staff member of one portal never reaches another's data: swapped ids answer 404", async () => {
    const staff = await staffSession(server, f.tenant.id, { now: clock.now() });
    for (const path of [`/api/v1/accounts/${other.company.id}`, `/api/v1/accounts/${other.company.id}/modules`, `/api/v1/appointments/accounts/${other.company.id}/settings`]) {
      const response = await server.request(path, { headers: bearer(staff.token) });
      assert.equal(response.status, 404, path);
    }
    const disable = await server.request(`/api/v1/users/${other.rh.id}/disable`, json({}, bearer(staff.token)));
    assert.equal(disable.status, 404);
    const [user] = await server.db.owner<{ status: string }[]>`select status from portal_users where id = ${other.rh.id}`;
    assert.equal(user!.status, 'active');
  });
});

describe('roles, permissions and the password asked again', () => {
  test('read-only staff read and change nothing; staff with a permission use only it', async () => {
    const reader = await staffSession(server, f.tenant.id, { role: 'read-only', now: clock.now() });
    assert.equal((await server.request('/api/v1/appointments/settings', { headers: bearer(reader.token) })).status, 200);
    const write = await server.request('/api/v1/appointments/settings', { method: 'PUT', headers: { ...bearer(reader.token), 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(write.status, 403);
    assert.equal((await readProblem(write)).code, 'forbidden');
    const clerk = await staffSession(server, f.tenant.id, { role: 'staff', permissions: ['users:read'], now: clock.now() });
    assert.equal((await server.request(`/api/v1/accounts/${f.company.id}`, { headers: bearer(clerk.token) })).status, 403);
    assert.equal((await server.request('/api/admin/auth/me', { headers: bearer(clerk.token) })).status, 200);
  });

  test('changing the branding asks for the password again; a wrong one is refused, the right one holds 5 minutes', async () => {
    const staff = await staffSession(server, f.tenant.id, { passwordConfirmed: false, now: clock.now() });
    const links = { site: 'https://www.example.com', social: [] };
    const put = () => server.request('/api/v1/branding/links', { method: 'PUT', headers: { ...bearer(staff.token), 'Content-Type': 'application/json' }, body: JSON.stringify(links) });
    const first = await put();
    assert.equal(first.status, 403);
    assert.equal((await readProblem(first)).code, 'password_confirmation_required');
    const wrong = await post('/confirm-password', { password: 'nope nope nope' }, bearer(staff.token));
    assert.equal(wrong.status, 403);
    assert.equal((await readProblem(wrong)).code, 'invalid_credentials');
    const right = await post('/confirm-password', { password: staff.password }, bearer(staff.token));
    assert.equal(right.status, 200);
    assert.ok(((await put()).status as number) < 300);
    clock.advance(5 * 60 + 1);
    // The access token lives 5 minutes: a fresh one for the same session.
    const fresh = await issueAccessToken(server.keys, 'staff', { sub: staff.staffId, tid: f.tenant.id, sid: staff.sessionId, scp: 'staff' }, clock.now());
    const later = await server.request('/api/v1/branding/links', { method: 'PUT', headers: { ...bearer(fresh.token), 'Content-Type': 'application/json' }, body: JSON.stringify(links) });
    assert.equal(later.status, 403);
  });

  test('API tokens never get the staff-only scopes', async () => {
    const { token } = await server.db.withTenant(f.tenant.id, (tx) =>
      createApiToken(tx, f.tenant.slug, { name: 'ERP', scopes: ['accounts:read', 'users:write'], expiresAt: new Date(clock.now().getTime() + 86_400_000) }),
    );
    assert.equal((await server.request('/api/v1/staff', { headers: bearer(token) })).status, 403);
  });
});

describe('the team (/api/v1/staff)', () => {
  test('an owner invites an admin (setup mail sent); an admin cannot make an owner; the last owner stays', async () => {
    const owner = await staffSession(server, other.tenant.id, { now: clock.now() });
    const invite = await server.request('/api/v1/staff', json({ email: 'new.admin@example.com', name: 'Nova Admin', role: 'admin' }, bearer(owner.token)));
    assert.equal(invite.status, 201);
    const invited = (await invite.json()) as { id: string; status: string };
    assert.equal(invited.status, 'pending');
    await server.mail.dispatcher.drain();
    const mail = server.mail.captured!.list('new.admin@example.com')[0];
    assert.ok(mail, 'the setup link was mailed');
    assert.match(mail!.text, /\/admin\/#setup=/);
    assert.equal((await readProblem(await server.request('/api/v1/staff', json({ email: 'new.admin@example.com', name: 'Again', role: 'admin' }, bearer(owner.token))))).code, 'staff_exists');

    const admin = await staffSession(server, other.tenant.id, { role: 'admin', now: clock.now() });
    const promote = await server.request(`/api/v1/staff/${admin.staffId}`, { method: 'PATCH', headers: { ...bearer(admin.token), 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'owner' }) });
    assert.equal(promote.status, 403);
    const demoteSelf = await server.request(`/api/v1/staff/${owner.staffId}`, { method: 'PATCH', headers: { ...bearer(owner.token), 'Content-Type': 'application/json' }, body: JSON.stringify({ role: 'admin' }) });
    assert.equal(demoteSelf.status, 409);
    assert.equal((await readProblem(demoteSelf)).code, 'last_owner');
    const [still] = await server.db.owner<{ role: string }[]>`select role from staff_users where id = ${owner.staffId}`;
    assert.equal(still!.role, 'owner');
  });

  test('disabling a member ends their sessions', async () => {
    const owner = await staffSession(server, other.tenant.id, { email: 'second.owner@example.com', now: clock.now() });
    const clerk = await staffSession(server, other.tenant.id, { role: 'read-only', now: clock.now() });
    const disable = await server.request(`/api/v1/staff/${clerk.staffId}`, { method: 'PATCH', headers: { ...bearer(owner.token), 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'disabled' }) });
    assert.equal(disable.status, 200);
    assert.equal((await server.request('/api/admin/auth/me', { headers: bearer(clerk.token) })).status, 401);
    const audit = await server.db.owner`select 1 from audit_log where subject_id = ${clerk.staffId} and action = 'staff-changed' and actor_type = 'staff'`;
    assert.equal(audit.length, 1);
  });
});

describe('the console page', () => {
  test('is never framed and runs only its own script', async () => {
    const response = await server.request('/admin/');
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.match(await response.text(), /<portico-admin><\/portico-admin>/);
  });
});
