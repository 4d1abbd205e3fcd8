/**
 * SECURITY.md 7: limits live in Postgres, so two server instances on one database share them; `X-Forwarded-For` is
 * believed only from a configured proxy. (The limits themselves — backoff after 5, at most ~100 an hour, the real
 * user let in by code — are in auth-adversarial.test.ts.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { call } from '../helpers/openapi-requests.ts';
import { manualClock, startTestServer, type TestServer } from '../helpers/server.ts';

const clock = manualClock();
let one: TestServer;
let two: TestServer;
let behindProxy: TestServer;
let f: IdentityFixture;

before(async () => {
  // Three instances on the same database; the third trusts the loopback address as its proxy.
  one = await startTestServer({}, { clock: clock.now });
  two = await startTestServer({}, { clock: clock.now });
  behindProxy = await startTestServer({ TRUSTED_PROXIES: '127.0.0.1' }, { clock: clock.now });
  f = await seedIdentity(one.db);
});
after(async () => {
  await Promise.all([one?.stop(), two?.stop(), behindProxy?.stop()]);
});

/** A sign-in on `server`, from `forwardedFor` if given: its status. */
async function signIn(server: TestServer, email: string, password: string, forwardedFor?: string): Promise<number> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Portal-Tenant': f.tenant.slug };
  if (forwardedFor) headers['X-Forwarded-For'] = forwardedFor;
  return (await call(server.url, 'POST', '/api/portal/auth/sign-in', headers, JSON.stringify({ email, password }))).status;
}

/** A request for a registration code on `server`, from `forwardedFor` if given: its status. */
async function askCode(server: TestServer, email: string, forwardedFor?: string): Promise<number> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Portal-Tenant': f.tenant.slug };
  if (forwardedFor) headers['X-Forwarded-For'] = forwardedFor;
  return (await call(server.url, 'POST', '/api/portal/auth/register/code', headers, JSON.stringify({ email }))).status;
}

describe('limits hold across instances (SECURITY.md 7)', () => {
  test('wrong passwords sent to two instances in turn are counted together: throttled after 5 in all', async () => {
    clock.advance(7200);
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push(await signIn(i % 2 ? two : one, f.solo.email, `wrong ${i}`));
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.ok(statuses.slice(5).every((status) => status === 429), String(statuses));
  });

  test('the per-address limit on mail is one count for all instances: the 31st request in an hour is refused', async () => {
    clock.advance(7200);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push(await askCode(i % 2 ? two : one, `nobody${i}.${f.tenant.slug}@example.com`));
    assert.deepEqual(statuses.slice(0, 30), Array(30).fill(202));
    assert.equal(statuses[30], 429);
  });
});

describe('X-Forwarded-For (SECURITY.md 7)', () => {
  test('without a configured proxy it is ignored: a new address in each request does not escape the limit', async () => {
    clock.advance(7200);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push(await askCode(one, `spoof${i}.${f.tenant.slug}@example.com`, `198.51.100.${i + 1}`));
    assert.equal(statuses[30], 429, String(statuses));
  });

  test('from a configured proxy, the client it names is limited on its own, and a forged hop in front changes nothing', async () => {
    clock.advance(7200);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push(await askCode(behindProxy, `proxied${i}.${f.tenant.slug}@example.com`, '203.0.113.7'));
    assert.equal(statuses[30], 429, 'the client behind the proxy reached its limit');
    // The right-most address the proxy appended is the client; whatever it sent before is its own claim.
    assert.equal(await askCode(behindProxy, `forged.${f.tenant.slug}@example.com`, '192.0.2.99, 203.0.113.7'), 429);
    assert.equal(await askCode(behindProxy, `other.${f.tenant.slug}@example.com`, '203.0.113.8'), 202, 'another client is not held back');
    assert.equal(await askCode(one, `direct.${f.tenant.slug}@example.com`), 202, 'nor is the proxy’s own address on an instance that trusts no proxy');
  });
});
