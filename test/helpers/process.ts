import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** A `server/main.ts` process started the way `npm start` starts it. */
export interface ServerProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/** Kills a spawned server now (for `after` hooks); harmless if it already exited. */
export function killServer(server: ServerProcess): void {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
}

/** Spawns the real server with `env` on top of a clean environment (no inherited DATABASE_URL or PORT). */
export function spawnServer(env: Record<string, string>): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (err += chunk));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  // A failed assertion must not leave a server running, nor keep the test file from finishing.
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  void exited.then(() => process.off('exit', reap));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Waits until the server prints its URL, and returns it; fails with what it printed if it exits first. */
export async function waitForUrl(server: ServerProcess, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /Portico is running on (\S+)/.exec(server.stdout());
    if (match) return match[1]!;
    const exit = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 100))]);
    if (exit !== undefined) throw new Error(`server exited (${exit}) before it started:\n${server.stderr()}`);
  }
  server.child.kill('SIGKILL');
  throw new Error(`server did not start within ${timeoutMs} ms:\n${server.stdout()}\n${server.stderr()}`);
}

/** Asks the OS for a port nobody is listening on. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
