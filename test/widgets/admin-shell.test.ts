/// <reference types="mocha" />
import { encode } from 'uqr';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/admin.ts';
import type { PorticoAdmin } from '../../widgets/admin/shell/portico-admin.ts';
import { LOCALE_STORAGE_KEY } from '../../widgets/admin/shell/session-memory.ts';
import type { AdminSignIn } from '../../widgets/admin/sign-in/admin-sign-in.ts';
import type { AdminPasswordDialog } from '../../widgets/admin/password-dialog/admin-password-dialog.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { SECTIONS } from '../../widgets/admin/sections.ts';
import { shellMessages } from '../../widgets/admin/shell/messages.ts';
import type { ConsoleSection } from '../../widgets/admin/shell/routes.ts';
import {
  consoleApi,
  ENROLL,
  FIXTURE_CHALLENGE,
  FIXTURE_OTPAUTH,
  FIXTURE_RECOVERY_CODES,
  FIXTURE_SECRET,
  FIXTURE_SETUP_TOKEN,
  fixtureSession,
  fixtureStaff,
  type ConsoleApiOptions,
} from '../../widgets/admin/shell/fixtures.ts';
import { fixtureEmbedSettings } from '../../widgets/admin/embed/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { absent, norm, present, root, sleep, text } from './admin-test-kit.ts';

/** A stand-in for a section's element: a heading, and the properties the console hands it. */
class StubSection extends HTMLElement {
  api?: AdminApi;
  me?: StaffMe;
  locale?: Locale;
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = `<h2>${this.localName}</h2>`;
  }
}
/** The registry's sections with stand-in elements; each chunk's loading is the test's to decide. */
function stubSections(load: (id: string) => Promise<unknown> = async () => {}): ConsoleSection[] {
  return SECTIONS.map((section) => ({
    id: section.id,
    tag: `stub-${section.id}`,
    scope: section.scope,
    load: async () => {
      await load(section.id);
      if (!customElements.get(`stub-${section.id}`)) customElements.define(`stub-${section.id}`, class extends StubSection {});
    },
  }));
}

/** An identity check as a boolean, for the same reason as `present`. */
const same = (actual: unknown, expected: unknown) => expect(actual === expected, 'expected the same element').to.equal(true);
const signInOf = (el: PorticoAdmin) => el.querySelector('admin-sign-in') as AdminSignIn;
const dialogOf = (el: PorticoAdmin) => root(el).querySelector('admin-password-dialog') as AdminPasswordDialog;
const navLabels = (el: PorticoAdmin) => [...root(el).querySelectorAll('[part~=nav-link]')].map((a) => norm(a.textContent));
const mainOf = (el: PorticoAdmin) => root(el).querySelector<HTMLElement>('[part~=main]')!;
const input = (el: Element, name: string) => el.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
async function settle(el: PorticoAdmin, rounds = 8) {
  for (let i = 0; i < rounds; i++) {
    await el.updateComplete;
    await signInOf(el)?.updateComplete;
    await sleep();
  }
}
/** Settles until `ready` holds (a real chunk takes a moment to load), failing after two seconds. */
async function waitFor(el: PorticoAdmin, ready: () => unknown) {
  const until = Date.now() + 2000;
  while (!ready()) {
    if (Date.now() > until) throw new Error('timed out');
    await settle(el, 1);
    await sleep(20);
  }
}
function clearHash() {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}
async function goToHash(el: PorticoAdmin, hash: string) {
  location.hash = hash;
  await sleep(10);
  await settle(el);
}
async function submit(el: PorticoAdmin, values: Record<string, string>) {
  const signIn = signInOf(el);
  for (const [name, value] of Object.entries(values)) input(signIn, name).value = value;
  signIn.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
  await settle(el);
}

