import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { actorOf, requireRecentPassword } from '../../http/staff-auth.ts';
import { sniffFileType } from '../../storage/uploads.ts';
import { logoProblem } from '../billing/pdf/document.ts';
import { findEnabledTenant } from './queries.ts';
import { tenantRouteDocs as doc } from './route-docs.ts';

/** The largest logo image PDFs carry (the database checks it too). */
export const MAX_LOGO_BYTES = 256 * 1024;

/**
 * `/api/v1/branding/logo`: the tenant's logo as an image the server keeps — PNG or JPEG as the raw body, recognised by
 * its content, at most 256 KB — drawn on the PDFs it makes (guides, statements, boletos) and, served at
 * `/api/tenant-logos/{slug}`, shown by the widgets and the mail (the tenant's logo URL is set to it).
 */
export function logoRoutes(deps: { db: Database; clock: () => Date }) {
  const { db } = deps;
  const writes = requireIntegration(deps, 'branding:write');
  return new Hono()
    .put('/logo', doc.putLogo, writes, requireRecentPassword(), async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > MAX_LOGO_BYTES) throw new AppError('payload_too_large', 413, `The logo must be at most ${MAX_LOGO_BYTES / 1024} KB`);
      const type = sniffFileType(bytes)?.type;
      if (type !== 'image/png' && type !== 'image/jpeg') throw new AppError('unsupported_media_type', 415, 'The logo must be a PNG or JPEG image');
      // The PDF library would hang or crash on some broken images: each is decoded and checked before it is kept.
      const problem = logoProblem({ bytes, type });
      if (problem) throw new AppError('invalid_input', 400, `The logo cannot be used: ${problem}`, [{ path: 'body', message: problem }]);
      const now = deps.clock();
      // The version in the query makes each new logo a new URL, so the long cache never shows an old one.
      const logoUrl = `/api/tenant-logos/${c.get('tenant').slug}?v=${now.getTime().toString(36)}`;
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`insert into tenant_logos (tenant_id, content_type, bytes, updated_at) values (portico_current_tenant(), ${type}, ${bytes}, ${now})
                 on conflict (tenant_id) do update set content_type = excluded.content_type, bytes = excluded.bytes, updated_at = excluded.updated_at`;
        await tx`update tenants set logo_url = ${logoUrl}, updated_at = ${now} where id = portico_current_tenant()`;
        await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id, data)
                 values (portico_current_tenant(), ${actorOf(c).type}, ${actorOf(c).id}, 'logo-changed', 'tenant', ${c.get('tenant').id}, ${tx.json({ type, size: bytes.length })})`;
      });
      return c.json({ type, size: bytes.length, logoUrl });
    })
    .delete('/logo', doc.deleteLogo, writes, requireRecentPassword(), async (c) => {
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`delete from tenant_logos where tenant_id = portico_current_tenant()`;
        await tx`update tenants set logo_url = null, updated_at = ${deps.clock()} where id = portico_current_tenant() and logo_url like '/api/tenant-logos/%'`;
      });
      return c.body(null, 204);
    });
}

/** `/api/tenant-logos/{slug}`: the uploaded logo, for any page to show (the widgets run on the business's site). */
export function logoImageRoutes(db: Database) {
  return new Hono().get('/:slug{[a-z0-9-]{1,40}}', async (c) => {
    const tenant = await db.withoutTenant((tx) => findEnabledTenant(tx, c.req.param('slug')));
    const [logo] = tenant
      ? await db.withTenant(tenant.id, (tx) => tx<{ type: string; bytes: Uint8Array }[]>`select content_type as type, bytes from tenant_logos where tenant_id = portico_current_tenant()`)
      : [];
    if (!logo) throw new AppError('not_found', 404, 'No logo');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Cache-Control', 'public, max-age=86400');
    c.header('Content-Security-Policy', "default-src 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(logo.bytes), 200, { 'Content-Type': logo.type });
  });
}
