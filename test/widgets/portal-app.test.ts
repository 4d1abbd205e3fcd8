/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../widgets/app/portal-app.ts';
import type { PortalApp } from '../../widgets/app/portal-app.ts';
import { routeOf, safeHttpsUrl } from '../../widgets/app/sections.ts';
import { ApiError, type Module } from '../../widgets/core/api-client.ts';
import { fixtureSession, fixtureTenant, profileCalls, provideFixtureRuntime, type FixtureApi } from '../../widgets/core/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];
const ONE_ACCOUNT = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: 'all' as const }];
const ALL: Module[] = ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile'];

interface MountOptions {
  session?: 'full' | 'quick' | 'out';
  modules?: Module[];
  width?: number;
  hash?: string;
  locale?: Locale;
  auth?: Calls;
  links?: ReturnType<typeof fixtureTenant>['links'];
}

async function mount(options: MountOptions = {}) {
  setHash(options.hash ?? '');
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`width: ${options.width ?? 960}px`}></div>`);
  const session = options.session ?? 'full';
  const tenant = fixtureTenant({ modules: [...ALL, 'news'], ...(options.links ? { links: options.links } : {}) });
  const provided = provideFixtureRuntime(wrapper, { tenant }, {
    locale: options.locale ?? 'en',
    auth: {
      ...(session === 'full' ? { refresh: async () => fixtureSession({ accountId: 'a1', accounts: ONE_ACCOUNT }) } : {}),
      listModules: async () => ({ modules: options.modules ?? ALL }),
      // Ana's profile, confirmed unless a test says otherwise (no banner, home first).
      ...profileCalls('normal'),
      ...options.auth,
    },
  });
  const el = document.createElement('portal-app') as PortalApp;
  wrapper.append(el);
  await provided.loaded;
  if (session === 'quick') provided.runtime.runtime.quickAccessOpened({ accessToken: 'qa.token', expiresIn: 900, processId: 'p1' });
  await settle(el);
  return { el, ...provided, api: provided.api as FixtureApi };
}

/** Sets the hash without a history entry or a `hashchange`. */
function setHash(hash: string) {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

async function settle(el: PortalApp) {
  // The layout follows a ResizeObserver, which reports before the next frame.
  await new Promise(requestAnimationFrame);
  for (let i = 0; i < 10; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const root = (el: PortalApp) => el.shadowRoot!;
const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const menu = (el: PortalApp) => [...root(el).querySelectorAll<HTMLAnchorElement>('[part~=nav-link]')].map((a) => norm(a.textContent));
const link = (el: PortalApp, label: string) => [...root(el).querySelectorAll<HTMLAnchorElement>('[part~=nav-link]')].find((a) => norm(a.textContent) === label)!;
const current = (el: PortalApp) => norm(root(el).querySelector('[part~=nav-link][aria-current=page]')?.textContent);
const main = (el: PortalApp) => root(el).querySelector<HTMLElement>('[part~=main]')!;
const shown = (el: PortalApp) => main(el).querySelector(':scope > :not(p)')?.localName;

describe('<portal-app>', () => {
  afterEach(() => setHash(''));

  it('signed out: the brand and the sign-in (in the light DOM), no menu', async () => {
    const { el } = await mount({ session: 'out' });
    expect(root(el).querySelector('portal-brand')).to.exist;
    const login = el.querySelector(':scope > portal-login')!;
    expect(login.getAttribute('slot')).to.equal('login');
    expect(root(el).querySelector('slot[name=login]')).to.exist;
    expect(root(el).querySelector('[part~=nav]')).to.be.null;
    await customElements.whenDefined('portal-login');
    await settle(el);
    expect(login.querySelector('input[autocomplete=username]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('signed in: home first, a menu of exactly the account’s modules in order', async () => {
    const { el, api } = await mount({ modules: ['documents', 'billing', 'requests'] });
    expect(api.log.find((c) => c.name === 'listModules')!.args[1]).to.deep.equal({ accountId: 'a1' });
    expect(menu(el)).to.deep.equal(['Home', 'Billing', 'Documents', 'Requests']);
    expect(current(el)).to.equal('Home');
    expect(root(el).querySelector('slot[name=login]')).to.be.null;
    const cards = [...root(el).querySelectorAll('[part~=card]')].map((c) => c.getAttribute('href'));
    expect(cards).to.deep.equal(['#billing', '#documents', '#requests']);
    expect(root(el).querySelector('portal-feedback')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('a switched-off module is absent from the menu and the home page', async () => {
    const { el } = await mount({ modules: ['processes', 'documents', 'profile'] });
    expect(menu(el)).to.not.include('Billing');
    expect(root(el).querySelector('[href="#billing"]')).to.be.null;
  });

  it('clicking a link sets the hash, shows the element, focuses the section and says so', async () => {
    const { el } = await mount();
    const changed = oneEvent(el, 'portal-section-change');
    link(el, 'Billing').click();
    expect((await changed).detail.section).to.equal('billing');
    await settle(el);
    expect(location.hash).to.equal('#billing');
    expect(current(el)).to.equal('Billing');
    expect(shown(el)).to.equal('portal-billing');
    expect(root(el).activeElement).to.equal(main(el));
    expect(norm(root(el).querySelector('[role=status][aria-live]')!.textContent)).to.equal('Section: Billing');
    await customElements.whenDefined('portal-billing');
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('the back button returns to the previous section', async () => {
    const { el } = await mount();
    link(el, 'Billing').click();
    await settle(el);
    link(el, 'Documents').click();
    await settle(el);
    expect(shown(el)).to.equal('portal-documents');
    const back = oneEvent(window, 'hashchange');
    history.back();
    await back;
    await settle(el);
    expect(location.hash).to.equal('#billing');
    expect(shown(el)).to.equal('portal-billing');
    expect(current(el)).to.equal('Billing');
  });

  it('a shared link (#documents) opens its section after sign-in', async () => {
    const { el } = await mount({ hash: '#documents' });
    expect(current(el)).to.equal('Documents');
    expect(shown(el)).to.equal('portal-documents');
    await customElements.whenDefined('portal-documents');
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('#processes/<id> opens that process', async () => {
    const { el } = await mount({ hash: '#processes/p2' });
    const tracker = main(el).querySelector('portal-process-tracker')!;
    expect(tracker.getAttribute('process')).to.equal('p2');
  });

  it('an unknown or switched-off section: home, with a polite notice', async () => {
    const { el } = await mount({ hash: '#billing', modules: ['documents'] });
    expect(current(el)).to.equal('Home');
    expect(norm(root(el).querySelector('[part~=notice]')?.textContent)).to.contain('not available');
    await expect(el).to.be.accessible();
    window.location.hash = '#nonsense';
    await oneEvent(window, 'hashchange');
    await settle(el);
    expect(current(el)).to.equal('Home');
    expect(root(el).querySelector('[part~=notice]')).to.exist;
  });

  it('leaves other widgets’ hashes and the page’s own anchors alone', async () => {
    expect(routeOf('#portico-link=abc')).to.be.undefined;
    expect(routeOf('#portico-request=1234')).to.be.undefined;
    expect(routeOf('#documents')).to.deep.equal({ section: 'documents' });
    const anchor = document.createElement('div');
    anchor.id = 'contact';
    document.body.append(anchor);
    expect(routeOf('#contact')).to.be.undefined;
    anchor.remove();
    const { el } = await mount();
    link(el, 'Documents').click();
    await settle(el);
    window.location.hash = '#portico-request=00000000-0000-0000-0000-000000000000';
    await oneEvent(window, 'hashchange');
    await settle(el);
    expect(current(el)).to.equal('Documents');
    expect(root(el).querySelector('[part~=notice]')).to.be.null;
  });

  it('quick access: only the process tracker (and news when listed)', async () => {
    const { el } = await mount({ session: 'quick', modules: ['processes'] });
    expect(root(el).querySelector('[part~=nav]')).to.be.null;
    expect(shown(el)).to.equal('portal-process-tracker');
    expect(root(el).querySelector('[part~=change-account]')).to.be.null;
    await customElements.whenDefined('portal-process-tracker');
    await settle(el);
    await expect(el).to.be.accessible();
  });

  it('quick access with news: a menu of the tracker and the news, nothing else', async () => {
    const { el } = await mount({ session: 'quick', modules: ['processes', 'news', 'billing'] as Module[], hash: '#billing' });
    expect(menu(el)).to.deep.equal(['My processes', 'News']);
    expect(current(el)).to.equal('My processes');
  });

  it('profile first: an unconfirmed profile opens first, with a banner elsewhere', async () => {
    const { el } = await mount({ auth: profileCalls('confirmation-required') });
    expect(current(el)).to.equal('My data');
    expect(root(el).querySelector('[part~=confirm-banner]')).to.be.null;
    link(el, 'Home').click();
    await settle(el);
    const banner = root(el).querySelector('[part~=confirm-banner]')!;
    expect(norm(banner.textContent)).to.contain('Please confirm your data');
    banner.querySelector('a')!.click();
    await settle(el);
    expect(current(el)).to.equal('My data');
  });

  it('on a phone the menu folds behind a disclosure button', async () => {
    const { el } = await mount({ width: 320 });
    const toggle = root(el).querySelector<HTMLButtonElement>('[part~=nav-toggle]')!;
    const list = root(el).querySelector<HTMLElement>('[part~=nav-list]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expect(toggle.getAttribute('aria-controls')).to.equal(list.id);
    expect(list.hidden).to.be.true;
    expect(list.getClientRects().length, 'the folded menu takes no room on screen').to.equal(0);
    await expect(el).to.be.accessible();
    toggle.click();
    await settle(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(list.hidden).to.be.false;
    expect(list.getClientRects().length).to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    link(el, 'Requests').click();
    await settle(el);
    expect(location.hash).to.equal('#requests');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
  });

  it('a failed profile call shows no banner', async () => {
    const { el } = await mount({ auth: { getProfile: async () => Promise.reject(new ApiError('network_error', 0, '')) } });
    expect(current(el)).to.equal('Home');
    expect(root(el).querySelector('[part~=confirm-banner]')).to.be.null;
  });

  it('on a wide screen the menu shows, with no toggle', async () => {
    const { el } = await mount({ width: 960 });
    expect(root(el).querySelector('[part~=nav-toggle]')).to.be.null;
    expect(root(el).querySelector<HTMLElement>('[part~=nav-list]')!.hidden).to.be.false;
  });

  it('footer: https links only, opened safely, named by network; the business’s name', async () => {
    const { el } = await mount({
      links: {
        site: 'javascript:alert(1)',
        social: [
          { network: 'instagram', url: 'https://www.instagram.com/clinicasol' },
          { network: 'facebook', url: 'http://facebook.com/clinicasol' },
          { network: 'x', url: 'javascript:alert(1)' },
          { network: 'linkedin', url: 'https://www.linkedin.com/company/clinicasol' },
        ],
      },
    });
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part~=footer-link]')];
    expect(links.map((a) => a.href)).to.deep.equal(['https://www.instagram.com/clinicasol', 'https://www.linkedin.com/company/clinicasol']);
    for (const a of links) {
      expect(a.rel).to.equal('noopener noreferrer');
      expect(a.target).to.equal('_blank');
    }
    expect(norm(links[0]!.textContent)).to.equal('Instagram (opens in a new tab)');
    expect(norm(root(el).querySelector('[part~=tenant]')!.textContent)).to.equal('Clínica Sol');
    expect(safeHttpsUrl('JAVASCRIPT:alert(1)')).to.be.undefined;
  });

  it('the site link shows when it is https', async () => {
    const { el } = await mount({ session: 'out' });
    const links = [...root(el).querySelectorAll<HTMLAnchorElement>('[part~=footer-link]')].map((a) => a.href);
    expect(links).to.deep.equal(['https://www.clinicasol.example/', 'https://www.instagram.com/clinicasol']);
  });

  it('a user of several accounts chooses one first (in the sign-in), and may change it', async () => {
    const { el, runtime } = await mount({ auth: { refresh: async () => fixtureSession() } });
    expect(root(el).querySelector('slot[name=login]')).to.exist;
    expect(root(el).querySelector('[part~=nav]')).to.be.null;
    await runtime.runtime.chooseAccount('a2');
    await settle(el);
    expect(root(el).querySelector('slot[name=login]')).to.be.null;
    expect(menu(el)[0]).to.equal('Home');
    root(el).querySelector<HTMLButtonElement>('[part~=change-account]')!.click();
    await settle(el);
    expect(root(el).querySelector('slot[name=login]')).to.exist;
    expect(el.querySelector('portal-login')!.getAttribute('view')).to.equal('accounts');
  });

  it('sign out returns to the sign-in', async () => {
    const { el } = await mount();
    root(el).querySelector<HTMLButtonElement>('[part~=sign-out]')!.click();
    await settle(el);
    expect(root(el).querySelector('slot[name=login]')).to.exist;
    expect(root(el).querySelector('[part~=nav]')).to.be.null;
  });

  it('a draft for a request opens the requests section', async () => {
    const { el } = await mount();
    const source = document.createElement('span');
    main(el).append(source);
    const event = new CustomEvent('portal-request-new', { detail: { category: 'general', subject: 'Hi' }, bubbles: true, composed: true, cancelable: true });
    source.dispatchEvent(event);
    expect(event.defaultPrevented).to.be.true;
    await settle(el);
    expect(current(el)).to.equal('Requests');
    await customElements.whenDefined('portal-requests');
    await settle(el);
    const requests = main(el).querySelector('portal-requests')!;
    expect(requests.draft?.subject).to.equal('Hi');
  });

  it('speaks Spanish', async () => {
    const { el } = await mount({ locale: 'es', modules: ['billing', 'documents'] });
    expect(menu(el)).to.deep.equal(['Inicio', 'Pagos', 'Documentos']);
    expect(norm(root(el).querySelector('[part~=home]')!.textContent)).to.contain('¿Qué desea hacer?');
    await expect(el).to.be.accessible();
  });
});
