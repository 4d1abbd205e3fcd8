/**
 * Content fixtures for tests and stories (C1–C4): what Clínica Sol publishes — three news items (one unread, one with
 * a cover image), support materials under two topics (an article, a PDF, one with both), two campaigns of its
 * advantage programme (an "I'm interested" and a link) — and a feedback box that records what it is sent.
 * `state` switches every content call to loading (never answers), empty, or an error. Not part of the bundle.
 */
import { ApiError } from './api-client.ts';
import type { Campaign, ContentImage, FeedbackInput, Material, MaterialQuery, NewsArticle, NewsPage } from './content-types.ts';
import type { RichInline, RichText } from './process-types.ts';

/** How the fixture content calls answer. */
export type ContentState = 'ready' | 'loading' | 'empty' | 'error';
export const CONTENT_STATES: ContentState[] = ['ready', 'loading', 'empty', 'error'];

/** Everything the fixture content calls answer from. */
export interface ContentData {
  news: NewsArticle[];
  materials: Material[];
  campaigns: Campaign[];
  /** Every opinion sent, in order. */
  feedback: FeedbackInput[];
}

/** The token the fixture quick-access session (A8) carries: it reads news, never marks them read. */
const QUICK_ACCESS_TOKEN = 'fixture.process.token';

/** A small inline SVG as a cover image: a band of colour with a sun (no network in tests or stories). */
export function fixtureImage(color = '#c2410c'): ContentImage {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180"><rect width="320" height="180" fill="${color}"/><circle cx="250" cy="60" r="32" fill="#fde68a"/></svg>`;
  return { url: `data:image/svg+xml,${encodeURIComponent(svg)}`, type: 'image/svg+xml' };
}

const text = (value: string): RichInline => ({ type: 'text', text: value });
/** Paragraphs of plain text, as the server parses simple Markdown. */
export function paragraphs(...values: string[]): RichText {
  return values.map((value) => ({ type: 'paragraph', children: [text(value)] }));
}

/** A news item as the server answers it. */
export function fixtureNews(overrides: Partial<NewsArticle> = {}): NewsArticle {
  return {
    id: crypto.randomUUID(),
    key: 'news',
    title: 'Novidade',
    summary: 'Um resumo.',
    publishAt: '2026-11-20T12:00:00Z',
    image: null,
    read: true,
    body: paragraphs('O texto da notícia.'),
    ...overrides,
  };
}

/** A support material as the server answers it. */
export function fixtureMaterial(overrides: Partial<Material> = {}): Material {
  return { id: crypto.randomUUID(), key: 'material', topic: 'Primeiros passos', title: 'Material', body: null, file: null, updatedAt: '2026-10-01T12:00:00Z', ...overrides };
}

/** A campaign as the server answers it. */
export function fixtureCampaign(overrides: Partial<Campaign> = {}): Campaign {
  return { id: crypto.randomUUID(), key: 'campaign', title: 'Campanha', description: paragraphs('Uma vantagem.'), validFrom: '2026-11-01', validUntil: null, image: null, action: null, ...overrides };
}

/** Clínica Sol's content, newest first. */
export function clinicaSolContent(): ContentData {
  return {
    news: [
      fixtureNews({
        id: 'news-savassi',
        key: 'unidade-savassi',
        title: 'Nova unidade na Savassi',
        summary: 'A partir de 1º de dezembro, exames ocupacionais também na Savassi, com estacionamento próprio.',
        publishAt: '2026-11-20T12:00:00Z',
        image: fixtureImage(),
        read: false,
        body: [
          { type: 'paragraph', children: [text('A partir de '), { type: 'strong', children: [text('1º de dezembro')] }, text(', a Clínica Sol atende também na Savassi.')] },
          { type: 'heading', level: 3, children: [text('O que muda para você')] },
          { type: 'list', ordered: false, items: [paragraphs('Exames admissionais, periódicos e demissionais'), paragraphs('Coleta laboratorial das 7h às 10h')] },
          { type: 'paragraph', children: [text('Veja o endereço em '), { type: 'link', href: 'https://www.clinicasol.example/unidades', children: [text('nossas unidades')] }, text('.')] },
        ],
      }),
      fixtureNews({
        id: 'news-holidays',
        key: 'horario-fim-de-ano',
        title: 'Horário de fim de ano',
        summary: 'Entre 24 de dezembro e 2 de janeiro, atendimento das 8h às 14h.',
        publishAt: '2026-11-05T13:00:00Z',
        body: paragraphs('Entre 24 de dezembro e 2 de janeiro, atendemos das 8h às 14h. Os resultados de exames continuam no portal.'),
      }),
      fixtureNews({
        id: 'news-portal',
        key: 'novo-portal',
        title: 'Conheça o Portal do Cliente',
        summary: 'Boletos, documentos, agendamentos e solicitações num só lugar.',
        publishAt: '2026-10-01T12:00:00Z',
        body: paragraphs('No Portal do Cliente você encontra boletos, documentos, agendamentos e solicitações, num só lugar.'),
      }),
    ],
    materials: [
      fixtureMaterial({
        id: 'mat-portal',
        key: 'como-usar-o-portal',
        topic: 'Primeiros passos',
        title: 'Como usar o Portal do Cliente',
        body: [
          ...paragraphs('Neste artigo explicamos as funcionalidades do Portal do Cliente.'),
          { type: 'heading', level: 3, children: [text('Acesso rápido')] },
          ...paragraphs('Informe o número do processo enviado por e-mail para consultar um processo sem entrar.'),
        ],
      }),
      fixtureMaterial({
        id: 'mat-pcmso',
        key: 'guia-pcmso',
        topic: 'Saúde ocupacional',
        title: 'Guia do PCMSO 2026',
        file: { name: 'guia-pcmso-2026.pdf', type: 'application/pdf', size: 482_300 },
      }),
      fixtureMaterial({
        id: 'mat-admissional',
        key: 'exame-admissional',
        topic: 'Saúde ocupacional',
        title: 'Exame admissional: como se preparar',
        body: paragraphs('Traga um documento com foto e, para exames de sangue, venha em jejum de 8 horas.'),
        file: { name: 'preparo-exame-admissional.pdf', type: 'application/pdf', size: 96_400 },
      }),
    ],
    campaigns: [
      fixtureCampaign({
        id: 'camp-checkup',
        key: 'check-up-anual',
        title: 'Check-up anual com 20% de desconto',
        description: [{ type: 'paragraph', children: [text('Para os seus colaboradores e familiares, '), { type: 'strong', children: [text('até o fim do ano')] }, text('.')] }],
        validFrom: '2026-11-01',
        validUntil: '2026-12-31',
        image: fixtureImage('#b45309'),
        action: { kind: 'interest', label: 'Tenho interesse', requestId: null },
      }),
      fixtureCampaign({
        id: 'camp-gym',
        key: 'academia-movimento',
        title: 'Parceria com a Academia Movimento',
        description: paragraphs('Clientes da Clínica Sol têm a matrícula grátis na Academia Movimento.'),
        validFrom: '2026-09-01',
        action: { kind: 'link', label: 'Conhecer a parceria', url: 'https://www.academiamovimento.example/clinica-sol' },
      }),
    ],
    feedback: [],
  };
}

