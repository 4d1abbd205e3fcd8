/** The console's shell and each of its sections in their main states, on the fixtures its tests and stories use. */
import '../../widgets/admin/admin.ts';
import '../../widgets/admin/accounts/admin-accounts.ts';
import '../../widgets/admin/appointments/admin-appointments.ts';
import '../../widgets/admin/audit/admin-audit.ts';
import '../../widgets/admin/billing/admin-billing.ts';
import '../../widgets/admin/changes/admin-changes.ts';
import '../../widgets/admin/content/admin-content.ts';
import '../../widgets/admin/documents/admin-documents.ts';
import '../../widgets/admin/embed/admin-embed.ts';
import '../../widgets/admin/inbox/admin-inbox.ts';
import '../../widgets/admin/mail/admin-mail.ts';
import '../../widgets/admin/processes/admin-processes.ts';
import '../../widgets/admin/settings/admin-settings.ts';
import '../../widgets/admin/team/admin-team.ts';
import '../../widgets/admin/tokens/admin-tokens.ts';
import '../../widgets/admin/users/admin-users.ts';
import '../../widgets/admin/webhooks/admin-webhooks.ts';
import { clinicaSolAccountsData, memoryAccountsApi } from '../../widgets/admin/accounts/fixtures.ts';
import type { AdminApi, StaffMe } from '../../widgets/admin/admin-api.ts';
import { appointmentsRequest } from '../../widgets/admin/appointments/fixtures.ts';
import { fixtureAudit, memoryAuditApi } from '../../widgets/admin/audit/fixtures.ts';
import { billingData, billingRouter } from '../../widgets/admin/billing/fixtures.ts';
import { changesData, changesRouter } from '../../widgets/admin/changes/fixtures.ts';
import { fixtureContentApi, fixtureContentMe } from '../../widgets/admin/content/fixture-api.ts';
import { documentsData, documentsRouter } from '../../widgets/admin/documents/fixtures.ts';
import { fixtureEmbedSettings } from '../../widgets/admin/embed/fixtures.ts';
import { fakeAdminApi } from '../../widgets/admin/fake-admin-api.ts';
import { inboxData, inboxRouter } from '../../widgets/admin/inbox/fixtures.ts';
import { fixtureMailMe, mailRequest } from '../../widgets/admin/mail/fixtures.ts';
import { accountSearch } from '../../widgets/admin/processes/account-fixtures.ts';
import { processesData, processesRouter } from '../../widgets/admin/processes/fixtures.ts';
import { SECTIONS } from '../../widgets/admin/sections.ts';
import { clinicaSolData, fixtureStaffMe, martinsCastroData, memorySettingsApi } from '../../widgets/admin/settings/fixtures.ts';
import { consoleApi, fixtureSession, fixtureStaff } from '../../widgets/admin/shell/fixtures.ts';
import type { ConsoleSection } from '../../widgets/admin/shell/routes.ts';
import { fixtureMe, fixtureStaff as teamMembers, memoryTeamApi } from '../../widgets/admin/team/fixtures.ts';
import { fixtureTokens, memoryTokensApi } from '../../widgets/admin/tokens/fixtures.ts';
import { clinicaSolUsers, fixtureStaff as usersStaff, martinsCastroUsers, memoryUsersApi } from '../../widgets/admin/users/fixtures.ts';
import { fixtureWebhooksMe, webhooksRequest } from '../../widgets/admin/webhooks/fixtures.ts';
import type { Locale } from '../../widgets/core/i18n.ts';
import { applyTheme } from '../../widgets/core/theme.ts';
import { brandingOf, deepElements, deepQuery, fill, settle, setHash, until, type Look, type WidgetState } from './states-kit.ts';

type SectionTag = (typeof SECTIONS)[number]['tag'];
type Tenant = Look['brand'];
/** What a section is handed: the client, who is signed in, the locale, and any of its own properties (a tab). */
type SectionProps = { api: AdminApi; me: StaffMe; tab?: string };

const localeOf = (look: Look): Locale => (look.brand === 'martins-castro' ? 'es' : 'pt-BR');

/** The text a person sees under `element`, shadow roots included (what a closed dialog holds is not seen). */
function visibleText(element: Element): string {
  const roots = [element.shadowRoot ?? element, ...[...deepElements(element.shadowRoot ?? element)].flatMap((e) => (e.shadowRoot ? [e.shadowRoot] : []))];
  return roots.flatMap((root) => [...root.children].map((child) => (child instanceof HTMLElement && child.checkVisibility() ? child.innerText : ''))).join(' ');
}

