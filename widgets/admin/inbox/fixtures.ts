import { ApiError, type AdminApi } from '../admin-api.ts';
import { daysFromNow, type DemoTenant } from '../team/fixtures.ts';
import { keepMatching, REQUEST_CATEGORIES, type CategorySetting, type InboxFilters, type RequestDetail, type RequestStatus, type RequestSummary } from './inbox-client.ts';

/**
 * Requests of the two demo tenants for `<admin-inbox>`'s tests and stories, and {@link inboxRouter}, an in-memory
 * `/api/v1/requests` answering `AdminApi.request` as the server does (filters, pages of `limit`, replies, status,
 * assignment).
 */

type Thread = { description: string; messages: [RequestDetail['messages'][number]['author'], string | null, string, number][]; attachments?: RequestDetail['attachments'] };

const ACCOUNTS = {
  maria: { id: 'd1000000-0000-4000-8000-000000000001', name: 'Maria Oliveira' },
  horizonte: { id: 'd1000000-0000-4000-8000-000000000002', name: 'Construtora Horizonte Ltda' },
  joao: { id: 'd1000000-0000-4000-8000-000000000003', name: 'João Pereira' },
  lumen: { id: 'e1000000-0000-4000-8000-000000000001', name: 'Inversiones Lumen S.L.' },
  carmen: { id: 'e1000000-0000-4000-8000-000000000002', name: 'Carmen Ruiz Ortega' },
} as const;

