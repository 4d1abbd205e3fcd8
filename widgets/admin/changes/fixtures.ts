import { ApiError, type AdminApi } from '../admin-api.ts';
import { daysFromNow, type DemoTenant } from '../team/fixtures.ts';
import type { AccountName, ChangeStatus, FieldDefinition, ProposedChange } from './changes-client.ts';

/**
 * Registration changes of the two demo tenants for `<admin-changes>`' tests and stories, and {@link changesRouter},
 * an in-memory `/api/v1/profile` (changes, fields, decisions) and `/api/v1/accounts/{id}` answering `AdminApi.request`.
 */

const standard = (key: string, type: FieldDefinition['type'], mode: FieldDefinition['mode']): FieldDefinition => ({
  key,
  standard: true,
  type,
  labels: null,
  help: null,
  required: key === 'name',
  choices: null,
  min: null,
  max: null,
  mode,
});
const custom = (key: string, type: FieldDefinition['type'], labels: FieldDefinition['labels'], choices: FieldDefinition['choices'] = null): FieldDefinition => ({
  key,
  standard: false,
  type,
  labels,
  help: null,
  required: false,
  choices,
  min: null,
  max: null,
  mode: 'approve',
});

const STANDARD: FieldDefinition[] = [
  standard('name', 'name', 'approve'),
  standard('taxId', 'taxId', 'view'),
  standard('email', 'email', 'edit'),
  standard('phone', 'phone', 'approve'),
  standard('mobile', 'phone', 'approve'),
  standard('address', 'address', 'approve'),
];

const FIELDS: Record<DemoTenant, FieldDefinition[]> = {
  'clinica-sol': [
    ...STANDARD,
    custom('healthPlan', 'choice', { 'pt-BR': 'Convênio', en: 'Health plan', es: 'Seguro médico' }, [
      { key: 'particular', labels: { 'pt-BR': 'Particular', en: 'Private (no plan)', es: 'Privado' } },
      { key: 'unimed', labels: { 'pt-BR': 'Unimed', en: 'Unimed', es: 'Unimed' } },
      { key: 'bradescoSaude', labels: { 'pt-BR': 'Bradesco Saúde', en: 'Bradesco Saúde', es: 'Bradesco Saúde' } },
    ]),
    custom('shareCapital', 'money', { 'pt-BR': 'Capital social', en: 'Share capital', es: 'Capital social' }),
    custom('birthDate', 'date', { 'pt-BR': 'Data de nascimento', en: 'Date of birth', es: 'Fecha de nacimiento' }),
  ],
  'martins-castro': [...STANDARD, custom('cnae', 'text', { es: 'Actividad (CNAE)', en: 'Activity code (CNAE)' })],
};

const ACCOUNTS: Record<DemoTenant, AccountName[]> = {
  'clinica-sol': [
    { id: 'd1000000-0000-4000-8000-000000000001', name: 'Maria Oliveira' },
    { id: 'd1000000-0000-4000-8000-000000000002', name: 'Construtora Horizonte Ltda' },
    { id: 'd1000000-0000-4000-8000-000000000003', name: 'João Pereira' },
  ],
  'martins-castro': [
    { id: 'e1000000-0000-4000-8000-000000000001', name: 'Inversiones Lumen S.L.' },
    { id: 'e1000000-0000-4000-8000-000000000002', name: 'Carmen Ruiz Ortega' },
  ],
};

function change(tenant: DemoTenant, account: number, field: string, before: unknown, after: unknown, daysAgo: number, decided?: { status: Exclude<ChangeStatus, 'pending'>; daysAgo: number; reason?: string }): ProposedChange {
  return {
    id: '',
    accountId: ACCOUNTS[tenant][account]!.id,
    requestId: null,
    field,
    before,
    after,
    status: decided?.status ?? 'pending',
    requestedAt: daysFromNow(-daysAgo),
    decidedAt: decided ? daysFromNow(-decided.daysAgo) : null,
    reason: decided?.reason ?? null,
  };
}

