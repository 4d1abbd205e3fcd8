/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/processes/admin-processes.ts';
import type { AdminProcesses } from '../../widgets/admin/processes/admin-processes.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import { accountSearch } from '../../widgets/admin/processes/account-fixtures.ts';
import { processesData, processesRouter, type ProcessesData } from '../../widgets/admin/processes/fixtures.ts';
import { fixtureMe, fixtureScopes } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';

type Call = { method: string; path: string; body?: unknown };
type Request = AdminApi['request'];

const readOnly = () => fixtureMe({ role: 'read-only', scopes: fixtureScopes('read-only') });

async function mount(options: { data?: ProcessesData; request?: Request; me?: StaffMe; locale?: Locale; width?: number } = {}) {
  const data = options.data ?? processesData();
  const answer = options.request ?? processesRouter(data, () => new Date('2026-05-04T12:00:00Z'));
  const log: Call[] = [];
  const api = fakeAdminApi({
    request: ((method, path, body) => {
      log.push(body === undefined ? { method, path } : { method, path, body });
      return answer(method, path, body);
    }) as Request,
    listAccounts: accountSearch(data.accounts),
  });
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 760}px`}></div>`);
  const el = Object.assign(document.createElement('admin-processes'), { api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en' });
  wrapper.append(el);
  await settle(el);
  return { el, log, data };
}

/** Waits for the element and every element inside it to finish rendering. */
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
const items = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~=item]')];
const item = (el: Element, title: string) => items(el).find((li) => text(li.querySelector('h3')) === title)!;
const detail = (el: Element) => root(el).querySelector('admin-process-detail')!;
const creator = (el: Element) => root(el).querySelector('admin-process-create')!;
const announcement = (scope: Element) => text($(root(scope), '[part~=announcement]'));
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
async function typeInto(field: HTMLElement, value: string) {
  field.focus();
  await sendKeys({ type: value });
}
/** Searches `query` in the picker inside `scope` and chooses the account named `name`. */
async function pickAccount(scope: Element, host: Element, query: string, name: string) {
  const picker = $(root(scope), 'admin-account-picker');
  await typeInto($(root(picker), 'input[name=account-search]'), query);
  await sendKeys({ press: 'Enter' });
  await settle(host);
  [...root(picker).querySelectorAll<HTMLButtonElement>('[part~=results] button')].find((b) => text(b).startsWith(name))!.click();
  await settle(host);
}

