import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { API_SCOPES, createApiToken, type ApiScope } from '../../server/auth/api-tokens.ts';
import type { AccountListItem, ApiTokenItem, AuditPage, CreatedApiToken, ImportAnswer, PortalUserListItem, TenantSettings } from '../../server/features/admin/schemas.ts';
import { seedBranches, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { readProblem, startTestServer, type TestServer } from '../helpers/server.ts';
import { staffSession, type StaffFixture } from '../helpers/staff.ts';

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
/** Tenant A's integration with every scope the console's endpoints need. */
let full: string;
/** Tenant A's integration that may only read accounts. */
let narrow: string;
/** Tenant B's integration, with the same scopes as `full`. */
let otherFull: string;
let owner: StaffFixture;
let otherOwner: StaffFixture;
let branches: Awaited<ReturnType<typeof seedBranches>>;

const FULL: ApiScope[] = ['accounts:read', 'accounts:write', 'users:read', 'users:write', 'branding:write', 'documents:read'];

async function apiToken(tenant: { id: string; slug: string }, scopes: ApiScope[], name = 'ERP'): Promise<string> {
  return (await server.db.withTenant(tenant.id, (tx) => createApiToken(tx, tenant.slug, { name, scopes, expiresAt: new Date(Date.now() + 86_400_000) }))).token;
}

/** A JSON call to `/api/v1…` with a bearer (an API token or a staff access token). */
function call(method: string, path: string, bearer: string, body?: unknown): Promise<Response> {
  return server.request(`/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const json = async <T>(response: Response, status = 200): Promise<T> => {
  assert.equal(response.status, status, await response.clone().text());
  return (await response.json()) as T;
};
const count = async (table: string, tenantId: string) => (await server.db.owner<{ n: number }[]>`select count(*)::int as n from ${server.db.owner(table)} where tenant_id = ${tenantId}`)[0]!.n;
const auditRows = (tenantId: string, action: string) =>
  server.db.owner<{ actor_type: string; actor_id: string; subject_id: string | null; data: Record<string, unknown> }[]>`
    select actor_type, actor_id, subject_id, data from audit_log where tenant_id = ${tenantId} and action = ${action} order by id`;

before(async () => {
  server = await startTestServer();
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  branches = await seedBranches(server.db, f);
  await server.db.owner`update establishments set tax_id = '11222333000262' where id = ${branches.filial}`;
  full = await apiToken(f.tenant, FULL);
  narrow = await apiToken(f.tenant, ['accounts:read'], 'BI');
  otherFull = await apiToken(other.tenant, FULL);
  owner = await staffSession(server, f.tenant.id);
  otherOwner = await staffSession(server, other.tenant.id);
});
after(() => server.stop());

describe('settings (G1, G2, A9)', () => {
  test('the settings as the console shows them, with the embed snippet address', async () => {
    const settings = await json<TenantSettings>(await call('GET', '/settings', narrow));
    assert.equal(settings.slug, f.tenant.slug);
    assert.equal(settings.portalUrl, `https://www.${f.tenant.slug}.example/portal`);
    assert.deepEqual(settings.embedOrigins, [`https://www.${f.tenant.slug}.example`]);
    assert.deepEqual(settings.branding, { logoUrl: null, primaryColor: '#1d4ed8', accentColor: '#0f766e', radius: 8, fontFamily: 'system-ui, sans-serif', colorScheme: 'light' });
    assert.equal(settings.timeZone, 'America/Sao_Paulo');
    assert.match(settings.embedScriptUrl, /^https?:\/\/[^/]+\/embed\.js$/);
    assert.equal((await json<TenantSettings>(await call('GET', '/settings', otherFull))).slug, other.tenant.slug);
  });

  test('a change names only what changes, and leaves an audit entry with the change', async () => {
    const patch = { branding: { primaryColor: '#112233' }, modules: ['news', 'billing'], portalEnabled: true, defaultLocale: 'es' };
    const changed = await json<TenantSettings>(await call('PATCH', '/settings', full, patch));
    assert.equal(changed.branding.primaryColor, '#112233');
    assert.equal(changed.branding.accentColor, '#0f766e', 'the other branding fields stay');
    assert.equal(changed.branding.fontFamily, 'system-ui, sans-serif');
    assert.deepEqual(changed.modules, ['billing', 'news']);
    assert.equal(changed.defaultLocale, 'es');
    assert.equal(changed.portalUrl, `https://www.${f.tenant.slug}.example/portal`, 'unsent fields stay');
    assert.deepEqual(await json<TenantSettings>(await call('GET', '/settings', full)), changed);
    const [entry] = (await auditRows(f.tenant.id, 'settings-changed')).slice(-1);
    assert.equal(entry!.actor_type, 'integration');
    assert.deepEqual(entry!.data, patch);
    const otherSettings = await json<TenantSettings>(await call('GET', '/settings', otherFull));
    assert.equal(otherSettings.branding.primaryColor, '#1d4ed8', "another tenant's settings do not move");
  });

  test('bad input is a 400 and changes nothing', async () => {
    const before = await json<TenantSettings>(await call('GET', '/settings', full));
    const audits = (await auditRows(f.tenant.id, 'settings-changed')).length;
    const bad = [
      {},
      { branding: {} },
      { branding: { primaryColor: '#fff;background:url(x)' } },
      { branding: { accentColor: 'red' } },
      { branding: { fontFamily: 'x; } body { display: none' } },
      { branding: { logoUrl: 'javascript:alert(1)' } },
      { embedOrigins: ['javascript:alert(1)'] },
      { embedOrigins: ['https://ok.example/path'] },
      { portalUrl: 'javascript:alert(1)' },
      { name: '' },
      { modules: ['nope'] },
      { evil: true },
      { name: 'New', tenantId: other.tenant.id },
    ];
    for (const body of bad) {
      const response = await call('PATCH', '/settings', full, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal((await readProblem(response)).code, 'invalid_input');
    }
    assert.deepEqual(await json<TenantSettings>(await call('GET', '/settings', full)), before);
    assert.equal((await auditRows(f.tenant.id, 'settings-changed')).length, audits);
  });

  test('changing needs branding:write; staff must have confirmed their password; the audit names the staff member', async () => {
    const forbidden = await call('PATCH', '/settings', narrow, { name: 'Nope' });
    assert.equal(forbidden.status, 403);
    assert.equal((await readProblem(forbidden)).code, 'forbidden');
    const readOnly = await staffSession(server, f.tenant.id, { role: 'read-only' });
    assert.equal((await call('PATCH', '/settings', readOnly.token, { name: 'Nope' })).status, 403);
    const unconfirmed = await staffSession(server, f.tenant.id, { passwordConfirmed: false });
    const asked = await call('PATCH', '/settings', unconfirmed.token, { name: 'Nope' });
    assert.equal(asked.status, 403);
    assert.equal((await readProblem(asked)).code, 'password_confirmation_required');
    assert.notEqual((await json<TenantSettings>(await call('GET', '/settings', unconfirmed.token))).name, 'Nope', 'reading needs no password');

    const changed = await json<TenantSettings>(await call('PATCH', '/settings', owner.token, { name: 'Clínica Sol', embedOrigins: ['https://a.example', 'http://localhost:8080'] }));
    assert.deepEqual([changed.name, changed.embedOrigins], ['Clínica Sol', ['https://a.example', 'http://localhost:8080']]);
    const [entry] = (await auditRows(f.tenant.id, 'settings-changed')).slice(-1);
    assert.deepEqual([entry!.actor_type, entry!.actor_id], ['staff', owner.staffId]);
  });

  test('the footer links and the PDF logo ask staff for their password too, but not an integration', async () => {
    const unconfirmed = await staffSession(server, f.tenant.id, { passwordConfirmed: false });
    const links = { site: 'https://www.example.com', social: [] };
    const put = (path: string, token: string, body: string, type: string) =>
      server.request(`/api/v1/branding${path}`, { method: 'PUT', headers: { Authorization: `Bearer ${token}`, 'Content-Type': type }, body });
    for (const [path, type] of [['/links', 'application/json'], ['/logo', 'image/png']] as const) {
      const asked = await put(path, unconfirmed.token, JSON.stringify(links), type);
      assert.equal(asked.status, 403, path);
      assert.equal((await readProblem(asked)).code, 'password_confirmation_required');
    }
    assert.equal((await put('/links', full, JSON.stringify(links), 'application/json')).status, 200);
  });
});

