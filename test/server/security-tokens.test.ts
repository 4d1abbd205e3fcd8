/**
 * SECURITY.md 6, 9, 10, 11, 13 — what auth-adversarial.test.ts and auth-flows.test.ts leave out: every kind of token
 * tried at every door (only its own opens), key-bearing headers on a token we signed ourselves, the clock tolerance,
 * claims left out, API tokens anywhere but the Authorization header, refresh tokens stored hashed and sessions
 * ending 12 hours after sign-in however busy, and a cross-site refresh refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SignJWT } from 'jose';
import { sha256 } from '../../server/auth/secrets.ts';
import { issueAccessToken } from '../../server/auth/tokens.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';
import { caller, seedWorld, type World } from './security-fixture.ts';

const clock = manualClock(new Date('2026-03-25T13:00:00Z'));
let server: TestServer;
let w: World;
let download: string;

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  w = await seedWorld(server, clock.now(), { rows: true });
  const link = await caller(server, w.f.tenant.slug, w.sessions.rh)('POST', `/api/portal/documents/${w.rows.document}/link`);
  assert.equal(link.status, 200, await link.clone().text());
  download = new URL(((await link.json()) as { url: string }).url).pathname.split('/').pop()!;
});
after(() => server.stop());

describe('each kind of token opens its own door only (SECURITY.md 6, 10)', () => {
  const portalHeaders = (token: string) => ({ Authorization: `Bearer ${token}`, 'X-Portal-Tenant': w.f.tenant.slug, Accept: 'application/json' });
  /** Each door, and how it answers a token: the status. */
  const doors: Record<string, (token: string) => Promise<number>> = {
    'the portal API (a portal session)': async (token) => (await server.request('/api/portal/auth/session', { headers: portalHeaders(token) })).status,
    'a process (a portal or quick-access session)': async (token) => (await server.request(`/api/portal/processes/${w.f.process.id}`, { headers: portalHeaders(token) })).status,
    'the management API (a console session or an API token)': async (token) => (await server.request('/api/v1/accounts', { headers: { Authorization: `Bearer ${token}` } })).status,
    'a download link (its signed grant)': async (token) => (await server.request(`/api/portal/documents/download/${token}`, { headers: { Accept: 'application/json' } })).status,
  };
  const kinds = () => ({ portal: w.sessions.rh, 'quick access': w.sessions.quickAccess, console: w.staff.token, 'API token': w.token, download });
  const opens: Record<string, string[]> = {
    'the portal API (a portal session)': ['portal'],
    'a process (a portal or quick-access session)': ['portal', 'quick access'],
    'the management API (a console session or an API token)': ['console', 'API token'],
    'a download link (its signed grant)': ['download'],
  };

  for (const [door, answer] of Object.entries(doors)) {
    test(door, async () => {
      const seen: Record<string, number> = {};
      for (const [kind, token] of Object.entries(kinds())) seen[kind] = await answer(token);
      const opened = Object.entries(seen).filter(([, status]) => status === 200).map(([kind]) => kind);
      assert.deepEqual(opened, opens[door], JSON.stringify(seen));
      // Refused as a credential, never an error: 401, or 403 for a link that is not one.
      assert.ok(Object.values(seen).every((status) => [200, 401, 403].includes(status)), JSON.stringify(seen));
    });
  }
});

describe('tokens we signed ourselves, made wrong (SECURITY.md 9)', () => {
  const claims = () => ({ tid: w.f.tenant.id, sid: JSON.parse(Buffer.from(w.sessions.rh.split('.')[1]!, 'base64url').toString()).sid as string, scp: 'full' });
  const session = (token: string) => new PortalClient(server, w.f.tenant.slug).get('/session', token).then((response) => response.status);
  const ours = (header: Record<string, unknown>, body: Record<string, unknown>, edit: (jwt: SignJWT) => SignJWT = (jwt) => jwt) => {
    const { kid, key } = server.keys.signing();
    const now = Math.floor(clock.now().getTime() / 1000);
    const jwt = new SignJWT(body).setProtectedHeader({ alg: 'ES256', typ: 'portico-portal+jwt', kid, ...header }).setIssuer('portico').setAudience('portico:portal').setIssuedAt(now).setExpirationTime(now + 300);
    return edit(jwt.setSubject(w.f.rh.id)).sign(key);
  };

  test('the control: a well-made token is accepted', async () => {
    assert.equal(await session(await ours({}, claims())), 200);
  });

  test('a header naming where to fetch a key (jku, x5u, x5c, jwk) is refused, even on a good signature', async () => {
    const attacker = 'https://attacker.example/keys';
    for (const header of [{ jku: attacker }, { x5u: attacker }, { x5c: ['MIIB'] }, { jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } }]) {
      assert.equal(await session(await ours(header, claims())), 401, JSON.stringify(header));
    }
  });

  test('a claim left out (sid, tid, scp, sub) is refused', async () => {
    const { tid, sid, scp } = claims();
    for (const [label, body] of [['sid', { tid, scp }], ['tid', { sid, scp }], ['scp', { tid, sid }]] as const) assert.equal(await session(await ours({}, body)), 401, label);
    const { kid, key } = server.keys.signing();
    const now = Math.floor(clock.now().getTime() / 1000);
    const noSubject = await new SignJWT(claims()).setProtectedHeader({ alg: 'ES256', typ: 'portico-portal+jwt', kid }).setIssuer('portico').setAudience('portico:portal').setIssuedAt(now).setExpirationTime(now + 300).sign(key);
    assert.equal(await session(noSubject), 401, 'sub');
  });

  test('the clock tolerance is at most 30 s: a token expired 31 s ago is refused', async () => {
    const issued = (secondsPastExpiry: number) => issueAccessToken(server.keys, 'portal', { sub: w.f.rh.id, ...claims(), scp: 'full' }, new Date(clock.now().getTime() - (300 + secondsPastExpiry) * 1000));
    assert.equal(await session((await issued(31)).token), 401);
    assert.equal(await session((await issued(-60)).token), 200, 'one still within its 5 minutes is fine');
  });
});

