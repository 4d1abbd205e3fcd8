import type { AccountListItem } from '../admin-api.ts';
import { daysFromNow, type DemoTenant } from '../team/fixtures.ts';
import type { ContentCampaign, ContentMaterial, ContentNews } from './content-client.ts';
import { localToday } from './content-rules.ts';

/**
 * Content of the two demo tenants for `<admin-content>`'s tests and stories: news, support materials, campaigns,
 * the clients' opinions and a few accounts to choose an audience from. Dates are relative to now, so "scheduled",
 * "expired" and "running" stay true whenever this runs. {@link ./fixture-api.ts} serves them as the server does.
 */

/** One client's opinion, as the server keeps it. */
export interface FeedbackRow {
  rating: number;
  comment: string | null;
  accountName: string | null;
  createdAt: string;
}
export interface ContentData {
  news: ContentNews[];
  materials: ContentMaterial[];
  campaigns: ContentCampaign[];
  feedback: FeedbackRow[];
  accounts: AccountListItem[];
}

/** A small picture for a fixture item (an inline SVG: no server needed). */
export function fixtureImage(label: string, hue = 200): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="320" height="180" fill="hsl(${hue} 60% 45%)"/><text x="20" y="100" font-family="sans-serif" font-size="28" fill="white">${label}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

const day = (days: number) => localToday(new Date(Date.now() + days * 86_400_000));

function account(id: string, name: string, taxId: string | null, email: string, kind: AccountListItem['kind'] = 'company'): AccountListItem {
  return { id, kind, name, taxId, email, establishments: [], users: 1, pendingChanges: 0 };
}

const CLINICA_SOL_ACCOUNTS = [
  account('d1000000-0000-4000-8000-000000000001', 'Maria Oliveira', '12345678909', 'maria.oliveira@example.com', 'person'),
  account('d1000000-0000-4000-8000-000000000002', 'Construtora Horizonte Ltda', '11222333000181', 'rh@construtorahorizonte.example'),
  account('d1000000-0000-4000-8000-000000000003', 'João Pereira', '98765432100', 'joao.pereira@example.com', 'person'),
  account('d1000000-0000-4000-8000-000000000004', 'Transportes Rápido Sul S.A.', '44555666000172', 'rh@transportesrapidosul.example'),
];
const MARTINS_CASTRO_ACCOUNTS = [
  account('e1000000-0000-4000-8000-000000000001', 'Inversiones Lumen S.L.', 'B12345678', 'admin@lumen.example'),
  account('e1000000-0000-4000-8000-000000000002', 'Carmen Ruiz Ortega', '12345678Z', 'carmen.ruiz@example.com', 'person'),
  account('e1000000-0000-4000-8000-000000000003', 'Talleres Ortega Hermanos S.L.', 'B87654321', 'gerencia@talleresortega.example'),
];

function clinicaSol(): ContentData {
  const [maria, horizonte, , rapido] = CLINICA_SOL_ACCOUNTS;
  return {
    accounts: CLINICA_SOL_ACCOUNTS,
    news: [
      {
        key: 'campanha-vacinacao-gripe-2026',
        title: 'Campanha de vacinação contra a gripe 2026',
        summary: 'Vacinação in company para as empresas clientes a partir de maio.',
        body: 'A campanha deste ano começa em **maio**. Agende a visita da nossa equipe à sua empresa pelo portal.\n\n- Mínimo de 20 colaboradores\n- Comprovante emitido na hora',
        publishAt: daysFromNow(3),
        expiresAt: daysFromNow(60),
        audience: [horizonte!.id, rapido!.id],
        imageUrl: null,
        reads: 0,
      },
      {
        key: 'horario-feriado-tiradentes',
        title: 'Horário especial no feriado de Tiradentes',
        summary: 'No dia 21 de abril a clínica atende das 8h às 12h, só com agendamento.',
        body: 'No feriado de **Tiradentes** atendemos das 8h às 12h, apenas com horário marcado.\n\nExames de urgência: ligue para (11) 4000-1234.',
        publishAt: daysFromNow(-2),
        expiresAt: daysFromNow(5),
        audience: null,
        imageUrl: fixtureImage('Tiradentes', 30),
        reads: 42,
      },
      {
        key: 'novo-endereco-unidade-centro',
        title: 'Novo endereço da unidade Centro',
        summary: 'A unidade Centro mudou para a Rua XV de Novembro, 820.',
        body: 'A partir de março a unidade Centro atende na [Rua XV de Novembro, 820](https://maps.example.com/clinica-sol-centro).',
        publishAt: daysFromNow(-60),
        expiresAt: daysFromNow(-30),
        audience: null,
        imageUrl: null,
        reads: 118,
      },
    ],
    materials: [
      { key: 'guia-aso', topic: 'Exames ocupacionais', title: 'Guia do ASO (atestado de saúde ocupacional)', body: null, position: 1, published: true, file: { name: 'guia-aso-2026.pdf', type: 'application/pdf', size: 845_312 } },
      { key: 'como-agendar-periodicos', topic: 'Exames ocupacionais', title: 'Como agendar exames periódicos', body: 'Pelo portal, em **Agendamentos**, escolha o tipo de exame e o colaborador.', position: 2, published: true, file: null },
      { key: 'segunda-via-boleto', topic: 'Financeiro', title: 'Segunda via de boleto', body: 'Em **Financeiro**, clique em “Segunda via” ao lado da cobrança.', position: 1, published: true, file: null },
      { key: 'tabela-precos-2026', topic: 'Financeiro', title: 'Tabela de preços 2026', body: null, position: 2, published: false, file: { name: 'tabela-precos-2026.pdf', type: 'application/pdf', size: 3_512_000 } },
    ],
    campaigns: [
      {
        key: 'semana-saude-bucal',
        title: 'Semana da saúde bucal',
        description: 'Avaliação odontológica gratuita para os colaboradores das empresas clientes.',
        validFrom: day(10),
        validUntil: day(17),
        audience: null,
        action: { kind: 'link', label: 'Saiba mais', url: 'https://clinicasol.example/saude-bucal' },
        imageUrl: null,
        interested: 0,
      },
      {
        key: 'check-up-executivo-15',
        title: 'Check-up executivo com 15% de desconto',
        description: 'Pacote completo de exames para diretores e gestores, com **15% de desconto** até o fim do trimestre.',
        validFrom: day(-20),
        validUntil: day(40),
        audience: [horizonte!.id],
        action: { kind: 'interest', label: 'Tenho interesse' },
        imageUrl: fixtureImage('Check-up', 150),
        interested: 7,
      },
      {
        key: 'vacinacao-empresas-2025',
        title: 'Vacinação em empresas 2025',
        description: 'A campanha de 2025 foi encerrada. Obrigado a todas as empresas participantes!',
        validFrom: day(-300),
        validUntil: day(-200),
        audience: null,
        action: null,
        imageUrl: null,
        interested: 23,
      },
    ],
    feedback: feedbackRows(
      [5, 5, 4, 5, 3, 4, 5, 5, 4, 2, 5, 4, 5, 1, 4, 5, 5, 4, 3, 5],
      [
        [0, 'Atendimento rápido e muito atencioso. A recepção resolveu tudo pelo portal.', maria!.name],
        [2, 'Os laudos saíram antes do prazo.', horizonte!.name],
        [4, 'Esperei 40 minutos além do horário marcado.', null],
        [9, 'O boleto veio com valor errado duas vezes.', rapido!.name],
        [13, 'Não consegui remarcar pelo telefone.', null],
      ],
    ),
  };
}

