/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/billing/admin-billing.ts';
import type { AdminBilling } from '../../widgets/admin/billing/admin-billing.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import { billingData, billingRouter, type BillingData } from '../../widgets/admin/billing/fixtures.ts';
import { parseAmount } from '../../widgets/admin/billing/money.ts';
import { accountSearch } from '../../widgets/admin/processes/account-fixtures.ts';
import { todayIn } from '../../widgets/admin/processes/section-kit.ts';
import { fixtureMe, fixtureScopes } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';

type Call = { method: string; path: string; body?: unknown };
type Request = AdminApi['request'];

const readOnly = () => fixtureMe({ role: 'read-only', scopes: fixtureScopes('read-only') });

async function mount(options: { data?: BillingData; request?: Request; me?: StaffMe; locale?: Locale; tab?: AdminBilling['tab']; width?: number } = {}) {
  const data = options.data ?? billingData();
  const answer = options.request ?? billingRouter(data);
  const log: Call[] = [];
  const api = fakeAdminApi({
    request: ((method, path, body) => {
      log.push(body === undefined ? { method, path } : { method, path, body });
      return answer(method, path, body);
    }) as Request,
    listAccounts: accountSearch(data.accounts),
  });
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 760}px`}></div>`);
  const el = Object.assign(document.createElement('admin-billing'), { api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en', tab: options.tab ?? 'charges' });
  wrapper.append(el);
  await settle(el);
  return { el, log, data };
}

async function settle(el: Element) {
  for (let i = 0; i < 10; i++) {
    const all = [el, ...deepElements(el)].filter((node): node is Element & { updateComplete: Promise<unknown> } => 'updateComplete' in node);
    await Promise.all(all.map((node) => node.updateComplete));
    await new Promise((resolve) => setTimeout(resolve));
  }
}
function deepElements(el: Element): Element[] {
  const inner = el.shadowRoot ? [...el.shadowRoot.querySelectorAll('*')] : [];
  return inner.flatMap((node) => [node, ...deepElements(node)]);
}
const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
const root = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(scope: ParentNode, selector: string) => scope.querySelector<T>(selector)!;
const text = (scope: ParentNode | null) => norm(scope?.textContent);
const buttonIn = (scope: ParentNode, label: string) => [...scope.querySelectorAll('button')].find((b) => norm(b.textContent) === label)!;
const fact = (scope: ParentNode, term: string) => text([...scope.querySelectorAll('dt')].find((dt) => norm(dt.textContent) === term)?.nextElementSibling ?? null);
const panel = (el: Element) => root(el).querySelector('admin-billing-charges')!;
const items = (scope: Element) => [...root(scope).querySelectorAll<HTMLElement>('[part~=item]')];
const item = (el: Element, title: string) => items(panel(el)).find((li) => text(li.querySelector('h3')) === title)!;
const action = (el: Element, title: string, name: string) => item(el, title).querySelector<HTMLButtonElement>(`[data-action=${name}]`);
const dialogOf = (el: Element) => $<HTMLDialogElement>(root(panel(el)), 'dialog');
const announcement = (scope: Element) => text($(root(scope), '[part~=announcement]'));
const chargeLists = (log: Call[]) => log.filter((call) => call.method === 'GET' && call.path.startsWith('/api/v1/billing/charges')).map((call) => call.path);
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
async function typeInto(field: HTMLElement, value: string) {
  field.focus();
  await sendKeys({ type: value });
}
function setValue(field: HTMLInputElement | HTMLSelectElement, value: string) {
  field.value = value;
  field.dispatchEvent(new Event('change'));
}
function attach(input: HTMLInputElement, file: File) {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}

const APRIL = 'Exames periódicos — abril/2026';
const APRIL_ID = 'c9000000-0000-4000-8000-000000000001';
const MARCH = 'Mensalidade PCMSO — março/2026';
const MARCH_ID = 'c9000000-0000-4000-8000-000000000002';
const HORIZONTE_ID = 'a5000000-0000-4000-8000-000000000001';

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-billing>: amounts', () => {
  it('reads amounts as staff write them, in minor units', () => {
    expect(parseAmount('1.980,50', 'pt-BR', 'BRL')).to.equal(198050);
    expect(parseAmount('R$ 1.980', 'pt-BR', 'BRL')).to.equal(198000);
    expect(parseAmount('1980.5', 'pt-BR', 'BRL')).to.equal(198050);
    expect(parseAmount('1,980.50', 'en', 'USD')).to.equal(198050);
    expect(parseAmount('104,05', 'es', 'EUR')).to.equal(10405);
    expect(parseAmount('1980', 'en', 'JPY')).to.equal(1980);
    expect(parseAmount('1,5,0', 'en', 'USD')).to.equal(undefined);
    expect(parseAmount('12.345', 'en', 'USD')).to.equal(undefined);
    expect(parseAmount('dez', 'pt-BR', 'BRL')).to.equal(undefined);
  });
});

