/**
 * Property-based requests to every operation of the OpenAPI document (SECURITY.md: hostile input), derived from
 * each operation's own schemas: wrong types, missing and extra fields, huge and hostile strings (NUL, lone
 * surrogates, bidi and zero-width marks, emoji), broken JSON and invalid UTF-8, wrong content types, bodies over the
 * limit, hostile path and query parameters. Each is sent with the credentials the operation asks for (an API token
 * with every scope, the console for staff-only scopes, a portal session), so it reaches validation. For all of them:
 * never a 5xx, always a status (and problem code) the document lists; a batch of refused requests changes no row;
 * and the server is healthy after.
 *
 * FUZZ_SEED picks another run (the seed is printed; a failure prints the seed and the shrunk counterexample to
 * replay it), FUZZ_REQUESTS how many requests (10,000 by default).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import fc from 'fast-check';
import { startUserSession } from '../../server/features/auth/service.ts';
import { STAFF_SCOPES } from '../../server/features/staff/schemas.ts';
import { openApiDocument } from '../../server/openapi/generate.ts';
import { portalTenantOf } from '../helpers/identity.ts';
import {
  breaksSchema,
  brokenJson,
  call,
  fitting,
  hostileSegment,
  hostileString,
  judge,
  mutate,
  mutation,
  operationsIn,
  securityOf,
  wrongContentType,
  type Answer,
  type DocumentedOperation,
  type OpenApi,
  type Schema,
} from '../helpers/openapi-requests.ts';
import { manualClock, startTestServer, type TestServer } from '../helpers/server.ts';
import { changedTables, FILES, fingerprint, ROW_OF, seedWorld, type World } from './security-fixture.ts';

// Issue 16 of 2026; any other number is another run.
const SEED = Number(process.env.FUZZ_SEED ?? 162026);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_000);
/** Requests per property run: sent in three groups, the database compared around the last two. */
const BATCH = 50;
/** How many of a batch are in flight at once. */
const CONCURRENCY = 6;
/** Tries fast-check makes to shrink a failure (each is a batch): enough to make it readable, not to take an hour. */
const MAX_SHRINK_TRIES = 40;
/** The JSON body limit of the API (server/app.ts), and a little more. */
const OVER_JSON_LIMIT = 1024 * 1024 + 4096;

const clock = manualClock(new Date('2026-03-25T13:00:00Z'));
let server: TestServer;
let world: World;
let operations: DocumentedOperation[];
let portalToken: string;
let portalTokenDead = false;

/** A request as the fuzzer makes it, before the credentials (which may change between runs) are added. */
interface FuzzRequest {
  op: number;
  /** What kind of hostility this is, for the failure message. */
  label: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  declaredLength?: number;
  chunked?: boolean;
  /**
   * Made to be refused (broken JSON, a wrong type, a path that is no id …): sent in a group of its own, between two
   * fingerprints of the database. Other requests (a body that fits, a hostile string in free text) may go through.
   */
  refusable: boolean;
}

const describeRequest = (request: FuzzRequest) => {
  const { method } = operations[request.op]!;
  const body = request.body === undefined ? '' : typeof request.body === 'string' ? request.body : `<${request.body.length} bytes>`;
  return `${method.toUpperCase()} ${request.path.slice(0, 200)} [${request.label}] ${JSON.stringify(request.headers).slice(0, 200)} ${body.slice(0, 300)}`;
};

// ——— Generating requests from the document ———————————————————————————————————————————————————————————————————

const text = (value: string) => new TextEncoder().encode(value);
const encode = (value: unknown) => encodeURIComponent(String(value).replace(/[\ud800-\udfff]/g, '\ufffd'));

/** Rows of the fuzz tenant a path may name, so some requests reach the handlers with a real id. Not the caller's own
 * token, staff member, users or accounts: a fuzzed request that revoked or disabled them would end the run. */
function realId(path: string, index: number): string | undefined {
  const segments = path.split('/');
  const param = /^\{(\w+)\}$/.exec(segments[index]!)?.[1];
  const rule = ROW_OF[`${segments[index - 1]}:${param}`];
  const row = typeof rule === 'function' ? rule(path) : rule;
  return row && !['token', 'staff', 'user', 'account'].includes(row) ? world.rows[row] : undefined;
}

