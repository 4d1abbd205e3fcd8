/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/changes/admin-changes.ts';
import type { AdminChanges } from '../../widgets/admin/changes/admin-changes.ts';
import { ApiError, type AdminApi, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { changesData, changesRouter, type ChangesData } from '../../widgets/admin/changes/fixtures.ts';
import { fixtureMe } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { active as focused, find as $, mountSection, recordingRequests, root, settle, textIn as text } from './admin-test-kit.ts';

type Request = AdminApi['request'];

/** Mounts the section over `request` (the in-memory profile API unless given), writing down every call. */
async function mount(options: { data?: ChangesData; request?: Request; me?: StaffMe; locale?: Locale; width?: number } = {}) {
  const data = options.data ?? changesData();
  const { api, log } = recordingRequests(options.request ?? changesRouter(data));
  const { el } = await mountSection('admin-changes', { api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en' }, { width: options.width });
  return { el, log, data, posts: () => log.filter((call) => call.method === 'POST') };
}

const groups = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~=account]')];
const group = (el: Element, name: string) => groups(el).find((li) => text(li.querySelector('h3')) === name)!;
const change = (scope: ParentNode, field: string) => [...scope.querySelectorAll<HTMLElement>('[part~=change]')].find((li) => text(li.querySelector('h4')) === field)!;
const values = (item: Element) => [text(item.querySelector('[part~=before]')), text(item.querySelector('[part~=after]'))];

async function choose(el: AdminChanges, status: string) {
  const select = $<HTMLSelectElement>(root(el), '[part~=filter] select');
  select.value = status;
  select.dispatchEvent(new Event('change'));
  await settle(el);
}

async function typeInto(field: HTMLTextAreaElement, value: string) {
  field.focus();
  await sendKeys({ type: value });
}

const MARIA = 'Maria Oliveira';
const HORIZONTE = 'Construtora Horizonte Ltda';
const JOAO = 'João Pereira';

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-changes>', () => {
  it('shows loading (busy) with text, an error with a retry, and "nothing waiting for approval"', async () => {
    const loading = await mount({ request: () => new Promise(() => {}) });
    expect(text($(root(loading.el), '[part~=status]'))).to.equal('Loading changes…');
    expect($(root(loading.el), '.list-region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    const router = changesRouter(changesData());
    let fail = true;
    const failing = await mount({ request: (method, path, body) => (fail && path.startsWith('/api/v1/profile/changes') ? Promise.reject(new ApiError('network_error', 0, 'down')) : router(method, path, body)) });
    const alert = $(root(failing.el), '[part~=error][role=alert]');
    expect(text(alert)).to.contain('We could not reach the server.');
    await expect(failing.el).to.be.accessible();
    fail = false;
    alert.querySelector('button')!.click();
    await settle(failing.el);
    expect(failing.log.filter((call) => call.path === '/api/v1/profile/changes?status=pending')).to.have.length(2);
    expect(groups(failing.el)).to.have.length(3);

    const empty = await mount({ data: { ...changesData(), changes: [] } });
    expect(text($(root(empty.el), '[part~=empty]'))).to.equal('Nothing waiting for approval.');
    expect($(root(empty.el), '.list-region').getAttribute('aria-busy')).to.equal('false');
    await expect(empty.el).to.be.accessible();
  });

  it('groups the pending changes by client, with field names, before → proposed as readable text, and when asked', async () => {
    const { el, log, data } = await mount();
    expect(log.map((call) => call.path)).to.have.members([
      '/api/v1/profile/changes?status=pending',
      '/api/v1/profile/fields',
      ...data.accounts.map((account) => `/api/v1/accounts/${account.id}`),
    ]);
    expect(groups(el).map((li) => text(li.querySelector('h3')))).to.deep.equal([MARIA, HORIZONTE, JOAO]);
    expect(text(group(el, HORIZONTE).querySelector('.account-head'))).to.equal(`${HORIZONTE} 3 changes`);
    expect(values(change(group(el, MARIA), 'Name'))).to.deep.equal(['Maria Oliveira', 'Maria Oliveira Santos']);
    const horizonte = group(el, HORIZONTE);
    expect(values(change(horizonte, 'Address'))).to.deep.equal([
      'Avenida Norte-Sul, 1500, Sala 12, Cambuí, Campinas – SP, 13025-320, Brazil',
      'Rua Barão de Jaguara, 910, 4º andar, Centro, Campinas – SP, 13015-002, Brazil',
    ]);
    expect(values(change(horizonte, 'Share capital'))).to.deep.equal(['500,000.00', '800,000.00']);
    expect(values(change(horizonte, 'Phone'))).to.deep.equal(['+551932345610', '+551933224400']);
    expect(values(change(group(el, JOAO), 'Health plan'))).to.deep.equal(['Private (no plan)', 'Unimed']);
    expect(values(change(group(el, JOAO), 'Mobile'))).to.deep.equal(['(empty)', '+5519991234567']);
    const name = change(group(el, MARIA), 'Name');
    expect(name.querySelector('time')!.getAttribute('datetime')).to.equal(data.changes[0]!.requestedAt);
    expect(name.querySelector('[part~=approve]')!.getAttribute('aria-label')).to.equal('Approve the Name change of Maria Oliveira');
    expect(name.querySelector('[part~=refuse]')!.getAttribute('aria-label')).to.equal('Refuse the Name change of Maria Oliveira');
    await expect(el).to.be.accessible();
  });

  it('approves with an optional message: the right path and body, announced, and the focus moves on', async () => {
    const { el, posts, data } = await mount();
    const horizonte = group(el, HORIZONTE);
    const address = change(horizonte, 'Address');
    address.querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    await settle(el);
    const textarea = $<HTMLTextAreaElement>(address, 'textarea');
    expect(focused(el)).to.equal(textarea);
    expect(text(address.querySelector('label'))).to.equal('Message to the client (optional)');
    await expect(el).to.be.accessible();
    await typeInto(textarea, 'Endereço atualizado. Obrigado!');
    address.querySelector<HTMLButtonElement>('[part~=confirm]')!.click();
    await settle(el);
    const id = data.changes[1]!.id;
    expect(posts()).to.deep.equal([{ method: 'POST', path: `/api/v1/profile/changes/${id}/approve`, body: { message: 'Endereço atualizado. Obrigado!' } }]);
    expect(text($(root(el), '[part~=announcement]'))).to.equal(`Address of ${HORIZONTE} approved.`);
    expect(group(el, HORIZONTE).querySelectorAll('[part~=change]')).to.have.length(2);
    expect(focused(el)).to.equal(change(group(el, HORIZONTE), 'Phone').querySelector('h4'));

    // Without a message the body is empty.
    const phone = change(group(el, HORIZONTE), 'Phone');
    phone.querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    await settle(el);
    phone.querySelector<HTMLButtonElement>('[part~=confirm]')!.click();
    await settle(el);
    expect(posts().at(-1)).to.deep.equal({ method: 'POST', path: `/api/v1/profile/changes/${data.changes[2]!.id}/approve`, body: {} });
    await expect(el).to.be.accessible();
  });

  it('will not refuse without a reason, then refuses with it', async () => {
    const { el, posts, data } = await mount();
    const name = change(group(el, MARIA), 'Name');
    name.querySelector<HTMLButtonElement>('[part~=refuse]')!.click();
    await settle(el);
    const textarea = $<HTMLTextAreaElement>(name, 'textarea');
    expect(textarea.required).to.equal(true);
    name.querySelector<HTMLButtonElement>('[part~=confirm]')!.click();
    await settle(el);
    expect(posts()).to.have.length(0);
    expect(text(name.querySelector('.field-error'))).to.equal('Give the client a reason for the refusal.');
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el)).to.equal(textarea);
    await expect(el).to.be.accessible();

    await typeInto(textarea, 'O nome precisa ser igual ao do documento.');
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(name.querySelector('[part~=confirm]'));
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(posts()).to.deep.equal([{ method: 'POST', path: `/api/v1/profile/changes/${data.changes[0]!.id}/refuse`, body: { reason: 'O nome precisa ser igual ao do documento.' } }]);
    expect(text($(root(el), '[part~=announcement]'))).to.equal(`Name of ${MARIA} refused.`);
    expect(group(el, MARIA)).to.be.undefined;
    // Maria's only change left: the focus goes to the next client's first change.
    expect(focused(el)).to.equal(change(group(el, HORIZONTE), 'Address').querySelector('h4'));
  });

  it('shows the progress while deciding, and cancels with Escape back to the button', async () => {
    let release = () => {};
    const router = changesRouter(changesData());
    const { el } = await mount({
      request: async (method, path, body) => {
        if (method === 'POST') await new Promise<void>((resolve) => (release = resolve));
        return router(method, path, body);
      },
    });
    const name = change(group(el, MARIA), 'Name');
    name.querySelector<HTMLButtonElement>('[part~=refuse]')!.click();
    await settle(el);
    await sendKeys({ press: 'Escape' });
    await settle(el);
    expect(name.querySelector('[part~=decide]')).to.be.null;
    expect(focused(el)).to.equal(name.querySelector('[part~=refuse]'));

    name.querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    await settle(el);
    name.querySelector<HTMLButtonElement>('[part~=confirm]')!.click();
    await settle(el);
    expect(text(name.querySelector('[part~=confirm]'))).to.equal('Approving…');
    expect(name.querySelector('[part~=confirm]')!.getAttribute('aria-disabled')).to.equal('true');
    await expect(el).to.be.accessible();
    release();
    await settle(el);
    expect(text($(root(el), '[part~=announcement]'))).to.equal(`Name of ${MARIA} approved.`);
  });

  it('keeps a failed decision on its change, and drops one someone else already decided', async () => {
    const data = changesData();
    const router = changesRouter(data);
    const { el } = await mount({
      request: (method, path, body) => {
        if (path.endsWith(`${data.changes[1]!.id}/approve`)) return Promise.reject(new ApiError('invalid_input', 400, 'no longer valid'));
        if (path.endsWith(`${data.changes[2]!.id}/approve`)) return Promise.reject(new ApiError('proposal_answered', 409, 'already approved'));
        return router(method, path, body);
      },
    });
    const address = change(group(el, HORIZONTE), 'Address');
    address.querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    await settle(el);
    address.querySelector<HTMLButtonElement>('[part~=confirm]')!.click();
    await settle(el);
    expect(text(address.querySelector('[part~=error][role=alert]'))).to.contain('This value can no longer be accepted');
    expect(address.querySelector('[part~=decide]')).to.exist;
    await expect(el).to.be.accessible();

    const phone = change(group(el, HORIZONTE), 'Phone');
    phone.querySelector<HTMLButtonElement>('[part~=approve]')!.click();
    await settle(el);
    phone.querySelector<HTMLButtonElement>('[part~=confirm]')!.click();
    await settle(el);
    expect(change(group(el, HORIZONTE), 'Phone')).to.be.undefined;
    expect(text($(root(el), '[part~=announcement]'))).to.equal('This change had already been decided elsewhere, so it left the list.');
  });

  it('filters by status: the decided ones with their reason or message, and no actions', async () => {
    const { el, log } = await mount();
    await choose(el, 'refused');
    expect(log.at(-1)!.path).to.equal('/api/v1/profile/changes?status=refused');
    const birth = change(group(el, MARIA), 'Date of birth');
    expect(values(birth)).to.deep.equal(['Apr 12, 1988', 'Apr 12, 1989']);
    expect(text(birth.querySelector('[part~=reason]'))).to.equal('Reason: A data de nascimento precisa bater com o documento de identidade. Envie uma cópia pelo portal.');
    expect(text(birth.querySelector('.meta'))).to.contain('Decided');
    expect(root(el).querySelector('[part~=approve], [part~=refuse]')).to.be.null;
    await expect(el).to.be.accessible();
    await choose(el, 'approved');
    expect(log.at(-1)!.path).to.equal('/api/v1/profile/changes?status=approved');
    expect(text(change(group(el, JOAO), 'E-mail').querySelector('[part~=reason]'))).to.equal('Message to the client: Tudo certo, João. Atualizamos seu e-mail.');
    await choose(el, 'superseded');
    expect(log.at(-1)!.path).to.equal('/api/v1/profile/changes?status=superseded');
    expect(values(change(group(el, MARIA), 'Name'))).to.deep.equal(['Maria Oliveira', 'Maria O. Santos']);
    // Account names are asked once.
    expect(log.filter((call) => call.path.startsWith('/api/v1/accounts/'))).to.have.length(3);
    expect(log.filter((call) => call.path === '/api/v1/profile/fields')).to.have.length(1);
  });

  it('shows read-only staff the changes without actions, and names accounts it may not read by their id', async () => {
    const { el, log } = await mount({ me: fixtureMe({ role: 'staff', scopes: ['profile:read'] }) });
    expect(text(root(el))).to.contain('Approving or refusing them needs the “Registration details: change” permission.');
    expect(root(el).querySelectorAll('[part~=change]')).to.have.length(6);
    expect(root(el).querySelector('[part~=approve], [part~=refuse], [part~=decide]')).to.be.null;
    expect(log.some((call) => call.path.startsWith('/api/v1/accounts/'))).to.equal(false);
    expect(groups(el).map((li) => text(li.querySelector('h3')))).to.deep.equal(['1', '2', '3'].map((n) => `Account d1000000-0000-4000-8000-00000000000${n}`));
    await expect(el).to.be.accessible();
  });

  it('speaks pt-BR and es, and fits 320 px without a horizontal scroll', async () => {
    const pt = await mount({ locale: 'pt-BR', width: 320 });
    expect(text($(root(pt.el), 'h2'))).to.equal('Alterações cadastrais');
    expect(values(change(group(pt.el, JOAO), 'Convênio'))).to.deep.equal(['Particular', 'Unimed']);
    expect(values(change(group(pt.el, HORIZONTE), 'Capital social'))).to.deep.equal(['500.000,00', '800.000,00']);
    expect(values(change(group(pt.el, HORIZONTE), 'Endereço'))[1]).to.equal('Rua Barão de Jaguara, 910, 4º andar, Centro, Campinas – SP, 13015-002, Brasil');
    change(group(pt.el, MARIA), 'Nome').querySelector<HTMLButtonElement>('[part~=refuse]')!.click();
    await settle(pt.el);
    const base = $(root(pt.el), '[part=base]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(pt.el).to.be.accessible();

    const es = await mount({ locale: 'es', data: { ...changesData(), changes: [] } });
    expect(text($(root(es.el), '[part~=empty]'))).to.equal('No hay nada pendiente de aprobación.');
  });
});
