/**
 * Profile fixtures for tests and stories: Ana Souza, a patient of Clínica Sol (a person: her name changes with the
 * clinic's approval, her CPF only the clinic changes, e-mail, phones and her address in Campinas/SP she keeps herself,
 * plus the clinic's custom fields "Convênio", "Data de nascimento" and "Número da carteirinha"); Metalúrgica Horizonte
 * (a company: CNPJ, "Capital social" in reais, its headcount); and Lucía Pérez at Martins Castro (Spain: NIE, euros,
 * "Número de pasaporte"). The clock stands at `PROFILE_NOW`. `profileCalls(state)` switches to each state the widget
 * shows, `profileSessionFor(state)` to the session it is opened with. Not part of the bundle.
 */
import { ApiError, type PortalApi, type SessionAnswer } from './api-client.ts';
import type { NewPrivacyRequest, Profile, ProfileField } from './profile-types.ts';

type Locale = 'pt-BR' | 'es' | 'en';
type Names = Partial<Record<Locale, string>>;

/** Tuesday 24 November 2026, 09:00 in São Paulo: the fixtures' "now". */
export const PROFILE_NOW = '2026-11-24T12:00:00Z';

/** The accounts' ids (the server's are UUIDs). */
export const PROFILE_ACCOUNTS = {
  ana: '5b1d7e40-8c2a-4f5e-9d63-2a7c0e9b4f01',
  horizonte: '5b1d7e40-8c2a-4f5e-9d63-2a7c0e9b4f02',
  lucia: '5b1d7e40-8c2a-4f5e-9d63-2a7c0e9b4f03',
} as const;

/** A field as the business defined it: custom ones carry their labels, help and choices in each locale. */
export interface FixtureField extends Omit<ProfileField, 'label' | 'help' | 'choices'> {
  labels: Names | null;
  helps: Names | null;
  choices: { key: string; labels: Names }[] | null;
}

/** Everything the fixture profile calls answer from. */
export interface ProfileData {
  profile: Omit<Profile, 'fields'> & { fields: FixtureField[] };
  /** Confirmation is asked again every this many months (null: once). */
  everyMonths: number | null;
  /** The next change is refused with 400 `invalid_input` naming these (as a server with stricter rules would). */
  rejectNextChange: { path: string; message: string }[] | null;
  /** Every change sent, as sent. */
  changes: Record<string, unknown>[];
  /** Every data-protection request sent. */
  privacyRequests: NewPrivacyRequest[];
}

const standard = (key: string, type: ProfileField['type'], mode: ProfileField['mode'], value: unknown, required = false): FixtureField => ({
  key,
  standard: true,
  labels: null,
  helps: null,
  type,
  required,
  choices: null,
  min: null,
  max: null,
  mode,
  value,
  pending: null,
});
const custom = (key: string, type: ProfileField['type'], labels: Names, rest: Partial<FixtureField> = {}): FixtureField => ({
  ...standard(key, type, 'edit', null),
  standard: false,
  labels,
  ...rest,
});

/** Ana Souza at Clínica Sol, confirmed in February (the clinic asks every 12 months). */
export function anaProfile(): ProfileData {
  return {
    profile: {
      accountId: PROFILE_ACCOUNTS.ana,
      accountKind: 'person',
      taxIdKinds: ['cpf'],
      currency: 'BRL',
      fields: [
        standard('name', 'name', 'approve', 'Ana Souza', true),
        standard('taxId', 'taxId', 'view', '52998224725'),
        standard('email', 'email', 'edit', 'ana@example.com'),
        standard('phone', 'phone', 'edit', '+551932345610'),
        standard('mobile', 'phone', 'edit', null),
        standard('address', 'address', 'edit', {
          street: 'Rua Barão de Jaguara',
          number: '1481',
          complement: 'Apto 52',
          district: 'Centro',
          city: 'Campinas',
          region: 'SP',
          postalCode: '13015-002',
          country: 'BR',
        }),
        custom('convenio', 'choice', { 'pt-BR': 'Convênio', es: 'Seguro médico', en: 'Health plan' }, {
          mode: 'approve',
          value: 'unimed',
          choices: [
            { key: 'particular', labels: { 'pt-BR': 'Particular', es: 'Privado', en: 'Private' } },
            { key: 'unimed', labels: { 'pt-BR': 'Unimed' } },
            { key: 'bradesco-saude', labels: { 'pt-BR': 'Bradesco Saúde' } },
          ],
        }),
        custom('carteirinha', 'text', { 'pt-BR': 'Número da carteirinha', es: 'Número de tarjeta sanitaria', en: 'Health plan card number' }, {
          max: 20,
          value: '0 123 456789012 3',
          helps: { 'pt-BR': 'Como está no cartão do convênio.', es: 'Como figura en la tarjeta.', en: 'As on the card.' },
        }),
        custom('nascimento', 'date', { 'pt-BR': 'Data de nascimento', es: 'Fecha de nacimiento', en: 'Date of birth' }, { min: '1900-01-01', max: '2026-11-24', value: '1988-04-17' }),
      ],
      confirmation: { required: false, confirmedAt: '2026-02-10T13:00:00.000Z', validUntil: '2027-02-10T13:00:00.000Z' },
    },
    everyMonths: 12,
    rejectNextChange: null,
    changes: [],
    privacyRequests: [],
  };
}