describe('account list', () => {
  test('by name, paged with an opaque cursor; only this tenant; with establishments, users and pending changes', async () => {
    await server.db.owner`insert into accounts (tenant_id, kind, name) values (${f.tenant.id}, 'person', 'Zé %_ Wildcard'), (${f.tenant.id}, 'person', 'Carla Dias')`;
    await server.db.owner`insert into profile_changes (tenant_id, account_id, field_key, after) values (${f.tenant.id}, ${f.company.id}, 'phone', '"+5511999998888"')`;
    const seen: AccountListItem[] = [];
    let before: string | null = null;
    do {
      const query: string = before ? `&before=${before}` : '';
      const page: { items: AccountListItem[]; next: string | null } = await json(await call('GET', `/accounts?limit=2${query}`, narrow));
      assert.ok(page.items.length <= 2);
      seen.push(...page.items);
      before = page.next;
    } while (before);
    const names = seen.map((account) => account.name);
    assert.deepEqual(names, [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    assert.equal(new Set(seen.map((account) => account.id)).size, await count('accounts', f.tenant.id), 'every account once');
    assert.ok(!seen.some((account) => account.id === other.company.id), "never another tenant's");
    const company = seen.find((account) => account.id === f.company.id)!;
    assert.deepEqual(company.establishments.map((e) => [e.name, e.taxId]), [['Filial Contagem', '11222333000262'], ['Matriz', null]]);
    assert.equal(company.users, 2);
    assert.equal(company.pendingChanges, 1);
    assert.equal(company.taxId, '11222333000181');
  });

  test('search by name, e-mail, and tax id with or without punctuation; wildcards are literal', async () => {
    const search = async (q: string) => (await json<{ items: AccountListItem[] }>(await call('GET', `/accounts?q=${encodeURIComponent(q)}`, narrow))).items.map((a) => a.name);
    assert.deepEqual(await search('metalúrgica'), ['Metalúrgica Horizonte Ltda']);
    assert.deepEqual(await search('11.222.333/0001-81'), ['Metalúrgica Horizonte Ltda']);
    assert.deepEqual(await search('11222333'), ['Metalúrgica Horizonte Ltda']);
    assert.deepEqual(await search(f.contactEmail.toUpperCase()), ['Ana Souza']);
    assert.deepEqual(await search('%_'), ['Zé %_ Wildcard']);
    assert.deepEqual(await search('%'), ['Zé %_ Wildcard']);
    assert.deepEqual(await search(other.contactEmail), [], "another tenant's account is absent");
  });

  test('a forged cursor is a 400; reading needs accounts:read', async () => {
    for (const before of ['nonsense', Buffer.from('["a","not-a-uuid"]').toString('base64url'), Buffer.from('{}').toString('base64url')]) {
      const response = await call('GET', `/accounts?before=${before}`, narrow);
      assert.equal(response.status, 400, before);
      assert.equal((await readProblem(response)).code, 'invalid_input');
    }
    const usersOnly = await apiToken(f.tenant, ['users:read']);
    assert.equal((await call('GET', '/accounts', usersOnly)).status, 403);
    assert.equal((await call('GET', '/accounts?unknown=1', narrow)).status, 400);
  });
});

describe('portal users (G4, A1, A2, G7)', () => {
  test('newest first, paged, with memberships and the last sign-in; only this tenant', async () => {
    await server.db.owner`insert into sessions (tenant_id, user_id, kind, created_at, idle_expires_at, expires_at)
      values (${f.tenant.id}, ${f.solo.id}, 'client', '2026-01-02T03:04:05Z', now(), now())`;
    const seen: PortalUserListItem[] = [];
    let before: string | null = null;
    do {
      const page: { items: PortalUserListItem[]; next: string | null } = await json(await call('GET', `/users?limit=1${before ? `&before=${before}` : ''}`, full));
      seen.push(...page.items);
      before = page.next;
    } while (before);
    assert.equal(new Set(seen.map((user) => user.id)).size, await count('portal_users', f.tenant.id));
    assert.deepEqual(seen.map((user) => user.createdAt), seen.map((user) => user.createdAt).sort().reverse());
    assert.ok(!seen.some((user) => user.id === other.rh.id));
    const solo = seen.find((user) => user.id === f.solo.id)!;
    assert.deepEqual([solo.email, solo.status, solo.locale, solo.lastSignInAt], [f.solo.email, 'active', 'es', '2026-01-02T03:04:05.000Z']);
    assert.deepEqual(solo.memberships, [{ accountId: f.person.id, accountName: 'Bruno Lima', allEstablishments: true, establishments: [] }]);
    const branch = seen.find((user) => user.id === branches.branchUser.id)!;
    assert.deepEqual(branch.memberships, [{ accountId: f.company.id, accountName: 'Metalúrgica Horizonte Ltda', allEstablishments: false, establishments: [{ id: branches.filial, name: 'Filial Contagem' }] }]);
    assert.equal(seen.find((user) => user.id === f.rh.id)!.lastSignInAt, null);
  });

  test('filters by e-mail, status and account; another tenant\'s account gives nothing', async () => {
    const list = async (query: string, token = full) => (await json<{ items: PortalUserListItem[] }>(await call('GET', `/users?${query}`, token))).items.map((user) => user.id).sort();
    assert.deepEqual(await list(`q=${encodeURIComponent('SOLO.')}`), [f.solo.id]);
    assert.deepEqual(await list(`accountId=${f.person.id}`), [f.rh.id, f.solo.id].sort());
    assert.deepEqual(await list(`accountId=${other.person.id}`), []);
    assert.deepEqual(await list(`q=${encodeURIComponent(other.rh.email)}`), []);
    assert.deepEqual(await list('status=disabled'), []);
    assert.equal((await call('GET', '/users?status=gone', full)).status, 400);
    assert.equal((await call('GET', '/users', narrow)).status, 403);
  });

  test('a disabled user is enabled again: active with a password, pending without; audited; 404 for unknown or foreign ids', async () => {
    const [pending] = await server.db.owner<{ id: string }[]>`
      insert into portal_users (tenant_id, email, status) values (${f.tenant.id}, ${`nopass.${f.tenant.slug}@example.com`}, 'disabled') returning id`;
    assert.equal((await call('POST', `/users/${branches.branchUser.id}/disable`, full, {})).status, 204);
    assert.deepEqual(await list('status=disabled'), [branches.branchUser.id, pending!.id].sort());
    assert.equal((await call('POST', `/users/${branches.branchUser.id}/enable`, full, {})).status, 204);
    assert.equal((await call('POST', `/users/${pending!.id}/enable`, owner.token, {})).status, 204);
    const status = async (id: string) => (await server.db.owner<{ status: string }[]>`select status from portal_users where id = ${id}`)[0]!.status;
    assert.deepEqual([await status(branches.branchUser.id), await status(pending!.id)], ['active', 'pending']);
    const audits = await auditRows(f.tenant.id, 'enabled');
    assert.deepEqual(audits.map((row) => [row.actor_type, row.subject_id]), [['integration', branches.branchUser.id], ['staff', pending!.id]]);

    await server.db.owner`update portal_users set status = 'disabled' where id = ${other.rh.id}`;
    for (const id of [other.rh.id, crypto.randomUUID()]) assert.equal((await call('POST', `/users/${id}/enable`, full, {})).status, 404);
    assert.equal(await status(other.rh.id), 'disabled');
    await server.db.owner`update portal_users set status = 'active' where id = ${other.rh.id}`;
    assert.equal((await call('POST', `/users/${f.rh.id}/enable`, narrow, {})).status, 403);

    async function list(query: string) {
      return (await json<{ items: PortalUserListItem[] }>(await call('GET', `/users?${query}`, full))).items.map((user) => user.id).sort();
    }
  });

  test('access links to a selection: active users of this tenant only; the account form still works', async () => {
    await server.mail.dispatcher.drain();
    const selection = [f.solo.id, f.rh.id, other.rh.id, crypto.randomUUID()];
    await server.db.owner`update portal_users set status = 'disabled' where id = ${f.rh.id}`;
    assert.deepEqual(await json(await call('POST', '/users/magic-links', owner.token, { userIds: selection }), 202), { sent: 1 });
    await server.mail.dispatcher.drain();
    assert.equal(server.mail.captured!.list(f.solo.email).length >= 1, true);
    assert.equal(server.mail.captured!.list(other.rh.email).length, 0);
    const [entry] = (await auditRows(f.tenant.id, 'magic-link-sent')).slice(-1);
    assert.deepEqual([entry!.actor_type, entry!.actor_id, entry!.subject_id], ['staff', owner.staffId, f.solo.id]);
    await server.db.owner`update portal_users set status = 'active' where id = ${f.rh.id}`;

    assert.deepEqual(await json(await call('POST', '/users/magic-links', full, { accountId: f.person.id }), 202), { sent: 2 });
    for (const body of [{ userIds: [] }, { userIds: ['nope'] }, { userIds: [f.solo.id], accountId: f.person.id }]) {
      assert.equal((await call('POST', '/users/magic-links', full, body)).status, 400, JSON.stringify(body));
    }
  });
});

describe('CSV import (A4, G4)', () => {
  const header = 'email,account,establishments,locale';

  test('a dry run checks every row and changes nothing', async () => {
    const csv = [
      header,
      `nova.${f.tenant.slug}@example.com,11.222.333/0001-81,matriz; 11.222.333/0002-62,pt-br`,
      `  Outra.${f.tenant.slug}@Example.com ,${f.person.id},,`,
      `not-an-email,${f.person.id},,`,
      `x.${f.tenant.slug}@example.com,99.999.999/0001-99,,`,
      `y.${f.tenant.slug}@example.com,${other.company.id},,`,
      `z.${f.tenant.slug}@example.com,11222333000181,Nowhere,`,
      `w.${f.tenant.slug}@example.com,${f.person.id},,klingon`,
      `nova.${f.tenant.slug}@example.com,11222333000181,,`,
      `${f.rh.email},11222333000181,,`,
    ].join('\n');
    const counts = async () => [await count('portal_users', f.tenant.id), await count('memberships', f.tenant.id), await count('outbox', f.tenant.id), await count('audit_log', f.tenant.id)];
    const before = await counts();
    const answer = await json<ImportAnswer>(await call('POST', '/users/import', full, { csv }));
    assert.equal(answer.dryRun, true);
    assert.equal(answer.invited, 0);
    assert.deepEqual(
      answer.rows.map((row) => [row.line, row.status, row.code]),
      [[2, 'ok', undefined], [3, 'ok', undefined], [4, 'error', 'email_invalid'], [5, 'error', 'account_not_found'], [6, 'error', 'account_not_found'], [7, 'error', 'establishment_not_found'], [8, 'error', 'locale_invalid'], [9, 'error', 'duplicate_row'], [10, 'exists', undefined]],
    );
    assert.deepEqual([answer.rows[0]!.accountName, answer.rows[0]!.establishments], ['Metalúrgica Horizonte Ltda', ['Matriz', 'Filial Contagem']]);
    assert.equal(answer.rows[1]!.email, `outra.${f.tenant.slug}@example.com`);
    assert.equal(answer.rows[8]!.userId, f.rh.id);
    assert.equal(answer.rows[4]!.accountName, null, "another tenant's account is not found");
    assert.deepEqual(await counts(), before);
  });

  test('for real: the good rows are invited (each on its own), the bad ones reported; audited and mailed', async () => {
    const good = [`ana.${f.tenant.slug}@example.com`, `beto.${f.tenant.slug}@example.com`];
    const csv = [header, `${good[0]},${f.person.id},,en`, `bad email,${f.person.id},,`, `${good[1]},11222333000181,Filial Contagem,`, `${good[0]},${f.person.id},,`].join('\r\n');
    const answer = await json<ImportAnswer>(await call('POST', '/users/import', owner.token, { csv, dryRun: false }));
    assert.equal(answer.invited, 2);
    assert.deepEqual(answer.rows.map((row) => [row.status, row.code]), [['ok', undefined], ['error', 'email_invalid'], ['ok', undefined], ['error', 'duplicate_row']]);
    const users = await server.db.owner<{ id: string; email: string; status: string; locale: string | null; account_id: string; all_establishments: boolean; establishment_ids: string[] }[]>`
      select u.id, u.email, u.status, u.locale, m.account_id, m.all_establishments, m.establishment_ids from portal_users u join memberships m on m.user_id = u.id
       where u.email = any(${good}) order by u.email`;
    assert.deepEqual(users.map((u) => [u.email, u.status, u.locale, u.account_id, u.all_establishments, u.establishment_ids]), [
      [good[0], 'pending', 'en', f.person.id, true, []],
      [good[1], 'pending', null, f.company.id, false, [branches.filial]],
    ]);
    assert.deepEqual(answer.rows.filter((row) => row.status === 'ok').map((row) => row.userId), users.map((u) => u.id));
    const invited = (await auditRows(f.tenant.id, 'invited')).filter((row) => users.some((u) => u.id === row.subject_id));
    assert.deepEqual(invited.map((row) => [row.actor_type, row.actor_id]), [['staff', owner.staffId], ['staff', owner.staffId]]);
    await server.mail.dispatcher.drain();
    for (const to of good) assert.equal(server.mail.captured!.list(to).length, 1, to);

    const again = await json<ImportAnswer>(await call('POST', '/users/import', full, { csv, dryRun: false }));
    assert.deepEqual([again.invited, again.rows.map((row) => row.status)], [0, ['exists', 'error', 'exists', 'error']]);
  });

  test('a semicolon-separated file (as spreadsheets in Portuguese save it) is read too', async () => {
    const csv = `email;account;establishments\nsemi.${f.tenant.slug}@example.com;11222333000181;"Matriz;Filial Contagem"\n`;
    const answer = await json<ImportAnswer>(await call('POST', '/users/import', full, { csv }));
    assert.deepEqual(answer.rows.map((row) => [row.status, row.establishments]), [['ok', ['Matriz', 'Filial Contagem']]]);
  });

  test('garbage, a missing header, unknown columns and more than 5,000 rows are a 400 and change nothing', async () => {
    const users = await count('portal_users', f.tenant.id);
    const rows = Array.from({ length: 5_001 }, (_, i) => `u${i}.${f.tenant.slug}@example.com,${f.person.id}`);
    const bad = [
      '"unterminated,quote\n',
      `\u0000\u0001\u0002garbage\u00ff`,
      `${f.rh.email},${f.person.id}\n`,
      'email,account,password\na@example.com,x,secret\n',
      `${header}\na@example.com,${f.person.id},,,,extra\n`,
      `email,account\n${rows.join('\n')}`,
    ];
    for (const csv of bad) {
      for (const dryRun of [true, false]) {
        const response = await call('POST', '/users/import', full, { csv, dryRun });
        assert.equal(response.status, 400, csv.slice(0, 40));
        const problem = await readProblem(response);
        assert.equal(problem.code, 'invalid_input');
        assert.ok(problem.detail.length > 10);
      }
    }
    assert.equal(await count('portal_users', f.tenant.id), users);
    assert.equal((await call('POST', '/users/import', full, { csv: '', dryRun: true })).status, 400);
    assert.equal((await call('POST', '/users/import', full, { csv: header, dryRun: 'no' })).status, 400);
    assert.equal((await call('POST', '/users/import', await apiToken(f.tenant, ['users:read']), { csv: header })).status, 403);
    const empty = await json<ImportAnswer>(await call('POST', '/users/import', full, { csv: header }));
    assert.deepEqual(empty.rows, []);
  });
});

describe('document settings', () => {
  test('the defaults, then what was saved; each tenant its own', async () => {
    assert.deepEqual(await json(await call('GET', '/documents/settings', full)), { esocialIncludeRectified: false, esocialSinceMonths: null });
    await server.db.owner`insert into document_settings (tenant_id, esocial_include_rectified, esocial_since_months) values (${f.tenant.id}, true, 6)`;
    assert.deepEqual(await json(await call('GET', '/documents/settings', full)), { esocialIncludeRectified: true, esocialSinceMonths: 6 });
    assert.deepEqual(await json(await call('GET', '/documents/settings', otherFull)), { esocialIncludeRectified: false, esocialSinceMonths: null });
    assert.equal((await call('GET', '/documents/settings', narrow)).status, 403);
  });
});

describe('staff-only endpoints: audit and tokens', () => {
  test('an API token never reaches them, whatever its scopes', async () => {
    const everything = await apiToken(f.tenant, [...API_SCOPES]);
    for (const [method, path, body] of [['GET', '/audit'], ['GET', '/tokens'], ['POST', '/tokens', { name: 'x', scopes: ['users:read'] }], ['DELETE', `/tokens/${crypto.randomUUID()}`]] as const) {
      const response = await call(method, path, everything, body);
      assert.equal(response.status, 403, `${method} ${path}`);
      assert.equal((await readProblem(response)).code, 'forbidden');
    }
    const staff = await staffSession(server, f.tenant.id, { role: 'staff', permissions: ['users:read', 'users:write'] });
    assert.equal((await call('GET', '/audit', staff.token)).status, 403);
    assert.equal((await call('GET', '/tokens', staff.token)).status, 403);
    const readOnly = await staffSession(server, f.tenant.id, { role: 'read-only' });
    assert.equal((await call('GET', '/audit', readOnly.token)).status, 200, 'read-only staff read the audit');
    assert.equal((await call('GET', '/tokens', readOnly.token)).status, 403);
  });

  test('tokens: created with scopes and expiry (shown once), listed without the secret, revoked; audited', async () => {
    const created = await json<CreatedApiToken>(await call('POST', '/tokens', owner.token, { name: 'Billing sync', scopes: ['accounts:read', 'billing:write'], expiresInDays: 30 }), 201);
    assert.match(created.token, new RegExp(`^ptk_${f.tenant.slug}_[\\w-]{43}$`));
    assert.equal(created.prefix, created.token.slice(0, `ptk_${f.tenant.slug}_`.length + 4));
    assert.deepEqual([created.name, created.scopes, created.revokedAt, created.lastUsedAt], ['Billing sync', ['accounts:read', 'billing:write'], null, null]);
    const days = (Date.parse(created.expiresAt!) - Date.parse(created.createdAt)) / 86_400_000;
    assert.ok(Math.abs(days - 30) < 0.01, String(days));
    assert.equal((await call('GET', '/accounts', created.token)).status, 200, 'the new token works');

    const list = await json<{ items: ApiTokenItem[] }>(await call('GET', '/tokens', owner.token));
    assert.equal(list.items[0]!.id, created.id, 'newest first');
    assert.ok(list.items[0]!.lastUsedAt);
    assert.ok(!JSON.stringify(list).includes(created.token.slice(-43, -30)), 'never the secret');
    const [made] = (await auditRows(f.tenant.id, 'token-created')).slice(-1);
    assert.deepEqual([made!.actor_type, made!.actor_id, made!.subject_id, made!.data], ['staff', owner.staffId, created.id, { name: 'Billing sync', scopes: ['accounts:read', 'billing:write'] }]);

    assert.equal((await call('DELETE', `/tokens/${created.id}`, otherOwner.token)).status, 404, "another tenant's staff cannot revoke it");
    assert.equal((await call('GET', '/accounts', created.token)).status, 200);
    assert.ok(!(await json<{ items: ApiTokenItem[] }>(await call('GET', '/tokens', otherOwner.token))).items.some((item) => item.id === created.id));
    assert.equal((await call('DELETE', `/tokens/${created.id}`, owner.token)).status, 204);
    assert.equal((await call('GET', '/accounts', created.token)).status, 401);
    assert.equal((await call('DELETE', `/tokens/${created.id}`, owner.token)).status, 404, 'already revoked');
    assert.equal((await call('DELETE', `/tokens/${crypto.randomUUID()}`, owner.token)).status, 404);
    assert.equal((await call('DELETE', '/tokens/nope', owner.token)).status, 400);
    assert.deepEqual((await auditRows(f.tenant.id, 'token-revoked')).map((row) => row.subject_id), [created.id]);
    assert.ok((await json<{ items: ApiTokenItem[] }>(await call('GET', '/tokens', owner.token))).items.find((item) => item.id === created.id)!.revokedAt);
  });

  test('tokens: a staff scope, no scopes or a bad expiry are a 400; an unconfirmed password a 403; nothing made', async () => {
    const tokens = await count('api_tokens', f.tenant.id);
    for (const body of [{ name: 'x', scopes: ['tokens:write'] }, { name: 'x', scopes: [] }, { name: 'x', scopes: ['users:read'], expiresInDays: 0 }, { name: '', scopes: ['users:read'] }, { name: 'x', scopes: ['users:read'], token: 'mine' }]) {
      assert.equal((await call('POST', '/tokens', owner.token, body)).status, 400, JSON.stringify(body));
    }
    const unconfirmed = await staffSession(server, f.tenant.id, { passwordConfirmed: false });
    const asked = await call('POST', '/tokens', unconfirmed.token, { name: 'x', scopes: ['users:read'] });
    assert.equal((await readProblem(asked)).code, 'password_confirmation_required');
    assert.equal(await count('api_tokens', f.tenant.id), tokens);
  });

  test('audit: newest first, paged by id, filtered; actors named; only this tenant', async () => {
    const tokenRow = await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'Named integration', scopes: ['users:read'], expiresAt: new Date(Date.now() + 60_000) }));
    await server.db.owner`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, created_at) values
      (${f.tenant.id}, 'operator', 'cli:root', 'probe-op', 'tenant', ${f.tenant.id}, '2024-03-10T02:30:00Z'),
      (${f.tenant.id}, 'client', 'not-a-uuid', 'probe-client', 'portal_user', 'x', '2024-03-10T03:30:00Z'),
      (${f.tenant.id}, 'client', ${f.solo.id}, 'probe-client', 'portal_user', ${f.solo.id}, '2024-03-11T12:00:00Z'),
      (${f.tenant.id}, 'integration', ${tokenRow.id}, 'probe-token', 'account', ${f.person.id}, now()),
      (${f.tenant.id}, 'staff', ${owner.staffId}, 'probe-staff', 'tenant', ${f.tenant.id}, now()),
      (${other.tenant.id}, 'staff', ${otherOwner.staffId}, 'probe-staff', 'tenant', ${other.tenant.id}, now())`;
    const page = async (query: string, token = owner.token) => json<AuditPage>(await call('GET', `/audit?${query}`, token));

    const all: AuditPage['items'] = [];
    let next: number | null = null;
    do {
      const current: AuditPage = await page(`limit=7${next ? `&before=${next}` : ''}`);
      all.push(...current.items);
      next = current.next;
    } while (next);
    assert.equal(all.length, await count('audit_log', f.tenant.id));
    assert.deepEqual(all.map((entry) => entry.id), all.map((entry) => entry.id).sort((a, b) => b - a));
    const label = (action: string) => all.filter((entry) => entry.action === action).map((entry) => entry.actor.label);
    assert.deepEqual(label('probe-staff'), [owner.email]);
    assert.deepEqual(label('probe-token'), ['Named integration']);
    assert.deepEqual(label('probe-client'), [f.solo.email, null]);
    assert.deepEqual(label('probe-op'), [null]);
    assert.deepEqual(all.find((entry) => entry.action === 'probe-op')!.actor, { type: 'operator', id: 'cli:root', label: null });

    const ids = (items: AuditPage['items']) => items.map((entry) => entry.action);
    assert.deepEqual(ids((await page('actorType=client')).items), ['probe-client', 'probe-client']);
    assert.deepEqual(ids((await page(`subjectType=portal_user&subjectId=${f.solo.id}&action=probe-client`)).items), ['probe-client']);
    // 02:30Z and 03:30Z on the 10th are 23:30 on the 9th and 00:30 on the 10th in São Paulo.
    assert.deepEqual(ids((await page('from=2024-03-09&to=2024-03-09')).items), ['probe-op']);
    assert.deepEqual(ids((await page('from=2024-03-10&to=2024-03-11')).items), ['probe-client', 'probe-client']);
    assert.deepEqual(ids((await page('to=2024-03-10')).items), ['probe-client', 'probe-op']);

    const theirs = await page('limit=200', otherOwner.token);
    assert.ok(theirs.items.every((entry) => !all.some((mine) => mine.id === entry.id)), "another tenant's staff never see these entries");
    assert.deepEqual(ids((await page(`subjectId=${f.tenant.id}`, otherOwner.token)).items), []);
    for (const query of ['actorType=robot', 'from=yesterday', 'action=DROP%20TABLE', 'before=-1', 'limit=1000', 'extra=1']) {
      assert.equal((await call('GET', `/audit?${query}`, owner.token)).status, 400, query);
    }
  });
});

