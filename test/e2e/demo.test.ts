import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CLINICA_SOL_PEOPLE, DEMO_API_TOKENS, DEMO_SIGN_INS, MARTINS_CASTRO_PEOPLE } from '../../demo/people.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';
import { freePort, type ServerProcess } from '../helpers/process.ts';

// `npm start` on a fresh database, then the two demo sites in Chromium, as a visitor would see them.
let demo: DemoServer;
let server: ServerProcess;
let url: string;
let browser: Browser;
/** A third-party site the demo tenants allow (PORTICO_DEMO_ORIGINS), and one they do not. */
let allowedSitePort: number;
let foreignSitePort: number;

const demos = [
  { slug: 'clinica-sol', name: 'Clínica Sol', label: 'Idioma', lang: 'pt-BR' },
  { slug: 'martins-castro', name: 'Martins Castro', label: 'Idioma', lang: 'es' },
] as const;

before(async () => {
  [allowedSitePort, foreignSitePort] = [await freePort(), await freePort()];
  demo = await startDemoServer({ PORTICO_DEMO_ORIGINS: `http://127.0.0.1:${allowedSitePort}` });
  ({ server, url, browser } = demo);
});
after(() => demo?.stop());

describe('the demo sites', () => {
  for (const demo of demos) {
    test(`${demo.name}: the page embeds the portal with one tag and shows the tenant's brand, with no CSP or console error`, async () => {
      const page = await browser.newPage();
      const errors = watchForErrors(page);
      await page.goto(`${url}/demo/${demo.slug}/`);
      const name = page.locator('portal-brand [part=name]');
      await name.waitFor({ timeout: 30_000 });
      assert.equal(await name.textContent(), demo.name);
      assert.equal(await page.locator('script[src$="embed.js"]').count(), 1);
      assert.equal(await page.locator('portal-brand [part=language-select]').inputValue(), demo.lang);

      const tenant = (await (await fetch(`${url}/api/portal/tenants/${demo.slug}`)).json()) as { branding: { primaryColor: string; fontFamily: string } };
      const primary = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--portal-color-primary').trim());
      assert.equal(primary, tenant.branding.primaryColor);
      const font = await name.evaluate((element) => getComputedStyle(element).fontFamily);
      assert.equal(font.replaceAll('"', "'"), tenant.branding.fontFamily);
      assert.deepEqual(errors, []);
      await page.close();
    });
  }

  test('the brand comes from the tenant records, not from the pages: the sites set no --portal-* token', async () => {
    for (const demo of demos) {
      const css = await readFile(new URL(`../../demo/${demo.slug}/site.css`, import.meta.url), 'utf8');
      assert.doesNotMatch(css, /--portal-/, demo.slug);
    }
  });

  test('a visitor switches language and the choice survives a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${url}/demo/clinica-sol/`);
    const select = page.locator('portal-brand [part=language-select]');
    await select.selectOption('en');
    await page.locator('portal-brand [part=language]', { hasText: 'Language' }).waitFor();
    await page.reload();
    await page.locator('portal-brand [part=name]').waitFor();
    assert.equal(await select.inputValue(), 'en');
    await page.close();
  });

  test('on a 320 px phone the page does not scroll sideways', async () => {
    const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const demo of demos) {
      await page.goto(`${url}/demo/${demo.slug}/`);
      await page.locator('portal-brand [part=name]').waitFor();
      assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 320, demo.slug);
    }
    await page.close();
  });
});

