import type { CrashResult } from './crash.ts';
import type { DiskFullResult } from './disk-full.ts';
import type { FaultFigures, NotRun } from './faults.ts';
import type { LoadResult } from './load.ts';
import type { OutageResult } from './outage.ts';

/** One line of the report: what was checked, what was found, what it had to be. `met: false` fails the soak. */
export interface Check {
  area: string;
  check: string;
  value: string;
  target: string;
  met: boolean;
}

const notRun = (value: unknown): value is NotRun => typeof value === 'object' && value !== null && 'notRun' in value;
const line = (area: string, check: string, value: string, target: string, met: boolean): Check => ({ area, check, value, target, met });
const count = (record: Record<string, number>) => Object.values(record).reduce((sum, n) => sum + n, 0);
const describe = (record: Record<string, number>) => Object.entries(record).map(([key, n]) => `${n} × ${key}`).join(', ') || 'none';

/** Every check of the issue, from the figures. */
export function checks(load: LoadResult, faults: FaultFigures): Check[] {
  return [
    ...loadChecks(load),
    ...crashChecks('kill -9 (PostgreSQL)', faults.crash.postgres),
    ...crashChecks('kill -9 (embedded)', faults.crash.embedded),
    ...restartChecks(faults.databaseRestart),
    ...diskChecks(faults.diskFull),
  ];
}

function loadChecks(load: LoadResult): Check[] {
  const area = `load (${load.connections} connections, ${load.seconds} s)`;
  return [
    line(area, 'requests answered', `${load.requests} (${load.requestsPerSecond}/s, ${load.writes} writes)`, '—', load.requests > 0),
    line(area, 'unexpected answers', describe(load.unexpected), '0', count(load.unexpected) === 0),
    line(area, 'latency p50 / p99 / max', `${load.latencyMs.p50} / ${load.latencyMs.p99} / ${load.latencyMs.max} ms`, 'reported', true),
    line(area, `server memory (RSS) growth over the measured ${load.seconds} s`, `${load.memory.growthPercent} % (${mb(load.memory.startBytes)} → ${mb(load.memory.endBytes)}, peak ${mb(load.memory.peakBytes)}; ${mb(load.memory.beforeLoadBytes)} before the load, ${load.warmupSeconds} s warm-up)`, '< 10 %', load.memory.growthPercent < 10),
  ];
}

function crashChecks(area: string, crash: CrashResult | NotRun): Check[] {
  if (notRun(crash)) return [line(area, 'run', crash.notRun, 'run', false)];
  const { acknowledged, delivery, retriedWithSameKey: retried } = crash;
  const retriesOk = Object.keys(retried.answers).every((answer) => answer.startsWith('2'));
  return [
    line(area, 'acknowledged before the kill', `${acknowledged.requestsCreated} requests, ${acknowledged.requestsAnswered} answers, ${acknowledged.chargeBatches} charge batches of ${crash.operationsFired} operations`, '—', true),
    line(area, 'unexpected answers before the kill', describe(crash.unexpectedAnswers), '0', count(crash.unexpectedAnswers) === 0),
    line(area, 'acknowledged writes missing after restart', String(crash.lost.length), '0', crash.lost.length === 0),
    line(area, 'changes without their audit entry / event / mail', String(crash.halfWritten.length), '0', crash.halfWritten.length === 0),
    line(area, 'committed but unanswered (client never heard back)', `${crash.committedUnacknowledged.requests} requests, ${crash.committedUnacknowledged.answers} answers`, 'reported', true),
    line(area, 'unanswered charge batches sent again (same Idempotency-Key)', `${retried.sent}: ${describe(retried.answers)}; key still held ${retried.stillRunning}×; ${retried.duplicateCharges} duplicates`, 'all 2xx, 0 duplicates', retriesOk && retried.duplicateCharges === 0),
    line(area, 'mails delivered once SMTP was back', `${delivery.mailsDelivered} / ${delivery.mailsExpected}`, 'all', delivery.mailsDelivered === delivery.mailsExpected),
    line(area, 'webhooks delivered once the receiver was back', `${delivery.webhooksDelivered} / ${delivery.webhooksExpected} (in ${Math.round(delivery.waitedMs / 1000)} s)`, 'all', delivery.webhooksDelivered === delivery.webhooksExpected && delivery.undelivered.length === 0),
    ...(crash.backlogSeen ? [line(area, 'backlog /metrics showed while the receivers were down', `${crash.backlogSeen.mailPending} mails, ${crash.backlogSeen.webhooksPending} webhooks pending`, '> 0 (seen)', crash.backlogSeen.webhooksPending > 0)] : []),
  ];
}

