import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { clientUserOf, portalTenant, requirePrincipal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { validate } from '../../http/validate.ts';
import type { Storage } from '../../storage/storage.ts';
import { placeInAccount } from '../accounts/visibility.ts';
import type { AuthDeps } from '../auth/service.ts';
import { attachFile, sendAttachment } from './attachments.ts';
import * as q from './queries.ts';
import { requestRouteDocs as doc } from './route-docs.ts';
import { listQuery, newRequestBody, REOPEN_DAYS, replyBody, type RequestDetail } from './schemas.ts';

const idParam = z.object({ id: z.uuid() });
const notFound = () => new AppError('not_found', 404, 'No such request');

/** `/api/portal/requests`: a client's requests (B6, T5, P3, S1, C4) and their threads. */
export function portalRequestRoutes(deps: AuthDeps & { storage: Storage }) {
  const { db, clock } = deps;
  /** Runs `work` in the tenant's transaction on a request the signed-in client may see; any other id is a 404. */
  const onVisibleRequest = <T>(c: Context, id: string, work: (tx: Tx, request: RequestDetail, userId: string) => Promise<T>) => {
    const userId = clientUserOf(c.get('principal'));
    return db.withTenant(c.get('tenant').id, async (tx) => {
      const request = await q.findRequest(tx, id, userId, { lock: true });
      if (!request) throw notFound();
      return work(tx, request, userId);
    });
  };
  return new Hono()
    .use(portalTenant(db), requirePrincipal(deps, ['portal']))
    .get('/categories', doc.portalCategories, async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => q.enabledCategories(tx))))
    .get('/', doc.portalList, validate('query', listQuery), async (c) => {
      const userId = clientUserOf(c.get('principal'));
      const query = c.req.valid('query');
      const page = await db.withTenant(c.get('tenant').id, (tx) =>
        q.listRequests(tx, { ...query, authorId: query.mine === 'true' ? userId : undefined }, userId),
      );
      return c.json(page);
    })
    .post('/', doc.portalCreate, validate('json', newRequestBody), async (c) => {
      const principal = c.get('principal');
      const userId = clientUserOf(principal);
      const body = c.req.valid('json');
      const now = clock();
      const id = await db.withTenant(c.get('tenant').id, async (tx) => {
        const categories = await q.enabledCategories(tx);
        if (!categories.some((category) => category.key === body.category)) {
          throw new AppError('invalid_input', 400, 'This kind of request is not offered here', [{ path: 'category', message: 'is switched off' }]);
        }
        const accountId = body.accountId ?? principal.accountId;
        if (!accountId) throw new AppError('invalid_input', 400, 'Choose the account first', [{ path: 'accountId', message: 'is required' }]);
        const establishmentId = await placeInAccount(tx, userId, accountId, body.establishmentId);
        const requestId = await q.insertRequest(tx, { ...body, accountId, establishmentId, authorId: userId }, now);
        await q.audit(tx, { type: 'client', id: userId }, 'request-created', requestId);
        return requestId;
      });
      const created = await db.withTenant(c.get('tenant').id, (tx) => q.findRequest(tx, id, userId));
      const { authorId: _author, ...detail } = created!;
      return c.json(detail, 201);
    })
    .get('/:id', doc.portalGet, validate('param', idParam), async (c) => {
      const userId = clientUserOf(c.get('principal'));
      const request = await db.withTenant(c.get('tenant').id, (tx) => q.findRequest(tx, c.req.valid('param').id, userId));
      if (!request) throw notFound();
      const { authorId: _author, ...detail } = request;
      return c.json(detail);
    })
    .post('/:id/replies', doc.portalReply, validate('param', idParam), validate('json', replyBody), async (c) => {
      const { id } = c.req.valid('param');
      const now = clock();
      await onVisibleRequest(c, id, async (tx, request, userId) => {
        if (request.status === 'closed') throw new AppError('request_closed', 409, 'The request is closed; reopen it to reply');
        await q.insertMessage(tx, { requestId: id, author: 'client', authorId: userId, authorName: null, body: c.req.valid('json').body }, now);
        // An answered request waits for the business again; one in progress stays in progress.
        if (request.status === 'answered') await q.setStatus(tx, id, 'open', now);
        await q.audit(tx, { type: 'client', id: userId }, 'request-replied', id);
      });
      return c.json({ status: 'replied' }, 201);
    })
    .post('/:id/attachments', doc.portalAttach, validate('param', idParam), async (c) => {
      const userId = clientUserOf(c.get('principal'));
      const { id } = c.req.valid('param');
      const attachmentId = await attachFile(c, deps, async (tx) => {
        const request = await q.findRequest(tx, id, userId);
        if (!request) throw notFound();
        return request;
      }, userId);
      await db.withTenant(c.get('tenant').id, (tx) => q.audit(tx, { type: 'client', id: userId }, 'request-file-attached', id));
      return c.json({ id: attachmentId }, 201);
    })
    .get('/:id/attachments/:attachmentId', doc.portalAttachment, validate('param', idParam.extend({ attachmentId: z.uuid() })), async (c) => {
      const userId = clientUserOf(c.get('principal'));
      const { id, attachmentId } = c.req.valid('param');
      return sendAttachment(c, deps, async (tx) => (await q.findRequest(tx, id, userId)) ?? Promise.reject(notFound()), attachmentId);
    })
    .post('/:id/close', doc.portalClose, validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      await onVisibleRequest(c, id, async (tx, request, userId) => {
        // Closing again would move the date the reopening window counts from.
        if (request.status === 'closed') throw new AppError('request_closed', 409, 'The request is already closed');
        await q.setStatus(tx, id, 'closed', clock());
        await q.audit(tx, { type: 'client', id: userId }, 'request-closed', id);
      });
      return c.json({ status: 'closed' });
    })
    .post('/:id/reopen', doc.portalReopen, validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const now = clock();
      await onVisibleRequest(c, id, async (tx, request, userId) => {
        if (request.status !== 'closed') throw new AppError('request_not_closed', 409, 'Only a closed request can be reopened');
        if (now.getTime() - new Date(request.closedAt!).getTime() > REOPEN_DAYS * 86_400_000) {
          throw new AppError('reopen_window_passed', 409, `A request can be reopened up to ${REOPEN_DAYS} days after it was closed; open a new one`);
        }
        await q.setStatus(tx, id, 'open', now);
        await q.audit(tx, { type: 'client', id: userId }, 'request-reopened', id);
      });
      return c.json({ status: 'open' });
    });
}
