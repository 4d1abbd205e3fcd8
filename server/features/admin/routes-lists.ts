import { parse } from 'csv-parse/sync';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { makeCursor, readCursor } from '../../http/page-cursor.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { normalizeTaxId } from '../accounts/tax-id.ts';
import { email as emailSchema } from '../auth/schemas.ts';
import { LOCALES, type Locale } from '../tenants/schemas.ts';
import { inviteUser, type Actor } from '../users/service.ts';
import { adminRouteDocs as doc } from './route-docs.ts';
import { accountListQuery, importInput, userListQuery, type AccountListItem, type ImportAnswer, type ImportRow, type PortalUserListItem } from './schemas.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `%…%` for ILIKE, with the user's own wildcards taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;

/** The account list's cursor: the last name and id, opaque to clients (a name may hold any character). */
const nameCursor = {
  make: (name: string, id: string) => Buffer.from(JSON.stringify([name, id])).toString('base64url'),
  read(cursor: string | undefined): { name: string; id: string } | undefined {
    if (!cursor) return undefined;
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    } catch {
      parsed = undefined;
    }
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string' || !UUID.test(parsed[1])) {
      throw new AppError('invalid_input', 400, 'The page cursor is not one this server gave', [{ path: 'before', message: 'is not a page cursor' }]);
    }
    return { name: parsed[0], id: parsed[1] };
  },
};

/** Accounts by name, with their establishments, how many users reach them and their pending registration changes. */
async function listAccounts(tx: Tx, query: z.infer<typeof accountListQuery>): Promise<{ items: AccountListItem[]; next: string | null }> {
  const after = nameCursor.read(query.before);
  const q = query.q || undefined;
  // A tax id typed with its punctuation (11.222.333/0001-81) is compared by its digits.
  const digits = q && /^[\d\s./-]+$/.test(q) ? q.replace(/\D/g, '') : '';
  const rows = await tx<AccountListItem[]>`
    select a.id, a.kind, a.name, a.tax_id as "taxId", a.email,
           coalesce((select json_agg(json_build_object('id', e.id, 'name', e.name, 'taxId', e.tax_id) order by e.name, e.id)
                       from establishments e where e.account_id = a.id), '[]'::json) as establishments,
           (select count(*)::int from memberships m where m.account_id = a.id) as users,
           (select count(*)::int from profile_changes p where p.account_id = a.id and p.status = 'pending') as "pendingChanges"
      from accounts a
     where a.tenant_id = portico_current_tenant()
       ${q ? tx`and (a.name ilike ${containing(q)} or a.email ilike ${containing(q)} or a.tax_id ilike ${containing(q)}
                     ${digits ? tx`or regexp_replace(coalesce(a.tax_id, ''), '[^0-9]', '', 'g') like ${containing(digits)}` : tx``})` : tx``}
       ${after ? tx`and (a.name, a.id) > (${after.name}, ${after.id}::uuid)` : tx``}
     order by a.name, a.id
     limit ${query.limit + 1}`;
  const items = rows.slice(0, query.limit);
  return { items, next: rows.length > query.limit ? nameCursor.make(items.at(-1)!.name, items.at(-1)!.id) : null };
}

/** `/api/v1/accounts` (`GET /`): the console's list of client accounts, searched by name, tax id or e-mail. */
export function accountListRoutes(deps: { db: Database; clock: () => Date }) {
  const { db } = deps;
  return new Hono().get('/', doc.accounts, requireIntegration(deps, 'accounts:read'), validate('query', accountListQuery), async (c) =>
    c.json(await db.withTenant(c.get('tenant').id, (tx) => listAccounts(tx, c.req.valid('query')))),
  );
}

