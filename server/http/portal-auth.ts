import type { Context, MiddlewareHandler } from 'hono';
import type { KeyStore } from '../auth/keys.ts';
import { InvalidTokenError, verifyAccessToken, type AccessClaims, type TokenKind } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import { liveSession } from '../features/auth/sessions.ts';
import { withMeta } from '../openapi/meta.ts';
import { AppError } from './problem.ts';
import { TENANT_HEADER } from './tenant-cors.ts';

/** The tenant a portal request is for, resolved from the widget's tenant header. */
export interface PortalTenant {
  id: string;
  slug: string;
  name: string;
  locale: 'pt-BR' | 'es' | 'en';
  currency: string;
  /** IANA time zone: "today", due dates and overdue are the tenant's (e.g. America/Sao_Paulo). */
  timeZone: string;
  portalUrl: string | null;
}

/** The tenants columns a {@link PortalTenant} is read from. */
export const PORTAL_TENANT_COLUMNS = 'id, slug, name, default_locale as locale, currency, time_zone as "timeZone", portal_url as "portalUrl"';

/**
 * Who is calling. One shape for every kind of caller (portal client, quick access, and later staff and
 * integrations), so authorisation code asks the same questions of all of them.
 */
export interface Principal {
  type: 'client' | 'quick-access' | 'staff' | 'integration';
  tenantId: string;
  /** The portal user, or the process of a quick-access session. */
  subject: string;
  sessionId: string;
  /** The account chosen in the session (A10). */
  accountId: string | null;
  scope: AccessClaims['scp'];
}

declare module 'hono' {
  interface ContextVariableMap {
    tenant: PortalTenant;
    principal: Principal;
  }
}

/** Resolves `X-Portal-Tenant` to an enabled tenant, or answers 404 `tenant_not_found`. */
export const portalTenant = (db: Database): MiddlewareHandler =>
  withMeta(async function portalTenant(c, next) {
    const slug = c.req.header(TENANT_HEADER);
    if (!slug) throw new AppError('tenant_not_found', 404, `Say which portal with the ${TENANT_HEADER} header`);
    const [row] = await db.withoutTenant(
      (tx) => tx<PortalTenant[]>`select ${tx.unsafe(PORTAL_TENANT_COLUMNS)} from tenants where slug = ${slug} and portal_enabled`,
    );
    if (!row) throw new AppError('tenant_not_found', 404, 'There is no such portal');
    c.set('tenant', row);
    await next();
  }, { kind: 'tenant' });

function bearerToken(c: Context): string {
  const header = c.req.header('Authorization') ?? '';
  const match = /^Bearer ([\w-]+\.[\w-]+\.[\w-]*)$/.exec(header);
  if (!match) throw new AppError('unauthenticated', 401, 'Sign in first');
  return match[1]!;
}

/**
 * Accepts an access token of one of `kinds` for the request's tenant, whose session is still live (revocation is
 * checked on every request: signing out or disabling a user takes effect at once).
 */
export const requirePrincipal = (deps: { db: Database; keys: KeyStore; clock: () => Date }, kinds: TokenKind[]): MiddlewareHandler =>
  withMeta(async function requirePrincipal(c, next) {
    const token = bearerToken(c);
    const now = deps.clock();
    let claims: AccessClaims | undefined;
    let kind: TokenKind | undefined;
    for (const candidate of kinds) {
      try {
        claims = await verifyAccessToken(deps.keys, candidate, token, now);
        kind = candidate;
        break;
      } catch (error) {
        if (!(error instanceof InvalidTokenError)) throw error;
      }
    }
    const tenant = c.get('tenant');
    if (!claims || !kind || claims.tid !== tenant.id) throw new AppError('unauthenticated', 401, 'The session is not valid; sign in again');
    const session = await deps.db.withTenant(tenant.id, (tx) => liveSession(tx, claims.sid, now));
    if (!session) throw new AppError('unauthenticated', 401, 'The session has ended; sign in again');
    c.set('principal', {
      type: kind === 'portal' ? 'client' : 'quick-access',
      tenantId: tenant.id,
      subject: claims.sub,
      sessionId: claims.sid,
      accountId: session.account_id,
      scope: claims.scp,
    });
    await next();
  }, { kind: 'auth', scheme: 'portalSession', sessions: kinds });

/**
 * The portal user behind a full client session; anything else (a profile-only link, a quick-access session) is a
 * 403 — those sessions see only what they were opened for.
 */
export function clientUserOf(principal: Principal): string {
  if (principal.type !== 'client' || principal.scope !== 'full') throw new AppError('forbidden', 403, 'Sign in to the portal to see this');
  return principal.subject;
}

/** The portal user behind a full session or a profile-only link (P5): what may read and change the profile. */
export function profileUserOf(principal: Principal): string {
  if (principal.type !== 'client' || (principal.scope !== 'full' && principal.scope !== 'profile')) throw new AppError('forbidden', 403, 'Sign in to the portal to see this');
  return principal.subject;
}
