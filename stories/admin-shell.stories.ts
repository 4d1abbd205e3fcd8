import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/shell/portico-admin.ts';
import type { PorticoAdmin } from '../widgets/admin/shell/portico-admin.ts';
import { ApiError, type StaffRole } from '../widgets/admin/admin-api.ts';
import { SECTIONS } from '../widgets/admin/sections.ts';
import type { ConsoleSection } from '../widgets/admin/shell/routes.ts';
import { consoleApi, ENROLL, FIXTURE_RECOVERY_CODES, FIXTURE_SETUP_TOKEN, fixtureSession, fixtureStaff, type FixtureTenant } from '../widgets/admin/shell/fixtures.ts';
import { fixtureEmbedSettings } from '../widgets/admin/embed/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

/** A stand-in for the sections drawn by other elements (their own stories show them): the heading only. */
class PlaceholderSection extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    this.attachShadow({ mode: 'open' }).innerHTML = `<h2 style="margin:0">${this.dataset.title ?? this.localName}</h2><p>Drawn by &lt;${this.dataset.tag}&gt;: see its own stories.</p>`;
  }
}

/** The registry's sections: the real embed section, placeholders for the others; `chunk` decides how they load. */
function storySections(chunk: 'ready' | 'loading' | 'error'): ConsoleSection[] {
  return SECTIONS.map((section) => {
    if (section.id === 'embed' && chunk === 'ready') return section;
    const tag = `story-${section.id}`;
    return {
      ...section,
      tag,
      load: async () => {
        if (chunk === 'loading') return new Promise<never>(() => {});
        if (chunk === 'error') throw new TypeError('Failed to fetch dynamically imported module');
        if (!customElements.get(tag)) customElements.define(tag, class extends PlaceholderSection {});
      },
    };
  });
}

interface ShellArgs {
  tenant: FixtureTenant;
  role: StaffRole;
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  /** Signed in (a session resumes), signed out, still resuming, or unable to reach the server. */
  session: 'signed-in' | 'signed-out' | 'resuming' | 'offline';
  /** How a section's chunk loads. */
  chunk: 'ready' | 'loading' | 'error';
  /** The first sign-in of a member without an authenticator app yet (not a control). */
  enroll?: boolean;
  /** The section the address names (not a control). */
  hash?: string;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: PorticoAdmin) => Promise<void>;
}

