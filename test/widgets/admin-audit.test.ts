/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/admin/audit/admin-audit.ts';
import { ApiError, type AdminApi, type AuditEntry, type StaffMe } from '../../widgets/admin/admin-api.ts';
import { fixtureAudit, fixtureAuditPage } from '../../widgets/admin/audit/fixtures.ts';
import { fixtureMe } from '../../widgets/admin/team/fixtures.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { $, active, button, mountSection, norm, recording, root, settle, text } from './admin-test-kit.ts';

type ListAudit = AdminApi['listAudit'];

async function mount(listAudit: ListAudit, options: { me?: StaffMe; locale?: Locale; width?: number } = {}) {
  const recorded = recording({ listAudit });
  const queries = () => recorded.log.filter((call) => call.name === 'listAudit').map((call) => call.args[0]);
  const { el } = await mountSection('admin-audit', { api: recorded.api, me: options.me ?? fixtureMe(), locale: options.locale ?? 'en' }, { width: options.width });
  return { el, ...recorded, queries };
}

const entries = (el: Element) => [...root(el).querySelectorAll<HTMLElement>('[part~=entry]')];
const fact = (entry: Element, term: string) => norm([...entry.querySelectorAll('dl > div')].find((row) => norm(row.querySelector('dt')!.textContent) === term)!.querySelector('dd')!.textContent);
const serve = (all: AuditEntry[] = fixtureAudit(), limit = 50): ListAudit => async (query) => fixtureAuditPage(all, query, limit);

function fill(el: Element, name: string, value: string) {
  const field = $<HTMLInputElement | HTMLSelectElement>(el, `[name=${name}]`);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
  field.dispatchEvent(new Event('change', { bubbles: true }));
}

before(() => applyTheme(DEFAULT_BRANDING));

