import type { AdminApi, AuditEntry, AuditPage } from '../admin-api.ts';
import { fakeAdminApi } from '../fake-admin-api.ts';
import { answerFor, daysFromNow, type DemoTenant, type FixtureState } from '../team/fixtures.ts';

/**
 * Activity of the two demo tenants, newest first, for `<admin-audit>`'s tests and stories: staff changes, a token's
 * calls, clients' requests and appointments, and an action the console has no words for.
 */
export function fixtureAudit(tenant: DemoTenant = 'clinica-sol'): AuditEntry[] {
  if (tenant === 'martins-castro') {
    return [
      entry(2104, -0.1, ['staff', 'h-1', 'helena@martinscastro.adv.br'], 'token-created', ['api_token', 'b1000000-0000-4000-8000-000000000002'], { name: 'Facturación (Holded)', scopes: ['billing:read', 'billing:write', 'accounts:read'] }),
      entry(2103, -0.5, ['integration', 'b1', 'Sincronización Legal One'], 'process-phase-changed', ['process', '5e0c2a1b-7f3d-4b9a-8c6e-1d2f3a4b5c6d'], { phase: 'sentencia' }),
      entry(2102, -1.2, ['client', 'u-9', 'lucia.gomez@ejemplo.es'], 'appointment-booked', ['appointment', '9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d'], { service: 'primera-consulta', start: daysFromNow(3) }),
      entry(2101, -2, ['staff', 'h-1', 'helena@martinscastro.adv.br'], 'staff-invited', ['staff_user', '88888888-8888-4888-8888-888888888888'], { email: 'lucia.fernandez@martinscastro.adv.br', role: 'staff' }),
    ];
  }
  return [
    entry(1210, -0.02, ['staff', '11111111', 'ana.ribeiro@clinicasol.com.br'], 'settings-changed', ['tenant', null], { portalEnabled: true, embedOrigins: ['https://www.clinicasol.com.br'] }),
    entry(1209, -0.1, ['integration', 'a1', 'Integração ERP (Tasy)'], 'account-modules-changed', ['account', '3f2a1b0c-9d8e-4f7a-8b6c-5d4e3f2a1b0c'], { billing: true, appointments: false }),
    entry(1208, -0.3, ['client', 'u-1', 'marina.souza@gmail.com'], 'request-created', ['request', '7c6b5a49-3827-4165-9f0e-d1c2b3a4f5e6'], {}),
    entry(1207, -0.4, ['staff', '22222222', 'bruno.costa@clinicasol.com.br'], 'staff-signed-in', ['staff_user', '22222222-2222-4222-8222-222222222222'], { method: 'totp' }),
    entry(1206, -1, ['client', 'u-2', 'joao.pereira@outlook.com'], 'appointment-cancelled', ['appointment', 'e1d2c3b4-a5f6-4789-8abc-def012345678'], {}),
    entry(1205, -1.5, ['system', 'payments', null], 'charge-paid', ['charge', 'c0ffee00-1234-4567-89ab-cdef01234567'], { via: 'card', amount: 25000, currency: 'BRL' }),
    entry(1204, -2, ['staff', '11111111', 'ana.ribeiro@clinicasol.com.br'], 'token-revoked', ['api_token', 'a1000000-0000-4000-8000-000000000003'], { name: 'Planilha antiga' }),
    entry(1203, -3, ['operator', null, 'operator'], 'document-withdrawn', ['document', 'd0c00000-0000-4000-8000-000000000001'], {}),
  ];
}

/** A page as the server answers: `limit` entries (from `before` when given) and the cursor to older ones. */
export function fixtureAuditPage(entries: AuditEntry[], query: { before?: number } = {}, limit = 50): AuditPage {
  const from = query.before === undefined ? entries : entries.filter((item) => item.id < query.before!);
  const items = from.slice(0, limit);
  return { items, next: from.length > limit ? items.at(-1)!.id : null };
}

function entry(id: number, daysAgo: number, [type, actorId, label]: [string, string | null, string | null], action: string, [subjectType, subjectId]: [string | null, string | null], data: Record<string, unknown>): AuditEntry {
  return { id, at: daysFromNow(daysAgo), actor: { type, id: actorId, label }, action, subject: { type: subjectType, id: subjectId }, data };
}

/** An in-memory log for stories: filters by who, action and subject type, pages of `limit`. */
export function memoryAuditApi(entries: AuditEntry[] = fixtureAudit(), options: { state?: FixtureState; limit?: number; overrides?: Partial<AdminApi> } = {}): AdminApi {
  const methods: Partial<AdminApi> = {
    listAudit: (query) =>
      answerFor(
        options.state ?? 'ready',
        () => {
          const matching = entries.filter(
            (item) =>
              (!query.actorType || item.actor.type === query.actorType) &&
              (!query.action || item.action === query.action) &&
              (!query.subjectType || item.subject.type === query.subjectType) &&
              (!query.from || item.at.slice(0, 10) >= query.from) &&
              (!query.to || item.at.slice(0, 10) <= query.to),
          );
          return fixtureAuditPage(matching, query, options.limit);
        },
        () => ({ items: [], next: null }),
      ),
  };
  return fakeAdminApi({ ...methods, ...options.overrides });
}
