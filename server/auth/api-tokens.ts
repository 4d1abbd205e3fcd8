import { randomBytes } from 'node:crypto';
import type { Tx } from '../db/database.ts';
import { sha256 } from './secrets.ts';

import type { ApiScope } from './scopes.ts';

export { API_SCOPES, type ApiScope } from './scopes.ts';

/**
 * Creates an API token (SECURITY.md 6): 256 random bits behind a recognisable prefix that names the tenant, so the
 * server knows where to look it up; only its SHA-256 is stored. The token is returned once and never again, and it
 * always expires (SECURITY.md 6).
 */
export async function createApiToken(tx: Tx, tenantSlug: string, input: { name: string; scopes: ApiScope[]; expiresAt: Date }): Promise<{ id: string; token: string }> {
  const secret = randomBytes(32).toString('base64url');
  const token = `ptk_${tenantSlug}_${secret}`;
  // What a listing may show to tell tokens apart: the tenant and 4 of the 43 random characters.
  const prefix = `ptk_${tenantSlug}_${secret.slice(0, 4)}`;
  const [row] = await tx<{ id: string }[]>`
    insert into api_tokens (tenant_id, name, token_prefix, token_hash, scopes, expires_at)
    values (portico_current_tenant(), ${input.name}, ${prefix}, ${sha256(token)}, ${input.scopes}, ${input.expiresAt})
    returning id`;
  return { id: row!.id, token };
}

/** The tenant slug a token claims, or undefined for something that is not a Portico API token. */
export function apiTokenTenant(token: string): string | undefined {
  return /^ptk_([a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?)_[\w-]{43}$/.exec(token)?.[1];
}

/** A live token's id and scopes, recording its use; undefined when unknown, expired or revoked. */
export async function useApiToken(tx: Tx, token: string, now: Date): Promise<{ id: string; scopes: ApiScope[] } | undefined> {
  const [row] = await tx<{ id: string; scopes: ApiScope[] }[]>`
    update api_tokens set last_used_at = ${now}
     where token_hash = ${sha256(token)} and revoked_at is null and (expires_at is null or expires_at > ${now})
    returning id, scopes`;
  return row;
}

export async function revokeApiToken(tx: Tx, id: string, now: Date): Promise<boolean> {
  const rows = await tx`update api_tokens set revoked_at = ${now} where id = ${id} and revoked_at is null returning id`;
  return rows.length === 1;
}
