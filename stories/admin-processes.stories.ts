import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/processes/admin-processes.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import { accountSearch } from '../widgets/admin/processes/account-fixtures.ts';
import { processesData, processesRouter } from '../widgets/admin/processes/fixtures.ts';
import { fixtureMe, fixtureScopes, type DemoTenant } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface ProcessesArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  tenant: DemoTenant;
  /** What the list answers: the processes, never (loading), none, or an error. */
  state: 'ready' | 'loading' | 'empty' | 'error';
  /** Who looks: an owner, or read-only staff (no new process, moves or notices). */
  access: 'owner' | 'read-only';
  /** Once rendered, open the first process, or the "New process" dialog (not a control). */
  then?: 'open' | 'create';
}

function request(args: ProcessesArgs, data: ReturnType<typeof processesData>): AdminApi['request'] {
  const router = processesRouter(data);
  return (method, path, body) => {
    if (args.state === 'loading') return new Promise(() => {});
    if (args.state === 'error') return Promise.reject(new ApiError('network_error', 0, 'offline'));
    return router(method, path, body);
  };
}

function render(args: ProcessesArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const data = processesData(args.tenant);
  if (args.state === 'empty') data.processes = [];
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const me = args.access === 'owner' ? fixtureMe({}, args.tenant) : fixtureMe({ role: 'read-only', scopes: fixtureScopes('read-only') }, args.tenant);
  const api = fakeAdminApi({ request: request(args, data), listAccounts: accountSearch(data.accounts) });
  const element = Object.assign(document.createElement('admin-processes'), { api, me, locale: args.locale });
  wrapper.append(element);
  if (args.then === 'open') setTimeout(() => element.shadowRoot?.querySelector<HTMLButtonElement>('[part~=open]')?.click(), 300);
  if (args.then === 'create') setTimeout(() => element.shadowRoot?.querySelector('admin-process-create')?.show(), 300);
  return wrapper;
}

const meta: Meta<ProcessesArgs> = {
  title: 'Console/admin-processes',
  component: 'admin-processes',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'empty', 'error'] },
    access: { control: 'inline-radio', options: ['owner', 'read-only'] },
    then: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 900, tenant: 'clinica-sol', state: 'ready', access: 'owner' },
};
export default meta;
type Story = StoryObj<ProcessesArgs>;

/** Clínica Sol's processes, most recently changed first, with their account, kind and phase. */
export const List: Story = {};
/** The list loading. */
export const Loading: Story = { args: { state: 'loading' } };
/** No process yet. */
export const Empty: Story = { args: { state: 'empty' } };
/** The server could not be reached: the message and "Try again". */
export const LoadFailed: Story = { args: { state: 'error' } };
/** A process opened: facts, masked references, phases, history, notices, and the move / notice buttons. */
export const ProcessOpen: Story = { args: { then: 'open' } };
/** The "New process" dialog. */
export const NewProcess: Story = { args: { then: 'create' } };
/** Read-only staff: the same process, no actions. */
export const ReadOnly: Story = { args: { access: 'read-only', then: 'open' } };
/** Martins Castro's cases, in Spanish. */
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
/** On a phone: cards and the timeline stack. */
export const Phone: Story = { args: { width: 320, then: 'open' } };
/** Dark. */
export const Dark: Story = { args: { colorScheme: 'dark', then: 'open' } };
