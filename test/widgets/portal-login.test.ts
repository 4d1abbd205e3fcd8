/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/login/portal-login.ts';
import type { PortalLogin } from '../../widgets/login/portal-login.ts';
import { ApiError, HttpPortalApi } from '../../widgets/core/api-client.ts';
import { fixtureSession, fixtureTenant, provideFixtureRuntime, type FixtureApi } from '../../widgets/core/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { recordFetch } from './fetch-recorder.ts';

type Auth = Parameters<typeof provideFixtureRuntime>[2] extends infer O ? (O extends { auth?: infer A } ? A : never) : never;

async function mount(options: { locale?: Locale; auth?: Auth; modules?: string[] } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const provided = provideFixtureRuntime(wrapper, { tenant: fixtureTenant({ modules: options.modules ?? [] }) }, { locale: options.locale ?? 'en', auth: options.auth });
  const el = document.createElement('portal-login') as PortalLogin;
  wrapper.append(el);
  await provided.loaded;
  await settle(el);
  return { el, ...provided };
}

async function settle(el: PortalLogin) {
  for (let i = 0; i < 5; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
  }
}

const input = (el: PortalLogin, name: string) => el.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
const text = (el: PortalLogin) => el.textContent!.replace(/\s+/g, ' ');
async function type(el: PortalLogin, name: string, value: string) {
  input(el, name).focus();
  await sendKeys({ type: value });
}
async function clickLink(el: PortalLogin, label: string) {
  [...el.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.includes(label))!.click();
  await settle(el);
}

describe('HttpPortalApi: signing out', () => {
  const http = recordFetch();

  it('sends the sign-out with the cookie and keepalive, so leaving the page at once does not drop it', async () => {
    await new HttpPortalApi('https://portal.example.com/', 'clinica-sol').signOut();
    expect(http.sent).to.have.length(1);
    expect([http.sent[0]!.method, http.sent[0]!.url]).to.deep.equal(['POST', 'https://portal.example.com/api/portal/auth/sign-out']);
    expect(http.sent[0]!.keepalive).to.equal(true);
    expect(http.sent[0]!.credentials).to.equal('include');
    expect(http.sent[0]!.headers).to.include({ 'X-Portal-Tenant': 'clinica-sol' });
  });
});

