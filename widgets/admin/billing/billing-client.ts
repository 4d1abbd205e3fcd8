import type { AdminApi } from '../admin-api.ts';
import type { BillingReport, Charge, ChargeInput, ChargeStatus, Invoice, Page, StatusFilter } from '../../../server/features/billing/schemas.ts';

export type { BillingReport, Charge, ChargeStatus, Invoice, Page, StatusFilter };

/** The list's status filter, as the server's `STATUS_FILTERS` (`pending`: open and overdue). */
export const STATUS_FILTERS = ['pending', 'open', 'overdue', 'paid', 'cancelled', 'renegotiated'] as const satisfies readonly StatusFilter[];
/** How a charge was paid (`paidBody.via`). */
export const PAID_VIA = ['boleto', 'pix', 'card', 'other'] as const;
export type PaidVia = (typeof PAID_VIA)[number];

// Fails the type-check if the server adds a status filter this list does not name.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : false;
const _filtersComplete: Missing<StatusFilter, (typeof STATUS_FILTERS)[number]> = true;
void _filtersComplete;

/** A new charge as the console sends it (`chargeInput`, in a batch of one). */
export type NewCharge = Pick<ChargeInput, 'externalId' | 'accountId' | 'description' | 'amount' | 'currency' | 'issueDate' | 'dueDate' | 'card'> & {
  establishmentId?: string;
  boletoLine?: string;
  pix?: { txid: string };
};
export interface UpsertResult {
  externalId: string;
  id: string;
  result: 'created' | 'updated' | 'unchanged';
}
export interface StoredFile {
  name: string;
  type: string;
  size: number;
  sha256: string;
}
/** The charges list's filters: status, account, and a period of due dates. */
export interface ChargeFilters {
  status?: StatusFilter;
  accountId?: string;
  from?: string;
  to?: string;
}

/** The largest billing file the server takes (`MAX_BILLING_FILE_BYTES`). */
export const MAX_BILLING_FILE_BYTES = 10 * 1024 * 1024;

const base = '/api/v1/billing';
const charge = (id: string) => `${base}/charges/${encodeURIComponent(id)}`;

function withQuery(path: string, query: Record<string, string | undefined>): string {
  const search = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]))).toString();
  return search ? `${path}?${search}` : path;
}

/** The charges list's address: the filters, `before` for the next page. */
export function chargeListPath(filters: ChargeFilters, before?: string): string {
  return withQuery(`${base}/charges`, { status: filters.status, accountId: filters.accountId, from: filters.from, to: filters.to, before });
}

/** The billing section's calls (`billing:read` / `billing:write`), typed, over the console's session. */
export class BillingClient {
  constructor(private readonly api: AdminApi) {}

  charges(filters: ChargeFilters, before?: string, signal?: AbortSignal): Promise<Page<Charge>> {
    return this.api.request('GET', chargeListPath(filters, before), undefined, signal);
  }

  /** Marks an open or overdue charge paid (on `paidAt`, by `via`); answers the charge as it now is. */
  markPaid(id: string, paid: { paidAt: string; via: PaidVia }): Promise<Charge> {
    return this.api.request('POST', `${charge(id)}/paid`, paid);
  }

  cancel(id: string): Promise<Charge> {
    return this.api.request('POST', `${charge(id)}/cancel`);
  }

  /** Creates one charge (a batch of one, by the business's id). */
  async create(input: NewCharge): Promise<UpsertResult> {
    const { results } = await this.api.request<{ results: UpsertResult[] }>('PUT', `${base}/charges`, { items: [input] });
    return results[0]!;
  }

  /** Sends a boleto PDF as the raw body; the server wants `Content-Type: application/pdf`, whatever the browser guessed. */
  uploadBoleto(id: string, file: File): Promise<StoredFile> {
    const body = file.type === 'application/pdf' ? file : new File([file], file.name, { type: 'application/pdf' });
    return this.api.request('PUT', `${charge(id)}/boleto?${new URLSearchParams({ name: file.name })}`, body);
  }

  invoices(before?: string, signal?: AbortSignal): Promise<Page<Invoice>> {
    return this.api.request('GET', withQuery(`${base}/invoices`, { before }), undefined, signal);
  }

  reports(signal?: AbortSignal): Promise<{ items: BillingReport[] }> {
    return this.api.request('GET', `${base}/reports`, undefined, signal);
  }
}
