/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/users/admin-users.ts';
import { SEARCH_DELAY_MS, type AdminUsers } from '../../widgets/admin/users/admin-users.ts';
import type { AdminUserInvite } from '../../widgets/admin/users/admin-user-invite.ts';
import { IMPORT_EXAMPLE_CSV, MAX_CSV_BYTES, type AdminUsersImport } from '../../widgets/admin/users/admin-users-import.ts';
import { CLINICA_SOL_IMPORT_CSV, clinicaSolUsers, fixtureStaff, martinsCastroUsers, memoryUsersApi, type UsersData, type UsersState } from '../../widgets/admin/users/fixtures.ts';
import { ApiError, type AdminApi } from '../../widgets/admin/admin-api.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { norm, root, settle, sleep, text } from './admin-test-kit.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';

interface MountOptions {
  data?: UsersData;
  state?: UsersState;
  role?: 'admin' | 'read-only';
  pageSize?: number;
  overrides?: Partial<AdminApi>;
  locale?: Locale;
  width?: number;
  accountId?: string;
}

async function mount(options: MountOptions = {}) {
  applyTheme(DEFAULT_BRANDING);
  const fake = memoryUsersApi(options.data ?? clinicaSolUsers(), { state: options.state, pageSize: options.pageSize, overrides: options.overrides });
  const wrapper = await fixture<HTMLDivElement>(html`<div style=${`max-width: ${options.width ?? 900}px`}>
    <admin-users .api=${fake.api} .me=${fixtureStaff({ role: options.role })} locale=${options.locale ?? 'en'} account-id=${options.accountId ?? ''}></admin-users>
  </div>`);
  const el = wrapper.querySelector('admin-users')!;
  await settle(el);
  return { el, ...fake };
}

