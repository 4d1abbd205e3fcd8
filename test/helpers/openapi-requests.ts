/**
 * Requests made from the OpenAPI document: sending them (even when the server answers before reading the body),
 * judging an answer against what the document lists, and fast-check arbitraries that derive hostile requests
 * from each operation's schemas. Used by openapi.test.ts (a fixed set of cases) and security-fuzz.test.ts.
 */
import { Agent, request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { sample } from 'openapi-sampler';

export type Schema = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  operationId: string;
  summary: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, { content?: Record<string, { schema?: { allOf?: [unknown, { properties: { code: { enum: string[] } } }] } }> }>;
  security?: Record<string, string[]>[];
}

export interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

/** One operation of the document. */
export interface DocumentedOperation {
  /** The OpenAPI path, `/api/v1/processes/{id}`. */
  path: string;
  method: string;
  operation: Operation;
}

export function operationsIn(document: OpenApi): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
}

/** How an operation is called, from its `security`: an API token's scopes, a portal session, or nothing. */
export function securityOf(operation: Operation): { apiScopes: string[]; portalSessions: string[] } {
  const entries = operation.security ?? [];
  return { apiScopes: entries.flatMap((entry) => entry.apiToken ?? []), portalSessions: entries.flatMap((entry) => entry.portalSession ?? []) };
}

const keptAlive = new Agent({ keepAlive: true, maxSockets: 16 });

export interface Answer {
  status: number;
  text: string;
}

/**
 * One request over node:http: unlike fetch, it still reads the answer when the server answers early and closes
 * (a 413 for a body it will not read) while the body is being sent. `declaredLength` claims a body longer than the
 * one sent (a limit must be enforced from the header alone); `chunked` sends the body without a length.
 */
export function call(
  baseUrl: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string | Uint8Array,
  options: { declaredLength?: number; chunked?: boolean; fresh?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const length = options.declaredLength ?? (body === undefined ? undefined : Buffer.byteLength(body));
    const sent = length === undefined || options.chunked ? headers : { ...headers, 'Content-Length': String(length) };
    // A connection is kept for the next request, except where the server may stop reading the body and close it.
    const agent = !options.fresh && options.declaredLength === undefined && !options.chunked && (body === undefined || Buffer.byteLength(body) < 256 * 1024) ? keptAlive : false;
    const outgoing = httpRequest(`${baseUrl}${path}`, { method, agent, headers: sent }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      response.on('error', reject);
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      // A kept connection the server closed just as it was reused: the request never reached it, send it again.
      if (outgoing.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE') && !answered) {
        answered = true;
        return void call(baseUrl, method, path, headers, body, { ...options, fresh: true }).then(resolve, reject);
      }
      // The server may stop reading a body it refused; its answer is already on the way — or it never comes.
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') setTimeout(() => answered || reject(new Error(`${method} ${path.slice(0, 120)}: connection closed without an answer`)), 1000);
      else reject(error);
    });
    // A request left unanswered is a failure of its own, not a stuck suite.
    const timer = setTimeout(() => answered || reject(new Error(`no answer to ${method} ${path.slice(0, 120)} within 30 s`)), 30_000);
    outgoing.on('close', () => setTimeout(() => clearTimeout(timer), 1500));
    if (options.declaredLength !== undefined && body !== undefined) {
      // Part of what was announced, then the client gives up: the server must not wait for the rest to answer.
      outgoing.write(body);
      setTimeout(() => answered || outgoing.destroy(), 5000);
    } else {
      outgoing.end(body);
    }
  });
}

/**
 * What is wrong with an answer to `operation`, or undefined: a 5xx, a status the document does not list for it,
 * or a problem whose `code` is not among those it lists for that status.
 */
