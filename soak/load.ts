import { portalCall, rssOf, type PortalSession } from './clients.ts';

/** How the load is run. */
export interface LoadOptions {
  url: string;
  /** The server's process id, for its memory (/proc/<pid>/status). */
  pid: number;
  /** Signed-in clients; the connections take turns among them. */
  sessions: PortalSession[];
  connections: number;
  /**
   * Load before the measured part, not counted (JIT, pools, the heap growing to its working size): at least
   * `min` seconds, then until the server's memory stops climbing (less than 3 % over 15 s), at most `max` seconds.
   */
  warmupSeconds: { min: number; max: number };
  seconds: number;
  say?: (line: string) => void;
}

/** What the measured part showed. */
export interface LoadResult {
  connections: number;
  /** How long the warm-up lasted. */
  warmupSeconds: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  writes: number;
  latencyMs: Percentiles;
  byOperation: Record<string, { count: number; latencyMs: Percentiles }>;
  /** Answers other than the operation's success status, and calls without an answer, by `operation status`. Must be empty. */
  unexpected: Record<string, number>;
  /** Operations left out for a tenant because they were not offered there before the load started (e.g. a module off). */
  notOffered: string[];
  /**
   * Resident memory of the server: before the load, the median of the first and of the last 5 s of the measured
   * part, its peak, and the growth over the measured part.
   */
  memory: { beforeLoadBytes: number; startBytes: number; endBytes: number; peakBytes: number; growthPercent: number };
}

