import type { Scope } from '../../server/features/staff/schemas.ts';

/**
 * The console's sections, in menu order: the hash that opens each (`/admin/#users`), the element that draws it, the
 * scope it needs to appear, and how to fetch its chunk.
 */
export const SECTIONS = [
  { id: 'settings', tag: 'admin-settings', scope: 'accounts:read', load: () => import('./settings/admin-settings.ts') },
  { id: 'accounts', tag: 'admin-accounts', scope: 'accounts:read', load: () => import('./accounts/admin-accounts.ts') },
  { id: 'users', tag: 'admin-users', scope: 'users:read', load: () => import('./users/admin-users.ts') },
  { id: 'inbox', tag: 'admin-inbox', scope: 'requests:read', load: () => import('./inbox/admin-inbox.ts') },
  { id: 'changes', tag: 'admin-changes', scope: 'profile:read', load: () => import('./changes/admin-changes.ts') },
  { id: 'appointments', tag: 'admin-appointments', scope: 'appointments:read', load: () => import('./appointments/admin-appointments.ts') },
  { id: 'content', tag: 'admin-content', scope: 'content:read', load: () => import('./content/admin-content.ts') },
  { id: 'processes', tag: 'admin-processes', scope: 'processes:read', load: () => import('./processes/admin-processes.ts') },
  { id: 'documents', tag: 'admin-documents', scope: 'documents:read', load: () => import('./documents/admin-documents.ts') },
  { id: 'billing', tag: 'admin-billing', scope: 'billing:read', load: () => import('./billing/admin-billing.ts') },
  { id: 'mail', tag: 'admin-mail', scope: 'mail:write', load: () => import('./mail/admin-mail.ts') },
  { id: 'team', tag: 'admin-team', scope: 'staff:write', load: () => import('./team/admin-team.ts') },
  { id: 'tokens', tag: 'admin-tokens', scope: 'tokens:write', load: () => import('./tokens/admin-tokens.ts') },
  { id: 'webhooks', tag: 'admin-webhooks', scope: 'webhooks:read', load: () => import('./webhooks/admin-webhooks.ts') },
  { id: 'audit', tag: 'admin-audit', scope: 'audit:read', load: () => import('./audit/admin-audit.ts') },
  { id: 'embed', tag: 'admin-embed', scope: 'accounts:read', load: () => import('./embed/admin-embed.ts') },
] as const satisfies readonly { id: string; tag: string; scope: Scope; load: () => Promise<unknown> }[];
export type SectionId = (typeof SECTIONS)[number]['id'];
