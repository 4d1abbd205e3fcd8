import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent, within } from 'storybook/test';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/brand/portal-brand.ts';
import '../widgets/login/portal-login.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { fixtureSession, fixtureTenant, memoryStorage, provideFixtureRuntime } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Auth = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface LoginArgs {
  view: 'sign-in' | 'forgot' | 'first-access' | 'code-request' | 'quick-access';
  locale: Locale;
  colorScheme: 'light' | 'dark';
  tenant: 'clinica-sol' | 'martins-castro';
  width: number;
  /** What the fixture server does (not a control). */
  auth?: Auth;
  /** An e-mailed link the page was opened with. */
  linkToken?: string;
  /** The portal is closed (or the address wrong): the server answers tenant_not_found. */
  closed?: boolean;
}

function render(args: LoginArgs) {
  if (args.linkToken) history.replaceState(null, '', `${location.pathname}${location.search}#portico-link=${args.linkToken}`);
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({
    name: args.tenant === 'clinica-sol' ? 'Clínica Sol' : 'Martins Castro',
    modules: args.tenant === 'martins-castro' ? ['processes'] : [],
    branding: { ...DEMO_BRANDING[args.tenant], colorScheme: args.colorScheme },
  });
  provideFixtureRuntime(wrapper, args.closed ? { error: 'tenant_not_found' } : { tenant }, { locale: args.locale, storage: memoryStorage(), baseUrl: location.href, auth: args.auth });
  const login = document.createElement('portal-login');
  login.view = args.view;
  wrapper.append(document.createElement('portal-brand'), login);
  return wrapper;
}

const meta: Meta<LoginArgs> = {
  title: 'Widgets/portal-login',
  component: 'portal-login',
  parameters: { docs: { description: { component: embedDocs('portal-login', '<portal-login></portal-login>\n<!-- or open another form first: <portal-login view="first-access"></portal-login> -->') } } },
  render,
  argTypes: {
    view: { control: 'select', options: ['sign-in', 'forgot', 'first-access', 'code-request', 'quick-access'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    auth: { table: { disable: true } },
    linkToken: { table: { disable: true } },
    closed: { table: { disable: true } },
  },
  args: { view: 'sign-in', locale: 'pt-BR', colorScheme: 'light', tenant: 'clinica-sol', width: 560 },
};
export default meta;
type Story = StoryObj<LoginArgs>;

const fail = (code: string, retryAfter?: number) => () => Promise.reject(new ApiError(code, code === 'too_many_attempts' ? 429 : 401, code, retryAfter));

/** Signing in from the keyboard fills the form and submits it. */
async function signIn(canvasElement: HTMLElement, password = 'wrong password') {
  const canvas = within(canvasElement);
  await userEvent.type(await canvas.findByLabelText(/e-mail|correo/i), 'rh@horizonte.example');
  await userEvent.type(canvas.getByLabelText(/^(senha|password|contraseña)$/i), `${password}{enter}`);
}

export const SignIn: Story = {};
export const SignInSpanish: Story = { args: { locale: 'es', tenant: 'martins-castro' } };
export const SignInEnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const Phone: Story = { args: { width: 320 } };
export const ForgotPassword: Story = { args: { view: 'forgot' } };
export const FirstAccess: Story = { args: { view: 'first-access' } };
export const RegisterWithCode: Story = { args: { view: 'code-request' } };
/** The business closed its portal: the sign-in says so instead of offering a form that could only fail. */
export const PortalClosed: Story = {
  args: { closed: true, locale: 'es', tenant: 'martins-castro' },
  play: async ({ canvasElement }) => {
    const login = canvasElement.querySelector('portal-login')!;
    await within(login as HTMLElement).findByText(/Este portal no está disponible/);
    await expect(login.querySelector('form')).toBeNull();
  },
};
export const QuickAccess: Story = { args: { view: 'quick-access', tenant: 'martins-castro', locale: 'es' } };

export const WrongPassword: Story = {
  args: { auth: { signIn: fail('invalid_credentials') } },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('E-mail ou senha incorretos.');
  },
};

export const RateLimited: Story = {
  args: { auth: { signIn: fail('too_many_attempts', 42) } },
  play: async ({ canvasElement }) => {
    await signIn(canvasElement);
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent('42 segundos');
  },
};

export const CodeSent: Story = {
  args: { view: 'code-request' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('E-mail'), 'ana@example.com{enter}');
    await expect(await canvas.findByText(/não é uma senha/)).toBeTruthy();
  },
};

export const LinkSetPassword: Story = { args: { linkToken: 'A'.repeat(43) } };
export const LinkExpired: Story = { args: { linkToken: 'B'.repeat(43), auth: { inspectLink: fail('invalid_link') } } };

export const AccountPicker: Story = { args: { auth: { refresh: async () => fixtureSession() } } };
export const SignedIn: Story = { args: { auth: { refresh: async () => fixtureSession({ accountId: 'a1' }) } } };
export const SignedInEnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark', auth: { refresh: async () => fixtureSession({ accountId: 'a1' }) } } };
export const FollowingAProcess: Story = {
  args: { view: 'quick-access', tenant: 'martins-castro', locale: 'es' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.type(await canvas.findByLabelText('Número de expediente'), '4829163057');
    await userEvent.type(canvas.getByLabelText('Clave de acceso'), 'MC7Q-X2LP-9DKA-R4TW{enter}');
    await expect(await canvas.findByText(/Está consultando un expediente/)).toBeTruthy();
  },
};
