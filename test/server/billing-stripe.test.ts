import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { FAKE_STRIPE_KEY, FAKE_WEBHOOK_SECRET, signedWebhook, startFakeStripe, type FakeStripe } from '../helpers/fake-stripe.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

// Card payments end to end: the real `stripe` package talks to a local stand-in of the Stripe API, and webhooks
// carry real signatures made by the package's own test helper.
let stripe: FakeStripe;
let server: TestServer;
let f: IdentityFixture;
let token: string;

async function client() {
  const portal = new PortalClient(server, f.tenant.slug);
  const { accessToken } = (await (await portal.post('/sign-in', { email: f.rh.email, password: f.rh.password })).json()) as { accessToken: string };
  return (method: string, path: string, body?: unknown) =>
    server.request(`/api/portal/billing${path}`, {
      method,
      headers: { Authorization: `Bearer ${accessToken}`, 'X-Portal-Tenant': f.tenant.slug, ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
}

async function pushCharge(externalId: string, overrides: object = {}): Promise<string> {
  const response = await server.request('/api/v1/billing/charges', {
    method: 'PUT',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ items: [{ externalId, accountId: f.company.id, description: `Honorários ${externalId}`, amount: 35000, currency: 'EUR', issueDate: '2026-01-01', dueDate: '2099-01-10', card: true, ...overrides }] }),
  });
  assert.equal(response.status, 200);
  return ((await response.json()) as { results: { id: string }[] }).results[0]!.id;
}

const webhook = (body: string, signature: string) =>
  server.request('/api/webhooks/stripe', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature }, body });

/** Pays `chargeId` by card as a client would, and returns the webhook event Stripe would then send. */
async function payByCard(call: Awaited<ReturnType<typeof client>>, chargeId: string) {
  const started = await call('POST', `/charges/${chargeId}/card`);
  assert.equal(started.status, 200);
  const { url } = (await started.json()) as { url: string };
  const session = [...stripe.sessions.values()].find((candidate) => candidate.url === url)!;
  return { url, event: stripe.sessionEvent(session.id as string) };
}

const chargeRow = async (id: string) => (await server.db.owner`select status, paid_via, paid_at::text from charges where id = ${id}`)[0]!;

before(async () => {
  stripe = await startFakeStripe();
  server = await startTestServer({ STRIPE_SECRET_KEY: FAKE_STRIPE_KEY, STRIPE_WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET, STRIPE_API_BASE: stripe.url });
  f = await seedIdentity(server.db);
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'erp', scopes: ['billing:read', 'billing:write'], expiresAt: new Date(Date.now() + 86_400_000) }))).token;
});
after(async () => {
  await server.stop();
  await stripe.close();
});

describe('paying a charge by card through Stripe', () => {
  test('the client gets Stripe’s page for exactly the charge, and the signed webhook marks it paid once', async () => {
    const chargeId = await pushCharge('card-1');
    const call = await client();
    const summary = (await (await call('GET', '/summary')).json()) as { payment: { card: boolean } };
    assert.equal(summary.payment.card, true);
    assert.equal(((await (await call('GET', `/charges/${chargeId}`)).json()) as { card: boolean }).card, true);
    const { url, event } = await payByCard(call, chargeId);
    assert.match(url, /^https:\/\//);
    const checkout = stripe.calls.find((c) => c.path === '/v1/checkout/sessions' && c.params['metadata[chargeId]'] === chargeId)!;
    assert.equal(checkout.params['line_items[0][price_data][unit_amount]'], '35000');
    assert.equal(checkout.params['line_items[0][price_data][currency]'], 'eur');
    assert.equal(checkout.params['metadata[tenantId]'], f.tenant.id);
    assert.match(checkout.params.success_url ?? '', /^https:\/\/www\..*\/portal\?portal-payment=done$/, 'back to the portal’s address');
    const [customer] = await server.db.owner`select provider_customer_id from billing_customers where account_id = ${f.company.id}`;
    assert.match(customer!.provider_customer_id, /^cus_/, 'the account’s Stripe customer is kept for next time');
    assert.equal((await chargeRow(chargeId)).status, 'open', 'coming back from Stripe is not proof of payment');

    const { body, signature } = signedWebhook(event, FAKE_WEBHOOK_SECRET);
    const applied = await webhook(body, signature);
    assert.deepEqual(await applied.json(), { received: true, applied: true });
    assert.equal((await chargeRow(chargeId)).paid_via, 'card');
    assert.equal((await chargeRow(chargeId)).status, 'paid');
    const redelivered = await webhook(body, signature);
    assert.deepEqual(await redelivered.json(), { received: true, applied: false }, 'a redelivered event changes nothing');
    assert.equal((await readProblem(await call('POST', `/charges/${chargeId}/card`))).code, 'charge_not_payable');
  });

  test('a forged, tampered or stale webhook is refused and changes nothing', async () => {
    const chargeId = await pushCharge('card-2');
    const { event } = await payByCard(await client(), chargeId);
    const wrongSecret = signedWebhook(event, 'whsec_not_the_real_one');
    assert.equal((await readProblem(await webhook(wrongSecret.body, wrongSecret.signature))).code, 'invalid_signature');
    const good = signedWebhook(event, FAKE_WEBHOOK_SECRET);
    assert.equal((await webhook(good.body.replace('"paid"', '"paid" '), good.signature)).status, 400, 'a changed body breaks the signature');
    const stale = signedWebhook(event, FAKE_WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3600);
    assert.equal((await webhook(stale.body, stale.signature)).status, 400);
    assert.equal((await server.request('/api/webhooks/stripe', { method: 'POST', body: good.body })).status, 400, 'no signature at all');
    assert.equal((await chargeRow(chargeId)).status, 'open');
  });

  test('a payment of another amount does not settle the charge', async () => {
    const chargeId = await pushCharge('card-3');
    const { event } = await payByCard(await client(), chargeId);
    // The business changed the amount after the client opened the page.
    await pushCharge('card-3', { amount: 40000 });
    const { body, signature } = signedWebhook(event, FAKE_WEBHOOK_SECRET);
    assert.deepEqual(await (await webhook(body, signature)).json(), { received: true, applied: false });
    assert.equal((await chargeRow(chargeId)).status, 'open');
  });

  test('a charge the business did not open to card, and a provider failure, are clear answers', async () => {
    const call = await client();
    const boletoOnly = await pushCharge('card-4', { card: false });
    assert.equal((await readProblem(await call('POST', `/charges/${boletoOnly}/card`))).code, 'charge_not_payable');
    const chargeId = await pushCharge('card-5');
    // One attempt and the provider's one retry.
    stripe.failNext({ status: 500 }, 2);
    const failed = await call('POST', `/charges/${chargeId}/card`);
    assert.equal(failed.status, 502);
    const problem = await readProblem(failed);
    assert.equal(problem.code, 'payment_provider_error');
    assert.ok(!JSON.stringify(problem).includes(FAKE_STRIPE_KEY));
  });

  test('managing cards opens Stripe’s billing portal; the preferred method is stored', async () => {
    const call = await client();
    const opened = await call('POST', '/payment-methods/manage', { accountId: f.company.id });
    assert.equal(opened.status, 200);
    assert.match(((await opened.json()) as { url: string }).url, /^https:\/\//);
    assert.ok(stripe.calls.some((c) => c.path === '/v1/billing_portal/sessions'));
    assert.deepEqual(await (await call('PUT', '/payment-methods/preferred', { method: 'card', accountId: f.company.id })).json(), { preferred: 'card' });
  });
});
