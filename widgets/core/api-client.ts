import type { SessionAnswer, SessionInfo } from '../../server/features/auth/schemas.ts';
import type { RequestDetail, RequestPage } from '../../server/features/requests/schemas.ts';
import type { EffectiveModules, Module } from '../../server/features/modules/schemas.ts';
import type { PublicTenant } from '../../server/features/tenants/schemas.ts';

import type { Appointment, AppointmentCatalog, AppointmentListQuery, AppointmentProposal, NewBooking, NewProposal, SlotsAnswer, SlotsQuery } from './appointment-types.ts';
import type { AccountOption, BillingReport, BillingSummary, Charge, ChargeFilters, Invoice, Page, PaymentMethod } from './billing-types.ts';
import type { DocumentCatalog, DocumentFilters, DocumentItem, DocumentLink } from './document-types.ts';
import type { ProcessDetail, ProcessSummary } from './process-types.ts';
import type { ChangeResult, NewPrivacyRequest, PrivacyRequestAnswer, Profile, ProfileChange, ProfileQuery } from './profile-types.ts';
import type { CampaignList, FeedbackInput, InterestAnswer, MaterialList, MaterialQuery, NewsArticle, NewsPage } from './content-types.ts';

export type { EffectiveModules, Module, PublicTenant, RequestDetail, RequestPage, SessionAnswer, SessionInfo };
export type * from './appointment-types.ts';
export type * from './billing-types.ts';
export type * from './document-types.ts';
export type * from './process-types.ts';
export type * from './profile-types.ts';
export type * from './content-types.ts';

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
    /**
     * The problem document's extension members (RFC 9457 §3.2), when it had any: e.g. the fresh `slots` of
     * `slot_taken`, or `cancelUntil` and `contact` of `cancellation_closed`.
     */
    readonly problem?: Readonly<Record<string, unknown>>,
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

  /** B1: what is pending, per currency, and the payment options the portal offers. */
  billingSummary(token: string, options: AccountOption, signal?: AbortSignal): Promise<BillingSummary>;
  /** Charges, latest due date first. */
  listCharges(token: string, filters: ChargeFilters, signal?: AbortSignal): Promise<Page<Charge>>;
  getCharge(token: string, id: string, signal?: AbortSignal): Promise<Charge>;
  /** The boleto as a PDF (the business's own, or one made from the line, in `locale`). */
  downloadBoleto(token: string, id: string, locale?: string): Promise<File>;
  /** Starts a card payment: the provider's hosted page to send the client to. */
  payChargeByCard(token: string, id: string): Promise<{ url: string }>;
  listInvoices(token: string, options: AccountOption & { establishmentId?: string; before?: string; limit?: number }, signal?: AbortSignal): Promise<Page<Invoice>>;
  downloadInvoice(token: string, id: string, format: 'pdf' | 'xml'): Promise<File>;
  listBillingReports(token: string, options: AccountOption, signal?: AbortSignal): Promise<{ items: BillingReport[] }>;
  downloadBillingReport(token: string, id: string): Promise<File>;
  /** The account statement (PDF) of the charges due from `from` to `to`. */
  downloadAccountStatement(token: string, options: AccountOption & { from: string; to: string }, locale?: string): Promise<File>;
  /** The income-tax statement (PDF) of what was paid in `year`. */
  downloadIncomeTaxStatement(token: string, options: AccountOption & { year: number }, locale?: string): Promise<File>;
  /** The provider's page where the client manages saved cards. */
  managePaymentMethods(token: string, options: AccountOption): Promise<{ url: string }>;
  setPreferredPaymentMethod(token: string, method: PaymentMethod, options: AccountOption): Promise<{ preferred: PaymentMethod }>;

  /** T1: every process the user reaches (a quick-access session: its one), names in `locale`. */
  listProcesses(token: string, options: AccountOption & { locale?: string }, signal?: AbortSignal): Promise<{ items: ProcessSummary[] }>;
  /** T2–T4: one process, phase names and descriptions in `locale`, notices newest first. */
  getProcess(token: string, id: string, options: { locale?: string }, signal?: AbortSignal): Promise<ProcessDetail>;
  /** The client opened the process: clears its unread notices (a full session only; quick access gets `forbidden`). */
  markProcessSeen(token: string, id: string): Promise<void>;

  /** D1: the categories the tenant shows, named in `locale`, and the eSocial view's defaults. */
  documentCatalog(token: string, options: { locale?: string }, signal?: AbortSignal): Promise<DocumentCatalog>;
  /** D1–D3: the documents the user reaches, newest issue date first, a page at a time. */
  listDocuments(token: string, filters: DocumentFilters, signal?: AbortSignal): Promise<Page<DocumentItem>>;
  /** G2/G3: the modules the signed-in account may use (the whole portal's menu). */
  listModules(token: string, options: { accountId?: string }, signal?: AbortSignal): Promise<EffectiveModules>;
  /** A short-lived signed link (an absolute URL) that downloads the file without the token: the browser's own download. */
  documentLink(token: string, id: string): Promise<DocumentLink>;
  /** The file, fetched with the token (named as the server names it, else `fallbackName`). */
  downloadDocument(token: string, id: string, fallbackName?: string): Promise<File>;

  /** S1: the booking settings in force for the account (mode, cancellation, contact …) and the services, named in `locale`. */
  appointmentCatalog(token: string, options: AccountOption & { locale?: string }, signal?: AbortSignal): Promise<AppointmentCatalog>;
  /** S5: every day of a range (≤ 42 days) with its free slots, and why there is none when there is none. */
  appointmentSlots(token: string, query: SlotsQuery, signal?: AbortSignal): Promise<SlotsAnswer>;
  /** Books a free slot; `slot_taken` (409) carries the day's fresh slots in `problem.slots`. */
  bookAppointment(token: string, booking: NewBooking): Promise<Appointment>;
  /** S2: the client's appointments, a page at a time; `appointments_hidden` (403) where the business hides them. */
  listAppointments(token: string, query: AppointmentListQuery, signal?: AbortSignal): Promise<Page<Appointment>>;
  /** S3: cancels; `cancellation_closed` (409) carries `problem.cancelUntil` and `problem.contact`. */
  cancelAppointment(token: string, id: string): Promise<Appointment>;
  /** S4: an exam's authorization guide (PDF), in `locale`. */
  downloadAppointmentGuide(token: string, id: string, locale?: string): Promise<File>;
  /** Request mode: proposes up to three times; opens a request of category `appointment`. */
  proposeAppointment(token: string, proposal: NewProposal): Promise<AppointmentProposal>;
  /** Request mode: the client's proposals, newest first, and what became of them. */
  listAppointmentProposals(token: string, options: { locale?: string }, signal?: AbortSignal): Promise<{ items: AppointmentProposal[] }>;

  /** P1–P2: the account's registration data, field by field with its mode (a full or a profile-only session). */
  getProfile(token: string, query: ProfileQuery, signal?: AbortSignal): Promise<Profile>;
  /**
   * Changes only the fields named, all or nothing: editable ones saved, those needing approval held as pending changes.
   * `invalid_input` (400) and `field_not_editable` (403) name the fields in `fields`.
   */
  updateProfile(token: string, change: ProfileChange, query: ProfileQuery): Promise<ChangeResult>;
  /** P3: "my data is correct", recorded; `profile_incomplete` (422) names the empty required fields in `fields`. */
  confirmProfile(token: string, query: ProfileQuery): Promise<Profile>;
  /** Everything the portal holds about the account, as a JSON file (LGPD/GDPR). */
  downloadProfileExport(token: string, query: ProfileQuery): Promise<File>;
  /** Asks the business to correct or delete the account's data: the request opened and the legal deadline. */
  requestPrivacy(token: string, request: NewPrivacyRequest, query: ProfileQuery): Promise<PrivacyRequestAnswer>;

  /** C1: news, newest first, a page at a time, with the unread count (a full or a quick-access session). */
  listNews(token: string, options: { before?: string; limit?: number }, signal?: AbortSignal): Promise<NewsPage>;
  /** C1: one news item with its body; the server marks it read for a full session. */
  getNews(token: string, id: string, signal?: AbortSignal): Promise<NewsArticle>;
  /** C2: the support materials matching `query`, with every topic. */
  listMaterials(token: string, query: MaterialQuery, signal?: AbortSignal): Promise<MaterialList>;
  /** C2: a material's file, fetched with the token (named as the server names it, else `fallbackName`). */
  downloadMaterial(token: string, id: string, fallbackName?: string): Promise<File>;
  /** C3: the campaigns the client may see today. */
  listCampaigns(token: string, signal?: AbortSignal): Promise<CampaignList>;
  /** C3: "I'm interested": opens a request (once per account; again answers the same request). */
  campaignInterest(token: string, id: string): Promise<InterestAnswer>;
  /** C4: the client's opinion, stored as a request of category feedback (a full or a quick-access session). */
  sendFeedback(token: string, input: FeedbackInput): Promise<InterestAnswer>;
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
    // keepalive: the sign-out still reaches the server when the visitor leaves the page right after clicking it.
    await this.auth('sign-out', {}, undefined, { keepalive: true });
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

  billingSummary(token: string, options: AccountOption, signal?: AbortSignal) {
    return this.request<BillingSummary>(withQuery('/api/portal/billing/summary', options), { signal, headers: bearer(token) });
  }
  listCharges(token: string, filters: ChargeFilters, signal?: AbortSignal) {
    return this.request<Page<Charge>>(withQuery('/api/portal/billing/charges', filters), { signal, headers: bearer(token) });
  }
  getCharge(token: string, id: string, signal?: AbortSignal) {
    return this.request<Charge>(`/api/portal/billing/charges/${encodeURIComponent(id)}`, { signal, headers: bearer(token) });
  }
  downloadBoleto(token: string, id: string, locale?: string) {
    return this.file(withQuery(`/api/portal/billing/charges/${encodeURIComponent(id)}/boleto`, { locale }), token, `boleto-${id}.pdf`);
  }
  payChargeByCard(token: string, id: string) {
    return this.send<{ url: string }>(`/api/portal/billing/charges/${encodeURIComponent(id)}/card`, {}, token);
  }
  listInvoices(token: string, options: AccountOption & { establishmentId?: string; before?: string; limit?: number }, signal?: AbortSignal) {
    return this.request<Page<Invoice>>(withQuery('/api/portal/billing/invoices', options), { signal, headers: bearer(token) });
  }
  downloadInvoice(token: string, id: string, format: 'pdf' | 'xml') {
    return this.file(`/api/portal/billing/invoices/${encodeURIComponent(id)}/${format}`, token, `invoice-${id}.${format}`);
  }
  listBillingReports(token: string, options: AccountOption, signal?: AbortSignal) {
    return this.request<{ items: BillingReport[] }>(withQuery('/api/portal/billing/reports', options), { signal, headers: bearer(token) });
  }
  downloadBillingReport(token: string, id: string) {
    return this.file(`/api/portal/billing/reports/${encodeURIComponent(id)}/file`, token, `report-${id}.pdf`);
  }
  downloadAccountStatement(token: string, options: AccountOption & { from: string; to: string }, locale?: string) {
    return this.file(withQuery('/api/portal/billing/statements/account', { ...options, locale }), token, `statement-${options.from}-${options.to}.pdf`);
  }
  downloadIncomeTaxStatement(token: string, options: AccountOption & { year: number }, locale?: string) {
    return this.file(withQuery('/api/portal/billing/statements/income-tax', { ...options, locale }), token, `income-tax-${options.year}.pdf`);
  }
  managePaymentMethods(token: string, options: AccountOption) {
    return this.send<{ url: string }>('/api/portal/billing/payment-methods/manage', options, token);
  }
  setPreferredPaymentMethod(token: string, method: PaymentMethod, options: AccountOption) {
    return this.send<{ preferred: PaymentMethod }>('/api/portal/billing/payment-methods/preferred', { ...options, method }, token, 'PUT');
  }

  listProcesses(token: string, options: AccountOption & { locale?: string }, signal?: AbortSignal) {
    return this.request<{ items: ProcessSummary[] }>(withQuery('/api/portal/processes', options), { signal, headers: bearer(token) });
  }
  getProcess(token: string, id: string, options: { locale?: string }, signal?: AbortSignal) {
    return this.request<ProcessDetail>(withQuery(`/api/portal/processes/${encodeURIComponent(id)}`, options), { signal, headers: bearer(token) });
  }
  async markProcessSeen(token: string, id: string) {
    await this.send(`/api/portal/processes/${encodeURIComponent(id)}/seen`, {}, token);
  }

  documentCatalog(token: string, options: { locale?: string }, signal?: AbortSignal) {
    return this.request<DocumentCatalog>(withQuery('/api/portal/documents/catalog', options), { signal, headers: bearer(token) });
  }
  listDocuments(token: string, filters: DocumentFilters, signal?: AbortSignal) {
    return this.request<Page<DocumentItem>>(withQuery('/api/portal/documents', filters), { signal, headers: bearer(token) });
  }
  listModules(token: string, options: { accountId?: string }, signal?: AbortSignal) {
    return this.request<EffectiveModules>(withQuery('/api/portal/modules', options), { signal, headers: bearer(token) });
  }
  async documentLink(token: string, id: string) {
    const link = await this.send<DocumentLink>(`/api/portal/documents/${encodeURIComponent(id)}/link`, {}, token);
    // The server may answer a path: the browser must go to Portico, not to the page embedding the widget.
    return { ...link, url: this.resolveUrl(link.url) };
  }
  downloadDocument(token: string, id: string, fallbackName = `document-${id}`) {
    return this.file(`/api/portal/documents/${encodeURIComponent(id)}/file`, token, fallbackName);
  }

  appointmentCatalog(token: string, options: AccountOption & { locale?: string }, signal?: AbortSignal) {
    return this.request<AppointmentCatalog>(withQuery('/api/portal/appointments/catalog', options), { signal, headers: bearer(token) });
  }
  appointmentSlots(token: string, query: SlotsQuery, signal?: AbortSignal) {
    return this.request<SlotsAnswer>(withQuery('/api/portal/appointments/slots', query), { signal, headers: bearer(token) });
  }
  bookAppointment(token: string, booking: NewBooking) {
    return this.send<Appointment>('/api/portal/appointments', booking, token);
  }
  listAppointments(token: string, query: AppointmentListQuery, signal?: AbortSignal) {
    return this.request<Page<Appointment>>(withQuery('/api/portal/appointments', query), { signal, headers: bearer(token) });
  }
  cancelAppointment(token: string, id: string) {
    return this.send<Appointment>(`/api/portal/appointments/${encodeURIComponent(id)}/cancel`, {}, token);
  }
  downloadAppointmentGuide(token: string, id: string, locale?: string) {
    return this.file(withQuery(`/api/portal/appointments/${encodeURIComponent(id)}/guide`, { locale }), token, `guide-${id.slice(0, 8)}.pdf`);
  }
  proposeAppointment(token: string, proposal: NewProposal) {
    return this.send<AppointmentProposal>('/api/portal/appointments/proposals', proposal, token);
  }
  listAppointmentProposals(token: string, options: { locale?: string }, signal?: AbortSignal) {
    return this.request<{ items: AppointmentProposal[] }>(withQuery('/api/portal/appointments/proposals', options), { signal, headers: bearer(token) });
  }

  getProfile(token: string, query: ProfileQuery, signal?: AbortSignal) {
    return this.request<Profile>(withQuery('/api/portal/profile', query), { signal, headers: bearer(token) });
  }
  updateProfile(token: string, change: ProfileChange, query: ProfileQuery) {
    return this.send<ChangeResult>(withQuery('/api/portal/profile', query), change, token, 'PATCH');
  }
  confirmProfile(token: string, query: ProfileQuery) {
    return this.send<Profile>(withQuery('/api/portal/profile/confirm', query), {}, token);
  }
  downloadProfileExport(token: string, query: ProfileQuery) {
    return this.file(withQuery('/api/portal/profile/export', { accountId: query.accountId }), token, 'my-data.json');
  }
  requestPrivacy(token: string, request: NewPrivacyRequest, query: ProfileQuery) {
    return this.send<PrivacyRequestAnswer>(withQuery('/api/portal/profile/privacy-requests', { accountId: query.accountId }), request, token);
  }

  listNews(token: string, options: { before?: string; limit?: number }, signal?: AbortSignal) {
    return this.request<NewsPage>(withQuery('/api/portal/news', options), { signal, headers: bearer(token) });
  }
  getNews(token: string, id: string, signal?: AbortSignal) {
    return this.request<NewsArticle>(`/api/portal/news/${encodeURIComponent(id)}`, { signal, headers: bearer(token) });
  }
  listMaterials(token: string, query: MaterialQuery, signal?: AbortSignal) {
    return this.request<MaterialList>(withQuery('/api/portal/materials', query), { signal, headers: bearer(token) });
  }
  downloadMaterial(token: string, id: string, fallbackName = `material-${id}`) {
    return this.file(`/api/portal/materials/${encodeURIComponent(id)}/file`, token, fallbackName);
  }
  listCampaigns(token: string, signal?: AbortSignal) {
    return this.request<CampaignList>('/api/portal/campaigns', { signal, headers: bearer(token) });
  }
  campaignInterest(token: string, id: string) {
    return this.send<InterestAnswer>(`/api/portal/campaigns/${encodeURIComponent(id)}/interest`, {}, token);
  }
  sendFeedback(token: string, input: FeedbackInput) {
    return this.send<InterestAnswer>('/api/portal/feedback', input, token);
  }

  /**
   * A file fetched with the session's token, named as the server named it (when CORS lets us read
   * `Content-Disposition`) or else `fallbackName`.
   */
  private async file(path: string, token: string, fallbackName: string): Promise<File> {
    let response: Response;
    try {
      response = await fetch(new URL(path, this.baseUrl), { headers: { 'X-Portal-Tenant': this.tenant, ...bearer(token) } });
    } catch (error) {
      throw new ApiError('network_error', 0, (error as Error).message);
    }
    if (!response.ok) throw problemOf(response, await response.json().catch(() => undefined));
    const blob = await response.blob();
    return new File([blob], fileNameOf(response.headers.get('Content-Disposition')) ?? fallbackName, { type: blob.type });
  }

  private send<T>(path: string, body: unknown, token: string, method: 'POST' | 'PUT' | 'PATCH' = 'POST'): Promise<T> {
    return this.request<T>(path, { method, body: JSON.stringify(body), headers: { 'Content-Type': 'application/json', ...bearer(token) } });
  }

  /** An auth call: JSON, the tenant header, and the refresh cookie (`credentials: 'include'`). */
  private auth<T>(path: string, body: unknown, accessToken?: string, extra: Pick<RequestInit, 'keepalive'> = {}): Promise<T> {
    return this.request<T>(`/api/portal/auth/${path}`, {
      ...extra,
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
    if (!response.ok) throw problemOf(response, body);
    return body as T;
  }
}

/** The members every problem document has (RFC 9457 and Portico's own); the others are extensions. */
const PROBLEM_MEMBERS = new Set(['type', 'title', 'status', 'code', 'detail', 'instance', 'requestId', 'errors']);

/** The ApiError for a failed response and its problem+json body (if it had one), its extension members kept. */
function problemOf(response: Response, body: unknown): ApiError {
  const problem = body as { code?: string; detail?: string; errors?: { path: string; message: string }[] } | undefined;
  const retryAfter = Number(response.headers.get('Retry-After')) || undefined;
  const extensions = problem && typeof problem === 'object' ? Object.entries(problem).filter(([name]) => !PROBLEM_MEMBERS.has(name)) : [];
  return new ApiError(
    problem?.code ?? 'internal_error',
    response.status,
    problem?.detail ?? response.statusText,
    retryAfter,
    problem?.errors,
    extensions.length ? Object.fromEntries(extensions) : undefined,
  );
}

function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` };
}

/** `path` with a query string of the options that have a value (none: no `?`). */
function withQuery(path: string, options: object): string {
  const entries = Object.entries(options).filter(([, value]) => value !== undefined && value !== null && value !== '');
  const query = new URLSearchParams(entries.map(([key, value]) => [key, String(value)])).toString();
  return query ? `${path}?${query}` : path;
}

/** The file name of a `Content-Disposition` header (RFC 6266: `filename*` first), if there is one. */
export function fileNameOf(header: string | null): string | undefined {
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header ?? '');
  if (extended) {
    try {
      return decodeURIComponent(extended[1]!);
    } catch {
      // a malformed name: fall through to the plain one
    }
  }
  return /filename="([^"]+)"/i.exec(header ?? '')?.[1];
}
