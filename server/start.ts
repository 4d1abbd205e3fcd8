import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { createApp, type PorticoApp } from './app.ts';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { loadMigrations, migrate } from './db/migrate.ts';
import type { Logger } from './http/logger.ts';

/** A running Portico: its address and a way to stop it cleanly. */
export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  /** The app being served (tests add probe routes to it before the first request). */
  app: PorticoApp;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes the database. */
  stop(graceMs?: number): Promise<void>;
}

/** The port is taken; the message is one line for the operator. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/**
 * Opens the database, applies migrations, lets `prepare` run (the demo seed), builds the app and listens.
 * Whatever fails on the way, what was opened is closed again, so the embedded data folder is never left locked.
 */
export async function startServer(config: Config, logger: Logger, prepare?: (db: Database) => Promise<void>): Promise<RunningServer> {
  const db = await openDatabase(config);
  try {
    const migrations = await loadMigrations();
    const applied = await migrate(db.owner, migrations);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    await prepare?.(db);
    const app = createApp({ config, db, logger, clock: () => new Date(), schemaVersion: migrations.length });
    const server = await listen(app.fetch, config);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    return {
      url: config.publicUrl.replace(/:\d+$/, `:${port}`),
      port,
      db,
      app,
      stop: (graceMs = 10_000) => stopServer(server, db, graceMs, logger),
    };
  } catch (error) {
    await db.close().catch(() => {});
    throw error;
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port: config.port, hostname: config.host });
    server.once('listening', () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      server.close();
      reject(
        error.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${config.port} is already in use: stop the other server or set PORT to a free port`)
          : error,
      );
    });
  });
}

async function stopServer(server: ServerType, db: Database, graceMs: number, logger?: Logger): Promise<void> {
  const http = server as import('node:http').Server;
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  logger?.debug('stopped accepting connections');
  http.closeIdleConnections?.();
  const timer = setTimeout(() => http.closeAllConnections?.(), graceMs);
  await closed;
  clearTimeout(timer);
  await db.close();
  logger?.debug('server and database closed');
}
