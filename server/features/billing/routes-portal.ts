import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { clientUserOf, portalTenant, requirePrincipal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { validate } from '../../http/validate.ts';
import { downloadResponse } from '../../storage/downloads.ts';
import type { Storage } from '../../storage/storage.ts';
import { accountFor } from '../accounts/visibility.ts';
import type { AuthDeps } from '../auth/service.ts';
import { pdfBrand } from '../tenants/pdf-brand.ts';
import { sendBillingFile } from './files.ts';
import { PaymentProviderError, type PaymentProvider } from './payments/provider.ts';
import { boletoPdf } from './pdf/boleto-pdf.ts';
import { accountStatementPdf, incomeTaxStatementPdf } from './pdf/statement-pdf.ts';
import * as q from './queries.ts';
import { portalBillingDocs as doc } from './route-docs.ts';
import { isoDate, listQuery, PAYMENT_METHODS, type BillingSummary } from './schemas.ts';

export type BillingDeps = AuthDeps & { storage: Storage; payments?: PaymentProvider };

const idParam = z.object({ id: z.uuid() });
const accountQuery = z.object({ accountId: z.uuid().optional() });
const noSuchCharge = () => new AppError('not_found', 404, 'No such charge');

/** A statement covers at most about a year and a half; longer is a report, not a portal download. */
const MAX_STATEMENT_DAYS = 550;

/** Where the provider's page sends the client back: the portal's address, or the page that embeds it. */
function returnUrl(c: Context): string {
  const url = c.get('tenant').portalUrl ?? c.req.header('Origin');
  if (!url) throw new AppError('portal_address_missing', 409, 'The portal has no address to come back to; the business must set it');
  return url;
}

function providerFailed(error: unknown): never {
  if (error instanceof PaymentProviderError) throw new AppError('payment_provider_error', 502, 'The payment provider did not answer; please try again in a moment');
  throw error;
}

/** `/api/portal/billing`: what a client owes and paid, their invoices and statements, and paying (B1–B7). */
export function portalBillingRoutes(deps: BillingDeps) {
  const { db, clock } = deps;
  const reader = (c: Context): q.Reader => ({ userId: clientUserOf(c.get('principal')), today: q.todayIn(c.get('tenant').timeZone, clock()) });
  /** PDFs speak the widget's language when it says which (`?locale=`), else the portal's. */
  const locale = (c: Context) => {
    const asked = c.req.query('locale');
    return asked === 'pt-BR' || asked === 'es' || asked === 'en' ? asked : c.get('tenant').locale;
  };
  const cardAvailable = Boolean(deps.payments);
  const provider = () => deps.payments ?? Promise.reject(new AppError('payment_provider_unavailable', 404, 'Card payments are not offered by this portal'));

  return new Hono()
    .use(portalTenant(db), requirePrincipal(deps, ['portal']))
    .get('/summary', doc.summary, validate('query', accountQuery), async (c) => {
      const who = reader(c);
      const { accountId } = c.req.valid('query');
      const principal = c.get('principal');
      const summary: BillingSummary = await db.withTenant(c.get('tenant').id, async (tx) => {
        const account = accountId ? await accountFor(tx, who.userId!, accountId, null) : undefined;
        const preferredOf = account?.id ?? principal.accountId;
        const preferred = preferredOf ? (await q.billingCustomer(tx, preferredOf)).preferred : null;
        return { ...(await q.pendingTotals(tx, who, account?.id)), payment: { card: cardAvailable, manageMethods: cardAvailable, preferred } };
      });
      return c.json(summary);
    })
    .get('/charges', doc.listCharges, validate('query', listQuery), async (c) =>
      c.json(await db.withTenant(c.get('tenant').id, (tx) => q.listCharges(tx, reader(c), c.req.valid('query'), cardAvailable))),
    )
    .get('/charges/:id', doc.getCharge, validate('param', idParam), async (c) => {
      const charge = await db.withTenant(c.get('tenant').id, (tx) => q.findCharge(tx, reader(c), c.req.valid('param').id, cardAvailable));
      if (!charge) throw noSuchCharge();
      return c.json(charge);
    })
    .get('/charges/:id/boleto', doc.boleto, validate('param', idParam), async (c) => {
      const who = reader(c);
      const { id } = c.req.valid('param');
      const found = await db.withTenant(c.get('tenant').id, async (tx) => {
        const charge = await q.findCharge(tx, who, id, false);
        if (!charge?.boleto) throw new AppError('not_found', 404, 'This charge has no boleto');
        const stored = await q.findFile(tx, who, { table: 'charges', column: 'boleto_file_id', id });
        const [payer] = await tx<{ name: string; taxId: string | null }[]>`select name, tax_id as "taxId" from accounts where id = ${charge.accountId}`;
        return { charge, stored, payer: payer!, brand: await pdfBrand(tx) };
      });
      // The business's own PDF when it sent one; otherwise a copy for payment made from the line.
      if (found.stored) return sendBillingFile(c, deps, who, { table: 'charges', column: 'boleto_file_id', id });
      const pdf = boletoPdf({ tenant: found.brand, locale: locale(c), charge: found.charge, payer: found.payer, now: clock() });
      return downloadResponse(pdf, { name: `boleto-${found.charge.dueDate}.pdf`, type: 'application/pdf' });
    })
    .post('/charges/:id/card', doc.payByCard, validate('param', idParam), async (c) => {
      const payments = await provider();
      const who = reader(c);
      const { id } = c.req.valid('param');
      const tenant = c.get('tenant');
      const back = returnUrl(c);
      const { charge, customer, account } = await db.withTenant(tenant.id, async (tx) => {
        const found = await q.findCharge(tx, who, id, true);
        if (!found) throw noSuchCharge();
        if (!found.card) throw new AppError('charge_not_payable', 409, 'This charge cannot be paid by card now');
        const [owner] = await tx<{ name: string; email: string | null }[]>`select name, email from accounts where id = ${found.accountId}`;
        return { charge: found, customer: await q.billingCustomer(tx, found.accountId), account: owner! };
      });
      const page = await payments
        .payCharge({
          tenantId: tenant.id, accountId: charge.accountId, chargeId: charge.id, customerId: customer.customerId, email: account.email,
          accountName: account.name, description: charge.description, amount: charge.amount, currency: charge.currency, locale: tenant.locale, returnUrl: back,
        })
        .catch(providerFailed);
      await db.withTenant(tenant.id, async (tx) => {
        await q.saveBillingCustomer(tx, charge.accountId, { customerId: page.customerId }, clock());
        await q.audit(tx, { type: 'client', id: who.userId! }, 'card-payment-started', { type: 'charge', id: charge.id });
      });
      return c.json({ url: page.url });
    })
    .post('/payment-methods/manage', doc.manageMethods, validate('json', accountQuery), async (c) => {
      const payments = await provider();
      const tenant = c.get('tenant');
      const userId = clientUserOf(c.get('principal'));
      const back = returnUrl(c);
      const { account, customer } = await db.withTenant(tenant.id, async (tx) => {
        const found = await accountFor(tx, userId, c.req.valid('json').accountId, c.get('principal').accountId);
        return { account: found, customer: await q.billingCustomer(tx, found.id) };
      });
      const page = await payments
        .manageMethods({ tenantId: tenant.id, accountId: account.id, customerId: customer.customerId, email: account.email, accountName: account.name, locale: tenant.locale, returnUrl: back })
        .catch(providerFailed);
      await db.withTenant(tenant.id, async (tx) => {
        await q.saveBillingCustomer(tx, account.id, { customerId: page.customerId }, clock());
        await q.audit(tx, { type: 'client', id: userId }, 'payment-methods-opened', { type: 'account', id: account.id });
      });
      return c.json({ url: page.url });
    })
    .put('/payment-methods/preferred', doc.preferMethod, validate('json', accountQuery.extend({ method: z.enum(PAYMENT_METHODS) })), async (c) => {
      const userId = clientUserOf(c.get('principal'));
      const { method, accountId } = c.req.valid('json');
      if (method === 'card' && !deps.payments) throw new AppError('payment_provider_unavailable', 404, 'Card payments are not offered by this portal');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        const account = await accountFor(tx, userId, accountId, c.get('principal').accountId);
        await q.saveBillingCustomer(tx, account.id, { preferred: method, by: userId }, clock());
        await q.audit(tx, { type: 'client', id: userId }, 'payment-method-preferred', { type: 'account', id: account.id }, { method });
      });
      return c.json({ preferred: method });
    })
    .get('/invoices', doc.listInvoices, validate('query', listQuery.pick({ accountId: true, establishmentId: true, before: true, limit: true })), async (c) =>
      c.json(await db.withTenant(c.get('tenant').id, (tx) => q.listInvoices(tx, reader(c), c.req.valid('query')))),
    )
    .get('/invoices/:id/:format{pdf|xml}', doc.invoiceFile, validate('param', idParam.extend({ format: z.enum(['pdf', 'xml']) })), async (c) => {
      const { id, format } = c.req.valid('param');
      return sendBillingFile(c, deps, reader(c), { table: 'invoices', column: format === 'pdf' ? 'pdf_file_id' : 'xml_file_id', id });
    })
    .get('/reports', doc.listReports, validate('query', accountQuery), async (c) => {
      const items = await db.withTenant(c.get('tenant').id, async (tx) => {
        const settings = await q.billingSettings(tx);
        return q.listReports(tx, reader(c), { accountId: c.req.valid('query').accountId, includePending: settings.showPendingReports });
      });
      return c.json({ items });
    })
    .get('/reports/:id/file', doc.reportFile, validate('param', idParam), async (c) =>
      sendBillingFile(c, deps, reader(c), { table: 'billing_reports', column: 'file_id', id: c.req.valid('param').id }),
    )
    .get('/statements/account', doc.accountStatement, validate('query', accountQuery.extend({ from: isoDate, to: isoDate })), async (c) => {
      const { accountId, from, to } = c.req.valid('query');
      const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
      if (days < 0) throw new AppError('invalid_input', 400, 'The period ends before it starts', [{ path: 'to', message: 'must not be before from' }]);
      if (days > MAX_STATEMENT_DAYS) throw new AppError('invalid_input', 400, 'A statement covers at most 18 months', [{ path: 'from', message: 'is too far back' }]);
      const who = reader(c);
      const data = await db.withTenant(c.get('tenant').id, async (tx) => {
        const account = await accountFor(tx, who.userId!, accountId, c.get('principal').accountId);
        return { account, brand: await pdfBrand(tx), charges: await q.chargesFor(tx, who, account.id, { from, to, by: 'due' }) };
      });
      const pdf = accountStatementPdf({ tenant: data.brand, locale: locale(c), account: data.account, period: { from, to }, charges: data.charges, now: clock() });
      return downloadResponse(pdf, { name: `statement-${from}-${to}.pdf`, type: 'application/pdf' });
    })
    .get('/statements/income-tax', doc.incomeTaxStatement, validate('query', accountQuery.extend({ year: z.coerce.number().int().min(2000).max(2100) })), async (c) => {
      const { accountId, year } = c.req.valid('query');
      const who = reader(c);
      const data = await db.withTenant(c.get('tenant').id, async (tx) => {
        const account = await accountFor(tx, who.userId!, accountId, c.get('principal').accountId);
        const payments = await q.chargesFor(tx, who, account.id, { from: `${year}-01-01`, to: `${year}-12-31`, by: 'paid' });
        return { account, brand: await pdfBrand(tx), payments };
      });
      const pdf = incomeTaxStatementPdf({ tenant: data.brand, locale: locale(c), account: data.account, year, payments: data.payments, now: clock() });
      return downloadResponse(pdf, { name: `income-tax-${year}.pdf`, type: 'application/pdf' });
    });
}
