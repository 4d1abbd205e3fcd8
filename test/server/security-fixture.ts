/**
 * A tenant filled with one real row of every kind a route takes an id for, made the way the product makes them (the
 * integration API, the portal), and a fingerprint of a tenant's rows to prove a refused request changed nothing.
 * Shared by the security tests (SECURITY-TESTS.md); not a test file itself.
 */
import assert from 'node:assert/strict';
import { API_SCOPES, createApiToken } from '../../server/auth/api-tokens.ts';
import type { OwnerSql } from '../../server/db/database.ts';
import { startUserSession } from '../../server/features/auth/service.ts';
import { makeBankBoleto } from '../../server/features/billing/boleto.ts';
import { portalTenantOf, seedBranches, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { staffSession, type StaffFixture } from '../helpers/staff.ts';
import type { TestServer } from '../helpers/server.ts';

/** Small files each upload route recognises by their first bytes. */
export const FILES = {
  'application/pdf': new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  // A 1×1 PNG, whole (the logo and content-image routes decode it).
  'image/png': Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'),
  ),
  'image/jpeg': Uint8Array.from(
    Buffer.from(
      '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
      'base64',
    ),
  ),
  'image/webp': Uint8Array.from(Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64')),
  'application/xml': new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><nfse><numero>1</numero></nfse>'),
} as const;

/** One tenant as the security tests use it: its people, its credentials and one row of every kind. */
export interface World {
  f: IdentityFixture;
  matriz: string;
  filial: string;
  /** An integration token with every scope. */
  token: string;
  tokenId: string;
  /** An owner of the console, password confirmed. */
  staff: StaffFixture;
  /** Portal access tokens: rh reaches the whole company and the person; branch only Filial; solo only the person. */
  sessions: { rh: string; branch: string; solo: string; quickAccess: string };
  /** The ids and keys of the rows, by the name a route gives them (see `ids` in security-cross-tenant.test.ts). */
  rows: Record<string, string>;
}

type Call = (method: string, path: string, options?: { body?: unknown; raw?: Uint8Array; type?: string; bearer?: string; portal?: boolean }) => Promise<Response>;

/** Calls the server as one tenant: the integration token by default, a portal session for `/api/portal`. */
export function caller(server: TestServer, slug: string, defaultBearer: string): Call {
  return (method, path, options = {}) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${options.bearer ?? defaultBearer}` };
    if (path.startsWith('/api/portal/')) Object.assign(headers, { 'X-Portal-Tenant': slug, 'X-Requested-With': 'portico' });
    let body: BodyInit | undefined;
    if (options.raw) {
      body = options.raw as Uint8Array<ArrayBuffer>;
      headers['Content-Type'] = options.type ?? 'application/octet-stream';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = 'application/json';
    }
    return server.request(path, { method, headers, body });
  };
}

/** The JSON of a 2xx answer; anything else fails the setup with the answer in the message. */
async function ok<T = Record<string, unknown>>(response: Promise<Response>, what: string): Promise<T> {
  const answer = await response;
  const text = await answer.text();
  assert.ok(answer.status < 300, `${what}: ${answer.status} ${text.slice(0, 500)}`);
  return (text ? JSON.parse(text) : {}) as T;
}

async function portalSession(server: TestServer, f: IdentityFixture, email: string, now: Date): Promise<string> {
  return server.db.withTenant(f.tenant.id, async (tx) => {
    const [user] = await tx<{ id: string; email: string; locale: 'pt-BR' | 'es' | 'en' | null }[]>`select id, email, locale from portal_users where email = ${email}`;
    return (await startUserSession(tx, server.keys, portalTenantOf(f), user!, 'client', now)).answer.accessToken;
  });
}

/**
 * Seeds a tenant with its people and credentials; with `rows`, also one row of every kind, each about the company's
 * Matriz where rows have an establishment (so a Filial user and a user of another account must not reach them).
 * The server's clock must read `now`, a weekday morning in São Paulo with free slots the next week.
 */
export async function seedWorld(server: TestServer, now: Date, options: { rows: boolean }): Promise<World> {
  const f = await seedIdentity(server.db);
  const { matriz, filial, branchUser } = await seedBranches(server.db, f);
  const expiresAt = new Date(now.getTime() + 400 * 86_400_000);
  const created = await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'security', scopes: [...API_SCOPES], expiresAt }));
  const staff = await staffSession(server, f.tenant.id, { now });
  const quick = await new PortalClient(server, f.tenant.slug).post('/quick-access', { number: f.process.number, accessKey: f.process.accessKey });
  const sessions = {
    rh: await portalSession(server, f, f.rh.email, now),
    branch: await portalSession(server, f, branchUser.email, now),
    solo: await portalSession(server, f, f.solo.email, now),
    quickAccess: ((await quick.json()) as { accessToken: string }).accessToken,
  };
  // rh reaches two accounts: the session works for the company, as a client who picked it would.
  const picked = await caller(server, f.tenant.slug, sessions.rh)('POST', '/api/portal/auth/account', { body: { accountId: f.company.id } });
  assert.equal(picked.status, 200, await picked.clone().text());
  const world: World = { f, matriz, filial, token: created.token, tokenId: created.id, staff, sessions, rows: {} };
  if (options.rows) world.rows = await seedRows(server, world);
  return world;
}

async function seedRows(server: TestServer, world: World): Promise<Record<string, string>> {
  const { f, matriz } = world;
  const call = caller(server, f.tenant.slug, world.token);
  const asStaff = (method: string, path: string, body?: unknown) => call(method, path, { body, bearer: world.staff.token });
  const asRh = (method: string, path: string, body?: unknown) => call(method, path, { body, bearer: world.sessions.rh });
  const company = f.company.id;
  const sql = server.db.owner;
  const idOf = async (query: Promise<{ id: string }[]>, what: string) => {
    const [row] = await query;
    assert.ok(row, `no ${what} was made`);
    return row.id;
  };
  const mine = f.tenant.id;

  // Billing: a charge with a boleto, an invoice with its PDF and XML, a report with its file — all Matriz's.
  await ok(
    call('PUT', '/api/v1/billing/charges', {
      body: { items: [{ externalId: 'SEC-CHARGE', accountId: company, establishmentId: matriz, description: 'Exames', amount: 12345, currency: 'BRL', issueDate: '2026-03-01', dueDate: '2026-04-10', card: true, boletoLine: makeBankBoleto({ bank: '341', dueDate: '2026-04-10', amount: 12345, freeField: '1'.repeat(25) }).formatted }] },
    }),
    'charge',
  );
  const charge = await idOf(sql`select id from charges where tenant_id = ${mine} and external_id = 'SEC-CHARGE'`, 'charge');
  await ok(call('PUT', `/api/v1/billing/charges/${charge}/boleto`, { raw: FILES['application/pdf'], type: 'application/pdf' }), 'boleto');
  await ok(
    call('PUT', '/api/v1/billing/invoices', {
      body: { items: [{ externalId: 'SEC-INVOICE', accountId: company, establishmentId: matriz, number: '1', series: '1', issueDate: '2026-03-02', amount: 12345, currency: 'BRL', chargeExternalIds: ['SEC-CHARGE'] }] },
    }),
    'invoice',
  );
  const invoice = await idOf(sql`select id from invoices where tenant_id = ${mine} and external_id = 'SEC-INVOICE'`, 'invoice');
  await ok(call('PUT', `/api/v1/billing/invoices/${invoice}/pdf`, { raw: FILES['application/pdf'], type: 'application/pdf' }), 'invoice pdf');
  await ok(call('PUT', `/api/v1/billing/invoices/${invoice}/xml`, { raw: FILES['application/xml'], type: 'application/xml' }), 'invoice xml');
  await ok(call('PUT', '/api/v1/billing/settings', { body: { pixKey: '12345678000195', pixMerchantName: 'CLINICA', pixMerchantCity: 'BELO HORIZONTE', showPendingReports: true } }), 'billing settings');
  await ok(
    call('PUT', '/api/v1/billing/reports', {
      body: { items: [{ externalId: 'SEC-REPORT', accountId: company, establishmentId: matriz, title: 'Demonstrativo', periodStart: '2026-02-01', periodEnd: '2026-02-28', status: 'ready' }] },
    }),
    'report',
  );
  const report = await idOf(sql`select id from billing_reports where tenant_id = ${mine} and external_id = 'SEC-REPORT'`, 'report');
  await ok(call('PUT', `/api/v1/billing/reports/${report}/file`, { raw: FILES['application/pdf'], type: 'application/pdf' }), 'report file');

  // A document with its file, downloaded once so it has a download record.
  await ok(call('PUT', '/api/v1/documents/categories/sec-docs', { body: { labels: { 'pt-BR': 'Laudos', en: 'Reports' }, shown: true } }), 'document category');
  await ok(
    call('PUT', '/api/v1/documents', { body: { items: [{ externalId: 'SEC-DOC', accountId: company, establishmentId: matriz, category: 'sec-docs', title: 'Laudo', issueDate: '2026-03-01' }] } }),
    'document',
  );
  const document = await idOf(sql`select id from documents where tenant_id = ${mine} and external_id = 'SEC-DOC'`, 'document');
  await ok(call('PUT', `/api/v1/documents/${document}/file?name=laudo.pdf`, { raw: FILES['application/pdf'], type: 'application/pdf' }), 'document file');

  // A case of the company at Matriz, on a template of two phases.
  await ok(
    call('PUT', '/api/v1/processes/templates/sec-template', { body: { name: { 'pt-BR': 'Processo', en: 'Case' }, phases: [{ key: 'inicio', name: { 'pt-BR': 'Início' } }, { key: 'fim', name: { 'pt-BR': 'Fim' } }] } }),
    'process template',
  );
  await ok(call('PUT', '/api/v1/processes', { body: { items: [{ externalId: 'SEC-PROCESS', accountId: company, title: 'Processo da Matriz', template: 'sec-template', phase: 'inicio' }] } }), 'process');
  const process = await idOf(sql`select id from processes where tenant_id = ${mine} and external_id = 'SEC-PROCESS'`, 'process');
  await sql`update processes set establishment_id = ${matriz} where id = ${process}`;

  // A request of Matriz with a reply and an attachment.
  const request = (await ok<{ id: string }>(asRh('POST', '/api/portal/requests', { accountId: company, establishmentId: matriz, category: 'financial', subject: 'Boleto', description: 'Segunda via' }), 'request')).id;
  const form = new FormData();
  form.set('file', new Blob([FILES['application/pdf']], { type: 'application/pdf' }), 'comprovante.pdf');
  const attached = await server.request(`/api/portal/requests/${request}/attachments`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${world.sessions.rh}`, 'X-Portal-Tenant': f.tenant.slug },
    body: form,
  });
  assert.equal(attached.status, 201, await attached.clone().text());
  const attachment = await idOf(sql`select id from request_attachments where tenant_id = ${mine} and request_id = ${request}`, 'attachment');

  // Appointments: a service, a provider with hours, a closed day, a booking at Matriz and a proposal of the person.
  await ok(call('PUT', '/api/v1/appointments/settings', { body: { bookingMode: 'self', showAppointments: true, cancellation: { allowed: true, hoursBefore: 1 }, guide: true, horizonDays: 60, minNoticeMinutes: 60, contact: 'Agenda' } }), 'appointment settings');
  await ok(call('PUT', '/api/v1/appointments/services/sec-exame', { body: { names: { 'pt-BR': 'Exame', en: 'Exam' }, kind: 'exam', durationMinutes: 30 } }), 'service');
  const provider = (await ok<{ id: string }>(call('PUT', '/api/v1/appointments/providers/sec-provider', { body: { name: 'Dra. Segura', kind: 'person', services: ['sec-exame'] } }), 'provider')).id;
  await ok(call('PUT', '/api/v1/appointments/providers/sec-provider/rules', { body: { rules: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '12:00' })) } }), 'rules');
  const exception = (await ok<{ id: string }>(call('POST', '/api/v1/appointments/exceptions', { body: { providerKey: 'sec-provider', date: '2026-12-24', reason: 'Recesso' } }), 'exception')).id;
  const slots = await ok<{ days: { slots: { start: string }[] }[] }>(asRh('GET', `/api/portal/appointments/slots?service=sec-exame&accountId=${company}&from=2026-03-30&to=2026-04-03`), 'slots');
  const [first, second] = slots.days.flatMap((day) => day.slots);
  assert.ok(first && second, 'free slots next week');
  const appointment = (await ok<{ id: string }>(asRh('POST', '/api/portal/appointments', { service: 'sec-exame', providerId: provider, start: first.start, accountId: company, establishmentId: matriz }), 'booking')).id;
  await ok(call('PUT', `/api/v1/appointments/accounts/${f.person.id}/settings`, { body: { bookingMode: 'request' } }), 'request mode for the person');
  await ok(asRh('POST', '/api/portal/appointments/proposals', { service: 'sec-exame', providerId: provider, times: [second.start], accountId: f.person.id }), 'proposal');
  const proposal = await idOf(sql`select id from appointment_proposals where tenant_id = ${mine}`, 'proposal');

  // Content: news and a campaign for the company only, a material with its file.
  await ok(call('PUT', '/api/v1/content/news/sec-news', { body: { title: 'Aviso', summary: 'Resumo', body: 'Texto', publishAt: '2026-03-01T09:00:00Z', audience: [company] } }), 'news');
  await ok(call('PUT', '/api/v1/content/news/sec-news/image', { raw: FILES['image/png'], type: 'image/png' }), 'news image');
  await ok(call('PUT', '/api/v1/content/materials/sec-material', { body: { topic: 'Guias', title: 'Guia', body: 'Texto', published: true } }), 'material');
  await ok(call('PUT', '/api/v1/content/materials/sec-material/file?name=guia.pdf', { raw: FILES['application/pdf'], type: 'application/pdf' }), 'material file');
  await ok(
    call('PUT', '/api/v1/content/campaigns/sec-campaign', { body: { title: 'Campanha', description: 'Texto', validFrom: '2026-03-01', audience: [company], action: { kind: 'interest', label: 'Quero' } } }),
    'campaign',
  );
  const news = await idOf(sql`select id from news where tenant_id = ${mine} and key = 'sec-news'`, 'news');
  const material = await idOf(sql`select id from materials where tenant_id = ${mine} and key = 'sec-material'`, 'material');
  const campaign = await idOf(sql`select id from campaigns where tenant_id = ${mine} and key = 'sec-campaign'`, 'campaign');

  // Profile: a custom field, and a change of the person's name waiting for approval.
  await ok(call('PUT', '/api/v1/profile/fields/secField', { body: { labels: { 'pt-BR': 'Convênio' }, type: 'text', max: 40 } }), 'profile field');
  await ok(call('PUT', '/api/v1/profile/settings', { body: { modes: { name: 'approve' }, confirmation: 'periodic', everyMonths: 12 } }), 'profile settings');
  await ok(call('PATCH', '/api/portal/profile', { body: { values: { name: 'Bruno Lima Souza' } }, bearer: world.sessions.solo }), 'profile change');
  const change = await idOf(sql`select id from profile_changes where tenant_id = ${mine}`, 'profile change');

  // Integration: a webhook endpoint with one delivery; console: a test mail in the outbox.
  const webhook = (await ok<{ id: string }>(call('POST', '/api/v1/webhooks', { body: { url: 'https://hooks.example.com/portico', events: ['request.created'] } }), 'webhook')).id;
  await ok(call('POST', `/api/v1/webhooks/${webhook}/ping`), 'ping');
  const delivery = await idOf(sql`select id from webhook_deliveries where tenant_id = ${mine}`, 'delivery');
  await ok(asStaff('POST', '/api/v1/mail/test', { to: world.staff.email, locale: 'pt-BR' }), 'test mail');
  const outbox = await idOf(sql`select id::text as id from outbox where tenant_id = ${mine} order by id desc limit 1`, 'outbox mail');
  const category = 'financial';

  return {
    account: company,
    charge,
    invoice,
    report,
    document,
    process,
    request,
    attachment,
    appointment,
    proposal,
    exception,
    news,
    material,
    campaign,
    change,
    webhook,
    delivery,
    outbox,
    user: f.solo.id,
    staff: world.staff.staffId,
    token: world.tokenId,
    // Keys name a row within the caller's own tenant.
    documentCategory: 'sec-docs',
    requestCategory: category,
    processTemplate: 'sec-template',
    service: 'sec-exame',
    provider: 'sec-provider',
    newsKey: 'sec-news',
    materialKey: 'sec-material',
    campaignKey: 'sec-campaign',
    profileField: 'secField',
  };
}