export interface Percentiles {
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

/** One thing a client does on the portal, and the status that means it worked. */
interface Operation {
  name: string;
  weight: number;
  expected: number;
  /** Undefined when the operation cannot run for this session yet (a reply before any request of its own). */
  send(url: string, session: PortalSession, own: string[]): Promise<Response> | undefined;
}

const read = (name: string, path: (session: PortalSession) => string, weight = 1): Operation => ({
  name,
  weight,
  expected: 200,
  send: (url, session) => portalCall(url, session, 'GET', path(session)),
});

/** The portal's reads and writes, weighted roughly as a client's visit: mostly reading, now and then writing. */
const OPERATIONS: Operation[] = [
  read('requests', () => '/requests?limit=20', 2),
  read('charges', () => '/billing/charges?limit=20', 2),
  read('billing summary', () => '/billing/summary'),
  read('news', () => '/news'),
  read('documents', () => '/documents?limit=20'),
  read('modules', () => '/modules'),
  read('processes', () => '/processes'),
  read('appointments', () => '/appointments?limit=20'),
  read('profile', (session) => `/profile?accountId=${session.accountIds[0]}`),
  read('materials', () => '/materials'),
  read('campaigns', () => '/campaigns'),
  {
    name: 'new request',
    weight: 2,
    expected: 201,
    send: (url, session) =>
      portalCall(url, session, 'POST', '/requests', { accountId: session.accountIds[0], category: 'general', subject: 'Soak', description: 'Written by the load' }),
  },
  {
    name: 'reply',
    weight: 1,
    expected: 201,
    send: (url, session, own) => (own.length ? portalCall(url, session, 'POST', `/requests/${own[Math.floor(Math.random() * own.length)]}/replies`, { body: 'One more thing' }) : undefined),
  },
];

/** `connections` clients calling the portal in a loop, each waiting for its answer before the next call. */
export async function portalLoad(options: LoadOptions): Promise<LoadResult> {
  const say = options.say ?? (() => {});
  const offered = await probe(options.url, options.sessions);
  const samples: { at: number; operation: string; ms: number; outcome: string; ok: boolean; write: boolean }[] = [];
  const memory: { at: number; rss: number }[] = [];
  const started = Date.now();
  const beforeLoad = await rssOf(options.pid);
  // Both are set once the warm-up is over; until then nothing is measured and nobody stops.
  let measureFrom = Infinity;
  let end = Infinity;
  const sampler = setInterval(() => void rssOf(options.pid).then((rss) => memory.push({ at: Date.now(), rss }), () => {}), 1000);
  const clients = Promise.all(
    Array.from({ length: options.connections }, async (_, index) => {
      const session = options.sessions[index % options.sessions.length]!;
      const operations = offered.get(session)!;
      const own: string[] = [];
      while (Date.now() < end) {
        const operation = pick(operations);
        const begun = performance.now();
        const at = Date.now();
        let outcome: string;
        let ok = false;
        try {
          const response = operation.send(options.url, session, own);
          if (!response) continue;
          const answer = await response;
          const body = await answer.text();
          ok = answer.status === operation.expected;
          outcome = String(answer.status);
          if (ok && operation.name === 'new request') own.push((JSON.parse(body) as { id: string }).id);
        } catch (error) {
          outcome = `no answer (${(error as Error).message})`;
        }
        if (at >= measureFrom) samples.push({ at, operation: operation.name, ms: performance.now() - begun, outcome, ok, write: operation.expected === 201 });
      }
    }),
  );
  await warmUp(memory, started, options.warmupSeconds);
  measureFrom = Date.now();
  end = measureFrom + options.seconds * 1000;
  say(`    ${options.connections} connections: warmed up in ${Math.round((measureFrom - started) / 1000)} s, now ${options.seconds} s measured`);
  await clients;
  clearInterval(sampler);
  const measuredMemory = memory.filter((sample) => sample.at >= measureFrom);
  const median = (values: number[]) => percentiles(values).p50;
  const startRss = median(measuredMemory.filter((sample) => sample.at < measureFrom + 5_000).map((sample) => sample.rss));
  const endRss = median(measuredMemory.filter((sample) => sample.at >= end - 5_000).map((sample) => sample.rss));
  const unexpected: Record<string, number> = {};
  for (const sample of samples.filter((s) => !s.ok)) unexpected[`${sample.operation} ${sample.outcome}`] = (unexpected[`${sample.operation} ${sample.outcome}`] ?? 0) + 1;
  const byOperation: LoadResult['byOperation'] = {};
  for (const name of new Set(samples.map((s) => s.operation))) {
    const times = samples.filter((s) => s.operation === name).map((s) => s.ms);
    byOperation[name] = { count: times.length, latencyMs: percentiles(times) };
  }
  return {
    connections: options.connections,
    warmupSeconds: Math.round((measureFrom - started) / 1000),
    seconds: options.seconds,
    requests: samples.length,
    requestsPerSecond: Math.round(samples.length / options.seconds),
    writes: samples.filter((s) => s.write).length,
    latencyMs: percentiles(samples.map((s) => s.ms)),
    byOperation,
    unexpected,
    notOffered: [...offered].flatMap(([session, operations]) => OPERATIONS.filter((op) => !operations.includes(op)).map((op) => `${op.name} (${session.tenant})`)),
    memory: { beforeLoadBytes: beforeLoad, startBytes: startRss, endBytes: endRss, peakBytes: Math.max(...measuredMemory.map((s) => s.rss)), growthPercent: Math.round(((endRss - startRss) / startRss) * 1000) / 10 },
  };
}

/** Waits out the warm-up: `min` seconds, then until the peak memory of the last 15 s is within 3 % of the 15 s before. */
async function warmUp(memory: { at: number; rss: number }[], started: number, limits: { min: number; max: number }): Promise<void> {
  const peak = (from: number, to: number) => Math.max(0, ...memory.filter((sample) => sample.at >= from && sample.at < to).map((sample) => sample.rss));
  await new Promise((resolve) => setTimeout(resolve, limits.min * 1000));
  while (Date.now() - started < limits.max * 1000) {
    const now = Date.now();
    const [earlier, recent] = [peak(now - 30_000, now - 15_000), peak(now - 15_000, now)];
    if (now - started >= 30_000 && recent <= earlier * 1.03) return;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
  }
}

/** The operations each session's portal offers: each is tried once before the load, and kept if it answers as expected. */
async function probe(url: string, sessions: PortalSession[]): Promise<Map<PortalSession, Operation[]>> {
  const offered = new Map<PortalSession, Operation[]>();
  const byTenant = new Map<string, Operation[]>();
  for (const session of sessions) {
    let operations = byTenant.get(session.tenant);
    if (!operations) {
      operations = [];
      for (const operation of OPERATIONS) {
        const response = await operation.send(url, session, []);
        // A reply needs a request of the session's own: it is offered wherever new requests are.
        if (!response) {
          operations.push(operation);
          continue;
        }
        const answer = await response;
        await answer.arrayBuffer();
        if (answer.status === operation.expected) operations.push(operation);
      }
      if (!operations.some((operation) => operation.name === 'new request')) operations = operations.filter((operation) => operation.name !== 'reply');
      byTenant.set(session.tenant, operations);
    }
    offered.set(session, operations);
  }
  return offered;
}

function pick(operations: Operation[]): Operation {
  const total = operations.reduce((sum, operation) => sum + operation.weight, 0);
  let roll = Math.random() * total;
  for (const operation of operations) if ((roll -= operation.weight) < 0) return operation;
  return operations.at(-1)!;
}

/** Percentiles by nearest rank, in whole tenths of a millisecond. */
export function percentiles(values: number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]! * 10) / 10 : 0;
  return { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) };
}
