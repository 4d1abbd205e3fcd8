import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/settings/admin-settings.ts';
import type { AdminSettings } from '../widgets/admin/settings/admin-settings.ts';
import { ApiError, type AdminApi, type StaffMe } from '../widgets/admin/admin-api.ts';
import { clinicaSolData, fixtureStaffMe, martinsCastroData, memorySettingsApi, type FixtureState } from '../widgets/admin/settings/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface SettingsArgs {
  tenant: 'clinica-sol' | 'martins-castro';
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  /** Who is signed in: everything, read-only, or staff with the appointment permissions only. */
  who: 'owner' | 'read-only' | 'appointments-staff';
  /** What loading the portal's settings answers. */
  settings: FixtureState;
  /** What loading the appointment options answers (the billing and document ones load fine). */
  appointments: FixtureState;
  /** Calls answered differently from the fixture (not a control). */
  calls?: Partial<AdminApi>;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: AdminSettings) => Promise<void>;
}

const STAFF: Record<SettingsArgs['who'], () => StaffMe> = {
  owner: () => fixtureStaffMe('owner'),
  'read-only': () => fixtureStaffMe('read-only'),
  'appointments-staff': () => fixtureStaffMe('staff', ['accounts:read', 'appointments:read', 'appointments:write']),
};

function render(args: SettingsArgs) {
  // The console's own look (as /admin/ has it): Portico's default branding.
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const data = args.tenant === 'clinica-sol' ? clinicaSolData() : martinsCastroData();
  const element = document.createElement('admin-settings');
  element.api = memorySettingsApi(data, { settings: args.settings, appointments: args.appointments }, args.calls).api;
  element.me = STAFF[args.who]();
  element.locale = args.locale;
  wrapper.append(element);
  if (args.steps) setTimeout(() => void args.steps!(element), 300);
  return wrapper;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 100));
const inRoot = <T extends Element>(el: AdminSettings, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
async function typeInto(el: AdminSettings, selector: string, value: string) {
  const input = inRoot<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await pause();
}
const save = (el: AdminSettings, group: string) => inRoot<HTMLButtonElement>(el, `form[data-group=${group}] [part=save]`).click();

const meta: Meta<SettingsArgs> = {
  title: 'Console/admin-settings',
  component: 'admin-settings',
  render,
  argTypes: {
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    who: { control: 'inline-radio', options: ['owner', 'read-only', 'appointments-staff'] },
    settings: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    appointments: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    calls: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { tenant: 'clinica-sol', locale: 'pt-BR', colorScheme: 'light', width: 960, who: 'owner', settings: 'ready', appointments: 'ready' },
};
export default meta;
type Story = StoryObj<SettingsArgs>;

/** Clínica Sol's settings: general, branding with its preview, modules and their options. */
export const Filled: Story = {};
/** Martins Castro (Spanish): appointment requests, no PIX. */
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
export const English: Story = { args: { locale: 'en' } };
export const Loading: Story = { args: { settings: 'loading' } };
export const LoadFailed: Story = { args: { settings: 'error' } };
/** The appointment options failed to load; everything else is there, with their own error and retry. */
export const PartlyFailed: Story = { args: { appointments: 'error' } };
/** Read-only staff: every value disabled, no Save button. */
export const ReadOnly: Story = { args: { who: 'read-only' } };
/** Staff with appointment permissions only: they may save the appointment options and nothing else. */
export const AppointmentsStaff: Story = { args: { who: 'appointments-staff' } };
/** The portal switched off: the switch says what clients will see. */
export const PortalOff: Story = { args: { locale: 'en', steps: async (el) => inRoot<HTMLInputElement>(el, '#general-enabled').click() } };
/** A bright yellow primary colour: the preview and the contrast warning say what the portal will do. */
export const ContrastWarning: Story = { args: { locale: 'en', steps: (el) => typeInto(el, '#branding-primary', '#ffff00') } };
/** A colour code that is not one: refused before saving, the field marked and focused. */
export const InvalidColour: Story = {
  args: {
    locale: 'en',
    steps: async (el) => {
      await typeInto(el, '#branding-primary', '#12345g');
      save(el, 'branding');
    },
  },
};
/** An embed origin with a path: refused before saving. */
export const InvalidOrigin: Story = {
  args: {
    locale: 'en',
    steps: async (el) => {
      await typeInto(el, '#general-origin-1', 'http://clinicasol.com.br/agenda');
      save(el, 'general');
    },
  },
};
/** A logo over 256 KB: refused without uploading. */
export const LogoTooBig: Story = {
  args: {
    locale: 'en',
    steps: async (el) => {
      const input = inRoot<HTMLInputElement>(el, '#branding-logo');
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(300 * 1024)], 'logo.png', { type: 'image/png' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
  },
};
/** Modules saved: the confirmation is announced. */
export const Saved: Story = {
  args: {
    locale: 'en',
    steps: async (el) => {
      inRoot<HTMLInputElement>(el, '#module-campaigns').click();
      await pause();
      save(el, 'modules');
    },
  },
};
/** Saving, still waiting for the server. */
export const Saving: Story = { args: { locale: 'en', calls: { saveBillingSettings: () => new Promise(() => {}) }, steps: async (el) => save(el, 'billing') } };
/** The staff member gave up on the password dialog: nothing saved, and said so. */
export const SaveFailed: Story = {
  args: {
    locale: 'en',
    calls: { updateSettings: () => Promise.reject(new ApiError('password_confirmation_required', 403, 'confirm')) },
    steps: async (el) => save(el, 'general'),
  },
};
export const Phone: Story = { args: { width: 320 } };
export const Dark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
