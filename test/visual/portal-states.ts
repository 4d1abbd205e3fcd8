/** The portal widgets' main states on fixture data (the fixtures the widget tests and the stories use). */
import '../../widgets/app/portal-app.ts';
import '../../widgets/appointments/portal-appointments.ts';
import '../../widgets/billing/portal-billing.ts';
import '../../widgets/brand/portal-brand.ts';
import '../../widgets/campaigns/portal-campaigns.ts';
import '../../widgets/documents/portal-documents.ts';
import '../../widgets/feedback/portal-feedback.ts';
import '../../widgets/login/portal-login.ts';
import '../../widgets/materials/portal-materials.ts';
import '../../widgets/news/portal-news.ts';
import '../../widgets/process-tracker/portal-process-tracker.ts';
import '../../widgets/profile/portal-profile.ts';
import '../../widgets/requests/portal-requests.ts';
import { ApiError, type PublicTenant, type SessionAnswer } from '../../widgets/core/api-client.ts';
import {
  APPOINTMENTS_NOW,
  appointmentCalls,
  eurBilling,
  fixtureSession,
  fixtureTenant,
  martinsCastroProcesses,
  memoryBilling,
  memoryContent,
  memoryProcesses,
  memoryStorage,
  PROFILE_NOW,
  profileCalls,
  profileSessionFor,
  provideFixtureRuntime,
  type AppointmentState,
  type ProfileState,
} from '../../widgets/core/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { brandingOf, clickWhenThere, deepQuery, fill, settle, setHash, until, type Look, type WidgetState } from './states-kit.ts';

type Auth = NonNullable<NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth']>;

const ONE_ACCOUNT = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: 'all' as const }];
const HORIZONTE = fixtureSession({ accountId: 'a1', accounts: ONE_ACCOUNT });
const LONG_NAME = 'Clínica Sol Medicina e Segurança do Trabalho';

/** The tenant of the look's brand: the clinic (BRL, pt-BR) or the law firm (EUR, es). */
function tenantOf(look: Look, change: Partial<PublicTenant> = {}): PublicTenant {
  const firm = look.brand === 'martins-castro';
  return fixtureTenant({
    ...(firm ? { slug: 'martins-castro', name: 'Martins Castro', currency: 'EUR', timeZone: 'Europe/Madrid', locale: 'es' } : {}),
    ...change,
    branding: brandingOf(look),
  });
}

interface PortalOptions<E> {
  locale?: Locale;
  /** The session the page resumes: a client's, or none (signed out). */
  session?: SessionAnswer | null;
  quickAccess?: boolean;
  auth?: Auth;
  tenant?: Partial<PublicTenant>;
  /** The server knows no such portal. */
  missing?: boolean;
  /** Properties set before the element connects. */
  setup?: (element: E) => void;
  /** Elements put before it in the host (a `<portal-brand>` above the sign-in). */
  before?: string[];
}

/** Mounts `tag` under a fixture runtime on `host`, then settles it. */
async function portal<K extends keyof HTMLElementTagNameMap>(host: HTMLElement, look: Look, tag: K, options: PortalOptions<HTMLElementTagNameMap[K]> = {}) {
  const session = options.session === undefined ? HORIZONTE : options.session;
  const { runtime, loaded } = provideFixtureRuntime(host, options.missing ? { error: 'tenant_not_found' } : { tenant: tenantOf(look, options.tenant) }, {
    locale: options.locale ?? (look.brand === 'martins-castro' ? 'es' : 'pt-BR'),
    storage: memoryStorage(),
    baseUrl: location.href,
    auth: { ...(session ? { refresh: async () => session } : {}), ...options.auth },
  });
  const element = document.createElement(tag);
  options.setup?.(element);
  for (const before of options.before ?? []) host.append(document.createElement(before));
  host.append(element);
  await loaded;
  if (options.quickAccess) runtime.runtime.quickAccessOpened({ accessToken: 'fixture.process.token', expiresIn: 900, processId: 'p1' });
  await settle(element);
  return element;
}

/** A state that waits for `selector` once mounted. */
const showing =
  <K extends keyof HTMLElementTagNameMap>(tag: K, state: string, selector: string, options: PortalOptions<HTMLElementTagNameMap[K]> = {}, then?: (element: HTMLElement) => Promise<void>): WidgetState => ({
    widget: tag,
    state,
    async mount(host, look) {
      const element = await portal(host, look, tag, options);
      await until(element, `${tag} ${state}: ${selector}`, () => deepQuery(element, selector));
      await then?.(element);
      return element;
    },
  });

