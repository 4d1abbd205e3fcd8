/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/billing/portal-billing.ts';
import '../../widgets/requests/portal-requests.ts';
import type { PortalBilling } from '../../widgets/billing/portal-billing.ts';
import { ApiError, HttpPortalApi, type RequestDraft } from '../../widgets/core/api-client.ts';
import { brlBilling, eurBilling, fixtureCharge, fixtureSession, fixtureTenant, memoryBilling, provideFixtureRuntime, type FixtureApi } from '../../widgets/core/fixtures.ts';
import { formatCalendarDate } from '../../widgets/core/format.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { jsonAnswer, recordFetch } from './fetch-recorder.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

async function mount(options: { signedIn?: boolean; locale?: Locale; auth?: Calls; currency?: string; width?: number; withRequests?: boolean } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 720}px`}></div>`);
  const signedIn = options.signedIn ?? true;
  const tenant = fixtureTenant(options.currency ? { currency: options.currency } : {});
  const provided = provideFixtureRuntime(wrapper, { tenant }, {
    locale: options.locale ?? 'en',
    auth: { ...(signedIn ? { refresh: async () => fixtureSession({ accountId: 'a1' }) } : {}), ...options.auth },
  });
  const el = document.createElement('portal-billing') as PortalBilling;
  const navigated: string[] = [];
  el.navigate = (url) => void navigated.push(url);
  wrapper.append(el);
  const requests = options.withRequests ? wrapper.appendChild(document.createElement('portal-requests')) : undefined;
  await provided.loaded;
  await settle(el);
  return { el, navigated, requests, ...provided, api: provided.api as FixtureApi };
}

async function settle(el: { updateComplete: Promise<boolean> }) {
  for (let i = 0; i < 6; i++) {
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve));
  }
}
const root = (el: PortalBilling) => el.shadowRoot!;
/** Text with runs of white space (Intl's no-break spaces too) as one space. */
const norm = (value: string | null) => (value ?? '').replace(/\s+/g, ' ');
const text = (el: PortalBilling) => norm(root(el).textContent);
const button = (el: PortalBilling, label: string) => [...root(el).querySelectorAll('button')].find((b) => b.textContent!.replace(/\s+/g, ' ').includes(label))!;
const charges = (el: PortalBilling) => [...root(el).querySelectorAll<HTMLElement>('[part~=charge]')];
const charge = (el: PortalBilling, description: string) => charges(el).find((c) => c.textContent!.includes(description))!;
const calls = (api: FixtureApi, name: string) => api.log.filter((c) => c.name === name);
const lastCall = (api: FixtureApi, name: string) => calls(api, name).at(-1)!;

async function choose(el: PortalBilling, selector: string, value: string) {
  const field = root(el).querySelector<HTMLInputElement | HTMLSelectElement>(selector)!;
  field.value = value;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  await settle(el);
}

async function openCharge(el: PortalBilling, description: string) {
  charge(el, description).querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
  await settle(el);
  return charge(el, description);
}

/** Runs `work` with `navigator.clipboard` replaced. */
async function withClipboard(clipboard: { writeText(text: string): Promise<void> } | undefined, work: () => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  try {
    await work();
  } finally {
    delete (navigator as { clipboard?: unknown }).clipboard;
  }
}

/** Catches the link a download is handed to the browser through, instead of downloading. */
async function catchDownload(work: () => Promise<void>): Promise<HTMLAnchorElement | undefined> {
  const original = HTMLAnchorElement.prototype.click;
  let link: HTMLAnchorElement | undefined;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    link = this;
  };
  try {
    await work();
  } finally {
    HTMLAnchorElement.prototype.click = original;
  }
  return link;
}

