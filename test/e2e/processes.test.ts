import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DEMO_API_TOKENS, DEMO_SIGN_INS, MARTINS_CASTRO_PEOPLE } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The walk-through on the martins-castro demo: Lucía signs in, switches between her two cases, reads a
// notice and asks for a review; then the same case through quick access shows read-only.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

const [nationality, renewal] = MARTINS_CASTRO_PEOPLE.processes;

test('Lucía follows her two cases, reads a notice and asks for a review', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${demo.url}/demo/martins-castro/`);
  await page.fill('portal-login input[name=email]', DEMO_SIGN_INS['martins-castro'].email);
  await page.fill('portal-login input[name=password]', DEMO_SIGN_INS['martins-castro'].password);
  await page.keyboard.press('Enter');
  const tracker = page.locator('portal-process-tracker');
  const choice = tracker.getByRole('combobox', { name: 'Expediente' });
  await choice.waitFor();

  const option = async (title: string) => (await choice.locator('option', { hasText: title }).getAttribute('value'))!;
  await choice.selectOption(await option(renewal.title));
  await tracker.getByText('Fase 2 de 5: Resolución').waitFor();
  await choice.selectOption(await option(nationality.title));
  await tracker.getByText('Fase 4 de 7: Requerimiento').waitFor();

  // The newest notices first, the unread ones in the "new since your last visit" box.
  await tracker.locator('[part~=new]').getByText('Qué necesitamos de usted').waitFor();
  await tracker.getByText('certificado de antecedentes penales', { exact: false }).first().waitFor();
  const link = tracker.getByRole('link', { name: /portal del Ministerio/ });
  assert.equal(await link.getAttribute('href'), 'https://www.mjusticia.gob.es/');

  await tracker.getByRole('button', { name: '¿Falta algo? Solicite una revisión' }).click();
  const requests = page.locator('portal-requests');
  await requests.locator('textarea[name=description]').fill('El certificado de antecedentes ya lo entregué en la oficina el martes.');
  await requests.getByRole('button', { name: 'Enviar solicitud' }).click();
  await requests.getByText('Solicitud enviada.').waitFor();
  const inbox = (await (await fetch(`${demo.url}/api/v1/requests?category=review`, { headers: { Authorization: `Bearer ${DEMO_API_TOKENS['martins-castro']}` } })).json()) as { items: { about: { type: string; id: string } | null }[] };
  assert.ok(inbox.items.some((item) => item.about?.type === 'process'), 'a review request about the process reached the business');
  assert.deepEqual(errors, []);
  await page.close();
});

test('quick access by number and key shows the one case, read-only', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${demo.url}/demo/martins-castro/`);
  await page.getByRole('button', { name: 'Entrar con el número de expediente' }).click();
  await page.fill('portal-login input[name=number]', nationality.number);
  await page.fill('portal-login input[name=access-key]', nationality.accessKey);
  await page.getByRole('button', { name: 'Abrir el expediente' }).click();
  const tracker = page.locator('portal-process-tracker');
  await tracker.getByText('Fase 4 de 7: Requerimiento').waitFor();
  assert.equal(await tracker.getByRole('combobox').count(), 0, 'no selector: one case');
  assert.equal(await tracker.getByRole('button', { name: /Solicite una revisión/ }).count(), 0, 'read-only');
  assert.deepEqual(errors, []);
  await page.close();
});
