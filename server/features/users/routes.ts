import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { selectionMagicLinks } from '../admin/schemas.ts';
import { email } from '../auth/schemas.ts';
import { userRouteDocs as doc } from './route-docs.ts';
import { disableUser, inviteUser, resendActivation, sendMagicLinks, sendPasswordReset } from './service.ts';

const userParam = z.object({ id: z.uuid() });
/**
 * G7: links to every user of an account (or of the portal), or to a selection of users. A body naming `userIds`
 * never falls through to the whole-portal form, whatever else it carries.
 */
const magicLinksInput = z.union([
  selectionMagicLinks.extend({ profileOnly: z.boolean().default(false) }),
  z.object({ accountId: z.uuid().optional(), profileOnly: z.boolean().default(false), userIds: z.never().optional() }),
]);

/** `/api/v1/users`: the business's systems invite and manage portal users (A1, A2, A7, G7). */
export function userRoutes(deps: { db: Database; clock: () => Date; wakeMail: () => void }) {
  const { db, clock } = deps;
  const writes = requireIntegration(deps, 'users:write');
  return new Hono()
    .post(
      '/invitations',
      doc.invite,
      writes,
      idempotent(deps),
      validate('json', z.object({ email, accountId: z.uuid(), establishmentIds: z.array(z.uuid()).max(200).optional(), locale: z.enum(['pt-BR', 'es', 'en']).optional() })),
      async (c) => {
        const tenant = c.get('tenant');
        const result = await db.withTenant(tenant.id, (tx) => inviteUser(tx, tenant, actorOf(c), c.req.valid('json'), clock()));
        deps.wakeMail();
        return c.json(result, 201);
      },
    )
    .post('/:id/activation-email', doc.activationEmail, writes, validate('param', userParam), async (c) => {
      const tenant = c.get('tenant');
      await db.withTenant(tenant.id, (tx) => resendActivation(tx, tenant, actorOf(c), c.req.valid('param').id, clock()));
      deps.wakeMail();
      return c.json({ status: 'sent' }, 202);
    })
    .post('/:id/password-reset', doc.passwordReset, writes, validate('param', userParam), async (c) => {
      const tenant = c.get('tenant');
      await db.withTenant(tenant.id, (tx) => sendPasswordReset(tx, tenant, actorOf(c), c.req.valid('param').id, clock()));
      deps.wakeMail();
      return c.json({ status: 'sent' }, 202);
    })
    .post('/:id/disable', doc.disable, writes, validate('param', userParam), async (c) => {
      const tenant = c.get('tenant');
      await db.withTenant(tenant.id, (tx) => disableUser(tx, actorOf(c), c.req.valid('param').id, clock()));
      return c.body(null, 204);
    })
    .post('/magic-links', doc.magicLinks, writes, validate('json', magicLinksInput), async (c) => {
      const tenant = c.get('tenant');
      const sent = await db.withTenant(tenant.id, (tx) => sendMagicLinks(tx, tenant, actorOf(c), c.req.valid('json'), clock()));
      deps.wakeMail();
      return c.json({ sent }, 202);
    });
}
