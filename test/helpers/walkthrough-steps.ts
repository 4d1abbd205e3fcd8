import type { Locator, Page } from 'playwright-core';
import { DEMO_API_TOKENS, DEMO_SIGN_INS, DEMO_STAFF } from '../../demo/people.ts';
import { totpCode } from '../../server/features/staff/totp.ts';

/**
 * The moves the help-centre walk-throughs (test/e2e/article-*.test.ts) share on the demo: reading the mail the demo
 * captured, signing staff into the console and clients into the portal, and calling the integration API as the
 * business's own system would. Each takes the page or the demo's address; none keeps state of its own but `Mailbox`.
 */

export type DemoSlug = keyof typeof DEMO_STAFF;

/** A mail as `/dev/mail.json` lists it. */
export interface CapturedMail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

/**
 * A reader's view of `/dev/mail`: `next()` waits for the newest mail to an address that was not taken before, so a
 * walk-through that mails the same person twice (an access link, then a reset) reads each mail once, in order.
 */
export class Mailbox {
  private readonly taken = new Set<string>();

  constructor(private readonly demoUrl: string) {}

  async next(to: string, subject?: RegExp): Promise<CapturedMail> {
    for (let attempt = 0; attempt < 150; attempt++) {
      const mails = (await (await fetch(`${this.demoUrl}/dev/mail.json`)).json()) as CapturedMail[];
      const fresh = mails.filter((mail) => mail.to === to && !this.taken.has(mail.id) && (!subject || subject.test(mail.subject)));
      if (fresh.length) {
        // Newest first: the newest is the one to read; older unread ones are stale (a link they carry was replaced).
        for (const mail of fresh) this.taken.add(mail.id);
        return fresh[0]!;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`no new mail to ${to}${subject ? ` with a subject like ${subject}` : ''}`);
  }
}

/** The e-mailed link in `mail`, pointed at the demo server (mail names the portal address the server was told). */
export function linkIn(mail: CapturedMail, demoUrl: string): string {
  const link = /https?:\/\/\S+#portico-link=[\w-]{43}/.exec(mail.text)?.[0];
  if (!link) throw new Error(`no portal link in "${mail.subject}"`);
  return link.replace(/^https?:\/\/[^/]+/, demoUrl);
}

/**
 * Opens an e-mailed link as a reader does, from the mail: a fresh load of the portal address. (Going there from a page
 * already on that address would change only the fragment, which a page does not load again.)
 */
export async function followLink(page: Page, mail: CapturedMail, demoUrl: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(linkIn(mail, demoUrl));
}

/** The 6-digit code in `mail`. */
export function codeIn(mail: CapturedMail): string {
  const code = /\b(\d{6})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error(`no code in "${mail.subject}"`);
  return code;
}

/** The owner of a demo portal signs in to the console: e-mail, password, then the authenticator's code. */
export async function signInStaff(page: Page, demoUrl: string, slug: DemoSlug): Promise<void> {
  const staff = DEMO_STAFF[slug];
  await page.goto(`${demoUrl}/admin/?tenant=${slug}`);
  await page.locator('admin-sign-in input[name=email]').fill(staff.email, { timeout: 30_000 });
  await page.locator('admin-sign-in input[name=password]').fill(staff.password);
  await page.keyboard.press('Enter');
  await page.locator('admin-sign-in input[name=code]').fill(totpCode(staff.totpSecret, new Date()));
  await page.keyboard.press('Enter');
  await page.getByRole('navigation').waitFor();
}

/** Opens a console section from its menu and waits until its page has loaded. */
export async function openSection(page: Page, name: string | RegExp, heading: string | RegExp = name): Promise<void> {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  const main = page.getByRole('main');
  await main.getByRole('heading', { level: 2, name: heading }).waitFor();
  await main.locator('[aria-busy=true]').first().waitFor({ state: 'detached' });
}

/**
 * Saves a change in the console that may ask for the password again (the first sensitive change of a session does;
 * the confirmation then holds 5 minutes): answers the question when it comes, then waits for `done`.
 */
export async function confirmPasswordIfAsked(page: Page, slug: DemoSlug, done: Locator): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /^Confirm/ });
  await dialog.or(done).first().waitFor();
  if (await dialog.isVisible()) {
    await dialog.locator('input[type=password]').fill(DEMO_STAFF[slug].password);
    await dialog.getByRole('button', { name: /^Confirm/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await done.waitFor();
}

/** A demo client signs in with e-mail and password on `path` of the demo site (the site's home by default). */
export async function signInClient(page: Page, demoUrl: string, slug: DemoSlug, path = ''): Promise<void> {
  await page.goto(`${demoUrl}/demo/${slug}/${path}`);
  await page.locator('portal-login input[name=email]').fill(DEMO_SIGN_INS[slug].email, { timeout: 30_000 });
  await page.locator('portal-login input[name=password]').fill(DEMO_SIGN_INS[slug].password);
  await page.keyboard.press('Enter');
}

/**
 * A client signs out (`label`: the button's name in the page's language) and the sign-out reaches the server: the
 * page shows the sign-in form at once, but leaving it before the answer arrives would keep the ended session's cookie.
 */
export async function signOutClient(page: Page, label: string): Promise<void> {
  await Promise.all([page.waitForResponse((response) => response.url().endsWith('/api/portal/auth/sign-out')), page.getByRole('button', { name: label }).click()]);
}

/** An answer of the API: its status and its JSON body (null when it has none). */
export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

/** The business's own system calling `/api/v1` with a bearer token (the demo's, unless another is given). */
export async function integrationCall<T = any>(demoUrl: string, slug: DemoSlug, method: string, path: string, body?: unknown, token: string = DEMO_API_TOKENS[slug]): Promise<ApiAnswer<T>> {
  const response = await fetch(`${demoUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json().catch(() => null)) as T };
}

/**
 * A call the signed-in staff member makes to `/api/v1` with the console's own session (an access token from its
 * cookie): for what the console has no page for yet, through the endpoint such a page would call.
 */
export function staffCall<T = any>(page: Page, method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/admin/auth/token', { method: 'POST' })).json()) as { accessToken: string };
      const response = await fetch(path, {
        method,
        headers: { Authorization: `Bearer ${session.accessToken}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: await response.json().catch(() => null) };
    },
    { method, path, body },
  );
}
