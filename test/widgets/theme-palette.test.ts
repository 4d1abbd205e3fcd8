import { expect } from '@open-wc/testing';
import { DEMO_BRANDING } from '../../demo/tenants.ts';
import type { Branding } from '../../widgets/core/api-client.ts';
import { toHsl } from '../../widgets/core/color.ts';
import { contrast, DEFAULT_BRANDING, derivePalette, luminance, themeCss, type ColorScheme } from '../../widgets/core/theme.ts';

/** mulberry32: a seeded PRNG, so a failing colour comes back on the next run. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 14;
const random = prng(SEED);
const randomColour = () => `#${Math.floor(random() * 0x1000000).toString(16).padStart(6, '0')}`;

const EDGES = ['#ffffff', '#000000', '#ffff00', '#00ff00', '#0000ff', '#ff0000', '#00ffff', '#ff00ff', '#111111', '#767676', '#777777', '#808080', '#bbbbbb', '#eeeeee', '#1d4ed8', '#0f766e'];
const DEMOS = Object.values(DEMO_BRANDING).map((brand) => [brand.primaryColor, brand.accentColor] as const);
/** Primary and accent pairs: every edge case against a neighbour and against itself, the demo tenants, and 300 random brands. */
const BRANDS: (readonly [string, string])[] = [
  ...EDGES.map((colour, index) => [colour, EDGES[(index + 1) % EDGES.length]!] as const),
  ...EDGES.map((colour) => [colour, colour] as const),
  ...DEMOS,
  ...Array.from({ length: 300 }, () => [randomColour(), randomColour()] as const),
];

const SURFACES = ['surface', 'surface-raised', 'surface-sunken', 'primary-subtle', 'accent-subtle'];
const STATUSES = ['success', 'warning', 'danger', 'info'];
const STATUS_SURFACES = STATUSES.map((status) => `${status}-surface`);

/** Every text/background and mark/background pair the widgets use, with the contrast it needs. */
function pairs(): [string, string, number][] {
  const list: [string, string, number][] = [
    ['on-primary', 'primary', 4.5],
    ['on-primary', 'primary-hover', 4.5],
    ['on-accent', 'accent', 4.5],
  ];
  for (const background of [...SURFACES, ...STATUS_SURFACES]) {
    for (const text of ['on-surface', 'muted', 'link']) list.push([text, background, 4.5]);
    for (const mark of ['border', 'focus']) list.push([mark, background, 3]);
  }
  for (const background of SURFACES) list.push(['on-primary-subtle', background, 4.5]);
  for (const status of STATUSES) {
    for (const background of [...SURFACES, `${status}-surface`]) list.push([status, background, 4.5]);
  }
  list.push(['focus', 'surface', 4.5]);
  return list;
}

function brand(primaryColor: string, accentColor: string): Branding {
  return { ...DEFAULT_BRANDING, primaryColor, accentColor };
}

/** Whether some luminance gives a focus ring 4.5:1 on the surface and 3:1 against the primary fill (with a margin for rounding). */
function ringCanClearTheButton(surface: string, primary: string): boolean {
  const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  const [onSurface, onPrimary] = [luminance(surface), luminance(primary)];
  for (let value = 0; value <= 1; value += 0.0005) {
    if (ratio(value, onSurface) >= 4.5 * 1.02 && ratio(value, onPrimary) >= 3 * 1.02) return true;
  }
  return false;
}

function hueDistance(a: string, b: string): number {
  const delta = Math.abs(toHsl(a)[0] - toHsl(b)[0]) % 360;
  return Math.min(delta, 360 - delta);
}

/** What is wrong with the palette of one brand in one scheme, in words (empty when nothing is). */
function problems(primary: string, accent: string, scheme: ColorScheme): string[] {
  const { tokens, adjustments } = derivePalette(brand(primary, accent), scheme);
  const found: string[] = [];
  const where = `${primary}/${accent} ${scheme}`;
  for (const [foreground, background, minimum] of pairs()) {
    const ratio = contrast(tokens[`color-${foreground}`]!, tokens[`color-${background}`]!);
    if (!(ratio >= minimum)) found.push(`${where}: ${foreground} on ${background} is ${ratio.toFixed(2)}:1, needs ${minimum}:1`);
  }
  if (ringCanClearTheButton(tokens['color-surface']!, tokens['color-primary']!) && contrast(tokens['color-focus']!, tokens['color-primary']!) < 3) {
    found.push(`${where}: the focus ring ${tokens['color-focus']} does not stand out from the button ${tokens['color-primary']} though a shade could`);
  }
  // No needless adjustment: a colour that already passes is used as chosen.
  const fills = { 'color-primary': primary, 'color-accent': accent };
  for (const [token, chosen] of Object.entries(fills)) {
    const readsOnIt = Math.max(contrast(chosen, '#ffffff'), contrast(chosen, '#111111')) >= 4.5;
    if (readsOnIt && tokens[token] !== chosen) found.push(`${where}: ${token} became ${tokens[token]} though text reads on ${chosen}`);
  }
  if (contrast(primary, tokens['color-surface']!) >= 4.5 && tokens['color-link'] !== primary) found.push(`${where}: the link became ${tokens['color-link']} though ${primary} reads on the surface`);
  // Every change is reported, and every report is a change the tokens really carry, in the chosen hue.
  const reported = new Set(adjustments.map((adjustment) => adjustment.token));
  for (const token of ['color-primary', 'color-accent', 'color-link'] as const) {
    const chosen = token === 'color-accent' ? accent : primary;
    if (tokens[token] !== chosen && !reported.has(token)) found.push(`${where}: ${token} changed from ${chosen} to ${tokens[token]} without an adjustment`);
  }
  for (const adjustment of adjustments) {
    if (tokens[adjustment.token] !== adjustment.used || adjustment.used === adjustment.chosen) found.push(`${where}: adjustment ${JSON.stringify(adjustment)} does not match the tokens`);
    if (!(adjustment.ratio < adjustment.minimum)) found.push(`${where}: ${adjustment.token} was adjusted though ${adjustment.chosen} reaches ${adjustment.ratio.toFixed(2)}:1`);
    const [, saturation, lightness] = toHsl(adjustment.used);
    const colourful = saturation * (1 - Math.abs(2 * lightness - 1)) > 0.1 && toHsl(adjustment.chosen)[1] > 0.1;
    if (colourful && hueDistance(adjustment.used, adjustment.chosen) > 6) found.push(`${where}: ${adjustment.token} ${adjustment.used} left the hue of ${adjustment.chosen}`);
  }
  return found;
}

