import type { PublicTenant } from '../../server/features/tenants/schemas.ts';

export type { PublicTenant };
export type Branding = PublicTenant['branding'];

/** A failed call, carrying the server's problem `code` (or `network_error`) for the widget to translate. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}

/** What widgets may ask the server; tests and stories hand widgets a fixture implementing it. */
export interface PortalApi {
  /** The tenant's public face: name, branding, locale, modules. */
  getTenant(signal?: AbortSignal): Promise<PublicTenant>;
  /** Turns a logo path served by Portico into an absolute URL. */
  resolveUrl(path: string): string;
}

/** The real client: `fetch` against the Portico server, naming the tenant on every call. */
export class HttpPortalApi implements PortalApi {
  constructor(
    readonly baseUrl: string,
    readonly tenant: string,
  ) {}

  getTenant(signal?: AbortSignal): Promise<PublicTenant> {
    // The slug is in the path, so no tenant header: a simple GET needs no CORS preflight on page load.
    return this.request<PublicTenant>(`/api/portal/tenants/${encodeURIComponent(this.tenant)}`, { signal }, false);
  }

  resolveUrl(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  private async request<T>(path: string, init: RequestInit, nameTenant = true): Promise<T> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), {
        ...init,
        headers: { Accept: 'application/json', ...(nameTenant ? { 'X-Portal-Tenant': this.tenant } : {}), ...init.headers },
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError('network_error', 0, (error as Error).message);
    }
    const body = await response.json().catch(() => undefined);
    if (!response.ok) {
      const problem = body as { code?: string; detail?: string } | undefined;
      throw new ApiError(problem?.code ?? 'internal_error', response.status, problem?.detail ?? response.statusText);
    }
    return body as T;
  }
}