function restartChecks(outage: OutageResult | NotRun): Check[] {
  const area = 'PostgreSQL restarted under load';
  if (notRun(outage)) return [line(area, 'run', outage.notRun, 'run', false)];
  const recovery = Math.max(outage.firstSuccessAfterBackMs ?? Infinity, outage.lastFailureAfterBackMs);
  return [
    line(area, 'answers while it was down', describe(outage.answers.down), '503 problem+json only', Object.keys(outage.answers.down).every((key) => key === '503 service_unavailable' || key.startsWith('2'))),
    line(area, 'unexpected answers (500, no answer, hang)', String(outage.unexpected), '0', outage.unexpected === 0),
    line(area, 'slowest answer while down', `${outage.slowestWhileDownMs} ms`, 'reported', true),
    line(area, 'recovered after it was back (no restart of Portico)', `${recovery} ms`, '≤ 5000 ms', recovery <= 5_000),
    line(area, 'acknowledged writes missing', `${outage.writesLost.length} of ${outage.writesAcknowledged}`, '0', outage.writesLost.length === 0),
    ...(outage.dbUpWhileDown === undefined ? [] : [line(area, 'portico_db_up in /metrics: down / after', `${outage.dbUpWhileDown} / ${outage.dbUpAfter}`, '0 / 1', outage.dbUpWhileDown === 0 && outage.dbUpAfter === 1)]),
  ];
}

function diskChecks(disk: DiskFullResult | NotRun): Check[] {
  const area = 'file storage full';
  if (notRun(disk)) return [line(area, 'run', disk.notRun, 'run', false)];
  const answer = (a: { status: number; code?: string }) => `${a.status}${a.code ? ` ${a.code}` : ''}`;
  const clean = (a: { status: number; code?: string }) => a.status === 507 && Boolean(a.code);
  const success = (a: { status: number }) => a.status >= 200 && a.status < 300;
  return [
    line(area, 'attachment (multipart) / document file (streamed)', `${answer(disk.whileFull.attachment)} / ${answer(disk.whileFull.document)}`, '507 problem+json', clean(disk.whileFull.attachment) && clean(disk.whileFull.document)),
    line(area, 'files left in the store', disk.leftBehind.join(', ') || 'none', 'none', disk.leftBehind.length === 0),
    line(area, 'attachments recorded / document changed', `${disk.attachmentsRecorded} / ${disk.documentUnchanged ? 'no' : 'yes'}`, '0 / no', disk.attachmentsRecorded === 0 && disk.documentUnchanged),
    line(area, 'same uploads once room was made', `${answer(disk.afterFreeing.attachment)} / ${answer(disk.afterFreeing.document)}`, '2xx', success(disk.afterFreeing.attachment) && success(disk.afterFreeing.document)),
  ];
}

/** Requests the soak sent (load, storms, retries, outage, uploads) and acknowledged data not found afterwards. */
export function totals(load: LoadResult, faults: FaultFigures): { inputsTried: number; dataLost: number } {
  let inputsTried = load.requests;
  let dataLost = 0;
  for (const crash of [faults.crash.postgres, faults.crash.embedded]) {
    if (notRun(crash)) continue;
    inputsTried += crash.operationsFired + crash.retriedWithSameKey.sent;
    dataLost += crash.lost.length + crash.halfWritten.length + crash.delivery.undelivered.length;
  }
  if (!notRun(faults.databaseRestart)) {
    const { before, down, after } = faults.databaseRestart.answers;
    inputsTried += count(before) + count(down) + count(after);
    dataLost += faults.databaseRestart.writesLost.length;
  }
  if (!notRun(faults.diskFull)) {
    inputsTried += 4;
    dataLost += faults.diskFull.leftBehind.length;
  }
  return { inputsTried, dataLost };
}

/** The report as Markdown: the machine, the headline, then every check. */
export function toMarkdown(machine: Record<string, string | number>, rows: Check[], headline: { inputsTried: number; dataLost: number }, seconds: number): string {
  const failed = rows.filter((row) => !row.met);
  const body = [
    '# Portico under load and faults',
    '',
    `Written by \`npm run soak\` (${machine.mode}) in ${seconds} s on ${machine.cores} × ${machine.cpu} (load average ${machine.loadAverage} at the start), Node ${machine.node}, ${machine.postgres}, ${machine.date}.`,
    'Every fault runs against a PostgreSQL cluster the soak starts for itself (or the embedded PGlite), never a shared one. Raw figures: [report.json](report.json).',
    '',
    `**${failed.length === 0 ? 'All checks met' : `${failed.length} check(s) not met`}** — requests sent under load and faults: ${headline.inputsTried.toLocaleString('en')}; acknowledged data lost: ${headline.dataLost}.`,
    '',
    '| area | check | found | target | |',
    '|---|---|---|---|---|',
    ...rows.map((row) => `| ${row.area} | ${row.check} | ${row.value.replaceAll('|', '\\|')} | ${row.target} | ${row.met ? '✔' : '✘'} |`),
    '',
    'How each fault is made: `kill -9` of `server/main.ts` once 40 % of the writes fired at once have been answered, then a restart on the same database, with the SMTP server and the webhook receiver not listening until after the restart; `pg_ctl stop -m fast` of the soak’s own cluster under 20 clients, 5 s down, `pg_ctl start`; a 16 MB tmpfs as the file storage, filled to the brim. Load: signed-in clients of both demo portals reading (requests, charges, documents, news, processes …) and writing (new requests, replies), latency measured by the client, memory from `/proc/<pid>/status`; the warm-up lasts until the server’s memory stops climbing (under 3 % in 15 s), and is not measured.',
    '',
  ];
  return body.join('\n');
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}
