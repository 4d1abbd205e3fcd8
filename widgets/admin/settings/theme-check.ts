import type { Branding } from '../../core/api-client.ts';
import { contrast, themeCss } from '../../core/theme.ts';

/**
 * What the portal's theme (widgets/core/theme.ts) makes of a branding: its tokens per colour scheme, a stylesheet
 * for the preview box, and the contrast problems staff should hear about. Everything comes from `themeCss`, so the
 * preview and the warnings describe exactly what the portal will do.
 */

export type Scheme = 'light' | 'dark';

/** The `--portal-*` tokens (without the prefix) the portal sets for `branding` in one colour scheme. */
export function schemeTokens(branding: Branding, scheme: Scheme): Record<string, string> {
  const css = themeCss({ ...branding, colorScheme: scheme });
  return Object.fromEntries([...css.matchAll(/--portal-([\w-]+): ([^;]+);/g)].map((match) => [match[1]!, match[2]!.trim()]));
}

/** The colour schemes visitors may see. */
export function schemesOf(branding: Branding): Scheme[] {
  return branding.colorScheme === 'auto' ? ['light', 'dark'] : [branding.colorScheme];
}

/**
 * The portal's stylesheet for `branding`, aimed at the preview box instead of the page. Only ever called with
 * checked values (colours `#rrggbb`, a font stack without `;` or braces), so nothing typed can leave the rule.
 */
export function previewCss(branding: Branding, selector: string): string {
  return themeCss(branding).replaceAll(':where(:root)', `:where(${selector})`);
}

/** Below this, text is hard to read (WCAG 2.2, 1.4.3 AA for body text). */
export const READABLE = 4.5;
/** Below this, a focus ring does not stand out (WCAG 2.2, 1.4.11). */
export const VISIBLE = 3;

export type ContrastWarning =
  | { kind: 'text-on-primary'; scheme: Scheme; ratio: number; text: 'white' | 'dark' }
  | { kind: 'primary-on-surface'; scheme: Scheme; ratio: number; focusToo: boolean };

/**
 * The contrast problems of a branding: text on the primary colour (buttons) and the primary colour on the
 * background (links, the focus ring), for each scheme visitors may see. Empty when everything reads well.
 */
export function contrastWarnings(branding: Branding): ContrastWarning[] {
  const warnings: ContrastWarning[] = [];
  const primary = branding.primaryColor;
  // The text colour does not depend on the scheme: check it once.
  const onPrimary = schemeTokens(branding, 'light')['color-on-primary']!;
  const textRatio = contrast(primary, onPrimary);
  if (textRatio < READABLE) warnings.push({ kind: 'text-on-primary', scheme: 'light', ratio: textRatio, text: onPrimary === '#ffffff' ? 'white' : 'dark' });
  for (const scheme of schemesOf(branding)) {
    const surface = schemeTokens(branding, scheme)['color-surface']!;
    const ratio = contrast(primary, surface);
    if (ratio < READABLE) warnings.push({ kind: 'primary-on-surface', scheme, ratio, focusToo: ratio < VISIBLE });
  }
  return warnings;
}

/** A ratio as staff read it, rounded down (4.46 is "4.4", never "4.5", beside "below 4.5:1"). */
export function formatRatio(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.floor(ratio * 10) / 10);
}
