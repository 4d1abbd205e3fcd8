import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../bench/processes.ts';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the soak's own, in a temporary folder on a free port, that the soak may stop and start:
 * the shared cluster on 5432 is never touched. Trust auth on 127.0.0.1, superuser `postgres`.
 */
export interface ThrowawayPostgres {
  port: number;
  /** A URL for `database` on this cluster. */
  url(database?: string): string;
  /** Stops the server (fast shutdown: sessions are cut, as in a failover or a restart for an upgrade). */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops it for good and deletes its folder. */
  destroy(): Promise<void>;
}

/** Where initdb and pg_ctl are: PG_BIN, or the newest /usr/lib/postgresql/<version>/bin; undefined when absent. */
export function postgresBinaries(): string | undefined {
  if (process.env.PG_BIN) return existsSync(join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : undefined;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const versions = readdirSync(base).filter((version) => existsSync(join(base, version, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions[0] && join(base, versions[0], 'bin');
}

/** Creates and starts a throwaway cluster. As root, its programs run as the `postgres` user (PostgreSQL refuses root). */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('no PostgreSQL binaries (initdb, pg_ctl) found; set PG_BIN');
  const asRoot = userInfo().uid === 0;
  const folder = await mkdtemp(join(tmpdir(), 'portico-soak-pg-'));
  const data = join(folder, 'data');
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: group } = await run('id', ['-g', 'postgres']);
    await chown(folder, Number(stdout.trim()), Number(group.trim()));
  }
  const pg = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args);
  const port = await freePort();
  await pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=200`;
  const start = async () => void (await pg('pg_ctl', ['-D', data, '-o', options, '-l', join(folder, 'server.log'), '-w', '-t', '60', 'start']));
  const stop = async () => void (await pg('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']));
  await start();
  let running = true;
  return {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: async () => {
      await stop();
      running = false;
    },
    start: async () => {
      await start();
      running = true;
    },
    destroy: async () => {
      if (running) await stop().catch(() => undefined);
      await rm(folder, { recursive: true, force: true });
    },
  };
}
