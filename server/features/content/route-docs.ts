import type { z } from 'zod';
import { markdownToRichText } from '../../content/markdown.ts';
import { describe } from '../../openapi/meta.ts';
import type { campaignInput, Campaign, ContentCampaign, ContentMaterial, ContentNews, FeedbackSummary, Material, materialInput, NewsArticle, NewsSummary, newsInput } from './schemas.ts';

const accountId = '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d';
const imageToken = 'q3Zk8Vb1Lx0Rt6Yw2Hn9Ce4Pm7Da5Gs';
const requestId = '2e7c9a41-6b3d-4f58-9a0e-1c2d3e4f5a6b';

const newsBody = 'A partir de **dezembro** atendemos aos sábados, das 7h às 11h, para exames admissionais e periódicos.\n\nAgende pelo portal, em *Agendamentos*.';
const newsRequest: z.output<typeof newsInput> = {
  title: 'Novo horário aos sábados',
  summary: 'A partir de dezembro, exames também aos sábados das 7h às 11h.',
  body: newsBody,
  publishAt: '2026-11-24T09:00:00-03:00',
  expiresAt: '2027-01-31T23:59:00-03:00',
  audience: null,
};
const newsSaved = { key: 'novo-horario', ...newsRequest };
const contentNews: ContentNews = { ...newsSaved, publishAt: '2026-11-24T12:00:00.000Z', expiresAt: '2027-02-01T02:59:00.000Z', imageUrl: `/api/content-images/clinica-sol/${imageToken}`, reads: 37 };

const materialBody = '1. Abra **Agendamentos**.\n2. Escolha o exame e o dia.\n3. Confirme o horário.\n\nA guia de autorização fica disponível logo em seguida.';
const materialRequest: z.output<typeof materialInput> = { topic: 'Agendamentos', title: 'Como agendar um exame', body: materialBody, position: 1, published: true };
const materialSaved = { key: 'como-agendar', ...materialRequest };
const materialFile = { name: 'Tabela de preços 2026.pdf', type: 'application/pdf', size: 184_322 };
const contentMaterials: ContentMaterial[] = [
  { ...materialSaved, file: null },
  { key: 'tabela-precos', topic: 'Financeiro', title: 'Tabela de preços 2026', body: null, position: 0, published: true, file: materialFile },
];

const campaignDescription = 'Exames laboratoriais e consulta para **dependentes** dos colaboradores das empresas conveniadas.';
const campaignRequest: z.output<typeof campaignInput> = {
  title: 'Check-up para dependentes com 20% de desconto',
  description: campaignDescription,
  validFrom: '2026-11-01',
  validUntil: '2026-12-31',
  audience: [accountId],
  action: { kind: 'interest', label: 'Tenho interesse' },
};
const campaignSaved = { key: 'check-up-dependentes', ...campaignRequest };
const contentCampaign: ContentCampaign = { ...campaignSaved, imageUrl: `/api/content-images/clinica-sol/${imageToken}`, interested: 4 };

const feedbackSummary: FeedbackSummary = {
  count: 23,
  average: 4.48,
  distribution: [0, 1, 2, 5, 15],
  comments: [
    { rating: 5, comment: 'Atendimento rápido e a guia chegou na hora.', accountName: 'Metalúrgica Horizonte Ltda.', createdAt: '2026-11-23T16:41:09.000Z' },
    { rating: 2, comment: 'A fila da audiometria demorou mais de uma hora.', accountName: 'Transportes Serra Azul', createdAt: '2026-11-19T11:02:47.000Z' },
  ],
};

const newsSummary: NewsSummary = {
  id: '8a1f4c2e-3b5d-4e6f-9a7b-0c1d2e3f4a5b',
  key: 'novo-horario',
  title: newsRequest.title,
  summary: newsRequest.summary,
  publishAt: '2026-11-24T12:00:00.000Z',
  image: { url: `/api/content-images/clinica-sol/${imageToken}`, type: 'image/jpeg' },
  read: false,
};
const newsArticle: NewsArticle = { ...newsSummary, read: true, body: markdownToRichText(newsBody) };

