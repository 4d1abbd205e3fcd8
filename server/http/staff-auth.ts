import { withMeta } from '../openapi/meta.ts';
import type { Context, MiddlewareHandler } from 'hono';
import type { KeyStore } from '../auth/keys.ts';
import { InvalidTokenError, verifyAccessToken } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import { scopesOf, type Scope } from '../features/staff/schemas.ts';
import { findStaff, type StaffRow } from '../features/staff/service.ts';
import { passwordRecentlyConfirmed, useStaffSession } from '../features/staff/sessions.ts';
import { PORTAL_TENANT_COLUMNS, type PortalTenant } from './portal-auth.ts';
import { AppError } from './problem.ts';

/** A signed-in staff member calling the API from the console. */
export interface StaffCaller {
  tenant: PortalTenant;
  staff: StaffRow;
  sessionId: string;
  scopes: Scope[];
  /** Whether the password was entered again in the last 5 minutes (seed 004). */
  passwordConfirmed: boolean;
}

declare module 'hono' {
  interface ContextVariableMap {
    staff?: StaffCaller;
  }
}

const ended = () => new AppError('unauthenticated', 401, 'The console session has ended; sign in again');

/**
 * Reads a staff access token (SECURITY.md 10: its own `typ` and audience) and its session: live, its member active,
 * and used — each call moves the 15-minute idle deadline on (SECURITY.md 15). Undefined when the bearer is not a
 * staff token at all (an API token, say); a staff token that fails is a 401.
 */
export async function staffCaller(deps: { db: Database; keys: KeyStore; clock: () => Date }, c: Context): Promise<StaffCaller | undefined> {
  const token = /^Bearer (\S+)$/.exec(c.req.header('Authorization') ?? '')?.[1];
  if (!token || token.startsWith('ptk_') || token.split('.').length !== 3) return undefined;
  const now = deps.clock();
  let claims;
  try {
    claims = await verifyAccessToken(deps.keys, 'staff', token, now);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw ended();
    throw error;
  }
  if (claims.scp !== 'staff') throw ended();
  const [tenant] = await deps.db.withoutTenant(
    (tx) => tx<PortalTenant[]>`select ${tx.unsafe(PORTAL_TENANT_COLUMNS)} from tenants where id = ${claims.tid}`,
  );
  if (!tenant) throw ended();
  const found = await deps.db.withTenant(tenant.id, async (tx) => {
    const session = await useStaffSession(tx, { id: claims.sid }, now);
    const staff = session && session.staff_id === claims.sub ? await findStaff(tx, { id: session.staff_id }) : undefined;
    return session && staff ? { session, staff } : undefined;
  });
  if (!found) throw ended();
  return {
    tenant,
    staff: found.staff,
    sessionId: found.session.id,
    scopes: scopesOf(found.staff.role, found.staff.permissions),
    passwordConfirmed: passwordRecentlyConfirmed(found.session, now),
  };
}

/** Puts the staff caller, if the bearer is one, where `requireIntegration` finds it. */
export const staffBearer = (deps: { db: Database; keys: KeyStore; clock: () => Date }): MiddlewareHandler =>
  async function staffBearer(c, next) {
    const caller = await staffCaller(deps, c);
    if (caller) c.set('staff', caller);
    await next();
  };

/**
 * Seed 004: a change of the portal's settings, branding, tokens or staff asks a staff member for the password again
 * (within 5 minutes). Integrations, with their own scoped tokens, are not asked.
 */
export const requireRecentPassword = (): MiddlewareHandler =>
  withMeta(async function requireRecentPassword(c, next) {
    const staff = c.get('staff');
    if (staff && !staff.passwordConfirmed) {
      throw new AppError('password_confirmation_required', 403, 'Enter your password again to make this change');
    }
    await next();
  }, { kind: 'recentPassword' });

/** Who an audit entry names for a management call: the staff member, or the API token. */
export function actorOf(c: Context): { type: 'staff' | 'integration'; id: string } {
  const principal = c.get('principal');
  return { type: principal.type === 'staff' ? 'staff' : 'integration', id: principal.subject };
}
