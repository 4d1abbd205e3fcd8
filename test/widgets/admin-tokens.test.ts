/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/tokens/admin-tokens.ts';
import type { AdminTokens } from '../../widgets/admin/tokens/admin-tokens.ts';
import { ApiError, type AdminApi, type ApiTokenItem, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fixtureCreatedToken, fixtureTokens } from '../../widgets/admin/tokens/fixtures.ts';
import { fixtureMe } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { $, active, button, buttonIn, mountSection, norm, recording, root, settle, text } from './admin-test-kit.ts';

function recordingCalls(methods: Partial<AdminApi>) {
  const recorded = recording(methods);
  return { ...recorded, calls: (name: string) => recorded.log.filter((call) => call.name === name) };
}

async function mount(methods: Partial<AdminApi>, options: { me?: StaffMe; locale?: Locale; width?: number } = {}) {
  const recorded = recordingCalls(methods);
  const { el } = await mountSection('admin-tokens', { api: recorded.api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en' }, { width: options.width });
  return { el, ...recorded };
}

const item = (el: Element, name: string) => [...root(el).querySelectorAll<HTMLElement>('[part~=item]')].find((li) => norm(li.querySelector('h3')!.textContent) === name)!;
const listed = (items = fixtureTokens()) => ({ listTokens: async () => ({ items }) });

function check(el: AdminTokens, scope: string) {
  const box = $<HTMLInputElement>(el, `input[value="${scope}"]`);
  box.click();
}

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-tokens>', () => {
  it('asks nothing and says so to staff without tokens:write', async () => {
    const { el, log } = await mount(listed(), { me: fixtureMe({ role: 'read-only', scopes: ['accounts:read', 'audit:read'] }) });
    expect(text(el)).to.contain('Only owners and administrators manage API tokens.');
    expect(log).to.have.length(0);
    expect(button(el, 'New token')).to.be.undefined;
    await expect(el).to.be.accessible();
  });

  it('shows loading (busy), then an error with retry, and an empty state', async () => {
    const loading = await mount({ listTokens: () => new Promise(() => {}) });
    expect(norm($(loading.el, '[part~=status]').textContent)).to.equal('Loading tokens…');
    expect($(loading.el, '.list-region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const { el, calls } = await mount({ listTokens: async () => (fail ? Promise.reject(new ApiError('network_error', 0, 'down')) : { items: fixtureTokens() }) });
    expect(norm($(el, '[part~=error][role=alert]').textContent)).to.contain('We could not reach the server.');
    await expect(el).to.be.accessible();
    fail = false;
    buttonIn($(el, '[part~=error]'), 'Try again').click();
    await settle(el);
    expect(calls('listTokens')).to.have.length(2);
    expect(root(el).querySelectorAll('[part~=item]')).to.have.length(4);
    expect($(el, '.list-region').getAttribute('aria-busy')).to.equal('false');

    const empty = await mount(listed([]));
    expect(norm($(empty.el, '[part~=empty]').textContent)).to.contain('No tokens yet.');
    await expect(empty.el).to.be.accessible();
  });

  it('lists each token: prefix, permissions in words, dates, "never used", and its status', async () => {
    const tokens = fixtureTokens();
    const { el, calls } = await mount(listed(tokens));
    expect(calls('listTokens')).to.have.length(1);
    const erp = item(el, 'Integração ERP (Tasy)');
    expect(norm(erp.textContent)).to.contain('ptk_clinica-sol_Xa9f…');
    expect(norm(erp.textContent)).to.contain('Accounts: view and change · Portal users: change · Billing: view and change');
    expect(norm(erp.querySelector('[part~=status]')!.textContent)).to.equal('Active');
    expect(erp.querySelector('time')!.getAttribute('datetime')).to.equal(tokens[0]!.createdAt);
    const site = item(el, 'Site — agendamentos');
    expect(norm(site.textContent)).to.contain('Last used never used');
    expect(norm(item(el, 'Planilha antiga').querySelector('[part~=status]')!.textContent)).to.equal('Revoked');
    expect(norm(item(el, 'Teste do BI').querySelector('[part~=status]')!.textContent)).to.equal('Expired');
    // Only live tokens can be revoked.
    expect(erp.querySelector('[part~=revoke]')).to.exist;
    expect(item(el, 'Planilha antiga').querySelector('[part~=revoke]')).to.be.null;
    expect(item(el, 'Teste do BI').querySelector('[part~=revoke]')).to.be.null;
    await expect(el).to.be.accessible();
  });

  it('checks the form first: a name and at least one permission, focus on what is missing', async () => {
    const { el, calls } = await mount({ ...listed(), createToken: async (input) => fixtureCreatedToken(input) });
    button(el, 'New token').click();
    await settle(el);
    expect(active(el)).to.equal($(el, '#token-name'));
    expect($<HTMLSelectElement>(el, '#token-expiry').value).to.equal('90');
    expect([...root(el).querySelectorAll<HTMLOptionElement>('#token-expiry option')].map((o) => o.value)).to.deep.equal(['30', '90', '365']);
    await expect(el).to.be.accessible();

    button(el, 'Create token').click();
    await settle(el);
    expect(calls('createToken')).to.have.length(0);
    expect(norm($(el, '#token-name-error').textContent)).to.equal('Give the token a name.');
    expect($(el, '#token-name').getAttribute('aria-invalid')).to.equal('true');
    expect(norm($(el, '#token-scopes-error').textContent)).to.equal('Choose at least one permission.');
    expect(active(el)).to.equal($(el, '#token-name'));
    await expect(el).to.be.accessible();

    // A module's legend names its boxes: "Settings and branding" has only "Change".
    const branding = [...root(el).querySelectorAll('fieldset.scope-module')].find((f) => norm(f.querySelector('legend')!.textContent) === 'Settings and branding')!;
    expect([...branding.querySelectorAll('input')].map((i) => i.value)).to.deep.equal(['branding:write']);
    expect(root(el).querySelectorAll('fieldset.scope-module input[type=checkbox]')).to.have.length(22);
  });

  it('creates a token with exactly what was chosen and shows it once, with a warning, Copy and a curl example', async () => {
    const { el, calls } = await mount({ ...listed(), createToken: async (input) => fixtureCreatedToken(input) });
    button(el, 'New token').click();
    await settle(el);
    const name = $<HTMLInputElement>(el, '#token-name');
    name.value = '  Site novo  ';
    name.dispatchEvent(new Event('input'));
    check(el, 'billing:write');
    check(el, 'accounts:read');
    const expiry = $<HTMLSelectElement>(el, '#token-expiry');
    expiry.value = '365';
    expiry.dispatchEvent(new Event('change'));
    button(el, 'Create token').click();
    await settle(el);

    expect(calls('createToken').map((call) => call.args)).to.deep.equal([[{ name: 'Site novo', scopes: ['accounts:read', 'billing:write'], expiresInDays: 365 }]]);
    const secret = fixtureCreatedToken({ name: 'x', scopes: [], expiresInDays: 1 }).token;
    const field = $<HTMLInputElement>(el, '[part~=token]');
    expect(field.readOnly).to.be.true;
    expect(field.value).to.equal(secret);
    expect(norm($(el, '[part~=warning]').textContent)).to.contain('Copy it now — it will not be shown again.');
    expect(norm($(el, '[part~=example]').textContent)).to.equal(`curl -H "Authorization: Bearer ${secret}" ${location.origin}/api/v1/accounts`);
    expect(active(el)).to.equal($(el, '#created-title'));
    expect(norm($(el, '[part~=announcement][role=status]').textContent)).to.equal('Token “Site novo” created. Copy it now.');
    // The form is gone, and so is "New token" until Done.
    expect(root(el).querySelector('form')).to.be.null;
    expect(button(el, 'New token')).to.be.undefined;
    // The new token is in the list, without its secret.
    expect(norm(item(el, 'Site novo').textContent)).to.contain('never used');
    expect(item(el, 'Site novo').textContent).not.to.contain(secret);
    await expect(el).to.be.accessible();

    const written: string[] = [];
    const clipboard = navigator.clipboard;
    const original = clipboard.writeText;
    clipboard.writeText = async (value: string) => void written.push(value);
    try {
      buttonIn($(el, '.copy-row'), 'Copy').click();
      await settle(el);
    } finally {
      clipboard.writeText = original;
    }
    expect(written).to.deep.equal([secret]);
    expect(norm($(el, '.copy-row [part~=copied]').textContent)).to.equal('Copied');

    button(el, 'Done').click();
    await settle(el);
    expect(root(el).querySelector('[part~=created]')).to.be.null;
    expect(root(el).innerHTML).not.to.contain(secret);
    expect([...root(el).querySelectorAll('input')].some((input) => input.value === secret)).to.be.false;
    expect(active(el)).to.equal(button(el, 'New token'));
    await expect(el).to.be.accessible();
  });

  it('works by keyboard alone, with the default of 90 days', async () => {
    const { el, calls } = await mount({ ...listed([]), createToken: async (input) => fixtureCreatedToken(input) });
    button(el, 'New token').focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    await sendKeys({ type: 'ERP' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Shift+Tab' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(calls('createToken').map((call) => call.args)).to.deep.equal([[{ name: 'ERP', scopes: ['accounts:read'], expiresInDays: 90 }]]);
    await sendKeys({ press: 'Tab' });
    expect(active(el)).to.equal($(el, '[part~=token]'));
  });

  it('puts the server’s problems on the fields they name, and says when the password is needed', async () => {
    let answer: ApiError = new ApiError('invalid_input', 400, 'bad', undefined, [{ path: 'name', message: 'Too long' }]);
    const { el } = await mount({ ...listed(), createToken: () => Promise.reject(answer) });
    button(el, 'New token').click();
    await settle(el);
    const name = $<HTMLInputElement>(el, '#token-name');
    name.value = 'x';
    name.dispatchEvent(new Event('input'));
    check(el, 'users:read');
    button(el, 'Create token').click();
    await settle(el);
    expect(norm($(el, '#token-name-error').textContent)).to.equal('Too long');
    expect(norm($(el, 'form [part~=error][role=alert]').textContent)).to.equal('Check what you entered and try again.');
    await expect(el).to.be.accessible();

    answer = new ApiError('password_confirmation_required', 403, 'confirm');
    button(el, 'Create token').click();
    await settle(el);
    expect(norm($(el, 'form [part~=error]').textContent)).to.equal('For your safety, enter your password again to make this change.');
    expect(root(el).querySelector('[part~=created]')).to.be.null;
  });

  it('revokes only after a confirm step, then shows the row revoked', async () => {
    const { el, calls } = await mount({ ...listed(), revokeToken: async () => undefined });
    const erp = () => item(el, 'Integração ERP (Tasy)');
    const revoke = erp().querySelector<HTMLButtonElement>('[part~=revoke]')!;
    expect(revoke.getAttribute('aria-label')).to.equal('Revoke Integração ERP (Tasy)');
    revoke.click();
    await settle(el);
    expect(calls('revokeToken')).to.have.length(0);
    expect(norm(erp().querySelector('[part~=confirm]')!.textContent)).to.contain('Revoke “Integração ERP (Tasy)”? Systems using it stop working at once.');
    expect(active(el)).to.equal(erp().querySelector('[part~=cancel-revoke]'));
    await expect(el).to.be.accessible();

    erp().querySelector<HTMLButtonElement>('[part~=cancel-revoke]')!.click();
    await settle(el);
    expect(erp().querySelector('[part~=confirm]')).to.be.null;
    expect(active(el)).to.equal(erp().querySelector('[part~=revoke]'));
    expect(calls('revokeToken')).to.have.length(0);

    erp().querySelector<HTMLButtonElement>('[part~=revoke]')!.click();
    await settle(el);
    erp().querySelector<HTMLButtonElement>('[part~=confirm-revoke]')!.click();
    await settle(el);
    expect(calls('revokeToken').map((call) => call.args)).to.deep.equal([['a1000000-0000-4000-8000-000000000001']]);
    expect(norm(erp().querySelector('[part~=status]')!.textContent)).to.equal('Revoked');
    expect(erp().querySelector('[part~=revoke]')).to.be.null;
    expect(norm($(el, '[part~=announcement]').textContent)).to.equal('Token “Integração ERP (Tasy)” revoked.');
    expect(active(el)).to.equal(erp().querySelector('h3'));
    await expect(el).to.be.accessible();
  });

  it('keeps the confirm step open with the problem when revoking fails', async () => {
    const { el } = await mount({ ...listed(), revokeToken: () => Promise.reject(new ApiError('not_found', 404, 'gone')) });
    const site = () => item(el, 'Site — agendamentos');
    site().querySelector<HTMLButtonElement>('[part~=revoke]')!.click();
    await settle(el);
    site().querySelector<HTMLButtonElement>('[part~=confirm-revoke]')!.click();
    await settle(el);
    expect(norm(site().querySelector('[part~=error][role=alert]')!.textContent)).to.equal('This token no longer exists. Reload the list.');
    expect(norm(site().querySelector('[part~=status]')!.textContent)).to.equal('Active');
    await expect(el).to.be.accessible();
  });

  it('speaks Portuguese and Spanish, and fits a 320 px phone', async () => {
    const pt = await mount(listed(), { locale: 'pt-BR' });
    expect(text(pt.el)).to.contain('Tokens de API');
    expect(text(pt.el)).to.contain('nunca usado');
    const es = await mount(listed(), { locale: 'es', width: 320 });
    expect(text(es.el)).to.contain('Caducado');
    button(es.el, 'Nuevo token').click();
    await settle(es.el);
    const base = $(es.el, '[part=base]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(es.el).to.be.accessible();
  });

  it('forgets a new token when someone else signs in', async () => {
    const { el } = await mount({ ...listed(), createToken: async (input) => fixtureCreatedToken(input) });
    button(el, 'New token').click();
    await settle(el);
    const name = $<HTMLInputElement>(el, '#token-name');
    name.value = 'ERP';
    name.dispatchEvent(new Event('input'));
    check(el, 'accounts:read');
    button(el, 'Create token').click();
    await settle(el);
    expect(root(el).querySelector('[part~=created]')).to.exist;
    el.me = fixtureMe({ id: '22222222-2222-4222-8222-222222222222', email: 'bruno.costa@clinicasol.com.br', role: 'admin' });
    await settle(el);
    expect(root(el).querySelector('[part~=created]')).to.be.null;
    expect(root(el).innerHTML).not.to.contain(fixtureCreatedToken({ name: 'x', scopes: [], expiresInDays: 1 }).token);
  });

  it('never shows a token name as markup', async () => {
    const hostile: ApiTokenItem = { ...fixtureTokens()[0]!, name: '<img src=x onerror="window.__pwned=1">' };
    const { el } = await mount(listed([hostile]));
    expect(root(el).querySelector('img')).to.be.null;
    expect(norm(item(el, hostile.name).querySelector('h3')!.textContent)).to.equal(hostile.name);
  });
});
