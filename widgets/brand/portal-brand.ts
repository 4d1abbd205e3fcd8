import { consume } from '@lit/context';
import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { portalContext, type PortalRuntime } from '../core/context.ts';
import { define } from '../core/define.ts';
import { coreMessages, errorMessage, LOCALE_NAMES, LOCALES, translator, type Locale } from '../core/i18n.ts';
import { baseStyles } from '../core/shared-styles.ts';
import { brandMessages } from './messages.ts';
import { brandStyles } from './portal-brand.styles.ts';

const messages = {
  en: { ...coreMessages.en, ...brandMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...brandMessages['pt-BR'] },
  es: { ...coreMessages.es, ...brandMessages.es },
};

/** Detail of `portal-locale-change`. */
export interface LocaleChangeDetail {
  locale: Locale;
}

/**
 * The tenant's logo and name, with the language switcher (C5); it heads the portal.
 * @summary The portal's brand and language.
 * @event portal-locale-change - the client picked another language; `detail.locale` is the new one.
 * @csspart base - the whole bar.
 * @csspart identity - the logo and the name together.
 * @csspart logo - the logo image, or the monogram when the tenant has no logo.
 * @csspart name - the tenant's name.
 * @csspart session - who is signed in, when someone is.
 * @csspart language - the language switcher with its label.
 * @csspart language-select - the language `<select>`.
 * @csspart error - the message shown when the portal cannot be loaded.
 * @csspart retry - the button that tries again.
 * @cssprop --portal-brand-logo-size - width and height of the logo (default 2.75rem).
 */
export class PortalBrand extends LitElement {
  static override styles = [baseStyles, brandStyles];

  /** Hides the language switcher (for a page that has its own). */
  @property({ type: Boolean, reflect: true, attribute: 'hide-language' }) hideLanguage = false;

  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;

  override render() {
    const locale = this.portal?.locale ?? 'pt-BR';
    const t = translator(messages, locale);
    const tenant = this.portal?.tenant ?? { status: 'loading' as const };
    if (tenant.status === 'error') {
      return html`<div part="error" role="alert" lang=${locale}>
        <span>${errorMessage(t, tenant.error.code)}</span>
        <button part="retry" type="button" @click=${this.handleRetry}>${t('retry')}</button>
      </div>`;
    }
    if (tenant.status === 'loading') {
      return html`<div part="base" aria-busy="true" lang=${locale}>
        <span part="identity">
          <span part="logo" class="placeholder pulse"></span>
          <span class="placeholder name pulse"></span>
        </span>
        <span class="visually-hidden" role="status">${t('brand.loading')}</span>
      </div>`;
    }
    const { name, branding } = tenant.tenant;
    return html`<div part="base" role="group" aria-label=${t('brand.portal', { name })} lang=${locale}>
      <span part="identity">
        ${branding.logoUrl
          ? html`<img part="logo" src=${this.portal!.api.resolveUrl(branding.logoUrl)} alt="" />`
          : html`<span part="logo" class="monogram" aria-hidden="true">${name.trim().charAt(0).toUpperCase()}</span>`}
        <span part="name">${name}</span>
      </span>
      ${this.renderSession(t)}
      ${this.hideLanguage ? nothing : this.renderLanguageSwitch(locale, t('language.label'))}
    </div>`;
  }

  protected override updated() {
    // `selected` on the options only sets the initial choice; after the reader has used the control, keep it in
    // step with the page's locale (another switcher may have changed it).
    const select = this.shadowRoot?.querySelector<HTMLSelectElement>('[part=language-select]');
    if (select && this.portal) select.value = this.portal.locale;
  }

  private renderSession(t: ReturnType<typeof translator<keyof typeof messages.en>>) {
    const session = this.portal?.session;
    if (session?.status === 'signed-in') return html`<span part="session">${t('brand.signed-in', { email: session.user.email })}</span>`;
    if (session?.status === 'quick-access') return html`<span part="session">${t('brand.process')}</span>`;
    return nothing;
  }

  private renderLanguageSwitch(current: Locale, label: string) {
    return html`<label part="language">
      <span>${label}</span>
      <select part="language-select" @change=${this.handleLocaleChange}>
        ${LOCALES.map(
          (locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === current}>${LOCALE_NAMES[locale]}</option>`,
        )}
      </select>
    </label>`;
  }

  private handleLocaleChange(event: Event) {
    const locale = (event.target as HTMLSelectElement).value as Locale;
    this.portal?.setLocale(locale);
    this.dispatchEvent(new CustomEvent<LocaleChangeDetail>('portal-locale-change', { detail: { locale }, bubbles: true, composed: true }));
  }

  private handleRetry() {
    this.portal?.reload();
  }
}

define('portal-brand', PortalBrand);

declare global {
  interface HTMLElementTagNameMap {
    'portal-brand': PortalBrand;
  }
  interface GlobalEventHandlersEventMap {
    'portal-locale-change': CustomEvent<LocaleChangeDetail>;
  }
}
