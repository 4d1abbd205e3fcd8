import type { Tx } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/problem.ts';
import { checkBoletoLine } from './boleto.ts';
import { buildPixPayload, checkPixPayload } from './pix.ts';
import type { BillingSettings } from './queries.ts';
import type { ChargeInput, InvoiceInput, ReportInput } from './schemas.ts';

/** What happened to each item of a batch, in the order sent. */
export interface UpsertResult {
  externalId: string;
  id: string;
  result: 'created' | 'updated' | 'unchanged';
}

const BOLETO_REASONS = {
  length: 'must have 47 digits (bank boleto) or 48 digits (collection)',
  characters: 'may contain only digits, spaces, dots and hyphens',
  'check-digit': 'has a wrong check digit; check the line was typed correctly',
} as const;

/** One invalid batch is refused whole, naming every wrong item, before anything is written. */
function refuse(errors: FieldError[]): never {
  throw new AppError('invalid_input', 400, `${errors.length} item(s) of the batch are invalid; nothing was saved`, errors.slice(0, 100));
}

function duplicates(items: { externalId: string }[]): FieldError[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.externalId)) return (seen.add(item.externalId), []);
    return [{ path: `items.${index}.externalId`, message: 'appears twice in the batch' }];
  });
}

/**
 * Checks that every account (and establishment) of a batch belongs to this tenant and to each other. RLS already
 * hides other tenants' rows, so a foreign id reads as unknown.
 */
async function checkOwners(tx: Tx, items: { accountId: string; establishmentId?: string | null }[]): Promise<FieldError[]> {
  const accountIds = [...new Set(items.map((item) => item.accountId))];
  const establishmentIds = [...new Set(items.flatMap((item) => (item.establishmentId ? [item.establishmentId] : [])))];
  const accounts = new Set((await tx<{ id: string }[]>`select id from accounts where id = any(${accountIds}::uuid[]) and tenant_id = portico_current_tenant()`).map((row) => row.id));
  const establishments = new Map(
    (await tx<{ id: string; account_id: string }[]>`select id, account_id from establishments where id = any(${establishmentIds}::uuid[]) and tenant_id = portico_current_tenant()`).map((row) => [row.id, row.account_id]),
  );
  return items.flatMap((item, index): FieldError[] => {
    if (!accounts.has(item.accountId)) return [{ path: `items.${index}.accountId`, message: 'is not an account of this portal' }];
    if (item.establishmentId && establishments.get(item.establishmentId) !== item.accountId) {
      return [{ path: `items.${index}.establishmentId`, message: 'is not an establishment of this account' }];
    }
    return [];
  });
}

/** Turns `(xmax = 0)` answers of an upsert into per-item results; items the `where` skipped are unchanged. */
async function results(tx: Tx, table: 'charges' | 'invoices' | 'billing_reports', externalIds: string[], written: { id: string; external_id: string; created: boolean }[]): Promise<UpsertResult[]> {
  const byExternal = new Map(written.map((row) => [row.external_id, row]));
  const missing = externalIds.filter((id) => !byExternal.has(id));
  const unchanged = missing.length
    ? new Map((await tx<{ id: string; external_id: string }[]>`select id, external_id from ${tx(table)} where external_id = any(${missing}) and tenant_id = portico_current_tenant()`).map((row) => [row.external_id, row.id]))
    : new Map<string, string>();
  return externalIds.map((externalId) => {
    const row = byExternal.get(externalId);
    if (row) return { externalId, id: row.id, result: row.created ? 'created' : 'updated' };
    return { externalId, id: unchanged.get(externalId)!, result: 'unchanged' };
  });
}

/**
 * Saves a batch of charges by the business's ids, all or nothing: boleto lines checked by their check digits, PIX
 * payloads checked (or built from the tenant's PIX key), owners checked. Sending the same batch twice changes
 * nothing, not even `updated_at`.
 */
