import { setCustomElementsManifest, type Decorator, type Preview, type WebComponentsRenderer } from '@storybook/web-components-vite';
import type { ArgTypesEnhancer } from 'storybook/internal/types';
import { html, nothing } from 'lit';
import { useEffect, useGlobals } from 'storybook/preview-api';
import manifest from 'virtual:custom-elements-manifest';
import type { Branding } from '../widgets/core/api-client.ts';
import { BRAND_ITEMS, brandingFor, newSeed, overrideBranding, seedOf } from './brands.ts';

// Every element's docs page lists its properties, events, parts and CSS properties from the manifest.
setCustomElementsManifest(manifest);

/** What the toolbar may change in a story's args. Stories take `locale` and `colorScheme` args (see stories/*). */
interface ToolbarArgs {
  locale?: string;
  colorScheme?: Branding['colorScheme'];
}

/**
 * Makes every story follow the toolbar: a chosen language or colour scheme wins over the story's own args (the
 * story renders with them, so its runtime, fixtures and formats follow), and a chosen brand wins over the story's
 * branding. "As in the story", the default of each, leaves the story as written.
 */
const withToolbar: Decorator = (storyFn, context) => {
  const [globals, updateGlobals] = useGlobals();
  const rolling = globals.brand === 'random';
  const seed = rolling ? newSeed() : seedOf(globals.brand);
  // "Random brand" was just chosen: record the seed, so the address and the caption name it.
  useEffect(() => {
    if (rolling && seed !== undefined) updateGlobals({ brand: `random-${seed}` });
  }, [rolling, seed]);

  const args: ToolbarArgs & Record<string, unknown> = { ...context.args };
  if (globals.locale && globals.locale !== 'story') args.locale = globals.locale;
  if (globals.scheme && globals.scheme !== 'story') args.colorScheme = globals.scheme;
  const branding = brandingFor(seed === undefined ? globals.brand : `random-${seed}`, args.colorScheme ?? 'light');
  overrideBranding(branding);
  const story = storyFn({ args });
  if (seed === undefined || !branding) return story;
  return html`<p class="storybook-brand-caption">
      Random brand, seed <strong>${seed}</strong>: primary <code>${branding.primaryColor}</code>, accent <code>${branding.accentColor}</code>,
      radius ${branding.radius}px ${rolling ? nothing : html`— <code>&amp;globals=brand:random-${seed}</code> brings it back`}
    </p>
    ${story}`;
};

/** The manifest's rows in the docs tables (the element's API), as opposed to the stories' own args. */
const MANIFEST_CATEGORIES = new Set(['properties', 'attributes', 'events', 'slots', 'css custom properties', 'css shadow parts']);

/**
 * The element's API from the manifest is documentation: no control (a story renders from its own args, so a control
 * for `navigate` or a shadow part would change nothing). A story arg of the same name keeps the story's control.
 */
const documentationOnly: ArgTypesEnhancer<WebComponentsRenderer> = ({ argTypes }) =>
  Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) => [name, argType.control === undefined && MANIFEST_CATEGORIES.has(String(argType.table?.category)) ? { ...argType, control: false } : argType]),
  );

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is checked by axe (test/storybook/stories.test.ts); the panel shows the same rules.
    a11y: { test: 'error' },
  },
  globalTypes: {
    brand: {
      description: 'The tenant branding: the story’s own, a demo tenant’s, Portico’s default, or a random one',
      toolbar: { title: 'Brand', icon: 'paintbrush', items: BRAND_ITEMS, dynamicTitle: true },
    },
    locale: {
      description: 'The language of the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'story', title: 'Language: as in the story' },
          { value: 'pt-BR', title: 'Português (Brasil)' },
          { value: 'es', title: 'Español' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    scheme: {
      description: 'Light or dark colour scheme',
      toolbar: {
        title: 'Scheme',
        icon: 'contrast',
        items: [
          { value: 'story', title: 'Scheme: as in the story' },
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { brand: 'story', locale: 'story', scheme: 'story' },
  decorators: [withToolbar],
  argTypesEnhancers: [documentationOnly],
};
export default preview;
