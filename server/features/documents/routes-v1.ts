import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import type { PortalTenant } from '../../http/portal-auth.ts';
import { AppError, type FieldError } from '../../http/problem.ts';
import { actorOf } from '../../http/staff-auth.ts';
import { validate } from '../../http/validate.ts';
import { enqueueMail } from '../../mail/outbox.ts';
import type { Storage } from '../../storage/storage.ts';
import { receiveUpload } from '../../storage/streaming-upload.ts';
import * as q from './queries.ts';
import { documentRouteDocs as doc } from './route-docs.ts';
import { categoryInput, categoryKey, documentInput, ESOCIAL, listQuery, settingsInput, type DocumentInput } from './schemas.ts';

/** The largest document the business may upload. */
export const MAX_DOCUMENT_BYTES = 250 * 1024 * 1024;
const DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
const idParam = z.object({ id: z.uuid() });
/** The file name clients see; cleaned and cut to 120 characters when stored. */
// A file name is cleaned, not refused (the upload drops control characters): a NUL goes here, before the input check
// that refuses it everywhere else.
const fileQuery = z.object({ name: z.string().max(1000).transform((name) => name.replaceAll('\u0000', '')).optional() });

/** Checks a batch of document metadata before anything is written. */
async function checkBatch(tx: Tx, items: DocumentInput[]): Promise<void> {
  const errors: FieldError[] = [];
  const accounts = new Set((await tx<{ id: string }[]>`select id from accounts where id = any(${items.map((item) => item.accountId)}::uuid[]) and tenant_id = portico_current_tenant()`).map((row) => row.id));
  const establishments = new Map(
    (await tx<{ id: string; account_id: string }[]>`select id, account_id from establishments where id = any(${items.flatMap((item) => (item.establishmentId ? [item.establishmentId] : []))}::uuid[]) and tenant_id = portico_current_tenant()`).map((row) => [row.id, row.account_id]),
  );
  const known = new Set((await q.categories(tx, 'en')).map((category) => category.key));
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.externalId)) errors.push({ path: `items.${index}.externalId`, message: 'appears twice in the batch' });
    seen.add(item.externalId);
    if (!accounts.has(item.accountId)) errors.push({ path: `items.${index}.accountId`, message: 'is not an account of this portal' });
    else if (item.establishmentId && establishments.get(item.establishmentId) !== item.accountId) errors.push({ path: `items.${index}.establishmentId`, message: 'is not an establishment of this account' });
    if (!known.has(item.category)) errors.push({ path: `items.${index}.category`, message: 'is not a category of this portal' });
    if ((item.category === ESOCIAL) !== Boolean(item.esocial)) errors.push({ path: `items.${index}.esocial`, message: 'is required for eSocial receipts, and only for them' });
    if (item.validUntil && item.validUntil < item.issueDate) errors.push({ path: `items.${index}.validUntil`, message: 'must not be before the issue date' });
  });
  if (errors.length) throw new AppError('invalid_input', 400, `${errors.length} item(s) of the batch are invalid; nothing was saved`, errors.slice(0, 100));
}

/** E-mails the users who see a document that it has arrived, in their language (when the business asked for it). */
async function notifyNewDocument(tx: Tx, tenant: PortalTenant, documentId: string): Promise<void> {
  if (!tenant.portalUrl) return;
  const recipients = await tx<{ id: string; email: string; locale: PortalTenant['locale'] | null; title: string }[]>`
    select u.id, u.email, u.locale, d.title from documents d
      join memberships m on m.account_id = d.account_id and (m.all_establishments or d.establishment_id = any(m.establishment_ids))
      join portal_users u on u.id = m.user_id and u.status = 'active'
     where d.id = ${documentId} and d.tenant_id = portico_current_tenant() and d.notify`;
  for (const user of recipients) {
    await enqueueMail(tx, {
      tenantId: tenant.id,
      dedupeKey: `document:${documentId}:${user.id}`,
      to: user.email,
      template: 'document-new',
      locale: user.locale ?? tenant.locale,
      data: { link: `${tenant.portalUrl.replace(/#.*$/, '')}#portico-document=${documentId}`, documentTitle: user.title },
    });
  }
}

/**
 * `/api/v1/documents`: the business sends each document's data (idempotent by its own id), then its file as the
 * streamed request body (sniffed, limited, hashed on the way, never held in memory); replaces or withdraws it; names
 * and shows categories; and reads who downloaded what.
 */
