import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/admin/documents/admin-documents.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import { documentsData, documentsRouter, type DocumentsData } from '../widgets/admin/documents/fixtures.ts';
import { accountSearch } from '../widgets/admin/processes/account-fixtures.ts';
import { fixtureMe, fixtureScopes, type DemoTenant } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme, DEFAULT_BRANDING } from '../widgets/core/theme.ts';

interface DocumentsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  tenant: DemoTenant;
  /** What the list answers: the documents, never (loading), none, or an error. */
  state: 'ready' | 'loading' | 'empty' | 'error';
  /** Who looks: an owner, or read-only staff (no new document, upload, delete or switches). */
  access: 'owner' | 'read-only';
  /** Documents per page (the rest behind "Load more"). */
  pageSize: number;
  /** The tab shown first. */
  tab: 'documents' | 'categories';
  /** Once rendered, open a dialog (not a control). */
  then?: 'new' | 'downloads' | 'delete';
}

function request(args: DocumentsArgs, data: DocumentsData): AdminApi['request'] {
  const router = documentsRouter(data);
  return (method, path, body) => {
    if (path.includes('/categories')) return router(method, path, body);
    if (args.state === 'loading') return new Promise(() => {});
    if (args.state === 'error') return Promise.reject(new ApiError('network_error', 0, 'offline'));
    return router(method, path, body);
  };
}

function openDialog(element: HTMLElement, then: NonNullable<DocumentsArgs['then']>) {
  const list = element.shadowRoot?.querySelector('admin-document-list');
  if (then === 'new') return list?.shadowRoot?.querySelector('admin-document-new')?.show();
  list?.shadowRoot?.querySelector<HTMLButtonElement>(`[data-action=${then}]`)?.click();
}

function render(args: DocumentsArgs) {
  applyTheme({ ...DEFAULT_BRANDING, colorScheme: args.colorScheme });
  const data = documentsData(args.tenant, args.pageSize);
  if (args.state === 'empty') data.documents = [];
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const me = args.access === 'owner' ? fixtureMe({}, args.tenant) : fixtureMe({ role: 'read-only', scopes: fixtureScopes('read-only') }, args.tenant);
  const api = fakeAdminApi({ request: request(args, data), listAccounts: accountSearch(data.accounts) });
  const element = Object.assign(document.createElement('admin-documents'), { api, me, locale: args.locale, tab: args.tab });
  wrapper.append(element);
  if (args.then) setTimeout(() => openDialog(element, args.then!), 400);
  return wrapper;
}

const meta: Meta<DocumentsArgs> = {
  title: 'Console/admin-documents',
  component: 'admin-documents',
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    state: { control: 'inline-radio', options: ['ready', 'loading', 'empty', 'error'] },
    access: { control: 'inline-radio', options: ['owner', 'read-only'] },
    pageSize: { control: { type: 'number', min: 1, max: 20 } },
    tab: { control: 'inline-radio', options: ['documents', 'categories'] },
    then: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 900, tenant: 'clinica-sol', state: 'ready', access: 'owner', pageSize: 20, tab: 'documents' },
};
export default meta;
type Story = StoryObj<DocumentsArgs>;

/** Clínica Sol's documents, newest first: category, account, dates, file, eSocial receipt, and their actions. */
export const List: Story = {};
/** Two a page: "Load more" brings the rest. */
export const LoadMore: Story = { args: { pageSize: 2 } };
/** The list loading. */
export const Loading: Story = { args: { state: 'loading' } };
/** No document yet. */
export const Empty: Story = { args: { state: 'empty' } };
/** The server could not be reached: the message and "Try again". */
export const LoadFailed: Story = { args: { state: 'error' } };
/** The "New document" dialog. */
export const NewDocument: Story = { args: { then: 'new' } };
/** Who downloaded the first document. */
export const Downloads: Story = { args: { then: 'downloads' } };
/** The delete confirmation, on Cancel. */
export const ConfirmDelete: Story = { args: { then: 'delete' } };
/** The categories with their switches. */
export const Categories: Story = { args: { tab: 'categories' } };
/** Read-only staff: documents and downloads, no changes; categories in words. */
export const ReadOnly: Story = { args: { access: 'read-only' } };
/** Martins Castro's documents, in Spanish. */
export const MartinsCastro: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
/** On a phone. */
export const Phone: Story = { args: { width: 320 } };
/** Dark. */
export const Dark: Story = { args: { colorScheme: 'dark' } };
