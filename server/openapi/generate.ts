import type { Hono } from 'hono';
import { z, type ZodType } from 'zod';
import { sample } from 'openapi-sampler';
import type { ProblemCode } from '../http/problem.ts';
import { metaOf, type RouteDoc, type RouteMeta } from './meta.ts';
import { PROBLEM_MEANING, PROBLEM_STATUS } from './problems.ts';
import { API_OVERVIEW } from './overview.ts';
import { webhookDocs } from './webhook-docs.ts';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;

/** One documented operation, as the generator and the tests see it. */
export interface OperationInfo {
  method: string;
  /** The Hono path (`/api/v1/processes/:id`). */
  path: string;
  meta: RouteMeta[];
}

const DOCUMENTED = /^\/api\/(v1|portal)\//;
const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The operations of `/api/v1` and `/api/portal`, each with the metadata of its handlers and of the middleware before them. */
export function operationsOf(app: Hono<never>): OperationInfo[] {
  const routes = app.routes;
  const middleware = routes.filter((route) => route.method === 'ALL');
  const byKey = new Map<string, OperationInfo>();
  for (const route of routes) {
    if (!METHODS.has(route.method) || !DOCUMENTED.test(route.path) || route.path.includes('*')) continue;
    const key = `${route.method} ${route.path}`;
    let operation = byKey.get(key);
    if (!operation) {
      // Only middleware registered before the route runs for it (Hono matches in registration order).
      const position = routes.indexOf(route);
      const before = middleware
        .filter((candidate) => routes.indexOf(candidate) < position && pathPattern(candidate.path).test(route.path))
        .flatMap((candidate) => metaOf(candidate.handler));
      operation = { method: route.method, path: route.path, meta: before };
      byKey.set(key, operation);
    }
    operation.meta.push(...metaOf(route.handler));
  }
  return [...byKey.values()];
}

