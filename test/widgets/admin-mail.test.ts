/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/mail/admin-mail.ts';
import type { AdminMail } from '../../widgets/admin/mail/admin-mail.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import { fixtureMailMe, fixtureOutbox, mailRequest } from '../../widgets/admin/mail/fixtures.ts';
import { fixtureMe } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { buttonIn as button, change, facts, find as $, findAll as $$, mountSection, settleTabs as settle, textIn as text } from './admin-test-kit.ts';

type Request = { method: string; path: string; body: unknown };
type Router = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** The fixture router with some routes answered otherwise (keyed `METHOD /path`, without the query); every request written down. */
function recording(overrides: Record<string, Router> = {}, options: Parameters<typeof mailRequest>[0] = {}) {
  const log: Request[] = [];
  const fallback = mailRequest(options) as unknown as Router;
  const request = (method: string, path: string, body?: unknown) => {
    log.push({ method, path, body });
    return (overrides[`${method} ${path.split('?')[0]}`] ?? fallback)(method, path, body);
  };
  return { api: fakeAdminApi({ request: request as AdminApi['request'] }), log };
}
type Recorded = ReturnType<typeof recording>;

async function mount(recorded: Recorded = recording(), options: { me?: StaffMe; locale?: Locale; tab?: AdminMail['tab']; pollInterval?: number } = {}) {
  const { el, wrapper } = await mountSection(
    'admin-mail',
    { api: recorded.api, me: options.me ?? fixtureMailMe(), locale: options.locale ?? 'en', ...(options.tab ? { tab: options.tab } : {}), pollInterval: options.pollInterval ?? 10 },
    { settle },
  );
  return { el, wrapper, ...recorded };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits (at most 3 s) until `condition` holds: timers under a loaded test run may be late. */
async function until(el: AdminMail, condition: () => boolean) {
  for (let waited = 0; !condition() && waited < 3000; waited += 20) await wait(20);
  await settle(el);
}

const panel = (el: AdminMail) => el.shadowRoot!.querySelector('[role=tabpanel]:not([hidden]) > *')!.shadowRoot!;
const paths = (log: Request[], method = 'GET') => log.filter((call) => call.method === method).map((call) => call.path);
const writes = (log: Request[]) => log.filter((call) => call.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));
const item = (root: ParentNode, id: number) => $(root, `[part~=item][data-id="${id}"]`);

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-mail>', () => {
  it('asks nothing without mail:write, and says who changes the SMTP settings', async () => {
    const { el, log } = await mount(recording(), { me: fixtureMe({ role: 'read-only', scopes: ['accounts:read', 'audit:read'] }) });
    expect(text(el.shadowRoot!)).to.contain('Only owners and administrators manage the portal’s mail.');
    expect(text($(el.shadowRoot!, '[part~=smtp-note]'))).to.equal('Mail is sent through the server’s SMTP settings; ask your Portico operator to change them.');
    expect(el.shadowRoot!.querySelector('[role=tablist]')).to.be.null;
    expect(log).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  describe('outbox', () => {
    it('lists the outbox: address, status, template in words, language, attempts, times, last error', async () => {
      const { el, log } = await mount();
      expect(paths(log)).to.deep.equal(['/api/v1/mail/outbox']);
      const root = panel(el);
      expect($$(root, '[part~=list] > [part~=item]')).to.have.length(6);
      const waiting = item(root, 1207);
      expect(text($(waiting, 'h4'))).to.equal('rh@transportesrapidosul.example');
      expect(text($(waiting, '[part~=badge]'))).to.equal('Waiting');
      const waitingFacts = facts(waiting);
      expect(waitingFacts).to.include({ Template: 'New document', Language: 'Português (Brasil)', Attempts: '2' });
      expect(waitingFacts).to.have.keys('Template', 'Language', 'Attempts', 'Queued', 'Next attempt');
      expect(text($(waiting, '[part~=last-error]'))).to.equal('Last error: connect ETIMEDOUT 203.0.113.25:587');
      const sent = item(root, 1206);
      expect(text($(sent, '[part~=badge]'))).to.equal('Sent');
      expect(facts(sent)).to.have.keys('Template', 'Language', 'Attempts', 'Queued', 'Sent');
      expect(sent.querySelector('[part~=retry]')).to.be.null;
      const queued = $(sent, 'time');
      expect(Math.abs(Date.parse(queued.getAttribute('datetime')!) - Date.parse(fixtureOutbox()[2]!.createdAt))).to.be.below(5_000);
      expect(text(queued)).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(queued.getAttribute('datetime')!)));
      expect(text($(item(root, 1203), '[part~=badge]'))).to.equal('Failed');
      await expect(el).to.be.accessible();
    });

    it('filters by status and loads older mail', async () => {
      const { el, log } = await mount();
      const root = panel(el);
      button(root, 'Load older mail').click();
      await settle(el);
      expect(paths(log)).to.deep.equal(['/api/v1/mail/outbox', '/api/v1/mail/outbox?before=1200']);
      expect($$(root, '[part~=list] > [part~=item]')).to.have.length(8);
      expect(root.activeElement).to.equal($(root, '#mail-1199'));
      expect(root.querySelector('[part~=more]')).to.be.null;
      change($(root, 'select[name=status]'), 'failed');
      await settle(el);
      expect(paths(log).at(-1)).to.equal('/api/v1/mail/outbox?status=failed');
      expect($$(root, '[part~=list] > [part~=item]').map((li) => li.dataset.id)).to.deep.equal(['1203']);
      await expect(el).to.be.accessible();
    });

    it('retries a failed mail and announces it; explains a 409 mail_already_sent', async () => {
      const { el, log } = await mount(recording({ 'POST /api/v1/mail/outbox/1207/retry': async () => Promise.reject(new ApiError('mail_already_sent', 409, 'sent')) }));
      const root = panel(el);
      const failed = item(root, 1203);
      const retry = $<HTMLButtonElement>(failed, '[part~=retry]');
      expect(retry.getAttribute('aria-label')).to.equal('Retry now: mail to contato@antiga-empresa.example');
      retry.click();
      await settle(el);
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: '/api/v1/mail/outbox/1203/retry', body: undefined }]);
      expect(text($(failed, '[part~=badge]'))).to.equal('Waiting');
      expect(facts(failed).Attempts).to.equal('0');
      expect(text($(root, '[part~=announcement][role=status]'))).to.equal('The mail to contato@antiga-empresa.example will be sent again in a moment.');

      $<HTMLButtonElement>(item(root, 1207), '[part~=retry]').click();
      await settle(el);
      expect(text($(item(root, 1207), '[part~=error][role=alert]'))).to.equal('This mail was already sent, so there is nothing to retry. Reload the list to see it as sent.');
      await expect(el).to.be.accessible();
    });

    it('shows loading, empty and error states', async () => {
      const loading = await mount(recording({}, { state: 'loading' }));
      expect($(panel(loading.el), '.list-region').getAttribute('aria-busy')).to.equal('true');
      expect(text($(panel(loading.el), '[part~=status]'))).to.equal('Loading…');
      await expect(loading.el).to.be.accessible();

      const empty = await mount(recording({}, { state: 'empty' }));
      expect(text($(panel(empty.el), '[part~=empty]'))).to.equal('No mail sent yet.');
      await expect(empty.el).to.be.accessible();

      const failed = await mount(recording({}, { state: 'error' }));
      expect(text($(panel(failed.el), '[part~=error][role=alert]'))).to.contain('We could not reach the server.');
      await expect(failed.el).to.be.accessible();
      button(panel(failed.el), 'Try again').click();
      await settle(failed.el);
      expect(paths(failed.log)).to.have.length(2);
    });
  });

  describe('templates', () => {
    it('previews a template in a language: subject, a sandboxed frame without scripts, and the plain text', async () => {
      const { el, log } = await mount(recording(), { tab: 'templates' });
      const root = panel(el);
      // The portal's language first (Clínica Sol's is pt-BR), whatever the staff member reads the console in.
      expect(paths(log)).to.deep.equal(['/api/v1/mail/templates', '/api/v1/mail/templates/activation/preview?locale=pt-BR']);
      const options = $$<HTMLOptionElement>(root, 'select[name=template] option');
      expect(options).to.have.length(13);
      expect(text(options.find((option) => option.value === 'reset')!)).to.equal('Password reset');

      change($(root, 'select[name=template]'), 'reset');
      await settle(el);
      change($(root, 'select[name=locale]'), 'es');
      await settle(el);
      expect(paths(log).slice(2)).to.deep.equal(['/api/v1/mail/templates/reset/preview?locale=pt-BR', '/api/v1/mail/templates/reset/preview?locale=es']);
      expect(text($(root, '[part~=subject]'))).to.equal('Subject: Clínica Sol: restablecer la contraseña');
      const frame = $<HTMLIFrameElement>(root, 'iframe');
      expect(frame.hasAttribute('sandbox')).to.be.true;
      expect(frame.getAttribute('sandbox')).to.equal('');
      expect(frame.sandbox.contains('allow-scripts')).to.be.false;
      expect(frame.sandbox.contains('allow-same-origin')).to.be.false;
      expect(frame.getAttribute('title')).to.equal('Preview of the e-mail “Password reset” in Español');
      // Loaded from the preview's own address (its own policy), never written into the frame by the console.
      expect(frame.hasAttribute('srcdoc')).to.be.false;
      expect(decodeURIComponent(frame.src)).to.contain('Restablecer contraseña');
      // An opaque origin: the console cannot reach into it, nor it into the console.
      expect(frame.contentDocument).to.be.null;
      expect($(root, 'pre[part~=text]').textContent).to.contain('Recibimos una solicitud para restablecer su contraseña.');
      await expect(el).to.be.accessible();
    });

    it('shows a failed preview with a retry', async () => {
      let fail = true;
      const preview: Router = async (method, path) => {
        if (fail) throw new ApiError('not_found', 404, 'gone');
        return mailRequest()(method as 'GET', path);
      };
      const { el, log } = await mount(recording({ 'GET /api/v1/mail/templates/activation/preview': preview }), { tab: 'templates' });
      const root = panel(el);
      expect(text($(root, '.preview-region [part~=error]'))).to.contain('This mail or template no longer exists.');
      await expect(el).to.be.accessible();
      fail = false;
      button($(root, '.preview-region'), 'Try again').click();
      await settle(el);
      expect(paths(log).filter((path) => path.includes('/preview'))).to.have.length(2);
      expect(root.querySelector('iframe')).to.exist;
    });
  });

  describe('test mail', () => {
    it('sends to the staff member’s address by default and follows the delivery until it is sent', async () => {
      const { el, log } = await mount(recording({}, { pendingLookups: 2, testOutcome: 'sent' }), { tab: 'test' });
      const root = panel(el);
      const me = fixtureMailMe();
      expect($<HTMLInputElement>(root, '#test-to').value).to.equal(me.email);
      expect($<HTMLSelectElement>(root, '#test-locale').value).to.equal('pt-BR');
      await expect(el).to.be.accessible();
      change($(root, '#test-locale'), 'en');
      button(root, 'Send test mail').click();
      await settle(el, 2);
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: '/api/v1/mail/test', body: { to: me.email, locale: 'en' } }]);
      expect(text($(root, '[part~=announcement][role=status]'))).to.equal('Test mail queued (#1209).');
      expect($(root, '[part~=delivery]').getAttribute('role')).to.equal('status');
      expect(text($(root, '[part~=delivery]'))).to.equal('Waiting for it to be sent…');
      await expect(el).to.be.accessible();
      await until(el, () => text($(root, '[part~=delivery]')).startsWith('Sent to'));
      const lookups = paths(log).filter((path) => path.includes('limit=1'));
      expect(lookups).to.deep.equal(['/api/v1/mail/outbox?before=1210&limit=1', '/api/v1/mail/outbox?before=1210&limit=1', '/api/v1/mail/outbox?before=1210&limit=1']);
      expect(text($(root, '[part~=delivery]'))).to.match(new RegExp(`^Sent to ${me.email.replace(/\./g, '\\.')} at .*\\. Check that inbox \\(and its spam folder\\)\\.$`));
      await wait(80);
      expect(paths(log).filter((path) => path.includes('limit=1'))).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('says why it failed, with the server’s error', async () => {
      const { el } = await mount(recording({}, { pendingLookups: 0, testOutcome: 'failed' }), { tab: 'test' });
      const root = panel(el);
      button(root, 'Send test mail').click();
      await until(el, () => text($(root, '[part~=delivery]')).includes('could not be sent'));
      const delivery = $(root, '[part~=delivery]');
      expect(text(delivery)).to.contain('The test mail could not be sent.');
      expect(text($(delivery, '[part~=last-error]'))).to.equal('Last error: Invalid login: 535 5.7.8 Username and Password not accepted');
      expect(text(delivery)).to.contain('Ask your Portico operator to check them');
      await expect(el).to.be.accessible();
    });

    it('stops after ten look-ups, and when the section is removed', async () => {
      const { el, log } = await mount(recording({}, { pendingLookups: 99 }), { tab: 'test', pollInterval: 5 });
      const root = panel(el);
      button(root, 'Send test mail').click();
      await until(el, () => text($(root, '[part~=delivery]')).startsWith('Still waiting'));
      expect(paths(log).filter((path) => path.includes('limit=1'))).to.have.length(10);
      expect(text($(root, '[part~=delivery]'))).to.equal('Still waiting after 0 seconds. The Outbox tab shows when it goes out.');
      await wait(60);
      expect(paths(log).filter((path) => path.includes('limit=1'))).to.have.length(10);

      const second = await mount(recording({}, { pendingLookups: 99 }), { tab: 'test', pollInterval: 100 });
      button(panel(second.el), 'Send test mail').click();
      await settle(second.el, 2);
      expect(text($(panel(second.el), '[part~=announcement]'))).to.equal('Test mail queued (#1209).');
      second.wrapper.remove();
      await wait(300);
      expect(paths(second.log).filter((path) => path.includes('limit=1'))).to.have.length(0);
    });

    it('checks the address first, and shows the server’s refusal', async () => {
      const { el, log } = await mount(recording({ 'POST /api/v1/mail/test': async () => Promise.reject(new ApiError('network_error', 0, 'down')) }), { tab: 'test' });
      const root = panel(el);
      const to = $<HTMLInputElement>(root, '#test-to');
      change(to, 'not-an-address', 'input');
      await settle(el, 2);
      button(root, 'Send test mail').click();
      await settle(el, 2);
      expect(writes(log)).to.have.length(0);
      expect(to.getAttribute('aria-invalid')).to.equal('true');
      expect(text($(root, '#test-to-error'))).to.equal('Enter an e-mail address such as name@example.com.');
      expect(root.activeElement).to.equal(to);
      await expect(el).to.be.accessible();
      to.select();
      await sendKeys({ type: 'ops@clinicasol.example' });
      await sendKeys({ press: 'Enter' });
      await settle(el, 2);
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: '/api/v1/mail/test', body: { to: 'ops@clinicasol.example', locale: 'pt-BR' } }]);
      expect(root.querySelector('#test-to-error')).to.be.null;
      expect(text($(root, '[part~=form] [part~=error][role=alert]'))).to.contain('We could not reach the server.');
      await expect(el).to.be.accessible();
    });
  });

  it('moves between tabs with the arrow keys, and speaks Portuguese and Spanish', async () => {
    const { el } = await mount(recording(), { locale: 'pt-BR' });
    expect(text($(el.shadowRoot!, '[part~=smtp-note]'))).to.equal('Os e-mails saem pelas configurações SMTP do servidor; peça ao operador do Portico para alterá-las.');
    expect(text($(item(panel(el), 1207), '[part~=badge]'))).to.equal('Aguardando');
    el.shadowRoot!.getElementById('tab-outbox')!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await settle(el);
    expect(el.shadowRoot!.activeElement).to.equal(el.shadowRoot!.getElementById('tab-test'));
    expect(text($(panel(el), 'h3'))).to.equal('Enviar um e-mail de teste');

    const es = await mount(recording(), { locale: 'es', tab: 'templates' });
    expect(text($(panel(es.el), 'h3'))).to.equal('Plantillas');
    expect(text($(panel(es.el), 'select[name=template] option'))).to.equal('Activación de la cuenta');
  });
});

