import { ApiError, type AccountListItem, type AdminApi } from '../admin-api.ts';
import type { Locale } from '../../core/i18n.ts';
import { daysFromNow, type DemoTenant } from '../team/fixtures.ts';
import { demoAccounts } from './account-fixtures.ts';
import type { NewNotice, NewProcess, PhaseView, ProcessDetail, ProcessNotice, ProcessSummary, ProcessTemplate } from './processes-client.ts';
import { pickText } from './section-kit.ts';

/**
 * Processes of the two demo tenants for `<admin-processes>`' tests and stories — Clínica Sol's occupational-health
 * programmes and reports, Martins Castro's nationality and residence cases — and {@link processesRouter}, an
 * in-memory `/api/v1/processes` answering `AdminApi.request` as the server does.
 */

/** A process as the fixture keeps it; summaries and details are drawn from it and its template. */
export interface StoredProcess {
  id: string;
  externalId: string;
  account: AccountListItem;
  title: string;
  kind: string | null;
  template: string;
  phase: string;
  quickAccessNumber: string;
  references: ProcessDetail['references'];
  history: { phase: string; at: string; note: string | null }[];
  notices: ProcessNotice[];
  createdAt: string;
  updatedAt: string;
}
export interface ProcessesData {
  tenantLocale: Locale;
  templates: ProcessTemplate[];
  processes: StoredProcess[];
  accounts: AccountListItem[];
}

const text = (value: string) => [{ type: 'paragraph' as const, children: [{ type: 'text' as const, text: value }] }];
const pid = (tenant: DemoTenant, n: number) => `${tenant === 'clinica-sol' ? 'b1' : 'b2'}000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const notice = (n: number, kind: ProcessNotice['kind'], title: string, body: string, daysAgo: number): ProcessNotice => ({
  id: `c7000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  kind,
  title,
  body: text(body),
  publishedAt: daysFromNow(-daysAgo),
  unread: false,
});

const CLINICA_TEMPLATES: ProcessTemplate[] = [
  {
    key: 'pcmso',
    name: { 'pt-BR': 'Programa de saúde ocupacional (PCMSO)', en: 'Occupational health programme (PCMSO)' },
    phases: [
      { key: 'levantamento', name: { 'pt-BR': 'Levantamento de riscos', en: 'Risk survey' }, description: { 'pt-BR': 'Visitamos os locais de trabalho e lemos o PGR.' } },
      { key: 'exames', name: { 'pt-BR': 'Exames ocupacionais', en: 'Occupational exams' }, description: { 'pt-BR': 'Admissionais, periódicos e de retorno ao trabalho.' } },
      { key: 'relatorio', name: { 'pt-BR': 'Relatório anual', en: 'Annual report' } },
      { key: 'entrega', name: { 'pt-BR': 'Entrega ao cliente', en: 'Handed over' } },
    ],
  },
  {
    key: 'laudo-ergonomico',
    name: { 'pt-BR': 'Laudo ergonômico (AET)', en: 'Ergonomic assessment' },
    phases: [
      { key: 'visita', name: { 'pt-BR': 'Visita técnica', en: 'Site visit' } },
      { key: 'analise', name: { 'pt-BR': 'Análise dos postos', en: 'Workstation analysis' } },
      { key: 'laudo', name: { 'pt-BR': 'Laudo entregue', en: 'Report delivered' } },
    ],
  },
];

const MARTINS_TEMPLATES: ProcessTemplate[] = [
  {
    key: 'nacionalidad',
    name: { es: 'Nacionalidad por residencia', en: 'Nationality by residence' },
    phases: [
      { key: 'documentacion', name: { es: 'Preparación de la documentación', en: 'Preparing the documents' } },
      { key: 'presentacion', name: { es: 'Presentación de la solicitud', en: 'Application filed' } },
      { key: 'estudio', name: { es: 'En estudio por el Ministerio', en: 'Under review by the Ministry' } },
      { key: 'resolucion', name: { es: 'Resolución', en: 'Decision' } },
      { key: 'jura', name: { es: 'Jura de nacionalidad', en: 'Oath of nationality' } },
    ],
  },
  {
    key: 'renovacion-tie',
    name: { es: 'Renovación de la tarjeta de residencia', en: 'Residence card renewal' },
    phases: [
      { key: 'cita', name: { es: 'Cita previa', en: 'Appointment booked' } },
      { key: 'presentacion', name: { es: 'Presentación en Extranjería', en: 'Filed at the immigration office' } },
      { key: 'recogida', name: { es: 'Recogida de la tarjeta', en: 'Card collected' } },
    ],
  },
];

