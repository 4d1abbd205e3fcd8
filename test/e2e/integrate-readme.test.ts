import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import { launchChromium, watchForErrors } from '../helpers/browser.ts';
import { freshDatabaseEnv } from '../helpers/fresh-database.ts';
import { freePort, killServer, spawnServer, waitForUrl, type ServerProcess } from '../helpers/process.ts';

const run = promisify(execFile);
let server: ServerProcess;
let url: string;
let cleanup: () => Promise<void>;

/** The README's "Integrate your systems" example, pointed at this server. */
async function readmeExample(): Promise<string> {
  const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /<!-- integrate:start -->\s*```sh\n([\s\S]*?)```\s*<!-- integrate:end -->/.exec(readme)?.[1];
  assert.ok(block, 'the README has the example between its markers');
  assert.match(block, /^PORTICO=http:\/\/localhost:8787$/m);
  return block.replace(/^PORTICO=.*$/m, `PORTICO=${url}`);
}

before(async () => {
  const database = await freshDatabaseEnv();
  cleanup = database.cleanup;
  server = spawnServer({ ...database.env, PORT: String(await freePort()), HOST: '127.0.0.1' });
  url = await waitForUrl(server, 90_000);
});
after(async () => {
  killServer(server);
  await cleanup();
});

test('the README’s curl example works against the demo, twice, and its webhook arrives signed', async () => {
  const script = await readmeExample();
  const first = await run('bash', ['-e', '-o', 'pipefail', '-c', script]);
  assert.match(first.stdout, /"results":\[\{"externalId":"FAT-0042-01","id":"[0-9a-f-]{36}","result":"created"\}\]/);
  assert.match(first.stdout, /"type":"ping"/);
  assert.match(first.stdout, /"items":\[/);
  // Again: the account is the same one, the charge batch is answered from the first time (not done again).
  const second = await run('bash', ['-e', '-o', 'pipefail', '-c', script]);
  assert.match(second.stdout, /"result":"created"/, 'the replayed first answer');
  let received: { type: string; signatureValid: boolean }[] = [];
  for (let attempt = 0; attempt < 100 && received.filter((item) => item.type === 'ping').length < 2; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    received = (await (await fetch(`${url}/dev/webhooks.json`)).json()) as typeof received;
  }
  const pings = received.filter((item) => item.type === 'ping');
  assert.equal(pings.length, 2, 'one test event per run reached the demo receiver');
  assert.ok(pings.every((item) => item.signatureValid), 'each signed with its endpoint’s secret');
  const [charges] = [await (await fetch(`${url}/api/v1/billing/charges?externalId=FAT-0042-01`, { headers: { Authorization: `Bearer ${/TOKEN=(\S+)/.exec(script)![1]}` } })).json()] as { items: unknown[] }[];
  assert.equal(charges!.items.length, 1);
});

test('the API reference at /docs renders the document, deep links included, with nothing fetched elsewhere', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = watchForErrors(page);
    const elsewhere: string[] = [];
    const watch = (request: { url(): string }) => {
      if (!request.url().startsWith(url)) elsewhere.push(request.url());
    };
    page.on('request', watch);
    await page.goto(`${url}/docs`);
    await page.locator('.opblock').first().waitFor({ timeout: 30_000 });
    assert.match(await page.locator('.info .title').innerText(), /Portico API/);
    // A deep link opens one operation of the document (Swagger UI renders the groups as they scroll into view).
    const linked = await browser.newPage();
    const linkedErrors = watchForErrors(linked);
    linked.on('request', watch);
    await linked.goto(`${url}/docs#/Integration%20%C2%B7%20webhooks/postV1WebhooksByIdPing`);
    await linked.locator('.opblock.is-open', { hasText: '/api/v1/webhooks/{id}/ping' }).waitFor({ timeout: 30_000 });
    assert.match(await linked.locator('.opblock.is-open').innerText(), /Send a test event \(ping\) to one endpoint/);
    assert.deepEqual([...errors, ...linkedErrors], []);
    assert.deepEqual(elsewhere, []);
  } finally {
    await browser.close();
  }
});
