import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/admin/team/admin-team.ts';
import type { AdminTeam } from '../widgets/admin/team/admin-team.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { FIXTURE_STATES, fixtureMe, fixtureStaff, memoryTeamApi, type DemoTenant, type FixtureState } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme } from '../widgets/core/theme.ts';

interface TeamArgs {
  tenant: DemoTenant;
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  /** Who is signed in: the tenant's first owner, or Clínica Sol's administrator (who leaves owners alone). */
  signedIn: 'owner' | 'admin' | 'read-only';
  /** What listing the team answers: the data, never (loading), only the signed-in member, or a network error. */
  state: FixtureState;
  /** Calls answered differently from the fixture (not a control). */
  calls?: Partial<AdminApi>;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: AdminTeam) => Promise<void>;
}

function render(args: TeamArgs) {
  applyTheme({ ...DEMO_BRANDING[args.tenant], colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const members = fixtureStaff(args.tenant);
  const element = document.createElement('admin-team');
  element.api = memoryTeamApi(members, { state: args.state, overrides: args.calls });
  const admin = members.find((member) => member.role === 'admin');
  element.me =
    args.signedIn === 'owner'
      ? fixtureMe({}, args.tenant)
      : args.signedIn === 'admin' && admin
        ? fixtureMe({ id: admin.id, name: admin.name, email: admin.email, role: 'admin' }, args.tenant)
        : fixtureMe({ role: 'read-only', scopes: ['accounts:read', 'audit:read'] }, args.tenant);
  element.locale = args.locale;
  wrapper.append(element);
  if (args.steps) setTimeout(() => void args.steps!(element), 300);
  return wrapper;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
const inRoot = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const rowOf = (el: AdminTeam, name: string) => [...el.shadowRoot!.querySelectorAll('[part~=item]')].find((row) => row.querySelector('h3')!.textContent!.startsWith(name))!;

async function openInvite(el: AdminTeam) {
  inRoot<HTMLButtonElement>(el, '[part~=invite]').click();
  await pause();
}

async function fillInvite(el: AdminTeam) {
  await openInvite(el);
  for (const [selector, value] of [['#invite-email', 'enfermagem@clinicasol.com.br'], ['#invite-name', 'Fernanda Lima']]) {
    const field = inRoot<HTMLInputElement>(el, selector);
    field.value = value;
    field.dispatchEvent(new Event('input'));
  }
  for (const scope of ['appointments:read', 'appointments:write', 'requests:read']) inRoot<HTMLInputElement>(el, `input[value="${scope}"]`).click();
  await pause();
}

async function editAna(el: AdminTeam) {
  rowOf(el, 'Ana Ribeiro').querySelector<HTMLButtonElement>('[part~=change]')!.click();
  await pause();
  inRoot<HTMLInputElement>(el, '#edit-role-admin').click();
  await pause();
}

const meta: Meta<TeamArgs> = {
  title: 'Console/admin-team',
  component: 'admin-team',
  render,
  argTypes: {
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    signedIn: { control: 'inline-radio', options: ['owner', 'admin', 'read-only'] },
    state: { control: 'inline-radio', options: FIXTURE_STATES },
    calls: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { tenant: 'clinica-sol', locale: 'pt-BR', colorScheme: 'light', width: 900, signedIn: 'owner', state: 'ready' },
};
export default meta;
type Story = StoryObj<TeamArgs>;

/** Clínica Sol's team, seen by its owner: no "Disable" on her own card. */
export const Team: Story = {};
/** Seen by the administrator: owners cannot be changed, and no one can be made owner. */
export const SeenByAdmin: Story = { args: { signedIn: 'admin' } };
/** A read-only member: the section says who manages the team and asks the server nothing. */
export const NoAccess: Story = { args: { signedIn: 'read-only' } };
export const Loading: Story = { args: { state: 'loading' } };
/** Only the signed-in owner on the team. */
export const Alone: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** The invitation form, role staff with its permissions. */
export const Invite: Story = { args: { steps: openInvite } };
/** Sent empty: what is missing, on its field. */
export const InviteIncomplete: Story = {
  args: {
    steps: async (el) => {
      await openInvite(el);
      inRoot<HTMLButtonElement>(el, '[part~=send]').click();
    },
  },
};
/** Invited: the new member pending, and where the setup link went. */
export const Invited: Story = {
  args: {
    steps: async (el) => {
      await fillInvite(el);
      inRoot<HTMLButtonElement>(el, '[part~=send]').click();
    },
  },
};
/** That e-mail is already on the team. */
export const InviteRefused: Story = {
  args: {
    calls: { inviteStaff: () => Promise.reject(new ApiError('staff_exists', 409, '')) },
    steps: async (el) => {
      await fillInvite(el);
      inRoot<HTMLButtonElement>(el, '[part~=send]').click();
    },
  },
};
/** Changing a staff member's permissions. */
export const ChangeAccess: Story = { args: { steps: async (el) => rowOf(el, 'Carla Mendes').querySelector<HTMLButtonElement>('[part~=change]')!.click() } };
/** The only owner tried to step down: last_owner explained. */
export const LastOwner: Story = {
  args: {
    calls: { changeStaff: () => Promise.reject(new ApiError('last_owner', 409, '')) },
    steps: async (el) => {
      await editAna(el);
      inRoot<HTMLButtonElement>(el, '[part~=save]').click();
    },
  },
};
/** Carla disabled: her card and the announcement. */
export const Disabled: Story = { args: { steps: async (el) => rowOf(el, 'Carla Mendes').querySelector<HTMLButtonElement>('[part~=disable]')!.click() } };
export const Phone: Story = { args: { width: 320 } };
export const PhoneInvite: Story = { args: { width: 320, steps: openInvite } };
/** Martins Castro Advogados (two owners), in Spanish. */
export const Spanish: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
