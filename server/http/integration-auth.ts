import type { MiddlewareHandler } from 'hono';
import { apiTokenTenant, useApiToken, type ApiScope } from '../auth/api-tokens.ts';
import type { StaffScope } from '../features/staff/schemas.ts';
import type { Database } from '../db/database.ts';
import { PORTAL_TENANT_COLUMNS, type PortalTenant } from './portal-auth.ts';
import { AppError } from './problem.ts';

/**
 * Accepts an API token with `scope` in the `Authorization` header only (SECURITY.md 6), and sets the tenant it
 * belongs to and an integration principal. Unknown, expired and revoked tokens are one and the same 401. A staff
 * member signed in to the console (found by `staffBearer`) calls the same endpoints with the scopes of their role;
 * the staff-only scopes are never granted to an API token.
 */
export const requireIntegration = (deps: { db: Database; clock: () => Date }, scope: ApiScope | StaffScope): MiddlewareHandler =>
  async function requireIntegration(c, next) {
    const staff = c.get('staff');
    if (staff) {
      if (!staff.scopes.includes(scope)) throw new AppError('forbidden', 403, `Your role does not allow this (${scope})`);
      c.set('tenant', staff.tenant);
      c.set('principal', { type: 'staff', tenantId: staff.tenant.id, subject: staff.staff.id, sessionId: staff.sessionId, accountId: null, scope: 'staff' });
      return next();
    }
    const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1] ?? '';
    const slug = apiTokenTenant(token);
    const unauthenticated = new AppError('unauthenticated', 401, 'A valid API token is required');
    if (!slug) throw unauthenticated;
    const [tenant] = await deps.db.withoutTenant(
      (tx) => tx<PortalTenant[]>`select ${tx.unsafe(PORTAL_TENANT_COLUMNS)} from tenants where slug = ${slug}`,
    );
    if (!tenant) throw unauthenticated;
    const used = await deps.db.withTenant(tenant.id, (tx) => useApiToken(tx, token, deps.clock()));
    if (!used) throw unauthenticated;
    if (!(used.scopes as string[]).includes(scope)) throw new AppError('forbidden', 403, `This token lacks the ${scope} scope`);
    c.set('tenant', tenant);
    c.set('principal', { type: 'integration', tenantId: tenant.id, subject: used.id, sessionId: used.id, accountId: null, scope: 'full' });
    await next();
  };
