import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { z } from 'zod';
import { AppError } from '../../server/http/problem.ts';
import { validate } from '../../server/http/validate.ts';
import { readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;

before(async () => {
  server = await startTestServer();
  // Probe routes exercising the shared mechanisms every feature's handlers rely on.
  server.app.post('/api/portal/probe/echo', validate('json', z.object({ name: z.string().min(1), age: z.number().int() })), (c) =>
    c.json(c.req.valid('json')),
  );
  server.app.get('/api/portal/probe/crash', () => {
    throw new Error('secret connection string postgres://user:hunter2@db');
  });
  server.app.get('/api/portal/probe/refuse', () => {
    throw new AppError('invalid_input', 422, 'refused on purpose');
  });
});
after(() => server.stop());

const json = (body: string) => ({ method: 'POST', headers: { 'Content-Type': 'application/json' }, body });

describe('errors are problem+json with a stable code', () => {
  test('an unknown route is a 404 problem', async () => {
    const response = await server.request('/api/portal/nothing-here');
    assert.equal(response.status, 404);
    const problem = await readProblem(response);
    assert.equal(problem.code, 'not_found');
    assert.equal(problem.status, 404);
    assert.equal(problem.requestId, response.headers.get('x-request-id'));
  });

  test('malformed JSON is a 400 malformed_json and never reaches the handler', async () => {
    for (const body of ['{"name": "Ana", ', '{name: 1}', 'not json', '']) {
      const response = await server.request('/api/portal/probe/echo', json(body));
      assert.equal(response.status, 400, `body ${JSON.stringify(body)}`);
      assert.equal((await readProblem(response)).code, 'malformed_json');
    }
  });

  test('a body that does not match the schema is a 400 invalid_input naming each field', async () => {
    const response = await server.request('/api/portal/probe/echo', json('{"name": "", "age": "old"}'));
    assert.equal(response.status, 400);
    const problem = await readProblem(response);
    assert.equal(problem.code, 'invalid_input');
    const paths = (problem.errors as { path: string }[]).map((error) => error.path).sort();
    assert.deepEqual(paths, ['age', 'name']);
  });

  test('a body that is not JSON at all is a 415', async () => {
    const response = await server.request('/api/portal/probe/echo', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'name=Ana' });
    assert.equal(response.status, 415);
    assert.equal((await readProblem(response)).code, 'unsupported_media_type');
  });

  test('a valid body passes through typed', async () => {
    const response = await server.request('/api/portal/probe/echo', json('{"name": "Ana", "age": 41}'));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { name: 'Ana', age: 41 });
  });

  test('an AppError keeps its own status and code', async () => {
    const response = await server.request('/api/portal/probe/refuse');
    assert.equal(response.status, 422);
    assert.equal((await readProblem(response)).detail, 'refused on purpose');
  });

  test('an unexpected error is a generic 500 that leaks nothing', async () => {
    const response = await server.request('/api/portal/probe/crash');
    assert.equal(response.status, 500);
    const text = await response.text();
    assert.doesNotMatch(text, /hunter2|postgres:|Error:|at .*\.ts/);
    assert.equal(JSON.parse(text).code, 'internal_error');
  });
});

describe('every response', () => {
  test('carries a request id, and echoes a sane one the caller sent', async () => {
    const first = await server.request('/health');
    const second = await server.request('/health');
    assert.match(first.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    assert.notEqual(first.headers.get('x-request-id'), second.headers.get('x-request-id'));
    const echoed = await server.request('/health', { headers: { 'X-Request-Id': 'trace-123' } });
    assert.equal(echoed.headers.get('x-request-id'), 'trace-123');
  });

  test('carries the security headers', async () => {
    for (const path of ['/health', '/api/portal/nothing-here']) {
      const response = await server.request(path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer', path);
      assert.equal(response.headers.get('x-frame-options'), 'SAMEORIGIN', path);
    }
  });

  test('API answers are not stored by caches', async () => {
    const response = await server.request('/api/portal/nothing-here');
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });
});

describe('health and readiness', () => {
  test('/health answers while the process is up', async () => {
    const response = await server.request('/health');
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { status: 'ok' });
  });

  test('/ready reports the database reachable and the schema current', async () => {
    const response = await server.request('/ready');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { status: string; schemaVersion: number; expectedSchemaVersion: number };
    assert.equal(body.status, 'ready');
    assert.equal(body.schemaVersion, body.expectedSchemaVersion);
    assert.ok(body.schemaVersion >= 1);
  });
});

describe('hostile requests get a clear 4xx, never a 500', () => {
  test('a body over the API limit is a 413 payload_too_large', async () => {
    const body = JSON.stringify({ name: 'x'.repeat(1024 * 1024 + 10), age: 1 });
    const response = await server.request('/api/portal/probe/echo', json(body));
    assert.equal(response.status, 413);
    assert.equal((await readProblem(response)).code, 'payload_too_large');
    // The unread rest of the body makes the connection useless: the client is told not to reuse it.
    assert.equal(response.headers.get('connection'), 'close');
  });

  test('a broken percent-encoding in a tenant URL, with an Origin, is a plain 404', async () => {
    const response = await server.request('/api/portal/tenants/%E0%A4%A', { headers: { Origin: 'https://site.example.com' } });
    assert.equal(response.status, 404);
  });
});

describe('the demo sites (demo mode)', () => {
  let demo: TestServer;
  before(async () => {
    demo = await startTestServer({ PORTICO_DEMO: 'true' });
  });
  after(() => demo.stop());

  test('are served under a strict Content-Security-Policy', async () => {
    const response = await demo.request('/demo/clinica-sol/');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.match(csp, /require-trusted-types-for 'script'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  });

  test('serve only the sites, not the seed code or anything outside the folder', async () => {
    for (const path of ['/demo/seed.ts', '/demo/tenants.ts', '/demo/clinica-sol/../seed.ts', '/demo/%2e%2e/package.json', '/demo/clinica-sol/%2e%2e%2fseed.ts']) {
      const response = await demo.request(path, { redirect: 'manual' });
      assert.ok(response.status === 404 || (response.status === 302 && !/\.ts|package/.test(response.headers.get('location') ?? '')), `${path}: ${response.status}`);
    }
  });

  test('a header-splitting slug is a 404, not a 500', async () => {
    const response = await demo.request('/demo/%0d%0aSet-Cookie:%20x=1', { redirect: 'manual' });
    assert.equal(response.status, 404);
    assert.equal(response.headers.get('set-cookie'), null);
  });

  test('are not served outside demo mode', async () => {
    assert.equal((await server.request('/demo/clinica-sol/')).status, 404);
  });
});
