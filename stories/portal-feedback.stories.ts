import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/feedback/portal-feedback.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { CONTENT_STATES, fixtureSession, fixtureTenant, memoryContent, memoryStorage, provideFixtureRuntime, type ContentState } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface FeedbackArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  who: 'client' | 'quick-access' | 'signed-out';
  /** Fixed at the bottom corner of the page. */
  floating: boolean;
  /** How "Send" answers: stored, never (sending), or an error. */
  state: ContentState;
  calls?: Calls;
  /** Once rendered, open the dialog (not a control). */
  open?: boolean;
  /** Once open, rate 5 and send (not a control). */
  send?: boolean;
}

function render(args: FeedbackArgs) {
  const wrapper = document.createElement('div');
  const tenant = fixtureTenant({ branding: { ...DEMO_BRANDING['clinica-sol'], colorScheme: args.colorScheme } });
  const signIn = args.who === 'client' ? { refresh: async () => fixtureSession() } : {};
  const { runtime, loaded } = provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...memoryContent(undefined, { state: args.state }), ...args.calls } });
  if (args.who === 'quick-access') void loaded.then(() => runtime.runtime.quickAccessOpened({ accessToken: 'fixture.process.token', expiresIn: 900, processId: 'p1' }));
  const element = document.createElement('portal-feedback');
  element.floating = args.floating;
  wrapper.append(element);
  if (args.open) setTimeout(() => element.show(), 400);
  if (args.send)
    setTimeout(() => {
      element.shadowRoot!.querySelector<HTMLInputElement>('input[name=rating][value="5"]')!.click();
      setTimeout(() => element.shadowRoot!.querySelector<HTMLButtonElement>('[part~=send]')!.click());
    }, 600);
  return wrapper;
}

const meta: Meta<FeedbackArgs> = {
  title: 'Widgets/portal-feedback',
  component: 'portal-feedback',
  parameters: { docs: { description: { component: embedDocs('portal-feedback', '<portal-feedback floating></portal-feedback>') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    who: { control: 'inline-radio', options: ['client', 'quick-access', 'signed-out'] },
    state: { control: 'inline-radio', options: CONTENT_STATES.filter((s) => s !== 'empty') },
    calls: { table: { disable: true } },
    open: { table: { disable: true } },
    send: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', who: 'client', floating: false, state: 'ready' },
};
export default meta;
type Story = StoryObj<FeedbackArgs>;

/** The small button; press it, rate, comment and send. */
export const Button: Story = {};
export const DialogOpen: Story = { args: { open: true } };
/** Sent: the thank-you state. */
export const Thanks: Story = { args: { open: true, send: true } };
/** "Send" never answers: the button says "Sending…". */
export const Sending: Story = { args: { open: true, send: true, state: 'loading' } };
/** "Send" fails: the reason shows in the dialog. */
export const SendFails: Story = { args: { open: true, send: true, calls: { sendFeedback: () => Promise.reject(new ApiError('network_error', 0, '')) } } };
/** A8: a quick-access session may give its opinion too. */
export const QuickAccess: Story = { args: { who: 'quick-access' } };
export const Floating: Story = { args: { floating: true } };
export const Spanish: Story = { args: { locale: 'es', open: true } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark', open: true } };
/** Signed out, nothing shows. */
export const SignedOut: Story = { args: { who: 'signed-out' } };
