import { describe } from '../../openapi/meta.ts';
import type { FieldDefinition, ProfileSettings } from './fields.ts';
import type { ChangeResult, CustomFieldInput, PrivacyRequestAnswer, Profile, ProfileChange, ProfileField } from './schemas.ts';

const accountId = '2f4c6a8e-1b3d-4f5a-9c7e-0d2b4f6a8c1e';
const changeId = '6e5d4c3b-2a19-4807-b6f5-e4d3c2b1a098';
const requestId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

const standardField = { standard: true, label: null, help: null, choices: null, min: null, max: null, pending: null } as const;
const fields: ProfileField[] = [
  {
    ...standardField,
    key: 'name',
    type: 'name',
    required: true,
    mode: 'approve',
    value: 'Metalúrgica Horizonte Ltda',
    pending: { id: changeId, value: 'Metalúrgica Horizonte S.A.', requestedAt: '2026-11-18T13:20:00.000Z', requestId },
  },
  { ...standardField, key: 'taxId', type: 'taxId', required: false, mode: 'view', value: '11222333000181' },
  { ...standardField, key: 'email', type: 'email', required: false, mode: 'edit', value: 'financeiro@horizonte.example' },
  {
    key: 'capitalSocial',
    standard: false,
    label: 'Capital social',
    help: 'Como consta no contrato social.',
    type: 'money',
    required: false,
    choices: null,
    min: 0,
    max: null,
    mode: 'edit',
    value: 25000000,
    pending: null,
  },
];

const profile: Profile = {
  accountId,
  accountKind: 'company',
  taxIdKinds: ['cnpj'],
  currency: 'BRL',
  fields,
  confirmation: { required: false, confirmedAt: '2026-03-02T12:00:00.000Z', validUntil: '2027-03-02T12:00:00.000Z' },
};

const changed: ChangeResult = { saved: ['email'], pending: ['name'], profile };

const settings: ProfileSettings = {
  modes: { name: 'approve', taxId: 'view', email: 'edit', capitalSocial: 'edit' },
  confirmation: 'periodic',
  everyMonths: 12,
};

const capitalSocial: CustomFieldInput = {
  labels: { 'pt-BR': 'Capital social', es: 'Capital social', en: 'Share capital' },
  type: 'money',
  required: false,
  min: 0,
  help: { 'pt-BR': 'Como consta no contrato social.' },
  position: 10,
  accountKind: 'company',
  active: true,
};

const definitions: FieldDefinition[] = [
  { key: 'name', standard: true, type: 'name', labels: null, help: null, required: true, choices: null, min: null, max: null, mode: 'approve' },
  {
    key: 'capitalSocial',
    standard: false,
    type: 'money',
    labels: capitalSocial.labels,
    help: capitalSocial.help!,
    required: false,
    choices: null,
    min: 0,
    max: null,
    mode: 'edit',
  },
];

const feedChange: ProfileChange = {
  seq: '48211',
  accountId,
  field: 'email',
  before: 'rh@horizonte.example',
  after: 'financeiro@horizonte.example',
  actor: { type: 'client', id: '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d' },
  via: 'direct',
  at: '2026-11-18T13:20:00.000Z',
};

const privacyAnswer: PrivacyRequestAnswer = { requestId, deadline: '2026-12-03T13:20:00.000Z' };

const accountNote = 'Without `accountId`, the session’s chosen account (or the user’s only one); an account the user does not reach is `not_found`.';

/** The OpenAPI words of `/api/portal/profile`. */
export const portalProfileRouteDocs = {
  get: describe({
    summary: 'The account’s registration data, field by field',
    description: `Each field with its value, what the client may do with it (\`edit\`, \`approve\`: a change waits for the business, \`view\`) and any change still waiting. Labels of custom fields in \`locale\` (the portal’s language by default). Open to a full session and to a profile-only link. ${accountNote}`,
    responses: { 200: { description: 'The profile', example: profile } },
    problems: ['not_found'],
  }),
  patch: describe({
    summary: 'Change registration data',
    description: `All or nothing: editable fields are saved at once, fields that need approval become pending changes gathered in one request of category profile-change, and a read-only field refuses the whole change (\`field_not_editable\`, naming it in \`errors\`). Wrong values are \`invalid_input\` with \`errors\` per field (\`values.<key>\`). ${accountNote}`,
    responses: { 200: { description: 'What was saved, what waits, and the profile as it is now', example: changed } },
    problems: ['not_found', 'field_not_editable'],
    requestExample: { values: { email: 'financeiro@horizonte.example', name: 'Metalúrgica Horizonte S.A.' } },
  }),
  confirm: describe({
    summary: 'Confirm that the registration data is correct',
    description: `Records the confirmation the business asks for (once, or every few months). Refused with \`profile_incomplete\` while a required field is empty (named in \`errors\`). ${accountNote}`,
    responses: { 200: { description: 'The profile, with the new confirmation', example: profile } },
    problems: ['not_found', 'profile_incomplete'],
  }),
  export: describe({
    summary: 'Download everything the portal holds about the account',
    description: `The client’s right of access (LGPD art. 18, GDPR art. 15/20): the account, its registration data and history, users, requests, charges, invoices, documents, processes and appointments, as a JSON file (\`Content-Disposition: attachment\`). Files themselves are downloaded from their own widgets. ${accountNote}`,
    responses: {
      200: {
        description: 'The export (abridged here)',
        example: { exportedAt: '2026-11-24T14:00:00.000Z', account: { id: accountId, kind: 'company', name: 'Metalúrgica Horizonte Ltda' }, establishments: [], requests: [], charges: [] },
      },
    },
    problems: ['not_found'],
  }),
  privacyRequest: describe({
    summary: 'Ask the business to correct or delete the account’s data',
    description: `Opens a request of category profile-change worded as a data-protection request, and answers the legal deadline: 15 days under the LGPD (accounts in BRL), 30 days otherwise (GDPR: one month). ${accountNote}`,
    responses: { 201: { description: 'The request opened and its deadline', example: privacyAnswer } },
    problems: ['not_found'],
    requestExample: { kind: 'correction', details: 'O endereço da Filial Contagem mudou para Rua das Indústrias, 450.' },
  }),
};

