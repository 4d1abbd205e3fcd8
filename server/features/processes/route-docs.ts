import type { z } from 'zod';
import { markdownToRichText } from '../../content/markdown.ts';
import { describe } from '../../openapi/meta.ts';
import type { noticeInput, phaseChange, ProcessDetail, ProcessInput, ProcessNotice, ProcessSummary, templateInput } from './schemas.ts';
import type { UpsertResult } from './service.ts';

const processId = '3c2b1a09-8f7e-4d6c-9b5a-493827160514';
const accountId = '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d';

const template: z.output<typeof templateInput> = {
  name: { es: 'Renovación de la TIE', 'pt-BR': 'Renovação do cartão de residência', en: 'Residence card renewal' },
  phases: [
    { key: 'solicitud', name: { es: 'Solicitud', en: 'Application' }, description: { es: 'Preparamos y presentamos la renovación.', en: 'We prepare and file the renewal.' } },
    { key: 'resolucion', name: { es: 'Resolución', en: 'Decision' }, description: { es: 'La Oficina de Extranjería resuelve.', en: 'The immigration office decides.' } },
    { key: 'huellas', name: { es: 'Toma de huellas', en: 'Fingerprints' } },
    { key: 'finalizado', name: { es: 'Finalizado', en: 'Done' } },
  ],
};

const processInput: ProcessInput = {
  externalId: 'EXP-2026-0031',
  accountId,
  title: 'Renovación de la TIE — Ana Souza',
  kind: 'Extranjería',
  template: 'renovacion-tie',
  phase: 'resolucion',
  references: [
    { label: 'N.º de expediente de Extranjería', value: '280020260031457', secret: false },
    { label: 'Clave de la sede electrónica', value: 'K7Q2-91XD-P4M8', secret: true },
  ],
};

const upserted: UpsertResult[] = [
  { externalId: processInput.externalId, id: processId, result: 'created', quickAccess: { number: '7316502948', accessKey: 'H7KM-P2QX-9RTA-4WZC' } },
  { externalId: 'EXP-2025-0148', id: '4d3c2b1a-0f9e-4e7d-8c6b-5a4938271605', result: 'updated' },
];

const summary: ProcessSummary = {
  id: processId,
  accountId,
  accountName: 'Ana Souza',
  title: processInput.title,
  kind: 'Extranjería',
  currentPhase: { key: 'resolucion', name: 'Resolución', position: 2 },
  phaseCount: 4,
  unread: 1,
  updatedAt: '2026-11-24T10:15:00.000Z',
};

const noticeBody = 'Hemos presentado la renovación de su tarjeta. Mientras se resuelve, **su tarjeta sigue siendo válida** con el justificante que le enviamos.';
const noticeRequest: z.output<typeof noticeInput> = { kind: 'notice', title: 'Renovación presentada', body: noticeBody, notify: true };
const notice: ProcessNotice = { id: '1b0a9f8e-7d6c-4b5a-9e3f-2d1c0b9a8f7e', kind: 'notice', title: noticeRequest.title, body: markdownToRichText(noticeBody), publishedAt: '2026-11-24T10:15:00.000Z', unread: true };

const detail: ProcessDetail = {
  ...summary,
  quickAccessNumber: '7316502948',
  references: processInput.references,
  phases: [
    { key: 'solicitud', name: 'Solicitud', description: 'Preparamos y presentamos la renovación.', position: 1, state: 'done', enteredAt: '2026-10-15T09:00:00.000Z' },
    { key: 'resolucion', name: 'Resolución', description: 'La Oficina de Extranjería resuelve.', position: 2, state: 'current', enteredAt: '2026-11-15T09:00:00.000Z' },
    { key: 'huellas', name: 'Toma de huellas', description: null, position: 3, state: 'upcoming', enteredAt: null },
    { key: 'finalizado', name: 'Finalizado', description: null, position: 4, state: 'upcoming', enteredAt: null },
  ],
  history: [
    { phase: 'resolucion', phaseName: 'Resolución', at: '2026-11-15T09:00:00.000Z', note: 'Presentada en la Oficina de Extranjería de Madrid.' },
    { phase: 'solicitud', phaseName: 'Solicitud', at: '2026-10-15T09:00:00.000Z', note: null },
  ],
  notices: [notice],
  lastSeenAt: '2026-11-20T19:42:00.000Z',
  createdAt: '2026-10-15T09:00:00.000Z',
};
const businessDetail: ProcessDetail = { ...detail, unread: 0, notices: [{ ...notice, unread: false }], lastSeenAt: null };
const phaseRequest: z.output<typeof phaseChange> = { phase: 'huellas', note: 'Cita en la comisaría de Aluche el 3 de diciembre.' };
const mailNote = 'The account’s users who reach the process are e-mailed about it in their language (once per change), unless notifications are switched off in `PUT /api/v1/processes/settings` or the portal has no address.';