const material: Material = {
  id: '4c3b2a19-0f8e-4d7c-b6a5-948372615041',
  key: 'como-agendar',
  topic: 'Agendamentos',
  title: 'Como agendar um exame',
  body: markdownToRichText(materialBody),
  file: null,
  updatedAt: '2026-11-02T14:20:00.000Z',
};

const campaign: Campaign = {
  id: '9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a',
  key: 'check-up-dependentes',
  title: campaignRequest.title,
  description: markdownToRichText(campaignDescription),
  validFrom: '2026-11-01',
  validUntil: '2026-12-31',
  image: { url: `/api/content-images/clinica-sol/${imageToken}`, type: 'image/jpeg' },
  action: { kind: 'interest', label: 'Tenho interesse', requestId: null },
};

const imageBody = { contentTypes: ['image/png', 'image/jpeg', 'image/webp'], description: 'The image itself as the request body, at most 2 MB; its type is read from its first bytes, not from `Content-Type`.' };
const imageAnswer = { 200: { description: 'The address the portal loads the image from', example: { url: `/api/content-images/clinica-sol/${imageToken}` } } };
const markdownNote = 'Markdown (no HTML; links https: and mailto: only) is checked now: text that cannot be read is a 400 here, not a broken page later.';
const audienceNote = '`audience` null: every client sees it; a list of account ids: only those accounts’ users (an id that is not an account of the portal is a 400).';