function pathArbitrary(path: string, operation: DocumentedOperation['operation']): fc.Arbitrary<{ url: string; hostile: boolean; refusable: boolean }> {
  const segments = path.split('/');
  const parts = segments.map((segment, index) => {
    const name = /^\{(\w+)\}$/.exec(segment)?.[1];
    if (!name) return fc.constant({ text: segment, hostile: false, refusable: false });
    const schema = operation.parameters?.find((parameter) => parameter.in === 'path' && parameter.name === name)?.schema;
    const real = realId(path, index);
    // A hostile segment where a uuid belongs is refused for sure; where a key belongs it may be a fine key ('0').
    const uuid = schema?.format === 'uuid';
    return fc.oneof(
      // Never empty: an empty segment is another route, whose answers this operation does not document.
      // A random uuid names no row (404); a random key may be written (an upsert) or not.
      { weight: 4, arbitrary: fitting(schema).map((value) => ({ text: encode(value) || 'x', hostile: false, refusable: uuid })) },
      ...(real ? [{ weight: 4, arbitrary: fc.constant({ text: real, hostile: false, refusable: false }) }] : []),
      { weight: 2, arbitrary: hostileSegment.map((text) => ({ text, hostile: true, refusable: uuid })) },
    );
  });
  return fc.tuple(...parts).map((chosen) => ({
    url: chosen.map((part) => part.text).join('/'),
    hostile: chosen.some((part) => part.hostile),
    refusable: chosen.some((part) => part.refusable),
  }));
}

function queryArbitrary(operation: DocumentedOperation['operation']): fc.Arbitrary<string> {
  const parameters = (operation.parameters ?? []).filter((parameter) => parameter.in === 'query');
  if (!parameters.length) return fc.constant('');
  const each = parameters.map((parameter) =>
    fc.oneof(
      { weight: parameter.required ? 1 : 3, arbitrary: fc.constant<string[]>([]) },
      { weight: 4, arbitrary: fitting(parameter.schema).map((value) => [`${parameter.name}=${encode(value)}`]) },
      { weight: 1, arbitrary: hostileString.map((value) => [`${parameter.name}=${encode(value)}`]) },
      { weight: 1, arbitrary: fc.constantFrom('-1', '1e999', 'true', '[]', '%', '%zz', 'a'.repeat(3000)).map((value) => [`${parameter.name}=${value}`]) },
      // The same name twice: a list where the schema has one value.
      { weight: 1, arbitrary: fitting(parameter.schema).map((value) => [`${parameter.name}=${encode(value)}`, `${parameter.name}=${encode(value)}`]) },
    ),
  );
  return fc.tuple(...each).map((pairs) => (pairs.flat().length ? `?${pairs.flat().join('&')}` : ''));
}

type Body = Pick<FuzzRequest, 'label' | 'body' | 'declaredLength' | 'chunked' | 'refusable'> & { type?: string };

/** Over the JSON limit, made once. */
const OVERSIZED = text(JSON.stringify({ padding: 'x'.repeat(OVER_JSON_LIMIT) }));

