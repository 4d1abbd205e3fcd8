/**
 * Races (SECURITY.md 18 and the adversarial list), beyond those tested with their features — 50 bookings of one slot
 * (appointments.test.ts), one code or link used 16 times at once (auth-adversarial.test.ts), two tabs refreshing
 * (auth-flows.test.ts), one Idempotency-Key sent three times at once (integration-api.test.ts): the same decision
 * taken twice at once, a cancellation sent four times, a webhook pinged while it is deleted (a 500 the fuzzer
 * found), and the database itself refusing a double booking written past the application.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { manualClock, startTestServer, type TestServer } from '../helpers/server.ts';
import { caller, seedWorld, type World } from './security-fixture.ts';

const clock = manualClock(new Date('2026-03-25T13:00:00Z'));
let server: TestServer;
let w: World;
let api: ReturnType<typeof caller>;

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  w = await seedWorld(server, clock.now(), { rows: true });
  api = caller(server, w.f.tenant.slug, w.token);
});
after(() => server.stop());

const statuses = async (calls: Promise<Response>[]) => (await Promise.all(calls)).map((response) => response.status).sort();
const audits = async (action: string, subject: string) =>
  (await server.db.owner`select count(*)::int as n from audit_log where tenant_id = ${w.f.tenant.id} and action = ${action} and subject_id = ${subject}`)[0]!.n as number;

describe('one decision, taken twice at once', () => {
  test('a proposal answered twice at the same moment: one answer wins, the other is a 409', async () => {
    const answers = await statuses([
      api('POST', `/api/v1/appointments/proposals/${w.rows.proposal}/refuse`, { body: { reason: 'Agenda cheia' } }),
      api('POST', `/api/v1/appointments/proposals/${w.rows.proposal}/refuse`, { body: { reason: 'Outra resposta' } }),
    ]);
    assert.deepEqual(answers, [200, 409]);
    const [row] = await server.db.owner`select status, refusal from appointment_proposals where id = ${w.rows.proposal}`;
    assert.equal(row!.status, 'refused');
  });

  test('a profile change approved and refused at the same moment: one wins, the other is a 409', async () => {
    const answers = await statuses([
      api('POST', `/api/v1/profile/changes/${w.rows.change}/approve`, { body: {} }),
      api('POST', `/api/v1/profile/changes/${w.rows.change}/refuse`, { body: { reason: 'Falta o documento' } }),
    ]);
    assert.deepEqual(answers, [200, 409]);
  });

  test('a booking cancelled four times at once is cancelled once: one audit entry, the same answer to all', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => api('POST', `/api/portal/appointments/${w.rows.appointment}/cancel`, { bearer: w.sessions.rh })));
    assert.deepEqual(answers.map((answer) => answer.status), [200, 200, 200, 200]);
    assert.equal(await audits('appointment-cancelled', w.rows.appointment), 1);
  });

  test('"I’m interested" four times at once opens one request for the account', async () => {
    const answers = await Promise.all(Array.from({ length: 4 }, () => api('POST', `/api/portal/campaigns/${w.rows.campaign}/interest`, { bearer: w.sessions.rh })));
    const ids = new Set(await Promise.all(answers.map(async (answer) => ((await answer.json()) as { requestId: string }).requestId)));
    assert.equal(ids.size, 1);
    const [row] = await server.db.owner`select count(*)::int as n from campaign_interests where campaign_id = ${w.rows.campaign}`;
    assert.equal(row!.n, 1);
  });
});

describe('a resource deleted while it is used', () => {
  test('a webhook pinged while it is deleted: each ping is sent or a 404, never a 500', async () => {
    for (let round = 0; round < 5; round++) {
      const created = await api('POST', '/api/v1/webhooks', { body: { url: 'https://hooks.example.com/race', events: ['request.created'] } });
      const { id } = (await created.json()) as { id: string };
      const ping = () => api('POST', `/api/v1/webhooks/${id}/ping`);
      const answers = await statuses([ping(), ping(), ping(), api('DELETE', `/api/v1/webhooks/${id}`), ping(), ping(), ping()]);
      assert.ok(answers.every((status) => [202, 204, 404].includes(status)), `round ${round}: ${answers}`);
      const [left] = await server.db.owner`select count(*)::int as n from webhook_deliveries where endpoint_id = ${id}`;
      assert.equal(left!.n, 0, 'the deliveries went with the endpoint');
    }
  });

  test('a closed-day rule deleted four times at once: one 204, three 404', async () => {
    assert.deepEqual(await statuses(Array.from({ length: 4 }, () => api('DELETE', `/api/v1/appointments/exceptions/${w.rows.exception}`))), [204, 404, 404, 404]);
  });
});

describe('double booking is impossible in the database (SECURITY.md 18)', () => {
  test('a booking of a taken provider and time, written past the application, is refused (23P01)', async () => {
    // A live booking of its own (the fixture's was cancelled above), at the first free slot.
    const slots = (await (await api('GET', `/api/portal/appointments/slots?service=sec-exame&accountId=${w.f.company.id}&from=2026-03-30&to=2026-04-03`, { bearer: w.sessions.rh })).json()) as { days: { slots: { start: string }[] }[] };
    const [provider] = await server.db.owner<{ id: string }[]>`select id from providers where tenant_id = ${w.f.tenant.id} and key = 'sec-provider'`;
    const start = slots.days.flatMap((day) => day.slots)[0]!.start;
    const made = await api('POST', '/api/portal/appointments', { bearer: w.sessions.rh, body: { service: 'sec-exame', providerId: provider!.id, start, accountId: w.f.company.id } });
    assert.equal(made.status, 201, await made.clone().text());
    const { id } = (await made.json()) as { id: string };
    const [booked] = await server.db.owner<{ account_id: string; service_id: string; lower: Date; upper: Date }[]>`
      select account_id, service_id, lower(period) as lower, upper(period) as upper from appointments where id = ${id}`;
    // As the owner, in a transaction rolled back: no application code, no row left behind.
    const attempt = (from: Date, to: Date) =>
      server.db.owner.begin(async (tx) => {
        await tx`insert into appointments (tenant_id, account_id, provider_id, service_id, period)
                 values (${w.f.tenant.id}, ${booked!.account_id}, ${provider!.id}, ${booked!.service_id}, tstzrange(${from}, ${to}, '[)'))`;
        throw new RolledBack();
      }).then(
        () => 'written',
        (error: { code?: string }) => (error instanceof RolledBack ? 'allowed' : (error.code ?? String(error))),
      );
    const minute = 60_000;
    assert.equal(await attempt(booked!.lower, booked!.upper), '23P01', 'the same time');
    assert.equal(await attempt(new Date(booked!.upper.getTime() - minute), new Date(booked!.upper.getTime() + 29 * minute)), '23P01', 'a minute of overlap');
    assert.equal(await attempt(booked!.upper, new Date(booked!.upper.getTime() + 30 * minute)), 'allowed', 'right after it: the ranges are half-open');
  });
});

class RolledBack extends Error {}
