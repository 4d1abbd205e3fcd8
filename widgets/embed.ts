/**
 * The loader: the one script a host page includes.
 *
 * ```html
 * <script type="module" src="https://portal.example.com/embed.js" data-tenant="clinica-sol"></script>
 * <portal-brand></portal-brand>
 * ```
 * It reads `data-tenant`, `data-api` (default: the server it came from) and `data-locale` from its own tag,
 * and imports each `portal-*` element's chunk only when that tag appears on the page, now or later.
 * Kept tiny on purpose: the runtime and Lit arrive with the first widget.
 */
import type { EmbedConfig } from './core/runtime.ts';
import { widgetChunks } from './registry.ts';

const LOADER_KEY = Symbol.for('portico.loader');
const scope = globalThis as typeof globalThis & { [LOADER_KEY]?: true };

function readConfig(): EmbedConfig | undefined {
  const own = [...document.querySelectorAll<HTMLScriptElement>('script[data-tenant]')];
  const tag = own.find((script) => script.src === import.meta.url) ?? own[0];
  const tenant = tag?.dataset.tenant;
  if (!tenant) return undefined;
  return { tenant, api: tag.dataset.api ?? new URL(/* @vite-ignore */ '/', import.meta.url).href, locale: tag.dataset.locale };
}

function start(config: EmbedConfig): void {
  const requested = new Set<string>();
  let runtime: Promise<unknown> | undefined;

  const load = (tag: string) => {
    if (requested.has(tag) || !(tag in widgetChunks) || customElements.get(tag)) return;
    requested.add(tag);
    // The context provider must be on the page before the first widget connects and asks for it.
    runtime ??= import('./core/runtime.ts').then(({ startRuntime }) => startRuntime(config));
    runtime.then(widgetChunks[tag]).catch((error) => console.error(`Portico: could not load <${tag}>`, error));
  };
  const scan = (root: ParentNode) => {
    if (root instanceof Element) load(root.localName);
    root.querySelectorAll(':not(:defined)').forEach((element) => load(element.localName));
  };

  scan(document);
  new MutationObserver((mutations) => {
    for (const mutation of mutations) mutation.addedNodes.forEach((node) => node instanceof Element && scan(node));
  }).observe(document.documentElement, { childList: true, subtree: true });
}

if (!scope[LOADER_KEY]) {
  const config = readConfig();
  if (!config) {
    console.error('Portico: add data-tenant="<your portal>" to the embed.js script tag');
  } else {
    scope[LOADER_KEY] = true;
    start(config);
  }
}
