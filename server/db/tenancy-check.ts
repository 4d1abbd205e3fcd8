import type { OwnerSql } from './database.ts';
import { APP_ROLE } from './roles.ts';

/** Something in the database that would let one tenant see or write another's rows. */
export interface TenancyViolation {
  table: string;
  reason: string;
}

interface Policy {
  command: string;
  permissive: boolean;
  roles: string[];
  using: string | null;
  check: string | null;
}

interface TableFacts {
  table: string;
  owner: string;
  rls_enabled: boolean;
  rls_forced: boolean;
  tenant_id_not_null: boolean | null;
  policies: Policy[];
}

/** The one condition a policy the app role is subject to may have on a tenant-owned table. */
const TENANT_SCOPE = '(tenant_id = portico_current_tenant())';
/** …and on the tenant registry, for anything but reading it. */
const OWN_TENANT = '(id = portico_current_tenant())';

/**
 * Reads the catalog against SECURITY.md 16. Every tenant-owned table (one with a `tenant_id` column, and the tenant
 * registry itself) must have RLS enabled and forced, `tenant_id NOT NULL`, and every permissive policy that applies
 * to the app role must be exactly the tenant scope, for reads and writes alike (the registry may be read openly).
 * The app role itself must not be a superuser, bypass RLS, or own any table.
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
                      'roles', (select json_agg(case when r = 0 then 'public' else pg_get_userbyid(r) end) from unnest(p.polroles) r),
                      'using', pg_get_expr(p.polqual, p.polrelid), 'check', pg_get_expr(p.polwithcheck, p.polrelid)))
                       from pg_policy p where p.polrelid = c.oid), '[]'::json) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relkind in ('r', 'p')
       and (c.relname = 'tenants' or exists (select 1 from pg_attribute a
             where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
     order by c.relname`;
  const [role] = await sql<{ rolsuper: boolean; rolbypassrls: boolean; owns: string[] }[]>`
    select r.rolsuper, r.rolbypassrls,
           array(select relname::text from pg_class where relowner = r.oid and relkind in ('r', 'p', 'v', 'm')) as owns
      from pg_roles r where r.rolname = ${APP_ROLE}`;
  const roleViolations = !role
    ? [`${APP_ROLE} does not exist`]
    : [
        ...(role.rolsuper ? ['is a superuser'] : []),
        ...(role.rolbypassrls ? ['can bypass row-level security'] : []),
        ...role.owns.map((table) => `owns ${table}, so its policies do not apply to it`),
      ];
  return [
    ...roleViolations.map((reason) => ({ table: `(role ${APP_ROLE})`, reason })),
    ...tables.flatMap((facts) => tableViolations(facts).map((reason) => ({ table: facts.table, reason }))),
  ];
}

function tableViolations(facts: TableFacts): string[] {
  const reasons: string[] = [];
  if (!facts.rls_enabled) reasons.push('row-level security is not enabled');
  if (!facts.rls_forced) reasons.push('row-level security is not forced');
  const appPolicies = facts.policies.filter((policy) => policy.roles.includes('public') || policy.roles.includes(APP_ROLE));
  if (appPolicies.length === 0) reasons.push(`has no policy for ${APP_ROLE}`);
  const isRegistry = facts.table === 'tenants';
  if (!isRegistry && facts.tenant_id_not_null === false) reasons.push('tenant_id allows NULL');
  const scope = isRegistry ? OWN_TENANT : TENANT_SCOPE;
  for (const policy of appPolicies.filter((p) => p.permissive)) {
    const openRead = isRegistry && policy.command === 'r' && policy.using === 'true';
    if (!openRead && policy.using !== scope && policy.using !== null) reasons.push(`a policy reads rows by ${policy.using}, not ${scope}`);
    const writes = policy.command === '*' || policy.command === 'a' || policy.command === 'w';
    if (writes && policy.check !== null && policy.check !== scope) reasons.push(`a policy writes rows by ${policy.check}, not ${scope}`);
  }
  return reasons;
}
