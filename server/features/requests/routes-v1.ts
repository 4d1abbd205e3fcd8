import { Hono } from 'hono';
import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import type { Storage } from '../../storage/storage.ts';
import { sendAttachment } from './attachments.ts';
import { notifyAuthor } from './notify.ts';
import * as q from './queries.ts';
import { requestRouteDocs as doc } from './route-docs.ts';
import { assignBody, CATEGORIES, categoryBody, listQuery, staffReplyBody, statusBody } from './schemas.ts';

const idParam = z.object({ id: z.uuid() });

/** `/api/v1/requests`: the business's inbox (G8) — for its systems now, for the staff console later. */
export function integrationRequestRoutes(deps: { db: Database; clock: () => Date; wakeMail: () => void; storage: Storage }) {
  const { db, clock } = deps;
  const reads = requireIntegration(deps, 'requests:read');
  const writes = requireIntegration(deps, 'requests:write');
  const once = idempotent(deps);
  const load = async (tx: Parameters<Parameters<Database['withTenant']>[1]>[0], id: string) => {
    const request = await q.findRequest(tx, id, undefined, { lock: true });
    if (!request) throw new AppError('not_found', 404, 'No such request');
    return request;
  };
  return new Hono()
    .get('/categories', doc.categories, reads, async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => q.enabledCategories(tx, { all: true }))))
    .put('/categories/:key', doc.putCategory, writes, validate('param', z.object({ key: z.enum(CATEGORIES) })), validate('json', categoryBody), async (c) => {
      const { key } = c.req.valid('param');
      const { enabled, labels } = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`insert into request_categories (tenant_id, key, enabled, labels) values (portico_current_tenant(), ${key}, ${enabled}, ${tx.json(labels)})
                 on conflict (tenant_id, key) do update set enabled = excluded.enabled, labels = excluded.labels`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
                 values (portico_current_tenant(), ${actorOf(c).type}, ${actorOf(c).id}, 'request-category-set', 'request_category', ${key})`;
      });
      return c.json({ key, enabled, labels });
    })
    .get('/', doc.list, reads, validate('query', listQuery), async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => q.listRequests(tx, c.req.valid('query')))))
    .get('/:id', doc.get, reads, validate('param', idParam), async (c) => {
      const { authorId: _author, ...detail } = await db.withTenant(c.get('tenant').id, (tx) => load(tx, c.req.valid('param').id));
      return c.json(detail);
    })
    .get('/:id/attachments/:attachmentId', doc.attachment, reads, validate('param', idParam.extend({ attachmentId: z.uuid() })), async (c) => {
      const { id, attachmentId } = c.req.valid('param');
      return sendAttachment(c, deps, async (tx) => (await q.findRequest(tx, id)) ?? Promise.reject(new AppError('not_found', 404, 'No such request')), attachmentId);
    })
    .post('/:id/replies', doc.reply, writes, once, validate('param', idParam), validate('json', staffReplyBody), async (c) => {
      const { id } = c.req.valid('param');
      const { body, authorName } = c.req.valid('json');
      const tenant = c.get('tenant');
      const actor = actorOf(c);
      const now = clock();
      await db.withTenant(tenant.id, async (tx) => {
        const request = await load(tx, id);
        await q.insertMessage(tx, { requestId: id, author: actor.type, authorId: actor.id, authorName: authorName ?? null, body }, now);
        await q.setStatus(tx, id, 'answered', now);
        await q.audit(tx, actor, 'request-answered', id);
        await notifyAuthor(tx, tenant, request, { kind: 'reply', status: 'answered', key: `reply:${now.getTime()}` });
      });
      deps.wakeMail();
      return c.json({ status: 'answered' }, 201);
    })
    .post('/:id/status', doc.status, writes, validate('param', idParam), validate('json', statusBody), async (c) => {
      const { id } = c.req.valid('param');
      const { status } = c.req.valid('json');
      const tenant = c.get('tenant');
      const now = clock();
      await db.withTenant(tenant.id, async (tx) => {
        const request = await load(tx, id);
        if (request.status === status) return;
        await q.setStatus(tx, id, status, now);
        await q.audit(tx, actorOf(c), `request-${status}`, id);
        await notifyAuthor(tx, tenant, request, { kind: 'status', status, key: `status:${status}:${now.getTime()}` });
      });
      deps.wakeMail();
      return c.json({ status });
    })
    .post('/:id/assignee', doc.assignee, writes, validate('param', idParam), validate('json', assignBody), async (c) => {
      const { id } = c.req.valid('param');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await load(tx, id);
        await q.setAssignee(tx, id, c.req.valid('json').assignee, clock());
        await q.audit(tx, actorOf(c), 'request-assigned', id);
      });
      return c.json({ assignee: c.req.valid('json').assignee });
    });
}
