import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { loadKeyStore } from '../../server/auth/keys.ts';
import { openDatabase, type Database } from '../../server/db/database.ts';
import { loadMigrations, migrate } from '../../server/db/migrate.ts';
import { createLogger } from '../../server/http/logger.ts';
import { enqueueMail } from '../../server/mail/outbox.ts';
import { createMetrics } from '../../server/metrics/metrics.ts';
import { localStorage } from '../../server/storage/storage.ts';
import { readProblem, seedTenant, testConfig } from '../helpers/server.ts';

const TOKEN = randomBytes(24).toString('hex');
let db: Database;
let tracked: Database;
let http: ServerType;
let url: string;

/**
 * The app with the metrics wrapped around it, as `createApp` wires them (the outer /metrics answers first, so this
 * holds whether or not the app has its own): every request is counted, every feature uses the counted database.
 */
before(async () => {
  // One request per token a minute, so a third call is refused whatever the minute's edges.
  const config = testConfig({ API_RATE_LIMIT: '1' });
  db = await openDatabase(config);
  const migrations = await loadMigrations();
  await migrate(db.owner, migrations);
  const metrics = createMetrics({ db, poolSize: config.databasePoolSize, token: TOKEN, mode: 'test' });
  tracked = metrics.trackDatabase(db);
  const app = new Hono();
  app.use(metrics.recordRequests);
  app.route('/', metrics.routes());
  const deps = { config, db: tracked, logger: createLogger('silent'), clock: () => new Date(), schemaVersion: migrations.length, keys: await loadKeyStore(db) };
  app.route('/', createApp({ ...deps, wakeMail: () => {}, storage: localStorage(join(tmpdir(), `portico-metrics-${process.pid}`)) }));
  http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => http.once('listening', resolve));
  url = `http://127.0.0.1:${(http.address() as { port: number }).port}`;
});
after(async () => {
  await new Promise((resolve) => http.close(resolve));
  await db.close();
});

async function scrape(): Promise<string> {
  const response = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/plain; version=0.0.4; charset=utf-8');
  return response.text();
}