export function judge(operation: Operation, answer: Answer): string | undefined {
  const documented = operation.responses[String(answer.status)];
  if (answer.status >= 500) return `a ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (!documented) return `${answer.status} is not documented (${Object.keys(operation.responses).join(', ')}): ${answer.text.slice(0, 200)}`;
  if (answer.status < 400) return undefined;
  const codes = documented.content?.['application/problem+json']?.schema?.allOf?.[1].properties.code.enum ?? [];
  let code = '';
  try {
    code = (JSON.parse(answer.text) as { code?: string }).code ?? '';
  } catch {
    return `${answer.status} is not problem+json: ${answer.text.slice(0, 200)}`;
  }
  return codes.includes(code) ? undefined : `${answer.status} answered code ${code}, documented: ${codes.join(', ')}`;
}

/** A value for a schema: a sample of it, or 'x'. */
export function sampleOf(schema: Schema | undefined): unknown {
  try {
    return sample((schema ?? { type: 'string' }) as never, { quiet: true }) ?? 'x';
  } catch {
    return 'x';
  }
}

// ——— Arbitraries ———————————————————————————————————————————————————————————————————————————————————————————————

/** Strings made to break things: control characters, NUL, lone surrogates, bidi and zero-width marks, emoji, markup. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '\udfff',
    'x\ud83dy',
    '\u202eevil\u202c',
    '\u200b\u200c\u200d\u2060\ufeff',
    '\u0645\u0631\u062d\u0628\u0627\u200f',
    '👩‍👩‍👧‍👦🏳️‍🌈💩',
    '\r\nBcc: all@example.com',
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    "' or 1=1 --",
    '%00%0d%0a',
    '../../../../etc/passwd',
    '\\\\server\\share',
    '${7*7}{{7*7}}',
    'NaN',
    '-0',
    '1e309',
    '\u0085\u2028\u2029',
    'ǅ̈́̈́̈́̈́̈́̈́̈́̈́̈́̈́̈́',
    'ｆｕｌｌ　ｗｉｄｔｈ',
  ),
  // Any code points, lone surrogates included (fc.string's 'binary' unit costs seconds to set up).
  fc.array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 40 }).map((points) => String.fromCodePoint(...points)),
  fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\u202e', '\u200b', '😀', 'a', '\n'), maxLength: 60 }),
);

/**
 * Long strings, beyond any field's limit (the longest takes 50,000 characters) but within the body limit, made once
 * (they are shared by the requests, not rebuilt for each). Dots and at-signs probe patterns for catastrophic
 * backtracking.
 */
const HUGE = ['x', '𝕏', '\u0000', 'é', '\u200b', 'a.', 'a@', '-'].map((unit) => unit.repeat(Math.ceil(60_000 / unit.length)));
export const hugeString: fc.Arbitrary<string> = fc.constantFrom(...HUGE);

/** Any JSON value of another kind than `value`. */
export function otherKind(value: unknown): fc.Arbitrary<unknown> {
  const kinds: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(12345, -1, 0.5, 2 ** 53 + 1, -1e308),
    fc.constantFrom('not that kind', '12345', 'true', ''),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom([], [1, 'two', null], [[[]]]),
    fc.constantFrom({}, { nested: { deeper: [1] } }),
  ];
  const kind = value === null ? 3 : Array.isArray(value) ? 4 : typeof value === 'number' ? 0 : typeof value === 'string' ? 1 : typeof value === 'boolean' ? 2 : 5;
  return fc.oneof(...kinds.filter((_, index) => index !== kind));
}

const maxOf = (schema: Schema, key: string, fallback: number) => (typeof schema[key] === 'number' ? (schema[key] as number) : fallback);

/** Values that fit `schema`, as far as a generator can tell (patterns and formats included), kept small. */
export function fitting(schema: Schema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant(sampleOf(schema));
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (union) return fc.oneof(...union.map((member) => fitting(member, depth + 1)));
  const type = Array.isArray(schema.type) ? (schema.type[0] as string) : (schema.type as string | undefined);
  switch (type) {
    case 'string':
      return fittingString(schema);
    case 'integer':
      return fc.integer({ min: Math.ceil(maxOf(schema, 'minimum', (schema.exclusiveMinimum as number | undefined) ?? -1000) + (schema.exclusiveMinimum !== undefined ? 1 : 0)), max: Math.floor(maxOf(schema, 'maximum', 1_000_000)) });
    case 'number':
      return fc.double({ min: maxOf(schema, 'minimum', -1000), max: maxOf(schema, 'maximum', 1_000_000), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = maxOf(schema, 'minItems', 0);
      return fc.array(fitting(schema.items as Schema, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(maxOf(schema, 'maxItems', 3), 3)) });
    }
    case 'object': {
      const properties = (schema.properties ?? {}) as Record<string, Schema>;
      const required = (schema.required ?? []) as string[];
      if (!Object.keys(properties).length) return fc.dictionary(fc.constantFrom('a', 'b', 'pt-BR', 'en'), fc.string({ maxLength: 20 }), { maxKeys: 2 });
      return fc.record(Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, fitting(property, depth + 1)])), { requiredKeys: required });
    }
    default:
      return fc.constant(sampleOf(schema));
  }
}

/** Strings matching a pattern, made once per pattern (building one is costly, and many fields share theirs). */
const byPattern = new Map<string, fc.Arbitrary<string>>();
function matching(pattern: string): fc.Arbitrary<string> {
  let arbitrary = byPattern.get(pattern);
  if (!arbitrary) byPattern.set(pattern, (arbitrary = fc.stringMatching(new RegExp(pattern))));
  return arbitrary;
}

function fittingString(schema: Schema): fc.Arbitrary<string> {
  const minLength = maxOf(schema, 'minLength', 0);
  const maxLength = maxOf(schema, 'maxLength', 60);
  const bounded = (value: string) => value.length >= minLength && value.length <= maxLength;
  switch (schema.format) {
    case 'uuid':
      return fc.uuid();
    case 'date':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
    case 'date-time':
      return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((date) => date.toISOString());
    case 'email':
      return fc.emailAddress().filter((address) => address.length <= maxLength && /^[\w'+.-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}$/.test(address));
  }
  if (typeof schema.pattern === 'string') {
    try {
      return matching(schema.pattern).filter(bounded);
    } catch {
      return fc.constant(String(sampleOf(schema)));
    }
  }
  return fc.string({ minLength, maxLength: Math.max(minLength, Math.min(maxLength, 40)) });
}

/** Where a value may be changed: each path into it, its own value included (the empty path). */
function pathsInto(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((item, index) => pathsInto(item, [...prefix, index], out));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsInto(item, [...prefix, key], out);
  return out;
}

function valueAt(value: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown> | undefined)?.[key], value);
}

/** A copy of `value` with `edit` applied at `path` (`undefined` from `edit` removes it). */
function editAt(value: unknown, path: (string | number)[], edit: (old: unknown) => unknown): unknown {
  if (!path.length) return edit(value);
  const [key, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = editAt(copy[key as number], rest, edit);
    if (next === undefined && !rest.length) copy.splice(key as number, 1);
    else copy[key as number] = next;
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const next = editAt(copy[key as string], rest, edit);
  if (next === undefined && !rest.length) delete copy[key as string];
  else copy[key as string] = next;
  return copy;
}

/** One change to a JSON value that a careful server must refuse (or take safely): the shapes a fuzzer tries. */
export type Mutation =
  | { kind: 'wrong type'; at: number; to: unknown }
  | { kind: 'missing'; at: number }
  | { kind: 'extra field'; at: number; name: string; to: unknown }
  | { kind: 'hostile string'; at: number; to: string }
  | { kind: 'huge string'; at: number; to: string }
  | { kind: 'edge number'; at: number; to: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrong type' as const), at: fc.nat(), to: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('missing' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('extra field' as const), at: fc.nat(), name: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'tenantId', 'id', 'zz'), hostileString), to: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ kind: fc.constant('hostile string' as const), at: fc.nat(), to: hostileString }),
  fc.record({ kind: fc.constant('huge string' as const), at: fc.nat(), to: hugeString }),
  fc.record({ kind: fc.constant('edge number' as const), at: fc.nat(), to: fc.constantFrom(0, -1, 2 ** 31, 2 ** 53 + 1, 1e308, -1e308, 0.1, -0) }),
);

/**
 * Whether a mutation should make the schema refuse the value: a wrong type, a missing field, a string beyond every
 * limit, a field the (strict) schema does not know. Not always (an optional field may go, null may be allowed),
 * hence "should". A hostile string or an edge number may well fit.
 */
export const breaksSchema = (change: Mutation) => change.kind !== 'hostile string' && change.kind !== 'edge number';

/** Applies a mutation to a JSON value; its `at` picks one of the value's paths. */
export function mutate(value: unknown, change: Mutation): unknown {
  const paths = pathsInto(value);
  const path = paths[change.at % paths.length]!;
  switch (change.kind) {
    case 'wrong type': {
      const old = valueAt(value, path);
      // Make sure the new value is of another kind than the old one.
      const to = typeof change.to === typeof old && Array.isArray(change.to) === Array.isArray(old) ? (typeof old === 'string' ? 12345 : 'not that kind') : change.to;
      return editAt(value, path, () => to);
    }
    case 'missing':
      return path.length ? editAt(value, path, () => undefined) : undefined;
    case 'extra field': {
      const objects = paths.filter((candidate) => {
        const node = valueAt(value, candidate);
        return node !== null && typeof node === 'object' && !Array.isArray(node);
      });
      if (!objects.length) return value;
      return editAt(value, objects[change.at % objects.length]!, (node) => ({ ...(node as object), [change.name]: change.to }));
    }
    case 'hostile string':
    case 'huge string':
    case 'edge number':
      return editAt(value, path, () => change.to);
  }
}

/** Bodies that are not valid JSON (or not text at all) sent as JSON. */
export const brokenJson: fc.Arbitrary<{ label: string; bytes: Uint8Array }> = fc.oneof(
  fc.constantFrom('{', '{"a":', '{"a":}', '[1,2,', '{"a":1,}', "{'a':1}", 'NaN', '{"a":NaN}', '{"a":undefined}', '\ufeff{}', '{}{}', '""', '{"__proto__":{"admin":true}}', '{"a":1e999999}').map((text) => ({ label: `not JSON: ${text}`, bytes: new TextEncoder().encode(text) })),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes) => ({ label: 'random bytes', bytes })),
  // Invalid UTF-8 inside a string: a lone byte, an encoded surrogate, an overlong NUL.
  fc.constantFrom([0xff], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xf4, 0x90, 0x80, 0x80]).map((raw) => ({
    label: 'invalid UTF-8 in a string',
    bytes: Uint8Array.from([...new TextEncoder().encode('{"name":"'), ...raw, ...new TextEncoder().encode('"}')]),
  })),
  // Deep nesting: a parser that recurses must not take the server down.
  fc.integer({ min: 1_000, max: 50_000 }).map((depth) => ({ label: `nested ${depth} deep`, bytes: new TextEncoder().encode(`${'['.repeat(depth)}${']'.repeat(depth)}`) })),
);

/** Content types that are not the one the operation takes. */
export const wrongContentType = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/octet-stream',
  'image/svg+xml',
  'text/html',
  '',
  ';;;',
);

/** A path segment that is not the id it should be, percent-encoded as a client would send it (or not). */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('%ED%A0%80', '%FF', '%E2%80%AE', '%00', '..%2F..%2Fetc', 'not-an-id', '00000000-0000-0000-0000-000000000000', 'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF', '%20', 'null', '0', '-1'),
  hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'))).filter((text) => text.length > 0),
  fc.integer({ min: 300, max: 3_000 }).map((length) => 'a'.repeat(length)),
);
