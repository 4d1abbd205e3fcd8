import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { API_SCOPES, createApiToken } from '../../server/auth/api-tokens.ts';
import { docOf, operationsOf } from '../../server/openapi/generate.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { call, judge, sampleOf, type OpenApi, type Operation, type Schema } from '../helpers/openapi-requests.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;
let document: OpenApi;
let apiToken: string;
let portalToken = '';

async function signIn(): Promise<string> {
  const client = new PortalClient(server, f.tenant.slug);
  const answer = await client.post('/sign-in', { email: f.rh.email, password: f.rh.password });
  return ((await answer.json()) as { accessToken: string }).accessToken;
}

before(async () => {
  // No rate limit here: this test sends thousands of requests with one token.
  server = await startTestServer({ API_RATE_LIMIT: '1000000' });
  f = await seedIdentity(server.db);
  const expiresAt = new Date(Date.now() + 86_400_000);
  apiToken = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'fuzz', scopes: [...API_SCOPES], expiresAt }))).token;
  portalToken = await signIn();
  document = (await (await server.request('/openapi.json')).json()) as OpenApi;
});
after(() => server.stop());

describe('the OpenAPI document', () => {
  test('is valid OpenAPI 3.1', async () => {
    const validator = new Validator();
    const result = await validator.validate(document as never);
    assert.equal(validator.version, '3.1');
    assert.equal(result.valid, true, JSON.stringify(result.errors)?.slice(0, 2000));
  });

  test('describes every operation of /api/v1 and /api/portal the server has, each with a summary', () => {
    const operations = operationsOf(server.app as never);
    assert.ok(operations.length > 150, `${operations.length} operations`);
    const undescribed = operations.filter((operation) => !docOf(operation)).map((operation) => `${operation.method} ${operation.path}`);
    assert.deepEqual(undescribed, []);
    for (const operation of operations) {
      const path = operation.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
      assert.ok(document.paths[path]?.[operation.method.toLowerCase()], `${operation.method} ${path} is in the document`);
    }
  });

  test('every request example it shows is accepted by the route’s own schema', () => {
    for (const operation of operationsOf(server.app as never)) {
      const example = docOf(operation)?.requestExample;
      if (example === undefined) continue;
      const json = operation.meta.find((meta) => meta.kind === 'input' && meta.target === 'json');
      assert.ok(json && json.kind === 'input', `${operation.method} ${operation.path} has a JSON body for its example`);
      const parsed = json.schema.safeParse(example);
      assert.ok(parsed.success, `${operation.method} ${operation.path}: ${JSON.stringify(parsed.error?.issues)}`);
    }
  });
});

/** A value for a schema: the example, else a sample, with the fixture's ids where a name asks for one. */
function valueFor(name: string, schema: Schema | undefined): unknown {
  if (/accountId$/i.test(name)) return f.person.id;
  if (schema?.format === 'uuid') return randomUUID();
  return sampleOf(schema);
}

/** Each top-level field given a value of the wrong type. */
function wrongTypes(body: unknown): unknown[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.entries(body).map(([key, value]) => ({
    ...body,
    [key]: typeof value === 'string' ? 12345 : typeof value === 'number' ? 'not a number' : typeof value === 'boolean' ? 'yes' : Array.isArray(value) ? { not: 'a list' } : value === null ? ['null'] : 'not an object',
  }));
}

/** Each string field made huge (beyond any field's limit, within the body limit). */
function hugeStrings(body: unknown): unknown[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return Object.entries(body)
    .filter(([, value]) => typeof value === 'string')
    .map(([key]) => ({ ...body, [key]: '𝕏'.repeat(100_000) }));
}

function missingFields(body: unknown): unknown[] {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return [];
  return [{}, ...Object.keys(body).map((key) => Object.fromEntries(Object.entries(body).filter(([other]) => other !== key)))];
}

interface Case {
  label: string;
  path: string;
  body?: string | Uint8Array;
  contentType?: string;
}

