import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Database, Tx } from '../../db/database.ts';
import { markdownToRichText } from '../../content/markdown.ts';
import { idempotent } from '../../http/idempotency.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { validate } from '../../http/validate.ts';
import type { Storage } from '../../storage/storage.ts';
import { receiveUpload } from '../../storage/streaming-upload.ts';
import { storeImage } from './images.ts';
import { contentRouteDocs as doc } from './route-docs.ts';
import { campaignInput, key, materialInput, newsInput, type ContentCampaign, type ContentMaterial, type ContentNews, type FeedbackSummary } from './schemas.ts';

const keyParam = z.object({ key });
const MAX_MATERIAL_BYTES = 50 * 1024 * 1024;
const MATERIAL_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;

/** Markdown the business sent, parsed now so a mistake is a 400 at the source, not a broken page later. */
function checkMarkdown(text: string, path: string): void {
  try {
    markdownToRichText(text);
  } catch {
    throw new AppError('invalid_input', 400, 'The Markdown could not be read', [{ path, message: 'is not readable Markdown' }]);
  }
}

/**
 * `/api/v1/content`: the business publishes news (C1), support materials (C2) and campaigns (C3) by its own keys,
 * gives them images and files, and reads the summary of its clients' opinions (C4).
 */
export function integrationContentRoutes(deps: { db: Database; clock: () => Date; storage: Storage }) {
  const { db, clock } = deps;
  const reads = requireIntegration(deps, 'content:read');
  const writes = requireIntegration(deps, 'content:write');
  const once = idempotent(deps);
  const audienceCheck = async (tx: Tx, audience: string[] | null) => {
    if (!audience) return;
    const found = await tx<{ id: string }[]>`select id from accounts where id = any(${audience}) and tenant_id = portico_current_tenant()`;
    const missing = audience.findIndex((id) => !found.some((row) => row.id === id));
    if (missing >= 0) throw new AppError('invalid_input', 400, 'The audience names an account that does not exist', [{ path: `audience.${missing}`, message: 'is not an account' }]);
  };
  /** Replaces the image of the `table` row with `key` by the raw body. */
  const putImage = (table: 'news' | 'campaigns') => async (c: Context) => {
    const itemKey = c.req.param('key')!;
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const result = await db.withTenant(c.get('tenant').id, async (tx) => {
      const [row] = await tx`select 1 from ${tx(table)} where key = ${itemKey} and tenant_id = portico_current_tenant()`;
      if (!row) throw new AppError('not_found', 404, `No such ${table === 'news' ? 'news item' : 'campaign'}`);
      const token = await storeImage(tx, bytes);
      await tx`update ${tx(table)} set image_token = ${token}, updated_at = ${clock()} where key = ${itemKey} and tenant_id = portico_current_tenant()`;
      return { url: `/api/content-images/${c.get('tenant').slug}/${token}` };
    });
    return c.json(result);
  };
  const remove = (table: 'news' | 'materials' | 'campaigns') => async (c: Context) => {
    const itemKey = c.req.param('key')!;
    const gone: { storage_key?: string | null }[] = await db.withTenant(c.get('tenant').id, (tx) => tx`delete from ${tx(table)} where key = ${itemKey} and tenant_id = portico_current_tenant() returning *`);
    if (!gone.length) throw new AppError('not_found', 404, 'Nothing with that key');
    if (gone[0]!.storage_key) await deps.storage.delete(gone[0]!.storage_key).catch(() => undefined);
    return c.body(null, 204);
  };

  const imageUrl = (c: Context, token: string | null) => (token ? `/api/content-images/${c.get('tenant').slug}/${token}` : null);

  return new Hono()
    // What the business published, as its console lists it (newest first, at most 500 of each).
    .get('/news', doc.listNews, reads, async (c) => {
      const rows = await db.withTenant(
        c.get('tenant').id,
        (tx) => tx<(Omit<ContentNews, 'imageUrl'> & { imageToken: string | null })[]>`
          select n.key, n.title, n.summary, n.body_markdown as body, n.publish_at as "publishAt", n.expires_at as "expiresAt", n.audience,
                 n.image_token as "imageToken", (select count(*)::int from news_reads r where r.news_id = n.id) as reads
            from news n where n.tenant_id = portico_current_tenant() order by n.publish_at desc, n.key limit 500`,
      );
      return c.json({ items: rows.map(({ imageToken, ...item }) => ({ ...item, imageUrl: imageUrl(c, imageToken) })) });
    })
    .get('/materials', doc.listMaterials, reads, async (c) =>
      c.json({
        items: await db.withTenant(
          c.get('tenant').id,
          (tx) => tx<ContentMaterial[]>`
            select key, topic, title, body_markdown as body, position, published,
                   case when file_name is null then null else json_build_object('name', file_name, 'type', content_type, 'size', size) end as file
              from materials where tenant_id = portico_current_tenant() order by topic, position, title limit 500`,
        ),
      }),
    )
    .get('/campaigns', doc.listCampaigns, reads, async (c) => {
      const rows = await db.withTenant(
        c.get('tenant').id,
        (tx) => tx<(Omit<ContentCampaign, 'imageUrl'> & { imageToken: string | null })[]>`
          select k.key, k.title, k.description_markdown as description, to_char(k.valid_from, 'YYYY-MM-DD') as "validFrom",
                 to_char(k.valid_until, 'YYYY-MM-DD') as "validUntil", k.audience, k.action, k.image_token as "imageToken",
                 (select count(*)::int from campaign_interests i where i.campaign_id = k.id) as interested
            from campaigns k where k.tenant_id = portico_current_tenant() order by k.valid_from desc, k.key limit 500`,
      );
      return c.json({ items: rows.map(({ imageToken, ...item }) => ({ ...item, imageUrl: imageUrl(c, imageToken) })) });
    })
    .put('/news/:key', doc.putNews, writes, once, validate('param', keyParam), validate('json', newsInput), async (c) => {
      const item = c.req.valid('json');
      checkMarkdown(item.body, 'body');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await audienceCheck(tx, item.audience);
        await tx`insert into news (tenant_id, key, title, summary, body_markdown, publish_at, expires_at, audience, updated_at)
                 values (portico_current_tenant(), ${c.req.valid('param').key}, ${item.title}, ${item.summary}, ${item.body}, ${item.publishAt}, ${item.expiresAt}, ${item.audience}, ${clock()})
                 on conflict (tenant_id, key) do update set title = excluded.title, summary = excluded.summary, body_markdown = excluded.body_markdown,
                   publish_at = excluded.publish_at, expires_at = excluded.expires_at, audience = excluded.audience, updated_at = excluded.updated_at`;
      });
      return c.json({ key: c.req.valid('param').key, ...item });
    })
    .put('/news/:key/image', doc.putNewsImage, writes, once, validate('param', keyParam), putImage('news'))
    .delete('/news/:key', doc.removeNews, writes, validate('param', keyParam), remove('news'))
    .put('/materials/:key', doc.putMaterial, writes, once, validate('param', keyParam), validate('json', materialInput), async (c) => {
      const item = c.req.valid('json');
      if (item.body) checkMarkdown(item.body, 'body');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`insert into materials (tenant_id, key, topic, title, body_markdown, position, published, updated_at)
                 values (portico_current_tenant(), ${c.req.valid('param').key}, ${item.topic}, ${item.title}, ${item.body}, ${item.position}, ${item.published}, ${clock()})
                 on conflict (tenant_id, key) do update set topic = excluded.topic, title = excluded.title, body_markdown = excluded.body_markdown,
                   position = excluded.position, published = excluded.published, updated_at = excluded.updated_at`;
      });
      return c.json({ key: c.req.valid('param').key, ...item });
    })
    .put('/materials/:key/file', doc.putMaterialFile, writes, validate('param', keyParam), validate('query', z.object({ name: z.string().trim().min(1).max(120) })), async (c) => {
      const tenantId = c.get('tenant').id;
      const [exists] = await db.withTenant(tenantId, (tx) => tx`select 1 from materials where key = ${c.req.valid('param').key} and tenant_id = portico_current_tenant()`);
      if (!exists) throw new AppError('not_found', 404, 'No such material');
      if (!c.req.raw.body) throw new AppError('invalid_input', 400, 'Send the file as the request body', [{ path: 'body', message: 'is empty' }]);
      const storageKey = `materials/${tenantId}/${crypto.randomUUID()}`;
      const upload = await receiveUpload(c.req.raw.body, { maxBytes: MAX_MATERIAL_BYTES, allowed: MATERIAL_TYPES, declaredName: c.req.valid('query').name, storage: deps.storage, key: storageKey });
      try {
        const previous = await db.withTenant(tenantId, async (tx) => {
          const [row] = await tx<{ key: string | null }[]>`select storage_key as key from materials where key = ${c.req.valid('param').key} and tenant_id = portico_current_tenant() for update`;
          if (!row) throw new AppError('not_found', 404, 'No such material');
          await tx`update materials set file_name = ${upload.name}, content_type = ${upload.type}, size = ${upload.size}, storage_key = ${storageKey}, updated_at = ${clock()}
                   where key = ${c.req.valid('param').key} and tenant_id = portico_current_tenant()`;
          return row.key;
        });
        if (previous) await deps.storage.delete(previous).catch(() => undefined);
      } catch (error) {
        await deps.storage.delete(storageKey);
        throw error;
      }
      return c.json({ name: upload.name, type: upload.type, size: upload.size });
    })
    .delete('/materials/:key', doc.removeMaterial, writes, validate('param', keyParam), remove('materials'))
    .put('/campaigns/:key', doc.putCampaign, writes, once, validate('param', keyParam), validate('json', campaignInput), async (c) => {
      const item = c.req.valid('json');
      checkMarkdown(item.description, 'description');
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await audienceCheck(tx, item.audience);
        await tx`insert into campaigns (tenant_id, key, title, description_markdown, valid_from, valid_until, audience, action, updated_at)
                 values (portico_current_tenant(), ${c.req.valid('param').key}, ${item.title}, ${item.description}, ${item.validFrom}, ${item.validUntil}, ${item.audience},
                         ${item.action ? tx.json(item.action) : null}, ${clock()})
                 on conflict (tenant_id, key) do update set title = excluded.title, description_markdown = excluded.description_markdown, valid_from = excluded.valid_from,
                   valid_until = excluded.valid_until, audience = excluded.audience, action = excluded.action, updated_at = excluded.updated_at`;
      });
      return c.json({ key: c.req.valid('param').key, ...item });
    })
    .put('/campaigns/:key/image', doc.putCampaignImage, writes, once, validate('param', keyParam), putImage('campaigns'))
    .delete('/campaigns/:key', doc.removeCampaign, writes, validate('param', keyParam), remove('campaigns'))
    .get('/feedback/summary', doc.feedbackSummary, reads, validate('query', z.object({ from: z.iso.date().optional(), to: z.iso.date().optional() })), async (c) => {
      const { from, to } = c.req.valid('query');
      const rows = await db.withTenant(
        c.get('tenant').id,
        (tx) => tx<{ rating: number; comment: string | null; accountName: string | null; createdAt: Date }[]>`
          select f.rating, f.comment, a.name as "accountName", f.created_at as "createdAt" from feedback f left join accounts a on a.id = f.account_id
           where f.tenant_id = portico_current_tenant() ${from ? tx`and f.created_at >= ${from}::date` : tx``} ${to ? tx`and f.created_at < ${to}::date + 1` : tx``}
           order by f.created_at desc`,
      );
      const distribution = [1, 2, 3, 4, 5].map((rating) => rows.filter((row) => row.rating === rating).length) as FeedbackSummary['distribution'];
      const summary: FeedbackSummary = {
        count: rows.length,
        average: rows.length ? Math.round((rows.reduce((sum, row) => sum + row.rating, 0) / rows.length) * 100) / 100 : null,
        distribution,
        comments: rows
          .filter((row) => row.comment)
          .slice(0, 200)
          .map((row) => ({ rating: row.rating, comment: row.comment!, accountName: row.accountName ?? '', createdAt: new Date(row.createdAt).toISOString() })),
      };
      return c.json(summary);
    });
}
