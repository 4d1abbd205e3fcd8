/**
 * `npm run bench [-- --quick]`: Portico against its baselines, measured in one run on this machine. Every timing is
 * a ratio against a baseline measured in the same rounds (median of the rounds, min and max shown), because these
 * machines are shared and noisy; bundle sizes are exact. Prints a table and writes bench/report.md and report.json.
 * `--quick` (CI) runs fewer, shorter rounds on a smaller data set and writes bench/report.quick.md and .json instead
 * (not committed: the committed report is a full run's); it fails only if the bench itself breaks, never on a ratio.
 */
import { toolVersion } from '../scripts/tool-version.ts';
import { cpus, loadavg } from 'node:os';
import { writeFile } from 'node:fs/promises';
import { browserFigures, type BrowserFigures } from './browser.ts';
import { bundleFigures } from './bundle.ts';
import { httpFigures } from './http.ts';
import { buildWidgets } from '../scripts/build-widgets.ts';
import { absolutes, rows, toMarkdown, type Row } from './report.ts';

const quick = process.argv.includes('--quick');
const say = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<void> {
  const started = Date.now();
  const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const machine = {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    postgres: toolVersion('psql', ['--version']),
    chromium: toolVersion(process.env.CHROME_PATH ?? '/usr/bin/chromium', ['--version']),
    mode: quick ? 'quick' : 'full',
    load: loadavg()[0]!.toFixed(1),
    date: new Date().toISOString(),
  };
  say(`Portico bench (${machine.mode}) on ${machine.cores} × ${machine.cpu}, Node ${machine.node}`);
  say('• bundle sizes (brotli -11, exact)');
  const bundle = await bundleFigures();
  // The browser figures load the widgets from the server, which serves dist/: build it on a fresh clone.
  if (await buildWidgets({ ifStale: true })) say('  (widget bundle built for the browser figures)');
  say('• browser: first render and long tasks at 4× CPU throttle, against a bare Lit element');
  let browser: BrowserFigures | { error: string };
  try {
    browser = await browserFigures({ rounds: quick ? 3 : 7 }, say);
  } catch (error) {
    browser = { error: (error as Error).message };
    say(`  browser figures failed: ${(error as Error).message}`);
  }
  say('• server: requests/s and latency against a bare node:http server');
  const http = await httpFigures(
    { rounds: quick ? 3 : 5, seconds: quick ? 2 : 10, bigTenantCharges: quick ? 100_000 : 1_000_000, signIns: 200, adminUrl },
    say,
  );
  const table: Row[] = rows(bundle, browser, http);
  const report = { machine, seconds: Math.round((Date.now() - started) / 1000), figures: table, raw: { bundle, browser, http } };
  const name = quick ? 'report.quick' : 'report';
  await writeFile(new URL(`${name}.json`, import.meta.url), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(new URL(`${name}.md`, import.meta.url), toMarkdown(machine, table, report.seconds, absolutes(bundle, browser, http)));
  say('');
  for (const row of table) say(`${row.met === null ? '·' : row.met ? '✔' : '✘'} ${row.id.padEnd(3)} ${row.figure.padEnd(58)} ${row.value.padEnd(34)} target ${row.target}`);
  say(`\nWritten bench/${name}.md and bench/${name}.json in ${report.seconds} s`);
}

main().catch((error: Error) => {
  process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
