import type { Branding } from './api-client.ts';
import { contrast, fromHsl, mix, toHsl } from './color.ts';

export { contrast, luminance } from './color.ts';

/**
 * The design tokens, in one place. Widgets style themselves only with these (and their own
 * `--portal-<widget>-*` properties that fall back to them); a host page may override any of them.
 * `derivePalette` computes every colour from the tenant's primary and accent colours, per colour scheme.
 *
 * | token | what | guarantee (WCAG 2.2 AA) |
 * |---|---|---|
 * | `--portal-color-primary` | fill of primary buttons, selected days, the monogram: the brand colour | kept as chosen when white or near-black text reaches 4.5:1 on it, else the nearest lightness of its hue where one does |
 * | `--portal-color-on-primary` | text on `primary` and `primary-hover`: white or near-black | 4.5:1 on both |
 * | `--portal-color-primary-hover` | `primary` under the pointer or pressed, a step further from its text | |
 * | `--portal-color-primary-subtle` | a surface tinted with the brand: new or selected items, category badges | a surface (below) |
 * | `--portal-color-on-primary-subtle` | brand-coloured text on `primary-subtle` (the link shade) | 4.5:1 on every surface |
 * | `--portal-color-accent` | second brand colour, as a fill | as `primary` |
 * | `--portal-color-on-accent` | text on `accent` | 4.5:1 |
 * | `--portal-color-accent-subtle` | a surface tinted with the accent | a surface (below) |
 * | `--portal-color-surface` | widget background: white, or in dark a near-black of the brand hue | |
 * | `--portal-color-surface-raised` | a layer above the surface (dialogs, menus) | a surface (below) |
 * | `--portal-color-surface-sunken` | a well below the surface (code, inset areas) | a surface (below) |
 * | `--portal-color-on-surface` | body text: a near-black (in dark a near-white) of the brand hue | 4.5:1 on every surface |
 * | `--portal-color-muted` | secondary text | 4.5:1 on every surface |
 * | `--portal-color-border` | outlines of controls and cards | 3:1 on every surface (1.4.11) |
 * | `--portal-color-divider` | decorative lines between items, never the only outline of a control | none |
 * | `--portal-color-focus` | the keyboard focus ring, drawn 2px clear of the control | 4.5:1 on `surface`, 3:1 on every surface; 3:1 against `primary` too wherever a lightness of the brand hue allows both |
 * | `--portal-color-link` | links, and brand-coloured text or marks that carry meaning (selected tab, current page, stars, unread dot) | the brand colour when it reaches 4.5:1 on `surface`, else the nearest lightness of its hue past that; 4.5:1 on every surface |
 * | `--portal-color-success`, `--portal-color-warning`, `--portal-color-danger`, `--portal-color-info` | status text and icons, their hue turned a little toward the brand's | 4.5:1 on every surface and on their own `-surface` |
 * | `--portal-color-success-surface`, `--portal-color-warning-surface`, `--portal-color-danger-surface`, `--portal-color-info-surface` | the background of a status message | a surface (below) for `on-surface`, `muted`, `link`, `border` and `focus` |
 * | `--portal-radius` | corner radius | |
 * | `--portal-font-family` | font stack | |
 * | `--portal-space` | base spacing unit | |
 *
 * "Every surface" is `surface`, `surface-raised`, `surface-sunken`, `primary-subtle` and `accent-subtle`: each is the
 * surface tinted only as far as every text colour keeps 4.5:1 and `border` and `focus` keep 3:1 on it (a status colour
 * is not promised on another status's `-surface`). Colours are changed in lightness only, keeping their hue (HSL).
 * Where a chosen colour had to change, `derivePalette` lists it in `adjustments`, and the console tells staff.
 */
export const DEFAULT_BRANDING: Branding = {
  logoUrl: null,
  primaryColor: '#1d4ed8',
  accentColor: '#0f766e',
  radius: 8,
  fontFamily: 'system-ui, sans-serif',
  colorScheme: 'light',
};

