import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/campaigns/portal-campaigns.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { clinicaSolContent, CONTENT_STATES, fixtureSession, fixtureTenant, memoryContent, memoryStorage, provideFixtureRuntime, type ContentData, type ContentState } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface CampaignsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  signedIn: boolean;
  /** What every content call answers: the data, never (loading), nothing, or an error. */
  state: ContentState;
  /** Clínica Sol's campaigns with a change (not a control). */
  change?: (data: ContentData) => void;
  calls?: Calls;
}

function render(args: CampaignsArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({ branding: { ...DEMO_BRANDING['clinica-sol'], colorScheme: args.colorScheme } });
  const data = clinicaSolContent();
  args.change?.(data);
  const signIn = args.signedIn ? { refresh: async () => fixtureSession() } : {};
  provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...memoryContent(data, { state: args.state }), ...args.calls } });
  const element = document.createElement('portal-campaigns');
  // Stories have no requests widget: they say which request would open.
  element.addEventListener('portal-request-open', (event) => console.info('portal-campaigns would open request', event.detail.id));
  wrapper.append(element);
  return wrapper;
}

const meta: Meta<CampaignsArgs> = {
  title: 'Widgets/portal-campaigns',
  component: 'portal-campaigns',
  parameters: { docs: { description: { component: embedDocs('portal-campaigns') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    state: { control: 'inline-radio', options: CONTENT_STATES },
    change: { table: { disable: true } },
    calls: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 720, signedIn: true, state: 'ready' },
};
export default meta;
type Story = StoryObj<CampaignsArgs>;

/** An "I'm interested" campaign with an image and a date, and a link campaign. Press "Tenho interesse". */
export const Cards: Story = {};
/** The interest was sent before: "We got your interest" and "Follow the request". */
export const InterestSent: Story = { args: { change: (data) => (data.campaigns[0]!.action = { kind: 'interest', label: 'Tenho interesse', requestId: 'r-1' }) } };
export const InterestFails: Story = { args: { calls: { campaignInterest: () => Promise.reject(new ApiError('network_error', 0, '')) } } };
/** No call to action, no image, no end date. */
export const Plain: Story = { args: { change: (data) => data.campaigns.forEach((c) => Object.assign(c, { action: null, image: null, validUntil: null })) } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
export const Phone: Story = { args: { width: 320 } };
export const Spanish: Story = { args: { locale: 'es' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const SignedOut: Story = { args: { signedIn: false } };