/** A call that never answers, as a server still thinking. */
const never = <T>(): Promise<T> => new Promise<T>(() => {});

/**
 * The content calls of the fixture API over `data`. News pages hold 2 items (or `limit`); the cursor is the index to
 * start at. Opening a news item marks it read (not for quick access). `state` switches every call at once.
 */
export function memoryContent(data: ContentData = clinicaSolContent(), options: { state?: ContentState } = {}) {
  const state = options.state ?? 'ready';
  const shown = state === 'empty' ? { ...data, news: [], materials: [], campaigns: [] } : data;
  const answer = async <T>(value: () => T): Promise<T> => {
    if (state === 'loading') return never<T>();
    if (state === 'error') throw new ApiError('internal_error', 500, 'The fixture server failed');
    return structuredClone(value());
  };
  const find = <T extends { id: string }>(items: T[], id: string) => {
    const item = items.find((i) => i.id === id);
    if (!item) throw new ApiError('not_found', 404, 'No such item');
    return item;
  };
  const quick = (token: string) => token === QUICK_ACCESS_TOKEN;
  const summary = ({ body: _body, ...rest }: NewsArticle, token: string) => ({ ...rest, read: quick(token) ? false : rest.read });
  const words = (material: Material) => [material.title, material.topic, JSON.stringify(material.body ?? '')].join(' ').toLocaleLowerCase();
  return {
    listNews: (token: string, options: { before?: string; limit?: number }): Promise<NewsPage> =>
      answer(() => {
        const all = [...shown.news].sort((a, b) => b.publishAt.localeCompare(a.publishAt));
        const start = Number(options.before ?? 0);
        const size = options.limit ?? 2;
        return {
          items: all.slice(start, start + size).map((item) => summary(item, token)),
          next: start + size < all.length ? String(start + size) : null,
          unread: quick(token) ? 0 : all.filter((item) => !item.read).length,
        };
      }),
    getNews: (token: string, id: string): Promise<NewsArticle> =>
      answer(() => {
        const item = find(shown.news, id);
        const article = { ...item, read: quick(token) ? false : item.read };
        if (!quick(token)) item.read = true;
        return article;
      }),
    listMaterials: (_token: string, query: MaterialQuery) =>
      answer(() => ({
        topics: [...new Set(shown.materials.map((m) => m.topic))].sort(),
        items: shown.materials.filter((m) => (!query.topic || m.topic === query.topic) && (!query.q || words(m).includes(query.q.toLocaleLowerCase()))),
      })),
    downloadMaterial: (_token: string, id: string) =>
      answer(() => {
        const { file } = find(shown.materials, id);
        if (!file) throw new ApiError('not_found', 404, 'No such file');
        return { name: file.name, type: file.type };
      }).then(({ name, type }) => new File(['%PDF-1.7\n'], name, { type })),
    listCampaigns: () => answer(() => ({ items: shown.campaigns })),
    campaignInterest: (_token: string, id: string) =>
      answer(() => {
        const campaign = find(shown.campaigns, id);
        if (campaign.action?.kind !== 'interest') throw new ApiError('not_found', 404, 'No such campaign');
        campaign.action.requestId ??= `r-interest-${id}`;
        return { requestId: campaign.action.requestId };
      }),
    sendFeedback: (_token: string, input: FeedbackInput) =>
      answer(() => {
        data.feedback.push(structuredClone(input));
        return { requestId: `r-feedback-${data.feedback.length}` };
      }),
  };
}
