import { Hono } from 'hono';
import { z } from 'zod';
import { createApiToken, revokeApiToken } from '../../auth/api-tokens.ts';
import type { Database, Tx } from '../../db/database.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf, requireRecentPassword } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { adminRouteDocs as doc } from './route-docs.ts';
import { newTokenInput, type ApiTokenItem, type CreatedApiToken } from './schemas.ts';

const DAY_MS = 86_400_000;

type TokenRow = Omit<ApiTokenItem, 'createdAt' | 'expiresAt' | 'lastUsedAt' | 'revokedAt'> & {
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

/** The tokens (or one of them) as the console lists them: never the token, never its hash. */
async function tokenItems(tx: Tx, id?: string): Promise<ApiTokenItem[]> {
  const rows = await tx<TokenRow[]>`
    select id, name, token_prefix as prefix, scopes, created_at as "createdAt", expires_at as "expiresAt",
           last_used_at as "lastUsedAt", revoked_at as "revokedAt"
      from api_tokens
     where tenant_id = portico_current_tenant() ${id ? tx`and id = ${id}` : tx``}
     order by created_at desc, id desc
     limit 500`;
  const iso = (date: Date | null) => date && new Date(date).toISOString();
  return rows.map((row) => ({ ...row, createdAt: iso(row.createdAt)!, expiresAt: iso(row.expiresAt), lastUsedAt: iso(row.lastUsedAt), revokedAt: iso(row.revokedAt) }));
}

/**
 * `/api/v1/tokens` (A12, staff only): the API tokens of the portal — listed, created with scopes and an expiry (the
 * token shown this once; staff confirm their password first), and revoked.
 */
export function tokenRoutes(deps: { db: Database; clock: () => Date }) {
  const { db, clock } = deps;
  const manage = requireIntegration(deps, 'tokens:write');
  return new Hono()
    .get('/', doc.tokens, manage, async (c) => c.json({ items: await db.withTenant(c.get('tenant').id, (tx) => tokenItems(tx)) }))
    .post('/', doc.createToken, manage, requireRecentPassword(), validate('json', newTokenInput), async (c) => {
      const { name, scopes, expiresInDays } = c.req.valid('json');
      const tenant = c.get('tenant');
      const actor = actorOf(c);
      const created = await db.withTenant(tenant.id, async (tx) => {
        const { id, token } = await createApiToken(tx, tenant.slug, { name, scopes, expiresAt: new Date(clock().getTime() + expiresInDays * DAY_MS) });
        // The audit entry says what was made, never the token.
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
                 values (portico_current_tenant(), ${actor.type}, ${actor.id}, 'token-created', 'api_token', ${id}, ${tx.json({ name, scopes })})`;
        const [item] = await tokenItems(tx, id);
        return { ...item!, token } satisfies CreatedApiToken;
      });
      return c.json(created, 201);
    })
    .delete('/:id', doc.revokeToken, manage, validate('param', z.object({ id: z.uuid() })), async (c) => {
      const { id } = c.req.valid('param');
      const actor = actorOf(c);
      await db.withTenant(c.get('tenant').id, async (tx) => {
        if (!(await revokeApiToken(tx, id, clock()))) throw new AppError('not_found', 404, 'No such token, or it was already revoked');
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
                 values (portico_current_tenant(), ${actor.type}, ${actor.id}, 'token-revoked', 'api_token', ${id})`;
      });
      return c.body(null, 204);
    });
}
