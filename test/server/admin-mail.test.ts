import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { PREVIEW_LINK_SECONDS, readPreview } from '../../server/features/admin/mail-preview-links.ts';
import type { MailPreview, OutboxPage } from '../../server/features/admin/schemas.ts';
import { signDownload } from '../../server/features/documents/links.ts';
import type { AppError } from '../../server/http/problem.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { readProblem, startTestServer, type TestServer } from '../helpers/server.ts';
import { staffSession, type StaffFixture } from '../helpers/staff.ts';

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let owner: StaffFixture;
let otherOwner: StaffFixture;

const call = (path: string, token: string, body?: unknown) =>
  server.request(`/api/v1/mail${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

before(async () => {
  server = await startTestServer();
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  owner = await staffSession(server, f.tenant.id);
  otherOwner = await staffSession(server, other.tenant.id);
});
after(() => server.stop());

describe('mail in the console (G5, G6)', () => {
  test('a test mail goes through the outbox, is delivered, and its status is seen; the audit says who sent it', async () => {
    const sent = await call('/test', owner.token, { to: 'Marta@Example.com', locale: 'es' });
    assert.equal(sent.status, 202);
    const { id } = (await sent.json()) as { id: number };
    await server.mail.dispatcher.drain();
    const [mail] = server.mail.captured!.list('marta@example.com');
    assert.match(mail!.subject, /Correo de prueba/);
    const page = (await (await call('/outbox', owner.token)).json()) as OutboxPage;
    const item = page.items.find((entry) => entry.id === id);
    assert.equal(item?.status, 'sent');
    assert.equal(item?.template, 'test-mail');
    const [audit] = await server.db.owner<{ actor_type: string; actor_id: string }[]>`select actor_type, actor_id from audit_log where action = 'test-mail-sent' and subject_id = ${String(id)}`;
    assert.deepEqual([audit!.actor_type, audit!.actor_id], ['staff', owner.staffId]);
  });

  test('a failed mail is retried on demand; a sent one cannot be', async () => {
    const [row] = await server.db.owner<{ id: number }[]>`
      insert into outbox (tenant_id, dedupe_key, recipient, template, locale, data, status, attempts, last_error)
      values (${f.tenant.id}, 'failed-one', 'bounce@example.com', 'reset', 'pt-BR', ${server.db.owner.json({ link: 'https://x.example/#portico-link=abc', expiresInMinutes: 30 })}, 'failed', 8, 'SMTP 550 mailbox unavailable')
      returning id::int as id`;
    const failed = (await (await call('/outbox?status=failed', owner.token)).json()) as OutboxPage;
    assert.equal(failed.items[0]?.lastError, 'SMTP 550 mailbox unavailable');
    assert.equal((await call(`/outbox/${row!.id}/retry`, owner.token, {})).status, 202);
    await server.mail.dispatcher.drain();
    const [after] = await server.db.owner<{ status: string }[]>`select status from outbox where id = ${row!.id}`;
    assert.equal(after!.status, 'sent');
    const again = await call(`/outbox/${row!.id}/retry`, owner.token, {});
    assert.equal(again.status, 409);
    assert.equal((await readProblem(again)).code, 'mail_already_sent');
  });

  test('previews render every template in each locale with the portal name; unknown ones are 404', async () => {
    const { items } = (await (await call('/templates', owner.token)).json()) as { items: string[] };
    assert.ok(items.includes('activation') && items.includes('appointment-booked'));
    for (const template of items) {
      const response = await call(`/templates/${template}/preview?locale=en`, owner.token);
      assert.equal(response.status, 200, template);
      const preview = (await response.json()) as MailPreview;
      assert.ok(preview.subject.length > 0 && preview.html.startsWith('<!doctype html>') && preview.text.length > 0, template);
    }
    assert.equal((await call('/templates/nope/preview', owner.token)).status, 404);
    assert.equal((await call('/templates/activation/preview?locale=fr', owner.token)).status, 400);
  });

  test('a preview is also a page of its own, under its own policy, for the console’s sandboxed frame; its address cannot be forged', async () => {
    const preview = (await (await call('/templates/reset/preview?locale=es', owner.token)).json()) as MailPreview;
    assert.match(preview.htmlUrl, /^\/api\/v1\/mail\/templates\/preview\/[\w-]+\.[\w-]+\.[\w-]+$/);
    const page = await server.request(preview.htmlUrl);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(await page.text(), preview.html);
    const policy = page.headers.get('content-security-policy') ?? '';
    for (const directive of ["default-src 'none'", "style-src 'unsafe-inline'", "frame-ancestors 'self'", 'sandbox']) assert.ok(policy.split('; ').includes(directive), directive);
    assert.doesNotMatch(policy, /script-src/);
    assert.equal(page.headers.get('x-frame-options'), 'SAMEORIGIN');
    assert.match(page.headers.get('cache-control') ?? '', /no-store/);

    // The other portal's preview shows the other portal's name: the address carries its tenant, not the caller's.
    const theirs = (await (await call('/templates/reset/preview?locale=es', otherOwner.token)).json()) as MailPreview;
    const names = await server.db.owner<{ id: string; name: string }[]>`select id, name from tenants where id in (${f.tenant.id}, ${other.tenant.id})`;
    const nameOf = (id: string) => names.find((row) => row.id === id)!.name;
    assert.notEqual(nameOf(f.tenant.id), nameOf(other.tenant.id));
    assert.ok(preview.html.includes(nameOf(f.tenant.id)));
    assert.ok((await (await server.request(theirs.htmlUrl)).text()).includes(nameOf(other.tenant.id)));

    const token = preview.htmlUrl.split('/').at(-1)!;
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, tid: other.tenant.id })).toString('base64url');
    for (const bad of [`${header}.${forged}.${signature}`, `${token.slice(0, -2)}xx`, 'not-a-token', f.tenant.id]) {
      const answer = await server.request(`/api/v1/mail/templates/preview/${bad}`);
      assert.equal(answer.status, 403, bad);
      assert.equal((await readProblem(answer)).code, 'invalid_link');
    }
    // Five minutes later the address has expired (410, said so), and a download link is no preview address.
    await assert.rejects(readPreview(server.keys, token, new Date(Date.now() + (PREVIEW_LINK_SECONDS + 5) * 1000)), (error: AppError) => error.code === 'link_expired' && error.status === 410);
    const download = await signDownload(server.keys, { tenantId: f.tenant.id, documentId: f.tenant.id, userId: f.tenant.id, sessionId: f.tenant.id }, new Date());
    assert.equal((await server.request(`/api/v1/mail/templates/preview/${download.token}`)).status, 403);
  });

  test("one portal's staff never see or retry another's mail; API tokens and read-only staff are refused", async () => {
    const [row] = await server.db.owner<{ id: number }[]>`
      insert into outbox (tenant_id, dedupe_key, recipient, template, locale, data, status)
      values (${other.tenant.id}, 'other-one', 'private@example.com', 'reset', 'es', ${server.db.owner.json({ link: 'https://x.example/#portico-link=abc', expiresInMinutes: 30 })}, 'failed')
      returning id::int as id`;
    assert.equal((await call(`/outbox/${row!.id}/retry`, owner.token, {})).status, 404);
    const mine = (await (await call('/outbox', owner.token)).json()) as OutboxPage;
    assert.ok(mine.items.every((item) => item.to !== 'private@example.com'));
    assert.ok(((await (await call('/outbox', otherOwner.token)).json()) as OutboxPage).items.some((item) => item.id === row!.id));
    const { token } = await server.db.withTenant(f.tenant.id, (tx) =>
      createApiToken(tx, f.tenant.slug, { name: 'ERP', scopes: ['accounts:read'], expiresAt: new Date(Date.now() + 86_400_000) }),
    );
    assert.equal((await call('/outbox', token)).status, 403);
    const reader = await staffSession(server, f.tenant.id, { role: 'read-only' });
    assert.equal((await call('/test', reader.token, { to: 'x@example.com' })).status, 403);
  });

  test('bad input is a 400 and sends nothing', async () => {
    const before = await server.db.owner`select count(*)::int as n from outbox where tenant_id = ${f.tenant.id}`;
    for (const body of [{}, { to: 'not an e-mail' }, { to: 'a@example.com\r\nBcc: b@example.com' }, { to: 'a@example.com', extra: 1 }, { to: 'a@example.com', locale: 'fr' }]) {
      assert.equal((await call('/test', owner.token, body)).status, 400, JSON.stringify(body));
    }
    assert.equal((await call('/outbox?status=lost', owner.token)).status, 400);
    const after = await server.db.owner`select count(*)::int as n from outbox where tenant_id = ${f.tenant.id}`;
    assert.deepEqual(after, before);
  });
});