function bodyArbitrary(method: string, operation: DocumentedOperation['operation']): fc.Arbitrary<Body> {
  const content = operation.requestBody?.content ?? {};
  const json = content['application/json'];
  if (json) {
    const schema = json.schema as Schema | undefined;
    const base = json.example === undefined ? fitting(schema) : fc.oneof(fc.constant(json.example), fitting(schema));
    return fc.oneof(
      {
        weight: 8,
        arbitrary: fc.tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([value, changes]): Body => ({
          label: changes.map((change) => change.kind).join(' + '),
          body: JSON.stringify(changes.reduce(mutate, value) ?? null),
          type: 'application/json',
          refusable: changes.some(breaksSchema),
        })),
      },
      { weight: 2, arbitrary: base.map((value): Body => ({ label: 'fits the schema', body: JSON.stringify(value), type: 'application/json', refusable: false })) },
      { weight: 2, arbitrary: brokenJson.map(({ label, bytes }): Body => ({ label, body: bytes, type: 'application/json', refusable: true })) },
      { weight: 1, arbitrary: fc.tuple(base, wrongContentType).map(([value, type]): Body => ({ label: `as ${type || 'no type'}`, body: JSON.stringify(value), type, refusable: true })) },
      { weight: 1, arbitrary: fc.constantFrom('null', '[]', '0', '"text"', 'true', '').map((whole): Body => ({ label: `body ${whole || 'empty'}`, body: whole, type: 'application/json', refusable: true })) },
      { weight: 1, arbitrary: fc.boolean().map((chunked): Body => ({ label: `over the limit${chunked ? ', chunked' : ''}`, body: OVERSIZED, chunked, type: 'application/json', refusable: true })) },
    );
  }
  const types = Object.keys(content);
  if (types.includes('multipart/form-data')) {
    const form = (name: string, filename: string, bytes: Uint8Array, type = 'application/pdf') =>
      Buffer.concat([Buffer.from(`--fuzz\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`), Buffer.from(bytes), Buffer.from('\r\n--fuzz--\r\n')]);
    const multipart = 'multipart/form-data; boundary=fuzz';
    return fc.oneof(
      { weight: 2, arbitrary: hostileString.map((filename): Body => ({ label: 'a file with a hostile name', body: form('file', filename.replace(/[\r\n"]/g, '_'), FILES['application/pdf']), type: multipart, refusable: false })) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes): Body => ({ label: 'a file of random bytes', body: form('file', 'x.pdf', bytes), type: multipart, refusable: true })) },
      { weight: 1, arbitrary: fc.constant<Body>({ label: 'another field', body: form('other', 'x.pdf', FILES['application/pdf']), type: multipart, refusable: true }) },
      { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes): Body => ({ label: 'not multipart', body: bytes, type: multipart, refusable: true })) },
      { weight: 1, arbitrary: fc.constant<Body>({ label: 'no boundary', body: text('--x\r\n\r\n--x--'), type: 'multipart/form-data', refusable: true }) },
      { weight: 1, arbitrary: fc.constant<Body>({ label: 'announced over the limit', body: text('--fuzz\r\n'), declaredLength: 300 * 1024 * 1024, type: multipart, refusable: true }) },
    );
  }
  if (types.length) {
    const known = types.filter((type) => type in FILES) as (keyof typeof FILES)[];
    return fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...known).map((type): Body => ({ label: `a small ${type}`, body: FILES[type], type, refusable: false })) },
      { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...types), fc.uint8Array({ maxLength: 400 })).map(([type, bytes]): Body => ({ label: `random bytes as ${type}`, body: bytes, type, refusable: true })) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...known), fc.integer({ min: 1, max: 40 })).map(([type, cut]): Body => ({ label: `a cut ${type}`, body: FILES[type].slice(0, cut), type, refusable: true })) },
      { weight: 1, arbitrary: fc.constantFrom(...types).map((type): Body => ({ label: 'empty', body: new Uint8Array(), type, refusable: true })) },
      { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...known), wrongContentType).map(([type, wrong]): Body => ({ label: `a ${type} as ${wrong || 'no type'}`, body: FILES[type], type: wrong, refusable: true })) },
      { weight: 1, arbitrary: fc.constantFrom(...types).map((type): Body => ({ label: 'announced over the limit', body: text('%PDF-1.4'), declaredLength: 300 * 1024 * 1024, type, refusable: true })) },
    );
  }
  // No body is taken: mostly none, sometimes one anyway (which must change nothing either).
  return fc.oneof(
    { weight: 6, arbitrary: fc.constant<Body>({ label: method === 'get' ? 'read' : 'no body', refusable: false }) },
    { weight: 1, arbitrary: brokenJson.map(({ label, bytes }): Body => ({ label: `unasked ${label}`, body: bytes, type: 'application/json', refusable: false })) },
  );
}

