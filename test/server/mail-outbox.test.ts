import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../server/db/database.ts';
import { enqueueMail, type OutboxMail } from '../../server/mail/outbox.ts';
import { seedTenant } from '../helpers/server.ts';
import { openMailTestDatabase } from '../helpers/smtp.ts';

let db: Database;
let tenant: { id: string; slug: string };
let other: { id: string; slug: string };

before(async () => {
  db = await openMailTestDatabase();
  tenant = await seedTenant(db);
  other = await seedTenant(db);
});
after(() => db.close());

const mail = (dedupeKey: string, overrides: Partial<OutboxMail<'sign-in-code'>> = {}): OutboxMail<'sign-in-code'> => ({
  tenantId: tenant.id,
  dedupeKey,
  to: 'ana@example.com',
  template: 'sign-in-code',
  locale: 'pt-BR',
  data: { code: '123456', expiresInMinutes: '10' },
  ...overrides,
});

async function outboxRows(dedupeKey: string) {
  return db.owner<{ recipient: string; template: string; locale: string; data: unknown; status: string; attempts: number }[]>`
    select recipient, template, locale, data, status, attempts from outbox where tenant_id = ${tenant.id} and dedupe_key = ${dedupeKey}`;
}

describe('enqueueMail', () => {
  test('writes one pending row with the checked data', async () => {
    const inserted = await db.withTenant(tenant.id, (tx) => enqueueMail(tx, mail('event-1')));
    assert.equal(inserted, true);
    const rows = await outboxRows('event-1');
    assert.equal(rows.length, 1);
    assert.deepEqual(rows[0], {
      recipient: 'ana@example.com',
      template: 'sign-in-code',
      locale: 'pt-BR',
      data: { code: '123456', expiresInMinutes: 10 },
      status: 'pending',
      attempts: 0,
    });
  });

  test('is idempotent per dedupe key: one event, one mail', async () => {
    const first = await db.withTenant(tenant.id, (tx) => enqueueMail(tx, mail('event-2')));
    const again = await db.withTenant(tenant.id, (tx) => enqueueMail(tx, mail('event-2', { to: 'other@example.com' })));
    const parallel = await Promise.all(Array.from({ length: 5 }, () => db.withTenant(tenant.id, (tx) => enqueueMail(tx, mail('event-2')))));
    assert.deepEqual([first, again, ...parallel], [true, false, false, false, false, false, false]);
    const rows = await outboxRows('event-2');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.recipient, 'ana@example.com');
  });

  test('the same key in another tenant is another mail', async () => {
    await db.withTenant(tenant.id, (tx) => enqueueMail(tx, mail('event-3')));
    const inserted = await db.withTenant(other.id, (tx) => enqueueMail(tx, mail('event-3', { tenantId: other.id })));
    assert.equal(inserted, true);
  });

  test('is rolled back with the transaction of the change that caused it', async () => {
    await assert.rejects(
      db.withTenant(tenant.id, async (tx) => {
        await enqueueMail(tx, mail('event-4'));
        throw new Error('the change failed');
      }),
      /the change failed/,
    );
    assert.equal((await outboxRows('event-4')).length, 0);
    // Nothing of the failed attempt blocks the retry of the same event.
    assert.equal(await db.withTenant(tenant.id, (tx) => enqueueMail(tx, mail('event-4'))), true);
  });

  test('cannot write mail for another tenant than the transaction is in', async () => {
    await assert.rejects(db.withTenant(other.id, (tx) => enqueueMail(tx, mail('event-5'))), /row-level security/);
    assert.equal((await outboxRows('event-5')).length, 0);
  });

  test('refuses data that does not fit the template, and anything but one plain address', async () => {
    const attempt = (overrides: Partial<OutboxMail<'sign-in-code'>>) => db.withTenant(tenant.id, (tx) => enqueueMail(tx, mail('event-6', overrides)));
    await assert.rejects(attempt({ data: { code: 'abc', expiresInMinutes: 10 } }), /code/);
    await assert.rejects(attempt({ template: 'reset' as never }), /link/);
    for (const to of ['ana@example.com, eve@example.com', 'Ana <ana@example.com>', 'ana@example.com\r\nBcc: eve@example.com', 'not-an-address']) {
      await assert.rejects(attempt({ to }), /plain e-mail address/, to);
    }
    assert.equal((await outboxRows('event-6')).length, 0);
  });
});
