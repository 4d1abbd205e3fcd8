import type { MiddlewareHandler } from 'hono';
import type { ZodType } from 'zod';
import type { ProblemCode } from '../http/problem.ts';

/**
 * What the OpenAPI document is generated from: the middleware the routes already use carries a description of
 * itself — `validate()` its schema, `requireIntegration()` its scope, `idempotent()` its header — and `describe()`
 * adds the words a reader needs. The generator walks the app's routes and reads these, so the document cannot drift
 * from what the server does.
 */
export type RouteMeta =
  | { kind: 'input'; target: 'json' | 'query' | 'param' | 'form' | 'header'; schema: ZodType }
  | { kind: 'auth'; scheme: 'apiToken'; scope: string }
  | { kind: 'auth'; scheme: 'portalSession'; sessions: readonly string[] }
  | { kind: 'tenant' }
  | { kind: 'idempotent' }
  /** A console member must have entered the password in the last minutes (never asked of an API token). */
  | { kind: 'recentPassword' }
  | { kind: 'doc'; doc: RouteDoc };

/** A response other than a problem: its status, what it means, and an example body. */
export interface ResponseDoc {
  description: string;
  /** An example of the body (JSON unless `contentType` says otherwise). */
  example?: unknown;
  /** Defaults to `application/json`; a file download names its type (`application/pdf`, `text/calendar` …), or its types. */
  contentType?: string | string[];
}

/** The words and examples of one operation. */
export interface RouteDoc {
  /** One line, imperative or nominal: "Upsert processes by your own ids". */
  summary: string;
  /** Longer text (Markdown): when to call it, what it does to the data, what the business should know. */
  description?: string;
  /** The successful answers by status; defaults to `200: OK`. */
  responses?: Record<number, ResponseDoc>;
  /**
   * The problem codes the operation itself may answer, beyond those its middleware implies (bad input, auth,
   * idempotency, not found for an `:id`). A code answered with an unusual status is given as `[code, status]`.
   */
  problems?: (ProblemCode | [ProblemCode, number])[];
  /** A request body that is not JSON (a file upload): its content types. */
  rawBody?: { contentTypes: string[]; description: string };
  /** A valid request body to show (otherwise one is sampled from the schema). */
  requestExample?: unknown;
}

const META = Symbol.for('portico.openapi');

type Tagged = { [META]?: RouteMeta[] };

/** Attaches `meta` to a middleware or handler and returns it. */
export function withMeta<T extends MiddlewareHandler>(handler: T, ...meta: RouteMeta[]): T {
  const tagged = handler as T & Tagged;
  tagged[META] = [...(tagged[META] ?? []), ...meta];
  return handler;
}

/** What a handler says about itself. */
export function metaOf(handler: unknown): RouteMeta[] {
  return (handler as Tagged | undefined)?.[META] ?? [];
}

/** A middleware that does nothing but describe its route in the OpenAPI document. */
export function describe(doc: RouteDoc): MiddlewareHandler {
  return withMeta(async function described(_c, next) {
    await next();
  }, { kind: 'doc', doc });
}
