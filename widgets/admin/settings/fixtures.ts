import { ApiError, type AdminApi, type AppointmentSettings, type BillingSettings, type DocumentSettings, type StaffMe, type TenantSettings } from '../admin-api.ts';
import { fakeAdminApi } from '../fake-admin-api.ts';

/**
 * Fixture data for `<admin-settings>` (stories and tests, no server): the two demo tenants' settings, their module
 * options, staff members with different permissions, and an in-memory API that records its calls.
 */

export function clinicaSolSettings(): TenantSettings {
  return {
    slug: 'clinica-sol',
    name: 'Clínica Sol',
    portalEnabled: true,
    defaultLocale: 'pt-BR',
    timeZone: 'America/Sao_Paulo',
    portalUrl: 'https://portal.clinicasol.com.br',
    embedOrigins: ['https://www.clinicasol.com.br', 'https://clinicasol.com.br'],
    branding: {
      logoUrl: '/demo/clinica-sol/logo.svg',
      primaryColor: '#c2410c',
      accentColor: '#b45309',
      radius: 14,
      fontFamily: "Seravek, 'Gill Sans Nova', Ubuntu, Calibri, 'DejaVu Sans', sans-serif",
      colorScheme: 'light',
    },
    modules: ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile', 'news'],
    embedScriptUrl: 'https://portal.clinicasol.com.br/embed.js',
  };
}

export function martinsCastroSettings(): TenantSettings {
  return {
    slug: 'martins-castro',
    name: 'Martins Castro Advogados',
    portalEnabled: true,
    defaultLocale: 'es',
    timeZone: 'Europe/Madrid',
    portalUrl: 'https://clientes.martinscastro.es',
    embedOrigins: ['https://www.martinscastro.es'],
    branding: {
      logoUrl: '/demo/martins-castro/logo.svg',
      primaryColor: '#0b4f6c',
      accentColor: '#8a6d3b',
      radius: 2,
      fontFamily: "'Iowan Old Style', 'Palatino Linotype', Palatino, Georgia, serif",
      colorScheme: 'light',
    },
    modules: ['billing', 'processes', 'documents', 'requests', 'profile', 'news', 'materials'],
    embedScriptUrl: 'https://clientes.martinscastro.es/embed.js',
  };
}

/** Clínica Sol books exams: clients book themselves, cancel up to 24 h before, and get the guide. */
export function fixtureAppointmentSettings(change: Partial<AppointmentSettings> = {}): AppointmentSettings {
  return {
    bookingMode: 'self',
    showAppointments: true,
    cancellation: { allowed: true, hoursBefore: 24 },
    guide: true,
    horizonDays: 60,
    minNoticeMinutes: 120,
    contact: '(31) 3333-4455 · agenda@clinicasol.com.br',
    ...change,
  };
}

export function fixtureBillingSettings(change: Partial<BillingSettings> = {}): BillingSettings {
  return { pixKey: '12.345.678/0001-90', pixMerchantName: 'CLINICA SOL LTDA', pixMerchantCity: 'BELO HORIZONTE', showPendingReports: false, ...change };
}

export function fixtureDocumentSettings(change: Partial<DocumentSettings> = {}): DocumentSettings {
  return { esocialIncludeRectified: false, esocialSinceMonths: 12, ...change };
}

const READ_SCOPES = ['accounts:read', 'requests:read', 'users:read', 'billing:read', 'processes:read', 'documents:read', 'appointments:read', 'profile:read', 'content:read'] as const;
const WRITE_SCOPES = ['accounts:write', 'requests:write', 'users:write', 'billing:write', 'processes:write', 'documents:write', 'appointments:write', 'profile:write', 'content:write', 'branding:write'] as const;

