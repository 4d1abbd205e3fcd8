import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { loadMigrations, migrate, MigrationError, type Migration } from '../../server/db/migrate.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const id = `${process.pid}_${Date.now()}`;
const table = `migrations_test_${id}`;
const made = [`mig_a_${id}`, `mig_b_${id}`];

const migration = (version: number, sql: string): Migration => ({
  version,
  name: `step_${version}`,
  sql,
  checksum: createHash('sha256').update(sql).digest('hex'),
});
const first = migration(1, `create table ${made[0]} (id int)`);
const second = migration(2, `create table ${made[1]} (id int)`);

before(async () => {
  server = await startTestServer();
});
after(async () => {
  const sql = server.db.owner;
  for (const name of [...made, table]) await sql`drop table if exists ${sql(name)}`;
  await server.stop();
});

test("the project's migrations are numbered without gaps and are all applied at start", async () => {
  const migrations = await loadMigrations();
  assert.ok(migrations.length >= 1);
  const rows = await server.db.owner<{ version: number; checksum: string }[]>`select version, checksum from portico_migrations order by version`;
  assert.deepEqual(
    rows.map((row) => [row.version, row.checksum]),
    migrations.map((m) => [m.version, m.checksum]),
  );
});

test('pending migrations are applied once, in order, and recorded', async () => {
  assert.deepEqual(await migrate(server.db.owner, [first], table), [1]);
  assert.deepEqual(await migrate(server.db.owner, [first, second], table), [2]);
  assert.deepEqual(await migrate(server.db.owner, [first, second], table), []);
  const [row] = await server.db.owner`select count(*)::int as count from ${server.db.owner(table)}`;
  assert.equal(row!.count, 2);
});

test('a failing migration leaves nothing behind: not its tables, not its record', async () => {
  const broken = migration(3, `create table mig_c_${id} (id int); select * from no_such_table`);
  await assert.rejects(migrate(server.db.owner, [first, second, broken], table));
  const [exists] = await server.db.owner`select to_regclass(${`mig_c_${id}`}) as t`;
  assert.equal(exists!.t, null);
  const [row] = await server.db.owner`select max(version)::int as version from ${server.db.owner(table)}`;
  assert.equal(row!.version, 2);
});

test('a database newer than the code refuses to start', async () => {
  await assert.rejects(migrate(server.db.owner, [first], table), (error: Error) => {
    assert.ok(error instanceof MigrationError);
    assert.match(error.message, /version 2, newer than this code knows \(1\)/);
    return true;
  });
});

test('an applied migration that was edited afterwards is refused', async () => {
  const edited = migration(1, `${first.sql} -- edited`);
  await assert.rejects(migrate(server.db.owner, [edited, second], table), /Migration 1 \(step_1\) was changed after it was applied/);
});
