import { randomUUID } from 'node:crypto';
import nodemailer, { type SendMailOptions } from 'nodemailer';

/** A file that goes with a mail: text content (an `.ics` invitation, say), never a path or a URL to fetch. */
export interface MailAttachment {
  filename: string;
  /** The full MIME type, parameters included (`text/calendar; charset=utf-8; method=REQUEST`). */
  contentType: string;
  content: string;
}

/** One mail as it leaves Portico. */
export interface MailMessage {
  /** The sender: an address, or `Name <address>`. */
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: MailAttachment[];
}

/** Something that delivers mail; `send` settles only once the mail was handed over, or rejects. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
  /** Frees connections, if the mailer holds any. */
  close?(): void;
}

/** How long a dead or silent SMTP server may keep a send waiting, per stage (milliseconds). */
const SMTP_TIMEOUTS = { connectionTimeout: 5_000, greetingTimeout: 5_000, socketTimeout: 15_000, dnsTimeout: 5_000 };

/**
 * A mailer that speaks SMTP to `smtpUrl` (`smtp://user:pass@host:587`, or `smtps://…` for TLS from the start).
 * Each mail opens its own connection, so a server that went away fails one send quickly and is found again by the next.
 */
export function createSmtpMailer(smtpUrl: string): Mailer & { close(): void } {
  if (!/^smtps?:\/\//i.test(smtpUrl) || !URL.canParse(smtpUrl)) throw new TypeError('The SMTP URL must be smtp://… or smtps://…');
  const transport = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS });
  return {
    async send({ attachments = [], ...message }) {
      await transport.sendMail({ ...message, ...smtpAttachments(attachments), disableFileAccess: true, disableUrlAccess: true });
    },
    close: () => transport.close(),
  };
}

/**
 * Attachments as nodemailer takes them. A calendar invitation (text/calendar with a method) goes as nodemailer's
 * `icalEvent`: a text/calendar alternative next to the text and HTML, plus an .ics attachment, the way Gmail sends
 * invitations, which is what mail clients recognise to offer "add to calendar" (and to remove it on CANCEL).
 * Anything else is a plain attachment.
 */
function smtpAttachments(attachments: MailAttachment[]): Pick<SendMailOptions, 'attachments' | 'icalEvent'> {
  const invite = attachments.find((file) => /^text\/calendar\b/i.test(file.contentType) && /;\s*method=/i.test(file.contentType));
  const method = invite && /;\s*method="?([A-Za-z-]+)/i.exec(invite.contentType)?.[1]?.toUpperCase();
  return {
    attachments: attachments.filter((file) => file !== invite).map(({ filename, contentType, content }) => ({ filename, contentType, content })),
    icalEvent: invite ? { method, filename: invite.filename, content: invite.content } : undefined,
  };
}

/** A mail the {@link CaptureMailer} kept. */
export interface CapturedMail extends MailMessage {
  id: string;
  /** When it was "sent", ISO 8601. */
  sentAt: string;
}

/** A mailer that sends nothing and keeps the last mails in memory, newest first: development (`/dev/mail`) and tests. */
export class CaptureMailer implements Mailer {
  readonly #mails: CapturedMail[] = [];

  constructor(
    /** How many mails are kept; older ones are dropped. */
    readonly limit = 200,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Keeps `message`. */
  async send(message: MailMessage): Promise<void> {
    this.#mails.unshift({ id: randomUUID(), sentAt: this.clock().toISOString(), ...message });
    this.#mails.length = Math.min(this.#mails.length, this.limit);
  }

  /** The kept mails, newest first (a copy); only those to `to` when it is given. */
  list(to?: string): CapturedMail[] {
    return this.#mails.filter((mail) => to === undefined || mail.to.toLowerCase() === to.toLowerCase());
  }

  /** The kept mail with this id. */
  get(id: string): CapturedMail | undefined {
    return this.#mails.find((mail) => mail.id === id);
  }

  /** Forgets every kept mail. */
  clear(): void {
    this.#mails.length = 0;
  }
}
