import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres, { type Sql } from 'postgres';
import { openDatabase } from '../server/db/database.ts';

/** A database of its own for one scenario: what the server is started with, and a way to look inside afterwards. */
export interface ScenarioDatabase {
  kind: 'postgres' | 'embedded';
  /** The server's environment for it: DATABASE_URL, or DATA_DIR for the embedded PGlite. */
  env: Record<string, string>;
  /** Runs `work` on an owner connection. The embedded folder can be opened only while no server holds it. */
  query<T>(work: (sql: Sql<Record<string, never>>) => Promise<T>): Promise<T>;
  /** Drops the database or deletes the folder. */
  drop(): Promise<void>;
}

/** A new database `prefix_<random>` on the PostgreSQL server at `adminUrl` (a superuser's URL). */
export async function postgresDatabase(adminUrl: string, prefix: string): Promise<ScenarioDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin`create database ${admin(name)}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.href },
    async query(work) {
      const sql = postgres(url.href, { max: 1, onnotice: () => {} });
      try {
        return await work(sql);
      } finally {
        await sql.end({ timeout: 5 });
      }
    },
    async drop() {
      await admin`drop database if exists ${admin(name)} with (force)`;
      await admin.end({ timeout: 5 });
    },
  };
}

/** A new, empty embedded data folder. */
export async function embeddedDatabase(): Promise<ScenarioDatabase> {
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-soak-'));
  return {
    kind: 'embedded',
    env: { DATA_DIR: dataDir },
    async query(work) {
      const db = await openDatabase({ dataDir });
      try {
        return await work(db.owner);
      } finally {
        await db.close();
      }
    },
    drop: () => rm(dataDir, { recursive: true, force: true }),
  };
}
