import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { rotateSigningKey } from '../../server/auth/keys.ts';
import type { Database } from '../../server/db/database.ts';
import { sendLink } from '../../server/features/auth/service.ts';
import { enqueueMail } from '../../server/mail/outbox.ts';
import { portalTenantOf, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { linkToken, mailedCode } from '../helpers/portal-client.ts';
import { freePort, killServer, spawnServer, waitForUrl, type ServerProcess } from '../helpers/process.ts';
import { testDatabaseUrl, readProblem } from '../helpers/server.ts';
import { openMailTestDatabase, startSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts';

// Two server processes — `npm start` twice — on one database: ARCHITECTURE.md's "many instances behind any load
// balancer" and SECURITY.md 7's "limits live in Postgres, so they hold across several server instances". On the
// postgres backend both connect to the test's PostgreSQL; on the embedded one both connect to the run's PGlite
// over its TCP socket (what `npm test` serves), so the same state is shared the same way, one statement at a time.

/** Requests a minute per API token on both instances: small, so the test reaches it. */
const API_LIMIT = 10;

interface Instance {
  name: 'A' | 'B';
  url: string;
  server: ServerProcess;
}

let db: Database;
let smtp: TestSmtpServer;
let storageDir: string;
let f: IdentityFixture;
let a: Instance;
let b: Instance;

async function startInstance(name: Instance['name']): Promise<Instance> {
  const server = spawnServer({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? '10',
    PORT: String(await freePort()),
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    PORTICO_DEMO: 'false',
    // Info: each dispatcher logs the outbox ids it sent, which tells the two instances' work apart.
    LOG_LEVEL: 'info',
    SMTP_URL: smtp.url,
    API_RATE_LIMIT: String(API_LIMIT),
    STORAGE_DIR: storageDir,
  });
  return { name, url: await waitForUrl(server, 90_000), server };
}

/** Stops an instance the way an orchestrator does (SIGTERM: requests and the mail round in flight finish). */
async function stopInstance(instance: Instance | undefined): Promise<void> {
  if (!instance) return;
  instance.server.child.kill('SIGTERM');
  await Promise.race([instance.server.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
  killServer(instance.server);
}

before(async () => {
  db = await openMailTestDatabase();
  smtp = await startSmtpServer();
  storageDir = await mkdtemp(join(tmpdir(), 'portico-two-instances-'));
  f = await seedIdentity(db);
  // Both start at once, as after a deploy: migrations and the first signing key are taken under a lock.
  [a, b] = await Promise.all([startInstance('A'), startInstance('B')]);
});
after(async () => {
  await Promise.all([stopInstance(a), stopInstance(b)]);
  await smtp?.stop();
  await db?.close();
  if (storageDir) await rm(storageDir, { recursive: true, force: true });
});

/** A browser of one tenant, talking to whichever instance it is told to, keeping its refresh cookie. */
class Visitor {
  cookie?: string;
  async post(instance: Instance, path: string, body: unknown = {}, token?: string): Promise<Response> {
    return this.call(instance, 'POST', path, body, token);
  }
  async get(instance: Instance, path: string, token: string): Promise<Response> {
    return this.call(instance, 'GET', path, undefined, token);
  }
  private async call(instance: Instance, method: string, path: string, body: unknown, token?: string): Promise<Response> {
    const headers: Record<string, string> = { 'X-Portal-Tenant': f.tenant.slug };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers.Authorization = `Bearer ${token}`;
    if (this.cookie) headers.Cookie = this.cookie;
    const response = await fetch(`${instance.url}/api/portal/auth${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const set = response.headers.getSetCookie().find((line) => line.startsWith('__Host-portico_rt_'));
    if (set) this.cookie = /max-age=0/i.test(set) ? undefined : set.split(';')[0];
    return response;
  }
}

/** The i-th of n requests goes to A when i is even, to B when odd: a round-robin load balancer. */
const roundRobin = (i: number): Instance => (i % 2 === 0 ? a : b);

/** The mail the test SMTP server received for `to` (waiting for the dispatchers to send it). */
async function mailsTo(to: string, count = 1): Promise<{ text: string }[]> {
  for (let i = 0; i < 300; i++) {
    const found = smtp.received.filter((mail) => mail.to.includes(to));
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`fewer than ${count} mails to ${to} arrived: ${smtp.received.map((mail) => mail.to.join()).join(', ')}`);
}

/**
 * Waits, if needed, until a fresh minute starts, so that a burst of requests falls in one fixed one-minute
 * window of the limits (their windows start on the minute) and its expected answers do not depend on the clock.
 */
async function startOfAFreshMinute(): Promise<void> {
  const intoMinute = Date.now() % 60_000;
  if (intoMinute > 45_000) await new Promise((resolve) => setTimeout(resolve, 60_000 - intoMinute + 50));
}

describe('a session made on one instance works on the other', () => {
  test('sign in on A; use the access token and refresh on B; each rotation is honoured by the other; sign-out on B ends it on A', async () => {
    const visitor = new Visitor();
    const signedIn = await visitor.post(a, '/sign-in', { email: f.rh.email, password: f.rh.password });
    assert.equal(signedIn.status, 200);
    const first = ((await signedIn.json()) as { accessToken: string }).accessToken;
    assert.equal((await visitor.get(b, '/session', first)).status, 200, "A's access token on B");

    const refreshedOnB = await visitor.post(b, '/refresh');
    assert.equal(refreshedOnB.status, 200, "A's refresh cookie on B");
    const second = ((await refreshedOnB.json()) as { accessToken: string }).accessToken;
    assert.equal((await visitor.get(a, '/session', second)).status, 200, "B's access token on A");
    assert.equal((await visitor.post(a, '/refresh')).status, 200, "the cookie B rotated, on A");

    assert.equal((await visitor.post(b, '/sign-out')).status, 204);
    const ended = await visitor.get(a, '/session', second);
    assert.equal(ended.status, 401, 'signed out on B: the access token is dead on A at once');
    assert.equal((await readProblem(ended)).code, 'unauthenticated');
  });

  test('two tabs refreshing one session at once, one through A and one through B: both are fine (the grace window)', async () => {
    const visitor = new Visitor();
    assert.equal((await visitor.post(b, '/sign-in', { email: f.rh.email, password: f.rh.password })).status, 200);
    const [tabA, tabB] = [Object.assign(new Visitor(), { cookie: visitor.cookie }), Object.assign(new Visitor(), { cookie: visitor.cookie })];
    const statuses = await Promise.all([tabA.post(a, '/refresh'), tabB.post(b, '/refresh')].map((answer) => answer.then((r) => r.status)));
    assert.deepEqual(statuses, [200, 200]);
    const rotated = [tabA, tabB].filter((tab) => tab.cookie !== visitor.cookie);
    assert.equal(rotated.length, 1, 'one instance rotated the token, the other let its tab ride the grace window');
    const [fresh, otherInstance] = rotated[0] === tabA ? [tabA, b] : [tabB, a];
    assert.equal((await fresh.post(otherInstance, '/refresh')).status, 200, 'the rotated cookie goes on working on the other instance');
  });

  test('after a key rotation, a restarted B signs with the new key and A verifies it without a restart', async () => {
    const kid = await rotateSigningKey(db);
    await stopInstance(b);
    b = await startInstance('B');
    const visitor = new Visitor();
    const signedIn = (await (await visitor.post(b, '/sign-in', { email: f.solo.email, password: f.solo.password })).json()) as { accessToken: string };
    const header = JSON.parse(Buffer.from(signedIn.accessToken.split('.')[0]!, 'base64url').toString()) as { kid: string };
    assert.equal(header.kid, kid);
    assert.equal((await visitor.get(a, '/session', signedIn.accessToken)).status, 200);
  });
});

describe('rate limits hold across both instances (SECURITY.md 7)', () => {
  test('wrong passwords spread over A and B are throttled at the same count as on one server', async () => {
    await startOfAFreshMinute();
    const visitor = new Visitor();
    const email = f.solo.email;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await visitor.post(roundRobin(i), '/sign-in', { email, password: `wrong ${i}` })).status);
    // 5 failures an hour are free, then 2 tries a minute: the 6th in the same minute waits, wherever it lands.
    assert.deepEqual(statuses, [401, 401, 401, 401, 401, 429, 429, 429]);
    for (const instance of [a, b]) {
      assert.equal((await visitor.post(instance, '/sign-in', { email, password: f.solo.password })).status, 429, `the right password waits on ${instance.name} too`);
    }
  });

  test('walking process numbers over A and B: 20 failures, then 429 on both', async () => {
    const visitor = new Visitor();
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push((await visitor.post(roundRobin(i), '/quick-access', { number: String(6_000_000_000 + i), accessKey: 'guess' })).status);
    assert.deepEqual(statuses, [...Array(20).fill(401), 429, 429, 429, 429]);
    const real = { number: f.process.number, accessKey: f.process.accessKey };
    assert.deepEqual([(await visitor.post(a, '/quick-access', real)).status, (await visitor.post(b, '/quick-access', real)).status], [429, 429]);
  });

  test(`API_RATE_LIMIT (${API_LIMIT} a minute) counts one token's requests on A and B together`, async () => {
    const { token } = await db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'two instances', scopes: ['requests:read'], expiresAt: new Date(Date.now() + 86_400_000) }));
    await startOfAFreshMinute();
    const answers: { status: number; remaining: string }[] = [];
    for (let i = 0; i < API_LIMIT + 4; i++) {
      const response = await fetch(`${roundRobin(i).url}/api/v1/requests`, { headers: { Authorization: `Bearer ${token}` } });
      answers.push({ status: response.status, remaining: /;r=(\d+);/.exec(response.headers.get('RateLimit') ?? '')?.[1] ?? '' });
      await response.arrayBuffer();
    }
    const expected = Array.from({ length: API_LIMIT + 4 }, (_, i) => ({ status: i < API_LIMIT ? 200 : 429, remaining: String(Math.max(0, API_LIMIT - 1 - i)) }));
    assert.deepEqual(answers, expected);
  });
});