/** Minimum contrast for text (WCAG 2.2, 1.4.3 AA). */
export const TEXT_CONTRAST = 4.5;
/** Minimum contrast for control outlines, the focus ring and marks that carry meaning (WCAG 2.2, 1.4.11). */
export const NON_TEXT_CONTRAST = 3;

/** How far past its minimum an adjusted colour aims, so that tinted backgrounds still have room beside it. */
const HEADROOM = 1.2;
const WHITE = '#ffffff';
const NEAR_BLACK = '#111111';

/** Status hues (degrees) and saturations before they are turned toward the brand's hue. */
const STATUS = { success: [140, 0.65], warning: [38, 0.92], danger: [4, 0.76], info: [212, 0.7] } as const;
const STATUS_NAMES = Object.keys(STATUS);

export type ColorScheme = 'light' | 'dark';

/** A chosen brand colour the palette could not use as it is, and what it uses instead. */
export interface Adjustment {
  /** The token (without `--portal-`) that differs from the chosen colour. */
  token: 'color-primary' | 'color-accent' | 'color-link' | 'color-focus';
  /** The colour staff chose (`#rrggbb`). */
  chosen: string;
  /** The colour the token has instead: the chosen hue at another lightness. */
  used: string;
  /** `text-on-colour`: neither white nor near-black text reads on it; `on-surface`: it does not stand out from the surface. */
  reason: 'text-on-colour' | 'on-surface';
  /** The contrast the chosen colour reaches (against its best text, or against the surface). */
  ratio: number;
  /** The contrast it needed. */
  minimum: number;
}

/** The tokens for one colour scheme (names without `--portal-`), and the chosen colours that had to change. */
export interface Palette {
  tokens: Record<string, string>;
  adjustments: Adjustment[];
}

/** Near-white or near-black, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrast(background, WHITE) >= contrast(background, NEAR_BLACK) ? WHITE : NEAR_BLACK;
}

/**
 * `colour` if it passes `ok`, else the shade of it (same hue and saturation) nearest in lightness that does, looking
 * darker (`direction` -1) or lighter (1). Luminance grows with lightness, so a bisection finds the boundary.
 */
function shade(colour: string, ok: (candidate: string) => boolean, direction: number): string {
  if (ok(colour)) return colour;
  const [hue, saturation, lightness] = toHsl(colour);
  let fail = lightness;
  let pass = direction < 0 ? 0 : 1;
  for (let step = 0; step < 20; step++) {
    const middle = (fail + pass) / 2;
    if (ok(fromHsl(hue, saturation, middle))) pass = middle;
    else fail = middle;
  }
  return fromHsl(hue, saturation, pass);
}

/** A fill for buttons: `colour` when white or near-black text reads on it, else the nearer of a darker and a lighter shade where one does. */
function fill(colour: string): string {
  if (contrast(colour, textOn(colour)) >= TEXT_CONTRAST) return colour;
  const lightness = toHsl(colour)[2];
  const darker = shade(colour, (candidate) => contrast(candidate, WHITE) >= TEXT_CONTRAST, -1);
  const lighter = shade(colour, (candidate) => contrast(candidate, NEAR_BLACK) >= TEXT_CONTRAST, 1);
  return Math.abs(toHsl(darker)[2] - lightness) <= Math.abs(toHsl(lighter)[2] - lightness) ? darker : lighter;
}

/** `fill` a step further from its text (back the other way at black or white). */
function hoverOf(fillColour: string, text: string): string {
  const [hue, saturation, lightness] = toHsl(fillColour);
  const step = text === WHITE ? -0.08 : 0.08;
  const next = fromHsl(hue, saturation, Math.min(1, Math.max(0, lightness + step)));
  return next !== fillColour && contrast(next, text) >= TEXT_CONTRAST ? next : fromHsl(hue, saturation, lightness - step);
}

/**
 * The focus ring: a lightness of the brand hue as readable on the surface as text (4.5:1, so it keeps 3:1 on tinted
 * backgrounds). Among those, the link's own colour or the nearest to it with 3:1 against the primary fill too, when
 * there is one; else the one that differs most from the fill.
 */
