import type { Tx } from '../../db/database.ts';
import { makeCursor, readCursor } from '../../http/page-cursor.ts';
import { visibleTo } from '../accounts/visibility.ts';
import { checkBoletoLine } from './boleto.ts';
import type { BillingReport, Charge, ChargeStatus, Invoice, Page, StatusFilter } from './schemas.ts';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today's calendar date where the tenant is: what "overdue" is measured against, never the server's own date. */
export function todayIn(timeZone: string, now: Date): string {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, format);
  }
  return format.format(now);
}

// Building a formatter costs more than the rest of a charges page (bench profile); there are few time zones.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Who reads: a portal user (limited to what they reach) or the business (everything of the tenant). */
export interface Reader {
  userId?: string;
  today: string;
}

type ChargeRow = Omit<Charge, 'amount' | 'boleto' | 'pix' | 'card'> & {
  amount: string;
  boletoLine: string | null;
  boletoBarcode: string | null;
  pixPayload: string | null;
  cardEnabled: boolean;
};

const chargeColumns = (tx: Tx, today: string) => tx`
  c.id, c.external_id as "externalId", c.account_id as "accountId", a.name as "accountName", c.establishment_id as "establishmentId",
  e.name as "establishmentName", c.kind, c.description, c.amount_minor::text as amount, c.currency, c.issue_date::text as "issueDate",
  c.due_date::text as "dueDate", case when c.status = 'open' and c.due_date < ${today}::date then 'overdue' else c.status end as status,
  c.paid_at::text as "paidAt", c.boleto_line as "boletoLine", c.boleto_barcode as "boletoBarcode", c.pix_payload as "pixPayload",
  c.card_enabled as "cardEnabled",
  coalesce((select array_agg(ic.invoice_id order by ic.invoice_id) from invoice_charges ic where ic.charge_id = c.id), '{}') as "invoiceIds"`;

const chargeSource = (tx: Tx) => tx`charges c join accounts a on a.id = c.account_id left join establishments e on e.id = c.establishment_id`;

/** A stored row as the API shows it; `cardAvailable` says whether a payment provider is set up. */
function toCharge(row: ChargeRow, cardAvailable: boolean): Charge {
  const { boletoLine, boletoBarcode, pixPayload, cardEnabled, amount, ...rest } = row;
  const boleto = boletoLine ? checkBoletoLine(boletoLine) : undefined;
  const payable = row.status === 'open' || row.status === 'overdue';
  return {
    ...rest,
    amount: Number(amount),
    boleto: boleto?.ok && boletoBarcode ? { line: boleto.formatted, barcode: boletoBarcode, pdf: true } : null,
    pix: pixPayload ? { payload: pixPayload } : null,
    card: cardAvailable && cardEnabled && payable,
  };
}

const statusCondition = (tx: Tx, status: StatusFilter | undefined, today: string) => {
  switch (status) {
    case undefined:
      return tx``;
    case 'pending':
      return tx`and c.status = 'open'`;
    case 'open':
      return tx`and c.status = 'open' and c.due_date >= ${today}::date`;
    case 'overdue':
      return tx`and c.status = 'open' and c.due_date < ${today}::date`;
    default:
      return tx`and c.status = ${status}`;
  }
};

export interface ChargeFilters {
  status?: StatusFilter;
  from?: string;
  to?: string;
  accountId?: string;
  establishmentId?: string;
  externalId?: string;
  before?: string;
  limit: number;
}

/**
 * A page of charges, latest due date first, by keyset (stable while charges arrive). Its cost does not grow with
 * history: a portal user's page walks each account they reach down the `(account_id, due_date, id)` index and stops
 * after one page (a lateral join per membership), the business's page walks `(tenant_id, due_date, id)`.
 */
export async function listCharges(tx: Tx, reader: Reader, filters: ChargeFilters, cardAvailable: boolean): Promise<Page<Charge>> {
  const cursor = readCursor(filters.before, DATE);
  const conditions = tx`
       ${statusCondition(tx, filters.status, reader.today)}
       ${filters.from ? tx`and c.due_date >= ${filters.from}::date` : tx``}
       ${filters.to ? tx`and c.due_date <= ${filters.to}::date` : tx``}
       ${filters.accountId ? tx`and c.account_id = ${filters.accountId}` : tx``}
       ${filters.establishmentId ? tx`and c.establishment_id = ${filters.establishmentId}` : tx``}
       ${filters.externalId ? tx`and c.external_id = ${filters.externalId}` : tx``}
       ${cursor ? tx`and (c.due_date, c.id) < (${cursor.key}::date, ${cursor.id})` : tx``}`;
  const source = reader.userId
    ? tx`(select c.* from memberships m cross join lateral (
           select c.* from charges c
            where c.account_id = m.account_id and c.tenant_id = portico_current_tenant()
              and (m.all_establishments or c.establishment_id = any(m.establishment_ids)) ${conditions}
            order by c.due_date desc, c.id desc limit ${filters.limit + 1}) c
          where m.user_id = ${reader.userId} and m.tenant_id = portico_current_tenant()) c
         join accounts a on a.id = c.account_id left join establishments e on e.id = c.establishment_id`
    : tx`${chargeSource(tx)}`;
  const rows = await tx<ChargeRow[]>`
    select ${chargeColumns(tx, reader.today)} from ${source}
     where c.tenant_id = portico_current_tenant() ${reader.userId ? tx`` : conditions}
     order by c.due_date desc, c.id desc
     limit ${filters.limit + 1}`;
  const items = rows.slice(0, filters.limit).map((row) => toCharge(row, cardAvailable));
  const last = items.at(-1);
  return { items, next: rows.length > filters.limit && last ? makeCursor(last.dueDate, last.id) : null };
}