/** The row of tenant A a path parameter names, by the path segment before it and the parameter's name. */
export const ROW_OF: Record<string, keyof World['rows'] | ((path: string) => keyof World['rows'])> = {
  'accounts:id': 'account',
  'accounts:accountId': 'account',
  'appointments:id': 'appointment',
  'bookings:id': 'appointment',
  'proposals:id': 'proposal',
  'exceptions:id': 'exception',
  'charges:id': 'charge',
  'invoices:id': 'invoice',
  'reports:id': 'report',
  'documents:id': 'document',
  'processes:id': 'process',
  'requests:id': 'request',
  'attachments:attachmentId': 'attachment',
  'news:id': 'news',
  'materials:id': 'material',
  'campaigns:id': 'campaign',
  'changes:id': 'change',
  'webhooks:id': 'webhook',
  'deliveries:id': 'delivery',
  'outbox:id': 'outbox',
  'users:id': 'user',
  'staff:id': 'staff',
  'tokens:id': 'token',
  'categories:key': (path) => (path.includes('/documents/') ? 'documentCategory' : 'requestCategory'),
  'templates:key': 'processTemplate',
  'services:key': 'service',
  'providers:key': 'provider',
  'news:key': 'newsKey',
  'materials:key': 'materialKey',
  'campaigns:key': 'campaignKey',
  'fields:key': 'profileField',
};
/** Path parameters that choose a form of the row, not a row. */
export const FORMS: Record<string, string> = { format: 'pdf' };

