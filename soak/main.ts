/**
 * `npm run soak [-- --quick]`: Portico under load and under the faults of issue 16 — `kill -9` during a storm of
 * writes, PostgreSQL restarted under load, SMTP and webhook receivers down, a full disk — on a PostgreSQL cluster it
 * starts for itself (never the shared one) and on the embedded PGlite. Writes soak/report.md and soak/report.json and
 * exits non-zero if a check is not met (or a fault could not be tried: it needs root, for the tmpfs, and PostgreSQL's
 * initdb/pg_ctl). `--quick` runs 10 s of load and 200 writes per crash instead of 60 s and 1,000.
 */
import { toolVersion } from '../scripts/tool-version.ts';
import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { signIn, startPortico, type PortalSession } from './clients.ts';
import { postgresBinaries, startThrowawayPostgres, type ThrowawayPostgres } from './cluster.ts';
import { postgresDatabase } from './database.ts';
import { faultFigures, type NotRun } from './faults.ts';
import { portalLoad, type LoadResult } from './load.ts';
import { checks, toMarkdown, totals } from './report.ts';

const quick = process.argv.includes('--quick');
const say = (line: string) => process.stdout.write(`${line}\n`);

/** 60 s at 100 connections on PostgreSQL, after a warm-up (until memory stops climbing), from signed-in clients of both demo portals. */
async function load(pg: ThrowawayPostgres): Promise<LoadResult> {
  const database = await postgresDatabase(pg.url(), 'portico_soak_load');
  const server = await startPortico({ ...database.env, LOG_LEVEL: 'fatal' });
  try {
    const sessions: PortalSession[] = [];
    for (let i = 0; i < 5; i++) sessions.push(await signIn(server.url, 'clinica-sol'), await signIn(server.url, 'martins-castro'));
    return await portalLoad({ url: server.url, pid: server.pid, sessions, connections: 100, warmupSeconds: quick ? { min: 5, max: 30 } : { min: 15, max: 180 }, seconds: quick ? 10 : 60, say });
  } finally {
    await server.stop();
    await database.drop();
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const bin = postgresBinaries();
  const machine = {
    mode: quick ? 'quick' : 'full',
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    loadAverage: loadavg()[0]!.toFixed(1),
    node: process.version,
    postgres: bin ? toolVersion(`${bin}/postgres`, ['--version']) : 'no PostgreSQL binaries',
    date: new Date().toISOString(),
  };
  say(`Portico soak (${machine.mode}) on ${machine.cores} × ${machine.cpu}, load average ${machine.loadAverage}`);
  let pg: ThrowawayPostgres | NotRun;
  try {
    pg = await startThrowawayPostgres();
  } catch (error) {
    pg = { notRun: `no PostgreSQL cluster of its own (${(error as Error).message.split('\n')[0]})` };
  }
  // Interrupted (Ctrl-C), the soak still stops its own cluster rather than leave a postgres running.
  const cluster = pg;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void ('notRun' in cluster ? Promise.resolve() : cluster.destroy()).finally(() => process.exit(130)));
  }
  try {
    if ('notRun' in pg) throw new Error(`the soak needs a PostgreSQL cluster of its own: ${pg.notRun}`);
    say('• load: portal reads and writes');
    const loadFigures = await load(pg);
    const faults = await faultFigures({ postgres: pg, writes: quick ? 200 : 1_000, say });
    const rows = checks(loadFigures, faults);
    const headline = totals(loadFigures, faults);
    const seconds = Math.round((Date.now() - started) / 1000);
    const report = { machine, seconds, headline, checks: rows, raw: { load: loadFigures, faults } };
    await writeFile(new URL('report.json', import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
    await writeFile(new URL('report.md', import.meta.url), toMarkdown(machine, rows, headline, seconds));
    say('');
    for (const row of rows) say(`${row.met ? '✔' : '✘'} ${row.area}: ${row.check}: ${row.value} (target ${row.target})`);
    say(`\nWritten soak/report.md and soak/report.json in ${seconds} s`);
    if (rows.some((row) => !row.met)) process.exitCode = 1;
  } finally {
    if (!('notRun' in pg)) await pg.destroy();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`soak failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
