/**
 * Fixture data and a fixture runtime for tests and stories: widgets get the same context the loader gives
 * them, with no server behind it. Not part of the bundle (nothing the loader imports uses it).
 */
import { memoryAppointments } from './appointment-fixtures.ts';
import { ApiError, type LinkInfo, type PortalApi, type PublicTenant, type QuickAccessAnswer, type RequestDetail, type SessionAnswer } from './api-client.ts';
import { memoryBilling } from './billing-fixtures.ts';
import { memoryContent } from './content-fixtures.ts';
import { memoryDocuments } from './document-fixtures.ts';
import type { Locale } from './i18n.ts';
import { memoryProcesses } from './process-fixtures.ts';
import { memoryProfile } from './profile-fixtures.ts';
import { RuntimeHost } from './runtime.ts';

export { brlBilling, eurBilling, fixtureCharge, memoryBilling, summarize, type BillingData } from './billing-fixtures.ts';
export { martinsCastroProcesses, memoryProcesses, type ProcessData } from './process-fixtures.ts';
export {
  APPOINTMENT_STATES,
  APPOINTMENTS_NOW,
  PROVIDER_IDS,
  appointmentCalls,
  clinicaSolAppointments,
  fixtureAppointment,
  memoryAppointments,
  type AppointmentCalls,
  type AppointmentData,
  type AppointmentState,
} from './appointment-fixtures.ts';
export {
  PROFILE_ACCOUNTS,
  PROFILE_NOW,
  PROFILE_STATES,
  anaProfile,
  horizonteProfile,
  luciaProfile,
  memoryProfile,
  profileCalls,
  profileSessionFor,
  type FixtureField,
  type ProfileCalls,
  type ProfileData,
  type ProfileState,
} from './profile-fixtures.ts';
export {
  CONTENT_STATES,
  clinicaSolContent,
  fixtureCampaign,
  fixtureImage,
  fixtureMaterial,
  fixtureNews,
  memoryContent,
  paragraphs,
  type ContentData,
  type ContentState,
} from './content-fixtures.ts';
export { clinicaSolCategories, fixtureDocument, horizonteDocuments, memoryDocuments, type DocumentData, type FixtureCategory } from './document-fixtures.ts';