/** Rows that change without a request asking, by design (the columns named, or the whole table). */
const BOOKKEEPING: Record<string, string[] | 'all'> = {
  // Each API call counts against its token's rate limit (SECURITY.md 7, integration limits).
  rate_limits: 'all',
  // Each API call records when its token was last used.
  api_tokens: ['last_used_at'],
  // Each console call moves the staff session's idle deadline on (SECURITY.md 15).
  staff_sessions: ['last_used_at', 'idle_expires_at'],
  // The mail and webhook dispatchers' progress — of any server on the database, across tenants. A new mail or
  // delivery still counts: a refused request must not queue one.
  outbox: ['status', 'attempts', 'next_attempt_at', 'last_error', 'sent_at'],
  webhook_deliveries: ['status', 'attempts', 'next_attempt_at', 'delivered_at', 'last_status', 'last_error'],
  webhook_attempts: 'all',
};

/**
 * A fingerprint of every row of the tenant-owned tables — of one tenant, or of all — as (table, rows, sum of the rows'
 * `xmin`): an insert or a delete changes the count, an update gives the row a new `xmin` (the transaction that wrote
 * it), so two equal fingerprints mean nothing was written in between. Cheap: no row is serialised, except in the
 * bookkeeping tables, whose other columns are hashed instead.
 */
