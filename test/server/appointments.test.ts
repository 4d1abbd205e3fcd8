import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { startUserSession } from '../../server/features/auth/service.ts';
import type { Appointment, AppointmentCatalog, AppointmentProposal, Slot, SlotsAnswer } from '../../server/features/appointments/schemas.ts';
import { portalTenantOf, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

// Lisbon keeps daylight-saving time (the demo's Brazil does not since 2019): clocks go 01:00 → 02:00 on Sunday
// 29 March 2026, so 09:00 is 09:00Z before and 08:00Z after.
const ZONE = 'Europe/Lisbon';
const clock = manualClock(new Date('2026-03-25T10:00:00Z')); // a Wednesday

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let token: string;
let otherToken: string;
let solo: string;

function api(method: string, path: string, body?: unknown, bearer = token) {
  return server.request(`/api/v1/appointments${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A portal session for `email` of `fixture`, without going through the sign-in throttle. */
async function sessionOf(fixture: IdentityFixture, email: string): Promise<string> {
  return server.db.withTenant(fixture.tenant.id, async (tx) => {
    const [user] = await tx<{ id: string; email: string; locale: 'pt-BR' | 'es' | 'en' | null }[]>`select id, email, locale from portal_users where email = ${email}`;
    return (await startUserSession(tx, server.keys, portalTenantOf(fixture), user!, 'client', clock.now())).answer.accessToken;
  });
}

function portal(method: string, path: string, body?: unknown, bearer = solo, fixture = f) {
  return server.request(`/api/portal/appointments${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'X-Portal-Tenant': fixture.tenant.slug, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const slots = async (query: string, bearer = solo) => {
  const response = await portal('GET', `/slots?${query}`, undefined, bearer);
  assert.equal(response.status, 200, await response.clone().text());
  return (await response.json()) as SlotsAnswer;
};
const day = (answer: SlotsAnswer, date: string) => answer.days.find((candidate) => candidate.date === date)!.slots.map((slot) => slot.start);
const count = async (table: string) => (await server.db.owner`select count(*)::int as n from ${server.db.owner(table)} where tenant_id = ${f.tenant.id}`)[0]!.n as number;
const book = (start: string, bearer = solo, service = 'consulta', providerId = helena) => portal('POST', '', { service, providerId, start }, bearer);

let helena: string;
let sala: string;

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  await server.db.owner`update tenants set time_zone = ${ZONE} where id = ${f.tenant.id}`;
  const expiresAt = new Date(clock.now().getTime() + 400 * 86_400_000);
  const scopes = ['appointments:read', 'appointments:write'] as const;
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'agenda', scopes: [...scopes], expiresAt }))).token;
  otherToken = (await server.db.withTenant(other.tenant.id, (tx) => createApiToken(tx, other.tenant.slug, { name: 'agenda', scopes: [...scopes], expiresAt }))).token;

  const ok = async (response: Promise<Response>) => {
    const answer = await response;
    assert.ok(answer.status < 300, `${answer.status} ${await answer.clone().text()}`);
    return answer.json();
  };
  await ok(api('PUT', '/settings', { bookingMode: 'self', showAppointments: true, cancellation: { allowed: true, hoursBefore: 24 }, guide: true, horizonDays: 60, minNoticeMinutes: 60, contact: '+351 210 000 000' }));
  await ok(api('PUT', '/services/consulta', { names: { 'pt-BR': 'Consulta', es: 'Consulta', en: 'Consultation' }, kind: 'consultation', durationMinutes: 30 }));
  await ok(api('PUT', '/services/audiometria', { names: { es: 'Audiometría', en: 'Audiometry' }, kind: 'exam', durationMinutes: 20, instructions: { es: 'Evite ruidos fuertes 14 horas antes.' } }));
  await ok(api('PUT', '/services/sin-horario', { names: { en: 'Nutrition' }, kind: 'consultation', durationMinutes: 45 }));
  helena = ((await ok(api('PUT', '/providers/dra-helena', { name: 'Dra. Helena Prado', kind: 'person', services: ['consulta'] }))) as { id: string }).id;
  sala = ((await ok(api('PUT', '/providers/sala-1', { name: 'Sala de exames', kind: 'room', services: ['audiometria'] }))) as { id: string }).id;
  await ok(api('PUT', '/providers/nutri', { name: 'Nutrição', kind: 'person', services: ['sin-horario'] }));
  const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00' }));
  await ok(api('PUT', '/providers/dra-helena/rules', { rules: weekdays }));
  // The exam room also opens on Sunday nights, over the hour the clocks skip.
  await ok(api('PUT', '/providers/sala-1/rules', { rules: [...weekdays, { weekday: 7, start: '00:00', end: '03:00' }] }));
  solo = await sessionOf(f, `solo.${f.tenant.slug}@example.com`);
});
after(() => server.stop());

