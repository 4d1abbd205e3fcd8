import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';
import { findEnabledTenant } from './queries.ts';
import { tenantSlug } from './schemas.ts';
import { tenantRouteDocs as doc } from './route-docs.ts';

/** `/api/portal/tenants`: what a portal page needs to know about its tenant before anyone signs in. */
export function tenantRoutes(db: Database) {
  return new Hono().get(
    '/:slug',
    doc.get,
    // A malformed slug is just another unknown tenant: 404, and no hint of which slugs exist.
    async (c) => {
      const slug = c.req.param('slug');
      // Only a well-formed slug is looked up (a NUL could not even reach the database's text).
      const tenant = tenantSlug.safeParse(slug).success ? await db.withoutTenant((tx) => findEnabledTenant(tx, slug)) : undefined;
      if (!tenant) throw new AppError('tenant_not_found', 404, `There is no portal '${slug.slice(0, 64)}'`);
      const { id: _id, ...publicTenant } = tenant;
      c.header('Cache-Control', 'public, max-age=60');
      return c.json(publicTenant);
    },
  );
}
