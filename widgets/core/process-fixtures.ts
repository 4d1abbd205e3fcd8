/**
 * Process fixtures for tests and stories: Martins Castro's clients (a law firm in Spain, in Spanish) — Lucía Ortega's
 * Spanish nationality by residence, at phase 4 of 7 with a notice and an unread follow-up, and her son Mateo's
 * residence card renewal, at phase 2 of 5. Not part of the bundle.
 */
import { ApiError } from './api-client.ts';
import type { PhaseView, ProcessDetail, ProcessSummary, RichText } from './process-types.ts';

type Locale = 'pt-BR' | 'es' | 'en';
/** A phase as the business defined it: its name in some locales, its description (in Spanish here). */
interface PhaseTemplate {
  key: string;
  name: Partial<Record<Locale, string>> & { es: string };
  description?: string;
}

/** Everything the fixture process calls answer from: the processes with their phases in every locale. */
export interface ProcessData {
  processes: { detail: ProcessDetail; phases: PhaseTemplate[] }[];
}

const NATIONALITY_PHASES: PhaseTemplate[] = [
  { key: 'documentacion', name: { es: 'Preparación de la documentación', 'pt-BR': 'Preparação da documentação', en: 'Preparing the documents' }, description: 'Reunimos con usted el pasaporte, el certificado de nacimiento, los antecedentes penales y los diplomas DELE A2 y CCSE.' },
  { key: 'presentacion', name: { es: 'Presentación de la solicitud', 'pt-BR': 'Apresentação do pedido', en: 'Application filed' }, description: 'Presentamos la solicitud por vía telemática ante el Ministerio de Justicia y pagamos la tasa.' },
  { key: 'registro', name: { es: 'Registro y asignación del expediente', 'pt-BR': 'Registro e atribuição do processo', en: 'Case registered' }, description: 'El Ministerio registra la solicitud y le asigna un número de expediente.' },
  { key: 'estudio', name: { es: 'En estudio por el Ministerio', 'pt-BR': 'Em análise pelo Ministério', en: 'Under review by the Ministry' }, description: 'El Ministerio examina el expediente y pide informes a la Policía y al CNI. Puede requerir documentos adicionales.' },
  { key: 'resolucion', name: { es: 'Resolución', 'pt-BR': 'Decisão', en: 'Decision' }, description: 'El Ministerio concede o deniega la nacionalidad y lo notifica por la sede electrónica.' },
  { key: 'jura', name: { es: 'Jura o promesa de nacionalidad', 'pt-BR': 'Juramento de nacionalidade', en: 'Oath of nationality' }, description: 'En los 180 días siguientes a la notificación, jura o promete la Constitución ante el Registro Civil.' },
  { key: 'inscripcion', name: { es: 'Inscripción en el Registro Civil', 'pt-BR': 'Inscrição no Registro Civil', en: 'Entry in the Civil Registry' }, description: 'Se inscribe el nacimiento en el Registro Civil español; después puede pedir el DNI y el pasaporte.' },
];

const RENEWAL_PHASES: PhaseTemplate[] = [
  { key: 'cita', name: { es: 'Cita previa' }, description: 'Pedimos cita en la Oficina de Extranjería de Madrid.' },
  { key: 'presentacion', name: { es: 'Presentación en Extranjería' }, description: 'Presentamos la solicitud de renovación con el pasaporte y el justificante de la tasa 790-052.' },
  { key: 'resolucion', name: { es: 'Resolución' }, description: 'Extranjería resuelve en un plazo de tres meses; el silencio es favorable.' },
  { key: 'huellas', name: { es: 'Toma de huellas' }, description: 'Con la resolución favorable, se toman las huellas en la comisaría.' },
  { key: 'recogida', name: { es: 'Recogida de la tarjeta (TIE)' } },
];

const text = (value: string) => ({ type: 'text' as const, text: value });

