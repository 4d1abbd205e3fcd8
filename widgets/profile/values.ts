import type { Locale } from '../core/i18n.ts';

/**
 * How values travel and how people write them: phones in E.164 (`+551932345610`) written "+55 19 3234-5610", money as
 * whole minor units (`150000000`) written in the reader's locale ("1.500.000,00"), numbers likewise. Every reading is
 * strict: what cannot be read for certain is refused with a hint, never guessed.
 */

/** Country calling codes of the countries the portal's businesses are in (a number written without one gets it). */
const CALLING_CODES: Record<string, string> = { BR: '55', ES: '34', PT: '351', AR: '54', MX: '52', US: '1' };
/** Numbers' national lengths where they are certain: a Brazilian one has 10 or 11 digits, a Spanish one 9. */
const NATIONAL_LENGTHS: Record<string, number[]> = { '55': [10, 11], '34': [9] };

/** The calling code for numbers written without one: the address's country, else the account's currency's. */
export function callingCodeFor(country: string | undefined, currency: string): string {
  return CALLING_CODES[country ?? ''] ?? (currency === 'BRL' ? '55' : '34');
}

/**
 * A phone as written ("+55 19 3234-5610", "(19) 3234-5610", "0034 912 345 678") in E.164, or undefined when it is
 * not a phone number. Without a "+" or "00" the number is national, in `callingCode`'s country.
 */
export function toE164(input: string, callingCode: string): string | undefined {
  const written = input.trim();
  if (!/^\+?[\d\s().\-/]+$/.test(written)) return undefined;
  const digits = written.replace(/\D/g, '');
  const international = written.startsWith('+') ? digits : digits.startsWith('00') ? digits.slice(2) : `${callingCode}${digits.replace(/^0/, '')}`;
  const code = Object.keys(NATIONAL_LENGTHS).find((c) => international.startsWith(c));
  if (code && !NATIONAL_LENGTHS[code]!.includes(international.length - code.length)) return undefined;
  return /^[1-9]\d{6,14}$/.test(international) ? `+${international}` : undefined;
}

/** An E.164 number as people read it: "+55 19 3234-5610", "+55 19 99123-4567", "+34 912 345 678"; others as they are. */
export function formatPhone(e164: string): string {
  const br = /^\+55(\d{2})(\d{4,5})(\d{4})$/.exec(e164);
  if (br) return `+55 ${br[1]} ${br[2]}-${br[3]}`;
  const es = /^\+34(\d{3})(\d{3})(\d{3})$/.exec(e164);
  if (es) return `+34 ${es[1]} ${es[2]} ${es[3]}`;
  return e164;
}

/** The locale's group and decimal separators ("." and "," in pt-BR and es, "," and "." in en). */
function separators(locale: Locale): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { group: parts.find((p) => p.type === 'group')?.value ?? ',', decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.' };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A number as written in `locale` (groups of three optional, the locale's decimal separator), split into its sign,
 * whole digits and fraction digits; undefined when it is not one, or has more than `maxFraction` decimals.
 */
function readDigits(input: string, locale: Locale, maxFraction: number): { negative: boolean; whole: string; fraction: string } | undefined {
  const { group, decimal } = separators(locale);
  const written = input.replace(/[\s\u00a0\u202f]/g, '');
  const fraction = maxFraction > 0 ? `(?:${escape(decimal)}(\\d{1,${maxFraction}}))?` : '';
  const match = new RegExp(`^(-?)(\\d{1,3}(?:${escape(group)}\\d{3})+|\\d+)${fraction}$`).exec(written);
  return match ? { negative: match[1] === '-', whole: match[2]!.split(group).join(''), fraction: match[3] ?? '' } : undefined;
}

/** How many minor units a currency's major unit has the exponent of (BRL, EUR: 2). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

/** The currency's symbol in `locale` ("R$", "€"). */
export function currencySymbol(currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
}

/** An amount as written ("1.500.000,00", "R$ 1.500", "1500,5") in whole minor units (150000000), or undefined. */
export function parseMoney(input: string, currency: string, locale: Locale): number | undefined {
  const digits = currencyDigits(currency);
  const read = readDigits(input.split(currencySymbol(currency, locale)).join('').split(currency).join(''), locale, digits);
  if (!read) return undefined;
  // String arithmetic, not floats: 0.29 × 100 is 28.999999999999996.
  const minor = Number(`${read.whole}${read.fraction.padEnd(digits, '0')}`);
  return Number.isSafeInteger(minor) ? (read.negative ? -minor : minor) : undefined;
}

/** Minor units as an input shows them in `locale`, without the symbol: 150000000 → "1.500.000,00". */
export function formatMoneyInput(minor: number, currency: string, locale: Locale): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(minor / 10 ** digits);
}

/** A number as written in `locale` ("1.234,5" in pt-BR, "1,234.5" in en), or undefined. */
export function parseNumber(input: string, locale: Locale): number | undefined {
  const read = readDigits(input, locale, 20);
  if (!read) return undefined;
  const value = Number(`${read.negative ? '-' : ''}${read.whole}.${read.fraction || '0'}`);
  return Number.isFinite(value) ? value : undefined;
}

/** A number as an input shows it in `locale`: no groups, the locale's decimal separator. */
export function formatNumberInput(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
}

/** The parts of an address, in the order a form asks for them. */
export const ADDRESS_PARTS = ['street', 'number', 'complement', 'district', 'city', 'region', 'postalCode', 'country'] as const;
export type AddressPart = (typeof ADDRESS_PARTS)[number];
/** The parts an address must have. */
export const REQUIRED_ADDRESS_PARTS: readonly AddressPart[] = ['street', 'city', 'postalCode', 'country'];

/** An address's parts that have a value, as one line each: "Rua Barão de Jaguara, 1481 — Apto 52", … */
export function addressLines(address: Partial<Record<AddressPart, string>>, locale: Locale): string[] {
  const country = address.country ? (new Intl.DisplayNames([locale], { type: 'region' }).of(address.country) ?? address.country) : '';
  const join = (parts: (string | undefined)[], between: string) => parts.filter(Boolean).join(between);
  return [
    join([join([address.street, address.number], ', '), address.complement], ' — '),
    address.district,
    join([address.city, address.region], ' — '),
    join([address.postalCode, country], ' · '),
  ].filter((line): line is string => Boolean(line));
}
