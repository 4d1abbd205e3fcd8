import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/news/portal-news.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { clinicaSolContent, CONTENT_STATES, fixtureNews, fixtureSession, fixtureTenant, memoryContent, memoryStorage, provideFixtureRuntime, type ContentData, type ContentState } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface NewsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  who: 'client' | 'quick-access' | 'signed-out';
  /** What every content call answers: the data, never (loading), nothing, or an error. */
  state: ContentState;
  /** Clínica Sol's news with a change (not a control). */
  change?: (data: ContentData) => void;
  calls?: Calls;
  /** Once rendered, open the first item (not a control). */
  openFirst?: boolean;
}

function render(args: NewsArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({ branding: { ...DEMO_BRANDING['clinica-sol'], colorScheme: args.colorScheme } });
  const data = clinicaSolContent();
  args.change?.(data);
  const signIn = args.who === 'client' ? { refresh: async () => fixtureSession() } : {};
  const { runtime, loaded } = provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...memoryContent(data, { state: args.state }), ...args.calls } });
  if (args.who === 'quick-access') void loaded.then(() => runtime.runtime.quickAccessOpened({ accessToken: 'fixture.process.token', expiresIn: 900, processId: 'p1' }));
  const element = document.createElement('portal-news');
  wrapper.append(element);
  if (args.openFirst) setTimeout(() => element.shadowRoot?.querySelector<HTMLButtonElement>('[part~=open]')?.click(), 400);
  return wrapper;
}

const meta: Meta<NewsArgs> = {
  title: 'Widgets/portal-news',
  component: 'portal-news',
  parameters: { docs: { description: { component: embedDocs('portal-news') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    who: { control: 'inline-radio', options: ['client', 'quick-access', 'signed-out'] },
    state: { control: 'inline-radio', options: CONTENT_STATES },
    change: { table: { disable: true } },
    calls: { table: { disable: true } },
    openFirst: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 720, who: 'client', state: 'ready' },
};
export default meta;
type Story = StoryObj<NewsArgs>;

/** Newest first, the unread one marked and counted; "Show more" loads the third. */
export const List: Story = {};
/** The unread item opened: title, date, cover image and body; "Back to news" returns to it. */
export const Article: Story = { args: { openFirst: true } };
export const ArticleLoading: Story = { args: { openFirst: true, calls: { getNews: () => new Promise(() => {}) } } };
export const ArticleFailed: Story = { args: { openFirst: true, calls: { getNews: () => Promise.reject(new ApiError('not_found', 404, '')) } } };
/** A8: a quick-access session reads the news; nothing is marked unread. */
export const QuickAccess: Story = { args: { who: 'quick-access' } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** Every item unread. */
export const AllUnread: Story = { args: { change: (data) => data.news.forEach((item) => (item.read = false)) } };
/** A tenant's text that looks like markup shows as text. */
export const MarkupAsText: Story = {
  args: { locale: 'en', change: (data) => (data.news = [fixtureNews({ title: '<b>Not bold</b>', summary: '<img src=x onerror=alert(1)>', read: false })]) },
};
export const Phone: Story = { args: { width: 320 } };
export const Spanish: Story = { args: { locale: 'es' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const SignedOut: Story = { args: { who: 'signed-out' } };
