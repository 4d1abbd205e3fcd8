import type { ServerType } from '@hono/node-server';
import { serve } from '@hono/node-server';
import { createApp, type AppDeps, type PorticoApp } from './app.ts';
import { serverUrl, type Config } from './config.ts';
import { openDatabase, type Database } from './db/database.ts';
import { loadMigrations, migrate } from './db/migrate.ts';
import { loadKeyStore } from './auth/keys.ts';
import { startHousekeeping } from './db/housekeeping.ts';
import { startMailDispatcher, type MailDispatcher } from './mail/dispatcher.ts';
import { startWebhookDispatcher, type WebhookDispatcher } from './features/webhooks/dispatcher.ts';
import { CaptureMailer, createSmtpMailer } from './mail/mailer.ts';
import { s3Storage } from './storage/s3.ts';
import { localStorage, type Storage } from './storage/storage.ts';
import { demoProvider } from './features/billing/payments/demo.ts';
import { stripeProvider } from './features/billing/payments/stripe.ts';
import type { Logger } from './http/logger.ts';

/** A running Portico: its address and a way to stop it cleanly. */
export interface RunningServer {
  url: string;
  port: number;
  db: Database;
  /** The app being served (tests add probe routes to it before the first request). */
  app: PorticoApp;
  /** The access-token signing keys. */
  keys: import('./auth/keys.ts').KeyStore;
  /** The outbox dispatcher, and the captured mail when there is no SMTP server. */
  mail: { dispatcher: MailDispatcher; captured?: CaptureMailer };
  /** The webhook deliveries dispatcher. */
  webhooks: WebhookDispatcher;
  /** Stops accepting, lets requests in flight finish (up to `graceMs`), then closes the database. */
  stop(graceMs?: number): Promise<void>;
}

/** The port is taken, or the address cannot be listened on; the message is one line for the operator. */
export class ListenError extends Error {
  override name = 'ListenError';
}

/** What a caller may add to a start: work on the database before the app serves (the demo seed), a test clock. */
export interface StartOptions {
  /** Runs after migrations and after the port is taken, before the first request is served. */
  prepare?: (db: Database, url: string, storage: Storage) => Promise<void>;
  clock?: AppDeps['clock'];
}

/**
 * Opens the database, applies migrations, takes the port, lets `prepare` run (the demo seed) and serves the app.
 * Whatever fails on the way, what was opened is closed again, so the embedded data folder is never left locked.
 */
export async function startServer(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  const db = await openDatabase(config);
  try {
    const migrations = await loadMigrations();
    const applied = await migrate(db.owner, migrations);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const keys = await loadKeyStore(db);
    const smtp = config.smtpUrl ? createSmtpMailer(config.smtpUrl) : undefined;
    const captured = smtp ? undefined : new CaptureMailer();
    let dispatcher: MailDispatcher | undefined;
    let webhooks: WebhookDispatcher | undefined;
    const storage = config.s3 ? s3Storage(config.s3) : localStorage(config.storageDir);
    let url = config.publicUrl ?? '';
    const app = createApp({
      config,
      db,
      logger,
      clock: options.clock ?? (() => new Date()),
      schemaVersion: migrations.length,
      keys,
      wakeMail: () => dispatcher?.wake(),
      wakeWebhooks: () => webhooks?.wake(),
      capturedMail: captured,
      storage,
      payments: config.stripe ? stripeProvider(config.stripe) : config.demo ? demoProvider({ baseUrl: () => url }) : undefined,
    });
    let ready: () => void = () => {};
    const preparing = new Promise<void>((resolve) => (ready = resolve));
    // Requests wait until `prepare` is done, so nobody sees a half-seeded demo.
    const server = await listen(async (request, env) => (await preparing, app.fetch(request, env)), config);
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    url = serverUrl(config, port);
    dispatcher = startMailDispatcher({ db, mailer: smtp ?? captured!, from: config.mailFrom, logger, publicUrl: url });
    webhooks = startWebhookDispatcher({ db, logger, ...config.webhooks });
    try {
      await options.prepare?.(db, url, storage);
    } catch (error) {
      server.close();
      await dispatcher.stop();
      await webhooks.stop();
      throw error;
    }
    ready();
    const mailDispatcher = dispatcher;
    const webhookDispatcher = webhooks;
    const housekeeping = startHousekeeping(db, options.clock ?? (() => new Date()), (error) => logger.warn({ err: error }, 'housekeeping failed'));
    return {
      url,
      port,
      db,
      app,
      keys,
      mail: { dispatcher: mailDispatcher, captured },
      webhooks: webhookDispatcher,
      stop: async (graceMs = 10_000) => {
        await stopServer(server, graceMs, logger);
        housekeeping.stop();
        await mailDispatcher.stop();
        await webhookDispatcher.stop();
        smtp?.close();
        await db.close();
        logger.debug('server, mail and database closed');
      },
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
        new ListenError(
          error.code === 'EADDRINUSE'
            ? `Port ${config.port} is already in use: stop the other server or set PORT to a free port`
            : `Cannot listen on ${config.host}:${config.port} (${error.code ?? error.message}): check HOST and PORT`,
        ),
      );
    });
  });
}

async function stopServer(server: ServerType, graceMs: number, logger?: Logger): Promise<void> {
  const http = server as import('node:http').Server;
  const closed = new Promise<void>((resolve) => http.close(() => resolve()));
  logger?.debug('stopped accepting connections');
  http.closeIdleConnections?.();
  const timer = setTimeout(() => http.closeAllConnections?.(), graceMs);
  await closed;
  clearTimeout(timer);
}
