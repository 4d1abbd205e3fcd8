import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import type { Actor } from '../users/service.ts';
import { isValidTaxId, normalizeTaxId, taxIdKindsFor } from './tax-id.ts';

/** A client account as the business's systems send it (A10, A11, D3). */
export interface NewAccount {
  kind: 'person' | 'company';
  name: string;
  taxId?: string;
  email?: string;
  phone?: string;
  externalId?: string;
  establishments?: { name: string; taxId?: string }[];
}

/** Refuses a tax id whose check digits are wrong for the tenant's country (CPF/CNPJ for BRL, NIF/NIE for EUR). */
function checkedTaxId(currency: string, kind: NewAccount['kind'], value: string | undefined, path: string): string | null {
  if (!value) return null;
  const kinds = taxIdKindsFor(currency, kind);
  if (!kinds.some((taxKind) => isValidTaxId(taxKind, value))) {
    throw new AppError('invalid_input', 400, `${path} is not a valid ${kinds.join(' or ').toUpperCase()}`, [{ path, message: 'has wrong check digits' }]);
  }
  return normalizeTaxId(value);
}

/**
 * Creates an account with its establishments, or — when `externalId` names one that exists — answers that one
 * (an integration may send the same account twice). Returns its id and whether it was created.
 */
export async function createAccount(tx: Tx, tenant: PortalTenant, actor: Actor, input: NewAccount): Promise<{ id: string; created: boolean }> {
  const taxId = checkedTaxId(tenant.currency, input.kind, input.taxId, 'taxId');
  const establishments = (input.establishments ?? []).map((e, i) => ({ name: e.name, taxId: checkedTaxId(tenant.currency, 'company', e.taxId, `establishments.${i}.taxId`) }));
  if (establishments.length && input.kind !== 'company') throw new AppError('invalid_input', 400, 'Only a company has establishments');
  if (input.externalId) {
    const [existing] = await tx<{ id: string }[]>`select id from accounts where external_id = ${input.externalId}`;
    if (existing) return { id: existing.id, created: false };
  }
  const [account] = await tx<{ id: string }[]>`
    insert into accounts (tenant_id, kind, name, tax_id, email, phone, external_id)
    values (portico_current_tenant(), ${input.kind}, ${input.name}, ${taxId}, ${input.email ?? null}, ${input.phone ?? null}, ${input.externalId ?? null})
    returning id`;
  for (const establishment of establishments) {
    await tx`insert into establishments (tenant_id, account_id, name, tax_id) values (portico_current_tenant(), ${account!.id}, ${establishment.name}, ${establishment.taxId})`;
  }
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, 'account-created', 'account', ${account!.id})`;
  return { id: account!.id, created: true };
}

/** An account with its establishments, or a 404 (also for another tenant's id: RLS hides it). */
export async function findAccount(tx: Tx, id: string) {
  const [account] = await tx`
    select a.id, a.kind, a.name, a.tax_id as "taxId", a.email, a.phone, a.external_id as "externalId",
           coalesce((select json_agg(json_build_object('id', e.id, 'name', e.name, 'taxId', e.tax_id) order by e.name)
                       from establishments e where e.account_id = a.id), '[]'::json) as establishments
      from accounts a where a.id = ${id}`;
  if (!account) throw new AppError('not_found', 404, 'No such account');
  return account;
}

/** One item's outcome in a batch upsert, in the order sent. */
export interface AccountUpsertResult {
  externalId: string;
  id: string;
  result: 'created' | 'updated' | 'unchanged';
}

/**
 * Upserts accounts by the business's own ids (issue 13): a new `externalId` is created, a known one gets the
 * sent kind, name, tax id, e-mail and phone, and any establishment it names that it does not have yet (matched by
 * name; establishments are never removed here, as portal users may be limited to them). All or nothing: one wrong
 * item refuses the batch, its fields named as `items.<n>.<field>`.
 */
export async function upsertAccounts(tx: Tx, tenant: PortalTenant, actor: Actor, items: (NewAccount & { externalId: string })[]): Promise<AccountUpsertResult[]> {
  const seen = new Set<string>();
  const checked = items.map((item, index) => {
    if (seen.has(item.externalId)) throw new AppError('invalid_input', 400, `externalId ${item.externalId} is sent twice`, [{ path: `items.${index}.externalId`, message: 'is sent twice in this batch' }]);
    seen.add(item.externalId);
    try {
      const taxId = checkedTaxId(tenant.currency, item.kind, item.taxId, 'taxId');
      const establishments = (item.establishments ?? []).map((e, i) => ({ name: e.name, taxId: checkedTaxId(tenant.currency, 'company', e.taxId, `establishments.${i}.taxId`) }));
      if (establishments.length && item.kind !== 'company') throw new AppError('invalid_input', 400, 'Only a company has establishments', [{ path: 'establishments', message: 'only a company has establishments' }]);
      return { ...item, taxId, establishments };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      throw new AppError('invalid_input', 400, `items.${index}: ${error.message}`, (error.errors ?? [{ path: '', message: error.message }]).map((e) => ({ path: `items.${index}${e.path ? `.${e.path}` : ''}`, message: e.message })));
    }
  });
  const existing = new Map(
    (
      await tx<{ id: string; external_id: string; kind: string; name: string; tax_id: string | null; email: string | null; phone: string | null; establishments: string[] }[]>`
        select a.id, a.external_id, a.kind, a.name, a.tax_id, a.email, a.phone,
               coalesce((select array_agg(e.name) from establishments e where e.account_id = a.id), '{}') as establishments
          from accounts a where a.tenant_id = portico_current_tenant() and a.external_id = any(${[...seen]})`
    ).map((row) => [row.external_id, row]),
  );
  const results: AccountUpsertResult[] = [];
  for (const item of checked) {
    const found = existing.get(item.externalId);
    const fields = { kind: item.kind, name: item.name, tax_id: item.taxId, email: item.email ?? null, phone: item.phone ?? null };
    if (!found) {
      const [row] = await tx<{ id: string }[]>`
        insert into accounts (tenant_id, kind, name, tax_id, email, phone, external_id)
        values (portico_current_tenant(), ${fields.kind}, ${fields.name}, ${fields.tax_id}, ${fields.email}, ${fields.phone}, ${item.externalId}) returning id`;
      for (const e of item.establishments) await tx`insert into establishments (tenant_id, account_id, name, tax_id) values (portico_current_tenant(), ${row!.id}, ${e.name}, ${e.taxId})`;
      results.push({ externalId: item.externalId, id: row!.id, result: 'created' });
      continue;
    }
    const added = item.establishments.filter((e) => !found.establishments.includes(e.name));
    const same = found.kind === fields.kind && found.name === fields.name && found.tax_id === fields.tax_id && found.email === fields.email && found.phone === fields.phone;
    if (same && !added.length) {
      results.push({ externalId: item.externalId, id: found.id, result: 'unchanged' });
      continue;
    }
    if (found.kind !== fields.kind && fields.kind === 'person' && found.establishments.length) {
      throw new AppError('invalid_input', 400, `${item.externalId} has establishments and cannot become a person`, [{ path: `items.${checked.indexOf(item)}.kind`, message: 'cannot change to person while it has establishments' }]);
    }
    await tx`update accounts set kind = ${fields.kind}, name = ${fields.name}, tax_id = ${fields.tax_id}, email = ${fields.email}, phone = ${fields.phone} where id = ${found.id}`;
    for (const e of added) await tx`insert into establishments (tenant_id, account_id, name, tax_id) values (portico_current_tenant(), ${found.id}, ${e.name}, ${e.taxId})`;
    results.push({ externalId: item.externalId, id: found.id, result: 'updated' });
  }
  const changed = results.filter((result) => result.result !== 'unchanged').length;
  if (changed) {
    await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
             values (portico_current_tenant(), ${actor.type}, ${actor.id}, 'accounts-upserted', 'account', 'batch', ${tx.json({ changed })})`;
  }
  return results;
}
