import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_SIGN_INS } from '../../demo/people.ts';
import { axeViolations } from '../helpers/axe.ts';
import { watchForErrors } from '../helpers/browser.ts';
import { startDemoServer, type DemoServer } from '../helpers/demo-server.ts';
import { freePort } from '../helpers/process.ts';
import { startHostSite, type HostilePage, type HostSite } from './fixtures/hostile/host-site.ts';

// Portico embedded on a third-party site (its own origin, allowed through PORTICO_DEMO_ORIGINS) that makes life
// hard: a strict Content-Security-Policy with Trusted Types, its own copy of Lit and of the embed snippet, and
// global CSS that resets everything. A client signs in through <portal-login> on that page and every widget must
// still show its signed-in state and act, with no violation and no console error.
let demo: DemoServer;
let site: HostSite;

before(async () => {
  const port = await freePort();
  demo = await startDemoServer({ PORTICO_DEMO_ORIGINS: `http://127.0.0.1:${port}` });
  site = await startHostSite(port, demo.url);
});
after(async () => {
  await site?.close();
  await demo?.stop();
});

interface HostPage {
  page: Page;
  /** The Content-Security-Policy header the page came with. */
  csp: string;
  /** Console errors, uncaught errors and every `securitypolicyviolation` (CSP and Trusted Types) so far. */
  problems(): Promise<string[]>;
}