function pathPattern(path: string): RegExp {
  const source = path
    .split('/')
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source.replace(/\/\.\*$/, '(/.*)?')}$`);
}

/** The statuses and codes an operation may answer, from its middleware and its own description. */
export function problemsOf(operation: OperationInfo): Map<number, Set<ProblemCode>> {
  const byStatus = new Map<number, Set<ProblemCode>>();
  const add = (code: ProblemCode, status = PROBLEM_STATUS[code]) => {
    if (!byStatus.has(status)) byStatus.set(status, new Set());
    byStatus.get(status)!.add(code);
  };
  const kinds = new Set(operation.meta.map((meta) => meta.kind));
  const inputs = operation.meta.filter((meta) => meta.kind === 'input');
  const writes = operation.method !== 'GET';
  if (inputs.length) add('invalid_input');
  if (inputs.some((input) => input.target === 'json')) {
    add('malformed_json');
    add('unsupported_media_type');
  }
  if (writes) {
    add('payload_too_large');
    add('origin_not_allowed');
  }
  if (operation.path.includes('/:')) add('not_found');
  if (kinds.has('tenant')) add('tenant_not_found');
  for (const auth of operation.meta) {
    if (auth.kind !== 'auth') continue;
    add('unauthenticated');
    add('forbidden');
    if (auth.scheme === 'apiToken') add('rate_limited');
  }
  if (kinds.has('recentPassword')) add('password_confirmation_required');
  if (kinds.has('idempotent')) {
    add('idempotency_in_progress');
    add('idempotency_key_reused');
  }
  add('service_unavailable');
  // Operations that store a file (a multipart form or the raw body) answer 507 when the file store is full.
  if (inputs.some((input) => input.target === 'form') || docOf(operation)?.rawBody) add('storage_full');
  for (const problem of docOf(operation)?.problems ?? []) {
    if (Array.isArray(problem)) add(problem[0], problem[1]);
    else add(problem);
  }
  return byStatus;
}

/** The success statuses an operation documents. */
export function successStatuses(operation: OperationInfo): number[] {
  return Object.keys(docOf(operation)?.responses ?? { 200: {} }).map(Number);
}

export function docOf(operation: OperationInfo): RouteDoc | undefined {
  return operation.meta.findLast((meta) => meta.kind === 'doc')?.doc;
}

/** A zod schema as JSON Schema 2020-12, describing what a client sends. */
export function jsonSchemaOf(schema: ZodType): JsonSchema {
  const converted = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  delete converted.$schema;
  return converted;
}

/** Builds the whole OpenAPI 3.1 document from the app's routes. */
export function openApiDocument(app: Hono<never>, options: { version: string; serverUrl?: string }) {
  const paths: Record<string, Record<string, Operation>> = {};
  const usedIds = new Set<string>();
  for (const operation of operationsOf(app)) {
    const openApiPath = operation.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
    paths[openApiPath] ??= {};
    paths[openApiPath][operation.method.toLowerCase()] = describeOperation(operation, usedIds);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Portico API',
      version: options.version,
      summary: 'The integration API (/api/v1) and the portal API the widgets use (/api/portal).',
      description: API_OVERVIEW,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Portico' },
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: options.serverUrl ?? '/' }],
    tags: [...new Set(Object.values(paths).flatMap((methods) => Object.values(methods).flatMap((operation) => operation.tags as string[])))].map((name) => ({
      name,
      description: name.startsWith('Portal')
        ? 'Called by the widgets on behalf of a signed-in client (portal session, `X-Portal-Tenant`).'
        : 'Called by the business’s own systems with an API token, and by the staff console.',
    })),
    paths,
    webhooks: webhookDocs(),
    components: {
      securitySchemes: {
        apiToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (`ptk_<tenant>_…`) created in the console under API tokens, with the scopes the operation names.',
        },
        portalSession: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'A 5-minute portal access token from `/api/portal/auth/*` (the widgets keep it in memory and refresh it with the session cookie).',
        },
      },
      schemas: {
        Problem: problemSchema(),
      },
    },
  };
}

function describeOperation(operation: OperationInfo, usedIds: Set<string>): Operation {
  const doc = docOf(operation);
  const result: Operation = {
    operationId: operationId(operation, usedIds),
    summary: doc?.summary ?? `${operation.method} ${operation.path}`,
    tags: [tagOf(operation.path)],
  };
  if (doc?.description) result.description = doc.description;
  const security = operation.meta.flatMap((meta) =>
    meta.kind === 'auth' ? [meta.scheme === 'apiToken' ? { apiToken: [meta.scope] } : { portalSession: [...meta.sessions] }] : [],
  );
  result.security = security.length ? security : [];
  const parameters = parametersOf(operation);
  if (parameters.length) result.parameters = parameters;
  const body = requestBodyOf(operation, doc);
  if (body) result.requestBody = body;
  result.responses = responsesOf(operation, doc);
  return result;
}

/** `Integration · billing`, `Portal · auth`: one group per API and section. */
function tagOf(path: string): string {
  return `${path.startsWith('/api/portal/') ? 'Portal' : 'Integration'} · ${path.split('/')[3] ?? ''}`;
}

