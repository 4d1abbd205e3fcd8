import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/documents/portal-documents.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { fixtureSession, fixtureTenant, horizonteDocuments, memoryDocuments, memoryStorage, provideFixtureRuntime, type DocumentData } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface DocumentsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  signedIn: boolean;
  /** A user who reaches one account, or several (an account choice, and each document names its account). */
  accounts: 'one' | 'several';
  /** The category shown (`esocial`: the receipts view); '' for all. */
  category: string;
  /** What the fixture server answers (not a control). */
  calls?: Calls;
  /** Once rendered: search for these words, or narrow to this establishment (not a control). */
  act?: { search?: string; establishment?: string };
}

const ONE_ACCOUNT = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: 'all' as const }];

function render(args: DocumentsArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({ branding: { ...DEMO_BRANDING['clinica-sol'], colorScheme: args.colorScheme } });
  const session = args.accounts === 'one' ? fixtureSession({ accountId: 'a1', accounts: ONE_ACCOUNT }) : fixtureSession();
  const signIn = args.signedIn ? { refresh: async () => session } : {};
  provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...memoryDocuments(), ...args.calls } });
  const element = document.createElement('portal-documents');
  element.category = args.category;
  // Stories never download: they say where the download would go.
  element.navigate = (url, name) => console.info('portal-documents would download', name, 'from', url);
  wrapper.append(element);
  if (args.act) setTimeout(() => act(element, args.act!), 400);
  return wrapper;
}

/** Plays the story's interaction: a search, or an establishment chosen. */
function act(element: HTMLElement, what: NonNullable<DocumentsArgs['act']>) {
  const root = element.shadowRoot!;
  if (what.search !== undefined) {
    root.querySelector<HTMLInputElement>('input[name=q]')!.value = what.search;
    root.querySelector<HTMLFormElement>('[part~=filters]')!.requestSubmit();
  }
  const establishment = root.querySelector<HTMLSelectElement>('select[name=establishmentId]');
  if (what.establishment && establishment) {
    establishment.value = what.establishment;
    establishment.dispatchEvent(new Event('change', { bubbles: true }));
  }
}

/** Horizonte's documents with a change. */
function documents(change: (data: DocumentData) => void): Calls {
  const data = horizonteDocuments();
  change(data);
  return memoryDocuments(data);
}

/** Every answer `ms` late. */
function slow(ms: number): Calls {
  const calls = memoryDocuments();
  const late = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A) => (await new Promise((resolve) => setTimeout(resolve, ms)), call(...args));
  return { documentCatalog: late(calls.documentCatalog), listDocuments: late(calls.listDocuments), documentLink: late(calls.documentLink) };
}

const meta: Meta<DocumentsArgs> = {
  title: 'Widgets/portal-documents',
  component: 'portal-documents',
  parameters: { docs: { description: { component: embedDocs('portal-documents', '<portal-documents></portal-documents>\n<!-- or open one category first: <portal-documents category="esocial"></portal-documents> -->') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    accounts: { control: 'inline-radio', options: ['one', 'several'] },
    category: { control: 'select', options: ['', 'cat', 'pgr', 'pcmso', 'aso', 'reports', 'esocial'] },
    calls: { table: { disable: true } },
    act: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 720, signedIn: true, accounts: 'one', category: '' },
};
export default meta;
type Story = StoryObj<DocumentsArgs>;

/** Every category, newest first: an expired PCMSO further down, a scanned ASO, rectified receipts marked. */
export const List: Story = {};
export const Loading: Story = { args: { calls: { documentCatalog: () => new Promise(() => {}), listDocuments: () => new Promise(() => {}) } } };
/** Each answer 1.5 s late: the progress indicator, then the list (and the download's wait). */
export const Slow: Story = { args: { calls: slow(1500) } };
export const Empty: Story = { args: { calls: documents((data) => (data.documents = [])) } };
export const FilteredByCategory: Story = { args: { category: 'pcmso' } };
export const SearchWithNoResult: Story = { args: { category: 'pgr', act: { search: 'extintores' } } };
/** D2 with the tenant's defaults: rectified receipts hidden, the last 12 months. */
export const EsocialRectifiedHidden: Story = { args: { category: 'esocial' } };
/** D2 where the tenant shows rectified receipts: the rectified S-2220 is marked. */
export const EsocialRectifiedShown: Story = { args: { category: 'esocial', calls: documents((data) => (data.esocial = { includeRectified: true, sinceMonths: 12 })) } };
export const EsocialNothingRecent: Story = {
  args: { category: 'esocial', calls: documents((data) => (data.documents = data.documents.filter((d) => d.category !== 'esocial' || d.esocial?.rectified))) },
};
/** D3: a company user narrows to one establishment. */
export const EstablishmentFilter: Story = { args: { act: { establishment: 'e2' } } };
/** A user who reaches two accounts: an account choice, and each document names its account. */
export const SeveralAccounts: Story = { args: { accounts: 'several', locale: 'en' } };
export const LoadFailed: Story = { args: { calls: { listDocuments: () => Promise.reject(new ApiError('network_error', 0, '')) } } };
export const CatalogFailed: Story = { args: { locale: 'en', calls: { documentCatalog: () => Promise.reject(new ApiError('internal_error', 500, '')) } } };
/** The download is refused (a withdrawn document): the reason shows beside it. Press a Download button. */
export const DownloadRefused: Story = { args: { calls: { documentLink: () => Promise.reject(new ApiError('not_found', 404, '')) } } };
export const Phone: Story = { args: { width: 320 } };
export const PhoneEsocial: Story = { args: { width: 320, category: 'esocial' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const SignedOut: Story = { args: { signedIn: false } };
