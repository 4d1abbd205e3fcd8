/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import '../../widgets/admin/embed/admin-embed.ts';
import { ApiError, type AdminApi, type TenantSettings } from '../../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import { fixtureEmbedSettings } from '../../widgets/admin/embed/fixtures.ts';
import { fixtureStaff } from '../../widgets/admin/shell/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { absent, mountSection, norm, root, settle, text } from './admin-test-kit.ts';
import { applyTheme, DEFAULT_BRANDING } from '../../widgets/core/theme.ts';

applyTheme(DEFAULT_BRANDING);

const snippet = (el: Element, key: string) => root(el).querySelector<HTMLElement>(`[data-snippet="${key}"]`)!;
const codeOf = (el: Element, key: string) => snippet(el, key).querySelector('code')!.textContent;

async function mount(getSettings: AdminApi['getSettings'], options: { locale?: Locale; width?: number } = {}) {
  const calls: unknown[][] = [];
  const api = fakeAdminApi({
    getSettings: (...args) => {
      calls.push(args);
      return getSettings(...args);
    },
  });
  const { el, wrapper } = await mountSection('admin-embed', { api, me: fixtureStaff('read-only'), locale: options.locale ?? 'en' }, { width: options.width, exact: true });
  return { el, calls, wrapper };
}
const answer = (settings: TenantSettings) => async () => settings;

