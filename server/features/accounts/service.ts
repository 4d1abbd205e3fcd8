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
