import { Hono } from 'hono';
import { portalTenant } from '../../http/portal-auth.ts';
import { credentialRoutes } from './routes-credentials.ts';
import type { AuthDeps } from './service.ts';
import { sessionRoutes } from './routes-session.ts';

/** `/api/portal/auth`: every way into the portal, for the tenant named by the widget's header. */
export function authRoutes(deps: AuthDeps) {
  return new Hono().use(portalTenant(deps.db)).route('/', credentialRoutes(deps)).route('/', sessionRoutes(deps));
}

export type { AuthDeps };
