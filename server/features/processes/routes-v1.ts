import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { notifyProcessUsers } from './notify.ts';
import * as q from './queries.ts';
import { processRouteDocs as doc } from './route-docs.ts';
import { key, noticeInput, phaseChange, processBatch, settingsInput, templateInput } from './schemas.ts';
import { movePhase, upsertProcesses } from './service.ts';

const idParam = z.object({ id: z.uuid() });

/**
 * `/api/v1/processes`: the business's practice software defines phase templates, upserts cases by its own ids,
 * moves them from phase to phase and posts notices; each move and notice is e-mailed to the account's users in
 * their language, unless the business switched that off.
 */
export function integrationProcessRoutes(deps: { db: Database; clock: () => Date; wakeMail: () => void }) {
  const { db, clock } = deps;
  const reads = requireIntegration(deps, 'processes:read');
  const writes = requireIntegration(deps, 'processes:write');
  const once = idempotent(deps);
  const actor = (c: Context) => actorOf(c);
  const business: q.Viewer = { business: true };
  const load = async (tx: Tx, tenant: PortalTenant, id: string) => {
    const found = await q.findProcess(tx, business, id, tenant.locale, tenant.locale);
    if (!found) throw new AppError('not_found', 404, 'No such process');
    return found;
  };

  return new Hono()
    .get('/settings', doc.settings, reads, async (c) => c.json({ notifyClients: await db.withTenant(c.get('tenant').id, (tx) => q.notifyClients(tx)) }))
    .put('/settings', doc.putSettings, writes, validate('json', settingsInput), async (c) => {
      const { notifyClients } = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`insert into process_settings (tenant_id, notify_clients, updated_at) values (portico_current_tenant(), ${notifyClients}, ${clock()})
                 on conflict (tenant_id) do update set notify_clients = excluded.notify_clients, updated_at = excluded.updated_at`;
      });
      return c.json({ notifyClients });
    })
    .get('/templates', doc.templates, reads, async (c) =>
      c.json({ items: await db.withTenant(c.get('tenant').id, (tx) => tx`select key, name, phases from process_templates where tenant_id = portico_current_tenant() order by key`) }),
    )
    .put('/templates/:key', doc.putTemplate, writes, once, validate('param', z.object({ key })), validate('json', templateInput), async (c) => {
      const { key: templateKey } = c.req.valid('param');
      const body = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        // A phase some process is in cannot disappear from under it.
        const kept = body.phases.map((phase) => phase.key);
        const [stranded] = await tx<{ phase: string }[]>`
          select current_phase as phase from processes where tenant_id = portico_current_tenant() and template_key = ${templateKey}
             and current_phase is not null and not (current_phase = any(${kept})) limit 1`;
        if (stranded) throw new AppError('invalid_input', 400, `A process is in the phase ${stranded.phase}; keep it or move the process first`, [{ path: 'phases', message: `must keep ${stranded.phase}` }]);
        await tx`insert into process_templates (tenant_id, key, name, phases, updated_at)
                 values (portico_current_tenant(), ${templateKey}, ${tx.json(body.name)}, ${tx.json(body.phases as never)}, ${clock()})
                 on conflict (tenant_id, key) do update set name = excluded.name, phases = excluded.phases, updated_at = excluded.updated_at`;
      });
      return c.json({ key: templateKey, ...body });
    })
    .put('/', doc.upsert, writes, once, validate('json', processBatch), async (c) => {
      const tenant = c.get('tenant');
      const items = c.req.valid('json').items;
      const who = actor(c);
      const results = await db.withTenant(tenant.id, (tx) => upsertProcesses(tx, tenant, items, who, clock()));
      deps.wakeMail();
      return c.json({ results });
    })
    .get('/', doc.list, reads, validate('query', z.object({ accountId: z.uuid().optional(), externalId: z.string().max(100).optional() })), async (c) => {
      const tenant = c.get('tenant');
      const { accountId, externalId } = c.req.valid('query');
      const items = await db.withTenant(tenant.id, async (tx) => {
        const all = await q.listProcesses(tx, business, { accountId }, tenant.locale, tenant.locale);
        if (!externalId) return all;
        const [match] = await tx<{ id: string }[]>`select id from processes where external_id = ${externalId} and tenant_id = portico_current_tenant()`;
        return all.filter((item) => item.id === match?.id);
      });
      return c.json({ items });
    })
    .get('/:id', doc.get, reads, validate('param', idParam), async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => load(tx, c.get('tenant'), c.req.valid('param').id))))
    .post('/:id/phase', doc.phase, writes, once, validate('param', idParam), validate('json', phaseChange), async (c) => {
      const tenant = c.get('tenant');
      const { phase: phaseKey, note } = c.req.valid('json');
      const detail = await db.withTenant(tenant.id, async (tx) => {
        await tx`select 1 from processes where id = ${c.req.valid('param').id} and tenant_id = portico_current_tenant() for update`;
        const process = await load(tx, tenant, c.req.valid('param').id);
        const [row] = await tx<{ template_key: string }[]>`select template_key from processes where id = ${process.id}`;
        const template = await q.findTemplate(tx, row!.template_key);
        const phase = template?.phases.find((candidate) => candidate.key === phaseKey);
        if (!phase) throw new AppError('invalid_input', 400, `The process's template has no phase ${phaseKey}`, [{ path: 'phase', message: 'is not a phase of the process’s template' }]);
        await movePhase(tx, tenant, process, phase, actor(c), note ?? null, clock());
        return load(tx, tenant, process.id);
      });
      deps.wakeMail();
      return c.json(detail);
    })
    .post('/:id/notices', doc.notice, writes, once, validate('param', idParam), validate('json', noticeInput), async (c) => {
      const tenant = c.get('tenant');
      const body = c.req.valid('json');
      const who = actor(c);
      const notice = await db.withTenant(tenant.id, async (tx) => {
        const process = await load(tx, tenant, c.req.valid('param').id);
        const [row] = await tx<{ id: string }[]>`
          insert into process_notices (tenant_id, process_id, kind, title, body_markdown, actor_type, actor_id, published_at)
          values (portico_current_tenant(), ${process.id}, ${body.kind}, ${body.title}, ${body.body}, ${who.type}, ${who.id}, ${clock()}) returning id`;
        await tx`update processes set updated_at = ${clock()} where id = ${process.id}`;
        await q.audit(tx, who, 'process-notice-posted', process.id, { notice: row!.id });
        if (body.notify) await notifyProcessUsers(tx, tenant, process, { kind: 'notice', detail: () => body.title, key: `notice:${row!.id}` });
        return (await load(tx, tenant, process.id)).notices.find((candidate) => candidate.id === row!.id)!;
      });
      deps.wakeMail();
      return c.json(notice, 201);
    });
}