describe('<admin-billing>: charges', () => {
  it('shows loading (busy, with words), an error with a retry that works, and the empty state', async () => {
    const loading = await mount({ request: () => new Promise(() => {}) });
    expect(text($(root(panel(loading.el)), '[part~=status]'))).to.equal('Loading charges…');
    expect($(root(panel(loading.el)), '.list-region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const data = billingData();
    const router = billingRouter(data);
    const failing = await mount({ data, request: (method, path, body) => (fail ? Promise.reject(new ApiError('network_error', 0, 'down')) : router(method, path, body)) });
    const alert = $(root(panel(failing.el)), '[part~=error][role=alert]');
    expect(text(alert)).to.contain('We could not reach the server.');
    await expect(failing.el).to.be.accessible();
    fail = false;
    buttonIn(alert, 'Try again').click();
    await settle(failing.el);
    expect(chargeLists(failing.log)).to.deep.equal(['/api/v1/billing/charges', '/api/v1/billing/charges']);
    expect(items(panel(failing.el))).to.have.length(5);

    const empty = await mount({ data: { ...billingData(), charges: [] } });
    expect(text($(root(panel(empty.el)), '[part~=empty]'))).to.equal('No charges yet. Add one, or let your billing system send them.');
    await expect(empty.el).to.be.accessible();
  });

  it('lists charges with the amount in its currency, dates, status in words, ways to pay and actions only where they apply', async () => {
    const { el } = await mount();
    expect(items(panel(el)).map((li) => li.dataset.status)).to.deep.equal(['open', 'paid', 'overdue', 'cancelled', 'renegotiated']);
    const april = item(el, APRIL);
    expect(text(april.querySelector('[part~=badge]'))).to.equal('Open');
    expect(fact(april, 'Amount')).to.equal('R$1,980.00');
    expect(fact(april, 'Due')).to.equal('May 10, 2026');
    expect(fact(april, 'Clients may pay with')).to.equal('Boleto, PIX, Card');
    expect(fact(april, 'Your reference')).to.equal('FAT-00001');
    expect(text(item(el, MARCH).querySelector('[part~=badge]'))).to.equal('Overdue');
    const paid = item(el, 'Consulta ocupacional');
    expect(text(paid.querySelector('[part~=badge]'))).to.equal('Paid');
    expect(fact(paid, 'Paid on')).to.equal('Apr 2, 2026');
    expect(paid.querySelectorAll('button')).to.have.length(0);
    expect(fact(item(el, 'Acordo — parcelas de janeiro e fevereiro'), 'Kind')).to.equal('Renegotiation');
    expect([...april.querySelectorAll('[data-action]')].map((b) => text(b))).to.deep.equal(['Mark paid', 'Upload boleto PDF', 'Cancel charge']);
    await expect(el).to.be.accessible();
  });

  it('formats money in the staff member’s language: reais in Portuguese, euros in Spanish', async () => {
    const pt = await mount({ locale: 'pt-BR' });
    expect(fact(item(pt.el, APRIL), 'Valor')).to.equal('R$ 1.980,00');
    expect(text(item(pt.el, MARCH).querySelector('[part~=badge]'))).to.equal('Vencida');
    const es = await mount({ data: billingData('martins-castro'), locale: 'es', me: fixtureMe({}, 'martins-castro') });
    expect(fact(item(es.el, 'Tasa 790-026 (suplido)'), 'Importe')).to.equal('104,05 €');
    expect(fact(item(es.el, 'Tasa 790-026 (suplido)'), 'Pagado el')).to.equal('12 feb 2026');
  });

  it('filters by status, due period and account, and announces how many are shown', async () => {
    const { el, log } = await mount();
    const r = root(panel(el));
    setValue($<HTMLSelectElement>(r, 'select[name=status]'), 'pending');
    await settle(el);
    expect(chargeLists(log).at(-1)).to.equal('/api/v1/billing/charges?status=pending');
    expect(items(panel(el))).to.have.length(2);
    expect(announcement(panel(el))).to.equal('2 charges shown.');
    setValue($<HTMLInputElement>(r, 'input[name=from]'), '2026-03-01');
    setValue($<HTMLInputElement>(r, 'input[name=to]'), '2026-04-30');
    await settle(el);
    expect(chargeLists(log).at(-1)).to.equal('/api/v1/billing/charges?status=pending&from=2026-03-01&to=2026-04-30');
    expect(announcement(panel(el))).to.equal('1 charge shown.');
    const picker = $(r, 'admin-account-picker');
    await typeInto($(root(picker), 'input[name=account-search]'), 'Maria');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    $<HTMLButtonElement>(root(picker), '[part~=results] button').click();
    await settle(el);
    expect(chargeLists(log).at(-1)).to.equal('/api/v1/billing/charges?status=pending&accountId=a5000000-0000-4000-8000-000000000003&from=2026-03-01&to=2026-04-30');
    expect(text($(r, '[part~=empty]'))).to.equal('No charge matches these filters.');
    await expect(el).to.be.accessible();
  });

  it('loads more a page at a time, the focus on the first new charge', async () => {
    const { el, log } = await mount({ data: billingData('clinica-sol', 2) });
    buttonIn(root(panel(el)), 'Load more').click();
    await settle(el);
    expect(chargeLists(log).at(-1)).to.equal('/api/v1/billing/charges?before=page-2');
    expect(items(panel(el))).to.have.length(4);
    expect(deepActive()).to.equal(item(el, MARCH).querySelector('h3'));
  });

  it('shows read-only staff charges without new, paid, cancel or boleto', async () => {
    const { el } = await mount({ me: readOnly() });
    const r = root(panel(el));
    expect(r.querySelector('admin-charge-new')).to.equal(null);
    expect(r.querySelectorAll('[data-action]')).to.have.length(0);
    expect(text($(root(el), '.hint'))).to.contain('need the “Billing: change” permission');
    await expect(el).to.be.accessible();
  });

  it('stays inside a phone’s width', async () => {
    const { el } = await mount({ width: 320 });
    const base = $(root(el), '[part~=base]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });
});

describe('<admin-billing>: a charge’s actions', () => {
  it('marks a charge paid: the dialog (Escape closes it), the exact body, the row updated', async () => {
    const { el, log } = await mount();
    const button = action(el, MARCH, 'paid')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const dialog = dialogOf(el);
    expect(dialog.open).to.be.true;
    expect(text($(dialog, 'h3'))).to.equal(`Mark “${MARCH}” paid`);
    const date = $<HTMLInputElement>(dialog, 'input[name=paidAt]');
    expect(deepActive()).to.equal(date);
    expect(date.value).to.equal(todayIn('America/Sao_Paulo'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(button);

    button.click();
    await settle(el);
    $<HTMLInputElement>(dialog, 'input[name=paidAt]').value = '2026-05-03';
    setValue($<HTMLSelectElement>(dialog, 'select[name=via]'), 'pix');
    buttonIn(dialog, 'Mark paid').click();
    await settle(el);
    expect(log.at(-1)).to.deep.equal({ method: 'POST', path: `/api/v1/billing/charges/${MARCH_ID}/paid`, body: { paidAt: '2026-05-03', via: 'pix' } });
    expect(dialog.open).to.be.false;
    const row = item(el, MARCH);
    expect(text(row.querySelector('[part~=badge]'))).to.equal('Paid');
    expect(fact(row, 'Paid on')).to.equal('May 3, 2026');
    expect(row.querySelectorAll('[data-action]')).to.have.length(0);
    expect(announcement(panel(el))).to.equal(`“${MARCH}” is marked paid.`);
    expect(deepActive()).to.equal(row.querySelector('h3'));
  });

  it('cancels after a confirmation that starts on "Keep it"; a charge no longer open is said in words', async () => {
    const { el, log, data } = await mount();
    action(el, APRIL, 'cancel')!.click();
    await settle(el);
    const dialog = dialogOf(el);
    expect(text($(dialog, 'h3'))).to.equal(`Cancel “${APRIL}”?`);
    expect(text($(dialog, '#cancel-text'))).to.contain('R$1,980.00, due May 10, 2026.');
    expect(deepActive()).to.equal($(dialog, '[part~=keep]'));
    await expect(el).to.be.accessible();
    data.charges[0]!.status = 'paid';
    $<HTMLButtonElement>(dialog, '[part~=confirm-cancel]').click();
    await settle(el);
    expect(log.at(-1)).to.deep.equal({ method: 'POST', path: `/api/v1/billing/charges/${APRIL_ID}/cancel` });
    expect(dialog.open).to.be.true;
    expect(text($(dialog, '[part~=error]'))).to.equal('This charge is no longer open: it was paid, cancelled or renegotiated meanwhile. Reload the list.');

    data.charges[0]!.status = 'open';
    $<HTMLButtonElement>(dialog, '[part~=confirm-cancel]').click();
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(text(item(el, APRIL).querySelector('[part~=badge]'))).to.equal('Cancelled');
    expect(announcement(panel(el))).to.equal(`“${APRIL}” is cancelled.`);
  });

  it('uploads a boleto PDF: checks it, sends it raw as application/pdf with its name', async () => {
    const { el, log } = await mount();
    const button = action(el, APRIL, 'boleto')!;
    button.click();
    await settle(el);
    const dialog = dialogOf(el);
    const input = $<HTMLInputElement>(dialog, 'input[name=file]');
    expect(deepActive()).to.equal(input);
    buttonIn(dialog, 'Upload').click();
    await settle(el);
    expect(text($(dialog, '#boleto-error'))).to.equal('Choose the PDF.');
    attach(input, new File(['x'], 'boleto.png', { type: 'image/png' }));
    buttonIn(dialog, 'Upload').click();
    await settle(el);
    expect(text($(dialog, '#boleto-error'))).to.equal('Choose a PDF file.');
    expect(log.filter((call) => call.method === 'PUT')).to.have.length(0);
    await expect(el).to.be.accessible();

    attach(input, new File(['%PDF-1.4\n'], 'boleto abril.pdf', { type: '' }));
    buttonIn(dialog, 'Upload').click();
    await settle(el);
    const put = log.find((call) => call.method === 'PUT')!;
    expect(put.path).to.equal(`/api/v1/billing/charges/${APRIL_ID}/boleto?name=boleto+abril.pdf`);
    expect((put.body as File).type).to.equal('application/pdf');
    expect((put.body as File).name).to.equal('boleto abril.pdf');
    expect(dialog.open).to.be.false;
    expect(announcement(panel(el))).to.equal(`The boleto PDF of “${APRIL}” was uploaded.`);
    expect(deepActive()).to.equal(button);
  });
});

describe('<admin-billing>: a new charge', () => {
  async function openDialog(el: Element) {
    const creator = root(panel(el)).querySelector('admin-charge-new')!;
    creator.clock = () => new Date('2026-05-04T15:00:00Z');
    const trigger = $<HTMLButtonElement>(root(creator), '[part~=new]');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    return { creator, trigger, r: root(creator), dialog: $<HTMLDialogElement>(root(creator), 'dialog') };
  }
  async function chooseAccount(el: Element, r: ShadowRoot, query: string) {
    const picker = $(r, 'admin-account-picker');
    await typeInto($(root(picker), 'input[name=account-search]'), query);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    $<HTMLButtonElement>(root(picker), '[part~=results] button').click();
    await settle(el);
  }

  it('opens on the account search and closes with Escape back to its button', async () => {
    const { el } = await mount();
    const { trigger, dialog, r } = await openDialog(el);
    expect(deepActive()).to.equal($(root($(r, 'admin-account-picker')), 'input[name=account-search]'));
    expect($<HTMLSelectElement>(r, 'select[name=currency]').value).to.equal('BRL');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
  });

  it('names what is missing or wrong and sends nothing', async () => {
    const { el, log } = await mount();
    const { r } = await openDialog(el);
    await typeInto($(r, 'input[name=amount]'), '12,5,0');
    $<HTMLInputElement>(r, 'input[name=dueDate]').value = '2026-05-01';
    $<HTMLInputElement>(r, 'input[name=issueDate]').value = '2026-05-04';
    buttonIn(r, 'Create charge').click();
    await settle(el);
    expect(text(root($(r, 'admin-account-picker')).querySelector('.field-error'))).to.equal('Choose the account to charge.');
    expect(text($(r, '#description-error'))).to.equal('Write what the charge is for.');
    expect(text($(r, '#amount-error'))).to.equal('Write an amount above zero, e.g. 1,980.00.');
    expect($(r, 'input[name=amount]').getAttribute('aria-describedby')).to.equal('amount-hint amount-error');
    expect(text($(r, '#dueDate-error'))).to.equal('Must not be before the issue date.');
    expect(log.filter((call) => call.method === 'PUT')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('creates a charge from an amount in Portuguese: the exact batch of one, the list reloaded', async () => {
    const { el, log } = await mount({ locale: 'pt-BR' });
    const { r, dialog, trigger } = await openDialog(el);
    await chooseAccount(el, r, 'Horizonte');
    setValue($<HTMLSelectElement>(r, 'select[name=establishmentId]'), 'e5000000-0000-4000-8000-000000000002');
    await typeInto($(r, 'input[name=description]'), 'Exames admissionais — maio/2026');
    await typeInto($(r, 'input[name=amount]'), '1.980,50');
    $<HTMLInputElement>(r, 'input[name=dueDate]').value = '2026-05-20';
    $<HTMLInputElement>(r, 'input[name=pix]').click();
    $<HTMLInputElement>(r, 'input[name=card]').click();
    buttonIn(r, 'Criar cobrança').click();
    await settle(el);
    const time = new Date('2026-05-04T15:00:00Z').getTime();
    expect(log.find((call) => call.method === 'PUT')).to.deep.equal({
      method: 'PUT',
      path: '/api/v1/billing/charges',
      body: {
        items: [
          {
            externalId: `console-${time}`,
            accountId: HORIZONTE_ID,
            establishmentId: 'e5000000-0000-4000-8000-000000000002',
            description: 'Exames admissionais — maio/2026',
            amount: 198050,
            currency: 'BRL',
            issueDate: '2026-05-04',
            dueDate: '2026-05-20',
            pix: { txid: `console${time}` },
            card: true,
          },
        ],
      },
    });
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
    expect(announcement(panel(el))).to.equal('A cobrança “Exames admissionais — maio/2026” foi criada.');
    expect(fact(item(el, 'Exames admissionais — maio/2026'), 'Valor')).to.equal('R$ 1.980,50');
    expect(chargeLists(log)).to.have.length(2);
  });

  it('marks the boleto line the server refused, in words', async () => {
    const data = billingData();
    const router = billingRouter(data);
    const { el } = await mount({
      data,
      request: (method, path, body) =>
        method === 'PUT' ? Promise.reject(new ApiError('invalid_input', 400, 'bad', undefined, [{ path: 'items.0.boletoLine', message: 'has a wrong check digit' }])) : router(method, path, body),
    });
    const { r, dialog } = await openDialog(el);
    await chooseAccount(el, r, 'Maria');
    await typeInto($(r, 'input[name=description]'), 'Consulta');
    await typeInto($(r, 'input[name=amount]'), '250');
    $<HTMLInputElement>(r, 'input[name=dueDate]').value = '2026-05-20';
    await typeInto($(r, 'input[name=boletoLine]'), '34191.79001 01043.510047 91020.150008 9 96610000025000');
    buttonIn(r, 'Create charge').click();
    await settle(el);
    expect(dialog.open).to.be.true;
    expect(text($(r, '[part~=error]'))).to.equal('Check the fields marked and try again.');
    expect(text($(r, '#boletoLine-error'))).to.equal('Check the typeable line: 47 or 48 digits, with the right check digits and the charge’s amount.');
    expect($(r, 'input[name=boletoLine]').getAttribute('aria-invalid')).to.equal('true');
  });
});

describe('<admin-billing>: invoices and reports (read-only)', () => {
  it('reaches the invoices by keyboard: number, account, amount, charges, files; a page at a time', async () => {
    const { el, log } = await mount({ data: billingData('clinica-sol', 1) });
    $<HTMLButtonElement>(root(el), '#tab-charges').focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(el);
    expect(deepActive()).to.equal($(root(el), '#tab-invoices'));
    expect(log.at(-1)).to.deep.equal({ method: 'GET', path: '/api/v1/billing/invoices' });
    const invoices = root(el).querySelector('admin-billing-invoices')!;
    const first = items(invoices)[0]!;
    expect(text(first.querySelector('h3'))).to.equal('Invoice 2026/000184, series 1');
    expect(fact(first, 'Amount')).to.equal('R$250.00');
    expect(fact(first, 'Charges')).to.equal('1 charge');
    expect(fact(first, 'Files')).to.equal('PDF and XML');
    expect(root(invoices).querySelectorAll('[data-action]')).to.have.length(0);
    await expect(el).to.be.accessible();
    buttonIn(root(invoices), 'Load more').click();
    await settle(el);
    expect(log.at(-1)).to.deep.equal({ method: 'GET', path: '/api/v1/billing/invoices?before=page-1' });
    expect(fact(items(invoices)[1]!, 'Files')).to.equal('None yet');
  });

  it('shows the reports with their period and state, and says when there are none', async () => {
    const { el, log } = await mount({ tab: 'reports' });
    expect(log).to.deep.equal([{ method: 'GET', path: '/api/v1/billing/reports' }]);
    const reports = root(el).querySelector('admin-billing-reports')!;
    const [april, march] = items(reports);
    expect(text(april!.querySelector('[part~=badge]'))).to.equal('Being prepared');
    expect(fact(april!, 'Period')).to.equal('Apr 1, 2026 – Apr 30, 2026');
    expect(fact(april!, 'File')).to.equal('No file yet');
    expect(fact(march!, 'File')).to.equal('PDF available');
    await expect(el).to.be.accessible();

    const none = await mount({ data: billingData('martins-castro'), tab: 'reports', me: readOnly() });
    expect(text($(root(root(none.el).querySelector('admin-billing-reports')!), '[part~=empty]'))).to.equal('No billing reports yet. Your billing system sends them.');
    await expect(none.el).to.be.accessible();
  });
});
