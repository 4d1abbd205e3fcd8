import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { validate } from '../../http/validate.ts';
import { adminRouteDocs as doc } from './route-docs.ts';
import { auditQuery, type AuditEntry, type AuditPage } from './schemas.ts';

/** actor_id is text: only a well-formed uuid is cast, so an operator's or system's own id never fails the query. */
const UUID_PATTERN = '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$';

type AuditRow = Omit<AuditEntry, 'id' | 'at' | 'actor' | 'subject'> & {
  id: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  subjectLabel: string | null;
  subjectType: string | null;
  subjectId: string | null;
};

/**
 * `/api/v1/audit` (A13, staff only): who changed what and when, newest first, filtered by actor, action, subject and
 * days (whole days in the tenant's time zone). Each entry names its actor (a staff member's or a portal user's
 * e-mail, an API token's name) and, where it can, its subject (an e-mail, an account's name, a request's subject).
 */
export function auditRoutes(deps: { db: Database; clock: () => Date }) {
  const { db } = deps;
  return new Hono().get('/', doc.audit, requireIntegration(deps, 'audit:read'), validate('query', auditQuery), async (c) => {
    const query = c.req.valid('query');
    const zone = c.get('tenant').timeZone;
    const rows = await db.withTenant(c.get('tenant').id, (tx) => {
      const actorUuid = tx`case when l.actor_id ~ ${UUID_PATTERN} then l.actor_id::uuid end`;
      const subjectUuid = tx`case when l.subject_id ~ ${UUID_PATTERN} then l.subject_id::uuid end`;
      return tx<AuditRow[]>`
        select l.id::text as id, l.created_at as at, l.actor_type as "actorType", l.actor_id as "actorId", l.action,
               l.subject_type as "subjectType", l.subject_id as "subjectId", l.data,
               case l.actor_type
                 when 'staff' then (select s.email from staff_users s where s.id = ${actorUuid})
                 when 'client' then (select u.email from portal_users u where u.id = ${actorUuid})
                 when 'integration' then (select t.name from api_tokens t where t.id = ${actorUuid})
               end as "actorLabel",
               case l.subject_type
                 when 'staff_user' then (select s.email from staff_users s where s.id = ${subjectUuid})
                 when 'portal_user' then (select u.email from portal_users u where u.id = ${subjectUuid})
                 when 'account' then (select a.name from accounts a where a.id = ${subjectUuid})
                 when 'request' then (select r.subject from requests r where r.id = ${subjectUuid})
                 when 'api_token' then (select t.name from api_tokens t where t.id = ${subjectUuid})
               end as "subjectLabel"
          from audit_log l
         where l.tenant_id = portico_current_tenant()
           ${query.actorType ? tx`and l.actor_type = ${query.actorType}` : tx``}
           ${query.action ? tx`and l.action = ${query.action}` : tx``}
           ${query.subjectType ? tx`and l.subject_type = ${query.subjectType}` : tx``}
           ${query.subjectId ? tx`and l.subject_id = ${query.subjectId}` : tx``}
           ${query.from ? tx`and l.created_at >= (${query.from}::date)::timestamp at time zone ${zone}` : tx``}
           ${query.to ? tx`and l.created_at < (${query.to}::date + 1)::timestamp at time zone ${zone}` : tx``}
           ${query.before ? tx`and l.id < ${query.before}` : tx``}
         order by l.id desc
         limit ${query.limit + 1}`;
    });
    const items: AuditEntry[] = rows.slice(0, query.limit).map((row) => ({
      id: Number(row.id),
      at: new Date(row.at).toISOString(),
      actor: { type: row.actorType, id: row.actorId, label: row.actorLabel },
      action: row.action,
      subject: { type: row.subjectType, id: row.subjectId, label: row.subjectLabel },
      data: row.data,
    }));
    const page: AuditPage = { items, next: rows.length > query.limit ? items.at(-1)!.id : null };
    return c.json(page);
  });
}
