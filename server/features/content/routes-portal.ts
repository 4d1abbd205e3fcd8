import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Tx } from '../../db/database.ts';
import { markdownToRichText } from '../../content/markdown.ts';
import { makeCursor, readCursor } from '../../http/page-cursor.ts';
import { clientUserOf, portalTenant, requirePrincipal, type Principal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { validate } from '../../http/validate.ts';
import { downloadResponse } from '../../storage/downloads.ts';
import type { Storage } from '../../storage/storage.ts';
import { accountFor } from '../accounts/visibility.ts';
import type { AuthDeps } from '../auth/service.ts';
import * as requests from '../requests/queries.ts';
import { imageUrl } from './images.ts';
import { contentRouteDocs as doc } from './route-docs.ts';
import { feedbackInput, type Campaign, type Material, type NewsArticle, type NewsSummary } from './schemas.ts';

const idParam = z.object({ id: z.uuid() });
const newsQuery = z.object({ before: z.string().regex(/^[\w-]{10,200}$/, 'is not a page cursor').optional(), limit: z.coerce.number().int().min(1).max(50).default(10) });
const materialsQuery = z.object({ q: z.string().trim().min(1).max(100).optional(), topic: z.string().trim().min(1).max(80).optional() });

/** The accounts whose content a caller sees: a client's (all they reach), or a quick-access session's process's. */
async function readerAccounts(tx: Tx, principal: Principal): Promise<string[]> {
  const rows =
    principal.type === 'quick-access'
      ? await tx<{ id: string }[]>`select account_id as id from processes where id = ${principal.subject} and tenant_id = portico_current_tenant()`
      : await tx<{ id: string }[]>`select account_id as id from memberships where user_id = ${principal.subject} and tenant_id = portico_current_tenant()`;
  return rows.map((row) => row.id);
}

/** Content for every client, or for an audience that includes one of `accounts`. */
const forAudience = (tx: Tx, alias: string, accounts: string[]) => tx`(${tx(alias)}.audience is null or ${tx(alias)}.audience && ${accounts}::uuid[])`;

type NewsRow = Omit<NewsSummary, 'image' | 'publishAt'> & { publishAt: Date; imageToken: string | null; imageType: string | null; body?: string };

/**
 * The client side of content: news (C1, also for quick-access sessions — A8), support materials (C2), campaigns
 * (C3) with "I'm interested", and the feedback box (C4). Markdown becomes the sanitised rich-text tree here.
 */
export function portalContentRoutes(deps: AuthDeps & { storage: Storage }) {
  const { db, clock } = deps;
  const slug = (c: Context) => c.get('tenant').slug;
  const newsColumns = (tx: Tx, userId: string | null) => tx`
    n.id, n.key, n.title, n.summary, n.publish_at as "publishAt", n.image_token as "imageToken", i.content_type as "imageType",
    ${userId ? tx`exists (select 1 from news_reads r where r.news_id = n.id and r.user_id = ${userId})` : tx`false`} as read`;
  const visibleNews = (tx: Tx, accounts: string[], now: Date) => tx`
    n.tenant_id = portico_current_tenant() and n.publish_at <= ${now} and (n.expires_at is null or n.expires_at > ${now}) and ${forAudience(tx, 'n', accounts)}`;
  const summary = (c: Context, row: NewsRow): NewsSummary => {
    const { imageToken, imageType, publishAt, body: _body, ...rest } = row;
    return { ...rest, publishAt: new Date(publishAt).toISOString(), image: imageUrl(slug(c), imageToken, imageType) };
  };
  const userOf = (principal: Principal) => (principal.type === 'client' && principal.scope === 'full' ? principal.subject : null);

  const news = new Hono()
    .use(portalTenant(db), requirePrincipal(deps, ['portal', 'quick-access']))
    .get('/', doc.portalNews, validate('query', newsQuery), async (c) => {
      const principal = c.get('principal');
      if (principal.type === 'client') clientUserOf(principal);
      const { before, limit } = c.req.valid('query');
      const cursor = readCursor(before, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
      const now = clock();
      const page = await db.withTenant(c.get('tenant').id, async (tx) => {
        const accounts = await readerAccounts(tx, principal);
        const rows = await tx<NewsRow[]>`
          select ${newsColumns(tx, userOf(principal))} from news n left join content_images i on i.token = n.image_token
           where ${visibleNews(tx, accounts, now)} ${cursor ? tx`and (n.publish_at, n.id) < (${cursor.key}::timestamptz, ${cursor.id})` : tx``}
           order by n.publish_at desc, n.id desc limit ${limit + 1}`;
        const [unread] = await tx<{ n: number }[]>`
          select count(*)::int as n from news n where ${visibleNews(tx, accounts, now)}
             ${userOf(principal) ? tx`and not exists (select 1 from news_reads r where r.news_id = n.id and r.user_id = ${userOf(principal)})` : tx`and false`}`;
        return { rows, unread: unread!.n };
      });
      const items = page.rows.slice(0, limit).map((row) => summary(c, row));
      const last = items.at(-1);
      return c.json({ items, next: page.rows.length > limit && last ? makeCursor(last.publishAt, last.id) : null, unread: page.unread });
    })
    .get('/:id', doc.portalNewsItem, validate('param', idParam), async (c) => {
      const principal = c.get('principal');
      if (principal.type === 'client') clientUserOf(principal);
      const now = clock();
      const article = await db.withTenant(c.get('tenant').id, async (tx): Promise<NewsArticle | undefined> => {
        const accounts = await readerAccounts(tx, principal);
        const [row] = await tx<NewsRow[]>`
          select ${newsColumns(tx, userOf(principal))}, n.body_markdown as body from news n left join content_images i on i.token = n.image_token
           where n.id = ${c.req.valid('param').id} and ${visibleNews(tx, accounts, now)}`;
        if (!row) return undefined;
        const user = userOf(principal);
        if (user) await tx`insert into news_reads (tenant_id, news_id, user_id, read_at) values (portico_current_tenant(), ${row.id}, ${user}, ${now}) on conflict do nothing`;
        return { ...summary(c, row), body: markdownToRichText(row.body!) };
      });
      if (!article) throw new AppError('not_found', 404, 'No such news item');
      return c.json(article);
    });

  const materials = new Hono()
    .use(portalTenant(db), requirePrincipal(deps, ['portal']))
    .get('/', doc.portalMaterials, validate('query', materialsQuery), async (c) => {
      clientUserOf(c.get('principal'));
      const { q, topic } = c.req.valid('query');
      const words = q ? `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : undefined;
      const result = await db.withTenant(c.get('tenant').id, async (tx) => {
        const topics = await tx<{ topic: string }[]>`select distinct topic from materials where tenant_id = portico_current_tenant() and published order by topic`;
        const rows = await tx<(Omit<Material, 'body' | 'file' | 'updatedAt'> & { body: string | null; fileName: string | null; contentType: string | null; size: string | null; updatedAt: Date })[]>`
          select id, key, topic, title, body_markdown as body, file_name as "fileName", content_type as "contentType", size::text as size, updated_at as "updatedAt"
            from materials where tenant_id = portico_current_tenant() and published
             ${topic ? tx`and topic = ${topic}` : tx``}
             ${words ? tx`and (title ilike ${words} or body_markdown ilike ${words} or topic ilike ${words})` : tx``}
           order by topic, position, title limit 200`;
        return { topics: topics.map((row) => row.topic), rows };
      });
      const items: Material[] = result.rows.map(({ body, fileName, contentType, size, updatedAt, ...rest }) => ({
        ...rest,
        body: body ? markdownToRichText(body) : null,
        file: fileName && contentType && size ? { name: fileName, type: contentType, size: Number(size) } : null,
        updatedAt: new Date(updatedAt).toISOString(),
      }));
      return c.json({ topics: result.topics, items });
    })
    .get('/:id/file', doc.portalMaterialFile, validate('param', idParam), async (c) => {
      clientUserOf(c.get('principal'));
      const [row] = await db.withTenant(
        c.get('tenant').id,
        (tx) => tx<{ storageKey: string; name: string; type: string }[]>`
          select storage_key as "storageKey", file_name as name, content_type as type from materials
           where id = ${c.req.valid('param').id} and tenant_id = portico_current_tenant() and published and storage_key is not null`,
      );
      const file = row ? await deps.storage.get(row.storageKey) : undefined;
      if (!row || !file) throw new AppError('not_found', 404, 'No such file');
      return downloadResponse(file.body, { name: row.name, type: row.type, size: file.size });
    });

  const campaigns = new Hono()
    .use(portalTenant(db), requirePrincipal(deps, ['portal']))
    .get('/', doc.portalCampaigns, async (c) => {
      const principal = c.get('principal');
      clientUserOf(principal);
      const today = clock().toISOString().slice(0, 10);
      const rows = await db.withTenant(c.get('tenant').id, async (tx) => {
        const accounts = await readerAccounts(tx, principal);
        return tx<{ id: string; key: string; title: string; description: string; validFrom: string; validUntil: string | null; imageToken: string | null; imageType: string | null; action: { kind: 'interest' | 'link'; label: string; url?: string } | null; requestId: string | null }[]>`
          select k.id, k.key, k.title, k.description_markdown as description, k.valid_from::text as "validFrom", k.valid_until::text as "validUntil",
                 k.image_token as "imageToken", i.content_type as "imageType", k.action,
                 (select ci.request_id from campaign_interests ci where ci.campaign_id = k.id and ci.account_id = ${principal.accountId ?? accounts[0] ?? null}) as "requestId"
            from campaigns k left join content_images i on i.token = k.image_token
           where k.tenant_id = portico_current_tenant() and k.valid_from <= ${today}::date and (k.valid_until is null or k.valid_until >= ${today}::date)
             and ${forAudience(tx, 'k', accounts)}
           order by k.valid_from desc, k.title`;
      });
      const items: Campaign[] = rows.map((row) => ({
        id: row.id,
        key: row.key,
        title: row.title,
        description: markdownToRichText(row.description),
        validFrom: row.validFrom,
        validUntil: row.validUntil,
        image: imageUrl(slug(c), row.imageToken, row.imageType),
        action: !row.action ? null : row.action.kind === 'link' ? { kind: 'link', label: row.action.label, url: row.action.url! } : { kind: 'interest', label: row.action.label, requestId: row.requestId },
      }));
      return c.json({ items });
    })
    .post('/:id/interest', doc.portalInterest, validate('param', idParam), async (c) => {
      const principal = c.get('principal');
      const userId = clientUserOf(principal);
      const now = clock();
      const requestId = await db.withTenant(c.get('tenant').id, async (tx) => {
        const account = (await accountFor(tx, userId, undefined, principal.accountId)).id;
        const accounts = await readerAccounts(tx, principal);
        const [campaign] = await tx<{ id: string; title: string; action: { kind: string } | null }[]>`
          select id, title, action from campaigns k where k.id = ${c.req.valid('param').id} and k.tenant_id = portico_current_tenant() and ${forAudience(tx, 'k', accounts)}
             and k.valid_from <= ${now.toISOString().slice(0, 10)}::date and (k.valid_until is null or k.valid_until >= ${now.toISOString().slice(0, 10)}::date)`;
        if (!campaign || campaign.action?.kind !== 'interest') throw new AppError('not_found', 404, 'No such campaign');
        await tx`select 1 from accounts where id = ${account} for update`;
        const [existing] = await tx<{ requestId: string }[]>`select request_id as "requestId" from campaign_interests where campaign_id = ${campaign.id} and account_id = ${account}`;
        if (existing) return existing.requestId;
        const id = await requests.insertRequest(tx, { accountId: account, establishmentId: null, authorId: userId, category: 'general', subject: `${campaign.title}`.slice(0, 200), description: INTEREST[c.get('tenant').locale] }, now);
        await requests.audit(tx, { type: 'client', id: userId }, 'request-created', id);
        await tx`insert into campaign_interests (tenant_id, campaign_id, account_id, request_id, created_at) values (portico_current_tenant(), ${campaign.id}, ${account}, ${id}, ${now})`;
        return id;
      });
      return c.json({ requestId }, 201);
    });

  const feedback = new Hono().use(portalTenant(db), requirePrincipal(deps, ['portal', 'quick-access'])).post('/', doc.portalFeedback, validate('json', feedbackInput), async (c) => {
    const principal = c.get('principal');
    const userId = principal.type === 'client' ? clientUserOf(principal) : null;
    const { rating, comment } = c.req.valid('json');
    const now = clock();
    const requestId = await db.withTenant(c.get('tenant').id, async (tx) => {
      const account = userId ? (await accountFor(tx, userId, undefined, principal.accountId)).id : (await readerAccounts(tx, principal))[0]!;
      const locale = c.get('tenant').locale;
      const id = await requests.insertRequest(tx, { accountId: account, establishmentId: null, authorId: userId, category: 'feedback', subject: FEEDBACK_SUBJECT[locale](rating), description: comment ?? '—' }, now);
      await requests.audit(tx, { type: principal.type === 'client' ? 'client' : 'quick-access', id: principal.subject }, 'request-created', id);
      await tx`insert into feedback (tenant_id, account_id, request_id, rating, comment, created_at) values (portico_current_tenant(), ${account}, ${id}, ${rating}, ${comment ?? null}, ${now})`;
      return id;
    });
    return c.json({ requestId }, 201);
  });

  return { news, materials, campaigns, feedback };
}

const INTEREST = { 'pt-BR': 'Tenho interesse nesta campanha.', es: 'Me interesa esta campaña.', en: 'I am interested in this campaign.' } as const;
const FEEDBACK_SUBJECT = {
  'pt-BR': (rating: number) => `Opinião: ${rating} de 5`,
  es: (rating: number) => `Opinión: ${rating} de 5`,
  en: (rating: number) => `Feedback: ${rating} of 5`,
} as const;
