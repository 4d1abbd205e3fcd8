import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import type { Storage } from '../../storage/storage.ts';
import { storeBillingFile, type FileSlot } from './files.ts';
import * as q from './queries.ts';
import { integrationBillingDocs as doc } from './route-docs.ts';
import { billingSettingsInput, chargeBatch, externalId, invoiceBatch, isoDate, listQuery, reportBatch } from './schemas.ts';
import { upsertCharges, upsertInvoices, upsertReports } from './upsert.ts';

const idParam = z.object({ id: z.uuid() });
const paidBody = z.object({ paidAt: isoDate.optional(), via: z.enum(['boleto', 'pix', 'card', 'other']).default('other') }).strict();

/**
 * `/api/v1/billing`: the business's billing system pushes charges, invoices and reports by its own ids (sending the
 * same batch twice changes nothing; an `Idempotency-Key` replays the first answer), uploads their files, marks
 * charges paid or cancelled, and reads back what clients did (their preferred way to pay).
 */
export function integrationBillingRoutes(deps: { db: Database; clock: () => Date; storage: Storage; cardAvailable: boolean }) {
  const { db, clock } = deps;
  const reads = requireIntegration(deps, 'billing:read');
  const writes = requireIntegration(deps, 'billing:write');
  const once = idempotent(deps);
  const actor = (c: Context) => actorOf(c);
  const reader = (c: Context): q.Reader => ({ today: q.todayIn(c.get('tenant').timeZone, clock()) });
  const upload = (c: Context, slot: FileSlot, kind: 'pdf' | 'xml') => storeBillingFile(c, deps, slot, kind, actor(c));

  /** Moves an open (or overdue) charge to paid or cancelled; doing it again is a no-op, a conflicting move a 409. */
  const settle = async (c: Context, id: string, to: 'paid' | 'cancelled', paid?: z.infer<typeof paidBody>) =>
    db.withTenant(c.get('tenant').id, async (tx) => {
      const who = reader(c);
      const charge = await q.findCharge(tx, who, id, deps.cardAvailable, { lock: true });
      if (!charge) throw new AppError('not_found', 404, 'No such charge');
      if (charge.status === to) return charge;
      if (charge.status !== 'open' && charge.status !== 'overdue') throw new AppError('charge_not_payable', 409, `The charge is ${charge.status}`);
      await tx`update charges set status = ${to}, paid_at = ${to === 'paid' ? (paid?.paidAt ?? who.today) : null}::date,
                 paid_via = ${to === 'paid' ? (paid?.via ?? 'other') : null}, updated_at = ${clock()}
               where id = ${id} and tenant_id = portico_current_tenant()`;
      await q.audit(tx, actor(c), `charge-${to}`, { type: 'charge', id });
      return (await q.findCharge(tx, who, id, deps.cardAvailable))!;
    });

  return new Hono()
    .get('/settings', doc.getSettings, reads, async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => q.billingSettings(tx))))
    .put('/settings', doc.putSettings, writes, validate('json', billingSettingsInput), async (c) => {
      const body = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`insert into billing_settings (tenant_id, pix_key, pix_merchant_name, pix_merchant_city, show_pending_reports, updated_at)
                 values (portico_current_tenant(), ${body.pixKey}, ${body.pixMerchantName}, ${body.pixMerchantCity}, ${body.showPendingReports}, ${clock()})
                 on conflict (tenant_id) do update set pix_key = excluded.pix_key, pix_merchant_name = excluded.pix_merchant_name,
                   pix_merchant_city = excluded.pix_merchant_city, show_pending_reports = excluded.show_pending_reports, updated_at = excluded.updated_at`;
        await q.audit(tx, actor(c), 'billing-settings-set', { type: 'tenant', id: c.get('tenant').id });
      });
      return c.json(body);
    })
    .put('/charges', doc.upsertCharges, writes, once, validate('json', chargeBatch), async (c) => {
      const items = c.req.valid('json').items;
      const results = await db.withTenant(c.get('tenant').id, async (tx) => {
        const outcome = await upsertCharges(tx, items, await q.billingSettings(tx), clock());
        const changed = outcome.filter((item) => item.result !== 'unchanged').length;
        if (changed) await q.audit(tx, actor(c), 'charges-upserted', { type: 'charge', id: 'batch' }, { changed });
        return outcome;
      });
      return c.json({ results });
    })
    .get('/charges', doc.listCharges, reads, validate('query', listQuery.extend({ externalId: externalId.optional() })), async (c) =>
      c.json(await db.withTenant(c.get('tenant').id, (tx) => q.listCharges(tx, reader(c), c.req.valid('query'), deps.cardAvailable))),
    )
    .get('/charges/:id', doc.getCharge, reads, validate('param', idParam), async (c) => {
      const charge = await db.withTenant(c.get('tenant').id, (tx) => q.findCharge(tx, reader(c), c.req.valid('param').id, deps.cardAvailable));
      if (!charge) throw new AppError('not_found', 404, 'No such charge');
      return c.json(charge);
    })
    .post('/charges/:id/paid', doc.markPaid, writes, once, validate('param', idParam), validate('json', paidBody), async (c) =>
      c.json(await settle(c, c.req.valid('param').id, 'paid', c.req.valid('json'))),
    )
    .post('/charges/:id/cancel', doc.cancel, writes, once, validate('param', idParam), async (c) => c.json(await settle(c, c.req.valid('param').id, 'cancelled')))
    .put('/charges/:id/boleto', doc.uploadBoleto, writes, once, validate('param', idParam), async (c) =>
      c.json(await upload(c, { table: 'charges', column: 'boleto_file_id', id: c.req.valid('param').id }, 'pdf')),
    )
    .put('/invoices', doc.upsertInvoices, writes, once, validate('json', invoiceBatch), async (c) => {
      const items = c.req.valid('json').items;
      const results = await db.withTenant(c.get('tenant').id, async (tx) => {
        const outcome = await upsertInvoices(tx, items, clock());
        const changed = outcome.filter((item) => item.result !== 'unchanged').length;
        if (changed) await q.audit(tx, actor(c), 'invoices-upserted', { type: 'invoice', id: 'batch' }, { changed });
        return outcome;
      });
      return c.json({ results });
    })
    .get('/invoices', doc.listInvoices, reads, validate('query', listQuery.pick({ accountId: true, establishmentId: true, before: true, limit: true })), async (c) =>
      c.json(await db.withTenant(c.get('tenant').id, (tx) => q.listInvoices(tx, reader(c), c.req.valid('query')))),
    )
    .put('/invoices/:id/:format{pdf|xml}', doc.uploadInvoiceFile, writes, once, validate('param', idParam.extend({ format: z.enum(['pdf', 'xml']) })), async (c) => {
      const { id, format } = c.req.valid('param');
      return c.json(await upload(c, { table: 'invoices', column: format === 'pdf' ? 'pdf_file_id' : 'xml_file_id', id }, format));
    })
    .put('/reports', doc.upsertReports, writes, once, validate('json', reportBatch), async (c) => {
      const items = c.req.valid('json').items;
      const results = await db.withTenant(c.get('tenant').id, (tx) => upsertReports(tx, items, clock()));
      return c.json({ results });
    })
    .get('/reports', doc.listReports, reads, validate('query', z.object({ accountId: z.uuid().optional() })), async (c) =>
      c.json({ items: await db.withTenant(c.get('tenant').id, (tx) => q.listReports(tx, reader(c), { accountId: c.req.valid('query').accountId, includePending: true })) }),
    )
    .put('/reports/:id/file', doc.uploadReportFile, writes, once, validate('param', idParam), async (c) =>
      c.json(await upload(c, { table: 'billing_reports', column: 'file_id', id: c.req.valid('param').id }, 'pdf')),
    )
    .get('/customers', doc.customers, reads, async (c) => {
      // B5: how each account prefers to pay, as its clients chose in the portal.
      const items = await db.withTenant(c.get('tenant').id, (tx) => tx`
        select account_id as "accountId", preferred_method as preferred, preferred_by as "preferredBy", updated_at as "updatedAt",
               provider_customer_id is not null as "hasProviderCustomer"
          from billing_customers where tenant_id = portico_current_tenant() order by updated_at desc limit 1000`);
      return c.json({ items });
    });
}
