import { describe } from '../../openapi/meta.ts';
import { MAIL_TEMPLATES } from '../../mail/templates.ts';
import type { AccountListItem, ApiTokenItem, AuditPage, CreatedApiToken, ImportAnswer, MailPreview, OutboxPage, PortalUserListItem, TenantSettings } from './schemas.ts';

const accountId = '2f4c6a8e-1b3d-4f5a-9c7e-0d2b4f6a8c1e';
const staffId = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';

const account: AccountListItem = {
  id: accountId,
  kind: 'company',
  name: 'Metalúrgica Horizonte Ltda',
  taxId: '11222333000181',
  email: 'rh@horizonte.example',
  establishments: [
    { id: '7b1e3c5a-9d2f-4e6b-8a0c-1d3e5f7a9b2c', name: 'Filial Contagem', taxId: null },
    { id: '3c5e7a9b-1d2f-4a6b-8c0e-2f4a6b8c0d1e', name: 'Matriz', taxId: '11222333000181' },
  ],
  users: 2,
  pendingChanges: 1,
};

const user: PortalUserListItem = {
  id: '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d',
  email: 'rh@horizonte.example',
  status: 'active',
  locale: 'pt-BR',
  createdAt: '2026-02-10T12:00:00.000Z',
  lastSignInAt: '2026-11-24T11:42:08.000Z',
  memberships: [{ accountId, accountName: 'Metalúrgica Horizonte Ltda', allEstablishments: true, establishments: [] }],
};

const csv = 'email,account,establishments,locale\nfilial@horizonte.example,11.222.333/0001-81,Filial Contagem,pt-BR\nana@example,52998224725,,\n';
const imported: ImportAnswer = {
  dryRun: true,
  invited: 0,
  rows: [
    { line: 2, email: 'filial@horizonte.example', accountName: 'Metalúrgica Horizonte Ltda', establishments: ['Filial Contagem'], status: 'ok' },
    { line: 3, email: 'ana@example', accountName: 'Ana Souza', establishments: [], status: 'error', code: 'email_invalid' },
  ],
};

const settings: TenantSettings = {
  slug: 'clinica-sol',
  name: 'Clínica Sol',
  portalEnabled: true,
  defaultLocale: 'pt-BR',
  timeZone: 'America/Sao_Paulo',
  portalUrl: 'https://www.clinicasol.example/portal/',
  embedOrigins: ['https://www.clinicasol.example'],
  branding: {
    logoUrl: '/api/tenant-logos/clinica-sol?v=mi3k2f0a',
    primaryColor: '#c2410c',
    accentColor: '#b45309',
    radius: 14,
    fontFamily: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, sans-serif",
    colorScheme: 'light',
  },
  modules: ['billing', 'documents', 'appointments', 'requests', 'profile', 'news'],
  embedScriptUrl: 'https://portico.example.com/embed.js',
};

const audit: AuditPage = {
  items: [
    {
      id: 48213,
      at: '2026-11-24T14:05:31.000Z',
      actor: { type: 'staff', id: staffId, label: 'marta@clinicasol.example' },
      action: 'invited',
      subject: { type: 'portal_user', id: '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d', label: 'filial@horizonte.example' },
      data: {},
    },
  ],
  next: 48213,
};

const token: ApiTokenItem = {
  id: '0c9d8e7f-6a5b-4c3d-9e2f-1a0b9c8d7e6f',
  name: 'ERP sync',
  prefix: 'ptk_clinica-sol_EXAM',
  scopes: ['accounts:write', 'users:write', 'billing:write'],
  createdAt: '2026-11-20T10:00:00.000Z',
  expiresAt: '2027-02-18T10:00:00.000Z',
  lastUsedAt: '2026-11-24T14:03:11.000Z',
  revokedAt: null,
};
const createdToken: CreatedApiToken = { ...token, lastUsedAt: null, token: 'ptk_clinica-sol_EXAMPLE-token-not-real-00000000000000000000000' };

const outbox: OutboxPage = {
  items: [
    {
      id: 9120,
      to: 'filial@horizonte.example',
      template: 'activation',
      locale: 'pt-BR',
      status: 'failed',
      attempts: 8,
      lastError: '550 5.1.1 Mailbox does not exist',
      createdAt: '2026-11-23T09:12:00.000Z',
      sentAt: null,
      nextAttemptAt: null,
    },
  ],
  next: null,
};

const preview: MailPreview = {
  template: 'activation',
  locale: 'pt-BR',
  subject: 'Ative seu acesso ao portal da Clínica Sol',
  html: '<!doctype html><html lang="pt-BR">…</html>',
  text: 'Olá! A Clínica Sol criou seu acesso ao portal. Ative-o em até 72 horas: https://www.clinicasol.example/portal/#portico-link=…',
  htmlUrl: '/api/v1/mail/templates/preview/eyJhbGciOiJFUzI1NiIsInR5cCI6InBvcnRpY28tbWFpbC1wcmV2aWV3K2p3dCJ9.eyJ0aWQiOiIuLi4ifQ.c2lnbmF0dXJl',
};

const recentPassword = 'A staff member must have entered the password in the last minutes.';

