/**
 * The Prometheus text exposition format (version 0.0.4), written by hand: it is a few lines per metric, and the
 * server needs only counters, one histogram and gauges computed at scrape time.
 * https://prometheus.io/docs/instrumenting/exposition_formats/
 */

/** The media type a scrape is answered with. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Label names and values of one series. */
export type Labels = Record<string, string>;

/** One value of a gauge, with its labels. */
export interface Sample {
  labels?: Labels;
  value: number;
}

/** A counter per label set; label sets come from the server's own routes and codes, so they stay few. */
export class Counter {
  private readonly series = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
  ) {}

  inc(labels: Labels, by = 1): void {
    const key = seriesKey(labels);
    const found = this.series.get(key);
    if (found) found.value += by;
    else this.series.set(key, { labels, value: by });
  }

  render(): string {
    return block(this.name, this.help, 'counter', [...this.series.values()].map(({ labels, value }) => line(this.name, labels, value)));
  }
}

/** A histogram per label set, with cumulative buckets (upper bounds in the metric's unit), `_sum` and `_count`. */
export class Histogram {
  private readonly series = new Map<string, { labels: Labels; counts: number[]; sum: number; count: number }>();

  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: readonly number[],
  ) {}

  observe(labels: Labels, value: number): void {
    const key = seriesKey(labels);
    let found = this.series.get(key);
    if (!found) this.series.set(key, (found = { labels, counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index >= 0) found.counts[index]!++;
    found.sum += value;
    found.count++;
  }

  render(): string {
    const lines: string[] = [];
    for (const { labels, counts, sum, count } of this.series.values()) {
      let cumulative = 0;
      this.buckets.forEach((bound, index) => {
        cumulative += counts[index]!;
        lines.push(line(`${this.name}_bucket`, { ...labels, le: String(bound) }, cumulative));
      });
      lines.push(line(`${this.name}_bucket`, { ...labels, le: '+Inf' }, count), line(`${this.name}_sum`, labels, sum), line(`${this.name}_count`, labels, count));
    }
    return block(this.name, this.help, 'histogram', lines);
  }
}

/** A gauge's block, from values read at scrape time. */
export function gauge(name: string, help: string, samples: Sample[]): string {
  return block(name, help, 'gauge', samples.map(({ labels, value }) => line(name, labels ?? {}, value)));
}

function block(name: string, help: string, type: string, lines: string[]): string {
  return [`# HELP ${name} ${help.replace(/\\/g, '\\\\').replace(/\n/g, '\\n')}`, `# TYPE ${name} ${type}`, ...lines].join('\n');
}

function line(name: string, labels: Labels, value: number): string {
  const pairs = Object.entries(labels).map(([label, text]) => `${label}="${escapeLabel(text)}"`);
  return `${name}${pairs.length ? `{${pairs.join(',')}}` : ''} ${formatValue(value)}`;
}

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function seriesKey(labels: Labels): string {
  return JSON.stringify(Object.entries(labels));
}
