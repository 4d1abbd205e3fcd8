/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/documents/admin-documents.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import { accountSearch } from '../../widgets/admin/processes/account-fixtures.ts';
import { documentsData, documentsRouter, type DocumentsData } from '../../widgets/admin/documents/fixtures.ts';
import { fixtureMe, fixtureScopes } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';

type Call = { method: string; path: string; body?: unknown };
type Request = AdminApi['request'];

const readOnly = () => fixtureMe({ role: 'read-only', scopes: fixtureScopes('read-only') });

async function mount(options: { data?: DocumentsData; request?: Request; me?: StaffMe; locale?: Locale; width?: number } = {}) {
  const data = options.data ?? documentsData();
  const answer = options.request ?? documentsRouter(data);
  const log: Call[] = [];
  const api = fakeAdminApi({
    request: ((method, path, body) => {
      log.push(body === undefined ? { method, path } : { method, path, body });
      return answer(method, path, body);
    }) as Request,
    listAccounts: accountSearch(data.accounts),
  });
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 760}px`}></div>`);
  const el = Object.assign(document.createElement('admin-documents'), { api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en' });
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
const list = (el: Element) => root(el).querySelector('admin-document-list')!;
const items = (el: Element) => [...root(list(el)).querySelectorAll<HTMLElement>('[part~=item]')];
const item = (el: Element, title: string) => items(el).find((li) => text(li.querySelector('h3')) === title)!;
const action = (el: Element, title: string, name: string) => item(el, title).querySelector<HTMLButtonElement>(`[data-action=${name}]`);
const dialogOf = (el: Element) => $<HTMLDialogElement>(root(list(el)), 'dialog');
const announcement = (scope: Element) => text($(root(scope), '[part~=announcement]'));
const gets = (log: Call[]) => log.filter((call) => call.method === 'GET' && call.path.startsWith('/api/v1/documents') && !call.path.includes('/categories') && !call.path.includes('/downloads')).map((call) => call.path);
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
async function typeInto(field: HTMLElement, value: string) {
  field.focus();
  await sendKeys({ type: value });
}
function attach(input: HTMLInputElement, file: File) {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change'));
}
function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change'));
}
const pdf = (name: string) => new File(['%PDF-1.7\n'], name, { type: 'application/pdf' });

const PGR = 'PGR 2026 — Matriz';
const PGR_ID = 'd7000000-0000-4000-8000-000000000001';
const CONTRACT = 'Contrato de prestação de serviços 2026';
const CONTRACT_ID = 'd7000000-0000-4000-8000-000000000004';
const HORIZONTE_ID = 'a5000000-0000-4000-8000-000000000001';

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-documents>: the list', () => {
  it('shows loading (busy, with words), an error with a retry that works, and the empty state', async () => {
    const loading = await mount({ request: () => new Promise(() => {}) });
    expect(text($(root(list(loading.el)), '[part~=status]'))).to.equal('Loading documents…');
    expect($(root(list(loading.el)), '.list-region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const data = documentsData();
    const router = documentsRouter(data);
    const failing = await mount({ data, request: (method, path, body) => (fail && !path.includes('categories') ? Promise.reject(new ApiError('network_error', 0, 'down')) : router(method, path, body)) });
    const alert = $(root(list(failing.el)), '[part~=error][role=alert]');
    expect(text(alert)).to.contain('We could not reach the server.');
    await expect(failing.el).to.be.accessible();
    fail = false;
    buttonIn(alert, 'Try again').click();
    await settle(failing.el);
    expect(gets(failing.log)).to.deep.equal(['/api/v1/documents', '/api/v1/documents']);
    expect(items(failing.el)).to.have.length(5);

    const empty = await mount({ data: { ...documentsData(), documents: [] } });
    expect(text($(root(list(empty.el)), '[part~=empty]'))).to.equal('No documents yet. Add one, or let your software send them.');
    await expect(empty.el).to.be.accessible();
  });

  it('lists documents newest first: category, account and establishment, dates, file, eSocial receipt', async () => {
    const { el, log } = await mount();
    expect(log.map((call) => `${call.method} ${call.path}`)).to.have.members(['GET /api/v1/documents', 'GET /api/v1/documents/categories']);
    expect(items(el).map((li) => text(li.querySelector('h3')))).to.deep.equal([PGR, 'ASO admissional — Maria Oliveira', 'Recibo S-2220 — exames de abril', CONTRACT, 'PCMSO 2026']);
    const pgr = item(el, PGR);
    expect(text(pgr.querySelector('[part~=badge]'))).to.equal('PGR');
    expect(fact(pgr, 'Account')).to.equal('Construtora Horizonte Ltda — Matriz — Belo Horizonte');
    expect(fact(pgr, 'Issued')).to.equal('Apr 20, 2026');
    expect(fact(pgr, 'Valid until')).to.equal('Apr 19, 2027');
    expect(fact(pgr, 'File')).to.equal('pgr-2026-matriz.pdf · PDF · 2.5 MB');
    expect(fact(item(el, 'ASO admissional — Maria Oliveira'), 'File')).to.equal('aso-maria.jpg · Image (JPEG) · 182 kB');
    expect(fact(item(el, 'Recibo S-2220 — exames de abril'), 'eSocial')).to.equal('S-2220, receipt 1.2.202604.0000001234');
    expect(fact(item(el, CONTRACT), 'File')).to.equal('No file yet: clients do not see it');
    expect(text(action(el, CONTRACT, 'upload'))).to.equal('Upload file');
    expect(text(action(el, PGR, 'upload'))).to.equal('Replace file');
    expect(action(el, PGR, 'delete')!.getAttribute('aria-describedby')).to.equal(`document-${PGR_ID}`);
    await expect(el).to.be.accessible();
  });

  it('filters by category and account, and announces how many are shown', async () => {
    const { el, log } = await mount();
    const select = $<HTMLSelectElement>(root(list(el)), 'select[name=category]');
    expect(text(select.querySelector('option[value=invoices]'))).to.equal('Notas fiscais (hidden)');
    choose(select, 'esocial');
    await settle(el);
    expect(gets(log).at(-1)).to.equal('/api/v1/documents?category=esocial');
    expect(items(el)).to.have.length(1);
    expect(announcement(list(el))).to.equal('1 document shown.');

    const picker = $(root(list(el)), 'admin-account-picker');
    await typeInto($(root(picker), 'input[name=account-search]'), 'Padaria');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    $<HTMLButtonElement>(root(picker), '[part~=results] button').click();
    await settle(el);
    expect(gets(log).at(-1)).to.equal('/api/v1/documents?accountId=a5000000-0000-4000-8000-000000000002&category=esocial');
    expect(text($(root(list(el)), '[part~=empty]'))).to.equal('No document matches these filters.');
    await expect(el).to.be.accessible();
  });

  it('loads more a page at a time, the focus on the first new document', async () => {
    const { el, log } = await mount({ data: documentsData('clinica-sol', 2) });
    expect(items(el)).to.have.length(2);
    buttonIn(root(list(el)), 'Load more').click();
    await settle(el);
    expect(gets(log).at(-1)).to.equal('/api/v1/documents?before=page-2');
    expect(items(el)).to.have.length(4);
    expect(deepActive()).to.equal(item(el, 'Recibo S-2220 — exames de abril').querySelector('h3'));
    expect(announcement(list(el))).to.equal('4 documents shown.');
  });

  it('shows read-only staff documents and downloads, without adding, uploading or deleting', async () => {
    const { el } = await mount({ me: readOnly() });
    const r = root(list(el));
    expect(r.querySelector('admin-document-new')).to.equal(null);
    expect(r.querySelectorAll('[data-action=upload], [data-action=delete]')).to.have.length(0);
    expect(r.querySelectorAll('[data-action=downloads]')).to.have.length(5);
    expect(text($(root(el), '.hint'))).to.contain('need the “Documents: change” permission');
    await expect(el).to.be.accessible();
  });

  it('stays inside a phone’s width', async () => {
    const { el } = await mount({ width: 320 });
    const panel = $(root(el), '[part~=base]');
    expect(panel.scrollWidth).to.be.at.most(panel.clientWidth + 1);
  });
});

describe('<admin-documents>: a document’s actions', () => {
  it('shows who downloaded it in a dialog; Escape closes it, focus back on its button', async () => {
    const { el, log } = await mount();
    const button = action(el, PGR, 'downloads')!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(log.at(-1)).to.deep.equal({ method: 'GET', path: `/api/v1/documents/${PGR_ID}/downloads` });
    const dialog = dialogOf(el);
    expect(dialog.open).to.be.true;
    expect(text($(dialog, 'h3'))).to.equal(`Who downloaded “${PGR}”`);
    const rows = [...dialog.querySelectorAll('[part~=downloads] li')].map((li) => text(li));
    expect(rows[0]).to.contain('rh@construtorahorizonte.com.br').and.contain('In the portal');
    expect(rows[1]).to.contain('A removed user').and.contain('Through an e-mailed link');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(button);

    action(el, CONTRACT, 'downloads')!.click();
    await settle(el);
    expect(text($(dialogOf(el), '[part~=empty]'))).to.equal('Nobody has downloaded it yet.');
  });

  it('uploads a file: checks it, sends it raw with its name, updates the row', async () => {
    const { el, log } = await mount();
    const button = action(el, CONTRACT, 'upload')!;
    button.click();
    await settle(el);
    const dialog = dialogOf(el);
    const input = $<HTMLInputElement>(dialog, 'input[name=file]');
    expect(deepActive()).to.equal(input);
    buttonIn(dialog, 'Upload').click();
    await settle(el);
    expect(text($(dialog, '#upload-error'))).to.equal('Choose the file.');
    attach(input, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    buttonIn(dialog, 'Upload').click();
    await settle(el);
    expect(text($(dialog, '#upload-error'))).to.equal('Choose a PDF, PNG, JPEG or WebP file.');
    expect(log.filter((call) => call.method === 'PUT')).to.have.length(0);
    await expect(el).to.be.accessible();

    const file = pdf('contrato assinado.pdf');
    attach(input, file);
    buttonIn(dialog, 'Upload').click();
    await settle(el);
    const put = log.find((call) => call.method === 'PUT')!;
    expect(put.path).to.equal(`/api/v1/documents/${CONTRACT_ID}/file?name=contrato+assinado.pdf`);
    expect(put.body).to.equal(file);
    expect(dialog.open).to.be.false;
    expect(fact(item(el, CONTRACT), 'File')).to.equal('contrato assinado.pdf · PDF · 9 byte');
    expect(announcement(list(el))).to.equal(`The file of “${CONTRACT}” was uploaded.`);
    expect(deepActive()).to.equal(action(el, CONTRACT, 'upload'));
    expect(text(action(el, CONTRACT, 'upload'))).to.equal('Replace file');
  });

  it('says why the server refused a file', async () => {
    const data = documentsData();
    const router = documentsRouter(data);
    const { el } = await mount({ data, request: (method, path, body) => (method === 'PUT' ? Promise.reject(new ApiError('payload_too_large', 413, 'big')) : router(method, path, body)) });
    action(el, CONTRACT, 'upload')!.click();
    await settle(el);
    attach($<HTMLInputElement>(dialogOf(el), 'input[name=file]'), pdf('big.pdf'));
    buttonIn(dialogOf(el), 'Upload').click();
    await settle(el);
    expect(dialogOf(el).open).to.be.true;
    expect(text($(dialogOf(el), '[part~=error]'))).to.equal('The file is larger than 250 MB.');
  });

  it('deletes after a confirmation that starts on Cancel; the row says it is deleted', async () => {
    const { el, log } = await mount();
    const button = action(el, PGR, 'delete')!;
    button.click();
    await settle(el);
    const dialog = dialogOf(el);
    expect(text($(dialog, 'h3'))).to.equal(`Delete “${PGR}”?`);
    expect(deepActive()).to.equal($(dialog, '[part~=cancel]'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(deepActive()).to.equal(button);
    expect(log.filter((call) => call.method === 'DELETE')).to.have.length(0);

    button.click();
    await settle(el);
    $<HTMLButtonElement>(dialog, '[part~=confirm-delete]').click();
    await settle(el);
    expect(log.at(-1)).to.deep.equal({ method: 'DELETE', path: `/api/v1/documents/${PGR_ID}` });
    expect(fact(item(el, PGR), 'File')).to.equal('Deleted: clients no longer see it');
    expect(action(el, PGR, 'delete')).to.equal(null);
    expect(action(el, PGR, 'upload')).to.equal(null);
    expect(announcement(list(el))).to.equal(`“${PGR}” was deleted.`);
    expect(deepActive()).to.equal(item(el, PGR).querySelector('h3'));
  });
});

describe('<admin-documents>: a new document', () => {
  async function openDialog(el: Element) {
    const creator = root(list(el)).querySelector('admin-document-new')!;
    creator.clock = () => new Date('2026-05-04T15:00:00Z');
    const trigger = $<HTMLButtonElement>(root(creator), '[part~=new]');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    return { creator, trigger, r: root(creator), dialog: $<HTMLDialogElement>(root(creator), 'dialog') };
  }
  async function fill(el: Element, r: ShadowRoot, category: string, title: string) {
    const picker = $(r, 'admin-account-picker');
    await typeInto($(root(picker), 'input[name=account-search]'), 'Horizonte');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    $<HTMLButtonElement>(root(picker), '[part~=results] button').click();
    await settle(el);
    choose($<HTMLSelectElement>(r, 'select[name=category]'), category);
    await settle(el);
    await typeInto($(r, 'input[name=title]'), title);
  }

  it('opens on the account search and closes with Escape back to its button', async () => {
    const { el } = await mount();
    const { trigger, dialog, r } = await openDialog(el);
    expect(dialog.open).to.be.true;
    expect(deepActive()).to.equal($(root($(r, 'admin-account-picker')), 'input[name=account-search]'));
    expect($<HTMLInputElement>(r, 'input[name=issueDate]').value).to.equal('2026-05-04');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
  });

  it('names what is missing, and asks for the eSocial event and receipt in that category', async () => {
    const { el, log } = await mount();
    const { r } = await openDialog(el);
    buttonIn(r, 'Save document').click();
    await settle(el);
    expect(text(root($(r, 'admin-account-picker')).querySelector('.field-error'))).to.equal('Choose the account this document is for.');
    expect(text($(r, '#category-error'))).to.equal('Choose the category.');
    expect(text($(r, '#title-error'))).to.equal('Write the title.');
    choose($<HTMLSelectElement>(r, 'select[name=category]'), 'esocial');
    await settle(el);
    await typeInto($(r, 'input[name=eventType]'), '2220');
    buttonIn(r, 'Save document').click();
    await settle(el);
    expect(text($(r, '#eventType-error'))).to.equal('Write the event as S- and four digits, e.g. S-2220.');
    expect(text($(r, '#receiptNumber-error'))).to.equal('Write the receipt number.');
    expect($(r, 'input[name=eventType]').getAttribute('aria-describedby')).to.equal('event-hint eventType-error');
    expect(log.filter((call) => call.method === 'PUT')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('saves the details, then the file: the exact calls, the list reloaded, focus back on the button', async () => {
    const { el, log } = await mount();
    const { r, dialog, trigger } = await openDialog(el);
    await fill(el, r, 'esocial', 'Recibo S-2240 — abril');
    choose($<HTMLSelectElement>(r, 'select[name=establishmentId]'), 'e5000000-0000-4000-8000-000000000002');
    await typeInto($(r, 'input[name=eventType]'), 'S-2240');
    await typeInto($(r, 'input[name=receiptNumber]'), '1.2.202604.0000009876');
    $<HTMLInputElement>(r, 'input[name=notify]').click();
    const file = pdf('recibo-s2240.pdf');
    attach($<HTMLInputElement>(r, 'input[name=file]'), file);
    buttonIn(r, 'Save document').click();
    await settle(el);
    const puts = log.filter((call) => call.method === 'PUT');
    expect(puts[0]).to.deep.equal({
      method: 'PUT',
      path: '/api/v1/documents',
      body: {
        items: [
          {
            externalId: `console-${new Date('2026-05-04T15:00:00Z').getTime()}`,
            accountId: HORIZONTE_ID,
            establishmentId: 'e5000000-0000-4000-8000-000000000002',
            category: 'esocial',
            title: 'Recibo S-2240 — abril',
            issueDate: '2026-05-04',
            esocial: { eventType: 'S-2240', receiptNumber: '1.2.202604.0000009876', rectified: false },
            notify: true,
          },
        ],
      },
    });
    expect(puts[1]!.path).to.match(/^\/api\/v1\/documents\/[0-9a-f-]{36}\/file\?name=recibo-s2240\.pdf$/);
    expect(puts[1]!.body).to.equal(file);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
    expect(announcement(list(el))).to.equal('“Recibo S-2240 — abril” was saved with its file.');
    expect(fact(item(el, 'Recibo S-2240 — abril'), 'File')).to.equal('recibo-s2240.pdf · PDF · 9 byte');
    expect(gets(log)).to.have.length(2);
  });

  it('keeps the dialog open when only the file failed, and then sends only the file', async () => {
    const data = documentsData();
    const router = documentsRouter(data);
    let refuseFile = true;
    const { el, log } = await mount({
      data,
      request: (method, path, body) => (refuseFile && path.includes('/file') ? Promise.reject(new ApiError('unsupported_media_type', 415, 'no')) : router(method, path, body)),
    });
    const { r, dialog } = await openDialog(el);
    await fill(el, r, 'contracts', 'Aditivo contratual');
    attach($<HTMLInputElement>(r, 'input[name=file]'), pdf('aditivo.pdf'));
    buttonIn(r, 'Save document').click();
    await settle(el);
    expect(dialog.open).to.be.true;
    expect(text($(r, '[part~=error]'))).to.equal('The details were saved, but the file was not uploaded: This file is not a PDF, PNG, JPEG or WebP image.');
    expect(deepActive()).to.equal($(r, '[part~=error]'));
    expect(text($(r, '[part~=save]'))).to.equal('Upload the file again');
    expect(items(el).map((li) => text(li.querySelector('h3')))).to.include('Aditivo contratual');

    refuseFile = false;
    buttonIn(r, 'Upload the file again').click();
    await settle(el);
    const puts = log.filter((call) => call.method === 'PUT');
    expect(puts.map((call) => call.path.replace(/[0-9a-f-]{36}/, 'ID'))).to.deep.equal(['/api/v1/documents', '/api/v1/documents/ID/file?name=aditivo.pdf', '/api/v1/documents/ID/file?name=aditivo.pdf']);
    expect(dialog.open).to.be.false;
  });
});

describe('<admin-documents>: categories', () => {
  async function openCategories(options: Parameters<typeof mount>[0] = {}) {
    const mounted = await mount(options);
    const tab = $<HTMLButtonElement>(root(mounted.el), '#tab-documents');
    tab.focus();
    await sendKeys({ press: 'ArrowRight' });
    await settle(mounted.el);
    const panel = root(mounted.el).querySelector('admin-document-categories')!;
    return { ...mounted, panel, r: root(panel) };
  }
  const row = (r: ShadowRoot, key: string) => $(r, `[data-key=${key}]`);

  it('switches to the tab by keyboard and shows or hides a category, saving at once', async () => {
    const { el, log, r, panel } = await openCategories();
    expect(deepActive()).to.equal($(root(el), '#tab-categories'));
    expect($(root(el), '#tab-categories').getAttribute('aria-selected')).to.equal('true');
    const invoices = $<HTMLInputElement>(row(r, 'invoices'), 'input[role=switch]');
    expect(invoices.checked).to.be.false;
    expect($<HTMLInputElement>(row(r, 'aso'), 'input[role=switch]').checked).to.be.true;
    await expect(el).to.be.accessible();
    invoices.click();
    await settle(el);
    expect(log.at(-1)).to.deep.equal({ method: 'PUT', path: '/api/v1/documents/categories/invoices', body: { labels: { 'pt-BR': 'Notas fiscais' }, shown: true } });
    expect(announcement(panel)).to.equal('“Notas fiscais” is shown to clients.');
    expect(row(r, 'invoices').dataset.shown).to.equal('true');
  });

  it('puts the switch back and says why when the server refuses', async () => {
    const data = documentsData();
    const router = documentsRouter(data);
    const { el, r } = await openCategories({ data, request: (method, path, body) => (method === 'PUT' ? Promise.reject(new ApiError('forbidden', 403, 'no')) : router(method, path, body)) });
    const aso = $<HTMLInputElement>(row(r, 'aso'), 'input[role=switch]');
    aso.click();
    await settle(el);
    expect(aso.checked).to.be.true;
    expect(text($(row(r, 'aso'), '[part~=error]'))).to.contain('Your role in the console does not allow this.');
  });

  it('shows read-only staff each category’s state in words, without switches', async () => {
    const { el, r } = await openCategories({ me: readOnly() });
    expect(r.querySelectorAll('input')).to.have.length(0);
    expect(text($(row(r, 'invoices'), '[part~=badge]'))).to.equal('Hidden');
    expect(text($(row(r, 'aso'), '[part~=badge]'))).to.equal('Shown');
    await expect(el).to.be.accessible();
  });
});
