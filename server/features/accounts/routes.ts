import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { email } from '../auth/schemas.ts';
import { accountRouteDocs as doc } from './route-docs.ts';
import { createAccount, findAccount, upsertAccounts } from './service.ts';

const newAccount = z.object({
  kind: z.enum(['person', 'company']),
  name: z.string().trim().min(1).max(200),
  taxId: z.string().max(32).optional(),
  email: email.optional(),
  phone: z.string().regex(/^\+[1-9][0-9]{6,14}$/, 'must be in E.164 form, such as +5511999998888').optional(),
  externalId: z.string().min(1).max(100).optional(),
  establishments: z.array(z.object({ name: z.string().trim().min(1).max(200), taxId: z.string().max(32).optional() })).max(500).optional(),
});

/** A batch upsert: up to 1,000 accounts, each by the business's own id. */
export const accountBatch = z.object({ items: z.array(newAccount.extend({ externalId: z.string().trim().min(1).max(100) }).strict()).min(1).max(1000) }).strict();

/** `/api/v1/accounts`: the business's systems create (one by one, or upsert in batches) the client accounts that portal users reach. */
export function accountRoutes(deps: { db: Database; clock: () => Date }) {
  const { db } = deps;
  return new Hono()
    .post('/', doc.create, requireIntegration(deps, 'accounts:write'), idempotent(deps), validate('json', newAccount), async (c) => {
      const tenant = c.get('tenant');
      const result = await db.withTenant(tenant.id, (tx) => createAccount(tx, tenant, actorOf(c), c.req.valid('json')));
      return c.json(result, result.created ? 201 : 200);
    })
    .put('/', doc.upsert, requireIntegration(deps, 'accounts:write'), idempotent(deps), validate('json', accountBatch), async (c) => {
      const tenant = c.get('tenant');
      const results = await db.withTenant(tenant.id, (tx) => upsertAccounts(tx, tenant, actorOf(c), c.req.valid('json').items));
      return c.json({ results });
    })
    .get('/:id', doc.get, requireIntegration(deps, 'accounts:read'), validate('param', z.object({ id: z.uuid() })), async (c) => {
      const account = await db.withTenant(c.get('tenant').id, (tx) => findAccount(tx, c.req.valid('param').id));
      return c.json(account);
    });
}
