import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { APP_ROLE } from '../../server/db/roles.ts';
import { findTenancyViolations } from '../../server/db/tenancy-check.ts';
import { openDatabase } from '../../server/db/database.ts';
import { seedTenant, startTestServer, testDatabaseUrl, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let tenantA: { id: string; slug: string };
let tenantB: { id: string; slug: string };
const probeTable = `rls_probe_${process.pid}`;

before(async () => {
  server = await startTestServer();
  tenantA = await seedTenant(server.db);
  tenantB = await seedTenant(server.db);
  // A tenant-owned table made the way every feature's migration makes one.
  const sql = server.db.owner;
  await sql`create table ${sql(probeTable)} (id serial primary key, tenant_id uuid not null references tenants(id), note text not null)`;
  await sql`select portico_enable_tenant_rls(${probeTable}::regclass)`;
  await sql`grant select, insert, update, delete on ${sql(probeTable)} to ${sql(APP_ROLE)}`;
  await sql`grant usage on sequence ${sql(`${probeTable}_id_seq`)} to ${sql(APP_ROLE)}`;
  await sql`insert into ${sql(probeTable)} (tenant_id, note) values (${tenantA.id}, 'a1'), (${tenantA.id}, 'a2'), (${tenantB.id}, 'b1')`;
});
after(async () => {
  await server.db.owner`drop table if exists ${server.db.owner(probeTable)}`;
  await server.stop();
});

describe('the RLS catalog check (SECURITY.md 16)', () => {
  test('every tenant-owned table has RLS enabled, forced and scoped', async () => {
    assert.deepEqual(await findTenancyViolations(server.db.owner), []);
  });

  test('it looks at tables: the tenant registry and the probe table are among them', async () => {
    // Break both on purpose inside a transaction that is rolled back, and see the check notice.
    const rolledBack = new Error('rollback');
    await assert.rejects(
      server.db.owner.begin(async (tx) => {
        await tx`alter table tenants no force row level security`;
        await tx`alter table ${tx(probeTable)} disable row level security`;
        const tables = new Set((await findTenancyViolations(tx)).map((violation) => violation.table));
        assert.deepEqual([...tables].sort(), [probeTable, 'tenants'].sort());
        throw rolledBack;
      }),
      rolledBack,
    );
  });

  test('it fails on a new tenant table without RLS, with a nullable tenant_id, or with an open policy', async () => {
    const rolledBack = new Error('rollback');
    await assert.rejects(
      server.db.owner.begin(async (tx) => {
        await tx`create table careless_table (id int, tenant_id uuid)`;
        await tx`create table leaky_table (id int, tenant_id uuid not null)`;
        await tx`select portico_enable_tenant_rls('leaky_table'::regclass)`;
        await tx`create policy everyone_reads on leaky_table for select using (true)`;
        await tx`create table sly_table (id int, tenant_id uuid not null)`;
        await tx`select portico_enable_tenant_rls('sly_table'::regclass)`;
        await tx`create policy null_tenant_too on sly_table to ${tx(APP_ROLE)} using (portico_current_tenant() is null or tenant_id = portico_current_tenant())`;
        await tx`create policy anyone_edits_tenants on tenants for delete to public using (true)`;
        const violations = await findTenancyViolations(tx);
        const reasons = (table: string) => violations.filter((v) => v.table === table).map((v) => v.reason);
        assert.deepEqual(reasons('careless_table'), [
          'row-level security is not enabled',
          'row-level security is not forced',
          `has no policy for ${APP_ROLE}`,
          'tenant_id allows NULL',
        ]);
        assert.deepEqual(reasons('leaky_table'), ['a policy reads rows by true, not (tenant_id = portico_current_tenant())']);
        assert.equal(reasons('sly_table').length, 1);
        assert.match(reasons('sly_table')[0]!, /reads rows by .*IS NULL/i);
        assert.deepEqual(reasons('tenants'), ['a policy reads rows by true, not (id = portico_current_tenant())']);
        throw rolledBack;
      }),
      rolledBack,
    );
  });

  test('it fails when the app role could bypass RLS or owns a table', async () => {
    const rolledBack = new Error('rollback');
    await assert.rejects(
      server.db.owner.begin(async (tx) => {
        await tx`create table owned_by_app (id int, tenant_id uuid not null)`;
        await tx`select portico_enable_tenant_rls('owned_by_app'::regclass)`;
        await tx`grant create on schema public to ${tx(APP_ROLE)}`; // a new owner must be able to create there
        await tx`alter table owned_by_app owner to ${tx(APP_ROLE)}`;
        const violations = await findTenancyViolations(tx);
        assert.deepEqual(violations, [{ table: `(role ${APP_ROLE})`, reason: 'owns owned_by_app, so its policies do not apply to it' }]);
        throw rolledBack;
      }),
      rolledBack,
    );
  });
});

describe('withTenant: the second wall', () => {
  const notes = (rows: { note: string }[]) => rows.map((row) => row.note).sort();

  test('a tenant reads only its own rows, even when the query forgets to filter', async () => {
    const rowsA = await server.db.withTenant(tenantA.id, (tx) => tx<{ note: string }[]>`select note from ${tx(probeTable)}`);
    const rowsB = await server.db.withTenant(tenantB.id, (tx) => tx<{ note: string }[]>`select note from ${tx(probeTable)}`);
    assert.deepEqual(notes(rowsA), ['a1', 'a2']);
    assert.deepEqual(notes(rowsB), ['b1']);
  });

  test("a tenant cannot write a row into another tenant, nor change another's rows", async () => {
    await assert.rejects(
      server.db.withTenant(tenantA.id, (tx) => tx`insert into ${tx(probeTable)} (tenant_id, note) values (${tenantB.id}, 'sneaky')`),
      /row-level security/,
    );
    const changed = await server.db.withTenant(tenantA.id, (tx) => tx`update ${tx(probeTable)} set note = 'hacked' where note = 'b1'`);
    assert.equal(changed.count, 0);
    const all = await server.db.owner<{ note: string }[]>`select note from ${server.db.owner(probeTable)}`;
    assert.deepEqual(notes(all), ['a1', 'a2', 'b1']);
  });

  test('without a tenant, the app role reads nothing tenant-owned', async () => {
    const rows = await server.db.withoutTenant((tx) => tx`select note from ${tx(probeTable)}`);
    assert.equal(rows.count, 0);
  });

  test('a raw connection as the app role, with no tenant context, reads nothing', async () => {
    const rows = await server.db.owner.begin(async (tx) => {
      await tx`set local role ${tx(APP_ROLE)}`;
      return tx`select note from ${tx(probeTable)}`;
    });
    assert.equal(rows.count, 0);
  });

  test('the tenant context and the role end with the transaction', async () => {
    // One connection, so the check runs on the very session the tenant work used.
    const single = await openDatabase({ databaseUrl: testDatabaseUrl(), databasePoolSize: 1, dataDir: '' });
    try {
      await single.withTenant(tenantA.id, (tx) => tx`select 1`);
      const [row] = await single.owner`select current_setting('app.tenant_id', true) as tenant, current_user as role`;
      assert.ok(!row!.tenant, `tenant context leaked: ${row!.tenant}`);
      assert.notEqual(row!.role, APP_ROLE);
    } finally {
      await single.close();
    }
  });

  test('a tenant may update its own registry entry only', async () => {
    const renamed = await server.db.withTenant(tenantA.id, (tx) => tx`update tenants set name = 'Renamed A' where id in (${tenantA.id}, ${tenantB.id})`);
    assert.equal(renamed.count, 1);
    const [b] = await server.db.owner`select name from tenants where id = ${tenantB.id}`;
    assert.notEqual(b!.name, 'Renamed A');
  });

  test('a tenant id that is not a uuid is refused before it reaches SQL', async () => {
    await assert.rejects(server.db.withTenant("x' or 1=1 --", (tx) => tx`select 1`), TypeError);
  });
});
