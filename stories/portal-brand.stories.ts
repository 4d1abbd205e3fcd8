import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/brand/portal-brand.ts';
import { fixtureTenant, memoryStorage, provideFixtureRuntime, type FixtureTenantAnswer } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

/** The controls a designer plays with: the tenant's branding, the language, and what the server answered. */
interface BrandArgs {
  state: 'ready' | 'loading' | 'tenant_not_found' | 'network_error';
  name: string;
  logoUrl: string;
  primaryColor: string;
  accentColor: string;
  radius: number;
  fontFamily: string;
  colorScheme: 'light' | 'dark' | 'auto';
  locale: Locale;
  hideLanguage: boolean;
  width: number;
}

function render(args: BrandArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const answer: FixtureTenantAnswer =
    args.state === 'loading'
      ? 'pending'
      : args.state === 'ready'
        ? {
            tenant: fixtureTenant({
              name: args.name,
              branding: {
                logoUrl: args.logoUrl || null,
                primaryColor: args.primaryColor,
                accentColor: args.accentColor,
                radius: args.radius,
                fontFamily: args.fontFamily,
                colorScheme: args.colorScheme,
              },
            }),
          }
        : { error: args.state };
  provideFixtureRuntime(wrapper, answer, { locale: args.locale, storage: memoryStorage(), baseUrl: location.href });
  // Created after the provider, so the widget finds it when it connects.
  const brand = document.createElement('portal-brand');
  brand.hideLanguage = args.hideLanguage;
  wrapper.append(brand);
  return wrapper;
}

const meta: Meta<BrandArgs> = {
  title: 'Widgets/portal-brand',
  component: 'portal-brand',
  parameters: { docs: { description: { component: embedDocs('portal-brand', '<portal-brand></portal-brand>\n<!-- a page with its own language switcher: <portal-brand hide-language></portal-brand> -->') } } },
  render,
  argTypes: {
    state: { control: 'inline-radio', options: ['ready', 'loading', 'tenant_not_found', 'network_error'] },
    primaryColor: { control: 'color' },
    accentColor: { control: 'color' },
    radius: { control: { type: 'range', min: 0, max: 24 } },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark', 'auto'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    width: { control: { type: 'range', min: 320, max: 1200, step: 10 } },
  },
  args: {
    state: 'ready',
    name: 'Clínica Sol',
    ...DEMO_BRANDING['clinica-sol'],
    locale: 'pt-BR',
    hideLanguage: false,
    width: 720,
  },
};
export default meta;
type Story = StoryObj<BrandArgs>;

/** Clínica Sol, as its clients see it. */
export const ClinicaSol: Story = {};

/** Martins Castro: another brand from the same widget, in Spanish. */
export const MartinsCastro: Story = {
  args: {
    name: 'Martins Castro',
    ...DEMO_BRANDING['martins-castro'],
    locale: 'es',
  },
};

/** A tenant without a logo gets a monogram in its brand colour. */
export const WithoutLogo: Story = { args: { logoUrl: '', name: 'Odonto Vida' } };

/** The dark colour scheme. */
export const Dark: Story = { args: { colorScheme: 'dark' } };

/** While the tenant loads. */
export const Loading: Story = { args: { state: 'loading' } };

/** The page names a portal that does not exist or is switched off. */
export const PortalNotFound: Story = { args: { state: 'tenant_not_found' } };

/** The server cannot be reached. */
export const NetworkError: Story = { args: { state: 'network_error', locale: 'en' } };

/** The page has its own language switcher. */
export const WithoutLanguageSwitch: Story = { args: { hideLanguage: true } };

/** On a 320 px phone, with a long name. */
export const Phone: Story = { args: { width: 320, name: 'Clínica Sol Medicina e Segurança do Trabalho' } };