describe('one-time codes and links are spent once across both instances (SECURITY.md 3, 4)', () => {
  test('a registration code used on A is refused on B', async () => {
    const visitor = new Visitor();
    assert.equal((await visitor.post(a, '/register/code', { email: f.contactEmail })).status, 202);
    const [mail] = await mailsTo(f.contactEmail);
    const code = mailedCode(mail!.text);
    assert.equal((await visitor.post(a, '/register', { email: f.contactEmail, code, password: 'registered on instance A' })).status, 201);
    const again = await new Visitor().post(b, '/register', { email: f.contactEmail, code, password: 'and again on instance B' });
    assert.equal(again.status, 400);
    assert.equal((await readProblem(again)).code, 'invalid_code');
  });

  test('16 parallel uses of one code, half on A and half on B: exactly one registration, one user', async () => {
    const email = `race.${f.tenant.slug}@example.com`;
    await db.owner`insert into accounts (tenant_id, kind, name, email) values (${f.tenant.id}, 'person', 'Race', ${email})`;
    assert.equal((await new Visitor().post(b, '/register/code', { email })).status, 202);
    const code = mailedCode((await mailsTo(email))[0]!.text);
    const statuses = await Promise.all(Array.from({ length: 16 }, (_, i) => new Visitor().post(roundRobin(i), '/register', { email, code, password: 'parallel passphrase' }).then((r) => r.status)));
    assert.equal(statuses.filter((status) => status === 201).length, 1, String(statuses));
    const [row] = await db.owner<{ n: number }[]>`select count(*)::int as n from portal_users where tenant_id = ${f.tenant.id} and email = ${email}`;
    assert.equal(row!.n, 1);
  });

  test('16 parallel uses of one e-mailed link, half on A and half on B: exactly one session', async () => {
    await db.withTenant(f.tenant.id, (tx) => sendLink(tx, portalTenantOf(f), { id: f.rh.id, email: f.rh.email, locale: null }, 'magic', new Date()));
    const token = linkToken((await mailsTo(f.rh.email))[0]!.text);
    const statuses = await Promise.all(Array.from({ length: 16 }, (_, i) => new Visitor().post(roundRobin(i), '/link/redeem', { token }).then((r) => r.status)));
    assert.equal(statuses.filter((status) => status === 200).length, 1, String(statuses));
  });
});

