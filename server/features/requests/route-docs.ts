import type { z } from 'zod';
import { describe } from '../../openapi/meta.ts';
import type { categoryBody, newRequestBody, RequestCategory, RequestDetail, RequestPage, RequestSummary, staffReplyBody } from './schemas.ts';

const requestId = '2e7c9a41-6b3d-4f58-9a0e-1c2d3e4f5a6b';
const accountId = '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d';
const establishmentId = '6e2c3d4b-8f5a-4c7b-9d0e-1f2a3b4c5d6e';
const chargeId = '7f3d4e5c-9a6b-4d8c-8e1f-2a3b4c5d6e7f';
const attachmentId = 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d';

const newRequest: z.output<typeof newRequestBody> = {
  accountId,
  establishmentId,
  category: 'financial',
  subject: 'Boleto de novembro com valor errado',
  description: 'O boleto de novembro veio com R$ 1.980,00, mas o contrato prevê R$ 1.480,00. Podem corrigir?',
  about: { type: 'charge', id: chargeId },
};

const summary: RequestSummary = {
  id: requestId,
  accountId,
  accountName: 'Metalúrgica Horizonte Ltda.',
  establishmentId,
  category: 'financial',
  subject: newRequest.subject,
  status: 'answered',
  about: { type: 'charge', id: chargeId },
  assignee: 'Patrícia (financeiro)',
  createdAt: '2026-11-21T13:05:22.000Z',
  updatedAt: '2026-11-22T09:40:10.000Z',
  closedAt: null,
};

const detail: RequestDetail = {
  ...summary,
  description: newRequest.description,
  messages: [
    { id: '8b7a6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d', author: 'staff', authorName: 'Patrícia — Financeiro', body: 'Corrigimos o valor; o novo boleto já está em Financeiro.', createdAt: '2026-11-22T09:40:10.000Z' },
  ],
  attachments: [{ id: attachmentId, name: 'contrato-2026.pdf', type: 'application/pdf', size: 312_450, createdAt: '2026-11-21T13:06:01.000Z' }],
};
const created: RequestDetail = { ...detail, status: 'open', assignee: null, updatedAt: detail.createdAt, messages: [], attachments: [] };
const page: RequestPage = { items: [summary], next: 'MjAyNi0xMS0yMVQxMzowNToyMi4wMDBafDJlN2M5YTQxLTZiM2QtNGY1OC05YTBlLTFjMmQzZTRmNWE2Yg' };

const categories: { key: RequestCategory; enabled: boolean; labels: Record<string, string> }[] = [
  { key: 'financial', enabled: true, labels: {} },
  { key: 'review', enabled: true, labels: { 'pt-BR': 'Revisão de laudo' } },
];
const category: z.output<typeof categoryBody> = { enabled: true, labels: { 'pt-BR': 'Revisão de laudo', es: 'Revisión de informe', en: 'Report review' } };
const reply: z.output<typeof staffReplyBody> = { body: 'Corrigimos o valor; o novo boleto já está em Financeiro.', authorName: 'Patrícia — Financeiro' };
const attachmentDownload = { 200: { description: 'The file, as an attachment (its own type: PDF or image)', contentType: 'application/pdf' } };

