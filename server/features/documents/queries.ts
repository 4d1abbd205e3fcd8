import type { Tx } from '../../db/database.ts';
import { makeCursor, readCursor } from '../../http/page-cursor.ts';
import { visibleTo } from '../accounts/visibility.ts';
import { DEFAULT_CATEGORIES, ESOCIAL, type DocumentCatalog, type DocumentItem } from './schemas.ts';

type Locale = 'pt-BR' | 'es' | 'en';
type Labels = Partial<Record<Locale, string>>;

/** Who reads: a portal user (only shown categories, only their establishments, only documents with a file) or the business. */
export type Reader = { userId: string } | { business: true };

export interface DocumentSettings {
  esocialIncludeRectified: boolean;
  esocialSinceMonths: 3 | 6 | 12 | null;
}

export async function documentSettings(tx: Tx): Promise<DocumentSettings> {
  const [row] = await tx<DocumentSettings[]>`
    select esocial_include_rectified as "esocialIncludeRectified", esocial_since_months as "esocialSinceMonths"
      from document_settings where tenant_id = portico_current_tenant()`;
  return row ?? { esocialIncludeRectified: false, esocialSinceMonths: null };
}

/** The tenant's categories with their names in `locale`: the defaults, its own additions, and whether each is shown. */
export async function categories(tx: Tx, locale: Locale): Promise<{ key: string; label: string; shown: boolean }[]> {
  const own = await tx<{ key: string; labels: Labels; shown: boolean }[]>`
    select key, labels, shown from document_categories where tenant_id = portico_current_tenant() order by key`;
  const byKey = new Map(own.map((row) => [row.key, row]));
  const keys = [...Object.keys(DEFAULT_CATEGORIES), ...own.map((row) => row.key).filter((key) => !(key in DEFAULT_CATEGORIES))];
  return keys.map((key) => {
    const labels: Labels = { ...(DEFAULT_CATEGORIES as Record<string, Labels>)[key], ...byKey.get(key)?.labels };
    return { key, label: labels[locale] ?? labels.en ?? labels.es ?? labels['pt-BR'] ?? key, shown: byKey.get(key)?.shown ?? true };
  });
}

export async function catalog(tx: Tx, locale: Locale): Promise<DocumentCatalog> {
  const settings = await documentSettings(tx);
  return {
    categories: (await categories(tx, locale)).filter((category) => category.shown).map(({ key, label }) => ({ key, label })),
    esocial: { includeRectified: settings.esocialIncludeRectified, sinceMonths: settings.esocialSinceMonths },
  };
}

type Row = Omit<DocumentItem, 'categoryLabel' | 'file' | 'esocial'> & {
  fileName: string | null;
  contentType: string | null;
  size: string | null;
  esocialEvent: string | null;
  esocialReceipt: string | null;
  esocialRectified: boolean | null;
};

const columns = (tx: Tx) => tx`
  d.id, d.account_id as "accountId", a.name as "accountName", d.establishment_id as "establishmentId", e.name as "establishmentName",
  d.category, d.title, d.issue_date::text as "issueDate", d.valid_until::text as "validUntil", d.file_name as "fileName",
  d.content_type as "contentType", d.size::text as size, d.esocial_event as "esocialEvent", d.esocial_receipt as "esocialReceipt",
  d.esocial_rectified as "esocialRectified", d.created_at as "createdAt"`;

const source = (tx: Tx) => tx`documents d join accounts a on a.id = d.account_id left join establishments e on e.id = d.establishment_id`;

/** What a client may reach: documents with a file, not withdrawn, of a shown category, in their scope. */
const readable = (tx: Tx, reader: Reader, shown: string[]) =>
  'userId' in reader
    ? tx`and d.withdrawn_at is null and d.storage_key is not null and d.category = any(${shown}) and ${visibleTo(tx, reader.userId, 'd')}`
    : tx``;

