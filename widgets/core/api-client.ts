import type { SessionAnswer, SessionInfo } from '../../server/features/auth/schemas.ts';
import type { RequestDetail, RequestPage } from '../../server/features/requests/schemas.ts';
import type { PublicTenant } from '../../server/features/tenants/schemas.ts';

export type { PublicTenant, RequestDetail, RequestPage, SessionAnswer, SessionInfo };

/** What is sent to create a request. */
export type NewRequest = Required<Pick<RequestDraft, 'category' | 'subject' | 'description'>> & Pick<RequestDraft, 'about'> & { establishmentId?: string };

/** A new request as a client writes it (or another widget pre-fills it). */
export interface RequestDraft {
  category: 'financial' | 'review' | 'profile-change' | 'appointment' | 'feedback' | 'general';
  subject?: string;
  description?: string;
  about?: { type: 'charge' | 'process' | 'appointment' | 'document'; id: string };
}
export type Branding = PublicTenant['branding'];

/** A failed call, carrying the server's problem `code` (or `network_error`) for the widget to translate. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly code: string,
    readonly status: number,
    detail: string,
    /** Seconds to wait, when the server said (429). */
    readonly retryAfter?: number,
    /** Per-field messages of an `invalid_input` answer. */
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(detail);
  }
}

/** Where an e-mailed link leads, before it is spent. */
export interface LinkInfo {
  purpose: 'activation' | 'reset' | 'magic' | 'magic-profile' | 'first-access';
  needsPassword: boolean;
}

/** A quick-access session (A8): one process, read-only. */
export interface QuickAccessAnswer {
  accessToken: string;
  expiresIn: number;
  scope: 'process';
  processId: string;
}

/** What widgets may ask the server; tests and stories hand widgets a fixture implementing it. */
export interface PortalApi {
  /** The tenant's public face: name, branding, locale, modules. */
  getTenant(signal?: AbortSignal): Promise<PublicTenant>;
  /** Turns a logo path served by Portico into an absolute URL. */
  resolveUrl(path: string): string;
  signIn(email: string, password: string): Promise<SessionAnswer>;
  requestCode(email: string): Promise<void>;
  register(email: string, code: string, password: string): Promise<SessionAnswer>;
  firstAccess(email: string): Promise<void>;
  forgotPassword(email: string): Promise<void>;
  inspectLink(token: string): Promise<LinkInfo>;
  redeemLink(token: string, password?: string): Promise<SessionAnswer>;
  /** A new access token from the refresh cookie; undefined without one, ApiError `unauthenticated` for an ended one. */
  refresh(): Promise<SessionAnswer | undefined>;
  chooseAccount(accountId: string, accessToken: string): Promise<SessionInfo>;
  signOut(): Promise<void>;
  quickAccess(number: string, accessKey: string): Promise<QuickAccessAnswer>;
  /** The request categories the tenant offers, with its own names where it gave some. */
  requestCategories(token: string, signal?: AbortSignal): Promise<{ key: RequestDraft['category']; labels: Record<string, string> }[]>;
  listRequests(token: string, options: { before?: string; status?: string }, signal?: AbortSignal): Promise<RequestPage>;
  getRequest(token: string, id: string, signal?: AbortSignal): Promise<RequestDetail>;
  createRequest(token: string, draft: NewRequest): Promise<RequestDetail>;
  replyToRequest(token: string, id: string, body: string): Promise<void>;
  closeRequest(token: string, id: string): Promise<void>;
  reopenRequest(token: string, id: string): Promise<void>;
  /** Attaches a file (PDF or image, ≤ 10 MB) to a request. */
  attachToRequest(token: string, id: string, file: File): Promise<void>;
  /** Downloads an attachment, as a Blob the widget hands to the browser. */
  downloadAttachment(token: string, id: string, attachmentId: string): Promise<Blob>;
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

