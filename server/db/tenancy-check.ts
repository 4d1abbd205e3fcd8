import type { OwnerSql } from './database.ts';
import { APP_ROLE } from './roles.ts';

/** A tenant-owned table whose row-level security would let one tenant see or write another's rows. */
export interface TenancyViolation {
  table: string;
  reason: string;
}

interface TableFacts {
  table: string;
  owner: string;
  rls_enabled: boolean;
  rls_forced: boolean;
  tenant_id_not_null: boolean | null;
  policies: { command: string; permissive: boolean; using: string | null; check: string | null }[];
}

/**
 * Reads the catalog and lists every tenant-owned table (one with a `tenant_id` column, and the tenant
 * registry itself) that breaks SECURITY.md 16: RLS enabled and forced, `tenant_id NOT NULL`, every
 * permissive policy scoped by `portico_current_tenant()` for reads and writes, not owned by the app role.
 */
export async function findTenancyViolations(sql: OwnerSql): Promise<TenancyViolation[]> {
  const tables = await sql<TableFacts[]>`
    select c.relname as table,
           pg_get_userbyid(c.relowner) as owner,
           c.relrowsecurity as rls_enabled,
           c.relforcerowsecurity as rls_forced,
           (select a.attnotnull from pg_attribute a
             where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant_id_not_null,
           coalesce((select json_agg(json_build_object(
                      'command', p.polcmd, 'permissive', p.polpermissive,
                      'using', pg_get_expr(p.polqual, p.polrelid), 'check', pg_get_expr(p.polwithcheck, p.polrelid)))
                       from pg_policy p where p.polrelid = c.oid), '[]'::json) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and (c.relname = 'tenants' or exists (select 1 from pg_attribute a
             where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
     order by c.relname`;
  return tables.flatMap((facts) => tableViolations(facts).map((reason) => ({ table: facts.table, reason })));
}

function tableViolations(facts: TableFacts): string[] {
  const reasons: string[] = [];
  if (!facts.rls_enabled) reasons.push('row-level security is not enabled');
  if (!facts.rls_forced) reasons.push('row-level security is not forced');
  if (facts.owner === APP_ROLE) reasons.push(`owned by ${APP_ROLE}, which would bypass its policies`);
  if (facts.policies.length === 0) reasons.push('has no policy');
  if (facts.table === 'tenants') return reasons;
  if (facts.tenant_id_not_null === false) reasons.push('tenant_id allows NULL');
  const scoped = (expression: string | null) => expression?.includes('portico_current_tenant()') ?? false;
  for (const policy of facts.policies.filter((p) => p.permissive)) {
    if (!scoped(policy.using)) reasons.push(`a policy reads rows without checking the tenant (${policy.using ?? 'no USING'})`);
    const writes = policy.command === '*' || policy.command === 'a' || policy.command === 'w';
    if (writes && policy.check !== null && !scoped(policy.check)) reasons.push(`a policy writes rows without checking the tenant (${policy.check})`);
  }
  return reasons;
}