/** A tenant as the server would answer it. */
export function fixtureTenant(overrides: Partial<Omit<PublicTenant, 'branding'>> & { branding?: Partial<PublicTenant['branding']> } = {}): PublicTenant {
  return {
    slug: 'clinica-sol',
    name: 'Clínica Sol',
    locale: 'pt-BR',
    currency: 'BRL',
    timeZone: 'America/Sao_Paulo',
    modules: [],
    links: { site: 'https://www.clinicasol.example/', social: [{ network: 'instagram', url: 'https://www.instagram.com/clinicasol' }] },
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

/** A signed-in answer as the server gives it. */
export function fixtureSession(overrides: Partial<SessionAnswer> = {}): SessionAnswer {
  return {
    accessToken: 'fixture.access.token',
    tokenType: 'Bearer',
    expiresIn: 300,
    scope: 'full',
    user: { id: 'u1', email: 'rh@horizonte.example', locale: null },
    accounts: [
      { id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company', establishments: 'all' },
      { id: 'a2', name: 'Bruno Lima', kind: 'person', establishments: 'all' },
    ],
    accountId: null,
    ...overrides,
  };
}

/** A request as the server answers it. */
export function fixtureRequest(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    id: crypto.randomUUID(),
    accountId: 'a1',
    accountName: 'Metalúrgica Horizonte Ltda',
    establishmentId: null,
    category: 'financial',
    subject: 'Segunda via do boleto de outubro',
    status: 'answered',
    about: null,
    assignee: null,
    createdAt: '2026-11-20T13:05:00Z',
    updatedAt: '2026-11-21T09:30:00Z',
    closedAt: null,
    description: 'O boleto de outubro não chegou ao financeiro. Podem enviar a segunda via?',
    messages: [{ id: 'm1', author: 'staff', authorName: 'Atendimento', body: 'Enviamos a segunda via para o e-mail do financeiro.', createdAt: '2026-11-21T09:30:00Z' }],
    attachments: [],
    ...overrides,
  };
}

/** A small in-memory inbox for the fixture API. */
function memoryRequests(initial: RequestDetail[]) {
  const requests = [...initial];
  const find = (id: string) => {
    const request = requests.find((r) => r.id === id);
    if (!request) throw new ApiError('not_found', 404, 'No such request');
    return request;
  };
  return {
    requestCategories: async () => (['financial', 'review', 'appointment', 'general'] as const).map((key) => ({ key, labels: {} })),
    listRequests: async (_token: string, options: { status?: string; before?: string }) => {
      // Pages of 2, so stories and tests can page: the cursor is the index to start at.
      const matching = requests.filter((r) => !options.status || r.status === options.status).map(({ description: _d, messages: _m, attachments: _a, ...summary }) => summary);
      const start = Number(options.before ?? 0);
      return { items: matching.slice(start, start + 2), next: start + 2 < matching.length ? String(start + 2) : null };
    },
    getRequest: async (_token: string, id: string) => structuredClone(find(id)),
    createRequest: async (_token: string, draft: { category: RequestDetail['category']; subject: string; description: string }) => {
      const created = fixtureRequest({ ...draft, status: 'open', messages: [], createdAt: new Date().toISOString() });
      requests.unshift(created);
      return created;
    },
    replyToRequest: async (_token: string, id: string, body: string) => {
      const request = find(id);
      request.messages.push({ id: crypto.randomUUID(), author: 'client', authorName: null, body, createdAt: new Date().toISOString() });
      request.status = 'open';
    },
    closeRequest: async (_token: string, id: string) => void (find(id).status = 'closed'),
    reopenRequest: async (_token: string, id: string) => void (find(id).status = 'open'),
    attachToRequest: async (_token: string, id: string, file: File) =>
      void find(id).attachments.push({ id: crypto.randomUUID(), name: file.name, type: file.type, size: file.size, createdAt: new Date().toISOString() }),
    downloadAttachment: async () => new Blob(['%PDF-1.7'], { type: 'application/pdf' }),
  };
}

/** The calls of the fixture API (auth, requests, billing, processes, documents, appointments, profile, content), each replaceable by a test or a story. */
type AuthCalls = Omit<PortalApi, 'getTenant' | 'resolveUrl'>;

/** A PortalApi that answers from fixtures and counts the calls. */
export class FixtureApi implements PortalApi {
  calls = 0;
  /** Every auth call made, by name, with its arguments. */
  readonly log: { name: string; args: unknown[] }[] = [];
  /** What the auth calls answer; by default a signed-out visitor whose sign-ins succeed. */
  auth: AuthCalls;

  constructor(
    public answer: FixtureTenantAnswer,
    private readonly baseUrl = 'https://portal.example.com/',
    auth: Partial<AuthCalls> = {},
  ) {
    this.auth = {
      signIn: async () => fixtureSession(),
      requestCode: async () => {},
      register: async () => fixtureSession(),
      firstAccess: async () => {},
      forgotPassword: async () => {},
      inspectLink: async (): Promise<LinkInfo> => ({ purpose: 'activation', needsPassword: true }),
      redeemLink: async () => fixtureSession(),
      refresh: async () => undefined,
      chooseAccount: async (accountId) => {
        const { accessToken: _token, tokenType: _type, expiresIn: _expires, ...info } = fixtureSession({ accountId });
        return info;
      },
      signOut: async () => {},
      quickAccess: async (): Promise<QuickAccessAnswer> => ({ accessToken: 'fixture.process.token', expiresIn: 900, scope: 'process', processId: 'p1' }),
      listModules: async () => ({ modules: ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile'] }),
      ...memoryRequests([fixtureRequest({ id: 'r1' }), fixtureRequest({ id: 'r2', category: 'appointment', subject: 'Exames admissionais', status: 'open', messages: [] })]),
      ...memoryBilling(),
      ...memoryProcesses(),
      ...memoryDocuments(),
      ...memoryAppointments(),
      ...memoryProfile(),
      ...memoryContent(),
      ...auth,
    };
  }

  private record<K extends keyof AuthCalls>(name: K, ...args: Parameters<AuthCalls[K]>): ReturnType<AuthCalls[K]> {
    this.log.push({ name, args });
    return (this.auth[name] as (...a: unknown[]) => ReturnType<AuthCalls[K]>)(...args);
  }

  signIn(email: string, password: string) { return this.record('signIn', email, password); }
  requestCode(email: string) { return this.record('requestCode', email); }
  register(email: string, code: string, password: string) { return this.record('register', email, code, password); }
  firstAccess(email: string) { return this.record('firstAccess', email); }
  forgotPassword(email: string) { return this.record('forgotPassword', email); }
  inspectLink(token: string) { return this.record('inspectLink', token); }
  redeemLink(token: string, password?: string) { return this.record('redeemLink', token, password); }
  refresh() { return this.record('refresh'); }
  chooseAccount(accountId: string, accessToken: string) { return this.record('chooseAccount', accountId, accessToken); }
  signOut() { return this.record('signOut'); }
  quickAccess(number: string, accessKey: string) { return this.record('quickAccess', number, accessKey); }
  requestCategories(token: string, signal?: AbortSignal) { return this.record('requestCategories', token, signal); }
  listRequests(token: string, options: { before?: string; status?: string }, signal?: AbortSignal) { return this.record('listRequests', token, options, signal); }
  getRequest(token: string, id: string, signal?: AbortSignal) { return this.record('getRequest', token, id, signal); }
  createRequest(token: string, draft: Parameters<PortalApi['createRequest']>[1]) { return this.record('createRequest', token, draft); }
  replyToRequest(token: string, id: string, body: string) { return this.record('replyToRequest', token, id, body); }
  closeRequest(token: string, id: string) { return this.record('closeRequest', token, id); }
  reopenRequest(token: string, id: string) { return this.record('reopenRequest', token, id); }
  attachToRequest(token: string, id: string, file: File) { return this.record('attachToRequest', token, id, file); }
  downloadAttachment(token: string, id: string, attachmentId: string) { return this.record('downloadAttachment', token, id, attachmentId); }
  billingSummary(...args: Parameters<PortalApi['billingSummary']>) { return this.record('billingSummary', ...args); }
  listCharges(...args: Parameters<PortalApi['listCharges']>) { return this.record('listCharges', ...args); }
  getCharge(...args: Parameters<PortalApi['getCharge']>) { return this.record('getCharge', ...args); }
  downloadBoleto(...args: Parameters<PortalApi['downloadBoleto']>) { return this.record('downloadBoleto', ...args); }
  payChargeByCard(...args: Parameters<PortalApi['payChargeByCard']>) { return this.record('payChargeByCard', ...args); }
  listInvoices(...args: Parameters<PortalApi['listInvoices']>) { return this.record('listInvoices', ...args); }
  downloadInvoice(...args: Parameters<PortalApi['downloadInvoice']>) { return this.record('downloadInvoice', ...args); }
  listBillingReports(...args: Parameters<PortalApi['listBillingReports']>) { return this.record('listBillingReports', ...args); }
  downloadBillingReport(...args: Parameters<PortalApi['downloadBillingReport']>) { return this.record('downloadBillingReport', ...args); }
  downloadAccountStatement(...args: Parameters<PortalApi['downloadAccountStatement']>) { return this.record('downloadAccountStatement', ...args); }
  downloadIncomeTaxStatement(...args: Parameters<PortalApi['downloadIncomeTaxStatement']>) { return this.record('downloadIncomeTaxStatement', ...args); }
  managePaymentMethods(...args: Parameters<PortalApi['managePaymentMethods']>) { return this.record('managePaymentMethods', ...args); }
  setPreferredPaymentMethod(...args: Parameters<PortalApi['setPreferredPaymentMethod']>) { return this.record('setPreferredPaymentMethod', ...args); }
  listProcesses(...args: Parameters<PortalApi['listProcesses']>) { return this.record('listProcesses', ...args); }
  getProcess(...args: Parameters<PortalApi['getProcess']>) { return this.record('getProcess', ...args); }
  markProcessSeen(...args: Parameters<PortalApi['markProcessSeen']>) { return this.record('markProcessSeen', ...args); }
  documentCatalog(...args: Parameters<PortalApi['documentCatalog']>) { return this.record('documentCatalog', ...args); }
  listDocuments(...args: Parameters<PortalApi['listDocuments']>) { return this.record('listDocuments', ...args); }
  listModules(...args: Parameters<PortalApi['listModules']>) { return this.record('listModules', ...args); }
  documentLink(...args: Parameters<PortalApi['documentLink']>) { return this.record('documentLink', ...args); }
  downloadDocument(...args: Parameters<PortalApi['downloadDocument']>) { return this.record('downloadDocument', ...args); }
  appointmentCatalog(...args: Parameters<PortalApi['appointmentCatalog']>) { return this.record('appointmentCatalog', ...args); }
  appointmentSlots(...args: Parameters<PortalApi['appointmentSlots']>) { return this.record('appointmentSlots', ...args); }
  bookAppointment(...args: Parameters<PortalApi['bookAppointment']>) { return this.record('bookAppointment', ...args); }
  listAppointments(...args: Parameters<PortalApi['listAppointments']>) { return this.record('listAppointments', ...args); }
  cancelAppointment(...args: Parameters<PortalApi['cancelAppointment']>) { return this.record('cancelAppointment', ...args); }
  downloadAppointmentGuide(...args: Parameters<PortalApi['downloadAppointmentGuide']>) { return this.record('downloadAppointmentGuide', ...args); }
  proposeAppointment(...args: Parameters<PortalApi['proposeAppointment']>) { return this.record('proposeAppointment', ...args); }
  listAppointmentProposals(...args: Parameters<PortalApi['listAppointmentProposals']>) { return this.record('listAppointmentProposals', ...args); }
  getProfile(...args: Parameters<PortalApi['getProfile']>) { return this.record('getProfile', ...args); }
  updateProfile(...args: Parameters<PortalApi['updateProfile']>) { return this.record('updateProfile', ...args); }
  confirmProfile(...args: Parameters<PortalApi['confirmProfile']>) { return this.record('confirmProfile', ...args); }
  downloadProfileExport(...args: Parameters<PortalApi['downloadProfileExport']>) { return this.record('downloadProfileExport', ...args); }
  requestPrivacy(...args: Parameters<PortalApi['requestPrivacy']>) { return this.record('requestPrivacy', ...args); }
  listNews(...args: Parameters<PortalApi['listNews']>) { return this.record('listNews', ...args); }
  getNews(...args: Parameters<PortalApi['getNews']>) { return this.record('getNews', ...args); }
  listMaterials(...args: Parameters<PortalApi['listMaterials']>) { return this.record('listMaterials', ...args); }
  downloadMaterial(...args: Parameters<PortalApi['downloadMaterial']>) { return this.record('downloadMaterial', ...args); }
  listCampaigns(...args: Parameters<PortalApi['listCampaigns']>) { return this.record('listCampaigns', ...args); }
  campaignInterest(...args: Parameters<PortalApi['campaignInterest']>) { return this.record('campaignInterest', ...args); }
  sendFeedback(...args: Parameters<PortalApi['sendFeedback']>) { return this.record('sendFeedback', ...args); }

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
  options: { locale?: Locale; storage?: Pick<Storage, 'getItem' | 'setItem'>; baseUrl?: string; auth?: Partial<AuthCalls> } = {},
): { runtime: RuntimeHost; api: FixtureApi; loaded: Promise<void> } {
  const api = new FixtureApi(answer, options.baseUrl, options.auth);
  const slug = typeof answer === 'object' && 'tenant' in answer ? answer.tenant.slug : 'clinica-sol';
  const runtime = new RuntimeHost(host, api, slug, options.locale, options.storage ?? memoryStorage());
  return { runtime, api, loaded: Promise.all([runtime.loadTenant(), runtime.restoreSession()]).then(() => {}) };
}
