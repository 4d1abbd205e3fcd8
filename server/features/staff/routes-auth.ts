import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { KeyStore } from '../../auth/keys.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { issueAccessToken } from '../../auth/tokens.ts';
import type { Database } from '../../db/database.ts';
import { clientIp } from '../../http/client-ip.ts';
import { PORTAL_TENANT_COLUMNS, type PortalTenant } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { staffCaller } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { releaseSignInAttempt, reserveSignInAttempt } from '../auth/throttle.ts';
import { confirmPasswordBody, secondFactorBody, setupBody, signInBody, type StaffSessionAnswer } from './schemas.ts';
import { findStaff, meOf, passwordSignIn, proveSecondFactor, setUpWithLink, staffAudit, type StaffRow } from './service.ts';
import { confirmSessionPassword, revokeStaffSessions, STAFF_ABSOLUTE_SECONDS, useStaffSession } from './sessions.ts';

/**
 * The console's session cookie: HttpOnly, Secure, `__Host-`, and SameSite=Strict — the console is served by Portico
 * itself, so the cookie never travels on another site's request. It holds `<tenant slug>.<secret>`.
 */
const COOKIE = 'portico_staff';
const cookieOptions = { prefix: 'host', secure: true, httpOnly: true, sameSite: 'Strict', path: '/' } as const;

type Deps = { db: Database; keys: KeyStore; clock: () => Date; trustedProxies: string[] };

/** `/api/admin/auth`: staff sign-in (password, then TOTP or a recovery code), session renewal, re-asking the password. */
export function staffAuthRoutes(deps: Deps) {
  const { db, clock } = deps;
  const tenantBySlug = async (slug: string) =>
    (await db.withoutTenant((tx) => tx<PortalTenant[]>`select ${tx.unsafe(PORTAL_TENANT_COLUMNS)} from tenants where slug = ${slug}`))[0];
  /** `<slug>.<rest>` → the tenant and the rest; undefined for anything else. */
  const split = async (handle: string) => {
    const dot = handle.indexOf('.');
    const tenant = dot > 0 ? await tenantBySlug(handle.slice(0, dot)) : undefined;
    return tenant ? { tenant, rest: handle.slice(dot + 1) } : undefined;
  };

  const answer = async (tenant: PortalTenant, staff: StaffRow, sessionId: string, now: Date): Promise<StaffSessionAnswer> => {
    const { token, expiresIn } = await issueAccessToken(deps.keys, 'staff', { sub: staff.id, tid: tenant.id, sid: sessionId, scp: 'staff' }, now);
    return { accessToken: token, expiresIn, staff: meOf(staff, tenant) };
  };

  return new Hono()
    .post('/sign-in', validate('json', signInBody), async (c) => {
      const { tenant: slug, email, password } = c.req.valid('json');
      const tenant = await tenantBySlug(slug);
      const ip = clientIp(c, deps.trustedProxies);
      if (!tenant) throw new AppError('invalid_credentials', 401, 'The e-mail or the password is not right');
      const now = clock();
      // The attempt is counted in its own transaction, so a wrong password (which rolls the sign-in back) still counts.
      await db.withTenant(tenant.id, (tx) => reserveSignInAttempt(tx, `staff:${email}`, ip, now));
      const result = await db.withTenant(tenant.id, async (tx) => {
        const step = await passwordSignIn(tx, tenant, email, password, now);
        await releaseSignInAttempt(tx, `staff:${email}`, ip, now);
        return step;
      });
      return c.json(result);
    })
    .post('/setup', validate('json', setupBody), async (c) => {
      const { token, password } = c.req.valid('json');
      const found = await split(token);
      if (!found) throw new AppError('invalid_link', 400, 'This link has expired or was already used; ask for a new one');
      return c.json(await db.withTenant(found.tenant.id, (tx) => setUpWithLink(tx, found.tenant, token, password, clock())));
    })
    .post('/second-factor', validate('json', secondFactorBody), async (c) => {
      const { challenge, code } = c.req.valid('json');
      const found = await split(challenge);
      const expired = new AppError('challenge_expired', 401, 'This sign-in took too long; start again');
      if (!found || !/^[0-9a-f-]{36}$/.test(found.rest)) throw expired;
      const now = clock();
      const result = await db.withTenant(found.tenant.id, async (tx) => {
        const outcome = await proveSecondFactor(tx, found.rest, code, now);
        if (!outcome.ok) return outcome;
        return { ...outcome, body: await answer(found.tenant, outcome.staff, outcome.session.id, now) };
      });
      if (!result.ok) throw result.problem;
      setCookie(c, COOKIE, `${found.tenant.slug}.${result.session.secret}`, { ...cookieOptions, maxAge: STAFF_ABSOLUTE_SECONDS });
      return c.json({ ...result.body, ...(result.recoveryCodes ? { recoveryCodes: result.recoveryCodes } : {}) });
    })
    .post('/token', async (c) => {
      const cookie = getCookie(c, COOKIE, 'host') ?? '';
      // No session to resume (a first visit) is not an error: the console shows the sign-in.
      if (!cookie) return c.body(null, 204);
      const found = await split(cookie);
      const now = clock();
      const body = found
        ? await db.withTenant(found.tenant.id, async (tx) => {
            const session = await useStaffSession(tx, { secret: found.rest }, now);
            const staff = session && (await findStaff(tx, { id: session.staff_id }));
            return session && staff ? answer(found.tenant, staff, session.id, now) : undefined;
          })
        : undefined;
      if (!body) {
        deleteCookie(c, COOKIE, cookieOptions);
        throw new AppError('unauthenticated', 401, 'Sign in to the console');
      }
      return c.json(body);
    })
    .post('/confirm-password', validate('json', confirmPasswordBody), async (c) => {
      const caller = await staffCaller(deps, c);
      if (!caller) throw new AppError('unauthenticated', 401, 'Sign in to the console');
      const now = clock();
      const ip = clientIp(c, deps.trustedProxies);
      const email = `staff:${caller.staff.email}`;
      await db.withTenant(caller.tenant.id, (tx) => reserveSignInAttempt(tx, email, ip, now));
      const checked = caller.staff.password_hash ? await verifyPassword(c.req.valid('json').password, caller.staff.password_hash) : { ok: false };
      // 403, not 401: the session is fine, only this password was not.
      if (!checked.ok) throw new AppError('invalid_credentials', 403, 'This is not your password');
      const confirmedUntil = await db.withTenant(caller.tenant.id, async (tx) => {
        await releaseSignInAttempt(tx, email, ip, now);
        await staffAudit(tx, { type: 'staff', id: caller.staff.id }, 'staff-password-confirmed', caller.staff.id);
        return confirmSessionPassword(tx, caller.sessionId, now);
      });
      return c.json({ confirmedUntil: confirmedUntil.toISOString() });
    })
    .post('/sign-out', async (c) => {
      const found = await split(getCookie(c, COOKIE, 'host') ?? '');
      if (found) await db.withTenant(found.tenant.id, (tx) => revokeStaffSessions(tx, { secret: found.rest }, 'signed-out', clock()));
      deleteCookie(c, COOKIE, cookieOptions);
      return c.body(null, 204);
    })
    .get('/me', async (c) => {
      const caller = await staffCaller(deps, c);
      if (!caller) throw new AppError('unauthenticated', 401, 'Sign in to the console');
      return c.json(meOf(caller.staff, caller.tenant));
    });
}