function martinsCastro(): ContentData {
  const [lumen, carmen] = MARTINS_CASTRO_ACCOUNTS;
  return {
    accounts: MARTINS_CASTRO_ACCOUNTS,
    news: [
      {
        key: 'cierre-despacho-agosto',
        title: 'Cierre del despacho en agosto',
        summary: 'Del 10 al 24 de agosto atenderemos solo urgencias por correo.',
        body: 'El despacho permanecerá cerrado del **10 al 24 de agosto**. Para urgencias escriba a [urgencias@martinscastro.example](mailto:urgencias@martinscastro.example).',
        publishAt: daysFromNow(7),
        expiresAt: null,
        audience: null,
        imageUrl: null,
        reads: 0,
      },
      {
        key: 'cambios-irpf-2026',
        title: 'Cambios en el IRPF 2026: lo que debe saber',
        summary: 'Resumimos las novedades de la declaración de la renta de este año.',
        body: 'Las principales novedades:\n\n- Nuevos tramos de la escala autonómica\n- Deducción por alquiler de vivienda habitual',
        publishAt: daysFromNow(-5),
        expiresAt: daysFromNow(50),
        audience: [lumen!.id, carmen!.id],
        imageUrl: fixtureImage('IRPF 2026', 260),
        reads: 19,
      },
    ],
    materials: [
      { key: 'documentos-declaracion-renta', topic: 'Documentación', title: 'Lista de documentos para la declaración', body: null, position: 1, published: true, file: { name: 'documentos-renta-2026.pdf', type: 'application/pdf', size: 214_000 } },
      { key: 'consultar-estado-proceso', topic: 'Procesos judiciales', title: 'Cómo consultar el estado de su proceso', body: 'En **Procesos**, cada movimiento aparece con su fecha y una explicación.', position: 1, published: true, file: null },
    ],
    campaigns: [
      {
        key: 'planificacion-sucesoria-gratuita',
        title: 'Primera consulta de planificación sucesoria gratuita',
        description: 'Durante este trimestre, la primera consulta sobre testamentos y herencias no tiene coste.',
        validFrom: day(-10),
        validUntil: null,
        audience: null,
        action: { kind: 'interest', label: 'Me interesa' },
        imageUrl: null,
        interested: 4,
      },
    ],
    feedback: feedbackRows([5, 4, 5, 5, 4, 3, 5], [[1, 'Muy claros con los plazos y los honorarios.', carmen!.name]]),
  };
}

/** Opinions a day apart, newest first; some with a comment `[index, text, account]`. */
function feedbackRows(ratings: number[], comments: [number, string, string | null][]): FeedbackRow[] {
  return ratings.map((rating, index) => {
    const comment = comments.find(([at]) => at === index);
    return { rating, comment: comment?.[1] ?? null, accountName: comment ? comment[2] : null, createdAt: daysFromNow(-index - 0.5) };
  });
}

/** A fresh copy of a tenant's content. */
export function contentData(tenant: DemoTenant = 'clinica-sol'): ContentData {
  return structuredClone(tenant === 'clinica-sol' ? clinicaSol() : martinsCastro());
}
