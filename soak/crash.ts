import { randomBytes } from 'node:crypto';
import { integrationCall, portalCall, requestsBySubject, signIn, startPortico, type PorticoProcess, type PortalSession } from './clients.ts';
import type { ScenarioDatabase } from './database.ts';
import { scrapeGauges } from './metrics-scrape.ts';
import { createReceivers, type Receivers } from './receivers.ts';

/** How big the crash is. */
export interface CrashOptions {
  database: ScenarioDatabase;
  /** Writes fired at once, a third of each kind: a client's new request, the business's answer to a request, a charge batch. */
  writes: number;
  /** `kill -9` once this many answers have come back. */
  killAfterAnswers: number;
  /** How long the mails and webhooks held back by the outage may take to arrive once the receivers are back. */
  deliveryTimeoutMs: number;
  say?: (line: string) => void;
}

/** What happened, and what was found afterwards. Everything in `lost` and `halfWritten` is a failure. */
export interface CrashResult {
  backend: ScenarioDatabase['kind'];
  operationsFired: number;
  /** Answers (2xx) the clients got before the kill, by kind (the answers are to requests opened before the storm). */
  acknowledged: { requestsCreated: number; requestsAnswered: number; chargeBatches: number };
  /** Other answers before the kill (each one unexpected). */
  unexpectedAnswers: Record<string, number>;
  /** Writes committed whose answer the kill swallowed: allowed (the client did not hear back), and counted. */
  committedUnacknowledged: { requests: number; answers: number };
  /**
   * Charge batches left unanswered, sent again after the restart with the same Idempotency-Key until answered: the
   * final answers, how many times the key was still held by the killed request (409), and charges found twice.
   */
  retriedWithSameKey: { sent: number; answers: Record<string, number>; stillRunning: number; duplicateCharges: number };
  /** Acknowledged writes not found after the restart. Must be empty. */
  lost: string[];
  /** Changes found without the records written in their transaction (audit entry, event, mail). Must be empty. */
  halfWritten: string[];
  /** Mails and webhooks produced while SMTP and the receiver were down (and across the crash), delivered later. */
  delivery: { mailsExpected: number; mailsDelivered: number; webhooksExpected: number; webhooksDelivered: number; waitedMs: number; undelivered: string[] };
  /** The backlog gauges of /metrics while the receivers were down (undefined when /metrics is not served). */
  backlogSeen?: { mailPending: number; webhooksPending: number };
}

const TENANT = 'clinica-sol';
/** A token for /metrics, so the soak can watch the backlogs (ignored by a server that has no METRICS_TOKEN yet). */
const METRICS_TOKEN = randomBytes(24).toString('hex');

interface Storm {
  created: Set<string>;
  answered: Set<string>;
  charges: Set<number>;
  unexpected: Record<string, number>;
}

/**
 * `kill -9` of the server in the middle of `writes` concurrent writes, with the SMTP server and the webhook receiver
 * down the whole time; then a restart on the same database, the clients' retries, the receivers back, and a look at
 * every row: each acknowledged write is there, no change is there without its audit entry, event and mail, and every
 * mail and webhook the committed writes caused arrives.
 */
export async function crashDuringWrites(options: CrashOptions): Promise<CrashResult> {
  const say = options.say ?? (() => {});
  const receivers = await createReceivers();
  const env = { ...options.database.env, SMTP_URL: receivers.smtpUrl, WEBHOOK_RETRY_BASE_MS: '500', WEBHOOK_TIMEOUT_MS: '3000', METRICS_TOKEN, LOG_LEVEL: 'fatal' };
  const run = randomBytes(4).toString('hex');
  let server = await startPortico(env);
  try {
    const hook = await integrationCall(server.url, TENANT, 'POST', '/webhooks', { url: receivers.webhookUrl, events: ['request.created'], description: 'soak' });
    if (hook.status !== 201) throw new Error(`registering the webhook answered ${hook.status}: ${await hook.text()}`);
    const session = await signIn(server.url, TENANT);
    const waiting = await openRequests(server.url, session, run, Math.ceil(options.writes / 3));
    say(`    firing ${options.writes} writes at once; kill -9 after ${options.killAfterAnswers} answers`);
    const storm = await fireAndKill(server, session, run, waiting, options);
    say(`    killed; acknowledged ${storm.created.size} requests, ${storm.answered.size} answers, ${storm.charges.size} charge batches`);

    server = await startPortico(env);
    const committed = await requestsBySubject(server.url, TENANT, `soak ${run} `);
    const backlogSeen = await scrapeGauges(server.url, METRICS_TOKEN);
    say(`    restarted; ${committed.size} requests committed; receivers back up; unanswered charge batches sent again`);
    await receivers.up();
    const [retried, delivery] = await Promise.all([
      retryCharges(server.url, session.accountIds[0]!, run, options.writes, storm.charges),
      awaitDelivery(receivers, committed, options.deliveryTimeoutMs),
    ]);
    await server.stop();
    await receivers.down();

    const lost = [
      ...[...storm.created].filter((id) => !committed.has(id)).map((id) => `request ${id} (created, 201) is missing`),
      ...[...storm.answered].filter((id) => committed.get(id) !== 'answered').map((id) => `the answer to request ${id} (201) is missing`),
    ];
    const checked = await checkRows(options.database, run, storm);
    return {
      backend: options.database.kind,
      operationsFired: options.writes,
      acknowledged: { requestsCreated: storm.created.size, requestsAnswered: storm.answered.size, chargeBatches: storm.charges.size },
      unexpectedAnswers: storm.unexpected,
      committedUnacknowledged: {
        requests: [...committed.keys()].filter((id) => !storm.created.has(id) && !waiting.includes(id)).length,
        answers: [...committed].filter(([id, status]) => status === 'answered' && !storm.answered.has(id)).length,
      },
      retriedWithSameKey: { ...retried, duplicateCharges: checked.duplicateCharges },
      lost: [...lost, ...checked.lostCharges],
      halfWritten: checked.halfWritten,
      delivery: { ...delivery, undelivered: [...delivery.undelivered, ...checked.undelivered] },
      backlogSeen: backlogSeen && { mailPending: backlogSeen.portico_mail_outbox_pending ?? 0, webhooksPending: backlogSeen.portico_webhook_deliveries_pending ?? 0 },
    };
  } finally {
    await server.stop().catch(() => undefined);
    await receivers.down().catch(() => undefined);
  }
}

