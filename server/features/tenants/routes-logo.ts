import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { requireIntegration } from '../../http/integration-auth.ts';
import { AppError } from '../../http/problem.ts';
import { sniffFileType } from '../../storage/uploads.ts';
import { logoProblem } from '../billing/pdf/document.ts';

/** The largest logo image PDFs carry (the database checks it too). */
export const MAX_LOGO_BYTES = 256 * 1024;

/**
 * `/api/v1/branding/logo`: the logo image the server draws on the PDFs it makes (guides, statements, boletos):
 * PNG or JPEG as the raw body, recognised by its content, at most 256 KB. The widgets keep using the logo URL.
 */
export function logoRoutes(deps: { db: Database; clock: () => Date }) {
  const { db } = deps;
  const writes = requireIntegration(deps, 'branding:write');
  return new Hono()
    .put('/logo', writes, async (c) => {
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      if (bytes.length > MAX_LOGO_BYTES) throw new AppError('payload_too_large', 413, `The logo must be at most ${MAX_LOGO_BYTES / 1024} KB`);
      const type = sniffFileType(bytes)?.type;
      if (type !== 'image/png' && type !== 'image/jpeg') throw new AppError('unsupported_media_type', 415, 'The logo must be a PNG or JPEG image');
      // The PDF library would hang or crash on some broken images: each is decoded and checked before it is kept.
      const problem = logoProblem({ bytes, type });
      if (problem) throw new AppError('invalid_input', 400, `The logo cannot be used: ${problem}`, [{ path: 'body', message: problem }]);
      await db.withTenant(c.get('tenant').id, async (tx) => {
        await tx`insert into tenant_logos (tenant_id, content_type, bytes, updated_at) values (portico_current_tenant(), ${type}, ${bytes}, ${deps.clock()})
                 on conflict (tenant_id) do update set content_type = excluded.content_type, bytes = excluded.bytes, updated_at = excluded.updated_at`;
      });
      return c.json({ type, size: bytes.length });
    })
    .delete('/logo', writes, async (c) => {
      await db.withTenant(c.get('tenant').id, (tx) => tx`delete from tenant_logos where tenant_id = portico_current_tenant()`);
      return c.body(null, 204);
    });
}