function summary(
  n: number,
  tenant: DemoTenant,
  account: { id: string; name: string },
  category: RequestSummary['category'],
  subject: string,
  status: RequestStatus,
  assignee: string | null,
  createdDaysAgo: number,
  updatedDaysAgo: number,
): RequestSummary {
  return {
    id: `${tenant === 'clinica-sol' ? 'f1' : 'f2'}000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    accountId: account.id,
    accountName: account.name,
    establishmentId: null,
    category,
    subject,
    status,
    about: null,
    assignee,
    createdAt: daysFromNow(-createdDaysAgo),
    updatedAt: daysFromNow(-updatedDaysAgo),
    closedAt: status === 'closed' ? daysFromNow(-updatedDaysAgo) : null,
  };
}

const CLINICA_SOL: [RequestSummary, Thread][] = [
  [
    summary(1, 'clinica-sol', ACCOUNTS.maria, 'profile-change', 'Alteração de dados cadastrais', 'open', null, 0.05, 0.05),
    { description: 'O cliente pediu para alterar:\n• Nome: Maria Oliveira → Maria Oliveira Santos', messages: [] },
  ],
  [
    summary(2, 'clinica-sol', ACCOUNTS.horizonte, 'financial', 'Boleto de março com valor diferente do contrato', 'in-progress', 'Carla Mendes', 1, 0.5),
    {
      description: 'Boa tarde! O boleto de março veio com R$ 1.980,00, mas o contrato prevê R$ 1.780,00 por mês para os exames ocupacionais. Podem verificar?',
      messages: [['staff', 'Carla Mendes', 'Olá! Estamos conferindo com o financeiro e retornamos até amanhã.', 0.5]],
      attachments: [
        { id: 'a9000000-0000-4000-8000-000000000001', name: 'boleto-marco-2026.pdf', type: 'application/pdf', size: 182_400, createdAt: daysFromNow(-1) },
        { id: 'a9000000-0000-4000-8000-000000000002', name: 'contrato-aditivo.jpg', type: 'image/jpeg', size: 1_240_000, createdAt: daysFromNow(-1) },
      ],
    },
  ],
  [
    summary(3, 'clinica-sol', ACCOUNTS.joao, 'appointment', 'Remarcar consulta de retorno', 'answered', 'Ana Ribeiro', 2, 1.5),
    {
      description: 'Preciso remarcar meu retorno com a Dra. Paula do dia 14 para a semana seguinte, se possível pela manhã.',
      messages: [['staff', 'Ana Ribeiro', 'Olá, João! Remarcamos para terça, dia 21, às 9h. Até lá!', 1.5]],
    },
  ],
  [
    summary(4, 'clinica-sol', ACCOUNTS.maria, 'review', 'Revisão do laudo do exame admissional', 'closed', 'Bruno Costa', 9, 6),
    {
      description: 'O laudo saiu com a data de nascimento errada (1989 em vez de 1988).',
      messages: [
        ['staff', 'Bruno Costa', 'Corrigimos o laudo; a nova versão já está em Documentos.', 7],
        ['client', null, 'Obrigada, está certo agora.', 6],
      ],
    },
  ],
  [
    summary(5, 'clinica-sol', ACCOUNTS.horizonte, 'general', 'Exames periódicos de 12 funcionários', 'open', null, 12, 12),
    { description: 'Gostaríamos de agendar os exames periódicos de 12 funcionários da obra de Campinas em abril.', messages: [] },
  ],
  [
    summary(6, 'clinica-sol', ACCOUNTS.joao, 'feedback', 'Atendimento excelente na recepção', 'closed', null, 20, 19),
    { description: 'Só queria elogiar a equipe da recepção, fui muito bem atendido.', messages: [['staff', 'Carla Mendes', 'Muito obrigada, João! Vamos repassar à equipe.', 19]] },
  ],
];

const MARTINS_CASTRO: [RequestSummary, Thread][] = [
  [
    summary(1, 'martins-castro', ACCOUNTS.lumen, 'review', 'Revisión del contrato de arrendamiento', 'open', 'Lucía Fernández', 0.2, 0.2),
    {
      description: 'Adjuntamos el borrador del contrato de arrendamiento del local de Valencia para su revisión antes del día 30.',
      messages: [],
      attachments: [{ id: 'b9000000-0000-4000-8000-000000000001', name: 'borrador-arrendamiento.docx', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', size: 86_000, createdAt: daysFromNow(-0.2) }],
    },
  ],
  [
    summary(2, 'martins-castro', ACCOUNTS.carmen, 'financial', 'Factura duplicada de honorarios', 'answered', 'Helena Martins', 3, 2),
    {
      description: 'He recibido dos veces la factura 2026-041. ¿Debo pagar las dos?',
      messages: [['staff', 'Helena Martins', 'Buenos días, Carmen. Es un duplicado: solo debe abonar una. Ya hemos anulado la otra.', 2]],
    },
  ],
];

const TENANT_REQUESTS: Record<DemoTenant, [RequestSummary, Thread][]> = { 'clinica-sol': CLINICA_SOL, 'martins-castro': MARTINS_CASTRO };

/** A tenant's requests, newest first (as the list answers them). */
export function fixtureRequests(tenant: DemoTenant = 'clinica-sol'): RequestSummary[] {
  return TENANT_REQUESTS[tenant].map(([item]) => ({ ...item }));
}

/** One request with its conversation and attachments; `overrides` change it (e.g. a message to test with). */
export function fixtureRequestDetail(index = 1, tenant: DemoTenant = 'clinica-sol', overrides: Partial<RequestDetail> = {}): RequestDetail {
  const [item, thread] = TENANT_REQUESTS[tenant][index]!;
  return {
    ...item,
    description: thread.description,
    messages: thread.messages.map(([author, authorName, body, daysAgo], n) => ({ id: `${item.id.slice(0, 24)}${String(900 + n).padStart(12, '0')}`, author, authorName, body, createdAt: daysFromNow(-daysAgo) })),
    attachments: thread.attachments ?? [],
    ...overrides,
  };
}

/** The tenant's categories: Clínica Sol names "general" its own way and has feedback switched off. */
export function fixtureCategories(tenant: DemoTenant = 'clinica-sol'): CategorySetting[] {
  return REQUEST_CATEGORIES.map((key) => ({
    key,
    enabled: !(tenant === 'clinica-sol' && key === 'feedback'),
    labels: tenant === 'clinica-sol' && key === 'general' ? { 'pt-BR': 'Dúvidas e pedidos', en: 'Questions and requests', es: 'Dudas y pedidos' } : {},
  }));
}

/** What the in-memory inbox holds; tests and stories change it to set a scene. */
export interface InboxData {
  details: RequestDetail[];
  categories: CategorySetting[];
  /** Items per page (the server's `limit`). */
  pageSize: number;
}

export function inboxData(tenant: DemoTenant = 'clinica-sol'): InboxData {
  return { details: TENANT_REQUESTS[tenant].map((_, index) => fixtureRequestDetail(index, tenant)), categories: fixtureCategories(tenant), pageSize: 20 };
}

/** `AdminApi.request` over {@link InboxData}, as `/api/v1/requests` answers: unknown paths are a 404. */
export function inboxRouter(data: InboxData, now: () => Date = () => new Date()): AdminApi['request'] {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const url = new URL(path, 'http://portico.test');
    const [, , , resource, id, action] = url.pathname.split('/');
    if (resource !== 'requests') throw new ApiError('not_found', 404, `No fixture for ${path}`);
    if (method === 'GET' && id === 'categories') return data.categories as T;
    if (method === 'GET' && !id) return listPage(data, url.searchParams) as T;
    const detail = data.details.find((item) => item.id === id);
    if (!detail) throw new ApiError('not_found', 404, 'No such request');
    const at = now().toISOString();
    const input = (body ?? {}) as { body?: string; authorName?: string; status?: RequestStatus; assignee?: string | null };
    if (method === 'GET' && !action) return structuredClone(detail) as T;
    if (method === 'POST' && action === 'replies') {
      detail.messages.push({ id: crypto.randomUUID(), author: 'integration', authorName: input.authorName ?? null, body: input.body ?? '', createdAt: at });
      Object.assign(detail, { status: 'answered', updatedAt: at, closedAt: null });
      return { status: 'answered' } as T;
    }
    if (method === 'POST' && action === 'status') {
      Object.assign(detail, { status: input.status, updatedAt: at, closedAt: input.status === 'closed' ? at : null });
      return { status: input.status } as T;
    }
    if (method === 'POST' && action === 'assignee') {
      Object.assign(detail, { assignee: input.assignee ?? null, updatedAt: at });
      return { assignee: input.assignee ?? null } as T;
    }
    throw new ApiError('not_found', 404, `No fixture for ${method} ${path}`);
  };
}

function listPage(data: InboxData, query: URLSearchParams) {
  const filters: InboxFilters = {
    status: (query.get('status') as RequestStatus | null) ?? undefined,
    category: (query.get('category') as RequestSummary['category'] | null) ?? undefined,
    assignee: query.get('unassigned') === 'true' ? 'unassigned' : 'anyone',
  };
  const assignee = query.get('assignee');
  const matching = keepMatching(
    data.details.filter((item) => (!filters.status || item.status === filters.status) && (!filters.category || item.category === filters.category) && (!assignee || item.assignee === assignee)),
    filters,
  );
  const start = Number(query.get('before') ?? 0);
  const page = matching.slice(start, start + data.pageSize);
  // The cursor is the offset of the next page, which is all this router needs.
  const next = start + data.pageSize < matching.length ? String(start + data.pageSize) : null;
  const items = page.map(({ description: _d, messages: _m, attachments: _a, ...item }) => item);
  return { items, next };
}