function casesFor(path: string, method: string, operation: Operation): Case[] {
  const parameters = operation.parameters ?? [];
  const fill = (invalid: boolean) =>
    path.replace(/\{(\w+)\}/g, (_match, name: string) => {
      if (invalid) return 'not-an-id-%E2%80%AE';
      const parameter = parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
      return encodeURIComponent(String(valueFor(name, parameter?.schema)));
    });
  const query = new URLSearchParams();
  for (const parameter of parameters.filter((candidate) => candidate.in === 'query' && candidate.required)) query.set(parameter.name, String(valueFor(parameter.name, parameter.schema)));
  const url = (invalid = false) => `${fill(invalid)}${query.size ? `?${query}` : ''}`;
  const cases: Case[] = [{ label: 'valid', path: url() }];
  if (path.includes('{')) cases.push({ label: 'invalid path parameter', path: url(true) });
  if (parameters.some((candidate) => candidate.in === 'query')) {
    // Long, with control characters — within what an HTTP server takes in a request line (Node: 16 KB of headers).
    const names = parameters.filter((candidate) => candidate.in === 'query').map((candidate) => candidate.name);
    const each = Math.floor(8000 / names.length);
    cases.push({ label: 'hostile query', path: `${fill(false)}?${names.map((name) => `${name}=${encodeURIComponent('\u0000\u202e'.repeat(2) + 'x'.repeat(each))}`).join('&')}` });
  }
  const content = operation.requestBody?.content ?? {};
  const json = content['application/json'];
  if (json && method !== 'get') {
    const valid = json.example ?? valueFor('body', json.schema);
    const bodies: [string, unknown][] = [
      ['valid body', valid],
      ['unknown field', valid && typeof valid === 'object' && !Array.isArray(valid) ? { ...valid, zzUnknownField: 'surprise' } : { zzUnknownField: 1 }],
      ...missingFields(valid).map((body) => ['missing field', body] as [string, unknown]),
      ...wrongTypes(valid).map((body) => ['wrong type', body] as [string, unknown]),
      ...hugeStrings(valid).map((body) => ['huge string', body] as [string, unknown]),
      ['null', null],
      ['a list', [valid]],
    ];
    for (const [label, body] of bodies) cases.push({ label, path: url(), body: JSON.stringify(body), contentType: 'application/json' });
    cases.push({ label: 'invalid JSON', path: url(), body: '{"unterminated": ', contentType: 'application/json' });
    cases.push({ label: 'wrong content type', path: url(), body: JSON.stringify(valid), contentType: 'text/plain' });
    cases.push({ label: 'enormous body', path: url(), body: JSON.stringify({ padding: 'x'.repeat(12 * 1024 * 1024) }), contentType: 'application/json' });
  } else if (Object.keys(content).length && method !== 'get') {
    const [type] = Object.keys(content);
    cases.push({ label: `small ${type}`, path: url(), body: new TextEncoder().encode('%PDF-1.4 not really'), contentType: type });
    cases.push({ label: 'empty body', path: url(), body: new Uint8Array(), contentType: type });
    cases.push({ label: 'wrong content type', path: url(), body: '{}', contentType: 'application/json' });
  }
  return cases;
}

describe('requests generated from the document', () => {
  test('every answer to every operation is a status the document lists for it, with a listed code — never a 5xx', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        for (const request of casesFor(path, method, operation)) {
          const portal = path.startsWith('/api/portal/');
          const send = () =>
            call(server.url, method.toUpperCase(), request.path, {
              // An API client reads JSON (a browser following a download link gets a page in words instead).
              Accept: 'application/json',
              ...(portal ? { 'X-Portal-Tenant': f.tenant.slug, Authorization: `Bearer ${portalToken}`, 'X-Requested-With': 'portico' } : { Authorization: `Bearer ${apiToken}` }),
              ...(request.contentType ? { 'Content-Type': request.contentType } : {}),
            }, request.body);
          if (process.env.FUZZ_TRACE) console.log(`${method.toUpperCase()} ${request.path.slice(0, 100)} [${request.label}]`);
          let answer = await send();
          // An operation may end the portal session (sign out, a new password): the next ones sign in again.
          if (answer.status === 401 && portal && !path.startsWith('/api/portal/auth/')) {
            portalToken = await signIn();
            answer = await send();
          }
          sent++;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          const wrong = judge(operation, answer);
          if (wrong) failures.push(`${method.toUpperCase()} ${path} [${request.label}] → ${wrong}`);
          if (path.startsWith('/api/portal/auth/') && answer.status === 200 && /sign-out/.test(path)) portalToken = await signIn();
        }
      }
    }
    if (process.env.FUZZ_TRACE) console.log(Object.fromEntries(statuses));
    assert.ok(sent > 1000, `${sent} requests sent`);
    // Not only refusals: valid requests got through to the handlers too.
    assert.ok([...statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0) > 50, JSON.stringify(Object.fromEntries(statuses)));
    assert.deepEqual(failures, []);
    // And the server is still well.
    assert.equal((await server.request('/health')).status, 200);
  });
});
