import type { Module } from '../core/api-client.ts';
import { widgetChunks } from '../registry.ts';

/** A section of `<portal-app>`: the home dashboard, or one module's element. */
export type Section = 'home' | Module;

/** The menu's order (G2): home first, then the modules as the product lists them. */
export const SECTION_ORDER: readonly Section[] = ['home', 'billing', 'processes', 'documents', 'appointments', 'requests', 'profile', 'news', 'materials', 'campaigns'];

/** The element each module's section shows: the same one a business could embed alone. */
export const SECTION_TAGS: Record<Module, string> = {
  billing: 'portal-billing',
  processes: 'portal-process-tracker',
  documents: 'portal-documents',
  appointments: 'portal-appointments',
  requests: 'portal-requests',
  profile: 'portal-profile',
  news: 'portal-news',
  materials: 'portal-materials',
  campaigns: 'portal-campaigns',
};

/** The modules a quick-access session (A8) may see at most. */
export const QUICK_ACCESS_SECTIONS: readonly Section[] = ['processes', 'news'];

/** A place in the portal named by the URL hash: `#billing`, `#processes/<id>`. */
export interface Route {
  section: string;
  /** What follows the section's name (`#processes/<id>`: the process id), if anything. */
  id?: string;
}

/**
 * The route a hash names, or undefined for a hash that is not the portal's: other widgets' (`#portico-link=…`,
 * `#portico-request=…`) carry `=`, and an anchor of the host page (`#contact`) names an element of its document.
 */
export function routeOf(hash: string, doc: Document = document): Route | undefined {
  const match = /^#([a-z]{2,20})(?:\/([\w-]{1,100}))?$/.exec(hash);
  if (!match) return undefined;
  const section = match[1]!;
  if (!SECTION_ORDER.includes(section as Section) && doc.getElementById(section)) return undefined;
  return match[2] ? { section, id: match[2] } : { section };
}

/** The hash that names `section` (and an item in it). */
export function hashOf(section: Section, id?: string): string {
  return id ? `#${section}/${encodeURIComponent(id)}` : `#${section}`;
}

/** The enabled sections in menu order: home (unless `withHome` is false) and the listed modules the menu knows. */
export function sectionsOf(modules: readonly string[], withHome = true): Section[] {
  return SECTION_ORDER.filter((section) => (section === 'home' ? withHome : modules.includes(section)));
}

/**
 * Makes sure the element behind `tag` is defined. The loader watches the page's light DOM only, so tags inside
 * `<portal-app>`'s shadow root are loaded here, through the same registry. A tag the registry does not know (yet)
 * stays an unknown element: nothing shows, nothing breaks.
 */
export function ensureElement(tag: string): Promise<unknown> {
  if (customElements.get(tag) || !(tag in widgetChunks)) return Promise.resolve();
  return widgetChunks[tag]!().catch((error) => console.error(`Portico: could not load <${tag}>`, error));
}

/** An https address (the only kind a footer link may have), or undefined. */
export function safeHttpsUrl(value: string | null | undefined): string | undefined {
  if (!value || !URL.canParse(value)) return undefined;
  const url = new URL(value);
  return url.protocol === 'https:' ? url.href : undefined;
}

/** Social networks' names as their own brands write them (not translated). */
export const NETWORK_NAMES: Record<string, string> = {
  instagram: 'Instagram',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
  youtube: 'YouTube',
  x: 'X',
  whatsapp: 'WhatsApp',
  tiktok: 'TikTok',
};
