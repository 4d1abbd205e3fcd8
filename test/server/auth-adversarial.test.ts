import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { issueAccessToken } from '../../server/auth/tokens.ts';
import { sendLink } from '../../server/features/auth/service.ts';
import { portalTenantOf, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { linkToken, mailedCode, PortalClient } from '../helpers/portal-client.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
const clock = manualClock();
const client = (slug = f.tenant.slug) => new PortalClient(server, slug);

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
});
after(() => server.stop());

async function signIn(fixture = f): Promise<{ accessToken: string; sid: string }> {
  const body = (await (await client(fixture.tenant.slug).post('/sign-in', { email: fixture.rh.email, password: fixture.rh.password })).json()) as { accessToken: string };
  const payload = JSON.parse(Buffer.from(body.accessToken.split('.')[1]!, 'base64url').toString()) as { sid: string };
  return { accessToken: body.accessToken, sid: payload.sid };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('tampered tokens are a 401, never a 500 (SECURITY.md 9, 10)', () => {
  test('every forgery is refused', async () => {
    const { accessToken, sid } = await signIn();
    const [header, payload, signature] = accessToken.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const decodedHeader = JSON.parse(Buffer.from(header, 'base64url').toString());
    const jwks = (await (await server.request('/.well-known/jwks.json')).json()) as { keys: { x: string }[] };
    const attacker = await generateKeyPair('ES256', { extractable: true });
    const sign = (headerOverride: object, claimsOverride: object = {}, key = attacker.privateKey) =>
      new SignJWT({ ...claims, ...claimsOverride }).setProtectedHeader({ ...decodedHeader, ...headerOverride }).sign(key);
    const hsWithPublicKey = (() => {
      const h = b64({ alg: 'HS256', typ: decodedHeader.typ, kid: decodedHeader.kid });
      const mac = createHmac('sha256', JSON.stringify(jwks.keys[0])).update(`${h}.${payload}`).digest('base64url');
      return `${h}.${payload}.${mac}`;
    })();
    const flipped = signature.slice(0, -2) + (signature.at(-2) === 'A' ? 'B' : 'A') + signature.at(-1);
    const quickAccess = (await (await client().post('/quick-access', { number: f.process.number, accessKey: f.process.accessKey })).json()) as { accessToken: string };

    const forgeries: Record<string, string> = {
      'alg none': `${b64({ alg: 'none', typ: decodedHeader.typ })}.${payload}.`,
      'HS256 keyed with the public key': hsWithPublicKey,
      'unknown kid': await sign({ kid: 'not-ours' }),
      'our kid, another key': await sign({}),
      'embedded jwk header': await sign({ jwk: await exportJWK(attacker.publicKey) }),
      'flipped signature': `${header}.${payload}.${flipped}`,
      'changed claims': `${header}.${b64({ ...claims, sub: f.solo.id })}.${signature}`,
      'quick-access token used as portal token': quickAccess.accessToken,
      'garbage': 'eyJ.eyJ.x',
    };
    for (const [label, token] of Object.entries(forgeries)) {
      const response = await client().get('/session', token);
      assert.equal(response.status, 401, label);
      assert.equal((await readProblem(response)).code, 'unauthenticated', label);
    }
    assert.ok(sid);
  });

  test('expired, not yet valid, wrong audience or issuer: 401', async () => {
    const { sid } = await signIn();
    const keysToken = (now: Date) => issueAccessToken(server.keys, 'portal', { sub: f.rh.id, tid: f.tenant.id, sid, scp: 'full' }, now);
    const expired = await keysToken(new Date(clock.now().getTime() - 10 * 60_000));
    assert.equal((await client().get('/session', expired.token)).status, 401, 'expired');
    const future = await keysToken(new Date(clock.now().getTime() + 10 * 60_000));
    assert.equal((await client().get('/session', future.token)).status, 401, 'issued in the future');
    const { kid, key } = server.keys.signing();
    const iat = Math.floor(clock.now().getTime() / 1000);
    const claims = { tid: f.tenant.id, sid, scp: 'full' };
    const base = (edit: (jwt: SignJWT) => SignJWT, typ = 'portico-portal+jwt') =>
      edit(new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ, kid }).setSubject(f.rh.id).setIssuedAt(iat).setExpirationTime(iat + 300)).sign(key);
    const good = await base((jwt) => jwt.setIssuer('portico').setAudience('portico:portal'));
    assert.equal((await client().get('/session', good)).status, 200, 'the control token is accepted');
    const forged = {
      'wrong audience': await base((jwt) => jwt.setIssuer('portico').setAudience('portico:process')),
      'wrong issuer': await base((jwt) => jwt.setIssuer('someone-else').setAudience('portico:portal')),
      'not before a future time': await base((jwt) => jwt.setIssuer('portico').setAudience('portico:portal').setNotBefore(iat + 600)),
      'another kind (typ)': await base((jwt) => jwt.setIssuer('portico').setAudience('portico:portal'), 'portico-process+jwt'),
    };
    for (const [label, token] of Object.entries(forged)) assert.equal((await client().get('/session', token)).status, 401, label);
  });

  test("tenant A's token on tenant B is refused", async () => {
    const { accessToken } = await signIn();
    assert.equal((await client(other.tenant.slug).get('/session', accessToken)).status, 401);
  });
});