describe('audit entries name the staff member who acted through the integration API', () => {
  test('account modules, an invitation and a new account say staff', async () => {
    assert.equal((await call('PUT', `/accounts/${f.company.id}/modules`, owner.token, { modules: { billing: false } })).status, 200);
    const invited = await call('POST', '/users/invitations', owner.token, { email: `staffed.${f.tenant.slug}@example.com`, accountId: f.company.id });
    assert.equal(invited.status, 201);
    const { userId } = (await invited.json()) as { userId: string };
    for (const [action, subject] of [['account-modules-changed', f.company.id], ['invited', userId]] as const) {
      const [entry] = (await auditRows(f.tenant.id, action)).filter((row) => row.subject_id === subject).slice(-1);
      assert.deepEqual([entry!.actor_type, entry!.actor_id], ['staff', owner.staffId], action);
    }
    assert.equal((await call('PUT', `/accounts/${other.company.id}/modules`, owner.token, { modules: { billing: false } })).status, 404);
    assert.equal((await call('GET', `/accounts/${other.company.id}`, owner.token)).status, 404);
    // The log reads in words: who (the staff e-mail) and about whom (the account's name, the user's e-mail).
    const page = await json<AuditPage>(await call('GET', '/audit?actorType=staff&limit=200', owner.token));
    const modules = page.items.find((item) => item.action === 'account-modules-changed' && item.subject.id === f.company.id)!;
    assert.deepEqual([modules.actor.label, modules.subject.label], [owner.email, 'Metalúrgica Horizonte Ltda']);
    const invitation = page.items.find((item) => item.action === 'invited' && item.subject.id === userId)!;
    assert.equal(invitation.subject.label, `staffed.${f.tenant.slug}@example.com`);
  });
});

