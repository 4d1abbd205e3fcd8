import { z } from 'zod';
import { plainText } from '../../http/fields.ts';

/** What a charge can be in the business's system; `overdue` is never stored, it is derived (see `ChargeStatus`). */
export const STORED_STATUSES = ['open', 'paid', 'cancelled', 'renegotiated'] as const;
/** What a client sees: an open charge past its due date, in the tenant's time zone, is overdue. */
export const CHARGE_STATUSES = ['open', 'overdue', 'paid', 'cancelled', 'renegotiated'] as const;
/** The list filter: a status, or `pending` for everything still to pay (open and overdue). */
export const STATUS_FILTERS = [...CHARGE_STATUSES, 'pending'] as const;
export const CHARGE_KINDS = ['regular', 'renegotiation'] as const;
export const PAYMENT_METHODS = ['card', 'boleto'] as const;

export type StoredStatus = (typeof STORED_STATUSES)[number];
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];
export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The largest amount a charge may have, in minor units (a trillion reais is not a portal's business). */
export const MAX_AMOUNT = 1_000_000_000_000;

const text = plainText;
/** A calendar date, as the business's system keeps it. */
export const isoDate = z.iso.date('must be a date such as 2026-03-31');
/** Minor units (cents): a whole, positive number. Money is never a float. */
export const amount = z.number('must be a number of cents').int('must be a whole number of cents').positive('must be more than zero').max(MAX_AMOUNT, 'is too large');
/** ISO 4217; checked against the currencies `Intl` knows. */
export const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be a currency code such as BRL or EUR')
  .refine((code) => (Intl.supportedValuesOf('currency') as string[]).includes(code), 'is not a currency we know');
export const externalId = z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f]+$/, 'must not contain control characters');

/** One charge as the business's system sends it (idempotent by `externalId`). */
export const chargeInput = z
  .object({
    externalId,
    accountId: z.uuid(),
    establishmentId: z.uuid().nullable().optional(),
    kind: z.enum(CHARGE_KINDS).default('regular'),
    description: text(200),
    amount,
    currency,
    issueDate: isoDate,
    dueDate: isoDate,
    status: z.enum(STORED_STATUSES).default('open'),
    paidAt: isoDate.nullable().optional(),
    /** Boleto: the typeable line (47 or 48 digits, punctuation allowed); checked by its check digits. */
    boletoLine: z.string().max(80).nullable().optional(),
    /** PIX: a ready payload, or `{ txid }` to have the server build it from the tenant's PIX key. */
    pix: z.union([z.object({ payload: z.string().min(20).max(512) }).strict(), z.object({ txid: z.string().regex(/^[A-Za-z0-9]{1,25}$/, 'must be 1 to 25 letters and digits') }).strict()]).nullable().optional(),
    /** May the client pay it by card, through the payment provider. */
    card: z.boolean().default(false),
  })
  .strict()
  .refine((charge) => charge.dueDate >= charge.issueDate, { path: ['dueDate'], message: 'must not be before the issue date' })
  .refine((charge) => (charge.status === 'paid') === Boolean(charge.paidAt), { path: ['paidAt'], message: 'is required for a paid charge, and only for one' });
export type ChargeInput = z.infer<typeof chargeInput>;

export const chargeBatch = z.object({ items: z.array(chargeInput).min(1).max(1000) }).strict();

export const invoiceInput = z
  .object({
    externalId,
    accountId: z.uuid(),
    establishmentId: z.uuid().nullable().optional(),
    number: text(40),
    series: text(10).nullable().optional(),
    issueDate: isoDate,
    amount,
    currency,
    /** The charges this invoice is for, by their external ids. */
    chargeExternalIds: z.array(externalId).max(100).default([]),
  })
  .strict();
export type InvoiceInput = z.infer<typeof invoiceInput>;
export const invoiceBatch = z.object({ items: z.array(invoiceInput).min(1).max(1000) }).strict();

/** A billing report (demonstrativo): ready with a file, or pending (shown only where the tenant allows). */
export const reportInput = z
  .object({
    externalId,
    accountId: z.uuid(),
    establishmentId: z.uuid().nullable().optional(),
    title: text(200),
    periodStart: isoDate,
    periodEnd: isoDate,
    status: z.enum(['ready', 'pending']),
  })
  .strict();
export type ReportInput = z.infer<typeof reportInput>;
export const reportBatch = z.object({ items: z.array(reportInput).min(1).max(1000) }).strict();

export const billingSettingsInput = z
  .object({
    /** The tenant's PIX key (CPF/CNPJ, e-mail, +55 phone or random key) and the merchant data the BR Code carries. */
    pixKey: z.string().trim().min(1).max(77).nullable(),
    pixMerchantName: z.string().trim().min(1).max(25).nullable(),
    pixMerchantCity: z.string().trim().min(1).max(15).nullable(),
    /** Show pending billing reports to clients (seed 004). */
    showPendingReports: z.boolean(),
  })
  .strict();

export const listQuery = z.object({
  status: z.enum(STATUS_FILTERS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  accountId: z.uuid().optional(),
  establishmentId: z.uuid().optional(),
  before: z.string().regex(/^[\w-]{10,200}$/, 'is not a page cursor').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A charge as the client API shows it. */
export interface Charge {
  id: string;
  externalId?: string;
  accountId: string;
  accountName: string;
  establishmentId: string | null;
  establishmentName: string | null;
  kind: (typeof CHARGE_KINDS)[number];
  description: string;
  /** Minor units. */
  amount: number;
  currency: string;
  issueDate: string;
  dueDate: string;
  status: ChargeStatus;
  paidAt: string | null;
  /** Formatted typeable line and the 44-digit barcode; `pdf` when a boleto PDF can be downloaded. */
  boleto: { line: string; barcode: string; pdf: boolean } | null;
  pix: { payload: string } | null;
  /** Payable by card now: the provider is set up, the business allows it, and the charge is still to pay. */
  card: boolean;
  invoiceIds: string[];
}

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

/** B1: "anything pending?" — per currency, never summed across currencies. */
export interface BillingSummary {
  totals: { currency: string; open: number; openCount: number; overdue: number; overdueCount: number }[];
  nextDue: { chargeId: string; description: string; dueDate: string; amount: number; currency: string } | null;
  payment: { card: boolean; manageMethods: boolean; preferred: PaymentMethod | null };
}

export interface Page<T> {
  items: T[];
  next: string | null;
}
