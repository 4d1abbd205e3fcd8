import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/inbox/admin-inbox.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import { inboxData, inboxRouter, type InboxData } from '../widgets/admin/inbox/fixtures.ts';
import { fixtureMe, fixtureScopes, type DemoTenant } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface InboxArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  tenant: DemoTenant;
  /** What the list answers: the requests, never (loading), none, or an error. */
  state: 'ready' | 'loading' | 'empty' | 'error';
  /** Who looks: an owner, or read-only staff (no reply, status or assignment). */
  access: 'owner' | 'read-only';
  /** Requests per page (the rest behind "Load more"). */
  pageSize: number;
  /** Once rendered, open this row (0 = the newest; not a control). */
  openRow?: number;
}

function request(args: InboxArgs): AdminApi['request'] {
  const data: InboxData = { ...inboxData(args.tenant), pageSize: args.pageSize };
  if (args.state === 'empty') data.details = [];
  const router = inboxRouter(data);
  return (method, path, body) => {
    if (path.startsWith('/api/v1/requests/categories')) return router(method, path, body);
    if (args.state === 'loading') return new Promise(() => {});
    if (args.state === 'error') return Promise.reject(new ApiError('network_error', 0, 'offline'));
    return router(method, path, body);
  };
}

function render(args: InboxArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const me = args.access === 'owner' ? fixtureMe({}, args.tenant) : fixtureMe({ role: 'read-only', scopes: fixtureScopes('read-only') }, args.tenant);
  // Set as properties: Lit would take the fake API (a Proxy answering every name) for a directive.
  const element = Object.assign(document.createElement('admin-inbox'), { api: fakeAdminApi({ request: request(args) }), me, locale: args.locale });
  wrapper.append(element);
  if (args.openRow !== undefined) {
    const row = args.openRow;
    setTimeout(() => element.shadowRoot?.querySelectorAll<HTMLButtonElement>('[part~=open]')[row]?.click(), 300);
  }
  return wrapper;
}

const meta: Meta<InboxArgs> = {
  title: 'Console/admin-inbox',
  component: 'admin-inbox',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'empty', 'error'] },
    access: { control: 'inline-radio', options: ['owner', 'read-only'] },
    pageSize: { control: { type: 'number', min: 1, max: 20 } },
    openRow: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 900, tenant: 'clinica-sol', state: 'ready', access: 'owner', pageSize: 20 },
};
export default meta;
type Story = StoryObj<InboxArgs>;

/** Clínica Sol's requests, newest first, with status, category (its own name for "general"), client and assignee. */
export const List: Story = {};
/** Four a page: "Load more" brings the rest. */
export const LoadMore: Story = { args: { pageSize: 4 } };
/** The list loading. */
export const Loading: Story = { args: { state: 'loading' } };
/** No request yet. */
export const Empty: Story = { args: { state: 'empty' } };
/** The server could not be reached: the message and "Try again". */
export const LoadFailed: Story = { args: { state: 'error' } };
/** A request opened: conversation, attachments, and reply / status / assignment. */
export const RequestOpen: Story = { args: { openRow: 1 } };
/** Read-only staff: the same conversation, no actions. */
export const ReadOnly: Story = { args: { access: 'read-only', openRow: 1 } };
/** Martins Castro, in Spanish. */
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
/** On a phone: rows and forms stack. */
export const Phone: Story = { args: { width: 320, openRow: 1 } };
/** Dark. */
export const Dark: Story = { args: { colorScheme: 'dark' } };
