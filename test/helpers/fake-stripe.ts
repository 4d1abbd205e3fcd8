import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Stripe from 'stripe';

/** The keys the fake expects; shaped like real ones, so that the server's configuration accepts them too. */
export const FAKE_STRIPE_KEY = 'sk_test_portico_fake_0123456789';
export const FAKE_WEBHOOK_SECRET = 'whsec_portico_fake_0123456789';

/** One request as the fake received it, whatever it answered. */
export interface StripeCall {
  method: string;
  path: string;
  /** The form-encoded body as flat bracketed keys: `line_items[0][price_data][unit_amount]` → `'1990'`. */
  params: Record<string, string>;
  idempotencyKey: string | undefined;
  status: number;
  /** Answered from the idempotency store rather than executed again. */
  replayed: boolean;
}

/** A Stripe error answer (`{ error: { type, code, param, message } }`); `{ status: 500 }` alone is an api_error. */
export interface StripeFailure {
  status: number;
  type?: string;
  code?: string;
  param?: string;
  message?: string;
}

/** A local stand-in for the parts of the Stripe API that Portico calls, with the real API's shapes. */
export interface FakeStripe {
  /** The origin to give the provider as `apiBase`. */
  url: string;
  calls: StripeCall[];
  /** The Checkout Sessions created, by id, as the API returned them. */
  sessions: Map<string, Record<string, unknown>>;
  /**
   * Answers the next `times` calls with `failure` (a bare 500 by default). Injected failures are not kept under
   * the call's idempotency key, as Stripe keeps no result for a request it could not run: a retry can succeed.
   */
  failNext(failure?: StripeFailure, times?: number): void;
  /** A webhook event for a created session, as Stripe would send it once the client paid (or not yet). */
  sessionEvent(sessionId: string, options?: { type?: string; paymentStatus?: 'paid' | 'unpaid'; created?: number }): Record<string, unknown>;
  close(): Promise<void>;
}

type Answer = { status: number; body: object };

/**
 * Starts the fake on 127.0.0.1 (a free port). It checks the bearer key (401 as Stripe answers it), records every
 * call, keeps answers by Idempotency-Key (the same key replays the first answer; the same key with other
 * parameters is refused as Stripe refuses it) and knows the customers it created (an unknown one is a
 * `resource_missing` error on `customer`).
 */
