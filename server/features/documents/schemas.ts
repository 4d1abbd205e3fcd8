import { z } from 'zod';
import { plainText } from '../../http/fields.ts';

/** The categories every tenant starts with (seed 004); a tenant renames, hides or adds its own. */
export const DEFAULT_CATEGORIES = {
  cat: { 'pt-BR': 'CAT', es: 'CAT', en: 'Work accident reports (CAT)' },
  pgr: { 'pt-BR': 'PGR', es: 'PGR', en: 'Risk management programme (PGR)' },
  pcmso: { 'pt-BR': 'PCMSO', es: 'PCMSO', en: 'Occupational health programme (PCMSO)' },
  aso: { 'pt-BR': 'ASO', es: 'ASO', en: 'Fitness certificates (ASO)' },
  reports: { 'pt-BR': 'Relatórios', es: 'Informes', en: 'Reports' },
  contracts: { 'pt-BR': 'Contratos', es: 'Contratos', en: 'Contracts' },
  esocial: { 'pt-BR': 'Recibos do eSocial', es: 'Recibos de eSocial', en: 'eSocial receipts' },
  invoices: { 'pt-BR': 'Notas fiscais', es: 'Facturas', en: 'Invoices' },
} as const;

/** The category whose documents are eSocial event receipts (D2). */
export const ESOCIAL = 'esocial';
/** How far back the eSocial view looks, in months; null: all. */
export const SINCE_MONTHS = [3, 6, 12] as const;

export const categoryKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1 to 40 lower-case letters, digits and hyphens');
const isoDate = z.iso.date('must be a date such as 2026-03-31');
const externalId = z.string().trim().min(1).max(100).regex(/^[^\u0000-\u001f]+$/, 'must not contain control characters');

export const categoryInput = z
  .object({
    labels: z.object({ 'pt-BR': plainText(60).optional(), es: plainText(60).optional(), en: plainText(60).optional() }).strict().default({}),
    shown: z.boolean(),
  })
  .strict();

export const settingsInput = z
  .object({
    /** The eSocial view's defaults (seed 004): show rectified receipts, and since how many months. */
    esocialIncludeRectified: z.boolean(),
    esocialSinceMonths: z.union([z.literal(3), z.literal(6), z.literal(12), z.null()]),
  })
  .strict();

/** A document's metadata, sent before its file (idempotent by the business's id). */
export const documentInput = z
  .object({
    externalId,
    accountId: z.uuid(),
    establishmentId: z.uuid().nullable().optional(),
    category: categoryKey,
    title: plainText(200),
    issueDate: isoDate,
    validUntil: isoDate.nullable().optional(),
    esocial: z
      .object({ eventType: z.string().regex(/^S-\d{4}$/, 'must be an eSocial event such as S-2220'), receiptNumber: plainText(60), rectified: z.boolean().default(false) })
      .strict()
      .nullable()
      .optional(),
    /** E-mail the account's users when the file arrives. */
    notify: z.boolean().default(false),
  })
  .strict();
export type DocumentInput = z.infer<typeof documentInput>;

export const listQuery = z.object({
  category: categoryKey.optional(),
  accountId: z.uuid().optional(),
  establishmentId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Words of the title. */
  q: z.string().trim().min(1).max(100).optional(),
  /** eSocial: include rectified receipts; default from the tenant's settings. */
  rectified: z.enum(['true', 'false']).optional(),
  /** eSocial: only receipts issued in the last 3, 6 or 12 months; `all` for no limit; default from the tenant's settings. */
  since: z.enum(['3', '6', '12', 'all']).optional(),
  before: z.string().regex(/^[\w-]{10,200}$/, 'is not a page cursor').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A document as the client API shows it. */
export interface DocumentItem {
  id: string;
  accountId: string;
  accountName: string;
  establishmentId: string | null;
  establishmentName: string | null;
  category: string;
  /** The category's name in the locale asked for. */
  categoryLabel: string;
  title: string;
  issueDate: string;
  validUntil: string | null;
  /** Null while the business has not sent the file yet (such documents are not shown to clients). */
  file: { name: string; type: string; size: number } | null;
  esocial: { eventType: string; receiptNumber: string; rectified: boolean } | null;
  createdAt: string;
}

/** What the document list offers: the categories shown (D1) and the eSocial view's defaults. */
export interface DocumentCatalog {
  categories: { key: string; label: string }[];
  esocial: { includeRectified: boolean; sinceMonths: 3 | 6 | 12 | null };
}