function focusRing(brand: string, link: string, primary: string, surface: string): string {
  const [hue, saturation] = toHsl(brand);
  const target = toHsl(link)[2];
  let best = link;
  let bestScore = contrast(link, primary) >= NON_TEXT_CONTRAST ? 100 : 0;
  for (let step = 0; step <= 500 && bestScore < 100; step++) {
    const candidate = fromHsl(hue, saturation, step / 500);
    if (contrast(candidate, surface) < TEXT_CONTRAST) continue;
    const apart = contrast(candidate, primary);
    const score = apart >= NON_TEXT_CONTRAST ? 99 - Math.abs(step / 500 - target) : apart;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

/** `hue` turned toward `brandHue` by a quarter of the way, at most 10°, less for a greyish brand. */
function harmonise(hue: number, brandHue: number, brandSaturation: number): number {
  const delta = ((brandHue - hue + 540) % 360) - 180;
  return hue + Math.sign(delta) * Math.min(Math.abs(delta) / 4, 10) * Math.min(1, brandSaturation * 5);
}

/** `amount` of `colour` mixed into `surface`, less (down to none) until `ok` holds. */
function tint(surface: string, colour: string, amount: number, ok: (candidate: string) => boolean): string {
  for (let share = amount; share > 0.001; share -= 0.01) {
    const candidate = mix(surface, colour, share);
    if (ok(candidate)) return candidate;
  }
  return surface;
}

/** Whether every one of `colours` reaches `minimum` against every one of `backgrounds`. */
function allReach(minimum: number, colours: string[], backgrounds: string[]): boolean {
  return colours.every((colour) => backgrounds.every((background) => contrast(colour, background) >= minimum));
}

/** One colour scheme's surface, and the direction (-1 darker, 1 lighter) in which colours gain contrast on it. */
interface Ground {
  surface: string;
  away: number;
  dark: boolean;
}

/** `colour` if it reads on the surface and `backgrounds`, else its nearest shade that reads with headroom. */
function readable(ground: Ground, colour: string, ...backgrounds: string[]): string {
  const all = [ground.surface, ...backgrounds];
  if (allReach(TEXT_CONTRAST, [colour], all)) return colour;
  return shade(colour, (candidate) => allReach(TEXT_CONTRAST * HEADROOM, [candidate], all), ground.away);
}

/** A background test: the `texts` keep 4.5:1 and the `marks` (border, focus ring) 3:1 on it. */
function keeps(texts: string[], marks: string[]): (background: string) => boolean {
  return (background) => allReach(TEXT_CONTRAST, texts, [background]) && allReach(NON_TEXT_CONTRAST, marks, [background]);
}

/** Success, warning, danger and info: text colours and their backgrounds, the hues turned toward the brand's. */
function statusColours(ground: Ground, brandHue: number, brandSaturation: number, keepsNeutrals: (background: string) => boolean): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const [name, [baseHue, saturation]] of Object.entries(STATUS)) {
    const hue = harmonise(baseHue, brandHue, brandSaturation);
    const background = tint(ground.surface, fromHsl(hue, saturation, 0.5), ground.dark ? 0.2 : 0.1, keepsNeutrals);
    tokens[`color-${name}`] = readable(ground, fromHsl(hue, saturation, ground.dark ? 0.72 : 0.38), background);
    tokens[`color-${name}-surface`] = background;
  }
  return tokens;
}

/**
 * The whole palette for `branding` in one colour scheme: brand fills and tints, neutrals of the brand's hue, focus
 * ring, link and status colours, each meeting its WCAG 2.2 AA contrast (see the table above), with the chosen
 * colours that had to change lightness to get there.
 */
