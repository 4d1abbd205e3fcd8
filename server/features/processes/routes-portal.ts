import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { portalTenant, requirePrincipal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { validate } from '../../http/validate.ts';
import { visibleTo } from '../accounts/visibility.ts';
import type { AuthDeps } from '../auth/service.ts';
import * as q from './queries.ts';
import { processRouteDocs as doc } from './route-docs.ts';
import type { Locale } from './schemas.ts';

const localeQuery = z.object({ locale: z.enum(['pt-BR', 'es', 'en']).optional() });

/**
 * `/api/portal/processes`: a client's cases (T1–T4), across the accounts they reach; a quick-access session (A8)
 * sees exactly its one process, read-only. Names and descriptions come in the widget's `?locale=`.
 */
export function portalProcessRoutes(deps: AuthDeps) {
  const { db, clock } = deps;
  const viewerOf = (c: Context): q.Viewer => {
    const principal = c.get('principal');
    if (principal.type === 'quick-access') return { processId: principal.subject };
    if (principal.type === 'client' && principal.scope === 'full') return { userId: principal.subject };
    throw new AppError('forbidden', 403, 'Sign in to the portal to see your processes');
  };
  /** The locale asked for, then the portal's own as the fallback. */
  const languages = (c: Context, asked: Locale | undefined) => [asked ?? c.get('tenant').locale, c.get('tenant').locale] as const;
  return new Hono()
    .use(portalTenant(db), requirePrincipal(deps, ['portal', 'quick-access']))
    .get('/', doc.portalList, validate('query', localeQuery.extend({ accountId: z.uuid().optional() })), async (c) => {
      const { accountId, locale } = c.req.valid('query');
      const viewer = viewerOf(c);
      const items = await db.withTenant(c.get('tenant').id, (tx) => q.listProcesses(tx, viewer, { accountId }, ...languages(c, locale)));
      return c.json({ items });
    })
    .get('/:id', doc.portalGet, validate('param', z.object({ id: z.uuid() })), validate('query', localeQuery), async (c) => {
      const viewer = viewerOf(c);
      const found = await db.withTenant(c.get('tenant').id, (tx) => q.findProcess(tx, viewer, c.req.valid('param').id, ...languages(c, c.req.valid('query').locale)));
      if (!found) throw new AppError('not_found', 404, 'No such process');
      return c.json(found);
    })
    .post('/:id/seen', doc.portalSeen, validate('param', z.object({ id: z.uuid() })), async (c) => {
      const viewer = viewerOf(c);
      if (!('userId' in viewer)) throw new AppError('forbidden', 403, 'A quick-access session is read-only');
      const { id } = c.req.valid('param');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        const [visible] = await tx`select 1 from processes p where p.id = ${id} and p.tenant_id = portico_current_tenant() and ${visibleTo(tx, viewer.userId, 'p')}`;
        if (!visible) throw new AppError('not_found', 404, 'No such process');
        await q.markSeen(tx, id, viewer.userId, clock());
      });
      return c.body(null, 204);
    });
}
