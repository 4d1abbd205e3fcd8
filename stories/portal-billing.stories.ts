import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/billing/portal-billing.ts';
import { ApiError } from '../widgets/core/api-client.ts';
import { brlBilling, eurBilling, fixtureSession, fixtureTenant, memoryBilling, memoryStorage, provideFixtureRuntime, type BillingData } from '../widgets/core/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { embedDocs } from './embed-docs.ts';

type Calls = NonNullable<Parameters<typeof provideFixtureRuntime>[2]>['auth'];

interface BillingArgs {
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  signedIn: boolean;
  /** Whose portal: the clinic (BRL, boleto and PIX) or the law firm (EUR, cards). */
  tenant: 'clinica-sol' | 'martins-castro';
  /** A user who reaches one account, or several (each item then names its account). */
  accounts: 'one' | 'several';
  /** What the fixture server answers (not a control). */
  calls?: Calls;
  /** Once rendered: open this charge's payment options (by description), copy its line, or show the documents. */
  open?: { charge?: string; copy?: boolean; documents?: boolean };
}

const ONE_ACCOUNT = [{ id: 'a1', name: 'Metalúrgica Horizonte Ltda', kind: 'company' as const, establishments: 'all' as const }];

function render(args: BillingArgs) {
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const euro = args.tenant === 'martins-castro';
  const tenant = fixtureTenant({
    ...(euro ? { slug: 'martins-castro', name: 'Martins Castro', currency: 'EUR', timeZone: 'Europe/Madrid', locale: 'es' } : {}),
    branding: { ...DEMO_BRANDING[args.tenant], colorScheme: args.colorScheme },
  });
  const session = fixtureSession({ accountId: args.accounts === 'one' ? 'a1' : null, ...(args.accounts === 'one' ? { accounts: ONE_ACCOUNT } : {}) });
  const signIn = args.signedIn ? { refresh: async () => session } : {};
  const billing = euro ? memoryBilling(eurBilling()) : {};
  provideFixtureRuntime(wrapper, { tenant }, { locale: args.locale, storage: memoryStorage(), auth: { ...signIn, ...billing, ...args.calls } });
  const element = document.createElement('portal-billing');
  // Stories never leave the page for the payment provider.
  element.navigate = (url) => console.info('portal-billing would go to', url);
  wrapper.append(element);
  if (args.open) setTimeout(() => act(element, args.open!), 400);
  return wrapper;
}

/** Plays the story's interaction: open a charge, copy its line, or switch to the documents. */
function act(element: HTMLElement, open: NonNullable<BillingArgs['open']>) {
  const root = element.shadowRoot!;
  if (open.documents) root.querySelector<HTMLButtonElement>('#tab-documents')?.click();
  if (!open.charge) return;
  const item = [...root.querySelectorAll('[part~=charge]')].find((c) => c.textContent!.includes(open.charge!));
  item?.querySelector<HTMLButtonElement>('button[aria-expanded]')?.click();
  if (!open.copy) return;
  setTimeout(() => {
    // Storybook's frame may not reach the real clipboard; the copy is read at the click, so the stand-in goes at once.
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async () => {} }, configurable: true });
    item?.querySelector<HTMLButtonElement>('[part~=copy]')?.click();
    delete (navigator as { clipboard?: unknown }).clipboard;
  }, 100);
}

/** The clinic's data with a change. */
function brl(change: (data: BillingData) => void): Calls {
  const data = brlBilling();
  change(data);
  return memoryBilling(data);
}

const meta: Meta<BillingArgs> = {
  title: 'Widgets/portal-billing',
  component: 'portal-billing',
  parameters: { docs: { description: { component: embedDocs('portal-billing') } } },
  render,
  argTypes: {
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 900, step: 10 } },
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    accounts: { control: 'inline-radio', options: ['one', 'several'] },
    calls: { table: { disable: true } },
    open: { table: { disable: true } },
  },
  args: { locale: 'pt-BR', colorScheme: 'light', width: 720, signedIn: true, tenant: 'clinica-sol', accounts: 'one' },
};
export default meta;
type Story = StoryObj<BillingArgs>;

/** B1 with an overdue charge, then the history. */
export const PendingWithOverdue: Story = {};
export const Loading: Story = { args: { calls: { billingSummary: () => new Promise(() => {}), listCharges: () => new Promise(() => {}) } } };
export const NothingPending: Story = { args: { calls: brl((data) => (data.charges = data.charges.filter((c) => c.status === 'paid' || c.status === 'cancelled'))) } };
export const ChargeOpenWithBoletoAndPix: Story = { args: { open: { charge: 'dezembro/2026' } } };
export const Copied: Story = { args: { open: { charge: 'dezembro/2026', copy: true } } };
export const OverdueChargeOpen: Story = { args: { open: { charge: 'admissionais' } } };
export const RenegotiationOpen: Story = { args: { open: { charge: 'Acordo' } } };
/** The portal has a card provider: pay by card, saved cards and the preferred method. */
export const CardAvailable: Story = {
  args: {
    open: { charge: 'dezembro/2026' },
    calls: brl((data) => {
      data.payment = { card: true, manageMethods: true, preferred: 'boleto' };
      data.charges.forEach((c) => (c.card = c.status === 'open' || c.status === 'overdue'));
    }),
  },
};
/** No card provider: no card button and no card settings (hidden, not broken). */
export const CardUnavailable: Story = { args: { open: { charge: 'dezembro/2026' } } };
export const CardRefused: Story = {
  args: {
    tenant: 'martins-castro',
    locale: 'es',
    open: { charge: 'diciembre' },
    calls: { payChargeByCard: () => Promise.reject(new ApiError('payment_provider_error', 502, '')) },
  },
};
export const LoadFailed: Story = {
  args: { calls: { billingSummary: () => Promise.reject(new ApiError('network_error', 0, '')), listCharges: () => Promise.reject(new ApiError('network_error', 0, '')) } },
};
export const EmptyHistory: Story = {
  args: { calls: { listCharges: async () => ({ items: [], next: null }), billingSummary: async () => ({ totals: [], nextDue: null, payment: { card: false, manageMethods: false, preferred: null } }) } },
};
/** A user who reaches two accounts: an account choice, and each item names its account. */
export const SeveralAccounts: Story = { args: { accounts: 'several' } };
export const EuroCardTenant: Story = { args: { tenant: 'martins-castro', locale: 'es', open: { charge: 'diciembre' } } };
export const Documents: Story = { args: { open: { documents: true } } };
export const DocumentsSeveralAccounts: Story = { args: { accounts: 'several', locale: 'en', open: { documents: true } } };
export const Phone: Story = { args: { width: 320, open: { charge: 'dezembro/2026' } } };
export const PhoneDocuments: Story = { args: { width: 320, open: { documents: true } } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
export const SignedOut: Story = { args: { signedIn: false } };
