/**
 * Fixture data and a fixture runtime for tests and stories: widgets get the same context the loader gives
 * them, with no server behind it. Not part of the bundle (nothing the loader imports uses it).
 */
import { ApiError, type PortalApi, type PublicTenant } from './api-client.ts';
import type { Locale } from './i18n.ts';
import { RuntimeHost } from './runtime.ts';

/** A tenant as the server would answer it. */
export function fixtureTenant(overrides: Partial<Omit<PublicTenant, 'branding'>> & { branding?: Partial<PublicTenant['branding']> } = {}): PublicTenant {
  return {
    slug: 'clinica-sol',
    name: 'Clínica Sol',
    locale: 'pt-BR',
    currency: 'BRL',
    timeZone: 'America/Sao_Paulo',
    modules: [],
    ...overrides,
    branding: {
      logoUrl: null,
      primaryColor: '#c2410c',
      accentColor: '#b45309',
      radius: 12,
      fontFamily: 'system-ui, sans-serif',
      colorScheme: 'light',
      ...overrides.branding,
    },
  };
}

/** How the fixture API answers `getTenant`: with a tenant, with a problem code, or never (loading). */
export type FixtureTenantAnswer = { tenant: PublicTenant } | { error: string } | 'pending';

/** A PortalApi that answers from fixtures and counts the calls. */
export class FixtureApi implements PortalApi {
  calls = 0;
  constructor(
    public answer: FixtureTenantAnswer,
    private readonly baseUrl = 'https://portal.example.com/',
  ) {}

  getTenant(signal?: AbortSignal): Promise<PublicTenant> {
    this.calls++;
    const answer = this.answer;
    if (answer === 'pending') return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    if ('error' in answer) return Promise.reject(new ApiError(answer.error, answer.error === 'tenant_not_found' ? 404 : 0, answer.error));
    return Promise.resolve(answer.tenant);
  }

  resolveUrl(path: string): string {
    return new URL(path, this.baseUrl).href;
  }
}

/** An in-memory Storage, so tests and stories do not touch the real one. */
export function memoryStorage(initial: Record<string, string> = {}): Pick<Storage, 'getItem' | 'setItem'> {
  const values = new Map(Object.entries(initial));
  return { getItem: (key) => values.get(key) ?? null, setItem: (key, value) => void values.set(key, value) };
}

/**
 * Provides a runtime on `host` (usually a wrapper around the widget under test) answering from `answer`,
 * and starts loading the tenant.
 */
export function provideFixtureRuntime(
  host: HTMLElement,
  answer: FixtureTenantAnswer,
  options: { locale?: Locale; storage?: Pick<Storage, 'getItem' | 'setItem'>; baseUrl?: string } = {},
): { runtime: RuntimeHost; api: FixtureApi; loaded: Promise<void> } {
  const api = new FixtureApi(answer, options.baseUrl);
  const slug = typeof answer === 'object' && 'tenant' in answer ? answer.tenant.slug : 'clinica-sol';
  const runtime = new RuntimeHost(host, api, slug, options.locale, options.storage ?? memoryStorage());
  return { runtime, api, loaded: runtime.loadTenant() };
}
