import type { KeyStore } from '../../auth/keys.ts';
import { randomToken, sha256 } from '../../auth/secrets.ts';
import { issueAccessToken } from '../../auth/tokens.ts';
import type { Database, Tx } from '../../db/database.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import { createLink, reachableAccounts, type LinkPurpose, type UserRow } from './queries.ts';
import type { SessionAnswer, SessionInfo } from './schemas.ts';
import { openSession, type SessionRow } from './sessions.ts';

/** What the auth feature is built from. */
export interface AuthDeps {
  db: Database;
  keys: KeyStore;
  clock: () => Date;
  /** Asks the mail dispatcher to look at the outbox now rather than at its next tick. */
  wakeMail: () => void;
  trustedProxies: string[];
}

/** How long each kind of e-mailed link lives (SECURITY.md 4). */
export const LINK_LIFETIME_MINUTES: Record<LinkPurpose, number> = {
  activation: 72 * 60,
  reset: 30,
  'first-access': 24 * 60,
  magic: 15,
  'magic-profile': 15,
};

const LINK_TEMPLATES = { activation: 'activation', reset: 'reset', 'first-access': 'first-access', magic: 'magic-link', 'magic-profile': 'magic-link' } as const;

/**
 * Creates a link for `user` and writes its e-mail to the outbox in the same transaction (SECURITY.md 19). The link
 * lands on the tenant's registered portal address, never on whatever Host the request named (SECURITY.md 4), with
 * the token in the fragment, which browsers do not send to servers or in Referer headers.
 */
export async function sendLink(tx: Tx, tenant: PortalTenant, user: Pick<UserRow, 'id' | 'email' | 'locale'>, purpose: LinkPurpose, now: Date): Promise<boolean> {
  if (!tenant.portalUrl) return false;
  const token = randomToken();
  const minutes = LINK_LIFETIME_MINUTES[purpose];
  await createLink(tx, user.id, purpose, sha256(token), new Date(now.getTime() + minutes * 60_000), now);
  const link = `${tenant.portalUrl.replace(/#.*$/, '')}#portico-link=${token}`;
  const inHours = purpose === 'activation' || purpose === 'first-access';
  await enqueueMail(tx, {
    tenantId: tenant.id,
    dedupeKey: `link:${sha256(token)}`,
    to: user.email,
    template: LINK_TEMPLATES[purpose],
    locale: (user.locale as PortalTenant['locale'] | null) ?? tenant.locale,
    data: (inHours
      ? { link, expiresInHours: minutes / 60 }
      : { link, expiresInMinutes: minutes, profileOnly: purpose === 'magic-profile' ? 'true' : 'false' }) as never,
  });
  return true;
}

/** Opens a session for a signed-in user and the answer that goes with it. */
export async function startUserSession(
  tx: Tx,
  keys: KeyStore,
  tenant: PortalTenant,
  user: Pick<UserRow, 'id' | 'email' | 'locale'>,
  kind: 'client' | 'profile',
  now: Date,
): Promise<{ answer: SessionAnswer; refreshToken: string }> {
  const accounts = await reachableAccounts(tx, user.id);
  const accountId = accounts.length === 1 ? accounts[0]!.id : null;
  const session = await openSession(tx, { userId: user.id, kind, accountId }, now);
  const answer = await sessionAnswer(tx, keys, tenant, { id: session.id, user_id: user.id, kind, account_id: accountId }, now, { user, accounts });
  return { answer, refreshToken: session.refreshToken! };
}

type Known = Partial<Pick<SessionAnswer, 'accounts'>> & { user?: Pick<UserRow, 'id' | 'email' | 'locale'> };

/** Who the session's user is and what they reach, loading what `known` does not already have. */
export async function sessionInfo(tx: Tx, session: Pick<SessionRow, 'user_id' | 'kind' | 'account_id'>, known: Known = {}): Promise<SessionInfo> {
  const user =
    known.user ?? (await tx<Pick<UserRow, 'id' | 'email' | 'locale'>[]>`select id, email, locale from portal_users where id = ${session.user_id}`)[0]!;
  const accounts = known.accounts ?? (await reachableAccounts(tx, user.id));
  return {
    scope: session.kind === 'profile' ? 'profile' : 'full',
    user: { id: user.id, email: user.email, locale: user.locale },
    accounts,
    accountId: session.account_id,
  };
}

/** A fresh access token for a session, with its info. */
export async function sessionAnswer(
  tx: Tx,
  keys: KeyStore,
  tenant: PortalTenant,
  session: Pick<SessionRow, 'id' | 'user_id' | 'kind' | 'account_id'>,
  now: Date,
  known: Known = {},
): Promise<SessionAnswer> {
  const info = await sessionInfo(tx, session, known);
  const { token, expiresIn } = await issueAccessToken(
    keys,
    'portal',
    { sub: session.user_id!, tid: tenant.id, sid: session.id, scp: info.scope, ...(session.account_id ? { acc: session.account_id } : {}) },
    now,
  );
  return { accessToken: token, tokenType: 'Bearer', expiresIn, ...info };
}
