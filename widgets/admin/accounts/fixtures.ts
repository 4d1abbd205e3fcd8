import {
  ApiError,
  type AccountListItem,
  type AccountSettingsOverride,
  type AdminApi,
  type AppointmentSettings,
  type ExplainedAppointmentSettings,
  type Module,
} from '../admin-api.ts';
import { fakeAdminApi } from '../fake-admin-api.ts';
import { MODULE_ORDER } from '../settings/drafts.ts';
import { clinicaSolSettings, fixtureAppointmentSettings, type RecordedCall } from '../settings/fixtures.ts';

/**
 * Fixture data for `<admin-accounts>` (stories and tests, no server): Clínica Sol's client companies and people, with
 * module and appointment exceptions, and an in-memory API that pages, searches and records its calls.
 */

const id = (n: number) => `a0000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const establishment = (n: number, name: string, taxId: string | null) => ({ id: `e0000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name, taxId });

export function clinicaSolAccounts(): AccountListItem[] {
  return [
    {
      id: id(1),
      kind: 'company',
      name: 'Construtora Horizonte Ltda',
      taxId: '12345678000190',
      email: 'rh@construtorahorizonte.com.br',
      establishments: [establishment(1, 'Matriz — Belo Horizonte', '12345678000190'), establishment(2, 'Obra Nova Lima', '12345678000270'), establishment(3, 'Filial Contagem', '12345678000351')],
      users: 5,
      pendingChanges: 2,
    },
    {
      id: id(2),
      kind: 'company',
      name: 'Padaria Pão Dourado ME',
      taxId: '23456789000101',
      email: 'contato@paodourado.com.br',
      establishments: [establishment(4, 'Loja Savassi', '23456789000101')],
      users: 1,
      pendingChanges: 0,
    },
    {
      id: id(3),
      kind: 'company',
      name: 'Transportes Rápido Sul S.A.',
      taxId: '34567890000112',
      email: null,
      establishments: [establishment(5, 'Garagem Betim', '34567890000112'), establishment(6, 'Base Sete Lagoas', null)],
      users: 12,
      pendingChanges: 0,
    },
    { id: id(4), kind: 'person', name: 'Maria Aparecida Lima', taxId: '12345678909', email: 'maria.lima@example.com', establishments: [], users: 1, pendingChanges: 1 },
    {
      id: id(5),
      kind: 'company',
      name: 'Supermercados Bom Preço Ltda',
      taxId: '45678901000123',
      email: 'dp@bompreco.com.br',
      establishments: [establishment(7, 'Loja Pampulha', '45678901000123')],
      users: 3,
      pendingChanges: 0,
    },
  ];
}

export interface AccountsData {
  accounts: AccountListItem[];
  /** The tenant's modules (its settings). */
  tenantModules: Module[];
  /** The tenant's appointment settings; null when it never saved any (defaults apply). */
  tenantAppointments: AppointmentSettings | null;
  /** Each account's module exceptions. */
  moduleExceptions: Record<string, Partial<Record<Module, boolean>>>;
  /** Each account's appointment overrides. */
  appointmentOverrides: Record<string, AccountSettingsOverride>;
}

export function clinicaSolAccountsData(): AccountsData {
  return {
    accounts: clinicaSolAccounts(),
    tenantModules: clinicaSolSettings().modules,
    tenantAppointments: fixtureAppointmentSettings(),
    // The builder books by request and has no billing in the portal (it pays by contract); it sees materials.
    moduleExceptions: { [id(1)]: { billing: false, materials: true } },
    appointmentOverrides: { [id(1)]: { bookingMode: 'request', cancellation: { allowed: true, hoursBefore: 48 } } },
  };
}

const DEFAULTS: AppointmentSettings = {
  bookingMode: 'self',
  showAppointments: true,
  cancellation: { allowed: true, hoursBefore: 24 },
  guide: true,
  horizonDays: 60,
  minNoticeMinutes: 60,
  contact: null,
};

