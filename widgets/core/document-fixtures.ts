/**
 * Document fixtures for tests and stories: what Clínica Sol delivers to Metalúrgica Horizonte (Matriz and Filial
 * Contagem) — PCMSO and PGR 2026, ASOs (one expired, one scanned as an image), a CAT, a report of the whole account,
 * eSocial S-2220 and S-2240 receipts (one rectified) — and an ASO of Bruno Lima's own account. Not part of the bundle.
 */
import { ApiError } from './api-client.ts';
import type { Page } from './billing-types.ts';
import { ESOCIAL_CATEGORY, type DocumentCatalog, type DocumentFilters, type DocumentItem, type DocumentLink } from './document-types.ts';

type Locale = 'pt-BR' | 'es' | 'en';

/** A category as the business set it up: its name in each locale, and whether clients see it. */
export interface FixtureCategory {
  key: string;
  labels: Record<Locale, string>;
  shown: boolean;
}

/** Everything the fixture document calls answer from. `categoryLabel` on documents is filled in per locale. */
export interface DocumentData {
  categories: FixtureCategory[];
  esocial: DocumentCatalog['esocial'];
  documents: DocumentItem[];
}

const HORIZONTE = { accountId: 'a1', accountName: 'Metalúrgica Horizonte Ltda' };
const MATRIZ = { ...HORIZONTE, establishmentId: 'e1', establishmentName: 'Matriz' };
const FILIAL = { ...HORIZONTE, establishmentId: 'e2', establishmentName: 'Filial Contagem' };
const pdf = (name: string, size: number) => ({ name, type: 'application/pdf', size });

/** A document as the server answers it. */
export function fixtureDocument(overrides: Partial<DocumentItem> = {}): DocumentItem {
  return {
    id: crypto.randomUUID(),
    ...MATRIZ,
    category: 'aso',
    categoryLabel: 'ASO',
    title: 'ASO periódico — Carlos Eduardo Souza',
    issueDate: '2026-11-17',
    validUntil: null,
    file: pdf('aso-periodico-carlos-eduardo-souza.pdf', 182_400),
    esocial: null,
    createdAt: '2026-11-17T14:20:00Z',
    ...overrides,
  };
}

/** The portal's default categories (server/features/documents/schemas.ts), as Clínica Sol shows them. */
export function clinicaSolCategories(): FixtureCategory[] {
  const category = (key: string, ptBR: string, es: string, en: string, shown = true) => ({ key, labels: { 'pt-BR': ptBR, es, en }, shown });
  return [
    category('cat', 'CAT', 'CAT', 'Work accident reports (CAT)'),
    category('pgr', 'PGR', 'PGR', 'Risk management programme (PGR)'),
    category('pcmso', 'PCMSO', 'PCMSO', 'Occupational health programme (PCMSO)'),
    category('aso', 'ASO', 'ASO', 'Fitness certificates (ASO)'),
    category('reports', 'Relatórios', 'Informes', 'Reports'),
    category('contracts', 'Contratos', 'Contratos', 'Contracts', false),
    category(ESOCIAL_CATEGORY, 'Recibos do eSocial', 'Recibos de eSocial', 'eSocial receipts'),
    category('invoices', 'Notas fiscais', 'Facturas', 'Invoices', false),
  ];
}

const receipt = (eventType: string, receiptNumber: string, rectified = false) => ({ eventType, receiptNumber, rectified });