/** Loaded: nothing on screen says it is loading any more, and some content (a list, a table, a form) is there. */
const loaded = (element: Element) =>
  !/Carregando|Cargando|Loading/.test(visibleText(element)) && !deepQuery(element, '[aria-busy=true]') && deepQuery(element, 'table, li, form, dl, pre');

/** A section in a state: `props` gives its client and staff member for the look's tenant; `then` acts once it is loaded. */
function section(tag: SectionTag, state: string, props: (tenant: Tenant) => SectionProps, then?: (element: HTMLElement) => Promise<void>): WidgetState {
  return {
    widget: tag,
    state,
    async mount(host, look) {
      applyTheme(brandingOf(look));
      const element = Object.assign(document.createElement(tag), { ...props(look.brand), locale: localeOf(look) });
      host.append(element);
      await until(element, `${tag} ${state}: loaded`, () => loaded(element));
      await then?.(element);
      return element;
    },
  };
}

const owner = (tenant: Tenant) => fixtureMe({}, tenant);
const withAccounts = (tenant: Tenant, request: (data: ReturnType<typeof billingData>) => AdminApi['request'], data = billingData(tenant)) =>
  fakeAdminApi({ request: request(data), listAccounts: accountSearch(data.accounts) });

async function clickFirst(element: HTMLElement, selector: string, what: string) {
  await until(element, what, () => deepQuery(element, selector));
  deepQuery(element, selector)!.click();
  await settle(element, 4);
}

export const sectionStates: WidgetState[] = [
  section('admin-settings', 'settings', (tenant) => ({ api: memorySettingsApi(tenant === 'clinica-sol' ? clinicaSolData() : martinsCastroData()).api, me: fixtureStaffMe('owner') })),
  section('admin-accounts', 'accounts', () => ({ api: memoryAccountsApi(clinicaSolAccountsData()).api, me: fixtureStaffMe('owner') })),
  section('admin-users', 'portal users', (tenant) => ({ api: memoryUsersApi(tenant === 'clinica-sol' ? clinicaSolUsers() : martinsCastroUsers()).api, me: usersStaff({ tenant, role: 'admin' }) })),
  section('admin-inbox', 'inbox', (tenant) => ({ api: fakeAdminApi({ request: inboxRouter(inboxData(tenant)) }), me: owner(tenant) })),
  section('admin-inbox', 'request open', (tenant) => ({ api: fakeAdminApi({ request: inboxRouter(inboxData(tenant)) }), me: owner(tenant) }), (el) =>
    clickFirst(el, '[part~=open]', 'a request to open'),
  ),
  section('admin-changes', 'changes', (tenant) => ({ api: fakeAdminApi({ request: changesRouter(changesData(tenant)) }), me: owner(tenant) })),
  section('admin-appointments', 'bookings', (tenant) => ({
    api: fakeAdminApi({ request: appointmentsRequest({ tenant }), getSettings: async () => ({ timeZone: tenant === 'clinica-sol' ? 'America/Sao_Paulo' : 'Europe/Madrid' }) as never }),
    me: owner(tenant),
  })),
  section('admin-content', 'news', (tenant) => ({ api: fixtureContentApi({ tenant }), me: fixtureContentMe(tenant, 'write'), tab: 'news' })),
  section('admin-processes', 'processes', (tenant) => {
    const data = processesData(tenant);
    return { api: fakeAdminApi({ request: processesRouter(data), listAccounts: accountSearch(data.accounts) }), me: owner(tenant) };
  }),
  section('admin-processes', 'process open', (tenant) => {
    const data = processesData(tenant);
    return { api: fakeAdminApi({ request: processesRouter(data), listAccounts: accountSearch(data.accounts) }), me: owner(tenant) };
  }, (el) => clickFirst(el, '[part~=open]', 'a process to open')),
  section('admin-documents', 'documents', (tenant) => {
    const data = documentsData(tenant);
    return { api: fakeAdminApi({ request: documentsRouter(data), listAccounts: accountSearch(data.accounts) }), me: owner(tenant), tab: 'documents' };
  }),
  section('admin-billing', 'charges', (tenant) => ({ api: withAccounts(tenant, billingRouter), me: owner(tenant), tab: 'charges' })),
  section('admin-billing', 'new charge', (tenant) => ({ api: withAccounts(tenant, billingRouter), me: owner(tenant), tab: 'charges' }), async (el) => {
    const charges = deepQuery(el, 'admin-billing-charges');
    (charges?.shadowRoot?.querySelector('admin-charge-new') as (HTMLElement & { show(): void }) | null)?.show();
    await until(el, 'the new charge dialog', () => deepQuery(el, 'dialog[open]'));
  }),
  section('admin-mail', 'outbox', (tenant) => ({ api: fakeAdminApi({ request: mailRequest({ tenant }) }), me: fixtureMailMe(tenant), tab: 'outbox' })),
  section('admin-team', 'team', (tenant) => ({ api: memoryTeamApi(teamMembers(tenant)), me: owner(tenant) })),
  section('admin-tokens', 'tokens', (tenant) => ({ api: memoryTokensApi(fixtureTokens(tenant), { tenant }), me: owner(tenant) })),
  section('admin-webhooks', 'endpoints', (tenant) => ({ api: fakeAdminApi({ request: webhooksRequest({ tenant }) }), me: fixtureWebhooksMe('owner', tenant) })),
  section('admin-audit', 'audit log', (tenant) => ({ api: memoryAuditApi(fixtureAudit(tenant)), me: owner(tenant) })),
  section('admin-embed', 'embed', (tenant) => ({ api: fakeAdminApi({ getSettings: async () => fixtureEmbedSettings(tenant) }), me: fixtureStaff('owner', tenant) })),
];