/** Requests for the business to answer during the storm, opened by the client beforehand (and acknowledged). */
async function openRequests(url: string, session: PortalSession, run: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let first = 0; first < count; first += 20) {
    const batch = Array.from({ length: Math.min(20, count - first) }, async (_, offset) => {
      const body = { accountId: session.accountIds[0], category: 'general', subject: `soak ${run} waiting ${first + offset}`, description: 'Waiting for an answer' };
      const response = await portalCall(url, session, 'POST', '/requests', body);
      if (response.status !== 201) throw new Error(`opening a request answered ${response.status}: ${await response.text()}`);
      return ((await response.json()) as { id: string }).id;
    });
    ids.push(...(await Promise.all(batch)));
  }
  return ids;
}

/**
 * Fires every write at once — new requests from the client, the business's answers to the waiting requests (each
 * e-mailed to the client), charge batches with an Idempotency-Key — and kills the server with `kill -9` once enough
 * answers have come back.
 */
async function fireAndKill(server: PorticoProcess, session: PortalSession, run: string, waiting: string[], options: CrashOptions): Promise<Storm> {
  const storm: Storm = { created: new Set(), answered: new Set(), charges: new Set(), unexpected: {} };
  let answers = 0;
  let killing: Promise<void> | undefined;
  /** Reads an answer in full and counts it (whether or not the kill is already under way); true when it is a success. */
  const answered = async (response: Response) => {
    const body = await response.text();
    if (!response.ok) storm.unexpected[`${response.status}`] = (storm.unexpected[`${response.status}`] ?? 0) + 1;
    if (++answers >= options.killAfterAnswers) killing ??= server.kill();
    return response.ok ? body : undefined;
  };
  const accountId = session.accountIds[0]!;
  const operations = Array.from({ length: options.writes }, async (_, index) => {
    try {
      if (index % 3 === 0) {
        const body = { accountId, category: 'general', subject: `soak ${run} new ${index}`, description: 'Written while the server is killed' };
        const created = await answered(await portalCall(server.url, session, 'POST', '/requests', body));
        if (created) storm.created.add((JSON.parse(created) as { id: string }).id);
      } else if (index % 3 === 1) {
        const id = waiting[Math.floor(index / 3)]!;
        if (await answered(await integrationCall(server.url, TENANT, 'POST', `/requests/${id}/replies`, { body: `Answer ${run} ${index}` }))) storm.answered.add(id);
      } else {
        const batch = chargeBatch(run, index, accountId);
        if (await answered(await integrationCall(server.url, TENANT, 'PUT', '/billing/charges', batch, { 'Idempotency-Key': `soak-${run}-${index}` }))) storm.charges.add(index);
      }
    } catch {
      // The connection was cut by the kill, or refused after it: the client never heard back.
    }
  });
  await Promise.all(operations);
  // Every answer came back before the kill point (a small storm): the kill still happens, on an idle server.
  await (killing ?? server.kill());
  return storm;
}

/** One charge in a batch, by its own external id. */
function chargeBatch(run: string, index: number, accountId: string) {
  return { items: [{ externalId: `SOAK-${run}-${index}`, accountId, description: `Soak ${run} ${index}`, amount: 1000 + index, currency: 'BRL', issueDate: '2026-11-01', dueDate: '2026-11-30' }] };
}

/**
 * What a well-behaved integration does after an outage: sends each unanswered batch again with the same key, and
 * while the server says the key is still running (409, `Retry-After`), waits and tries again — up to 3 minutes.
 */