export function derivePalette(branding: Branding, scheme: ColorScheme): Palette {
  const dark = scheme === 'dark';
  const brand = branding.primaryColor;
  const [hue, saturation] = toHsl(brand);
  const neutral = (maxSaturation: number, lightness: number) => fromHsl(hue, Math.min(saturation, maxSaturation), lightness);
  const ground: Ground = { surface: dark ? neutral(0.14, 0.1) : WHITE, away: dark ? 1 : -1, dark };
  const { surface } = ground;
  const adjustments: Adjustment[] = [];
  const adjust = (token: Adjustment['token'], chosen: string, used: string, reason: Adjustment['reason'], against: string, minimum = TEXT_CONTRAST) => {
    if (used !== chosen) adjustments.push({ token, chosen, used, reason, ratio: contrast(chosen, against), minimum });
    return used;
  };

  const onSurface = readable(ground, neutral(0.12, dark ? 0.94 : 0.13));
  const muted = readable(ground, neutral(0.1, dark ? 0.7 : 0.4));
  const border = shade(neutral(0.08, 0.52), (candidate) => contrast(candidate, surface) >= NON_TEXT_CONTRAST, ground.away);
  const primary = adjust('color-primary', brand, fill(brand), 'text-on-colour', textOn(brand));
  const accent = adjust('color-accent', branding.accentColor, fill(branding.accentColor), 'text-on-colour', textOn(branding.accentColor));
  const link = adjust('color-link', brand, readable(ground, brand), 'on-surface', surface);
  const focus = focusRing(brand, link, primary, surface);
  if (contrast(brand, surface) < NON_TEXT_CONTRAST) adjust('color-focus', brand, focus, 'on-surface', surface, NON_TEXT_CONTRAST);
  const status = statusColours(ground, hue, saturation, keeps([onSurface, muted, link], [border, focus]));
  // The other backgrounds: as tinted as they can be while everything still reads on them as on the surface.
  const quiet = keeps([onSurface, muted, link, ...STATUS_NAMES.map((name) => status[`color-${name}`]!)], [border, focus]);
  const onPrimary = textOn(primary);
  return {
    adjustments,
    tokens: {
      'color-primary': primary,
      'color-on-primary': onPrimary,
      'color-primary-hover': hoverOf(primary, onPrimary),
      'color-primary-subtle': tint(surface, primary, dark ? 0.2 : 0.12, quiet),
      'color-on-primary-subtle': link,
      'color-accent': accent,
      'color-on-accent': textOn(accent),
      'color-accent-subtle': tint(surface, accent, dark ? 0.2 : 0.12, quiet),
      'color-surface': surface,
      'color-surface-raised': dark ? tint(surface, onSurface, 0.06, quiet) : surface,
      'color-surface-sunken': tint(surface, dark ? '#000000' : onSurface, dark ? 0.3 : 0.04, quiet),
      'color-on-surface': onSurface,
      'color-muted': muted,
      'color-border': border,
      'color-divider': neutral(0.1, dark ? 0.24 : 0.9),
      'color-focus': focus,
      'color-link': link,
      ...status,
      radius: `${branding.radius}px`,
      'font-family': branding.fontFamily,
      space: '0.5rem',
    },
  };
}

function declarations(branding: Branding, scheme: ColorScheme): string {
  return Object.entries(derivePalette(branding, scheme).tokens)
    .map(([name, value]) => `--portal-${name}: ${value};`)
    .join(' ');
}

/**
 * The page-level stylesheet that turns branding into `--portal-*` tokens. It targets `:where(:root)`
 * (zero specificity), so any rule of the host page, even `:root { … }`, overrides it.
 */
export function themeCss(branding: Branding): string {
  const dark = `:where(:root) { ${declarations(branding, 'dark')} }`;
  if (branding.colorScheme === 'dark') return dark;
  const light = `:where(:root) { ${declarations(branding, 'light')} }`;
  if (branding.colorScheme === 'auto') return `${light}\n@media (prefers-color-scheme: dark) { ${dark} }`;
  return light;
}

const installed = new WeakMap<Document, CSSStyleSheet>();

/**
 * Applies branding to the document through a constructed stylesheet (allowed under a strict CSP,
 * unlike an inline `<style>`), replacing the previous branding if there was one.
 */
export function applyTheme(branding: Branding, doc: Document = document): void {
  let sheet = installed.get(doc);
  if (!sheet) {
    sheet = new CSSStyleSheet();
    installed.set(doc, sheet);
    doc.adoptedStyleSheets = [sheet, ...doc.adoptedStyleSheets];
  }
  sheet.replaceSync(themeCss(branding));
}
