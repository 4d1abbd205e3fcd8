import { z } from 'zod';
import { timeZone, type Locale } from '../features/tenants/schemas.ts';
import { inviteAttachment } from './calendar-invite.ts';
import type { LocaleCopy, MailCopy } from './copy.ts';
import { layoutHtml, layoutText } from './layout.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';
import { ptBR } from './locales/pt-BR.ts';
import type { MailAttachment } from './mailer.ts';

/** An absolute http(s) address: links in mail are built by the caller against the public URL. */
const link = z
  .string()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an absolute http:// or https:// URL');
/** The 6-digit codes of SECURITY.md 3. */
const code = z.string().regex(/^[0-9]{6}$/, 'must be 6 digits');
/** A positive amount, as a number or as its decimal string (`String(10)`): stored and rendered as a number. */
const amount = (max: number) =>
  z
    .union([z.number(), z.string().regex(/^[0-9]{1,6}(\.[0-9]{1,2})?$/, 'must be a number').transform(Number)])
    .pipe(z.number().positive().max(max));
const minutes = amount(60 * 24 * 31);
const hours = amount(24 * 90);
/** An ISO 8601 instant, with `Z` or an offset. */
const instant = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant such as 2026-03-31T12:00:00Z' });
/** An IANA time zone this runtime knows. */
/** An appointment booked or cancelled; `uid` names it in calendars (the same in both mails). */
const appointment = z
  .object({
    link,
    serviceName: z.string().min(1).max(200),
    providerName: z.string().min(1).max(200),
    start: instant,
    end: instant,
    timeZone,
    uid: z.string().regex(/^[A-Za-z0-9._@-]{1,200}$/, 'must be 1 to 200 letters, digits and . _ @ -'),
    location: z.string().min(1).max(200).optional(),
  })
  .refine((data) => Date.parse(data.start) < Date.parse(data.end), { message: 'must be after start', path: ['end'] });

/** What each template needs; checked when mail is enqueued and again when it is rendered. */
export const mailDataSchemas = {
  activation: z.object({ link, expiresInHours: hours }),
  /** A staff member's setup link for the console (first password, then the authenticator app). */
  'staff-setup': z.object({ link, expiresInHours: hours, invitedBy: z.string().min(1).max(254) }),
  /** The console's "send a test mail" (G5): proves the way out works. */
  'test-mail': z.object({ sentBy: z.string().min(1).max(254) }),
  'register-code': z.object({ code, expiresInMinutes: minutes }),
  'first-access': z.object({ link, expiresInHours: hours }),
  reset: z.object({ link, expiresInMinutes: minutes }),
  'magic-link': z.object({ link, expiresInMinutes: minutes, profileOnly: z.enum(['true', 'false']) }),
  'sign-in-code': z.object({ code, expiresInMinutes: minutes }),
  'request-update': z.object({
    link,
    requestSubject: z.string().min(1).max(200),
    event: z.enum(['reply', 'status']),
    status: z.enum(['open', 'in-progress', 'answered', 'closed']),
  }),
  /** A process moved to a phase (`detail`: the phase's name) or got a notice (`detail`: its title). */
  'process-update': z.object({
    link,
    processTitle: z.string().min(1).max(200),
    event: z.enum(['phase', 'notice']),
    detail: z.string().min(1).max(200),
  }),
  /** A document the business delivered (its title). */
  'document-new': z.object({ link, documentTitle: z.string().min(1).max(200) }),
  /** An appointment confirmed for the client (an .ics REQUEST goes with it). */
  'appointment-booked': appointment,
  /** An appointment cancelled (an .ics CANCEL with the same `uid` goes with it). */
  'appointment-cancelled': appointment,
} as const;

