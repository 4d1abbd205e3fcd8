/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/webhooks/admin-webhooks.ts';
import type { AdminWebhooks } from '../../widgets/admin/webhooks/admin-webhooks.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import {
  deliveryId,
  ENDPOINT_IDS,
  FIXTURE_ROTATED_SECRET,
  FIXTURE_SECRET,
  fixtureWebhooksMe,
  webhooksRequest,
  type WebhooksFixtureOptions,
} from '../../widgets/admin/webhooks/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { buttonIn as button, change, facts, find as $, findAll as $$, mountSection, present, settle, textIn as text } from './admin-test-kit.ts';

type Request = { method: string; path: string; body: unknown };
type Router = (method: string, path: string, body?: unknown) => Promise<unknown>;

/** The fixture router with some routes answered otherwise (keyed `METHOD /path`, without the query); every request written down. */
function recording(overrides: Record<string, Router> = {}, options: WebhooksFixtureOptions = {}) {
  const log: Request[] = [];
  const fallback = webhooksRequest(options) as unknown as Router;
  const request = (method: string, path: string, body?: unknown) => {
    log.push({ method, path, body });
    return (overrides[`${method} ${path.split('?')[0]}`] ?? fallback)(method, path, body);
  };
  return { api: fakeAdminApi({ request: request as AdminApi['request'] }), log };
}
type Recorded = ReturnType<typeof recording>;

async function mount(recorded: Recorded = recording(), options: { me?: StaffMe; locale?: Locale; width?: number } = {}) {
  const { el, wrapper } = await mountSection(
    'admin-webhooks',
    { api: recorded.api, me: options.me ?? fixtureWebhooksMe(), locale: options.locale ?? 'en' },
    { width: options.width, exact: options.width !== undefined, settle: (el) => settleAll(el) },
  );
  return { el, wrapper, ...recorded };
}

/** Settles the section and every open delivery log in it. */
async function settleAll(el: AdminWebhooks, rounds = 8) {
  for (let i = 0; i < rounds; i++) {
    await settle(el, 1);
    await Promise.all([...el.shadowRoot!.querySelectorAll('admin-webhook-deliveries')].map((log) => log.updateComplete));
  }
}

const root = (el: AdminWebhooks) => el.shadowRoot!;
const item = (el: AdminWebhooks, id: string) => $(root(el), `[part~=item][data-id="${id}"]`);
const logOf = (el: AdminWebhooks, id: string) => $(item(el, id), 'admin-webhook-deliveries').shadowRoot!;
const delivery = (log: ShadowRoot, n: number) => $(log, `[part~=delivery][data-id="${deliveryId(n)}"]`);
const writes = (log: Request[]) => log.filter((call) => call.method !== 'GET').map(({ method, path, body }) => ({ method, path, body }));
const gets = (log: Request[]) => log.filter((call) => call.method === 'GET').map((call) => call.path);
const announced = (el: AdminWebhooks) => text($(root(el), '[part~=base] > [part~=announcement]'));
const active = (el: AdminWebhooks) => root(el).activeElement;
const erp = ENDPOINT_IDS.erp;

async function click(el: AdminWebhooks, target: HTMLElement) {
  target.click();
  await settleAll(el);
}

async function openLog(el: AdminWebhooks, id: string) {
  await click(el, $(item(el, id), '[part~=log-toggle]'));
  return logOf(el, id);
}

function check(el: AdminWebhooks, type: string, on = true) {
  const box = $<HTMLInputElement>(root(el), `input[name=events][value="${type}"]`);
  box.checked = on;
  box.dispatchEvent(new Event('change', { bubbles: true }));
}

