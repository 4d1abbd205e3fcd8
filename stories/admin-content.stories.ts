import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/content/admin-content.ts';
import type { AdminContent, ContentTab } from '../widgets/admin/content/admin-content.ts';
import { fixtureContentApi, fixtureContentMe, type ContentFixtureState } from '../widgets/admin/content/fixture-api.ts';
import type { DemoTenant } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface ContentArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  tenant: DemoTenant;
  tab: ContentTab;
  /** What the lists and the feedback answer: the fixtures, never (loading), nothing, or an error. */
  state: ContentFixtureState;
  /** Who looks: an owner (`content:write`), read-only staff (`content:read`), or someone with neither. */
  access: 'write' | 'read' | 'none';
  /** Once rendered, click what this selector finds in the open tab (not a control). */
  click?: string;
}

function render(args: ContentArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const api = fixtureContentApi({ tenant: args.tenant, state: args.state });
  // Set as properties: Lit would take the fake API (a Proxy answering every name) for a directive.
  const element: AdminContent = Object.assign(document.createElement('admin-content'), { api, me: fixtureContentMe(args.tenant, args.access), locale: args.locale, tab: args.tab });
  wrapper.append(element);
  const click = args.click;
  if (click) setTimeout(() => element.shadowRoot?.querySelector('[role=tabpanel]:not([hidden]) > *')?.shadowRoot?.querySelector<HTMLElement>(click)?.click(), 400);
  return wrapper;
}

const meta: Meta<ContentArgs> = {
  title: 'Console/admin-content',
  component: 'admin-content',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    tab: { control: 'inline-radio', options: ['news', 'materials', 'campaigns', 'feedback'] },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'empty', 'error'] },
    access: { control: 'inline-radio', options: ['write', 'read', 'none'] },
    click: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 900, tenant: 'clinica-sol', tab: 'news', state: 'ready', access: 'write' },
};
export default meta;
type Story = StoryObj<ContentArgs>;

/** Scheduled, published and expired news, with reads and audience. */
export const News: Story = {};
export const NewsLoading: Story = { args: { state: 'loading' } };
export const NewsEmpty: Story = { args: { state: 'empty' } };
export const NewsFailed: Story = { args: { state: 'error' } };
/** The new-item form: the key follows the title; Markdown hint; dates in the browser's zone; audience; image. */
export const NewsForm: Story = { args: { click: '[part~=new]' } };
/** Editing a news item shown to two accounts. */
export const NewsEdit: Story = { args: { click: '[data-key="campanha-vacinacao-gripe-2026"] [part~=edit]' } };
/** The confirm step of "Delete". */
export const NewsDeleteConfirm: Story = { args: { click: '[data-key="novo-endereco-unidade-centro"] [part~=delete]' } };
/** Materials grouped by topic, one hidden. */
export const Materials: Story = { args: { tab: 'materials' } };
export const MaterialForm: Story = { args: { tab: 'materials', click: '[part~=new]' } };
export const MaterialsEmpty: Story = { args: { tab: 'materials', state: 'empty' } };
/** Campaigns not started, running and ended; "I'm interested", a link, none. */
export const Campaigns: Story = { args: { tab: 'campaigns' } };
export const CampaignForm: Story = { args: { tab: 'campaigns', click: '[part~=new]' } };
export const CampaignsFailed: Story = { args: { tab: 'campaigns', state: 'error' } };
/** Count, average, the ratings as a list with bars, the latest comments. */
export const Feedback: Story = { args: { tab: 'feedback' } };
export const FeedbackEmpty: Story = { args: { tab: 'feedback', state: 'empty' } };
export const FeedbackLoading: Story = { args: { tab: 'feedback', state: 'loading' } };
/** `content:read` only: everything shown, nothing to change. */
export const ReadOnly: Story = { args: { access: 'read' } };
export const NoAccess: Story = { args: { access: 'none' } };
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
export const MartinsCastroCampaigns: Story = { args: { tenant: 'martins-castro', locale: 'es', tab: 'campaigns' } };
export const Phone: Story = { args: { width: 320 } };
export const PhoneForm: Story = { args: { width: 320, tab: 'campaigns', click: '[part~=new]' } };
export const PhoneFeedback: Story = { args: { width: 320, tab: 'feedback' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark', tab: 'feedback' } };