function clinicaSolChanges(): ProposedChange[] {
  const horizonte = { street: 'Avenida Norte-Sul', number: '1500', complement: 'Sala 12', district: 'Cambuí', city: 'Campinas', region: 'SP', postalCode: '13025-320', country: 'BR' };
  return [
    { ...change('clinica-sol', 0, 'name', 'Maria Oliveira', 'Maria Oliveira Santos', 0.05), requestId: 'f1000000-0000-4000-8000-000000000001' },
    change('clinica-sol', 1, 'address', horizonte, { ...horizonte, street: 'Rua Barão de Jaguara', number: '910', complement: '4º andar', district: 'Centro', postalCode: '13015-002' }, 1.2),
    change('clinica-sol', 1, 'phone', '+551932345610', '+551933224400', 1.2),
    change('clinica-sol', 1, 'shareCapital', 50_000_000, 80_000_000, 1.2),
    change('clinica-sol', 2, 'healthPlan', 'particular', 'unimed', 3),
    change('clinica-sol', 2, 'mobile', null, '+5519991234567', 3),
    change('clinica-sol', 2, 'email', 'joao.pereira@example.com', 'joao.p@example.com', 30, { status: 'approved', daysAgo: 29, reason: 'Tudo certo, João. Atualizamos seu e-mail.' }),
    change('clinica-sol', 0, 'birthDate', '1988-04-12', '1989-04-12', 20, { status: 'refused', daysAgo: 19, reason: 'A data de nascimento precisa bater com o documento de identidade. Envie uma cópia pelo portal.' }),
    change('clinica-sol', 0, 'name', 'Maria Oliveira', 'Maria O. Santos', 2, { status: 'superseded', daysAgo: 0.05 }),
  ];
}

function martinsCastroChanges(): ProposedChange[] {
  return [
    change('martins-castro', 0, 'address', { street: 'Calle de Colón', number: '18', city: 'Valencia', postalCode: '46004', country: 'ES' }, { street: 'Gran Vía Marqués del Turia', number: '49', complement: '3º B', city: 'Valencia', region: 'Valencia', postalCode: '46005', country: 'ES' }, 0.3),
    change('martins-castro', 1, 'mobile', '+34612345678', '+34687654321', 2),
  ];
}

/** A tenant's changes (every status), oldest first. */
export function fixtureChanges(tenant: DemoTenant = 'clinica-sol'): ProposedChange[] {
  const changes = tenant === 'clinica-sol' ? clinicaSolChanges() : martinsCastroChanges();
  return changes.map((item, index) => ({ ...item, id: `c${tenant === 'clinica-sol' ? 1 : 2}000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}` }));
}

/** A tenant's fields: the standard ones, and its own (Clínica Sol: health plan, share capital, date of birth). */
export function fixtureFields(tenant: DemoTenant = 'clinica-sol'): FieldDefinition[] {
  return structuredClone(FIELDS[tenant]);
}

/** What the in-memory profile API holds; tests and stories change it to set a scene. */
export interface ChangesData {
  changes: ProposedChange[];
  fields: FieldDefinition[];
  accounts: AccountName[];
}

export function changesData(tenant: DemoTenant = 'clinica-sol'): ChangesData {
  return { changes: fixtureChanges(tenant), fields: fixtureFields(tenant), accounts: ACCOUNTS[tenant].map((account) => ({ ...account })) };
}

/** `AdminApi.request` over {@link ChangesData}, as the server answers: a decided change is a 409 `proposal_answered`. */
export function changesRouter(data: ChangesData, now: () => Date = () => new Date()): AdminApi['request'] {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const url = new URL(path, 'http://portico.test');
    const parts = url.pathname.split('/').slice(3);
    if (method === 'GET' && parts[0] === 'accounts' && parts[1]) {
      const account = data.accounts.find((candidate) => candidate.id === parts[1]);
      if (!account) throw new ApiError('not_found', 404, 'No such account');
      return { ...account, kind: 'person', taxId: null, email: null, phone: null, externalId: null, establishments: [] } as T;
    }
    if (method === 'GET' && parts.join('/') === 'profile/fields') return { items: structuredClone(data.fields) } as T;
    if (method === 'GET' && parts.join('/') === 'profile/changes') {
      const status = url.searchParams.get('status') ?? 'pending';
      return { items: structuredClone(data.changes.filter((item) => item.status === status)) } as T;
    }
    if (method === 'POST' && parts[0] === 'profile' && parts[1] === 'changes' && (parts[3] === 'approve' || parts[3] === 'refuse')) {
      const item = data.changes.find((candidate) => candidate.id === parts[2]);
      if (!item) throw new ApiError('not_found', 404, 'No such change');
      if (item.status !== 'pending') throw new ApiError('proposal_answered', 409, `The change was already ${item.status}`);
      const input = (body ?? {}) as { message?: string; reason?: string };
      Object.assign(item, { status: parts[3] === 'approve' ? 'approved' : 'refused', decidedAt: now().toISOString(), reason: input.message ?? input.reason ?? null });
      return { id: item.id, status: item.status } as T;
    }
    throw new ApiError('not_found', 404, `No fixture for ${method} ${path}`);
  };
}
