import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** PGlite running in this process, reachable by postgres.js over a loopback socket. */
export interface EmbeddedPostgres {
  /** Connection options for postgres.js. */
  host: string;
  port: number;
  stop(): Promise<void>;
}

/** Another live process already serves this data folder. */
export class DataDirInUseError extends Error {
  override name = 'DataDirInUseError';
}

/**
 * Opens (creating if needed) the PGlite database in `dataDir/pgdata` and serves it on 127.0.0.1.
 * A pid file keeps two processes from opening one folder at once, which would corrupt it;
 * a pid file left by a killed process is taken over.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  const pidFile = join(dataDir, 'server.pid');
  await claimPidFile(pidFile);
  try {
    const db = await PGlite.create(join(dataDir, 'pgdata'));
    // All socket connections share PGlite's one backend session; the pool above it uses one connection.
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    const [host, port] = server.getServerConn().split(':');
    return {
      host: host!,
      port: Number(port),
      async stop() {
        await server.stop();
        await db.close();
        await rm(pidFile, { force: true });
      },
    };
  } catch (error) {
    await rm(pidFile, { force: true });
    throw error;
  }
}

async function claimPidFile(pidFile: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(pidFile, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(`The embedded database in ${pidFile.replace(/server\.pid$/, '')} is in use by process ${owner}`);
      }
      await rm(pidFile, { force: true });
    }
  }
  throw new DataDirInUseError(`Could not lock ${pidFile}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
