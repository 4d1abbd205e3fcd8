/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/accounts/admin-accounts.ts';
import { SEARCH_DELAY_MS, type AdminAccounts } from '../../widgets/admin/accounts/admin-accounts.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { clinicaSolAccountsData, memoryAccountsApi, type AccountsData } from '../../widgets/admin/accounts/fixtures.ts';
import { fixtureStaffMe } from '../../widgets/admin/settings/fixtures.ts';
import { OPTION_KEYS } from '../../widgets/admin/accounts/exceptions.ts';
import { DEFAULT_SETTINGS } from '../../server/features/appointments/schemas.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { $, button, norm, root, settle, sleep } from './admin-test-kit.ts';

type States = Parameters<typeof memoryAccountsApi>[1];

async function mount(options: { me?: StaffMe; states?: States; data?: AccountsData; overrides?: Partial<AdminApi>; locale?: Locale; width?: number } = {}) {
  const data = options.data ?? clinicaSolAccountsData();
  const { api, calls } = memoryAccountsApi(data, options.states, options.overrides);
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 800}px`}></div>`);
  const el = document.createElement('admin-accounts');
  el.api = api;
  el.me = options.me ?? fixtureStaffMe('owner');
  el.locale = options.locale ?? 'en';
  wrapper.append(el);
  await settle(el);
  return { el, api, calls, data };
}

const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const named = (calls: { name: string; args: unknown[] }[], name: string) => calls.filter((call) => call.name === name);
const names = (el: AdminAccounts) => $$(el, '[part~=account] h3').map((h) => norm(h.textContent));

async function openAccount(el: AdminAccounts, name: string) {
  $$<HTMLButtonElement>(el, '[part~=open]').find((b) => norm(b.textContent).endsWith(name))!.click();
  await settle(el);
}