/** The words and examples of `/api/v1/content` (the business publishes) and of the portal's content routes (clients read). */
export const contentRouteDocs = {
  listNews: describe({
    summary: 'List the news items published (newest first)',
    description: 'At most 500, scheduled and expired ones included, each with how many portal users opened it.',
    responses: { 200: { description: 'The news items', example: { items: [contentNews] } } },
  }),
  listMaterials: describe({
    summary: 'List the support materials (by topic and position)',
    description: 'At most 500, unpublished ones included.',
    responses: { 200: { description: 'The materials', example: { items: contentMaterials } } },
  }),
  listCampaigns: describe({
    summary: 'List the campaigns (newest start first)',
    description: 'At most 500, past and future ones included, each with how many accounts said “I’m interested”.',
    responses: { 200: { description: 'The campaigns', example: { items: [contentCampaign] } } },
  }),
  putNews: describe({
    summary: 'Create or replace a news item by your key',
    description: `Upsert by \`key\`: the first call creates the item, later ones replace its text, dates and audience (its image and read counts stay). It shows in the portal from \`publishAt\` until \`expiresAt\`. ${audienceNote} ${markdownNote} No e-mail is sent.`,
    responses: { 200: { description: 'The item as saved', example: newsSaved } },
    requestExample: newsRequest,
  }),
  putNewsImage: describe({
    summary: 'Give a news item its image',
    description: 'Replaces the item’s image; the image gets a new address each time (the old address keeps working for pages already open).',
    rawBody: imageBody,
    responses: imageAnswer,
    problems: ['unsupported_media_type'],
  }),
  removeNews: describe({ summary: 'Delete a news item', description: 'It disappears from the portal at once, with its read records.', responses: { 204: { description: 'Deleted' } } }),
  putMaterial: describe({
    summary: 'Create or replace a support material by your key',
    description: `Upsert by \`key\`: an article (\`body\`, Markdown) and/or a file sent afterwards with \`PUT …/file\`, under a \`topic\`; \`published: false\` hides it from clients. A later call replaces the text and keeps the file. ${markdownNote}`,
    responses: { 200: { description: 'The material as saved', example: materialSaved } },
    requestExample: materialRequest,
  }),
  putMaterialFile: describe({
    summary: 'Attach the file of a support material',
    description: 'Create the material first. The file is streamed to storage (at most 50 MB) and replaces the previous one; `name` is the file name clients see (the extension follows the real type).',
    rawBody: { contentTypes: ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'], description: 'The file itself as the request body (PDF or PNG, JPEG, WebP image, recognised by its first bytes), at most 50 MB.' },
    responses: { 200: { description: 'The file as stored', example: materialFile } },
    problems: ['unsupported_media_type'],
  }),
  removeMaterial: describe({ summary: 'Delete a support material and its file', responses: { 204: { description: 'Deleted' } } }),
  putCampaign: describe({
    summary: 'Create or replace a campaign by your key',
    description: `Upsert by \`key\`: a campaign of the advantage programme, shown from \`validFrom\` to \`validUntil\` (dates, inclusive). Its call to action opens a request in your inbox (\`interest\`) or a link (\`link\`, https: or mailto:). ${audienceNote} ${markdownNote}`,
    responses: { 200: { description: 'The campaign as saved', example: campaignSaved } },
    requestExample: campaignRequest,
  }),
  putCampaignImage: describe({
    summary: 'Give a campaign its image',
    description: 'Replaces the campaign’s image; the image gets a new address each time.',
    rawBody: imageBody,
    responses: imageAnswer,
    problems: ['unsupported_media_type'],
  }),
  removeCampaign: describe({
    summary: 'Delete a campaign',
    description: 'The requests clients opened with “I’m interested” stay in the inbox.',
    responses: { 204: { description: 'Deleted' } },
  }),
  feedbackSummary: describe({
    summary: 'Summarise the clients’ opinions',
    description: 'Every opinion given in the portal between `from` and `to` (dates, inclusive; default: all): their count, average, how many gave each rating, and the latest 200 comments. Each opinion is also a request of category `feedback` in the inbox.',
    responses: { 200: { description: 'The summary', example: feedbackSummary } },
  }),

  portalNews: describe({
    summary: 'List the news the client may see, newest first',
    description: 'Published, not expired, for every client or for one of the client’s accounts. Quick-access sessions see them too (`read` is always false for them).',
    responses: { 200: { description: 'A page of news, the cursor of the next (`before`), and how many are unread', example: { items: [newsSummary], next: null, unread: 1 } } },
  }),
  portalNewsItem: describe({
    summary: 'Read one news item (marks it read)',
    responses: { 200: { description: 'The item with its text as rich text', example: newsArticle } },
  }),
  portalMaterials: describe({
    summary: 'List the support materials, optionally by topic or words',
    responses: { 200: { description: 'Every topic with published materials, and the materials that match', example: { topics: ['Agendamentos', 'Financeiro'], items: [material] } } },
  }),
  portalMaterialFile: describe({
    summary: 'Download the file of a support material',
    responses: { 200: { description: 'The file, as an attachment (PDF or image)', contentType: 'application/pdf' } },
  }),
  portalCampaigns: describe({
    summary: 'List the campaigns running today for the client',
    description: 'For an `interest` action, `requestId` is the request the account already opened (then the widget shows it instead of the button).',
    responses: { 200: { description: 'The campaigns', example: { items: [campaign] } } },
  }),
  portalInterest: describe({
    summary: 'Say “I’m interested” in a campaign',
    description: 'Opens a request (category `general`) in the business’s inbox, once per account: saying it again answers the same request.',
    responses: { 201: { description: 'The request that carries the interest', example: { requestId } } },
  }),
  portalFeedback: describe({
    summary: 'Give the business an opinion (1 to 5, with an optional comment)',
    description: 'Opens a request of category `feedback` in the business’s inbox and counts in its feedback summary. Quick-access sessions may give one too.',
    responses: { 201: { description: 'The request that carries the opinion', example: { requestId } } },
    problems: ['not_found'],
    requestExample: { rating: 5, comment: 'Atendimento rápido e a guia chegou na hora.' },
  }),
};