export async function fingerprint(sql: OwnerSql, tenantId?: string): Promise<Map<string, string>> {
  if (tenantId && !/^[0-9a-f-]{36}$/.test(tenantId)) throw new TypeError('a tenant uuid');
  const tables = await tenantTables(sql);
  const parts = tables
    .filter((table) => BOOKKEEPING[table] !== 'all')
    .map((table) => {
      const kept = BOOKKEEPING[table];
      const rows = Array.isArray(kept) ? `hashtext((to_jsonb(t) - array[${kept.map((column) => `'${column}'`).join(',')}])::text)::bigint` : 't.xmin::text::bigint';
      const where = tenantId ? `where t.${table === 'tenants' ? 'id' : 'tenant_id'} = '${tenantId}'` : '';
      return `select '${table}' as name, count(*)::text || ':' || coalesce(sum(${rows}), 0)::text as print from ${table} t ${where}`;
    });
  const rows = await sql.unsafe<{ name: string; print: string }[]>(parts.join(' union all '));
  return new Map(rows.map((row) => [row.name, row.print]));
}

let knownTables: string[] | undefined;
/** The tenant registry and every table with a tenant_id: what RLS guards (SECURITY.md 16). */
export async function tenantTables(sql: OwnerSql): Promise<string[]> {
  knownTables ??= (
    await sql<{ name: string }[]>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')
         and (c.relname = 'tenants' or exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
       order by c.relname`
  ).map((row) => row.name);
  return knownTables;
}

/** The tables whose fingerprints differ, for a failure message. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...new Set([...before.keys(), ...after.keys()])].filter((table) => before.get(table) !== after.get(table));
}
