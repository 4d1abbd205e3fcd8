import type { Locale } from '../features/tenants/schemas.ts';
import type { MailData, MailTemplate } from './templates.ts';

/** The words of one mail, before layout: plain strings, escaped by the layout, never HTML. */
export interface MailCopy {
  subject: string;
  heading: string;
  /** Paragraphs before the button or code. */
  intro: string[];
  /** A button to a link, or a code to type; none for a plain notice. */
  action?: { button: string; link: string } | { code: string };
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

/** An appointment's times as the mail copy receives them. */
export interface AppointmentTimes {
  start: string;
  end: string;
  timeZone: string;
}

/**
 * When an appointment is, in `locale` on the wall clock of its `timeZone`, the zone named with its offset that day:
 * "terça-feira, 31 de março de 2026 09:00 – 10:30 (Horário Padrão de Brasília, GMT-03:00)".
 */
export function appointmentWhen(locale: Locale, { start, end, timeZone }: AppointmentTimes): string {
  const [from, to] = [new Date(start), new Date(end)];
  const range = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).formatRange(from, to);
  const zone = (timeZoneName: 'long' | 'longOffset') =>
    new Intl.DateTimeFormat(locale, { timeZone, timeZoneName }).formatToParts(from).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  const [name, offset] = [zone('long'), zone('longOffset')];
  return `${range} (${name === offset ? name : `${name}, ${offset}`})`;
}

/** The start in a subject line: "31/03/2026, 09:00", "03/31/2026, 9:00 AM" (the body names the zone). */
export function appointmentStart(locale: Locale, { start, timeZone }: AppointmentTimes): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(new Date(start));
}
