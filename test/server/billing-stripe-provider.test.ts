import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { PaymentProviderError, WebhookSignatureError, type PayChargeInput } from '../../server/features/billing/payments/provider.ts';
import { stripeProvider, withReturnFlag } from '../../server/features/billing/payments/stripe.ts';
import { FAKE_STRIPE_KEY, FAKE_WEBHOOK_SECRET, signedWebhook, startFakeStripe, type FakeStripe } from '../helpers/fake-stripe.ts';

/*
 * The provider with the real `stripe` package, against a local fake of the Stripe API: what goes over the wire is
 * what the package really sends, and webhooks are signed by the package's own test helper.
 */

const TENANT = '0b8f7a52-3c1e-4d7e-9a61-5f2c8e4d1a01';
const ACCOUNT = '6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CHARGE = 'c3e1b2a4-5d6f-4e7a-9b8c-0d1e2f3a4b5c';
/** A fixed instant, 5 minutes into a 15-minute attempt window. */
const NOW = new Date('2026-03-10T12:05:00Z');

/** A fresh fake per test: its idempotency store and customers do not leak from one test into the next. */
let fake: FakeStripe;
beforeEach(async () => (fake = await startFakeStripe()));
afterEach(() => fake.close());

function provider(options: { now?: Date; secretKey?: string; apiBase?: string } = {}) {
  return stripeProvider({ secretKey: options.secretKey ?? FAKE_STRIPE_KEY, webhookSecret: FAKE_WEBHOOK_SECRET, apiBase: options.apiBase ?? fake.url, timeoutMs: 2000, now: () => options.now ?? NOW });
}

function charge(overrides: Partial<PayChargeInput> = {}): PayChargeInput {
  return {
    tenantId: TENANT,
    accountId: ACCOUNT,
    chargeId: CHARGE,
    customerId: null,
    email: 'ana@cliente.example',
    accountName: 'Padaria Estrela',
    description: 'Mensalidade março',
    amount: 1990,
    currency: 'BRL',
    locale: 'pt-BR',
    returnUrl: 'https://cliente.example/portal',
    ...overrides,
  };
}

const callsTo = (path: string) => fake.calls.filter((call) => call.path === path);

test('payCharge without a customer creates one for the account, then a Checkout Session for the charge', async () => {
  const page = await provider().payCharge(charge());

  assert.deepEqual(fake.calls.map((call) => `${call.path} ${call.status}`), ['/v1/customers 200', '/v1/checkout/sessions 200']);
  const [customer, checkout] = fake.calls;
  assert.equal(customer.params.name, 'Padaria Estrela');
  assert.equal(customer.params.email, 'ana@cliente.example');
  assert.equal(customer.params['metadata[tenantId]'], TENANT);
  assert.equal(customer.params['metadata[accountId]'], ACCOUNT);
  assert.match(page.customerId, /^cus_/);
  assert.match(page.url, /^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);

  const sent = checkout.params;
  assert.equal(sent.mode, 'payment');
  assert.equal(sent.customer, page.customerId);
  assert.equal(sent['line_items[0][price_data][unit_amount]'], '1990', 'minor units, as they are');
  assert.equal(sent['line_items[0][price_data][currency]'], 'brl');
  assert.equal(sent['line_items[0][price_data][product_data][name]'], 'Mensalidade março');
  assert.equal(sent['line_items[0][quantity]'], '1');
  assert.equal(sent['allowed_payment_method_types[0]'], 'card');
  assert.equal(sent.locale, 'pt-BR');
  assert.equal(sent.success_url, 'https://cliente.example/portal?portal-payment=done');
  assert.equal(sent.cancel_url, 'https://cliente.example/portal?portal-payment=cancelled');
  for (const prefix of ['metadata', 'payment_intent_data[metadata]']) {
    assert.equal(sent[`${prefix}[tenantId]`], TENANT, prefix);
    assert.equal(sent[`${prefix}[chargeId]`], CHARGE, prefix);
    assert.equal(sent[`${prefix}[accountId]`], ACCOUNT, prefix);
  }
  // One hour from the start of the window (12:00), so 55 minutes from now.
  assert.equal(sent.expires_at, String(Date.parse('2026-03-10T13:00:00Z') / 1000));
  const session = fake.sessions.get(page.url.split('/').pop()!);
  assert.equal(session?.amount_total, 1990);
});

