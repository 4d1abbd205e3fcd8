import { Hono } from 'hono';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { portalTenant, requirePrincipal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf, requireRecentPassword } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { accountFor } from '../accounts/visibility.ts';
import type { AuthDeps } from '../auth/service.ts';
import { moduleRouteDocs as doc } from './route-docs.ts';
import { accountModulesInput, linksInput, MODULES, type EffectiveModules, type Module } from './schemas.ts';

/** What a quick-access session (A8) may ever open. */
const QUICK_ACCESS: Module[] = ['processes', 'news'];

/** The tenant's modules with `accountId`'s exceptions laid over them, in the menu's order. */
export async function effectiveModules(tx: Tx, accountId: string | null): Promise<Module[]> {
  const [tenant] = await tx<{ modules: string[] }[]>`select modules from tenants where id = portico_current_tenant()`;
  const exceptions = accountId
    ? await tx<{ module: string; enabled: boolean }[]>`select module, enabled from account_modules where account_id = ${accountId} and tenant_id = portico_current_tenant()`
    : [];
  const on = new Set(tenant!.modules);
  for (const exception of exceptions) (exception.enabled ? on.add(exception.module) : on.delete(exception.module));
  return MODULES.filter((module) => on.has(module));
}

/** `/api/portal/modules`: the menu of the whole portal for the signed-in account (G2, G3). */
export function portalModuleRoutes(deps: AuthDeps) {
  const { db } = deps;
  return new Hono().use(portalTenant(db), requirePrincipal(deps, ['portal', 'quick-access'])).get('/', doc.portal, validate('query', z.object({ accountId: z.uuid().optional() })), async (c) => {
    const principal = c.get('principal');
    const modules = await db.withTenant(c.get('tenant').id, async (tx): Promise<Module[]> => {
      if (principal.type === 'quick-access') {
        const [process] = await tx<{ accountId: string }[]>`select account_id as "accountId" from processes where id = ${principal.subject}`;
        return (await effectiveModules(tx, process?.accountId ?? null)).filter((module) => QUICK_ACCESS.includes(module));
      }
      if (principal.scope === 'profile') return (await effectiveModules(tx, principal.accountId)).filter((module) => module === 'profile');
      return effectiveModules(tx, (await accountFor(tx, principal.subject, c.req.valid('query').accountId, principal.accountId)).id);
    });
    const answer: EffectiveModules = { modules };
    return c.json(answer);
  });
}

/** `/api/v1/accounts/{id}/modules` (an account's exceptions) and `/api/v1/branding/links` (the footer's links). */
export function integrationModuleRoutes(deps: { db: Database; clock: () => Date }) {
  const { db } = deps;
  const accountParam = z.object({ id: z.uuid() });
  const exists = async (tx: Tx, id: string) => {
    const [row] = await tx`select 1 from accounts where id = ${id} and tenant_id = portico_current_tenant()`;
    if (!row) throw new AppError('not_found', 404, 'No such account');
  };
  const accounts = new Hono()
    .get('/:id/modules', doc.accountGet, requireIntegration(deps, 'accounts:read'), validate('param', accountParam), async (c) =>
      c.json(
        await db.withTenant(c.get('tenant').id, async (tx) => {
          await exists(tx, c.req.valid('param').id);
          const exceptions = await tx<{ module: string; enabled: boolean }[]>`select module, enabled from account_modules where account_id = ${c.req.valid('param').id} order by module`;
          return { modules: await effectiveModules(tx, c.req.valid('param').id), exceptions: Object.fromEntries(exceptions.map((row) => [row.module, row.enabled])) };
        }),
      ),
    )
    .put('/:id/modules', doc.accountPut, requireIntegration(deps, 'accounts:write'), validate('param', accountParam), validate('json', accountModulesInput), async (c) => {
      const { id } = c.req.valid('param');
      const modules = await db.withTenant(c.get('tenant').id, async (tx) => {
        await exists(tx, id);
        for (const [module, enabled] of Object.entries(c.req.valid('json').modules)) {
          if (enabled === null || enabled === undefined) await tx`delete from account_modules where account_id = ${id} and module = ${module}`;
          else
            await tx`insert into account_modules (tenant_id, account_id, module, enabled) values (portico_current_tenant(), ${id}, ${module}, ${enabled})
                     on conflict (account_id, module) do update set enabled = excluded.enabled`;
        }
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
                 values (portico_current_tenant(), ${actorOf(c).type}, ${actorOf(c).id}, 'account-modules-changed', 'account', ${id}, ${tx.json(c.req.valid('json').modules as never)})`;
        return effectiveModules(tx, id);
      });
      return c.json({ modules });
    });
  const branding = new Hono().put('/links', doc.links, requireIntegration(deps, 'branding:write'), requireRecentPassword(), validate('json', linksInput), async (c) => {
    const links = c.req.valid('json');
    await db.withTenant(c.get('tenant').id, (tx) => tx`update tenants set links = ${tx.json(links as never)}, updated_at = ${deps.clock()} where id = portico_current_tenant()`);
    return c.json(links);
  });
  return { accounts, branding };
}