export async function findCharge(tx: Tx, reader: Reader, id: string, cardAvailable: boolean, options: { lock?: boolean } = {}): Promise<Charge | undefined> {
  if (options.lock) await tx`select 1 from charges where id = ${id} and tenant_id = portico_current_tenant() for update`;
  const [row] = await tx<ChargeRow[]>`
    select ${chargeColumns(tx, reader.today)} from ${chargeSource(tx)}
     where c.id = ${id} and c.tenant_id = portico_current_tenant() ${reader.userId ? tx`and ${visibleTo(tx, reader.userId, 'c')}` : tx``}`;
  return row && toCharge(row, cardAvailable);
}

/** The charges of a period (by due date) or paid in a year, oldest first, for statements. */
export async function chargesFor(tx: Tx, reader: Reader, accountId: string, range: { from: string; to: string; by: 'due' | 'paid' }): Promise<Charge[]> {
  const column = range.by === 'due' ? tx`c.due_date` : tx`c.paid_at`;
  const rows = await tx<ChargeRow[]>`
    select ${chargeColumns(tx, reader.today)} from ${chargeSource(tx)}
     where c.account_id = ${accountId} and c.tenant_id = portico_current_tenant() ${reader.userId ? tx`and ${visibleTo(tx, reader.userId, 'c')}` : tx``}
       and ${column} between ${range.from}::date and ${range.to}::date
       ${range.by === 'paid' ? tx`and c.status = 'paid'` : tx``}
     order by ${column}, c.id
     limit 5000`;
  return rows.map((row) => toCharge(row, false));
}

/** B1: what is still to pay, per currency (amounts of different currencies are never added together). */
export async function pendingTotals(tx: Tx, reader: Reader, accountId?: string) {
  const where = tx`c.tenant_id = portico_current_tenant() and c.status = 'open' ${reader.userId ? tx`and ${visibleTo(tx, reader.userId, 'c')}` : tx``} ${accountId ? tx`and c.account_id = ${accountId}` : tx``}`;
  const totals = await tx<{ currency: string; open: string; openCount: number; overdue: string; overdueCount: number }[]>`
    select c.currency,
           coalesce(sum(c.amount_minor) filter (where c.due_date >= ${reader.today}::date), 0)::text as open,
           (count(*) filter (where c.due_date >= ${reader.today}::date))::int as "openCount",
           coalesce(sum(c.amount_minor) filter (where c.due_date < ${reader.today}::date), 0)::text as overdue,
           (count(*) filter (where c.due_date < ${reader.today}::date))::int as "overdueCount"
      from charges c where ${where}
     group by c.currency order by c.currency`;
  const [next] = await tx<{ chargeId: string; description: string; dueDate: string; amount: string; currency: string }[]>`
    select c.id as "chargeId", c.description, c.due_date::text as "dueDate", c.amount_minor::text as amount, c.currency
      from charges c where ${where} and c.due_date >= ${reader.today}::date
     order by c.due_date, c.id limit 1`;
  return {
    totals: totals.map((row) => ({ ...row, open: Number(row.open), overdue: Number(row.overdue) })),
    nextDue: next ? { ...next, amount: Number(next.amount) } : null,
  };
}

type InvoiceRow = Omit<Invoice, 'amount'> & { amount: string };

const invoiceColumns = (tx: Tx) => tx`
  i.id, i.account_id as "accountId", a.name as "accountName", i.establishment_id as "establishmentId", i.number, i.series,
  i.issue_date::text as "issueDate", i.amount_minor::text as amount, i.currency,
  coalesce((select array_agg(ic.charge_id order by ic.charge_id) from invoice_charges ic where ic.invoice_id = i.id), '{}') as "chargeIds",
  json_build_object('pdf', i.pdf_file_id is not null, 'xml', i.xml_file_id is not null) as files`;