const PCMSO = 'PCMSO 2026 — Construtora Horizonte';
const PCMSO_ID = 'b1000000-0000-4000-8000-000000000001';
const HORIZONTE_ID = 'a5000000-0000-4000-8000-000000000001';

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-processes>: the list', () => {
  it('shows loading (busy, with words), an error with a retry that works, and the empty state', async () => {
    const loading = await mount({ request: () => new Promise(() => {}) });
    expect(text($(root(loading.el), '[part~=status]'))).to.equal('Loading processes…');
    expect($(root(loading.el), '.list-region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const data = processesData();
    const router = processesRouter(data);
    const failing = await mount({ data, request: (method, path, body) => (fail ? Promise.reject(new ApiError('network_error', 0, 'down')) : router(method, path, body)) });
    const alert = $(root(failing.el), '[part~=error][role=alert]');
    expect(text(alert)).to.contain('We could not reach the server.');
    await expect(failing.el).to.be.accessible();
    fail = false;
    buttonIn(alert, 'Try again').click();
    await settle(failing.el);
    expect(failing.log.map((call) => call.path)).to.deep.equal(['/api/v1/processes', '/api/v1/processes']);
    expect(items(failing.el)).to.have.length(2);

    const empty = await mount({ data: { ...processesData(), processes: [] } });
    expect(text($(root(empty.el), '[part~=empty]'))).to.equal('No processes yet. Create one, or let your practice software send them.');
    expect($(root(empty.el), '.list-region').getAttribute('aria-busy')).to.equal('false');
    await expect(empty.el).to.be.accessible();
  });

  it('says "forbidden" in words', async () => {
    const { el } = await mount({ request: () => Promise.reject(new ApiError('forbidden', 403, 'no')) });
    expect(text($(root(el), '[part~=error]'))).to.contain('Your role in the console does not allow this.');
  });

  it('lists processes, most recently changed first, with account, kind, phase and update', async () => {
    const { el, log } = await mount();
    expect(log).to.deep.equal([{ method: 'GET', path: '/api/v1/processes' }]);
    expect(items(el).map((li) => text(li.querySelector('h3')))).to.deep.equal(['PCMSO 2026 — Construtora Horizonte', 'Laudo ergonômico — Padaria Pão Dourado']);
    const pcmso = item(el, PCMSO);
    expect(fact(pcmso, 'Account')).to.equal('Construtora Horizonte Ltda');
    expect(fact(pcmso, 'Kind')).to.equal('PCMSO');
    expect(fact(pcmso, 'Phase')).to.equal('2 of 4: Exames ocupacionais');
    expect(fact(item(el, 'Laudo ergonômico — Padaria Pão Dourado'), 'Kind')).to.equal('—');
    expect(pcmso.querySelector('time')!.getAttribute('datetime')).to.be.a('string');
    expect(buttonIn(root(creator(el)), 'New process')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('filters by account (picker) and by the business’s reference, and announces how many are shown', async () => {
    const { el, log } = await mount();
    await pickAccount(el, el, 'Horizonte', 'Construtora Horizonte Ltda');
    expect(log.at(-1)).to.deep.equal({ method: 'GET', path: `/api/v1/processes?accountId=${HORIZONTE_ID}` });
    expect(items(el)).to.have.length(1);
    expect(announcement(el)).to.equal('1 process shown.');

    await typeInto($(root(el), 'input[name=externalId]'), 'AET-2026-002');
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(log.at(-1)!.path).to.equal(`/api/v1/processes?accountId=${HORIZONTE_ID}&externalId=AET-2026-002`);
    expect(text($(root(el), '[part~=empty]'))).to.equal('No process matches these filters.');
    expect(announcement(el)).to.equal('0 processes shown.');
    await expect(el).to.be.accessible();

    const picker = $(root(el), 'admin-account-picker');
    buttonIn(root(picker), 'All accounts').click();
    await settle(el);
    expect(log.at(-1)!.path).to.equal('/api/v1/processes?externalId=AET-2026-002');
    expect(items(el)).to.have.length(1);
    expect(deepActive()).to.equal($(root(picker), 'input[name=account-search]'));
  });

  it('shows read-only staff the list without "New process", saying why', async () => {
    const { el } = await mount({ me: readOnly() });
    expect(root(el).querySelector('admin-process-create')).to.be.null;
    expect(text($(root(el), '.hint'))).to.contain('need the “Processes: change” permission');
    await expect(el).to.be.accessible();
  });

  it('stays inside a phone’s width, the list and an opened process alike', async () => {
    const { el } = await mount({ width: 320 });
    const base = $(root(el), '[part~=base]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
    item(el, PCMSO).querySelector<HTMLButtonElement>('[part~=open]')!.click();
    await settle(el);
    expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
  });

  it('speaks Spanish to Spanish-speaking staff', async () => {
    const { el } = await mount({ data: processesData('martins-castro'), locale: 'es', me: fixtureMe({}, 'martins-castro') });
    expect(text($(root(el), 'h2'))).to.equal('Expedientes');
    expect(fact(item(el, 'Nacionalidad española por residencia'), 'Fase')).to.equal('3 de 5: En estudio por el Ministerio');
  });
});

describe('<admin-processes>: one process', () => {
  async function open(options: Parameters<typeof mount>[0] = {}) {
    const mounted = await mount(options);
    item(mounted.el, PCMSO).querySelector<HTMLButtonElement>('[part~=open]')!.click();
    await settle(mounted.el);
    return { ...mounted, view: detail(mounted.el) };
  }

  it('shows its facts, masked references, phases, history and notices; Back returns to its row', async () => {
    const { el, log, view } = await open();
    expect(log.at(-1)).to.deep.equal({ method: 'GET', path: `/api/v1/processes/${PCMSO_ID}` });
    const r = root(view);
    expect(deepActive()).to.equal($(r, '#process-title'));
    expect(fact(r, 'Quick-access number')).to.equal('5120934871');
    expect(fact(r, 'Contrato')).to.equal('CT-2026/031');
    expect(fact(r, 'Senha do eSocial')).to.not.contain('HZ-77Q1-K2');
    const show = $<HTMLButtonElement>(r, '[data-reference="1"] button');
    expect(show.getAttribute('aria-pressed')).to.equal('false');
    show.click();
    await settle(el);
    expect(fact(r, 'Senha do eSocial')).to.contain('HZ-77Q1-K2');
    expect(show.getAttribute('aria-pressed')).to.equal('true');
    const phases = [...r.querySelectorAll<HTMLElement>('[part~=phase]')];
    expect(phases.map((li) => li.dataset.state)).to.deep.equal(['done', 'current', 'upcoming', 'upcoming']);
    expect(phases[1]!.getAttribute('aria-current')).to.equal('step');
    expect(text(phases[1])).to.contain('Exames ocupacionais Current phase');
    expect(text($(r, '[part~=history]'))).to.contain('Exames periódicos agendados para 48 funcionários.');
    const notices = [...r.querySelectorAll('[part~=notice]')];
    expect(notices.map((li) => text(li.querySelector('h5')))).to.deep.equal(['Envie a lista de funcionários admitidos', 'Levantamento de riscos concluído']);
    expect(text(notices[0]!.querySelector('[part~=notice-kind]'))).to.equal('Follow-up');
    await expect(el).to.be.accessible();

    buttonIn(r, 'Back to the processes').click();
    await settle(el);
    expect(deepActive()).to.equal(item(el, PCMSO).querySelector('[part~=open]'));
  });

  it('moves it to another phase: the dialog (Escape closes it), the exact call, the new phase', async () => {
    const { el, log, view } = await open();
    const r = root(view);
    const move = buttonIn(r, 'Move to another phase');
    move.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    const dialog = $<HTMLDialogElement>(r, 'dialog');
    expect(dialog.open).to.be.true;
    expect(deepActive()).to.equal($(r, 'select[name=phase]'));
    expect($<HTMLSelectElement>(r, 'select[name=phase]').value).to.equal('relatorio');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(move);
    expect(log.filter((call) => call.method === 'POST')).to.have.length(0);

    move.click();
    await settle(el);
    $<HTMLSelectElement>(r, 'select[name=phase]').value = 'exames';
    buttonIn(r, 'Move').click();
    await settle(el);
    expect(text($(r, '#phase-error'))).to.equal('Choose a phase other than the current one.');
    expect(log.filter((call) => call.method === 'POST')).to.have.length(0);

    $<HTMLSelectElement>(r, 'select[name=phase]').value = 'relatorio';
    await typeInto($(r, 'textarea[name=note]'), 'Exames concluídos.');
    buttonIn(r, 'Move').click();
    await settle(el);
    expect(log.at(-1)).to.deep.equal({ method: 'POST', path: `/api/v1/processes/${PCMSO_ID}/phase`, body: { phase: 'relatorio', note: 'Exames concluídos.' } });
    expect(dialog.open).to.be.false;
    expect(announcement(view)).to.equal('Moved to “Relatório anual”.');
    expect(fact(r, 'Phase')).to.equal('3 of 4: Relatório anual');
    expect(deepActive()).to.equal(move);

    buttonIn(r, 'Back to the processes').click();
    await settle(el);
    expect(fact(item(el, PCMSO), 'Phase')).to.equal('3 of 4: Relatório anual');
  });

  it('posts a notice: title and text required, then the exact body; it shows first', async () => {
    const { el, log, view } = await open();
    const r = root(view);
    buttonIn(r, 'Post a notice').click();
    await settle(el);
    expect(deepActive()).to.equal($(r, 'input[name=kind]'));
    buttonIn(r, 'Publish').click();
    await settle(el);
    expect(text($(r, '#notice-title-error'))).to.equal('Write the title.');
    expect(text($(r, '#body-error'))).to.equal('Write the text.');
    expect(deepActive()).to.equal($(r, 'input[name=title]'));
    await expect(el).to.be.accessible();

    $<HTMLInputElement>(r, 'input[name=kind][value=follow-up]').click();
    await typeInto($(r, 'input[name=title]'), 'Agende os exames periódicos');
    await typeInto($(r, 'textarea[name=body]'), 'Escolha uma data até **30/05**.');
    $<HTMLInputElement>(r, 'input[name=notify]').click();
    buttonIn(r, 'Publish').click();
    await settle(el);
    expect(log.at(-1)).to.deep.equal({
      method: 'POST',
      path: `/api/v1/processes/${PCMSO_ID}/notices`,
      body: { kind: 'follow-up', title: 'Agende os exames periódicos', body: 'Escolha uma data até **30/05**.', notify: false },
    });
    expect(text(r.querySelector('[part~=notice] h5'))).to.equal('Agende os exames periódicos');
    expect(announcement(view)).to.equal('“Agende os exames periódicos” was published.');
    expect(deepActive()).to.equal(buttonIn(r, 'Post a notice'));
  });

  it('keeps the dialog open with the problem in words when the server refuses', async () => {
    const data = processesData();
    const router = processesRouter(data);
    const { el, view } = await open({ data, request: (method, path, body) => (method === 'POST' ? Promise.reject(new ApiError('not_found', 404, 'gone')) : router(method, path, body)) });
    const r = root(view);
    buttonIn(r, 'Move to another phase').click();
    await settle(el);
    buttonIn(r, 'Move').click();
    await settle(el);
    expect($<HTMLDialogElement>(r, 'dialog').open).to.be.true;
    expect(text($(r, 'dialog [part~=error]'))).to.equal('This process no longer exists. Go back and reload the list.');
    expect(deepActive()).to.equal($(r, 'dialog [part~=error]'));
  });

  it('shows read-only staff the process without move or notice buttons', async () => {
    const { el, view } = await open({ me: readOnly() });
    const r = root(view);
    expect(r.querySelector('[part~=move]')).to.be.null;
    expect(r.querySelector('[part~=notice-button]')).to.be.null;
    expect(r.querySelector('dialog')).to.be.null;
    expect(r.querySelectorAll('[part~=phase]')).to.have.length(4);
    await expect(el).to.be.accessible();
  });
});

describe('<admin-processes>: a new process', () => {
  async function openDialog(el: AdminProcesses) {
    const create = creator(el);
    const trigger = $<HTMLButtonElement>(root(create), '[part~=new]');
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    return { create, trigger, r: root(create), dialog: $<HTMLDialogElement>(root(create), 'dialog') };
  }

  it('opens on the account search, loads the templates, and closes with Escape back to the button', async () => {
    const { el, log } = await mount();
    const { create, trigger, dialog } = await openDialog(el);
    expect(dialog.open).to.be.true;
    expect(log.at(-1)).to.deep.equal({ method: 'GET', path: '/api/v1/processes/templates' });
    expect(deepActive()).to.equal($(root($(root(create), 'admin-account-picker')), 'input[name=account-search]'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
  });

  it('names what is missing and sends nothing', async () => {
    const { el, log } = await mount();
    const { r } = await openDialog(el);
    buttonIn(r, 'Create process').click();
    await settle(el);
    expect(text(root($(r, 'admin-account-picker')).querySelector('.field-error'))).to.equal('Choose the account this process is for.');
    expect(text($(r, '#title-error'))).to.equal('Write the title.');
    expect(text($(r, '#template-error'))).to.equal('Choose the phase template.');
    expect(log.filter((call) => call.method === 'PUT')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('creates one from a template: the exact upsert, the quick-access key shown once, the list reloaded', async () => {
    const { el, log } = await mount();
    const { create, trigger, r, dialog } = await openDialog(el);
    create.clock = () => new Date(1_777_000_000_000);
    await pickAccount(create, el, 'Padaria', 'Padaria Pão Dourado ME');
    await typeInto($(r, 'input[name=title]'), 'PCMSO 2026 — Padaria');
    const template = $<HTMLSelectElement>(r, 'select[name=template]');
    template.value = 'pcmso';
    template.dispatchEvent(new Event('change'));
    await settle(el);
    expect($<HTMLSelectElement>(r, 'select[name=phase]').value).to.equal('levantamento');
    buttonIn(r, 'Add a reference').click();
    await settle(el);
    expect(deepActive()).to.equal($(r, '[data-reference="0"] input'));
    await sendKeys({ type: 'Contrato' });
    await typeInto(r.querySelectorAll<HTMLInputElement>('[data-reference="0"] input')[1]!, 'CT-2026/077');
    await expect(el).to.be.accessible();
    buttonIn(r, 'Create process').click();
    await settle(el);
    expect(log.find((call) => call.method === 'PUT')).to.deep.equal({
      method: 'PUT',
      path: '/api/v1/processes',
      body: {
        items: [
          {
            externalId: 'console-1777000000000',
            accountId: 'a5000000-0000-4000-8000-000000000002',
            title: 'PCMSO 2026 — Padaria',
            template: 'pcmso',
            phase: 'levantamento',
            references: [{ label: 'Contrato', value: 'CT-2026/077', secret: false }],
          },
        ],
      },
    });
    expect(text($(r, '#create-title'))).to.equal('Process created');
    expect($<HTMLInputElement>(r, '#created-number').value).to.equal('6120457789');
    expect($<HTMLInputElement>(r, '#created-key').value).to.equal('QK4T-7MZP-2WXR');
    expect(deepActive()).to.equal($(r, '#created-number'));
    expect(announcement(el)).to.equal('“PCMSO 2026 — Padaria” was created.');
    expect(items(el).map((li) => text(li.querySelector('h3')))).to.include('PCMSO 2026 — Padaria');
    await expect(el).to.be.accessible();
    buttonIn(r, 'Done').click();
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
    expect(r.querySelector('#created-key')).to.be.null;
  });

  it('updates a process whose reference exists (no key), and marks the fields the server refused', async () => {
    const { el, log } = await mount();
    const { r, dialog } = await openDialog(el);
    await pickAccount(creator(el), el, 'Horizonte', 'Construtora Horizonte Ltda');
    await typeInto($(r, 'input[name=title]'), 'PCMSO 2026 — Horizonte (revisto)');
    const template = $<HTMLSelectElement>(r, 'select[name=template]');
    template.value = 'pcmso';
    template.dispatchEvent(new Event('change'));
    await typeInto($(r, 'input[name=externalId]'), 'PCMSO-2026-014');
    buttonIn(r, 'Create process').click();
    await settle(el);
    expect((log.find((call) => call.method === 'PUT')!.body as { items: { externalId: string }[] }).items[0]!.externalId).to.equal('PCMSO-2026-014');
    expect(dialog.open).to.be.false;
    expect(announcement(el)).to.equal('A process with the reference PCMSO-2026-014 already existed; it was updated.');

    const refusing = await mount({
      request: (method, path, body) =>
        method === 'PUT' ? Promise.reject(new ApiError('invalid_input', 400, 'bad', undefined, [{ path: 'items.0.title', message: 'too long' }])) : processesRouter(processesData())(method, path, body),
    });
    const second = await openDialog(refusing.el);
    await pickAccount(creator(refusing.el), refusing.el, 'Maria', 'Maria Oliveira');
    await typeInto($(second.r, 'input[name=title]'), 'Laudo');
    const select = $<HTMLSelectElement>(second.r, 'select[name=template]');
    select.value = 'laudo-ergonomico';
    select.dispatchEvent(new Event('change'));
    buttonIn(second.r, 'Create process').click();
    await settle(refusing.el);
    expect(second.dialog.open).to.be.true;
    expect(text($(second.r, '[part~=error]'))).to.equal('Check the fields marked and try again.');
    expect(text($(second.r, '#title-error'))).to.equal('Check this value.');
    expect($(second.r, 'input[name=title]').getAttribute('aria-invalid')).to.equal('true');
  });
});
