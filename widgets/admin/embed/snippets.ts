import type { Module, TenantSettings } from '../admin-api.ts';

/** The element a module's single part of the portal is (as `<portal-app>` shows it, and a page may embed it alone). */
export const MODULE_TAGS: Record<Module, string> = {
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
const MODULE_ORDER = Object.keys(MODULE_TAGS) as Module[];

/** A value written inside an HTML attribute's double quotes. */
function attributeValue(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The loader's tag: where `embed.js` lives and, in `data-tenant`, which portal it shows (see `widgets/embed.ts`). */
export function scriptLine(settings: Pick<TenantSettings, 'embedScriptUrl' | 'slug'>): string {
  return `<script type="module" src="${attributeValue(settings.embedScriptUrl)}" data-tenant="${attributeValue(settings.slug)}"></script>`;
}

/** An element's tag, empty: the loader fills it. */
export function elementLine(tag: string): string {
  return `<${tag}></${tag}>`;
}

/** The whole portal: the loader, then `<portal-app>`. */
export function wholePortalSnippet(settings: Pick<TenantSettings, 'embedScriptUrl' | 'slug'>): string {
  return `${scriptLine(settings)}\n${elementLine('portal-app')}`;
}

/** The single parts a page may show: the sign-in, then each switched-on module's element, in the product's order. */
export function singlePartTags(modules: readonly Module[]): string[] {
  return ['portal-login', ...MODULE_ORDER.filter((module) => modules.includes(module)).map((module) => MODULE_TAGS[module])];
}

/** The origin Portico serves the loader from (what a host's Content-Security-Policy must allow). */
export function serverOrigin(embedScriptUrl: string): string {
  return URL.canParse(embedScriptUrl) ? new URL(embedScriptUrl).origin : embedScriptUrl;
}

/** What a host's Content-Security-Policy must allow for Portico: the loader and chunks, the API, the logos. */
export function cspSnippet(embedScriptUrl: string): string {
  const origin = serverOrigin(embedScriptUrl);
  return [`script-src ${origin};`, `connect-src ${origin};`, `img-src ${origin};`].join('\n');
}