describe(`derivePalette: any brand colour gives a readable palette (seed ${SEED}, ${BRANDS.length} brands)`, () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`meets every WCAG 2.2 AA ratio the widgets rely on, in ${scheme}, and changes only colours that fail`, () => {
      const found = BRANDS.flatMap(([primary, accent]) => problems(primary, accent, scheme));
      expect(found).to.deep.equal([]);
    });
  }

  it('keeps colours that read well exactly as chosen: the demo tenants in light need no adjustment', () => {
    for (const demo of Object.values(DEMO_BRANDING)) {
      const palette = derivePalette({ ...demo }, 'light');
      expect(palette.adjustments, demo.primaryColor).to.deep.equal([]);
      expect(palette.tokens['color-primary']).to.equal(demo.primaryColor);
      expect(palette.tokens['color-link']).to.equal(demo.primaryColor);
      expect(palette.tokens['color-accent']).to.equal(demo.accentColor);
    }
  });

  it('darkens pure yellow for links and the focus ring on white, keeps it on buttons with dark text, and says so', () => {
    const { tokens, adjustments } = derivePalette(brand('#ffff00', '#0f766e'), 'light');
    expect(tokens['color-primary']).to.equal('#ffff00');
    expect(tokens['color-on-primary']).to.equal('#111111');
    const link = tokens['color-link']!;
    expect(toHsl(link)[0]).to.be.closeTo(60, 1);
    expect(contrast(link, '#ffffff')).to.be.at.least(4.5);
    expect(adjustments.map(({ token, reason }) => [token, reason])).to.deep.equal([
      ['color-link', 'on-surface'],
      ['color-focus', 'on-surface'],
    ]);
    expect(adjustments[0]).to.include({ chosen: '#ffff00', used: link, minimum: 4.5 });
  });

  it('gives a fill on which neither white nor near-black reads a shade of its hue where one does, and reports it', () => {
    // Sea green sits where white (4.25:1) and near-black (4.45:1) both fall short of 4.5:1.
    const chosen = '#2e8b57';
    expect(Math.max(contrast(chosen, '#ffffff'), contrast(chosen, '#111111'))).to.be.below(4.5);
    const { tokens, adjustments } = derivePalette(brand(chosen, chosen), 'light');
    expect(contrast(tokens['color-primary']!, tokens['color-on-primary']!)).to.be.at.least(4.5);
    expect(hueDistance(tokens['color-primary']!, chosen)).to.be.below(3);
    expect(adjustments.filter((adjustment) => adjustment.reason === 'text-on-colour').map((adjustment) => adjustment.token)).to.deep.equal(['color-primary', 'color-accent']);
  });
});

describe('themeCss and the token table', () => {
  /**
   * The table in theme.ts's doc comment, as written. The dev server compiles `.ts` (dropping comments) when the path
   * ends in `.ts`; an escaped last letter reaches the same file unprocessed.
   */
  async function documentedTokens(): Promise<string[]> {
    const source = await (await fetch('/widgets/core/theme.t%73')).text();
    const doc = source.slice(source.indexOf('/**'), source.indexOf('*/'));
    expect(doc, 'the doc comment of theme.ts').to.contain('| token |');
    return [...new Set([...doc.matchAll(/`(--portal-[a-z-]+)`/g)].map((match) => match[1]!))];
  }

  it('sets every documented token, and documents every token it sets, in light, dark and auto', async () => {
    const documented = await documentedTokens();
    expect(documented.length).to.be.at.least(25);
    for (const colorScheme of ['light', 'dark', 'auto'] as const) {
      const css = themeCss({ ...DEFAULT_BRANDING, colorScheme });
      const set = [...new Set([...css.matchAll(/(--portal-[a-z-]+):/g)].map((match) => match[1]!))];
      expect([...set].sort(), colorScheme).to.deep.equal([...documented].sort());
    }
  });

  it('writes the light palette, then the dark one under prefers-color-scheme for auto', () => {
    const branding = { ...DEFAULT_BRANDING, primaryColor: '#0b4f6c' };
    const light = derivePalette(branding, 'light').tokens;
    const dark = derivePalette(branding, 'dark').tokens;
    const css = themeCss({ ...branding, colorScheme: 'auto' });
    const [before, after] = css.split('@media (prefers-color-scheme: dark)') as [string, string];
    expect(before).to.contain(`--portal-color-link: ${light['color-link']};`);
    expect(after).to.contain(`--portal-color-link: ${dark['color-link']};`);
    expect(light['color-link']).to.not.equal(dark['color-link']);
  });
});
