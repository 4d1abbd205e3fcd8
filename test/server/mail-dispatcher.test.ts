import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { startMailDispatcher, type MailDispatcherOptions } from '../../server/mail/dispatcher.ts';
import { CaptureMailer, createSmtpMailer, type Mailer } from '../../server/mail/mailer.ts';
import { enqueueMail } from '../../server/mail/outbox.ts';
import { seedTenant } from '../helpers/server.ts';
import { freePort, openMailTestDatabase, startSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts';

let db: Database;
let tenant: { id: string; slug: string };
const logger = createLogger('silent');
const cleanups: (() => unknown)[] = [];

before(async () => {
  db = await openMailTestDatabase();
  tenant = await seedTenant(db, {
    name: 'Clínica Teste <b>',
    locale: 'en',
    branding: { logoUrl: '/uploads/clinica.png', primaryColor: '#0b4f6c' },
  });
});
// Each test's dispatchers and SMTP servers end with it: a dispatcher left running from an earlier test could claim a
// later test's mail in the middle of its checks (seen in CI: a round still looping after the previous test's mail).
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
after(() => db.close());

/** A recipient no other test (or earlier run) used, so what a server received can be told apart. */
const recipient = () => `client-${randomBytes(5).toString('hex')}@example.com`;

function dispatcher(mailer: Mailer, options: Partial<MailDispatcherOptions> = {}) {
  const running = startMailDispatcher({ db, mailer, from: 'no-reply@portal.example.com', logger, publicUrl: 'https://portal.example.com', intervalMs: 60_000, ...options });
  cleanups.push(() => running.stop(), () => mailer.close?.());
  return running;
}

async function smtp(port?: number): Promise<TestSmtpServer> {
  const server = await startSmtpServer(port);
  cleanups.push(() => server.stop());
  return server;
}

async function enqueue(to: string, code = '482913'): Promise<void> {
  await db.withTenant(tenant.id, (tx) =>
    enqueueMail(tx, { tenantId: tenant.id, dedupeKey: `test:${to}:${code}`, to, template: 'sign-in-code', locale: 'en', data: { code, expiresInMinutes: 10 } }),
  );
}

const APPOINTMENT = {
  link: 'https://portal.example.com/#portico-appointment=1',
  serviceName: 'Audiometria',
  providerName: 'Dra. Helena',
  start: '2026-03-31T12:00:00Z',
  end: '2026-03-31T12:30:00Z',
  timeZone: 'America/Sao_Paulo',
  uid: 'c0ffee00-0000-4000-8000-000000000001@portico',
};

async function enqueueAppointment(to: string, template: 'appointment-booked' | 'appointment-cancelled'): Promise<void> {
  await db.withTenant(tenant.id, (tx) => enqueueMail(tx, { tenantId: tenant.id, dedupeKey: `test:${to}:${template}`, to, template, locale: 'pt-BR', data: APPOINTMENT }));
}

async function row(to: string) {
  const [found] = await db.owner<{ status: string; attempts: number; last_error: string | null; sent_at: Date | null; due_in_seconds: number }[]>`
    select status, attempts, last_error, sent_at, extract(epoch from next_attempt_at - now())::float8 as due_in_seconds
      from outbox where recipient = ${to}`;
  return found!;
}

const makeDue = (to: string) => db.owner`update outbox set next_attempt_at = now() where recipient = ${to}`;
const receivedBy = (server: TestSmtpServer, to: string) => server.received.filter((mail) => mail.to.includes(to));

describe('the mail dispatcher', () => {
  test('delivers through a real SMTP server, once', async () => {
    const server = await smtp();
    const mails = dispatcher(createSmtpMailer(server.url));
    const to = recipient();
    await enqueue(to);
    await mails.drain();
    await mails.drain();

    const [mail, ...more] = receivedBy(server, to);
    assert.ok(mail, 'the mail arrived');
    assert.equal(more.length, 0, 'exactly once');
    assert.deepEqual(mail.to, [to]);
    assert.equal(mail.from, 'no-reply@portal.example.com');
    assert.match(mail.headers.get('from') ?? '', /^"?Clínica Teste b"? <no-reply@portal\.example\.com>$/, 'the tenant is the display name');
    assert.equal(mail.subject, 'Your sign-in code for Clínica Teste <b>');
    assert.match(mail.text, /482913/);
    assert.match(mail.text, /not your password/);
    assert.match(mail.html, /482913/);
    assert.match(mail.html, /Clínica Teste &lt;b&gt;/);
    assert.match(mail.html, /src="https:\/\/portal\.example\.com\/uploads\/clinica\.png"/, 'a logo path is made absolute');

    const state = await row(to);
    assert.equal(state.status, 'sent');
    assert.equal(state.attempts, 1);
    assert.ok(state.sent_at);
  });

  test('wake() sends at once, without waiting for the timer', async () => {
    const server = await smtp();
    const mails = dispatcher(createSmtpMailer(server.url));
    await mails.drain();
    const to = recipient();
    await enqueue(to);
    mails.wake();
    const deadline = Date.now() + 5_000;
    while (receivedBy(server, to).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(receivedBy(server, to).length, 1);
  });

  test('a killed SMTP server loses no mail: it is retried after a backoff and delivered exactly once', async () => {
    const first = await smtp();
    const port = first.port;
    await first.stop();
    const mails = dispatcher(createSmtpMailer(`smtp://127.0.0.1:${port}`));
    const to = recipient();
    await enqueue(to);

    await mails.drain();
    let state = await row(to);
    assert.equal(state.status, 'pending');
    assert.equal(state.attempts, 1);
    assert.match(state.last_error ?? '', /ECONNREFUSED|ECONNECTION|ESOCKET/);
    assert.ok(state.due_in_seconds > 8 && state.due_in_seconds <= 10.5, `retried in ~10 s, not ${state.due_in_seconds}`);

    const second = await smtp(port);
    await mails.drain();
    assert.equal(receivedBy(second, to).length, 0, 'not before the backoff is over');

    await makeDue(to);
    await mails.drain();
    await mails.drain();
    assert.equal(receivedBy(second, to).length, 1);
    state = await row(to);
    assert.equal(state.status, 'sent');
    assert.equal(state.attempts, 2);
  });

  test('a server that dies in the middle of DATA loses no mail either', async () => {
    const first = await smtp();
    const mails = dispatcher(createSmtpMailer(first.url));
    const to = recipient();
    first.dropNextData();
    await enqueue(to);
    await mails.drain();
    assert.equal((await row(to)).status, 'pending');
    assert.ok((await row(to)).last_error);
    await first.stop();

    const second = await smtp(first.port);
    await makeDue(to);
    await mails.drain();
    assert.equal(receivedBy(first, to).length + receivedBy(second, to).length, 1);
    assert.equal((await row(to)).status, 'sent');
  });

  test('after maxAttempts failures the mail is given up as failed', async () => {
    const mails = dispatcher(createSmtpMailer(`smtp://127.0.0.1:${await freePort()}`), { maxAttempts: 3 });
    const to = recipient();
    await enqueue(to);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await mails.drain();
      assert.equal((await row(to)).attempts, attempt);
      await makeDue(to);
    }
    await mails.drain();
    const state = await row(to);
    assert.equal(state.status, 'failed');
    assert.equal(state.attempts, 3);
    assert.ok(state.last_error);
  });

  test('a row whose data no longer fits its template fails at once instead of retrying', async () => {
    const server = await smtp();
    const mails = dispatcher(createSmtpMailer(server.url));
    const to = recipient();
    await db.owner`insert into outbox (tenant_id, dedupe_key, recipient, template, locale, data)
                   values (${tenant.id}, ${`bad:${to}`}, ${to}, 'sign-in-code', 'en', '{"code": "nope"}')`;
    await mails.drain();
    const state = await row(to);
    assert.equal(state.status, 'failed');
    assert.match(state.last_error ?? '', /code/);
    assert.equal(receivedBy(server, to).length, 0);
  });

  test('two dispatchers draining at once send every mail exactly once', async () => {
    const server = await smtp();
    const one = dispatcher(createSmtpMailer(server.url), { batchSize: 4 });
    const two = dispatcher(createSmtpMailer(server.url), { batchSize: 4 });
    const recipients = Array.from({ length: 24 }, recipient);
    for (const to of recipients) await enqueue(to);
    await Promise.all([one.drain(), two.drain(), one.drain()]);
    for (const to of recipients) assert.equal(receivedBy(server, to).length, 1, to);
  });

  test('stop() waits for the round in flight, and nothing is sent after it', async () => {
    let release: () => void = () => {};
    const sent: string[] = [];
    const slow: Mailer = {
      async send(message) {
        await new Promise<void>((resolve) => (release = resolve));
        sent.push(message.to);
      },
    };
    const mails = dispatcher(slow);
    const to = recipient();
    await enqueue(to);
    mails.wake();
    while (sent.length === 0 && (await row(to)).attempts === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const stopped = mails.stop();
    setTimeout(() => release(), 50);
    await stopped;
    assert.ok(sent.includes(to));
    assert.equal((await row(to)).status, 'sent');
  });

  test('an appointment mail reaches the mailer with its .ics invitation attached', async () => {
    const capture = new CaptureMailer();
    const mails = dispatcher(capture);
    const to = recipient();
    await enqueueAppointment(to, 'appointment-booked');
    await enqueueAppointment(to, 'appointment-cancelled');
    await mails.drain();
    const byMethod = new Map(capture.list(to).map((mail) => [/method=(\w+)/.exec(mail.attachments?.[0]?.contentType ?? '')?.[1], mail]));
    assert.deepEqual([...byMethod.keys()].sort(), ['CANCEL', 'REQUEST']);
    for (const [method, mail] of byMethod) {
      assert.equal(mail.attachments!.length, 1);
      const [invite] = mail.attachments!;
      assert.equal(invite!.filename, 'appointment.ics');
      assert.equal(invite!.contentType, `text/calendar; charset=utf-8; method=${method}`);
      assert.match(invite!.content, new RegExp(`\r\nMETHOD:${method}\r\n[^]*\r\nUID:${APPOINTMENT.uid}\r\n`));
      assert.match(mail.text, /Audiometria com Dra\. Helena/);
    }
    assert.equal((await row(to)).status, 'sent');
  });

  test('over SMTP the invitation goes as a text/calendar alternative and an .ics attachment', async () => {
    const server = await smtp();
    const mails = dispatcher(createSmtpMailer(server.url));
    const to = recipient();
    await enqueueAppointment(to, 'appointment-booked');
    await mails.drain();
    const [mail] = receivedBy(server, to);
    assert.ok(mail, 'the mail arrived');
    assert.match(mail.headers.get('content-type') ?? '', /^multipart\/mixed/);
    const parts = mail.raw.split(/\r?\n--[^\r\n]+\r?\n/);
    const part = (type: RegExp) => parts.find((piece) => type.test(/^content-type:([^\r\n]*)/im.exec(piece)?.[1] ?? ''));
    /** A part's body, its transfer encoding (base64 or quoted-printable) undone. */
    const decode = (piece: string) => {
      const body = piece.slice(piece.search(/\r?\n\r?\n/)).trim();
      if (/content-transfer-encoding: *base64/i.test(piece)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8').trim();
      const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
      return Buffer.from(bytes, 'latin1').toString('utf8').trim();
    };
    const alternative = part(/text\/calendar; charset=utf-8; method=REQUEST/i);
    assert.ok(alternative, 'a text/calendar part with the method, for mail clients to offer the event');
    assert.match(decode(alternative), new RegExp(`\r\nMETHOD:REQUEST\r\n[^]*\r\nUID:${APPOINTMENT.uid}\r\n[^]*\r\nSUMMARY:Audiometria — Dra\\. Helena\r\n`));
    const attached = part(/application\/ics/i);
    assert.ok(attached, 'and the same file attached');
    assert.match(attached, /filename="?appointment\.ics"?/);
    assert.equal(decode(attached), decode(alternative));
    assert.ok(part(/text\/plain/i) && part(/text\/html/i), 'next to the text and HTML parts');
  });
});
