import { createServer, type Server } from 'node:http';
import { startSmtpServer, type TestSmtpServer } from '../test/helpers/smtp.ts';
import { freePort } from '../test/helpers/process.ts';

/**
 * The two places Portico sends to on its own — an SMTP server and a business's webhook receiver — on fixed ports
 * that the soak takes down and brings back. While "down", nothing listens on the port (connections are refused).
 */
export interface Receivers {
  smtpUrl: string;
  webhookUrl: string;
  /** Every mail received: its subject and its decoded text. */
  mails(): string[];
  /** The body of every webhook delivery received. */
  webhooks(): string[];
  /** Starts listening on both ports (again). */
  up(): Promise<void>;
  /** Stops listening on both ports and cuts their connections. */
  down(): Promise<void>;
}

/** Two receivers on free ports, down until {@link Receivers.up}. */
export async function createReceivers(): Promise<Receivers> {
  const [smtpPort, webhookPort] = [await freePort(), await freePort()];
  const mails: string[] = [];
  const webhooks: string[] = [];
  let smtp: TestSmtpServer | undefined;
  let hook: Server | undefined;
  return {
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    webhookUrl: `http://127.0.0.1:${webhookPort}/hook`,
    mails: () => [...mails, ...(smtp?.received.map(mailText) ?? [])],
    webhooks: () => [...webhooks],
    async up() {
      if (!smtp) smtp = await startSmtpServer(smtpPort);
      if (!hook) {
        hook = createServer((request, response) => {
          let body = '';
          request.on('data', (chunk: Buffer) => (body += chunk.toString()));
          request.on('end', () => {
            webhooks.push(body);
            response.writeHead(200).end('ok');
          });
        });
        await new Promise<void>((resolve) => hook!.listen(webhookPort, '127.0.0.1', resolve));
      }
    },
    async down() {
      if (smtp) {
        // What this server received stays counted after it stops.
        mails.push(...smtp.received.map(mailText));
        await smtp.stop();
        smtp = undefined;
      }
      if (hook) {
        const closing = hook;
        hook = undefined;
        closing.closeAllConnections();
        await new Promise((resolve) => closing.close(resolve));
      }
    },
  };
}

function mailText(mail: TestSmtpServer['received'][number]): string {
  return `${mail.subject}\n${mail.text}`;
}