describe('<portal-billing>', () => {
  it('asks a signed-out visitor to sign in', async () => {
    const { el, api } = await mount({ signedIn: false });
    expect(text(el)).to.contain('Sign in to see your charges');
    expect(calls(api, 'billingSummary').length).to.equal(0);
    await expect(el).to.be.accessible();
  });

  it('shows a progress indicator while loading', async () => {
    const { el } = await mount({ auth: { billingSummary: () => new Promise(() => {}), listCharges: () => new Promise(() => {}) } });
    expect(root(el).querySelectorAll('progress').length).to.equal(2);
    expect(root(el).querySelector('[part~=summary] [role=status]')!.textContent).to.contain('Loading…');
    await expect(el).to.be.accessible();
  });

  it('B1: says what is pending per currency, with counts and the next due date', async () => {
    const { el } = await mount();
    const summary = root(el).querySelector('[part~=summary]')!.textContent!.replace(/\s+/g, ' ');
    expect(summary).to.contain('Overdue: R$923.00 · 1 charge');
    expect(summary).to.contain('To pay: R$2,347.50 · 2 charges');
    expect(summary).to.contain('Next due on Dec 10, 2026: Exames periódicos — dezembro/2026, R$1,847.50');
    expect(root(el).querySelector('[part~=all-clear]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('B1: keeps currencies apart', async () => {
    const mixed = brlBilling();
    mixed.charges.push(...eurBilling().charges);
    const { el } = await mount({ auth: memoryBilling(mixed) });
    const totals = [...root(el).querySelectorAll('[part~=total]')].map((t) => t.textContent!.replace(/\s+/g, ' '));
    expect(totals.length).to.equal(2);
    expect(totals[0]).to.contain('Overdue: R$923.00').and.contain('To pay: R$2,347.50');
    expect(totals[1]).to.contain('Overdue: €605.00').and.contain('To pay: €605.00');
  });

  it('B1: a calm "nothing pending" when all is paid', async () => {
    const paid = brlBilling();
    paid.charges = paid.charges.filter((c) => c.status === 'paid');
    const { el } = await mount({ auth: memoryBilling(paid) });
    expect(root(el).querySelector('[part~=all-clear]')!.textContent).to.contain('Nothing pending. You are all up to date.');
    expect(button(el, 'See what is pending')).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('lists the charges newest due date first, with status words, the renegotiation mark, account names, and pages on', async () => {
    const { el, api } = await mount();
    expect(charges(el).map((c) => c.querySelector('strong')!.textContent)).to.deep.equal([
      'Acordo de renegociação — parcela 2 de 3',
      'Exames periódicos — dezembro/2026',
      'Exames admissionais — outubro/2026',
      'Exames periódicos — outubro/2026',
    ]);
    const overdue = charge(el, 'Exames admissionais');
    expect(overdue.querySelector('[part~=badge]')!.textContent!.trim()).to.equal('! Overdue', 'a word, not a colour alone');
    expect(overdue.textContent).to.contain('Due Nov 10, 2026').and.contain('R$923.00').and.contain('Filial Contagem');
    expect(charge(el, 'Acordo').querySelector('[part~=kind]')!.textContent).to.equal('Renegotiation');
    expect(charge(el, 'Exames periódicos — outubro/2026').textContent).to.contain('Paid on Oct 9, 2026');
    expect(overdue.textContent, 'a user of several accounts sees whose charge it is').to.contain('Metalúrgica Horizonte Ltda');
    await expect(el).to.be.accessible();
    button(el, 'Show older charges').click();
    await settle(el);
    expect(charges(el).length).to.equal(7);
    expect(lastCall(api, 'listCharges').args[1]).to.deep.equal({ before: '4' });
    expect(charge(el, 'agosto/2026').querySelector('[part~=badge]')!.textContent!.trim()).to.equal('↻ Renegotiated');
    expect(charge(el, 'Taxa de cadastro').querySelector('[part~=badge]')!.textContent!.trim()).to.equal('× Cancelled');
    expect(button(el, 'Show older charges')).to.equal(undefined);
  });

  it('shows calendar dates as written, whatever the time zone', () => {
    expect(formatCalendarDate('2026-03-31', 'en')).to.equal('Mar 31, 2026');
    expect(formatCalendarDate('2026-01-01', 'pt-BR')).to.equal('1 de jan. de 2026');
  });

  it('does not name the account to a user who reaches only one', async () => {
    const { el } = await mount({ auth: { refresh: async () => fixtureSession({ accountId: 'a1', accounts: [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company', establishments: 'all' }] }) } });
    expect(charge(el, 'Exames admissionais').textContent).not.to.contain('Metalúrgica Horizonte Ltda');
    expect(root(el).querySelector('select[name=account]')).to.equal(null);
  });

  it('filters by status, period, establishment and account, calling the API with them', async () => {
    const { el, api } = await mount();
    await choose(el, 'select[name=status]', 'pending');
    expect(lastCall(api, 'listCharges').args[1]).to.deep.equal({ status: 'pending' });
    expect(charges(el).every((c) => /Open|Overdue/.test(c.querySelector('[part~=badge]')!.textContent!))).to.equal(true);
    await choose(el, 'input[name=from]', '2026-11-01');
    await choose(el, 'input[name=to]', '2026-12-31');
    expect(lastCall(api, 'listCharges').args[1]).to.deep.equal({ status: 'pending', from: '2026-11-01', to: '2026-12-31' });
    expect(charges(el).length).to.equal(2);
    const establishments = root(el).querySelector<HTMLSelectElement>('select[name=establishmentId]')!;
    expect([...establishments.options].map((o) => o.textContent)).to.deep.equal(['All establishments', 'Filial Contagem', 'Matriz']);
    await choose(el, 'select[name=establishmentId]', 'e2');
    expect(lastCall(api, 'listCharges').args[1]).to.deep.equal({ status: 'pending', from: '2026-11-01', to: '2026-12-31', establishmentId: 'e2' });
    expect(charges(el).length).to.equal(1);
    await expect(el).to.be.accessible();
    button(el, 'Clear filters').click();
    await settle(el);
    expect(lastCall(api, 'listCharges').args[1]).to.deep.equal({});
    await choose(el, 'select[name=account]', 'a2');
    expect(lastCall(api, 'listCharges').args[1]).to.deep.equal({ accountId: 'a2' });
    expect(lastCall(api, 'billingSummary').args[1]).to.deep.equal({ accountId: 'a2' });
    expect(charges(el).map((c) => c.querySelector('strong')!.textContent)).to.deep.equal(['Consulta ocupacional']);
  });

  it('"See what is pending" shows the charges still to pay', async () => {
    const { el, api } = await mount();
    button(el, 'See what is pending').click();
    await settle(el);
    expect(lastCall(api, 'listCharges').args[1]).to.deep.equal({ status: 'pending' });
    expect(root(el).querySelector<HTMLSelectElement>('select[name=status]')!.value).to.equal('pending');
    expect(root(el).activeElement?.id).to.equal('panel-charges');
  });

  it('says so when there are no charges, and when none match the filters', async () => {
    const { el } = await mount({ locale: 'pt-BR', auth: { listCharges: async () => ({ items: [], next: null }) } });
    expect(root(el).querySelector('[part~=empty]')!.textContent).to.contain('Nenhuma cobrança ainda');
    await expect(el).to.be.accessible();
    await choose(el, 'select[name=status]', 'paid');
    expect(root(el).querySelector('[part~=empty]')!.textContent).to.contain('Nenhuma cobrança com esses filtros');
  });

  it('shows a failure to load with what to do, and tries again', async () => {
    let fail = true;
    const { el, api } = await mount({
      auth: { listCharges: async (token, filters) => (fail ? Promise.reject(new ApiError('network_error', 0, '')) : memoryBilling().listCharges(token, filters)) },
    });
    const alert = root(el).querySelector('[part~=panel] [part~=error]')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('We could not reach the portal. Check your connection and try again.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again').click();
    await settle(el);
    expect(calls(api, 'listCharges').length).to.equal(2);
    expect(charges(el).length).to.equal(4);
  });

  it('opens a charge’s payment options: boleto line, PIX code, boleto PDF, no card where the portal has none', async () => {
    const { el } = await mount();
    const toggle = charge(el, 'dezembro/2026').querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    const item = await openCharge(el, 'dezembro/2026');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const panel = root(el).getElementById(toggle.getAttribute('aria-controls')!)!;
    expect(panel.hidden).to.equal(false);
    const codes = [...item.querySelectorAll('[part~=code]')].map((c) => c.textContent);
    expect(codes).to.deep.equal(['34199.87650 43210.987657 43210.987657 2 16560000184750', brlBilling().charges[1]!.pix!.payload]);
    expect(button(el, 'Download boleto (PDF)')).to.exist;
    expect(button(el, 'Pay by card')).to.equal(undefined);
    expect(root(el).querySelector('[part~=methods]'), 'no card provider: no card settings').to.equal(null);
    await expect(el).to.be.accessible();
    toggle.click();
    await settle(el);
    expect(panel.hidden).to.equal(true);
  });

  it('copies the exact boleto line and PIX code, and says so visibly and aloud', async () => {
    const { el } = await mount();
    const written: string[] = [];
    await withClipboard({ writeText: async (value) => void written.push(value) }, async () => {
      const item = await openCharge(el, 'dezembro/2026');
      button(el, 'Copy line').click();
      await settle(el);
      expect(written).to.deep.equal(['34199.87650 43210.987657 43210.987657 2 16560000184750']);
      const confirmations = [...item.querySelectorAll('[part~=copied]')];
      expect(confirmations[0]!.textContent).to.equal('Line copied.');
      expect(confirmations[0]!.getAttribute('aria-live')).to.equal('polite');
      expect(confirmations[1]!.textContent).to.equal('');
      button(el, 'Copy PIX code').click();
      await settle(el);
      expect(written[1]).to.equal(brlBilling().charges[1]!.pix!.payload);
      expect(confirmations[1]!.textContent).to.equal('PIX code copied.');
      expect(confirmations[0]!.textContent).to.equal('');
      await expect(el).to.be.accessible();
    });
  });

  it('without the Clipboard API, copies the selected line the older way, or leaves it selected for the client', async () => {
    const { el } = await mount();
    const line = '34199.87650 43210.987657 43210.987657 2 16560000184750';
    const selected = () => (root(el) as ShadowRoot & { getSelection(): Selection }).getSelection().toString();
    const execCommand = document.execCommand;
    const copiedThen: string[] = [];
    try {
      await withClipboard(undefined, async () => {
        const item = await openCharge(el, 'dezembro/2026');
        document.execCommand = (command: string) => command === 'copy' && Boolean(copiedThen.push(selected()));
        button(el, 'Copy line').click();
        await settle(el);
        expect(copiedThen).to.deep.equal([line]);
        expect(item.querySelector('[part~=copied]')!.textContent).to.equal('Line copied.');
        getSelection()!.removeAllRanges();
        document.execCommand = () => false;
        button(el, 'Copy line').click();
        await settle(el);
        expect(item.querySelector('[part~=copied]')!.textContent).to.contain('Selected: press Ctrl+C');
        expect(selected()).to.equal(line);
      });
    } finally {
      document.execCommand = execCommand;
    }
  });

  it('works by keyboard: opens a charge and copies its line', async () => {
    const { el } = await mount();
    const written: string[] = [];
    await withClipboard({ writeText: async (value) => void written.push(value) }, async () => {
      charge(el, 'dezembro/2026').querySelector<HTMLButtonElement>('button[aria-expanded]')!.focus();
      await sendKeys({ press: 'Enter' });
      await settle(el);
      await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement!.textContent).to.contain('Copy line');
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(written).to.deep.equal(['34199.87650 43210.987657 43210.987657 2 16560000184750']);
    });
  });

  it('downloads the boleto PDF through the API, in the reader’s language', async () => {
    const { el, api } = await mount();
    await openCharge(el, 'dezembro/2026');
    const link = await catchDownload(async () => {
      button(el, 'Download boleto (PDF)').click();
      await settle(el);
    });
    expect(lastCall(api, 'downloadBoleto').args).to.deep.equal(['fixture.access.token', 'c-open', 'en']);
    expect(link!.download).to.equal('boleto-2026-12-10.pdf');
    expect(link!.href).to.match(/^blob:/);
    expect(root(el).querySelector('[part~=status][role=status]')!.textContent).to.contain('Download ready: boleto-2026-12-10.pdf.');
  });

  it('pays by card: asks the API for the provider’s page and goes there', async () => {
    const { el, api, navigated } = await mount({ currency: 'EUR', auth: memoryBilling(eurBilling()) });
    await openCharge(el, 'diciembre 2026');
    expect(root(el).querySelectorAll('[part~=code]').length, 'no boleto or PIX on a card tenant').to.equal(0);
    await expect(el).to.be.accessible();
    const started = oneEvent(el, 'portal-payment-started');
    button(el, 'Pay by card').click();
    expect((await started).detail).to.deep.equal({ chargeId: 'e-open' });
    await settle(el);
    expect(lastCall(api, 'payChargeByCard').args).to.deep.equal(['fixture.access.token', 'e-open']);
    expect(navigated).to.deep.equal(['https://pay.example.com/checkout/e-open']);
    expect(text(el)).to.contain('Opening the secure payment page…');
  });

  it('translates the payment problems', async () => {
    const refuse = (code: string) => async () => Promise.reject(new ApiError(code, 409, 'x'));
    const { el, navigated } = await mount({ currency: 'EUR', locale: 'pt-BR', auth: { ...memoryBilling(eurBilling()), payChargeByCard: refuse('charge_not_payable') } });
    await openCharge(el, 'diciembre 2026');
    button(el, 'Pagar com cartão').click();
    await settle(el);
    expect(root(el).querySelector('[part=error][role=alert]')!.textContent).to.contain('Esta cobrança não pode ser paga com cartão agora');
    expect(navigated).to.deep.equal([]);
    const { el: es } = await mount({ currency: 'EUR', locale: 'es', auth: { ...memoryBilling(eurBilling()), payChargeByCard: refuse('payment_provider_error') } });
    await openCharge(es, 'diciembre 2026');
    button(es, 'Pagar con tarjeta').click();
    await settle(es);
    expect(root(es).querySelector('[part=error]')!.textContent).to.contain('El servicio de pago no respondió');
    const { el: other } = await mount({ currency: 'EUR', auth: { ...memoryBilling(eurBilling()), payChargeByCard: refuse('something_new') } });
    await openCharge(other, 'diciembre 2026');
    button(other, 'Pay by card').click();
    await settle(other);
    expect(root(other).querySelector('[part=error]')!.textContent).to.contain('Something went wrong');
  });

  it('offers saved cards and the preferred method only where the portal takes cards', async () => {
    const withCards = brlBilling();
    withCards.payment = { card: true, manageMethods: true, preferred: 'boleto' };
    const { el, api, navigated } = await mount({ auth: memoryBilling(withCards) });
    const radios = [...root(el).querySelectorAll<HTMLInputElement>('input[name=preferred]')];
    expect(radios.map((r) => [r.value, r.checked])).to.deep.equal([['card', false], ['boleto', true]]);
    await expect(el).to.be.accessible();
    radios[0]!.click();
    await settle(el);
    expect(lastCall(api, 'setPreferredPaymentMethod').args).to.deep.equal(['fixture.access.token', 'card', { accountId: 'a1' }]);
    expect(text(el)).to.contain('Saved: your preferred way to pay is now Card.');
    button(el, 'Manage my cards').click();
    await settle(el);
    expect(lastCall(api, 'managePaymentMethods').args).to.deep.equal(['fixture.access.token', { accountId: 'a1' }]);
    expect(navigated).to.deep.equal(['https://pay.example.com/billing-portal']);
  });

  it('a card-only (EUR) portal has cards to manage and no method to choose', async () => {
    const { el } = await mount({ currency: 'EUR', auth: memoryBilling(eurBilling()) });
    expect(button(el, 'Manage my cards')).to.exist;
    expect(root(el).querySelector('input[name=preferred]')).to.equal(null);
    expect(root(el).querySelector('[part~=total]')!.textContent).to.contain('€605.00');
  });

  it('"Need help with this charge?" opens a financial request about it in <portal-requests>', async () => {
    const { el, requests } = await mount({ withRequests: true });
    await openCharge(el, 'dezembro/2026');
    const asked = oneEvent(document, 'portal-request-new') as Promise<CustomEvent<RequestDraft>>;
    button(el, 'Need help with this charge?').click();
    const draft = (await asked).detail;
    expect(draft).to.deep.equal({ category: 'financial', subject: 'Charge “Exames periódicos — dezembro/2026” due Dec 10, 2026', about: { type: 'charge', id: 'c-open' } });
    await settle(requests!);
    expect(requests!.shadowRoot!.querySelector<HTMLInputElement>('input[name=subject]')!.value).to.equal(draft.subject);
    expect(text(el)).not.to.contain('Requests cannot be made on this page');
  });

  it('"Need help with this charge?" says whom to ask where the page has no <portal-requests>', async () => {
    const { el } = await mount({ locale: 'es' });
    await openCharge(el, 'dezembro/2026');
    button(el, '¿Necesita ayuda con este cobro?').click();
    await settle(el);
    expect(root(el).querySelector('[part~=status][role=status]')!.textContent).to.contain('En esta página no se pueden hacer solicitudes');
  });

  it('explains a renegotiation and a renegotiated charge', async () => {
    const { el } = await mount();
    expect((await openCharge(el, 'Acordo')).textContent).to.contain('instalment of a renegotiation agreement');
    button(el, 'Show older charges').click();
    await settle(el);
    const replaced = await openCharge(el, 'agosto/2026');
    expect(replaced.textContent).to.contain('replaced by a renegotiation agreement');
    expect(replaced.querySelectorAll('[part~=code]').length).to.equal(0);
  });

  it('documents: switches section by keyboard; invoices, reports (pending marked) and statements download', async () => {
    const { el, api } = await mount();
    root(el).getElementById('tab-charges')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    const tab = root(el).getElementById('tab-documents')!;
    expect(tab.getAttribute('aria-selected')).to.equal('true');
    expect(root(el).activeElement).to.equal(tab);
    expect(root(el).getElementById('panel-charges')!.hidden).to.equal(true);
    await expect(el).to.be.accessible();

    const invoice = root(el).querySelector('[part~=invoices] [part~=document]')!;
    expect(invoice.textContent).to.contain('Invoice 000123').and.contain('R$1,712.00').and.contain('Issued Oct 9, 2026');
    let link = await catchDownload(async () => {
      button(el, 'Download XML').click();
      await settle(el);
    });
    expect(lastCall(api, 'downloadInvoice').args).to.deep.equal(['fixture.access.token', 'i-1', 'xml']);
    expect(link!.download).to.equal('nota-i-1.xml');
    link = await catchDownload(async () => {
      button(el, 'Download PDF').click();
      await settle(el);
    });
    expect(lastCall(api, 'downloadInvoice').args).to.deep.equal(['fixture.access.token', 'i-1', 'pdf']);

    const reports = [...root(el).querySelectorAll('[part~=reports] [part~=document]')];
    expect(reports[1]!.querySelector('[part~=badge]')!.textContent).to.contain('Being prepared');
    expect(reports[1]!.querySelector('button')).to.equal(null);
    await catchDownload(async () => {
      reports[0]!.querySelector('button')!.click();
      await settle(el);
    });
    expect(lastCall(api, 'downloadBillingReport').args).to.deep.equal(['fixture.access.token', 'r-oct']);

    await choose(el, 'input[name=from]', '2026-12-01');
    await choose(el, 'input[name=to]', '2026-11-01');
    await catchDownload(async () => {
      button(el, 'Download account statement').click();
      await settle(el);
    });
    expect(text(el)).to.contain('The period must end on or after the day it starts.');
    expect(calls(api, 'downloadAccountStatement').length).to.equal(0);
    await choose(el, 'input[name=from]', '2026-01-01');
    link = await catchDownload(async () => {
      button(el, 'Download account statement').click();
      await settle(el);
    });
    expect(lastCall(api, 'downloadAccountStatement').args).to.deep.equal(['fixture.access.token', { accountId: 'a1', from: '2026-01-01', to: '2026-11-01' }, 'en']);
    expect(link!.download).to.equal('statement-2026-01-01-2026-11-01.pdf');
    const thisYear = new Date().getFullYear();
    await choose(el, 'select[name=year]', String(thisYear - 2));
    await catchDownload(async () => {
      button(el, 'Download income tax statement').click();
      await settle(el);
    });
    expect(lastCall(api, 'downloadIncomeTaxStatement').args).to.deep.equal(['fixture.access.token', { accountId: 'a1', year: thisYear - 2 }, 'en']);
    await expect(el).to.be.accessible();
  });

  it('a user of several accounts who has not chosen one picks the account for statements and card settings', async () => {
    const withCards = brlBilling();
    withCards.payment = { card: true, manageMethods: true, preferred: null };
    const { el, api } = await mount({ auth: { ...memoryBilling(withCards), refresh: async () => fixtureSession({ accountId: null }) } });
    expect(text(el)).to.contain('Choose an account above to set how it pays.');
    expect(button(el, 'Manage my cards')).to.equal(undefined);
    button(el, 'Invoices and statements').click();
    await settle(el);
    await choose(el, 'select[name=statement-account]', 'a2');
    await catchDownload(async () => {
      button(el, 'Download income tax statement').click();
      await settle(el);
    });
    expect((lastCall(api, 'downloadIncomeTaxStatement').args[1] as { accountId: string }).accountId).to.equal('a2');
    await expect(el).to.be.accessible();
    await choose(el, 'select[name=account]', 'a1');
    expect(root(el).querySelector('select[name=statement-account]')).to.equal(null);
    expect(lastCall(api, 'listInvoices').args[1]).to.deep.equal({ accountId: 'a1' });
    expect(button(el, 'Manage my cards')).to.exist;
  });

  it('documents load only when opened, and say when there are none', async () => {
    const { el, api } = await mount({ locale: 'es', auth: { listInvoices: async () => ({ items: [], next: null }), listBillingReports: async () => ({ items: [] }) } });
    expect(calls(api, 'listInvoices').length).to.equal(0);
    button(el, 'Facturas y extractos').click();
    await settle(el);
    expect(text(el)).to.contain('Aún no hay facturas.').and.contain('Aún no hay informes de facturación.');
    await expect(el).to.be.accessible();
  });

  it('switches language with the page', async () => {
    const { el, runtime } = await mount({ locale: 'pt-BR' });
    expect(root(el).querySelector('h2')!.textContent).to.equal('Financeiro');
    expect(charge(el, 'Exames admissionais').querySelector('[part~=badge]')!.textContent).to.contain('Vencida');
    expect(norm(root(el).querySelector('[part~=total]')!.textContent)).to.contain('R$ 923,00');
    runtime.runtime.setLocale('es');
    await settle(el);
    expect(root(el).querySelector('h2')!.textContent).to.equal('Facturación');
    expect(charge(el, 'Exames admissionais').querySelector('[part~=badge]')!.textContent).to.contain('Vencido');
    expect(charge(el, 'Exames admissionais').textContent).to.contain('Vence el 10 nov 2026');
  });

  it('forgets the previous person’s filters and open charge when someone else signs in', async () => {
    const { el, api, runtime } = await mount();
    await choose(el, 'select[name=status]', 'overdue');
    await openCharge(el, 'Exames admissionais');
    runtime.runtime.signedIn(fixtureSession({ user: { id: 'u2', email: 'other@example.com', locale: null }, accountId: 'a2' }));
    await settle(el);
    expect(lastCall(api, 'listCharges').args[1]).to.deep.equal({});
    expect(root(el).querySelector('[part~=options]:not([hidden])')).to.equal(null);
  });

  it('fits a 320 px wide phone, with a charge open', async () => {
    const { el } = await mount({ width: 320 });
    await openCharge(el, 'dezembro/2026');
    const base = root(el).querySelector<HTMLElement>('[part=base]')!;
    expect(el.getBoundingClientRect().width).to.be.at.most(320);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    for (const part of root(el).querySelectorAll<HTMLElement>('[part~=charge], [part~=code], [part~=filters]')) {
      expect(part.scrollWidth, part.getAttribute('part')!).to.be.at.most(part.clientWidth);
    }
    await expect(el).to.be.accessible();
  });

  it('a charge with no way to pay here says to ask for help', async () => {
    const { el } = await mount({ auth: { listCharges: async () => ({ items: [fixtureCharge({ id: 'x1', description: 'Ajuste manual' })], next: null }) } });
    expect((await openCharge(el, 'Ajuste manual')).textContent).to.contain('cannot be paid here yet');
  });
});

describe('HttpPortalApi: billing calls', () => {
  const api = new HttpPortalApi('https://portal.example.com/', 'clinica-sol');
  const http = recordFetch();
  const json = jsonAnswer;

  it('asks for charges with the filters as the query, the token and the tenant', async () => {
    http.answer = json({ items: [], next: null });
    await api.listCharges('tok', { status: 'pending', from: '2026-01-01', to: '2026-03-31', accountId: 'a1', establishmentId: 'e2', before: 'cursor-0001' });
    expect(http.sent[0]!.url).to.equal('https://portal.example.com/api/portal/billing/charges?status=pending&from=2026-01-01&to=2026-03-31&accountId=a1&establishmentId=e2&before=cursor-0001');
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok', 'X-Portal-Tenant': 'clinica-sol' });
    http.answer = json({ totals: [], nextDue: null, payment: { card: false, manageMethods: false, preferred: null } });
    await api.billingSummary('tok', {});
    expect(http.sent[1]!.url).to.equal('https://portal.example.com/api/portal/billing/summary');
  });

  it('pays, manages cards and sets the preferred method with the right verbs and bodies', async () => {
    http.answer = json({ url: 'https://pay.example.com/x' });
    expect(await api.payChargeByCard('tok', 'c1')).to.deep.equal({ url: 'https://pay.example.com/x' });
    await api.managePaymentMethods('tok', { accountId: 'a1' });
    http.answer = json({ preferred: 'boleto' });
    await api.setPreferredPaymentMethod('tok', 'boleto', { accountId: 'a1' });
    expect(http.sent.map((s) => [s.method, s.url.replace('https://portal.example.com', ''), s.body])).to.deep.equal([
      ['POST', '/api/portal/billing/charges/c1/card', {}],
      ['POST', '/api/portal/billing/payment-methods/manage', { accountId: 'a1' }],
      ['PUT', '/api/portal/billing/payment-methods/preferred', { accountId: 'a1', method: 'boleto' }],
    ]);
  });

  it('turns a problem into its code', async () => {
    http.answer = json({ type: 'about:blank', code: 'charge_not_payable', detail: 'no' }, 409);
    const error = await api.payChargeByCard('tok', 'c1').catch((e: ApiError) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).code).to.equal('charge_not_payable');
    http.answer = json({ code: 'not_found', detail: 'No such file' }, 404);
    expect(((await api.downloadInvoice('tok', 'i1', 'xml').catch((e: ApiError) => e)) as ApiError).code).to.equal('not_found');
  });

  it('downloads files with the token, named as the server names them, else by what they are', async () => {
    http.answer = () => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), { headers: { 'Content-Disposition': `attachment; filename="boleto-2026-12-10.pdf"; filename*=UTF-8''boleto%20dezembro%E2%80%942026.pdf` } });
    const boleto = await api.downloadBoleto('tok', 'c1', 'pt-BR');
    expect(http.sent[0]!.url).to.equal('https://portal.example.com/api/portal/billing/charges/c1/boleto?locale=pt-BR');
    expect(http.sent[0]!.headers).to.include({ Authorization: 'Bearer tok' });
    expect([boleto.name, boleto.type]).to.deep.equal(['boleto dezembro—2026.pdf', 'application/pdf']);
    http.answer = () => new Response(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    const statement = await api.downloadAccountStatement('tok', { accountId: 'a1', from: '2026-01-01', to: '2026-06-30' }, 'es');
    expect(http.sent[1]!.url).to.equal('https://portal.example.com/api/portal/billing/statements/account?accountId=a1&from=2026-01-01&to=2026-06-30&locale=es');
    expect(statement.name).to.equal('statement-2026-01-01-2026-06-30.pdf');
    await api.downloadIncomeTaxStatement('tok', { year: 2025 });
    expect(http.sent[2]!.url).to.equal('https://portal.example.com/api/portal/billing/statements/income-tax?year=2025');
    expect((await api.downloadInvoice('tok', 'i1', 'xml')).name).to.equal('invoice-i1.xml');
    expect(http.sent.at(-1)!.url).to.equal('https://portal.example.com/api/portal/billing/invoices/i1/xml');
    await api.downloadBillingReport('tok', 'r1');
    expect(http.sent.at(-1)!.url).to.equal('https://portal.example.com/api/portal/billing/reports/r1/file');
  });
});