/** Metalúrgica Horizonte at Clínica Sol: a company, its share capital in reais. */
export function horizonteProfile(): ProfileData {
  const data = anaProfile();
  data.profile = {
    ...data.profile,
    accountId: PROFILE_ACCOUNTS.horizonte,
    accountKind: 'company',
    taxIdKinds: ['cnpj'],
    fields: [
      standard('name', 'name', 'approve', 'Metalúrgica Horizonte Ltda', true),
      standard('taxId', 'taxId', 'view', '11222333000181'),
      standard('email', 'email', 'edit', 'rh@horizonte.example'),
      standard('phone', 'phone', 'edit', '+553132345600'),
      standard('mobile', 'phone', 'edit', '+5531991234567'),
      standard('address', 'address', 'edit', { street: 'Avenida Amazonas', number: '5000', district: 'Nova Suíça', city: 'Belo Horizonte', region: 'MG', postalCode: '30421-045', country: 'BR' }),
      custom('capitalSocial', 'money', { 'pt-BR': 'Capital social', es: 'Capital social', en: 'Share capital' }, {
        min: 0,
        value: 150_000_000,
        helps: { 'pt-BR': 'Como consta no contrato social.', es: 'Como figura en los estatutos.', en: 'As in the articles of association.' },
      }),
      custom('funcionarios', 'number', { 'pt-BR': 'Número de funcionários', es: 'Número de empleados', en: 'Number of employees' }, { min: 1, max: 100_000, value: 120 }),
    ],
  };
  return data;
}

/** Lucía Pérez at Martins Castro (Madrid): never confirmed, and the firm asks once. */
export function luciaProfile(): ProfileData {
  return {
    profile: {
      accountId: PROFILE_ACCOUNTS.lucia,
      accountKind: 'person',
      taxIdKinds: ['nif', 'nie'],
      currency: 'EUR',
      fields: [
        standard('name', 'name', 'approve', 'Lucía Pérez', true),
        standard('taxId', 'taxId', 'view', 'X1234567L'),
        standard('email', 'email', 'edit', 'lucia@example.com'),
        standard('phone', 'phone', 'edit', '+34912345678'),
        standard('mobile', 'phone', 'edit', '+34612345678'),
        standard('address', 'address', 'edit', { street: 'Calle de Alcalá', number: '48', complement: '3.º B', city: 'Madrid', region: 'Madrid', postalCode: '28014', country: 'ES' }),
        custom('pasaporte', 'text', { es: 'Número de pasaporte', 'pt-BR': 'Número do passaporte', en: 'Passport number' }, { mode: 'approve', required: true, max: 20, value: 'FZ8812345' }),
        custom('nacionalidad', 'text', { es: 'Nacionalidad', 'pt-BR': 'Nacionalidade', en: 'Nationality' }, { mode: 'view', max: 60, value: 'brasileña' }),
      ],
      confirmation: { required: true, confirmedAt: null, validUntil: null },
    },
    everyMonths: null,
    rejectNextChange: null,
    changes: [],
    privacyRequests: [],
  };
}

