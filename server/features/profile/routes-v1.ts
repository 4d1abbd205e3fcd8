import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { fieldDefinitions, profileSettings } from './fields.ts';
import { loadAccount, readProfile } from './queries.ts';
import { integrationProfileRouteDocs as doc } from './route-docs.ts';
import { approveInput, changeInput, customFieldInput, fieldKey, refuseInput, settingsInput, STANDARD_FIELDS, type ProfileChange } from './schemas.ts';
import { applyChanges, decideChange, type Actor } from './service.ts';

const idParam = z.object({ id: z.uuid() });
const accountParam = z.object({ accountId: z.uuid() });
const feedQuery = z.object({ since: z.string().regex(/^\d{1,18}$/, 'is not a feed position').optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });

/**
 * `/api/v1/profile`: the business sets what clients may do with each field and whether they must confirm their
 * data, defines custom fields, reads and writes an account's registration data, approves or refuses the changes
 * clients proposed, and follows every change through a feed (`?since=` the last position it saw).
 */
export function integrationProfileRoutes(deps: { db: Database; clock: () => Date; wakeMail: () => void }) {
  const { db, clock } = deps;
  const reads = requireIntegration(deps, 'profile:read');
  const writes = requireIntegration(deps, 'profile:write');
  const actor = (c: Context): Actor => actorOf(c);
  const account = async (tx: Tx, id: string) => {
    const found = await loadAccount(tx, id);
    if (!found) throw new AppError('not_found', 404, 'No such account');
    return found;
  };

  return new Hono()
    .get('/settings', doc.getSettings, reads, async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => profileSettings(tx))))
    .put('/settings', doc.putSettings, writes, validate('json', settingsInput), async (c) => {
      const settings = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        const known = new Set((await fieldDefinitions(tx)).map((field) => field.key));
        const unknown = Object.keys(settings.modes).filter((key) => !known.has(key));
        if (unknown.length) throw new AppError('invalid_input', 400, 'Modes name fields that do not exist', unknown.map((key) => ({ path: `modes.${key}`, message: 'is not a field' })));
        await tx`insert into profile_settings (tenant_id, modes, confirmation, every_months, updated_at)
                 values (portico_current_tenant(), ${tx.json(settings.modes)}, ${settings.confirmation}, ${settings.everyMonths}, ${clock()})
                 on conflict (tenant_id) do update set modes = excluded.modes, confirmation = excluded.confirmation, every_months = excluded.every_months, updated_at = excluded.updated_at`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, data) values (portico_current_tenant(), ${actor(c).type}, ${actor(c).id}, 'profile-settings-changed', 'tenant', ${tx.json(settings as never)})`;
      });
      return c.json(settings);
    })
    .get('/fields', doc.fields, reads, async (c) => c.json({ items: await db.withTenant(c.get('tenant').id, (tx) => fieldDefinitions(tx)) }))
    .put('/fields/:key', doc.putField, writes, validate('param', z.object({ key: fieldKey })), validate('json', customFieldInput), async (c) => {
      const { key } = c.req.valid('param');
      if ((STANDARD_FIELDS as readonly string[]).includes(key)) throw new AppError('invalid_input', 400, 'That key is a standard field', [{ path: 'key', message: 'is taken by a standard field' }]);
      const field = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`
          insert into profile_fields (tenant_id, key, labels, type, required, choices, min, max, help, position, account_kind, active, updated_at)
          values (portico_current_tenant(), ${key}, ${tx.json(field.labels)}, ${field.type}, ${field.required}, ${field.choices ? tx.json(field.choices) : null},
                  ${field.min === undefined ? null : tx.json(field.min)}, ${field.max === undefined ? null : tx.json(field.max)}, ${field.help ? tx.json(field.help) : null},
                  ${field.position}, ${field.accountKind}, ${field.active}, ${clock()})
          on conflict (tenant_id, key) do update set labels = excluded.labels, type = excluded.type, required = excluded.required, choices = excluded.choices,
            min = excluded.min, max = excluded.max, help = excluded.help, position = excluded.position, account_kind = excluded.account_kind,
            active = excluded.active, updated_at = excluded.updated_at`;
      });
      return c.json({ key, ...field });
    })
    .get('/accounts/:accountId', doc.getAccount, reads, validate('param', accountParam), async (c) =>
      c.json(await db.withTenant(c.get('tenant').id, async (tx) => readProfile(tx, await account(tx, c.req.valid('param').accountId), c.get('tenant').locale, clock()))),
    )
    .patch('/accounts/:accountId', doc.patchAccount, writes, validate('param', accountParam), validate('json', changeInput), async (c) => {
      const tenant = c.get('tenant');
      const result = await db.withTenant(tenant.id, async (tx) => {
        const found = await account(tx, c.req.valid('param').accountId);
        const outcome = await applyChanges(tx, { tenant, account: found, values: c.req.valid('json').values, actor: actor(c), now: clock() });
        return { ...outcome, profile: await readProfile(tx, (await loadAccount(tx, found.id))!, tenant.locale, clock()) };
      });
      return c.json(result);
    })
    .get('/changes', doc.changes, reads, validate('query', z.object({ status: z.enum(['pending', 'approved', 'refused', 'superseded']).default('pending') })), async (c) =>
      c.json({
        items: await db.withTenant(
          c.get('tenant').id,
          (tx) => tx`
            select p.id, p.account_id as "accountId", a.name as "accountName", p.request_id as "requestId", p.field_key as field, p.before, p.after, p.status,
                   p.requested_at as "requestedAt", p.decided_at as "decidedAt", p.reason
              from profile_changes p join accounts a on a.id = p.account_id
             where p.tenant_id = portico_current_tenant() and p.status = ${c.req.valid('query').status}
             order by p.requested_at limit 500`,
        ),
      }),
    )
    .post('/changes/:id/approve', doc.approve, writes, validate('param', idParam), validate('json', approveInput), async (c) => {
      const tenant = c.get('tenant');
      const result = await db.withTenant(tenant.id, (tx) =>
        decideChange(tx, { tenant, id: c.req.valid('param').id, approve: true, message: c.req.valid('json').message, actor: actor(c), now: clock(), account: (id) => account(tx, id) }),
      );
      deps.wakeMail();
      return c.json(result);
    })
    .post('/changes/:id/refuse', doc.refuse, writes, validate('param', idParam), validate('json', refuseInput), async (c) => {
      const tenant = c.get('tenant');
      const result = await db.withTenant(tenant.id, (tx) =>
        decideChange(tx, { tenant, id: c.req.valid('param').id, approve: false, message: c.req.valid('json').reason, actor: actor(c), now: clock(), account: (id) => account(tx, id) }),
      );
      deps.wakeMail();
      return c.json(result);
    })
    .get('/feed', doc.feed, reads, validate('query', feedQuery), async (c) => {
      const { since, limit } = c.req.valid('query');
      const rows = await db.withTenant(
        c.get('tenant').id,
        (tx) => tx<{ seq: string; accountId: string; data: { field: string; before: unknown; after: unknown; via: 'direct' | 'approval' }; actorType: ProfileChange['actor']['type']; actorId: string | null; at: Date }[]>`
          select id::text as seq, subject_id as "accountId", data, actor_type as "actorType", actor_id as "actorId", created_at as at from audit_log
           where tenant_id = portico_current_tenant() and action = 'profile-changed' and id > ${since ?? '0'}::bigint
           order by id limit ${limit}`,
      );
      const items: ProfileChange[] = rows.map((row) => ({
        seq: row.seq,
        accountId: row.accountId,
        field: row.data.field,
        before: row.data.before,
        after: row.data.after,
        actor: { type: row.actorType, id: row.actorId },
        via: row.data.via,
        at: new Date(row.at).toISOString(),
      }));
      return c.json({ items, next: items.at(-1)?.seq ?? since ?? '0' });
    });
}
