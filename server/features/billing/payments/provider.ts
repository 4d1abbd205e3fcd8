/**
 * Card payments (B5), as the routes see them: a hosted page to pay one charge, a hosted page to manage saved
 * cards, and the provider's webhook read into the one event Portico acts on. The card data never touches
 * Portico: the client types it on the provider's page, and the charge is marked paid only from a signed webhook,
 * never from the client coming back to the portal (anyone can open a return URL).
 */

/** The languages the portal speaks; the provider's pages are shown in the same one. */
export type PaymentLocale = 'pt-BR' | 'es' | 'en';

/** One charge to pay by card. `customerId` is the account's customer at the provider, when it has one already. */
export interface PayChargeInput {
  tenantId: string;
  accountId: string;
  chargeId: string;
  customerId: string | null;
  /** The paying user's e-mail, given to a customer the provider creates (for its receipts). */
  email: string | null;
  accountName: string;
  /** The line the client sees on the payment page. */
  description: string;
  /** Minor units, as Portico keeps money. */
  amount: number;
  /** ISO 4217, upper case as Portico keeps it. */
  currency: string;
  locale: PaymentLocale;
  /** Where the client comes back to, with `?portal-payment=done` or `=cancelled` added (see `RETURN_FLAG`). */
  returnUrl: string;
}

export interface ManageMethodsInput {
  tenantId: string;
  accountId: string;
  customerId: string | null;
  email: string | null;
  accountName: string;
  locale: PaymentLocale;
  returnUrl: string;
}

/**
 * Where to send the client, and the account's customer at the provider. The customer may be new (there was
 * none, or the one given no longer exists there): the caller saves it, so the next payment reuses it.
 */
export interface HostedPage {
  url: string;
  customerId: string;
}

/** A charge paid through the provider, as its webhook tells it. `eventId` lets a redelivered event change nothing. */
export interface ChargePaid {
  eventId: string;
  type: 'charge-paid';
  tenantId: string;
  chargeId: string;
  paidAt: Date;
  /** What was actually paid, in minor units, and its currency (upper case): the caller compares it with the charge. */
  amount: number;
  currency: string;
}
export type PaymentEvent = ChargePaid;

export interface PaymentProvider {
  /** Also the webhook's path: `/api/webhooks/<name>`. */
  readonly name: 'stripe' | 'demo';
  /** A hosted page to pay one charge by card. Calling it again soon with the same input gives the same page. */
  payCharge(input: PayChargeInput): Promise<HostedPage>;
  /** A hosted page where the client manages saved cards; creates the customer when there is none. */
  manageMethods(input: ManageMethodsInput): Promise<HostedPage>;
  /**
   * Verifies a webhook's signature and reads it; undefined for events Portico does not act on. Throws
   * WebhookSignatureError when the signature is missing, wrong or stale.
   */
  readWebhook(rawBody: string, signature: string | undefined): Promise<PaymentEvent | undefined>;
}

/** The query parameter added to the return URL: `done` after paying, `cancelled` when the client gave up. */
export const RETURN_FLAG = 'portal-payment';

/**
 * The return URL with `portal-payment=<outcome>` in its query, before any fragment. The rest of the query is kept
 * as it was written; a flag left from an earlier attempt (the client cancelled, then paid from the same page) is
 * replaced rather than repeated.
 */
export function withReturnFlag(returnUrl: string, outcome: 'done' | 'cancelled'): string {
  const url = new URL(returnUrl);
  const kept = url.search
    .slice(1)
    .split('&')
    .filter((pair) => pair !== '' && pair.split('=')[0] !== RETURN_FLAG);
  url.search = [...kept, `${RETURN_FLAG}=${outcome}`].join('&');
  return url.href;
}

/** The webhook did not come from the provider, or is too old to trust (a replay); the route answers 400. */
export class WebhookSignatureError extends Error {
  override name = 'WebhookSignatureError';
}

/**
 * Raised when the provider cannot be reached or refuses; the route turns it into a 502 problem. Its message is
 * safe to log: it never holds the provider's secret key.
 */
export class PaymentProviderError extends Error {
  override name = 'PaymentProviderError';
}