/** Header mischief now and then: a wrong tenant, a broken bearer, a hostile idempotency key. */
function headerArbitrary(path: string, operation: DocumentedOperation['operation']): fc.Arbitrary<{ label?: string; headers: Record<string, string>; refusable: boolean }> {
  const idempotent = (operation.parameters ?? []).some((parameter) => parameter.in === 'header' && parameter.name === 'Idempotency-Key');
  const { apiScopes, portalSessions } = securityOf(operation);
  const namesTenant = (operation.parameters ?? []).some((parameter) => parameter.in === 'header' && parameter.name === 'X-Portal-Tenant');
  return fc.oneof(
    { weight: 20, arbitrary: fc.constant({ headers: {}, refusable: false }) },
    ...(idempotent ? [{ weight: 3, arbitrary: fc.oneof(fc.uuid(), hostileString.map((key) => key.replace(/[^\x20-\x7e]/g, '?') || ' ')).map((key) => ({ label: 'idempotency key', headers: { 'Idempotency-Key': key }, refusable: false })) }] : []),
    { weight: 1, arbitrary: fc.constantFrom('nope', 'a'.repeat(500), 'x-y-z').map((slug) => ({ label: 'another portal', headers: { 'X-Portal-Tenant': slug }, refusable: namesTenant && path.startsWith('/api/portal/') })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('Bearer', 'Bearer a.b.c', 'Basic eA==', 'Bearer ptk_x_y', `Bearer ${'e'.repeat(3000)}`).map((value) => ({
        label: 'a broken bearer',
        headers: { Authorization: value },
        refusable: apiScopes.length + portalSessions.length > 0,
      })),
    },
  );
}

function requestArbitrary(op: number): fc.Arbitrary<FuzzRequest> {
  const { path, method, operation } = operations[op]!;
  return fc.tuple(pathArbitrary(path, operation), queryArbitrary(operation), bodyArbitrary(method, operation), headerArbitrary(path, operation)).map(([where, query, body, extra]) => ({
    op,
    label: [where.hostile ? 'hostile path' : '', body.label, extra.label ?? ''].filter(Boolean).join(', '),
    path: `${where.url}${query}`,
    headers: { ...(body.type === undefined ? {} : { 'Content-Type': body.type }), ...extra.headers },
    body: body.body,
    declaredLength: body.declaredLength,
    chunked: body.chunked,
    refusable: where.refusable || body.refusable || extra.refusable,
  }));
}

// ——— Sending ——————————————————————————————————————————————————————————————————————————————————————————————————

/** What an API client says it reads (a browser following a download link gets a page in words instead). */
const API_CLIENT = { Accept: 'application/json' };

/** The credentials an operation asks for: the console for staff-only scopes, the API token, a portal session. */
function credentials(op: number): Record<string, string> {
  const { path, operation } = operations[op]!;
  const { apiScopes, portalSessions } = securityOf(operation);
  if (path.startsWith('/api/portal/')) {
    return { ...API_CLIENT, 'X-Portal-Tenant': world.f.tenant.slug, 'X-Requested-With': 'portico', ...(portalSessions.length ? { Authorization: `Bearer ${portalToken}` } : {}) };
  }
  const staffOnly = apiScopes.some((scope) => (STAFF_SCOPES as readonly string[]).includes(scope));
  return { ...API_CLIENT, Authorization: `Bearer ${staffOnly ? world.staff.token : world.token}` };
}

/** Operations that end the portal session they are called with: sent after the rest of their batch. */
const endsSession = (op: number) => /\/sign-out/.test(operations[op]!.path);

async function sendAll(requests: FuzzRequest[]): Promise<Answer[]> {
  const answers: Answer[] = new Array(requests.length);
  const send = async (index: number) => {
    const request = requests[index]!;
    const { method } = operations[request.op]!;
    answers[index] = await call(server.url, method.toUpperCase(), request.path, { ...credentials(request.op), ...request.headers }, request.body, {
      declaredLength: request.declaredLength,
      chunked: request.chunked,
    });
  };
  const order = requests.map((_, index) => index);
  const first = order.filter((index) => !endsSession(requests[index]!.op));
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < first.length) await send(first[next++]!);
  }));
  for (const index of order.filter((candidate) => endsSession(requests[candidate]!.op))) await send(index);
  requests.forEach((request, index) => {
    const { operation } = operations[request.op]!;
    if (answers[index]!.status === 401 && securityOf(operation).portalSessions.length && !request.headers.Authorization) portalTokenDead = true;
    if (endsSession(request.op) && answers[index]!.status < 300) portalTokenDead = true;
  });
  return answers;
}

