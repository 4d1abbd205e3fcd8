import { html, nothing, type TemplateResult } from 'lit';
import { LOCALE_NAMES, LOCALES, type Locale, type Translate } from '../../core/i18n.ts';
import type { StaffMe } from '../admin-api.ts';
import type { ShellKey } from './messages.ts';
import type { ConsoleSection } from './routes.ts';

/** A section's name in the menu: from the catalogue, or (for a section added since) its id, capitalised. */
export function sectionLabel(t: Translate<ShellKey>, id: string): string {
  const key = `section.${id}`;
  const label = t(key as ShellKey);
  return label === key ? id.charAt(0).toUpperCase() + id.slice(1) : label;
}

/** What the header needs: who is in (none while signed out), the language, and "Sign out". */
export interface HeaderContext {
  t: Translate<ShellKey>;
  locale: Locale;
  me?: StaffMe;
  signingOut: boolean;
  signOutError: string;
  onLocale: (event: Event) => void;
  onSignOut: () => void;
}

/** The header: the business's name (the console's while signed out), who is in, the language select, "Sign out". */
export function renderHeader(c: HeaderContext): TemplateResult {
  const { t, me } = c;
  return html`<header part="header">
    <div part="brand">
      ${me ? html`<p class="product">${t('console')}</p>` : nothing}
      <h1>${me ? me.tenant.name : t('console')}</h1>
    </div>
    <div part="tools">
      ${me
        ? html`<p part="me"><span class="visually-hidden">${t('me.label')}: </span>${t('me.role', { name: me.name, role: t(`role.${me.role}`) })}</p>`
        : nothing}
      <label part="language"
        >${t('language')}
        <select @change=${c.onLocale}>
          ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === c.locale}>${LOCALE_NAMES[locale]}</option>`)}
        </select>
      </label>
      ${me
        ? html`<button part="sign-out" class="secondary" type="button" aria-disabled=${c.signingOut ? 'true' : 'false'} @click=${c.onSignOut}>
            ${c.signingOut ? t('signing-out') : t('sign-out')}
          </button>`
        : nothing}
    </div>
    ${c.signOutError ? html`<p part="error" role="alert">${c.signOutError}</p>` : nothing}
  </header>`;
}

/** What the menu needs. */
export interface NavContext {
  t: Translate<ShellKey>;
  sections: readonly ConsoleSection[];
  current?: ConsoleSection;
  narrow: boolean;
  open: boolean;
  onToggle: () => void;
  onPick: () => void;
  onKeydown: (event: KeyboardEvent) => void;
}

/** The menu of the sections the member may open: plain hash links, so the back button and new tabs work. */
export function renderNav(c: NavContext): TemplateResult {
  const { t } = c;
  return html`<nav part="nav" aria-label=${t('nav.label')} @keydown=${c.onKeydown}>
    ${c.narrow
      ? html`<button part="nav-toggle" type="button" aria-expanded=${c.open ? 'true' : 'false'} aria-controls="menu" @click=${c.onToggle}>${t('nav.toggle')}</button>`
      : nothing}
    <ul id="menu" part="nav-list" ?hidden=${c.narrow && !c.open}>
      ${c.sections.map(
        (section) => html`<li>
          <a part="nav-link" href=${`#${section.id}`} aria-current=${section === c.current ? 'page' : nothing} @click=${c.onPick}
            >${sectionLabel(t, section.id)}</a
          >
        </li>`,
      )}
    </ul>
  </nav>`;
}

/** A section whose chunk is loading, or failed to load (with "Try again"). */
export function renderSectionState(t: Translate<ShellKey>, status: 'loading' | 'error', label: string, onRetry: () => void): TemplateResult {
  if (status === 'loading') {
    return html`<div aria-busy="true"><p part="status" role="status">${t('section.loading', { section: label })}</p></div>`;
  }
  return html`<div part="error" role="alert" tabindex="-1">
    <p>${t('section.error')}</p>
    <button type="button" class="secondary" @click=${onRetry}>${t('retry')}</button>
  </div>`;
}

/** Opening the console: the session resumes. */
export function renderStarting(t: Translate<ShellKey>): TemplateResult {
  return html`<main part="main" aria-busy="true"><p part="status" role="status">${t('starting')}</p></main>`;
}

/** The server could not be reached when the console opened. */
export function renderStartError(t: Translate<ShellKey>, onRetry: () => void): TemplateResult {
  return html`<main part="main">
    <div part="error" role="alert">
      <p>${t('start.error')}</p>
      <button type="button" class="secondary" @click=${onRetry}>${t('retry')}</button>
    </div>
  </main>`;
}
