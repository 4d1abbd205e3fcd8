import { Hono, type Context } from 'hono';
import type { Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { hashPassword, passwordProblem, verifyNothing, verifyPassword } from '../../auth/passwords.ts';
import { sha256, sixDigitCode } from '../../auth/secrets.ts';
import { clientIp } from '../../http/client-ip.ts';
import { AppError } from '../../http/problem.ts';
import { setRefreshCookie } from '../../http/refresh-cookie.ts';
import { validate } from '../../http/validate.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import * as q from './queries.ts';
import { emailBody, registerBody, signInBody } from './schemas.ts';
import { authRouteDocs as doc } from './route-docs.ts';
import { sendLink, startUserSession, type AuthDeps } from './service.ts';
import { revokeUserSessions } from './sessions.ts';
import { assertCostlyRequestAllowed, assertMailAllowed, releaseSignInAttempt, reserveSignInAttempt } from './throttle.ts';

const CODE_MINUTES = 10;
const codeHash = (id: string, code: string) => sha256(`${id}:${code}`);

/** The same answer whether or not the e-mail is known (SECURITY.md 8). */
const SENT_IF_KNOWN = { status: 'sent-if-known' } as const;

function refusePassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw new AppError(problem, 400, 'Choose another password: at least 8 characters, and not a common one');
}

/**
 * A handler for a request that may e-mail the address it names (a code, a link): limited per address and per
 * e-mail, `work` decides in the tenant's transaction whether to send, and the answer is the same either way.
 */
function mailOnRequest(deps: AuthDeps, kind: string, work: (tx: Tx, email: string, tenant: PortalTenant, now: Date) => Promise<void>) {
  return async (c: Context) => {
    // The address as validated (trimmed, lower-cased) by the `emailBody` validator in front of this handler.
    const { email } = c.req.valid('json' as never) as { email: string };
    const tenant = c.get('tenant');
    const now = deps.clock();
    await deps.db.withTenant(tenant.id, async (tx) => {
      await assertCostlyRequestAllowed(tx, 'mail', clientIp(c, deps.trustedProxies), now);
      await assertMailAllowed(tx, kind, email, now);
      await work(tx, email, tenant, now);
    });
    deps.wakeMail();
    return c.json(SENT_IF_KNOWN, 202);
  };
}

/** Sign in (A5), codes and registration (A3), first access (A4), forgot password (A6). Hashing never holds a transaction. */
export function credentialRoutes(deps: AuthDeps) {
  const { db, keys, clock } = deps;
  return new Hono()
    .post('/sign-in', doc.signIn, validate('json', signInBody), async (c) => {
      const { email, password } = c.req.valid('json');
      const tenant = c.get('tenant');
      const ip = clientIp(c, deps.trustedProxies);
      const now = clock();
      const user = await db.withTenant(tenant.id, async (tx) => {
        await reserveSignInAttempt(tx, email, ip, now);
        return q.findUserByEmail(tx, email);
      });
      const usable = user?.status === 'active' && user.password_hash;
      const check = usable ? await verifyPassword(password, user.password_hash!) : (await verifyNothing(password), { ok: false, rehash: false });
      const rehashed = check.ok && check.rehash ? await hashPassword(password) : undefined;
      const session = await db.withTenant(tenant.id, async (tx) => {
        if (!check.ok) return undefined;
        // The user may have been disabled, or changed the password, while the hash was being checked.
        const current = await q.lockUser(tx, user!.id);
        if (current?.status !== 'active' || current.password_hash !== user!.password_hash) return undefined;
        await releaseSignInAttempt(tx, email, ip, now);
        if (rehashed) await q.updatePasswordHash(tx, user!.id, user!.password_hash!, rehashed);
        await q.audit(tx, { actorType: 'client', actorId: user!.id, action: 'signed-in' });
        return startUserSession(tx, keys, tenant, user!, 'client', now);
      });
      if (!session) throw new AppError('invalid_credentials', 401, 'Wrong e-mail or password');
      setRefreshCookie(c, tenant.slug, session.refreshToken);
      return c.json(session.answer);
    })
    .post(
      '/register/code',
      doc.registerCode,
      validate('json', emailBody),
      mailOnRequest(deps, 'code', async (tx, email, tenant, now) => {
        const user = await q.findUserByEmail(tx, email);
        const known = user ? user.status !== 'disabled' : (await q.accountsWithContactEmail(tx, email)).length > 0;
        if (!known) return;
        const code = sixDigitCode();
        const expiresAt = new Date(now.getTime() + CODE_MINUTES * 60_000);
        await q.createCode(tx, email, 'register', (id) => codeHash(id, code), expiresAt, now);
        await enqueueMail(tx, {
          tenantId: tenant.id,
          dedupeKey: `code:${email}:${now.getTime()}`,
          to: email,
          template: 'register-code',
          locale: (user?.locale as typeof tenant.locale | null) ?? tenant.locale,
          data: { code, expiresInMinutes: CODE_MINUTES },
        });
      }),
    )
    .post('/register', doc.register, validate('json', registerBody), async (c) => {
      const { email, code, password } = c.req.valid('json');
      refusePassword(password);
      const tenant = c.get('tenant');
      const now = clock();
      await db.withTenant(tenant.id, (tx) => assertCostlyRequestAllowed(tx, 'register', clientIp(c, deps.trustedProxies), now));
      const passwordHash = await hashPassword(password);
      const session = await db.withTenant(tenant.id, async (tx) => {
        const live = await q.latestCode(tx, email, 'register', now);
        if (!live) return undefined;
        if (live.code_hash !== codeHash(live.id, code)) return void (await q.countFailedCode(tx, live.id));
        if (!(await q.consumeCode(tx, live.id, codeHash(live.id, code), now))) return undefined;
        const user = (await q.findUserByEmail(tx, email)) ?? (await q.ensureUserForContact(tx, email, await q.accountsWithContactEmail(tx, email)));
        if (user.status === 'disabled') return undefined;
        await q.setPassword(tx, user.id, passwordHash, now);
        await revokeUserSessions(tx, user.id, 'password-set-by-code', now);
        await q.audit(tx, { actorType: 'client', actorId: user.id, action: 'password-set-by-code', subjectType: 'portal_user', subjectId: user.id });
        return startUserSession(tx, keys, tenant, user, 'client', now);
      });
      if (!session) throw new AppError('invalid_code', 400, 'The code is wrong or has expired; ask for a new one');
      setRefreshCookie(c, tenant.slug, session.refreshToken);
      return c.json(session.answer, 201);
    })
    .post(
      '/first-access',
      doc.firstAccess,
      validate('json', emailBody),
      mailOnRequest(deps, 'first-access', async (tx, email, tenant, now) => {
        const existing = await q.findUserByEmail(tx, email);
        if (existing && (existing.password_hash || existing.status === 'disabled')) return;
        const accounts = existing ? [] : await q.accountsWithContactEmail(tx, email);
        if (!existing && accounts.length === 0) return;
        const user = existing ?? (await q.ensureUserForContact(tx, email, accounts));
        await sendLink(tx, tenant, user, 'first-access', now);
      }),
    )
    .post(
      '/password/forgot',
      doc.forgotPassword,
      validate('json', emailBody),
      mailOnRequest(deps, 'reset', async (tx, email, tenant, now) => {
        const user = await q.findUserByEmail(tx, email);
        if (user?.status === 'active') await sendLink(tx, tenant, user, 'reset', now);
      }),
    );
}
