import { randomBytes } from 'node:crypto';
import { integrationCall, signIn, startPortico } from './clients.ts';
import type { ThrowawayPostgres } from './cluster.ts';
import { crashDuringWrites, type CrashResult } from './crash.ts';
import { embeddedDatabase, postgresDatabase, type ScenarioDatabase } from './database.ts';
import { mountTinyStore, uploadsOnFullDisk, type DiskFullResult } from './disk-full.ts';
import { databaseOutage, type OutageResult } from './outage.ts';

/** A scenario that could not run here, and why (the soak then fails: a fault not tried is not a fault survived). */
export interface NotRun {
  notRun: string;
}

export interface FaultFigures {
  crash: { postgres: CrashResult | NotRun; embedded: CrashResult | NotRun };
  databaseRestart: OutageResult | NotRun;
  diskFull: DiskFullResult | NotRun;
}

export interface FaultOptions {
  /** The soak's own PostgreSQL cluster (never the shared one), or why there is none. */
  postgres: ThrowawayPostgres | NotRun;
  /** Write operations fired at once in each crash. */
  writes: number;
  say: (line: string) => void;
}

/** Every fault of the issue, one after the other, each on a database of its own. */
export async function faultFigures(options: FaultOptions): Promise<FaultFigures> {
  const { say } = options;
  const pg = 'notRun' in options.postgres ? undefined : options.postgres;
  const crash = (database: ScenarioDatabase) =>
    crashDuringWrites({ database, writes: options.writes, killAfterAnswers: Math.round(options.writes * 0.4), deliveryTimeoutMs: 300_000, say });

  say('• kill -9 during writes, SMTP and webhook receiver down (PostgreSQL)');
  const onPostgres = pg ? await withDatabase(await postgresDatabase(pg.url(), 'portico_soak_crash'), crash) : (options.postgres as NotRun);
  say('• kill -9 during writes, SMTP and webhook receiver down (embedded PGlite)');
  const onEmbedded = await withDatabase(await embeddedDatabase(), crash);
  say('• PostgreSQL stopped under load for 5 s, then started again');
  const databaseRestart = pg ? await restartUnderLoad(pg) : (options.postgres as NotRun);
  say('• uploads onto a full file store');
  const diskFull = pg ? await fullDisk(pg) : (options.postgres as NotRun);
  return { crash: { postgres: onPostgres, embedded: onEmbedded }, databaseRestart, diskFull };
}

async function withDatabase<T>(database: ScenarioDatabase, work: (database: ScenarioDatabase) => Promise<T>): Promise<T> {
  try {
    return await work(database);
  } finally {
    await database.drop();
  }
}

/** Stops the soak's own PostgreSQL under load from 20 clients, keeps it down 5 s, and starts it again. */
async function restartUnderLoad(pg: ThrowawayPostgres): Promise<OutageResult> {
  return withDatabase(await postgresDatabase(pg.url(), 'portico_soak_restart'), async (database) => {
    const metricsToken = randomBytes(24).toString('hex');
    const server = await startPortico({ ...database.env, METRICS_TOKEN: metricsToken, LOG_LEVEL: 'fatal' });
    try {
      const session = await signIn(server.url, 'clinica-sol');
      return await databaseOutage({
        target: { url: server.url, session, apiToken: 'clinica-sol', metricsToken },
        takeDown: () => pg.stop(),
        bringBack: () => pg.start(),
        downMs: 5_000,
        workers: 20,
        afterMs: 10_000,
      });
    } finally {
      await server.stop();
    }
  });
}

/** A Portico whose file storage is a 16 MB tmpfs, filled to the brim before the uploads. */
async function fullDisk(pg: ThrowawayPostgres): Promise<DiskFullResult | NotRun> {
  let store;
  try {
    store = await mountTinyStore(16 * 1024 * 1024);
  } catch (error) {
    return { notRun: `cannot mount a tmpfs here (${(error as Error).message.split('\n')[0]}); run the soak as root` };
  }
  try {
    return await withDatabase(await postgresDatabase(pg.url(), 'portico_soak_disk'), async (database) => {
      const server = await startPortico({ ...database.env, STORAGE_DIR: store.dir, LOG_LEVEL: 'fatal' });
      try {
        const session = await signIn(server.url, 'clinica-sol');
        const documents = (await (await integrationCall(server.url, 'clinica-sol', 'GET', '/documents?limit=1')).json()) as { items: { id: string }[] };
        return await uploadsOnFullDisk({ url: server.url, session, apiToken: 'clinica-sol', documentId: documents.items[0]!.id, store });
      } finally {
        await server.stop();
      }
    });
  } finally {
    await store.remove();
  }
}
