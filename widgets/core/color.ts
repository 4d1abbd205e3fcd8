/**
 * The colour math behind the theme, on `#rrggbb` strings: WCAG 2.2 contrast, HSL (to change a colour's lightness
 * and keep its hue) and sRGB mixing (as CSS `color-mix(in srgb, …)`). Hand-written and small: it ships in the widget
 * bundle.
 */

/** The red, green and blue channels (0–255) of a `#rrggbb` colour. */
export function channels(hex: string): number[] {
  return [1, 3, 5].map((offset) => parseInt(hex.slice(offset, offset + 2), 16));
}

/** A `#rrggbb` colour from channels (0–255), rounded and clamped. */
export function toHex(rgb: number[]): string {
  return `#${rgb.map((value) => Math.round(Math.min(255, Math.max(0, value))).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.2 relative luminance of a `#rrggbb` colour (0 black to 1 white). */
export function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((value) => {
    const v = value / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio between two `#rrggbb` colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Hue (degrees), saturation and lightness (0–1) of a `#rrggbb` colour. */
export function toHsl(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex).map((value) => value / 255) as [number, number, number];
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const lightness = (max + min) / 2;
  const range = max - min;
  if (!range) return [0, 0, lightness];
  const hue = max === r ? ((g - b) / range + 6) % 6 : max === g ? (b - r) / range + 2 : (r - g) / range + 4;
  return [hue * 60, Math.min(1, range / (1 - Math.abs(2 * lightness - 1))), lightness];
}

/**
 * A `#rrggbb` colour from hue (degrees), saturation and lightness (0–1). For a fixed hue and saturation every
 * channel grows with the lightness, so luminance does too: a search on lightness is a search on contrast.
 */
export function fromHsl(hue: number, saturation: number, lightness: number): string {
  const h = ((hue % 360) + 360) % 360;
  const amount = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + h / 30) % 12;
    return (lightness - amount * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255;
  };
  return toHex([channel(0), channel(8), channel(4)]);
}

/** `amount` (0–1) of `b` mixed into `a`, as CSS `color-mix(in srgb, b amount, a)`. */
export function mix(a: string, b: string, amount: number): string {
  const to = channels(b);
  return toHex(channels(a).map((value, index) => value + (to[index]! - value) * amount));
}
