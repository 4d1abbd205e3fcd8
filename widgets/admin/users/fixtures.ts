import { ApiError, type AccountListItem, type AdminApi, type ImportRow, type PortalUserListItem, type StaffMe } from '../admin-api.ts';
import { fakeAdminApi } from '../fake-admin-api.ts';
import type { Scope } from '../../../server/features/staff/schemas.ts';

/**
 * The users section's fixture data for tests and stories: the demo tenants' accounts and portal users, and an
 * in-memory {@link AdminApi} over them that lists, filters, pages, invites, imports and changes users as the server
 * would, recording every call.
 */

export type DemoTenant = 'clinica-sol' | 'martins-castro';
export interface UsersData {
  accounts: AccountListItem[];
  users: PortalUserListItem[];
}

const READ_SCOPES: Scope[] = ['accounts:read', 'requests:read', 'users:read', 'billing:read', 'processes:read', 'documents:read', 'appointments:read', 'profile:read', 'content:read', 'audit:read'];
const WRITE_SCOPES: Scope[] = ['accounts:write', 'requests:write', 'users:write', 'billing:write', 'processes:write', 'documents:write', 'appointments:write', 'profile:write', 'content:write', 'branding:write', 'tokens:write', 'staff:write'];

/** A signed-in staff member: an admin (every scope) or a read-only one. */
export function fixtureStaff(options: { tenant?: DemoTenant; role?: 'admin' | 'read-only' } = {}): StaffMe {
  const tenant = options.tenant ?? 'clinica-sol';
  const role = options.role ?? 'admin';
  const clinic = tenant === 'clinica-sol';
  return {
    id: clinic ? 'a0000000-0000-4000-8000-000000000001' : 'a0000000-0000-4000-8000-000000000002',
    email: clinic ? 'marina@clinicasol.example' : 'ines@martinscastro.example',
    name: clinic ? 'Marina Teixeira' : 'Inés Martins',
    role,
    scopes: role === 'admin' ? [...READ_SCOPES, ...WRITE_SCOPES] : READ_SCOPES,
    tenant: clinic
      ? { id: 't0000000-0000-4000-8000-000000000001', slug: 'clinica-sol', name: 'Clínica Sol', locale: 'pt-BR', timeZone: 'America/Sao_Paulo', currency: 'BRL' }
      : { id: 't0000000-0000-4000-8000-000000000002', slug: 'martins-castro', name: 'Martins Castro Advogados', locale: 'es', timeZone: 'Europe/Madrid', currency: 'EUR' },
  };
}

