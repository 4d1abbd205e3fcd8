import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CLINICA_SOL_PEOPLE, DEMO_SIGN_INS } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The whole portal in one tag (portal.html of each demo site): the menu of the account's modules, sections as deep
// links the back button walks, and a module switched off for one account only.
let demo: DemoServer;

before(async () => {
  demo = await startDemoServer();
});
after(() => demo?.stop());

const menu = (page: Page) => page.locator('portal-app [part~=nav-link]');
const menuLabels = async (page: Page) => (await menu(page).allTextContents()).map((text) => text.trim());

async function signIn(page: Page, slug: 'clinica-sol' | 'martins-castro') {
  await page.goto(`${demo.url}/demo/${slug}/portal.html`);
  await page.locator('portal-login input[name=email]').waitFor({ timeout: 30_000 });
  await page.fill('portal-login input[name=email]', DEMO_SIGN_INS[slug].email);
  await page.fill('portal-login input[name=password]', DEMO_SIGN_INS[slug].password);
  await page.keyboard.press('Enter');
  await menu(page).first().waitFor();
}

test('Clínica Sol: rh walks the menu and the back button returns to the previous section', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await signIn(page, 'clinica-sol');
  assert.deepEqual(await menuLabels(page), ['Início', 'Financeiro', 'Meus processos', 'Documentos', 'Agendamentos', 'Solicitações', 'Meus dados', 'Novidades', 'Materiais de apoio', 'Vantagens']);
  await menu(page).filter({ hasText: 'Documentos' }).click();
  await page.locator('portal-app portal-documents [part~=document]').first().waitFor();
  assert.match(page.url(), /#documents$/);
  await menu(page).filter({ hasText: 'Agendamentos' }).click();
  await page.locator('portal-app portal-appointments select[name=service]').waitFor();
  assert.match(page.url(), /#appointments$/);
  await page.goBack();
  await page.locator('portal-app portal-documents [part~=document]').first().waitFor();
  assert.equal(await menu(page).filter({ hasText: 'Documentos' }).getAttribute('aria-current'), 'page');
  // A shared link opens its section directly.
  await page.goto(`${demo.url}/demo/clinica-sol/portal.html#requests`);
  await page.locator('portal-app portal-requests').waitFor();
  assert.equal(await menu(page).filter({ hasText: 'Solicitações' }).getAttribute('aria-current'), 'page');
  assert.deepEqual(errors, []);
  await page.close();
});

test('Clínica Sol: Ana’s account has billing and documents switched off, so her menu has neither', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${demo.url}/demo/clinica-sol/portal.html`);
  const email = CLINICA_SOL_PEOPLE.firstAccessPerson.email;
  await page.getByRole('button', { name: 'Cadastrar-se com um código enviado por e-mail' }).click({ timeout: 30_000 });
  await page.fill('portal-login input[name=email]', email);
  await page.getByRole('button', { name: 'Enviar o código' }).click();
  let code: string | undefined;
  for (let i = 0; i < 100 && !code; i++) {
    const mails = (await (await fetch(`${demo.url}/dev/mail.json`)).json()) as { to: string; text: string }[];
    code = /\b(\d{6})\b/.exec(mails.find((mail) => mail.to === email)?.text ?? '')?.[1];
    if (!code) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await page.fill('portal-login input[name=code]', code!);
  await page.fill('portal-login input[name=new-password]', 'ana primeira senha');
  await page.fill('portal-login input[name=repeat-password]', 'ana primeira senha');
  await page.getByRole('button', { name: 'Criar meu acesso' }).click();
  await menu(page).first().waitFor();
  const labels = await menuLabels(page);
  assert.ok(!labels.includes('Financeiro') && !labels.includes('Documentos'), labels.join(', '));
  assert.ok(labels.includes('Agendamentos') && labels.includes('Meus dados'), labels.join(', '));
  // A link to a switched-off section lands on the home page instead.
  await page.goto(`${demo.url}/demo/clinica-sol/portal.html#billing`);
  await menu(page).first().waitFor({ timeout: 30_000 });
  assert.equal(await page.locator('portal-app portal-billing').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Martins Castro: Lucía walks the menu in Spanish and back', async () => {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  await signIn(page, 'martins-castro');
  const labels = await menuLabels(page);
  assert.ok(labels.includes('Mis expedientes') && labels.includes('Citas') && labels.includes('Novedades'), labels.join(', '));
  await menu(page).filter({ hasText: 'Mis expedientes' }).click();
  await page.locator('portal-app portal-process-tracker').waitFor();
  await menu(page).filter({ hasText: 'Citas' }).click();
  await page.locator('portal-app portal-appointments').waitFor();
  assert.match(page.url(), /#appointments$/);
  await page.goBack();
  assert.match(page.url(), /#processes/);
  await page.locator('portal-app portal-process-tracker').waitFor();
  const footer = page.locator('portal-app [part~=footer] a[href^="https://www.instagram.com/"]');
  assert.equal(await footer.getAttribute('rel'), 'noopener noreferrer');
  assert.deepEqual(errors, []);
  await page.close();
});
