/**
 * Billing (B1–B7): the JSON of `/api/portal/billing`, mirrored from server/features/billing/schemas.ts rather than
 * imported, so the widget bundle never depends on server modules. A type test in test/widgets/portal-billing.test.ts
 * fails the type-check if the two drift apart.
 */

/** What a client sees of a charge; `overdue` is an open charge past its due date, in the tenant's time zone. */
export type ChargeStatus = 'open' | 'overdue' | 'paid' | 'cancelled' | 'renegotiated';
/** The charge list's filter: a status, or `pending` for everything still to pay (open and overdue). */
export type ChargeStatusFilter = ChargeStatus | 'pending';
export type PaymentMethod = 'card' | 'boleto';

/** A charge as the client API shows it. Amounts in minor units; dates are calendar dates (`YYYY-MM-DD`). */
export interface Charge {
  id: string;
  externalId?: string;
  accountId: string;
  accountName: string;
  establishmentId: string | null;
  establishmentName: string | null;
  kind: 'regular' | 'renegotiation';
  description: string;
  amount: number;
  currency: string;
  issueDate: string;
  dueDate: string;
  status: ChargeStatus;
  paidAt: string | null;
  /** Formatted typeable line and the 44-digit barcode; `pdf` when a boleto PDF can be downloaded. */
  boleto: { line: string; barcode: string; pdf: boolean } | null;
  pix: { payload: string } | null;
  /** Payable by card now. */
  card: boolean;
  invoiceIds: string[];
}

/** An invoice (nota fiscal / factura), with the files it has. */
export interface Invoice {
  id: string;
  accountId: string;
  accountName: string;
  establishmentId: string | null;
  number: string;
  series: string | null;
  issueDate: string;
  amount: number;
  currency: string;
  chargeIds: string[];
  files: { pdf: boolean; xml: boolean };
}

/** A billing report (demonstrativo): ready with a file, or pending. */
export interface BillingReport {
  id: string;
  accountId: string;
  establishmentId: string | null;
  title: string;
  periodStart: string;
  periodEnd: string;
  status: 'ready' | 'pending';
  file: boolean;
}

/** B1 "anything pending?": per currency, never summed across currencies; and how the client may pay. */
export interface BillingSummary {
  totals: { currency: string; open: number; openCount: number; overdue: number; overdueCount: number }[];
  nextDue: { chargeId: string; description: string; dueDate: string; amount: number; currency: string } | null;
  payment: { card: boolean; manageMethods: boolean; preferred: PaymentMethod | null };
}

/** One page of a keyset-paged list: `next` is the cursor of the following page. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

/** What the charge list can be narrowed to (`from`/`to` bound the due date). */
export interface ChargeFilters {
  status?: ChargeStatusFilter;
  from?: string;
  to?: string;
  accountId?: string;
  establishmentId?: string;
  before?: string;
  limit?: number;
}

/** The account a billing call is about; without it, every account the user reaches (or the session's, where one is needed). */
export interface AccountOption {
  accountId?: string;
}
