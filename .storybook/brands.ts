import { DEMO_BRANDING } from '../demo/tenants.ts';
import type { Branding } from '../widgets/core/api-client.ts';
import { DEFAULT_BRANDING, themeCss } from '../widgets/core/theme.ts';

/**
 * The toolbar's brand choice: the story's own branding, a preset, or a random brand. A random brand is
 * `random-<seed>`: its colours follow from the seed alone, so the address (`&globals=brand:random-4711`) brings the
 * same brand back, and choosing "Random brand" again rolls a new seed.
 */
export type BrandChoice = 'story' | 'portico' | keyof typeof DEMO_BRANDING | 'random' | `random-${number}`;

/** The toolbar's entries. */
export const BRAND_ITEMS: { value: BrandChoice; title: string }[] = [
  { value: 'story', title: 'Brand: as in the story' },
  { value: 'portico', title: 'Portico default' },
  { value: 'clinica-sol', title: 'Clínica Sol' },
  { value: 'martins-castro', title: 'Martins Castro' },
  { value: 'random', title: 'Random brand (new seed)' },
];

/** A new seed for "Random brand". */
export function newSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}

/** The seed of a `random-<seed>` choice, if it is one. */
export function seedOf(choice: string | undefined): number | undefined {
  const match = /^random-(\d+)$/.exec(choice ?? '');
  return match ? Number(match[1]) : undefined;
}

/** mulberry32: a tiny seeded generator, so one seed always gives the same brand. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Any colour of the sRGB cube, pale yellows and near-blacks included: the theme must cope with all of them. */
function randomColour(next: () => number): string {
  return `#${[0, 0, 0].map(() => Math.floor(next() * 256).toString(16).padStart(2, '0')).join('')}`;
}

/** The brand a seed stands for: random primary and accent colours, a random corner radius. */
export function randomBranding(seed: number): Branding {
  const next = generator(seed);
  return { ...DEFAULT_BRANDING, primaryColor: randomColour(next), accentColor: randomColour(next), radius: Math.floor(next() * 17) };
}

/** The branding a choice stands for, in `colorScheme`; undefined when the story keeps its own. */
export function brandingFor(choice: string | undefined, colorScheme: Branding['colorScheme']): Branding | undefined {
  const seed = seedOf(choice);
  if (seed !== undefined) return { ...randomBranding(seed), colorScheme };
  if (choice === 'portico') return { ...DEFAULT_BRANDING, colorScheme };
  if (choice === 'clinica-sol' || choice === 'martins-castro') return { ...DEMO_BRANDING[choice], colorScheme };
  return undefined;
}

const OVERRIDE_ID = 'storybook-brand-override';
const overrides = new WeakMap<Document, CSSStyleSheet>();

/** A rule of the theme's stylesheet, made to win over the same rule from `applyTheme()` whenever either runs. */
function boosted(rule: CSSRule): string {
  // `:not(#id)` matches the same elements with an id's specificity, whatever selectors the theme uses.
  if (rule instanceof CSSStyleRule) return `:is(${rule.selectorText}):not(#${OVERRIDE_ID}) { ${rule.style.cssText} }`;
  if (rule instanceof CSSMediaRule) return `@media ${rule.conditionText} { ${[...rule.cssRules].map(boosted).join('\n')} }`;
  if (rule instanceof CSSSupportsRule) return `@supports ${rule.conditionText} { ${[...rule.cssRules].map(boosted).join('\n')} }`;
  return rule.cssText;
}

/**
 * Shows `branding` instead of the story's own: the theme's own stylesheet (`themeCss`), with every rule made more
 * specific, so it wins over what the story's runtime applies — now or later, when its tenant loads. `undefined`
 * removes it.
 */
export function overrideBranding(branding: Branding | undefined, doc: Document = document): void {
  let sheet = overrides.get(doc);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    overrides.set(doc, sheet);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  }
  if (!branding) return sheet.replaceSync('');
  const theme = new CSSStyleSheet();
  theme.replaceSync(themeCss(branding));
  sheet.replaceSync([...theme.cssRules].map(boosted).join('\n'));
}