/** A signed-in staff member of Clínica Sol: an owner (everything), read-only, or staff with the scopes given. */
export function fixtureStaffMe(role: StaffMe['role'] = 'owner', scopes?: StaffMe['scopes']): StaffMe {
  const byRole: Record<StaffMe['role'], StaffMe['scopes']> = {
    owner: [...READ_SCOPES, ...WRITE_SCOPES, 'tokens:write', 'staff:write', 'audit:read'],
    admin: [...READ_SCOPES, ...WRITE_SCOPES, 'tokens:write', 'staff:write', 'audit:read'],
    'read-only': [...READ_SCOPES, 'audit:read'],
    staff: ['accounts:read'],
  };
  return {
    id: '7f1e2d3c-0000-4000-8000-000000000001',
    email: 'ana.souza@clinicasol.com.br',
    name: 'Ana Souza',
    role,
    scopes: scopes ?? byRole[role],
    tenant: { id: '0d6c1a52-0000-4000-8000-000000000010', slug: 'clinica-sol', name: 'Clínica Sol', locale: 'pt-BR', timeZone: 'America/Sao_Paulo', currency: 'BRL' },
  };
}

/** What a settings call answers: the data, never (loading), or an error. */
export type FixtureState = 'ready' | 'loading' | 'error';

export interface SettingsData {
  settings: TenantSettings;
  appointments: AppointmentSettings;
  billing: BillingSettings;
  documents: DocumentSettings;
}

export function clinicaSolData(): SettingsData {
  return { settings: clinicaSolSettings(), appointments: fixtureAppointmentSettings(), billing: fixtureBillingSettings(), documents: fixtureDocumentSettings() };
}

/** Martins Castro takes appointment requests (lawyers confirm), has no PIX (a Spanish firm) and no eSocial. */
export function martinsCastroData(): SettingsData {
  return {
    settings: martinsCastroSettings(),
    appointments: fixtureAppointmentSettings({ bookingMode: 'request', guide: false, horizonDays: 30, minNoticeMinutes: 1440, contact: '+34 91 555 01 23 · citas@martinscastro.es' }),
    billing: { pixKey: null, pixMerchantName: null, pixMerchantCity: null, showPendingReports: true },
    documents: fixtureDocumentSettings({ esocialSinceMonths: null }),
  };
}

/** A call the fixture API received. */
export interface RecordedCall {
  name: string;
  args: unknown[];
}

/**
 * An in-memory settings API over `data`: each load answers per `states` (default: ready), each save keeps what it is
 * sent and answers as the server would. `calls` lists every call with its arguments.
 */
export function memorySettingsApi(
  data: SettingsData = clinicaSolData(),
  states: Partial<Record<'settings' | 'appointments' | 'billing' | 'documents', FixtureState>> = {},
  overrides: Partial<AdminApi> = {},
): { api: AdminApi; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const answer = <T>(part: keyof typeof states, value: () => T): Promise<T> => {
    const state = states[part] ?? 'ready';
    if (state === 'loading') return new Promise(() => {});
    if (state === 'error') return Promise.reject(new ApiError('network_error', 0, 'fixture: offline'));
    return Promise.resolve(structuredClone(value()));
  };
  const methods: Partial<AdminApi> = {
    getSettings: () => answer('settings', () => data.settings),
    getAppointmentSettings: () => answer('appointments', () => data.appointments),
    getBillingSettings: () => answer('billing', () => data.billing),
    getDocumentSettings: () => answer('documents', () => data.documents),
    updateSettings: async (patch) => {
      const { branding, ...rest } = patch;
      data.settings = { ...data.settings, ...rest, branding: { ...data.settings.branding, ...branding } };
      return structuredClone(data.settings);
    },
    uploadLogo: async () => {
      // The demo's own logo stands in for the uploaded one (served by Storybook and the test runner alike).
      const logoUrl = `/demo/${data.settings.slug}/logo.svg`;
      data.settings.branding.logoUrl = logoUrl;
      return { logoUrl, type: 'image/svg+xml', size: 2048 };
    },
    saveAppointmentSettings: async (settings) => structuredClone((data.appointments = structuredClone(settings))),
    saveBillingSettings: async (settings) => void (data.billing = structuredClone(settings)),
    saveDocumentSettings: async (settings) => void (data.documents = structuredClone(settings)),
    ...overrides,
  };
  const recorded = Object.fromEntries(
    Object.entries(methods).map(([name, method]) => [name, (...args: unknown[]) => (calls.push({ name, args }), (method as (...a: unknown[]) => unknown)(...args))]),
  );
  return { api: fakeAdminApi(recorded as Partial<AdminApi>), calls };
}
