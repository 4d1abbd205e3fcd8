import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/embed/admin-embed.ts';
import type { AdminEmbed } from '../widgets/admin/embed/admin-embed.ts';
import { ApiError, type TenantSettings } from '../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import { fixtureEmbedSettings } from '../widgets/admin/embed/fixtures.ts';
import { fixtureStaff, type FixtureTenant } from '../widgets/admin/shell/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface EmbedArgs {
  tenant: FixtureTenant;
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  /** What reading the settings answers: the tenant's settings, never (loading), or a network error. */
  state: 'ready' | 'loading' | 'error';
  /** The tenant's settings with a change (not a control). */
  change?: Partial<TenantSettings>;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: AdminEmbed) => void;
}

function render(args: EmbedArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const element = document.createElement('admin-embed');
  element.api = fakeAdminApi({
    getSettings: async () => {
      if (args.state === 'loading') return new Promise<never>(() => {});
      if (args.state === 'error') throw new ApiError('network_error', 0, 'offline');
      return fixtureEmbedSettings(args.tenant, args.change);
    },
  });
  element.me = fixtureStaff('owner', args.tenant);
  element.locale = args.locale;
  wrapper.append(element);
  if (args.steps) setTimeout(() => args.steps!(element), 300);
  return wrapper;
}

const meta: Meta<EmbedArgs> = {
  title: 'Console/admin-embed',
  component: 'admin-embed',
  render,
  argTypes: {
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1000, step: 10 } },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    change: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { tenant: 'clinica-sol', locale: 'pt-BR', colorScheme: 'light', width: 860, state: 'ready' },
};
export default meta;
type Story = StoryObj<EmbedArgs>;

/** Clínica Sol: the whole portal's code, each switched-on module's tag, the two allowed websites and the CSP. */
export const Snippet: Story = {};
/** Martins Castro Advogados (in Spanish): no website may embed the portal yet, so a warning links to Settings. */
export const NoAllowedWebsites: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
/** No module switched on: only the sign-in's tag, and a note saying so. */
export const NoModules: Story = { args: { change: { modules: [] } } };
/** "Copy" pressed on the whole portal's code: "Copied" beside it. */
export const Copied: Story = {
  args: { locale: 'en', steps: (el) => el.shadowRoot!.querySelector<HTMLButtonElement>('[data-snippet=whole] [part~=copy]')!.click() },
};
/** The settings on their way. */
export const Loading: Story = { args: { state: 'loading' } };
/** The settings could not be read: the reason and "Try again". */
export const Failed: Story = { args: { state: 'error' } };
/** A phone, 320 px wide: the code wraps instead of scrolling sideways. */
export const Phone: Story = { args: { width: 320 } };
/** The dark scheme. */
export const Dark: Story = { args: { colorScheme: 'dark' } };
