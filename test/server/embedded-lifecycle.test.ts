import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { freePort, killServer, spawnServer, waitForUrl, type ServerProcess } from '../helpers/process.ts';

// The embedded database as `npm start` uses it, whatever DATABASE_URL the test run has: a data folder that
// must survive kill -9 and clean stops alike.
let dataDir: string;
let port: number;
const running: ServerProcess[] = [];

before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'portico-embedded-'));
  port = await freePort();
});
after(async () => {
  running.forEach(killServer);
  await rm(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ server: ServerProcess; url: string }> {
  const server = spawnServer({ DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' });
  running.push(server);
  await waitForUrl(server, 90_000);
  return { server, url: `http://127.0.0.1:${port}` };
}

const demoNames = async (url: string) =>
  Promise.all(['clinica-sol', 'martins-castro'].map(async (slug) => ((await (await fetch(`${url}/api/portal/tenants/${slug}`)).json()) as { name: string }).name));

test('first start creates the database, migrates and seeds the demo', async () => {
  const { server, url } = await start();
  assert.match(server.stdout(), /database: embedded PGlite/);
  assert.equal((await fetch(`${url}/ready`)).status, 200);
  assert.deepEqual(await demoNames(url), ['Clínica Sol', 'Martins Castro']);
  assert.ok(existsSync(join(dataDir, 'run/lock.sock')));

  server.child.kill('SIGKILL');
  assert.equal(await server.exited, 'SIGKILL');
});

test('after kill -9, the next start finds the data intact and does not seed again', async () => {
  const { server, url } = await start();
  assert.equal((await fetch(`${url}/ready`)).status, 200);
  assert.deepEqual(await demoNames(url), ['Clínica Sol', 'Martins Castro']);
  assert.doesNotMatch(server.stdout() + server.stderr(), /demo tenants seeded/);

  // A second server on the same folder would corrupt it: it must refuse, in one line.
  const intruder = spawnServer({ DATA_DIR: dataDir, PORT: String(await freePort()), HOST: '127.0.0.1' });
  running.push(intruder);
  assert.equal(await intruder.exited, 1);
  assert.match(intruder.stderr().trim(), /^portico: Cannot open the embedded database: .* is in use by another running Portico$/);

  server.child.kill('SIGTERM');
  assert.equal(await server.exited, 0);
  assert.ok(!existsSync(join(dataDir, 'run/lock.sock')), 'a clean stop releases the folder');
});

test('after a clean stop, the folder opens again', async () => {
  const { server, url } = await start();
  assert.deepEqual(await demoNames(url), ['Clínica Sol', 'Martins Castro']);
  server.child.kill('SIGINT');
  assert.equal(await server.exited, 0);
});
