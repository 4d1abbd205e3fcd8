import type { z } from 'zod';
import { describe } from '../../openapi/meta.ts';
import type { ReceivedUpload } from '../../storage/streaming-upload.ts';
import type { DocumentSettings } from './queries.ts';
import type { categoryInput, DocumentCatalog, DocumentInput, DocumentItem } from './schemas.ts';

const accountId = '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d';
const establishmentId = '6e2c3d4b-8f5a-4c7b-9d0e-1f2a3b4c5d6e';
const documentId = 'b7a6c5d4-e3f2-4a1b-8c9d-0e1f2a3b4c5d';

const documentInput: DocumentInput = {
  externalId: 'ASO-2026-000412',
  accountId,
  establishmentId,
  category: 'aso',
  title: 'ASO admissional — Carlos Mendes',
  issueDate: '2026-11-20',
  validUntil: '2027-11-20',
  notify: true,
};
const esocialInput: DocumentInput = {
  externalId: 'S2220-2026-000873',
  accountId,
  establishmentId,
  category: 'esocial',
  title: 'S-2220 — Monitoramento da saúde — Carlos Mendes',
  issueDate: '2026-11-21',
  esocial: { eventType: 'S-2220', receiptNumber: '1.2.0000000000123456789', rectified: false },
  notify: false,
};

const file: ReceivedUpload = {
  name: 'ASO admissional — Carlos Mendes.pdf',
  type: 'application/pdf',
  size: 248_913,
  sha256: '9f2c4e1a7b3d5f6081a2c3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e',
};

const documentItem: DocumentItem = {
  id: documentId,
  accountId,
  accountName: 'Metalúrgica Horizonte Ltda.',
  establishmentId,
  establishmentName: 'Matriz',
  category: 'aso',
  categoryLabel: 'ASO',
  title: documentInput.title,
  issueDate: documentInput.issueDate,
  validUntil: '2027-11-20',
  file: { name: file.name, type: file.type, size: file.size },
  esocial: null,
  createdAt: '2026-11-20T18:02:44.000Z',
};

const settings: DocumentSettings = { esocialIncludeRectified: false, esocialSinceMonths: 12 };
const category: z.output<typeof categoryInput> = { labels: { es: 'Documentos del expediente', 'pt-BR': 'Documentos do processo', en: 'Case documents' }, shown: true };
const catalog: DocumentCatalog = {
  categories: [
    { key: 'aso', label: 'ASO' },
    { key: 'esocial', label: 'Recibos do eSocial' },
  ],
  esocial: { includeRectified: settings.esocialIncludeRectified, sinceMonths: settings.esocialSinceMonths },
};
const documentTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'];