const FOLLOW_UP: RichText = [
  { type: 'paragraph', children: [text('El Ministerio nos pide un '), { type: 'strong', children: [text('certificado de antecedentes penales')] }, text(' de su país de origen expedido hace menos de seis meses.')] },
  {
    type: 'list',
    ordered: true,
    items: [
      [{ type: 'paragraph', children: [text('Solicítelo en el consulado y pida la '), { type: 'em', children: [text('apostilla de La Haya')] }, text('.')] }],
      [{ type: 'paragraph', children: [text('Envíenos una copia escaneada a '), { type: 'link', href: 'mailto:expedientes@martinscastro.example', children: [text('expedientes@martinscastro.example')] }, text('.')] }],
    ],
  },
  { type: 'paragraph', children: [text('Plazo: '), { type: 'strong', children: [text('10 días hábiles')] }, text('. Más información en la '), { type: 'link', href: 'https://www.mjusticia.gob.es/', children: [text('sede del Ministerio de Justicia')] }, text('.')] },
];

const NOTICE: RichText = [
  { type: 'paragraph', children: [text('Su expediente ya está en estudio. El plazo legal para resolver es de un año desde la presentación; le avisaremos aquí de cualquier novedad.')] },
];

/** Martins Castro's two processes for Lucía Ortega (one for her, one for her son Mateo). */
export function martinsCastroProcesses(): ProcessData {
  return {
    processes: [
      {
        phases: NATIONALITY_PHASES,
        detail: process({
          id: 'p1',
          accountId: 'a1',
          accountName: 'Lucía Ortega',
          title: 'Nacionalidad española por residencia',
          kind: 'Nacionalidad',
          unread: 1,
          updatedAt: '2026-11-24T10:15:00Z',
          quickAccessNumber: '4829103756',
          references: [
            { label: 'N.º de expediente del Ministerio', value: 'R-0118734/2026', secret: false },
            { label: 'Clave de acceso', value: 'MJ7K-Q2PX-84TR', secret: true },
          ],
          phases: phaseViews(NATIONALITY_PHASES, 4, ['2026-02-09T09:00:00Z', '2026-03-02T11:30:00Z', '2026-04-15T08:45:00Z', '2026-07-01T12:00:00Z']),
          history: [
            { phase: 'estudio', phaseName: 'En estudio por el Ministerio', at: '2026-07-01T12:00:00Z', note: 'El Ministerio inicia el estudio del expediente.' },
            { phase: 'registro', phaseName: 'Registro y asignación del expediente', at: '2026-04-15T08:45:00Z', note: null },
            { phase: 'presentacion', phaseName: 'Presentación de la solicitud', at: '2026-03-02T11:30:00Z', note: 'Tasa 790-026 pagada.' },
            { phase: 'documentacion', phaseName: 'Preparación de la documentación', at: '2026-02-09T09:00:00Z', note: null },
          ],
          notices: [
            { id: 'n2', kind: 'follow-up', title: 'Aporte el certificado de antecedentes penales actualizado', body: FOLLOW_UP, publishedAt: '2026-11-24T10:15:00Z', unread: true },
            { id: 'n1', kind: 'notice', title: 'Su expediente está en estudio', body: NOTICE, publishedAt: '2026-07-01T12:05:00Z', unread: false },
          ],
          lastSeenAt: '2026-10-30T18:20:00Z',
          createdAt: '2026-02-09T09:00:00Z',
        }),
      },
      {
        phases: RENEWAL_PHASES,
        detail: process({
          id: 'p2',
          accountId: 'a2',
          accountName: 'Mateo Ortega Silva',
          title: 'Renovación de la tarjeta de residencia',
          kind: 'Extranjería',
          unread: 0,
          updatedAt: '2026-10-12T09:40:00Z',
          quickAccessNumber: '7301586624',
          references: [{ label: 'N.º de expediente de Extranjería', value: '280020260041877', secret: false }],
          phases: phaseViews(RENEWAL_PHASES, 2, ['2026-09-18T10:00:00Z', '2026-10-12T09:40:00Z']),
          history: [
            { phase: 'presentacion', phaseName: 'Presentación en Extranjería', at: '2026-10-12T09:40:00Z', note: 'Solicitud registrada en la Oficina de Extranjería de Madrid.' },
            { phase: 'cita', phaseName: 'Cita previa', at: '2026-09-18T10:00:00Z', note: null },
          ],
          notices: [],
          lastSeenAt: '2026-10-12T17:02:00Z',
          createdAt: '2026-09-18T10:00:00Z',
        }),
      },
    ],
  };
}