describe('API tokens (SECURITY.md 6)', () => {
  test('opaque, 256 random bits behind a prefix naming the tenant; stored only as its hash', async () => {
    assert.match(w.token, new RegExp(`^ptk_${w.f.tenant.slug}_[A-Za-z0-9_-]{43}$`));
    const rows = await server.db.owner`select * from api_tokens where id = ${w.tokenId}`;
    assert.ok(!JSON.stringify(rows).includes(w.token.split('_').pop()!), 'the secret is not stored');
    assert.equal(rows[0]!.token_hash, sha256(w.token));
  });

  test('accepted only in the Authorization header: not in the query, a cookie or another header', async () => {
    const path = '/api/v1/accounts';
    assert.equal((await server.request(path, { headers: { Authorization: `Bearer ${w.token}` } })).status, 200, 'the control');
    for (const [label, url, headers] of [
      ['query', `${path}?access_token=${w.token}`, {}],
      ['query (token)', `${path}?token=${w.token}`, {}],
      ['cookie', path, { Cookie: `token=${w.token}` }],
      ['X-Api-Key', path, { 'X-Api-Key': w.token }],
      ['Authorization without Bearer', path, { Authorization: w.token }],
    ] as const) {
      assert.equal((await server.request(url, { headers })).status, 401, label);
    }
  });

  test('an expired token is refused', async () => {
    await server.db.owner`update api_tokens set expires_at = ${new Date(clock.now().getTime() - 1000)} where id = ${w.tokenId}`;
    try {
      assert.equal((await server.request('/api/v1/accounts', { headers: { Authorization: `Bearer ${w.token}` } })).status, 401);
    } finally {
      await server.db.owner`update api_tokens set expires_at = ${new Date(clock.now().getTime() + 86_400_000)} where id = ${w.tokenId}`;
    }
  });
});

describe('refresh tokens and sessions (SECURITY.md 11, 13)', () => {
  const signIn = async () => {
    const portal = new PortalClient(server, w.f.tenant.slug);
    const response = await portal.post('/sign-in', { email: w.f.solo.email, password: w.f.solo.password });
    assert.equal(response.status, 200);
    return portal;
  };

  test('the refresh token is 256 random bits, stored only as its SHA-256', async () => {
    const portal = await signIn();
    const value = portal.cookie!.split('=')[1]!;
    assert.match(value, /^[A-Za-z0-9_-]{43}$/);
    const [row] = await server.db.owner`select * from refresh_tokens where token_hash = ${sha256(value)}`;
    assert.ok(row, 'found by its hash');
    assert.ok(!JSON.stringify(row).includes(value), 'the token itself is not stored');
  });

  test('a session used every 25 minutes still ends 12 hours after sign-in', async () => {
    const portal = await signIn();
    const started = clock.now().getTime();
    while (clock.now().getTime() - started < 12 * 3600_000 - 25 * 60_000) {
      clock.advance(25 * 60);
      assert.equal((await portal.post('/refresh')).status, 200, `at ${(clock.now().getTime() - started) / 60_000} min`);
    }
    clock.advance(25 * 60);
    assert.equal((await portal.post('/refresh')).status, 401, 'past 12 hours');
  });

  test('a refresh from another site (its Origin, the cookie riding along) is refused, and the token is not spent', async () => {
    clock.advance(7200);
    const portal = await signIn();
    const cookie = portal.cookie!;
    const crossSite = await server.request('/api/portal/auth/refresh', { method: 'POST', headers: { Origin: 'https://evil.example', 'X-Portal-Tenant': w.f.tenant.slug, Cookie: cookie } });
    assert.equal(crossSite.status, 403);
    assert.equal((await readProblem(crossSite)).code, 'origin_not_allowed');
    const noTenant = await server.request('/api/portal/auth/refresh', { method: 'POST', headers: { Cookie: cookie } });
    assert.equal(noTenant.status, 404, 'without the widget header nothing is refreshed');
    assert.equal((await portal.post('/refresh', undefined, { cookie })).status, 200, 'the token still works for the page it belongs to');
  });
});
