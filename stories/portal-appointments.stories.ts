import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/appointments/portal-appointments.ts';
import { APPOINTMENT_STATES, APPOINTMENTS_NOW, appointmentCalls, fixtureSession, fixtureTenant, memoryStorage, provideFixtureRuntime, type AppointmentState } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

/** What the story plays once rendered, as a client would (not a control). */
interface Act {
  /** Show the past appointments. */
  tab?: 'past';
  /** Choose this day (`YYYY-MM-DD`), going to its month first. */
  day?: string;
  /** Then this free time, by its start (ISO, as the server gives it). */
  time?: string;
  /** Then book it. */
  confirm?: boolean;
  /** Press Cancel on this appointment … */
  cancel?: string;
  /** … and confirm in the dialog. */
  confirmCancel?: boolean;
  /** Propose these days and times (request mode), and send. */
  propose?: [date: string, time: string][];
}

interface AppointmentsArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  signedIn: boolean;
  /** Which state the fixture server is in (Clínica Sol's agenda, the clock at Tuesday 24 November 2026, 09:00). */
  state: AppointmentState;
  /** The service the page asks to start with. */
  service: string;
  /** What the fixture server answers, over the state's (not a control). */
  calls?: Calls;
  act?: Act;
}

const ONE_ACCOUNT = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: 'all' as const }];
const now = () => new Date(APPOINTMENTS_NOW);

function render(args: AppointmentsArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const tenant = fixtureTenant({ branding: { ...DEMO_BRANDING['clinica-sol'], colorScheme: args.colorScheme } });
  const signIn = args.signedIn ? { refresh: async () => fixtureSession({ accountId: 'a1', accounts: ONE_ACCOUNT }) } : {};
  provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...appointmentCalls(args.state, { now }), ...args.calls } });
  const element = document.createElement('portal-appointments');
  element.clock = now;
  element.service = args.service;
  // Stories never download: they say what would be saved.
  element.navigate = (url, name) => console.info('portal-appointments would download', name, 'from', url);
  element.addEventListener('portal-request-open', (event) => console.info('the page would open request', event.detail.id));
  wrapper.append(element);
  if (args.act) void play(element, args.act);
  return wrapper;
}

/** Plays the story's interaction in the widget's shadow root, waiting for each step's target to show. */
async function play(element: HTMLElement, act: Act) {
  const pause = () => new Promise((resolve) => setTimeout(resolve, 120));
  const find = async <T extends HTMLElement>(selector: string): Promise<T | undefined> => {
    for (let i = 0; i < 50; i++) {
      const found = element.shadowRoot?.querySelector<T>(selector);
      if (found) return found;
      await pause();
    }
    return undefined;
  };
  if (act.tab) (await find(`#tab-${act.tab}`))?.click();
  if (act.day) {
    await find('td[data-date]');
    for (let months = 0; months < 3 && !element.shadowRoot!.querySelector(`td[data-date="${act.day}"]`); months++) {
      element.shadowRoot!.querySelector<HTMLElement>('[part~=month-button][data-move="1"]')?.click();
      await pause();
    }
    (await find(`td[data-date="${act.day}"][data-free=true]`))?.click();
  }
  if (act.time) (await find(`[part~=time][data-start="${act.time}"]`))?.click();
  if (act.confirm) (await find('[part~=confirm-button]'))?.click();
  if (act.cancel) (await find(`[data-id="${act.cancel}"] [part~=cancel]`))?.click();
  if (act.confirmCancel) (await find('[part~=cancel-confirm]'))?.click();
  if (act.propose) {
    const form = await find<HTMLFormElement>('[part~=proposal-form]');
    act.propose.forEach(([date, time], i) => {
      form!.querySelector<HTMLInputElement>(`[name=date-${i + 1}]`)!.value = date;
      form!.querySelector<HTMLInputElement>(`[name=time-${i + 1}]`)!.value = time;
    });
    form?.requestSubmit();
  }
}

const meta: Meta<AppointmentsArgs> = {
  title: 'Widgets/portal-appointments',
  component: 'portal-appointments',
  parameters: { docs: { description: { component: embedDocs('portal-appointments') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    state: { control: 'select', options: APPOINTMENT_STATES },
    service: { control: 'select', options: ['', 'consulta-ocupacional', 'audiometria'] },
    calls: { table: { disable: true } },
    act: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 720, signedIn: true, state: 'normal', service: '' },
};
export default meta;
type Story = StoryObj<AppointmentsArgs>;

/** Tuesday 1 December, 09:20, in the Sala de exames (São Paulo time). */
const DEC_1_0920 = '2026-12-01T12:20:00.000Z';

/** Two services to choose from, and the client's upcoming appointments. */
export const ChooseService: Story = {};
export const Loading: Story = { args: { state: 'loading' } };
/** The audiometry's month: days with free times marked with a dot; today outlined. */
export const Calendar: Story = { args: { service: 'audiometria' } };
/** Several providers: "any provider" by default. */
export const CalendarAnyProvider: Story = { args: { service: 'consulta-ocupacional', act: { day: '2026-11-26' } } };
export const TimesChosen: Story = { args: { service: 'audiometria', act: { day: '2026-12-01' } } };
export const ConfirmStep: Story = { args: { service: 'audiometria', act: { day: '2026-12-01', time: DEC_1_0920 } } };
export const Booked: Story = { args: { service: 'audiometria', act: { day: '2026-12-01', time: DEC_1_0920, confirm: true } } };
/** Upcoming: Juliana's consultation tomorrow (too late to cancel online), Carlos's audiometry (guide, Cancel). */
export const ListUpcoming: Story = { args: { locale: 'en' } };
/** Past: a cancelled audiometry and October's consultation. */
export const ListPast: Story = { args: { locale: 'en', act: { tab: 'past' } } };
export const CancelDialog: Story = { args: { act: { cancel: 'ap-audiometria' } } };
export const Empty: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** The business confirms bookings itself: propose up to three times. */
export const RequestMode: Story = { args: { state: 'request-mode' } };
export const ProposalSent: Story = { args: { state: 'request-mode', service: 'audiometria', act: { propose: [['2026-12-01', '09:00'], ['2026-12-03', '14:30']] } } };
export const BookingOff: Story = { args: { state: 'booking-off' } };
export const NoHours: Story = { args: { state: 'no-hours', service: 'audiometria' } };
/** Every time taken until 13 December: a jump to the next free day. */
export const FullyBooked: Story = { args: { state: 'fully-booked', service: 'audiometria' } };
/** Someone else booked 09:20 a moment before: "just taken", and the day's fresh times. */
export const SlotTaken: Story = { args: { state: 'slot-taken', service: 'audiometria', act: { day: '2026-12-01', time: DEC_1_0920, confirm: true } } };
/** The deadline passed while the list was open: until when it was possible, and whom to call. */
export const CancellationClosed: Story = { args: { state: 'cancellation-closed', act: { cancel: 'ap-audiometria', confirmCancel: true } } };
/** The business hides the list: booking only. */
export const AppointmentsHidden: Story = { args: { state: 'appointments-hidden', service: 'audiometria' } };
export const Spanish: Story = { args: { locale: 'es', service: 'audiometria', act: { day: '2026-12-01' } } };
export const Phone: Story = { args: { width: 320, service: 'audiometria', act: { day: '2026-12-01' } } };
export const PhoneRequestMode: Story = { args: { width: 320, state: 'request-mode' } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark', service: 'consulta-ocupacional' } };
export const SignedOut: Story = { args: { signedIn: false } };
