import { ContextProvider } from '@lit/context';
import { ApiError, HttpPortalApi, type PortalApi, type SessionAnswer } from './api-client.ts';
import { portalContext, type PortalRuntime, type TenantState } from './context.ts';
import { isLocale, matchLocale, type Locale } from './i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from './theme.ts';

/** How the embedding page configured Portico (the loader's `data-*` attributes). */
export interface EmbedConfig {
  tenant: string;
  /** Base URL of the Portico server; defaults to where the loader came from. */
  api: string;
  /** The page's preferred language, if it said. */
  locale?: string;
}

const RUNTIME_KEY = Symbol.for('portico.runtime.instance');
type GlobalWithRuntime = typeof globalThis & { [RUNTIME_KEY]?: RuntimeHost };

/** Keeps the page's runtime, provides it on `host` and replaces it on every change. */
export class RuntimeHost {
  private readonly provider: ContextProvider<typeof portalContext>;
  private value: PortalRuntime;
  private loading?: AbortController;
  /** Someone (the page or the client) picked a language; the tenant's default no longer applies. */
  private localeChosen: boolean;
  private refreshTimer?: ReturnType<typeof setTimeout>;
  private readonly document: Document;

  constructor(
    host: HTMLElement,
    api: PortalApi,
    tenantSlug: string,
    preferredLocale?: Locale,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = safeLocalStorage(),
  ) {
    const stored = matchLocale(this.storage?.getItem(this.storageKey(tenantSlug)));
    this.value = {
      api,
      tenantSlug,
      tenant: { status: 'loading' },
      locale: stored ?? preferredLocale ?? matchLocale(navigator.language) ?? 'pt-BR',
      setLocale: (locale) => this.setLocale(locale),
      reload: () => void this.loadTenant(),
      session: { status: 'restoring' },
      signedIn: (answer) => this.signedIn(answer),
      quickAccessOpened: (answer) => this.setSession({ status: 'quick-access', accessToken: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000, processId: answer.processId }),
      chooseAccount: (accountId) => this.chooseAccount(accountId),
      signOut: () => this.signOut(),
    };
    this.localeChosen = Boolean(stored ?? preferredLocale);
    this.document = host.ownerDocument;
    applyTheme(DEFAULT_BRANDING, this.document);
    this.provider = new ContextProvider(host, { context: portalContext, initialValue: this.value });
  }

  get runtime(): PortalRuntime {
    return this.value;
  }

  /** Fetches the tenant, applies its branding and, unless someone chose a language, its default locale. */
  async loadTenant(): Promise<void> {
    this.loading?.abort();
    const loading = (this.loading = new AbortController());
    this.update({ tenant: { status: 'loading' } });
    let tenant: TenantState;
    try {
      const loaded = await this.value.api.getTenant(loading.signal);
      applyTheme(loaded.branding, this.document);
      tenant = { status: 'ready', tenant: loaded };
      if (!this.localeChosen) this.update({ locale: loaded.locale });
    } catch (error) {
      if (loading.signal.aborted) return;
      tenant = { status: 'error', error: error instanceof ApiError ? error : new ApiError('internal_error', 0, String(error)) };
    }
    this.update({ tenant });
  }

  /**
   * Restores the session from the refresh cookie, if the browser kept one (SECURITY.md 12: where it does not, the
   * visitor simply signs in again; tokens never go to localStorage).
   */
  async restoreSession(): Promise<void> {
    try {
      const answer = await this.value.api.refresh();
      if (answer) return this.signedIn(answer);
    } catch {
      // an ended session: the visitor signs in again
    }
    if (this.value.session.status === 'restoring') this.setSession({ status: 'signed-out' });
  }

  private signedIn(answer: SessionAnswer): void {
    this.setSession({
      status: 'signed-in',
      accessToken: answer.accessToken,
      expiresAt: Date.now() + answer.expiresIn * 1000,
      scope: answer.scope,
      user: answer.user!,
      accounts: answer.accounts ?? [],
      accountId: answer.accountId ?? null,
    });
    // Refresh a minute before the access token expires; two tabs doing it at once are both fine (server grace).
    this.refreshTimer = setTimeout(() => void this.refreshInBackground(), Math.max(10, answer.expiresIn - 60) * 1000);
  }

  private async refreshInBackground(): Promise<void> {
    try {
      const answer = await this.value.api.refresh();
      if (answer) this.signedIn(answer);
      else this.setSession({ status: 'signed-out' });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'network_error') {
        this.refreshTimer = setTimeout(() => void this.refreshInBackground(), 30_000);
      } else {
        this.setSession({ status: 'signed-out' });
      }
    }
  }

  private async chooseAccount(accountId: string): Promise<void> {
    const session = this.value.session;
    if (session.status !== 'signed-in') return;
    const info = await this.value.api.chooseAccount(accountId, session.accessToken);
    // The access token stays the same: the server reads the chosen account from the session.
    this.update({ session: { ...session, accounts: info.accounts ?? session.accounts, accountId: info.accountId ?? null } });
  }

  private async signOut(): Promise<void> {
    this.setSession({ status: 'signed-out' });
    await this.value.api.signOut().catch(() => {});
  }

  private setSession(session: PortalRuntime['session']): void {
    clearTimeout(this.refreshTimer);
    this.update({ session });
  }

  private setLocale(locale: Locale): void {
    if (!isLocale(locale) || locale === this.value.locale) return;
    this.localeChosen = true;
    try {
      this.storage?.setItem(this.storageKey(this.value.tenantSlug), locale);
    } catch {
      // A full or forbidden storage only means the choice is not remembered after a reload.
    }
    this.update({ locale });
  }

  private update(change: Partial<PortalRuntime>): void {
    this.value = { ...this.value, ...change };
    this.provider.setValue(this.value);
  }

  private storageKey(tenantSlug: string): string {
    return `portico:${tenantSlug}:locale`;
  }
}

/** localStorage, or nothing where the page may not use it (sandboxed frames, some privacy modes). */
function safeLocalStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** Starts the page's runtime once, on `document.body`; a second call (a second loader) gets the same one. */
export function startRuntime(config: EmbedConfig): RuntimeHost {
  const scope = globalThis as GlobalWithRuntime;
  if (scope[RUNTIME_KEY]) return scope[RUNTIME_KEY];
  const host = new RuntimeHost(document.body, new HttpPortalApi(config.api, config.tenant), config.tenant, matchLocale(config.locale));
  scope[RUNTIME_KEY] = host;
  void host.loadTenant();
  void host.restoreSession();
  return host;
}
