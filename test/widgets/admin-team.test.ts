/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/team/admin-team.ts';
import { ApiError, type AdminApi, type StaffMe, type StaffMember } from '../../widgets/admin/admin-api.ts';
import { fixtureMe, fixtureStaff, fixtureStaffMember } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { $, active, button, mountSection, norm, recording, root, settle, text } from './admin-test-kit.ts';

function recordingCalls(methods: Partial<AdminApi>) {
  const recorded = recording(methods);
  return { ...recorded, calls: (name: string) => recorded.log.filter((call) => call.name === name).map((call) => call.args) };
}

async function mount(methods: Partial<AdminApi>, options: { me?: StaffMe; locale?: Locale; width?: number } = {}) {
  const recorded = recordingCalls(methods);
  const { el } = await mountSection('admin-team', { api: recorded.api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en' }, { width: options.width });
  return { el, ...recorded };
}

const row = (el: Element, name: string) => [...root(el).querySelectorAll<HTMLElement>('[part~=item]')].find((li) => norm(li.querySelector('h3')!.textContent).startsWith(name))!;
const fact = (item: Element, term: string) => norm([...item.querySelectorAll('dl > div')].find((r) => norm(r.querySelector('dt')!.textContent) === term)?.querySelector('dd')!.textContent);
const listed = (items = fixtureStaff()) => ({ listStaff: async () => ({ items }) });
/** The server's answer to a change: the member with it applied. */
const applying = (items = fixtureStaff()) => async (id: string, change: Partial<StaffMember>) => ({ ...items.find((member) => member.id === id)!, ...change });

function type(el: Element, selector: string, value: string) {
  const field = $<HTMLInputElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}
const click = (el: Element, selector: string) => $(el, selector).click();

const CARLA = '33333333-3333-4333-8333-333333333333';

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-team>', () => {
  it('asks nothing of a staff member without staff:write', async () => {
    const { el, log } = await mount(listed(), { me: fixtureMe({ role: 'read-only', scopes: ['accounts:read', 'audit:read'] }) });
    expect(text(el)).to.contain('Only owners and administrators manage the team.');
    expect(log).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows loading (busy), then an error with retry, and an empty team', async () => {
    const loading = await mount({ listStaff: () => new Promise(() => {}) });
    expect(norm($(loading.el, '[part~=status]').textContent)).to.equal('Loading the team…');
    expect($(loading.el, '.list-region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const { el, calls } = await mount({ listStaff: async () => (fail ? Promise.reject(new ApiError('network_error', 0, 'down')) : { items: fixtureStaff() }) });
    expect(norm($(el, '[part~=error][role=alert]').textContent)).to.contain('We could not reach the server.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again').click();
    await settle(el);
    expect(calls('listStaff')).to.have.length(2);
    expect(root(el).querySelectorAll('[part~=item]')).to.have.length(5);

    const alone = await mount(listed(fixtureStaff().slice(0, 1)));
    expect(norm($(alone.el, '[part~=empty]').textContent)).to.equal('No one else is on the team yet.');
    await expect(alone.el).to.be.accessible();
  });

  it('lists each member: e-mail, role, permissions for staff, status, authenticator app, last sign-in', async () => {
    const { el } = await mount(listed());
    const carla = row(el, 'Carla Mendes');
    expect(fact(carla, 'E-mail')).to.equal('recepcao@clinicasol.com.br');
    expect(fact(carla, 'Role')).to.equal('Staff');
    expect(fact(carla, 'Permissions')).to.equal('Accounts: view · Requests: view and change · Appointments: view and change');
    expect(norm(carla.querySelector('[part~=status]')!.textContent)).to.equal('Active');
    const diego = row(el, 'Diego Alves');
    expect(fact(diego, 'Role')).to.equal('Read-only');
    expect(fact(diego, 'Permissions')).to.equal('');
    expect(norm(diego.querySelector('[part~=status]')!.textContent)).to.equal('Invited');
    expect(fact(diego, 'Authenticator app')).to.equal('Not set up');
    expect(fact(diego, 'Last sign-in')).to.equal('Never');
    expect(fact(row(el, 'Bruno Costa'), 'Authenticator app')).to.equal('Set up');
    expect(norm(row(el, 'Elisa Prado').querySelector('[part~=status]')!.textContent)).to.equal('Disabled');
    await expect(el).to.be.accessible();
  });

  it('never offers the signed-in member a button to disable themselves', async () => {
    const { el } = await mount(listed());
    const me = row(el, 'Ana Ribeiro');
    expect(norm(me.querySelector('h3')!.textContent)).to.equal('Ana Ribeiro (you)');
    expect(me.querySelector('[part~=disable], [part~=enable]')).to.be.null;
    expect(me.querySelector('[part~=change]')).to.exist;
    expect(row(el, 'Bruno Costa').querySelector('[part~=disable]')).to.exist;
  });

  it('checks the invitation first; permissions are asked only for the role staff', async () => {
    const { el, calls } = await mount({ ...listed(), inviteStaff: async () => fixtureStaffMember() });
    button(el, 'Invite a staff member').click();
    await settle(el);
    expect(active(el)).to.equal($(el, '#invite-email'));
    expect($<HTMLInputElement>(el, '#invite-role-staff').checked).to.be.true;
    expect(root(el).querySelector('#invite-scopes')).to.exist;
    // One line explains each role, tied to its radio button.
    expect(norm($(el, '#invite-role-read-only-hint').textContent)).to.equal('Sees everything, changes nothing.');
    expect($(el, '#invite-role-read-only').getAttribute('aria-describedby')).to.equal('invite-role-read-only-hint');
    await expect(el).to.be.accessible();

    button(el, 'Send invitation').click();
    await settle(el);
    expect(calls('inviteStaff')).to.have.length(0);
    expect(norm($(el, '#invite-email-error').textContent)).to.equal('Enter an e-mail address such as name@example.com.');
    expect(norm($(el, '#invite-name-error').textContent)).to.equal('Enter the person’s name.');
    expect(norm($(el, '#invite-scopes-error').textContent)).to.equal('Choose at least one permission, or another role.');
    expect(active(el)).to.equal($(el, '#invite-email'));
    await expect(el).to.be.accessible();

    click(el, '#invite-role-admin');
    await settle(el);
    expect(root(el).querySelector('#invite-scopes')).to.be.null;
  });

  it('invites a staff member with exactly the permissions chosen and says where the link went', async () => {
    const invited = fixtureStaffMember({ email: 'nova@clinicasol.com.br', name: 'Nova Pessoa', status: 'pending', secondFactor: false, lastSignInAt: null });
    const { el, calls } = await mount({ ...listed(), inviteStaff: async () => invited });
    button(el, 'Invite a staff member').click();
    await settle(el);
    type(el, '#invite-email', ' nova@clinicasol.com.br ');
    type(el, '#invite-name', 'Nova Pessoa');
    click(el, 'input[value="requests:write"]');
    click(el, 'input[value="accounts:read"]');
    await settle(el);
    button(el, 'Send invitation').click();
    await settle(el);
    expect(calls('inviteStaff')).to.deep.equal([[{ email: 'nova@clinicasol.com.br', name: 'Nova Pessoa', role: 'staff', permissions: ['accounts:read', 'requests:write'] }]]);
    expect(norm($(el, '[part~=announcement][role=status]').textContent)).to.equal('A setup link was e-mailed to nova@clinicasol.com.br (valid 72 h).');
    expect(norm(row(el, 'Nova Pessoa').querySelector('[part~=status]')!.textContent)).to.equal('Invited');
    expect(root(el).querySelector('form')).to.be.null;
    expect(active(el)).to.equal(button(el, 'Invite a staff member'));
    await expect(el).to.be.accessible();
  });

  it('sends no permissions for the other roles, even ones ticked before switching', async () => {
    const { el, calls } = await mount({ ...listed(), inviteStaff: async () => fixtureStaffMember({ role: 'read-only', permissions: [] }) });
    button(el, 'Invite a staff member').click();
    await settle(el);
    type(el, '#invite-email', 'leitura@clinicasol.com.br');
    type(el, '#invite-name', 'Leitura');
    click(el, 'input[value="billing:read"]');
    click(el, '#invite-role-read-only');
    await settle(el);
    button(el, 'Send invitation').click();
    await settle(el);
    expect(calls('inviteStaff')).to.deep.equal([[{ email: 'leitura@clinicasol.com.br', name: 'Leitura', role: 'read-only', permissions: [] }]]);
  });

  it('explains the server’s refusals of an invitation', async () => {
    const { el } = await mount({ ...listed(), inviteStaff: () => Promise.reject(new ApiError('staff_exists', 409, 'exists')) });
    button(el, 'Invite a staff member').click();
    await settle(el);
    type(el, '#invite-email', 'bruno.costa@clinicasol.com.br');
    type(el, '#invite-name', 'Bruno');
    click(el, '#invite-role-admin');
    await settle(el);
    button(el, 'Send invitation').click();
    await settle(el);
    expect(norm($(el, 'form [part~=error][role=alert]').textContent)).to.equal('Someone on the team already has this e-mail address.');
    await expect(el).to.be.accessible();
  });

  it('lets only owners make owners or change them', async () => {
    const admin = fixtureMe({ id: '22222222-2222-4222-8222-222222222222', name: 'Bruno Costa', role: 'admin' });
    const { el } = await mount(listed(), { me: admin });
    const ana = row(el, 'Ana Ribeiro');
    expect(ana.querySelector('[part~=change], [part~=disable]')).to.be.null;
    button(el, 'Invite a staff member').click();
    await settle(el);
    expect(root(el).querySelector('#invite-role-owner')).to.be.null;
    expect([...root(el).querySelectorAll<HTMLInputElement>('[name=invite-role]')].map((r) => r.value)).to.deep.equal(['admin', 'staff', 'read-only']);
  });

  it('changes access sending only what changed: permissions, a role, or both', async () => {
    const { el, calls } = await mount({ ...listed(), changeStaff: applying() as AdminApi['changeStaff'] });
    const carla = () => row(el, 'Carla Mendes');
    carla().querySelector<HTMLButtonElement>('[part~=change]')!.click();
    await settle(el);
    expect(active(el)).to.equal($(el, '#edit-role-staff'));
    expect($<HTMLInputElement>(el, '#edit-scopes input[value="appointments:write"]').checked).to.be.true;
    await expect(el).to.be.accessible();
    click(el, '#edit-scopes input[value="billing:read"]');
    click(el, '#edit-scopes input[value="accounts:read"]');
    await settle(el);
    button(el, 'Save').click();
    await settle(el);
    expect(calls('changeStaff')).to.deep.equal([[CARLA, { permissions: ['requests:read', 'requests:write', 'billing:read', 'appointments:read', 'appointments:write'] }]]);
    expect(fact(carla(), 'Permissions')).to.contain('Billing: view');
    expect(norm($(el, '[part~=announcement]').textContent)).to.equal('Access of Carla Mendes saved.');
    expect(active(el)).to.equal(carla().querySelector('[part~=change]'));

    row(el, 'Diego Alves').querySelector<HTMLButtonElement>('[part~=change]')!.click();
    await settle(el);
    click(el, '#edit-role-admin');
    await settle(el);
    expect(root(el).querySelector('#edit-scopes')).to.be.null;
    button(el, 'Save').click();
    await settle(el);
    expect(calls('changeStaff').at(-1)).to.deep.equal(['44444444-4444-4444-8444-444444444444', { role: 'admin' }]);

    row(el, 'Bruno Costa').querySelector<HTMLButtonElement>('[part~=change]')!.click();
    await settle(el);
    click(el, '#edit-role-staff');
    await settle(el);
    button(el, 'Save').click();
    await settle(el);
    expect(norm($(el, '#edit-scopes-error').textContent)).to.equal('Choose at least one permission, or another role.');
    expect(calls('changeStaff')).to.have.length(2);
    click(el, '#edit-scopes input[value="content:write"]');
    await settle(el);
    button(el, 'Save').click();
    await settle(el);
    expect(calls('changeStaff').at(-1)).to.deep.equal(['22222222-2222-4222-8222-222222222222', { role: 'staff', permissions: ['content:write'] }]);

    // Nothing changed: nothing sent.
    carla().querySelector<HTMLButtonElement>('[part~=change]')!.click();
    await settle(el);
    button(el, 'Save').click();
    await settle(el);
    expect(calls('changeStaff')).to.have.length(3);
    expect(norm($(el, '[part~=announcement]').textContent)).to.equal('Nothing was changed.');
  });

  it('explains last_owner: a portal needs at least one owner', async () => {
    const { el, calls } = await mount({ ...listed(), changeStaff: () => Promise.reject(new ApiError('last_owner', 409, 'last owner')) });
    row(el, 'Ana Ribeiro').querySelector<HTMLButtonElement>('[part~=change]')!.click();
    await settle(el);
    click(el, '#edit-role-admin');
    await settle(el);
    button(el, 'Save').click();
    await settle(el);
    expect(calls('changeStaff')).to.deep.equal([['11111111-1111-4111-8111-111111111111', { role: 'admin' }]]);
    expect(norm($(el, '[part~=change-form] [part~=error][role=alert]').textContent)).to.equal('A portal needs at least one owner. Make someone else an owner first.');
    expect(fact(row(el, 'Ana Ribeiro'), 'Role')).to.equal('Owner');
    await expect(el).to.be.accessible();
    button(el, 'Cancel').click();
    await settle(el);
    expect(active(el)).to.equal(row(el, 'Ana Ribeiro').querySelector('[part~=change]'));
  });

  it('disables and enables others, by keyboard, keeping focus on the button', async () => {
    const { el, calls } = await mount({ ...listed(), changeStaff: applying() as AdminApi['changeStaff'] });
    const carla = () => row(el, 'Carla Mendes');
    const disable = carla().querySelector<HTMLButtonElement>('[part~=disable]')!;
    expect(disable.getAttribute('aria-label')).to.equal('Disable Carla Mendes');
    disable.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(calls('changeStaff')).to.deep.equal([[CARLA, { status: 'disabled' }]]);
    expect(norm(carla().querySelector('[part~=status]')!.textContent)).to.equal('Disabled');
    expect(active(el)).to.equal(carla().querySelector('[part~=enable]'));
    expect(norm($(el, '[part~=announcement]').textContent)).to.equal('Carla Mendes can no longer sign in.');
    await expect(el).to.be.accessible();

    row(el, 'Elisa Prado').querySelector<HTMLButtonElement>('[part~=enable]')!.click();
    await settle(el);
    expect(calls('changeStaff').at(-1)).to.deep.equal(['55555555-5555-4555-8555-555555555555', { status: 'active' }]);
  });

  it('shows a failed disable on the member’s card', async () => {
    const { el } = await mount({ ...listed(), changeStaff: () => Promise.reject(new ApiError('password_confirmation_required', 403, 'confirm')) });
    row(el, 'Carla Mendes').querySelector<HTMLButtonElement>('[part~=disable]')!.click();
    await settle(el);
    expect(norm(row(el, 'Carla Mendes').querySelector('[part~=error][role=alert]')!.textContent)).to.equal('For your safety, enter your password again to make this change.');
    expect(norm(row(el, 'Carla Mendes').querySelector('[part~=status]')!.textContent)).to.equal('Active');
  });

  it('speaks Portuguese and Spanish, and fits a 320 px phone', async () => {
    const pt = await mount(listed(), { locale: 'pt-BR' });
    expect(fact(row(pt.el, 'Diego Alves'), 'Papel')).to.equal('Somente leitura');
    const es = await mount(listed(fixtureStaff('martins-castro')), { locale: 'es', width: 320, me: fixtureMe({}, 'martins-castro') });
    expect(norm(row(es.el, 'Helena Martins').querySelector('h3')!.textContent)).to.equal('Helena Martins (usted)');
    button(es.el, 'Invitar a un miembro del equipo').click();
    await settle(es.el);
    const base = $(es.el, '[part=base]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(es.el).to.be.accessible();
  });
});
