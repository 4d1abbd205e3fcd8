import { createHash } from 'node:crypto';
import Stripe from 'stripe';
import {
  withReturnFlag,
  PaymentProviderError,
  WebhookSignatureError,
  type HostedPage,
  type ManageMethodsInput,
  type PayChargeInput,
  type PaymentEvent,
  type PaymentLocale,
  type PaymentProvider,
} from './provider.ts';

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Where the Stripe API is, such as http://127.0.0.1:PORT for a test server; https://api.stripe.com when unset. */
  apiBase?: string;
  /** Per request to Stripe. A client is waiting on the other side of the click, so far less than Stripe's 80 s. */
  timeoutMs?: number;
  /** How old a webhook may be before it is refused as a replay; Stripe's own 300 s by default. */
  webhookToleranceSeconds?: number;
  /** The clock the attempt windows are cut from; tests move it. */
  now?: () => Date;
}

/**
 * Clicks on "pay" for the same charge within one window get the same Checkout Session: a double click, or a client
 * who gave up and came back a few minutes later, never leaves two live payment pages for one charge behind.
 */
const ATTEMPT_WINDOW_MS = 15 * 60_000;
/**
 * A session lives one hour from the start of its window (Stripe's default is 24 hours): old pages for a charge
 * die soon, so a client can hardly pay the same charge twice from two tabs. Counted from the window start, not
 * from now, so that a repeated click sends the very same parameters; always 45 to 60 minutes after creation,
 * within the 30 minutes to 24 hours Stripe accepts.
 */
const SESSION_LIFETIME_MS = 60 * 60_000;
const DEFAULT_TIMEOUT_MS = 10_000;

const STRIPE_LOCALES: Record<PaymentLocale, Stripe.Checkout.SessionCreateParams.Locale & Stripe.BillingPortal.SessionCreateParams.Locale> = {
  'pt-BR': 'pt-BR',
  es: 'es',
  en: 'en',
};

/**
 * Card payments through Stripe: Checkout (mode `payment`) for a charge, the Billing Portal for saved cards, and
 * the `checkout.session.*` webhooks for payments. Every tenant's customers live in the one Stripe account the
 * deployment is configured with, told apart by their metadata.
 */
export function stripeProvider(options: StripeProviderOptions): PaymentProvider {
  const tolerance = options.webhookToleranceSeconds ?? 300;
  // Stripe skips the age check for a tolerance of 0: a replayed webhook would then be accepted forever.
  if (!(tolerance > 0)) throw new TypeError('webhookToleranceSeconds must be more than zero');
  const now = options.now ?? (() => new Date());
  const stripe = new Stripe(options.secretKey, {
    ...apiAddress(options.apiBase),
    timeout: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    // One retry: every POST we make is idempotent (our keys, or the SDK's own), so repeating it is safe. It rides
    // over a dropped connection or a 500, and over the 409 Stripe answers the second of two simultaneous requests
    // with the same key (a true double click), which then gets the first one's answer. The SDK's default of 2,
    // with back-off, could keep a client staring at a spinner for three timeouts.
    maxNetworkRetries: 1,
    appInfo: { name: 'Portico' },
  });

  /** The account's customer: a new one, with the same idempotency key for the same input (two tabs, one customer). */
  async function createCustomer(input: ManageMethodsInput, replacing: string | null): Promise<string> {
    const params: Stripe.CustomerCreateParams = {
      name: input.accountName,
      ...(input.email ? { email: input.email } : {}),
      preferred_locales: [input.locale],
      metadata: { tenantId: input.tenantId, accountId: input.accountId },
    };
    const customer = await stripe.customers.create(params, { idempotencyKey: idempotencyKey('customer', input.accountId, { params, replacing }) });
    return customer.id;
  }

  /**
   * Runs `use` with the account's customer, creating one when there is none. A customer deleted at Stripe (from
   * its dashboard) would otherwise fail every payment of the account for good: it is replaced by a new one.
   */
  async function withCustomer<T>(input: ManageMethodsInput, use: (customerId: string) => Promise<T>): Promise<[T, string]> {
    if (input.customerId) {
      try {
        return [await use(input.customerId), input.customerId];
      } catch (error) {
        if (!isMissingCustomer(error)) throw error;
      }
    }
    const customerId = await createCustomer(input, input.customerId);
    return [await use(customerId), customerId];
  }

  return {
    name: 'stripe',

    async payCharge(input: PayChargeInput): Promise<HostedPage> {
      const windowStart = Math.floor(now().getTime() / ATTEMPT_WINDOW_MS) * ATTEMPT_WINDOW_MS;
      try {
        const [session, customerId] = await withCustomer(input, (customer) => {
          const params = checkoutParams(input, customer, windowStart);
          // The key is the parameters themselves: the same click in the same window replays the first answer, and
          // anything that changes the page (amount, customer, language, return URL) asks for a new one, rather than
          // reusing a key with other parameters, which Stripe refuses.
          return stripe.checkout.sessions.create(params, { idempotencyKey: idempotencyKey('checkout', input.chargeId, params) });
        });
        if (!session.url) throw new PaymentProviderError(`Stripe gave no URL for checkout session ${session.id}`);
        return { url: session.url, customerId };
      } catch (error) {
        throw providerError(error, 'a payment page', options.secretKey);
      }
    },

    async manageMethods(input: ManageMethodsInput): Promise<HostedPage> {
      try {
        const [session, customerId] = await withCustomer(input, (customer) =>
          stripe.billingPortal.sessions.create({ customer, return_url: input.returnUrl, locale: STRIPE_LOCALES[input.locale] }),
        );
        return { url: session.url, customerId };
      } catch (error) {
        throw providerError(error, 'a card management page', options.secretKey);
      }
    },

    /** `rawBody` must be the body exactly as received: the signature is over its bytes, not over parsed JSON. */
    async readWebhook(rawBody: string, signature: string | undefined): Promise<PaymentEvent | undefined> {
      if (!signature) throw new WebhookSignatureError('the webhook has no Stripe-Signature header');
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(rawBody, signature, options.webhookSecret, tolerance);
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw new WebhookSignatureError(`the webhook's Stripe signature does not hold: ${error.message.split(/\.\s|\.$/)[0]}`);
        }
        // Signed by Stripe but not an event snapshot (a v2 "thin" notification): nothing Portico acts on.
        return undefined;
      }
      return chargePaid(event);
    },
  };
}

