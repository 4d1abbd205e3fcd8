import type { Locale } from '../../core/i18n.ts';

/** The currencies the new-charge form offers; the tenant's own comes first. */
export const CURRENCIES = ['BRL', 'EUR', 'USD'] as const;

/** The tenant's currency by its language: reais for a Brazilian portal, euros for a Spanish one. */
export function defaultCurrency(tenantLocale: Locale | undefined): string {
  return tenantLocale === 'es' ? 'EUR' : tenantLocale === 'en' ? 'USD' : 'BRL';
}

/** How many minor units a currency has (2 for BRL and EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

function separators(locale: Locale): { group: string; decimal: string } {
  const parts = new Intl.NumberFormat(locale).formatToParts(12345.6);
  return { group: parts.find((part) => part.type === 'group')?.value ?? ',', decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.' };
}

/** An example amount written as `locale` writes it ("1,980.00", "1.980,00"). */
export function amountExample(locale: Locale, currency: string): string {
  const digits = currencyDigits(currency);
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(1980);
}

/**
 * An amount typed by staff, in minor units (never a float): digits with `locale`'s group and decimal separators
 * ("1.980,50" in pt-BR, "1,980.50" in en), a currency symbol and spaces ignored. A lone separator followed by other
 * than three digits is read as the decimal one ("1980.5" in pt-BR is 1980,50). Undefined when it is not an amount
 * or has more decimals than the currency.
 */
export function parseAmount(text: string, locale: Locale, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const { group, decimal } = separators(locale);
  let value = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^[^\d.,]+|[^\d.,]+$/g, '');
  if (!/^[\d.,]+$/.test(value)) return undefined;
  const groups = value.split(group);
  if (!value.includes(decimal) && groups.length === 2 && groups[1]!.length !== 3) value = groups.join(decimal);
  const [whole = '', fraction = '', ...rest] = value.split(decimal);
  if (rest.length) return undefined;
  const wholeDigits = whole.split(group);
  if (wholeDigits.slice(1).some((part) => part.length !== 3) || !/^\d+$/.test(wholeDigits.join(''))) return undefined;
  if (!/^\d*$/.test(fraction) || fraction.length > digits) return undefined;
  const amount = Number(wholeDigits.join('')) * 10 ** digits + Number(fraction.padEnd(digits, '0') || 0);
  return Number.isSafeInteger(amount) ? amount : undefined;
}