const refuse = (code: string, status = 0) => () => Promise.reject(new ApiError(code, status, code));
const never = () => new Promise<never>(() => {});

const appointments = (state: AppointmentState, setup: (element: HTMLElementTagNameMap['portal-appointments']) => void = () => {}) => ({
  auth: appointmentCalls(state, { now: () => new Date(APPOINTMENTS_NOW) }),
  setup: (element: HTMLElementTagNameMap['portal-appointments']) => {
    element.clock = () => new Date(APPOINTMENTS_NOW);
    element.navigate = () => {};
    setup(element);
  },
});
const profile = (state: ProfileState) => ({ session: profileSessionFor(state), auth: profileCalls(state, { now: () => new Date(PROFILE_NOW) }) });

/** Opens the first free day of the calendar, then its first time. */
async function chooseFirstTime(element: HTMLElement) {
  await clickWhenThere(element, 'td[data-date][data-free=true]');
  await clickWhenThere(element, '[part~=time][data-start]');
}

async function signInRefused(element: HTMLElement) {
  fill(deepQuery<HTMLInputElement>(element, 'input[type=email]')!, 'rh@horizonte.example');
  fill(deepQuery<HTMLInputElement>(element, 'input[type=password]')!, 'not the password');
  deepQuery(element, 'form button[type=submit]')!.click();
  await until(element, 'the sign-in refused', () => deepQuery(element, '[role=alert]'));
}

