import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { DEMO_BRANDING } from '../demo/tenants.ts';
import '../widgets/admin/webhooks/admin-webhooks.ts';
import type { AdminWebhooks } from '../widgets/admin/webhooks/admin-webhooks.ts';
import { ApiError, type AdminApi } from '../widgets/admin/admin-api.ts';
import { fakeAdminApi } from '../widgets/admin/fake-admin-api.ts';
import { ENDPOINT_IDS, fixtureWebhooksMe, webhooksRequest, type WebhooksAccess } from '../widgets/admin/webhooks/fixtures.ts';
import { FIXTURE_STATES, type DemoTenant, type FixtureState } from '../widgets/admin/team/fixtures.ts';
import type { Locale } from '../widgets/core/i18n.ts';
import { applyTheme } from '../widgets/core/theme.ts';

interface WebhooksArgs {
  tenant: DemoTenant;
  locale: Locale;
  colorScheme: 'light' | 'dark';
  width: number;
  access: WebhooksAccess;
  /** What the endpoint list answers: the data, never (loading), nothing, or a network error. */
  state: FixtureState;
  /** What the delivery logs answer. */
  logState: FixtureState;
  /** Creating an endpoint answers this problem instead (not a control). */
  createProblem?: ApiError;
  /** Once rendered, what the staff member does (not a control). */
  steps?: (el: AdminWebhooks) => Promise<void>;
}

function render(args: WebhooksArgs) {
  applyTheme({ ...DEMO_BRANDING[args.tenant], colorScheme: args.colorScheme });
  const wrapper = document.createElement('div');
  wrapper.style.maxWidth = `${args.width}px`;
  const fixture = webhooksRequest({ tenant: args.tenant, state: args.state, logState: args.logState });
  const problem = args.createProblem;
  const request = ((method, path, body) =>
    problem && method === 'POST' && path === '/api/v1/webhooks' ? Promise.reject(problem) : fixture(method, path, body)) as AdminApi['request'];
  // Set as properties: Lit would take the fake API (a Proxy answering every name) for a directive.
  const element = Object.assign(document.createElement('admin-webhooks'), { api: fakeAdminApi({ request }), me: fixtureWebhooksMe(args.access, args.tenant), locale: args.locale });
  wrapper.append(element);
  if (args.steps) setTimeout(() => void args.steps!(element), 300);
  return wrapper;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 200));
const inRoot = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const clickIn = async (el: Element, selector: string) => {
  inRoot(el, selector).click();
  await pause();
};
const erp = `[data-id="${ENDPOINT_IDS.erp}"]`;

async function openForm(el: AdminWebhooks) {
  await clickIn(el, '[part~=new]');
}

async function fillForm(el: AdminWebhooks) {
  await openForm(el);
  const url = inRoot<HTMLInputElement>(el, '#webhook-url');
  url.value = 'https://financeiro.clinicasol.com.br/hooks/portico';
  url.dispatchEvent(new Event('input'));
  for (const type of ['charge.paid', 'payment_method.changed']) inRoot<HTMLInputElement>(el, `input[value="${type}"]`).click();
  await pause();
}

async function create(el: AdminWebhooks) {
  await fillForm(el);
  await clickIn(el, '[part~=save]');
}

async function openLog(el: AdminWebhooks) {
  await clickIn(el, `${erp} [part~=log-toggle]`);
}

const meta: Meta<WebhooksArgs> = {
  title: 'Console/admin-webhooks',
  component: 'admin-webhooks',
  render,
  argTypes: {
    tenant: { control: 'inline-radio', options: ['clinica-sol', 'martins-castro'] },
    locale: { control: 'inline-radio', options: ['pt-BR', 'es', 'en'] },
    colorScheme: { control: 'inline-radio', options: ['light', 'dark'] },
    width: { control: { type: 'range', min: 320, max: 1100, step: 10 } },
    access: { control: 'inline-radio', options: ['owner', 'read-only', 'no-access'] },
    state: { control: 'inline-radio', options: FIXTURE_STATES },
    logState: { control: 'inline-radio', options: FIXTURE_STATES },
    createProblem: { table: { disable: true } },
    steps: { table: { disable: true } },
  },
  args: { tenant: 'clinica-sol', locale: 'pt-BR', colorScheme: 'light', width: 900, access: 'owner', state: 'ready', logState: 'ready' },
};
export default meta;
type Story = StoryObj<WebhooksArgs>;

