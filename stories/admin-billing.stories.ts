import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/billing/admin-billing.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import { billingData, billingRouter, type BillingData } from '../widgets/admin/billing/fixtures.ts';
import { accountSearch } from '../widgets/admin/processes/account-fixtures.ts';
import { fixtureMe, fixtureScopes, type DemoTenant } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface BillingArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  tenant: DemoTenant;
  /** What the lists answer: the data, never (loading), nothing, or an error. */
  state: 'ready' | 'loading' | 'empty' | 'error';
  /** Who looks: an owner, or read-only staff (no new charge, paid, cancel or boleto). */
  access: 'owner' | 'read-only';
  /** Items per page (the rest behind "Load more"). */
  pageSize: number;
  /** The tab shown first. */
  tab: 'charges' | 'invoices' | 'reports';
  /** Once rendered, open a dialog on the first charge still to pay, or "New charge" (not a control). */
  then?: 'new' | 'paid' | 'cancel' | 'boleto';
}

function request(args: BillingArgs, data: BillingData): AdminApi['request'] {
  const router = billingRouter(data);
  return (method, path, body) => {
    if (args.state === 'loading') return new Promise(() => {});
    if (args.state === 'error') return Promise.reject(new ApiError('network_error', 0, 'offline'));
    return router(method, path, body);
  };
}

function openDialog(element: HTMLElement, then: NonNullable<BillingArgs['then']>) {
  const charges = element.shadowRoot?.querySelector('admin-billing-charges');
  if (then === 'new') return charges?.shadowRoot?.querySelector('admin-charge-new')?.show();
  charges?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-action=${then}]`)?.click();
}

function render(args: BillingArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const data = billingData(args.tenant, args.pageSize);
  if (args.state === 'empty') Object.assign(data, { charges: [], invoices: [], reports: [] });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const me = args.access === 'owner' ? fixtureMe({}, args.tenant) : fixtureMe({ role: 'read-only', scopes: fixtureScopes('read-only') }, args.tenant);
  const api = fakeAdminApi({ request: request(args, data), listAccounts: accountSearch(data.accounts) });
  const element = Object.assign(document.createElement('admin-billing'), { api, me, locale: args.locale, tab: args.tab });
  wrapper.append(element);
  if (args.then) setTimeout(() => openDialog(element, args.then!), 400);
  return wrapper;
}

const meta: Meta<BillingArgs> = {
  title: 'Console/admin-billing',
  component: 'admin-billing',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'empty', 'error'] },
    access: { control: 'inline-radio', options: ['owner', 'read-only'] },
    pageSize: { control: { type: 'number', min: 1, max: 20 } },
    tab: { control: 'inline-radio', options: ['charges', 'invoices', 'reports'] },
    then: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 900, tenant: 'clinica-sol', state: 'ready', access: 'owner', pageSize: 20, tab: 'charges' },
};
export default meta;
type Story = StoryObj<BillingArgs>;

/** Clínica Sol's charges in reais: amount, due date, status in words, ways to pay, and the actions on those still to pay. */
export const Charges: Story = {};
/** Two a page: "Load more" brings the rest. */
export const LoadMore: Story = { args: { pageSize: 2 } };
/** The charges loading. */
export const Loading: Story = { args: { state: 'loading' } };
/** No charge yet. */
export const Empty: Story = { args: { state: 'empty' } };
/** The server could not be reached: the message and "Try again". */
export const LoadFailed: Story = { args: { state: 'error' } };
/** The "New charge" dialog. */
export const NewCharge: Story = { args: { then: 'new' } };
/** "Mark paid": the payment date and how. */
export const MarkPaid: Story = { args: { then: 'paid' } };
/** The cancel confirmation, on "Keep it". */
export const ConfirmCancel: Story = { args: { then: 'cancel' } };
/** Uploading a boleto PDF. */
export const UploadBoleto: Story = { args: { then: 'boleto' } };
/** The invoices, read-only. */
export const Invoices: Story = { args: { tab: 'invoices' } };
/** The billing reports, read-only. */
export const Reports: Story = { args: { tab: 'reports' } };
/** Read-only staff: charges without actions. */
export const ReadOnly: Story = { args: { access: 'read-only' } };
/** Martins Castro's fees in euros, in Spanish. */
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
/** On a phone. */
export const Phone: Story = { args: { width: 320 } };
/** Dark. */
export const Dark: Story = { args: { colorScheme: 'dark' } };