/** The profile calls of the fixture API. */
export type ProfileCalls = Pick<PortalApi, 'getProfile' | 'updateProfile' | 'confirmProfile' | 'downloadProfileExport' | 'requestPrivacy'>;

const text = (names: Names | null, locale?: string) => (names ? (names[locale as Locale] ?? names.en ?? names['pt-BR'] ?? names.es ?? null) : null);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const invalid = (errors: { path: string; message: string }[]) => new ApiError('invalid_input', 400, 'Some values are not valid', undefined, errors);

/** What the server checks of a value (the widget checks more before sending; this is the wall behind it). */
function problemOf(field: FixtureField, value: unknown): string | undefined {
  if (value === null || value === '') return field.required ? 'is required' : undefined;
  if (field.type === 'phone' && !/^\+[1-9][0-9]{6,14}$/.test(String(value))) return 'must be an international number such as +5519932345610';
  if (field.type === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(String(value))) return 'must be an e-mail address';
  if (field.type === 'money' && !Number.isSafeInteger(value)) return 'must be a whole number of cents';
  if (field.type === 'choice' && !field.choices?.some((choice) => choice.key === value)) return 'is not one of the choices';
  return undefined;
}

/**
 * The profile calls over `data`, answering as the server does: fields in the reader's language, a change all or
 * nothing (read-only fields 403, bad values 400, fields needing approval held as pending), the confirmation dated,
 * the export as a JSON file, a data-protection request with its legal deadline (15 days in Brazil, a month in Spain).
 */
export function memoryProfile(data: ProfileData = anaProfile(), options: { now?: () => Date } = {}): ProfileCalls {
  const now = options.now ?? (() => new Date(PROFILE_NOW));
  const read = (locale?: string): Profile => ({
    ...structuredClone(data.profile),
    fields: data.profile.fields.map(({ labels, helps, choices, ...field }) => ({
      ...structuredClone(field),
      label: text(labels, locale),
      help: text(helps, locale),
      choices: choices?.map((choice) => ({ key: choice.key, label: text(choice.labels, locale) ?? choice.key })) ?? null,
    })),
  });
  const field = (key: string) => data.profile.fields.find((f) => f.key === key);

  return {
    getProfile: async (_token, query) => read(query.locale),
    updateProfile: async (_token, change, query) => {
      data.changes.push(structuredClone(change.values));
      const entries = Object.entries(change.values);
      if (!entries.length) throw invalid([{ path: 'values', message: 'must name at least one field' }]);
      const unknown = entries.filter(([key]) => !field(key)).map(([key]) => ({ path: `values.${key}`, message: 'is not a field of this profile' }));
      if (unknown.length) throw invalid(unknown);
      const locked = entries.filter(([key]) => field(key)!.mode === 'view').map(([key]) => ({ path: `values.${key}`, message: 'only the business can change this' }));
      if (locked.length) throw new ApiError('field_not_editable', 403, 'Some fields can only be changed by the business', undefined, locked);
      const errors = entries.flatMap(([key, value]) => {
        const problem = problemOf(field(key)!, value);
        return problem ? [{ path: `values.${key}`, message: problem }] : [];
      });
      if (data.rejectNextChange) errors.push(...data.rejectNextChange.splice(0));
      if (errors.length) throw invalid(errors);
      const result = { saved: [] as string[], pending: [] as string[] };
      for (const [key, value] of entries) {
        const target = field(key)!;
        if (same(target.value, value)) continue;
        if (target.mode === 'approve') {
          target.pending = { id: crypto.randomUUID(), value, requestedAt: now().toISOString(), requestId: crypto.randomUUID() };
          result.pending.push(key);
        } else {
          target.value = value;
          result.saved.push(key);
        }
      }
      return { ...result, profile: read(query.locale) };
    },
    confirmProfile: async (_token, query) => {
      const empty = data.profile.fields.filter((f) => f.required && (f.value === null || f.value === ''));
      if (empty.length) throw new ApiError('profile_incomplete', 422, 'Fill in the required fields before confirming', undefined, empty.map((f) => ({ path: `values.${f.key}`, message: 'is required' })));
      const at = now();
      const until = data.everyMonths ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + data.everyMonths, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes())) : null;
      data.profile.confirmation = { required: false, confirmedAt: at.toISOString(), validUntil: until?.toISOString() ?? null };
      return read(query.locale);
    },
    downloadProfileExport: async () => {
      const values = Object.fromEntries(data.profile.fields.map((f) => [f.key, f.value]));
      const body = JSON.stringify({ account: { id: data.profile.accountId, kind: data.profile.accountKind }, values, exportedAt: now().toISOString() }, null, 2);
      return new File([body], `my-data-${now().toISOString().slice(0, 10)}.json`, { type: 'application/json' });
    },
    requestPrivacy: async (_token, request) => {
      if (!request.details.trim()) throw invalid([{ path: 'details', message: 'must not be empty' }]);
      data.privacyRequests.push(structuredClone(request));
      const days = data.profile.currency === 'BRL' ? 15 : 30;
      return { requestId: crypto.randomUUID(), deadline: new Date(now().getTime() + days * 86_400_000).toISOString() };
    },
  };
}