/**
 * Puts back what a fuzzed request may have taken away from the next ones — the portal switched on with its modules,
 * a live portal session — and says whether it wrote anything.
 */
async function restoreCredentials(modules: string[]): Promise<boolean> {
  const { count } = await server.db.owner`
    update tenants set portal_enabled = true, modules = ${modules} where id = ${world.f.tenant.id} and (not portal_enabled or modules <> ${modules})`;
  if (!portalTokenDead) return count > 0;
  portalToken = await server.db.withTenant(world.f.tenant.id, async (tx) => {
    const [user] = await tx<{ id: string; email: string; locale: 'pt-BR' | 'es' | 'en' | null }[]>`select id, email, locale from portal_users where email = ${world.f.rh.email}`;
    return (await startUserSession(tx, server.keys, portalTenantOf(world.f), user!, 'client', clock.now())).answer.accessToken;
  });
  portalTokenDead = false;
  return true;
}

/** The last fingerprint taken, while nothing has written since. */
let lastFingerprint: Map<string, string> | undefined;

/** Sends `requests` between two fingerprints of the fuzz tenant's rows: their answers, and the tables that changed. */
async function sendBetweenFingerprints(requests: FuzzRequest[], modules: string[]): Promise<{ answers: Answer[]; changed: string[] }> {
  const wrote = await restoreCredentials(modules);
  const before = (!wrote && lastFingerprint) || (await fingerprint(server.db.owner, world.f.tenant.id));
  const answers = await sendAll(requests);
  lastFingerprint = await fingerprint(server.db.owner, world.f.tenant.id);
  return { answers, changed: changedTables(before, lastFingerprint) };
}

before(async () => {
  // No per-token rate limit: ten thousand requests go through one token.
  server = await startTestServer({ API_RATE_LIMIT: '1000000' }, { clock: clock.now });
  world = await seedWorld(server, clock.now(), { rows: true });
  portalToken = world.sessions.rh;
  // Nothing may write in the background while the database is compared: mail and webhooks stop here.
  await server.mail.dispatcher.drain();
  await server.mail.dispatcher.stop();
  await server.webhooks.stop();
  operations = operationsIn(openApiDocument(server.app as never, { version: 'fuzz' }) as unknown as OpenApi);
});
after(() => server.stop());

const stats = { sent: 0, refused: 0, refusedChecked: 0, statuses: new Map<number, number>(), perOperation: new Map<number, number>() };

/** One run of the property: a batch of requests, each answer judged, the refused ones checked against the database. */
async function checkBatch(requests: FuzzRequest[], modules: string[]): Promise<void> {
  // Writes that may go through first. Then, each group alone between two fingerprints: the reads (which write
  // nothing when refused, and little when not), and those made to be refused.
  const writes = requests.filter((request) => !request.refusable && operations[request.op]!.method !== 'get');
  const reads = requests.filter((request) => !request.refusable && operations[request.op]!.method === 'get');
  const refusable = requests.filter((request) => request.refusable);
  await restoreCredentials(modules);
  const writeAnswers = await sendAll(writes);
  lastFingerprint = undefined; // those writes are not compared: the next group starts from a new fingerprint
  const read = await sendBetweenFingerprints(reads, modules);
  const closed = await sendBetweenFingerprints(refusable, modules);
  const sent = [...writes, ...reads, ...refusable];
  const answers = [...writeAnswers, ...read.answers, ...closed.answers];
  const problems = sent.flatMap((request, index) => {
    const wrong = judge(operations[request.op]!.operation, answers[index]!);
    return wrong ? [`${describeRequest(request)} → ${wrong}`] : [];
  });
  sent.forEach((request, index) => {
    stats.statuses.set(answers[index]!.status, (stats.statuses.get(answers[index]!.status) ?? 0) + 1);
    stats.perOperation.set(request.op, (stats.perOperation.get(request.op) ?? 0) + 1);
  });
  stats.sent += sent.length;
  stats.refused += answers.filter((answer) => answer.status >= 400).length;
  if (problems.length) throw new Error(problems.join('\n'));

  // Refused requests change nothing. The reads are proven when nothing changed at all (a read that went through
  // may record itself — a download, news marked read — and then the refused ones prove nothing this time).
  const refusedReads = reads.filter((_, index) => read.answers[index]!.status >= 400);
  if (!read.changed.length) stats.refusedChecked += refusedReads.length;
  else if (refusedReads.length === reads.length) throw new Error(`refused reads changed ${read.changed.join(', ')}:\n${reads.map(describeRequest).join('\n')}`);
  // Those made to be refused: if one went through after all, the refused ones go again alone.
  let refused = refusable.filter((_, index) => closed.answers[index]!.status >= 400);
  let changed = closed.changed;
  if (refused.length !== refusable.length) {
    const again = await sendBetweenFingerprints(refused, modules);
    if (again.answers.some((answer) => answer.status < 400)) return; // accepted the second time: proves nothing
    changed = again.changed;
  }
  if (changed.length) throw new Error(`refused requests changed ${changed.join(', ')}:\n${refused.map(describeRequest).join('\n')}`);
  stats.refusedChecked += refused.length;
}