test('payCharge reuses the customer it is given, and speaks the client language', async () => {
  const first = await provider().payCharge(charge());
  fake.calls.length = 0;

  const second = await provider().payCharge(charge({ customerId: first.customerId, locale: 'es', amount: 250000, currency: 'USD' }));
  assert.deepEqual(fake.calls.map((call) => call.path), ['/v1/checkout/sessions']);
  assert.equal(second.customerId, first.customerId);
  assert.equal(fake.calls[0].params.customer, first.customerId);
  assert.equal(fake.calls[0].params.locale, 'es');
  assert.equal(fake.calls[0].params['line_items[0][price_data][unit_amount]'], '250000');
  assert.equal(fake.calls[0].params['line_items[0][price_data][currency]'], 'usd');

  await provider().payCharge(charge({ customerId: first.customerId, locale: 'en' }));
  assert.equal(fake.calls[1].params.locale, 'en');
});

test('a customer deleted at Stripe is replaced by a new one, which the caller gets to save', async () => {
  const page = await provider().payCharge(charge({ customerId: 'cus_deletedInDashboard' }));
  assert.deepEqual(fake.calls.map((call) => `${call.path} ${call.status}`), ['/v1/checkout/sessions 400', '/v1/customers 200', '/v1/checkout/sessions 200']);
  assert.notEqual(page.customerId, 'cus_deletedInDashboard');
  assert.equal(fake.calls[2].params.customer, page.customerId);
});

test('return URLs keep their query and fragment, and replace a flag left from an earlier attempt', async () => {
  assert.equal(withReturnFlag('https://cliente.example/conta?aba=boletos&x=a%20b#portico-billing', 'done'), 'https://cliente.example/conta?aba=boletos&x=a%20b&portal-payment=done#portico-billing');
  assert.equal(withReturnFlag('https://cliente.example/conta?portal-payment=cancelled&aba=1', 'done'), 'https://cliente.example/conta?aba=1&portal-payment=done');
  assert.equal(withReturnFlag('https://cliente.example/conta?', 'cancelled'), 'https://cliente.example/conta?portal-payment=cancelled');

  await provider().payCharge(charge({ returnUrl: 'https://cliente.example/conta?aba=boletos#fim' }));
  const checkout = callsTo('/v1/checkout/sessions')[0];
  assert.equal(checkout.params.success_url, 'https://cliente.example/conta?aba=boletos&portal-payment=done#fim');
  assert.equal(checkout.params.cancel_url, 'https://cliente.example/conta?aba=boletos&portal-payment=cancelled#fim');
});

test('a double click gets the same page: same idempotency key, answered from Stripe idempotency store', async () => {
  const first = await provider().payCharge(charge());
  const { customerId } = first;
  const clicks = await Promise.all([provider().payCharge(charge({ customerId })), provider({ now: new Date('2026-03-10T12:14:59Z') }).payCharge(charge({ customerId }))]);
  assert.deepEqual(clicks.map((click) => click.url), [first.url, first.url]);
  const checkouts = callsTo('/v1/checkout/sessions');
  assert.equal(checkouts.length, 3);
  assert.match(checkouts[0].idempotencyKey ?? '', new RegExp(`^portico-checkout-${CHARGE}-`));
  assert.ok(checkouts.every((call) => call.idempotencyKey === checkouts[0].idempotencyKey));
  assert.deepEqual(checkouts.map((call) => call.replayed), [false, true, true]);

  // Two tabs of an account without a customer yet: one customer, not two.
  fake.calls.length = 0;
  const tabs = await Promise.all([provider().payCharge(charge({ accountId: CHARGE })), provider().payCharge(charge({ accountId: CHARGE }))]);
  assert.equal(tabs[0].customerId, tabs[1].customerId);
  assert.equal(tabs[0].url, tabs[1].url);
  assert.deepEqual(callsTo('/v1/customers').map((call) => call.replayed).sort(), [false, true]);
});

