import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/admin/audit/admin-audit.ts';
import type { AdminAudit } from '../widgets/admin/audit/admin-audit.ts';
import type { AdminApi, AuditEntry } from '../widgets/admin/admin-api.ts';
import { fixtureAudit, memoryAuditApi } from '../widgets/admin/audit/fixtures.ts';
import { FIXTURE_STATES, fixtureMe, type DemoTenant, type FixtureState } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme } from '../widgets/core/theme.ts';

interface AuditArgs {
  tenant: DemoTenant;
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  role: 'owner' | 'staff';
  /** What the log answers: the data, never (loading), nothing, or a network error. */
  state: FixtureState;
  /** Entries per page. */
  pageSize: number;
  /** The log, when not the tenant's fixture (not a control). */
  entries?: AuditEntry[];
  /** Calls answered differently from the fixture (not a control). */
  calls?: Partial<AdminApi>;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: AdminAudit) => Promise<void>;
}

function render(args: AuditArgs) {
  applyTheme({ ...DEMO_BRANDING[args.tenant], colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const element = document.createElement('admin-audit');
  element.api = memoryAuditApi(args.entries ?? fixtureAudit(args.tenant), { state: args.state, limit: args.pageSize, overrides: args.calls });
  element.me = fixtureMe({ role: args.role, ...(args.role === 'staff' ? { scopes: ['requests:read', 'requests:write'] } : {}) }, args.tenant);
  element.locale = args.locale;
  wrapper.append(element);
  if (args.steps) setTimeout(() => void args.steps!(element), 300);
  return wrapper;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 150));
const inRoot = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

function filter(values: Record<string, string>) {
  return async (el: AdminAudit) => {
    for (const [name, value] of Object.entries(values)) inRoot<HTMLInputElement>(el, `[name=${name}]`).value = value;
    inRoot<HTMLFormElement>(el, 'form[part~=filters]').requestSubmit();
  };
}

const meta: Meta<AuditArgs> = {
  title: 'Console/admin-audit',
  component: 'admin-audit',
  render,
  argTypes: {
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    role: { control: 'inline-radio', options: ['owner', 'staff'] },
    state: { control: 'inline-radio', options: FIXTURE_STATES },
    pageSize: { control: { type: 'range', min: 2, max: 50, step: 1 } },
    entries: { table: { disable: true } },
    calls: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { tenant: 'clinica-sol', locale: 'pt-BR', colorScheme: 'light', width: 900, role: 'owner', state: 'ready', pageSize: 50 },
};
export default meta;
type Story = StoryObj<AuditArgs>;

/** Clínica Sol's log, newest first: staff, an integration, clients, the system, an action without words. */
export const Log: Story = {};
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** A staff member without audit:read. */
export const NoAccess: Story = { args: { role: 'staff' } };
/** Only what staff did. */
export const FilteredByStaff: Story = { args: { steps: filter({ actorType: 'staff' }) } };
/** Filters nothing matches. */
export const NoMatch: Story = { args: { steps: filter({ action: 'appointment-booked', actorType: 'operator' }) } };
/** Filters the server would refuse, explained on their fields. */
export const InvalidFilters: Story = { args: { steps: filter({ action: 'Settings changed!', from: '2026-11-20', to: '2026-11-01' }) } };
/** Three at a time, with "Load older entries"; the second page loaded. */
export const Paged: Story = {
  args: {
    pageSize: 3,
    steps: async (el) => {
      await pause();
      inRoot<HTMLButtonElement>(el, '[part~=older]').click();
    },
  },
};
/** An entry's details open: its data as JSON text. */
export const DetailsOpen: Story = { args: { steps: async (el) => inRoot<HTMLElement>(el, 'details summary').click() } };
/** Data that looks like markup shows as text. */
export const MarkupAsText: Story = {
  args: {
    locale: 'en',
    entries: [
      {
        id: 1,
        at: new Date().toISOString(),
        actor: { type: 'staff', id: 's', label: '<b>not bold</b>' },
        action: 'settings-changed',
        subject: { type: 'tenant', id: null },
        data: { name: '<img src=x onerror=alert(1)>' },
      },
    ],
    steps: async (el) => inRoot<HTMLElement>(el, 'details summary').click(),
  },
};
export const Phone: Story = { args: { width: 320 } };
/** Martins Castro Advogados, in Spanish. */
export const Spanish: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