export function integrationDocumentRoutes(deps: { db: Database; clock: () => Date; storage: Storage; wakeMail: () => void }) {
  const { db, clock, storage } = deps;
  const reads = requireIntegration(deps, 'documents:read');
  const writes = requireIntegration(deps, 'documents:write');
  const once = idempotent(deps);
  const actor = (c: Context) => actorOf(c);
  const audit = (tx: Tx, c: Context, action: string, id: string) =>
    tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
       values (portico_current_tenant(), ${actor(c).type}, ${actor(c).id}, ${action}, 'document', ${id})`;

  return new Hono()
    .get('/categories', doc.categories, reads, async (c) => c.json({ items: await db.withTenant(c.get('tenant').id, (tx) => q.categories(tx, c.get('tenant').locale)) }))
    .put('/categories/:key', doc.putCategory, writes, once, validate('param', z.object({ key: categoryKey })), validate('json', categoryInput), async (c) => {
      const { key } = c.req.valid('param');
      const { labels, shown } = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, (tx) => tx`
        insert into document_categories (tenant_id, key, labels, shown) values (portico_current_tenant(), ${key}, ${tx.json(labels)}, ${shown})
        on conflict (tenant_id, key) do update set labels = excluded.labels, shown = excluded.shown`);
      return c.json({ key, labels, shown });
    })
    .put('/settings', doc.putSettings, writes, validate('json', settingsInput), async (c) => {
      const body = c.req.valid('json');
      await db.withTenant(c.get('tenant').id, (tx) => tx`
        insert into document_settings (tenant_id, esocial_include_rectified, esocial_since_months, updated_at)
        values (portico_current_tenant(), ${body.esocialIncludeRectified}, ${body.esocialSinceMonths}, ${clock()})
        on conflict (tenant_id) do update set esocial_include_rectified = excluded.esocial_include_rectified,
          esocial_since_months = excluded.esocial_since_months, updated_at = excluded.updated_at`);
      return c.json(body);
    })
    .get('/settings', doc.settings, reads, async (c) => c.json(await db.withTenant(c.get('tenant').id, (tx) => q.documentSettings(tx))))
    .put('/', doc.upsert, writes, once, validate('json', z.object({ items: z.array(documentInput).min(1).max(1000) }).strict()), async (c) => {
      const items = c.req.valid('json').items;
      const results = await db.withTenant(c.get('tenant').id, async (tx) => {
        await checkBatch(tx, items);
        const outcome: { externalId: string; id: string; result: 'created' | 'updated' | 'unchanged' }[] = [];
        for (const item of items) {
          const [row] = await tx<{ id: string; created: boolean }[]>`
            insert into documents (tenant_id, external_id, account_id, establishment_id, category, title, issue_date, valid_until, esocial_event,
                                   esocial_receipt, esocial_rectified, notify, created_at, updated_at)
            values (portico_current_tenant(), ${item.externalId}, ${item.accountId}, ${item.establishmentId ?? null}, ${item.category}, ${item.title},
                    ${item.issueDate}, ${item.validUntil ?? null}, ${item.esocial?.eventType ?? null}, ${item.esocial?.receiptNumber ?? null},
                    ${item.esocial ? item.esocial.rectified : null}, ${item.notify}, ${clock()}, ${clock()})
            on conflict (tenant_id, external_id) do update set
              account_id = excluded.account_id, establishment_id = excluded.establishment_id, category = excluded.category, title = excluded.title,
              issue_date = excluded.issue_date, valid_until = excluded.valid_until, esocial_event = excluded.esocial_event,
              esocial_receipt = excluded.esocial_receipt, esocial_rectified = excluded.esocial_rectified, notify = excluded.notify,
              updated_at = excluded.updated_at, withdrawn_at = null
            where (documents.account_id, documents.establishment_id, documents.category, documents.title, documents.issue_date, documents.valid_until,
                   documents.esocial_event, documents.esocial_receipt, documents.esocial_rectified, documents.notify, documents.withdrawn_at is null)
                  is distinct from
                  (excluded.account_id, excluded.establishment_id, excluded.category, excluded.title, excluded.issue_date, excluded.valid_until,
                   excluded.esocial_event, excluded.esocial_receipt, excluded.esocial_rectified, excluded.notify, true)
            returning id, (xmax = 0) as created`;
          if (row) {
            await audit(tx, c, row.created ? 'document-created' : 'document-updated', row.id);
            outcome.push({ externalId: item.externalId, id: row.id, result: row.created ? 'created' : 'updated' });
          } else {
            const [same] = await tx<{ id: string }[]>`select id from documents where external_id = ${item.externalId} and tenant_id = portico_current_tenant()`;
            outcome.push({ externalId: item.externalId, id: same!.id, result: 'unchanged' });
          }
        }
        return outcome;
      });
      return c.json({ results });
    })
    .get('/', doc.list, reads, validate('query', listQuery.pick({ category: true, accountId: true, establishmentId: true, from: true, to: true, q: true, before: true, limit: true })), async (c) =>
      c.json(await db.withTenant(c.get('tenant').id, (tx) => q.listDocuments(tx, { business: true }, c.req.valid('query'), c.get('tenant').locale))),
    )
    .get('/:id', doc.get, reads, validate('param', idParam), async (c) => {
      const found = await db.withTenant(c.get('tenant').id, (tx) => q.findDocument(tx, { business: true }, c.req.valid('param').id, c.get('tenant').locale));
      if (!found) throw new AppError('not_found', 404, 'No such document');
      const { storageKey: _key, ...document } = found;
      return c.json(document);
    })
    .put('/:id/file', doc.putFile, writes, validate('param', idParam), validate('query', fileQuery), async (c) => {
      const { id } = c.req.valid('param');
      const tenant = c.get('tenant');
      const [existing] = await db.withTenant(tenant.id, (tx) => tx<{ id: string }[]>`select id from documents where id = ${id} and tenant_id = portico_current_tenant()`);
      if (!existing) throw new AppError('not_found', 404, 'No such document');
      if (!c.req.raw.body) throw new AppError('invalid_input', 400, 'Send the file as the request body', [{ path: 'body', message: 'is empty' }]);
      const key = `documents/${tenant.id}/${crypto.randomUUID()}`;
      const file = await receiveUpload(c.req.raw.body, { maxBytes: MAX_DOCUMENT_BYTES, allowed: DOCUMENT_TYPES, declaredName: c.req.valid('query').name ?? 'document.pdf', storage, key });
      try {
        const replaced = await db.withTenant(tenant.id, async (tx) => {
          const [row] = await tx<{ old: string | null }[]>`select storage_key as old from documents where id = ${id} and tenant_id = portico_current_tenant() for update`;
          if (!row) throw new AppError('not_found', 404, 'No such document');
          await tx`update documents set file_name = ${file.name}, content_type = ${file.type}, size = ${file.size}, sha256 = ${file.sha256},
                     storage_key = ${key}, file_at = ${clock()}, updated_at = ${clock()} where id = ${id}`;
          await audit(tx, c, row.old ? 'document-file-replaced' : 'document-file-added', id);
          if (!row.old) await notifyNewDocument(tx, tenant, id);
          return row.old;
        });
        if (replaced) await storage.delete(replaced);
      } catch (error) {
        await storage.delete(key);
        throw error;
      }
      deps.wakeMail();
      return c.json(file);
    })
    .delete('/:id', doc.withdraw, writes, validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const removed = await db.withTenant(c.get('tenant').id, async (tx) => {
        const [row] = await tx<{ key: string | null }[]>`select storage_key as key from documents where id = ${id} and tenant_id = portico_current_tenant() for update`;
        if (!row) throw new AppError('not_found', 404, 'No such document');
        // The file goes; the record stays (withdrawn), so the downloads already recorded keep their meaning.
        await tx`update documents set withdrawn_at = coalesce(withdrawn_at, ${clock()}), storage_key = null, sha256 = null, file_name = null,
                   content_type = null, size = null where id = ${id}`;
        await audit(tx, c, 'document-withdrawn', id);
        return row.key;
      });
      if (removed) await storage.delete(removed);
      return c.body(null, 204);
    })
    .get('/:id/downloads', doc.downloads, reads, validate('param', idParam), async (c) => {
      const { id } = c.req.valid('param');
      const items = await db.withTenant(c.get('tenant').id, async (tx) => {
        const [exists] = await tx`select 1 from documents where id = ${id} and tenant_id = portico_current_tenant()`;
        if (!exists) throw new AppError('not_found', 404, 'No such document');
        return tx`select d.user_id as "userId", u.email, d.via, d.downloaded_at as "downloadedAt" from document_downloads d
                    left join portal_users u on u.id = d.user_id where d.document_id = ${id} order by d.downloaded_at desc limit 500`;
      });
      return c.json({ items });
    });
}
