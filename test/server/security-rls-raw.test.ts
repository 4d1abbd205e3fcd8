/**
 * SECURITY.md 16, the second wall on its own: a raw connection (not the app's `withTenant`) that takes the app's role
 * and sets no tenant reads no row of any tenant-owned table, and can insert, change or delete none — whatever the
 * application code would have forgotten. The catalog check that every such table has RLS forced is in tenancy.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import postgres from 'postgres';
import { APP_ROLE } from '../../server/db/roles.ts';
import { manualClock, startTestServer, testDatabaseUrl, type TestServer } from '../helpers/server.ts';
import { caller, seedWorld, tenantTables, type World } from './security-fixture.ts';

const clock = manualClock(new Date('2026-03-25T13:00:00Z'));
let server: TestServer;
let world: World;
let raw: postgres.Sql;
let tables: string[];

/**
 * Tables this test may find empty even after its seeding, each with the reason (rows come from elsewhere). Every
 * other tenant table must hold rows, so "reads nothing" is not true merely because there is nothing.
 */
const MAY_BE_EMPTY: Record<string, string> = {
  payment_events: 'written by a payment provider’s webhook (billing-stripe.test.ts)',
  billing_customers: 'written when a card payment first reaches the provider (billing-stripe.test.ts)',
  staff_links: 'setup links of staff invited by e-mail (staff-auth.test.ts)',
  staff_challenges: 'second-factor challenges of a staff sign-in in progress (staff-auth.test.ts)',
  staff_recovery_codes: 'made when a staff member enrols a second factor (staff-auth.test.ts)',
  auth_links: 'e-mailed links (auth-flows.test.ts)',
  auth_codes: 'e-mailed codes (auth-flows.test.ts)',
  webhook_attempts: 'tries of a delivery, made by the dispatcher this test stops',
  profile_confirmations: 'a client confirming the profile (profile.test.ts)',
};

/** Runs `statement` on the raw connection as the app role with no tenant context, in a transaction rolled back. */
async function asAppRoleWithoutTenant<T>(statement: (sql: postgres.TransactionSql) => Promise<T>): Promise<T> {
  const rolledBack = Symbol('rollback');
  let result: T | undefined;
  await raw
    .begin(async (sql) => {
      // `set local`: PGlite's connections share one session, so nothing may outlive the transaction.
      await sql`select set_config('role', ${APP_ROLE}, true)`;
      result = await statement(sql);
      throw rolledBack;
    })
    .catch((error: unknown) => {
      if (error !== rolledBack) throw error;
    });
  return result as T;
}

/** The error code of `statement` as the app role without a tenant, or 'none' when it went through. */
async function refusal(statement: (sql: postgres.TransactionSql) => Promise<unknown>): Promise<string> {
  try {
    await asAppRoleWithoutTenant(statement);
    return 'none';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  world = await seedWorld(server, clock.now(), { rows: true });
  // A few rows the fixture does not make: a read, a view, feedback, an interest, a value, a reply, settings, an idempotent call, a logo.
  const call = caller(server, world.f.tenant.slug, world.token);
  const solo = { bearer: world.sessions.solo };
  const rh = { bearer: world.sessions.rh };
  for (const response of [
    call('GET', `/api/portal/news/${world.rows.news}`, rh),
    call('POST', `/api/portal/processes/${world.f.process.id}/seen`, solo),
    call('POST', '/api/portal/feedback', { ...solo, body: { rating: 5, comment: 'Ótimo' } }),
    call('POST', `/api/portal/campaigns/${world.rows.campaign}/interest`, rh),
    call('GET', `/api/portal/documents/${world.rows.document}/file`, rh),
    call('POST', `/api/v1/processes/${world.rows.process}/notices`, { body: { kind: 'notice', title: 'Aviso', body: 'Texto' } }),
    call('POST', `/api/v1/processes/${world.rows.process}/phase`, { body: { phase: 'fim' } }),
    call('PUT', `/api/v1/accounts/${world.f.company.id}/modules`, { body: { modules: { news: true } } }),
    call('PATCH', `/api/v1/profile/accounts/${world.f.company.id}`, { body: { values: { secField: 'Unimed' } } }),
    call('POST', `/api/v1/requests/${world.rows.request}/replies`, { body: { body: 'Enviado.' } }),
    call('PUT', '/api/v1/documents/settings', { body: { esocialIncludeRectified: false, esocialSinceMonths: 12 } }),
    call('PUT', '/api/v1/processes/settings', { body: { notifyClients: false } }),
    call('PUT', '/api/v1/requests/categories/general', { body: { enabled: true, labels: { 'pt-BR': 'Geral', es: 'General', en: 'General' } } }),
  ]) {
    const answer = await response;
    assert.ok(answer.status < 300, `${answer.url}: ${answer.status} ${await answer.text()}`);
  }
  const logo = await server.request('/api/v1/branding/logo', { method: 'PUT', headers: { Authorization: `Bearer ${world.token}`, 'Content-Type': 'image/png' }, body: (await import('./security-fixture.ts')).FILES['image/png'] });
  assert.equal(logo.status, 200, await logo.text());
  const idempotent = await server.request('/api/v1/billing/charges', {
    method: 'PUT',
    headers: { Authorization: `Bearer ${world.token}`, 'Content-Type': 'application/json', 'Idempotency-Key': 'security-rls-raw-1' },
    body: JSON.stringify({ items: [{ externalId: 'RLS-1', accountId: world.f.person.id, description: 'x', amount: 100, currency: 'BRL', issueDate: '2026-03-01', dueDate: '2026-04-01' }] }),
  });
  assert.equal(idempotent.status, 200, await idempotent.text());
  await server.mail.dispatcher.drain();
  await server.webhooks.stop();
  raw = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
  tables = await tenantTables(server.db.owner);
});
after(async () => {
  await raw?.end();
  await server.stop();
});

