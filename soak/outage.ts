import { randomBytes } from 'node:crypto';
import { integrationCall, portalCall, requestsBySubject, type PortalSession } from './clients.ts';
import { scrapeGauges } from './metrics-scrape.ts';

/** A running Portico and the callers the outage load uses. */
export interface OutageTarget {
  url: string;
  /** A signed-in client (its first account gets the new requests). */
  session: PortalSession;
  /** An API token of the same tenant (or a demo tenant's slug). */
  apiToken: string;
  /** The server's METRICS_TOKEN, to watch `portico_db_up` go down and come back. */
  metricsToken?: string;
}

export interface OutageOptions {
  target: OutageTarget;
  /** Makes the database unreachable (stops it, or cuts the way to it). */
  takeDown(): Promise<void>;
  /** Makes it reachable again; resolves once it accepts connections. */
  bringBack(): Promise<void>;
  /** How long it stays down. */
  downMs: number;
  /** Clients calling the portal and the management API in a loop the whole time. */
  workers: number;
  /** How long the load goes on once the database is back. */
  afterMs: number;
}

/** Answers by phase (`200`, `201`, `503 service_unavailable` …), and what recovery looked like. */
export interface OutageResult {
  answers: { before: Record<string, number>; down: Record<string, number>; after: Record<string, number> };
  /** Answers that were neither a success nor a 503 problem+json `service_unavailable` (a 500, a hang, a cut). Must be 0. */
  unexpected: number;
  /** The longest any answer took while the database was away (a 503 should come back at once, not after a hang). */
  slowestWhileDownMs: number;
  /** From the moment the database accepted connections again to the first success. */
  firstSuccessAfterBackMs: number | null;
  /** From the same moment to the end of the last failed answer (0 when none failed after it). */
  lastFailureAfterBackMs: number;
  writesAcknowledged: number;
  /** Acknowledged writes (201) not found afterwards. Must be empty. */
  writesLost: string[];
  /** `portico_db_up` as /metrics showed it while the database was down and after (undefined when not served). */
  dbUpWhileDown?: number;
  dbUpAfter?: number;
}

interface Answer {
  startedAt: number;
  endedAt: number;
  outcome: string;
  ok: boolean;
  expected: boolean;
}

/**
 * Takes the database away under load and brings it back: while it is away every answer must be a 503 problem+json
 * (never a 500, never a hang), and afterwards the server must answer again on its own, without a restart.
 */
export async function databaseOutage(options: OutageOptions): Promise<OutageResult> {
  const { target } = options;
  const run = randomBytes(4).toString('hex');
  const answers: Answer[] = [];
  const created: string[] = [];
  let running = true;
  const workers = Array.from({ length: options.workers }, async (_, worker) => {
    for (let turn = 0; running; turn++) {
      const answer = await call(target, run, worker, turn, created);
      answers.push(answer);
      // A failure comes back at once; a short pause keeps a worker from spinning on it.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const downAt = Date.now();
  await options.takeDown();
  await new Promise((resolve) => setTimeout(resolve, options.downMs));
  const whileDown = target.metricsToken ? await scrapeGauges(target.url, target.metricsToken) : undefined;
  await options.bringBack();
  const backAt = Date.now();
  await new Promise((resolve) => setTimeout(resolve, options.afterMs));
  running = false;
  await Promise.all(workers);
  const after = target.metricsToken ? await scrapeGauges(target.url, target.metricsToken) : undefined;

  const found = await requestsBySubject(target.url, target.apiToken, `outage ${run} `);
  // An answer belongs to the phase it came back in: one sent just before the stop and cut by it counts as "down".
  const tally = (from: number, to: number) =>
    answers.filter((a) => a.endedAt >= from && a.endedAt < to).reduce<Record<string, number>>((sum, a) => ((sum[a.outcome] = (sum[a.outcome] ?? 0) + 1), sum), {});
  const downAnswers = answers.filter((a) => a.endedAt >= downAt && a.endedAt < backAt);
  const afterBack = answers.filter((a) => a.startedAt >= backAt);
  const firstSuccess = afterBack.filter((a) => a.ok).map((a) => a.endedAt - backAt);
  const lastFailure = afterBack.filter((a) => !a.ok).map((a) => a.endedAt - backAt);
  return {
    answers: { before: tally(0, downAt), down: tally(downAt, backAt), after: tally(backAt, Infinity) },
    unexpected: answers.filter((a) => !a.expected).length,
    slowestWhileDownMs: Math.max(0, ...downAnswers.map((a) => a.endedAt - a.startedAt)),
    firstSuccessAfterBackMs: firstSuccess.length ? Math.min(...firstSuccess) : null,
    lastFailureAfterBackMs: lastFailure.length ? Math.max(...lastFailure) : 0,
    writesAcknowledged: created.length,
    writesLost: created.filter((id) => !found.has(id)),
    dbUpWhileDown: whileDown?.portico_db_up,
    dbUpAfter: after?.portico_db_up,
  };
}

/** One call of the mix — a portal read, a portal write, a management API read — and how it was answered. */
async function call(target: OutageTarget, run: string, worker: number, turn: number, created: string[]): Promise<Answer> {
  const startedAt = Date.now();
  const signal = AbortSignal.timeout(30_000);
  try {
    let response: Response;
    if (turn % 3 === 0) {
      const body = { accountId: target.session.accountIds[0], category: 'general', subject: `outage ${run} ${worker}-${turn}`, description: 'Sent during a database outage' };
      response = await portalCall(target.url, target.session, 'POST', '/requests', body, signal);
    } else if (turn % 3 === 1) {
      response = await portalCall(target.url, target.session, 'GET', '/requests?limit=20', undefined, signal);
    } else {
      response = await integrationCall(target.url, target.apiToken, 'GET', '/requests?limit=5');
    }
    const text = await response.text();
    const problem = response.headers.get('content-type') === 'application/problem+json' ? (JSON.parse(text) as { code?: string }) : undefined;
    if (response.status === 201) created.push((JSON.parse(text) as { id: string }).id);
    const unavailable = response.status === 503 && problem?.code === 'service_unavailable';
    return { startedAt, endedAt: Date.now(), outcome: `${response.status}${problem ? ` ${problem.code}` : ''}`, ok: response.ok, expected: response.ok || unavailable };
  } catch (error) {
    return { startedAt, endedAt: Date.now(), outcome: `no answer (${(error as Error).name})`, ok: false, expected: false };
  }
}
