import { createServer, type Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { loadMigrations, migrate } from '../../server/db/migrate.ts';
import { testDatabaseUrl } from './server.ts';

/**
 * The test database, migrated, for mail tests: opened directly rather than through a server, so that no
 * dispatcher but the test's own ever claims the outbox while the test looks at it.
 */
export async function openMailTestDatabase(): Promise<Database> {
  const db = await openDatabase({ databaseUrl: testDatabaseUrl(), databasePoolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10), dataDir: '' });
  await migrate(db.owner, await loadMigrations());
  return db;
}

/** A mail as a test SMTP server received it, decoded enough to assert on. */
export interface ReceivedMail {
  /** SMTP envelope. */
  from: string;
  to: string[];
  /** Header values, lower-case names, encoded words decoded. */
  headers: Map<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

/** A real SMTP server on 127.0.0.1 (no TLS, no auth) that keeps what it receives. */
export interface TestSmtpServer {
  port: number;
  url: string;
  received: ReceivedMail[];
  /** Makes the server drop the connection in the middle of the next DATA (`count` times): a crash mid-send. */
  dropNextData(count?: number): void;
  /** Stops listening and cuts open connections. */
  stop(): Promise<void>;
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Starts an SMTP server on `port` (a free one by default). */
export async function startSmtpServer(port?: number): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  let drops = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    secure: false,
    logger: false,
    closeTimeout: 100,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      if (drops > 0) {
        drops--;
        // Read a little of the message, then vanish without an answer, as a crashing server would.
        stream.once('data', () => sockets.forEach((socket) => socket.destroy()));
        stream.resume();
        stream.on('error', () => {});
        return;
      }
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push(parseMail(raw, session.envelope.mailFrom ? session.envelope.mailFrom.address : '', session.envelope.rcptTo.map((r) => r.address)));
        callback();
      });
    },
  });
  const sockets = new Set<Socket>();
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const listenPort = port ?? (await freePort());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => resolve());
  });
  server.on('error', () => {});
  return {
    port: listenPort,
    url: `smtp://127.0.0.1:${listenPort}`,
    received,
    dropNextData: (count = 1) => (drops = count),
    stop: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      sockets.forEach((socket) => socket.destroy());
      return closed;
    },
  };
}

/** Splits a raw message into headers and its text/plain and text/html parts, undoing the transfer encodings. */
function parseMail(raw: string, from: string, to: string[]): ReceivedMail {
  const [head, body] = splitHead(raw);
  const headers = readHeaders(head);
  const parts: Record<string, string> = {};
  const collect = (partHeaders: Map<string, string>, partBody: string) => {
    const type = partHeaders.get('content-type') ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (boundary) {
      for (const piece of partBody.split(`--${boundary}`).slice(1, -1)) {
        const [h, b] = splitHead(piece.replace(/^\r?\n/, ''));
        collect(readHeaders(h), b);
      }
      return;
    }
    const kind = /text\/html/i.test(type) ? 'html' : 'text';
    parts[kind] = decodeBody(partBody, partHeaders.get('content-transfer-encoding') ?? '7bit');
  };
  collect(headers, body);
  return { from, to, headers, subject: headers.get('subject') ?? '', text: parts.text ?? '', html: parts.html ?? '', raw };
}

function splitHead(raw: string): [string, string] {
  const at = raw.search(/\r?\n\r?\n/);
  return at < 0 ? [raw, ''] : [raw.slice(0, at), raw.slice(at).replace(/^\r?\n\r?\n/, '')];
}

function readHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return headers;
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`), adjacent ones joined. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
    );
}

function decodeBody(body: string, encoding: string): string {
  if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/quoted-printable/i.test(encoding)) {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
