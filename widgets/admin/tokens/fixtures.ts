import { ApiError, type AdminApi, type ApiTokenItem, type CreatedApiToken } from '../admin-api.ts';
import { fakeAdminApi } from '../fake-admin-api.ts';
import { answerFor, daysFromNow, type DemoTenant, type FixtureState } from '../team/fixtures.ts';

/** API tokens of the two demo tenants, for `<admin-tokens>`' tests and stories: one of each status. */
export function fixtureTokens(tenant: DemoTenant = 'clinica-sol'): ApiTokenItem[] {
  if (tenant === 'martins-castro') {
    return [
      token('b1000000-0000-4000-8000-000000000001', 'Sincronización Legal One', 'ptk_martins-castro_Qm3x', ['processes:read', 'processes:write', 'documents:read', 'documents:write'], -40, 325, -0.05),
      token('b1000000-0000-4000-8000-000000000002', 'Facturación (Holded)', 'ptk_martins-castro_8dPz', ['billing:read', 'billing:write', 'accounts:read'], -10, 80, null),
    ];
  }
  return [
    token('a1000000-0000-4000-8000-000000000001', 'Integração ERP (Tasy)', 'ptk_clinica-sol_Xa9f', ['accounts:read', 'accounts:write', 'billing:read', 'billing:write', 'users:write'], -60, 305, -0.02),
    token('a1000000-0000-4000-8000-000000000002', 'Site — agendamentos', 'ptk_clinica-sol_k2Lm', ['appointments:read', 'appointments:write'], -3, 87, null),
    { ...token('a1000000-0000-4000-8000-000000000003', 'Planilha antiga', 'ptk_clinica-sol_9pQr', ['accounts:read'], -200, 165, -31), revokedAt: daysFromNow(-30) },
    token('a1000000-0000-4000-8000-000000000004', 'Teste do BI', 'ptk_clinica-sol_Tz0e', ['billing:read', 'requests:read'], -120, -30, -35),
  ];
}

function token(id: string, name: string, prefix: string, scopes: ApiTokenItem['scopes'], createdDaysAgo: number, expiresDaysFromNow: number, lastUsedDaysAgo: number | null): ApiTokenItem {
  return {
    id,
    name,
    prefix,
    scopes,
    createdAt: daysFromNow(createdDaysAgo),
    expiresAt: daysFromNow(expiresDaysFromNow),
    lastUsedAt: lastUsedDaysAgo === null ? null : daysFromNow(lastUsedDaysAgo),
    revokedAt: null,
  };
}

/** What `createToken` answers: the token itself, this once. */
export function fixtureCreatedToken(input: { name: string; scopes: ApiTokenItem['scopes']; expiresInDays: number }, tenant: DemoTenant = 'clinica-sol'): CreatedApiToken {
  const secret = 'R7vYq2kLw9TzXc4NbH6mJp1sDf8GaE3uKo5iZ0tBnVx';
  return {
    id: 'a1000000-0000-4000-8000-0000000000ff',
    name: input.name,
    prefix: `ptk_${tenant}_${secret.slice(0, 4)}`,
    scopes: input.scopes,
    createdAt: new Date().toISOString(),
    expiresAt: daysFromNow(input.expiresInDays),
    lastUsedAt: null,
    revokedAt: null,
    token: `ptk_${tenant}_${secret}`,
  };
}

/** In-memory tokens for stories: a new token joins the list, a revoked one is marked. `overrides` answer differently. */
export function memoryTokensApi(tokens: ApiTokenItem[] = fixtureTokens(), options: { tenant?: DemoTenant; state?: FixtureState; overrides?: Partial<AdminApi> } = {}): AdminApi {
  const methods: Partial<AdminApi> = {
    listTokens: () => answerFor(options.state ?? 'ready', () => ({ items: structuredClone(tokens) }), () => ({ items: [] })),
    async createToken(input) {
      const created = fixtureCreatedToken(input, options.tenant);
      const { token: _secret, ...item } = created;
      tokens.unshift(item);
      return created;
    },
    async revokeToken(id) {
      const token = tokens.find((other) => other.id === id);
      if (!token) throw new ApiError('not_found', 404, 'no such token');
      token.revokedAt = new Date().toISOString();
    },
  };
  return fakeAdminApi({ ...methods, ...options.overrides });
}