describe('the outbox is sent once by two dispatchers', () => {
  test('40 mails queued at once, both dispatchers woken together: each arrives exactly once, no row sent by both', async (t) => {
    const queuedTo = Array.from({ length: 40 }, (_, i) => `outbox-${i}.${f.tenant.slug}@example.com`);
    const queued = await db.withTenant(f.tenant.id, async (tx) => {
      for (const [i, to] of queuedTo.entries()) {
        await enqueueMail(tx, { tenantId: f.tenant.id, dedupeKey: `two-instances-${i}`, to, template: 'register-code', locale: 'pt-BR', data: { code: String(100_000 + i), expiresInMinutes: 10 } });
      }
      return tx<{ id: string }[]>`select id::text as id from outbox where dedupe_key like 'two-instances-%'`;
    });
    // A request that mails something wakes its instance's dispatcher at once: one to each, together, so both
    // dispatchers go for the same 42 rows at the same moment instead of on their own 5-second rounds.
    const wakers = [`wake-a.${f.tenant.slug}@example.com`, `wake-b.${f.tenant.slug}@example.com`];
    for (const email of wakers) await db.owner`insert into accounts (tenant_id, kind, name, email) values (${f.tenant.id}, 'person', 'Waker', ${email})`;
    const woken = await Promise.all([new Visitor().post(a, '/register/code', { email: wakers[0] }), new Visitor().post(b, '/register/code', { email: wakers[1] })]);
    assert.deepEqual(woken.map((answer) => answer.status), [202, 202]);

    const recipients = [...queuedTo, ...wakers];
    for (const to of recipients) await mailsTo(to);
    // Stopping both lets any round still in flight finish: a duplicate would have arrived by then.
    await Promise.all([stopInstance(a), stopInstance(b)]);
    const counts = recipients.map((to) => smtp.received.filter((mail) => mail.to.includes(to)).length);
    assert.deepEqual(counts, recipients.map(() => 1));
    const [state] = await db.owner<{ sent: number }[]>`
      select count(*)::int as sent from outbox where tenant_id = ${f.tenant.id} and dedupe_key like 'two-instances-%' and status = 'sent'`;
    assert.equal(state!.sent, queuedTo.length);
    // Each dispatcher logs the rows it sent: between them every queued row, and no row in both logs.
    const ours = new Set(queued.map((row) => row.id));
    const sentBy = (instance: Instance) =>
      instance.server.stdout().split('\n').filter((line) => line.includes('"mail sent"')).map((line) => String((JSON.parse(line) as { outboxId: string | number }).outboxId)).filter((id) => ours.has(id));
    const [byA, byB] = [sentBy(a), sentBy(b)];
    t.diagnostic(`of the 40 queued rows A sent ${byA.length}, B sent ${byB.length}`);
    assert.deepEqual([...byA, ...byB].sort(), [...ours].sort());
  });
});