describe('a raw connection as the app role, without app.tenant_id (SECURITY.md 16)', () => {
  test('the rows are there: every tenant table but the listed ones holds some', async () => {
    const empty: string[] = [];
    for (const table of tables) {
      const [row] = await server.db.owner`select exists (select 1 from ${server.db.owner(table)}) as any`;
      if (!row!.any) empty.push(table);
    }
    assert.deepEqual(empty.filter((table) => !MAY_BE_EMPTY[table]), [], 'tables left empty by the seeding');
    assert.ok(tables.length > 50, `${tables.length} tenant tables`);
  });

  /** What the app role without a tenant sees of each table (one transaction each): a count, or the refusal's code. */
  async function countsWithout(context: (sql: postgres.TransactionSql) => Promise<unknown>): Promise<[string, number | string][]> {
    const counts: [string, number | string][] = [];
    for (const table of tables.filter((name) => name !== 'tenants')) {
      const count = await asAppRoleWithoutTenant(async (sql) => {
        await context(sql);
        return (await sql`select count(*)::int as n from ${sql(table)}`)[0]!.n as number;
      }).catch((error: { code?: string }) => `refused ${error.code}`);
      counts.push([table, count]);
    }
    return counts;
  }
  // A table the role may not read at all (42501) is as good as empty.
  const leaks = (counts: [string, number | string][]) => counts.filter(([, count]) => count !== 0 && count !== 'refused 42501');

  test('reads 0 rows of every tenant table (the tenant registry is public by design)', async () => {
    const who = await asAppRoleWithoutTenant(async (sql) => (await sql`select current_user as who, coalesce(current_setting('app.tenant_id', true), '') as tenant`)[0]!);
    assert.deepEqual({ ...who }, { who: APP_ROLE, tenant: '' });
    const counts = await countsWithout(async () => {});
    assert.deepEqual(leaks(counts), []);
    assert.equal(counts.length, tables.length - 1);
  });

  test('an empty app.tenant_id, as the app sets for public work, reads 0 rows too', async () => {
    assert.deepEqual(leaks(await countsWithout((sql) => sql`select set_config('app.tenant_id', '', true)`)), []);
  });

  test('inserts into every tenant table are refused (RLS or no privilege: 42501)', async () => {
    const outcomes: Record<string, string> = {};
    for (const table of tables) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      outcomes[table] = await refusal((sql) => sql`insert into ${sql(table)} (${sql(column)}) values (${world.f.tenant.id})`);
    }
    const accepted = Object.entries(outcomes).filter(([, code]) => code !== '42501');
    assert.deepEqual(accepted, []);
  });

  test('updates and deletes reach no row of any tenant table', async () => {
    const reached: string[] = [];
    for (const table of tables) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      for (const [verb, statement] of [
        ['update', (sql: postgres.TransactionSql) => sql`update ${sql(table)} set ${sql(column)} = ${sql(column)}`],
        ['delete', (sql: postgres.TransactionSql) => sql`delete from ${sql(table)}`],
      ] as const) {
        try {
          const result = await asAppRoleWithoutTenant(statement);
          if (result.count !== 0) reached.push(`${verb} ${table}: ${result.count} rows`);
        } catch (error) {
          // No privilege at all is a refusal too; anything else is not what this test expects.
          if ((error as { code?: string }).code !== '42501') reached.push(`${verb} ${table}: ${(error as Error).message}`);
        }
      }
    }
    assert.deepEqual(reached, []);
    const [still] = await server.db.owner`select count(*)::int as n from charges where tenant_id = ${world.f.tenant.id}`;
    assert.ok(still!.n > 0, 'the rows are still there');
  });
});
