/**
 * Documents (D1–D3): the JSON of `/api/portal/documents`, typed by the server's own definitions (`import type`:
 * erased at build, so the widget bundle carries none of the server's code), plus what only the widgets need.
 */
export type { DocumentCatalog, DocumentItem } from '../../server/features/documents/schemas.ts';

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
