import { mkdir, rm } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** How postgres.js reaches the embedded database: a unix socket (the server), or loopback TCP (test runs). */
export type EmbeddedConnection = { path: string } | { host: string; port: number };

/** PGlite running in this process, served to postgres.js over a socket. */
export interface EmbeddedPostgres {
  connection: EmbeddedConnection;
  stop(): Promise<void>;
}

/** Another live process already serves this data folder. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/**
 * Opens (creating if needed) the PGlite database in `dataDir/pgdata` and serves it.
 *
 * By default it listens on a unix socket in `dataDir/run/`, a folder only this user can enter, so no other
 * local user can connect (PGlite has no passwords) — and with one connection at most, no other process of ours
 * either: all connections would share PGlite's single backend session. `tcp: true` (the test runner) serves
 * loopback TCP with room for the test processes that take turns.
 *
 * A lock socket in the same folder keeps two processes from opening one folder at once, which would corrupt it;
 * the kernel releases it when the process dies, even by `kill -9`, so a crash never leaves the folder locked.
 */
export async function startEmbeddedPostgres(dataDir: string, options: { tcp?: boolean } = {}): Promise<EmbeddedPostgres> {
  const runDir = resolve(dataDir, 'run');
  await mkdir(runDir, { recursive: true, mode: 0o700 });
  const lock = await acquireLock(join(runDir, 'lock.sock'), dataDir);
  try {
    // btree_gist: the appointments' exclusion constraint (a provider's uuid next to its time range in one gist index).
    const db = await PGlite.create(join(dataDir, 'pgdata'), { extensions: { btree_gist } });
    const socketPath = join(runDir, 'pg.sock');
    await rm(socketPath, { force: true }); // left by a process that died; we hold the lock
    const server = options.tcp
      ? new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 8 })
      : new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
    await server.start();
    const [host, port] = server.getServerConn().split(':');
    return {
      connection: options.tcp ? { host: host!, port: Number(port) } : { path: socketPath },
      async stop() {
        await server.stop();
        await db.close();
        await new Promise((done) => lock.close(done));
      },
    };
  } catch (error) {
    lock.close();
    throw error;
  }
}

async function acquireLock(path: string, dataDir: string): Promise<Server> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await listenOn(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    }
    if (await answers(path)) throw new DataDirInUseError(`${dataDir} is in use by another running Portico`);
    await rm(path, { force: true }); // a socket file without a listener: its process is gone
  }
  throw new DataDirInUseError(`Could not lock ${dataDir}`);
}

function listenOn(path: string): Promise<Server> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer((socket) => socket.destroy());
    server.once('error', reject);
    server.listen(path, () => {
      server.unref();
      resolvePromise(server);
    });
  });
}

function answers(path: string): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = createConnection(path);
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}
