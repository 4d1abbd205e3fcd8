import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/mail/admin-mail.ts';
import type { AdminMail, MailTab } from '../widgets/admin/mail/admin-mail.ts';
import { fixtureMailMe, mailRequest, type MailFixtureState } from '../widgets/admin/mail/fixtures.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import { fixtureMe, type DemoTenant } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface MailArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  tenant: DemoTenant;
  tab: MailTab;
  /** What the outbox and templates answer: the fixtures, never (loading), nothing, or an error. */
  state: MailFixtureState;
  /** How the test mail ends, after two look-ups while waiting. */
  testOutcome: 'sent' | 'failed' | 'pending';
  /** Who looks: an owner (mail:write) or someone without it. */
  access: 'owner' | 'no-access';
  /** Once rendered, click what this selector finds in the open tab (not a control). */
  click?: string;
}

function render(args: MailArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const me = args.access === 'owner' ? fixtureMailMe(args.tenant) : fixtureMe({ role: 'read-only', scopes: ['accounts:read', 'audit:read'] }, args.tenant);
  const api = fakeAdminApi({ request: mailRequest({ tenant: args.tenant, state: args.state, testOutcome: args.testOutcome, pendingLookups: 2 }) });
  // Set as properties: Lit would take the fake API (a Proxy answering every name) for a directive.
  const element: AdminMail = Object.assign(document.createElement('admin-mail'), { api, me, locale: args.locale, tab: args.tab });
  wrapper.append(element);
  const click = args.click;
  if (click) setTimeout(() => element.shadowRoot?.querySelector('[role=tabpanel]:not([hidden]) > *')?.shadowRoot?.querySelector<HTMLElement>(click)?.click(), 400);
  return wrapper;
}

const meta: Meta<MailArgs> = {
  title: 'Console/admin-mail',
  component: 'admin-mail',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    tab: { control: 'inline-radio', options: ['outbox', 'templates', 'test'] },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'empty', 'error'] },
    testOutcome: { control: 'inline-radio', options: ['sent', 'failed', 'pending'] },
    access: { control: 'inline-radio', options: ['owner', 'no-access'] },
    click: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 900, tenant: 'clinica-sol', tab: 'outbox', state: 'ready', testOutcome: 'sent', access: 'owner' },
};
export default meta;
type Story = StoryObj<MailArgs>;

/** Waiting, sent and failed mail, with the last error and "retry now". */
export const Outbox: Story = {};
export const OutboxLoading: Story = { args: { state: 'loading' } };
export const OutboxEmpty: Story = { args: { state: 'empty' } };
export const OutboxFailed: Story = { args: { state: 'error' } };
/**
 * The fixture's preview carries a script, to show the sandboxed frame does not run it: Chromium reports the block as a
 * console error, which the Storybook check (test/storybook) expects here.
 */
const sandboxBlocksScript = { expectedConsoleErrors: ["Blocked script execution in 'data:text/html"] };
/** A template previewed: subject, the HTML in a sandboxed frame (its script blocked), the plain text. */
export const Templates: Story = { args: { tab: 'templates' }, parameters: sandboxBlocksScript };
export const TemplatesFailed: Story = { args: { tab: 'templates', state: 'error' } };
/** The test-mail form, the staff member's address filled in. */
export const TestMail: Story = { args: { tab: 'test' } };
/** Sent, then followed until delivered (about 6 s). */
export const TestMailDelivered: Story = { args: { tab: 'test', click: '[part~=send]' } };
/** Sent, and refused by the SMTP server: the error in words. */
export const TestMailFailed: Story = { args: { tab: 'test', testOutcome: 'failed', click: '[part~=send]' } };
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
export const Phone: Story = { args: { width: 320 } };
export const PhoneTemplates: Story = { args: { width: 320, tab: 'templates' }, parameters: sandboxBlocksScript };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const NoAccess: Story = { args: { access: 'no-access' } };
