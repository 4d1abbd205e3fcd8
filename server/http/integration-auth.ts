import type { MiddlewareHandler } from 'hono';
import { apiTokenTenant, useApiToken, type ApiScope } from '../auth/api-tokens.ts';
import type { StaffScope } from '../features/staff/schemas.ts';
import type { Database } from '../db/database.ts';
import { PORTAL_TENANT_COLUMNS, type PortalTenant } from './portal-auth.ts';
import { AppError } from './problem.ts';
import { withMeta } from '../openapi/meta.ts';
import { hit, retryAfter } from '../auth/rate-limit.ts';

/** Requests per minute per API token when the app does not say (API_RATE_LIMIT). */
const DEFAULT_RATE_LIMIT = 600;
const RATE_WINDOW_SECONDS = 60;

declare module 'hono' {
  interface ContextVariableMap {
    /** Requests per minute an API token may make (set by the app from API_RATE_LIMIT). */
    apiRateLimit: number;
  }
}

/**
 * Accepts an API token with `scope` in the `Authorization` header only (SECURITY.md 6), and sets the tenant it
 * belongs to and an integration principal. Unknown, expired and revoked tokens are one and the same 401. A staff
 * member signed in to the console (found by `staffBearer`) calls the same endpoints with the scopes of their role;
 * the staff-only scopes are never granted to an API token. Each token may make `apiRateLimit` requests a minute
 * (counted in Postgres, so across instances); every answer says what is left in `RateLimit` headers.
 */
export const requireIntegration = (deps: { db: Database; clock: () => Date }, scope: ApiScope | StaffScope): MiddlewareHandler =>
  withMeta(async function requireIntegration(c, next) {
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
    const now = deps.clock();
    const limit = c.get('apiRateLimit') ?? DEFAULT_RATE_LIMIT;
    const used = await deps.db.withTenant(tenant.id, async (tx) => {
      const found = await useApiToken(tx, token, now);
      return found && { ...found, hits: await hit(tx, `api-token:${found.id}`, RATE_WINDOW_SECONDS, now) };
    });
    if (!used) throw unauthenticated;
    const reset = retryAfter(now, RATE_WINDOW_SECONDS);
    c.header('RateLimit-Policy', `"default";q=${limit};w=${RATE_WINDOW_SECONDS}`);
    c.header('RateLimit', `"default";r=${Math.max(0, limit - used.hits)};t=${reset}`);
    if (used.hits > limit) {
      const refused = new AppError('rate_limited', 429, `This token made more than ${limit} requests in a minute; wait ${reset} s`);
      refused.retryAfter = reset;
      throw refused;
    }
    if (!(used.scopes as string[]).includes(scope)) throw new AppError('forbidden', 403, `This token lacks the ${scope} scope`);
    c.set('tenant', tenant);
    c.set('principal', { type: 'integration', tenantId: tenant.id, subject: used.id, sessionId: used.id, accountId: null, scope: 'full' });
    await next();
  }, { kind: 'auth', scheme: 'apiToken', scope });
