import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/changes/admin-changes.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { changesData, changesRouter } from '../widgets/admin/changes/fixtures.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import { fixtureMe, fixtureScopes, type DemoTenant } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface ChangesArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  tenant: DemoTenant;
  /** What the list answers: the changes, never (loading), none, or an error. */
  state: 'ready' | 'loading' | 'empty' | 'error';
  /** Who looks: an owner, or read-only staff (no approve or refuse). */
  access: 'owner' | 'read-only';
  /** Once rendered, open the first change's approve or refuse form (not a control). */
  decide?: 'approve' | 'refuse';
  /** Once rendered, show the changes of this status (not a control). */
  status?: 'approved' | 'refused' | 'superseded';
}

function request(args: ChangesArgs): AdminApi['request'] {
  const data = changesData(args.tenant);
  if (args.state === 'empty') data.changes = [];
  const router = changesRouter(data);
  return (method, path, body) => {
    if (!path.startsWith('/api/v1/profile/changes')) return router(method, path, body);
    if (args.state === 'loading') return new Promise(() => {});
    if (args.state === 'error') return Promise.reject(new ApiError('network_error', 0, 'offline'));
    return router(method, path, body);
  };
}

function render(args: ChangesArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const me = args.access === 'owner' ? fixtureMe({}, args.tenant) : fixtureMe({ role: 'read-only', scopes: fixtureScopes('read-only') }, args.tenant);
  // Set as properties: Lit would take the fake API (a Proxy answering every name) for a directive.
  const element = Object.assign(document.createElement('admin-changes'), { api: fakeAdminApi({ request: request(args) }), me, locale: args.locale });
  wrapper.append(element);
  setTimeout(() => {
    const shadow = element.shadowRoot;
    if (args.decide) shadow?.querySelector<HTMLButtonElement>(`[part~=${args.decide}]`)?.click();
    if (args.status) {
      const select = shadow?.querySelector<HTMLSelectElement>('[part~=filter] select');
      if (select) {
        select.value = args.status;
        select.dispatchEvent(new Event('change'));
      }
    }
  }, 300);
  return wrapper;
}

const meta: Meta<ChangesArgs> = {
  title: 'Console/admin-changes',
  component: 'admin-changes',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'empty', 'error'] },
    access: { control: 'inline-radio', options: ['owner', 'read-only'] },
    decide: { table: { disable: true } },
    status: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 900, tenant: 'clinica-sol', state: 'ready', access: 'owner' },
};
export default meta;
type Story = StoryObj<ChangesArgs>;

/** Clínica Sol's pending changes by client: a name, an address, a phone, share capital, a health plan. */
export const Pending: Story = {};
/** "Approve" opened: an optional message to the client. */
export const Approving: Story = { args: { decide: 'approve' } };
/** "Refuse" opened: the reason is required. */
export const Refusing: Story = { args: { decide: 'refuse' } };
/** The refused ones, with their reasons. */
export const Refused: Story = { args: { status: 'refused' } };
/** The approved ones, with the message sent. */
export const Approved: Story = { args: { status: 'approved' } };
/** Nothing waiting for approval. */
export const Empty: Story = { args: { state: 'empty' } };
/** The changes loading. */
export const Loading: Story = { args: { state: 'loading' } };
/** The server could not be reached: the message and "Try again". */
export const LoadFailed: Story = { args: { state: 'error' } };
/** Read-only staff: the changes, no actions. */
export const ReadOnly: Story = { args: { access: 'read-only' } };
/** Martins Castro, in Spanish: an address in Valencia. */
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
/** On a phone: before and proposed stack. */
export const Phone: Story = { args: { width: 320, decide: 'refuse' } };