/** A stand-in for the sections the shell states do not draw (each has its own states above). */
class StandInSection extends HTMLElement {
  connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).innerHTML = `<h2>${this.localName}</h2>`;
  }
}
/** The registry's sections: the real embed section, stand-ins for the others. */
const shellSections = (): ConsoleSection[] =>
  SECTIONS.map((entry) => {
    if (entry.id === 'embed') return entry;
    const tag = `stand-in-${entry.id}`;
    return { ...entry, tag, load: async () => void (customElements.get(tag) ?? customElements.define(tag, class extends StandInSection {})) };
  });

/** The console's shell for the look's tenant: signed in as its owner, or signed out. */
function shell(state: string, options: { signedIn: boolean; hash?: string; then?: (element: HTMLElement) => Promise<void> }): WidgetState {
  return {
    widget: 'portico-admin',
    state,
    async mount(host, look) {
      setHash(options.hash ?? '');
      const staff = fixtureStaff('owner', look.brand);
      const element = document.createElement('portico-admin');
      element.api = consoleApi({ resume: options.signedIn ? fixtureSession(staff) : undefined, staff, methods: { getSettings: async () => fixtureEmbedSettings(look.brand) } });
      element.sections = shellSections();
      element.locale = localeOf(look);
      element.setAttribute('tenant', look.brand);
      host.append(element);
      const ready = options.signedIn ? '[part~=nav-link]' : 'admin-sign-in form';
      await until(element, `portico-admin ${state}: ${ready}`, () => deepQuery(element, ready));
      await options.then?.(element);
      return element;
    },
  };
}

export const shellStates: WidgetState[] = [
  shell('sign-in', { signedIn: false }),
  shell('wrong password', {
    signedIn: false,
    then: async (element) => {
      const form = deepQuery<HTMLFormElement>(element, 'admin-sign-in form')!;
      for (const input of form.querySelectorAll<HTMLInputElement>('input[name=email], input[name=password]')) fill(input, input.name === 'email' ? 'helena@clinicasol.com.br' : 'nope');
      form.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
      await until(element, 'the refusal', () => deepQuery(element, 'admin-sign-in [role=alert]'));
    },
  }),
  shell('signed in', { signedIn: true, hash: '#embed', then: async (el) => until(el, 'the embed section', () => deepQuery(el, '[part~=snippet]')) }),
  shell('menu open', {
    signedIn: true,
    then: async (element) => {
      const toggle = deepQuery(element, '[part~=nav-toggle]')!;
      // Only a narrow layout folds the menu behind "Menu"; at a wide one there is nothing to open.
      if (toggle.offsetParent) toggle.click();
      await settle(element);
    },
  }),
];
