import type {
  AccountListItem,
  ApiTokenItem,
  AuditPage,
  CreatedApiToken,
  ImportAnswer,
  PortalUserListItem,
  SettingsPatch,
  TenantSettings,
} from '../../server/features/admin/schemas.ts';
import type { AppointmentSettings, AccountSettingsOverride } from '../../server/features/appointments/schemas.ts';
import type { ApiScope } from '../../server/auth/api-tokens.ts';
import type { Module } from '../../server/features/modules/schemas.ts';
import type { PasswordAnswer, StaffMe, StaffMember, StaffRole, StaffSessionAnswer } from '../../server/features/staff/schemas.ts';
import { ApiError } from '../core/api-client.ts';

export { ApiError };
export type * from '../../server/features/admin/schemas.ts';
export type { ApiScope, AppointmentSettings, AccountSettingsOverride, Module, PasswordAnswer, StaffMe, StaffMember, StaffRole, StaffSessionAnswer };

/** The tenant's billing options the console edits (`/api/v1/billing/settings`). */
export interface BillingSettings {
  pixKey: string | null;
  pixMerchantName: string | null;
  pixMerchantCity: string | null;
  showPendingReports: boolean;
}
/** The tenant's document options (`/api/v1/documents/settings`): the eSocial view's defaults. */
export interface DocumentSettings {
  esocialIncludeRectified: boolean;
  esocialSinceMonths: 3 | 6 | 12 | null;
}
/** An account's appointment settings: each effective value and where it comes from (G3). */
export interface ExplainedAppointmentSettings {
  effective: AppointmentSettings;
  override: AccountSettingsOverride;
  sources: Record<keyof AppointmentSettings, 'account' | 'tenant' | 'default'>;
}
/** An account's modules: the effective list and its exceptions (`true` on, `false` off). */
export interface AccountModules {
  modules: Module[];
  exceptions: Partial<Record<Module, boolean>>;
}
export interface InviteAnswer {
  userId: string;
  status: 'pending' | 'active' | 'disabled';
  activationSent: boolean;
}
export interface ListPage<T> {
  items: T[];
  next: string | null;
}

/**
 * Everything the staff console asks the server. Calls after sign-in use the staff access token, which the client
 * keeps in memory and renews from the session cookie. A call answered `password_confirmation_required` is retried
 * once after {@link AdminApi.onPasswordNeeded} (the console's "enter your password again" dialog) confirms.
 */
export interface AdminApi {
  /** Asked when the server wants the password again; resolves true once confirmed, false if the staff member gave up. */
  onPasswordNeeded?: () => Promise<boolean>;
  /** Called when the session has ended (idle 15 min, 12 h, signed out elsewhere): the console shows the sign-in. */
  onSessionEnded?: () => void;

  signIn(tenant: string, email: string, password: string): Promise<PasswordAnswer>;
  setUp(token: string, password: string): Promise<PasswordAnswer>;
  secondFactor(challenge: string, code: string): Promise<StaffSessionAnswer>;
  /** Resumes a session from its cookie (page reload); undefined without one. */
  resume(): Promise<StaffSessionAnswer | undefined>;
  confirmPassword(password: string): Promise<{ confirmedUntil: string }>;
  signOut(): Promise<void>;

  getSettings(signal?: AbortSignal): Promise<TenantSettings>;
  updateSettings(patch: SettingsPatch): Promise<TenantSettings>;
  /** Uploads a PNG or JPEG logo (≤ 256 KB): the portal, its mail and its PDFs show it; answers the logo's new URL. */
  uploadLogo(file: File): Promise<{ logoUrl: string; type: string; size: number }>;
  getAppointmentSettings(signal?: AbortSignal): Promise<AppointmentSettings>;
  saveAppointmentSettings(settings: AppointmentSettings): Promise<AppointmentSettings>;
  getBillingSettings(signal?: AbortSignal): Promise<BillingSettings>;
  saveBillingSettings(settings: BillingSettings): Promise<void>;
  getDocumentSettings(signal?: AbortSignal): Promise<DocumentSettings>;
  saveDocumentSettings(settings: DocumentSettings): Promise<void>;