async function retryCharges(url: string, accountId: string, run: string, writes: number, acknowledged: Set<number>) {
  const answers: Record<string, number> = {};
  let stillRunning = 0;
  const deadline = Date.now() + 180_000;
  const unanswered = Array.from({ length: writes }, (_, index) => index).filter((index) => index % 3 === 2 && !acknowledged.has(index));
  await Promise.all(
    unanswered.map(async (index) => {
      for (;;) {
        const response = await integrationCall(url, TENANT, 'PUT', '/billing/charges', chargeBatch(run, index, accountId), { 'Idempotency-Key': `soak-${run}-${index}` });
        const body = (await response.json().catch(() => ({}))) as { code?: string };
        if (body.code === 'idempotency_in_progress' && Date.now() < deadline) {
          stillRunning++;
          await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get('Retry-After') ?? 5) * 1000));
          continue;
        }
        const outcome = response.ok ? `${response.status}${response.headers.get('Idempotent-Replayed') ? ' (replayed)' : ''}` : `${response.status} ${body.code ?? ''}`.trim();
        answers[outcome] = (answers[outcome] ?? 0) + 1;
        return;
      }
    }),
  );
  return { sent: unanswered.length, answers, stillRunning };
}

/** Waits until a mail has arrived for every committed answer and a webhook for every committed request. */
async function awaitDelivery(receivers: Receivers, committed: Map<string, string>, timeoutMs: number) {
  const started = Date.now();
  const answeredIds = [...committed].filter(([, status]) => status === 'answered').map(([id]) => id);
  const missing = () => ({
    mails: answeredIds.filter((id) => !receivers.mails().some((mail) => mail.includes(`portico-request=${id}`))),
    webhooks: [...committed.keys()].filter((id) => !receivers.webhooks().some((body) => body.includes(id))),
  });
  let left = missing();
  while ((left.mails.length || left.webhooks.length) && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = missing();
  }
  return {
    mailsExpected: answeredIds.length,
    mailsDelivered: answeredIds.length - left.mails.length,
    webhooksExpected: committed.size,
    webhooksDelivered: committed.size - left.webhooks.length,
    waitedMs: Date.now() - started,
    undelivered: [...left.mails.map((id) => `no mail arrived for the answer to ${id}`), ...left.webhooks.map((id) => `no webhook arrived for request ${id}`)],
  };
}

/** Looks at the rows themselves (the server stopped): every change with what its transaction wrote alongside. */
async function checkRows(database: ScenarioDatabase, run: string, storm: Storm) {
  return database.query(async (sql) => {
    const pattern = `soak ${run} %`;
    const requests = await sql<{ id: string; status: string; audited: boolean; evented: boolean; delivered: boolean }[]>`
      select r.id, r.status,
             exists (select 1 from audit_log a where a.subject_id = r.id::text and a.action = 'request-created') as audited,
             exists (select 1 from events e where e.type = 'request.created' and e.data->'subject'->>'id' = r.id::text) as evented,
             exists (select 1 from webhook_deliveries d join events e on e.id = d.event_id
                      where e.type = 'request.created' and e.data->'subject'->>'id' = r.id::text and d.status = 'delivered') as delivered
        from requests r where r.subject like ${pattern}`;
    const answers = await sql<{ id: string; messages: number; audits: number; mails: number; sent: number }[]>`
      select r.id,
             (select count(*)::int from request_messages m where m.request_id = r.id and m.author_type <> 'client') as messages,
             (select count(*)::int from audit_log a where a.subject_id = r.id::text and a.action = 'request-answered') as audits,
             (select count(*)::int from outbox o where o.dedupe_key like 'request:' || r.id || ':reply:%') as mails,
             (select count(*)::int from outbox o where o.dedupe_key like 'request:' || r.id || ':reply:%' and o.status = 'sent') as sent
        from requests r where r.subject like ${pattern}`;
    const charges = await sql<{ external_id: string; copies: number }[]>`
      select external_id, count(*)::int as copies from charges where external_id like ${`SOAK-${run}-%`} group by external_id`;
    const halfWritten = [
      ...requests.filter((r) => !r.audited).map((r) => `request ${r.id} has no audit entry`),
      ...requests.filter((r) => !r.evented).map((r) => `request ${r.id} has no request.created event`),
      ...answers.filter((a) => a.messages !== a.audits || a.messages !== a.mails).map((a) => `request ${a.id}: ${a.messages} answers, ${a.audits} audit entries, ${a.mails} mails`),
      ...requests.filter((r) => (r.status === 'answered') !== (answers.find((a) => a.id === r.id)!.messages > 0)).map((r) => `request ${r.id} is ${r.status} with its answers not matching`),
    ];
    const copies = new Map(charges.map((row) => [row.external_id, row.copies]));
    return {
      halfWritten,
      lostCharges: [...storm.charges].filter((index) => !copies.has(`SOAK-${run}-${index}`)).map((index) => `charge SOAK-${run}-${index} (200) is missing`),
      duplicateCharges: charges.filter((row) => row.copies > 1).length,
      undelivered: [
        ...requests.filter((r) => !r.delivered).map((r) => `the webhook for request ${r.id} is not marked delivered`),
        ...answers.filter((a) => a.sent !== a.mails).map((a) => `${a.mails - a.sent} mail(s) for request ${a.id} not marked sent`),
      ],
    };
  });
}
