/**
 * SECURITY.md 1 and 2: passwords hashed with argon2id at the required cost as a PHC string, upgraded on sign-in when
 * the cost rises; the policy is length only — at least 8, long ones taken whole, nothing trimmed, truncated or
 * composed, common ones refused — through the real registration flow.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { hash } from '@node-rs/argon2';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { mailedCode, PortalClient } from '../helpers/portal-client.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

const clock = manualClock();
let server: TestServer;
let f: IdentityFixture;
const client = () => new PortalClient(server, f.tenant.slug);

/** argon2id, version 19, and its cost as the PHC string says. */
function costOf(phc: string): { m: number; t: number; p: number } {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(phc);
  assert.ok(match, `not an argon2id PHC string: ${phc.slice(0, 40)}`);
  return { m: Number(match[1]), t: Number(match[2]), p: Number(match[3]) };
}

const storedHash = async (email: string) => (await server.db.owner<{ password_hash: string }[]>`select password_hash from portal_users where tenant_id = ${f.tenant.id} and email = ${email}`)[0]!.password_hash;

let people = 0;
/** Registers a new contact of the tenant with `password` through the e-mailed code; the answer to the last step. */
async function register(password: string): Promise<{ email: string; response: Response }> {
  clock.advance(7200); // the per-address and per-e-mail limits start over
  const email = `person${++people}.${f.tenant.slug}@example.com`;
  await server.db.owner`insert into accounts (tenant_id, kind, name, email) values (${f.tenant.id}, 'person', ${`Pessoa ${people}`}, ${email})`;
  assert.equal((await client().post('/register/code', { email })).status, 202);
  await server.mail.dispatcher.drain();
  const code = mailedCode(server.mail.captured!.list(email)[0]!.text);
  return { email, response: await client().post('/register', { email, code, password }) };
}

const signIn = (email: string, password: string) => client().post('/sign-in', { email, password });

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  f = await seedIdentity(server.db);
});
after(() => server.stop());

describe('hashing (SECURITY.md 1)', () => {
  test('argon2id with m ≥ 19 MiB, t ≥ 2, p = 1, stored as its PHC string, salted', async () => {
    const first = await hashPassword('correct horse battery staple');
    const second = await hashPassword('correct horse battery staple');
    const cost = costOf(first);
    assert.ok(cost.m >= 19 * 1024 && cost.t >= 2 && cost.p === 1, JSON.stringify(cost));
    assert.notEqual(first, second, 'a new salt each time');
    const { email } = await register('a stored passphrase');
    assert.deepEqual(costOf(await storedHash(email)), cost, 'what registration stores is the same');
  });

  test('a hash of a lower cost is upgraded at the next good sign-in, and the password still works', async () => {
    const email = `legacy.${f.tenant.slug}@example.com`;
    const weak = await hash('an old passphrase', { algorithm: 2, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    await server.db.owner`insert into portal_users (tenant_id, email, password_hash, status) values (${f.tenant.id}, ${email}, ${weak}, 'active')`;
    assert.deepEqual((await verifyPassword('an old passphrase', weak)).rehash, true);
    assert.equal((await signIn(email, 'a wrong passphrase')).status, 401);
    assert.equal(await storedHash(email), weak, 'a failed sign-in changes nothing');
    assert.equal((await signIn(email, 'an old passphrase')).status, 200);
    const upgraded = await storedHash(email);
    assert.notEqual(upgraded, weak);
    assert.deepEqual(costOf(upgraded), costOf(await hashPassword('x')));
    assert.equal((await signIn(email, 'an old passphrase')).status, 200);
  });
});

describe('the password policy (SECURITY.md 2)', () => {
  test('7 characters are refused, 8 of any kind are enough: no composition rules', async () => {
    assert.equal((await readProblem((await register('qzv-wlk')).response)).code, 'invalid_input');
    for (const password of ['qzvxwlkp', 'QZVXWLKP', '18273645', '🔑🔑🔑🔑🔑🔑🔑🔑']) {
      const { email, response } = await register(password);
      assert.equal(response.status, 201, `${password}: ${await response.clone().text()}`);
      assert.equal((await signIn(email, password)).status, 200, password);
    }
  });

  test('64 characters and more are taken whole: a prefix of them does not sign in', async () => {
    for (const length of [64, 200]) {
      const password = Array.from({ length }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789'[(i * 7) % 36]).join('');
      const { email, response } = await register(password);
      assert.equal(response.status, 201, `${length} characters`);
      assert.equal((await signIn(email, password)).status, 200);
      // bcrypt would have kept only the first 72 bytes: these must not be enough.
      assert.equal((await signIn(email, password.slice(0, Math.min(72, length - 1)))).status, 401, `${length}: a prefix`);
    }
  });

  test('nothing is trimmed: spaces around the password are part of it', async () => {
    const password = '  spaces around me  ';
    const { email, response } = await register(password);
    assert.equal(response.status, 201);
    assert.equal((await signIn(email, password.trim())).status, 401);
    assert.equal((await signIn(email, password)).status, 200);
  });

  test('a pasted password in another Unicode form signs in (the same text, normalised)', async () => {
    const composed = 'café crème brûlée';
    const { email, response } = await register(composed);
    assert.equal(response.status, 201);
    assert.equal((await signIn(email, composed.normalize('NFD'))).status, 200);
  });

  test('the most common passwords are refused, whatever their case', async () => {
    for (const password of ['password123', 'PASSWORD123', 'qwertyuiop', '123456789']) {
      assert.equal((await readProblem((await register(password)).response)).code, 'password_too_common', password);
    }
  });
});
