import type { Tx } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';

/**
 * The SQL condition "a portal user may see this row" (SECURITY.md 17) for any table with `account_id` and
 * `establishment_id`: the user reaches the account, and inside it the row's establishment — a row about the whole
 * account (no establishment) only when the user reaches all of it. `alias` is the row's table alias in the query.
 */
export const visibleTo = (tx: Tx, userId: string, alias: string) => tx`
  exists (select 1 from memberships m where m.user_id = ${userId} and m.account_id = ${tx(alias)}.account_id
           and (m.all_establishments or ${tx(alias)}.establishment_id = any(m.establishment_ids)))`;

/** The establishment a new row of `userId` (a request, a booking) is placed in within `accountId`, inside their scope (A10, A11). */
export async function placeInAccount(tx: Tx, userId: string, accountId: string, establishmentId?: string): Promise<string | null> {
  const [membership] = await tx<{ all_establishments: boolean; establishment_ids: string[] }[]>`
    select all_establishments, establishment_ids from memberships where user_id = ${userId} and account_id = ${accountId}`;
  if (!membership) throw new AppError('not_found', 404, 'No such account');
  if (membership.all_establishments) {
    if (!establishmentId) return null;
    const [found] = await tx`select 1 from establishments where id = ${establishmentId} and account_id = ${accountId}`;
    if (!found) throw new AppError('not_found', 404, 'No such establishment');
    return establishmentId;
  }
  if (establishmentId) {
    if (!membership.establishment_ids.includes(establishmentId)) throw new AppError('not_found', 404, 'No such establishment');
    return establishmentId;
  }
  if (membership.establishment_ids.length === 1) return membership.establishment_ids[0]!;
  throw new AppError('invalid_input', 400, 'Say which establishment this is about', [{ path: 'establishmentId', message: 'is required' }]);
}

/** The account a client acts on: the one named (if they reach it), the session's, or their only one. */
export async function accountFor(tx: Tx, userId: string, named: string | undefined, sessionAccount: string | null) {
  const accounts = await tx<{ id: string; name: string; taxId: string | null; email: string | null }[]>`
    select a.id, a.name, a.tax_id as "taxId", a.email from memberships m join accounts a on a.id = m.account_id
     where m.user_id = ${userId} and m.tenant_id = portico_current_tenant()`;
  const wanted = named ?? sessionAccount ?? (accounts.length === 1 ? accounts[0]!.id : undefined);
  if (!wanted) throw new AppError('invalid_input', 400, 'Choose the account first', [{ path: 'accountId', message: 'is required' }]);
  const account = accounts.find((candidate) => candidate.id === wanted);
  if (!account) throw new AppError('not_found', 404, 'No such account');
  return account;
}