/** The words and examples of `/api/v1/processes` (the business's practice software) and `/api/portal/processes` (clients). */
export const processRouteDocs = {
  settings: describe({ summary: 'Read whether clients are e-mailed about their processes', responses: { 200: { description: 'The setting', example: { notifyClients: true } } } }),
  putSettings: describe({
    summary: 'Switch the process e-mails to clients on or off',
    description: 'Off: phase changes and notices are still shown in the portal, but nobody is e-mailed about them.',
    responses: { 200: { description: 'The setting as saved', example: { notifyClients: false } } },
    requestExample: { notifyClients: false },
  }),
  templates: describe({
    summary: 'List the phase templates',
    responses: { 200: { description: 'The templates, by key', example: { items: [{ key: 'renovacion-tie', ...template }] } } },
  }),
  putTemplate: describe({
    summary: 'Create or replace a phase template by your key',
    description: 'Upsert by `key`: the ordered phases a kind of case goes through, with names (and optional descriptions) in pt-BR, es and/or en. A phase some process is in cannot be left out (400): move those processes first.',
    responses: { 200: { description: 'The template as saved', example: { key: 'renovacion-tie', ...template } } },
    requestExample: template,
  }),
  upsert: describe({
    summary: 'Upsert processes by your own ids (up to 1000)',
    description: `Keyed by your \`externalId\`, all or nothing: the batch is checked whole first (unknown account or template, a phase not of the template) and any error saves nothing. A new process starts in \`phase\` or the template’s first, and answers its quick-access number and key **this once** (the key is stored hashed: hand it to the client now). An existing one whose \`phase\` changes records the move. ${mailNote} Each item answers \`created\`, \`updated\` or \`unchanged\`.`,
    responses: { 200: { description: 'The outcome of each item, in the order sent', example: { results: upserted } } },
    requestExample: { items: [processInput] },
  }),
  list: describe({
    summary: 'List processes, most recently changed first',
    description: 'At most 200; filter by account, or find one by your `externalId`.',
    responses: { 200: { description: 'The processes', example: { items: [{ ...summary, unread: 0 }] } } },
  }),
  get: describe({ summary: 'Read one process with its phases, history and notices', responses: { 200: { description: 'The process', example: businessDetail } } }),
  phase: describe({
    summary: 'Move a process to a phase of its template',
    description: `Records the move with its optional note in the history (moving to the phase it is in records it again). ${mailNote}`,
    responses: { 200: { description: 'The process as it is now', example: { ...businessDetail, currentPhase: { key: 'huellas', name: 'Toma de huellas', position: 3 } } } },
    requestExample: phaseRequest,
  }),
  notice: describe({
    summary: 'Post a notice or a follow-up on a process',
    description: `A \`notice\` says what happened; a \`follow-up\` what the client should do next. The body is Markdown (no HTML; links https: and mailto: only). With \`notify\` (the default): ${mailNote}`,
    responses: { 201: { description: 'The notice as clients see it', example: { ...notice, unread: false } } },
    requestExample: noticeRequest,
  }),

  portalList: describe({
    summary: 'List the client’s processes, most recently changed first',
    description: 'Across the accounts the user reaches (or only `accountId`); a quick-access session sees its one process. `unread`: notices since the user last opened it.',
    responses: { 200: { description: 'The processes', example: { items: [summary] } } },
  }),
  portalGet: describe({
    summary: 'Read one process with its phases, history and notices',
    description: 'Names and descriptions in `?locale=` (default: the portal’s). Does not mark it seen: the widget calls `…/seen` once shown.',
    responses: { 200: { description: 'The process', example: detail } },
  }),
  portalSeen: describe({
    summary: 'Mark a process seen (its notices read)',
    description: 'Only for a signed-in client: a quick-access session is read-only (403).',
    responses: { 204: { description: 'Marked' } },
  }),
};
