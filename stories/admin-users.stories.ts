import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/admin/users/admin-users.ts';
import type { AdminUsers } from '../widgets/admin/users/admin-users.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { CLINICA_SOL_IMPORT_CSV, clinicaSolUsers, fixtureStaff, martinsCastroUsers, memoryUsersApi, USERS_STATES, type DemoTenant, type UsersState } from '../widgets/admin/users/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme } from '../widgets/core/theme.ts';

interface UsersArgs {
  tenant: DemoTenant;
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  role: 'admin' | 'read-only';
  /** What listing users answers: the data, never (loading), nothing, or a network error. */
  state: UsersState;
  /** Only this account's users (not a control). */
  accountId?: string;
  /** Calls answered differently from the fixture (not a control). */
  calls?: Partial<AdminApi>;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: AdminUsers) => Promise<void>;
}

function render(args: UsersArgs) {
  applyTheme({ ...DEMO_BRANDING[args.tenant], colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const data = args.tenant === 'clinica-sol' ? clinicaSolUsers() : martinsCastroUsers();
  const element = document.createElement('admin-users');
  element.api = memoryUsersApi(data, { state: args.state, overrides: args.calls }).api;
  element.me = fixtureStaff({ tenant: args.tenant, role: args.role });
  element.locale = args.locale;
  if (args.accountId) element.accountId = args.accountId;
  wrapper.append(element);
  if (args.steps) setTimeout(() => void args.steps!(element), 300);
  return wrapper;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
const inRoot = <T extends Element>(host: Element, selector: string) => host.shadowRoot!.querySelector<T>(selector)!;
const invite = (el: AdminUsers) => inRoot<HTMLElement>(el, 'admin-user-invite');
const importer = (el: AdminUsers) => inRoot<HTMLElement>(el, 'admin-users-import');
const rowOf = (el: AdminUsers, email: string) => [...el.shadowRoot!.querySelectorAll('[part~=user]')].find((row) => row.querySelector('h3')!.textContent === email)!;

async function openInvite(el: AdminUsers, account?: { search: string; scope: 'whole' | 'chosen'; email: string }) {
  inRoot<HTMLButtonElement>(invite(el), '[part~=open]').click();
  if (!account) return;
  await pause();
  inRoot<HTMLInputElement>(invite(el), 'input[name=email]').value = account.email;
  const search = inRoot<HTMLInputElement>(invite(el), 'input[name=account-search]');
  search.value = account.search;
  search.dispatchEvent(new Event('input'));
  search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
  await pause();
  inRoot<HTMLInputElement>(invite(el), 'input[name=account]').click();
  await pause();
  if (account.scope === 'chosen') inRoot<HTMLInputElement>(invite(el), 'input[name=scope][value=chosen]').click();
}

async function checkCsv(el: AdminUsers, commit = false) {
  inRoot<HTMLButtonElement>(el, '#import-toggle').click();
  await pause();
  const area = inRoot<HTMLTextAreaElement>(importer(el), 'textarea');
  area.value = CLINICA_SOL_IMPORT_CSV;
  area.dispatchEvent(new Event('input'));
  await pause();
  inRoot<HTMLButtonElement>(importer(el), 'form button[type=submit]').click();
  if (!commit) return;
  await pause();
  inRoot<HTMLButtonElement>(importer(el), '[part~=commit]').click();
}

const meta: Meta<UsersArgs> = {
  title: 'Console/admin-users',
  component: 'admin-users',
  render,
  argTypes: {
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    role: { control: 'inline-radio', options: ['admin', 'read-only'] },
    state: { control: 'inline-radio', options: USERS_STATES },
    accountId: { table: { disable: true } },
    calls: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { tenant: 'clinica-sol', locale: 'pt-BR', colorScheme: 'light', width: 900, role: 'admin', state: 'ready' },
};
export default meta;
type Story = StoryObj<UsersArgs>;

/** Clínica Sol's users: pending, active and disabled, with their accounts and establishments. */
export const List: Story = {};
/** A read-only staff member: the same list, no actions. */
export const ReadOnly: Story = { args: { role: 'read-only' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** A search that found nobody, with "clear the search". */
export const NoMatch: Story = {
  args: {
    steps: async (el) => {
      const input = inRoot<HTMLInputElement>(el, 'input[name=q]');
      input.value = 'ninguem';
      inRoot<HTMLFormElement>(el, 'form[part~=filters]').requestSubmit();
    },
  },
};
/** Only one account's users (opened from the account). */
export const OneAccount: Story = { args: { accountId: clinicaSolUsers().accounts[1]!.id } };
/** "Disable?" asked on a row. */
export const ConfirmDisable: Story = { args: { steps: async (el) => rowOf(el, 'rh@horizonte.example').querySelector<HTMLButtonElement>('[data-action=disable]')!.click() } };
/** An activation e-mail sent again: the row's button and the announcement. */
export const ActivationResent: Story = { args: { steps: async (el) => rowOf(el, 'filial@horizonte.example').querySelector<HTMLButtonElement>('[data-action=resend]')!.click() } };
/** The server refused a row's action. */
export const ActionRefused: Story = {
  args: {
    calls: { sendPasswordReset: () => Promise.reject(new ApiError('portal_address_missing', 409, '')) },
    steps: async (el) => rowOf(el, 'rh@horizonte.example').querySelector<HTMLButtonElement>('[data-action=reset]')!.click(),
  },
};
/** Two users selected for access links (G7). */
export const Selection: Story = {
  args: {
    steps: async (el) => {
      for (const email of ['rh@horizonte.example', 'contador@escritoriolima.example']) rowOf(el, email).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    },
  },
};
/** The "new user" dialog, empty. */
export const NewUser: Story = { args: { steps: (el) => openInvite(el) } };
/** The dialog with an account found and chosen establishments to tick. */
export const NewUserEstablishments: Story = { args: { steps: (el) => openInvite(el, { email: 'dp@horizonte.example', search: 'horizonte', scope: 'chosen' }) } };
/** The person is already a user of that account. */
export const NewUserExists: Story = {
  args: {
    steps: async (el) => {
      await openInvite(el, { email: 'rh@horizonte.example', search: 'horizonte', scope: 'whole' });
      await pause();
      inRoot<HTMLButtonElement>(invite(el), '[part~=send]').click();
    },
  },
};
/** The CSV import, its columns explained. */
export const ImportPanel: Story = { args: { steps: async (el) => inRoot<HTMLButtonElement>(el, '#import-toggle').click() } };
/** The dry run: two to invite, one existing user, two rows with errors. */
export const ImportPreview: Story = { args: { steps: (el) => checkCsv(el) } };
/** The import done: the good rows invited, the bad ones reported. */
export const ImportDone: Story = { args: { steps: (el) => checkCsv(el, true) } };
/** The server could not read the file. */
export const ImportUnreadable: Story = { args: { calls: { importUsers: () => Promise.reject(new ApiError('invalid_input', 400, '')) }, steps: (el) => checkCsv(el) } };
/** Martins Castro's users, in Spanish. */
export const MartinsCastroSpanish: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
export const English: Story = { args: { locale: 'en' } };
export const Phone: Story = { args: { width: 320 } };
export const PhoneImportPreview: Story = { args: { width: 320, steps: (el) => checkCsv(el) } };
export const Dark: Story = { args: { colorScheme: 'dark' } };
