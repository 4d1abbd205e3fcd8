import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/profile/portal-profile.ts';
import { PROFILE_NOW, PROFILE_STATES, fixtureTenant, memoryStorage, profileCalls, profileSessionFor, provideFixtureRuntime, type ProfileState } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

/** What the story plays once rendered, as a client would (not a control). */
interface Act {
  /** Type these texts into the inputs named (a field's key, or `address.<part>`), leaving each. */
  type?: Record<string, string>;
  /** Then save. */
  save?: boolean;
  /** Press "Confirm my data". */
  confirm?: boolean;
  /** Open the correction or deletion request … */
  privacy?: boolean;
  /** … and send it with these details. */
  privacyDetails?: string;
}

interface ProfileArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  signedIn: boolean;
  /** Which state the fixture server is in (Ana Souza at Clínica Sol unless told; the clock at 24 November 2026). */
  state: ProfileState;
  act?: Act;
}

const now = () => new Date(PROFILE_NOW);

function render(args: ProfileArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({ branding: { ...DEMO_BRANDING['clinica-sol'], colorScheme: args.colorScheme } });
  const signIn = args.signedIn ? { refresh: async () => profileSessionFor(args.state) } : {};
  provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...profileCalls(args.state, { now }) } });
  const element = document.createElement('portal-profile');
  // Stories never download: they say what would be saved.
  element.navigate = (url, name) => console.info('portal-profile would download', name, 'from', url);
  element.addEventListener('portal-request-open', (event) => console.info('the page would open request', event.detail.id));
  wrapper.append(element);
  if (args.act) void play(element, args.act);
  return wrapper;
}

/** Plays the story's interaction in the widget's shadow root, waiting for each step's target to show. */
async function play(element: HTMLElement, act: Act) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 120));
  const find = async <T extends HTMLElement>(selector: string): Promise<T | undefined> => {
    for (let i = 0; i < 50; i++) {
      const found = element.shadowRoot?.querySelector<T>(selector);
      if (found) return found;
      await pause();
    }
    return undefined;
  };
  for (const [name, value] of Object.entries(act.type ?? {})) {
    const input = await find<HTMLInputElement>(`[name="${name}"]`);
    if (!input) continue;
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new FocusEvent('focusout', { bubbles: true, composed: true }));
    await pause();
  }
  if (act.save) (await find('[part~=save]'))?.click();
  if (act.confirm) (await find('[part~=confirm-button]'))?.click();
  if (act.privacy) (await find('[part~=privacy-open]'))?.click();
  if (act.privacyDetails) {
    const details = await find<HTMLTextAreaElement>('#privacy-details');
    details!.value = act.privacyDetails;
    details!.dispatchEvent(new Event('input'));
    (await find('[part~=privacy-send]'))?.click();
  }
}

const meta: Meta<ProfileArgs> = {
  title: 'Widgets/portal-profile',
  component: 'portal-profile',
  parameters: { docs: { description: { component: embedDocs('portal-profile') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    state: { control: 'select', options: PROFILE_STATES },
    act: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 720, signedIn: true, state: 'normal' },
};
export default meta;
type Story = StoryObj<ProfileArgs>;

/** Ana's data: her name changes with approval, her CPF only the clinic changes, the rest she keeps herself. */
export const Normal: Story = {};
export const Loading: Story = { args: { state: 'loading' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** The clinic asks every 12 months: the banner first. */
export const ConfirmationRequired: Story = { args: { state: 'confirmation-required' } };
/** Confirmed: when, and until when. */
export const Confirmed: Story = { args: { state: 'confirmation-required', act: { confirm: true } } };
/** A new name waiting for the clinic's approval since 20 November. */
export const PendingChange: Story = { args: { state: 'pending-change' } };
/** Opened from an e-mailed "update your data" link: a profile-only session. */
export const ProfileOnly: Story = { args: { state: 'profile-only' } };
/** The client's own mistakes, said at each field as they leave it and in a list on save. */
export const InlineProblems: Story = { args: { act: { type: { phone: '3234', email: 'ana@', name: '' }, save: true } } };
/** The server refuses the phone and the postal code: said at each (the address's at its part). */
export const ValidationErrors: Story = { args: { state: 'validation-errors', act: { type: { phone: '+55 19 3234-5611', 'address.postalCode': '13015-00' }, save: true } } };
/** A new phone saved at once, a new name waiting for approval. */
export const Saved: Story = { args: { locale: 'en', act: { type: { phone: '(19) 3234-5699', name: 'Ana Souza Lima' }, save: true } } };
export const PrivacyForm: Story = { args: { act: { privacy: true } } };
/** The request sent: the legal deadline (15 days under the LGPD) and a way to follow it. */
export const PrivacyRequestSent: Story = { args: { act: { privacy: true, privacyDetails: 'Por favor, excluam meu telefone fixo antigo.' } } };
/** A company: its CNPJ, "Capital social" in reais, its headcount. */
export const Company: Story = { args: { state: 'company' } };
/** Lucía Pérez in Madrid: NIF / NIE, Spanish phones, the firm asking to confirm once. */
export const Spanish: Story = { args: { state: 'spanish', locale: 'es' } };
export const Phone: Story = { args: { width: 320, state: 'confirmation-required' } };
export const PhoneProblems: Story = { args: { width: 320, act: { type: { phone: '3234', 'address.street': '' }, save: true } } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark', state: 'pending-change' } };
export const SignedOut: Story = { args: { signedIn: false } };
