import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { clientUserOf, portalTenant, requirePrincipal } from '../../http/portal-auth.ts';
import { AppError } from '../../http/problem.ts';
import { validate } from '../../http/validate.ts';
import { downloadResponse } from '../../storage/downloads.ts';
import type { Storage } from '../../storage/storage.ts';
import type { AuthDeps } from '../auth/service.ts';
import { liveSession } from '../auth/sessions.ts';
import { readDownload, signDownload } from './links.ts';
import * as q from './queries.ts';
import { documentRouteDocs as doc } from './route-docs.ts';
import { ESOCIAL, listQuery } from './schemas.ts';

type Locale = 'pt-BR' | 'es' | 'en';
const idParam = z.object({ id: z.uuid() });
const localeQuery = z.object({ locale: z.enum(['pt-BR', 'es', 'en']).optional() });
const noSuchDocument = () => new AppError('not_found', 404, 'No such document');

/** The calendar date `months` before `today` (YYYY-MM-DD). */
function monthsBefore(today: Date, months: number): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  return date.toISOString().slice(0, 10);
}

/** What a person who followed a dead download link reads, in the portal's three languages. */
function linkProblemPage(error: AppError): string {
  const expired = error.code === 'link_expired';
  const lines = expired
    ? ['Este link de download expirou. Volte ao portal e baixe o documento de novo.', 'Este enlace de descarga ha caducado. Vuelva al portal y descargue el documento de nuevo.', 'This download link has expired. Go back to the portal and download the document again.']
    : ['Este link de download não é válido para você. Volte ao portal e baixe o documento de lá.', 'Este enlace de descarga no es válido para usted. Vuelva al portal y descárguelo desde allí.', 'This download link is not valid for you. Go back to the portal and download the document from there.'];
  return `<!doctype html><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${expired ? 'Link expired' : 'Link not valid'}</title>${lines.map((line) => `<p>${line}</p>`).join('')}`;
}

/**
 * `/api/portal/documents`: the files the business delivers (D1–D3) — only the categories it shows, only the
 * establishments the user reaches — downloaded through the API or a short-lived signed link bound to the user.
 * Every download is recorded.
 */
export function portalDocumentRoutes(deps: AuthDeps & { storage: Storage; publicUrl?: string }) {
  const { db, clock, storage } = deps;
  const localeOf = (c: Context, asked?: Locale): Locale => asked ?? c.get('tenant').locale;

  /** Streams a document's file, recording who downloaded it and how. */
  const send = async (tenantId: string, found: { id: string; storageKey: string | null; file: { name: string; type: string } | null }, userId: string, via: 'api' | 'link') => {
    const file = found.storageKey && found.file ? await storage.get(found.storageKey) : undefined;
    if (!file || !found.file) throw noSuchDocument();
    await db.withTenant(tenantId, (tx) => q.recordDownload(tx, found.id, userId, via, clock()));
    return downloadResponse(file.body, { name: found.file.name, type: found.file.type, size: file.size });
  };

  /** Downloads the file a signed link stands for, if the link, its session and the user's scope all still hold. */
  const followLink = async (c: Context) => {
    const now = clock();
    const grant = await readDownload(deps.keys, c.req.param('token')!, now);
    const found = await db.withTenant(grant.tenantId, async (tx) => {
      if (!(await liveSession(tx, grant.sessionId, now))) throw new AppError('invalid_link', 403, 'The session this link was made for has ended');
      return q.findDocument(tx, { userId: grant.userId }, grant.documentId, 'en');
    });
    if (!found) throw noSuchDocument();
    return send(grant.tenantId, found, grant.userId, 'link');
  };

  return (
    new Hono()
      // A signed link needs no header or token: the browser follows it like any download. It is checked again against
      // the session (still live) and the user's scope (still reaches the file) when it is used. Any token is taken
      // here, so a malformed one is the same 403 as a forged one (not a 401 from the session routes below).
      .get('/download/:token', doc.followLink, async (c) => {
        try {
          return await followLink(c);
        } catch (error) {
          // The browser followed the link as a navigation (on another site, `download` is ignored): a JSON problem
          // would replace the client's page, so it gets a short page in words instead, with the same status.
          if (!(error instanceof AppError) || /json/.test(c.req.header('Accept') ?? '')) throw error;
          c.header('Content-Security-Policy', "default-src 'none'");
          return c.html(linkProblemPage(error), error.status);
        }
      })
      .use(portalTenant(db), requirePrincipal(deps, ['portal']))
      .get('/catalog', doc.catalog, validate('query', localeQuery), async (c) => {
        clientUserOf(c.get('principal'));
        return c.json(await db.withTenant(c.get('tenant').id, (tx) => q.catalog(tx, localeOf(c, c.req.valid('query').locale))));
      })
      .get('/', doc.portalList, validate('query', listQuery.extend(localeQuery.shape)), async (c) => {
        const userId = clientUserOf(c.get('principal'));
        const { rectified, since, locale, ...filters } = c.req.valid('query');
        const page = await db.withTenant(c.get('tenant').id, async (tx) => {
          // The eSocial view starts from the tenant's choices (seed 004); the client may change them.
          const settings = await q.documentSettings(tx);
          const months = since === 'all' ? null : since ? Number(since) : settings.esocialSinceMonths;
          return q.listDocuments(
            tx,
            { userId },
            {
              ...filters,
              rectified: rectified === undefined ? settings.esocialIncludeRectified : rectified === 'true',
              esocialSince: filters.category === ESOCIAL && months ? monthsBefore(clock(), months) : undefined,
            },
            localeOf(c, locale),
          );
        });
        return c.json(page);
      })
      .get('/:id/file', doc.portalFile, validate('param', idParam), async (c) => {
        const userId = clientUserOf(c.get('principal'));
        const found = await db.withTenant(c.get('tenant').id, (tx) => q.findDocument(tx, { userId }, c.req.valid('param').id, 'en'));
        if (!found) throw noSuchDocument();
        return send(c.get('tenant').id, found, userId, 'api');
      })
      .post('/:id/link', doc.portalLink, validate('param', idParam), async (c) => {
        const principal = c.get('principal');
        const userId = clientUserOf(principal);
        const { id } = c.req.valid('param');
        const found = await db.withTenant(c.get('tenant').id, (tx) => q.findDocument(tx, { userId }, id, 'en'));
        if (!found) throw noSuchDocument();
        const { token, expiresAt } = await signDownload(deps.keys, { tenantId: c.get('tenant').id, documentId: id, userId, sessionId: principal.sessionId }, clock());
        // Behind a proxy the request's own address may be an internal one: the configured public address wins.
        return c.json({ url: `${deps.publicUrl ?? new URL(c.req.url).origin}/api/portal/documents/download/${token}`, expiresAt });
      })
  );
}
