import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Sql } from 'postgres';

/** The folder of versioned SQL migrations: `0001_name.sql`, `0002_name.sql`, … applied in order. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** One migration file. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

/** The database and the code disagree about the schema; starting would risk the data. */
export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Any fixed number: the advisory lock that keeps two instances from migrating at once. */
const MIGRATION_LOCK = 7_061_927_354;

/** Reads the migration files, in version order. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (!match) throw new MigrationError(`Migration file ${file} must be named like 0001_name.sql`);
    const sql = await readFile(`${dir}/${file}`, 'utf8');
    migrations.push({ version: Number(match[1]), name: match[2]!, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new MigrationError(`Migration versions must be 1, 2, 3 … without gaps (found ${migration.version} at position ${index + 1})`);
  });
  return migrations;
}

/**
 * Applies the pending migrations, each in its own transaction together with its record.
 * Refuses a database that is newer than the code, or whose applied migrations were edited since.
 * Returns the versions it applied. `table` records them (tests use their own).
 */
export async function migrate(sql: Sql<Record<string, never>>, migrations: Migration[], table = 'portico_migrations'): Promise<number[]> {
  // Under the lock too: two instances starting on an empty database would otherwise race to create it.
  await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`
      create table if not exists ${tx(table)} (
        version integer primary key,
        name text not null,
        checksum text not null,
        applied_at timestamptz not null default now()
      )`;
  });
  const appliedNow: number[] = [];
  for (const migration of migrations) {
    const applied = await sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
      const recorded = await tx<{ version: number; checksum: string }[]>`select version, checksum from ${tx(table)} order by version`;
      assertCompatible(recorded, migrations);
      if (recorded.some((row) => row.version === migration.version)) return false;
      try {
        await tx.unsafe(migration.sql);
      } catch (error) {
        const label = `${String(migration.version).padStart(4, '0')}_${migration.name}`;
        throw new MigrationError(`Migration ${label} failed, nothing of it was applied: ${(error as Error).message}`);
      }
      await tx`insert into ${tx(table)} (version, name, checksum) values (${migration.version}, ${migration.name}, ${migration.checksum})`;
      return true;
    });
    if (applied) appliedNow.push(migration.version);
  }
  return appliedNow;
}

function assertCompatible(recorded: { version: number; checksum: string }[], migrations: Migration[]): void {
  const known = migrations.length;
  const newest = recorded.at(-1)?.version ?? 0;
  if (newest > known) {
    throw new MigrationError(`The database schema is at version ${newest}, newer than this code knows (${known}): run a newer Portico against it`);
  }
  for (const row of recorded) {
    const migration = migrations[row.version - 1];
    if (migration && migration.checksum !== row.checksum) {
      throw new MigrationError(`Migration ${row.version} (${migration.name}) was changed after it was applied: add a new migration instead`);
    }
  }
}

/** The newest applied migration version, or 0 on an empty database. */
export async function schemaVersion(sql: Sql<Record<string, never>>): Promise<number> {
  const [row] = await sql<{ version: number }[]>`select coalesce(max(version), 0)::int as version from portico_migrations`;
  return row?.version ?? 0;
}
