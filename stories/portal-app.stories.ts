import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/app/portal-app.ts';
import type { Module } from '../widgets/core/api-client.ts';
import { fixtureSession, fixtureTenant, memoryStorage, profileCalls, provideFixtureRuntime } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface AppArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  session: 'signed-out' | 'signed-in' | 'quick-access';
  /** The modules the server lists for the account. */
  modules: Module[];
  /** The URL hash the page opens with ('' for none): a shared link. */
  hash: string;
  /** Once rendered, open the phone's menu (not a control). */
  openMenu?: boolean;
  /** What the fixture server answers besides (not a control). */
  calls?: Calls;
}

const ONE_ACCOUNT = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: 'all' as const }];
/** The sections whose elements exist in Storybook today, with fixture data behind them. */
const AVAILABLE: Module[] = ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile'];

function render(args: AppArgs) {
  // The hash is the page's: each story starts from its own.
  history.replaceState(history.state, '', `${location.pathname}${location.search}${args.hash}`);
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({
    modules: args.modules,
    branding: { ...DEMO_BRANDING['clinica-sol'], logoUrl: null, colorScheme: args.colorScheme },
    links: {
      site: 'https://www.clinicasol.example/',
      social: [
        { network: 'instagram', url: 'https://www.instagram.com/clinicasol' },
        { network: 'facebook', url: 'https://www.facebook.com/clinicasol' },
        { network: 'linkedin', url: 'https://www.linkedin.com/company/clinicasol' },
      ],
    },
  });
  const signedIn = args.session === 'signed-in' ? { refresh: async () => fixtureSession({ accountId: 'a1', accounts: ONE_ACCOUNT }) } : {};
  const { runtime, loaded } = provideFixtureRuntime(wrapper, { tenant }, {
    locale: args.locale,
    storage: memoryStorage(),
    auth: { ...signedIn, listModules: async () => ({ modules: args.modules }), ...profileCalls('normal'), ...args.calls },
  });
  if (args.session === 'quick-access') void loaded.then(() => runtime.runtime.quickAccessOpened({ accessToken: 'fixture.process.token', expiresIn: 900, processId: 'p1' }));
  const app = document.createElement('portal-app');
  wrapper.append(app);
  if (args.openMenu) setTimeout(() => app.shadowRoot?.querySelector<HTMLButtonElement>('[part~=nav-toggle]')?.click(), 500);
  return wrapper;
}

const meta: Meta<AppArgs> = {
  title: 'Widgets/portal-app',
  component: 'portal-app',
  parameters: { docs: { description: { component: embedDocs('portal-app') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1200, step: 10 } },
    session: { control: 'inline-radio', options: ['signed-out', 'signed-in', 'quick-access'] },
    modules: { control: 'check', options: ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile', 'news', 'materials', 'campaigns'] },
    hash: { control: 'select', options: ['', '#home', '#billing', '#processes', '#documents', '#appointments', '#requests', '#profile', '#unknown'] },
    openMenu: { table: { disable: true } },
    calls: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 1000, session: 'signed-in', modules: AVAILABLE, hash: '' },
};
export default meta;
type Story = StoryObj<AppArgs>;

/** The sign-in, under the brand; the footer's links below. */
export const SignedOut: Story = { args: { session: 'signed-out' } };
/** Home: a card per section the account has, each with a line on what it is for. */
export const SignedInHome: Story = {};
/** A shared link `#billing`: the billing section open, its menu entry marked. */
export const BillingOpen: Story = { args: { hash: '#billing' } };
export const DocumentsOpen: Story = { args: { hash: '#documents', locale: 'en' } };
/** Quick access (A8): only the process tracker, no menu, read-only. */
export const QuickAccess: Story = { args: { session: 'quick-access', modules: ['processes'] } };
/** The account has billing switched off (G3): no menu entry, no card. */
export const BillingSwitchedOff: Story = { args: { modules: AVAILABLE.filter((m) => m !== 'billing') } };
/** A link to a switched-off section: home, with a polite notice. */
export const SwitchedOffLink: Story = { args: { modules: AVAILABLE.filter((m) => m !== 'billing'), hash: '#billing', locale: 'en' } };
/** The account's data waits for confirmation: the profile opens first; elsewhere a banner links to it. */
export const ConfirmYourData: Story = { args: { calls: profileCalls('confirmation-required') } };
export const PhoneMenuCollapsed: Story = { args: { width: 320 } };
export const PhoneMenuOpen: Story = { args: { width: 320, openMenu: true } };
export const Spanish: Story = { args: { locale: 'es' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
