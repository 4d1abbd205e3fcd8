/**
 * What an API token may do, per module (A12) — also what a staff member with role `staff` is given. A module of its
 * own (no Node imports), so the console in the browser shares the list.
 */
export const API_SCOPES = ['accounts:read', 'accounts:write', 'requests:read', 'requests:write', 'users:read', 'users:write', 'billing:read', 'billing:write', 'processes:read', 'processes:write', 'documents:read', 'documents:write', 'appointments:read', 'appointments:write', 'profile:read', 'profile:write', 'content:read', 'content:write', 'branding:write', 'webhooks:read', 'webhooks:write', 'events:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];
