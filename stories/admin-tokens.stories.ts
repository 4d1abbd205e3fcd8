import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/admin/tokens/admin-tokens.ts';
import type { AdminTokens } from '../widgets/admin/tokens/admin-tokens.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { fixtureTokens, memoryTokensApi } from '../widgets/admin/tokens/fixtures.ts';
import { FIXTURE_STATES, fixtureMe, type DemoTenant, type FixtureState } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme } from '../widgets/core/theme.ts';

interface TokensArgs {
  tenant: DemoTenant;
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  role: 'owner' | 'read-only';
  /** What listing tokens answers: the data, never (loading), nothing, or a network error. */
  state: FixtureState;
  /** Calls answered differently from the fixture (not a control). */
  calls?: Partial<AdminApi>;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: AdminTokens) => Promise<void>;
}

function render(args: TokensArgs) {
  applyTheme({ ...DEMO_BRANDING[args.tenant], colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const element = document.createElement('admin-tokens');
  element.api = memoryTokensApi(fixtureTokens(args.tenant), { tenant: args.tenant, state: args.state, overrides: args.calls });
  element.me = fixtureMe({ role: args.role, ...(args.role === 'read-only' ? { scopes: ['accounts:read', 'audit:read'] } : {}) }, args.tenant);
  element.locale = args.locale;
  wrapper.append(element);
  if (args.steps) setTimeout(() => void args.steps!(element), 300);
  return wrapper;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
const inRoot = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

async function openForm(el: AdminTokens) {
  inRoot<HTMLButtonElement>(el, '[part~=new]').click();
  await pause();
}

async function create(el: AdminTokens) {
  await openForm(el);
  const name = inRoot<HTMLInputElement>(el, '#token-name');
  name.value = 'Integração do site';
  name.dispatchEvent(new Event('input'));
  for (const scope of ['accounts:read', 'appointments:read', 'appointments:write']) inRoot<HTMLInputElement>(el, `input[value="${scope}"]`).click();
  await pause();
  inRoot<HTMLButtonElement>(el, '[part~=create]').click();
}

async function askRevoke(el: AdminTokens) {
  inRoot<HTMLButtonElement>(el, '[part~=revoke]').click();
  await pause();
}

const meta: Meta<TokensArgs> = {
  title: 'Console/admin-tokens',
  component: 'admin-tokens',
  render,
  argTypes: {
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    role: { control: 'inline-radio', options: ['owner', 'read-only'] },
    state: { control: 'inline-radio', options: FIXTURE_STATES },
    calls: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { tenant: 'clinica-sol', locale: 'pt-BR', colorScheme: 'light', width: 900, role: 'owner', state: 'ready' },
};
export default meta;
type Story = StoryObj<TokensArgs>;

/** Clínica Sol's tokens: active (one never used), revoked and expired. */
export const List: Story = {};
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** A read-only staff member: the section says who manages tokens and asks the server nothing. */
export const NoAccess: Story = { args: { role: 'read-only' } };
/** The new-token form: name, permissions by module, expiry (90 days). */
export const NewToken: Story = { args: { steps: openForm } };
/** Sent empty: what is missing, on its field. */
export const NewTokenIncomplete: Story = {
  args: {
    steps: async (el) => {
      await openForm(el);
      inRoot<HTMLButtonElement>(el, '[part~=create]').click();
    },
  },
};
/** The token shown once: the warning, Copy, and the curl example. */
export const Created: Story = { args: { steps: create } };
/** The staff member gave up re-entering the password. */
export const CreateRefused: Story = {
  args: { calls: { createToken: () => Promise.reject(new ApiError('password_confirmation_required', 403, '')) }, steps: create },
};
/** "Revoke?" asked on a token. */
export const ConfirmRevoke: Story = { args: { steps: askRevoke } };
/** Revoked: the row says so, the announcement too. */
export const Revoked: Story = {
  args: {
    steps: async (el) => {
      await askRevoke(el);
      inRoot<HTMLButtonElement>(el, '[part~=confirm-revoke]').click();
    },
  },
};
export const Phone: Story = { args: { width: 320 } };
export const PhoneCreated: Story = { args: { width: 320, steps: create } };
/** Martins Castro Advogados, in Spanish. */
export const Spanish: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