/** The value of one series (`name{labels}`) in a scrape, 0 when it is not there yet. */
function valueOf(text: string, series: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('/metrics', () => {
  test('counts each request under its route pattern and status, never its raw path, in a valid exposition', async () => {
    const ids = [randomUUID(), randomUUID()];
    const before = await scrape();
    const statuses = await Promise.all(ids.map(async (id) => (await fetch(`${url}/api/v1/requests/${id}`)).status));
    assert.deepEqual(statuses, [401, 401]);
    await fetch(`${url}/nothing/here/${ids[0]}`);
    const text = await scrape();

    const counted = 'portico_http_requests_total{method="GET",route="/api/v1/requests/:id",status="401"}';
    assert.equal(valueOf(text, counted) - valueOf(before, counted), 2);
    const timed = 'portico_http_request_duration_seconds_count{method="GET",route="/api/v1/requests/:id"}';
    assert.equal(valueOf(text, timed) - valueOf(before, timed), 2);
    const unmatched = 'portico_http_requests_total{method="GET",route="unmatched",status="404"}';
    assert.equal(valueOf(text, unmatched) - valueOf(before, unmatched), 1);
    for (const id of ids) assert.ok(!text.includes(id), 'a raw id became a label');

    // Every sample belongs to a metric declared with HELP and TYPE; buckets are cumulative and end at +Inf.
    const declared = new Set([...text.matchAll(/^# TYPE (\w+) (counter|gauge|histogram)$/gm)].map((match) => match[1]));
    assert.ok(declared.has('portico_db_pool_in_use') && declared.has('portico_mail_outbox_pending'));
    for (const line of text.split('\n').filter((candidate) => candidate && !candidate.startsWith('#'))) {
      const match = /^([a-z_]+?)(_bucket|_sum|_count)?(\{[^}]*\})? (-?[\d.e+-]+|\+Inf|NaN)$/.exec(line);
      assert.ok(match, `not a sample line: ${line}`);
      assert.ok(declared.has(match[1]!) || declared.has(`${match[1]}${match[2] ?? ''}`), `undeclared metric: ${line}`);
    }
    const buckets = text.split('\n').filter((line) => line.startsWith('portico_http_request_duration_seconds_bucket{method="GET",route="/api/v1/requests/:id"'));
    const counts = buckets.map((line) => Number(line.split(' ')[1]));
    assert.deepEqual(counts, [...counts].sort((a, b) => a - b));
    assert.match(buckets.at(-1)!, /le="\+Inf"\} \d+$/);
    assert.equal(counts.at(-1), valueOf(text, timed));
  });

  test('counts rate-limit refusals by route and problem code', async () => {
    const tenant = await seedTenant(db);
    const expiresAt = new Date(Date.now() + 86_400_000);
    const { token } = await db.withTenant(tenant.id, (tx) => createApiToken(tx, tenant.slug, { name: 'bi', scopes: ['requests:read'], expiresAt }));
    const before = await scrape();
    const statuses: number[] = [];
    for (let call = 0; call < 3; call++) statuses.push((await fetch(`${url}/api/v1/requests`, { headers: { Authorization: `Bearer ${token}` } })).status);
    const refused = statuses.filter((status) => status === 429).length;
    assert.ok(refused >= 1, `statuses ${statuses}`);
    const text = await scrape();
    const refusals = 'portico_rate_limit_refusals_total{route="/api/v1/requests",code="rate_limited"}';
    assert.equal(valueOf(text, refusals) - valueOf(before, refusals), refused);
    const answered = 'portico_http_requests_total{method="GET",route="/api/v1/requests",status="429"}';
    assert.equal(valueOf(text, answered) - valueOf(before, answered), refused);
  });

  test('the backlog gauges count unsent mail and undelivered webhooks, and fall back once they go out', async () => {
    const tenant = await seedTenant(db);
    const before = await scrape();
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db.withTenant(tenant.id, async (tx) => {
      for (const n of [1, 2, 3]) {
        await enqueueMail(tx, { tenantId: tenant.id, dedupeKey: `metrics-${n}`, to: `client${n}@example.com`, template: 'test-mail', locale: 'en', data: { sentBy: 'metrics test' } });
      }
      await tx`update outbox set created_at = ${hourAgo} where tenant_id = ${tenant.id}`;
      await tx`insert into webhook_endpoints (tenant_id, url, events, secret) values (${tenant.id}, 'https://erp.example/hook', ${['request.created']}, 'secret')`;
      // The fan-out trigger turns the event into one pending delivery for the endpoint.
      await tx`insert into events (tenant_id, type, data) values (${tenant.id}, 'request.created', '{}')`;
    });
    const during = await scrape();
    assert.equal(valueOf(during, 'portico_mail_outbox_pending') - valueOf(before, 'portico_mail_outbox_pending'), 3);
    assert.equal(valueOf(during, 'portico_webhook_deliveries_pending') - valueOf(before, 'portico_webhook_deliveries_pending'), 1);
    assert.ok(valueOf(during, 'portico_mail_outbox_oldest_pending_seconds') >= 3_600);
    assert.equal(valueOf(during, 'portico_db_up'), 1);

    await db.owner`update outbox set status = 'sent', sent_at = now() where tenant_id = ${tenant.id}`;
    await db.owner`update webhook_deliveries set status = 'delivered', delivered_at = now() where tenant_id = ${tenant.id}`;
    const afterwards = await scrape();
    assert.equal(valueOf(afterwards, 'portico_mail_outbox_pending'), valueOf(before, 'portico_mail_outbox_pending'));
    assert.equal(valueOf(afterwards, 'portico_webhook_deliveries_pending'), valueOf(before, 'portico_webhook_deliveries_pending'));
  });

  test('the pool gauges count the request transactions holding a connection or waiting for one', async () => {
    const tenant = await seedTenant(db);
    const idle = await scrape();
    const size = valueOf(idle, 'portico_db_pool_size');
    assert.ok(size >= 1);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const holding = new Promise<void>((resolve) => (started = resolve));
    // Two transactions of the counted database: the first holds its connection, the second holds one or waits.
    const first = tracked.withTenant(tenant.id, async (tx) => {
      await tx`select 1`;
      started();
      await held;
    });
    await holding;
    const second = tracked.withTenant(tenant.id, async () => held);
    const busy = await scrape();
    assert.equal(valueOf(busy, 'portico_db_pool_in_use') + valueOf(busy, 'portico_db_pool_waiting'), valueOf(idle, 'portico_db_pool_in_use') + 2);
    assert.ok(valueOf(busy, 'portico_db_pool_in_use') <= size);
    release();
    await Promise.all([first, second]);
    const after = await scrape();
    assert.equal(valueOf(after, 'portico_db_pool_in_use'), valueOf(idle, 'portico_db_pool_in_use'));
    assert.equal(valueOf(after, 'portico_db_pool_waiting'), 0);
  });

  test('a scrape needs the METRICS_TOKEN; without one, production serves no /metrics', async () => {
    const bare = await fetch(`${url}/metrics`);
    assert.equal(bare.status, 401);
    assert.equal(bare.headers.get('www-authenticate'), 'Bearer realm="metrics"');
    assert.equal((await readProblem(bare)).code, 'unauthenticated');
    const wrong = await fetch(`${url}/metrics`, { headers: { Authorization: `Bearer ${TOKEN.slice(1)}x` } });
    assert.equal(wrong.status, 401);
    assert.ok(!(await wrong.text()).includes('portico_'));

    for (const [mode, status] of [['production', 404], ['development', 200]] as const) {
      const metrics = createMetrics({ db, poolSize: 1, mode });
      const server = serve({ fetch: new Hono().route('/', metrics.routes()).fetch, port: 0, hostname: '127.0.0.1' });
      await new Promise((resolve) => server.once('listening', resolve));
      const response = await fetch(`http://127.0.0.1:${(server.address() as { port: number }).port}/metrics`);
      assert.equal(response.status, status, mode);
      if (status === 404) assert.equal((await readProblem(response)).code, 'not_found');
      else assert.match(await response.text(), /^# HELP portico_http_requests_total /);
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
