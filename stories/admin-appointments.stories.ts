import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/appointments/admin-appointments.ts';
import type { AdminAppointments, AppointmentTab } from '../widgets/admin/appointments/admin-appointments.ts';
import { appointmentsRequest, type FixtureState } from '../widgets/admin/appointments/fixtures.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import type { TenantSettings } from '../widgets/admin/admin-api.ts';
import { fixtureMe, fixtureScopes, type DemoTenant } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface AppointmentsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  tenant: DemoTenant;
  tab: AppointmentTab;
  /** What the lists answer: the fixtures, never (loading), nothing, or an error. */
  state: FixtureState;
  /** What the providers and services answer. */
  lookups: FixtureState;
  /** Who looks: an owner, read-only staff (no action), or staff without appointments. */
  access: 'owner' | 'read-only' | 'no-access';
  /** Once rendered, click what this selector finds in the open tab (not a control). */
  click?: string[];
}

const ZONES: Record<DemoTenant, string> = { 'clinica-sol': 'America/Sao_Paulo', 'martins-castro': 'Europe/Madrid' };

function render(args: AppointmentsArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const me =
    args.access === 'owner'
      ? fixtureMe({}, args.tenant)
      : fixtureMe({ role: args.access === 'read-only' ? 'read-only' : 'staff', scopes: args.access === 'read-only' ? fixtureScopes('read-only') : ['users:read'] }, args.tenant);
  const api = fakeAdminApi({
    request: appointmentsRequest({ tenant: args.tenant, state: args.state, lookups: args.lookups }),
    getSettings: async () => ({ timeZone: ZONES[args.tenant] }) as TenantSettings,
  });
  // Set as properties: Lit would take the fake API (a Proxy answering every name) for a directive.
  const element: AdminAppointments = Object.assign(document.createElement('admin-appointments'), { api, me, locale: args.locale, tab: args.tab });
  wrapper.append(element);
  if (args.click?.length) void clickAll(element, args.click);
  return wrapper;
}

/** Clicks each selector in turn inside the open tab, once it is there. */
async function clickAll(element: AdminAppointments, selectors: string[]) {
  for (const selector of selectors) {
    await new Promise((resolve) => setTimeout(resolve, 300));
    element.shadowRoot?.querySelector('[role=tabpanel]:not([hidden]) > *')?.shadowRoot?.querySelector<HTMLElement>(selector)?.click();
  }
}

const meta: Meta<AppointmentsArgs> = {
  title: 'Console/admin-appointments',
  component: 'admin-appointments',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    tab: { control: 'inline-radio', options: ['bookings', 'requests', 'hours', 'closed'] },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'empty', 'error'] },
    lookups: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    access: { control: 'inline-radio', options: ['owner', 'read-only', 'no-access'] },
    click: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 900, tenant: 'clinica-sol', tab: 'bookings', state: 'ready', lookups: 'ready', access: 'owner' },
};
export default meta;
type Story = StoryObj<AppointmentsArgs>;

/** This week's bookings by day, with cancel on those still to come. */
export const Bookings: Story = {};
/** The confirm step of a cancel, "keep it" focused. */
export const CancelConfirm: Story = { args: { click: ['[part~=cancel]'] } };
export const BookingsReadOnly: Story = { args: { access: 'read-only' } };
export const BookingsLoading: Story = { args: { state: 'loading' } };
export const BookingsEmpty: Story = { args: { state: 'empty' } };
export const BookingsFailed: Story = { args: { state: 'error' } };
/** The providers and services could not be loaded: nothing else can be shown. */
export const LookupsFailed: Story = { args: { lookups: 'error' } };
export const LookupsLoading: Story = { args: { lookups: 'loading' } };
/** Requests for a time (request mode), to confirm or refuse. */
export const Requests: Story = { args: { tab: 'requests' } };
export const RequestConfirmForm: Story = { args: { tab: 'requests', click: ['[data-action=confirm]'] } };
export const RequestRefuseForm: Story = { args: { tab: 'requests', click: ['[data-action=refuse]'] } };
export const RequestsEmpty: Story = { args: { tab: 'requests', state: 'empty' } };
/** Providers with a week shown, and the services. */
export const ProvidersAndHours: Story = { args: { tab: 'hours', click: ['[data-key=sala-exames] [part~=show-hours]'] } };
export const HoursEditor: Story = { args: { tab: 'hours', click: ['[data-key=dr-marcos] [part~=show-hours]', '[data-key=dr-marcos] [part~=edit-hours]'] } };
export const HoursReadOnly: Story = { args: { tab: 'hours', access: 'read-only', click: ['[data-key=dra-helena] [part~=show-hours]'] } };
/** Holidays and a provider's blocked afternoon, next six months. */
export const ClosedPeriods: Story = { args: { tab: 'closed' } };
export const AddClosedPeriod: Story = { args: { tab: 'closed', click: ['[part~=add]'] } };
export const ClosedPeriodsEmpty: Story = { args: { tab: 'closed', state: 'empty' } };
/** A law firm in request mode, in Spanish and Madrid time. */
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es', tab: 'requests' } };
export const Phone: Story = { args: { width: 320 } };
export const PhoneHoursEditor: Story = { args: { width: 320, tab: 'hours', click: ['[data-key=dr-marcos] [part~=show-hours]', '[data-key=dr-marcos] [part~=edit-hours]'] } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const NoAccess: Story = { args: { access: 'no-access' } };