function toItem(row: Row, labels: Map<string, string>): DocumentItem {
  const { fileName, contentType, size, esocialEvent, esocialReceipt, esocialRectified, ...rest } = row;
  return {
    ...rest,
    categoryLabel: labels.get(row.category) ?? row.category,
    file: fileName && contentType && size ? { name: fileName, type: contentType, size: Number(size) } : null,
    esocial: esocialEvent && esocialReceipt ? { eventType: esocialEvent, receiptNumber: esocialReceipt, rectified: esocialRectified ?? false } : null,
  };
}

export interface ListFilters {
  category?: string;
  accountId?: string;
  establishmentId?: string;
  from?: string;
  to?: string;
  q?: string;
  /** eSocial: include rectified receipts. */
  rectified?: boolean;
  /** eSocial: issued on or after this date. */
  esocialSince?: string;
  before?: string;
  limit: number;
}

/** A page of documents, newest issue date first, by keyset. */
export async function listDocuments(tx: Tx, reader: Reader, filters: ListFilters, locale: Locale) {
  const all = await categories(tx, locale);
  const labels = new Map(all.map((category) => [category.key, category.label]));
  const shown = all.filter((category) => category.shown).map((category) => category.key);
  const cursor = readCursor(filters.before, /^\d{4}-\d{2}-\d{2}$/);
  const words = filters.q ? `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const rows = await tx<Row[]>`
    select ${columns(tx)} from ${source(tx)}
     where d.tenant_id = portico_current_tenant() ${readable(tx, reader, shown)}
       ${filters.category ? tx`and d.category = ${filters.category}` : tx``}
       ${filters.accountId ? tx`and d.account_id = ${filters.accountId}` : tx``}
       ${filters.establishmentId ? tx`and d.establishment_id = ${filters.establishmentId}` : tx``}
       ${filters.from ? tx`and d.issue_date >= ${filters.from}::date` : tx``}
       ${filters.to ? tx`and d.issue_date <= ${filters.to}::date` : tx``}
       ${words ? tx`and d.title ilike ${words}` : tx``}
       ${filters.category === ESOCIAL && filters.rectified === false ? tx`and not coalesce(d.esocial_rectified, false)` : tx``}
       ${filters.category === ESOCIAL && filters.esocialSince ? tx`and d.issue_date >= ${filters.esocialSince}::date` : tx``}
       ${cursor ? tx`and (d.issue_date, d.id) < (${cursor.key}::date, ${cursor.id})` : tx``}
     order by d.issue_date desc, d.id desc
     limit ${filters.limit + 1}`;
  const items = rows.slice(0, filters.limit).map((row) => toItem(row, labels));
  const last = items.at(-1);
  return { items, next: rows.length > filters.limit && last ? makeCursor(last.issueDate, last.id) : null };
}

/** One document `reader` may reach, with where its file is; undefined otherwise. */
export async function findDocument(tx: Tx, reader: Reader, id: string, locale: Locale): Promise<(DocumentItem & { storageKey: string | null }) | undefined> {
  const all = await categories(tx, locale);
  const shown = all.filter((category) => category.shown).map((category) => category.key);
  const [row] = await tx<(Row & { storageKey: string | null })[]>`
    select ${columns(tx)}, d.storage_key as "storageKey" from ${source(tx)}
     where d.id = ${id} and d.tenant_id = portico_current_tenant() ${readable(tx, reader, shown)}`;
  if (!row) return undefined;
  const { storageKey, ...rest } = row;
  return { ...toItem(rest, new Map(all.map((category) => [category.key, category.label]))), storageKey };
}

export async function recordDownload(tx: Tx, documentId: string, userId: string, via: 'api' | 'link', now: Date): Promise<void> {
  await tx`insert into document_downloads (tenant_id, document_id, user_id, via, downloaded_at) values (portico_current_tenant(), ${documentId}, ${userId}, ${via}, ${now})`;
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
           values (portico_current_tenant(), 'client', ${userId}, 'document-downloaded', 'document', ${documentId})`;
}
