import { ApiError, type AccountListItem, type AdminApi } from '../admin-api.ts';
import { daysFromNow, type DemoTenant } from '../team/fixtures.ts';
import { demoAccounts } from '../processes/account-fixtures.ts';
import type { DocumentCategory, DocumentDownload, DocumentItem, NewDocument, StoredFile } from './documents-client.ts';

/**
 * Documents of the two demo tenants for `<admin-documents>`' tests and stories — Clínica Sol's fitness certificates,
 * programmes and eSocial receipts, Martins Castro's contracts and reports — and {@link documentsRouter}, an
 * in-memory `/api/v1/documents` answering `AdminApi.request` as the server does (pages of `pageSize`).
 */
export interface DocumentsData {
  categories: DocumentCategory[];
  documents: (DocumentItem & { externalId: string })[];
  downloads: Record<string, DocumentDownload[]>;
  accounts: AccountListItem[];
  pageSize: number;
}

const did = (n: number) => `d7000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const pdf = (name: string, size: number) => ({ name, type: 'application/pdf', size });

function documentOf(n: number, account: AccountListItem, category: DocumentCategory, title: string, issueDate: string, more: Partial<DocumentItem> = {}) {
  return {
    id: did(n),
    externalId: `DOC-${n}`,
    accountId: account.id,
    accountName: account.name,
    establishmentId: null,
    establishmentName: null,
    category: category.key,
    categoryLabel: category.label,
    title,
    issueDate,
    validUntil: null,
    file: null,
    esocial: null,
    createdAt: daysFromNow(-3),
    ...more,
  };
}

const CLINICA_CATEGORIES: DocumentCategory[] = [
  { key: 'cat', label: 'CAT', shown: true },
  { key: 'pgr', label: 'PGR', shown: true },
  { key: 'pcmso', label: 'PCMSO', shown: true },
  { key: 'aso', label: 'ASO', shown: true },
  { key: 'reports', label: 'Relatórios', shown: true },
  { key: 'contracts', label: 'Contratos', shown: true },
  { key: 'esocial', label: 'Recibos do eSocial', shown: true },
  { key: 'invoices', label: 'Notas fiscais', shown: false },
];
const MARTINS_CATEGORIES: DocumentCategory[] = [
  { key: 'cat', label: 'CAT', shown: false },
  { key: 'pgr', label: 'PGR', shown: false },
  { key: 'pcmso', label: 'PCMSO', shown: false },
  { key: 'aso', label: 'ASO', shown: false },
  { key: 'reports', label: 'Informes', shown: true },
  { key: 'contracts', label: 'Contratos', shown: true },
  { key: 'esocial', label: 'Recibos de eSocial', shown: false },
  { key: 'invoices', label: 'Facturas', shown: true },
];

/** The demo tenant's categories, documents, downloads and accounts (fresh copies, so a test may change them). */
export function documentsData(tenant: DemoTenant = 'clinica-sol', pageSize = 20): DocumentsData {
  const accounts = demoAccounts(tenant);
  const categories = structuredClone(tenant === 'clinica-sol' ? CLINICA_CATEGORIES : MARTINS_CATEGORIES);
  const category = (key: string) => categories.find((item) => item.key === key)!;
  if (tenant === 'martins-castro') {
    const [lucia, lumen] = accounts;
    return {
      categories,
      accounts,
      pageSize,
      downloads: { [did(21)]: [{ userId: 'u1', email: 'lucia.ortega@example.es', via: 'api', downloadedAt: daysFromNow(-1) }] },
      documents: [
        documentOf(21, lucia!, category('contracts'), 'Hoja de encargo profesional', '2026-02-03', { file: pdf('hoja-de-encargo.pdf', 214_000) }),
        documentOf(22, lumen!, category('reports'), 'Informe trimestral de litigios — T1 2026', '2026-04-02', { file: pdf('informe-t1-2026.pdf', 1_320_000) }),
        documentOf(23, lumen!, category('invoices'), 'Factura 2026/0142', '2026-04-30'),
      ],
    };
  }
  const [horizonte, padaria, maria] = accounts;
  const matriz = horizonte!.establishments[0]!;
  return {
    categories,
    accounts,
    pageSize,
    downloads: {
      [did(1)]: [
        { userId: 'u1', email: 'rh@construtorahorizonte.com.br', via: 'api', downloadedAt: daysFromNow(-1) },
        { userId: null, email: null, via: 'link', downloadedAt: daysFromNow(-6) },
      ],
    },
    documents: [
      documentOf(1, horizonte!, category('pgr'), 'PGR 2026 — Matriz', '2026-04-20', {
        establishmentId: matriz.id,
        establishmentName: matriz.name,
        validUntil: '2027-04-19',
        file: pdf('pgr-2026-matriz.pdf', 2_480_000),
      }),
      documentOf(2, maria!, category('aso'), 'ASO admissional — Maria Oliveira', '2026-04-15', { file: { name: 'aso-maria.jpg', type: 'image/jpeg', size: 182_400 } }),
      documentOf(3, horizonte!, category('esocial'), 'Recibo S-2220 — exames de abril', '2026-04-10', {
        file: pdf('recibo-s2220.pdf', 48_000),
        esocial: { eventType: 'S-2220', receiptNumber: '1.2.202604.0000001234', rectified: false },
      }),
      documentOf(4, padaria!, category('contracts'), 'Contrato de prestação de serviços 2026', '2026-03-01'),
      documentOf(5, horizonte!, category('pcmso'), 'PCMSO 2026', '2026-02-12', { file: pdf('pcmso-2026.pdf', 1_120_000) }),
    ],
  };
}

const invalid = (path: string, message: string) => new ApiError('invalid_input', 400, 'invalid', undefined, [{ path, message }]);

/** `AdminApi.request` over `data`: list (filters, pages), categories, upsert, file, delete, downloads. */
export function documentsRouter(data: DocumentsData): AdminApi['request'] {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const url = new URL(path, 'http://portico.test');
    const [, , , resource, id, action] = url.pathname.split('/').map(decodeURIComponent);
    if (resource !== 'documents') throw new ApiError('not_found', 404, `No fixture for ${path}`);
    if (id === 'categories') {
      if (method === 'GET') return { items: structuredClone(data.categories) } as T;
      const category = data.categories.find((item) => item.key === action);
      if (!category) throw new ApiError('not_found', 404, 'No such category');
      category.shown = (body as { shown: boolean }).shown;
      return { key: category.key, labels: (body as { labels: object }).labels, shown: category.shown } as T;
    }
    if (method === 'GET' && !id) return listPage(data, url.searchParams) as T;
    if (method === 'PUT' && !id) return { results: (body as { items: NewDocument[] }).items.map((item) => upsert(data, item)) } as T;
    const document = data.documents.find((item) => item.id === id);
    if (!document) throw new ApiError('not_found', 404, 'No such document');
    if (method === 'GET' && action === 'downloads') return { items: structuredClone(data.downloads[document.id] ?? []) } as T;
    if (method === 'PUT' && action === 'file') {
      const file = body as Blob;
      const stored: StoredFile = { name: url.searchParams.get('name') ?? 'document.pdf', type: file.type || 'application/pdf', size: file.size, sha256: '0'.repeat(64) };
      document.file = { name: stored.name, type: stored.type, size: stored.size };
      return stored as T;
    }
    if (method === 'DELETE' && !action) {
      document.file = null;
      return undefined as T;
    }
    throw new ApiError('not_found', 404, `No fixture for ${method} ${path}`);
  };
}

function listPage(data: DocumentsData, query: URLSearchParams) {
  const accountId = query.get('accountId');
  const category = query.get('category');
  const matching = data.documents
    .filter((item) => (!accountId || item.accountId === accountId) && (!category || item.category === category))
    .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.id.localeCompare(a.id));
  // The cursor is `page-<offset>`, which is all this fixture needs.
  const start = Number(query.get('before')?.replace('page-', '') ?? 0);
  const page = matching.slice(start, start + data.pageSize).map(({ externalId: _e, ...item }) => structuredClone(item));
  return { items: page, next: start + data.pageSize < matching.length ? `page-${start + data.pageSize}` : null };
}

function upsert(data: DocumentsData, item: NewDocument) {
  const account = data.accounts.find((candidate) => candidate.id === item.accountId);
  if (!account) throw invalid('items.0.accountId', 'is not an account of this portal');
  const category = data.categories.find((candidate) => candidate.key === item.category);
  if (!category) throw invalid('items.0.category', 'is not a category of this portal');
  const establishment = account.establishments.find((candidate) => candidate.id === item.establishmentId);
  const existing = data.documents.find((candidate) => candidate.externalId === item.externalId);
  const fields = {
    accountId: account.id,
    accountName: account.name,
    establishmentId: establishment?.id ?? null,
    establishmentName: establishment?.name ?? null,
    category: category.key,
    categoryLabel: category.label,
    title: item.title,
    issueDate: item.issueDate,
    validUntil: item.validUntil ?? null,
    esocial: item.esocial ?? null,
  };
  if (existing) {
    Object.assign(existing, fields);
    return { externalId: item.externalId, id: existing.id, result: 'updated' as const };
  }
  const id = crypto.randomUUID();
  data.documents.push({ id, externalId: item.externalId, ...fields, file: null, createdAt: new Date().toISOString() });
  return { externalId: item.externalId, id, result: 'created' as const };
}
