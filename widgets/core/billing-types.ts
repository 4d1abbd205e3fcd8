/**
 * Billing (B1–B7): the JSON of `/api/portal/billing`, typed by the server's own definitions (`import type`: erased
 * at build, so the widget bundle carries none of the server's code), plus what only the widgets need.
 */
export type {
  BillingReport,
  BillingSummary,
  Charge,
  ChargeStatus,
  StatusFilter as ChargeStatusFilter,
  Invoice,
  Page,
  PaymentMethod,
} from '../../server/features/billing/schemas.ts';
import type { StatusFilter as ChargeStatusFilter } from '../../server/features/billing/schemas.ts';

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
