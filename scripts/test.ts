/**
 * `npm test`: type check, server tests (node:test), widget tests (web-test-runner in Chromium), end-to-end tests
 * on the demo. Against DATABASE_URL when it is set; otherwise against an embedded PGlite started here for the run.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from '../server/db/embedded.ts';
import { buildWidgets } from './build-widgets.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromium = process.env.CHROME_PATH ?? '/usr/bin/chromium';

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  process.stdout.write(`\n▶ ${label}\n`);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.once('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${label} failed (${signal ?? `exit ${code}`})`))));
  });
}

async function testFiles(dir: string): Promise<string[]> {
  return (await readdir(join(root, dir))).filter((file) => file.endsWith('.test.ts')).sort().map((file) => join(dir, file));
}

async function main(): Promise<void> {
  if (!existsSync(chromium)) {
    process.stderr.write(
      `npm test needs Chromium for the widget tests and found none at ${chromium}.\n` +
        `Install it with: sudo apt-get install -y chromium   (or set CHROME_PATH to a Chromium binary)\n`,
    );
    process.exit(1);
  }
  const node = process.execPath;
  const env: NodeJS.ProcessEnv = { ...process.env, CHROME_PATH: chromium, NODE_ENV: 'test' };

  await run('Type check (tsc --noEmit)', node, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit'], env);
  if (await buildWidgets({ ifStale: true })) process.stdout.write('Widget bundle rebuilt for the end-to-end tests\n');

  let stopEmbedded: (() => Promise<void>) | undefined;
  if (env.DATABASE_URL) {
    env.PORTICO_TEST_BACKEND = 'postgres';
    process.stdout.write(`\nDatabase: PostgreSQL at DATABASE_URL\n`);
  } else {
    const dataDir = await mkdtemp(join(tmpdir(), 'portico-test-'));
    const embedded = await startEmbeddedPostgres(dataDir, { tcp: true });
    if (!('port' in embedded.connection)) throw new Error('the test database must listen on TCP');
    stopEmbedded = async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    };
    env.PORTICO_TEST_BACKEND = 'embedded';
    env.DATABASE_URL = `postgres://postgres@${embedded.connection.host}:${embedded.connection.port}/postgres`;
    // PGlite has one backend session: one connection per client keeps statements from interleaving.
    env.DATABASE_POOL_SIZE = '1';
    process.stdout.write(`\nDatabase: embedded PGlite (set DATABASE_URL to test on PostgreSQL)\n`);
  }

  try {
    const nodeTest = [node, '--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec'];
    await run('Server tests (node:test)', nodeTest[0]!, [...nodeTest.slice(1), ...(await testFiles('test/server'))], env);
    await run('Design checks (translations)', nodeTest[0]!, [...nodeTest.slice(1), ...(await testFiles('test/checks'))], env);
    await run('Widget tests (web-test-runner, Chromium)', node, [join(root, 'node_modules/@web/test-runner/dist/bin.js')], env);
    // Storybook needs no database: CI runs it once, on the first of its two database runs.
    if (!env.PORTICO_SKIP_STORYBOOK) {
      await run('Storybook (built, then every story in Chromium with axe)', nodeTest[0]!, [...nodeTest.slice(1), 'test/storybook/stories.test.ts'], env);
    }
    await run('End-to-end tests (the demo in Chromium)', nodeTest[0]!, [...nodeTest.slice(1), ...(await testFiles('test/e2e'))], env);
  } finally {
    await stopEmbedded?.();
  }
  process.stdout.write(`\n✔ All tests passed (${env.PORTICO_TEST_BACKEND} database)\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`\n✘ ${error.message}\n`);
  process.exit(1);
});
