import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { Database } from '../db/database.ts';
import { someTenantAllowsOrigin, tenantAllowsOrigin } from '../features/tenants/queries.ts';
import { tenantSlug } from '../features/tenants/schemas.ts';
import { AppError } from './problem.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** Whether the request's Origin is one its tenant lets embed the portal. */
    originAllowed: boolean;
  }
}

/** The header a widget sends on every API call to say which portal it belongs to. */
export const TENANT_HEADER = 'X-Portal-Tenant';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The tenant a request speaks for: the slug in a tenant URL (Hono has decoded the path), else the widget's header. */
function requestTenantSlug(c: Context): string | undefined {
  return /^\/api\/portal\/tenants\/([^/]+)/.exec(c.req.path)?.[1] ?? c.req.header(TENANT_HEADER);
}

function isSameOrigin(c: Context, origin: string): boolean {
  return URL.canParse(origin) && new URL(origin).host === c.req.header('Host');
}

/**
 * CORS per tenant (SECURITY.md 13): an Origin is allowed only if it exactly matches one of the tenant's
 * embed origins, read from the database. A preflight cannot say which tenant it is for (browsers do not send
 * header values), so it passes for an origin some enabled tenant allows; the real request is then checked
 * against its own tenant. Answers always carry `Vary: Origin`.
 */
export const tenantCors = (db: Database): MiddlewareHandler =>
  cors({
    origin: async (origin, c) => {
      const allowed = await isOriginAllowed(db, c, origin);
      c.set('originAllowed', allowed);
      return allowed ? origin : null;
    },
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['Content-Type', 'Authorization', TENANT_HEADER],
    exposeHeaders: ['X-Request-Id', 'Content-Disposition'],
    credentials: true,
    maxAge: 600,
  });

async function isOriginAllowed(db: Database, c: Context, origin: string): Promise<boolean> {
  if (!origin) return false;
  if (isSameOrigin(c, origin)) return true;
  const isPreflight = c.req.method === 'OPTIONS';
  const slug = requestTenantSlug(c);
  // A malformed slug names no tenant (and a NUL in it could not reach the database's text).
  if (!isPreflight && !(slug && tenantSlug.safeParse(slug).success)) return false;
  return db.withoutTenant((tx) => (isPreflight ? someTenantAllowsOrigin(tx, origin) : tenantAllowsOrigin(tx, slug!, origin)));
}

/**
 * Refuses a state-changing request from a browser origin its tenant does not allow (a cross-site request
 * would otherwise still run, even though its answer is hidden from the page).
 */
export const originGuard = (): MiddlewareHandler =>
  async function originGuard(c, next) {
    const origin = c.req.header('Origin');
    if (origin && !SAFE_METHODS.has(c.req.method) && !c.get('originAllowed')) {
      throw new AppError('origin_not_allowed', 403, `Requests from ${origin.slice(0, 200)} are not allowed for this portal`);
    }
    await next();
  };