const id = (n: number) => `0b1c2d3e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const establishment = (n: number, name: string, taxId: string | null = null) => ({ id: id(n), name, taxId });
const whole = (account: AccountListItem) => ({ accountId: account.id, accountName: account.name, allEstablishments: true, establishments: [] });
const some = (account: AccountListItem, ...names: string[]) => ({
  accountId: account.id,
  accountName: account.name,
  allEstablishments: false,
  establishments: account.establishments.filter((e) => names.includes(e.name)).map(({ id, name }) => ({ id, name })),
});

/** Clínica Sol (an occupational health clinic): client companies, a patient, and their portal users. */
export function clinicaSolUsers(): UsersData {
  const horizonte: AccountListItem = {
    id: id(1), kind: 'company', name: 'Metalúrgica Horizonte Ltda', taxId: '11222333000181', email: 'rh@horizonte.example',
    establishments: [establishment(11, 'Matriz', '11222333000181'), establishment(12, 'Filial Contagem', '11222333000262')], users: 3, pendingChanges: 0,
  };
  const aurora: AccountListItem = {
    id: id(2), kind: 'company', name: 'Padaria Aurora Ltda', taxId: '45723174000110', email: 'financeiro@padariaaurora.example',
    establishments: [establishment(21, 'Loja Centro', '45723174000110'), establishment(22, 'Loja Savassi', '45723174000200')], users: 3, pendingChanges: 1,
  };
  const serra: AccountListItem = {
    id: id(3), kind: 'company', name: 'Transportes Serra Azul S.A.', taxId: '19131243000197', email: null,
    establishments: [establishment(31, 'Garagem Betim', '19131243000278')], users: 1, pendingChanges: 0,
  };
  const ana: AccountListItem = { id: id(4), kind: 'person', name: 'Ana Souza', taxId: '52998224725', email: 'ana@example.com', establishments: [], users: 0, pendingChanges: 0 };
  const user = (n: number, email: string, status: PortalUserListItem['status'], createdAt: string, lastSignInAt: string | null, memberships: PortalUserListItem['memberships']): PortalUserListItem =>
    ({ id: id(100 + n), email, status, locale: 'pt-BR', createdAt, lastSignInAt, memberships });
  return {
    accounts: [horizonte, aurora, serra, ana],
    users: [
      user(1, 'frota@serraazul.example', 'pending', '2026-11-27T14:10:00Z', null, [whole(serra)]),
      user(2, 'filial@horizonte.example', 'pending', '2026-11-20T12:00:00Z', null, [some(horizonte, 'Filial Contagem')]),
      user(3, 'contador@escritoriolima.example', 'active', '2026-10-14T17:45:00Z', '2026-11-29T11:02:00Z', [whole(horizonte), some(aurora, 'Loja Centro', 'Loja Savassi')]),
      user(4, 'loja.savassi@padariaaurora.example', 'disabled', '2026-09-30T09:20:00Z', '2026-10-02T15:40:00Z', [some(aurora, 'Loja Savassi')]),
      user(5, 'financeiro@padariaaurora.example', 'active', '2026-09-12T10:00:00Z', '2026-11-25T08:31:00Z', [whole(aurora)]),
      user(6, 'rh@horizonte.example', 'active', '2026-09-02T13:00:00Z', '2026-11-28T13:05:00Z', [whole(horizonte)]),
    ],
  };
}

/** Martins Castro Advogados (a law firm in Spain): a private client, a company client, and their users. */
export function martinsCastroUsers(): UsersData {
  const lucia: AccountListItem = { id: id(5), kind: 'person', name: 'Lucía Pérez', taxId: 'X1234567L', email: 'lucia@example.com', establishments: [], users: 1, pendingChanges: 0 };
  const almeida: AccountListItem = {
    id: id(6), kind: 'company', name: 'Grupo Almeida Rocha S.L.', taxId: 'B12345674', email: 'administracion@almeidarocha.example',
    establishments: [establishment(61, 'Sede Madrid', 'B12345674'), establishment(62, 'Oficina Valencia')], users: 2, pendingChanges: 0,
  };
  const user = (n: number, email: string, status: PortalUserListItem['status'], createdAt: string, lastSignInAt: string | null, memberships: PortalUserListItem['memberships']): PortalUserListItem =>
    ({ id: id(200 + n), email, status, locale: 'es', createdAt, lastSignInAt, memberships });
  return {
    accounts: [lucia, almeida],
    users: [
      user(1, 'administracion@almeidarocha.example', 'pending', '2026-11-18T10:00:00Z', null, [some(almeida, 'Sede Madrid')]),
      user(2, 'jorge.almeida@almeidarocha.example', 'disabled', '2026-07-01T09:00:00Z', '2026-08-12T18:20:00Z', [whole(almeida)]),
      user(3, 'lucia@example.com', 'active', '2026-05-06T16:30:00Z', '2026-11-26T19:45:00Z', [whole(lucia)]),
    ],
  };
}

/** A CSV for Clínica Sol with one row of each outcome: two to invite, one already a user, two bad rows. */
export const CLINICA_SOL_IMPORT_CSV = [
  'email,account,establishments,locale',
  'dp@horizonte.example,11.222.333/0001-81,Matriz;Filial Contagem,pt-BR',
  'compras@padariaaurora.example,45723174000110,,',
  'rh@horizonte.example,11222333000181,,',
  'nao-e-um-email,45723174000110,,',
  'gerente@serraazul.example,19131243000197,Garagem Contagem,',
].join('\n');

/** What every listing answers: the data, never (loading), nothing, or a network error. */
export const USERS_STATES = ['ready', 'loading', 'empty', 'error'] as const;
export type UsersState = (typeof USERS_STATES)[number];
export interface ApiCall {
  name: string;
  args: unknown[];
}

/** An in-memory users API over `data` (changed in place), recording every call in `log`. */
export function memoryUsersApi(data: UsersData = clinicaSolUsers(), options: { state?: UsersState; pageSize?: number; overrides?: Partial<AdminApi> } = {}) {
  const log: ApiCall[] = [];
  const state = options.state ?? 'ready';
  const pageSize = options.pageSize ?? 25;
  const copy = <T>(value: T): T => structuredClone(value);
  const findUser = (userId: string) => data.users.find((user) => user.id === userId) ?? fail('not_found', 404);

  const methods: Partial<AdminApi> = {
    async listUsers(query) {
      if (state === 'loading') return new Promise(() => {});
      if (state === 'error') throw new ApiError('network_error', 0, 'offline');
      const q = query.q?.toLowerCase();
      const found = state === 'empty' ? [] : data.users.filter((user) =>
        (!q || user.email.includes(q)) && (!query.status || user.status === query.status) && (!query.accountId || user.memberships.some((m) => m.accountId === query.accountId)));
      const start = query.before ? found.findIndex((user) => user.id === query.before) + 1 : 0;
      const items = found.slice(start, start + pageSize);
      return { items: copy(items), next: start + pageSize < found.length ? items.at(-1)!.id : null };
    },
    async listAccounts(query) {
      const q = fold(query.q ?? '');
      const items = data.accounts.filter((account) => !q || fold(account.name).includes(q) || (digits(q) && digits(account.taxId ?? '').includes(digits(q))));
      return { items: copy(items), next: null };
    },
    async inviteUser(input) {
      const account = data.accounts.find((a) => a.id === input.accountId) ?? fail('not_found', 404);
      if (!EMAIL.test(input.email)) throw new ApiError('invalid_input', 400, 'Invalid input', undefined, [{ path: 'email', message: 'Invalid email address' }]);
      const ids = input.establishmentIds ?? [];
      if (ids.some((eid) => !account.establishments.some((e) => e.id === eid))) fail('invalid_input', 400);
      const existing = data.users.find((user) => user.email === input.email.toLowerCase());
      if (existing?.memberships.some((m) => m.accountId === account.id)) fail('user_exists', 409);
      const user = invite(data, input.email.toLowerCase(), account, ids, input.locale);
      return { userId: user.id, status: user.status, activationSent: user.status === 'pending' };
    },
    async resendActivation(userId) {
      if (findUser(userId).status !== 'pending') fail('invalid_input', 409);
    },
    async sendPasswordReset(userId) {
      if (findUser(userId).status !== 'active') fail('invalid_input', 409);
    },
    async disableUser(userId) {
      findUser(userId).status = 'disabled';
    },
    async enableUser(userId) {
      const user = findUser(userId);
      user.status = user.lastSignInAt ? 'active' : 'pending';
    },
    async sendAccessLinks(userIds) {
      return { sent: userIds.filter((userId) => data.users.find((user) => user.id === userId)?.status === 'active').length };
    },
    async importUsers(csv, dryRun) {
      const rows = checkCsv(data, csv);
      for (const row of dryRun ? [] : rows.filter((r) => r.status === 'ok')) {
        const account = accountOf(data, csv, row)!;
        const ids = account.establishments.filter((e) => row.establishments.includes(e.name)).map((e) => e.id);
        row.userId = invite(data, row.email, account, ids, undefined).id;
      }
      return { dryRun, rows, invited: dryRun ? 0 : rows.filter((row) => row.status === 'ok').length };
    },
    ...options.overrides,
  };
  const recorded = Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [name, (...args: unknown[]) => (log.push({ name, args }), (method as (...a: unknown[]) => unknown)(...args))]),
  ) as Partial<AdminApi>;
  return { api: litSafe(fakeAdminApi(recorded)), log, data };
}

/**
 * `fakeAdminApi` answers every name with a failing method, `_$litDirective$` too — which Lit reads off a value bound
 * with `.api=${…}` and then calls as a directive. Lit's internal names are answered as absent.
 */
function litSafe(api: AdminApi): AdminApi {
  return new Proxy(api, { get: (target, name) => (typeof name === 'string' && name.startsWith('_$') ? undefined : Reflect.get(target, name)) });
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;
const fold = (value: string) => value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().trim();
const digits = (value: string) => value.replace(/[^0-9a-z]/gi, '').toLowerCase();

function fail(code: string, status: number): never {
  throw new ApiError(code, status, code);
}

function invite(data: UsersData, email: string, account: AccountListItem, establishmentIds: string[], locale: string | undefined): PortalUserListItem {
  let user = data.users.find((u) => u.email === email);
  if (!user) {
    user = { id: crypto.randomUUID(), email, status: 'pending', locale: (locale as PortalUserListItem['locale']) ?? null, createdAt: new Date().toISOString(), lastSignInAt: null, memberships: [] };
    data.users.unshift(user);
  }
  const chosen = account.establishments.filter((e) => establishmentIds.includes(e.id)).map(({ id, name }) => ({ id, name }));
  user.memberships.push({ accountId: account.id, accountName: account.name, allEstablishments: chosen.length === 0, establishments: chosen });
  return user;
}

const findAccount = (data: UsersData, reference: string) => data.accounts.find((a) => a.id === reference || (a.taxId && digits(a.taxId) === digits(reference)));
function accountOf(data: UsersData, csv: string, row: ImportRow) {
  return findAccount(data, csv.split(/\r?\n/)[row.line - 1]!.split(',')[1]!.trim());
}

/** The rows of a CSV as the server judges them (this fixture's CSV has no quoted cells). */
function checkCsv(data: UsersData, csv: string): ImportRow[] {
  const lines = csv.split(/\r?\n/);
  if (!/^email,account,establishments(,locale)?$/i.test(lines[0]?.trim() ?? '')) fail('invalid_input', 400);
  const seen = new Set<string>();
  const rows: ImportRow[] = [];
  lines.slice(1).forEach((text, index) => {
    if (!text.trim()) return;
    const [email = '', reference = '', places = '', locale = ''] = text.split(',').map((cell) => cell.trim());
    const account = findAccount(data, reference);
    const names = places.split(';').map((name) => name.trim()).filter(Boolean);
    const establishments = names.map((name) => account?.establishments.find((e) => fold(e.name) === fold(name) || (e.taxId && digits(e.taxId) === digits(name))));
    const row: ImportRow = { line: index + 2, email: email.toLowerCase(), accountName: account?.name ?? null, establishments: establishments.map((e, i) => e?.name ?? names[i]!), status: 'ok' };
    const key = `${row.email}|${account?.id}`;
    const code = !EMAIL.test(email) ? 'email_invalid' : !account ? 'account_not_found' : establishments.includes(undefined) ? 'establishment_not_found'
      : locale && !['pt-BR', 'es', 'en'].includes(locale) ? 'locale_invalid' : seen.has(key) ? 'duplicate_row' : undefined;
    seen.add(key);
    if (code) Object.assign(row, { status: 'error', code });
    else if (data.users.some((u) => u.email === row.email && u.memberships.some((m) => m.accountId === account!.id))) row.status = 'exists';
    rows.push(row);
  });
  return rows;
}