function fill(el: AdminWebhooks, name: 'url' | 'description', value: string) {
  change($<HTMLInputElement>(root(el), `input[name=${name}]`), value, 'input');
}

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-webhooks>', () => {
  it('asks nothing without webhooks:read', async () => {
    const { el, log } = await mount(recording(), { me: fixtureWebhooksMe('no-access') });
    expect(text(root(el))).to.contain('Your role in the console does not include webhooks. Ask an owner or an admin.');
    expect(root(el).querySelector('[part~=list], [part~=new]')).to.be.null;
    expect(log).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  describe('endpoints', () => {
    it('lists each endpoint: address, state, description, events in words, the last 24 h and the last status code', async () => {
      const { el, log } = await mount();
      expect(gets(log)).to.deep.equal(['/api/v1/webhooks']);
      expect($$(root(el), '[part~=list] > [part~=item]').map((li) => li.dataset.id)).to.deep.equal([ENDPOINT_IDS.erp, ENDPOINT_IDS.zapier, ENDPOINT_IDS.bi]);
      const first = item(el, erp);
      expect(text($(first, 'h3'))).to.equal('https://erp.clinicasol.com.br/portico/eventos');
      expect(text($(first, '[part~=badge]'))).to.equal('Enabled');
      expect(text($(first, '[part~=description]'))).to.equal('Integração ERP (Tasy)');
      expect(facts(first)).to.include({
        Events: 'Appointment booked, Appointment cancelled, Charge paid, and Registration data changed',
        'Last 24 hours': 'Delivered: 41 Failed: 1 Waiting: 1',
      });
      expect(facts(first)['Last delivery']).to.match(/ · HTTP 503$/);
      const bi = item(el, ENDPOINT_IDS.bi);
      expect(bi.dataset.status).to.equal('disabled');
      expect(text($(bi, '[part~=badge]'))).to.equal('Disabled');
      expect(bi.querySelector('[part~=description]')).to.be.null;
      expect(facts(bi)).to.include({ Events: 'All events (11)', 'Last delivery': 'None yet' });
      expect(text($(first, '[part~=log-toggle] span:last-child'))).to.equal('Delivery log');
      expect($(first, '[part~=log-toggle]').getAttribute('aria-expanded')).to.equal('false');
      expect($(first, '[part~=ping]').getAttribute('aria-label')).to.equal('Send test event: https://erp.clinicasol.com.br/portico/eventos');
      await expect(el).to.be.accessible();
    });

    it('shows a progress indicator while loading, what webhooks are when there are none, and an error with a retry', async () => {
      const loading = await mount(recording({}, { state: 'loading' }));
      expect($(root(loading.el), '.list-region').getAttribute('aria-busy')).to.equal('true');
      expect($(root(loading.el), '[part~=status] progress')).to.exist;
      expect(text($(root(loading.el), '[part~=status]'))).to.equal('Loading endpoints…');
      await expect(loading.el).to.be.accessible();

      const empty = await mount(recording({}, { state: 'empty' }));
      const explained = $(root(empty.el), '[part~=empty]');
      expect(text(explained)).to.contain('No endpoints yet.');
      expect(text(explained)).to.contain('An endpoint is an address of one of your systems where Portico sends, as JSON, the events you choose');
      const docs = $<HTMLAnchorElement>(explained, 'a[part~=docs]');
      expect(docs.getAttribute('href')).to.equal('/docs');
      expect(docs.target).to.equal('_blank');
      expect(text(docs)).to.equal('API reference (opens in a new tab)');
      await expect(empty.el).to.be.accessible();

      const failed = await mount(recording({}, { state: 'error' }));
      expect(text($(root(failed.el), '[part~=error][role=alert]'))).to.contain('We could not reach the server.');
      await expect(failed.el).to.be.accessible();
      await click(failed.el, button(root(failed.el), 'Try again'));
      expect(gets(failed.log)).to.have.length(2);
    });
  });

  describe('new endpoint', () => {
    it('checks the form first, then creates the endpoint and shows its secret once, with Copy and how to check a delivery', async () => {
      const { el, log } = await mount();
      await click(el, button(root(el), 'New endpoint'));
      expect(active(el)).to.equal($(root(el), '#webhook-url'));
      const groups = $$(root(el), 'fieldset[part~=event-group] > legend').map((legend) => text(legend));
      expect(groups).to.deep.equal(['Requests', 'Appointments', 'Billing', 'Clients and portal users', 'Documents']);
      const booked = $<HTMLInputElement>(root(el), 'input[value="appointment.booked"]');
      expect(text(booked.closest('label'))).to.equal('Appointment booked');
      expect(text(root(el).getElementById(booked.getAttribute('aria-describedby')!))).to.equal('appointment.booked — An appointment was booked.');

      await click(el, button(root(el), 'Create endpoint'));
      expect(writes(log)).to.have.length(0);
      expect(text($(root(el), '#webhook-url-error'))).to.equal('Give the address to send the events to.');
      expect($(root(el), '#webhook-url').getAttribute('aria-invalid')).to.equal('true');
      expect($(root(el), '#webhook-url').getAttribute('aria-describedby')).to.equal('webhook-url-hint webhook-url-error');
      expect(text($(root(el), '#webhook-events-error'))).to.equal('Choose at least one event.');
      expect($(root(el), '#webhook-events').getAttribute('aria-invalid')).to.equal('true');
      expect(active(el)).to.equal($(root(el), '#webhook-url'));
      await expect(el).to.be.accessible();

      fill(el, 'url', 'erp.clinicasol.com.br');
      await click(el, button(root(el), 'Create endpoint'));
      expect(text($(root(el), '#webhook-url-error'))).to.equal('Enter a full address that starts with https://.');

      fill(el, 'url', '  https://financeiro.clinicasol.com.br/hooks/portico  ');
      fill(el, 'description', 'Financeiro (Omie)');
      check(el, 'charge.paid');
      check(el, 'payment_method.changed');
      check(el, 'request.created');
      await settleAll(el);
      expect(root(el).querySelector('#webhook-events-error')).to.be.null;
      await click(el, button(root(el), 'Create endpoint'));
      expect(writes(log)).to.deep.equal([
        {
          method: 'POST',
          path: '/api/v1/webhooks',
          body: { url: 'https://financeiro.clinicasol.com.br/hooks/portico', description: 'Financeiro (Omie)', events: ['request.created', 'charge.paid', 'payment_method.changed'] },
        },
      ]);

      const secret = $(root(el), '[part~=secret]');
      expect(text($(secret, 'h3'))).to.equal('Endpoint created: https://financeiro.clinicasol.com.br/hooks/portico');
      expect(active(el)).to.equal($(secret, 'h3'));
      expect(text($(secret, '[part~=secret-value]'))).to.equal(FIXTURE_SECRET);
      expect(text($(secret, '[part~=warning]'))).to.contain('Copy the signing secret now — it will not be shown again.');
      const verify = text($(secret, '[part~=verify]'));
      expect(verify).to.contain('Each delivery comes with the header Portico-Signature: t=…,v1=….');
      expect(verify).to.contain('HMAC-SHA256 of <t>.<body>');
      expect(verify).to.contain('at most 5 minutes old');
      expect($(secret, 'a[part~=docs]').getAttribute('href')).to.equal('/docs');
      expect(announced(el)).to.equal('Endpoint https://financeiro.clinicasol.com.br/hooks/portico created. Copy its signing secret now.');
      // Listed first, without its secret.
      const listed = $(root(el), '[part~=list] > [part~=item]');
      expect(text($(listed, 'h3'))).to.equal('https://financeiro.clinicasol.com.br/hooks/portico');
      expect(listed.textContent).not.to.contain(FIXTURE_SECRET);
      await expect(el).to.be.accessible();

      const written: string[] = [];
      const clipboard = navigator.clipboard;
      const original = clipboard.writeText;
      clipboard.writeText = async (value: string) => void written.push(value);
      try {
        await click(el, button(secret, 'Copy'));
      } finally {
        clipboard.writeText = original;
      }
      expect(written).to.deep.equal([FIXTURE_SECRET]);
      expect(text($(secret, '[part~=copied][role=status]'))).to.equal('Copied');

      await click(el, button(secret, 'Done'));
      expect(root(el).querySelector('[part~=secret]')).to.be.null;
      expect(text(root(el))).not.to.contain(FIXTURE_SECRET);
      expect(active(el)).to.equal($(listed, 'h3'));
      expect(button(root(el), 'New endpoint')).to.exist;
    });

    it('puts the server’s refusal at its field: a private address at the URL, a bad event list at the events', async () => {
      let answer: () => Promise<never> = () => Promise.reject(new ApiError('webhook_url_not_allowed', 400, 'no', undefined, [{ path: 'url', message: 'is not allowed' }]));
      const { el } = await mount(recording({ 'POST /api/v1/webhooks': () => answer() }));
      await click(el, button(root(el), 'New endpoint'));
      fill(el, 'url', 'https://10.0.0.12/hooks');
      check(el, 'user.activated');
      await click(el, button(root(el), 'Create endpoint'));
      expect(text($(root(el), '#webhook-url-error'))).to.equal('Portico only sends to https:// addresses on a public host, without a user name or password.');
      expect(active(el)).to.equal($(root(el), '#webhook-url'));
      expect(root(el).querySelector('[part~=form] [part~=error]')).to.be.null;
      await expect(el).to.be.accessible();

      answer = () => Promise.reject(new ApiError('invalid_input', 400, 'no', undefined, [{ path: 'events.0', message: 'Invalid option' }]));
      await click(el, button(root(el), 'Create endpoint'));
      expect(root(el).querySelector('#webhook-url-error')).to.be.null;
      expect(text($(root(el), '#webhook-events-error'))).to.equal('Choose at least one event.');
      expect(active(el)).to.equal($(root(el), '#webhook-events'));

      answer = () => Promise.reject(new ApiError('network_error', 0, 'down'));
      await click(el, button(root(el), 'Create endpoint'));
      expect(text($(root(el), '[part~=form] [part~=error][role=alert]'))).to.equal('We could not reach the server. Check your connection and try again.');
      await expect(el).to.be.accessible();

      await click(el, button(root(el), 'Cancel'));
      expect(root(el).querySelector('[part~=form]')).to.be.null;
      expect(active(el)).to.equal($(root(el), '[part~=new]'));
    });
  });

  describe('an endpoint', () => {
    it('edits its address, description and events', async () => {
      const { el, log } = await mount();
      await click(el, $(item(el, ENDPOINT_IDS.zapier), '[part~=edit]'));
      const form = $(item(el, ENDPOINT_IDS.zapier), '[part~=form]');
      expect(text($(form, 'h3'))).to.equal('Edit endpoint');
      expect($<HTMLInputElement>(form, '#webhook-url').value).to.equal('https://hooks.zapier.com/hooks/catch/4812093/b7kq2x/');
      expect($<HTMLInputElement>(form, '#webhook-description').value).to.equal('Avisos da recepção (Zapier)');
      expect($$<HTMLInputElement>(form, 'input[name=events]').filter((box) => box.checked).map((box) => box.value)).to.deep.equal(['request.created', 'request.replied']);
      expect(active(el)).to.equal($(form, '#webhook-url'));
      await expect(el).to.be.accessible();

      fill(el, 'description', 'Recepção (Zapier)');
      check(el, 'request.replied', false);
      check(el, 'request.closed');
      await click(el, button(form, 'Save changes'));
      expect(writes(log)).to.deep.equal([
        {
          method: 'PATCH',
          path: `/api/v1/webhooks/${ENDPOINT_IDS.zapier}`,
          body: { url: 'https://hooks.zapier.com/hooks/catch/4812093/b7kq2x/', description: 'Recepção (Zapier)', events: ['request.created', 'request.closed'] },
        },
      ]);
      const saved = item(el, ENDPOINT_IDS.zapier);
      expect(saved.querySelector('[part~=form]')).to.be.null;
      expect(text($(saved, '[part~=description]'))).to.equal('Recepção (Zapier)');
      expect(facts(saved).Events).to.equal('Request opened and Request closed');
      expect(announced(el)).to.equal('Endpoint https://hooks.zapier.com/hooks/catch/4812093/b7kq2x/ saved.');
      expect(active(el)).to.equal($(saved, 'h3'));

      await click(el, $(saved, '[part~=edit]'));
      await click(el, button(item(el, ENDPOINT_IDS.zapier), 'Cancel'));
      expect(active(el)).to.equal($(item(el, ENDPOINT_IDS.zapier), '[part~=edit]'));
    });

    it('disables and enables it, and sends a test event that shows up in the opened delivery log', async () => {
      const { el, log } = await mount();
      const toggle = () => $(item(el, erp), '[part~=toggle]');
      expect(text(toggle())).to.equal('Disable');
      await click(el, toggle());
      expect(writes(log)).to.deep.equal([{ method: 'PATCH', path: `/api/v1/webhooks/${erp}`, body: { enabled: false } }]);
      expect(text($(item(el, erp), '[part~=badge]'))).to.equal('Disabled');
      expect(text(toggle())).to.equal('Enable');
      expect(announced(el)).to.equal('https://erp.clinicasol.com.br/portico/eventos disabled: Portico sends it no events until it is enabled again.');
      await click(el, toggle());
      expect(text($(item(el, erp), '[part~=badge]'))).to.equal('Enabled');

      await click(el, $(item(el, erp), '[part~=ping]'));
      expect(writes(log).at(-1)).to.deep.equal({ method: 'POST', path: `/api/v1/webhooks/${erp}/ping`, body: undefined });
      expect(announced(el)).to.equal('Test event queued for https://erp.clinicasol.com.br/portico/eventos. Its delivery is at the top of the delivery log.');
      expect($(item(el, erp), '[part~=log-toggle]').getAttribute('aria-expanded')).to.equal('true');
      const first = $(logOf(el, erp), '[part~=delivery]');
      expect(text($(first, 'h5'))).to.equal('Test event ping');
      expect(text($(first, '[part~=badge]'))).to.equal('Waiting');
      expect(text(first)).to.contain('Not tried yet.');

      // With the log open, another test event reloads it.
      await click(el, $(item(el, erp), '[part~=ping]'));
      expect(gets(log).filter((path) => path.includes('/deliveries'))).to.have.length(2);
      expect($$(logOf(el, erp), '[part~=delivery] h5').slice(0, 2).map((h) => text(h))).to.deep.equal(['Test event ping', 'Test event ping']);
      await expect(el).to.be.accessible();
    });

    it('rotates the secret after confirming, and shows the new one once', async () => {
      const { el, log } = await mount();
      await click(el, $(item(el, erp), '[part~=rotate]'));
      const confirm = $(item(el, erp), '[part~=confirm][role=group]');
      expect(text(confirm)).to.contain('Rotate the signing secret of https://erp.clinicasol.com.br/portico/eventos? The current secret stops signing at once');
      expect(active(el)).to.equal($(confirm, '[part~=cancel-confirm]'));
      await expect(el).to.be.accessible();
      await click(el, $(confirm, '[part~=cancel-confirm]'));
      expect(active(el)).to.equal($(item(el, erp), '[part~=rotate]'));
      expect(writes(log)).to.have.length(0);

      await click(el, $(item(el, erp), '[part~=rotate]'));
      await click(el, $(item(el, erp), '[part~=confirm-rotate]'));
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: `/api/v1/webhooks/${erp}/rotate-secret`, body: undefined }]);
      const secret = $(root(el), '[part~=secret]');
      expect(text($(secret, 'h3'))).to.equal('New signing secret for https://erp.clinicasol.com.br/portico/eventos');
      expect(text($(secret, '[part~=secret-value]'))).to.equal(FIXTURE_ROTATED_SECRET);
      expect(active(el)).to.equal($(secret, 'h3'));
      expect(announced(el)).to.equal('New signing secret for https://erp.clinicasol.com.br/portico/eventos. Copy it now.');
      await click(el, button(secret, 'Done'));
      expect(active(el)).to.equal($(item(el, erp), 'h3'));
    });

    it('deletes it after confirming, and says so on its row when that fails', async () => {
      let fail = true;
      const remove: Router = async (method, path) => {
        if (fail) throw new ApiError('not_found', 404, 'gone');
        return webhooksRequest()(method as 'DELETE', path);
      };
      const { el, log } = await mount(recording({ [`DELETE /api/v1/webhooks/${ENDPOINT_IDS.zapier}`]: remove }));
      await click(el, $(item(el, ENDPOINT_IDS.zapier), '[part~=delete]'));
      expect(text($(item(el, ENDPOINT_IDS.zapier), '[part~=confirm]'))).to.contain('Delete https://hooks.zapier.com/hooks/catch/4812093/b7kq2x/ and its delivery log?');
      await click(el, $(item(el, ENDPOINT_IDS.zapier), '[part~=confirm-delete]'));
      expect(text($(item(el, ENDPOINT_IDS.zapier), '[part~=error][role=alert]'))).to.equal('This endpoint or delivery no longer exists. Reload to see what is current.');
      await expect(el).to.be.accessible();

      fail = false;
      await click(el, $(item(el, ENDPOINT_IDS.zapier), '[part~=confirm-delete]'));
      expect(writes(log).map((call) => call.method + ' ' + call.path)).to.deep.equal([
        `DELETE /api/v1/webhooks/${ENDPOINT_IDS.zapier}`,
        `DELETE /api/v1/webhooks/${ENDPOINT_IDS.zapier}`,
      ]);
      expect($$(root(el), '[part~=list] > [part~=item]').map((li) => li.dataset.id)).to.deep.equal([ENDPOINT_IDS.erp, ENDPOINT_IDS.bi]);
      expect(announced(el)).to.equal('Endpoint https://hooks.zapier.com/hooks/catch/4812093/b7kq2x/ deleted.');
      expect(active(el)).to.equal($(item(el, ENDPOINT_IDS.bi), 'h3'));
    });
  });

  describe('delivery log', () => {
    it('lists the deliveries newest first with status, attempts and every try; filters by status and loads older ones', async () => {
      const { el, log } = await mount();
      const deliveries = await openLog(el, erp);
      expect(gets(log).at(-1)).to.equal(`/api/v1/webhooks/${erp}/deliveries`);
      expect($$(deliveries, '[part~=delivery]').map((li) => li.dataset.id)).to.deep.equal([1, 2, 3, 4].map(deliveryId));

      const waiting = delivery(deliveries, 1);
      expect(text($(waiting, 'h5'))).to.equal('Charge paid charge.paid');
      expect(text($(waiting, '[part~=badge]'))).to.equal('Waiting');
      expect(facts(waiting)).to.have.keys('Created', 'Attempts', 'Next attempt', 'Event id');
      expect(facts(waiting)).to.include({ Attempts: '1', 'Event id': 'evt_1041' });
      expect(text($(waiting, '[part~=last-error]'))).to.equal('Last answer: HTTP 503');

      const delivered = delivery(deliveries, 2);
      expect(text($(delivered, '[part~=badge]'))).to.equal('Delivered');
      expect(facts(delivered)).to.have.keys('Created', 'Attempts', 'Delivered', 'Event id');
      expect(delivered.querySelector('[part~=last-error]')).to.be.null;
      const tries = $<HTMLDetailsElement>(delivered, 'details[part~=tries]');
      expect(tries.open).to.equal(false);
      expect(text($(tries, 'summary'))).to.equal('Tries (2)');
      $(tries, 'summary').click();
      await settleAll(el);
      expect(tries.open).to.equal(true);
      expect($$(tries, 'ol.tries > li').map((li) => text(li).replace(/^.*? (?=HTTP)/, ''))).to.deep.equal(['HTTP 503 84 ms', 'HTTP 200 61 ms']);
      expect($(tries, 'li time').getAttribute('datetime')).to.match(/^\d{4}-\d\d-\d\dT/);

      const failed = delivery(deliveries, 3);
      expect(text($(failed, '[part~=badge]'))).to.equal('Failed');
      expect(text($(failed, '[part~=last-error]'))).to.equal('Last answer: HTTP 500');
      expect(text($(failed, 'details'))).to.contain('connect ECONNREFUSED 200.147.67.142:443');
      expect(text($(failed, 'details'))).to.contain('Timed out after 10 s');
      expect(text($(failed, 'details'))).to.contain('10,000 ms');
      await expect(el).to.be.accessible();

      await click(el, button(deliveries, 'Load older deliveries'));
      expect(gets(log).at(-1)).to.match(new RegExp(`^/api/v1/webhooks/${erp}/deliveries\\?before=\\w+$`));
      expect($$(deliveries, '[part~=delivery]')).to.have.length(6);
      expect(deliveries.activeElement).to.equal($(delivery(deliveries, 5), 'h5'));
      expect(deliveries.querySelector('[part~=more]')).to.be.null;

      change($(deliveries, 'select[name=status]'), 'failed');
      await settleAll(el);
      expect(gets(log).at(-1)).to.equal(`/api/v1/webhooks/${erp}/deliveries?status=failed`);
      expect($$(deliveries, '[part~=delivery]').map((li) => li.dataset.id)).to.deep.equal([deliveryId(3)]);
      change($(deliveries, 'select[name=status]'), 'pending');
      await settleAll(el);
      change($(deliveries, 'select[name=status]'), 'delivered');
      await settleAll(el);
      expect($$(deliveries, '[part~=delivery]').every((li) => li.dataset.status === 'delivered')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('redelivers a delivery and announces it; a refusal shows on its row', async () => {
      let fail = false;
      const fallback = webhooksRequest();
      const redeliver: Router = async (method, path, body) => {
        if (fail) throw new ApiError('rate_limited', 429, 'slow down');
        return fallback(method as 'POST', path, body);
      };
      const { el, log } = await mount(recording({ [`POST /api/v1/webhooks/deliveries/${deliveryId(3)}/redeliver`]: redeliver }));
      const deliveries = await openLog(el, erp);
      const button3 = $(delivery(deliveries, 3), '[part~=redeliver]');
      expect(button3.getAttribute('aria-label')).to.match(/^Redeliver: Registration data changed, /);
      await click(el, button3);
      expect(writes(log)).to.deep.equal([{ method: 'POST', path: `/api/v1/webhooks/deliveries/${deliveryId(3)}/redeliver`, body: undefined }]);
      const fresh = $(deliveries, '[part~=delivery]');
      expect(text($(fresh, 'h5'))).to.equal('Registration data changed profile.changed');
      expect(text($(fresh, '[part~=badge]'))).to.equal('Waiting');
      expect(text($(deliveries, '[part~=announcement][role=status]'))).to.equal('A new delivery of “Registration data changed” is queued.');
      await expect(el).to.be.accessible();

      fail = true;
      await click(el, $(delivery(deliveries, 3), '[part~=redeliver]'));
      expect(text($(delivery(deliveries, 3), '[part~=error][role=alert]'))).to.equal('Too many attempts in a short time. Wait a moment and try again.');
    });

    it('shows its loading and error states with a retry, and says when there is nothing yet', async () => {
      const loading = await mount(recording({}, { logState: 'loading' }));
      const pending = await openLog(loading.el, erp);
      expect($(pending, '.list-region').getAttribute('aria-busy')).to.equal('true');
      expect(text($(pending, '[part~=status]'))).to.equal('Loading deliveries…');
      await expect(loading.el).to.be.accessible();

      const failed = await mount(recording({}, { logState: 'error' }));
      const broken = await openLog(failed.el, erp);
      expect(text($(broken, '[part~=error][role=alert]'))).to.contain('We could not reach the server.');
      await expect(failed.el).to.be.accessible();
      await click(failed.el, button(broken, 'Try again'));
      expect(gets(failed.log).filter((path) => path.includes('/deliveries'))).to.have.length(2);

      const { el } = await mount();
      const empty = await openLog(el, ENDPOINT_IDS.bi);
      expect(text($(empty, '[part~=empty]'))).to.equal('No deliveries yet. Send a test event to see one here.');
      await expect(el).to.be.accessible();
    });
  });

  it('shows a read-only member the endpoints and their logs, without a button that changes anything', async () => {
    const { el, log } = await mount(recording(), { me: fixtureWebhooksMe('read-only') });
    expect(text($(root(el), '[part~=read-only]'))).to.equal('You can see the endpoints and their deliveries; only owners and admins change them.');
    expect(root(el).querySelector('[part~=new]')).to.be.null;
    expect($$(root(el), '[part~=list] > [part~=item]')).to.have.length(3);
    expect(root(el).querySelector('[part~=edit], [part~=ping], [part~=toggle], [part~=rotate], [part~=delete]')).to.be.null;
    const deliveries = await openLog(el, erp);
    expect($$(deliveries, '[part~=delivery]')).to.have.length(4);
    expect(deliveries.querySelector('[part~=redeliver]')).to.be.null;
    expect(writes(log)).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('works from the keyboard: opens the form, fills it, submits with Enter, opens a log and a delivery’s tries', async () => {
    const { el, log } = await mount();
    $(root(el), '[part~=new]').focus();
    await sendKeys({ press: 'Enter' });
    await settleAll(el);
    expect(active(el)).to.equal($(root(el), '#webhook-url'));
    await sendKeys({ type: 'https://erp.clinicasol.com.br/v2/eventos' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal($(root(el), '#webhook-description'));
    await sendKeys({ type: 'ERP v2' });
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal($(root(el), 'input[value="request.created"]'));
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    $(root(el), '#webhook-url').focus();
    await sendKeys({ press: 'Enter' });
    await settleAll(el);
    expect(writes(log)).to.deep.equal([
      { method: 'POST', path: '/api/v1/webhooks', body: { url: 'https://erp.clinicasol.com.br/v2/eventos', description: 'ERP v2', events: ['request.created', 'request.replied'] } },
    ]);
    expect(active(el)).to.equal($(root(el), '#secret-title'));
    $(root(el), '[part~=done]').focus();
    await sendKeys({ press: 'Enter' });
    await settleAll(el);

    const toggle = $(item(el, erp), '[part~=log-toggle]');
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await settleAll(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const summary = $(delivery(logOf(el, erp), 2), 'summary');
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await settleAll(el);
    expect($<HTMLDetailsElement>(delivery(logOf(el, erp), 2), 'details').open).to.equal(true);
  });

  it('speaks Portuguese and Spanish (as usted)', async () => {
    const pt = await mount(recording(), { locale: 'pt-BR' });
    expect(text($(root(pt.el), 'h2'))).to.equal('Webhooks');
    const first = item(pt.el, erp);
    expect(text($(first, '[part~=badge]'))).to.equal('Ativo');
    expect(facts(first)).to.include({ Eventos: 'Agendamento feito, Agendamento cancelado, Cobrança paga e Dados cadastrais alterados', 'Últimas 24 horas': 'Entregues: 41 Falharam: 1 Aguardando: 1' });
    expect(text($(item(pt.el, ENDPOINT_IDS.bi), '[part~=badge]'))).to.equal('Desativado');
    const deliveries = await openLog(pt.el, erp);
    expect(text($(delivery(deliveries, 3), '[part~=badge]'))).to.equal('Falhou');
    await expect(pt.el).to.be.accessible();

    const es = await mount(recording({}, { tenant: 'martins-castro' }), { locale: 'es', me: fixtureWebhooksMe('owner', 'martins-castro') });
    expect(text($(item(es.el, ENDPOINT_IDS.legalOne), '[part~=description]'))).to.equal('Sincronización Legal One');
    await click(es.el, button(root(es.el), 'Nuevo endpoint'));
    await click(es.el, button(root(es.el), 'Crear endpoint'));
    expect(text($(root(es.el), '#webhook-url-error'))).to.equal('Indique la dirección a la que enviar los eventos.');
    expect(text($(root(es.el), '#webhook-events-error'))).to.equal('Elija al menos un evento.');
    fill(es.el, 'url', 'https://legalone.martinscastro.es/api/v2');
    check(es.el, 'document.downloaded');
    await click(es.el, button(root(es.el), 'Crear endpoint'));
    expect(text($(root(es.el), '[part~=warning]'))).to.equal(
      'Copie ahora el secreto de firma: no se volverá a mostrar. Guárdelo en la configuración secreta del sistema receptor. Si lo pierde, cámbielo para obtener uno nuevo.',
    );
    await expect(es.el).to.be.accessible();
  });

  it('fits a 320 px phone: the list, the form, the secret and an open log scroll only down', async () => {
    const { el } = await mount(recording(), { width: 320 });
    const fits = () => {
      expect(el.clientWidth).to.equal(320);
      expect(el.scrollWidth).to.be.at.most(320);
      expect($(root(el), '[part~=base]').scrollWidth).to.be.at.most($(root(el), '[part~=base]').clientWidth);
    };
    fits();
    const deliveries = await openLog(el, erp);
    $<HTMLDetailsElement>(delivery(deliveries, 3), 'details').open = true;
    await settleAll(el);
    fits();
    expect(deliveries.host.scrollWidth).to.be.at.most(deliveries.host.clientWidth);
    await click(el, button(root(el), 'New endpoint'));
    fits();
    await expect(el).to.be.accessible();
    fill(el, 'url', 'https://erp.clinicasol.com.br/portico/eventos-com-um-caminho-bem-comprido/que/nao/cabe/numa/linha');
    check(el, 'charge.paid');
    await click(el, button(root(el), 'Create endpoint'));
    present($(root(el), '[part~=secret]'));
    fits();
    await expect(el).to.be.accessible();
  });
});