describe('the inbox and the changes to approve, as the console reads them', () => {
  test("'nobody assigned' lists only requests without an assignee", async () => {
    const ids = await server.db.owner<{ id: string }[]>`
      insert into requests (tenant_id, account_id, author_id, category, subject, description, assignee)
      values (${f.tenant.id}, ${f.person.id}, ${f.rh.id}, 'general', 'Assigned one', 'x', 'Marta'), (${f.tenant.id}, ${f.person.id}, ${f.rh.id}, 'general', 'Nobody yet', 'x', null)
      returning id`;
    const page = await json<{ items: { id: string; assignee: string | null }[] }>(await call('GET', '/requests?unassigned=true&limit=100', owner.token));
    assert.ok(page.items.some((item) => item.id === ids[1]!.id));
    assert.ok(page.items.every((item) => item.assignee === null));
    assert.equal((await call('GET', '/requests?unassigned=maybe', owner.token)).status, 400);
  });

  test('a pending registration change names its account', async () => {
    await server.db.owner`insert into profile_changes (tenant_id, account_id, field_key, before, after) values (${f.tenant.id}, ${f.company.id}, 'name', '"Old"', '"New"')`;
    const { items } = await json<{ items: { accountId: string; accountName: string }[] }>(await call('GET', '/profile/changes', owner.token));
    const change = items.find((item) => item.accountId === f.company.id);
    assert.equal(change?.accountName, 'Metalúrgica Horizonte Ltda');
  });
});