/** Opens a host page, listening for violations from before its first script runs (and calling `watch` first). */
async function openHostPage(name: HostilePage, watch?: (page: Page) => void): Promise<HostPage> {
  const page = await demo.browser.newPage();
  const errors = watchForErrors(page);
  watch?.(page);
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { policyViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective}: ${event.blockedURI} ${event.sample}`));
  });
  const response = await page.goto(site.page(name));
  return {
    page,
    csp: response?.headers()['content-security-policy'] ?? '',
    problems: async () => [...errors, ...(await page.evaluate(() => (window as unknown as { policyViolations: string[] }).policyViolations))],
  };
}

/** Signs in through the page's <portal-login> (or <portal-app>'s) as Clínica Sol's demo client. */
async function signIn(page: Page): Promise<void> {
  const { email, password } = DEMO_SIGN_INS['clinica-sol'];
  await page.locator('input[name=email]').fill(email, { timeout: 30_000 });
  await page.locator('input[name=password]').fill(password);
  await page.locator('input[name=password]').press('Enter');
}

/** For each widget, something it shows only to a signed-in client (rh, the company's account). */
const SIGNED_IN: readonly (readonly [tag: string, selector: string])[] = [
  ['portal-login', '.pl-status'],
  ['portal-process-tracker', '[part~=phase]'],
  ['portal-documents', '[part~=document]'],
  ['portal-appointments', '[part~=appointment]'],
  ['portal-profile', '[part~=field]'],
  ['portal-news', '[part~=item]'],
  ['portal-campaigns', '[part~=campaign]'],
  ['portal-materials', '[part~=material]'],
  ['portal-feedback', '[part~=button]'],
  ['portal-billing', '[part~=charge]'],
  ['portal-requests', '[part~=item]'],
];

/** Waits until every widget on the page shows its signed-in state, and each of those is visible. */
async function expectEveryWidgetSignedIn(page: Page): Promise<void> {
  const email = DEMO_SIGN_INS['clinica-sol'].email;
  await page.locator('portal-brand [part~=session]', { hasText: email }).waitFor({ timeout: 30_000 });
  for (const [tag, selector] of SIGNED_IN) {
    const shown = page.locator(`${tag} ${selector}`).first();
    await shown.waitFor({ timeout: 30_000 });
    assert.ok(await shown.isVisible(), `${tag} ${selector} is visible`);
  }
}

/** One use of each widget that does more than show data; every click must land on the widget's own control. */
async function useTheWidgets(page: Page): Promise<void> {
  const billing = page.locator('portal-billing');
  await billing.locator('[part~=tab]').nth(1).click();
  assert.equal(await billing.locator('[part~=tab]').nth(1).getAttribute('aria-selected'), 'true');

  const news = page.locator('portal-news');
  await news.locator('[part~=open]').first().click();
  await news.locator('#article-title').waitFor();
  await news.locator('[part~=back]').click();
  await news.locator('[part~=item]').first().waitFor();

  const feedback = page.locator('portal-feedback');
  await feedback.locator('[part~=button]').click();
  await feedback.locator('[part~=dialog]').waitFor();
  await feedback.locator('[part~=close]').click();
  await feedback.locator('[part~=dialog]').waitFor({ state: 'hidden' });

  const appointments = page.locator('portal-appointments');
  await appointments.locator('select[name=service]').selectOption({ index: 1 });
  await appointments.locator('[part~=grid]').waitFor();

  const documents = page.locator('portal-documents');
  const [download] = await Promise.all([page.waitForEvent('download'), documents.locator('[part~=download]').first().click()]);
  assert.ok(download.suggestedFilename(), 'the document downloads, with its name');
}

describe('a strict Content-Security-Policy with Trusted Types (README: what a host must allow)', () => {
  test('every widget signs in, shows its data and acts, with no violation and no console error', async () => {
    const { page, csp, problems } = await openHostPage('strict-csp');
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.match(csp, /trusted-types lit-html(;|$)/);
    assert.doesNotMatch(csp, /unsafe-/);
    await signIn(page);
    await expectEveryWidgetSignedIn(page);
    await useTheWidgets(page);
    assert.deepEqual(await problems(), []);
    // The policy is really in force: the page itself may not write a string of HTML into the DOM.
    const write = await page.evaluate(() => {
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
        return 'written';
      } catch {
        return 'refused';
      }
    });
    assert.equal(write, 'refused');
    // …and the listener sees violations: the one just caused is reported, so the empty list above meant none.
    assert.match((await problems()).join('\n'), /require-trusted-types-for/);
    await page.close();
  });

  test('the whole portal in one tag: every section of the menu opens, with no violation', async () => {
    const { page, problems } = await openHostPage('strict-app');
    await signIn(page);
    const sections: Record<string, string> = {
      '#billing': 'portal-billing [part~=charge]',
      '#processes': 'portal-process-tracker [part~=phase]',
      '#documents': 'portal-documents [part~=document]',
      '#appointments': 'portal-appointments [part~=appointment]',
      '#requests': 'portal-requests [part~=item]',
      '#profile': 'portal-profile [part~=field]',
      '#news': 'portal-news [part~=item]',
      '#materials': 'portal-materials [part~=material]',
      '#campaigns': 'portal-campaigns [part~=campaign]',
    };
    const menu = page.locator('portal-app [part~=nav-link]');
    await menu.first().waitFor({ timeout: 30_000 });
    const links = await menu.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href') ?? ''));
    assert.deepEqual(links.filter((href) => href in sections).sort(), Object.keys(sections).sort(), `the menu: ${links.join(' ')}`);
    for (const [hash, shown] of Object.entries(sections)) {
      await page.locator(`portal-app [part~=nav-link][href="${hash}"]`).click();
      await page.locator(`portal-app ${shown}`).first().waitFor({ timeout: 30_000 });
    }
    assert.deepEqual(await problems(), []);
    await page.close();
  });
});

describe('a host with its own copy of Lit, an element of its own named portal-foo, and the embed snippet three times', () => {
  test("the host's elements and every widget work side by side; one Portico runs", async () => {
    const tenantLoads: string[] = [];
    const loaders: string[] = [];
    const { page, problems } = await openHostPage('other-lit', (page) =>
      page.on('request', (request) => {
        if (request.url().includes('/api/portal/tenants/')) tenantLoads.push(request.url());
        if (/\/embed\.js(\?|$)/.test(request.url())) loaders.push(request.url());
      }),
    );
    await signIn(page);
    await expectEveryWidgetSignedIn(page);

    // Two Lits on the page: the host's development build (import map) and the one inside Portico's bundle.
    assert.equal(await page.evaluate(() => (globalThis as unknown as { litElementVersions?: string[] }).litElementVersions?.length), 2);
    // portal-foo stays the host's: Portico's loader does not know it and leaves it alone.
    const foo = page.locator('portal-foo [part~=button]');
    await foo.click();
    await foo.click();
    assert.equal((await foo.textContent())?.trim(), 'Widget da casa: 2');
    assert.deepEqual(await page.locator('host-card').evaluateAll((cards) => cards.map((card) => card.shadowRoot?.querySelector('h2')?.textContent)), ['Portal', 'Conteúdo']);
    // Both addresses of the loader ran (two module instances), yet the tenant was loaded once: one runtime.
    assert.deepEqual([...new Set(loaders.map((url) => new URL(url).search))].sort(), ['', '?copy=2']);
    assert.equal(tenantLoads.length, 1, tenantLoads.join('\n'));
    await useTheWidgets(page);
    assert.deepEqual(await problems(), []);
    await page.close();
  });
});

describe('a host whose global CSS resets everything (all: unset, !important on button, input, div, 8px root, content-box, [part] hidden)', () => {
  test('every widget still renders, reads (axe, contrast included) and takes clicks', async () => {
    const { page, problems } = await openHostPage('hostile-css');
    await signIn(page);
    await expectEveryWidgetSignedIn(page);
    // The reset really reaches the page and the widgets' own elements.
    assert.equal(await page.locator('main > div[part]').isHidden(), true, "the host's own [part] element is hidden by its rule");
    assert.equal(await page.locator('portal-billing').evaluate((element) => getComputedStyle(element).display), 'inline', 'all: unset reaches the widget element');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '8px');
    // The page's font and uppercase stop at each widget's shadow root (its own text styles are !important there).
    const shadowTags = SIGNED_IN.map(([tag]) => tag).filter((tag) => tag !== 'portal-login');
    const typography = await page.evaluate(
      (tags) =>
        tags.map((tag) => {
          const style = getComputedStyle(document.querySelector(tag)!.shadowRoot!.querySelector('h2, h3, p, button')!);
          return `${tag}: ${/georgia/i.test(style.fontFamily) ? "the page's font" : 'its own font'}, text-transform ${style.textTransform}`;
        }),
      shadowTags,
    );
    assert.deepEqual(typography, shadowTags.map((tag) => `${tag}: its own font, text-transform none`));
    assert.deepEqual(await axeViolations(page), []);
    await useTheWidgets(page);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await problems(), []);
    await page.close();
  });

  test('the whole portal in one tag reads and takes clicks too', async () => {
    const { page, problems } = await openHostPage('hostile-app');
    await signIn(page);
    // Home (cards), then two sections: each drawn on the app's own surface, not on the dark page.
    await page.locator('portal-app [part~=card]').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(await axeViolations(page), []);
    await page.locator('portal-app [part~=nav-link][href="#billing"]').click();
    await page.locator('portal-app portal-billing [part~=charge]').first().waitFor({ timeout: 30_000 });
    await page.locator('portal-app [part~=nav-link][href="#documents"]').click();
    await page.locator('portal-app portal-documents [part~=document]').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(await problems(), []);
    await page.close();
  });
});