test(`${REQUESTS} fuzzed requests to every operation: never a 5xx, only documented answers, refused ones change nothing`, { timeout: 900_000 }, async () => {
  const [{ modules }] = await server.db.owner<{ modules: string[] }[]>`select modules from tenants where id = ${world.f.tenant.id}`;
  const perOperation = operations.map((_, op) => requestArbitrary(op));
  const anyRequest = fc.nat({ max: operations.length - 1 }).chain((op) => perOperation[op]!);
  const runs = Math.ceil(REQUESTS / BATCH);
  console.log(`security-fuzz: seed ${SEED}, ${runs} runs of ${BATCH} requests over ${operations.length} operations (FUZZ_SEED=${SEED} replays it)`);

  // After a failure fast-check shrinks it, one batch per try; a few dozen tries make it small enough to read.
  let failures = 0;
  let shrinkTries = 0;
  const details = await fc.check(
    fc.asyncProperty(fc.array(anyRequest, { minLength: BATCH, maxLength: BATCH }), async (requests) => {
      if (failures && ++shrinkTries > MAX_SHRINK_TRIES) return;
      try {
        await checkBatch(requests, modules);
      } catch (error) {
        if (!failures++) console.log(`security-fuzz: first failure (shrinking it now):\n${(error as Error).message.slice(0, 4000)}`);
        throw error;
      }
    }),
    { seed: SEED, numRuns: runs },
  );
  if (details.failed) {
    // The shrunk batch's own failure names the requests; the seed and path replay it (fc.check's `path` option).
    const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    assert.fail(`seed ${details.seed}, path "${details.counterexamplePath}", after ${details.numRuns} runs and ${details.numShrinks} shrinks:\n${error}`);
  }

  console.log(`security-fuzz: ${stats.sent} requests; statuses ${JSON.stringify(Object.fromEntries([...stats.statuses].sort(([x], [y]) => x - y)))}; ${stats.refusedChecked} of ${stats.refused} refused requests checked against the database`);
  assert.ok(stats.sent >= REQUESTS, `${stats.sent} requests`);
  // Every operation was reached, and not only refused: some requests went through to the handlers.
  const unreached = operations.filter((_, op) => !stats.perOperation.get(op)).map(({ method, path }) => `${method} ${path}`);
  assert.deepEqual(unreached, []);
  const through = [...stats.statuses].filter(([status]) => status < 300).reduce((sum, [, count]) => sum + count, 0);
  assert.ok(through > REQUESTS / 100, `${through} requests went through`);
  assert.ok(stats.refusedChecked > stats.refused * 0.8, `${stats.refusedChecked} of ${stats.refused} refused requests checked`);
  // And the server is well.
  assert.equal((await server.request('/health')).status, 200);
  assert.equal((await server.request('/ready')).status, 200);
});