  signIn(email: string, password: string) {
    return this.auth<SessionAnswer>('sign-in', { email, password });
  }
  async requestCode(email: string) {
    await this.auth('register/code', { email });
  }
  register(email: string, code: string, password: string) {
    return this.auth<SessionAnswer>('register', { email, code, password });
  }
  async firstAccess(email: string) {
    await this.auth('first-access', { email });
  }
  async forgotPassword(email: string) {
    await this.auth('password/forgot', { email });
  }
  inspectLink(token: string) {
    return this.auth<LinkInfo>('link/inspect', { token });
  }
  redeemLink(token: string, password?: string) {
    return this.auth<SessionAnswer>('link/redeem', password ? { token, password } : { token });
  }
  refresh() {
    return this.auth<SessionAnswer | undefined>('refresh', {});
  }
  chooseAccount(accountId: string, accessToken: string) {
    return this.auth<SessionInfo>('account', { accountId }, accessToken);
  }
  async signOut() {
    await this.auth('sign-out', {});
  }
  quickAccess(number: string, accessKey: string) {
    return this.auth<QuickAccessAnswer>('quick-access', { number, accessKey });
  }

  requestCategories(token: string, signal?: AbortSignal) {
    return this.request<{ key: RequestDraft['category']; labels: Record<string, string> }[]>('/api/portal/requests/categories', { signal, headers: bearer(token) });
  }
  listRequests(token: string, options: { before?: string; status?: string }, signal?: AbortSignal) {
    const query = new URLSearchParams(Object.entries(options).filter((entry): entry is [string, string] => Boolean(entry[1])));
    return this.request<RequestPage>(`/api/portal/requests?${query}`, { signal, headers: bearer(token) });
  }
  getRequest(token: string, id: string, signal?: AbortSignal) {
    return this.request<RequestDetail>(`/api/portal/requests/${encodeURIComponent(id)}`, { signal, headers: bearer(token) });
  }
  createRequest(token: string, draft: NewRequest) {
    return this.send<RequestDetail>('/api/portal/requests', draft, token);
  }
  async replyToRequest(token: string, id: string, body: string) {
    await this.send(`/api/portal/requests/${encodeURIComponent(id)}/replies`, { body }, token);
  }
  async closeRequest(token: string, id: string) {
    await this.send(`/api/portal/requests/${encodeURIComponent(id)}/close`, {}, token);
  }
  async reopenRequest(token: string, id: string) {
    await this.send(`/api/portal/requests/${encodeURIComponent(id)}/reopen`, {}, token);
  }

  async attachToRequest(token: string, id: string, file: File) {
    const form = new FormData();
    form.set('file', file, file.name);
    await this.request(`/api/portal/requests/${encodeURIComponent(id)}/attachments`, { method: 'POST', body: form, headers: bearer(token) });
  }
  async downloadAttachment(token: string, id: string, attachmentId: string) {
    const response = await fetch(new URL(`/api/portal/requests/${encodeURIComponent(id)}/attachments/${encodeURIComponent(attachmentId)}`, this.baseUrl), {
      headers: { 'X-Portal-Tenant': this.tenant, ...bearer(token) },
    }).catch((error: Error) => {
      throw new ApiError('network_error', 0, error.message);
    });
    if (!response.ok) throw new ApiError(response.status === 404 ? 'not_found' : 'generic', response.status, response.statusText);
    return response.blob();
  }

  private send<T>(path: string, body: unknown, token: string): Promise<T> {
    return this.request<T>(path, { method: 'POST', body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...bearer(token) } });
  }

  /** An auth call: JSON, the tenant header, and the refresh cookie (`credentials: 'include'`). */
  private auth<T>(path: string, body: unknown, accessToken?: string): Promise<T> {
    return this.request<T>(`/api/portal/auth/${path}`, {
      method: 'POST',
      credentials: 'include',
      body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', ...(accessToken ? { Authorization: `Bearer ${accessToken}` } : {}) },
    });
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
    if (response.status === 204) return undefined as T;
    const body = await response.json().catch(() => undefined);
    if (!response.ok) {
      const problem = body as { code?: string; detail?: string; errors?: { path: string; message: string }[] } | undefined;
      const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
      throw new ApiError(problem?.code ?? 'internal_error', response.status, problem?.detail ?? response.statusText, retryAfter, problem?.errors);
    }
    return body as T;
  }
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}
