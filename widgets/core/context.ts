import { createContext } from '@lit/context';
import type { ApiError, PortalApi, PublicTenant } from './api-client.ts';
import type { Locale } from './i18n.ts';

/** Where the page's tenant is in its loading. */
export type TenantState =
  | { status: 'loading' }
  | { status: 'ready'; tenant: PublicTenant }
  | { status: 'error'; error: ApiError };

/** The signed-in person; empty until the identity feature arrives. */
export type PortalSession = null;

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
}

/**
 * The page-level context. Its key is a registered symbol, so two copies of the bundle on one page
 * still find each other's provider.
 */
export const portalContext = createContext<PortalRuntime>(Symbol.for('portico.runtime'));
