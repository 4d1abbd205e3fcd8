import { ApiError, type AccountListItem, type AdminApi } from '../admin-api.ts';
import type { DemoTenant } from '../team/fixtures.ts';
import { demoAccounts } from '../processes/account-fixtures.ts';
import type { BillingReport, Charge, Invoice, NewCharge, PaidVia, StoredFile } from './billing-client.ts';

/**
 * Billing of the two demo tenants for `<admin-billing>`' tests and stories — Clínica Sol's occupational-health fees
 * in reais, Martins Castro's legal fees in euros — and {@link billingRouter}, an in-memory `/api/v1/billing`
 * answering `AdminApi.request` as the server does (filters, pages of `pageSize`, paid, cancel, upsert, boleto).
 */
export interface BillingData {
  charges: Charge[];
  invoices: Invoice[];
  reports: BillingReport[];
  accounts: AccountListItem[];
  pageSize: number;
  /** Today for the router (a paid charge without a date is paid today). */
  today: string;
}

const cid = (n: number) => `c9000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const BOLETO = { line: '34191.79001 01043.510047 91020.150008 1 96610000198000', barcode: '34191966100001980001790010435100479102015000', pdf: true };

function chargeOf(n: number, account: AccountListItem, description: string, amount: number, currency: string, dates: [string, string], more: Partial<Charge> = {}): Charge {
  return {
    id: cid(n),
    externalId: `FAT-${String(n).padStart(5, '0')}`,
    accountId: account.id,
    accountName: account.name,
    establishmentId: null,
    establishmentName: null,
    kind: 'regular',
    description,
    amount,
    currency,
    issueDate: dates[0],
    dueDate: dates[1],
    status: 'open',
    paidAt: null,
    boleto: null,
    pix: null,
    card: false,
    invoiceIds: [],
    ...more,
  };
}

function clinicaSol(accounts: AccountListItem[]): Pick<BillingData, 'charges' | 'invoices' | 'reports'> {
  const [horizonte, padaria, maria] = accounts;
  return {
    charges: [
      chargeOf(1, horizonte!, 'Exames periódicos — abril/2026', 198_000, 'BRL', ['2026-04-30', '2026-05-10'], {
        boleto: BOLETO,
        pix: { payload: '00020126580014br.gov.bcb.pix0136clinica-sol-pix-key5204000053039865406198000' },
        card: true,
      }),
      chargeOf(2, horizonte!, 'Mensalidade PCMSO — março/2026', 178_000, 'BRL', ['2026-03-01', '2026-03-10'], { status: 'overdue', boleto: BOLETO }),
      chargeOf(3, maria!, 'Consulta ocupacional', 25_000, 'BRL', ['2026-03-20', '2026-04-05'], { status: 'paid', paidAt: '2026-04-02', invoiceIds: ['i1'] }),
      chargeOf(4, padaria!, 'Laudo ergonômico — sinal', 90_000, 'BRL', ['2026-02-10', '2026-02-20'], { status: 'cancelled' }),
      chargeOf(5, horizonte!, 'Acordo — parcelas de janeiro e fevereiro', 356_000, 'BRL', ['2026-01-05', '2026-01-31'], { status: 'renegotiated', kind: 'renegotiation' }),
    ],
    invoices: [
      { id: 'f9000000-0000-4000-8000-000000000001', accountId: maria!.id, accountName: maria!.name, establishmentId: null, number: '2026/000184', series: '1', issueDate: '2026-04-02', amount: 25_000, currency: 'BRL', chargeIds: [cid(3)], files: { pdf: true, xml: true } },
      { id: 'f9000000-0000-4000-8000-000000000002', accountId: horizonte!.id, accountName: horizonte!.name, establishmentId: null, number: '2026/000151', series: null, issueDate: '2026-03-01', amount: 178_000, currency: 'BRL', chargeIds: [], files: { pdf: false, xml: false } },
    ],
    reports: [
      { id: 'r9000000-0000-4000-8000-000000000001', accountId: horizonte!.id, establishmentId: null, title: 'Demonstrativo de exames — abril/2026', periodStart: '2026-04-01', periodEnd: '2026-04-30', status: 'pending', file: false },
      { id: 'r9000000-0000-4000-8000-000000000002', accountId: horizonte!.id, establishmentId: null, title: 'Demonstrativo de exames — março/2026', periodStart: '2026-03-01', periodEnd: '2026-03-31', status: 'ready', file: true },
    ],
  };
}

function martinsCastro(accounts: AccountListItem[]): Pick<BillingData, 'charges' | 'invoices' | 'reports'> {
  const [lucia, lumen] = accounts;
  return {
    charges: [
      chargeOf(11, lucia!, 'Honorarios — nacionalidad por residencia (2/3)', 45_000, 'EUR', ['2026-04-28', '2026-05-15'], { card: true }),
      chargeOf(12, lumen!, 'Iguala mensual — abril 2026', 121_000, 'EUR', ['2026-04-01', '2026-04-10'], { status: 'paid', paidAt: '2026-04-08' }),
      chargeOf(13, lucia!, 'Tasa 790-026 (suplido)', 10_405, 'EUR', ['2026-02-01', '2026-02-15'], { status: 'paid', paidAt: '2026-02-12' }),
    ],
    invoices: [
      { id: 'f9000000-0000-4000-8000-000000000011', accountId: lumen!.id, accountName: lumen!.name, establishmentId: null, number: '2026/0142', series: 'A', issueDate: '2026-04-30', amount: 121_000, currency: 'EUR', chargeIds: [cid(12)], files: { pdf: true, xml: false } },
    ],
    reports: [],
  };
}

/** The demo tenant's charges, invoices, reports and accounts (fresh copies, so a test may change them). */
export function billingData(tenant: DemoTenant = 'clinica-sol', pageSize = 20): BillingData {
  const accounts = demoAccounts(tenant);
  return { ...(tenant === 'clinica-sol' ? clinicaSol(accounts) : martinsCastro(accounts)), accounts, pageSize, today: '2026-05-04' };
}

function page<T extends { id: string }>(items: T[], query: URLSearchParams, size: number) {
  // The cursor is `page-<offset>`, which is all this fixture needs.
  const start = Number(query.get('before')?.replace('page-', '') ?? 0);
  return { items: structuredClone(items.slice(start, start + size)), next: start + size < items.length ? `page-${start + size}` : null };
}

function matches(charge: Charge, query: URLSearchParams): boolean {
  const status = query.get('status');
  const statusOk = !status || (status === 'pending' ? charge.status === 'open' || charge.status === 'overdue' : charge.status === status);
  const account = query.get('accountId');
  const from = query.get('from');
  const to = query.get('to');
  return statusOk && (!account || charge.accountId === account) && (!from || charge.dueDate >= from) && (!to || charge.dueDate <= to);
}

/** `AdminApi.request` over `data`: charges (filters, pages, paid, cancel, upsert, boleto), invoices, reports. */
export function billingRouter(data: BillingData): AdminApi['request'] {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const url = new URL(path, 'http://portico.test');
    const [, , , feature, resource, id, action] = url.pathname.split('/');
    if (feature !== 'billing') throw new ApiError('not_found', 404, `No fixture for ${path}`);
    if (method === 'GET' && resource === 'invoices') return page(data.invoices, url.searchParams, data.pageSize) as T;
    if (method === 'GET' && resource === 'reports') return { items: structuredClone(data.reports) } as T;
    if (resource !== 'charges') throw new ApiError('not_found', 404, `No fixture for ${path}`);
    if (method === 'GET' && !id) {
      const sorted = data.charges.filter((charge) => matches(charge, url.searchParams)).sort((a, b) => b.dueDate.localeCompare(a.dueDate) || b.id.localeCompare(a.id));
      return page(sorted, url.searchParams, data.pageSize) as T;
    }
    if (method === 'PUT' && !id) return { results: (body as { items: NewCharge[] }).items.map((item) => upsert(data, item)) } as T;
    const charge = data.charges.find((item) => item.id === id);
    if (!charge) throw new ApiError('not_found', 404, 'No such charge');
    if (method === 'PUT' && action === 'boleto') {
      const file = body as Blob;
      return { name: url.searchParams.get('name') ?? 'file.pdf', type: file.type, size: file.size, sha256: '0'.repeat(64) } satisfies StoredFile as T;
    }
    if (method === 'POST' && (action === 'paid' || action === 'cancel')) {
      const to = action === 'paid' ? 'paid' : 'cancelled';
      if (charge.status === to) return structuredClone(charge) as T;
      if (charge.status !== 'open' && charge.status !== 'overdue') throw new ApiError('charge_not_payable', 409, `The charge is ${charge.status}`);
      const paid = body as { paidAt?: string; via?: PaidVia } | undefined;
      Object.assign(charge, { status: to, paidAt: to === 'paid' ? (paid?.paidAt ?? data.today) : null, card: false });
      return structuredClone(charge) as T;
    }
    throw new ApiError('not_found', 404, `No fixture for ${method} ${path}`);
  };
}

function upsert(data: BillingData, item: NewCharge) {
  const account = data.accounts.find((candidate) => candidate.id === item.accountId);
  if (!account) throw new ApiError('invalid_input', 400, 'invalid', undefined, [{ path: 'items.0.accountId', message: 'is not an account of this portal' }]);
  const existing = data.charges.find((charge) => charge.externalId === item.externalId);
  const establishment = account.establishments.find((candidate) => candidate.id === item.establishmentId);
  const fields = {
    accountId: account.id,
    accountName: account.name,
    establishmentId: establishment?.id ?? null,
    establishmentName: establishment?.name ?? null,
    description: item.description,
    amount: item.amount,
    currency: item.currency,
    issueDate: item.issueDate,
    dueDate: item.dueDate,
    boleto: item.boletoLine ? BOLETO : null,
    pix: item.pix ? { payload: `00020126pix${item.pix.txid}` } : null,
    card: item.card,
  };
  if (existing) {
    Object.assign(existing, fields);
    return { externalId: item.externalId, id: existing.id, result: 'updated' as const };
  }
  const id = crypto.randomUUID();
  const status = item.dueDate < data.today ? 'overdue' : 'open';
  data.charges.push({ id, externalId: item.externalId, kind: 'regular', status, paidAt: null, invoiceIds: [], ...fields });
  return { externalId: item.externalId, id, result: 'created' as const };
}
