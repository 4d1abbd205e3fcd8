import type { AdminApi } from '../admin-api.ts';
import type { Locale } from '../../core/i18n.ts';
import type { DocumentInput, DocumentItem } from '../../../server/features/documents/schemas.ts';

export type { DocumentItem };

/** A category as the business set it up (`GET /api/v1/documents/categories`): its name in the tenant's language. */
export interface DocumentCategory {
  key: string;
  label: string;
  shown: boolean;
}
/** One download of a document (`GET /api/v1/documents/{id}/downloads`); `email` is null for a removed user. */
export interface DocumentDownload {
  userId: string | null;
  email: string | null;
  via: 'api' | 'link';
  downloadedAt: string;
}
/** A new document's metadata, as the console sends it (`documentInput`). */
export type NewDocument = Omit<DocumentInput, 'esocial'> & { esocial?: { eventType: string; receiptNumber: string; rectified: boolean } | null };
export interface UpsertResult {
  externalId: string;
  id: string;
  result: 'created' | 'updated' | 'unchanged';
}
/** What the server says of a file it kept. */
export interface StoredFile {
  name: string;
  type: string;
  size: number;
  sha256: string;
}
export interface DocumentFilters {
  accountId?: string;
  category?: string;
}

/** The largest file the server takes for a document (`MAX_DOCUMENT_BYTES`). */
export const MAX_DOCUMENT_BYTES = 250 * 1024 * 1024;
/** The kinds of file the server recognises by their first bytes. */
export const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
/** The category of eSocial receipts, whose documents carry the event and receipt number. */
export const ESOCIAL = 'esocial';

const base = '/api/v1/documents';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** The list's address: the filters, `before` for the next page. */
export function documentListPath(filters: DocumentFilters, before?: string): string {
  const query = new URLSearchParams();
  if (filters.accountId) query.set('accountId', filters.accountId);
  if (filters.category) query.set('category', filters.category);
  if (before) query.set('before', before);
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

/** The documents section's calls (`documents:read` / `documents:write`), typed, over the console's session. */
export class DocumentsClient {
  constructor(private readonly api: AdminApi) {}

  list(filters: DocumentFilters, before?: string, signal?: AbortSignal): Promise<{ items: DocumentItem[]; next: string | null }> {
    return this.api.request('GET', documentListPath(filters, before), undefined, signal);
  }

  categories(signal?: AbortSignal): Promise<{ items: DocumentCategory[] }> {
    return this.api.request('GET', `${base}/categories`, undefined, signal);
  }

  /**
   * Shows or hides a category. The server replaces its names with `labels`; the list only gives the name in the
   * tenant's language, so that one is sent back (the defaults fill the other languages).
   */
  setCategory(category: DocumentCategory, shown: boolean, tenantLocale: Locale): Promise<{ key: string; shown: boolean }> {
    return this.api.request('PUT', `${base}/categories/${encodeURIComponent(category.key)}`, { labels: { [tenantLocale]: category.label }, shown });
  }

  /** Saves one document's metadata (by the business's id); clients see it once its file is there. */
  async save(document: NewDocument): Promise<UpsertResult> {
    const { results } = await this.api.request<{ results: UpsertResult[] }>('PUT', base, { items: [document] });
    return results[0]!;
  }

  /** Sends the document's file as the raw body (the server proves its type from its bytes). */
  uploadFile(id: string, file: File): Promise<StoredFile> {
    return this.api.request('PUT', `${one(id)}/file?${new URLSearchParams({ name: file.name })}`, file);
  }

  /** Withdraws the document: its file is deleted, the record (and who downloaded it) stays. */
  remove(id: string): Promise<void> {
    return this.api.request('DELETE', one(id));
  }

  downloads(id: string, signal?: AbortSignal): Promise<{ items: DocumentDownload[] }> {
    return this.api.request('GET', `${one(id)}/downloads`, undefined, signal);
  }
}