export async function upsertCharges(tx: Tx, items: ChargeInput[], settings: BillingSettings, now: Date): Promise<UpsertResult[]> {
  const errors: FieldError[] = [...duplicates(items)];
  const rows = items.map((item, index) => {
    let boleto: { line: string; barcode: string } | null = null;
    if (item.boletoLine) {
      const check = checkBoletoLine(item.boletoLine);
      if (check.ok) boleto = { line: check.digits, barcode: check.barcode };
      else errors.push({ path: `items.${index}.boletoLine`, message: BOLETO_REASONS[check.reason] });
      if (check.ok && check.amount !== null && check.amount !== item.amount) {
        errors.push({ path: `items.${index}.boletoLine`, message: 'carries a different amount than the charge' });
      }
    }
    let pix: string | null = null;
    if (item.pix && 'payload' in item.pix) {
      const check = checkPixPayload(item.pix.payload);
      if (check.ok) pix = item.pix.payload;
      else errors.push({ path: `items.${index}.pix.payload`, message: check.reason === 'crc' ? 'has a wrong CRC' : 'is not a PIX BR Code' });
    } else if (item.pix) {
      if (item.currency !== 'BRL') errors.push({ path: `items.${index}.pix`, message: 'is only for charges in BRL' });
      else if (!settings.pixKey || !settings.pixMerchantName || !settings.pixMerchantCity) {
        errors.push({ path: `items.${index}.pix.txid`, message: 'needs the PIX key set in the billing settings first' });
      } else {
        pix = buildPixPayload({ key: settings.pixKey, merchantName: settings.pixMerchantName, merchantCity: settings.pixMerchantCity, amount: item.amount, txid: item.pix.txid });
      }
    }
    return {
      external_id: item.externalId,
      account_id: item.accountId,
      establishment_id: item.establishmentId ?? null,
      kind: item.kind,
      description: item.description,
      amount_minor: String(item.amount),
      currency: item.currency,
      issue_date: item.issueDate,
      due_date: item.dueDate,
      status: item.status,
      paid_at: item.paidAt ?? null,
      boleto_line: boleto?.line ?? null,
      boleto_barcode: boleto?.barcode ?? null,
      pix_payload: pix,
      card_enabled: item.card,
    };
  });
  errors.push(...(await checkOwners(tx, items)));
  if (errors.length) refuse(errors);
  const written = await tx<{ id: string; external_id: string; created: boolean }[]>`
    insert into charges (tenant_id, external_id, account_id, establishment_id, kind, description, amount_minor, currency, issue_date,
                         due_date, status, paid_at, paid_via, boleto_line, boleto_barcode, pix_payload, card_enabled, created_at, updated_at)
    select portico_current_tenant(), x.external_id, x.account_id, x.establishment_id, x.kind, x.description, x.amount_minor, x.currency,
           x.issue_date, x.due_date, x.status, x.paid_at, case when x.status = 'paid' then 'other' end, x.boleto_line, x.boleto_barcode, x.pix_payload, x.card_enabled, ${now}, ${now}
      from jsonb_to_recordset(${tx.json(rows as never)}) as x(external_id text, account_id uuid, establishment_id uuid, kind text,
           description text, amount_minor bigint, currency text, issue_date date, due_date date, status text, paid_at date,
           boleto_line text, boleto_barcode text, pix_payload text, card_enabled boolean)
    on conflict (tenant_id, external_id) do update set
      account_id = excluded.account_id, establishment_id = excluded.establishment_id, kind = excluded.kind, description = excluded.description,
      amount_minor = excluded.amount_minor, currency = excluded.currency, issue_date = excluded.issue_date, due_date = excluded.due_date,
      status = excluded.status, paid_at = excluded.paid_at,
      paid_via = case when excluded.status = 'paid' then coalesce(charges.paid_via, 'other') else null end,
      boleto_line = excluded.boleto_line, boleto_barcode = excluded.boleto_barcode, pix_payload = excluded.pix_payload,
      card_enabled = excluded.card_enabled, updated_at = excluded.updated_at
    where (charges.account_id, charges.establishment_id, charges.kind, charges.description, charges.amount_minor, charges.currency,
           charges.issue_date, charges.due_date, charges.status, charges.paid_at, charges.boleto_line, charges.pix_payload, charges.card_enabled)
          is distinct from
          (excluded.account_id, excluded.establishment_id, excluded.kind, excluded.description, excluded.amount_minor, excluded.currency,
           excluded.issue_date, excluded.due_date, excluded.status, excluded.paid_at, excluded.boleto_line, excluded.pix_payload, excluded.card_enabled)
    returning id, external_id, (xmax = 0) as created`;
  return results(tx, 'charges', items.map((item) => item.externalId), written);
}

