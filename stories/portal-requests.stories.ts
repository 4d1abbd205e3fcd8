import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/requests/portal-requests.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { fixtureRequest, fixtureSession, fixtureTenant, memoryStorage, provideFixtureRuntime } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface RequestsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  signedIn: boolean;
  /** What the fixture server answers (not a control). */
  calls?: Calls;
  /** Open this request, or a pre-filled new one, once rendered. */
  open?: 'first' | 'draft';
}

function render(args: RequestsArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({ branding: { ...DEMO_BRANDING['clinica-sol'], colorScheme: args.colorScheme } });
  const session = args.signedIn ? { refresh: async () => fixtureSession({ accountId: 'a1' }) } : {};
  provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...session, ...args.calls } });
  const element = document.createElement('portal-requests');
  wrapper.append(element);
  if (args.open === 'draft') element.draft = { category: 'financial', subject: 'Boleto de março', about: { type: 'charge', id: crypto.randomUUID() } };
  if (args.open === 'first') {
    setTimeout(() => element.shadowRoot?.querySelector<HTMLButtonElement>('[part~=item]')?.click(), 300);
  }
  return wrapper;
}

const meta: Meta<RequestsArgs> = {
  title: 'Widgets/portal-requests',
  component: 'portal-requests',
  parameters: { docs: { description: { component: embedDocs('portal-requests') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    calls: { table: { disable: true } },
    open: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 640, signedIn: true },
};
export default meta;
type Story = StoryObj<RequestsArgs>;

export const List: Story = {};
export const ListSpanishDark: Story = { args: { locale: 'es', colorScheme: 'dark' } };
export const Phone: Story = { args: { width: 320 } };
export const Empty: Story = { args: { calls: { listRequests: async () => ({ items: [], next: null }) } } };
export const Loading: Story = { args: { calls: { listRequests: () => new Promise(() => {}) } } };
export const LoadFailed: Story = { args: { calls: { listRequests: () => Promise.reject(new ApiError('network_error', 0, '')) } } };
export const SignedOut: Story = { args: { signedIn: false } };
export const Thread: Story = { args: { open: 'first' } };
export const ClosedThread: Story = {
  args: { open: 'first', calls: { listRequests: async () => ({ items: [fixtureRequest({ id: 'c1', status: 'closed', closedAt: '2026-11-22T10:00:00Z' })], next: null }), getRequest: async () => fixtureRequest({ id: 'c1', status: 'closed', closedAt: '2026-11-22T10:00:00Z' }) } },
};
export const NewRequestPrefilledFromACharge: Story = { args: { open: 'draft' } };
export const ThreadWithFiles: Story = {
  args: {
    open: 'first',
    calls: {
      getRequest: async () =>
        fixtureRequest({ id: 'f1', attachments: [{ id: 'a1', name: 'comprovante-outubro.pdf', type: 'application/pdf', size: 184_320, createdAt: '2026-11-20T13:06:00Z' }] }),
    },
  },
};
export const ReplyRefused: Story = {
  args: { open: 'first', calls: { replyToRequest: () => Promise.reject(new ApiError('request_closed', 409, '')) } },
};