export async function listInvoices(tx: Tx, reader: Reader, filters: { accountId?: string; establishmentId?: string; before?: string; limit: number }): Promise<Page<Invoice>> {
  const cursor = readCursor(filters.before, DATE);
  const rows = await tx<InvoiceRow[]>`
    select ${invoiceColumns(tx)} from invoices i join accounts a on a.id = i.account_id
     where i.tenant_id = portico_current_tenant()
       ${reader.userId ? tx`and ${visibleTo(tx, reader.userId, 'i')}` : tx``}
       ${filters.accountId ? tx`and i.account_id = ${filters.accountId}` : tx``}
       ${filters.establishmentId ? tx`and i.establishment_id = ${filters.establishmentId}` : tx``}
       ${cursor ? tx`and (i.issue_date, i.id) < (${cursor.key}::date, ${cursor.id})` : tx``}
     order by i.issue_date desc, i.id desc
     limit ${filters.limit + 1}`;
  const items = rows.slice(0, filters.limit).map((row) => ({ ...row, amount: Number(row.amount) }));
  const last = items.at(-1);
  return { items, next: rows.length > filters.limit && last ? makeCursor(last.issueDate, last.id) : null };
}

/** A stored file of an invoice, report or charge that `reader` may see. */
export async function findFile(
  tx: Tx,
  reader: Reader,
  owner: { table: 'invoices' | 'billing_reports' | 'charges'; column: 'pdf_file_id' | 'xml_file_id' | 'file_id' | 'boleto_file_id'; id: string },
): Promise<{ name: string; type: string; storage_key: string } | undefined> {
  const [row] = await tx<{ name: string; type: string; storage_key: string }[]>`
    select f.file_name as name, f.content_type as type, f.storage_key
      from ${tx(owner.table)} o join billing_files f on f.id = o.${tx(owner.column)}
     where o.id = ${owner.id} and o.tenant_id = portico_current_tenant() ${reader.userId ? tx`and ${visibleTo(tx, reader.userId, 'o')}` : tx``}`;
  return row;
}

export async function listReports(tx: Tx, reader: Reader, filters: { accountId?: string; includePending: boolean }): Promise<BillingReport[]> {
  return tx<BillingReport[]>`
    select r.id, r.account_id as "accountId", r.establishment_id as "establishmentId", r.title, r.period_start::text as "periodStart",
           r.period_end::text as "periodEnd", r.status, r.file_id is not null as file
      from billing_reports r
     where r.tenant_id = portico_current_tenant()
       ${reader.userId ? tx`and ${visibleTo(tx, reader.userId, 'r')}` : tx``}
       ${filters.accountId ? tx`and r.account_id = ${filters.accountId}` : tx``}
       ${filters.includePending ? tx`` : tx`and r.status = 'ready'`}
     order by r.period_end desc, r.id desc
     limit 200`;
}

export interface BillingSettings {
  pixKey: string | null;
  pixMerchantName: string | null;
  pixMerchantCity: string | null;
  showPendingReports: boolean;
}

export async function billingSettings(tx: Tx): Promise<BillingSettings> {
  const [row] = await tx<BillingSettings[]>`
    select pix_key as "pixKey", pix_merchant_name as "pixMerchantName", pix_merchant_city as "pixMerchantCity",
           show_pending_reports as "showPendingReports"
      from billing_settings where tenant_id = portico_current_tenant()`;
  return row ?? { pixKey: null, pixMerchantName: null, pixMerchantCity: null, showPendingReports: false };
}

/** The account's customer at the payment provider and its preferred way to pay. */
export async function billingCustomer(tx: Tx, accountId: string): Promise<{ customerId: string | null; preferred: 'card' | 'boleto' | null }> {
  const [row] = await tx<{ customerId: string | null; preferred: 'card' | 'boleto' | null }[]>`
    select provider_customer_id as "customerId", preferred_method as preferred from billing_customers
     where account_id = ${accountId} and tenant_id = portico_current_tenant()`;
  return row ?? { customerId: null, preferred: null };
}

export async function saveBillingCustomer(tx: Tx, accountId: string, change: { customerId?: string; preferred?: 'card' | 'boleto'; by?: string }, now: Date): Promise<void> {
  await tx`
    insert into billing_customers (tenant_id, account_id, provider_customer_id, preferred_method, preferred_by, updated_at)
    values (portico_current_tenant(), ${accountId}, ${change.customerId ?? null}, ${change.preferred ?? null}, ${change.by ?? null}, ${now})
    on conflict (account_id) do update set
      provider_customer_id = coalesce(excluded.provider_customer_id, billing_customers.provider_customer_id),
      preferred_method = coalesce(excluded.preferred_method, billing_customers.preferred_method),
      preferred_by = coalesce(excluded.preferred_by, billing_customers.preferred_by),
      updated_at = excluded.updated_at`;
}

export async function audit(tx: Tx, actor: { type: string; id: string | null }, action: string, subject: { type: string; id: string }, data: object = {}): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, ${action}, ${subject.type}, ${subject.id}, ${tx.json(data as never)})`;
}

export type { ChargeStatus };