describe('brute force (SECURITY.md 3, 7)', () => {
  test('wrong passwords are throttled (same for an unknown e-mail), and the real user still gets in by code', async () => {
    const email = f.solo.email;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await client().post('/sign-in', { email, password: `wrong ${i}` })).status);
    assert.deepEqual(statuses.slice(0, 5), [401, 401, 401, 401, 401]);
    assert.ok(statuses.slice(5).includes(429), `throttled after 5: ${statuses}`);
    const throttled = await client().post('/sign-in', { email, password: f.solo.password });
    assert.equal(throttled.status, 429, 'even the right password waits');
    assert.ok(Number(throttled.headers.get('retry-after')) > 0);

    const unknown: number[] = [];
    for (let i = 0; i < 8; i++) unknown.push((await client().post('/sign-in', { email: `ghost.${f.tenant.slug}@example.com`, password: `wrong ${i}` })).status);
    assert.deepEqual(unknown, statuses, 'an unknown e-mail is throttled the same way');

    assert.equal((await client().post('/register/code', { email })).status, 202);
    await server.mail.dispatcher.drain();
    const code = mailedCode(server.mail.captured!.list(email)[0]!.text);
    assert.equal((await client().post('/register', { email, code, password: 'back in by code 2026' })).status, 201);
    f.solo.password = 'back in by code 2026';
  });

  test('after 100 failures in an hour nothing gets through, spread out or not', async () => {
    const email = `target.${f.tenant.slug}@example.com`;
    let allowed = 0;
    for (let i = 0; i < 120; i++) {
      const status = (await client().post('/sign-in', { email, password: 'nope' })).status;
      if (status === 401) allowed++;
      clock.advance(30); // two tries a minute: the most the backoff lets through
    }
    assert.ok(allowed <= 100, `${allowed} tries were checked`);
  });

  test('the 6th wrong code kills the code; a resend inside 60 s is a 429', async () => {
    clock.advance(3600);
    const email = f.contactEmail;
    assert.equal((await client().post('/register/code', { email })).status, 202);
    assert.equal((await client().post('/register/code', { email })).status, 429);
    assert.equal((await client().post('/register/code', { email: `nobody.${f.tenant.slug}@example.com` })).status, 202);
    assert.equal((await client().post('/register/code', { email: `nobody.${f.tenant.slug}@example.com` })).status, 429, 'unknown e-mails too');
    await server.mail.dispatcher.drain();
    const code = mailedCode(server.mail.captured!.list(email)[0]!.text);
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++) assert.equal((await client().post('/register', { email, code: wrong, password: 'whatever long enough' })).status, 400);
    const late = await client().post('/register', { email, code, password: 'whatever long enough' });
    assert.equal((await readProblem(late)).code, 'invalid_code', 'the right code after 5 wrong ones is dead');
  });

  test('walking process numbers is throttled with identical answers', async () => {
    const answers: number[] = [];
    for (let n = 0; n < 25; n++) answers.push((await client().post('/quick-access', { number: String(5_000_000_000 + n), accessKey: 'guess' })).status);
    assert.deepEqual(answers.slice(0, 20), Array(20).fill(401));
    assert.deepEqual(answers.slice(20), Array(5).fill(429));
    assert.equal((await client().post('/quick-access', { number: f.process.number, accessKey: f.process.accessKey })).status, 429);
  });
});

