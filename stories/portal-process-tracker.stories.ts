import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/process-tracker/portal-process-tracker.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { fixtureSession, fixtureTenant, martinsCastroProcesses, memoryProcesses, memoryStorage, provideFixtureRuntime, type ProcessData } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface TrackerArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  /** Who is looking: Lucía signed in (she reaches her account and her son's), a quick-access session, or nobody. */
  who: 'client' | 'quick-access' | 'signed-out';
  /** The processes the fixture server holds, made afresh on every render (opening one marks it seen). */
  data?: () => ProcessData;
  /** What the fixture server answers instead (not a control). */
  calls?: Calls;
  /** Once rendered: show the secret reference, or copy it. */
  act?: { reveal?: boolean; copy?: boolean };
}

const LUCIA = fixtureSession({
  user: { id: 'u-lucia', email: 'lucia.ortega@example.com', locale: null },
  accounts: [
    { id: 'a1', name: 'Lucía Ortega', kind: 'person', establishments: 'all' },
    { id: 'a2', name: 'Mateo Ortega Silva', kind: 'person', establishments: 'all' },
  ],
  accountId: null,
});

function render(args: TrackerArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({
    slug: 'martins-castro',
    name: 'Martins Castro',
    currency: 'EUR',
    timeZone: 'Europe/Madrid',
    locale: 'es',
    branding: { ...DEMO_BRANDING['martins-castro'], colorScheme: args.colorScheme },
  });
  const signIn = args.who === 'client' ? { refresh: async () => LUCIA } : {};
  const { runtime, loaded } = provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...memoryProcesses(args.data?.()), ...args.calls } });
  if (args.who === 'quick-access') void loaded.then(() => runtime.runtime.quickAccessOpened({ accessToken: 'fixture.process.token', expiresIn: 900, processId: 'p1' }));
  const element = document.createElement('portal-process-tracker');
  wrapper.append(element);
  if (args.act) setTimeout(() => act(element, args.act!), 400);
  return wrapper;
}

/** Plays the story's interaction on the secret reference: show it, or copy it. */
function act(element: HTMLElement, what: NonNullable<TrackerArgs['act']>) {
  const secret = element.shadowRoot!.querySelector('[part~=reference][data-secret=true]');
  if (what.reveal) secret?.querySelector<HTMLButtonElement>('[part~=show]')?.click();
  if (!what.copy) return;
  // Storybook's frame may not reach the real clipboard; the copy is read at the click, so the stand-in goes at once.
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => {} }, configurable: true });
  secret?.querySelector<HTMLButtonElement>('[part~=copy]')?.click();
  delete (navigator as { clipboard?: unknown }).clipboard;
}

/** Martins Castro's processes with a change. */
function processes(change: (data: ProcessData) => void): () => ProcessData {
  return () => {
    const data = martinsCastroProcesses();
    change(data);
    return data;
  };
}
/** Only the nationality process; `seen` also clears what was new, as if Lucía had opened it already. */
const onlyNationality = (seen: boolean) =>
  processes((data) => {
    data.processes = data.processes.slice(0, 1);
    const detail = data.processes[0]!.detail;
    if (seen) Object.assign(detail, { unread: 0, notices: detail.notices.map((notice) => ({ ...notice, unread: false })) });
  });
const refuse = (code: string, status: number) => () => Promise.reject(new ApiError(code, status, ''));

const meta: Meta<TrackerArgs> = {
  title: 'Widgets/portal-process-tracker',
  component: 'portal-process-tracker',
  parameters: { docs: { description: { component: embedDocs('portal-process-tracker') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    who: { control: 'inline-radio', options: ['client', 'quick-access', 'signed-out'] },
    data: { table: { disable: true } },
    calls: { table: { disable: true } },
    act: { table: { disable: true } },
  },
  args: { locale: 'es', colorScheme: 'light', width: 720, who: 'client' },
};
export default meta;
type Story = StoryObj<TrackerArgs>;

/** T1: Lucía's two processes (hers and her son's): a choice naming each account; hers has news. */
export const TwoProcessesWithChoice: Story = {};
export const Loading: Story = { args: { calls: { listProcesses: () => new Promise(() => {}) } } };
export const Empty: Story = { args: { calls: { listProcesses: async () => ({ items: [] }) } } };
/** One process, nothing new: no choice, no highlighted box. */
export const OneProcess: Story = { args: { data: onlyNationality(true) } };
/** T3: a follow-up published since the last visit, highlighted above the phases. */
export const UnreadNotice: Story = { args: { data: onlyNationality(false) } };
/** The residence card renewal: phase 2 of 5, no notices yet. */
export const EarlyPhaseNoNotices: Story = { args: { data: processes((data) => data.processes.reverse()) } };
/** T4: the secret access key shown in full. */
export const ReferenceRevealed: Story = { args: { act: { reveal: true } } };
/** T4: the access key copied (still masked), and said so. */
export const Copied: Story = { args: { act: { copy: true } } };
/** A8: opened with the process number: that one process, read-only, no choice, no review. */
export const QuickAccess: Story = { args: { who: 'quick-access' } };
export const LoadFailed: Story = { args: { calls: { listProcesses: refuse('network_error', 0) } } };
export const ProcessGone: Story = { args: { calls: { getProcess: refuse('not_found', 404) } } };
export const SessionEnded: Story = { args: { who: 'quick-access', calls: { getProcess: refuse('unauthenticated', 401) } } };
export const Phone: Story = { args: { width: 320 } };
export const PhoneRevealed: Story = { args: { width: 320, act: { reveal: true } } };
export const Portuguese: Story = { args: { locale: 'pt-BR' } };
export const English: Story = { args: { locale: 'en' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const SignedOut: Story = { args: { who: 'signed-out' } };
