import { ApiError, type AdminApi } from './admin-api.ts';

/**
 * An {@link AdminApi} for tests and stories: the methods given, and every other one failing loudly, so a fixture
 * names exactly the calls its state needs.
 */
export function fakeAdminApi(methods: Partial<AdminApi>): AdminApi {
  return new Proxy(methods as AdminApi, {
    get(target, name) {
      // Symbols and Lit's own probes (`_$litDirective$` …) are not API calls.
      if (typeof name === 'symbol' || name.startsWith('_$')) return undefined;
      if (name in target) return target[name as keyof AdminApi];
      if (name === 'onPasswordNeeded' || name === 'onSessionEnded' || name === 'then') return undefined;
      return () => Promise.reject(new ApiError('generic', 500, `fakeAdminApi: ${name} is not part of this fixture`));
    },
    set(target, name: string, value) {
      (target as unknown as Record<string, unknown>)[name] = value;
      return true;
    },
  });
}
