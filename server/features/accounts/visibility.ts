import type { Tx } from '../../db/database.ts';

/**
 * The SQL condition "a portal user may see this row" (SECURITY.md 17) for any table with `account_id` and
 * `establishment_id`: the user reaches the account, and inside it the row's establishment — a row about the whole
 * account (no establishment) only when the user reaches all of it. `alias` is the row's table alias in the query.
 */
export const visibleTo = (tx: Tx, userId: string, alias: string) => tx`
  exists (select 1 from memberships m where m.user_id = ${userId} and m.account_id = ${tx(alias)}.account_id
           and (m.all_establishments or ${tx(alias)}.establishment_id = any(m.establishment_ids)))`;
