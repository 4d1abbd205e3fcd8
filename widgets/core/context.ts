import { createContext } from '@lit/context';
import type { ApiError, PortalApi, PublicTenant } from './api-client.ts';
import type { Locale } from './i18n.ts';

/** Where the page's tenant is in its loading. */
export type TenantState =
  | { status: 'loading' }
  | { status: 'ready'; tenant: PublicTenant }
  | { status: 'error'; error: ApiError };

import type { SessionAnswer } from './api-client.ts';

/** Who is using the portal on this page. Access tokens live here, in memory only (SECURITY.md 11). */
export type PortalSession =
  | { status: 'restoring' }
  | { status: 'signed-out' }
  | ({ status: 'signed-in'; expiresAt: number } & Required<Pick<SessionAnswer, 'accessToken' | 'scope' | 'user' | 'accounts' | 'accountId'>>)
  | { status: 'quick-access'; accessToken: string; expiresAt: number; processId: string };

/** Everything a widget shares with the others on the page. A new object is provided on every change. */
export interface PortalRuntime {
  api: PortalApi;
  tenantSlug: string;
  tenant: TenantState;
  locale: Locale;
  /** Switches every widget on the page to `locale` and remembers the choice. */
  setLocale(locale: Locale): void;
  /** Loads the tenant again (after an error). */
  reload(): void;
  session: PortalSession;
  /** Takes the answer of a sign-in (any flow) as the page's session; every widget reloads its data. */
  signedIn(answer: SessionAnswer): void;
  /** Takes a quick-access answer (A8) as the page's session. */
  quickAccessOpened(answer: { accessToken: string; expiresIn: number; processId: string }): void;
  /** Chooses the account to look at (A10). */
  chooseAccount(accountId: string): Promise<void>;
  /** Ends the session here and on the server. */
  signOut(): Promise<void>;
}

/**
 * The page-level context. Its key is a registered symbol, so two copies of the bundle on one page
 * still find each other's provider.
 */
export const portalContext = createContext<PortalRuntime>(Symbol.for('portico.runtime'));

/** The access token of a full client session (not a profile-only link, not quick access), if one is open. */
export function fullAccessToken(portal: PortalRuntime | undefined): string | undefined {
  return portal?.session.status === 'signed-in' && portal.session.scope === 'full' ? portal.session.accessToken : undefined;
}

/**
 * The access token of a session that may open the profile: a full one, or a profile-only one (an e-mailed "update
 * your data" link, P5). Quick access never may.
 */
export function profileAccessToken(portal: PortalRuntime | undefined): string | undefined {
  const session = portal?.session;
  return session?.status === 'signed-in' && (session.scope === 'full' || session.scope === 'profile') ? session.accessToken : undefined;
}

/** Who is looking at which account: when it changes, a widget drops what it showed the previous one. */
export function sessionKeyOf(portal: PortalRuntime | undefined): string {
  return portal?.session.status === 'signed-in' ? `${portal.session.user.id}:${portal.session.accountId}` : '';
}
