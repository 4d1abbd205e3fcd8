import manifest from 'virtual:custom-elements-manifest';
import { scriptLine } from '../widgets/admin/embed/snippets.ts';

/** The loader as the README and the console's embed section show it, for the demo clinic. */
const LOADER = scriptLine({ embedScriptUrl: 'https://portal.example.com/embed.js', slug: 'clinica-sol' });

/** What the manifest says about `tag` (the element's JSDoc). */
function describe(tag: string): string {
  const declaration = manifest.modules.flatMap((module) => module.declarations ?? []).find((d) => d.tagName === tag);
  if (!declaration) throw new Error(`<${tag}> is not in the Custom Elements Manifest`);
  return declaration.description ?? declaration.summary ?? '';
}

/**
 * The docs page text of a portal element: its description from the manifest, then how a business puts it on its
 * site — the loader's `<script>` and the element's tag (`markup`, when the example sets attributes).
 */
export function embedDocs(tag: string, markup = `<${tag}></${tag}>`): string {
  return [
    describe(tag),
    '### Put it on a site',
    'One script tag loads Portico from the portal’s server; each element on the page then loads on its own. ' +
      '`data-tenant` names the portal; `data-locale` (`pt-BR`, `es`, `en`) may set the language, otherwise the tenant’s default applies.',
    ['```html', LOADER, markup, '```'].join('\n'),
    'The page themes it through the `--portal-*` tokens (the tenant’s branding sets them) and, where listed below, its parts and CSS properties.',
  ].join('\n\n');
}
