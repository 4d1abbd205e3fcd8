import { Hono } from 'hono';
import { isIP } from 'node:net';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { isPublicAddress } from './dispatcher.ts';
import * as q from './queries.ts';
import { deliveryQuery, endpointInput, endpointPatch, feedQuery, WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES } from './schemas.ts';
import { newWebhookSecret } from './signature.ts';
import { webhookRouteDocs as doc } from './route-docs.ts';

const idParam = z.object({ id: z.uuid() });

export interface WebhookRouteDeps {
  db: Database;
  clock: () => Date;
  /** Starts a delivery round now (after a ping or a redelivery was committed). */
  wakeWebhooks: () => void;
  /** Loopback and private addresses and plain http allowed (development, tests). */
  allowPrivateAddresses: boolean;
}

/** `/api/v1/webhooks`: the business registers the addresses its systems hear events at, and sees every delivery. */
export function webhookRoutes(deps: WebhookRouteDeps) {
  const { db } = deps;
  const reads = requireIntegration(deps, 'webhooks:read');
  const writes = requireIntegration(deps, 'webhooks:write');
  const once = idempotent(deps);
  const load = async (tx: Tx, id: string) => {
    const found = await q.findEndpoint(tx, id);
    if (!found) throw new AppError('not_found', 404, 'No such webhook endpoint');
    return found;
  };
  const audit = (tx: Tx, c: Parameters<typeof actorOf>[0], action: string, id: string, data: object = {}) => {
    const who = actorOf(c);
    return tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
              values (portico_current_tenant(), ${who.type}, ${who.id}, ${action}, 'webhook_endpoint', ${id}, ${tx.json(data as never)})`;
  };
  const allowed = (url: string) => {
    if (deps.allowPrivateAddresses) return;
    const target = new URL(url);
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (target.protocol !== 'https:' || target.username || target.password || host === 'localhost' || host.endsWith('.localhost') || (isIP(host) && !isPublicAddress(host))) {
      throw new AppError('webhook_url_not_allowed', 400, 'A webhook address must be https:// on a public host, without a user name or password', [{ path: 'url', message: 'is not allowed' }]);
    }
  };

  return new Hono()
    .get('/event-types', doc.eventTypes, reads, (c) => c.json({ items: WEBHOOK_EVENT_TYPES.map((type) => ({ type, description: WEBHOOK_EVENTS[type] })) }))
    .get('/', doc.list, reads, async (c) => c.json({ items: await db.withTenant(c.get('tenant').id, (tx) => q.listEndpoints(tx)) }))
    .post('/', doc.create, writes, once, validate('json', endpointInput), async (c) => {
      const body = c.req.valid('json');
      allowed(body.url);
      const created = await db.withTenant(c.get('tenant').id, async (tx) => {
        const [row] = await tx<{ id: string }[]>`
          insert into webhook_endpoints (tenant_id, url, description, events, secret, enabled, created_at, updated_at)
          values (portico_current_tenant(), ${body.url}, ${body.description}, ${body.events}, ${newWebhookSecret()}, ${body.enabled}, ${deps.clock()}, ${deps.clock()})
          returning id`;
        await audit(tx, c, 'webhook-created', row!.id, { url: body.url, events: body.events });
        return load(tx, row!.id);
      });
      return c.json(created, 201);
    })
    .post('/deliveries/:id/redeliver', doc.redeliver, writes, validate('param', idParam), async (c) => {
      const delivery = await db.withTenant(c.get('tenant').id, async (tx) => {
        const [first] = await tx<{ endpoint_id: string; event_id: string }[]>`
          select endpoint_id, event_id from webhook_deliveries where id = ${c.req.valid('param').id} and tenant_id = portico_current_tenant()`;
        if (!first) throw new AppError('not_found', 404, 'No such delivery');
        const [row] = await tx<{ id: string }[]>`
          insert into webhook_deliveries (tenant_id, endpoint_id, event_id) values (portico_current_tenant(), ${first.endpoint_id}, ${first.event_id}) returning id`;
        await audit(tx, c, 'webhook-redelivered', first.endpoint_id, { delivery: row!.id, of: c.req.valid('param').id });
        return (await q.findDelivery(tx, row!.id))!;
      });
      deps.wakeWebhooks();
      return c.json(delivery, 202);
    })
    .get('/:id', doc.get, reads, validate('param', idParam), async (c) => {
      const { secret: _secret, ...endpoint } = await db.withTenant(c.get('tenant').id, (tx) => load(tx, c.req.valid('param').id));
      return c.json(endpoint);
    })
    .patch('/:id', doc.update, writes, validate('param', idParam), validate('json', endpointPatch), async (c) => {
      const patch = c.req.valid('json');
      if (patch.url) allowed(patch.url);
      const { secret: _secret, ...endpoint } = await db.withTenant(c.get('tenant').id, async (tx) => {
        const before = await load(tx, c.req.valid('param').id);
        await tx`update webhook_endpoints set url = ${patch.url ?? before.url}, events = ${patch.events ?? before.events},
                   description = ${patch.description ?? before.description}, enabled = ${patch.enabled ?? before.enabled}, updated_at = ${deps.clock()}
                 where id = ${before.id}`;
        await audit(tx, c, 'webhook-changed', before.id, patch);
        return load(tx, before.id);
      });
      return c.json(endpoint);
    })
    .delete('/:id', doc.remove, writes, validate('param', idParam), async (c) => {
      await db.withTenant(c.get('tenant').id, async (tx) => {
        const endpoint = await load(tx, c.req.valid('param').id);
        await tx`delete from webhook_endpoints where id = ${endpoint.id}`;
        await audit(tx, c, 'webhook-deleted', endpoint.id, { url: endpoint.url });
      });
      return c.body(null, 204);
    })
    .post('/:id/rotate-secret', doc.rotate, writes, validate('param', idParam), async (c) => {
      const endpoint = await db.withTenant(c.get('tenant').id, async (tx) => {
        const before = await load(tx, c.req.valid('param').id);
        await tx`update webhook_endpoints set secret = ${newWebhookSecret()}, updated_at = ${deps.clock()} where id = ${before.id}`;
        await audit(tx, c, 'webhook-secret-rotated', before.id);
        return load(tx, before.id);
      });
      return c.json(endpoint);
    })
    .post('/:id/ping', doc.ping, writes, validate('param', idParam), async (c) => {
      const delivery = await db.withTenant(c.get('tenant').id, async (tx) => {
        // Held until the delivery is written: an endpoint deleted at the same moment is a 404, not a broken reference.
        const [held] = await tx`select 1 from webhook_endpoints where id = ${c.req.valid('param').id} and tenant_id = portico_current_tenant() for key share`;
        if (!held) throw new AppError('not_found', 404, 'No such webhook endpoint');
        const endpoint = await load(tx, c.req.valid('param').id);
        const [event] = await tx<{ id: string }[]>`
          insert into events (tenant_id, type, data) values (portico_current_tenant(), 'ping',
            ${tx.json({ subject: { type: 'webhook_endpoint', id: endpoint.id }, actor: actorOf(c), details: { message: 'A test event sent from Portico' } } as never)})
          returning id`;
        const [row] = await tx<{ id: string }[]>`
          insert into webhook_deliveries (tenant_id, endpoint_id, event_id) values (portico_current_tenant(), ${endpoint.id}, ${event!.id}) returning id`;
        return (await q.findDelivery(tx, row!.id))!;
      });
      deps.wakeWebhooks();
      return c.json(delivery, 202);
    })
    .get('/:id/deliveries', doc.deliveries, reads, validate('param', idParam), validate('query', deliveryQuery), async (c) => {
      const page = await db.withTenant(c.get('tenant').id, async (tx) => {
        const endpoint = await load(tx, c.req.valid('param').id);
        return q.listDeliveries(tx, endpoint.id, c.req.valid('query'));
      });
      return c.json(page);
    });
}

/** `/api/v1/events`: the same events as a feed, for systems that prefer to poll. */
export function eventFeedRoutes(deps: { db: Database; clock: () => Date }) {
  return new Hono().get('/', doc.feed, requireIntegration(deps, 'events:read'), validate('query', feedQuery), async (c) => {
    const { since, limit, types } = c.req.valid('query');
    const position = since ? q.decodeFeedCursor(since) : undefined;
    if (since && !position) throw new AppError('invalid_input', 400, 'The since cursor is not one this feed gave', [{ path: 'since', message: 'is not a cursor of this feed' }]);
    const wanted = types?.split(',').map((type) => type.trim()).filter(Boolean);
    const page = await deps.db.withTenant(c.get('tenant').id, (tx) => q.feedPage(tx, position, limit, wanted));
    return c.json(page);
  });
}