function clinicaSol(accounts: AccountListItem[]): StoredProcess[] {
  const [horizonte, padaria] = accounts;
  return [
    {
      id: pid('clinica-sol', 1),
      externalId: 'PCMSO-2026-014',
      account: horizonte!,
      title: 'PCMSO 2026 — Construtora Horizonte',
      kind: 'PCMSO',
      template: 'pcmso',
      phase: 'exames',
      quickAccessNumber: '5120934871',
      references: [
        { label: 'Contrato', value: 'CT-2026/031', secret: false },
        { label: 'Senha do eSocial', value: 'HZ-77Q1-K2', secret: true },
      ],
      history: [
        { phase: 'exames', at: daysFromNow(-12), note: 'Exames periódicos agendados para 48 funcionários.' },
        { phase: 'levantamento', at: daysFromNow(-40), note: null },
      ],
      notices: [
        notice(1, 'follow-up', 'Envie a lista de funcionários admitidos', 'Precisamos da lista atualizada de admitidos em março para agendar os exames admissionais.', 3),
        notice(2, 'notice', 'Levantamento de riscos concluído', 'O levantamento foi concluído na Matriz e na Obra Nova Lima.', 12),
      ],
      createdAt: daysFromNow(-40),
      updatedAt: daysFromNow(-3),
    },
    {
      id: pid('clinica-sol', 2),
      externalId: 'AET-2026-002',
      account: padaria!,
      title: 'Laudo ergonômico — Padaria Pão Dourado',
      kind: null,
      template: 'laudo-ergonomico',
      phase: 'visita',
      quickAccessNumber: '7730192846',
      references: [],
      history: [{ phase: 'visita', at: daysFromNow(-5), note: null }],
      notices: [],
      createdAt: daysFromNow(-5),
      updatedAt: daysFromNow(-5),
    },
  ];
}

function martinsCastro(accounts: AccountListItem[]): StoredProcess[] {
  const [lucia, , carmen] = accounts;
  return [
    {
      id: pid('martins-castro', 1),
      externalId: 'EXP-2026-0118',
      account: lucia!,
      title: 'Nacionalidad española por residencia',
      kind: 'Nacionalidad',
      template: 'nacionalidad',
      phase: 'estudio',
      quickAccessNumber: '4829103756',
      references: [
        { label: 'N.º de expediente del Ministerio', value: 'R-0118734/2026', secret: false },
        { label: 'Clave de acceso', value: 'MJ7K-Q2PX-84TR', secret: true },
      ],
      history: [
        { phase: 'estudio', at: daysFromNow(-20), note: 'El Ministerio inicia el estudio del expediente.' },
        { phase: 'presentacion', at: daysFromNow(-90), note: null },
        { phase: 'documentacion', at: daysFromNow(-120), note: null },
      ],
      notices: [notice(11, 'follow-up', 'Certificado de antecedentes penales', 'El Ministerio pide un certificado de antecedentes penales de su país de origen, apostillado.', 2)],
      createdAt: daysFromNow(-120),
      updatedAt: daysFromNow(-2),
    },
    {
      id: pid('martins-castro', 2),
      externalId: 'EXP-2026-0131',
      account: carmen!,
      title: 'Renovación de la TIE',
      kind: 'Extranjería',
      template: 'renovacion-tie',
      phase: 'cita',
      quickAccessNumber: '9034417720',
      references: [],
      history: [{ phase: 'cita', at: daysFromNow(-8), note: null }],
      notices: [],
      createdAt: daysFromNow(-8),
      updatedAt: daysFromNow(-8),
    },
  ];
}

/** The demo tenant's templates, processes and accounts (fresh copies, so a test may change them). */
export function processesData(tenant: DemoTenant = 'clinica-sol'): ProcessesData {
  const accounts = demoAccounts(tenant);
  return tenant === 'clinica-sol'
    ? { tenantLocale: 'pt-BR', templates: structuredClone(CLINICA_TEMPLATES), processes: clinicaSol(accounts), accounts }
    : { tenantLocale: 'es', templates: structuredClone(MARTINS_TEMPLATES), processes: martinsCastro(accounts), accounts };
}

function phasesOf(data: ProcessesData, stored: StoredProcess) {
  return data.templates.find((template) => template.key === stored.template)?.phases ?? [];
}

function summaryOf(data: ProcessesData, stored: StoredProcess): ProcessSummary {
  const phases = phasesOf(data, stored);
  const index = phases.findIndex((phase) => phase.key === stored.phase);
  const name = (value: ProcessTemplate['name']) => pickText(value, data.tenantLocale)!;
  return {
    id: stored.id,
    accountId: stored.account.id,
    accountName: stored.account.name,
    title: stored.title,
    kind: stored.kind,
    currentPhase: index < 0 ? null : { key: stored.phase, name: name(phases[index]!.name), position: index + 1 },
    phaseCount: phases.length,
    unread: 0,
    updatedAt: stored.updatedAt,
  };
}

