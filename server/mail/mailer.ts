import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';

/** One mail as it leaves Portico. */
export interface MailMessage {
  /** The sender: an address, or `Name <address>`. */
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
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
    async send(message) {
      await transport.sendMail({ ...message, disableFileAccess: true, disableUrlAccess: true });
    },
    close: () => transport.close(),
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