  listAccounts(query: { q?: string; before?: string }, signal?: AbortSignal): Promise<ListPage<AccountListItem>>;
  getAccountModules(accountId: string, signal?: AbortSignal): Promise<AccountModules>;
  /** `null` removes an exception. */
  setAccountModules(accountId: string, modules: Partial<Record<Module, boolean | null>>): Promise<{ modules: Module[] }>;
  getAccountAppointmentSettings(accountId: string, signal?: AbortSignal): Promise<ExplainedAppointmentSettings>;
  /** The whole override: what is absent comes from the tenant. */
  setAccountAppointmentSettings(accountId: string, override: AccountSettingsOverride): Promise<ExplainedAppointmentSettings>;

  listUsers(query: { q?: string; status?: string; accountId?: string; before?: string }, signal?: AbortSignal): Promise<ListPage<PortalUserListItem>>;
  /** `activationSent` is false when the e-mail already had a portal login: it now reaches the account too. */
  inviteUser(input: { email: string; accountId: string; establishmentIds?: string[]; locale?: string }): Promise<InviteAnswer>;
  resendActivation(userId: string): Promise<void>;
  sendPasswordReset(userId: string): Promise<void>;
  disableUser(userId: string): Promise<void>;
  enableUser(userId: string): Promise<void>;
  sendAccessLinks(userIds: string[]): Promise<{ sent: number }>;
  importUsers(csv: string, dryRun: boolean): Promise<ImportAnswer>;

  listAudit(query: { actorType?: string; action?: string; subjectType?: string; from?: string; to?: string; before?: number }, signal?: AbortSignal): Promise<AuditPage>;

  listTokens(signal?: AbortSignal): Promise<{ items: ApiTokenItem[] }>;
  createToken(input: { name: string; scopes: ApiScope[]; expiresInDays: number }): Promise<CreatedApiToken>;
  revokeToken(id: string): Promise<void>;

  /**
   * Any other management call (`/api/v1/…`), with the staff session: sections with few calls of their own (inbox,
   * appointments, mail) keep typed wrappers over it in their own folder. `body` is sent as JSON (a Blob as is).
   */
  request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal): Promise<T>;

  listStaff(signal?: AbortSignal): Promise<{ items: StaffMember[] }>;
  inviteStaff(input: { email: string; name: string; role: StaffRole; permissions: ApiScope[] }): Promise<StaffMember>;
  changeStaff(id: string, change: { role?: StaffRole; permissions?: ApiScope[]; status?: 'active' | 'disabled' }): Promise<StaffMember>;
}

interface Problem {
  code?: string;
  detail?: string;
  errors?: { path: string; message: string }[];
  [member: string]: unknown;
}

/** The real client: same-origin `fetch` against the Portico server that serves the console. */
export class HttpAdminApi implements AdminApi {
  onPasswordNeeded?: () => Promise<boolean>;
  onSessionEnded?: () => void;
  private accessToken?: string;
  private expiresAt = 0;

  constructor(readonly baseUrl: string = location.origin) {}

  async signIn(tenant: string, email: string, password: string) {
    return this.call<PasswordAnswer>('POST', '/api/admin/auth/sign-in', { tenant, email, password }, false);
  }
  async setUp(token: string, password: string) {
    return this.call<PasswordAnswer>('POST', '/api/admin/auth/setup', { token, password }, false);
  }
  async secondFactor(challenge: string, code: string) {
    return this.keep(await this.call<StaffSessionAnswer>('POST', '/api/admin/auth/second-factor', { challenge, code }, false));
  }
  async resume() {
    try {
      // 204: no session cookie at all (a first visit); 401: the session has ended.
      const answer = await this.call<StaffSessionAnswer | undefined>('POST', '/api/admin/auth/token', {}, false);
      return answer && this.keep(answer);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return undefined;
      throw error;
    }
  }
  confirmPassword(password: string) {
    return this.call<{ confirmedUntil: string }>('POST', '/api/admin/auth/confirm-password', { password });
  }
  async signOut() {
    await this.call('POST', '/api/admin/auth/sign-out', {}, false);
    this.accessToken = undefined;
  }