function operationId(operation: OperationInfo, used: Set<string>): string {
  const words = operation.path
    .replace(/\{[^}]*\}/g, '')
    .replace(/^\/api\//, '')
    .split(/[/-]/)
    .filter(Boolean)
    .map((word) => (word.startsWith(':') ? `by-${word.slice(1).replace(/\{.*$/, '')}` : word));
  const base = [operation.method.toLowerCase(), ...words]
    .join('-')
    .replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}${n}`;
  used.add(id);
  return id;
}

function parametersOf(operation: OperationInfo): Operation[] {
  const parameters: Operation[] = [];
  const seen = new Set<string>();
  const push = (parameter: Operation) => {
    const key = `${parameter.in}:${parameter.name}`;
    if (seen.has(key)) return;
    seen.add(key);
    parameters.push(parameter);
  };
  for (const meta of operation.meta) {
    if (meta.kind !== 'input' || !['param', 'query', 'header'].includes(meta.target)) continue;
    const schema = jsonSchemaOf(meta.schema);
    const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((schema.required ?? []) as string[]);
    for (const [name, property] of Object.entries(properties)) {
      const where = meta.target === 'param' ? 'path' : meta.target;
      const parameter: Operation = { name, in: where, required: where === 'path' || required.has(name), schema: property };
      if (property.description) parameter.description = property.description;
      push(parameter);
    }
  }
  // Path parameters a route names without validating them.
  for (const match of operation.path.matchAll(/:(\w+)/g)) {
    push({ name: match[1], in: 'path', required: true, schema: { type: 'string' } });
  }
  if (operation.meta.some((meta) => meta.kind === 'tenant')) {
    push({ name: 'X-Portal-Tenant', in: 'header', required: true, description: 'The portal’s slug.', schema: { type: 'string', examples: ['clinica-sol'] } });
  }
  if (operation.meta.some((meta) => meta.kind === 'idempotent')) {
    push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description: 'Any unique string (1–200 visible ASCII characters). Repeating the request with the same key within 24 h returns the first answer (with `Idempotent-Replayed: true`) and does nothing again.',
      schema: { type: 'string', minLength: 1, maxLength: 200, examples: ['erp-sync-2026-11-24-0001'] },
    });
  }
  return parameters;
}

function requestBodyOf(operation: OperationInfo, doc: RouteDoc | undefined): Operation | undefined {
  const json = operation.meta.find((meta) => meta.kind === 'input' && meta.target === 'json') as Extract<RouteMeta, { kind: 'input' }> | undefined;
  const form = operation.meta.find((meta) => meta.kind === 'input' && meta.target === 'form') as Extract<RouteMeta, { kind: 'input' }> | undefined;
  if (json) {
    const schema = jsonSchemaOf(json.schema);
    return { required: true, content: { 'application/json': { schema, example: doc?.requestExample ?? exampleOf(schema) } } };
  }
  if (form) return { required: true, content: { 'multipart/form-data': { schema: jsonSchemaOf(form.schema) } } };
  if (doc?.rawBody) {
    return {
      required: true,
      description: doc.rawBody.description,
      content: Object.fromEntries(doc.rawBody.contentTypes.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }])),
    };
  }
  return undefined;
}

/** A sample value for a schema, or nothing when the schema cannot be sampled. */
export function exampleOf(schema: JsonSchema): unknown {
  try {
    return sample(schema as never, { skipReadOnly: true, quiet: true });
  } catch {
    return undefined;
  }
}

function responsesOf(operation: OperationInfo, doc: RouteDoc | undefined): Operation {
  const responses: Operation = {};
  for (const [status, response] of Object.entries(doc?.responses ?? { 200: { description: 'OK' } })) {
    const types = [response.contentType ?? 'application/json'].flat();
    responses[status] =
      Number(status) === 204
        ? { description: response.description }
        : {
            description: response.description,
            content: Object.fromEntries(types.map((type) => [type, response.example === undefined ? {} : { example: response.example }])),
          };
  }
  const rateLimited = operation.meta.some((meta) => meta.kind === 'auth' && meta.scheme === 'apiToken');
  for (const [status, codes] of [...problemsOf(operation)].sort(([a], [b]) => a - b)) {
    const list = [...codes].sort();
    const response: Operation = {
      description: list.map((code) => `\`${code}\`${PROBLEM_MEANING[code] ? `: ${PROBLEM_MEANING[code]}` : ''}`).join('; '),
      content: {
        'application/problem+json': {
          schema: { allOf: [{ $ref: '#/components/schemas/Problem' }, { properties: { code: { enum: list } } }] },
          example: { type: 'about:blank', title: list[0], status, code: list[0], detail: PROBLEM_MEANING[list[0]!] ?? list[0] },
        },
      },
    };
    if (status === 429 || status === 503) response.headers = { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } };
    responses[String(status)] = response;
  }
  if (rateLimited) {
    for (const response of Object.values(responses) as Operation[]) {
      response.headers = {
        ...(response.headers as object | undefined),
        RateLimit: { description: 'What is left of the token’s allowance: `"default";r=<remaining>;t=<seconds to reset>`.', schema: { type: 'string' } },
        'RateLimit-Policy': { description: 'The token’s allowance: `"default";q=<requests>;w=<window seconds>`.', schema: { type: 'string' } },
      };
    }
  }
  return responses;
}

function problemSchema(): JsonSchema {
  const codes = Object.keys(PROBLEM_STATUS).sort();
  return {
    type: 'object',
    description: 'An RFC 9457 problem document. `code` is stable: translate and branch on it, never on `title` or `detail`.',
    required: ['type', 'title', 'status', 'code'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      code: { type: 'string', enum: codes },
      detail: { type: 'string' },
      instance: { type: 'string' },
      requestId: { type: 'string' },
      errors: {
        type: 'array',
        description: 'For `invalid_input`: each wrong field, by its path.',
        items: { type: 'object', required: ['path', 'message'], properties: { path: { type: 'string' }, message: { type: 'string' } } },
      },
    },
  };
}