/** The OpenAPI words of the console’s lists, settings, audit, tokens and mail under `/api/v1`. */
export const adminRouteDocs = {
  accounts: describe({
    summary: 'List client accounts by name',
    description: 'Searched by name, e-mail or tax id (`q`; a tax id may be typed with its punctuation), with establishments, how many users reach each account and its registration changes waiting for approval. Pass `next` as `before` for the next page.',
    responses: { 200: { description: 'A page of accounts', example: { items: [account], next: null } } },
  }),
  users: describe({
    summary: 'List portal users, newest first',
    description: 'Filtered by e-mail (`q`), `status` and `accountId`, each with the accounts it reaches and its last sign-in. Pass `next` as `before` for the next page.',
    responses: { 200: { description: 'A page of users', example: { items: [user], next: null } } },
  }),
  importUsers: describe({
    summary: 'Invite many users from a CSV',
    description:
      'The CSV is sent as text in the JSON body (`csv`), with a header row `email,account,establishments,locale` (commas or semicolons): `account` is the account’s id or tax id; `establishments` names or tax ids separated by `;` (empty: the whole company). At most 5,000 rows. With `dryRun: true` (the default) every row is checked and nothing changes; otherwise the good rows are invited — each on its own, so a bad row never blocks the others — and every row says what became of it (`ok`, `exists`, or `error` with `code`). An unreadable file or a wrong header is `invalid_input`.',
    responses: { 200: { description: 'Each row’s outcome and how many were invited', example: imported } },
    problems: ['portal_address_missing'],
    requestExample: { csv, dryRun: true },
  }),
  enableUser: describe({
    summary: 'Enable a disabled user again',
    description: 'A user with a password is active again; one who never set it goes back to pending, where an activation e-mail can be resent. A user who is not disabled is left as is.',
    responses: { 204: { description: 'Enabled' } },
  }),
  getSettings: describe({
    summary: 'The portal’s settings',
    description: 'Name, switch, language, address, the websites that may embed the widgets, branding and modules, with the script a website pastes.',
    responses: { 200: { description: 'The settings', example: settings } },
    problems: ['not_found'],
  }),
  patchSettings: describe({
    summary: 'Change the portal’s settings',
    description: `Names only what changes (a body that names nothing is \`invalid_input\`); \`branding\` likewise by field. ${recentPassword}`,
    responses: { 200: { description: 'The settings as they are now', example: settings } },
    problems: ['not_found'],
    requestExample: { portalUrl: 'https://www.clinicasol.example/portal/', branding: { primaryColor: '#c2410c' }, modules: ['billing', 'documents', 'appointments', 'requests', 'profile', 'news'] },
  }),
  audit: describe({
    summary: 'Who changed what, newest first',
    description: 'Filtered by actor type, action, subject and days (`from`/`to`, whole days in the portal’s time zone). Each entry names its actor (a staff member’s or client’s e-mail, an API token’s name) and, where it can, its subject. Pass `next` as `before` for the next page. Staff only.',
    responses: { 200: { description: 'A page of entries', example: audit } },
  }),
  tokens: describe({
    summary: 'List the API tokens',
    description: 'Never the token itself: `prefix` tells tokens apart. Staff only.',
    responses: { 200: { description: 'The tokens, newest first', example: { items: [token] } } },
  }),
  createToken: describe({
    summary: 'Create an API token',
    description: `The token is in the answer this once — only its hash is kept — so copy it now. It always expires (\`expiresInDays\`, 90 by default). Staff only; ${recentPassword.toLowerCase()}`,
    responses: { 201: { description: 'The token (shown once)', example: createdToken } },
    requestExample: { name: 'ERP sync', scopes: ['accounts:write', 'users:write', 'billing:write'], expiresInDays: 90 },
  }),
  revokeToken: describe({
    summary: 'Revoke an API token',
    description: 'Calls with it fail at once. A token already revoked is `not_found`.',
    responses: { 204: { description: 'Revoked' } },
  }),
  outbox: describe({
    summary: 'The portal’s e-mails and their delivery, newest first',
    description: 'Every mail Portico sent or is sending (activation, codes, links, notices), with attempts and the last error. Pass `next` as `before` for the next page. Staff only.',
    responses: { 200: { description: 'A page of mails', example: outbox } },
  }),
  retryMail: describe({
    summary: 'Try a mail again now',
    description: 'A failed mail gets a fresh round of attempts; a pending one is tried now. A mail already sent is `mail_already_sent`.',
    responses: { 202: { description: 'Queued', example: { status: 'pending' } } },
    problems: ['mail_already_sent'],
  }),
  templates: describe({
    summary: 'The mail templates',
    responses: { 200: { description: 'Their names', example: { items: MAIL_TEMPLATES } } },
  }),
  previewTemplate: describe({
    summary: 'A mail template rendered in the portal’s branding',
    description: 'With sample data, in `locale` (the portal’s language by default).',
    responses: { 200: { description: 'The subject and the HTML and text bodies', example: preview } },
  }),
  previewPage: describe({
    summary: 'A mail preview as a page of its own',
    description:
      'The `htmlUrl` of a preview: the mail’s HTML under a policy of its own (its inline styles and images, no script, framed by the console only), for a sandboxed frame. It works for 5 minutes without a token.',
    responses: { 200: { description: 'The mail’s HTML', contentType: 'text/html' } },
    problems: [['invalid_link', 403], 'link_expired'],
  }),
  testMail: describe({
    summary: 'Send a test mail',
    description: 'Goes through the outbox like any other mail: follow its delivery there by the id answered.',
    responses: { 202: { description: 'Queued; the outbox id', example: { id: 9121 } } },
    requestExample: { to: 'marta@clinicasol.example', locale: 'pt-BR' },
  }),
};