  getSettings(signal?: AbortSignal) {
    return this.call<TenantSettings>('GET', '/api/v1/settings', undefined, true, signal);
  }
  updateSettings(patch: SettingsPatch) {
    return this.call<TenantSettings>('PATCH', '/api/v1/settings', patch);
  }
  async uploadLogo(file: File) {
    return this.call<{ logoUrl: string; type: string; size: number }>('PUT', '/api/v1/branding/logo', file);
  }
  getAppointmentSettings(signal?: AbortSignal) {
    return this.call<AppointmentSettings>('GET', '/api/v1/appointments/settings', undefined, true, signal);
  }
  saveAppointmentSettings(settings: AppointmentSettings) {
    return this.call<AppointmentSettings>('PUT', '/api/v1/appointments/settings', settings);
  }
  getBillingSettings(signal?: AbortSignal) {
    return this.call<BillingSettings>('GET', '/api/v1/billing/settings', undefined, true, signal);
  }
  async saveBillingSettings(settings: BillingSettings) {
    await this.call('PUT', '/api/v1/billing/settings', settings);
  }
  getDocumentSettings(signal?: AbortSignal) {
    return this.call<DocumentSettings>('GET', '/api/v1/documents/settings', undefined, true, signal);
  }
  async saveDocumentSettings(settings: DocumentSettings) {
    await this.call('PUT', '/api/v1/documents/settings', settings);
  }

  listAccounts(query: { q?: string; before?: string }, signal?: AbortSignal) {
    return this.call<ListPage<AccountListItem>>('GET', withQuery('/api/v1/accounts', query), undefined, true, signal);
  }
  getAccountModules(accountId: string, signal?: AbortSignal) {
    return this.call<AccountModules>('GET', `/api/v1/accounts/${encodeURIComponent(accountId)}/modules`, undefined, true, signal);
  }
  setAccountModules(accountId: string, modules: Partial<Record<Module, boolean | null>>) {
    return this.call<{ modules: Module[] }>('PUT', `/api/v1/accounts/${encodeURIComponent(accountId)}/modules`, { modules });
  }
  getAccountAppointmentSettings(accountId: string, signal?: AbortSignal) {
    return this.call<ExplainedAppointmentSettings>('GET', `/api/v1/appointments/accounts/${encodeURIComponent(accountId)}/settings`, undefined, true, signal);
  }
  setAccountAppointmentSettings(accountId: string, override: AccountSettingsOverride) {
    return this.call<ExplainedAppointmentSettings>('PUT', `/api/v1/appointments/accounts/${encodeURIComponent(accountId)}/settings`, override);
  }

  listUsers(query: { q?: string; status?: string; accountId?: string; before?: string }, signal?: AbortSignal) {
    return this.call<ListPage<PortalUserListItem>>('GET', withQuery('/api/v1/users', query), undefined, true, signal);
  }
  inviteUser(input: { email: string; accountId: string; establishmentIds?: string[]; locale?: string }) {
    return this.call<InviteAnswer>('POST', '/api/v1/users/invitations', input);
  }
  async resendActivation(userId: string) {
    await this.call('POST', `/api/v1/users/${encodeURIComponent(userId)}/activation-email`, {});
  }
  async sendPasswordReset(userId: string) {
    await this.call('POST', `/api/v1/users/${encodeURIComponent(userId)}/password-reset`, {});
  }
  async disableUser(userId: string) {
    await this.call('POST', `/api/v1/users/${encodeURIComponent(userId)}/disable`, {});
  }
  async enableUser(userId: string) {
    await this.call('POST', `/api/v1/users/${encodeURIComponent(userId)}/enable`, {});
  }
  sendAccessLinks(userIds: string[]) {
    return this.call<{ sent: number }>('POST', '/api/v1/users/magic-links', { userIds });
  }
  importUsers(csv: string, dryRun: boolean) {
    return this.call<ImportAnswer>('POST', '/api/v1/users/import', { csv, dryRun });
  }

