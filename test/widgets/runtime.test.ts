/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { fixtureTenant, memoryStorage, provideFixtureRuntime } from '../../widgets/core/fixtures.ts';
import { coreMessages, LOCALES, matchLocale, translator } from '../../widgets/core/i18n.ts';
import { formatDate, formatMoney } from '../../widgets/core/format.ts';
import { contrast, textOn, themeCss } from '../../widgets/core/theme.ts';

const rootToken = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

describe('runtime', () => {
  it("turns the tenant's branding into --portal-* tokens on the page", async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const { loaded, runtime } = provideFixtureRuntime(host, { tenant: fixtureTenant({ branding: { primaryColor: '#0b4f6c', radius: 2, fontFamily: 'Georgia, serif' } }) });
    await loaded;
    expect(runtime.runtime.tenant.status).to.equal('ready');
    expect(rootToken('--portal-color-primary')).to.equal('#0b4f6c');
    expect(rootToken('--portal-color-on-primary')).to.equal('#ffffff');
    expect(rootToken('--portal-radius')).to.equal('2px');
    expect(rootToken('--portal-font-family')).to.equal('Georgia, serif');
  });

  it('lets any rule of the host page override a token', async () => {
    const style = document.createElement('style');
    style.textContent = ':root { --portal-color-primary: #123456; }';
    document.head.append(style);
    try {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      await provideFixtureRuntime(host, { tenant: fixtureTenant() }).loaded;
      expect(rootToken('--portal-color-primary')).to.equal('#123456');
    } finally {
      style.remove();
    }
  });

  it("picks the language: the client's stored choice, then the page's, then the tenant's", async () => {
    const tenant = fixtureTenant({ locale: 'es' });
    const mountWith = async (options: Parameters<typeof provideFixtureRuntime>[2]) => {
      const host = await fixture<HTMLDivElement>(html`<div></div>`);
      const provided = provideFixtureRuntime(host, { tenant }, options);
      await provided.loaded;
      return provided.runtime.runtime.locale;
    };
    expect(await mountWith({})).to.equal('es');
    expect(await mountWith({ locale: 'en' })).to.equal('en');
    expect(await mountWith({ locale: 'en', storage: memoryStorage({ 'portico:clinica-sol:locale': 'pt-BR' }) })).to.equal('pt-BR');
  });

  it('ignores a language it does not speak', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const { runtime, loaded } = provideFixtureRuntime(host, { tenant: fixtureTenant() });
    await loaded;
    runtime.runtime.setLocale('fr' as never);
    expect(runtime.runtime.locale).to.equal('pt-BR');
  });
});

describe('theme', () => {
  it('computes WCAG contrast', () => {
    expect(contrast('#ffffff', '#000000')).to.be.closeTo(21, 0.01);
    expect(contrast('#777777', '#ffffff')).to.be.closeTo(4.48, 0.01);
  });

  it('puts readable text on any brand colour', () => {
    for (const colour of ['#ffff00', '#0b4f6c', '#c2410c', '#7fffd4', '#000000', '#ffffff', '#808080']) {
      expect(contrast(colour, textOn(colour)), colour).to.be.at.least(4.5);
    }
  });

  /** One token's value in a theme stylesheet. */
  const token = (css: string, name: string) => new RegExp(`--portal-${name}: (#[0-9a-f]{6})`).exec(css)?.[1] ?? '';

  it('follows the colour scheme: light, dark, or the reader’s preference', () => {
    const base = fixtureTenant().branding;
    expect(themeCss({ ...base, colorScheme: 'light' })).to.contain('--portal-color-surface: #ffffff');
    const dark = themeCss({ ...base, colorScheme: 'dark' });
    expect(contrast(token(dark, 'color-surface'), '#000000')).to.be.below(1.5);
    expect(contrast(token(dark, 'color-on-surface'), token(dark, 'color-surface'))).to.be.at.least(4.5);
    expect(themeCss({ ...base, colorScheme: 'auto' })).to.contain('@media (prefers-color-scheme: dark)');
  });

  it('keeps links readable: the brand colour where it has 4.5:1 on the surface, else a shade of it that has', () => {
    const base = fixtureTenant().branding;
    expect(themeCss({ ...base, primaryColor: '#0b4f6c' })).to.contain('--portal-color-link: #0b4f6c');
    const dark = themeCss({ ...base, primaryColor: '#c2410c', colorScheme: 'dark' });
    const link = token(dark, 'color-link');
    expect(link).to.not.equal('#c2410c');
    expect(contrast(link, token(dark, 'color-surface'))).to.be.at.least(4.5);
    // A shade of the brand (its red channel still leads), not the body text colour.
    expect(parseInt(link.slice(1, 3), 16)).to.be.above(parseInt(link.slice(5, 7), 16));
  });

  it('keeps the focus ring visible when the brand colour is pale', () => {
    const css = themeCss({ ...fixtureTenant().branding, primaryColor: '#fff5cc' });
    expect(contrast(token(css, 'color-focus'), token(css, 'color-surface'))).to.be.at.least(3);
  });
});

describe('i18n', () => {
  it('matches browser languages to the portal’s', () => {
    expect(matchLocale('pt-PT')).to.equal('pt-BR');
    expect(matchLocale('es-MX')).to.equal('es');
    expect(matchLocale('en-GB')).to.equal('en');
    expect(matchLocale('fr-FR')).to.equal(undefined);
  });

  it('has every core message in every language, and fills placeholders', () => {
    for (const locale of LOCALES) {
      expect(Object.keys(coreMessages[locale]).sort(), locale).to.deep.equal(Object.keys(coreMessages.en).sort());
    }
    const t = translator({ en: { hi: 'Hi {name}' }, 'pt-BR': { hi: 'Oi {name}' }, es: { hi: 'Hola {name}' } }, 'es');
    expect(t('hi', { name: 'Ana' })).to.equal('Hola Ana');
  });
});

describe('formatting through Intl', () => {
  it('formats money from minor units in the reader’s language and the tenant’s currency', () => {
    expect(formatMoney(123456, 'BRL', 'pt-BR').replace(/\s/g, ' ')).to.equal('R$ 1.234,56');
    expect(formatMoney(123456, 'EUR', 'es').replace(/\s/g, ' ')).to.equal('1234,56 €');
    expect(formatMoney(5000, 'JPY', 'en')).to.equal('¥5,000');
  });

  it('formats dates in the tenant’s time zone, not the browser’s', () => {
    const lateEvening = '2026-03-01T02:30:00Z';
    expect(formatDate(lateEvening, 'America/Sao_Paulo', 'pt-BR')).to.equal('28 de fev. de 2026');
    expect(formatDate(lateEvening, 'Europe/Madrid', 'es')).to.equal('1 mar 2026');
    expect(formatDate(lateEvening, 'Europe/Madrid', 'en', true)).to.match(/^Mar 1, 2026, 3:30\sAM$/);
  });
});
