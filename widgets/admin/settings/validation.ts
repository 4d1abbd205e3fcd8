/**
 * The settings form's client-side checks. They mirror the server's rules (server/features/tenants/schemas.ts and
 * server/features/admin/schemas.ts), so staff hear about a mistake before saving; the server checks again.
 */

/** A colour as the server stores it: `#rrggbb`, lower case. */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/;

/** `#RRGGBB`, `rrggbb` or ` #rrggbb ` as the server wants it, or undefined when it is no such colour. */
export function normaliseColour(value: string): string | undefined {
  const trimmed = value.trim().toLowerCase();
  const withHash = trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
  return HEX_COLOUR.test(withHash) ? withHash : undefined;
}

const FONT_NAME = `(?:[A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*|'[A-Za-z0-9 -]+'|"[A-Za-z0-9 -]+")`;
/** A CSS font stack that cannot end its declaration early: the server's `FONT_STACK`, character for character. */
export const FONT_STACK = new RegExp(`^${FONT_NAME}(?: *, *${FONT_NAME})*$`);

/** Whether `value` is a font stack the server accepts (at most 200 characters). */
export function isFontStack(value: string): boolean {
  return value.length <= 200 && FONT_STACK.test(value);
}

/** Font stacks every device has something for; anything else is typed as "another font". */
export const FONT_PRESETS = [
  'system-ui, sans-serif',
  "'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  'Verdana, Geneva, sans-serif',
  'Georgia, serif',
  "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, serif",
] as const;

/** An embed origin as the server stores it: trimmed, lower case, without a trailing slash. */
export function normaliseOrigin(value: string): string {
  return value.trim().toLowerCase().replace(/\/+$/, '');
}

const ORIGIN = /^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1']);

/**
 * Whether `origin` (normalised) may embed the widgets: `https://host[:port]` exactly as the browser sends it in
 * the `Origin` header. Plain `http://` only for the developer's own machine (localhost), as a live site must be https.
 */
export function isEmbedOrigin(origin: string): boolean {
  if (origin.length > 200 || !ORIGIN.test(origin) || !URL.canParse(origin)) return false;
  const url = new URL(origin);
  if (url.origin !== origin) return false;
  return url.protocol === 'https:' || LOCAL_HOSTS.has(url.hostname);
}

/** Whether `value` is a portal address the server accepts: an http(s) URL of at most 2048 characters. */
export function isPortalUrl(value: string): boolean {
  if (value.length > 2048 || !URL.canParse(value)) return false;
  const { protocol, hostname } = new URL(value);
  return (protocol === 'https:' || protocol === 'http:') && hostname !== '';
}

/** The largest logo the server keeps (server/features/tenants/routes-logo.ts). */
export const MAX_LOGO_BYTES = 256 * 1024;

/** What is wrong with a chosen logo file, if anything: not a PNG or JPEG, or too big. */
export function logoProblem(file: File): 'logo-type' | 'logo-size' | undefined {
  if (file.type !== 'image/png' && file.type !== 'image/jpeg') return 'logo-type';
  if (file.size > MAX_LOGO_BYTES) return 'logo-size';
  return undefined;
}

/** A whole number within bounds, from a form field; undefined when it is not one. */
export function wholeNumber(value: string, min: number, max: number): number | undefined {
  if (!/^\s*\d+\s*$/.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}
