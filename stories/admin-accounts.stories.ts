import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/accounts/admin-accounts.ts';
import type { AdminAccounts } from '../widgets/admin/accounts/admin-accounts.ts';
import { ApiError, type AdminApi, type StaffMe } from '../widgets/admin/admin-api.ts';
import { clinicaSolAccountsData, memoryAccountsApi, type AccountsData, type AccountsState } from '../widgets/admin/accounts/fixtures.ts';
import { fixtureStaffMe } from '../widgets/admin/settings/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface AccountsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  /** Who is signed in: everything, read-only, or staff who may change accounts but not see appointments. */
  who: 'owner' | 'read-only' | 'accounts-staff';
  /** What listing accounts answers. */
  list: AccountsState;
  /** What an account's module and appointment exceptions answer. */
  modules: AccountsState;
  appointments: AccountsState;
  /** Clínica Sol's accounts with a change (not a control). */
  change?: (data: AccountsData) => void;
  /** Calls answered differently from the fixture (not a control). */
  calls?: Partial<AdminApi>;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: AdminAccounts) => Promise<void>;
}

const STAFF: Record<AccountsArgs['who'], () => StaffMe> = {
  owner: () => fixtureStaffMe('owner'),
  'read-only': () => fixtureStaffMe('read-only'),
  'accounts-staff': () => fixtureStaffMe('staff', ['accounts:read', 'accounts:write']),
};

function render(args: AccountsArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const data = clinicaSolAccountsData();
  args.change?.(data);
  const element = document.createElement('admin-accounts');
  element.api = memoryAccountsApi(data, { list: args.list, modules: args.modules, appointments: args.appointments }, args.calls).api;
  element.me = STAFF[args.who]();
  element.locale = args.locale;
  wrapper.append(element);
  if (args.steps) setTimeout(() => void args.steps!(element), 300);
  return wrapper;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
const inRoot = <T extends Element>(el: AdminAccounts, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
/** Opens the first account (Construtora Horizonte, with exceptions). */
const openFirst = async (el: AdminAccounts) => inRoot<HTMLButtonElement>(el, '[part~=open]').click();

const meta: Meta<AccountsArgs> = {
  title: 'Console/admin-accounts',
  component: 'admin-accounts',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    who: { control: 'inline-radio', options: ['owner', 'read-only', 'accounts-staff'] },
    list: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    modules: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    appointments: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    change: { table: { disable: true } },
    calls: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 800, who: 'owner', list: 'ready', modules: 'ready', appointments: 'ready' },
};
export default meta;
type Story = StoryObj<AccountsArgs>;

/** Clínica Sol's first page of accounts; "Load more" shows the rest. */
export const List: Story = {};
export const Loading: Story = { args: { list: 'loading' } };
export const LoadFailed: Story = { args: { list: 'error' } };
export const Empty: Story = { args: { change: (data) => (data.accounts = []) } };
/** A search with no match. */
export const NoMatch: Story = {
  args: {
    locale: 'en',
    steps: async (el) => {
      const input = inRoot<HTMLInputElement>(el, '#accounts-search');
      input.value = 'Zebra';
      input.dispatchEvent(new Event('input'));
      el.searchNow();
    },
  },
};
/** Construtora Horizonte: billing off and materials on for it; appointments by request, 48 h to cancel. */
export const Detail: Story = { args: { steps: openFirst } };
export const DetailEnglish: Story = { args: { locale: 'en', steps: openFirst } };
export const DetailLoading: Story = { args: { modules: 'loading', appointments: 'loading', steps: openFirst } };
/** The appointment exceptions failed to load; the module exceptions are there. */
export const DetailPartlyFailed: Story = { args: { locale: 'en', appointments: 'error', steps: openFirst } };
/** The horizon being set for the account, the booking mode being returned to the portal's value (not saved yet). */
export const EditingOverride: Story = {
  args: {
    locale: 'en',
    steps: async (el) => {
      await openFirst(el);
      await pause();
      inRoot<HTMLButtonElement>(el, '[part~=set][data-option=horizonDays]').click();
      await pause();
      inRoot<HTMLButtonElement>(el, '[part~=reset][data-option=bookingMode]').click();
    },
  },
};
/** Module exceptions saved. */
export const ModulesSaved: Story = {
  args: {
    locale: 'en',
    steps: async (el) => {
      await openFirst(el);
      await pause();
      inRoot<HTMLInputElement>(el, '[data-module=news] input[value=off]').click();
      await pause();
      inRoot<HTMLButtonElement>(el, '[data-part=modules] [part=save]').click();
    },
  },
};
export const SaveFailed: Story = {
  args: {
    locale: 'en',
    calls: { setAccountModules: () => Promise.reject(new ApiError('network_error', 0, 'offline')) },
    steps: async (el) => {
      await openFirst(el);
      await pause();
      inRoot<HTMLInputElement>(el, '[data-module=news] input[value=off]').click();
      await pause();
      inRoot<HTMLButtonElement>(el, '[data-part=modules] [part=save]').click();
    },
  },
};
/** Read-only staff: the exceptions without Save, Set or Reset. */
export const ReadOnly: Story = { args: { who: 'read-only', steps: openFirst } };
/** Staff who may change accounts but not see appointments. */
export const NoAppointmentAccess: Story = { args: { who: 'accounts-staff', steps: openFirst } };
export const Phone: Story = { args: { width: 320, locale: 'es', steps: openFirst } };
export const Dark: Story = { args: { colorScheme: 'dark', steps: openFirst } };
