/**
 * Documents (D1–D3): the JSON of `/api/portal/documents`, mirrored from server/features/documents/schemas.ts rather
 * than imported, so the widget bundle never depends on server modules. A type test in
 * test/widgets/portal-documents.test.ts fails the type-check if the two drift apart.
 */

/** A document as the client API shows it. Dates are calendar dates (`YYYY-MM-DD`). */
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

/** The category whose documents are eSocial event receipts (D2). */
export const ESOCIAL_CATEGORY = 'esocial';

/** How far back the eSocial view looks: the last 3, 6 or 12 months, or `all`. */
export type SinceChoice = '3' | '6' | '12' | 'all';

/** What the document list can be narrowed to (`from`/`to` bound the issue date). */
export interface DocumentFilters {
  category?: string;
  accountId?: string;
  establishmentId?: string;
  from?: string;
  to?: string;
  /** Words of the title. */
  q?: string;
  /** eSocial: include rectified receipts; absent, the tenant's setting. */
  rectified?: boolean;
  /** eSocial: how far back; absent, the tenant's setting. */
  since?: SinceChoice;
  before?: string;
  limit?: number;
  /** The language of the category names. */
  locale?: string;
}

/** A short-lived signed link that downloads one file without the access token. */
export interface DocumentLink {
  url: string;
  expiresAt: string;
}
