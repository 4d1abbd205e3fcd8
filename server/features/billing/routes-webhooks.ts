import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import type { Logger } from '../../http/logger.ts';
import { AppError } from '../../http/problem.ts';
import { WebhookSignatureError, type PaymentProvider } from './payments/provider.ts';
import * as q from './queries.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `/api/webhooks/<provider>`: the payment provider tells Portico a charge was paid. Only a correctly signed event is
 * read; each event is applied once (providers redeliver), and only to an open charge of the tenant it names, for
 * exactly its amount and currency.
 */
export function paymentWebhookRoutes(deps: { db: Database; clock: () => Date; payments: PaymentProvider; logger: Logger }) {
  const { db, payments } = deps;
  return new Hono().post(`/${payments.name}`, async (c) => {
    const body = await c.req.text();
    const event = await payments.readWebhook(body, c.req.header('Stripe-Signature')).catch((error: unknown) => {
      if (error instanceof WebhookSignatureError) throw new AppError('invalid_signature', 400, 'The webhook signature is not valid');
      throw error;
    });
    if (!event) return c.json({ received: true, applied: false });
    if (!UUID.test(event.tenantId) || !UUID.test(event.chargeId)) return c.json({ received: true, applied: false });
    const [tenant] = await db.withoutTenant((tx) => tx<{ id: string; timeZone: string }[]>`select id, time_zone as "timeZone" from tenants where id = ${event.tenantId}`);
    if (!tenant) return c.json({ received: true, applied: false });
    const applied = await db.withTenant(tenant.id, async (tx) => {
      const [fresh] = await tx`insert into payment_events (tenant_id, provider, event_id, charge_id)
                               values (portico_current_tenant(), ${payments.name}, ${event.eventId}, null) on conflict do nothing returning event_id`;
      if (!fresh) return false;
      const [charge] = await tx<{ id: string }[]>`
        update charges set status = 'paid', paid_at = ${q.todayIn(tenant.timeZone, event.paidAt)}::date, paid_via = 'card', updated_at = ${deps.clock()}
         where id = ${event.chargeId} and tenant_id = portico_current_tenant() and status = 'open'
           and amount_minor = ${event.amount} and currency = ${event.currency}
        returning id`;
      if (!charge) {
        deps.logger.warn({ eventId: event.eventId, chargeId: event.chargeId }, 'payment for a charge that is not open, or of another amount');
        return false;
      }
      await tx`update payment_events set charge_id = ${charge.id} where provider = ${payments.name} and event_id = ${event.eventId}`;
      await q.audit(tx, { type: 'system', id: payments.name }, 'charge-paid', { type: 'charge', id: charge.id }, { via: 'card', eventId: event.eventId, amount: event.amount, currency: event.currency });
      return true;
    });
    return c.json({ received: true, applied });
  });
}
