import type { BrowserFigures } from './browser.ts';
import type { BundleFigures } from './bundle.ts';
import type { HttpFigures } from './http.ts';

type Spread = { median: number; min: number; max: number };

/** One line of the report: the figure, its value as measured, the target, and whether it was met (null: not measured). */
export interface Row {
  id: string;
  figure: string;
  value: string;
  target: string;
  met: boolean | null;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const x = (value: Spread, digits = 2) => `${value.median.toFixed(digits)}× (${value.min.toFixed(digits)}–${value.max.toFixed(digits)})`;
const ms = (value: Spread) => `${value.median.toFixed(1)} ms (${value.min.toFixed(1)}–${value.max.toFixed(1)})`;

export function rows(bundle: BundleFigures, browser: BrowserFigures | { error: string }, http: HttpFigures): Row[] {
  const twoLimit = 3.5 * bundle.helloLit;
  const measured = !('error' in browser);
  return [
    { id: '1', figure: 'embed.js loader, brotli', value: kb(bundle.loader), target: '≤ 2.0 KB', met: bundle.loader <= 2048 },
    {
      id: '2',
      figure: `loader + runtime + Lit + largest widget (${bundle.largestWidget.name}), brotli`,
      value: `${kb(bundle.largestWidget.bytes)} = ${(bundle.largestWidget.bytes / bundle.helloLit).toFixed(2)}× hello Lit (${kb(bundle.helloLit)})`,
      target: `≤ 3.5× hello Lit (${kb(twoLimit)})`,
      met: bundle.largestWidget.bytes <= twoLimit,
    },
    { id: '3', figure: 'every client widget at once (<portal-app>), brotli', value: kb(bundle.allWidgets), target: '≤ 60 KB', met: bundle.allWidgets <= 60 * 1024 },
    measured
      ? { id: '4', figure: 'script response → first render, 4× throttle, vs bare Lit', value: x(browser.firstRender.ratio), target: '≤ 1.25×', met: browser.firstRender.ratio.median <= 1.25 }
      : { id: '4', figure: 'script response → first render, 4× throttle, vs bare Lit', value: `not measured: ${browser.error}`, target: '≤ 1.25×', met: null },
    measured
      ? {
          id: '5',
          figure: 'long tasks > 50 ms and layout shift added, 4× throttle',
          value: `${browser.longTasksAdded} long tasks, CLS ${browser.layoutShiftAdded.toFixed(3)}`,
          target: '0 and 0.000',
          met: browser.longTasksAdded === 0 && browser.layoutShiftAdded < 0.0005,
        }
      : { id: '5', figure: 'long tasks > 50 ms and layout shift added, 4× throttle', value: 'not measured', target: '0 and 0.000', met: null },
    {
      id: '6',
      figure: 'page of 20 charges (auth, tenant, RLS), req/s vs node:http hello',
      value: `${x(http.throughput.ratio)}; p99 ${ms(http.throughput.p99Ms)}`,
      target: '≥ 0.35×, p99 ≤ 25 ms at 50 conn.',
      met: http.throughput.ratio.median >= 0.35 && http.throughput.p99Ms.median <= 25,
    },
    { id: '7', figure: 'the same on the embedded PGlite, vs PostgreSQL', value: x(http.embedded.ratio), target: '≥ 0.5×', met: http.embedded.ratio.median >= 0.5 },
    {
      id: '8',
      figure: `p50: deep page vs first in ${http.history.charges.toLocaleString('en')} charges; that tenant vs one with ${http.history.smallTenantCharges}`,
      value: `${x(http.history.deepVsFirst)}; ${x(http.history.bigVsSmall)}`,
      target: '≤ 1.5× both',
      met: http.history.deepVsFirst.median <= 1.5 && http.history.bigVsSmall.median <= 1.5,
    },
    {
      id: '9',
      figure: `${http.signIns.count} sign-ins at once: server RSS, /health p99 meanwhile`,
      value: `${(http.signIns.peakRssBytes / 1024 / 1024).toFixed(0)} MB, p99 ${http.signIns.healthP99Ms} ms (${http.signIns.failed} refused)`,
      target: 'RSS ≤ 1 GiB, p99 ≤ 50 ms',
      met: http.signIns.peakRssBytes <= 1024 ** 3 && http.signIns.healthP99Ms <= 50,
    },
  ];
}

export function toMarkdown(machine: Record<string, string | number>, table: Row[], seconds: number): string {
  const lines = [
    '# Portico bench report',
    '',
    `${machine.mode} run of ${machine.date}, ${seconds} s — ${machine.cores} × ${machine.cpu}; Node ${machine.node}; ${machine.postgres}; ${machine.chromium}.`,
    '',
    'Timings are ratios against a baseline measured in the same rounds (median, with min–max over the rounds); sizes are exact.',
    '',
    '| # | figure | measured | target | met |',
    '|---|---|---|---|---|',
    ...table.map((row) => `| ${row.id} | ${row.figure} | ${row.value} | ${row.target} | ${row.met === null ? '—' : row.met ? 'yes' : '**no**'} |`),
    '',
  ];
  return lines.join('\n');
}
