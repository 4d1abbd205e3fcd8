/// <reference types="mocha" />
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../widgets/brand/portal-brand.ts';
import type { PortalBrand } from '../../widgets/brand/portal-brand.ts';
import { fixtureTenant, memoryStorage, provideFixtureRuntime, type FixtureTenantAnswer } from '../../widgets/core/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';

async function mount(answer: FixtureTenantAnswer, options: { locale?: Locale; storage?: ReturnType<typeof memoryStorage>; attributes?: string } = {}) {
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  const provided = provideFixtureRuntime(wrapper, answer, options);
  const el = document.createElement('portal-brand') as PortalBrand;
  if (options.attributes) el.setAttribute(options.attributes, '');
  wrapper.append(el);
  if (answer !== 'pending') await provided.loaded;
  await el.updateComplete;
  return { el, wrapper, ...provided };
}

const part = (el: PortalBrand, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);

describe('<portal-brand>', () => {
  it('while the portal loads, says so to screen readers and shows a placeholder', async () => {
    const { el } = await mount('pending', { locale: 'pt-BR' });
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(el.shadowRoot!.querySelector('[role=status]')!.textContent).to.equal('Carregando o portal…');
    expect(part(el, 'name')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it("shows the tenant's name, a monogram when there is no logo, and the language switcher", async () => {
    const { el } = await mount({ tenant: fixtureTenant() });
    expect(part(el, 'name')!.textContent).to.equal('Clínica Sol');
    expect(part(el, 'logo')!.textContent).to.equal('C');
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Portal do cliente Clínica Sol');
    expect(part(el, 'language')!.textContent).to.contain('Idioma');
    expect((part(el, 'language-select') as HTMLSelectElement)).to.have.property('value', 'pt-BR');
    await expect(el).to.be.accessible();
  });

  it('shows the logo from the tenant record, decorative since the name is beside it', async () => {
    const { el } = await mount({ tenant: fixtureTenant({ branding: { logoUrl: '/demo/clinica-sol/logo.svg' } }) });
    const logo = part(el, 'logo') as HTMLImageElement;
    expect(logo.tagName).to.equal('IMG');
    expect(logo.getAttribute('src')).to.equal('https://portal.example.com/demo/clinica-sol/logo.svg');
    expect(logo.getAttribute('alt')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it("speaks the tenant's default language when nobody chose one", async () => {
    const { el } = await mount({ tenant: fixtureTenant({ name: 'Martins Castro', locale: 'en' }) });
    expect(part(el, 'language')!.textContent).to.contain('Language');
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Martins Castro client portal');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
  });

  it('switches the whole page to another language from the keyboard, and remembers it', async () => {
    const storage = memoryStorage();
    const { el, runtime } = await mount({ tenant: fixtureTenant() }, { storage });
    const select = part(el, 'language-select') as HTMLSelectElement;
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement).to.equal(select);
    const changed = oneEvent(el, 'portal-locale-change');
    await sendKeys({ press: 'ArrowDown' });
    const event = await changed;
    expect(event.detail.locale).to.equal('es');
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;
    expect(runtime.runtime.locale).to.equal('es');
    expect(part(el, 'base')!.getAttribute('aria-label')).to.equal('Portal de clientes de Clínica Sol');
    expect(storage.getItem('portico:clinica-sol:locale')).to.equal('es');
    await expect(el).to.be.accessible();
  });

  it('can leave the language to the page', async () => {
    const { el } = await mount({ tenant: fixtureTenant() }, { attributes: 'hide-language' });
    expect(part(el, 'language')).to.equal(null);
    expect(el.hideLanguage).to.equal(true);
  });

  it('explains an unknown portal in the reader’s language, and can try again', async () => {
    const { el, api } = await mount({ error: 'tenant_not_found' }, { locale: 'es' });
    const alert = part(el, 'error')!;
    expect(alert.getAttribute('role')).to.equal('alert');
    expect(alert.textContent).to.contain('Este portal no está disponible');
    await expect(el).to.be.accessible();

    api.answer = { tenant: fixtureTenant() };
    part(el, 'retry')!.click();
    await new Promise((resolve) => setTimeout(resolve));
    await el.updateComplete;
    expect(api.calls).to.equal(2);
    expect(part(el, 'name')!.textContent).to.equal('Clínica Sol');
  });

  it('tells a network failure apart from a missing portal', async () => {
    const { el } = await mount({ error: 'network_error' }, { locale: 'en' });
    expect(part(el, 'error')!.textContent).to.contain('could not reach the portal');
  });

  it('falls back to a generic message for a code it does not know', async () => {
    const { el } = await mount({ error: 'something_new' }, { locale: 'pt-BR' });
    expect(part(el, 'error')!.textContent).to.contain('Algo deu errado');
  });

  it('fits a 320 px phone screen without scrolling sideways', async () => {
    const { el, wrapper } = await mount({ tenant: fixtureTenant({ name: 'Clínica Sol Medicina e Segurança do Trabalho Ltda.' }) });
    wrapper.style.width = '320px';
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    expect(part(el, 'language-select')!.getBoundingClientRect().right).to.be.at.most(wrapper.getBoundingClientRect().right + 0.5);
  });

  it('is styled by the tenant tokens, which the host page can override', async () => {
    const { el, wrapper } = await mount({ tenant: fixtureTenant({ branding: { primaryColor: '#0b4f6c' } }) });
    expect(getComputedStyle(part(el, 'base')!).borderBottomColor).to.equal('rgb(11, 79, 108)');
    wrapper.style.setProperty('--portal-color-primary', '#00ff00');
    expect(getComputedStyle(part(el, 'base')!).borderBottomColor).to.equal('rgb(0, 255, 0)');
  });
});
