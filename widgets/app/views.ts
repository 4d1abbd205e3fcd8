import { html, nothing, type TemplateResult } from 'lit';
import type { Module, PublicTenant } from '../core/api-client.ts';
import { coreMessages, type Translate } from '../core/i18n.ts';
import { appMessages, type AppMessageKey } from './messages.ts';
import { hashOf, NETWORK_NAMES, safeHttpsUrl, type Section } from './sections.ts';

export type Key = AppMessageKey | keyof (typeof coreMessages)['en'];

/** The core strings and `<portal-app>`'s own, per locale. */
export const messages = {
  en: { ...coreMessages.en, ...appMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...appMessages['pt-BR'] },
  es: { ...coreMessages.es, ...appMessages.es },
};

/** Home: a card per section the client has, each saying in one line what it is for (no counts it would have to guess). */
export function renderHome(sections: Section[], t: Translate<Key>, onLink: (event: MouseEvent, section: Section) => void): TemplateResult {
  const others = sections.filter((s): s is Module => s !== 'home');
  return html`<div part="home">
    <h2>${t('home.title')}</h2>
    <p>${t('home.intro')}</p>
    <ul part="cards">
      ${others.map(
        (section) => html`<li>
          <a part="card" href=${hashOf(section)} @click=${(event: MouseEvent) => onLink(event, section)}>
            <strong>${t(`section.${section}`)}</strong>
            <span>${t(`home.${section}`)}</span>
          </a>
        </li>`,
      )}
    </ul>
  </div>`;
}

/**
 * The footer (seed 003): the feedback button when someone is in, the business's site and social profiles — https
 * only, in a new tab that cannot reach back to the portal — and its name.
 */
export function renderFooter(tenant: PublicTenant, t: Translate<Key>, feedback: HTMLElement | undefined): TemplateResult {
  const site = safeHttpsUrl(tenant.links?.site);
  const social = (tenant.links?.social ?? []).flatMap(({ network, url }) => {
    const href = safeHttpsUrl(url);
    return href ? [{ href, label: NETWORK_NAMES[network] ?? network }] : [];
  });
  const links = [...(site ? [{ href: site, label: t('footer.site') }] : []), ...social];
  return html`<div part="footer" role="group" aria-label=${t('footer.label', { name: tenant.name })}>
    ${feedback ?? nothing}
    ${links.length
      ? html`<ul part="links" aria-label=${t('footer.links')}>
          ${links.map(
            (link) => html`<li>
              <a part="footer-link" href=${link.href} target="_blank" rel="noopener noreferrer"
                >${link.label}<span class="visually-hidden"> ${t('footer.new-tab')}</span></a
              >
            </li>`,
          )}
        </ul>`
      : nothing}
    <span part="tenant">${tenant.name}</span>
  </div>`;
}
