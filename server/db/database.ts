import postgres, { type Sql, type TransactionSql } from 'postgres';
import { APP_ROLE } from './roles.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded.ts';

/** A transaction running as the app role; feature queries take one of these. */
export type Tx = TransactionSql<Record<string, never>>;
/** The owner connection or a transaction on it: what operator tasks (migrations, seeds, CLI) run on. */
export type OwnerSql = Sql<Record<string, never>> | Tx;

/** The database as the rest of the server sees it. */
export interface Database {
  /** The connection user: migrations and operator tasks only, never request work (it may bypass RLS). */
  owner: Sql<Record<string, never>>;
  /** Which backend this is: a PostgreSQL server, or the embedded PGlite. */
  kind: 'postgres' | 'embedded';
  /** Runs `work` in a transaction as the app role with `app.tenant_id` set, so RLS shows only that tenant. */
  withTenant<T>(tenantId: string, work: (tx: Tx) => Promise<T>): Promise<T>;
  /** Runs `work` in a transaction as the app role with no tenant: only public data (the tenant registry) is visible. */
  withoutTenant<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The database could not be reached or opened; the message is one line for the operator. */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Connects to `databaseUrl`, or starts the embedded PGlite in `dataDir` when there is none,
 * and checks the connection works before answering.
 */
export async function openDatabase(options: { databaseUrl?: string; databasePoolSize?: number; dataDir: string }): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let owner: Sql<Record<string, never>>;
  // postgres.js waits longer after each failed connect (up to 20 s by default); capped at 1 s, requests fail fast
  // (503) while the database is away and a restarted database is in use again within a second.
  const reconnectDelay = (failures: number) => Math.min(0.05 * 2 ** failures, 1);
  const common = { onnotice: () => {}, connect_timeout: 10, idle_timeout: 60, backoff: reconnectDelay, connection: { application_name: 'portico' } };
  if (options.databaseUrl) {
    owner = postgres(options.databaseUrl, { ...common, max: options.databasePoolSize ?? 10 });
  } else {
    try {
      embedded = await startEmbeddedPostgres(options.dataDir);
    } catch (error) {
      throw new DatabaseUnavailableError(`Cannot open the embedded database: ${(error as Error).message}`);
    }
    // PGlite has one backend session: one connection keeps statements of different requests from interleaving.
    owner = postgres({ ...common, ...embedded.connection, user: 'postgres', database: 'postgres', max: 1 });
  }
  try {
    await owner`select 1`;
  } catch (error) {
    await owner.end({ timeout: 1 }).catch(() => {});
    await embedded?.stop().catch(() => {});
    throw new DatabaseUnavailableError(`Cannot reach the database${describeTarget(options.databaseUrl)}: ${describeError(error)}`);
  }

  async function scoped<T>(tenantId: string | null, work: (tx: Tx) => Promise<T>): Promise<T> {
    if (tenantId !== null && !UUID.test(tenantId)) throw new TypeError(`withTenant needs a tenant uuid, got '${tenantId}'`);
    const result = await owner.begin(async (tx) => {
      // Sent without waiting for its answer: postgres.js pipelines it with the work's first statement.
      const context = tx`select set_config('role', ${APP_ROLE}, true), set_config('app.tenant_id', ${tenantId ?? ''}, true)`.execute();
      const [, value] = await Promise.all([context, work(tx as Tx)]);
      return value;
    });
    return result as T;
  }

  return {
    owner,
    kind: embedded ? 'embedded' : 'postgres',
    withTenant: (tenantId, work) => scoped(tenantId, work),
    withoutTenant: (work) => scoped(null, work),
    async close() {
      await owner.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}

function describeTarget(databaseUrl?: string): string {
  if (!databaseUrl) return '';
  const url = new URL(databaseUrl);
  return ` at ${url.hostname}:${url.port || 5432}${url.pathname}`;
}

function describeError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  return [code, message].filter(Boolean).join(' ') || String(error);
}