/** `apiBase` as the Stripe client takes it: host, port and protocol apart (it always adds the /v1/… path). */
function apiAddress(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError('apiBase must be an http(s) origin');
  if (url.pathname !== '/' || url.search || url.username) throw new TypeError('apiBase must be an origin, without a path, query or credentials');
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { protocol, host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port || (protocol === 'http' ? 80 : 443) };
}

function checkoutParams(input: PayChargeInput, customer: string, windowStart: number): Stripe.Checkout.SessionCreateParams {
  const metadata = { tenantId: input.tenantId, chargeId: input.chargeId, accountId: input.accountId };
  return {
    mode: 'payment',
    customer,
    client_reference_id: input.chargeId,
    line_items: [{ quantity: 1, price_data: { currency: input.currency.toLowerCase(), unit_amount: input.amount, product_data: { name: input.description } } }],
    // Cards (wallets included) only: boleto and PIX are Portico's own, with the business's due dates. (This API
    // version filters the methods enabled in the dashboard with it; `payment_method_types` is gone.)
    allowed_payment_method_types: ['card'],
    // The client may keep the card for next time, and then manage it in the Billing Portal.
    saved_payment_method_options: { payment_method_save: 'enabled' },
    locale: STRIPE_LOCALES[input.locale],
    success_url: withReturnFlag(input.returnUrl, 'done'),
    cancel_url: withReturnFlag(input.returnUrl, 'cancelled'),
    expires_at: Math.floor((windowStart + SESSION_LIFETIME_MS) / 1000),
    metadata,
    payment_intent_data: { description: input.description, metadata },
  };
}


/** `portico-<kind>-<subject>-<digest of what is sent>`: readable in Stripe's logs, well under its 255 characters. */
function idempotencyKey(kind: string, subject: string, sent: object): string {
  const digest = createHash('sha256').update(JSON.stringify(sent)).digest('base64url').slice(0, 32);
  return `portico-${kind}-${subject}-${digest}`;
}

function isMissingCustomer(error: unknown): boolean {
  return error instanceof Stripe.errors.StripeInvalidRequestError && error.code === 'resource_missing' && error.param === 'customer';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A paid Checkout Session of ours as a charge-paid event. Card payments complete paid; `async_payment_succeeded`
 * is the later word for methods that settle afterwards. Sessions without our metadata (another integration on
 * the same Stripe account) and sessions not paid yet are not ours to act on.
 */
function chargePaid(event: Stripe.Event): PaymentEvent | undefined {
  if (event.type !== 'checkout.session.completed' && event.type !== 'checkout.session.async_payment_succeeded') return undefined;
  const session = event.data.object;
  if (session.mode !== 'payment' || session.payment_status !== 'paid') return undefined;
  const tenantId = session.metadata?.tenantId;
  const chargeId = session.metadata?.chargeId;
  if (!tenantId || !chargeId || !UUID.test(tenantId) || !UUID.test(chargeId)) return undefined;
  if (typeof session.amount_total !== 'number' || !session.currency) return undefined;
  return {
    eventId: event.id,
    type: 'charge-paid',
    tenantId,
    chargeId,
    paidAt: new Date(event.created * 1000),
    amount: session.amount_total,
    currency: session.currency.toUpperCase(),
  };
}

/**
 * A Stripe failure as a PaymentProviderError whose message can go to the logs: what was asked, Stripe's status,
 * type, code and request id, and its message with anything shaped like a key masked (Stripe quotes the key it was
 * given when it refuses one). The Stripe error is not kept as the cause, so a logger cannot dig the raw one out.
 * Anything else is a bug of ours and goes on as it is.
 */
function providerError(error: unknown, asked: string, secretKey: string): unknown {
  if (error instanceof PaymentProviderError) return error;
  if (!(error instanceof Stripe.errors.StripeError)) return error;
  if (error instanceof Stripe.errors.StripeConnectionError) {
    return new PaymentProviderError(`Stripe could not be reached for ${asked}: ${mask(error.message, secretKey)}`);
  }
  const what = [error.statusCode, error.rawType, error.code].filter(Boolean).join(' ');
  const request = error.requestId ? `, request ${error.requestId}` : '';
  return new PaymentProviderError(`Stripe refused ${asked} (${what}${request}): ${mask(error.message, secretKey).slice(0, 300)}`);
}

function mask(message: string, secretKey: string): string {
  return message.split(secretKey).join('[key]').replace(/\b(?:sk|rk|pk)_(?:test|live)_[\w*]*/g, '[key]');
}

export { withReturnFlag };
