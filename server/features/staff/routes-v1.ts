import { Hono } from 'hono';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf, requireRecentPassword } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { staffRouteDocs as doc } from './route-docs.ts';
import { newStaffInput, staffChangeInput } from './schemas.ts';
import { createStaff, findStaff, memberOf, staffAudit, type StaffRow } from './service.ts';
import { revokeStaffSessions } from './sessions.ts';

const idParam = z.object({ id: z.uuid() });

/** `/api/v1/staff`: the team (owners and admins only — the `staff:write` scope is never an API token's). */
export function staffRoutes(deps: { db: Database; clock: () => Date; wakeMail: () => void; consoleUrl: string }) {
  const { db, clock } = deps;
  const team = requireIntegration(deps, 'staff:write');
  /** Only an owner makes or changes an owner. */
  const assertMayGrant = (c: { get: (key: 'staff') => { staff: StaffRow } | undefined }, role: string | undefined) => {
    if ((role === 'owner') && c.get('staff')?.staff.role !== 'owner') throw new AppError('forbidden', 403, 'Only an owner can make an owner');
  };
  const owners = async (tx: Tx) => (await tx<{ n: number }[]>`select count(*)::int as n from staff_users where role = 'owner' and status <> 'disabled'`)[0]!.n;

  return new Hono()
    .get('/', doc.list, team, async (c) =>
      c.json({ items: (await db.withTenant(c.get('tenant').id, (tx) => tx<StaffRow[]>`select * from staff_users order by lower(name), id`)).map(memberOf) }),
    )
    .post('/', doc.invite, team, requireRecentPassword(), idempotent(deps), validate('json', newStaffInput), async (c) => {
      const input = c.req.valid('json');
      assertMayGrant(c, input.role);
      const tenant = c.get('tenant');
      const invitedBy = c.get('staff')?.staff.name ?? tenant.name;
      const { member } = await db.withTenant(tenant.id, (tx) => createStaff(tx, tenant, actorOf(c), input, clock(), deps.consoleUrl, { invitedBy }));
      deps.wakeMail();
      return c.json(member, 201);
    })
    .patch('/:id', doc.change, team, requireRecentPassword(), validate('param', idParam), validate('json', staffChangeInput), async (c) => {
      const change = c.req.valid('json');
      const { id } = c.req.valid('param');
      const member = await db.withTenant(c.get('tenant').id, async (tx) => {
        const current = await findStaff(tx, { id });
        if (!current) throw new AppError('not_found', 404, 'No such staff member');
        assertMayGrant(c, change.role);
        if (current.role === 'owner') assertMayGrant(c, 'owner');
        if (id === c.get('principal').subject && change.status === 'disabled') throw new AppError('forbidden', 403, 'You cannot disable yourself');
        const role = change.role ?? current.role;
        const status = change.status === 'active' ? (current.password_hash ? 'active' : 'pending') : (change.status ?? current.status);
        const permissions = role === 'staff' ? (change.permissions ?? current.permissions) : [];
        const [row] = await tx<StaffRow[]>`
          update staff_users set role = ${role}, permissions = ${permissions}, status = ${status}, updated_at = ${clock()} where id = ${id} returning *`;
        if (current.role === 'owner' && (role !== 'owner' || status === 'disabled') && (await owners(tx)) === 0) {
          throw new AppError('last_owner', 409, 'A portal needs at least one owner');
        }
        if (status === 'disabled' || role !== current.role || change.permissions) await revokeStaffSessions(tx, { staffId: id }, 'staff-changed', clock());
        await staffAudit(tx, actorOf(c), 'staff-changed', id, change);
        return memberOf(row!);
      });
      return c.json(member);
    });
}