describe('the demo people (printed at start)', () => {
  const auth = (slug: string, path: string, body: unknown) =>
    fetch(`${url}/api/portal/auth${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Portal-Tenant': slug }, body: JSON.stringify(body) });

  test('each tenant has a client who signs in with the printed password', async () => {
    assert.match(server.stdout(), new RegExp(`${DEMO_SIGN_INS['clinica-sol'].email} / ${DEMO_SIGN_INS['clinica-sol'].password}`));
    const rh = await auth('clinica-sol', '/sign-in', DEMO_SIGN_INS['clinica-sol']);
    assert.equal(rh.status, 200);
    const body = (await rh.json()) as { accounts: { name: string; establishments: unknown }[] };
    assert.deepEqual(body.accounts.map((a) => [a.name, a.establishments]), [['Metalúrgica Horizonte Ltda', 'all']]);
    assert.equal((await auth('martins-castro', '/sign-in', DEMO_SIGN_INS['martins-castro'])).status, 200);
    assert.equal((await auth('clinica-sol', '/sign-in', DEMO_SIGN_INS['martins-castro'])).status, 401, 'one tenant’s user is unknown to the other');
  });

  test("Lucía's two processes open by quick access; the branch user's invitation waits at /dev/mail", async () => {
    for (const process of MARTINS_CASTRO_PEOPLE.processes) {
      assert.equal((await auth('martins-castro', '/quick-access', { number: process.number, accessKey: process.accessKey })).status, 200);
    }
    let mails: { to: string; subject: string }[] = [];
    for (let i = 0; i < 50 && !mails.some((m) => m.to === CLINICA_SOL_PEOPLE.pendingBranchUser); i++) {
      mails = (await (await fetch(`${url}/dev/mail.json`)).json()) as typeof mails;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.ok(mails.some((m) => m.to === CLINICA_SOL_PEOPLE.pendingBranchUser), JSON.stringify(mails));
  });

  test('the demo API token reads each inbox, which already holds requests', async () => {
    for (const [slug, token] of Object.entries(DEMO_API_TOKENS)) {
      const inbox = (await (await fetch(`${url}/api/v1/requests`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: unknown[] };
      assert.ok(inbox.items.length >= 1, slug);
    }
  });

  test('Ana, a patient with no password yet, gets in through first access', async () => {
    assert.equal((await auth('clinica-sol', '/first-access', { email: CLINICA_SOL_PEOPLE.firstAccessPerson.email })).status, 202);
  });
});

describe('embedding on another site', () => {
  const sites: Server[] = [];
  before(() => {
    for (const port of [allowedSitePort, foreignSitePort]) {
      sites.push(
        createServer((_, response) => {
          response.setHeader('Content-Type', 'text/html');
          response.end(`<!doctype html><html lang="en"><title>A clinic's own site</title><main><portal-brand></portal-brand><portal-login></portal-login></main>
            <script type="module" src="${url}/embed.js" data-tenant="clinica-sol"></script></html>`);
        }).listen(port, '127.0.0.1'),
      );
    }
  });
  after(() => sites.forEach((site) => site.close()));

  test('a site the tenant allows loads the bundle cross-origin and shows the branded portal', async () => {
    const page = await browser.newPage();
    const errors = watchForErrors(page);
    await page.goto(`http://127.0.0.1:${allowedSitePort}/`);
    const name = page.locator('portal-brand [part=name]');
    await name.waitFor({ timeout: 30_000 });
    assert.equal(await name.textContent(), 'Clínica Sol');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--portal-color-primary').trim()), '#c2410c');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('signing out there and leaving the page at once still ends the session on the server', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchForErrors(page);
    await page.goto(`http://127.0.0.1:${allowedSitePort}/`);
    await page.locator('portal-login input[name=email]').waitFor({ timeout: 30_000 });
    await page.fill('portal-login input[name=email]', DEMO_SIGN_INS['clinica-sol'].email);
    await page.fill('portal-login input[name=password]', DEMO_SIGN_INS['clinica-sol'].password);
    await page.keyboard.press('Enter');
    const signOut = page.getByRole('button', { name: 'Sair' });
    await signOut.waitFor();
    const refresh = (await context.cookies(url)).find((cookie) => cookie.name.startsWith('__Host-portico_rt_'));
    assert.ok(refresh, 'signed in with a refresh cookie');
    await signOut.click();
    await page.goto('about:blank');
    assert.deepEqual(errors, []);
    // The refresh token the page held is dead: the sign-out reached the server although the page was gone.
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 401; attempt++) {
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
      const answer = await fetch(`${url}/api/portal/auth/refresh`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Portal-Tenant': 'clinica-sol', Origin: `http://127.0.0.1:${allowedSitePort}`, Cookie: `${refresh.name}=${refresh.value}` },
        body: '{}',
      });
      status = answer.status;
    }
    assert.equal(status, 401);
    await context.close();
  });

  test("a site the tenant did not allow gets the bundle but cannot read the tenant's data", async () => {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${foreignSitePort}/`);
    const error = page.locator('portal-brand [part=error]');
    await error.waitFor({ timeout: 30_000 });
    assert.match((await error.textContent()) ?? '', /não foi possível|could not reach/i);
    assert.equal(await page.locator('portal-brand [part=name]').count(), 0);
    await page.close();
  });
});