/** Portal users newest first, with the accounts (and establishments) each reaches and when it last signed in. */
async function listUsers(tx: Tx, query: z.infer<typeof userListQuery>): Promise<{ items: PortalUserListItem[]; next: string | null }> {
  // The key keeps the database's microseconds: a millisecond cursor would skip or repeat users made together.
  const after = readCursor(query.before, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  const rows = await tx<(PortalUserListItem & { key: string })[]>`
    select u.id, u.email, u.status, u.locale, u.created_at as "createdAt",
           to_char(u.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as key,
           (select max(s.created_at) from sessions s where s.user_id = u.id) as "lastSignInAt",
           coalesce((select json_agg(json_build_object(
                        'accountId', m.account_id, 'accountName', a.name, 'allEstablishments', m.all_establishments,
                        'establishments', coalesce((select json_agg(json_build_object('id', e.id, 'name', e.name) order by e.name, e.id)
                                                      from establishments e where e.id = any(m.establishment_ids)), '[]'::json))
                      order by a.name, a.id)
                       from memberships m join accounts a on a.id = m.account_id where m.user_id = u.id), '[]'::json) as memberships
      from portal_users u
     where u.tenant_id = portico_current_tenant()
       ${query.q ? tx`and u.email ilike ${containing(query.q.toLowerCase())}` : tx``}
       ${query.status ? tx`and u.status = ${query.status}` : tx``}
       ${query.accountId ? tx`and exists (select 1 from memberships m where m.user_id = u.id and m.account_id = ${query.accountId})` : tx``}
       ${after ? tx`and (u.created_at, u.id) < (${after.key}::timestamptz, ${after.id}::uuid)` : tx``}
     order by u.created_at desc, u.id desc
     limit ${query.limit + 1}`;
  const page = rows.slice(0, query.limit);
  const items = page.map(({ key: _key, ...user }) => ({
    ...user,
    createdAt: new Date(user.createdAt).toISOString(),
    lastSignInAt: user.lastSignInAt && new Date(user.lastSignInAt).toISOString(),
  }));
  return { items, next: rows.length > query.limit ? makeCursor(page.at(-1)!.key, page.at(-1)!.id) : null };
}

const IMPORT_COLUMNS = ['email', 'account', 'establishments', 'locale'];
const MAX_IMPORT_ROWS = 5_000;

interface CsvRow {
  line: number;
  email: string;
  account: string;
  establishments: string[];
  locale: string;
}

const unreadable = (detail: string) => new AppError('invalid_input', 400, detail, [{ path: 'csv', message: detail }]);

/** The CSV's data rows, or a 400 that says what is wrong with the file. */
function readCsv(csv: string): CsvRow[] {
  // Spreadsheets set to Portuguese or Spanish save with semicolons: a header with no comma but a semicolon says so.
  const header = csv.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = !header.includes(',') && header.includes(';') ? ';' : ',';
  let columns: string[] = [];
  let records: { record: Record<string, string | undefined>; info: { lines: number } }[];
  try {
    records = parse(csv, {
      columns: (names: string[]) => (columns = names.map((name) => name.trim().toLowerCase())),
      delimiter,
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count_less: true,
      info: true,
    });
  } catch (error) {
    throw unreadable(`The CSV cannot be read: ${(error as Error).message}`);
  }
  const unknown = columns.filter((name) => !IMPORT_COLUMNS.includes(name));
  if (!columns.includes('email') || !columns.includes('account') || unknown.length || new Set(columns).size !== columns.length) {
    throw unreadable(`The first line must name the columns, such as email,account,establishments,locale${unknown.length ? ` (unknown: ${unknown.join(', ').slice(0, 200)})` : ''}`);
  }
  if (records.length > MAX_IMPORT_ROWS) throw unreadable(`At most ${MAX_IMPORT_ROWS} rows can be imported at once; this file has ${records.length}`);
  return records.map(({ record, info }) => ({
    line: info.lines,
    email: record.email ?? '',
    account: record.account ?? '',
    establishments: (record.establishments ?? '').split(';').map((name) => name.trim()).filter(Boolean),
    locale: record.locale ?? '',
  }));
}

type Named = { id: string; name: string; tax_id: string | null };
/** The one record `value` names by tax id (punctuation or not) or, when `byName`, by name in any case; else undefined. */
function pick<T extends Named>(candidates: T[], value: string, byName: boolean): T | undefined {
  const taxId = normalizeTaxId(value);
  const digits = value.replace(/\D/g, '');
  const found = candidates.filter(
    (row) =>
      (byName && row.name.toLowerCase() === value.toLowerCase()) ||
      (row.tax_id !== null && (row.tax_id === taxId || (digits !== '' && row.tax_id.replace(/\D/g, '') === digits))),
  );
  return found.length === 1 ? found[0] : undefined;
}

type CheckedRow = ImportRow & { invite?: { email: string; accountId: string; establishmentIds: string[]; locale?: Locale } };

/** What the rows name: their accounts (by id or tax id), those accounts' establishments, and the memberships already there. */
async function lookUp(tx: Tx, rows: CsvRow[]) {
  const ids = rows.map((row) => row.account.toLowerCase()).filter((value) => UUID.test(value));
  const taxIds = rows.map((row) => normalizeTaxId(row.account)).filter(Boolean);
  const digits = rows.map((row) => row.account.replace(/\D/g, '')).filter(Boolean);
  const accounts = await tx<Named[]>`
    select id, name, tax_id from accounts
     where tenant_id = portico_current_tenant()
       and (id = any(${ids}::uuid[]) or tax_id = any(${taxIds}::text[]) or regexp_replace(tax_id, '[^0-9]', '', 'g') = any(${digits}::text[]))`;
  const establishments = await tx<(Named & { account_id: string })[]>`
    select id, account_id, name, tax_id from establishments where account_id = any(${accounts.map((account) => account.id)}::uuid[])`;
  const emails = rows.map((row) => emailSchema.safeParse(row.email).data).filter((value) => value !== undefined);
  const members = await tx<{ id: string; email: string; account_id: string }[]>`
    select u.id, u.email, m.account_id from portal_users u join memberships m on m.user_id = u.id where u.email = any(${emails}::text[])`;
  return { accounts, establishments, members };
}

/** Checks every row against the tenant's accounts, establishments and memberships, writing nothing. */
async function checkRows(tx: Tx, rows: CsvRow[]): Promise<CheckedRow[]> {
  const { accounts, establishments, members } = await lookUp(tx, rows);
  const seen = new Set<string>();
  return rows.map((row): CheckedRow => {
    const email = emailSchema.safeParse(row.email).data;
    const account = UUID.test(row.account.toLowerCase()) ? accounts.find((candidate) => candidate.id === row.account.toLowerCase()) : pick(accounts, row.account, false);
    const own = establishments.filter((establishment) => establishment.account_id === account?.id);
    const chosen = row.establishments.map((name) => pick(own, name, true));
    const allFound = chosen.every((establishment) => establishment !== undefined);
    const locale = LOCALES.find((known) => known.toLowerCase() === row.locale.toLowerCase());
    const answer: CheckedRow = {
      line: row.line,
      email: email ?? row.email,
      accountName: account?.name ?? null,
      establishments: allFound ? chosen.map((establishment) => establishment!.name) : row.establishments,
      status: 'error',
    };
    if (!email) return { ...answer, code: 'email_invalid' };
    if (!account) return { ...answer, code: 'account_not_found' };
    if (!allFound) return { ...answer, code: 'establishment_not_found' };
    if (row.locale && !locale) return { ...answer, code: 'locale_invalid' };
    const key = `${email} ${account.id}`;
    if (seen.has(key)) return { ...answer, code: 'duplicate_row' };
    seen.add(key);
    const member = members.find((candidate) => candidate.email === email && candidate.account_id === account.id);
    if (member) return { ...answer, status: 'exists', userId: member.id };
    return { ...answer, status: 'ok', invite: { email, accountId: account.id, establishmentIds: chosen.map((establishment) => establishment!.id), ...(locale ? { locale } : {}) } };
  });
}

/**
 * A4/G4: checks a CSV of users and, unless it is a dry run, invites the good rows — each in its own transaction, so
 * one that fails never undoes the others. An unexpected failure stops the import (the rows before it stay invited).
 */
async function importUsers(db: Database, tenant: PortalTenant, actor: Actor, input: z.infer<typeof importInput>, clock: () => Date): Promise<ImportAnswer> {
  const checked = await db.withTenant(tenant.id, (tx) => checkRows(tx, readCsv(input.csv)));
  if (!input.dryRun && !tenant.portalUrl && checked.some((row) => row.invite)) {
    throw new AppError('portal_address_missing', 409, 'Set the portal address first: e-mailed links land there');
  }
  let invited = 0;
  const rows: ImportRow[] = [];
  for (const { invite, ...row } of checked) {
    if (input.dryRun || !invite) {
      rows.push(row);
      continue;
    }
    try {
      const { userId } = await db.withTenant(tenant.id, (tx) => inviteUser(tx, tenant, actor, invite, clock()));
      rows.push({ ...row, userId });
      invited += 1;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // The account or an establishment went away since the check.
      rows.push({ ...row, status: 'error', code: error.code === 'not_found' ? 'account_not_found' : 'establishment_not_found' });
    }
  }
  return { dryRun: input.dryRun, rows, invited };
}

/**
 * `/api/v1/users` for the console (G4): the list of portal users, enabling a disabled one again, and importing many
 * from a CSV (A4). Mounted beside `userRoutes`, which invites, resends, resets, disables and sends magic links.
 */
export function userAdminRoutes(deps: { db: Database; clock: () => Date; wakeMail: () => void }) {
  const { db, clock } = deps;
  const writes = requireIntegration(deps, 'users:write');
  return new Hono()
    .get('/', doc.users, requireIntegration(deps, 'users:read'), validate('query', userListQuery), async (c) =>
      c.json(await db.withTenant(c.get('tenant').id, (tx) => listUsers(tx, c.req.valid('query')))),
    )
    .post('/import', doc.importUsers, writes, idempotent(deps), validate('json', importInput), async (c) => {
      const answer = await importUsers(db, c.get('tenant'), actorOf(c), c.req.valid('json'), clock);
      if (answer.invited) deps.wakeMail();
      return c.json(answer);
    })
    .post('/:id/enable', doc.enableUser, writes, validate('param', z.object({ id: z.uuid() })), async (c) => {
      const { id } = c.req.valid('param');
      const actor = actorOf(c);
      await db.withTenant(c.get('tenant').id, async (tx) => {
        const [user] = await tx<{ status: string; has_password: boolean }[]>`
          select status, password_hash is not null as has_password from portal_users where id = ${id} for update`;
        if (!user) throw new AppError('not_found', 404, 'No such user');
        if (user.status !== 'disabled') return;
        // Without a password the user still has to activate: back to pending, where an activation e-mail can be resent.
        await tx`update portal_users set status = ${user.has_password ? 'active' : 'pending'}, updated_at = ${clock()} where id = ${id}`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
                 values (portico_current_tenant(), ${actor.type}, ${actor.id}, 'enabled', 'portal_user', ${id})`;
      });
      return c.body(null, 204);
    });
}