/** The words and examples of `/api/v1/documents` (the business delivers) and `/api/portal/documents` (clients download). */
export const documentRouteDocs = {
  categories: describe({
    summary: 'List the document categories',
    description: 'The eight built in (CAT, PGR, PCMSO, ASO, reports, contracts, eSocial receipts, invoices) and your own, each with its name in the portal’s language and whether clients see it.',
    responses: { 200: { description: 'The categories', example: { items: [{ key: 'aso', label: 'ASO', shown: true }, { key: 'cat', label: 'CAT', shown: false }] } } },
  }),
  putCategory: describe({
    summary: 'Name, show or hide a category, or add your own',
    description: 'Upsert by `key`: a built-in key renames or hides that category; a new key adds a category. Names per language are optional (a built-in one keeps its own where you give none). Hiding a category hides its documents from clients, without deleting them.',
    responses: { 200: { description: 'The category as saved', example: { key: 'expediente', ...category } } },
    requestExample: category,
  }),
  putSettings: describe({
    summary: 'Set the eSocial view’s defaults',
    description: 'Whether the client’s eSocial receipts list shows rectified receipts, and how many months back it looks (3, 6, 12, or null for all). Clients may change both in the list.',
    responses: { 200: { description: 'The settings as saved', example: settings } },
    requestExample: settings,
  }),
  settings: describe({ summary: 'Read the eSocial view’s defaults', responses: { 200: { description: 'The settings', example: settings } } }),
  upsert: describe({
    summary: 'Upsert documents by your own ids (up to 1000)',
    description:
      'Step 1 of delivering a document: its data, keyed by your `externalId`. Step 2 is its file (`PUT /api/v1/documents/{id}/file`); clients see a document only once it has a file, in a category they are shown, and in an establishment they reach. The batch is checked whole before anything is saved (unknown account, establishment not of the account, unknown category, `esocial` given for a receipt and only for one): any error and nothing is saved. Sending a withdrawn document again brings it back. Each item answers `created`, `updated` or `unchanged`.',
    responses: {
      200: {
        description: 'The outcome of each item, in the order sent, with the id to send the file to',
        example: {
          results: [
            { externalId: documentInput.externalId, id: documentId, result: 'created' },
            { externalId: esocialInput.externalId, id: 'c8b7d6e5-f4a3-4b2c-9d0e-1f2a3b4c5d6e', result: 'unchanged' },
          ],
        },
      },
    },
    requestExample: { items: [documentInput, esocialInput] },
  }),
  list: describe({
    summary: 'List documents, newest issue date first',
    description: 'All documents, withdrawn ones and those still without a file included (`file: null`).',
    responses: { 200: { description: 'A page of documents; pass `next` as `before` for the next page', example: { items: [documentItem], next: null } } },
  }),
  get: describe({ summary: 'Read one document', responses: { 200: { description: 'The document', example: documentItem } } }),
  putFile: describe({
    summary: 'Send or replace a document’s file',
    description:
      'The file is streamed to storage (at most 250 MB), its type proven by its first bytes and its SHA-256 computed on the way. `?name=` is the file name clients see (default `document.pdf`; the extension follows the real type). The first file of a document sent with `notify: true` e-mails the account’s users who reach it (once, in their language); a replacement sends nothing.',
    rawBody: { contentTypes: documentTypes, description: 'The file itself as the request body: a PDF or a PNG, JPEG or WebP image, at most 250 MB.' },
    responses: { 200: { description: 'The file as stored', example: file } },
    problems: ['unsupported_media_type'],
  }),
  withdraw: describe({
    summary: 'Withdraw a document',
    description: 'Deletes the file and hides the document from clients; its record and download history stay. Upserting it again brings it back (then send its file again).',
    responses: { 204: { description: 'Withdrawn' } },
  }),
  downloads: describe({
    summary: 'Who downloaded a document, newest first',
    description: 'The last 500 downloads, through the portal API (`api`) or a signed link (`link`).',
    responses: {
      200: {
        description: 'The downloads',
        example: { items: [{ userId: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d', email: 'rh@metalurgicahorizonte.example', via: 'link', downloadedAt: '2026-11-22T13:17:05.000Z' }] },
      },
    },
  }),

  followLink: describe({
    summary: 'Download a file through a signed link',
    description:
      'The address `POST /api/portal/documents/{id}/link` gave: no token or header needed, so a browser downloads it natively. It works for 5 minutes, while the session it was made in lasts, and while the user still reaches the document. A navigation that fails (not asking for JSON) gets a short page in words with the same status instead of a problem document.',
    responses: { 200: { description: 'The file, as an attachment (its own type: PDF or image)', contentType: 'application/pdf' } },
    problems: [['invalid_link', 403], 'link_expired'],
  }),
  catalog: describe({
    summary: 'The categories the client sees and the eSocial view’s defaults',
    responses: { 200: { description: 'Categories in the locale asked for (default: the portal’s)', example: catalog } },
  }),
  portalList: describe({
    summary: 'List the client’s documents, newest issue date first',
    description: 'Only documents with a file, of a category shown, in an establishment the user reaches. For `category=esocial`, `rectified` and `since` default to the business’s settings.',
    responses: { 200: { description: 'A page of documents; pass `next` as `before` for the next page', example: { items: [documentItem], next: null } } },
  }),
  portalFile: describe({
    summary: 'Download a document’s file (recorded)',
    responses: { 200: { description: 'The file, as an attachment (its own type: PDF or image)', contentType: 'application/pdf' } },
  }),
  portalLink: describe({
    summary: 'Get a short-lived download link for a document',
    description: 'For large files: the browser follows the link and streams the download natively. The link is bound to this user and session and works for 5 minutes.',
    responses: {
      200: {
        description: 'The link and when it stops working',
        example: { url: `https://portal.clinicasol.example/api/portal/documents/download/eyJhbGciOiJFUzI1NiIsInR5cCI6InBvcnRpY28tZG93bmxvYWQrand0In0.eyJ0aWQiOiIuLi4ifQ.c2lnbmF0dXJl`, expiresAt: '2026-11-24T14:08:11.000Z' },
      },
    },
  }),
};
