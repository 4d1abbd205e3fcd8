/**
 * `npm run screenshots [-- <server url>]`: the README's pictures of both demo portals, taken in Chromium from a
 * running demo (`npm start`; default http://localhost:8787) — signed in as each demo client, on the billing page,
 * on a laptop and on a phone. Written to docs/screenshots/ as small PNGs.
 */
import { mkdir } from 'node:fs/promises';
import { chromium, type Page } from 'playwright-core';
import { DEMO_SIGN_INS } from '../demo/people.ts';

const base = process.argv[2] ?? 'http://localhost:8787';
const out = new URL('../docs/screenshots/', import.meta.url);
type Slug = keyof typeof DEMO_SIGN_INS;

async function signIn(page: Page, slug: Slug, section: string): Promise<void> {
  await page.goto(`${base}/demo/${slug}/portal.html`);
  await page.locator('portal-login input[name=email]').waitFor({ timeout: 30_000 });
  await page.fill('portal-login input[name=email]', DEMO_SIGN_INS[slug].email);
  await page.fill('portal-login input[name=password]', DEMO_SIGN_INS[slug].password);
  await page.keyboard.press('Enter');
  await page.locator('portal-app [part~=nav-link]').first().waitFor({ state: 'attached' });
  await page.goto(`${base}/demo/${slug}/portal.html#${section}`);
  await page.locator(`portal-app portal-${section}`).waitFor();
  // Until the section's data is drawn: no busy region left.
  await page.waitForFunction(() => !document.querySelector('portal-app')?.shadowRoot?.querySelector('[aria-busy=true]'), undefined, { timeout: 30_000 });
  await page.waitForTimeout(300);
}

async function main(): Promise<void> {
  await mkdir(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium' });
  try {
    for (const slug of Object.keys(DEMO_SIGN_INS) as Slug[]) {
      for (const [name, viewport] of [['laptop', { width: 1100, height: 760 }], ['phone', { width: 360, height: 740 }]] as const) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
        const page = await context.newPage();
        await signIn(page, slug, 'billing');
        const file = new URL(`${slug}-${name}.png`, out);
        await page.screenshot({ path: file.pathname });
        process.stdout.write(`${file.pathname}\n`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