describe('races (SECURITY.md 3)', () => {
  test('16 parallel uses of one link open exactly one session', async () => {
    clock.advance(3600);
    await server.db.withTenant(f.tenant.id, (tx) =>
      sendLink(tx, portalTenantOf(f), { id: f.rh.id, email: f.rh.email, locale: null }, 'magic', clock.now()),
    );
    await server.mail.dispatcher.drain();
    const token = linkToken(server.mail.captured!.list(f.rh.email)[0]!.text);
    const statuses = await Promise.all(Array.from({ length: 16 }, () => client().post('/link/redeem', { token }).then((r) => r.status)));
    assert.equal(statuses.filter((status) => status === 200).length, 1, String(statuses));
  });

  test('16 parallel uses of one code register exactly once, one user', async () => {
    const email = `race.${f.tenant.slug}@example.com`;
    await server.db.owner`insert into accounts (tenant_id, kind, name, email) values (${f.tenant.id}, 'person', 'Race', ${email})`;
    await client().post('/register/code', { email });
    await server.mail.dispatcher.drain();
    const code = mailedCode(server.mail.captured!.list(email)[0]!.text);
    const statuses = await Promise.all(Array.from({ length: 16 }, () => client().post('/register', { email, code, password: 'parallel passphrase' }).then((r) => r.status)));
    assert.equal(statuses.filter((status) => status === 201).length, 1, String(statuses));
    const [row] = await server.db.owner`select count(*)::int as n from portal_users where tenant_id = ${f.tenant.id} and email = ${email}`;
    assert.equal(row!.n, 1);
  });
});

describe('bad input: a clear 4xx and nothing written', () => {
  test('hostile e-mails, short or common passwords, malformed codes', async () => {
    const users = async () => (await server.db.owner`select count(*)::int as n from portal_users`)[0]!.n as number;
    const outbox = async () => (await server.db.owner`select count(*)::int as n from outbox`)[0]!.n as number;
    const before = [await users(), await outbox()];
    const cases: [string, unknown, string][] = [
      ['/register/code', { email: 'ana@example.com\r\nBcc: all@example.com' }, 'invalid_input'],
      ['/register/code', { email: `${'a'.repeat(250)}@example.com` }, 'invalid_input'],
      ['/first-access', { email: 'not-an-email' }, 'invalid_input'],
      ['/register', { email: f.contactEmail, code: '123456', password: 'seven77' }, 'invalid_input'],
      ['/register', { email: f.contactEmail, code: '12345a', password: 'long enough password' }, 'invalid_input'],
      ['/register', { email: f.contactEmail, code: '123456', password: 'password123' }, 'password_too_common'],
      ['/sign-in', { email: f.rh.email }, 'invalid_input'],
      ['/link/redeem', { token: '../../etc/passwd' }, 'invalid_input'],
      ['/quick-access', { number: '12', accessKey: 'x' }, 'invalid_input'],
    ];
    for (const [path, body, code] of cases) {
      const response = await client().post(path, body);
      assert.ok(response.status >= 400 && response.status < 500, `${path} ${JSON.stringify(body)}: ${response.status}`);
      assert.equal((await readProblem(response)).code, code, `${path} ${JSON.stringify(body)}`);
    }
    assert.deepEqual([await users(), await outbox()], before);
  });

  test('auth calls without the tenant header, or for an unknown tenant, are a 404', async () => {
    const response = await server.request('/api/portal/auth/sign-in', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(response.status, 404);
    assert.equal((await client('no-such-portal').post('/sign-in', { email: f.rh.email, password: 'x' })).status, 404);
  });
});

describe('signing-key rotation', () => {
  test('a token signed with a key rotated in by another instance is accepted once the key is in the database', async () => {
    const { sid } = await signIn();
    const { loadKeyStore, rotateSigningKey } = await import('../../server/auth/keys.ts');
    const kid = await rotateSigningKey(server.db);
    const otherInstance = await loadKeyStore(server.db);
    assert.equal(otherInstance.signing().kid, kid);
    const { token } = await issueAccessToken(otherInstance, 'portal', { sub: f.rh.id, tid: f.tenant.id, sid, scp: 'full' }, clock.now());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    assert.equal((await client().get('/session', token)).status, 200);
    const jwks = (await (await server.request('/.well-known/jwks.json')).json()) as { keys: { kid: string }[] };
    assert.ok(jwks.keys.some((key) => key.kid === kid));
  });
});