const buttonIn = (scope: ParentNode, label: string) => [...scope.querySelectorAll('button')].find((b) => norm(b.textContent).startsWith(label))!;
const rows = (el: AdminUsers) => [...root(el).querySelectorAll<HTMLLIElement>('[part~=user]')];
const row = (el: AdminUsers, email: string) => rows(el).find((r) => norm(r.querySelector('h3')!.textContent) === email)!;
const calls = (log: { name: string; args: unknown[] }[], name: string) => log.filter((c) => c.name === name);
const announcement = (el: AdminUsers) => norm(root(el).querySelector('[part~=announcement]')!.textContent);
const invite = (el: AdminUsers) => root(el).querySelector<AdminUserInvite>('admin-user-invite')!;
const importer = (el: AdminUsers) => root(el).querySelector<AdminUsersImport>('admin-users-import')!;
/** The element focus is on, through the shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const ID = (n: number) => `0b1c2d3e-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('<admin-users>: the list', () => {
  it('lists every user with status, access (whole company or establishments), last sign-in and creation', async () => {
    const { el, log } = await mount();
    expect(calls(log, 'listUsers')[0]!.args[0]).to.deep.equal({});
    expect(rows(el)).to.have.length(6);
    const filial = row(el, 'filial@horizonte.example');
    expect(filial.dataset.status).to.equal('pending');
    expect(norm(filial.querySelector('[part~=badge]')!.textContent)).to.equal('Invited, not yet activated');
    expect(norm(filial.querySelector('[part~=facts]')!.textContent)).to.contain('Metalúrgica Horizonte Ltda: Filial Contagem').and.contain('Last sign-in Never');
    const accountant = norm(row(el, 'contador@escritoriolima.example').querySelector('[part~=facts]')!.textContent);
    expect(accountant).to.contain('Metalúrgica Horizonte Ltda: whole company').and.contain('Padaria Aurora Ltda: Loja Centro and Loja Savassi');
    expect(norm(row(el, 'contador@escritoriolima.example').querySelector('[part~=badge]')!.textContent)).to.equal('Active');
    expect(norm(row(el, 'loja.savassi@padariaaurora.example').querySelector('[part~=badge]')!.textContent)).to.equal('Disabled');
    expect(row(el, 'rh@horizonte.example').querySelector('time')!.getAttribute('datetime')).to.equal('2026-11-28T13:05:00Z');
    expect(text(el)).to.contain('Created');
    await expect(el).to.be.accessible();
  });

  it('shows loading (busy, with words), then an error with retry', async () => {
    const loading = await mount({ state: 'loading' });
    const busy = root(loading.el).querySelector('.loading[role=status][aria-busy=true]')!;
    expect(norm(busy.textContent)).to.equal('Loading users…');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const memory = memoryUsersApi();
    const { el } = await mount({ overrides: { listUsers: (query) => (fail ? Promise.reject(new ApiError('network_error', 0, 'down')) : memory.api.listUsers(query)) } });
    const alert = root(el).querySelector('[part~=error][role=alert]')!;
    expect(norm(alert.textContent)).to.contain('We could not reach the server.');
    await expect(el).to.be.accessible();
    fail = false;
    buttonIn(root(el), 'Try again').click();
    await settle(el);
    expect(rows(el)).to.have.length(6);
  });

  it('says when there are no users yet, inviting writers to add the first', async () => {
    const writer = await mount({ state: 'empty' });
    expect(norm(root(writer.el).querySelector('[part~=empty]')!.textContent)).to.equal('No portal users yet. Invite the first one with “New user”, or many at once from a CSV file.');
    await expect(writer.el).to.be.accessible();
    const reader = await mount({ state: 'empty', role: 'read-only' });
    expect(norm(root(reader.el).querySelector('[part~=empty]')!.textContent)).to.equal('No portal users yet.');
  });

  it('searches by e-mail after a pause in typing, filters by status, and clears a search that found nothing', async () => {
    const { el, log } = await mount();
    root(el).querySelector<HTMLInputElement>('input[name=q]')!.focus();
    await sendKeys({ type: 'horizonte' });
    expect(calls(log, 'listUsers')).to.have.length(1);
    await sleep(SEARCH_DELAY_MS + 50);
    await settle(el);
    expect(calls(log, 'listUsers').map((c) => c.args[0])).to.deep.equal([{}, { q: 'horizonte' }]);
    expect(rows(el).map((r) => r.dataset.status)).to.deep.equal(['pending', 'active']);

    const select = root(el).querySelector<HTMLSelectElement>('select[name=status]')!;
    select.value = 'pending';
    select.dispatchEvent(new Event('change'));
    await settle(el);
    expect(calls(log, 'listUsers').at(-1)!.args[0]).to.deep.equal({ q: 'horizonte', status: 'pending' });
    expect(rows(el).map((r) => norm(r.querySelector('h3')!.textContent))).to.deep.equal(['filial@horizonte.example']);

    const input = root(el).querySelector<HTMLInputElement>('input[name=q]')!;
    input.focus();
    input.select();
    await sendKeys({ type: 'nobody' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(calls(log, 'listUsers').at(-1)!.args[0]).to.deep.equal({ q: 'nobody', status: 'pending' });
    expect(norm(root(el).querySelector('[part~=empty]')!.textContent)).to.contain('No user matches “nobody”.');
    await expect(el).to.be.accessible();
    buttonIn(root(el), 'Clear the search').click();
    await settle(el);
    expect(calls(log, 'listUsers').at(-1)!.args[0]).to.deep.equal({});
    expect(rows(el)).to.have.length(6);
    expect(deepActive()).to.equal(input);
  });

  it('lists one account’s users when given its id, and can show all again', async () => {
    const { el, log } = await mount({ accountId: ID(2) });
    expect(calls(log, 'listUsers')[0]!.args[0]).to.deep.equal({ accountId: ID(2) });
    expect(rows(el)).to.have.length(3);
    expect(text(el)).to.contain('Only the users of Padaria Aurora Ltda.');
    buttonIn(root(el), 'Show all users').click();
    await settle(el);
    expect(calls(log, 'listUsers').at(-1)!.args[0]).to.deep.equal({});
    expect(rows(el)).to.have.length(6);
  });

  it('loads more with `next`, focus going on to the first new user', async () => {
    const { el, log } = await mount({ pageSize: 4 });
    expect(rows(el)).to.have.length(4);
    buttonIn(root(el), 'Load more users').click();
    await settle(el);
    expect(calls(log, 'listUsers')[1]!.args[0]).to.deep.equal({ before: ID(104) });
    expect(rows(el)).to.have.length(6);
    expect(root(el).querySelector('[part~=more]')).to.be.null;
    expect(norm(deepActive()?.textContent)).to.equal('financeiro@padariaaurora.example');
  });

  it('speaks Spanish and Portuguese', async () => {
    const es = await mount({ locale: 'es', data: martinsCastroUsers() });
    expect(norm(root(es.el).querySelector('h2')!.textContent)).to.equal('Usuarios del portal');
    expect(norm(row(es.el, 'administracion@almeidarocha.example').querySelector('[part~=badge]')!.textContent)).to.equal('Invitado, aún sin activar');
    expect(norm(row(es.el, 'lucia@example.com').querySelector('[part~=facts]')!.textContent)).to.contain('Lucía Pérez: toda la empresa');
    const pt = await mount({ locale: 'pt-BR' });
    expect(text(pt.el)).to.contain('Enviar links de acesso');
  });

  it('fits a 320 px wide phone', async () => {
    const { el } = await mount({ width: 320 });
    const base = root(el).querySelector<HTMLElement>('[part=base]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible();
  });
});

describe('<admin-users>: actions on a user', () => {
  it('read-only staff see the list without any action, selection, invitation or import', async () => {
    const { el } = await mount({ role: 'read-only' });
    expect(rows(el)).to.have.length(6);
    expect(root(el).querySelectorAll('[part~=user] button, [part~=user] input, [part~=selection], [part~=toolbar], admin-user-invite, admin-users-import')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('offers each status its actions: resend activation (pending), password reset (active), enable (disabled)', async () => {
    const { el } = await mount();
    const actions = (email: string) => [...row(el, email).querySelectorAll<HTMLButtonElement>('[part~=action]')].map((b) => b.dataset.action);
    expect(actions('filial@horizonte.example')).to.deep.equal(['resend', 'disable']);
    expect(actions('rh@horizonte.example')).to.deep.equal(['reset', 'disable']);
    expect(actions('loja.savassi@padariaaurora.example')).to.deep.equal(['enable']);
  });

  it('resends the activation e-mail with progress on the button, and announces it', async () => {
    const gate = deferred();
    const memory = memoryUsersApi();
    const { el, log } = await mount({ overrides: { resendActivation: async (id) => (await gate.promise, memory.api.resendActivation(id)) } });
    const button = row(el, 'filial@horizonte.example').querySelector<HTMLButtonElement>('[data-action=resend]')!;
    button.click();
    await settle(el);
    expect(calls(log, 'resendActivation')[0]!.args).to.deep.equal([ID(102)]);
    expect(norm(button.textContent)).to.equal('Sending… (filial@horizonte.example)');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    button.click();
    expect(calls(log, 'resendActivation')).to.have.length(1);
    gate.resolve();
    await settle(el);
    expect(announcement(el)).to.equal('Activation e-mail sent to filial@horizonte.example.');
    expect(root(el).querySelector('[part~=announcement]')!.getAttribute('role')).to.equal('status');
    expect(norm(button.textContent)).to.equal('Resend activation e-mail (filial@horizonte.example)');
    await expect(el).to.be.accessible();
  });

  it('sends a password reset to an active user', async () => {
    const { el, log } = await mount();
    row(el, 'rh@horizonte.example').querySelector<HTMLButtonElement>('[data-action=reset]')!.click();
    await settle(el);
    expect(calls(log, 'sendPasswordReset')[0]!.args).to.deep.equal([ID(106)]);
    expect(announcement(el)).to.equal('Password reset e-mail sent to rh@horizonte.example.');
  });

  it('asks before disabling (Escape keeps the user, focus back on Disable), then disables and updates the row', async () => {
    const { el, log } = await mount();
    const disable = () => row(el, 'rh@horizonte.example').querySelector<HTMLButtonElement>('[data-action=disable]')!;
    disable().click();
    await settle(el);
    expect(calls(log, 'disableUser')).to.have.length(0);
    const confirm = row(el, 'rh@horizonte.example').querySelector('[part~=confirm]')!;
    expect(norm(confirm.textContent)).to.contain('Disable rh@horizonte.example? They are signed out at once');
    expect(deepActive()).to.equal(confirm.querySelector('[part~=confirm-yes]'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(row(el, 'rh@horizonte.example').querySelector('[part~=confirm]')).to.be.null;
    expect(deepActive()).to.equal(disable());

    disable().click();
    await settle(el);
    buttonIn(row(el, 'rh@horizonte.example'), 'Yes, disable').click();
    await settle(el);
    expect(calls(log, 'disableUser')[0]!.args).to.deep.equal([ID(106)]);
    const updated = row(el, 'rh@horizonte.example');
    expect(updated.dataset.status).to.equal('disabled');
    expect(norm(updated.querySelector('[part~=badge]')!.textContent)).to.equal('Disabled');
    expect(announcement(el)).to.equal('rh@horizonte.example is disabled and was signed out.');
    expect(deepActive()).to.equal(updated.querySelector('[data-action=enable]'));
    expect(updated.querySelector<HTMLInputElement>('input[type=checkbox]')!.disabled).to.be.true;
  });

  it('enables a disabled user, the row read back from the server', async () => {
    const { el, log } = await mount();
    row(el, 'loja.savassi@padariaaurora.example').querySelector<HTMLButtonElement>('[data-action=enable]')!.click();
    await settle(el);
    expect(calls(log, 'enableUser')[0]!.args).to.deep.equal([ID(104)]);
    expect(calls(log, 'listUsers').at(-1)!.args[0]).to.deep.equal({ q: 'loja.savassi@padariaaurora.example' });
    expect(row(el, 'loja.savassi@padariaaurora.example').dataset.status).to.equal('active');
    expect(announcement(el)).to.equal('loja.savassi@padariaaurora.example is enabled again.');
  });

  it('shows a refused action on its row, in words', async () => {
    const { el } = await mount({ overrides: { resendActivation: () => Promise.reject(new ApiError('invalid_input', 409, 'not pending')) } });
    row(el, 'filial@horizonte.example').querySelector<HTMLButtonElement>('[data-action=resend]')!.click();
    await settle(el);
    expect(norm(row(el, 'filial@horizonte.example').querySelector('[part~=error][role=alert]')!.textContent)).to.equal(
      'This user’s status changed in the meantime. Reload the list and try again.',
    );
    expect(announcement(el)).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('G7: sends access links to exactly the users selected, and to all active ones shown', async () => {
    const { el, log } = await mount();
    const links = () => buttonIn(root(el), 'Send access links');
    links().click();
    await settle(el);
    expect(calls(log, 'sendAccessLinks')).to.have.length(0);
    expect(text(el)).to.contain('Select the users to send access links to.');

    expect(row(el, 'filial@horizonte.example').querySelector<HTMLInputElement>('input[type=checkbox]')!.disabled).to.be.true;
    for (const email of ['rh@horizonte.example', 'financeiro@padariaaurora.example']) row(el, email).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await settle(el);
    expect(text(el)).to.contain('2 selected');
    const all = root(el).querySelector<HTMLInputElement>('[part~=selection] input[type=checkbox]')!;
    expect(all.indeterminate).to.be.true;
    await expect(el).to.be.accessible();
    links().click();
    await settle(el);
    expect(calls(log, 'sendAccessLinks')[0]!.args).to.deep.equal([[ID(105), ID(106)]]);
    expect(announcement(el)).to.equal('Access links sent to 2 users.');
    expect(text(el)).to.contain('0 selected');

    all.click();
    await settle(el);
    links().click();
    await settle(el);
    expect(calls(log, 'sendAccessLinks')[1]!.args).to.deep.equal([[ID(103), ID(105), ID(106)]]);
    expect(announcement(el)).to.equal('Access links sent to 3 users.');
  });

  it('says when fewer links went out than users were selected, and shows a refusal by the selection', async () => {
    let answer = () => Promise.resolve({ sent: 1 });
    const { el } = await mount({ overrides: { sendAccessLinks: () => answer() } });
    for (const email of ['rh@horizonte.example', 'financeiro@padariaaurora.example']) row(el, email).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await settle(el);
    buttonIn(root(el), 'Send access links').click();
    await settle(el);
    expect(announcement(el)).to.equal('Access links sent to 1 of the 2 users selected; the others are no longer active.');
    answer = () => Promise.reject(new ApiError('portal_address_missing', 409, 'no address'));
    root(el).querySelector<HTMLInputElement>('[part~=selection] input[type=checkbox]')!.click();
    await settle(el);
    buttonIn(root(el), 'Send access links').click();
    await settle(el);
    expect(norm(root(el).querySelector('[part~=selection] [part~=error][role=alert]')!.textContent)).to.equal('Set the portal address in Settings first: the e-mails link to it.');
    expect(text(el)).to.contain('3 selected');
    await expect(el).to.be.accessible();
  });
});

describe('<admin-users>: a new user', () => {
  async function openDialog(el: AdminUsers) {
    const trigger = root(invite(el)).querySelector<HTMLButtonElement>('[part~=open]')!;
    trigger.focus();
    await sendKeys({ press: 'Enter' });
    await settle(invite(el));
    return { trigger, dialog: root(invite(el)).querySelector('dialog')!, form: root(invite(el)).querySelector('form')! };
  }
  async function fill(el: AdminUsers, email: string, search: string, account: string) {
    const r = root(invite(el));
    r.querySelector<HTMLInputElement>('input[name=email]')!.value = email;
    const field = r.querySelector<HTMLInputElement>('input[name=account-search]')!;
    field.focus();
    await sendKeys({ type: search });
    await sendKeys({ press: 'Enter' });
    await settle(invite(el));
    [...r.querySelectorAll<HTMLLabelElement>('[part~=accounts] label')].find((l) => norm(l.textContent).startsWith(account))!.querySelector('input')!.click();
    await settle(invite(el));
  }
  const send = async (el: AdminUsers) => {
    root(invite(el)).querySelector<HTMLButtonElement>('[part~=send]')!.click();
    await settle(el);
  };

  it('opens with the e-mail focused, closes with Escape, and focus returns to "New user"', async () => {
    const { el } = await mount();
    const { trigger, dialog } = await openDialog(el);
    expect(dialog.open).to.be.true;
    expect(deepActive()).to.equal(root(invite(el)).querySelector('input[name=email]'));
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
  });

  it('invites to chosen establishments: sends their ids, announces, reloads the list', async () => {
    const { el, log } = await mount();
    const { trigger, dialog } = await openDialog(el);
    await fill(el, 'dp@horizonte.example', 'horizonte', 'Metalúrgica Horizonte Ltda');
    expect(calls(log, 'listAccounts')[0]!.args[0]).to.deep.equal({ q: 'horizonte' });
    const r = root(invite(el));
    r.querySelector<HTMLInputElement>('input[name=scope][value=chosen]')!.click();
    await settle(el);
    expect([...r.querySelectorAll('input[name=establishment]')].map((i) => norm(i.parentElement!.textContent))).to.deep.equal(['Matriz 11222333000181', 'Filial Contagem 11222333000262']);
    await expect(el).to.be.accessible();
    await send(el);
    expect(calls(log, 'inviteUser')).to.have.length(0);
    expect(norm(r.querySelector('#establishments-error')!.textContent)).to.equal('Choose at least one establishment.');
    r.querySelectorAll<HTMLInputElement>('input[name=establishment]')[1]!.click();
    const locale = r.querySelector<HTMLSelectElement>('select[name=locale]')!;
    locale.value = 'es';
    await send(el);
    expect(calls(log, 'inviteUser')[0]!.args[0]).to.deep.equal({ email: 'dp@horizonte.example', accountId: ID(1), establishmentIds: [ID(12)], locale: 'es' });
    expect(dialog.open).to.be.false;
    expect(deepActive()).to.equal(trigger);
    expect(announcement(el)).to.equal('Invitation sent to dp@horizonte.example; the user stays pending until they activate.');
    expect(calls(log, 'listUsers')).to.have.length(2);
    expect(row(el, 'dp@horizonte.example').dataset.status).to.equal('pending');
  });

  it('invites to the whole company: no establishments sent', async () => {
    const { el, log } = await mount();
    await openDialog(el);
    await fill(el, 'compras@padariaaurora.example', '45.723', 'Padaria Aurora Ltda');
    await send(el);
    expect(calls(log, 'inviteUser')[0]!.args[0]).to.deep.equal({ email: 'compras@padariaaurora.example', accountId: ID(2) });
  });

  it('says when an existing login only gained the account (the server sent no activation e-mail)', async () => {
    const answer = { userId: ID(103), status: 'active' as const, activationSent: false };
    const { el } = await mount({ overrides: { inviteUser: async () => answer } });
    await openDialog(el);
    await fill(el, 'contador@escritoriolima.example', 'serra', 'Transportes Serra Azul S.A.');
    await send(el);
    expect(announcement(el)).to.equal('contador@escritoriolima.example already had a portal login and can now open Transportes Serra Azul S.A. too.');
  });

  it('checks the form before sending: the e-mail and the account', async () => {
    const { el, log } = await mount();
    await openDialog(el);
    await send(el);
    const r = root(invite(el));
    expect(norm(r.querySelector('#email-error')!.textContent)).to.equal('Enter the user’s e-mail.');
    expect(norm(r.querySelector('#account-error')!.textContent)).to.equal('Search for the account and choose it.');
    expect(deepActive()).to.equal(r.querySelector('input[name=email]'));
    expect(r.querySelector('input[name=email]')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    r.querySelector<HTMLInputElement>('input[name=email]')!.value = 'not-an-email';
    await send(el);
    expect(norm(r.querySelector('#email-error')!.textContent)).to.equal('Enter an e-mail such as name@company.com.');
    expect(calls(log, 'inviteUser')).to.have.length(0);
  });

  it('says when the person is already a user of the account (409), keeping the dialog open', async () => {
    const { el } = await mount();
    const { dialog } = await openDialog(el);
    await fill(el, 'rh@horizonte.example', 'Horizonte', 'Metalúrgica Horizonte Ltda');
    await send(el);
    expect(dialog.open).to.be.true;
    expect(norm(root(invite(el)).querySelector('#email-error')!.textContent)).to.equal('rh@horizonte.example is already a user of Metalúrgica Horizonte Ltda.');
    await expect(el).to.be.accessible();
  });

  it('explains the other refusals: a vanished account, an establishment not in the account, no portal address', async () => {
    let answer: ApiError = new ApiError('not_found', 404, 'No such account');
    const { el } = await mount({ overrides: { inviteUser: () => Promise.reject(answer) } });
    await openDialog(el);
    await fill(el, 'dp@horizonte.example', 'horizonte', 'Metalúrgica Horizonte Ltda');
    const r = root(invite(el));
    await send(el);
    expect(norm(r.querySelector('#account-error')!.textContent)).to.equal('This account no longer exists. Search again.');

    answer = new ApiError('invalid_input', 400, 'Every establishment must belong to the account');
    r.querySelector<HTMLInputElement>('input[name=scope][value=chosen]')!.click();
    await settle(el);
    r.querySelector<HTMLInputElement>('input[name=establishment]')!.click();
    await send(el);
    expect(norm(r.querySelector('#establishments-error')!.textContent)).to.contain('not part of this account any more');

    answer = new ApiError('portal_address_missing', 409, 'Set the portal address first');
    await send(el);
    const alert = r.querySelector('form > [part~=error][role=alert]')!;
    expect(norm(alert.textContent)).to.equal('Set the portal address in Settings first: the e-mails link to it.');
    expect(deepActive()).to.equal(alert);
  });

  it('says when no account matches the search', async () => {
    const { el } = await mount();
    await openDialog(el);
    const r = root(invite(el));
    r.querySelector<HTMLInputElement>('input[name=account-search]')!.focus();
    await sendKeys({ type: 'Nenhuma' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(text(invite(el))).to.contain('No account matches “Nenhuma”.');
  });
});

describe('<admin-users>: CSV import', () => {
  async function openImport(el: AdminUsers) {
    buttonIn(root(el), 'Import from CSV').click();
    await settle(el);
    return importer(el);
  }
  async function paste(panel: AdminUsersImport, csv: string) {
    const area = root(panel).querySelector('textarea')!;
    area.value = csv;
    area.dispatchEvent(new Event('input'));
    await settle(panel);
  }
  const click = async (panel: AdminUsersImport, label: string) => {
    buttonIn(root(panel), label).click();
    await settle(panel);
    await settle(panel);
  };
  const lineRow = (panel: AdminUsersImport, line: number) => root(panel).querySelector<HTMLTableRowElement>(`tr[data-line="${line}"]`)!;

  it('explains the columns with an example file, checks the rows (dry run), then invites with the same text', async () => {
    const { el, log } = await mount();
    const toggle = buttonIn(root(el), 'Import from CSV');
    const panel = await openImport(el);
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(deepActive()).to.equal(root(panel).querySelector('#import-title'));
    expect(text(panel)).to.contain('names or tax ids of establishments, separated by “;”. Empty: the whole company.');
    const example = root(panel).querySelector<HTMLAnchorElement>('[part~=example]')!;
    expect(example.download).to.equal('portal-users-example.csv');
    expect(decodeURIComponent(example.href.split(',').slice(1).join(','))).to.equal(IMPORT_EXAMPLE_CSV);
    await expect(el).to.be.accessible();

    await paste(panel, CLINICA_SOL_IMPORT_CSV);
    await click(panel, 'Check the rows');
    expect(calls(log, 'importUsers')[0]!.args).to.deep.equal([CLINICA_SOL_IMPORT_CSV, true]);
    expect(deepActive()).to.equal(root(panel).querySelector('#preview-title'));
    expect(norm(root(panel).querySelector('[part~=preview] .summary')!.textContent)).to.equal('2 will be invited, 1 skipped, 2 with errors.');
    expect(lineRow(panel, 2).dataset.status).to.equal('ok');
    expect(norm(lineRow(panel, 2).textContent)).to.contain('Matriz; Filial Contagem').and.contain('Will be invited');
    expect(norm(lineRow(panel, 3).textContent)).to.contain('Whole company');
    expect(norm(lineRow(panel, 4).textContent)).to.contain('Already a user of this account: skipped');
    expect(norm(lineRow(panel, 5).textContent)).to.contain('Error: The e-mail is not valid.');
    expect(norm(lineRow(panel, 6).textContent)).to.contain('Error: An establishment is not part of this account');
    expect(root(panel).querySelector('.table-scroll[role=region][tabindex="0"]')!.getAttribute('aria-labelledby')).to.equal('preview-caption');
    expect(calls(log, 'listUsers')).to.have.length(1);
    await expect(el).to.be.accessible();

    await click(panel, 'Invite 2 users');
    expect(calls(log, 'importUsers')[1]!.args).to.deep.equal([CLINICA_SOL_IMPORT_CSV, false]);
    expect(norm(root(panel).querySelector('[part~=result] .summary')!.textContent)).to.equal('2 invited, 1 skipped, 2 not imported because of errors.');
    expect(norm(lineRow(panel, 2).textContent)).to.contain('Invited');
    expect(norm(lineRow(panel, 5).textContent)).to.contain('The e-mail is not valid.');
    expect(deepActive()).to.equal(root(panel).querySelector('#result-title'));
    await settle(el);
    expect(calls(log, 'listUsers')).to.have.length(2);
    expect(rows(el).map((r) => norm(r.querySelector('h3')!.textContent))).to.include.members(['dp@horizonte.example', 'compras@padariaaurora.example']);
    await expect(el).to.be.accessible();

    await click(panel, 'Import another file');
    expect(root(panel).querySelector('textarea')!.value).to.equal('');
  });

  it('drops the preview when the text changes, and offers no import when every row has errors', async () => {
    const { el } = await mount();
    const panel = await openImport(el);
    await paste(panel, CLINICA_SOL_IMPORT_CSV);
    await click(panel, 'Check the rows');
    await paste(panel, `${CLINICA_SOL_IMPORT_CSV}\n`);
    expect(root(panel).querySelector('[part~=preview]')).to.be.null;
    await paste(panel, 'email,account,establishments,locale\nwrong,00000000000000,,fr');
    await click(panel, 'Check the rows');
    expect(norm(root(panel).querySelector('[part~=preview] .summary')!.textContent)).to.equal('0 will be invited, 0 skipped, 1 with errors.');
    expect(root(panel).querySelector('[part~=commit]')).to.be.null;
    expect(text(panel)).to.contain('No row can be invited.');
  });

  it('rejects a file over 1 MB before sending anything, and loads a smaller one into the text', async () => {
    const { el, log } = await mount();
    const panel = await openImport(el);
    const input = root(panel).querySelector<HTMLInputElement>('input[type=file]')!;
    const choose = async (file: File) => {
      const transfer = new DataTransfer();
      transfer.items.add(file);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await settle(panel);
    };
    await choose(new File(['x'.repeat(MAX_CSV_BYTES + 1)], 'big.csv', { type: 'text/csv' }));
    expect(norm(root(panel).querySelector('#input-error')!.textContent)).to.equal('big.csv is larger than 1 MB. Split it into smaller files.');
    expect(input.value).to.equal('');
    await expect(el).to.be.accessible();
    await choose(new File([CLINICA_SOL_IMPORT_CSV], 'usuarios.csv', { type: 'text/csv' }));
    expect(root(panel).querySelector('textarea')!.value).to.equal(CLINICA_SOL_IMPORT_CSV);
    expect(text(panel)).to.contain('Loaded usuarios.csv');
    expect(calls(log, 'importUsers')).to.have.length(0);
  });

  it('asks for text first, explains a file the server cannot read, and closes with focus back on the toggle', async () => {
    const { el } = await mount({ overrides: { importUsers: () => Promise.reject(new ApiError('invalid_input', 400, 'bad header')) } });
    const panel = await openImport(el);
    await click(panel, 'Check the rows');
    expect(text(panel)).to.contain('Choose a file or paste the text first.');
    await paste(panel, 'name;mail\nx;y');
    await click(panel, 'Check the rows');
    expect(norm(root(panel).querySelector('[part~=error][role=alert]')!.textContent)).to.contain('The file could not be read as CSV.');
    await expect(el).to.be.accessible();
    await click(panel, 'Close the import');
    await settle(el);
    expect(panel.hidden).to.be.true;
    expect(deepActive()).to.equal(buttonIn(root(el), 'Import from CSV'));
  });

  it('fits a 320 px wide phone with the preview: the table scrolls inside its region', async () => {
    const { el } = await mount({ width: 320 });
    const panel = await openImport(el);
    await paste(panel, CLINICA_SOL_IMPORT_CSV);
    await click(panel, 'Check the rows');
    const base = root(el).querySelector<HTMLElement>('[part=base]')!;
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(el).to.be.accessible();
  });
});
