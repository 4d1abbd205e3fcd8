import { Hono } from 'hono';
import { timingSafeEqual } from 'node:crypto';
import { hashPassword, passwordProblem } from '../../auth/passwords.ts';
import { sha256 } from '../../auth/secrets.ts';
import { issueAccessToken } from '../../auth/tokens.ts';
import { clientIp } from '../../http/client-ip.ts';
import { requirePrincipal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from '../../http/refresh-cookie.ts';
import { validate } from '../../http/validate.ts';
import * as q from './queries.ts';
import { authRouteDocs as doc } from './route-docs.ts';
import { chooseAccountBody, inspectLinkBody, linkBody, quickAccessBody } from './schemas.ts';
import { sessionAnswer, sessionInfo, startUserSession, type AuthDeps } from './service.ts';
import { chooseSessionAccount, liveSession, openSession, revokeSession, revokeUserSessions, rotateRefreshToken } from './sessions.ts';
import { assertQuickAccessAllowed, recordQuickAccessFailure } from './throttle.ts';

const NEEDS_PASSWORD = new Set<q.LinkPurpose>(['activation', 'reset', 'first-access']);
const invalidLink = () => new AppError('invalid_link', 400, 'This link has expired or was already used; ask for a new one');

/** E-mailed links (A1, A4, A6, A7), refresh and sign-out (SECURITY.md 11), the account picker (A10), quick access (A8). */
export function sessionRoutes(deps: AuthDeps) {
  const { db, keys, clock } = deps;
  const signedIn = requirePrincipal(deps, ['portal']);
  return new Hono()
    .post('/link/inspect', doc.inspectLink, validate('json', inspectLinkBody), async (c) => {
      // Looking does not spend the link: mail scanners that follow links change nothing (SECURITY.md 4).
      const link = await db.withTenant(c.get('tenant').id, (tx) => q.peekLink(tx, sha256(c.req.valid('json').token), clock()));
      if (!link) throw invalidLink();
      return c.json({ purpose: link.purpose, needsPassword: NEEDS_PASSWORD.has(link.purpose) });
    })
    .post('/link/redeem', doc.redeemLink, validate('json', linkBody), async (c) => {
      const { token, password } = c.req.valid('json');
      const tenant = c.get('tenant');
      const now = clock();
      const peeked = await db.withTenant(tenant.id, (tx) => q.peekLink(tx, sha256(token), now));
      if (!peeked) throw invalidLink();
      const needsPassword = NEEDS_PASSWORD.has(peeked.purpose);
      if (needsPassword && !password) throw new AppError('password_required', 400, 'Choose a password to continue');
      const problem = needsPassword ? passwordProblem(password!) : undefined;
      if (problem) throw new AppError(problem, 400, 'Choose another password: at least 8 characters, and not a common one');
      const passwordHash = needsPassword ? await hashPassword(password!) : undefined;
      const session = await db.withTenant(tenant.id, async (tx) => {
        const link = await q.consumeLink(tx, sha256(token), now);
        const user = link && (await q.findUser(tx, link.user_id));
        if (!link || !user || user.status === 'disabled') return undefined;
        if (passwordHash) {
          await q.setPassword(tx, user.id, passwordHash, now);
          await revokeUserSessions(tx, user.id, `password-set-by-${link.purpose}`, now);
        } else {
          await tx`update portal_users set status = 'active', email_verified_at = coalesce(email_verified_at, ${now}) where id = ${user.id}`;
        }
        await q.audit(tx, { actorType: 'client', actorId: user.id, action: `link-${link.purpose}`, subjectType: 'portal_user', subjectId: user.id });
        return startUserSession(tx, keys, tenant, user, link.purpose === 'magic-profile' ? 'profile' : 'client', now);
      });
      if (!session) throw invalidLink();
      setRefreshCookie(c, tenant.slug, session.refreshToken);
      return c.json(session.answer);
    })
    .post('/refresh', doc.refresh, async (c) => {
      const tenant = c.get('tenant');
      const token = readRefreshCookie(c, tenant.slug);
      // No cookie is the ordinary state of a visitor who has not signed in: nothing to restore, not an error.
      if (!token) return c.body(null, 204);
      const now = clock();
      const outcome = await db.withTenant(tenant.id, async (tx) => {
        const rotated = await rotateRefreshToken(tx, token, now);
        return 'rejected' in rotated ? rotated : { ...rotated, answer: await sessionAnswer(tx, keys, tenant, rotated.session, now) };
      });
      if ('rejected' in outcome) {
        clearRefreshCookie(c, tenant.slug);
        throw new AppError('unauthenticated', 401, 'The session has ended; sign in again');
      }
      if (outcome.refreshToken) setRefreshCookie(c, tenant.slug, outcome.refreshToken);
      return c.json(outcome.answer);
    })
    .post('/sign-out', doc.signOut, async (c) => {
      const tenant = c.get('tenant');
      const token = readRefreshCookie(c, tenant.slug);
      if (token) {
        await db.withTenant(tenant.id, async (tx) => {
          const [row] = await tx<{ session_id: string }[]>`select session_id from refresh_tokens where token_hash = ${sha256(token)}`;
          if (row) await revokeSession(tx, row.session_id, 'signed-out', clock());
        });
      }
      clearRefreshCookie(c, tenant.slug);
      return c.body(null, 204);
    })
    .post('/sign-out-everywhere', doc.signOutEverywhere, signedIn, async (c) => {
      const principal = c.get('principal');
      await db.withTenant(principal.tenantId, async (tx) => {
        await revokeUserSessions(tx, principal.subject, 'signed-out-everywhere', clock());
        await q.audit(tx, { actorType: 'client', actorId: principal.subject, action: 'signed-out-everywhere' });
      });
      clearRefreshCookie(c, c.get('tenant').slug);
      return c.body(null, 204);
    })
    .get('/session', doc.session, signedIn, async (c) => {
      const principal = c.get('principal');
      const info = await db.withTenant(principal.tenantId, async (tx) => {
        const session = await liveSession(tx, principal.sessionId, clock());
        if (!session) throw new AppError('unauthenticated', 401, 'The session has ended; sign in again');
        return sessionInfo(tx, session);
      });
      return c.json(info);
    })
    .post('/account', doc.chooseAccount, signedIn, validate('json', chooseAccountBody), async (c) => {
      const principal = c.get('principal');
      const { accountId } = c.req.valid('json');
      const answer = await db.withTenant(principal.tenantId, async (tx) => {
        const accounts = await q.reachableAccounts(tx, principal.subject);
        // An account the user cannot reach looks the same as one that does not exist (SECURITY.md 17).
        if (!accounts.some((account) => account.id === accountId)) throw new AppError('account_not_reachable', 404, 'No such account');
        await chooseSessionAccount(tx, principal.sessionId, accountId);
        const session = await liveSession(tx, principal.sessionId, clock());
        if (!session) throw new AppError('unauthenticated', 401, 'The session has ended; sign in again');
        return sessionInfo(tx, session, { accounts });
      });
      return c.json(answer);
    })
    .post('/quick-access', doc.quickAccess, validate('json', quickAccessBody), async (c) => {
      const { number, accessKey } = c.req.valid('json');
      const tenant = c.get('tenant');
      const ip = clientIp(c, deps.trustedProxies);
      const now = clock();
      const answer = await db.withTenant(tenant.id, async (tx) => {
        await assertQuickAccessAllowed(tx, ip, now);
        const process = await q.findProcessForQuickAccess(tx, number);
        const given = Buffer.from(sha256(accessKey));
        const expected = Buffer.from(process?.access_key_hash ?? sha256('no such process'));
        if (!process || !timingSafeEqual(given, expected)) return void (await recordQuickAccessFailure(tx, ip, now));
        const session = await openSession(tx, { processId: process.id, kind: 'quick-access', accountId: process.account_id }, now);
        await q.audit(tx, { actorType: 'quick-access', actorId: process.id, action: 'quick-access-opened', subjectType: 'process', subjectId: process.id });
        const { token, expiresIn } = await issueAccessToken(keys, 'quick-access', { sub: process.id, tid: tenant.id, sid: session.id, scp: 'process' }, now);
        return { accessToken: token, tokenType: 'Bearer' as const, expiresIn, scope: 'process' as const, processId: process.id };
      });
      if (!answer) throw new AppError('invalid_credentials', 401, 'Wrong process number or access key');
      return c.json(answer);
    });
}

