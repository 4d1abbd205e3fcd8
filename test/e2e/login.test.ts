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

/**
 * Everything the page could persist or read back: localStorage, sessionStorage, the cookies script can see, and the
 * names and records of every IndexedDB database — as one string, to search for a token in.
 */
async function persistedByPage(page: Page): Promise<string> {
  // A string, not a function: the test's transpiler would wrap named helpers in code the page does not have.
  return page.evaluate(`(async () => {
    const dump = (storage) => Object.keys(storage).map((key) => key + '=' + storage.getItem(key));
    const indexed = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(info.name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of Array.from(db.objectStoreNames)) {
        const all = await new Promise((resolve) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
        });
        indexed.push(info.name + '/' + store + '=' + JSON.stringify(all));
      }
      db.close();
    }
    return JSON.stringify({ local: dump(localStorage), session: dump(sessionStorage), cookie: document.cookie, indexed });
  })()`);
}

/** Signs in with the password on the open page and returns the access token the server answered with. */
async function signInAndCatchToken(page: Page, email: string, password: string): Promise<string> {
  const answer = page.waitForResponse((response) => response.url().endsWith('/api/portal/auth/sign-in') && response.status() === 200);
  await page.fill('portal-login input[name=email]', email);
  await page.fill('portal-login input[name=password]', password);
  await page.keyboard.press('Enter');
  const { accessToken } = (await (await answer).json()) as { accessToken: string };
  assert.match(accessToken, /^eyJ/, 'the sign-in answer carries the access token');
  return accessToken;
}

const JWT = /eyJ[\w-]+\.[\w-]+\.[\w-]+/;

test('SECURITY.md 12: the session stays in page memory and the HttpOnly cookie — nothing a script can read or the page keeps', async () => {
  const { page, errors } = await open('clinica-sol');
  const { email, password } = DEMO_SIGN_INS['clinica-sol'];
  const accessToken = await signInAndCatchToken(page, email, password);
  await page.getByText('Conta: Metalúrgica Horizonte Ltda').waitFor();
  const refresh = (await page.context().cookies()).find((cookie) => cookie.name.startsWith('__Host-'));
  assert.ok(refresh, 'the browser kept the refresh cookie');
  assert.equal(refresh.httpOnly, true);

  let persisted = await persistedByPage(page);
  assert.ok(!persisted.includes(accessToken), 'the access token was persisted');
  assert.ok(!persisted.includes(refresh.value), 'the refresh token is readable by the page');
  assert.doesNotMatch(persisted, JWT);
  // A reload brings the session back from the cookie (a new access token), and still nothing is kept by the page.
  const renewed = page.waitForResponse((response) => response.url().endsWith('/api/portal/auth/refresh') && response.status() === 200);
  await page.reload();
  const { accessToken: second } = (await (await renewed).json()) as { accessToken: string };
  await page.getByText('Conta: Metalúrgica Horizonte Ltda').waitFor({ timeout: 30_000 });
  persisted = await persistedByPage(page);
  assert.ok(!persisted.includes(second));
  assert.doesNotMatch(persisted, JWT);
  assert.deepEqual(errors, []);
  await page.close();
});

test('SECURITY.md 12: where the browser drops the refresh cookie, the session lives in memory until a reload — never in storage', async () => {
  const context = await browser.newContext();
  // A browser that refuses the cookie (as some Safari versions do with partitioned third-party cookies): the API's
  // answers reach the page without their Set-Cookie. Fetched from Node, not through the context, whose cookie jar
  // would keep the cookie.
  await context.route(`${url}/api/**`, async (route) => {
    const request = route.request();
    const answer = await fetch(request.url(), { method: request.method(), headers: await request.allHeaders(), body: request.postData() ?? undefined });
    const headers = Object.fromEntries([...answer.headers].filter(([name]) => !['set-cookie', 'content-encoding', 'content-length'].includes(name)));
    await route.fulfill({ status: answer.status, headers, body: Buffer.from(await answer.arrayBuffer()) }).catch(() => undefined);
  });
  const page = await context.newPage();
  await page.goto(`${url}/demo/clinica-sol/`);
  await page.locator('portal-login input[name=email]').waitFor({ timeout: 30_000 });
  const { email, password } = DEMO_SIGN_INS['clinica-sol'];
  const accessToken = await signInAndCatchToken(page, email, password);
  await page.getByText('Conta: Metalúrgica Horizonte Ltda').waitFor();
  assert.deepEqual(await context.cookies(), [], 'no cookie was kept');
  // Signed in all the same: the widgets work from the token in memory.
  assert.match((await brandSession(page).textContent()) ?? '', /rh@horizonte\.example/);
  const persisted = await persistedByPage(page);
  assert.ok(!persisted.includes(accessToken), 'the access token was persisted in place of the cookie');
  assert.doesNotMatch(persisted, JWT);
  // A reload forgets it: the visitor signs in again.
  await page.reload();
  await page.locator('portal-login input[name=email]').waitFor({ timeout: 30_000 });
  assert.equal(await brandSession(page).count(), 0);
  await context.unrouteAll({ behavior: 'ignoreErrors' });
  await context.close();
});
