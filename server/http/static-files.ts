import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from './problem.ts';

/** Where `npm run build:widgets` writes the loader (`embed.js`) and its chunks (`widgets/`). */
export const WIDGET_BUNDLE_DIR = fileURLToPath(new URL('../../dist/public/', import.meta.url));
const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

/** Any site may load the bundle (module scripts are fetched with CORS), and images may be shown cross-origin. */
const publicAsset = (cacheControl: string): MiddlewareHandler =>
  async function publicAsset(c, next) {
    await next();
    if (!c.res.ok) return;
    c.header('Access-Control-Allow-Origin', '*');
    c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    c.header('Cache-Control', cacheControl);
  };

/** `/embed.js` and `/widgets/…`: the loader is re-checked every few minutes, the hashed chunks are immutable. */
export function widgetBundleRoutes() {
  const app = new Hono();
  if (!existsSync(`${WIDGET_BUNDLE_DIR}/embed.js`)) {
    app.get('/embed.js', () => {
      throw new AppError('not_found', 404, 'The widget bundle is not built: run npm run build:widgets');
    });
    return app;
  }
  const files = serveStatic({ root: WIDGET_BUNDLE_DIR });
  app.get('/embed.js', publicAsset('public, max-age=300'), files);
  app.get('/widgets/*', publicAsset('public, max-age=31536000, immutable'), files);
  app.get('/admin.js', async function consoleScript(c, next) {
    await next();
    if (c.res.ok) c.header('Cache-Control', 'no-cache');
  }, files);
  return app;
}

/**
 * The staff console's page (`/admin/`): one element and the console's script, under a strict policy — nothing from
 * elsewhere, and never inside a frame (SECURITY.md 14: clickjacking a settings page is an attack on every client).
 */
export function adminConsoleRoutes() {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob: https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
  const page = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex">
    <title>Portico console</title>
    <link rel="icon" href="data:,">
    <script type="module" src="/admin.js"></script>
  </head>
  <body>
    <portico-admin></portico-admin>
  </body>
</html>
`;
  return new Hono()
    .get('/admin', (c) => c.redirect('/admin/'))
    .get('/admin/', (c) => {
      c.header('Content-Security-Policy', csp);
      c.header('X-Frame-Options', 'DENY');
      c.header('Cache-Control', 'no-store');
      return c.html(page);
    });
}

/**
 * The demo websites (`/demo/<slug>/`), served under the strict Content-Security-Policy a careful host would
 * use (SECURITY.md 20), so the demo proves the widgets need nothing more.
 */
export function demoSiteRoutes() {
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: https:",
    "connect-src 'self'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
  ].join('; ');
  return new Hono()
    .get('/', (c) => c.redirect('/demo/clinica-sol/'))
    .get('/:slug{[a-z0-9-]+}', (c) => c.redirect(`/demo/${c.req.param('slug')}/`))
    .use('/*', async function demoHeaders(c, next) {
      await next();
      c.header('Content-Security-Policy', csp);
      c.header('Cross-Origin-Resource-Policy', 'cross-origin');
    })
    // Only the sites' own pages and assets: the demo folder also holds the seed code, which is not for the web.
    .get('/:slug{[a-z0-9-]+}/:file{([\\w-]+\\.(html|css|js|svg|png|jpg|webp))?}', serveStatic({ root: DEMO_DIR, rewriteRequestPath: (path) => path.replace(/^\/demo/, '') }));
}