function render(args: ShellArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  history.replaceState(null, '', `${location.pathname}${location.search}${args.hash ?? ''}`);
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const staff = fixtureStaff(args.role, args.tenant);
  const resume = args.session === 'signed-in' ? fixtureSession(staff) : args.session === 'resuming' ? 'never' : args.session === 'offline' ? new ApiError('network_error', 0, 'offline') : undefined;
  const element = document.createElement('portico-admin');
  element.api = consoleApi({
    resume,
    staff,
    ...(args.enroll ? { passwordAnswer: ENROLL, recoveryCodes: FIXTURE_RECOVERY_CODES } : {}),
    methods: { getSettings: async () => fixtureEmbedSettings(args.tenant) },
  });
  element.sections = storySections(args.chunk);
  element.locale = args.locale;
  element.setAttribute('tenant', args.tenant);
  wrapper.append(element);
  if (args.steps) setTimeout(() => void args.steps!(element), 300);
  return wrapper;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
async function fill(el: PorticoAdmin, values: Record<string, string>) {
  const signIn = el.querySelector('admin-sign-in')!;
  for (const [name, value] of Object.entries(values)) signIn.querySelector<HTMLInputElement>(`[name="${name}"]`)!.value = value;
  signIn.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
  await pause();
}
const password = (el: PorticoAdmin) => fill(el, { email: fixtureStaff('owner').email, password: 'correct horse battery' });

const meta: Meta<ShellArgs> = {
  title: 'Console/portico-admin',
  component: 'portico-admin',
  render,
  parameters: { layout: 'fullscreen' },
  argTypes: {
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    role: { control: 'inline-radio', options: ['owner', 'admin', 'staff', 'read-only'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1280, step: 10 } },
    session: { control: 'inline-radio', options: ['signed-in', 'signed-out', 'resuming', 'offline'] },
    chunk: { control: 'inline-radio', options: ['ready', 'loading', 'error'] },
    enroll: { table: { disable: true } },
    hash: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { tenant: 'clinica-sol', role: 'owner', locale: 'pt-BR', colorScheme: 'light', width: 1100, session: 'signed-in', chunk: 'ready' },
};
export default meta;
type Story = StoryObj<ShellArgs>;

/** An owner of Clínica Sol: every section in the menu, Settings open. */
export const Console: Story = {};
/** A read-only member of Martins Castro Advogados (in Spanish): no team, API tokens or mail in the menu. */
export const ReadOnly: Story = { args: { tenant: 'martins-castro', role: 'read-only', locale: 'es' } };
/** The real embed section, opened from the address (`#embed`). */
export const EmbedSection: Story = { args: { hash: '#embed' } };
/** A link to a section the role does not include: the first allowed one opens, saying why. */
export const SectionNotIncluded: Story = { args: { role: 'read-only', hash: '#team', locale: 'en' } };
/** A section's chunk on its way. */
export const SectionLoading: Story = { args: { chunk: 'loading' } };
/** A section's chunk could not be loaded: the reason and "Try again" (and the console logs the failure, as it should). */
export const SectionFailed: Story = { args: { chunk: 'error' }, parameters: { expectedConsoleErrors: ['Portico console: could not load <story-'] } };
/** A phone, 320 px wide: the menu folds behind "Menu". */
export const Phone: Story = { args: { width: 320 } };
/** A phone with the menu opened. */
export const PhoneMenuOpen: Story = {
  args: { width: 320, steps: async (el) => (await pause(), el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=nav-toggle]')?.click()) },
};
/** "Enter your password again" before a sensitive change. */
export const PasswordDialog: Story = { args: { steps: async (el) => void el.api.onPasswordNeeded?.() } };
/** A wrong password in the dialog. */
export const PasswordDialogWrong: Story = {
  args: {
    locale: 'en',
    steps: async (el) => {
      void el.api.onPasswordNeeded?.();
      await pause();
      const dialog = el.shadowRoot!.querySelector('admin-password-dialog')!.shadowRoot!;
      dialog.querySelector('input')!.value = 'not it';
      dialog.querySelector<HTMLButtonElement>('[part~=confirm]')!.click();
    },
  },
};
/** The session ended: back to the sign-in, saying so, with the portal and e-mail kept. */
export const SessionEnded: Story = { args: { steps: async (el) => el.api.onSessionEnded?.() } };
/** Opening the console: the session resumes. */
export const Resuming: Story = { args: { session: 'resuming' } };
/** The server could not be reached: the reason and "Try again". */
export const Offline: Story = { args: { session: 'offline' } };
/** Signed out: portal, e-mail and password. */
export const SignIn: Story = { args: { session: 'signed-out' } };
/** The password was wrong. */
export const WrongPassword: Story = { args: { session: 'signed-out', locale: 'en', steps: (el) => fill(el, { email: 'helena@clinicasol.com.br', password: 'nope' }) } };
/** Step 2: the code from the authenticator app. */
export const SecondFactor: Story = { args: { session: 'signed-out', steps: password } };
/** A wrong code, said next to the field. */
export const WrongCode: Story = { args: { session: 'signed-out', locale: 'en', steps: async (el) => (await password(el), fill(el, { code: '000000' })) } };
/** A recovery code instead of the app's. */
export const RecoveryCode: Story = {
  args: {
    session: 'signed-out',
    steps: async (el) => {
      await password(el);
      el.querySelector<HTMLButtonElement>('[data-toggle-recovery]')!.click();
    },
  },
};
/** A first sign-in: connect an authenticator app (the key grouped by four, copy, the otpauth link), then its code. */
export const Enrolment: Story = { args: { session: 'signed-out', enroll: true, steps: password } };
/** After enrolment: the recovery codes, once, with copy, download and "I have saved these codes". */
export const RecoveryCodes: Story = { args: { session: 'signed-out', enroll: true, steps: async (el) => (await password(el), fill(el, { code: '123456' })) } };
/** A setup link (`#setup=…`): the first password, twice. */
export const SetupLink: Story = { args: { session: 'signed-out', hash: `#setup=${FIXTURE_SETUP_TOKEN}` } };
/** The sign-in on a phone. */
export const SignInPhone: Story = { args: { session: 'signed-out', width: 320 } };