describe('free slots', () => {
  test('09:00 in Lisbon is 09:00Z before the clocks change and 08:00Z after; a night opening over the change is an hour shorter', async () => {
    const answer = await slots('service=consulta&from=2026-03-27&to=2026-03-30');
    assert.equal(answer.timeZone, ZONE);
    assert.deepEqual(day(answer, '2026-03-27'), ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30'].map((t) => `2026-03-27T${t}:00.000Z`));
    assert.deepEqual(day(answer, '2026-03-30'), ['08:00', '08:30', '09:00', '09:30', '10:00', '10:30'].map((t) => `2026-03-30T${t}:00.000Z`));
    assert.deepEqual(day(answer, '2026-03-28'), [], 'no opening on Saturday');
    assert.equal(answer.unavailable, null);

    const exams = await slots('service=audiometria&from=2026-03-29&to=2026-03-29');
    // 00:00–03:00 on the change night is two real hours: 00:00, 00:20, 00:40 (UTC+0), then 02:00, 02:20, 02:40 (UTC+1).
    assert.deepEqual(day(exams, '2026-03-29'), ['00:00', '00:20', '00:40', '01:00', '01:20', '01:40'].map((t) => `2026-03-29T${t}:00.000Z`));
    // A week later, the same opening is three real hours: nine slots, from 23:00Z the evening before (UTC+1).
    const usual = await slots('service=audiometria&from=2026-04-05&to=2026-04-05');
    assert.equal(day(usual, '2026-04-05').length, 9);
    assert.equal(day(usual, '2026-04-05')[0], '2026-04-04T23:00:00.000Z');
  });

  test('a holiday closes every provider for the whole local day; a blocked stretch closes one provider', async () => {
    assert.equal((await api('POST', '/exceptions', { providerKey: null, date: '2026-04-03', reason: 'Sexta-feira Santa' })).status, 201);
    const blocked = await api('POST', '/exceptions', { providerKey: 'dra-helena', from: '2026-04-02T10:00:00+01:00', to: '2026-04-02T11:00:00+01:00', reason: 'Reunião' });
    assert.equal(blocked.status, 201);
    const answer = await slots('service=consulta&from=2026-04-02&to=2026-04-03');
    assert.deepEqual(day(answer, '2026-04-02'), ['08:00', '08:30', '10:00', '10:30'].map((t) => `2026-04-02T${t}:00.000Z`));
    assert.deepEqual(day(answer, '2026-04-03'), []);
    const exams = await slots('service=audiometria&from=2026-04-02&to=2026-04-03');
    assert.equal(day(exams, '2026-04-02').length, 9, 'the room is not blocked by the doctor’s meeting');
    assert.deepEqual(day(exams, '2026-04-03'), [], 'the holiday closes the room too');
    const listed = (await (await api('GET', '/exceptions?from=2026-04-01&to=2026-04-30')).json()) as { items: { reason: string; from: string; to: string }[] };
    const holiday = listed.items.find((item) => item.reason === 'Sexta-feira Santa')!;
    assert.equal(new Date(holiday.from).toISOString(), '2026-04-02T23:00:00.000Z', 'the local day starts at 00:00 Lisbon summer time');
  });

  test('the minimum notice and the horizon bound what is offered', async () => {
    const today = await slots('service=consulta&from=2026-03-25&to=2026-03-26');
    // It is 10:00Z on the 25th with 60 minutes' notice: 11:00 is the first.
    assert.deepEqual(day(today, '2026-03-25'), ['11:00', '11:30'].map((t) => `2026-03-25T${t}:00.000Z`));
    const far = await slots('service=consulta&from=2026-05-20&to=2026-05-30');
    assert.ok(day(far, '2026-05-22').length > 0, 'within 60 days');
    assert.deepEqual(day(far, '2026-05-25'), [], 'the 61st day is past the horizon');
  });

  test('no availability says why: no hours, fully booked until a date, or booking off', async () => {
    assert.deepEqual((await slots('service=sin-horario&from=2026-04-06&to=2026-04-10')).unavailable, { reason: 'no-hours' });
    // The room is closed for a fortnight: the answer names the first free day after it.
    const closed = await api('POST', '/exceptions', { providerKey: 'sala-1', from: '2026-04-12T23:00:00Z', to: '2026-04-26T23:00:00Z', reason: 'Obras' });
    assert.equal(closed.status, 201);
    const answer = await slots('service=audiometria&from=2026-04-13&to=2026-04-19');
    assert.deepEqual(answer.unavailable, { reason: 'fully-booked', until: '2026-04-26' });
    assert.equal(answer.nextFree, '2026-04-27');
    assert.ok(answer.days.every((d) => d.slots.length === 0));
    await api('DELETE', `/exceptions/${((await closed.json()) as { id: string }).id}`);
  });

  test('bad questions are 4xx: unknown service, reversed or too long range, not a date', async () => {
    assert.equal((await readProblem(await portal('GET', '/slots?service=nope&from=2026-04-06&to=2026-04-10'))).status, 404);
    assert.equal((await readProblem(await portal('GET', '/slots?service=consulta&from=2026-04-10&to=2026-04-06'))).code, 'invalid_input');
    assert.equal((await readProblem(await portal('GET', '/slots?service=consulta&from=2026-04-01&to=2026-06-01'))).code, 'invalid_input');
    assert.equal((await readProblem(await portal('GET', '/slots?service=consulta&from=tomorrow&to=2026-06-01'))).code, 'invalid_input');
    assert.equal((await readProblem(await portal('GET', `/slots?service=consulta&provider=${sala}&from=2026-04-06&to=2026-04-10`))).status, 404, 'the room does not give consultations');
  });
});

describe('booking', () => {
  test('a free slot is booked, listed, mailed with an invitation, and no longer offered', async () => {
    const response = await book('2026-04-06T08:00:00.000Z');
    assert.equal(response.status, 201, await response.clone().text());
    const booked = (await response.json()) as Appointment;
    assert.equal(booked.status, 'booked');
    assert.equal(booked.end, '2026-04-06T08:30:00.000Z');
    assert.equal(booked.service.name, 'Consulta', 'in the tenant’s language');
    assert.deepEqual([booked.cancellable, booked.cancelUntil], [true, '2026-04-05T08:00:00.000Z']);
    assert.equal(booked.guide, false, 'consultations have no guide');
    assert.ok(!day(await slots('service=consulta&from=2026-04-06&to=2026-04-06'), '2026-04-06').includes(booked.start));
    const list = (await (await portal('GET', '?when=upcoming')).json()) as { items: Appointment[] };
    assert.ok(list.items.some((item) => item.id === booked.id));
    const [mail] = await server.db.owner`select template, recipient, data from outbox where tenant_id = ${f.tenant.id} and dedupe_key = ${`appointment:${booked.id}:booked`}`;
    assert.equal(mail?.template, 'appointment-booked');
    assert.equal(mail?.recipient, `solo.${f.tenant.slug}@example.com`);
    assert.equal((mail?.data as { timeZone: string }).timeZone, ZONE);
  });

  test('of 50 clients who try the same slot at once, exactly one gets it; the others get 409 with fresh slots', async () => {
    const emails = Array.from({ length: 50 }, (_, i) => `racer${i}.${f.tenant.slug}@example.com`);
    const users = await server.db.owner<{ id: string }[]>`
      insert into portal_users (tenant_id, email, status) select ${f.tenant.id}, email, 'active' from unnest(${emails}::text[]) as email returning id`;
    await server.db.owner`insert into memberships (tenant_id, user_id, account_id) select ${f.tenant.id}, id, ${f.person.id} from unnest(${users.map((u) => u.id)}::uuid[]) as id`;
    const tokens = await Promise.all(emails.map((email) => sessionOf(f, email)));
    const before = await count('appointments');
    const answers = await Promise.all(tokens.map((bearer) => book('2026-04-07T09:30:00.000Z', bearer)));
    const statuses = answers.map((answer) => answer.status);
    assert.equal(statuses.filter((status) => status === 201).length, 1, `statuses: ${statuses.join(',')}`);
    assert.equal(statuses.filter((status) => status === 409).length, 49);
    assert.equal(await count('appointments'), before + 1);
    const loser = await readProblem(answers.find((answer) => answer.status === 409)!);
    assert.equal(loser.code, 'slot_taken');
    const fresh = (loser.slots as Slot[]).map((slot) => slot.start);
    assert.ok(fresh.length > 0 && !fresh.includes('2026-04-07T09:30:00.000Z'), 'the fresh slots leave the taken one out');
  });

  test('bad bookings are refused and nothing is written: past, not offered, unknown service or provider, malformed', async () => {
    const before = await count('appointments');
    assert.equal((await readProblem(await book('2026-03-20T09:00:00.000Z'))).code, 'slot_in_past');
    const offset = await readProblem(await book('2026-04-08T08:10:00.000Z'));
    assert.equal(offset.code, 'slot_not_offered', 'slots start on the half hour');
    assert.ok(Array.isArray(offset.slots));
    assert.equal((await readProblem(await book('2026-04-11T09:00:00.000Z'))).code, 'slot_not_offered', 'Saturday');
    assert.equal((await readProblem(await book('2026-04-03T08:00:00.000Z'))).code, 'slot_not_offered', 'the holiday');
    assert.equal((await readProblem(await book('2026-03-25T10:30:00.000Z'))).code, 'slot_not_offered', 'inside the minimum notice');
    assert.equal((await readProblem(await book('2026-04-08T08:00:00.000Z', solo, 'nope'))).status, 404);
    assert.equal((await readProblem(await book('2026-04-08T08:00:00.000Z', solo, 'consulta', sala))).status, 404);
    assert.equal((await readProblem(await book('next tuesday'))).code, 'invalid_input');
    assert.equal((await readProblem(await portal('POST', '', { service: 'consulta', providerId: helena, start: '2026-04-08T08:00:00Z', extra: 1 }))).code, 'invalid_input');
    assert.equal((await readProblem(await server.request('/api/portal/appointments', { method: 'POST', headers: { Authorization: `Bearer ${solo}`, 'X-Portal-Tenant': f.tenant.slug, 'Content-Type': 'application/json' }, body: '{"service":' }))).code, 'malformed_json');
    assert.equal(await count('appointments'), before);
  });

  test('another tenant neither sees nor books these: its token and its users get 404s', async () => {
    const [mine] = await server.db.owner<{ id: string }[]>`select id from appointments where tenant_id = ${f.tenant.id} limit 1`;
    const stranger = await sessionOf(other, `solo.${other.tenant.slug}@example.com`);
    assert.equal((await portal('POST', `/${mine!.id}/cancel`, undefined, stranger, other)).status, 404);
    assert.equal((await portal('GET', `/${mine!.id}/guide`, undefined, stranger, other)).status, 404);
    assert.equal((await readProblem(await portal('POST', '', { service: 'consulta', providerId: helena, start: '2026-04-08T08:00:00.000Z' }, stranger, other))).status, 404);
    assert.equal((await api('POST', `/bookings/${mine!.id}/cancel`, undefined, otherToken)).status, 404);
    const theirs = (await (await api('GET', '/bookings?from=2026-03-01&to=2026-05-31', undefined, otherToken)).json()) as { items: unknown[] };
    assert.equal(theirs.items.length, 0);
  });
});

describe('cancelling', () => {
  let id: string;
  /** Moves the clock to `instant` for `work` (with a session opened then), and back. */
  const at = async (instant: string, work: (bearer: string) => Promise<void>) => {
    const saved = clock.now();
    clock.advance((Date.parse(instant) - saved.getTime()) / 1000);
    try {
      await work(await sessionOf(f, `solo.${f.tenant.slug}@example.com`));
    } finally {
      clock.advance((saved.getTime() - clock.now().getTime()) / 1000);
    }
  };
  before(async () => {
    const response = await book('2026-04-09T08:00:00.000Z'); // the deadline is 24 h before: 2026-04-08T08:00Z
    assert.equal(response.status, 201);
    id = ((await response.json()) as Appointment).id;
  });

  test('one minute after the deadline the answer says until when it was possible and how to reach the business', async () => {
    await at('2026-04-08T08:01:00Z', async (bearer) => {
      const problem = await readProblem(await portal('POST', `/${id}/cancel`, undefined, bearer));
      assert.equal(problem.status, 409);
      assert.equal(problem.code, 'cancellation_closed');
      assert.equal(problem.cancelUntil, '2026-04-08T08:00:00.000Z');
      assert.equal(problem.contact, '+351 210 000 000');
      const [row] = await server.db.owner`select status from appointments where id = ${id}`;
      assert.equal(row!.status, 'booked');
    });
  });

  test('one minute before the deadline it is cancelled, mailed, and the slot is free again', async () => {
    await at('2026-04-08T07:59:00Z', async (bearer) => {
      const response = await portal('POST', `/${id}/cancel`, undefined, bearer);
      assert.equal(response.status, 200);
      const cancelled = (await response.json()) as Appointment;
      assert.deepEqual([cancelled.status, cancelled.cancellable], ['cancelled', false]);
      assert.ok(day(await slots('service=consulta&from=2026-04-09&to=2026-04-09', bearer), '2026-04-09').includes('2026-04-09T08:00:00.000Z'));
      const [mail] = await server.db.owner`select template from outbox where dedupe_key = ${`appointment:${id}:cancelled`}`;
      assert.equal(mail?.template, 'appointment-cancelled');
      assert.equal((await portal('POST', `/${id}/cancel`, undefined, bearer)).status, 200, 'cancelling again changes nothing');
      const past = (await (await portal('GET', '?when=past', undefined, bearer)).json()) as { items: Appointment[] };
      assert.ok(past.items.some((item) => item.id === id && item.status === 'cancelled'));
    });
  });
});

describe('settings per tenant and per account', () => {
  test('request mode opens a request of category appointment; staff confirm one time and the client is booked', async () => {
    await api('PUT', '/settings', { bookingMode: 'request', showAppointments: true, cancellation: { allowed: true, hoursBefore: 48 }, guide: true, horizonDays: 60, minNoticeMinutes: 60, contact: null });
    try {
      assert.equal((await readProblem(await book('2026-04-14T08:00:00.000Z'))).code, 'booking_unavailable');
      assert.deepEqual((await slots('service=consulta&from=2026-04-13&to=2026-04-17')).unavailable, { reason: 'request-only' });
      const catalog = (await (await portal('GET', '/catalog')).json()) as AppointmentCatalog;
      assert.equal(catalog.mode, 'request');
      const requestsBefore = await count('requests');
      const proposed = await portal('POST', '/proposals', { service: 'consulta', times: ['2026-04-14T09:00:00+01:00', '2026-04-15T10:00:00+01:00'], note: 'De manhã, por favor' });
      assert.equal(proposed.status, 201, await proposed.clone().text());
      const proposal = (await proposed.json()) as AppointmentProposal;
      assert.equal(proposal.status, 'pending');
      assert.deepEqual(proposal.times, ['2026-04-14T08:00:00.000Z', '2026-04-15T09:00:00.000Z']);
      assert.equal(await count('requests'), requestsBefore + 1);
      const [request] = await server.db.owner`select category, subject, description from requests where id = ${proposal.requestId}`;
      assert.equal(request!.category, 'appointment');
      assert.match(String(request!.description), /De manhã, por favor/);

      const pending = (await (await api('GET', '/proposals?status=pending')).json()) as { items: { id: string }[] };
      assert.ok(pending.items.some((item) => item.id === proposal.id));
      const confirmed = await api('POST', `/proposals/${proposal.id}/confirm`, { start: '2026-04-15T09:00:00Z', providerKey: 'dra-helena' });
      assert.equal(confirmed.status, 201, await confirmed.clone().text());
      assert.equal((await readProblem(await api('POST', `/proposals/${proposal.id}/confirm`, { start: '2026-04-15T09:00:00Z', providerKey: 'dra-helena' }))).code, 'proposal_answered');
      const mine = (await (await portal('GET', '/proposals')).json()) as { items: AppointmentProposal[] };
      const answered = mine.items.find((item) => item.id === proposal.id)!;
      assert.equal(answered.status, 'confirmed');
      const list = (await (await portal('GET', '?when=upcoming')).json()) as { items: Appointment[] };
      const appointment = list.items.find((item) => item.id === answered.appointmentId)!;
      assert.equal(appointment.requestId, proposal.requestId);
      assert.equal(appointment.cancelUntil, '2026-04-13T09:00:00.000Z', 'the tenant’s 48 hours now');
      const [status] = await server.db.owner`select status from requests where id = ${proposal.requestId}`;
      assert.equal(status!.status, 'answered');
    } finally {
      await api('PUT', '/settings', { bookingMode: 'self', showAppointments: true, cancellation: { allowed: true, hoursBefore: 24 }, guide: true, horizonDays: 60, minNoticeMinutes: 60, contact: '+351 210 000 000' });
    }
  });

  test('an account’s exception overrides the tenant: this account only requests, and does not see its list', async () => {
    const response = await api('PUT', `/accounts/${f.person.id}/settings`, { bookingMode: 'request', showAppointments: false });
    assert.equal(response.status, 200);
    const explained = (await response.json()) as { effective: { bookingMode: string; cancellation: { hoursBefore: number } }; sources: Record<string, string> };
    assert.deepEqual([explained.effective.bookingMode, explained.sources.bookingMode, explained.sources.cancellation], ['request', 'account', 'tenant']);
    try {
      assert.equal((await readProblem(await book('2026-04-14T08:00:00.000Z'))).code, 'booking_unavailable');
      assert.equal((await readProblem(await portal('GET', ''))).code, 'appointments_hidden');
      // The company's users keep the tenant's self-booking.
      const rh = await sessionOf(f, `rh.${f.tenant.slug}@example.com`);
      const catalog = (await (await portal('GET', `/catalog?accountId=${f.company.id}`, undefined, rh)).json()) as AppointmentCatalog;
      assert.equal(catalog.mode, 'self');
    } finally {
      assert.equal((await api('PUT', `/accounts/${f.person.id}/settings`, {})).status, 200);
    }
    assert.equal(((await (await portal('GET', '/catalog')).json()) as AppointmentCatalog).mode, 'self');
  });

  test('bad settings are refused whole', async () => {
    for (const bad of [{ bookingMode: 'maybe' }, { cancellation: { allowed: true, hoursBefore: -1 } }, { horizonDays: 0 }, { unknown: true }]) {
      assert.equal((await readProblem(await api('PUT', `/accounts/${f.person.id}/settings`, bad))).code, 'invalid_input');
    }
    assert.equal((await readProblem(await api('PUT', '/providers/dra-helena/rules', { rules: [{ weekday: 8, start: '09:00', end: '10:00' }] }))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/providers/dra-helena/rules', { rules: [{ weekday: 1, start: '12:00', end: '09:00' }] }))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/providers/x', { name: 'X', kind: 'person', services: ['nope'] }))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/accounts/00000000-0000-4000-8000-000000000000/settings', {}))).status, 404);
    const rules = (await (await api('GET', '/providers/dra-helena/rules')).json()) as { rules: unknown[] };
    assert.equal(rules.rules.length, 5, 'the hours are unchanged');
  });
});

describe('the authorization guide', () => {
  test('an exam has a PDF guide; a consultation has none', async () => {
    const response = await portal('POST', '', { service: 'audiometria', providerId: sala, start: '2026-04-08T09:00:00.000Z', attendee: 'Carlos Mendes' });
    const exam = (await response.json()) as Appointment;
    assert.deepEqual([exam.guide, exam.attendee], [true, 'Carlos Mendes']);
    const pdf = await portal('GET', `/${exam.id}/guide`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('Content-Type'), 'application/pdf');
    assert.equal(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    const consult = (await (await book('2026-04-10T08:00:00.000Z')).json()) as Appointment;
    assert.equal((await portal('GET', `/${consult.id}/guide`)).status, 404);
  });

  test('the business gives its logo image (PNG or JPEG, checked) and the guide carries it', async () => {
    const expiresAt = new Date(clock.now().getTime() + 86_400_000);
    const branding = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'brand', scopes: ['branding:write'], expiresAt }))).token;
    const upload = (body: Uint8Array<ArrayBuffer> | string, bearer = branding) => server.request('/api/v1/branding/logo', { method: 'PUT', headers: { Authorization: `Bearer ${bearer}` }, body });
    const logo = await readFile(new URL('../../demo/clinica-sol/logo.png', import.meta.url));
    assert.equal((await readProblem(await upload('<svg/>'))).code, 'unsupported_media_type');
    const broken = Buffer.from(logo);
    broken.fill(0x41, 60, 400); // the image data no longer inflates
    assert.equal((await readProblem(await upload(broken))).code, 'invalid_input');
    assert.equal((await readProblem(await upload(new Uint8Array(300 * 1024).fill(0x89)))).code, 'payload_too_large');
    assert.equal((await upload(logo, token)).status, 403, 'the appointments token may not change the branding');
    assert.equal((await server.db.owner`select count(*)::int as n from tenant_logos where tenant_id = ${f.tenant.id}`)[0]!.n, 0, 'nothing kept from refused uploads');
    const uploaded = await upload(logo);
    assert.equal(uploaded.status, 200);
    // The portal and its mail show the uploaded logo too: the tenant's logo URL serves it, to any site.
    const { logoUrl } = (await uploaded.json()) as { logoUrl: string };
    assert.match(logoUrl, new RegExp(`^/api/tenant-logos/${f.tenant.slug}\\?v=`));
    const tenant = (await (await server.request(`/api/portal/tenants/${f.tenant.slug}`)).json()) as { branding: { logoUrl: string } };
    assert.equal(tenant.branding.logoUrl, logoUrl);
    const served = await server.request(logoUrl);
    assert.equal(served.headers.get('content-type'), 'image/png');
    assert.equal(served.headers.get('cross-origin-resource-policy'), 'cross-origin');
    assert.deepEqual(Buffer.from(await served.arrayBuffer()), logo);
    const exam = (await (await book('2026-04-09T09:20:00.000Z', solo, 'audiometria', sala)).json()) as Appointment;
    const pdf = Buffer.from(await (await portal('GET', `/${exam.id}/guide`)).arrayBuffer()).toString('latin1');
    assert.match(pdf, /\/Subtype\s*\/Image/);
  });
});
