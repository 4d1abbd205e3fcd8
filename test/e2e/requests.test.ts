import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_API_TOKENS, DEMO_SIGN_INS } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The walk-through: rh@horizonte.example opens a financial request, the business answers through
// /api/v1 with the demo API token, the answer shows in the widget and the e-mail at /dev/mail.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

test('a financial request, answered by the business, seen by the client', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${demo.url}/demo/clinica-sol/`);
  await page.fill('portal-login input[name=email]', DEMO_SIGN_INS['clinica-sol'].email);
  await page.fill('portal-login input[name=password]', DEMO_SIGN_INS['clinica-sol'].password);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Nova solicitação' }).click();
  await page.locator('portal-requests select').selectOption('financial');
  await page.locator('portal-requests input[name=subject]').fill('Desconto no boleto de novembro');
  await page.locator('portal-requests textarea[name=description]').fill('Pagamos adiantado; o desconto não apareceu.');
  await page.getByRole('button', { name: 'Enviar solicitação' }).click();
  await page.getByText('Solicitação enviada.').waitFor();

  const token = DEMO_API_TOKENS['clinica-sol'];
  const inbox = (await (await fetch(`${demo.url}/api/v1/requests?category=financial&status=open`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: { id: string; subject: string }[] };
  const request = inbox.items.find((item) => item.subject === 'Desconto no boleto de novembro')!;
  assert.ok(request, 'the request is in the business inbox');
  const reply = await fetch(`${demo.url}/api/v1/requests/${request.id}/replies`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ body: 'Corrigimos: o desconto vale no próximo boleto.', authorName: 'Financeiro' }),
  });
  assert.equal(reply.status, 201);

  await page.getByRole('button', { name: 'Voltar às minhas solicitações' }).click();
  await page.getByRole('button', { name: /Desconto no boleto de novembro/ }).click();
  await page.getByText('Corrigimos: o desconto vale no próximo boleto.').waitFor();
  assert.equal(await page.locator('portal-requests [part~=badge]').first().textContent(), 'Respondida');

  let mail: { subject: string; text: string } | undefined;
  for (let i = 0; i < 50 && !mail; i++) {
    const mails = (await (await fetch(`${demo.url}/dev/mail.json`)).json()) as { to: string; subject: string; text: string }[];
    mail = mails.find((m) => m.to === DEMO_SIGN_INS['clinica-sol'].email && m.text.includes(request.id));
    if (!mail) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(mail, 'the e-mail is at /dev/mail');
  assert.match(mail.subject, /respondeu/);
  assert.deepEqual(errors, []);
  await page.close();
});
