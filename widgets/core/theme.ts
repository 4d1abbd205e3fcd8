import type { Branding } from './api-client.ts';

/**
 * The design tokens, in one place. Widgets style themselves only with these (and their own
 * `--portal-<widget>-*` properties that fall back to them); a host page may override any of them.
 *
 * | token | what |
 * |---|---|
 * | `--portal-color-primary` / `--portal-color-on-primary` | brand colour, and text on it |
 * | `--portal-color-accent` / `--portal-color-on-accent` | second brand colour, and text on it |
 * | `--portal-color-surface` / `--portal-color-on-surface` | widget background, and body text |
 * | `--portal-color-muted` | secondary text on the surface |
 * | `--portal-color-border` | outlines of controls and cards |
 * | `--portal-color-focus` | the keyboard focus ring |
 * | `--portal-color-link` | text links: the brand colour where it reads well on the surface (4.5:1), else body text |
 * | `--portal-color-danger` / `--portal-color-danger-surface` | error text, and its background |
 * | `--portal-radius` | corner radius |
 * | `--portal-font-family` | font stack |
 * | `--portal-space` | base spacing unit |
 */
export const DEFAULT_BRANDING: Branding = {
  logoUrl: null,
  primaryColor: '#1d4ed8',
  accentColor: '#0f766e',
  radius: 8,
  fontFamily: 'system-ui, sans-serif',
  colorScheme: 'light',
};

const LIGHT = { surface: '#ffffff', onSurface: '#1f2328', muted: '#59636e', border: '#8c959f', danger: '#b42318', dangerSurface: '#fef3f2' };
const DARK = { surface: '#16181d', onSurface: '#eef0f3', muted: '#a4adb8', border: '#6e7781', danger: '#ff8b7e', dangerSurface: '#3a1512' };

/** WCAG 2.2 relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Near-white or near-black, whichever reads better on `background`. */
export function textOn(background: string): string {
  return contrast(background, '#ffffff') >= contrast(background, '#111111') ? '#ffffff' : '#111111';
}

function declarations(branding: Branding, scheme: typeof LIGHT): string {
  const tokens: Record<string, string> = {
    'color-primary': branding.primaryColor,
    'color-on-primary': textOn(branding.primaryColor),
    'color-accent': branding.accentColor,
    'color-on-accent': textOn(branding.accentColor),
    'color-surface': scheme.surface,
    'color-on-surface': scheme.onSurface,
    'color-muted': scheme.muted,
    'color-border': scheme.border,
    // The ring must stand out from the surface (3:1, WCAG 2.4.13); a pale brand colour would not.
    'color-focus': contrast(branding.primaryColor, scheme.surface) >= 3 ? branding.primaryColor : scheme.onSurface,
    'color-link': contrast(branding.primaryColor, scheme.surface) >= 4.5 ? branding.primaryColor : scheme.onSurface,
    'color-danger': scheme.danger,
    'color-danger-surface': scheme.dangerSurface,
    radius: `${branding.radius}px`,
    'font-family': branding.fontFamily,
    space: '0.5rem',
  };
  return Object.entries(tokens)
    .map(([name, value]) => `--portal-${name}: ${value};`)
    .join(' ');
}

/**
 * The page-level stylesheet that turns branding into `--portal-*` tokens. It targets `:where(:root)`
 * (zero specificity), so any rule of the host page, even `:root { … }`, overrides it.
 */
export function themeCss(branding: Branding): string {
  const light = `:where(:root) { ${declarations(branding, LIGHT)} }`;
  const dark = `:where(:root) { ${declarations(branding, DARK)} }`;
  if (branding.colorScheme === 'dark') return dark;
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