/** The words and examples of `/api/v1/requests` (the business's inbox) and `/api/portal/requests` (clients' requests). */
export const requestRouteDocs = {
  categories: describe({
    summary: 'List the request categories with their settings',
    description: 'All six (financial, review, profile-change, appointment, feedback, general), switched off ones included, with your own names where you gave some.',
    responses: { 200: { description: 'The categories', example: categories } },
  }),
  putCategory: describe({
    summary: 'Switch a request category on or off, and name it',
    description: 'A category switched off is no longer offered to clients for new requests; the requests already in it stay.',
    responses: { 200: { description: 'The category as saved', example: { key: 'review', ...category } } },
    requestExample: category,
  }),
  list: describe({
    summary: 'List requests, newest first',
    description: 'Filter by status, category, account or assignee (`unassigned=true`: the inbox nobody took yet).',
    responses: { 200: { description: 'A page of requests; pass `next` as `before` for the next page', example: page } },
  }),
  get: describe({ summary: 'Read one request with its thread and attachments', responses: { 200: { description: 'The request', example: detail } } }),
  attachment: describe({ summary: 'Download a file attached to a request', responses: attachmentDownload }),
  reply: describe({
    summary: 'Answer a request',
    description: 'Adds the answer to the thread (signed `authorName` if given) and sets the request `answered` (a closed one too); the client who wrote it is e-mailed in their language, with a link to it (when the portal has an address).',
    responses: { 201: { description: 'Answered', example: { status: 'answered' } } },
    requestExample: reply,
  }),
  status: describe({
    summary: 'Move a request to another status',
    description: 'Setting the status it already has changes nothing and sends nothing; otherwise the client who wrote it is e-mailed. `closed` starts the 30 days in which the client may reopen it.',
    responses: { 200: { description: 'The status now', example: { status: 'in-progress' } } },
    requestExample: { status: 'in-progress' },
  }),
  assignee: describe({
    summary: 'Say who handles a request (or nobody)',
    description: 'A free name, as your team knows it; `null` returns it to the unassigned inbox. Nothing is sent to the client.',
    responses: { 200: { description: 'The assignee now', example: { assignee: 'Patrícia (financeiro)' } } },
    requestExample: { assignee: 'Patrícia (financeiro)' },
  }),

  portalCategories: describe({
    summary: 'The kinds of request the client may open',
    responses: { 200: { description: 'The categories switched on, with the business’s own names where it gave some', example: categories } },
  }),
  portalList: describe({
    summary: 'List the requests of the accounts the client reaches, newest first',
    description: '`mine=true`: only those the user wrote.',
    responses: { 200: { description: 'A page of requests; pass `next` as `before` for the next page', example: page } },
  }),
  portalCreate: describe({
    summary: 'Open a request',
    description: 'In the session’s account unless `accountId` names another the user reaches; the establishment defaults to the user’s only one. `about` links it to a charge, process, appointment or document. It lands in the business’s inbox.',
    responses: { 201: { description: 'The request', example: created } },
    problems: ['not_found'],
    requestExample: newRequest,
  }),
  portalGet: describe({ summary: 'Read one request with its thread and attachments', responses: { 200: { description: 'The request', example: detail } } }),
  portalReply: describe({
    summary: 'Add a message to a request',
    description: 'An `answered` request goes back to `open` (waiting for the business); a closed one must be reopened first.',
    responses: { 201: { description: 'Added', example: { status: 'replied' } } },
    problems: ['request_closed'],
    requestExample: { body: 'Obrigado! Podem mandar também a nota fiscal corrigida?' },
  }),
  portalAttach: describe({
    summary: 'Attach a file to a request',
    description: 'A PDF or a PNG, JPEG or WebP image (recognised by its first bytes), at most 10 MB, up to 10 files per request; not on a closed request.',
    rawBody: { contentTypes: ['multipart/form-data'], description: 'A form with the file in a field named `file`.' },
    responses: { 201: { description: 'The attachment’s id', example: { id: attachmentId } } },
    problems: ['unsupported_media_type', 'request_closed'],
  }),
  portalAttachment: describe({ summary: 'Download a file attached to a request', responses: attachmentDownload }),
  portalClose: describe({
    summary: 'Close a request',
    description: 'The client may reopen it within 30 days.',
    responses: { 200: { description: 'Closed', example: { status: 'closed' } } },
    problems: ['request_closed'],
  }),
  portalReopen: describe({
    summary: 'Reopen a closed request',
    description: 'Within 30 days of closing it; after that, open a new one.',
    responses: { 200: { description: 'Open again', example: { status: 'open' } } },
    problems: ['request_not_closed', 'reopen_window_passed'],
  }),
};
