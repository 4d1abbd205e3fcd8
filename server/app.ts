import { Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import { healthRoutes } from './features/health/routes.ts';
import { tenantRoutes } from './features/tenants/routes.ts';
import type { Logger } from './http/logger.ts';
import { noStore, requestLogging } from './http/middleware.ts';
import { AppError, problemResponse } from './http/problem.ts';
import { demoSiteRoutes, widgetBundleRoutes } from './http/static-files.ts';
import { originGuard, tenantCors } from './http/tenant-cors.ts';

/** What the app is built from; tests pass their own (a fake clock, a silent logger). */
export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  /** The current time; a test may fix it. */
  clock: () => Date;
  /** The schema version this code expects (the number of migrations). */
  schemaVersion: number;
}

/** Builds the Portico HTTP app: middleware, the features, the widget bundle and (in demo mode) the demo sites. */
export function createApp(deps: AppDeps) {
  const { config, db, logger } = deps;
  const app = new Hono();

  app.use(requestId({ generator: () => crypto.randomUUID() }));
  app.use(requestLogging(logger));
  app.use(
    secureHeaders({
      overwrite: false,
      crossOriginResourcePolicy: 'same-origin',
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: config.publicUrl.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
    }),
  );

  app.use('/api/*', noStore(), tenantCors(db), originGuard());
  app.route('/api/portal/tenants', tenantRoutes(db));
  app.route('/', healthRoutes(db, deps.schemaVersion));
  app.route('/', widgetBundleRoutes());
  if (config.demo) app.route('/demo', demoSiteRoutes());
  app.get('/', (c) => (config.demo ? c.redirect('/demo/') : c.json({ name: 'Portico' })));

  app.notFound((c) => problemResponse(c, new AppError('not_found', 404, `Nothing at ${c.req.method} ${c.req.path.slice(0, 200)}`)));
  app.onError((error, c) => {
    if (error instanceof AppError) return problemResponse(c, error);
    if (error instanceof HTTPException && error.status === 400 && /json/i.test(error.message)) {
      return problemResponse(c, new AppError('malformed_json', 400, 'The request body is not valid JSON'));
    }
    if (error instanceof HTTPException && error.status === 413) {
      return problemResponse(c, new AppError('payload_too_large', 413, 'The request body is too large'));
    }
    (c.get('log') ?? logger).error({ err: error, path: c.req.path }, 'unhandled error');
    return problemResponse(c, new AppError('internal_error', 500, 'Something went wrong on our side; the request id identifies it'));
  });
  return app;
}

/** The Hono app type, for tests and for the widgets' API client types. */
export type PorticoApp = ReturnType<typeof createApp>;