describe('<admin-accounts>', () => {
  it('knows every appointment option the server has', () => {
    expect([...OPTION_KEYS].sort()).to.deep.equal(Object.keys(DEFAULT_SETTINGS).sort());
  });

  it('loading, then the first page: name, kind, tax id, counts and the pending badge; "Load more" pages on', async () => {
    const loading = await mount({ states: { list: 'loading' } });
    expect($(loading.el, '[part=base]').getAttribute('aria-busy')).to.equal('true');
    expect(norm($(loading.el, '.loading[role=status]').textContent)).to.equal('Loading…');
    await expect(loading.el).to.be.accessible();

    const { el, calls } = await mount();
    expect(named(calls, 'listAccounts')[0]!.args[0]).to.deep.equal({});
    expect(names(el)).to.deep.equal(['Construtora Horizonte Ltda', 'Padaria Pão Dourado ME', 'Transportes Rápido Sul S.A.']);
    const first = $(el, '[part~=account]');
    expect(norm(first.querySelector('.meta')!.textContent)).to.equal('Company Tax ID 12.345.678/0001-90 3 establishments 5 portal users');
    expect(norm(first.querySelector('[part~=badge]')!.textContent)).to.equal('2 changes to approve');
    expect($$(el, '[part~=account]')[1]!.querySelector('[part~=badge]')).to.be.null;
    await expect(el).to.be.accessible();

    button(el, 'Load more accounts').click();
    await settle(el);
    expect(named(calls, 'listAccounts')[1]!.args[0]).to.deep.equal({ before: '3' });
    expect(names(el)).to.have.length(5);
    expect(norm($$(el, '[part~=account] .meta')[3]!.textContent)).to.contain('Person Tax ID 123.456.789-09 0 establishments 1 portal user');
    // Focus goes to the first account the page added.
    expect(root(el).activeElement).to.equal($$(el, '[part~=open]')[3]);
    expect(root(el).querySelector('[part~=more]')).to.be.null;
  });

  it('searching waits for a pause in typing, then asks with q; Enter searches at once', async () => {
    const { el, calls } = await mount();
    $(el, '#accounts-search').focus();
    await sendKeys({ type: 'pad' });
    await sleep(SEARCH_DELAY_MS / 3);
    expect(named(calls, 'listAccounts')).to.have.length(1);
    await sleep(SEARCH_DELAY_MS + 50);
    await settle(el);
    expect(named(calls, 'listAccounts').map((call) => call.args[0])).to.deep.equal([{}, { q: 'pad' }]);
    expect(names(el)).to.deep.equal(['Padaria Pão Dourado ME']);

    await sendKeys({ type: 'x' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(named(calls, 'listAccounts').map((call) => call.args[0])).to.deep.equal([{}, { q: 'pad' }, { q: 'padx' }]);
    expect(norm($(el, '[part=results] [role=status]').textContent)).to.equal('No account matches “padx”.');
    await expect(el).to.be.accessible();
    await sleep(SEARCH_DELAY_MS + 50);
    expect(named(calls, 'listAccounts')).to.have.length(3);
  });

  it('an empty portal, and an error with retry', async () => {
    const data = clinicaSolAccountsData();
    data.accounts = [];
    const empty = await mount({ data });
    expect(norm($(empty.el, '[part~=empty]').textContent)).to.contain('No accounts yet.');
    await expect(empty.el).to.be.accessible();

    let fail = true;
    const { api: memory } = memoryAccountsApi();
    const { el } = await mount({ overrides: { listAccounts: (query, signal) => (fail ? Promise.reject(new ApiError('forbidden', 403, 'no')) : memory.listAccounts(query, signal)) } });
    expect(norm($(el, '[part~=error][role=alert]').textContent)).to.contain('You do not have permission to do this.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again').click();
    await settle(el);
    expect(names(el)).to.have.length(3);
  });

  it('opens an account (focus on its name) with establishments and each option’s source; Back returns focus to it', async () => {
    const { el, calls } = await mount();
    await openAccount(el, 'Construtora Horizonte Ltda');
    expect(root(el).activeElement).to.equal($(el, '#account-title'));
    expect(norm($(el, '#account-title').textContent)).to.equal('Construtora Horizonte Ltda');
    expect($$(el, '.establishments li').map((li) => norm(li.textContent))).to.deep.equal([
      'Matriz — Belo Horizonte Tax ID 12.345.678/0001-90',
      'Obra Nova Lima Tax ID 12.345.678/0002-70',
      'Filial Contagem Tax ID 12.345.678/0003-51',
    ]);
    expect(named(calls, 'getAccountModules')[0]!.args[0]).to.equal('a0000000-0000-4000-8000-000000000001');
    const billing = $(el, '[part~=module-choice][data-module=billing]');
    expect([...billing.querySelectorAll('label')].map((label) => norm(label.textContent))).to.deep.equal(['As the portal (on)', 'On for this account', 'Off for this account']);
    expect(billing.querySelector<HTMLInputElement>('input:checked')!.value).to.equal('off');
    expect($<HTMLInputElement>(el, '[data-module=campaigns] input:checked').value).to.equal('portal');
    expect(norm($(el, '[data-module=campaigns] label').textContent)).to.equal('As the portal (off)');

    const option = (key: string) => norm($(el, `[part~=option][data-option=${key}] .option-now`).textContent);
    expect(option('bookingMode')).to.equal('Now: Clients request, staff confirm set for this account');
    expect(option('cancellation')).to.equal('Now: allowed up to 48 h before set for this account');
    expect(option('horizonDays')).to.equal('Now: 60 days from the portal settings');
    expect(option('contact')).to.contain('from the portal settings');
    await expect(el).to.be.accessible();

    $(el, '[part~=back]').click();
    await settle(el);
    expect(root(el).activeElement).to.equal($(el, '[part~=account][data-id="a0000000-0000-4000-8000-000000000001"] [part~=open]'));
  });

  it('works from the keyboard: Enter on an account opens it, a module choice moves with the arrow keys, Enter on Back returns', async () => {
    const { el, calls } = await mount();
    $$<HTMLButtonElement>(el, '[part~=open]')[1]!.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(norm($(el, '#account-title').textContent)).to.equal('Padaria Pão Dourado ME');
    $<HTMLInputElement>(el, '[data-module=news] input:checked').focus();
    await sendKeys({ press: 'ArrowDown' });
    await settle(el);
    expect($<HTMLInputElement>(el, '[data-module=news] input:checked').value).to.equal('on');
    $<HTMLButtonElement>(el, '[data-part=modules] [part=save]').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(named(calls, 'setAccountModules').map((call) => call.args)).to.deep.equal([['a0000000-0000-4000-8000-000000000002', { news: true }]]);
    $(el, '[part~=back]').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(root(el).activeElement).to.equal($$(el, '[part~=open]')[1]);
  });

  it('module exceptions: sends only the modules whose choice changed (null: back to the portal)', async () => {
    const { el, calls } = await mount();
    await openAccount(el, 'Construtora Horizonte Ltda');
    button(el, 'Save module exceptions').click();
    await settle(el);
    expect(named(calls, 'setAccountModules')).to.have.length(0);
    expect(norm($(el, '[data-part=modules] [part=saved]').textContent)).to.equal('Nothing changed, so there was nothing to save.');

    $<HTMLInputElement>(el, '[data-module=billing] input[value=portal]').click();
    $<HTMLInputElement>(el, '[data-module=campaigns] input[value=on]').click();
    $<HTMLInputElement>(el, '[data-module=news] input[value=off]').click();
    await settle(el);
    button(el, 'Save module exceptions').click();
    await settle(el);
    expect(named(calls, 'setAccountModules').map((call) => call.args)).to.deep.equal([
      ['a0000000-0000-4000-8000-000000000001', { billing: null, news: false, campaigns: true }],
    ]);
    expect(norm($(el, '[data-part=modules] [part=saved][role=status]').textContent)).to.equal('Module exceptions saved.');
    await expect(el).to.be.accessible();
    // Saved: the same choices again change nothing.
    button(el, 'Save module exceptions').click();
    await settle(el);
    expect(named(calls, 'setAccountModules')).to.have.length(1);
  });

  it('appointment exceptions: an override sends only the overridden keys; a reset sends the key removed', async () => {
    const { el, calls } = await mount();
    await openAccount(el, 'Construtora Horizonte Ltda');
    // Override the horizon (starts at the value in force, focus in its field), change it.
    $<HTMLButtonElement>(el, '[part~=set][data-option=horizonDays]').click();
    await settle(el);
    const horizon = $<HTMLInputElement>(el, '#option-horizonDays');
    expect(root(el).activeElement).to.equal(horizon);
    expect(horizon.value).to.equal('60');
    expect(norm($(el, '[data-option=horizonDays] [part~=pending]').textContent)).to.equal('Will be set for this account when you save.');
    horizon.select();
    await sendKeys({ type: '30' });
    // Reset the booking mode to the portal's value.
    $<HTMLButtonElement>(el, '[part~=reset][data-option=bookingMode]').click();
    await settle(el);
    expect(root(el).activeElement).to.equal($(el, '[part~=set][data-option=bookingMode]'));
    expect(norm($(el, '[data-option=bookingMode] [part~=pending]').textContent)).to.equal('Will return to the portal’s value when you save.');
    await expect(el).to.be.accessible();
    button(el, 'Save appointment exceptions').click();
    await settle(el);
    expect(named(calls, 'setAccountAppointmentSettings').map((call) => call.args)).to.deep.equal([
      ['a0000000-0000-4000-8000-000000000001', { cancellation: { allowed: true, hoursBefore: 48 }, horizonDays: 30 }],
    ]);
    expect(norm($(el, '[part~=option][data-option=bookingMode] .option-now').textContent)).to.equal('Now: Clients book themselves (they pick a free time) from the portal settings');
    expect(norm($(el, '[part~=option][data-option=horizonDays] .option-now').textContent)).to.equal('Now: 30 days set for this account');
    expect(norm($(el, '[data-part=appointments] [part=saved]').textContent)).to.equal('Appointment exceptions saved.');
  });

  it('appointment exceptions: a value out of range is refused before saving; defaults are named as such', async () => {
    const data = clinicaSolAccountsData();
    data.tenantAppointments = null;
    const { el, calls } = await mount({ data });
    await openAccount(el, 'Padaria Pão Dourado ME');
    expect(norm($(el, '[data-option=guide] .option-now').textContent)).to.equal('Now: yes default');
    $<HTMLButtonElement>(el, '[part~=set][data-option=minNoticeMinutes]').click();
    await settle(el);
    const notice = $<HTMLInputElement>(el, '#option-minNoticeMinutes');
    notice.select();
    await sendKeys({ type: '99999' });
    button(el, 'Save appointment exceptions').click();
    await settle(el);
    expect(named(calls, 'setAccountAppointmentSettings')).to.have.length(0);
    expect(notice.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).activeElement).to.equal(notice);
    await expect(el).to.be.accessible();
  });

  it('a part failing in the detail shows its own error and retry; a failed save says why', async () => {
    const { el, calls } = await mount({
      states: { appointments: 'error' },
      overrides: { setAccountModules: () => Promise.reject(new ApiError('password_confirmation_required', 403, 'confirm')) },
    });
    await openAccount(el, 'Construtora Horizonte Ltda');
    expect(norm($(el, '[part~=appointment-exceptions] [role=alert]').textContent)).to.contain('The server could not be reached.');
    expect(root(el).querySelector('[part~=module-choice]')).to.exist;
    await expect(el).to.be.accessible();
    $(el, '[part~=appointment-exceptions] [role=alert] button').click();
    await settle(el);
    expect(named(calls, 'getAccountAppointmentSettings')).to.have.length(2);

    $<HTMLInputElement>(el, '[data-module=news] input[value=off]').click();
    button(el, 'Save module exceptions').click();
    await settle(el);
    expect(norm($(el, '[data-part=modules] [role=alert]').textContent)).to.equal('Nothing was saved: your password was not confirmed.');
  });

  it('read-only staff see the exceptions without Save, Set or Reset buttons', async () => {
    const { el } = await mount({ me: fixtureStaffMe('read-only') });
    await openAccount(el, 'Construtora Horizonte Ltda');
    expect($$(el, '[part=save], [part~=set], [part~=reset]')).to.have.length(0);
    expect($$(el, '[part=read-only]')).to.have.length(2);
    expect($<HTMLInputElement>(el, '[data-module=billing] input').matches(':disabled')).to.be.true;
    expect($<HTMLSelectElement>(el, '#option-bookingMode').disabled).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('staff without appointments:read are not shown those options, and the server is not asked', async () => {
    const { el, calls } = await mount({ me: fixtureStaffMe('staff', ['accounts:read', 'accounts:write']) });
    await openAccount(el, 'Padaria Pão Dourado ME');
    expect(named(calls, 'getAccountAppointmentSettings')).to.have.length(0);
    expect(norm($(el, '[part~=appointment-exceptions]').textContent)).to.contain('You do not have permission to see the appointment options.');
    expect(button(el, 'Save module exceptions')).to.exist;
  });

  it('speaks Brazilian Portuguese and Spanish, and fits 320 px without scrolling sideways', async () => {
    const pt = await mount({ locale: 'pt-BR' });
    expect(norm($(pt.el, 'h2').textContent)).to.equal('Empresas');
    expect(norm($(pt.el, '[part~=account] [part~=badge]').textContent)).to.equal('2 alterações para aprovar');
    const es = await mount({ locale: 'es', width: 320 });
    await openAccount(es.el, 'Construtora Horizonte Ltda');
    expect(button(es.el, 'Guardar las excepciones de módulos')).to.exist;
    expect(es.el.scrollWidth).to.be.at.most(320);
    await expect(es.el).to.be.accessible();
  });
});