export const portalStates: WidgetState[] = [
  showing('portal-brand', 'long name', '[part~=name]', { session: null, tenant: { name: LONG_NAME } }),
  showing('portal-brand', 'portal not found', '[part~=error]', { session: null, missing: true }),
  showing('portal-login', 'sign-in', 'form', { session: null, before: ['portal-brand'] }),
  showing('portal-login', 'rate limited', 'form', { session: null, auth: { signIn: () => Promise.reject(new ApiError('too_many_attempts', 429, '', 42)) } }, signInRefused),
  showing('portal-login', 'forgot password', 'form', { session: null, setup: (el) => (el.view = 'forgot') }),
  showing('portal-login', 'first access', 'form', { session: null, setup: (el) => (el.view = 'first-access') }),
  showing('portal-login', 'code request', 'form', { session: null, setup: (el) => (el.view = 'code-request') }),
  showing('portal-login', 'quick access', 'form', { session: null, tenant: { modules: ['processes'] }, setup: (el) => (el.view = 'quick-access') }),
  showing('portal-login', 'account picker', 'button', { session: fixtureSession() }),
  showing('portal-login', 'signed in', 'button', {}),
  showing('portal-app', 'signed out', 'portal-login form', { session: null, setup: () => setHash('') }),
  showing('portal-app', 'home', '[part~=nav-link]', { auth: { listModules: async () => ({ modules: ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile'] }), ...profileCalls('normal') }, setup: () => setHash('') }),
  showing('portal-app', 'menu open', '[part~=nav-toggle]', { auth: { ...profileCalls('normal') }, setup: () => setHash('#billing') }, async (element) => {
    const toggle = deepQuery(element, '[part~=nav-toggle]')!;
    // Only a narrow layout folds the menu behind the toggle; at a wide one there is nothing to open.
    if (toggle.offsetParent) toggle.click();
    await settle(element);
  }),
  showing('portal-billing', 'charges', '[part~=charge]'),
  showing('portal-billing', 'charge open', '[part~=charge]', {}, async (element) => {
    const item = [...element.shadowRoot!.querySelectorAll('[part~=charge]')].find((c) => c.textContent!.includes('dezembro/2026')) ?? element.shadowRoot!.querySelector('[part~=charge]')!;
    item.querySelector<HTMLButtonElement>('button[aria-expanded]')!.click();
    await settle(element);
  }),
  showing('portal-billing', 'documents', '#tab-documents', {}, async (element) => {
    await clickWhenThere(element, '#tab-documents');
  }),
  showing('portal-billing', 'euro charges', '[part~=charge]', { auth: memoryBilling(eurBilling()), tenant: { currency: 'EUR', timeZone: 'Europe/Madrid' } }),
  showing('portal-billing', 'load failed', '[part~=error]', { auth: { billingSummary: refuse('network_error'), listCharges: refuse('network_error') } }),
  showing('portal-appointments', 'services', '[part~=service]', appointments('normal')),
  showing('portal-appointments', 'calendar', 'td[data-date]', appointments('normal', (el) => (el.service = 'audiometria'))),
  showing('portal-appointments', 'times', 'td[data-date]', appointments('normal', (el) => (el.service = 'audiometria')), async (element) => {
    await clickWhenThere(element, 'td[data-date][data-free=true]');
    await until(element, 'times', () => deepQuery(element, '[part~=time]'));
  }),
  showing('portal-appointments', 'confirm step', 'td[data-date]', appointments('normal', (el) => (el.service = 'audiometria')), async (element) => {
    await chooseFirstTime(element);
    await until(element, 'the confirm step', () => deepQuery(element, '[part~=confirm-button]'));
  }),
  showing('portal-appointments', 'request mode', '[part~=service]', appointments('request-mode')),
  showing('portal-appointments', 'load failed', '[part~=error]', appointments('error')),
  showing('portal-documents', 'list', '[part~=document]', { auth: {} }),
  showing('portal-documents', 'several accounts', '[part~=document]', { session: fixtureSession() }),
  showing('portal-documents', 'load failed', '[part~=error]', { auth: { listDocuments: refuse('network_error') } }),
  showing('portal-process-tracker', 'two processes', '[part~=phase]', { session: fixtureSession({ accountId: null }), auth: memoryProcesses(martinsCastroProcesses()) }),
  showing('portal-process-tracker', 'reference revealed', '[part~=reference]', { auth: memoryProcesses(martinsCastroProcesses()) }, async (element) => {
    deepQuery(element, '[part~=reference][data-secret=true] [part~=show]')?.click();
    await settle(element);
  }),
  showing('portal-process-tracker', 'quick access', '[part~=phase]', { session: null, quickAccess: true, auth: memoryProcesses(martinsCastroProcesses()) }),
  showing('portal-profile', 'my data', '[part~=form]', profile('normal')),
  showing('portal-profile', 'confirmation required', '[part~=confirm-banner]', profile('confirmation-required')),
  showing('portal-profile', 'pending change', '[part~=pending]', profile('pending-change')),
  showing('portal-profile', 'company', '[part~=form]', profile('company')),
  showing('portal-profile', 'privacy form', '[part~=privacy-open]', profile('normal'), async (element) => {
    await clickWhenThere(element, '[part~=privacy-open]');
    await until(element, 'the privacy form', () => deepQuery(element, '[part~=privacy-form]'));
  }),
  showing('portal-requests', 'list', '[part~=item]'),
  showing('portal-requests', 'thread', '[part~=item]', {}, async (element) => {
    await clickWhenThere(element, '[part~=item]');
    await until(element, 'the thread', () => deepQuery(element, '[part~=message]'));
  }),
  showing('portal-requests', 'new request', 'form', { setup: (el) => (el.draft = { category: 'financial', subject: 'Boleto de março', about: { type: 'charge', id: 'c-1' } }) }),
  showing('portal-requests', 'load failed', '[part~=error]', { auth: { listRequests: refuse('network_error') } }),
  showing('portal-news', 'list', '[part~=item]', { auth: memoryContent() }),
  showing('portal-news', 'article', '[part~=open]', { auth: memoryContent() }, async (element) => {
    await clickWhenThere(element, '[part~=open]');
    await until(element, 'the article', () => deepQuery(element, '[part~=article]'));
  }),
  showing('portal-materials', 'by topic', '[part~=material]', { auth: memoryContent() }),
  showing('portal-materials', 'article open', '[part~=toggle]', { auth: memoryContent() }, async (element) => {
    await clickWhenThere(element, '[part~=toggle]');
  }),
  showing('portal-campaigns', 'cards', '[part~=campaign]', { auth: memoryContent() }),
  showing('portal-campaigns', 'loading', '[part~=status]', { auth: { ...memoryContent(), listCampaigns: never } }),
  showing('portal-feedback', 'button', '[part~=button]', { auth: memoryContent() }),
  showing('portal-feedback', 'dialog open', '[part~=button]', { auth: memoryContent() }, async (element) => {
    (element as HTMLElementTagNameMap['portal-feedback']).show();
    await until(element, 'the dialog', () => deepQuery(element, '[part~=form]'));
  }),
];