describe('<admin-embed>', () => {
  let written: string[];
  let originalWrite: Clipboard['writeText'];
  beforeEach(() => {
    written = [];
    originalWrite = navigator.clipboard.writeText;
    navigator.clipboard.writeText = async (value: string) => void written.push(value);
  });
  afterEach(() => {
    navigator.clipboard.writeText = originalWrite;
  });

  it('shows the loading state while the settings come, busy and accessible', async () => {
    const { el, calls } = await mount(() => new Promise<never>(() => {}));
    expect(calls).to.have.length(1);
    expect(calls[0]![0]).to.be.instanceOf(AbortSignal);
    expect(root(el).querySelector('[part=base]')!.getAttribute('aria-busy')).to.equal('true');
    expect(root(el).querySelector('[role=status]')!.textContent).to.include('Loading the embed code');
    await expect(el).to.be.accessible();
  });

  it('shows the exact snippet: the loader with the portal’s name, then <portal-app>', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('clinica-sol')));
    expect(root(el).querySelector('[part=base]')!.getAttribute('aria-busy')).to.equal('false');
    expect(codeOf(el, 'whole')).to.equal('<script type="module" src="https://portico.example.com/embed.js" data-tenant="clinica-sol"></script>\n<portal-app></portal-app>');
    expect(codeOf(el, 'script')).to.equal('<script type="module" src="https://portico.example.com/embed.js" data-tenant="clinica-sol"></script>');
    await expect(el).to.be.accessible();
  });

  it('lists the sign-in and each switched-on module’s element, in the product’s order', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('clinica-sol', { modules: ['news', 'billing', 'appointments', 'processes'] })));
    const parts = [...root(el).querySelectorAll('[part=parts] [part~=snippet]')].map((part) => [norm(part.querySelector('.label')!.textContent), part.querySelector('code')!.textContent]);
    expect(parts).to.deep.equal([
      ['Sign-in', '<portal-login></portal-login>'],
      ['Billing', '<portal-billing></portal-billing>'],
      ['Processes', '<portal-process-tracker></portal-process-tracker>'],
      ['Appointments', '<portal-appointments></portal-appointments>'],
      ['News', '<portal-news></portal-news>'],
    ]);
    absent(root(el).querySelector('[part=parts] [part~=notice]'));
  });

  it('maps every module to its element', async () => {
    const all = ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile', 'news', 'materials', 'campaigns'] as const;
    const { el } = await mount(answer(fixtureEmbedSettings('clinica-sol', { modules: [...all] })));
    const tags = [...root(el).querySelectorAll('[part=parts] code')].map((code) => code.textContent);
    expect(tags).to.deep.equal(
      ['portal-login', 'portal-billing', 'portal-process-tracker', 'portal-documents', 'portal-appointments', 'portal-requests', 'portal-profile', 'portal-news', 'portal-materials', 'portal-campaigns'].map(
        (tag) => `<${tag}></${tag}>`,
      ),
    );
  });

  it('copies a snippet exactly and announces “Copied” next to it', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('clinica-sol')));
    const copy = snippet(el, 'whole').querySelector<HTMLButtonElement>('[part~=copy]')!;
    expect(norm(copy.textContent)).to.equal('Copy the code: The whole portal');
    copy.click();
    await settle(el);
    expect(written).to.deep.equal([codeOf(el, 'whole')]);
    expect(snippet(el, 'whole').querySelector('[part~=copied]')!.textContent).to.equal('Copied');
    expect(snippet(el, 'whole').querySelector('[part~=copied]')!.getAttribute('role')).to.equal('status');
    expect(snippet(el, 'script').querySelector('[part~=copied]')!.textContent).to.equal('');
    snippet(el, 'portal-billing').querySelector<HTMLButtonElement>('[part~=copy]')!.click();
    await settle(el);
    expect(written[1]).to.equal('<portal-billing></portal-billing>');
    expect(snippet(el, 'whole').querySelector('[part~=copied]')!.textContent).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('lists the allowed websites', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('clinica-sol')));
    expect([...root(el).querySelectorAll('[part=origins] li')].map((li) => li.textContent)).to.deep.equal(['https://www.clinicasol.com.br', 'https://clinicasol.com.br']);
    absent(root(el).querySelector('[part=warning]'));
  });

  it('warns when no website may embed the portal yet, linking to Settings', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('martins-castro')));
    const warning = root(el).querySelector('[part=warning]')!;
    expect(norm(warning.textContent)).to.include('No website may embed the portal yet: add your site’s address in Settings.');
    expect(warning.querySelector('a')!.getAttribute('href')).to.equal('#settings');
    absent(root(el).querySelector('[part=origins]'));
    expect(codeOf(el, 'whole')).to.include('data-tenant="martins-castro"');
    await expect(el).to.be.accessible();
  });

  it('tells what a host’s Content Security Policy must allow: the server’s origin', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('clinica-sol', { embedScriptUrl: 'https://portal.example.org:8443/embed.js' })));
    expect(codeOf(el, 'csp')).to.equal('script-src https://portal.example.org:8443;\nconnect-src https://portal.example.org:8443;\nimg-src https://portal.example.org:8443;');
    expect(codeOf(el, 'whole')).to.include('src="https://portal.example.org:8443/embed.js"');
  });

  it('says when no module is on: the portal shows only the sign-in', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('clinica-sol', { modules: [] })));
    expect(text(el)).to.include('No module is switched on yet');
    expect([...root(el).querySelectorAll('[part=parts] code')].map((code) => code.textContent)).to.deep.equal(['<portal-login></portal-login>']);
    await expect(el).to.be.accessible();
  });

  it('shows a failure with “Try again”, which asks again', async () => {
    let attempts = 0;
    const { el, calls } = await mount(async () => {
      attempts++;
      if (attempts === 1) throw new ApiError('network_error', 0, 'offline');
      return fixtureEmbedSettings('clinica-sol');
    });
    const error = root(el).querySelector('[part=error]')!;
    expect(error.getAttribute('role')).to.equal('alert');
    expect(norm(error.textContent)).to.include('We could not reach Portico');
    await expect(el).to.be.accessible();
    error.querySelector('button')!.click();
    await settle(el);
    expect(calls).to.have.length(2);
    absent(root(el).querySelector('[part=error]'));
    expect(codeOf(el, 'whole')).to.include('clinica-sol');
  });

  it('speaks the staff member’s language (Spanish, as usted)', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('martins-castro')), { locale: 'es' });
    expect(root(el).querySelector('h2')!.textContent).to.equal('Insertar el portal en su sitio web');
    expect(text(el)).to.include('añada la dirección de su sitio en Configuración');
    expect(root(el).querySelector('[part=base]')!.getAttribute('lang')).to.equal('es');
  });

  it('fits a 320 px screen without a sideways scroll', async () => {
    const { el } = await mount(answer(fixtureEmbedSettings('clinica-sol', { embedScriptUrl: 'https://a-rather-long-portico-host-name.example.com/embed.js' })), { width: 320 });
    expect(el.scrollWidth).to.be.at.most(320);
    for (const pre of root(el).querySelectorAll('pre')) expect(pre.scrollWidth).to.be.at.most(pre.clientWidth + 1);
    await expect(el).to.be.accessible();
  });
});