/** The name of a mail template. */
export type MailTemplate = keyof typeof mailDataSchemas;
/** The data template `T` is rendered from (amounts of time as numbers). */
export type MailData<T extends MailTemplate> = z.output<(typeof mailDataSchemas)[T]>;
/** What a caller may give for template `T`: as {@link MailData}, but amounts of time may also be numeric strings. */
export type MailDataInput<T extends MailTemplate> = z.input<(typeof mailDataSchemas)[T]>;
/** Data of the account activation mail (a link to confirm the e-mail and choose a password). */
export type ActivationMailData = MailData<'activation'>;
/** Data of the sign-up verification code mail. */
export type RegisterCodeMailData = MailData<'register-code'>;
/** Data of the first-access mail (an account created by staff: a link to choose a password). */
export type FirstAccessMailData = MailData<'first-access'>;
/** Data of the password reset mail. */
export type ResetMailData = MailData<'reset'>;
/** Data of the magic sign-in link mail; `profileOnly: 'true'` for a link that opens only the profile. */
export type MagicLinkMailData = MailData<'magic-link'>;
/** Data of the sign-in code mail. */
export type SignInCodeMailData = MailData<'sign-in-code'>;

/** Every template name. */
export const MAIL_TEMPLATES = Object.keys(mailDataSchemas) as MailTemplate[];

/** The tenant a mail is sent for, as the mail shows it. */
export interface MailBranding {
  name: string;
  /** An absolute http(s) URL, or null for no logo. */
  logoUrl: string | null;
  /** `#rrggbb`: the button's colour. */
  primaryColor: string;
}

/** Data of the appointment mails (booked and cancelled). */
export type AppointmentMailData = MailData<'appointment-booked'>;

/** A mail ready to send: a one-line subject, a plain-text part and an HTML part, and the files some templates add. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Template data that does not fit its template; the message names the template and the field. */
export class MailDataError extends Error {
  override name = 'MailDataError';
}

/** Whether `value` names a template. */
export function isMailTemplate(value: string): value is MailTemplate {
  return Object.hasOwn(mailDataSchemas, value);
}

/** Checks `data` against `template`'s schema and returns it (unknown keys dropped), or throws a {@link MailDataError}. */
export function parseMailData<T extends MailTemplate>(template: T, data: unknown): MailData<T> {
  if (!isMailTemplate(template)) throw new MailDataError(`Unknown mail template '${String(template)}'`);
  const parsed = mailDataSchemas[template].safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MailDataError(`Mail template '${template}': ${issue.path.join('.') || 'data'} ${issue.message}`);
  }
  return parsed.data as MailData<T>;
}

const copies: Record<Locale, LocaleCopy> = { 'pt-BR': ptBR, es, en };

/**
 * Renders `template` in `locale` for `tenant`: the subject, a plain-text part and a table-based HTML part
 * (every interpolated value escaped). Throws a {@link MailDataError} when `data` does not fit the template.
 */
export function renderMail<T extends MailTemplate>(template: T, locale: Locale, data: MailDataInput<T>, tenant: MailBranding): RenderedMail {
  const checked = parseMailData(template, data);
  const copy = copies[locale] ?? copies.en;
  const name = oneLine(tenant.name);
  const render = copy.templates[template] as unknown as (data: MailData<T>, tenant: string) => MailCopy;
  const content = render(checked, name);
  const subject = oneLine(content.subject);
  const parts = { locale, subject, content, copy, tenant: { ...tenant, name } };
  const attachments = attachmentsFor(template, checked);
  return { subject, text: layoutText(parts), html: layoutHtml(parts), ...(attachments.length > 0 ? { attachments } : {}) };
}

/** The files a template's mail carries: the appointment mails their calendar invitation. */
function attachmentsFor<T extends MailTemplate>(template: T, data: MailData<T>): MailAttachment[] {
  if (template !== 'appointment-booked' && template !== 'appointment-cancelled') return [];
  const { uid, start, end, serviceName, providerName, location, link } = data as AppointmentMailData;
  const event = { uid, start, end, summary: `${serviceName} — ${providerName}`, location, url: link };
  return [inviteAttachment(template === 'appointment-booked' ? 'booked' : 'cancelled', event)];
}

/** Control characters (line breaks above all) never reach a header or a heading. */
function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}
