import type { Branding } from '../../core/api-client.ts';
import { derivePalette, luminance, TEXT_CONTRAST, themeCss, type Adjustment, type ColorScheme } from '../../core/theme.ts';

/**
 * What the portal's theme (widgets/core/theme.ts) makes of a branding: a stylesheet for the preview box, and what
 * staff should hear about the colours it had to change. Everything comes from `derivePalette`, so the preview and the
 * warnings describe exactly what the portal will do.
 */

export type Scheme = ColorScheme;

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
export const READABLE = TEXT_CONTRAST;

/** Whether the portal took a darker or a lighter shade of the chosen colour. */
export type Shade = 'darker' | 'lighter';

export type ContrastWarning =
  /** Neither white nor near-black text reads on the chosen colour: what is filled with it uses `used`. */
  | { kind: 'fill'; colour: 'primary' | 'accent'; ratio: number; used: string; shade: Shade }
  /** The primary colour does not read on the background: links use `link`, and the focus ring `focus` when it changed too. */
  | { kind: 'text'; scheme: Scheme; ratio: number; link: string; focus: string | null; shade: Shade };

function shadeOf(adjustment: Adjustment): Shade {
  return luminance(adjustment.used) < luminance(adjustment.chosen) ? 'darker' : 'lighter';
}

/**
 * The colours the portal could not use as chosen, for each scheme visitors may see, and what it uses instead.
 * A fill is the same in every scheme, so it is told once. Empty when every colour is used as chosen.
 */
export function contrastWarnings(branding: Branding): ContrastWarning[] {
  const warnings: ContrastWarning[] = [];
  for (const scheme of schemesOf(branding)) {
    const { adjustments } = derivePalette(branding, scheme);
    for (const adjustment of adjustments) {
      if (adjustment.reason === 'text-on-colour') {
        const colour = adjustment.token === 'color-primary' ? 'primary' : 'accent';
        if (!warnings.some((warning) => warning.kind === 'fill' && warning.colour === colour)) {
          warnings.push({ kind: 'fill', colour, ratio: adjustment.ratio, used: adjustment.used, shade: shadeOf(adjustment) });
        }
      } else if (adjustment.token === 'color-link') {
        const focus = adjustments.find((other) => other.token === 'color-focus')?.used ?? null;
        warnings.push({ kind: 'text', scheme, ratio: adjustment.ratio, link: adjustment.used, focus, shade: shadeOf(adjustment) });
      }
    }
  }
  return warnings;
}

/** A ratio as staff read it, rounded down (4.46 is "4.4", never "4.5", beside "below 4.5:1"). */
export function formatRatio(ratio: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(Math.floor(ratio * 10) / 10);
}
