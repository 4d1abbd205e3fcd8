import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import type { Database, Tx } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';
import { sniffFileType } from '../../storage/uploads.ts';
import { findEnabledTenant } from '../tenants/queries.ts';

/** The largest image a news item or campaign may carry. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * Keeps an uploaded image — PNG, JPEG or WebP proven by its first bytes, at most 2 MB — under a new unguessable
 * token and returns it.
 */
export async function storeImage(tx: Tx, bytes: Uint8Array): Promise<string> {
  if (bytes.length === 0) throw new AppError('invalid_input', 400, 'The image is empty', [{ path: 'body', message: 'must be an image' }]);
  if (bytes.length > MAX_IMAGE_BYTES) throw new AppError('payload_too_large', 413, 'An image may be at most 2 MB');
  const type = sniffFileType(bytes)?.type;
  if (!type || !IMAGE_TYPES.has(type)) throw new AppError('unsupported_media_type', 415, 'The image must be PNG, JPEG or WebP');
  const token = randomBytes(24).toString('base64url');
  await tx`insert into content_images (token, tenant_id, content_type, bytes) values (${token}, portico_current_tenant(), ${type}, ${bytes})`;
  return token;
}

/** Where a widget loads an image from. */
export function imageUrl(slug: string, token: string | null, type: string | null): { url: string; type: string } | null {
  return token && type ? { url: `/api/content-images/${slug}/${token}`, type } : null;
}

/**
 * `/api/content-images/{slug}/{token}`: an image of a news item or campaign, for any `<img>` on any embedding page
 * (no access token: the address itself is the secret). Cached for a day; the bytes never change under a token.
 */
export function contentImageRoutes(db: Database) {
  return new Hono().get('/:slug{[a-z0-9-]{1,40}}/:token{[A-Za-z0-9_-]{32,64}}', async (c) => {
    const tenant = await db.withoutTenant((tx) => findEnabledTenant(tx, c.req.param('slug')));
    const [image] = tenant
      ? await db.withTenant(tenant.id, (tx) => tx<{ type: string; bytes: Uint8Array }[]>`select content_type as type, bytes from content_images where token = ${c.req.param('token')}`)
      : [];
    if (!image) throw new AppError('not_found', 404, 'No such image');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Cache-Control', 'public, max-age=86400, immutable');
    c.header('Content-Security-Policy', "default-src 'none'");
    c.header('X-Content-Type-Options', 'nosniff');
    return c.body(new Uint8Array(image.bytes), 200, { 'Content-Type': image.type });
  });
}
