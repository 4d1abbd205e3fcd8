import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/materials/portal-materials.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { clinicaSolContent, CONTENT_STATES, fixtureSession, fixtureTenant, memoryContent, memoryStorage, provideFixtureRuntime, type ContentState } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface MaterialsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  signedIn: boolean;
  /** What every content call answers: the data, never (loading), nothing, or an error. */
  state: ContentState;
  /** The topic shown; '' for all. */
  topic: string;
  calls?: Calls;
  /** Once rendered: search for these words, or open the first article (not a control). */
  act?: { search?: string; open?: boolean };
}

function render(args: MaterialsArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({ branding: { ...DEMO_BRANDING['clinica-sol'], colorScheme: args.colorScheme } });
  const signIn = args.signedIn ? { refresh: async () => fixtureSession() } : {};
  provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...memoryContent(clinicaSolContent(), { state: args.state }), ...args.calls } });
  const element = document.createElement('portal-materials');
  element.topic = args.topic;
  // Stories never download: they say what would be saved.
  element.navigate = (url, name) => console.info('portal-materials would download', name, 'from', url);
  wrapper.append(element);
  if (args.act) setTimeout(() => act(element, args.act!), 400);
  return wrapper;
}

function act(element: HTMLElement, what: NonNullable<MaterialsArgs['act']>) {
  const root = element.shadowRoot!;
  if (what.search !== undefined) {
    root.querySelector<HTMLInputElement>('input[name=q]')!.value = what.search;
    root.querySelector<HTMLFormElement>('[part~=filters]')!.requestSubmit();
  }
  if (what.open) root.querySelector<HTMLButtonElement>('[part~=toggle]')?.click();
}

const meta: Meta<MaterialsArgs> = {
  title: 'Widgets/portal-materials',
  component: 'portal-materials',
  parameters: { docs: { description: { component: embedDocs('portal-materials') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    state: { control: 'inline-radio', options: CONTENT_STATES },
    topic: { control: 'select', options: ['', 'Primeiros passos', 'Saúde ocupacional'] },
    calls: { table: { disable: true } },
    act: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 720, signedIn: true, state: 'ready', topic: '' },
};
export default meta;
type Story = StoryObj<MaterialsArgs>;

/** Two topics: an article (a disclosure), a PDF, and one with both. */
export const ByTopic: Story = {};
export const ArticleOpen: Story = { args: { act: { open: true } } };
export const OneTopic: Story = { args: { topic: 'Saúde ocupacional' } };
export const Search: Story = { args: { act: { search: 'pcmso' } } };
export const SearchWithNoResult: Story = { args: { act: { search: 'extintores' } } };
export const Loading: Story = { args: { state: 'loading' } };
export const Empty: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** The file is withdrawn: press a Download button to see the reason beside it. */
export const DownloadRefused: Story = { args: { calls: { downloadMaterial: () => Promise.reject(new ApiError('not_found', 404, '')) } } };
export const Phone: Story = { args: { width: 320 } };
export const Spanish: Story = { args: { locale: 'es' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const SignedOut: Story = { args: { signedIn: false } };
