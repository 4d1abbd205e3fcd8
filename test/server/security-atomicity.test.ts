/**
 * SECURITY.md 19: a change and the e-mail or audit record it causes are written in one transaction. Proven by making
 * the record fail (a trigger, for this tenant only, refuses it) and seeing the change itself undone — then, with the
 * trigger gone, both written together.
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
  await server.mail.dispatcher.stop();
});
after(() => server.stop());

/** Runs `work` while inserts into `table` for this tenant fail (a trigger the owner adds, and removes after). */
async function whileRefused<T>(table: 'audit_log' | 'outbox', work: () => Promise<T>): Promise<T> {
  const sql = server.db.owner;
  const fn = `refuse_${table}_${process.pid}`;
  await sql.unsafe(`create function ${fn}() returns trigger language plpgsql as $$
    begin
      if new.tenant_id = '${w.f.tenant.id}' then raise exception 'refused by the test'; end if;
      return new;
    end $$`);
  await sql.unsafe(`create trigger ${fn} before insert on ${table} for each row execute function ${fn}()`);
  try {
    return await work();
  } finally {
    await sql.unsafe(`drop trigger ${fn} on ${table}`);
    await sql.unsafe(`drop function ${fn}()`);
  }
}

const count = async (query: Promise<{ n: number }[]>) => (await query)[0]!.n;

describe('a change and its record are one (SECURITY.md 19)', () => {
  test('a reply whose e-mail to the client cannot be queued is not written either', async () => {
    const messages = () => count(server.db.owner`select count(*)::int as n from request_messages where request_id = ${w.rows.request}`);
    const mails = () => count(server.db.owner`select count(*)::int as n from outbox where tenant_id = ${w.f.tenant.id}`);
    const [beforeMessages, beforeMails] = [await messages(), await mails()];
    const failed = await whileRefused('outbox', () => api('POST', `/api/v1/requests/${w.rows.request}/replies`, { body: { body: 'Segue a segunda via.' } }));
    assert.equal(failed.status, 500, 'the refused mail fails the request');
    assert.deepEqual([await messages(), await mails()], [beforeMessages, beforeMails], 'neither the reply nor a mail');
    const [status] = await server.db.owner`select status from requests where id = ${w.rows.request}`;
    assert.notEqual(status!.status, 'answered');
    assert.equal((await api('POST', `/api/v1/requests/${w.rows.request}/replies`, { body: { body: 'Segue a segunda via.' } })).status, 201);
    assert.deepEqual([await messages(), (await mails()) > beforeMails], [beforeMessages + 1, true], 'then both');
  });

  test('a webhook secret rotated without its audit entry is not rotated', async () => {
    const secret = async () => (await server.db.owner`select secret from webhook_endpoints where id = ${w.rows.webhook}`)[0]!.secret as string;
    const audits = () => count(server.db.owner`select count(*)::int as n from audit_log where subject_id = ${w.rows.webhook} and action = 'webhook-secret-rotated'`);
    const [beforeSecret, beforeAudits] = [await secret(), await audits()];
    const failed = await whileRefused('audit_log', () => api('POST', `/api/v1/webhooks/${w.rows.webhook}/rotate-secret`));
    assert.equal(failed.status, 500);
    assert.deepEqual([await secret(), await audits()], [beforeSecret, beforeAudits]);
    assert.equal((await api('POST', `/api/v1/webhooks/${w.rows.webhook}/rotate-secret`)).status, 200);
    assert.notEqual(await secret(), beforeSecret);
    assert.equal(await audits(), beforeAudits + 1);
  });
});
