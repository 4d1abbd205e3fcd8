import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_API_TOKENS, DEMO_SIGN_INS } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The walk-through on the demo: rh@horizonte.example sees what is pending, copies a typeable line,
// downloads an invoice PDF and asks for help with a charge; Lucía pays a fee by card on the demo's provider page.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

async function signIn(page: Page, slug: keyof typeof DEMO_SIGN_INS) {
  await page.goto(`${demo.url}/demo/${slug}/`);
  await page.fill('portal-login input[name=email]', DEMO_SIGN_INS[slug].email);
  await page.fill('portal-login input[name=password]', DEMO_SIGN_INS[slug].password);
  await page.keyboard.press('Enter');
}

test('Clínica Sol: pending summary, copy a typeable line, download an invoice, ask for help', async () => {
  const context = await demo.browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await signIn(page, 'clinica-sol');
  const billing = page.locator('portal-billing');
  await billing.getByRole('heading', { name: 'Algo pendente?' }).waitFor();
  await billing.getByText(/Vencido: R\$\s?[\d.]+,\d\d/).waitFor();

  // The first overdue charge: its payment options hold the typeable line, copied with one tap.
  const overdue = billing.locator('[part~=charge][data-status=overdue]').first();
  await overdue.getByRole('button', { name: /Opções de pagamento/ }).click();
  const line = (await overdue.locator('[part~=code]').first().textContent())!.trim();
  assert.match(line, /^\d{5}\.\d{5} \d{5}\.\d{6} \d{5}\.\d{6} \d \d{14}$/);
  await overdue.getByRole('button', { name: 'Copiar linha' }).click();
  await overdue.getByText('Linha copiada.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), line);

  // Invoices: the PDF arrives as a download with the server's name.
  await billing.getByRole('tab', { name: 'Notas e extratos' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), billing.locator('[part~=invoices]').getByRole('button', { name: /Baixar PDF/ }).first().click()]);
  assert.match(download.suggestedFilename(), /^NFS-e \d+\.pdf$/);
  assert.equal((await readFile((await download.path())!)).subarray(0, 5).toString(), '%PDF-');

  // "Need help with this charge?" opens the request form pre-filled, about that charge.
  await billing.getByRole('tab', { name: 'Cobranças' }).click();
  await overdue.getByRole('button', { name: 'Precisa de ajuda com esta cobrança?' }).click();
  const requests = page.locator('portal-requests');
  await requests.locator('textarea[name=description]').fill('O boleto venceu enquanto o financeiro estava de férias. Podem enviar um novo?');
  await requests.getByRole('button', { name: 'Enviar solicitação' }).click();
  await requests.getByText('Solicitação enviada.').waitFor();
  const inbox = (await (await fetch(`${demo.url}/api/v1/requests?category=financial`, { headers: { Authorization: `Bearer ${DEMO_API_TOKENS['clinica-sol']}` } })).json()) as { items: { subject: string; about: { type: string; id: string } | null }[] };
  const asked = inbox.items.find((item) => item.about?.type === 'charge');
  assert.ok(asked, 'the request is about the charge');
  const charge = await fetch(`${demo.url}/api/v1/billing/charges/${asked.about!.id}`, { headers: { Authorization: `Bearer ${DEMO_API_TOKENS['clinica-sol']}` } });
  assert.equal(((await charge.json()) as { status: string }).status, 'overdue');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Martins Castro: Lucía pays a fee by card on the provider’s page and sees it paid', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await signIn(page, 'martins-castro');
  const billing = page.locator('portal-billing');
  const due = billing.locator('[part~=charge][data-status=overdue]').first();
  await due.getByRole('button', { name: /Formas de pago/ }).click();
  const description = (await due.locator('strong').first().textContent())!;
  await due.getByRole('button', { name: 'Pagar con tarjeta' }).click();
  await page.waitForURL(/\/demo\/pay\/#/);
  await page.getByRole('button', { name: 'Pagar' }).click();
  await page.waitForURL(/\/demo\/martins-castro\/\?portal-payment=done/);
  const paid = page.locator('portal-billing [part~=charge]').filter({ hasText: description });
  await paid.locator('[part~=badge][data-status=paid]').waitFor();
  const charges = (await (await fetch(`${demo.url}/api/v1/billing/charges?status=paid&limit=100`, { headers: { Authorization: `Bearer ${DEMO_API_TOKENS['martins-castro']}` } })).json()) as { items: { description: string }[] };
  assert.ok(charges.items.some((item) => item.description === description), 'the business sees it paid');
  assert.deepEqual(errors, []);
  await page.close();
});