/** Saves a batch of invoices by the business's ids, linked to charges by theirs; all or nothing, idempotent. */
export async function upsertInvoices(tx: Tx, items: InvoiceInput[], now: Date): Promise<UpsertResult[]> {
  const errors: FieldError[] = [...duplicates(items), ...(await checkOwners(tx, items))];
  const chargeRefs = [...new Set(items.flatMap((item) => item.chargeExternalIds))];
  const charges = new Map(
    (await tx<{ id: string; external_id: string; account_id: string }[]>`select id, external_id, account_id from charges where external_id = any(${chargeRefs}) and tenant_id = portico_current_tenant()`).map((row) => [row.external_id, row]),
  );
  items.forEach((item, index) =>
    item.chargeExternalIds.forEach((ref, position) => {
      const charge = charges.get(ref);
      if (!charge) errors.push({ path: `items.${index}.chargeExternalIds.${position}`, message: 'is not a charge of this portal' });
      else if (charge.account_id !== item.accountId) errors.push({ path: `items.${index}.chargeExternalIds.${position}`, message: 'is a charge of another account' });
    }),
  );
  if (errors.length) refuse(errors);
  const rows = items.map((item) => ({
    external_id: item.externalId,
    account_id: item.accountId,
    establishment_id: item.establishmentId ?? null,
    number: item.number,
    series: item.series ?? null,
    issue_date: item.issueDate,
    amount_minor: String(item.amount),
    currency: item.currency,
  }));
  const written = await tx<{ id: string; external_id: string; created: boolean }[]>`
    insert into invoices (tenant_id, external_id, account_id, establishment_id, number, series, issue_date, amount_minor, currency, created_at, updated_at)
    select portico_current_tenant(), x.external_id, x.account_id, x.establishment_id, x.number, x.series, x.issue_date, x.amount_minor, x.currency, ${now}, ${now}
      from jsonb_to_recordset(${tx.json(rows as never)}) as x(external_id text, account_id uuid, establishment_id uuid, number text, series text,
           issue_date date, amount_minor bigint, currency text)
    on conflict (tenant_id, external_id) do update set
      account_id = excluded.account_id, establishment_id = excluded.establishment_id, number = excluded.number, series = excluded.series,
      issue_date = excluded.issue_date, amount_minor = excluded.amount_minor, currency = excluded.currency, updated_at = excluded.updated_at
    where (invoices.account_id, invoices.establishment_id, invoices.number, invoices.series, invoices.issue_date, invoices.amount_minor, invoices.currency)
          is distinct from
          (excluded.account_id, excluded.establishment_id, excluded.number, excluded.series, excluded.issue_date, excluded.amount_minor, excluded.currency)
    returning id, external_id, (xmax = 0) as created`;
  const outcome = await results(tx, 'invoices', items.map((item) => item.externalId), written);
  // The links are replaced as sent; an invoice whose links changed counts as updated.
  for (const [index, item] of items.entries()) {
    const invoiceId = outcome[index]!.id;
    const wanted = item.chargeExternalIds.map((ref) => charges.get(ref)!.id);
    const removed = await tx`delete from invoice_charges where invoice_id = ${invoiceId} and not (charge_id = any(${wanted}::uuid[])) returning charge_id`;
    const added = wanted.length
      ? await tx`insert into invoice_charges (tenant_id, invoice_id, charge_id)
                 select portico_current_tenant(), ${invoiceId}, unnest(${wanted}::uuid[]) on conflict do nothing returning charge_id`
      : [];
    if ((removed.length || added.length) && outcome[index]!.result === 'unchanged') outcome[index]!.result = 'updated';
  }
  return outcome;
}

/** Saves a batch of billing reports (demonstrativos) by the business's ids; all or nothing, idempotent. */
export async function upsertReports(tx: Tx, items: ReportInput[], now: Date): Promise<UpsertResult[]> {
  const errors: FieldError[] = [...duplicates(items), ...(await checkOwners(tx, items))];
  items.forEach((item, index) => {
    if (item.periodEnd < item.periodStart) errors.push({ path: `items.${index}.periodEnd`, message: 'must not be before the start of the period' });
  });
  if (errors.length) refuse(errors);
  const rows = items.map((item) => ({
    external_id: item.externalId,
    account_id: item.accountId,
    establishment_id: item.establishmentId ?? null,
    title: item.title,
    period_start: item.periodStart,
    period_end: item.periodEnd,
    status: item.status,
  }));
  const written = await tx<{ id: string; external_id: string; created: boolean }[]>`
    insert into billing_reports (tenant_id, external_id, account_id, establishment_id, title, period_start, period_end, status, created_at, updated_at)
    select portico_current_tenant(), x.external_id, x.account_id, x.establishment_id, x.title, x.period_start, x.period_end, x.status, ${now}, ${now}
      from jsonb_to_recordset(${tx.json(rows as never)}) as x(external_id text, account_id uuid, establishment_id uuid, title text,
           period_start date, period_end date, status text)
    on conflict (tenant_id, external_id) do update set
      account_id = excluded.account_id, establishment_id = excluded.establishment_id, title = excluded.title,
      period_start = excluded.period_start, period_end = excluded.period_end, status = excluded.status, updated_at = excluded.updated_at
    where (billing_reports.account_id, billing_reports.establishment_id, billing_reports.title, billing_reports.period_start,
           billing_reports.period_end, billing_reports.status)
          is distinct from
          (excluded.account_id, excluded.establishment_id, excluded.title, excluded.period_start, excluded.period_end, excluded.status)
    returning id, external_id, (xmax = 0) as created`;
  return results(tx, 'billing_reports', items.map((item) => item.externalId), written);
}