/** The states the profile widget shows, each a switch of the fixture server (or of the session that opens it). */
export const PROFILE_STATES = [
  'normal',
  'loading',
  'error',
  'confirmation-required',
  'pending-change',
  'profile-only',
  'validation-errors',
  'company',
  'spanish',
] as const;
export type ProfileState = (typeof PROFILE_STATES)[number];

/**
 * The profile calls in one of the widget's states: `loading` never answers, `error` cannot reach the server,
 * `confirmation-required` is past its 12 months, `pending-change` has a new name waiting for approval,
 * `validation-errors` refuses the next change at the phone and the address's postal code, `company` is Horizonte's,
 * `spanish` Lucía's (Spain). `profile-only` is Ana's, opened from an e-mailed link (see `profileSessionFor`).
 */
export function profileCalls(state: ProfileState = 'normal', options: { now?: () => Date; data?: (data: ProfileData) => void } = {}): ProfileCalls {
  const data = state === 'company' ? horizonteProfile() : state === 'spanish' ? luciaProfile() : anaProfile();
  const ana = (key: string) => data.profile.fields.find((f) => f.key === key)!;
  switch (state) {
    case 'loading':
      return { ...memoryProfile(data, options), getProfile: () => new Promise(() => {}) };
    case 'error':
      return { ...memoryProfile(data, options), getProfile: async () => Promise.reject(new ApiError('network_error', 0, 'Failed to fetch')) };
    case 'confirmation-required':
      data.profile.confirmation = { required: true, confirmedAt: '2025-10-02T13:00:00.000Z', validUntil: '2026-10-02T13:00:00.000Z' };
      break;
    case 'pending-change':
      ana('name').pending = { id: 'pc-name', value: 'Ana Souza Lima', requestedAt: '2026-11-20T14:02:00.000Z', requestId: 'r-name' };
      break;
    case 'validation-errors':
      data.rejectNextChange = [
        { path: 'values.phone', message: 'must be an international number such as +5519932345610' },
        { path: 'values.address.postalCode', message: 'must be a postal code such as 13015-002' },
      ];
      break;
  }
  options.data?.(data);
  return memoryProfile(data, options);
}

/** The session a state is opened with: Ana's (Lucía's, Horizonte's HR user's) full one, or Ana's profile-only link. */
export function profileSessionFor(state: ProfileState = 'normal'): SessionAnswer {
  const [id, name, kind, email] =
    state === 'company'
      ? [PROFILE_ACCOUNTS.horizonte, 'Metalúrgica Horizonte Ltda', 'company' as const, 'rh@horizonte.example']
      : state === 'spanish'
        ? [PROFILE_ACCOUNTS.lucia, 'Lucía Pérez', 'person' as const, 'lucia@example.com']
        : [PROFILE_ACCOUNTS.ana, 'Ana Souza', 'person' as const, 'ana@example.com'];
  return {
    accessToken: state === 'profile-only' ? 'fixture.profile.token' : 'fixture.access.token',
    tokenType: 'Bearer',
    expiresIn: 300,
    scope: state === 'profile-only' ? 'profile' : 'full',
    user: { id: `u-${email}`, email, locale: null },
    accounts: [{ id, name, kind, establishments: 'all' }],
    accountId: id,
  };
}
