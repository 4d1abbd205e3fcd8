/**
 * SECURITY.md 3 and 4 — what the auth tests leave out: codes stored hashed, dead after 10 minutes, bound to their
 * tenant, five an hour per e-mail; link tokens of 256 bits stored as their SHA-256, carried in the URL fragment (a
 * mail scanner's GET sends nothing), built from the tenant's registered portal address whatever Host the request
 * names, and invitations dead after 72 hours. (Single use, 5 wrong tries, the 60 s resend, reset and magic lifetimes:
 * auth-adversarial.test.ts and auth-flows.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_SCOPES, createApiToken } from '../../server/auth/api-tokens.ts';
import { sha256 } from '../../server/auth/secrets.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { call } from '../helpers/openapi-requests.ts';
import { linkToken, mailedCode, PortalClient } from '../helpers/portal-client.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

const clock = manualClock();
let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
const client = (fixture = f) => new PortalClient(server, fixture.tenant.slug);

/** The newest mail to `to`, once the dispatcher has sent what is due. */
async function lastMailTo(to: string) {
  await server.mail.dispatcher.drain();
  const mail = server.mail.captured!.list(to)[0];
  assert.ok(mail, `no mail to ${to}`);
  return mail;
}

let contacts = 0;
/** A new contact e-mail of `fixture` (an account's, without a portal user yet). */
async function contact(fixture = f, email = `contact${++contacts}.${fixture.tenant.slug}@example.com`): Promise<string> {
  await server.db.owner`insert into accounts (tenant_id, kind, name, email) values (${fixture.tenant.id}, 'person', 'Contato', ${email})`;
  return email;
}

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
});
after(() => server.stop());

describe('codes (SECURITY.md 3)', () => {
  test('stored only as a hash bound to the row, never as the code', async () => {
    clock.advance(7200);
    const email = await contact();
    assert.equal((await client().post('/register/code', { email })).status, 202);
    const code = mailedCode((await lastMailTo(email)).text);
    const [row] = await server.db.owner`select * from auth_codes where tenant_id = ${f.tenant.id} and email = ${email}`;
    assert.equal(row!.code_hash, sha256(`${row!.id}:${code}`));
    assert.ok(!Object.values(row!).some((value) => String(value) === code), 'the code itself is not stored');
  });

  test('dead 10 minutes after it was sent', async () => {
    clock.advance(7200);
    const [late, inTime] = [await contact(), await contact()];
    for (const email of [late, inTime]) assert.equal((await client().post('/register/code', { email })).status, 202);
    const [lateCode, inTimeCode] = [mailedCode((await lastMailTo(late)).text), mailedCode((await lastMailTo(inTime)).text)];
    clock.advance(9 * 60);
    assert.equal((await client().post('/register', { email: inTime, code: inTimeCode, password: 'in time passphrase' })).status, 201);
    clock.advance(61);
    assert.equal((await readProblem(await client().post('/register', { email: late, code: lateCode, password: 'too late passphrase' }))).code, 'invalid_code');
  });

  test("bound to its tenant: one portal's code does not work on another's, for the same e-mail", async () => {
    clock.advance(7200);
    const email = await contact(f, `shared.${f.tenant.slug}@example.com`);
    await contact(other, email);
    assert.equal((await client(f).post('/register/code', { email })).status, 202);
    const code = mailedCode((await lastMailTo(email)).text);
    assert.equal((await readProblem(await client(other).post('/register', { email, code, password: 'another portal passphrase' }))).code, 'invalid_code');
    assert.equal((await client(f).post('/register', { email, code, password: 'the right portal passphrase' })).status, 201);
  });

  test('at most five an hour per e-mail, even a minute apart', async () => {
    clock.advance(7200);
    const email = await contact();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await client().post('/register/code', { email })).status);
      clock.advance(61);
    }
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
    await server.mail.dispatcher.drain();
    assert.equal(server.mail.captured!.list(email).length, 5);
  });

  test("five an hour holds across the hour's edge: five just before it, and the next just after is still a 429", async () => {
    clock.advance(7200);
    const email = await contact();
    const intoHour = Math.floor(clock.now().getTime() / 1000) % 3600;
    clock.advance(3600 - intoHour - 5 * 61); // the fifth goes 61 s before the edge, the sixth right on it
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await client().post('/register/code', { email })).status);
      clock.advance(61);
    }
    assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
  });
});

describe('links (SECURITY.md 4)', () => {
  test('256 random bits in the URL fragment of the registered portal address, stored only as their SHA-256', async () => {
    clock.advance(7200);
    const email = await contact();
    assert.equal((await client().post('/first-access', { email })).status, 202);
    const text = (await lastMailTo(email)).text;
    const token = linkToken(text);
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    // After '#': a browser (or a scanner) opening the link sends nothing of it to any server.
    assert.match(text, new RegExp(`https://www\\.${f.tenant.slug}\\.example/portal#portico-link=${token}`));
    const rows = await server.db.owner`select * from auth_links where token_hash = ${sha256(token)}`;
    assert.equal(rows.length, 1);
    assert.ok(!JSON.stringify(rows).includes(token), 'the token itself is not stored');
  });

  test('built from the registered portal address, whatever Host or forwarded host the request names', async () => {
    clock.advance(7200);
    const headers = { 'Content-Type': 'application/json', 'X-Portal-Tenant': f.tenant.slug, Host: 'evil.example', 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'http' };
    const answer = await call(server.url, 'POST', '/api/portal/auth/password/forgot', headers, JSON.stringify({ email: f.rh.email }));
    assert.equal(answer.status, 202);
    const text = (await lastMailTo(f.rh.email)).text;
    assert.doesNotMatch(text, /evil\.example/);
    assert.match(text, new RegExp(`https://www\\.${f.tenant.slug}\\.example/portal#portico-link=`));
  });

  test('an invitation lives 72 hours', async () => {
    clock.advance(7200);
    const expiresAt = new Date(clock.now().getTime() + 30 * 86_400_000);
    const token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'links', scopes: [...API_SCOPES], expiresAt }))).token;
    const invite = async (email: string) => {
      const response = await server.request('/api/v1/users/invitations', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, accountId: f.person.id }),
      });
      assert.equal(response.status, 201, await response.clone().text());
      return linkToken((await lastMailTo(email)).text);
    };
    const [late, inTime] = [await invite(`late.${f.tenant.slug}@example.com`), await invite(`intime.${f.tenant.slug}@example.com`)];
    clock.advance(72 * 3600 - 60);
    assert.equal((await client().post('/link/redeem', { token: inTime, password: 'accepted in time' })).status, 200);
    clock.advance(120);
    assert.equal((await readProblem(await client().post('/link/redeem', { token: late, password: 'accepted too late' }))).code, 'invalid_link');
  });
});
