import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Database } from '../../server/db/database.ts';
import { createLogger } from '../../server/http/logger.ts';
import { createTenant } from '../../server/features/tenants/queries.ts';
import type { NewTenant } from '../../server/features/tenants/schemas.ts';
import { startServer, type RunningServer, type StartOptions } from '../../server/start.ts';

/** The database the tests run on: `npm test` sets DATABASE_URL (a real PostgreSQL, or its embedded one). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Run the tests with `npm test`, which provides DATABASE_URL (embedded or real)');
  return url;
}

/** Settings for a test server: a free port, no demo, silent logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    DATABASE_URL: testDatabaseUrl(),
    DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'test',
    PORTICO_DEMO: 'false',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    STORAGE_DIR: join(tmpdir(), `portico-test-files-${process.pid}`),
    ...overrides,
  });
}

/** A Portico server on a free port, for tests that speak HTTP to it. */
export interface TestServer extends RunningServer {
  /** `fetch` relative to the server. */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/** Starts a real server (migrations included) on the test database. */
export async function startTestServer(overrides?: Record<string, string>, options?: StartOptions): Promise<TestServer> {
  const config = testConfig(overrides);
  const running = await startServer(config, createLogger(config.logLevel), options);
  const url = `http://127.0.0.1:${running.port}`;
  return { ...running, url, request: (path, init) => fetch(`${url}${path}`, init) };
}

/** A clock a test moves by hand. */
export function manualClock(start = new Date()): { now: () => Date; advance(seconds: number): void } {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (seconds) => void (current += seconds * 1000) };
}

/** A slug no other test (or earlier run on the same database) has used. */
export function uniqueSlug(prefix = 't'): string {
  return `${prefix}-${randomBytes(5).toString('hex')}`;
}

/** Creates a tenant with a fresh slug and returns its id and slug. */
export async function seedTenant(db: Database, overrides: Partial<NewTenant> = {}): Promise<{ id: string; slug: string }> {
  const slug = overrides.slug ?? uniqueSlug();
  const id = await createTenant(db.owner, { name: `Tenant ${slug}`, ...overrides, slug });
  return { id, slug };
}

/** Reads a problem+json answer, checking its media type. */
export async function readProblem(response: Response): Promise<{ code: string; status: number; detail: string; requestId: string; [key: string]: unknown }> {
  const type = response.headers.get('content-type');
  if (type !== 'application/problem+json') throw new Error(`expected application/problem+json, got ${type}`);
  return response.json() as never;
}