describe('<admin-audit>', () => {
  it('asks nothing of a staff member without audit:read', async () => {
    const { el, log } = await mount(serve(), { me: fixtureMe({ role: 'staff', scopes: ['requests:read'] }) });
    expect(text(el)).to.contain('Your role cannot read the activity log.');
    expect(log).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('shows loading (busy), then an error with retry, and an empty log', async () => {
    const loading = await mount(() => new Promise(() => {}));
    expect(norm($(loading.el, '[part~=status]').textContent)).to.equal('Loading the log…');
    expect($(loading.el, '.list-region').getAttribute('aria-busy')).to.equal('true');
    await expect(loading.el).to.be.accessible();

    let fail = true;
    const { el, queries } = await mount(async (query) => (fail ? Promise.reject(new ApiError('forbidden', 403, 'no')) : fixtureAuditPage(fixtureAudit(), query)));
    expect(norm($(el, '[part~=error][role=alert]').textContent)).to.contain('Your role cannot read the activity log.');
    await expect(el).to.be.accessible();
    fail = false;
    button(el, 'Try again').click();
    await settle(el);
    expect(queries()).to.deep.equal([{}, {}]);
    expect(entries(el)).to.have.length(8);

    const empty = await mount(serve([]));
    expect(norm($(empty.el, '[part~=empty]').textContent)).to.equal('Nothing has been recorded yet.');
    expect(norm($(empty.el, '[part~=announcement][role=status]').textContent)).to.equal('0 entries shown.');
    await expect(empty.el).to.be.accessible();
  });

  it('lists entries newest first: the time in the reader’s language, who, what in words (or raw), and about what', async () => {
    const log = fixtureAudit();
    const { el, queries } = await mount(serve(log));
    expect(queries()).to.deep.equal([{}]);
    const [first, second] = entries(el);
    expect(entries(el).map((entry) => Number(entry.dataset.id))).to.deep.equal(log.map((entry) => entry.id));
    expect(fact(first!, 'When')).to.equal(new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(log[0]!.at)));
    expect(first!.querySelector('time')!.getAttribute('datetime')).to.equal(log[0]!.at);
    expect(fact(first!, 'Who')).to.equal('Staff member · ana.ribeiro@clinicasol.com.br');
    expect(fact(first!, 'What')).to.equal('Changed the portal settings');
    expect(fact(first!, 'About')).to.equal('Portal settings');
    expect(fact(second!, 'Who')).to.equal('Integration (API token) · Integração ERP (Tasy)');
    expect(fact(second!, 'What')).to.equal('Changed an account’s modules');
    expect(fact(second!, 'About')).to.equal('Account 3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c');
    // With the subject's name from the server, the name instead of the id.
    log[1]!.subject.label = 'Metalúrgica Horizonte Ltda';
    (el as unknown as { requestUpdate(): void }).requestUpdate();
    await el.updateComplete;
    expect(fact(entries(el)[1]!, 'About')).to.equal('Account · Metalúrgica Horizonte Ltda');
    const paid = entries(el).find((entry) => entry.dataset.id === '1205')!;
    expect(fact(paid, 'Who')).to.equal('System · payments');
    const unknown = entries(el).find((entry) => entry.dataset.id === '1203')!;
    expect(unknown.querySelector('[part~=action] code')!.textContent).to.equal('document-withdrawn');
    // No data, no disclosure.
    expect(entries(el).find((entry) => entry.dataset.id === '1208')!.querySelector('details')).to.be.null;
    expect(norm($(el, '[part~=announcement]').textContent)).to.equal('8 entries shown.');
    await expect(el).to.be.accessible();
  });

  it('shows an entry’s data as JSON text, never as markup', async () => {
    const data = { note: '<img src=x onerror="window.__audit_pwned=1">', nested: { list: [1, 'two'] } };
    const hostile: AuditEntry = { id: 9, at: new Date().toISOString(), actor: { type: 'staff', id: 's', label: '<b>eve</b>' }, action: 'settings-changed', subject: { type: 'tenant', id: null }, data };
    const { el } = await mount(serve([hostile]));
    const details = $<HTMLDetailsElement>(el, 'details[part~=details]');
    expect(details.open).to.be.false;
    const summary = details.querySelector('summary')!;
    expect(norm(summary.textContent)).to.match(/^Details of the entry of /);
    summary.focus();
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(details.open).to.be.true;
    expect(details.querySelector('pre')!.textContent).to.equal(JSON.stringify(data, null, 2));
    expect(root(el).querySelector('img, b')).to.be.null;
    expect((window as { __audit_pwned?: number }).__audit_pwned).to.be.undefined;
    expect(fact(entries(el)[0]!, 'Who')).to.equal('Staff member · <b>eve</b>');
    await expect(el).to.be.accessible();
  });

  it('turns the filters into the query, with an empty state when nothing matches; “Clear” asks for everything again', async () => {
    let answer: AuditEntry[] = fixtureAudit();
    const { el, queries } = await mount(async (query) => fixtureAuditPage(answer, query));
    answer = [];
    fill(el, 'actorType', 'staff');
    fill(el, 'action', '  Settings-Changed ');
    fill(el, 'subjectType', 'tenant');
    fill(el, 'from', '2026-11-01');
    fill(el, 'to', '2026-11-24');
    button(el, 'Apply filters').click();
    await settle(el);
    expect(queries()).to.deep.equal([{}, { actorType: 'staff', action: 'settings-changed', subjectType: 'tenant', from: '2026-11-01', to: '2026-11-24' }]);
    expect($<HTMLInputElement>(el, '[name=action]').value).to.equal('settings-changed');
    expect(norm($(el, '[part~=empty]').textContent)).to.equal('No entries match these filters.');
    await expect(el).to.be.accessible();

    answer = fixtureAudit();
    button(el, 'Clear filters').click();
    await settle(el);
    expect(queries().at(-1)).to.deep.equal({});
    expect($<HTMLSelectElement>(el, '[name=actorType]').value).to.equal('');
    expect($<HTMLInputElement>(el, '[name=action]').value).to.equal('');
    expect(entries(el)).to.have.length(8);
  });

  it('only sends the filters that are set, by keyboard too', async () => {
    const { el, queries } = await mount(serve());
    $(el, '[name=action]').focus();
    await sendKeys({ type: 'token-created' });
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(queries().at(-1)).to.deep.equal({ action: 'token-created' });
  });

  it('refuses filters the server would refuse, saying why and where', async () => {
    const { el, queries } = await mount(serve());
    fill(el, 'action', 'settings changed!');
    fill(el, 'from', '2026-11-20');
    fill(el, 'to', '2026-11-01');
    button(el, 'Apply filters').click();
    await settle(el);
    expect(queries()).to.have.length(1);
    expect(norm($(el, '#filter-action-error').textContent)).to.equal('Use lower-case letters, digits and hyphens, e.g. settings-changed.');
    expect($(el, '#filter-action').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#filter-action').getAttribute('aria-describedby')).to.equal('filter-action-hint filter-action-error');
    expect(norm($(el, '#filter-to-error').textContent)).to.equal('The end date is before the start date.');
    expect(active(el)).to.equal($(el, '#filter-action'));
    await expect(el).to.be.accessible();
  });

  it('“Load older entries” passes before: next with the filters, appends, and moves focus to the first new entry', async () => {
    const log = fixtureAudit();
    let failOlder = false;
    const { el, queries } = await mount(async (query) => (failOlder && query.before ? Promise.reject(new ApiError('network_error', 0, 'down')) : fixtureAuditPage(log, query, 3)));
    expect(entries(el)).to.have.length(3);
    fill(el, 'actorType', 'client');
    button(el, 'Apply filters').click();
    await settle(el);
    button(el, 'Load older entries').click();
    await settle(el);
    expect(queries()).to.deep.equal([{}, { actorType: 'client' }, { actorType: 'client', before: 1208 }]);
    expect(entries(el).map((entry) => entry.dataset.id)).to.deep.equal(['1210', '1209', '1208', '1207', '1206', '1205']);
    expect(active(el)).to.equal(entries(el)[3]);
    expect(norm($(el, '[part~=announcement]').textContent)).to.equal('6 entries shown.');
    await expect(el).to.be.accessible();

    failOlder = true;
    button(el, 'Load older entries').click();
    await settle(el);
    expect(norm($(el, '[part~=error][role=alert]').textContent)).to.contain('We could not reach the server.');
    expect(entries(el)).to.have.length(6);
    failOlder = false;
    button(el, 'Load older entries').click();
    await settle(el);
    expect(queries().at(-1)).to.deep.equal({ actorType: 'client', before: 1205 });
    expect(entries(el)).to.have.length(8);
    expect(button(el, 'Load older entries')).to.be.undefined;
    expect(text(el)).to.contain('That is the oldest entry.');
  });

  it('speaks Portuguese and Spanish, and fits a 320 px phone', async () => {
    const pt = await mount(serve(), { locale: 'pt-BR' });
    expect(fact(entries(pt.el)[0]!, 'O quê')).to.equal('Alterou as configurações do portal');
    const es = await mount(serve(fixtureAudit('martins-castro')), { locale: 'es', width: 320 });
    expect(fact(entries(es.el)[0]!, 'Qué')).to.equal('Creó un token de API');
    expect(fact(entries(es.el)[0]!, 'Quién')).to.equal('Equipo · helena@martinscastro.adv.br');
    const base = $(es.el, '[part=base]');
    expect(base.scrollWidth).to.be.at.most(base.clientWidth);
    await expect(es.el).to.be.accessible();
  });
});