  listAudit(query: { actorType?: string; action?: string; subjectType?: string; from?: string; to?: string; before?: number }, signal?: AbortSignal) {
    return this.call<AuditPage>('GET', withQuery('/api/v1/audit', query), undefined, true, signal);
  }

  listTokens(signal?: AbortSignal) {
    return this.call<{ items: ApiTokenItem[] }>('GET', '/api/v1/tokens', undefined, true, signal);
  }
  createToken(input: { name: string; scopes: ApiScope[]; expiresInDays: number }) {
    return this.call<CreatedApiToken>('POST', '/api/v1/tokens', input);
  }
  async revokeToken(id: string) {
    await this.call('DELETE', `/api/v1/tokens/${encodeURIComponent(id)}`);
  }

  request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown, signal?: AbortSignal) {
    return this.call<T>(method, path, body, true, signal);
  }

  listStaff(signal?: AbortSignal) {
    return this.call<{ items: StaffMember[] }>('GET', '/api/v1/staff', undefined, true, signal);
  }
  inviteStaff(input: { email: string; name: string; role: StaffRole; permissions: ApiScope[] }) {
    return this.call<StaffMember>('POST', '/api/v1/staff', input);
  }
  changeStaff(id: string, change: { role?: StaffRole; permissions?: ApiScope[]; status?: 'active' | 'disabled' }) {
    return this.call<StaffMember>('PATCH', `/api/v1/staff/${encodeURIComponent(id)}`, change);
  }

  private keep(answer: StaffSessionAnswer): StaffSessionAnswer {
    this.accessToken = answer.accessToken;
    this.expiresAt = Date.now() + (answer.expiresIn - 30) * 1000;
    return answer;
  }

  /** A live access token: renewed from the session cookie when it is about to expire. */
  private async token(): Promise<string> {
    if (this.accessToken && Date.now() < this.expiresAt) return this.accessToken;
    const resumed = await this.resume();
    if (!resumed) {
      this.onSessionEnded?.();
      throw new ApiError('unauthenticated', 401, 'The session has ended');
    }
    return resumed.accessToken;
  }

  private async call<T = unknown>(method: string, path: string, body?: unknown, authenticated = true, signal?: AbortSignal, retried = false): Promise<T> {
    const headers: Record<string, string> = { 'X-Portico-Console': '1' };
    if (authenticated) headers.Authorization = `Bearer ${await this.token()}`;
    const isFile = body instanceof Blob;
    if (body !== undefined) headers['Content-Type'] = isFile ? body.type || 'application/octet-stream' : 'application/json';
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: body === undefined ? undefined : isFile ? body : JSON.stringify(body),
      credentials: 'same-origin',
      signal,
    }).catch((error: Error) => {
      if (error.name === 'AbortError') throw error;
      throw new ApiError('network_error', 0, error.message);
    });
    if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
    const problem: Problem = await response.json().catch(() => ({}));
    const code = problem.code ?? 'generic';
    if (code === 'password_confirmation_required' && !retried && this.onPasswordNeeded && (await this.onPasswordNeeded())) {
      return this.call<T>(method, path, body, authenticated, signal, true);
    }
    if (authenticated && response.status === 401) {
      this.accessToken = undefined;
      this.onSessionEnded?.();
    }
    const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
    throw new ApiError(code, response.status, problem.detail ?? response.statusText, retryAfter, problem.errors ?? [], problem);
  }
}

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length ? `${path}?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)]))}` : path;
}