test('a new attempt window, or a changed charge, gets a new page', async () => {
  const customerId = (await provider().payCharge(charge())).customerId;
  const first = await provider().payCharge(charge({ customerId }));
  const nextWindow = await provider({ now: new Date('2026-03-10T12:15:00Z') }).payCharge(charge({ customerId }));
  const otherAmount = await provider().payCharge(charge({ customerId, amount: 2090 }));

  assert.equal(new Set([first.url, nextWindow.url, otherAmount.url]).size, 3);
  const keys = callsTo('/v1/checkout/sessions').map((call) => call.idempotencyKey);
  assert.equal(new Set(keys).size, 3);
  assert.ok(fake.calls.every((call) => call.status === 200), 'no idempotency key was reused with other parameters');
});

test('manageMethods opens the Billing Portal for the account customer, creating it when there is none', async () => {
  const fresh = await provider().manageMethods({ tenantId: TENANT, accountId: ACCOUNT, customerId: null, email: null, accountName: 'Padaria Estrela', locale: 'en', returnUrl: 'https://cliente.example/conta' });
  assert.deepEqual(fake.calls.map((call) => call.path), ['/v1/customers', '/v1/billing_portal/sessions']);
  assert.equal(fake.calls[0].params.email, undefined, 'no e-mail sent when there is none');
  assert.match(fresh.url, /^https:\/\/billing\.stripe\.test\/p\/session\/bps_/);
  const portal = fake.calls[1].params;
  assert.equal(portal.customer, fresh.customerId);
  assert.equal(portal.return_url, 'https://cliente.example/conta');
  assert.equal(portal.locale, 'en');

  fake.calls.length = 0;
  const again = await provider().manageMethods({ tenantId: TENANT, accountId: ACCOUNT, customerId: fresh.customerId, email: null, accountName: 'Padaria Estrela', locale: 'pt-BR', returnUrl: 'https://cliente.example/conta' });
  assert.deepEqual(fake.calls.map((call) => call.path), ['/v1/billing_portal/sessions']);
  assert.equal(again.customerId, fresh.customerId);
  assert.equal(fake.calls[0].params.locale, 'pt-BR');
});

test('a Stripe error becomes a PaymentProviderError that does not carry the secret key', async () => {
  fake.failNext({ status: 400, type: 'invalid_request_error', code: 'amount_too_large', param: 'line_items[0][price_data][unit_amount]', message: `Amount too large (key ${FAKE_STRIPE_KEY})` });
  const error = await provider().payCharge(charge()).catch((caught: unknown) => caught);
  assert.ok(error instanceof PaymentProviderError, String(error));
  assert.match(error.message, /400 invalid_request_error amount_too_large/);
  assert.match(error.message, /request req_/);
  assert.ok(!error.message.includes(FAKE_STRIPE_KEY), error.message);
  assert.equal(error.cause, undefined);
  assert.equal(fake.calls.length, 1, 'a 400 is not retried');
});

test('a wrong key is refused (401) without the key, even masked, in the message', async () => {
  const wrongKey = 'sk_test_wrong_key_1234567890abcdef';
  const error = await provider({ secretKey: wrongKey }).manageMethods({ tenantId: TENANT, accountId: ACCOUNT, customerId: null, email: null, accountName: 'X', locale: 'en', returnUrl: 'https://cliente.example/' }).catch((caught: unknown) => caught);
  assert.ok(error instanceof PaymentProviderError, String(error));
  assert.equal(fake.calls[0].status, 401);
  assert.match(error.message, /401/);
  assert.ok(!error.message.includes(wrongKey) && !error.message.includes('sk_test') && !error.message.includes('cdef'), error.message);
});

test('a 500 is retried once with the same idempotency key; two in a row become a PaymentProviderError', async () => {
  const customerId = (await provider().payCharge(charge())).customerId;
  fake.calls.length = 0;

  fake.failNext({ status: 500 });
  const page = await provider().payCharge(charge({ customerId }));
  assert.match(page.url, /cs_test_/);
  assert.deepEqual(fake.calls.map((call) => call.status), [500, 200]);
  assert.equal(fake.calls[0].idempotencyKey, fake.calls[1].idempotencyKey);

  fake.calls.length = 0;
  fake.failNext({ status: 500 }, 2);
  const error = await provider().payCharge(charge({ customerId, amount: 1 })).catch((caught: unknown) => caught);
  assert.ok(error instanceof PaymentProviderError, String(error));
  assert.match(error.message, /500 api_error/);
  assert.deepEqual(fake.calls.map((call) => call.status), [500, 500], 'one retry, not more');
});

