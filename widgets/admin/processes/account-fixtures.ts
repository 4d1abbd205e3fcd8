import type { AccountListItem, AdminApi } from '../admin-api.ts';
import type { DemoTenant } from '../team/fixtures.ts';

/**
 * A few accounts of each demo tenant, for the account pickers of `<admin-processes>`, `<admin-documents>` and
 * `<admin-billing>` in tests and stories, and {@link accountSearch}, `listAccounts` over them.
 */

const establishment = (n: number, name: string, taxId: string | null) => ({ id: `e5000000-0000-4000-8000-${String(n).padStart(12, '0')}`, name, taxId });
const account = (n: number, item: Omit<AccountListItem, 'id' | 'users' | 'pendingChanges'>): AccountListItem => ({
  id: `a5000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  users: 2,
  pendingChanges: 0,
  ...item,
});

const ACCOUNTS: Record<DemoTenant, AccountListItem[]> = {
  'clinica-sol': [
    account(1, {
      kind: 'company',
      name: 'Construtora Horizonte Ltda',
      taxId: '12345678000190',
      email: 'rh@construtorahorizonte.com.br',
      establishments: [establishment(1, 'Matriz — Belo Horizonte', '12345678000190'), establishment(2, 'Obra Nova Lima', '12345678000270')],
    }),
    account(2, { kind: 'company', name: 'Padaria Pão Dourado ME', taxId: '23456789000101', email: 'contato@paodourado.com.br', establishments: [] }),
    account(3, { kind: 'person', name: 'Maria Oliveira', taxId: '12345678909', email: 'maria.oliveira@example.com', establishments: [] }),
  ],
  'martins-castro': [
    account(11, { kind: 'person', name: 'Lucía Ortega Vidal', taxId: 'X1234567L', email: 'lucia.ortega@example.es', establishments: [] }),
    account(12, {
      kind: 'company',
      name: 'Inversiones Lumen S.L.',
      taxId: 'B12345678',
      email: 'administracion@lumen.example.es',
      establishments: [establishment(11, 'Sede — Madrid', 'B12345678'), establishment(12, 'Oficina de Valencia', null)],
    }),
    account(13, { kind: 'person', name: 'Carmen Ruiz Ortega', taxId: '12345678Z', email: 'carmen.ruiz@example.es', establishments: [] }),
  ],
};

/** The demo tenant's accounts (a fresh copy). */
export function demoAccounts(tenant: DemoTenant = 'clinica-sol'): AccountListItem[] {
  return structuredClone(ACCOUNTS[tenant]);
}

/** `listAccounts({ q })` over `accounts`: by words of the name or digits of the tax id, as the server searches. */
export function accountSearch(accounts: AccountListItem[]): AdminApi['listAccounts'] {
  return async ({ q }) => {
    const words = (q ?? '').trim().toLowerCase();
    const items = accounts.filter((item) => !words || item.name.toLowerCase().includes(words) || (item.taxId ?? '').toLowerCase().includes(words));
    return { items: structuredClone(items), next: null };
  };
}
