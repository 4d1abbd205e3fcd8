import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * Environment for a server that must start on an empty database of the backend under test: a new database on
 * the real PostgreSQL when the run has one, else a new embedded data folder.
 */
export async function freshDatabaseEnv(): Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }> {
  if (process.env.PORTICO_TEST_BACKEND === 'postgres' && process.env.DATABASE_URL) {
    const name = `portico_e2e_${randomBytes(4).toString('hex')}`;
    const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await admin`create database ${admin(name)}`;
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return {
      env: { DATABASE_URL: url.href },
      cleanup: async () => {
        await admin`drop database if exists ${admin(name)} with (force)`;
        await admin.end();
      },
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-e2e-'));
  return { env: { DATA_DIR: dataDir }, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}
