import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoProvider } from '../../server/features/billing/payments/demo.ts';
import { WebhookSignatureError } from '../../server/features/billing/payments/provider.ts';

// The demo's stand-in provider: its page token is what its "webhook" later proves, so it must not be forgeable.
let now = new Date('2026-11-24T12:00:00Z');
const provider = demoProvider({ baseUrl: () => 'http://localhost:8787', now: () => now });
const input = {
  tenantId: crypto.randomUUID(), accountId: crypto.randomUUID(), chargeId: crypto.randomUUID(), customerId: null, email: null, accountName: 'Lucía Pérez',
  description: 'Honorarios', amount: 35_000, currency: 'EUR', locale: 'es' as const, returnUrl: 'https://www.example.es/area?x=1',
};
const tokenOf = (url: string) => new URL(url).hash.slice(1);

test('the page the demo provider opens pays exactly its charge, once proven by its own signature', async () => {
  const page = await provider.payCharge(input);
  assert.match(page.url, /^http:\/\/localhost:8787\/demo\/pay\/#/);
  assert.match(page.customerId, /^demo_cus_/);
  const event = await provider.readWebhook(JSON.stringify({ token: tokenOf(page.url) }), undefined);
  assert.deepEqual({ ...event, eventId: undefined }, { eventId: undefined, type: 'charge-paid', tenantId: input.tenantId, chargeId: input.chargeId, paidAt: now, amount: 35_000, currency: 'EUR' });
  const [payload] = tokenOf(page.url).split('.');
  assert.equal(JSON.parse(Buffer.from(payload!, 'base64url').toString()).returnUrl, 'https://www.example.es/area?x=1&portal-payment=done');
});

test('a changed, foreign or expired token is refused; a card-management page pays nothing', async () => {
  const [payload, signature] = tokenOf((await provider.payCharge(input)).url).split('.');
  const cheaper = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), amount: 1 })).toString('base64url');
  await assert.rejects(provider.readWebhook(JSON.stringify({ token: `${cheaper}.${signature}` }), undefined), WebhookSignatureError);
  const other = demoProvider({ baseUrl: () => 'http://x', now: () => now });
  await assert.rejects(other.readWebhook(JSON.stringify({ token: `${payload}.${signature}` }), undefined), WebhookSignatureError);
  for (const body of ['{}', 'not json', 'null', '{"token":42}']) await assert.rejects(provider.readWebhook(body, undefined), WebhookSignatureError);
  now = new Date(now.getTime() + 61 * 60_000);
  await assert.rejects(provider.readWebhook(JSON.stringify({ token: `${payload}.${signature}` }), undefined), WebhookSignatureError);
  const manage = await provider.manageMethods({ tenantId: input.tenantId, accountId: input.accountId, customerId: 'demo_cus_1', email: null, accountName: 'x', locale: 'es', returnUrl: 'https://www.example.es/' });
  assert.equal(manage.customerId, 'demo_cus_1');
  assert.equal(await provider.readWebhook(JSON.stringify({ token: tokenOf(manage.url) }), undefined), undefined);
});