export async function startFakeStripe(options: { secretKey?: string } = {}): Promise<FakeStripe> {
  const secretKey = options.secretKey ?? FAKE_STRIPE_KEY;
  const calls: StripeCall[] = [];
  const failures: StripeFailure[] = [];
  const answered = new Map<string, { request: string; answer: Answer }>();
  const customers = new Map<string, Record<string, unknown>>();
  const sessions = new Map<string, Record<string, unknown>>();

  function route(method: string, path: string, params: Record<string, string>): Answer {
    const created = Math.floor(Date.now() / 1000);
    if (method === 'POST' && path === '/v1/customers') {
      const customer = { id: id('cus'), object: 'customer', created, livemode: false, name: params.name ?? null, email: params.email ?? null, metadata: nested(params, 'metadata'), preferred_locales: list(params, 'preferred_locales') };
      customers.set(customer.id, customer);
      return { status: 200, body: customer };
    }
    if (method === 'POST' && path === '/v1/checkout/sessions') {
      if (params.customer && !customers.has(params.customer)) return noSuchCustomer(params.customer);
      if (!params.success_url) return invalid('Missing required param: success_url.', 'success_url');
      const unitAmount = Number(params['line_items[0][price_data][unit_amount]']);
      const quantity = Number(params['line_items[0][quantity]'] ?? 1);
      const sessionId = id('cs_test');
      const session = {
        id: sessionId,
        object: 'checkout.session',
        created,
        livemode: false,
        mode: params.mode,
        status: 'open',
        payment_status: 'unpaid',
        customer: params.customer ?? null,
        client_reference_id: params.client_reference_id ?? null,
        amount_total: unitAmount * quantity,
        currency: params['line_items[0][price_data][currency]'] ?? null,
        locale: params.locale ?? null,
        success_url: params.success_url,
        cancel_url: params.cancel_url ?? null,
        expires_at: params.expires_at ? Number(params.expires_at) : created + 86_400,
        metadata: nested(params, 'metadata'),
        payment_intent: null,
        url: `https://checkout.stripe.test/c/pay/${sessionId}`,
      };
      sessions.set(sessionId, session);
      return { status: 200, body: session };
    }
    if (method === 'POST' && path === '/v1/billing_portal/sessions') {
      if (!params.customer) return invalid('Missing required param: customer.', 'customer');
      if (!customers.has(params.customer)) return noSuchCustomer(params.customer);
      const portalId = id('bps');
      return {
        status: 200,
        body: { id: portalId, object: 'billing_portal.session', created, livemode: false, customer: params.customer, locale: params.locale ?? null, return_url: params.return_url ?? null, url: `https://billing.stripe.test/p/session/${portalId}` },
      };
    }
    return {
      status: 404,
      body: stripeError({ type: 'invalid_request_error', message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.` }),
    };
  }

  /** Auth, injected failures, idempotency, then the route; each answer recorded with its call. */
  function answer(request: IncomingMessage, params: Record<string, string>): Answer & { replayed: boolean } {
    const authorization = request.headers.authorization ?? '';
    if (!authorization) {
      return { status: 401, replayed: false, body: stripeError({ type: 'invalid_request_error', message: "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')." }) };
    }
    const given = authorization.replace(/^Bearer /, '');
    if (given !== secretKey) {
      // Stripe quotes the key it was given, masked but for its ends.
      return { status: 401, replayed: false, body: stripeError({ type: 'invalid_request_error', message: `Invalid API Key provided: ${given.slice(0, 8)}${'*'.repeat(Math.max(0, given.length - 12))}${given.slice(-4)}` }) };
    }
    const failure = failures.shift();
    if (failure) {
      const type = failure.type ?? (failure.status >= 500 ? 'api_error' : 'invalid_request_error');
      return { status: failure.status, replayed: false, body: stripeError({ type, code: failure.code, param: failure.param, message: failure.message ?? "Something went wrong on Stripe's end." }) };
    }
    const key = header(request, 'idempotency-key');
    const fingerprint = `${request.method} ${request.url} ${JSON.stringify(params)}`;
    const earlier = key ? answered.get(key) : undefined;
    if (earlier && earlier.request !== fingerprint) {
      return {
        status: 400,
        replayed: false,
        body: stripeError({ type: 'idempotency_error', message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.` }),
      };
    }
    if (earlier) return { ...earlier.answer, replayed: true };
    const fresh = route(request.method ?? 'GET', new URL(request.url ?? '/', 'http://fake').pathname, params);
    if (key) answered.set(key, { request: fingerprint, answer: fresh });
    return { ...fresh, replayed: false };
  }

  const server = createServer(async (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const result = answer(request, params);
    calls.push({
      method: request.method ?? 'GET',
      path: new URL(request.url ?? '/', 'http://fake').pathname,
      params,
      idempotencyKey: header(request, 'idempotency-key'),
      status: result.status,
      replayed: result.replayed,
    });
    response.writeHead(result.status, {
      'content-type': 'application/json',
      'request-id': id('req'),
      ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}),
    });
    response.end(JSON.stringify(result.body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    sessions,
    failNext: (failure = { status: 500 }, times = 1) => {
      for (let i = 0; i < times; i++) failures.push(failure);
    },
    sessionEvent(sessionId, { type = 'checkout.session.completed', paymentStatus = 'paid', created = Math.floor(Date.now() / 1000) } = {}) {
      const session = sessions.get(sessionId);
      if (!session) throw new Error(`the fake created no session ${sessionId}`);
      return {
        id: id('evt'),
        object: 'event',
        api_version: Stripe.API_VERSION,
        created,
        livemode: false,
        pending_webhooks: 1,
        request: { id: null, idempotency_key: null },
        type,
        data: { object: { ...session, status: paymentStatus === 'paid' ? 'complete' : 'open', payment_status: paymentStatus, payment_intent: paymentStatus === 'paid' ? id('pi') : null } },
      };
    },
    close: () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // The Stripe client keeps connections alive; close them so that close() does not wait on them.
      server.closeAllConnections();
      return closed;
    },
  };
}

/**
 * A webhook body and its Stripe-Signature header, signed with `secret` by the real package (`timestamp` in
 * seconds, now by default). The body is pretty-printed as Stripe sends it: the signature is over these exact bytes.
 */
export function signedWebhook(payload: object, secret: string, timestamp?: number): { body: string; signature: string } {
  const body = JSON.stringify(payload, null, 2);
  return { body, signature: Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp }) };
}

function id(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url').replace(/[-_]/g, '0')}`;
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The `prefix[key]` entries of flat params as an object: `metadata[chargeId]` → `{ chargeId }`. */
function nested(params: Record<string, string>, prefix: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const match = /^([^[]+)\[([^\]]+)\]$/.exec(key);
    if (match && match[1] === prefix) found[match[2]] = value;
  }
  return found;
}

/** The `prefix[0]`, `prefix[1]`… entries of flat params as a list. */
function list(params: Record<string, string>, prefix: string): string[] {
  return Object.values(nested(params, prefix));
}

function stripeError(error: { type: string; code?: string; param?: string; message: string }): object {
  return { error: { ...error, ...(error.code ? { doc_url: `https://stripe.com/docs/error-codes/${error.code.replace(/_/g, '-')}` } : {}), request_log_url: 'https://dashboard.stripe.com/test/logs' } };
}

function invalid(message: string, param: string): Answer {
  return { status: 400, body: stripeError({ type: 'invalid_request_error', code: 'parameter_missing', param, message }) };
}

function noSuchCustomer(customerId: string): Answer {
  return { status: 400, body: stripeError({ type: 'invalid_request_error', code: 'resource_missing', param: 'customer', message: `No such customer: '${customerId}'` }) };
}