interface MountOptions extends ConsoleApiOptions {
  sections?: ConsoleSection[];
  locale?: Locale;
  tenant?: string;
  width?: number;
}
async function mount(options: MountOptions = {}) {
  const api = consoleApi(options);
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${options.width ?? 1000}px`}></div>`);
  const el = document.createElement('portico-admin');
  // Properties before connecting, as the page's module would: the client is not bound through a template.
  Object.assign(el, { api, sections: options.sections ?? stubSections() });
  if (options.locale) el.locale = options.locale;
  if (options.tenant) el.setAttribute('tenant', options.tenant);
  wrapper.append(el);
  await settle(el);
  return { el, api };
}
const calls = (api: { calls: { name: string; args: unknown[] }[] }, name: string) => api.calls.filter((call) => call.name === name).map((call) => call.args);

describe('<portico-admin>', () => {
  beforeEach(() => {
    clearHash();
    localStorage.removeItem(LOCALE_STORAGE_KEY);
  });
  afterEach(clearHash);

  describe('a resumed session', () => {
    it('shows the starting state while the session resumes', async () => {
      const { el, api } = await mount({ resume: 'never', locale: 'en' });
      expect(calls(api, 'resume')).to.have.length(1);
      expect(mainOf(el).getAttribute('aria-busy')).to.equal('true');
      expect(text(el)).to.include('Opening the console…');
      await expect(el).to.be.accessible();
    });

    it('opens the console with every section for an owner, the first one by default', async () => {
      const { el } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en' });
      expect(navLabels(el)).to.have.length(SECTIONS.length);
      expect(navLabels(el).slice(0, 3)).to.deep.equal(['Settings', 'Accounts', 'Portal users']);
      expect(navLabels(el)).to.include.members(['Inbox', 'Registration changes', 'Appointments', 'Mail', 'Team', 'API tokens', 'Audit log', 'Embed']);
      // Every section of the registry has its name in the console's catalogue (none falls back to its id).
      expect(SECTIONS.filter((section) => !(`section.${section.id}` in shellMessages.en)).map((section) => section.id)).to.deep.equal([]);
      expect(root(el).querySelector('h1')!.textContent).to.equal('Clínica Sol');
      expect(norm(root(el).querySelector('[part~=me]')!.textContent)).to.equal('Signed in: Helena Duarte, owner');
      const section = mainOf(el).querySelector('stub-settings') as StubSection;
      present(section);
      expect(section.me!.email).to.equal('helena@clinicasol.com.br');
      expect(section.locale).to.equal('en');
      same(section.api, el.api);
      expect(root(el).querySelector('[aria-current=page]')!.textContent).to.equal('Settings');
      expect(document.title).to.equal('Settings · Clínica Sol · Portico');
      await expect(el).to.be.accessible();
    });

    it('offers a read-only member only what their scopes allow: no team, tokens or mail', async () => {
      const { el } = await mount({ resume: fixtureSession(fixtureStaff('read-only', 'martins-castro')), locale: 'en' });
      const expected = SECTIONS.filter((section) => !['mail', 'team', 'tokens'].includes(section.id)).length;
      expect(navLabels(el)).to.have.length(expected);
      expect(navLabels(el)).to.include.members(['Settings', 'Portal users', 'Audit log', 'Embed']);
      expect(navLabels(el)).not.to.include.members(['Team']);
      expect(navLabels(el)).not.to.include.members(['API tokens']);
      expect(navLabels(el)).not.to.include.members(['Mail']);
      expect(norm(root(el).querySelector('[part~=me]')!.textContent)).to.include('Andrés Gil, read-only');
    });

    it('opens the section the hash names, moves focus to its heading, and the back button returns', async () => {
      const { el } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en' });
      await goToHash(el, '#users');
      const users = mainOf(el).querySelector('stub-users')!;
      present(users);
      expect(root(el).querySelector('[aria-current=page]')!.textContent).to.equal('Portal users');
      same(root(el).activeElement, users);
      expect(users.shadowRoot!.activeElement!.tagName).to.equal('H2');
      await goToHash(el, '#audit');
      present(mainOf(el).querySelector('stub-audit'));
      history.back();
      await sleep(50);
      await settle(el);
      expect(location.hash).to.equal('#users');
      same(mainOf(el).querySelector('stub-users'), users);
    });

    it('opens a linked section at once after a reload, and says when the role does not include the one asked for', async () => {
      location.hash = '#team';
      const { el } = await mount({ resume: fixtureSession(fixtureStaff('read-only')), locale: 'en' });
      expect(text(el)).to.include('Your role does not include that part of the console, so Settings opened instead.');
      present(mainOf(el).querySelector('stub-settings'));
      absent(mainOf(el).querySelector('stub-team'));
      await expect(el).to.be.accessible();
    });

    it('shows the loading state while a section’s chunk loads', async () => {
      let release!: () => void;
      const pending = new Promise<void>((resolve) => (release = resolve));
      const { el } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en', sections: stubSections((id) => (id === 'tokens' ? pending : Promise.resolve())) });
      await goToHash(el, '#tokens');
      const busy = mainOf(el).querySelector('[aria-busy=true]')!;
      expect(norm(busy.textContent)).to.equal('Loading API tokens…');
      await expect(el).to.be.accessible();
      release();
      await settle(el);
      present(mainOf(el).querySelector('stub-tokens'));
      same(root(el).activeElement, mainOf(el).querySelector('stub-tokens'));
    });

    it('shows an error when a chunk fails, and “Try again” loads it', async () => {
      let attempts = 0;
      const { el } = await mount({
        resume: fixtureSession(fixtureStaff('owner')),
        locale: 'en',
        sections: stubSections(async (id) => {
          if (id === 'inbox' && ++attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        }),
      });
      const logged = console.error;
      console.error = () => {};
      try {
        await goToHash(el, '#inbox');
      } finally {
        console.error = logged;
      }
      const error = mainOf(el).querySelector('[part~=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(norm(error.textContent)).to.include('This part of the console could not be loaded');
      same(root(el).activeElement, error);
      await expect(el).to.be.accessible();
      error.querySelector('button')!.click();
      await settle(el);
      expect(attempts).to.equal(2);
      present(mainOf(el).querySelector('stub-inbox'));
    });

    it('loads the real embed section through the registry', async () => {
      const { el, api } = await mount({
        resume: fixtureSession(fixtureStaff('read-only')),
        locale: 'en',
        sections: SECTIONS.filter((section) => section.id === 'embed'),
        methods: { getSettings: async () => fixtureEmbedSettings('clinica-sol') },
      });
      await waitFor(el, () => mainOf(el).querySelector('admin-embed'));
      const embed = mainOf(el).querySelector('admin-embed')!;
      await settle(el);
      expect(norm(embed.shadowRoot!.querySelector('[data-snippet=whole] code')!.textContent)).to.include('data-tenant="clinica-sol"');
      expect(api.calls.map((call) => call.name)).to.deep.equal(['resume']);
      await expect(el).to.be.accessible();
    });

    it('says so when the role includes no section at all', async () => {
      const me = { ...fixtureStaff('staff'), scopes: [] };
      const { el } = await mount({ resume: fixtureSession(me), locale: 'en' });
      absent(root(el).querySelector('nav'));
      expect(text(el)).to.include('Ask an owner of Clínica Sol for permissions.');
      await expect(el).to.be.accessible();
    });

    it('shows a failed start with “Try again”', async () => {
      const { el, api } = await mount({ resume: new ApiError('network_error', 0, 'offline'), locale: 'en' });
      const error = root(el).querySelector('[part~=error]')!;
      expect(norm(error.textContent)).to.include('We could not reach Portico');
      await expect(el).to.be.accessible();
      error.querySelector('button')!.click();
      await settle(el);
      expect(calls(api, 'resume')).to.have.length(2);
    });

    it('folds the menu behind a “Menu” button at 320 px, without a sideways scroll', async () => {
      const { el } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en', width: 320 });
      await sleep(50);
      await settle(el);
      const toggle = root(el).querySelector<HTMLButtonElement>('[part~=nav-toggle]')!;
      const list = root(el).querySelector<HTMLElement>('[part~=nav-list]')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(list.hidden).to.equal(true);
      expect(list.getBoundingClientRect().height).to.equal(0);
      expect(el.scrollWidth).to.be.at.most(320);
      await expect(el).to.be.accessible();
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(list.hidden).to.equal(false);
      await expect(el).to.be.accessible();
      root(el).querySelector<HTMLAnchorElement>('[part~=nav-link]')!.focus();
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(list.hidden).to.equal(true);
      same(root(el).activeElement, toggle);
    });
  });

  describe('signing in', () => {
    it('signs in with portal, e-mail, password and the app’s code, then opens the console on the section’s heading', async () => {
      const { el, api } = await mount({ locale: 'en', tenant: 'clinica-sol' });
      const signIn = signInOf(el);
      expect(signIn.slot).to.equal('sign-in');
      expect(signIn.querySelector('h2')!.textContent).to.equal('Sign in to the staff console');
      expect(input(signIn, 'tenant').value).to.equal('clinica-sol');
      expect(input(signIn, 'email').autocomplete).to.equal('username');
      expect(input(signIn, 'password').autocomplete).to.equal('current-password');
      await expect(el).to.be.accessible();
      await submit(el, { email: 'helena@clinicasol.com.br', password: 'correct horse battery' });
      expect(calls(api, 'signIn')).to.deep.equal([['clinica-sol', 'helena@clinicasol.com.br', 'correct horse battery']]);
      const code = input(signIn, 'code');
      expect(signIn.querySelector('h2')!.textContent).to.equal('Enter your code');
      same(document.activeElement, signIn.querySelector('h2'));
      expect(code.inputMode).to.equal('numeric');
      expect(code.autocomplete).to.equal('one-time-code');
      expect(norm(signIn.querySelector(`label[for="${code.id}"]`)!.textContent)).to.equal('6-digit code from your authenticator app');
      await expect(el).to.be.accessible();
      await submit(el, { code: '123 456' });
      expect(calls(api, 'secondFactor')).to.deep.equal([[FIXTURE_CHALLENGE, '123456']]);
      expect(navLabels(el)).to.have.length(SECTIONS.length);
      same(root(el).activeElement, mainOf(el).querySelector('stub-settings'));
      await expect(el).to.be.accessible();
    });

    it('works by keyboard alone', async () => {
      const { el, api } = await mount({ locale: 'en' });
      input(signInOf(el), 'tenant').focus();
      await sendKeys({ type: 'clinica-sol' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'helena@clinicasol.com.br' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'correct horse battery' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: '123456' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(calls(api, 'signIn')).to.deep.equal([['clinica-sol', 'helena@clinicasol.com.br', 'correct horse battery']]);
      expect(calls(api, 'secondFactor')).to.deep.equal([[FIXTURE_CHALLENGE, '123456']]);
      present(root(el).querySelector('nav'));
    });

    it('checks the fields before asking the server', async () => {
      const { el, api } = await mount({ locale: 'en' });
      await submit(el, { tenant: 'Clínica Sol', email: 'helena', password: '' });
      expect(calls(api, 'signIn')).to.have.length(0);
      const signIn = signInOf(el);
      expect(input(signIn, 'tenant').getAttribute('aria-invalid')).to.equal('true');
      expect(norm(signIn.textContent)).to.include('Use lower-case letters, digits and hyphens, such as clinica-sol.');
      expect(norm(signIn.textContent)).to.include('Enter an e-mail address such as name@example.com.');
      same(document.activeElement, input(signIn, 'tenant'));
      await expect(el).to.be.accessible();
    });

    it('fits a 320 px screen, the second step too', async () => {
      const { el } = await mount({ locale: 'pt-BR', width: 320 });
      expect(el.scrollWidth).to.be.at.most(320);
      await submit(el, { tenant: 'clinica-sol', email: 'helena@clinicasol.com.br', password: 'correct horse battery' });
      expect(el.scrollWidth).to.be.at.most(320);
      expect(signInOf(el).querySelector('h2')!.textContent).to.equal('Digite o código');
      await expect(el).to.be.accessible();
    });

    it('says when the password is wrong', async () => {
      const { el } = await mount({ locale: 'en' });
      await submit(el, { tenant: 'clinica-sol', email: 'helena@clinicasol.com.br', password: 'wrong' });
      const alert = signInOf(el).querySelector('[role=alert]')!;
      expect(alert.textContent).to.equal('The portal, the e-mail or the password is wrong.');
      same(document.activeElement, alert);
      await expect(el).to.be.accessible();
    });

    it('says when the code is wrong, next to the code', async () => {
      const { el, api } = await mount({ locale: 'en' });
      await submit(el, { tenant: 'clinica-sol', email: 'helena@clinicasol.com.br', password: 'correct horse battery' });
      await submit(el, { code: '12' });
      expect(calls(api, 'secondFactor')).to.have.length(0);
      expect(norm(signInOf(el).textContent)).to.include('The code has 6 digits.');
      await submit(el, { code: '654321' });
      const code = input(signInOf(el), 'code');
      expect(calls(api, 'secondFactor')).to.deep.equal([[FIXTURE_CHALLENGE, '654321']]);
      expect(code.getAttribute('aria-invalid')).to.equal('true');
      expect(signInOf(el).querySelector(`#${code.id}-error`)!.textContent).to.include('This code is not right');
      expect(code.getAttribute('aria-describedby')).to.include(`${code.id}-error`);
      absent(root(el).querySelector('nav'));
      await expect(el).to.be.accessible();
    });

    it('accepts a recovery code instead', async () => {
      const { el, api } = await mount({ locale: 'en', code: 'k7m2p-9xq4r' });
      await submit(el, { tenant: 'clinica-sol', email: 'helena@clinicasol.com.br', password: 'correct horse battery' });
      const signIn = signInOf(el);
      signIn.querySelector<HTMLButtonElement>('[data-toggle-recovery]')!.click();
      await settle(el);
      const code = input(signIn, 'code');
      expect(norm(signIn.querySelector(`label[for="${code.id}"]`)!.textContent)).to.equal('Recovery code');
      expect(code.autocomplete).to.equal('off');
      same(document.activeElement, code);
      await expect(el).to.be.accessible();
      await submit(el, { code: ' K7M2P-9XQ4R ' });
      expect(calls(api, 'secondFactor')).to.deep.equal([[FIXTURE_CHALLENGE, 'k7m2p-9xq4r']]);
      present(root(el).querySelector('nav'));
    });

    it('starts again when the sign-in took too long', async () => {
      const { el } = await mount({
        locale: 'en',
        methods: {
          secondFactor: async () => {
            throw new ApiError('challenge_expired', 401, 'expired');
          },
        },
      });
      await submit(el, { tenant: 'clinica-sol', email: 'helena@clinicasol.com.br', password: 'correct horse battery' });
      await submit(el, { code: '123456' });
      const signIn = signInOf(el);
      expect(signIn.querySelector('h2')!.textContent).to.equal('Sign in to the staff console');
      expect(signIn.querySelector('[role=alert]')!.textContent).to.include('took too long');
      expect(input(signIn, 'email').value).to.equal('helena@clinicasol.com.br');
    });

    it('tells how long to wait after too many attempts', async () => {
      const { el } = await mount({
        locale: 'en',
        methods: {
          signIn: async () => {
            throw new ApiError('too_many_attempts', 429, 'Too many attempts', 300);
          },
        },
      });
      await submit(el, { tenant: 'clinica-sol', email: 'helena@clinicasol.com.br', password: 'x' });
      expect(signInOf(el).querySelector('[role=alert]')!.textContent).to.equal('Too many attempts. Please try again in 5 minutes.');
    });

    it('enrols an authenticator: the key in groups of four, copyable, the otpauth link, then the recovery codes once', async () => {
      const written: string[] = [];
      const originalWrite = navigator.clipboard.writeText;
      navigator.clipboard.writeText = async (value: string) => void written.push(value);
      try {
        const { el, api } = await mount({ locale: 'en', passwordAnswer: ENROLL, recoveryCodes: FIXTURE_RECOVERY_CODES });
        const signIn = signInOf(el);
        const saved: [string, string][] = [];
        signIn.saveFile = (url, name) => void saved.push([url, name]);
        await submit(el, { tenant: 'clinica-sol', email: 'helena@clinicasol.com.br', password: 'correct horse battery' });
        expect(signIn.querySelector('h2')!.textContent).to.equal('Connect an authenticator app');
        expect(signIn.querySelector('.as-secret')!.textContent).to.equal('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
        expect(signIn.querySelector<HTMLAnchorElement>('a.as-otpauth')!.getAttribute('href')).to.equal(FIXTURE_OTPAUTH);
        expect(norm(signIn.querySelector('a.as-otpauth')!.textContent)).to.include('open it in an authenticator app on this device');
        // The same URI as a QR code to scan: exactly the modules uqr encodes for it, dark on white.
        const qr = signIn.querySelector('svg.as-qr')!;
        expect(qr.getAttribute('role')).to.equal('img');
        expect(qr.getAttribute('aria-label')).to.equal('QR code to add Portico to an authenticator app');
        const expected = encode(FIXTURE_OTPAUTH, { ecc: 'M', border: 4 });
        expect(qr.getAttribute('viewBox')).to.equal(`0 0 ${expected.size} ${expected.size}`);
        const dark = expected.data.flat().filter(Boolean).length;
        expect(qr.querySelector('path')!.getAttribute('d')!.match(/M/g)!.length).to.equal(dark);
        signIn.querySelector<HTMLButtonElement>('[data-copy=secret]')!.click();
        await settle(el);
        expect(written).to.deep.equal([FIXTURE_SECRET]);
        expect(signIn.querySelector('.as-copied')!.textContent).to.equal('Copied');
        await expect(el).to.be.accessible();

        await submit(el, { code: '123456' });
        expect(calls(api, 'secondFactor')).to.deep.equal([[FIXTURE_CHALLENGE, '123456']]);
        expect(signIn.querySelector('h2')!.textContent).to.equal('Save your recovery codes');
        expect([...signIn.querySelectorAll('.as-codes code')].map((code) => code.textContent)).to.deep.equal(FIXTURE_RECOVERY_CODES);
        absent(root(el).querySelector('nav'));
        await expect(el).to.be.accessible();

        signIn.querySelector<HTMLButtonElement>('[data-copy=codes]')!.click();
        await settle(el);
        expect(written[1]).to.equal(FIXTURE_RECOVERY_CODES.join('\n'));
        signIn.querySelector<HTMLButtonElement>('[data-download]')!.click();
        expect(saved).to.have.length(1);
        expect(saved[0]![1]).to.equal('portico-recovery-codes-clinica-sol.txt');
        const file = await (await fetch(saved[0]![0])).text();
        for (const code of FIXTURE_RECOVERY_CODES) expect(file).to.include(code);

        let signedIn = 0;
        el.addEventListener('admin-signed-in', () => signedIn++);
        await submit(el, {});
        expect(signedIn).to.equal(0);
        expect(input(signIn, 'saved').getAttribute('aria-invalid')).to.equal('true');
        expect(norm(signIn.textContent)).to.include('Please confirm that you have saved the codes.');
        await expect(el).to.be.accessible();
        input(signIn, 'saved').checked = true;
        await submit(el, {});
        expect(signedIn).to.equal(1);
        present(root(el).querySelector('nav'));
        expect(signIn.querySelectorAll('.as-codes code').length).to.equal(0);
        expect(signIn.querySelector('h2')!.textContent).to.equal('Sign in to the staff console');
      } finally {
        navigator.clipboard.writeText = originalWrite;
      }
    });
  });

  describe('the setup link', () => {
    it('takes the token out of the address, asks for the first password, then enrols', async () => {
      location.hash = `#setup=${FIXTURE_SETUP_TOKEN}`;
      const { el, api } = await mount({ locale: 'en' });
      expect(location.hash).to.equal('');
      expect(calls(api, 'resume')).to.have.length(0);
      const signIn = signInOf(el);
      expect(signIn.querySelector('h2')!.textContent).to.equal('Choose your password');
      expect(norm(signIn.textContent)).to.include('At least 8 characters.');
      expect(input(signIn, 'new-password').autocomplete).to.equal('new-password');
      await expect(el).to.be.accessible();
      await submit(el, { 'new-password': 'short', 'repeat-password': 'short' });
      expect(norm(signIn.textContent)).to.include('Use at least 8 characters.');
      await submit(el, { 'new-password': 'a long phrase', 'repeat-password': 'a long phrasE' });
      expect(norm(signIn.textContent)).to.include('The two passwords are different.');
      expect(calls(api, 'setUp')).to.have.length(0);
      await submit(el, { 'new-password': 'a long phrase', 'repeat-password': 'a long phrase' });
      expect(calls(api, 'setUp')).to.deep.equal([[FIXTURE_SETUP_TOKEN, 'a long phrase']]);
      expect(signIn.querySelector('h2')!.textContent).to.equal('Connect an authenticator app');
    });

    it('says when the link was already used', async () => {
      location.hash = '#setup=an-old-token-0123456789abcdef';
      const { el } = await mount({ locale: 'en' });
      await submit(el, { 'new-password': 'a long phrase', 'repeat-password': 'a long phrase' });
      expect(signInOf(el).querySelector('[role=alert]')!.textContent).to.include('This setup link has expired or was already used.');
    });
  });

  describe('the session', () => {
    it('returns to the sign-in when the session ends, saying why, with the portal and e-mail kept', async () => {
      const { el, api } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en' });
      api.onSessionEnded!();
      await settle(el);
      const signIn = signInOf(el);
      absent(root(el).querySelector('nav'));
      expect(signIn.querySelector('.as-notice')!.textContent).to.equal('Your session has ended. Please sign in again.');
      expect(input(signIn, 'tenant').value).to.equal('clinica-sol');
      expect(input(signIn, 'email').value).to.equal('helena@clinicasol.com.br');
      same(document.activeElement, signIn.querySelector('h2'));
      await expect(el).to.be.accessible();
    });

    it('says the session ended after 15 idle minutes when the action that found it came after such a pause', async () => {
      const { el, api } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en' });
      const realNow = Date.now;
      Date.now = () => realNow() + 16 * 60_000;
      try {
        el.dispatchEvent(new Event('pointerdown'));
        api.onSessionEnded!();
      } finally {
        Date.now = realNow;
      }
      await settle(el);
      expect(signInOf(el).querySelector('.as-notice')!.textContent).to.equal('Your session ended after 15 minutes without activity. Please sign in again.');
    });

    it('signs out', async () => {
      const { el, api } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en' });
      root(el).querySelector<HTMLButtonElement>('[part~=sign-out]')!.click();
      await settle(el);
      expect(calls(api, 'signOut')).to.have.length(1);
      expect(signInOf(el).querySelector('.as-notice')!.textContent).to.equal('You have signed out.');
    });

    it('stays signed in and says so when signing out fails', async () => {
      const { el } = await mount({
        resume: fixtureSession(fixtureStaff('owner')),
        locale: 'en',
        methods: {
          signOut: async () => {
            throw new ApiError('network_error', 0, 'offline');
          },
        },
      });
      root(el).querySelector<HTMLButtonElement>('[part~=sign-out]')!.click();
      await settle(el);
      present(root(el).querySelector('nav'));
      expect(root(el).querySelector('[part~=header] [role=alert]')!.textContent).to.include('We could not sign you out');
    });
  });

  describe('the password dialog', () => {
    it('asks for the password again, refuses a wrong one, resolves true after a right one', async () => {
      const { el, api } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en' });
      const trigger = mainOf(el).querySelector('stub-settings')!.shadowRoot!.querySelector('h2')!;
      trigger.tabIndex = -1;
      trigger.focus();
      const answer = api.onPasswordNeeded!();
      await settle(el);
      const dialog = dialogOf(el);
      const native = dialog.shadowRoot!.querySelector('dialog')!;
      expect(native.open).to.equal(true);
      expect(native.matches(':modal')).to.equal(true);
      expect(norm(native.textContent)).to.include('For your security, enter your password again to save these changes.');
      const field = dialog.shadowRoot!.querySelector('input')!;
      same(dialog.shadowRoot!.activeElement, field);
      expect(field.autocomplete).to.equal('current-password');
      await expect(el).to.be.accessible();

      await sendKeys({ type: 'wrong' });
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(dialog.shadowRoot!.querySelector('[part~=error]')!.textContent).to.equal('Wrong password. Please try again.');
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(native.open).to.equal(true);
      await expect(el).to.be.accessible();

      await sendKeys({ type: 'correct horse battery' });
      await sendKeys({ press: 'Enter' });
      expect(await answer).to.equal(true);
      expect(calls(api, 'confirmPassword')).to.deep.equal([['wrong'], ['correct horse battery']]);
      expect(native.open).to.equal(false);
      same(mainOf(el).querySelector('stub-settings')!.shadowRoot!.activeElement, trigger);
    });

    it('resolves false when cancelled with Escape or the Cancel button', async () => {
      const { el, api } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en' });
      const first = api.onPasswordNeeded!();
      await settle(el);
      await sendKeys({ press: 'Escape' });
      expect(await first).to.equal(false);
      const second = api.onPasswordNeeded!();
      await settle(el);
      dialogOf(el).shadowRoot!.querySelector<HTMLButtonElement>('[part~=cancel]')!.click();
      expect(await second).to.equal(false);
      expect(calls(api, 'confirmPassword')).to.have.length(0);
    });

    it('closes, answering false, when the session ends meanwhile', async () => {
      const { el, api } = await mount({ resume: fixtureSession(fixtureStaff('owner')), locale: 'en' });
      const answer = api.onPasswordNeeded!();
      await settle(el);
      api.onSessionEnded!();
      expect(await answer).to.equal(false);
      await settle(el);
      expect(dialogOf(el).open).to.equal(false);
    });
  });

  describe('the language', () => {
    it('follows the browser’s language at first, switches with the select, and remembers the choice', async () => {
      const { el } = await mount({ resume: fixtureSession(fixtureStaff('owner')) });
      expect(el.locale).to.equal('en');
      const select = root(el).querySelector('select')!;
      expect(select.value).to.equal('en');
      select.value = 'pt-BR';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(navLabels(el)[0]).to.equal('Configurações');
      expect(root(el).querySelector('[part~=sign-out]')!.textContent!.trim()).to.equal('Sair');
      expect((mainOf(el).querySelector('stub-settings') as StubSection).locale).to.equal('pt-BR');
      expect(localStorage.getItem(LOCALE_STORAGE_KEY)).to.equal('pt-BR');
      expect(dialogOf(el).locale).to.equal('pt-BR');
      await expect(el).to.be.accessible();

      select.value = 'es';
      select.dispatchEvent(new Event('change'));
      await settle(el);
      expect(norm(root(el).querySelector('[part~=me]')!.textContent)).to.include('Helena Duarte, propietario');
      const again = await mount({ resume: fixtureSession(fixtureStaff('owner')) });
      expect(again.el.locale).to.equal('es');
    });

    it('speaks the chosen language on the sign-in too', async () => {
      const { el } = await mount({ locale: 'es' });
      expect(signInOf(el).querySelector('h2')!.textContent).to.equal('Acceda a la consola del personal');
      expect(root(el).querySelector('h1')!.textContent).to.equal('Consola del personal de Portico');
      await expect(el).to.be.accessible();
    });
  });
});
