import type { Locale } from '../features/tenants/schemas.ts';
import type { MailData, MailTemplate } from './templates.ts';

/** The words of one mail, before layout: plain strings, escaped by the layout, never HTML. */
export interface MailCopy {
  subject: string;
  heading: string;
  /** Paragraphs before the button or code. */
  intro: string[];
  /** A button to a link, or a code to type. */
  action: { button: string; link: string } | { code: string };
  /** Paragraphs after it: expiry, what to do if it was not you, where to look for mail. */
  notes: string[];
}

/** Everything a locale says in mail. */
export interface LocaleCopy {
  /** Above a code: "Your code". */
  codeLabel: string;
  /** Above the link written out under a button, for mail clients that hide buttons. */
  fallbackLink: string;
  /** The last line of every mail. */
  footer(tenant: string): string;
  templates: { [T in MailTemplate]: (data: MailData<T>, tenant: string) => MailCopy };
}

/** "15 minutes", "1 hora", "24 horas": an amount of time spelled out in `locale`. */
export function duration(locale: Locale, amount: number, unit: 'minute' | 'hour'): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}
