import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { openApiDocument } from './generate.ts';

const swaggerDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Portico API reference</title>
<link rel="icon" href="/docs/favicon-32x32.png">
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head>
<body>
<main id="reference"><noscript>The reference needs JavaScript; the document itself is at <a href="/openapi.json">/openapi.json</a>.</noscript></main>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body>
</html>`;

const INIT = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true, tryItOutEnabled: false, defaultModelsExpandDepth: 0 });`;

/**
 * `/openapi.json`, generated once from the app's own routes (see `generate.ts`), and `/docs`, a browsable
 * reference (Swagger UI, served from our own dependencies: nothing is fetched from elsewhere).
 */
export function openApiRoutes(app: () => Hono<never>, options: { version: string; serverUrl?: string }) {
  let document: { plain: string; gzip: Buffer } | undefined;
  const docsPolicy = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  return new Hono()
    .get('/openapi.json', (c) => {
      if (!document) {
        const plain = JSON.stringify(openApiDocument(app(), options));
        document = { plain, gzip: gzipSync(plain, { level: 9 }) };
      }
      c.header('Access-Control-Allow-Origin', '*');
      c.header('Cache-Control', 'public, max-age=300');
      c.header('Vary', 'Accept-Encoding');
      // 1.2 MB of JSON, 70 KB gzipped: most of it is the same problem shapes repeated per operation.
      if (/\bgzip\b/.test(c.req.header('Accept-Encoding') ?? '')) {
        return c.body(new Uint8Array(document.gzip), 200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Encoding': 'gzip' });
      }
      return c.body(document.plain, 200, { 'Content-Type': 'application/json; charset=utf-8' });
    })
    .get('/docs', (c) => {
      c.header('Content-Security-Policy', docsPolicy);
      c.header('X-Frame-Options', 'DENY');
      return c.html(PAGE);
    })
    .get('/docs/', (c) => c.redirect('/docs'))
    .get('/docs/init.js', (c) => c.body(INIT, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=300' }))
    .get('/docs/:asset', async (c) => {
      const type = ASSETS[c.req.param('asset')];
      if (!type) return c.notFound();
      const body = await readFile(join(swaggerDir, c.req.param('asset')));
      return c.body(body, 200, { 'Content-Type': type, 'Cache-Control': 'public, max-age=86400' });
    });
}
