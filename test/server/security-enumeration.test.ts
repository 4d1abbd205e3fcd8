/**
 * SECURITY.md 8 on every auth endpoint that takes an e-mail or a process number (sign-in itself is in
 * auth-timing.test.ts): a known and an unknown one get the same status and body, and — over 200 tries of each —
 * median times less than 10 ms apart. The portal has no endpoint where a client asks for a magic link (staff send
 * them), so there is none to test.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { comparable } from '../helpers/portal-client.ts';
import { manualClock, startTestServer, type TestServer } from '../helpers/server.ts';
import { staffSession, type StaffFixture } from '../helpers/staff.ts';

const clock = manualClock();
let server: TestServer;
let f: IdentityFixture;
let staff: StaffFixture;

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  f = await seedIdentity(server.db);
  staff = await staffSession(server, f.tenant.id, { now: clock.now() });
  // Sending the mail would run between the requests timed; what is timed is the answer.
  await server.mail.dispatcher.stop();
});
after(() => server.stop());

const TRIES = 200;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Sends `known` and `unknown` bodies to `path` in turns (the order alternating), two hours apart on the server's clock
 * so no limit answers instead of the endpoint. Checks every pair answers alike and returns the median gap in ms.
 */
async function timeAlike(path: string, headers: Record<string, string>, known: () => unknown, unknown: () => unknown): Promise<{ gap: number; status: number; report: string }> {
  const timings = { known: [] as number[], unknown: [] as number[] };
  let status = 0;
  for (let i = 0; i < TRIES; i++) {
    clock.advance(7200);
    const answers: Record<string, unknown> = {};
    for (const kind of i % 2 ? (['known', 'unknown'] as const) : (['unknown', 'known'] as const)) {
      const started = performance.now();
      const response = await server.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(kind === 'known' ? known() : unknown()) });
      timings[kind].push(performance.now() - started);
      answers[kind] = await comparable(response);
      status = response.status;
    }
    assert.deepEqual(answers.unknown, answers.known, `try ${i}`);
  }
  const gap = Math.abs(median(timings.known) - median(timings.unknown));
  return { gap, status, report: `median known ${median(timings.known).toFixed(1)} ms, unknown ${median(timings.unknown).toFixed(1)} ms` };
}

const portal = () => ({ 'X-Portal-Tenant': f.tenant.slug });
let unknowns = 0;
const stranger = () => ({ email: `stranger${++unknowns}.${f.tenant.slug}@example.com` });

for (const [path, known] of [
  ['/register/code', () => ({ email: f.contactEmail })],
  ['/first-access', () => ({ email: f.contactEmail })],
  ['/password/forgot', () => ({ email: f.rh.email })],
] as const) {
  test(`${path}: a known and an unknown e-mail, ${TRIES} tries each — the same answer, medians under 10 ms apart`, { timeout: 300_000 }, async (t) => {
    const { gap, status, report } = await timeAlike(`/api/portal/auth${path}`, portal(), known, stranger);
    assert.equal(status, 202);
    t.diagnostic(report);
    assert.ok(gap < 10, report);
  });
}

test(`quick access: a known number with a wrong key and an unknown number, ${TRIES} tries each — the same answer, medians under 10 ms apart`, { timeout: 300_000 }, async (t) => {
  const { gap, status, report } = await timeAlike(
    '/api/portal/auth/quick-access',
    portal(),
    () => ({ number: f.process.number, accessKey: 'GUES-SXXX-XXXX-XXXX' }),
    () => ({ number: String(2_000_000_000 + unknowns++), accessKey: 'GUES-SXXX-XXXX-XXXX' }),
  );
  assert.equal(status, 401);
  t.diagnostic(report);
  assert.ok(gap < 10, report);
});

test(`console sign-in: a known and an unknown e-mail with a wrong password, ${TRIES} tries each — the same answer, medians under 10 ms apart`, { timeout: 600_000 }, async (t) => {
  const { gap, status, report } = await timeAlike(
    '/api/admin/auth/sign-in',
    {},
    () => ({ tenant: f.tenant.slug, email: staff.email, password: 'not the password' }),
    () => ({ tenant: f.tenant.slug, email: `nobody${++unknowns}@example.com`, password: 'not the password' }),
  );
  assert.equal(status, 401);
  t.diagnostic(report);
  assert.ok(gap < 10, report);
});