/** The OpenAPI words of `/api/v1/profile`. */
export const integrationProfileRouteDocs = {
  getSettings: describe({
    summary: 'What clients may do with each field, and whether they must confirm their data',
    responses: { 200: { description: 'The modes per field (absent: the default) and the confirmation rule', example: settings } },
  }),
  putSettings: describe({
    summary: 'Set the field modes and the confirmation rule',
    description: 'Replaces the settings. `modes` names fields (standard or custom) as `edit`, `approve` (a client’s change waits for the business) or `view`. `confirmation`: `off`, `once`, or `periodic` every `everyMonths`.',
    responses: { 200: { description: 'The settings as saved', example: settings } },
    requestExample: settings,
  }),
  fields: describe({
    summary: 'Every field of the profiles: the standard ones, then the custom ones',
    responses: { 200: { description: 'The fields with their modes', example: { items: definitions } } },
  }),
  putField: describe({
    summary: 'Create or change a custom field',
    description: 'A field the portal adds to the standard ones (e.g. “Capital social”, money), by your own key. `active: false` hides it without losing its values. A standard field’s key is refused.',
    responses: { 200: { description: 'The field as saved', example: { key: 'capitalSocial', ...capitalSocial } } },
    requestExample: capitalSocial,
  }),
  getAccount: describe({
    summary: 'An account’s registration data',
    description: 'The profile as its clients see it (labels in the portal’s language), with pending changes and the confirmation state.',
    responses: { 200: { description: 'The profile', example: profile } },
  }),
  patchAccount: describe({
    summary: 'Change an account’s registration data',
    description: 'All or nothing, whatever the fields’ modes (the business may change any field): saved at once and audited. Wrong values are `invalid_input` with `errors` per field (`values.<key>`).',
    responses: { 200: { description: 'What was saved and the profile as it is now', example: { ...changed, saved: ['email', 'name'], pending: [] } } },
    requestExample: { values: { email: 'financeiro@horizonte.example', address: { street: 'Rua das Indústrias', number: '450', city: 'Contagem', region: 'MG', postalCode: '32010-000', country: 'BR' } } },
  }),
  changes: describe({
    summary: 'Changes clients proposed, oldest first',
    description: 'Pending by default (`status` for the others); at most 500.',
    responses: {
      200: {
        description: 'The changes',
        example: {
          items: [
            {
              id: changeId,
              accountId,
              accountName: 'Metalúrgica Horizonte Ltda',
              requestId,
              field: 'name',
              before: 'Metalúrgica Horizonte Ltda',
              after: 'Metalúrgica Horizonte S.A.',
              status: 'pending',
              requestedAt: '2026-11-18T13:20:00.000Z',
              decidedAt: null,
              reason: null,
            },
          ],
        },
      },
    },
  }),
  approve: describe({
    summary: 'Approve a proposed change',
    description:
      'The value is checked again and written. `message` is added to the client’s request; once nothing of that request is pending it is answered and the client is e-mailed. A change already decided is `proposal_answered`; one no longer valid (the field was removed or its rules changed) is `invalid_input`: refuse it instead.',
    responses: { 200: { description: 'The change, approved', example: { id: changeId, status: 'approved' } } },
    problems: ['proposal_answered'],
    requestExample: { message: 'Alteração registrada conforme o contrato social enviado.' },
  }),
  refuse: describe({
    summary: 'Refuse a proposed change',
    description: 'The value stays as it was; `reason` is added to the client’s request, which is answered (and the client e-mailed) once nothing of it is pending.',
    responses: { 200: { description: 'The change, refused', example: { id: changeId, status: 'refused' } } },
    problems: ['proposal_answered'],
    requestExample: { reason: 'Precisamos do contrato social atualizado para alterar a razão social.' },
  }),
  feed: describe({
    summary: 'Every saved change of registration data, from a position',
    description: 'For keeping your own records in step: each change (by a client, by staff, through the API, or approved) with before and after. Keep `next` and pass it as `since` on the next call.',
    responses: { 200: { description: 'The changes after `since` and the position to continue from', example: { items: [feedChange], next: feedChange.seq } } },
  }),
};