test('Stripe out of reach becomes a PaymentProviderError', async () => {
  const gone = await startFakeStripe();
  await gone.close();
  const error = await provider({ apiBase: gone.url }).payCharge(charge()).catch((caught: unknown) => caught);
  assert.ok(error instanceof PaymentProviderError, String(error));
  assert.match(error.message, /could not be reached/);
  assert.ok(!error.message.includes(FAKE_STRIPE_KEY));
});

/** A paid Checkout Session of the fake, as the webhook event Stripe would send. */
async function paidSessionEvent(options: { type?: string; paymentStatus?: 'paid' | 'unpaid'; created?: number } = {}) {
  const page = await provider().payCharge(charge());
  return fake.sessionEvent(page.url.split('/').pop()!, options);
}

test('readWebhook reads a signed checkout.session.completed into charge-paid', async () => {
  const event = await paidSessionEvent({ created: 1773144600 });
  const { body, signature } = signedWebhook(event, FAKE_WEBHOOK_SECRET);
  assert.deepEqual(await provider().readWebhook(body, signature), {
    eventId: event.id,
    type: 'charge-paid',
    tenantId: TENANT,
    chargeId: CHARGE,
    paidAt: new Date(1773144600 * 1000),
    amount: 1990,
    currency: 'BRL',
  });

  const later = await paidSessionEvent({ type: 'checkout.session.async_payment_succeeded' });
  const signedLater = signedWebhook(later, FAKE_WEBHOOK_SECRET);
  assert.equal((await provider().readWebhook(signedLater.body, signedLater.signature))?.eventId, later.id);
});

test('readWebhook refuses a wrong secret, a tampered body, a stale or missing signature', async () => {
  const event = await paidSessionEvent();
  const reader = provider();
  const refused = (body: string, signature: string | undefined) => assert.rejects(reader.readWebhook(body, signature), WebhookSignatureError);

  const forged = signedWebhook(event, 'whsec_someone_else');
  await refused(forged.body, forged.signature);

  const genuine = signedWebhook(event, FAKE_WEBHOOK_SECRET);
  await refused(genuine.body.replace('"amount_total": 1990', '"amount_total": 1'), genuine.signature);
  assert.ok(genuine.body.includes('"amount_total": 1990'), 'the tampering above did change the body');

  const now = Math.floor(Date.now() / 1000);
  const stale = signedWebhook(event, FAKE_WEBHOOK_SECRET, now - 301);
  await refused(stale.body, stale.signature);
  const recent = signedWebhook(event, FAKE_WEBHOOK_SECRET, now - 240);
  assert.equal((await reader.readWebhook(recent.body, recent.signature))?.chargeId, CHARGE, 'four minutes old is within the tolerance');

  await refused(genuine.body, undefined);
  await refused(genuine.body, 'not a signature');
});

test('readWebhook ignores other event types, sessions not paid yet and sessions that are not ours', async () => {
  const reader = provider();
  const read = (payload: object) => {
    const { body, signature } = signedWebhook(payload, FAKE_WEBHOOK_SECRET);
    return reader.readWebhook(body, signature);
  };
  const paid = await paidSessionEvent();
  assert.ok(await read(paid), 'the paid event itself is read');

  assert.equal(await read(await paidSessionEvent({ paymentStatus: 'unpaid' })), undefined);
  assert.equal(await read(await paidSessionEvent({ type: 'checkout.session.expired', paymentStatus: 'unpaid' })), undefined);
  assert.equal(await read({ ...paid, type: 'payment_intent.succeeded' }), undefined);

  const object = (paid.data as { object: Record<string, unknown> }).object;
  assert.equal(await read({ ...paid, data: { object: { ...object, metadata: {} } } }), undefined);
  assert.equal(await read({ ...paid, data: { object: { ...object, metadata: { tenantId: TENANT, chargeId: 'order-42' } } } }), undefined);
});

test('a webhook tolerance of zero, which would let replays through forever, is refused', () => {
  assert.throws(() => stripeProvider({ secretKey: FAKE_STRIPE_KEY, webhookSecret: FAKE_WEBHOOK_SECRET, webhookToleranceSeconds: 0 }), TypeError);
});
