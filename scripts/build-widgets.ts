/**
 * Builds the widget bundle into dist/public. With `--if-stale` it builds only when the bundle is missing or
 * its sources changed since the last build (a hash of the sources, not file times, which git checkouts reset).
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'dist/public');
const stampFile = join(outDir, '.sources-hash');

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]))),
  );
  return nested.flat();
}

/** A hash of everything that goes into the bundle: widget sources, shared server types, build config, lock file. */
export async function sourcesHash(): Promise<string> {
  const files = [
    ...(await listFiles(join(root, 'widgets'))),
    ...(await listFiles(join(root, 'server/features'))).filter((file) => file.endsWith('schemas.ts')),
    join(root, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ].sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(root, file)).update('\0').update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

/** Builds the bundle unless `ifStale` and it is already current; returns whether it built. */
export async function buildWidgets({ ifStale }: { ifStale: boolean }): Promise<boolean> {
  const hash = await sourcesHash();
  if (ifStale && existsSync(join(outDir, 'embed.js')) && (await readFile(stampFile, 'utf8').catch(() => '')) === hash) return false;
  const { build } = await import('vite');
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  await writeFile(stampFile, hash);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  buildWidgets({ ifStale: process.argv.includes('--if-stale') }).then(
    (built) => {
      if (built) process.stdout.write(`Widget bundle built in ${Date.now() - started} ms (dist/public)\n`);
    },
    (error) => {
      process.stderr.write(`portico: could not build the widget bundle: ${error.message}\n`);
      process.exit(1);
    },
  );
}