/** Metalúrgica Horizonte's documents at Clínica Sol, newest first; eSocial shows the last 12 months, rectified hidden. */
export function horizonteDocuments(): DocumentData {
  const doc = (id: string, overrides: Partial<DocumentItem>) => fixtureDocument({ id, createdAt: `${overrides.issueDate}T12:00:00Z`, ...overrides });
  return {
    categories: clinicaSolCategories(),
    esocial: { includeRectified: false, sinceMonths: 12 },
    documents: [
      doc('d-s2220-carlos', { category: 'esocial', title: 'S-2220 — ASO periódico — Carlos Eduardo Souza', issueDate: '2026-11-18', file: pdf('recibo-s2220-carlos-eduardo-souza.pdf', 48_900), esocial: receipt('S-2220', '1.2.0000000024816735902') }),
      doc('d-aso-carlos', { category: 'aso', title: 'ASO periódico — Carlos Eduardo Souza', issueDate: '2026-11-17', validUntil: '2027-11-17' }),
      doc('d-s2240-solda', { ...FILIAL, category: 'esocial', title: 'S-2240 — Condições ambientais — Setor de solda', issueDate: '2026-10-30', file: pdf('recibo-s2240-setor-solda.pdf', 52_300), esocial: receipt('S-2240', '1.2.0000000024517920311') }),
      doc('d-s2220-juliana-r', { category: 'esocial', title: 'S-2220 — ASO admissional — Juliana Pereira (retificação)', issueDate: '2026-10-08', file: pdf('recibo-s2220-juliana-pereira-retificacao.pdf', 49_100), esocial: receipt('S-2220', '1.2.0000000024390012474') }),
      doc('d-s2220-juliana', { category: 'esocial', title: 'S-2220 — ASO admissional — Juliana Pereira', issueDate: '2026-10-05', file: pdf('recibo-s2220-juliana-pereira.pdf', 48_700), esocial: receipt('S-2220', '1.2.0000000024371588020', true) }),
      doc('d-aso-juliana', { category: 'aso', title: 'ASO admissional — Juliana Pereira', issueDate: '2026-10-01', validUntil: '2027-10-01' }),
      doc('d-cat-rafael', { ...FILIAL, category: 'cat', title: 'CAT 2026/0001234-5 — Rafael Gomes (acidente típico)', issueDate: '2026-09-22', file: pdf('cat-2026-0001234-5-rafael-gomes.pdf', 236_800) }),
      doc('d-aso-marcos', { ...FILIAL, category: 'aso', title: 'ASO demissional — Marcos Vieira (digitalizado)', issueDate: '2026-09-03', file: { name: 'aso-demissional-marcos-vieira.jpg', type: 'image/jpeg', size: 1_437_200 } }),
      doc('d-aso-bruno', { accountId: 'a2', accountName: 'Bruno Lima', establishmentId: null, establishmentName: null, category: 'aso', title: 'ASO admissional — Bruno Lima', issueDate: '2026-08-12', validUntil: '2027-08-12' }),
      doc('d-s2240-pintura', { ...FILIAL, category: 'esocial', title: 'S-2240 — Condições ambientais — Cabine de pintura', issueDate: '2026-04-15', file: pdf('recibo-s2240-cabine-pintura.pdf', 51_800), esocial: receipt('S-2240', '1.2.0000000021933006458') }),
      doc('d-pcmso-matriz', { category: 'pcmso', title: 'PCMSO 2026 — Matriz', issueDate: '2026-03-02', validUntil: '2027-03-01', file: pdf('pcmso-2026-matriz.pdf', 2_413_900) }),
      doc('d-pcmso-filial', { ...FILIAL, category: 'pcmso', title: 'PCMSO 2026 — Filial Contagem', issueDate: '2026-03-02', validUntil: '2027-03-01', file: pdf('pcmso-2026-filial-contagem.pdf', 2_106_500) }),
      doc('d-pgr-matriz', { category: 'pgr', title: 'PGR 2026 — Inventário de riscos e plano de ação — Matriz', issueDate: '2026-02-10', validUntil: '2028-02-10', file: pdf('pgr-2026-matriz.pdf', 3_248_000) }),
      doc('d-report-2025', { ...HORIZONTE, establishmentId: null, establishmentName: null, category: 'reports', title: 'Relatório analítico anual do PCMSO — 2025', issueDate: '2026-01-28', file: pdf('relatorio-anual-pcmso-2025.pdf', 987_600) }),
      doc('d-aso-fernanda', { category: 'aso', title: 'ASO periódico — Fernanda Alves', issueDate: '2025-10-20', validUntil: '2026-10-20' }),
      doc('d-pcmso-2025', { category: 'pcmso', title: 'PCMSO 2025 — Matriz', issueDate: '2025-03-03', validUntil: '2026-03-02', file: pdf('pcmso-2025-matriz.pdf', 2_298_100) }),
    ],
  };
}

/** `YYYY-MM-DD` moved `months` back, as the server counts "the last N months". */
function monthsBefore(day: string, months: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/**
 * The document calls of the fixture API over `data`, filtering as the server does (eSocial defaults from the tenant's
 * settings when absent). Pages hold 6 documents (or `limit`); the cursor is the index to start at. `today` is the
 * clock "the last N months" count from.
 */
export function memoryDocuments(data: DocumentData = horizonteDocuments(), options: { today?: string } = {}) {
  const today = () => options.today ?? new Date().toISOString().slice(0, 10);
  const label = (key: string, locale = 'pt-BR') => data.categories.find((c) => c.key === key)?.labels[locale as Locale] ?? key;
  const shown = (key: string) => data.categories.some((c) => c.key === key && c.shown);
  const find = (id: string) => {
    const item = data.documents.find((d) => d.id === id && d.file && shown(d.category));
    if (!item) throw new ApiError('not_found', 404, 'No such document');
    return item;
  };
  const matches = (d: DocumentItem, f: DocumentFilters) => {
    const esocial = f.category === ESOCIAL_CATEGORY;
    const rectified = f.rectified ?? data.esocial.includeRectified;
    const since = f.since ?? (data.esocial.sinceMonths ? String(data.esocial.sinceMonths) : 'all');
    return (
      shown(d.category) &&
      Boolean(d.file) &&
      (!f.category || d.category === f.category) &&
      (!f.accountId || d.accountId === f.accountId) &&
      (!f.establishmentId || d.establishmentId === f.establishmentId) &&
      (!f.from || d.issueDate >= f.from) &&
      (!f.to || d.issueDate <= f.to) &&
      (!f.q || d.title.toLocaleLowerCase().includes(f.q.toLocaleLowerCase())) &&
      (!esocial || rectified || !d.esocial?.rectified) &&
      (!esocial || since === 'all' || d.issueDate >= monthsBefore(today(), Number(since)))
    );
  };
  return {
    documentCatalog: async (_token: string, options: { locale?: string }): Promise<DocumentCatalog> => ({
      categories: data.categories.filter((c) => c.shown).map((c) => ({ key: c.key, label: label(c.key, options.locale) })),
      esocial: { ...data.esocial },
    }),
    listDocuments: async (_token: string, filters: DocumentFilters): Promise<Page<DocumentItem>> => {
      const all = data.documents
        .filter((d) => matches(d, filters))
        .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.id.localeCompare(a.id))
        .map((d) => ({ ...structuredClone(d), categoryLabel: label(d.category, filters.locale) }));
      const start = Number(filters.before ?? 0);
      const size = filters.limit ?? 6;
      return { items: all.slice(start, start + size), next: start + size < all.length ? String(start + size) : null };
    },
    documentLink: async (_token: string, id: string): Promise<DocumentLink> => ({
      url: `https://portal.example.com/api/portal/documents/${find(id).id}/download?token=fixture-link`,
      expiresAt: new Date(Date.now() + 300_000).toISOString(),
    }),
    downloadDocument: async (_token: string, id: string) => {
      const { file } = find(id);
      return new File([file!.type === 'application/pdf' ? '%PDF-1.7\n' : 'image'], file!.name, { type: file!.type });
    },
  };
}
