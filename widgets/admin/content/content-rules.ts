import type { Locale } from '../../core/i18n.ts';
import type { ContentCampaign, ContentNews } from './content-client.ts';

/**
 * The rules the console checks before it asks the server, mirroring `server/features/content/schemas.ts` and its
 * upload limits, so a mistake is explained beside its field at once — and the conversions between the browser's
 * date fields and what the server stores.
 */

/** A key: 1 to 60 lower-case letters, digits and hyphens, starting with a letter or digit. */
export const KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;
export const MAX_KEY_LENGTH = 60;

/** The largest image of a news item or campaign, and the kinds accepted. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
/** The largest file of a support material, and the kinds accepted. */
export const MAX_MATERIAL_BYTES = 50 * 1024 * 1024;
export const MATERIAL_TYPES = ['application/pdf', ...IMAGE_TYPES] as const;

/**
 * A key made from a title: accents stripped ("Vacinação" → "vacinacao"), lower case, every run of other characters
 * one hyphen, at most 60 characters, no hyphen at either end.
 */
export function keyFromTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_KEY_LENGTH)
    .replace(/-+$/, '');
}

/** Why a file may not be sent, before it is: too big or of a kind the server refuses. */
export type FileProblem = 'too-big' | 'wrong-type';

function checkFile(file: File, maxBytes: number, types: readonly string[]): FileProblem | undefined {
  if (!types.includes(file.type)) return 'wrong-type';
  if (file.size > maxBytes) return 'too-big';
  return file.size === 0 ? 'wrong-type' : undefined;
}

/** An image for a news item or campaign: PNG, JPEG or WebP, at most 2 MB. */
export const checkImage = (file: File) => checkFile(file, MAX_IMAGE_BYTES, IMAGE_TYPES);
/** A material's file: PDF or an image, at most 50 MB. */
export const checkMaterialFile = (file: File) => checkFile(file, MAX_MATERIAL_BYTES, MATERIAL_TYPES);

/** Whether `value` is an address a client may safely follow: https or mailto only (never `javascript:`). */
export function isSafeLink(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'mailto:' || (url.protocol === 'https:' && url.hostname.length > 0);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as a `datetime-local` field shows it: the browser's wall clock, to the minute. */
export function toLocalInput(instant: string | Date): string {
  const date = new Date(instant);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A `datetime-local` value (the browser's wall clock) as an ISO 8601 instant; undefined when it is not a date. */
export function fromLocalInput(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Today's date on the browser's calendar (`YYYY-MM-DD`). */
export function localToday(now = new Date()): string {
  return toLocalInput(now).slice(0, 10);
}

/** Where a news item stands: not shown yet, shown, or no longer shown. */
export type NewsStatus = 'scheduled' | 'published' | 'expired';
export function newsStatus(item: Pick<ContentNews, 'publishAt' | 'expiresAt'>, now = Date.now()): NewsStatus {
  if (item.expiresAt && Date.parse(item.expiresAt) <= now) return 'expired';
  return Date.parse(item.publishAt) > now ? 'scheduled' : 'published';
}

/** Where a campaign stands on `today` (`YYYY-MM-DD`): not started, running, or over. */
export type CampaignStatus = 'upcoming' | 'running' | 'ended';
export function campaignStatus(item: Pick<ContentCampaign, 'validFrom' | 'validUntil'>, today: string): CampaignStatus {
  if (item.validUntil && item.validUntil < today) return 'ended';
  return item.validFrom > today ? 'upcoming' : 'running';
}

/** A file size in the reader's language: "820 kB", "3.4 MB". */
export function formatSize(bytes: number, locale: Locale): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** A file's name as sent with it: at most 120 characters (the server's limit), keeping its extension. */
export function uploadName(name: string, max = 120): string {
  if (name.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
  return name.slice(0, max - extension.length) + extension;
}

/** A file's kind in a word: "PDF", "PNG", "JPEG", "WEBP". */
export function fileKind(type: string): string {
  return (type.split('/')[1] ?? type).toUpperCase();
}