/** A process detail, its current phase taken from its phases. */
function process(detail: Omit<ProcessDetail, 'currentPhase' | 'phaseCount'>): ProcessDetail {
  const current = detail.phases.find((phase) => phase.state === 'current');
  return { ...detail, currentPhase: current ? { key: current.key, name: current.name, position: current.position } : null, phaseCount: detail.phases.length };
}

/** The phases (in Spanish), the first `current - 1` done; `enteredAt` for those reached. */
function phaseViews(templates: PhaseTemplate[], current: number, enteredAt: string[]): PhaseView[] {
  return templates.map((phase, index) => ({
    key: phase.key,
    name: phase.name.es,
    description: phase.description ?? null,
    position: index + 1,
    state: index + 1 < current ? 'done' : index + 1 === current ? 'current' : 'upcoming',
    enteredAt: enteredAt[index] ?? null,
  }));
}

/** The summary the list shows of a detail. */
function summaryOf(detail: ProcessDetail): ProcessSummary {
  const { id, accountId, accountName, title, kind, currentPhase, phaseCount, unread, updatedAt } = detail;
  return { id, accountId, accountName, title, kind, currentPhase, phaseCount, unread, updatedAt };
}

/** The token the fixture quick access hands out: it sees only its one process (`p1`), read-only. */
const QUICK_ACCESS_TOKEN = 'fixture.process.token';

/**
 * The process calls of the fixture API over `data`, behaving as the server does: names in the asked locale, a
 * quick-access token sees only `p1`, with nothing unread, and may not mark it seen; `seen` clears the unread marks.
 */
export function memoryProcesses(data: ProcessData = martinsCastroProcesses()) {
  const visible = (token: string) => data.processes.filter((p) => token !== QUICK_ACCESS_TOKEN || p.detail.id === 'p1');
  const find = (token: string, id: string) => {
    const found = visible(token).find((p) => p.detail.id === id);
    if (!found) throw new ApiError('not_found', 404, 'No such process');
    return found;
  };
  /** The process with its phase names in `locale`, falling back to Spanish as the server falls back to the portal's. */
  const localized = ({ detail, phases }: ProcessData['processes'][number], locale = 'es'): ProcessDetail => {
    const name = (key: string, fallback: string) => {
      const phase = phases.find((p) => p.key === key);
      return phase ? (phase.name[locale as Locale] ?? phase.name.es) : fallback;
    };
    return structuredClone(
      process({
        ...detail,
        phases: detail.phases.map((p) => ({ ...p, name: name(p.key, p.name) })),
        history: detail.history.map((h) => ({ ...h, phaseName: name(h.phase, h.phaseName) })),
      }),
    );
  };
  return {
    listProcesses: async (token: string, options: { accountId?: string; locale?: string }) => ({
      items: visible(token)
        .filter((p) => !options.accountId || p.detail.accountId === options.accountId)
        .map((p) => summaryOf(localized(p, options.locale))),
    }),
    getProcess: async (token: string, id: string, options: { locale?: string }) => {
      const detail = localized(find(token, id), options.locale);
      // A quick-access session has no "last visit": nothing is unread for it.
      if (token !== QUICK_ACCESS_TOKEN) return detail;
      return { ...detail, unread: 0, lastSeenAt: null, notices: detail.notices.map((notice) => ({ ...notice, unread: false })) };
    },
    markProcessSeen: async (token: string, id: string) => {
      if (token === QUICK_ACCESS_TOKEN) throw new ApiError('forbidden', 403, 'A quick-access session is read-only');
      const { detail } = find(token, id);
      detail.unread = 0;
      detail.notices.forEach((notice) => (notice.unread = false));
    },
  };
}
