import { ApiError, type AdminApi, type ApiScope, type StaffMe, type StaffMember, type StaffRole } from '../admin-api.ts';
import { fakeAdminApi } from '../fake-admin-api.ts';
import type { Scope } from '../../../server/features/staff/schemas.ts';
import { SCOPES } from '../tokens/scope-picker.ts';

/**
 * Staff of the two demo tenants, for `<admin-team>`'s tests and stories, and the signed-in staff member (`me`) the
 * other console sections are shown to.
 */

export type DemoTenant = 'clinica-sol' | 'martins-castro';

const TENANTS: Record<DemoTenant, StaffMe['tenant']> = {
  'clinica-sol': { id: '0a5b9c1e-4e0f-4d55-8f6b-2c1d0e3f4a51', slug: 'clinica-sol', name: 'Clínica Sol', locale: 'pt-BR', timeZone: 'America/Sao_Paulo', currency: 'BRL' },
  'martins-castro': { id: '7d2e4f60-1b3a-4c8d-9e0f-5a6b7c8d9e02', slug: 'martins-castro', name: 'Martins Castro Advogados', locale: 'es', timeZone: 'Europe/Madrid', currency: 'EUR' },
};

const DAY_MS = 86_400_000;
/** An instant `days` from now (negative: in the past), so "expired" and "last used" stay true whenever this runs. */
export const daysFromNow = (days: number, now = Date.now()) => new Date(now + days * DAY_MS).toISOString();

/** The scopes a role grants, as `scopesOf` on the server (which the browser cannot import). */
export function fixtureScopes(role: StaffRole, permissions: readonly ApiScope[] = []): Scope[] {
  if (role === 'owner' || role === 'admin') return [...SCOPES, 'tokens:write', 'staff:write', 'audit:read'];
  if (role === 'read-only') return [...SCOPES.filter((scope) => scope.endsWith(':read')), 'audit:read'];
  return [...permissions];
}

/** Who is signed in: Clínica Sol's owner unless told otherwise. */
export function fixtureMe(overrides: Partial<StaffMe> = {}, tenant: DemoTenant = 'clinica-sol'): StaffMe {
  const member = STAFF[tenant][0]!;
  const role = overrides.role ?? member.role;
  return {
    id: member.id,
    email: member.email,
    name: member.name,
    role,
    scopes: fixtureScopes(role, member.permissions),
    tenant: TENANTS[tenant],
    ...overrides,
  };
}

/** One staff member, for a test's own list. */
export function fixtureStaffMember(overrides: Partial<StaffMember> = {}): StaffMember {
  return {
    id: 'c3f1a2b4-0000-4000-8000-000000000001',
    email: 'pessoa@clinicasol.com.br',
    name: 'Pessoa de Teste',
    role: 'staff',
    permissions: ['requests:read'],
    status: 'active',
    secondFactor: true,
    lastSignInAt: daysFromNow(-1),
    createdAt: daysFromNow(-30),
    ...overrides,
  };
}

const STAFF: Record<DemoTenant, StaffMember[]> = {
  'clinica-sol': [
    staff('11111111-1111-4111-8111-111111111111', 'Ana Ribeiro', 'ana.ribeiro@clinicasol.com.br', 'owner', [], 'active', true, -0.1),
    staff('22222222-2222-4222-8222-222222222222', 'Bruno Costa', 'bruno.costa@clinicasol.com.br', 'admin', [], 'active', true, -2),
    staff('33333333-3333-4333-8333-333333333333', 'Carla Mendes', 'recepcao@clinicasol.com.br', 'staff', ['accounts:read', 'requests:read', 'requests:write', 'appointments:read', 'appointments:write'], 'active', true, -1),
    staff('44444444-4444-4444-8444-444444444444', 'Diego Alves', 'diego.alves@clinicasol.com.br', 'read-only', [], 'pending', false, null),
    staff('55555555-5555-4555-8555-555555555555', 'Elisa Prado', 'financeiro@clinicasol.com.br', 'staff', ['billing:read', 'billing:write'], 'disabled', true, -90),
  ],
  'martins-castro': [
    staff('66666666-6666-4666-8666-666666666666', 'Helena Martins', 'helena@martinscastro.adv.br', 'owner', [], 'active', true, -0.2),
    staff('77777777-7777-4777-8777-777777777777', 'Rafael Castro', 'rafael@martinscastro.adv.br', 'owner', [], 'active', true, -5),
    staff('88888888-8888-4888-8888-888888888888', 'Lucía Fernández', 'lucia.fernandez@martinscastro.adv.br', 'staff', ['processes:read', 'processes:write', 'documents:read', 'documents:write'], 'active', false, -3),
    staff('99999999-9999-4999-8999-999999999999', 'Jorge Salas', 'jorge.salas@martinscastro.adv.br', 'read-only', [], 'active', true, -12),
  ],
};

function staff(id: string, name: string, email: string, role: StaffRole, permissions: ApiScope[], status: StaffMember['status'], secondFactor: boolean, signedInDaysAgo: number | null): StaffMember {
  return { id, name, email, role, permissions, status, secondFactor, lastSignInAt: signedInDaysAgo === null ? null : daysFromNow(signedInDaysAgo), createdAt: daysFromNow(-200) };
}

/** A fresh copy of a tenant's team. */
export function fixtureStaff(tenant: DemoTenant = 'clinica-sol'): StaffMember[] {
  return STAFF[tenant].map((member) => ({ ...member, permissions: [...member.permissions] }));
}

/** What a fixture API's list call answers: the data, never (loading), nothing, or a network error. */
export const FIXTURE_STATES = ['ready', 'loading', 'empty', 'error'] as const;
export type FixtureState = (typeof FIXTURE_STATES)[number];

/** The list call's answer for a state: `ready` gives `value()`. */
export async function answerFor<T>(state: FixtureState, value: () => T, empty: () => T): Promise<T> {
  if (state === 'loading') return new Promise<T>(() => {});
  if (state === 'error') throw new ApiError('network_error', 0, 'offline');
  return state === 'empty' ? empty() : value();
}

/** An in-memory team for stories: invitations join the list, changes apply. `overrides` answer differently. */
export function memoryTeamApi(members: StaffMember[] = fixtureStaff(), options: { state?: FixtureState; overrides?: Partial<AdminApi> } = {}): AdminApi {
  const state = options.state ?? 'ready';
  const methods: Partial<AdminApi> = {
    listStaff: () => answerFor(state, () => ({ items: structuredClone(members) }), () => ({ items: members.slice(0, 1) })),
    async inviteStaff(input) {
      const member = fixtureStaffMember({ ...input, id: crypto.randomUUID(), status: 'pending', secondFactor: false, lastSignInAt: null, createdAt: new Date().toISOString() });
      members.push(member);
      return member;
    },
    async changeStaff(id, change) {
      const member = members.find((other) => other.id === id);
      if (!member) throw new ApiError('not_found', 404, 'no such staff member');
      Object.assign(member, change, change.role && change.role !== 'staff' ? { permissions: [] } : {});
      return structuredClone(member);
    },
  };
  return fakeAdminApi({ ...methods, ...options.overrides });
}