/** A process as `GET /api/v1/processes/{id}` answers it (names in the tenant's language, as the server does). */
export function detailOf(data: ProcessesData, stored: StoredProcess): ProcessDetail {
  const phases = phasesOf(data, stored);
  const current = phases.findIndex((phase) => phase.key === stored.phase);
  const name = (key: string) => pickText(phases.find((phase) => phase.key === key)?.name, data.tenantLocale) ?? key;
  return {
    ...summaryOf(data, stored),
    quickAccessNumber: stored.quickAccessNumber,
    references: structuredClone(stored.references),
    phases: phases.map(
      (phase, index): PhaseView => ({
        key: phase.key,
        name: name(phase.key),
        description: pickText(phase.description, data.tenantLocale) ?? null,
        position: index + 1,
        state: index < current ? 'done' : index === current ? 'current' : 'upcoming',
        enteredAt: stored.history.find((change) => change.phase === phase.key)?.at ?? null,
      }),
    ),
    history: stored.history.map((change) => ({ ...change, phaseName: name(change.phase) })),
    notices: structuredClone(stored.notices),
    lastSeenAt: null,
    createdAt: stored.createdAt,
  };
}

const invalid = (path: string, message: string) => new ApiError('invalid_input', 400, 'invalid', undefined, [{ path, message }]);

/** `AdminApi.request` over `data`: list (with `accountId` / `externalId`), one, templates, upsert, phase, notices. */
export function processesRouter(data: ProcessesData, now: () => Date = () => new Date()): AdminApi['request'] {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const url = new URL(path, 'http://portico.test');
    const [, , , resource, id, action] = url.pathname.split('/');
    if (resource !== 'processes') throw new ApiError('not_found', 404, `No fixture for ${path}`);
    if (method === 'GET' && id === 'templates') return { items: structuredClone(data.templates) } as T;
    if (method === 'GET' && !id) {
      const accountId = url.searchParams.get('accountId');
      const externalId = url.searchParams.get('externalId');
      const items = [...data.processes]
        .filter((stored) => (!accountId || stored.account.id === accountId) && (!externalId || stored.externalId === externalId))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
        .map((stored) => summaryOf(data, stored));
      return { items } as T;
    }
    if (method === 'PUT' && !id) return { results: (body as { items: NewProcess[] }).items.map((item) => upsert(data, item, now())) } as T;
    const stored = data.processes.find((item) => item.id === id);
    if (!stored) throw new ApiError('not_found', 404, 'No such process');
    const at = now().toISOString();
    if (method === 'GET' && !action) return detailOf(data, stored) as T;
    if (method === 'POST' && action === 'phase') {
      const { phase, note } = body as { phase: string; note?: string };
      if (!phasesOf(data, stored).some((candidate) => candidate.key === phase)) throw invalid('phase', 'is not a phase of the process’s template');
      Object.assign(stored, { phase, updatedAt: at });
      stored.history.unshift({ phase, at, note: note ?? null });
      return detailOf(data, stored) as T;
    }
    if (method === 'POST' && action === 'notices') {
      const input = body as NewNotice;
      const created: ProcessNotice = { id: crypto.randomUUID(), kind: input.kind, title: input.title, body: text(input.body), publishedAt: at, unread: false };
      stored.notices.unshift(created);
      stored.updatedAt = at;
      return structuredClone(created) as T;
    }
    throw new ApiError('not_found', 404, `No fixture for ${method} ${path}`);
  };
}

function upsert(data: ProcessesData, item: NewProcess, now: Date) {
  const account = data.accounts.find((candidate) => candidate.id === item.accountId);
  if (!account) throw invalid('items.0.accountId', 'is not an account of this portal');
  const phases = data.templates.find((template) => template.key === item.template)?.phases;
  if (!phases) throw invalid('items.0.template', 'is not a phase template of this portal');
  const existing = data.processes.find((stored) => stored.externalId === item.externalId);
  const at = now.toISOString();
  if (existing) {
    Object.assign(existing, { account, title: item.title, kind: item.kind ?? null, template: item.template, references: item.references, updatedAt: at });
    return { externalId: item.externalId, id: existing.id, result: 'updated' as const };
  }
  const id = crypto.randomUUID();
  const phase = item.phase ?? phases[0]!.key;
  const quickAccess = { number: '6120457789', accessKey: 'QK4T-7MZP-2WXR' };
  data.processes.push({
    id,
    externalId: item.externalId,
    account,
    title: item.title,
    kind: item.kind ?? null,
    template: item.template,
    phase,
    quickAccessNumber: quickAccess.number,
    references: item.references,
    history: [{ phase, at, note: null }],
    notices: [],
    createdAt: at,
    updatedAt: at,
  });
  return { externalId: item.externalId, id, result: 'created' as const, quickAccess };
}
