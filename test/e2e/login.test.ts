import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CLINICA_SOL_PEOPLE, DEMO_SIGN_INS, MARTINS_CASTRO_PEOPLE } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';

// The demo sites as their clients use them: <portal-login> signs in, <portal-brand> elsewhere on the page follows.
let demo: DemoServer;
let url: string;
let browser: Browser;

before(async () => {
  demo = await startDemoServer();
  ({ url, browser } = demo);
});
after(() => demo?.stop());

async function open(slug: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors = watchForErrors(page);
  await page.goto(`${url}/demo/${slug}/`);
  await page.locator('portal-login input[name=email]').waitFor({ timeout: 30_000 });
  return { page, errors };
}

const brandSession = (page: Page) => page.locator('portal-brand [part=session]');

/** The newest mail to `to` at /dev/mail.json. */
async function mailTo(to: string): Promise<{ text: string }> {
  for (let i = 0; i < 100; i++) {
    const mails = (await (await fetch(`${url}/dev/mail.json`)).json()) as { to: string; text: string }[];
    const mail = mails.find((m) => m.to === to);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${to}`);
}

test("Ana's first access on clinica-sol: a code by e-mail, a password, signed in — the brand follows without a reload", async () => {
  const { page, errors } = await open('clinica-sol');
  const email = CLINICA_SOL_PEOPLE.firstAccessPerson.email;
  await page.getByRole('button', { name: 'Cadastrar-se com um código enviado por e-mail' }).click();
  await page.fill('portal-login input[name=email]', email);
  await page.getByRole('button', { name: 'Enviar o código' }).click();
  await page.getByText('Ele não é uma senha').waitFor();
  const code = /\b(\d{6})\b/.exec((await mailTo(email)).text)![1]!;
  await page.fill('portal-login input[name=code]', code);
  await page.fill('portal-login input[name=new-password]', 'ana primeira senha');
  await page.fill('portal-login input[name=repeat-password]', 'ana primeira senha');
  await page.getByRole('button', { name: 'Criar meu acesso' }).click();
  await page.getByText(`Conectado como ${email}`).first().waitFor();
  assert.equal(await brandSession(page).textContent(), `Conectado como ${email}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('rh@horizonte.example signs in with the keyboard, the session survives a reload, and signs out', async () => {
  const { page, errors } = await open('clinica-sol');
  await page.focus('portal-login input[name=email]');
  await page.keyboard.type(DEMO_SIGN_INS['clinica-sol'].email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_SIGN_INS['clinica-sol'].password);
  await page.keyboard.press('Enter');
  await page.getByText('Conta: Metalúrgica Horizonte Ltda').waitFor();
  assert.match((await brandSession(page).textContent()) ?? '', /rh@horizonte\.example/);
  await page.reload();
  await page.getByText('Conta: Metalúrgica Horizonte Ltda').waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Sair' }).click();
  await page.locator('portal-login input[name=email]').waitFor();
  assert.equal(await brandSession(page).count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test("Lucía's quick access by process number on martins-castro", async () => {
  const { page, errors } = await open('martins-castro');
  const process = MARTINS_CASTRO_PEOPLE.processes[0];
  await page.getByRole('button', { name: 'Entrar con el número de expediente' }).click();
  await page.fill('portal-login input[name=number]', process.number);
  await page.fill('portal-login input[name=access-key]', process.accessKey);
  await page.getByRole('button', { name: 'Abrir el expediente' }).click();
  await page.getByText('Está consultando un expediente').waitFor();
  assert.equal(await brandSession(page).textContent(), 'Consultando un expediente');
  await page.getByRole('button', { name: 'Salir' }).click();
  await page.locator('portal-login input[name=email]').waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a wrong password is said in the page’s language, next to the form', async () => {
  const { page } = await open('martins-castro');
  await page.fill('portal-login input[name=email]', DEMO_SIGN_INS['martins-castro'].email);
  await page.fill('portal-login input[name=password]', 'no es esta');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').getByText('Correo o contraseña incorrectos.').waitFor();
  await page.close();
});