describe('<portal-login>', () => {
  it('on a closed or unknown portal says so, in each language, instead of a form that could only fail', async () => {
    const closed = { en: 'This portal is not available', 'pt-BR': 'Este portal não está disponível', es: 'Este portal no está disponible' };
    for (const [locale, phrase] of Object.entries(closed) as [Locale, string][]) {
      const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
      const provided = provideFixtureRuntime(wrapper, { error: 'tenant_not_found' }, { locale });
      const el = document.createElement('portal-login') as PortalLogin;
      wrapper.append(el);
      await provided.loaded;
      await settle(el);
      expect(el.querySelector('form, input'), locale).to.equal(null);
      expect(text(el), locale).to.contain(phrase);
      await expect(el).to.be.accessible();
    }
  });

  it('puts real inputs with autocomplete tokens in the light DOM, inside a form', async () => {
    const { el } = await mount();
    expect(el.shadowRoot).to.equal(null);
    expect(input(el, 'email').closest('form')).to.exist;
    expect(input(el, 'email').autocomplete).to.equal('username');
    expect(input(el, 'password').autocomplete).to.equal('current-password');
    await expect(el).to.be.accessible();
  });

  it('signs in with the keyboard alone, and tells the page', async () => {
    const { el, api, runtime } = await mount();
    await sendKeys({ press: 'Tab' });
    expect(document.activeElement).to.equal(input(el, 'email'));
    await sendKeys({ type: 'rh@horizonte.example' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'horizonte-demo-2026' });
    const signedIn = oneEvent(el, 'portal-signed-in');
    await sendKeys({ press: 'Enter' });
    const event = await signedIn;
    expect(event.detail.email).to.equal('rh@horizonte.example');
    expect((api as FixtureApi).log.at(-1)).to.deep.equal({ name: 'signIn', args: ['rh@horizonte.example', 'horizonte-demo-2026'] });
    expect(runtime.runtime.session.status).to.equal('signed-in');
    await settle(el);
    expect(text(el)).to.contain('Which account?');
    await expect(el).to.be.accessible();
  });

  it('shows a wrong password as an alert, focused, without losing the e-mail', async () => {
    const { el } = await mount({ auth: { signIn: () => Promise.reject(new ApiError('invalid_credentials', 401, '')) } });
    await type(el, 'email', 'rh@horizonte.example');
    await type(el, 'password', 'nope');
    input(el, 'password').form!.requestSubmit();
    await settle(el);
    const alert = el.querySelector('.pl-alert')!;
    expect(alert.textContent).to.equal('Wrong e-mail or password.');
    expect(document.activeElement).to.equal(alert);
    expect(input(el, 'email').value).to.equal('rh@horizonte.example');
    await expect(el).to.be.accessible();
  });

  it('says when to try again after too many attempts, in the reader’s language', async () => {
    const { el } = await mount({ locale: 'pt-BR', auth: { signIn: () => Promise.reject(new ApiError('too_many_attempts', 429, '', 42)) } });
    await type(el, 'email', 'rh@horizonte.example');
    await type(el, 'password', 'x');
    input(el, 'password').form!.requestSubmit();
    await settle(el);
    expect(el.querySelector('.pl-alert')!.textContent).to.contain('42 segundos');
  });

  it('checks fields before sending: a bad e-mail is marked and described, and focused', async () => {
    const { el, api } = await mount({ locale: 'es' });
    await type(el, 'email', 'not-an-email');
    input(el, 'email').form!.requestSubmit();
    await settle(el);
    expect(input(el, 'email').getAttribute('aria-invalid')).to.equal('true');
    expect(document.getElementById(input(el, 'email').getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).to.contain('nombre@ejemplo.com');
    expect(document.activeElement).to.equal(input(el, 'email'));
    expect((api as FixtureApi).log).to.deep.equal([{ name: 'refresh', args: [] }]);
    await expect(el).to.be.accessible();
  });

  it('registers with an e-mailed code: says it is not a password, checks the two passwords', async () => {
    const { el, api } = await mount();
    await clickLink(el, 'Register with a code');
    await type(el, 'email', 'ana@example.com');
    input(el, 'email').form!.requestSubmit();
    await settle(el);
    expect(text(el)).to.contain('It is not a password');
    expect(text(el)).to.contain('spam');
    expect(input(el, 'code').autocomplete).to.equal('one-time-code');
    expect(input(el, 'new-password').autocomplete).to.equal('new-password');
    await expect(el).to.be.accessible();
    await type(el, 'code', '123 456');
    await type(el, 'new-password', 'a long passphrase');
    await type(el, 'repeat-password', 'a different one');
    input(el, 'code').form!.requestSubmit();
    await settle(el);
    expect(text(el)).to.contain('The two passwords are different.');
    input(el, 'repeat-password').value = 'a long passphrase';
    input(el, 'code').form!.requestSubmit();
    await settle(el);
    expect((api as FixtureApi).log.at(-1)).to.deep.equal({ name: 'register', args: ['ana@example.com', '123456', 'a long passphrase'] });
  });

  it('shows a wrong code next to the code field', async () => {
    const { el } = await mount({ auth: { register: () => Promise.reject(new ApiError('invalid_code', 400, '')) } });
    await clickLink(el, 'Register with a code');
    await type(el, 'email', 'ana@example.com');
    input(el, 'email').form!.requestSubmit();
    await settle(el);
    await type(el, 'code', '000000');
    await type(el, 'new-password', 'a long passphrase');
    await type(el, 'repeat-password', 'a long passphrase');
    input(el, 'code').form!.requestSubmit();
    await settle(el);
    expect(input(el, 'code').getAttribute('aria-invalid')).to.equal('true');
    expect(text(el)).to.contain('The code is wrong or has expired');
  });

  for (const [link, call] of [['Forgot your password?', 'forgotPassword'], ['First access?', 'firstAccess']] as const) {
    it(`${link}: sends a link, and says so the same way whether or not the e-mail is known`, async () => {
      const { el, api } = await mount();
      await clickLink(el, link);
      await type(el, 'email', 'someone@example.com');
      input(el, 'email').form!.requestSubmit();
      await settle(el);
      expect((api as FixtureApi).log.at(-1)!.name).to.equal(call);
      expect(text(el)).to.contain('If someone@example.com is registered with us');
      await expect(el).to.be.accessible();
    });
  }

  it('offers quick access by process number only where the tenant has processes', async () => {
    expect(text((await mount()).el)).not.to.contain('process number');
    const { el, runtime } = await mount({ modules: ['processes'] });
    await clickLink(el, 'Enter with the process number');
    await type(el, 'number', '4829163057');
    await type(el, 'access-key', 'MC7Q-X2LP-9DKA-R4TW');
    input(el, 'number').form!.requestSubmit();
    await settle(el);
    expect(runtime.runtime.session.status).to.equal('quick-access');
    expect(text(el)).to.contain('following one process');
    await expect(el).to.be.accessible();
  });

  it('lands from an e-mailed link: takes the token out of the address bar, asks for a password, signs in', async () => {
    const token = 'A'.repeat(43);
    history.replaceState(null, '', `${location.pathname}#portico-link=${token}`);
    const { el, api } = await mount();
    expect(location.hash).to.equal('');
    expect(text(el)).to.contain('Choose a password to activate your access');
    await expect(el).to.be.accessible();
    await type(el, 'new-password', 'activated passphrase');
    await type(el, 'repeat-password', 'activated passphrase');
    input(el, 'new-password').form!.requestSubmit();
    await settle(el);
    expect((api as FixtureApi).log.at(-1)).to.deep.equal({ name: 'redeemLink', args: [token, 'activated passphrase'] });
  });

  it('a dead link says so and offers the ways to get a new one', async () => {
    history.replaceState(null, '', `${location.pathname}#portico-link=${'B'.repeat(43)}`);
    const { el } = await mount({ auth: { inspectLink: () => Promise.reject(new ApiError('invalid_link', 400, '')) } });
    expect(text(el)).to.contain('This link has expired or was already used');
    await expect(el).to.be.accessible();
  });

  it('the account picker chooses an account; signed in, the account shows and can be changed; sign out tells the page', async () => {
    const { el, runtime, api } = await mount({ auth: { refresh: async () => fixtureSession() } });
    expect(text(el)).to.contain('Which account?');
    await clickLink(el, 'Metalúrgica Horizonte Ltda');
    expect((api as FixtureApi).log.at(-1)!.name).to.equal('chooseAccount');
    expect(text(el)).to.contain('Signed in as rh@horizonte.example');
    expect(text(el)).to.contain('Account: Metalúrgica Horizonte Ltda');
    await expect(el).to.be.accessible();
    const signedOut = oneEvent(el, 'portal-signed-out');
    await clickLink(el, 'Sign out');
    await signedOut;
    expect(runtime.runtime.session.status).to.equal('signed-out');
    expect(input(el, 'email')).to.exist;
  });

  it('announces a session restored after a reload', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
    const announced = oneEvent(wrapper, 'portal-signed-in');
    const provided = provideFixtureRuntime(wrapper, { tenant: fixtureTenant() }, { locale: 'en', auth: { refresh: async () => fixtureSession({ accountId: 'a1' }) } });
    wrapper.append(document.createElement('portal-login'));
    await provided.loaded;
    expect((await announced).detail.email).to.equal('rh@horizonte.example');
  });

  it('fits a 320 px screen', async () => {
    const { el } = await mount();
    (el.parentElement as HTMLElement).style.width = '320px';
    await settle(el);
    expect(el.scrollWidth).to.be.at.most(320);
  });
});
