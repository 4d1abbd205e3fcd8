import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_STAFF } from '../../demo/people.ts';
import { totpCode } from '../../server/features/staff/totp.ts';
import { axeViolations } from '../helpers/axe.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// Issue 13 on the demo: the owner sees the webhook that points at the demo's receiver, sends it a test event and
// follows the delivery in the log; then adds an endpoint of their own and is shown its secret once.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

interface Received {
  tenant: string;
  type: string;
  signatureValid: boolean;
}

test('Martins Castro: a test event reaches the demo receiver signed, the log shows it delivered, a new endpoint shows its secret once', async () => {
  const context = await demo.browser.newContext({ locale: 'en-US' });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  const staff = DEMO_STAFF['martins-castro'];
  await page.goto(`${demo.url}/admin/?tenant=martins-castro`);
  await page.locator('admin-sign-in input[name=email]').fill(staff.email, { timeout: 30_000 });
  await page.locator('admin-sign-in input[name=password]').fill(staff.password);
  await page.keyboard.press('Enter');
  await page.locator('admin-sign-in input[name=code]').fill(totpCode(staff.totpSecret, new Date()));
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').getByRole('link', { name: 'Webhooks', exact: true }).click();
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 2, name: 'Webhooks' }).waitFor();
  const receiver = `${demo.url}/dev/webhooks/martins-castro`;
  await main.getByText(receiver).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the webhooks page');

  await main.getByRole('button', { name: `Send test event: ${receiver}` }).click();
  await main.getByRole('heading', { name: 'Delivery log' }).waitFor();
  // The log refreshes on request; the test event is delivered within moments.
  const delivered = main.getByRole('list', { name: 'Deliveries' }).getByRole('listitem').filter({ hasText: 'Test event' }).getByText('Delivered', { exact: true });
  for (let attempt = 0; attempt < 50 && !(await delivered.first().isVisible()); attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    await main.getByRole('button', { name: 'Refresh' }).click();
  }
  await delivered.first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the delivery log');
  const received = (await (await fetch(`${demo.url}/dev/webhooks.json`)).json()) as Received[];
  const ping = received.find((item) => item.tenant === 'martins-castro' && item.type === 'ping');
  assert.ok(ping?.signatureValid, 'the demo receiver got the test event with a valid signature');

  // A new endpoint of their own: the secret is shown once, then never again.
  await main.getByRole('button', { name: 'New endpoint' }).click();
  await main.getByRole('textbox', { name: /Address/ }).fill(`${receiver}?source=console`);
  await main.getByRole('checkbox', { name: /Appointment booked/ }).check();
  await main.getByRole('button', { name: 'Create endpoint' }).click();
  const secret = main.getByText(/^whsec_[\w-]{43}$/);
  await secret.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'the secret shown once');
  await main.getByRole('button', { name: 'Done' }).click();
  await secret.waitFor({ state: 'detached' });
  await main.getByText(`${receiver}?source=console`).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