/** Clínica Sol's endpoints: a busy ERP, a failing Zapier hook, a disabled one subscribed to everything. */
export const List: Story = {};
export const Loading: Story = { args: { state: 'loading' } };
/** No endpoints: what webhooks are, and a link to the API reference. */
export const Empty: Story = { args: { state: 'empty' } };
export const LoadFailed: Story = { args: { state: 'error' } };
/** The new-endpoint form: address, description, events by area with what each means. */
export const NewEndpoint: Story = { args: { steps: openForm } };
/** Sent empty: what is missing, on its field. */
export const NewEndpointIncomplete: Story = {
  args: {
    steps: async (el) => {
      await openForm(el);
      await clickIn(el, '[part~=save]');
    },
  },
};
/** The server refused the address (a private host): the reason at the URL field. */
export const AddressNotAllowed: Story = {
  args: { createProblem: new ApiError('webhook_url_not_allowed', 400, 'not allowed', undefined, [{ path: 'url', message: 'is not allowed' }]), steps: create },
};
/** Created: the signing secret shown once, with Copy and how to check a delivery. */
export const SecretShown: Story = { args: { steps: create } };
/** "Rotate the secret?" asked on an endpoint. */
export const ConfirmRotate: Story = { args: { steps: (el) => clickIn(el, `${erp} [part~=rotate]`) } };
/** Rotated: the new secret shown once. */
export const SecretRotated: Story = {
  args: {
    steps: async (el) => {
      await clickIn(el, `${erp} [part~=rotate]`);
      await clickIn(el, `${erp} [part~=confirm-rotate]`);
    },
  },
};
export const ConfirmDelete: Story = { args: { steps: (el) => clickIn(el, `${erp} [part~=delete]`) } };
/** Editing an endpoint in place. */
export const Edit: Story = { args: { steps: (el) => clickIn(el, `${erp} [part~=edit]`) } };
/** The ERP's delivery log: waiting, delivered, failed deliveries and a test event. */
export const DeliveryLog: Story = { args: { steps: openLog } };
/** Every delivery's tries opened: when, the status code or why it failed, how long. */
export const DeliveryTries: Story = {
  args: {
    steps: async (el) => {
      await openLog(el);
      await pause();
      inRoot(el, `${erp} admin-webhook-deliveries`).shadowRoot!.querySelectorAll('details').forEach((details) => (details.open = true));
    },
  },
};
/** Delivered again: a new waiting delivery at the top, announced. */
export const Redelivered: Story = {
  args: {
    steps: async (el) => {
      await openLog(el);
      await pause();
      inRoot(el, `${erp} admin-webhook-deliveries`).shadowRoot!.querySelector<HTMLElement>('[part~=delivery][data-status=failed] [part~=redeliver]')!.click();
    },
  },
};
/** A test event sent: the log opens with it waiting at the top. */
export const TestEventSent: Story = { args: { steps: (el) => clickIn(el, `${erp} [part~=ping]`) } };
export const DeliveryLogLoading: Story = { args: { logState: 'loading', steps: openLog } };
export const DeliveryLogFailed: Story = { args: { logState: 'error', steps: openLog } };
/** A read-only member: the endpoints and their logs, no buttons that change anything. */
export const ReadOnly: Story = { args: { access: 'read-only', steps: openLog } };
/** A member without webhooks: the section says so and asks the server nothing. */
export const NoAccess: Story = { args: { access: 'no-access' } };
/** Martins Castro Advogados, in Spanish. */
export const Spanish: Story = { args: { tenant: 'martins-castro', locale: 'es' } };
export const Phone: Story = { args: { width: 320 } };
export const PhoneDeliveryLog: Story = { args: { width: 320, steps: openLog } };
export const PhoneSecret: Story = { args: { width: 320, steps: create } };
export const EnglishDark: Story = { args: { locale: 'en', colorScheme: 'dark' } };