/** What the server answers for an account's appointment settings: each value and where it comes from. */
export function explain(tenant: AppointmentSettings | null, override: AccountSettingsOverride): ExplainedAppointmentSettings {
  const keys = Object.keys(DEFAULTS) as (keyof AppointmentSettings)[];
  const effective = { ...DEFAULTS, ...tenant, ...override } as AppointmentSettings;
  const sources = Object.fromEntries(keys.map((key) => [key, key in override ? 'account' : tenant ? 'tenant' : 'default'])) as ExplainedAppointmentSettings['sources'];
  return { effective: structuredClone(effective), override: structuredClone(override), sources };
}

/** What a call answers: the data, never (loading), or an error. */
export type AccountsState = 'ready' | 'loading' | 'error';

/** The fixture's page size: small, so "Load more" shows with five accounts. */
export const FIXTURE_PAGE_SIZE = 3;

/**
 * An in-memory accounts API over `data`: `listAccounts` searches name, tax id (digits) and e-mail and pages by
 * {@link FIXTURE_PAGE_SIZE}; the exception calls keep what they are sent. `calls` lists every call.
 */
export function memoryAccountsApi(
  data: AccountsData = clinicaSolAccountsData(),
  states: Partial<Record<'list' | 'modules' | 'appointments', AccountsState>> = {},
  overrides: Partial<AdminApi> = {},
): { api: AdminApi; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const gate = <T>(part: keyof typeof states, value: () => T): Promise<T> => {
    const state = states[part] ?? 'ready';
    if (state === 'loading') return new Promise(() => {});
    if (state === 'error') return Promise.reject(new ApiError('network_error', 0, 'fixture: offline'));
    try {
      return Promise.resolve(structuredClone(value()));
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const account = (accountId: string) => {
    if (!data.accounts.some((item) => item.id === accountId)) throw new ApiError('not_found', 404, 'No such account');
    return accountId;
  };
  const effectiveModules = (accountId: string) => {
    const exceptions = data.moduleExceptions[accountId] ?? {};
    return MODULE_ORDER.filter((module) => exceptions[module] ?? data.tenantModules.includes(module));
  };
  const methods: Partial<AdminApi> = {
    listAccounts: ({ q, before }) =>
      gate('list', () => {
        const words = (q ?? '').trim().toLowerCase();
        const digits = words.replace(/\D/g, '');
        const found = data.accounts.filter(
          (item) => !words || item.name.toLowerCase().includes(words) || (item.email ?? '').includes(words) || (digits.length >= 3 && (item.taxId ?? '').includes(digits)),
        );
        const start = before ? Number(before) : 0;
        const items = found.slice(start, start + FIXTURE_PAGE_SIZE);
        return { items, next: start + FIXTURE_PAGE_SIZE < found.length ? String(start + FIXTURE_PAGE_SIZE) : null };
      }),
    getSettings: () => gate('modules', () => ({ ...clinicaSolSettings(), modules: data.tenantModules })),
    getAccountModules: (accountId) => gate('modules', () => ({ modules: effectiveModules(account(accountId)), exceptions: { ...data.moduleExceptions[accountId] } })),
    setAccountModules: async (accountId, modules) => {
      const exceptions = { ...data.moduleExceptions[account(accountId)] };
      for (const [module, on] of Object.entries(modules) as [Module, boolean | null][]) {
        if (on === null) delete exceptions[module];
        else exceptions[module] = on;
      }
      data.moduleExceptions[accountId] = exceptions;
      return { modules: effectiveModules(accountId) };
    },
    getAccountAppointmentSettings: (accountId) => gate('appointments', () => explain(data.tenantAppointments, data.appointmentOverrides[account(accountId)] ?? {})),
    setAccountAppointmentSettings: async (accountId, override) => {
      data.appointmentOverrides[account(accountId)] = structuredClone(override);
      return explain(data.tenantAppointments, override);
    },
    ...overrides,
  };
  const recorded = Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [name, (...args: unknown[]) => (calls.push({ name, args }), (method as (...a: unknown[]) => unknown)(...args))]),
  );
  return { api: fakeAdminApi(recorded as Partial<AdminApi>), calls };
}
