import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { DEMO_SIGN_INS } from '../demo/people.ts';
import { makeCursor } from '../server/http/page-cursor.ts';
import { freePort, pinned, root, spread, stop, waitFor } from './processes.ts';

const run = promisify(execFile);

export interface HttpOptions {
  rounds: number;
  seconds: number;
  /** Charges of the big tenant (1,000,000; fewer in --quick). */
  bigTenantCharges: number;
  signIns: number;
  /** A PostgreSQL server the bench may create a database on (superuser). */
  adminUrl: string;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

/** autocannon, pinned to core 0, against `url` with `connections`; its JSON summary. */
async function load(url: string, connections: number, seconds: number, headers: Record<string, string> = {}): Promise<Load> {
  const args = [join(root, 'node_modules/autocannon/autocannon.js'), '--json', '-c', String(connections), '-d', String(seconds)];
  for (const [name, value] of Object.entries(headers)) args.push('-H', `${name}=${value}`);
  args.push(url);
  const { stdout } = await run('taskset', ['-c', '0', process.execPath, ...args], { maxBuffer: 64 * 1024 * 1024 });
  const result = JSON.parse(stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number };
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors + result.timeouts };
}

async function signIn(base: string, slug: keyof typeof DEMO_SIGN_INS): Promise<string> {
  const response = await fetch(`${base}/api/portal/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Portal-Tenant': slug },
    body: JSON.stringify(DEMO_SIGN_INS[slug]),
  });
  if (!response.ok) throw new Error(`sign-in at ${slug} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Portico as `npm start` runs it (demo data), pinned to core 1, on PostgreSQL (`databaseUrl`) or the embedded PGlite. */
export async function startPortico(databaseUrl: string | undefined, extra: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'portico-bench-'));
  const env = { PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', NODE_ENV: 'test', PORTICO_DEMO: 'true', DATA_DIR: dataDir, API_RATE_LIMIT: '1000000', TRUSTED_PROXIES: '127.0.0.1', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}), ...extra };
  const child = pinned(1, process.execPath, ['--import', 'tsx', 'server/main.ts'], databaseUrl ? env : { ...env, DATABASE_URL: '' });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/ready`, child);
  return { url, pid: child.pid!, stop: async () => (await stop(child), await rm(dataDir, { recursive: true, force: true })) };
}

async function startHello(): Promise<Server> {
  const port = await freePort();
  const child = pinned(1, process.execPath, [join(root, 'bench/fixtures/hello-server.mjs')], { PORT: String(port) });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child);
  return { url, pid: child.pid!, stop: () => stop(child) };
}

async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

export interface HttpFigures {
  /** 6: charges page requests/s vs a bare node:http hello, and p99 at 50 connections (PostgreSQL). */
  throughput: { ratio: ReturnType<typeof spread>; porticoRps: ReturnType<typeof spread>; helloRps: ReturnType<typeof spread>; p99Ms: ReturnType<typeof spread>; errors: number };
  /** 7: the same on PGlite, as a ratio of PostgreSQL's. */
  embedded: { ratio: ReturnType<typeof spread>; rps: ReturnType<typeof spread> };
  /** 8: p50 latency ratios: a deep page vs the first; the big tenant vs the small one. */
  history: { deepVsFirst: ReturnType<typeof spread>; bigVsSmall: ReturnType<typeof spread>; charges: number; smallTenantCharges: number; firstP50: ReturnType<typeof spread> };
  /** 9: sign-ins at once: the server's peak RSS and /health's p99 meanwhile. */
  signIns: { count: number; peakRssBytes: number; healthP99Ms: number; healthP50Ms: number; failed: number };
}

/** The server figures of the issue, each as a ratio against a baseline measured in the same rounds. */
export async function httpFigures(options: HttpOptions, say: (line: string) => void): Promise<HttpFigures> {
  const admin = postgres(options.adminUrl, { max: 1, onnotice: () => {} });
  const database = `portico_bench_${process.pid}`;
  await admin.unsafe(`drop database if exists ${database} with (force)`);
  await admin.unsafe(`create database ${database}`);
  const databaseUrl = options.adminUrl.replace(/\/[^/]*$/, `/${database}`);
  const hello = await startHello();
  const native = await startPortico(databaseUrl);
  const embedded = await startPortico(undefined);
  try {
    const page = '/api/portal/billing/charges?limit=20';
    const ratio: number[] = [];
    const porticoRps: number[] = [];
    const helloRps: number[] = [];
    const p99: number[] = [];
    const embeddedRatio: number[] = [];
    const embeddedRps: number[] = [];
    let errors = 0;
    for (let round = 1; round <= options.rounds; round++) {
      const [nativeToken, embeddedToken] = [await signIn(native.url, 'clinica-sol'), await signIn(embedded.url, 'clinica-sol')];
      const baseline = await load(`${hello.url}/`, 50, options.seconds);
      const onPostgres = await load(`${native.url}${page}`, 50, options.seconds, { Authorization: `Bearer ${nativeToken}`, 'X-Portal-Tenant': 'clinica-sol' });
      const onPglite = await load(`${embedded.url}${page}`, 50, options.seconds, { Authorization: `Bearer ${embeddedToken}`, 'X-Portal-Tenant': 'clinica-sol' });
      errors += onPostgres.errors + onPglite.errors;
      helloRps.push(baseline.rps);
      porticoRps.push(onPostgres.rps);
      p99.push(onPostgres.p99);
      ratio.push(onPostgres.rps / baseline.rps);
      embeddedRps.push(onPglite.rps);
      embeddedRatio.push(onPglite.rps / onPostgres.rps);
      say(`  round ${round}: hello ${baseline.rps.toFixed(0)}/s, PostgreSQL ${onPostgres.rps.toFixed(0)}/s (p99 ${onPostgres.p99} ms), PGlite ${onPglite.rps.toFixed(0)}/s`);
    }
    await embedded.stop();

    // 8: a tenant whose history is long. The bench writes it itself (not committed), straight into the database.
    say(`  writing ${options.bigTenantCharges.toLocaleString('en')} charges for one tenant…`);
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    const [account] = await sql<{ id: string; tenant_id: string }[]>`
      select a.id, a.tenant_id from accounts a join tenants t on t.id = a.tenant_id join memberships m on m.account_id = a.id
        join portal_users u on u.id = m.user_id where t.slug = 'clinica-sol' and u.email = ${DEMO_SIGN_INS['clinica-sol'].email} limit 1`;
    await sql`insert into charges (tenant_id, account_id, external_id, description, amount_minor, currency, issue_date, due_date, status)
              select ${account!.tenant_id}, ${account!.id}, 'BENCH-' || g, 'Mensalidade ' || g, 1000 + g % 50000, 'BRL',
                     date '2000-01-01' + (g % 9000), date '2000-01-01' + (g % 9000), 'open'
                from generate_series(1, ${options.bigTenantCharges}) g`;
    await sql`analyze charges`;
    const [deep] = await sql<{ due_date: string; id: string }[]>`
      select to_char(due_date, 'YYYY-MM-DD') as due_date, id from charges where tenant_id = ${account!.tenant_id}
       order by due_date desc, id desc offset ${Math.floor(options.bigTenantCharges / 2)} limit 1`;
    const [{ n: small } = { n: 0 }] = await sql<{ n: number }[]>`
      select count(*)::int as n from charges c join tenants t on t.id = c.tenant_id where t.slug = 'martins-castro'`;
    await sql.end();
    const deepVsFirst: number[] = [];
    const bigVsSmall: number[] = [];
    const firstP50: number[] = [];
    for (let round = 1; round <= options.rounds; round++) {
      const [big, little] = [await signIn(native.url, 'clinica-sol'), await signIn(native.url, 'martins-castro')];
      const headers = { Authorization: `Bearer ${big}`, 'X-Portal-Tenant': 'clinica-sol' };
      const first = await load(`${native.url}${page}`, 10, options.seconds, headers);
      const inside = await load(`${native.url}${page}&before=${makeCursor(deep!.due_date, deep!.id)}`, 10, options.seconds, headers);
      const fewer = await load(`${native.url}${page}`, 10, options.seconds, { Authorization: `Bearer ${little}`, 'X-Portal-Tenant': 'martins-castro' });
      errors += first.errors + inside.errors + fewer.errors;
      firstP50.push(first.p50);
      deepVsFirst.push(Math.max(inside.p50, 0.01) / Math.max(first.p50, 0.01));
      bigVsSmall.push(Math.max(first.p50, 0.01) / Math.max(fewer.p50, 0.01));
      say(`  round ${round}: first page p50 ${first.p50} ms, deep page ${inside.p50} ms, small tenant ${fewer.p50} ms`);
    }

    // 9: many sign-ins at once (password hashing at the SECURITY.md cost), /health measured meanwhile.
    let peak = await rssOf(native.pid);
    const sampler = setInterval(() => void rssOf(native.pid).then((rss) => (peak = Math.max(peak, rss)), () => {}), 50);
    const health = load(`${native.url}/health`, 1, Math.max(3, options.seconds));
    const attempts = await Promise.all(
      Array.from({ length: options.signIns }, (_, index) =>
        fetch(`${native.url}/api/portal/auth/sign-in`, {
          method: 'POST',
          // Each from its own address (through the trusted proxy), so the per-address limit does not spare the hashing.
          headers: { 'Content-Type': 'application/json', 'X-Portal-Tenant': 'martins-castro', 'X-Forwarded-For': `10.9.${index >> 8}.${index & 255}` },
          body: JSON.stringify({ email: `nobody-${Math.random()}@example.com`, password: 'not the password at all' }),
        }).then((response) => response.status, () => 0),
      ),
    );
    const healthLoad = await health;
    clearInterval(sampler);
    return {
      throughput: { ratio: spread(ratio), porticoRps: spread(porticoRps), helloRps: spread(helloRps), p99Ms: spread(p99), errors },
      embedded: { ratio: spread(embeddedRatio), rps: spread(embeddedRps) },
      history: { deepVsFirst: spread(deepVsFirst), bigVsSmall: spread(bigVsSmall), charges: options.bigTenantCharges, smallTenantCharges: small, firstP50: spread(firstP50) },
      // An unknown e-mail is hashed like a known one (SECURITY.md 8): 401 is the expected answer; 503 means the
      // hasher refused for load (counted as failed), anything else too.
      signIns: { count: options.signIns, peakRssBytes: peak, healthP99Ms: healthLoad.p99, healthP50Ms: healthLoad.p50, failed: attempts.filter((status) => status !== 401).length },
    };
  } finally {
    await Promise.all([hello.stop(), native.stop(), embedded.stop().catch(() => {})]);
    await admin.unsafe(`drop database if exists ${database} with (force)`);
    await admin.end();
  }
}
