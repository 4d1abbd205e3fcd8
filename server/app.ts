import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from './config.ts';
import type { Database } from './db/database.ts';
import type { KeyStore } from './auth/keys.ts';
import { PasswordHasherBusyError } from './auth/passwords.ts';
import { accountRoutes } from './features/accounts/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { portalAppointmentRoutes } from './features/appointments/routes-portal.ts';
import { integrationAppointmentRoutes } from './features/appointments/routes-v1.ts';
import { contentImageRoutes } from './features/content/images.ts';
import { portalContentRoutes } from './features/content/routes-portal.ts';
import { integrationContentRoutes } from './features/content/routes-v1.ts';
import { healthRoutes } from './features/health/routes.ts';
import { integrationModuleRoutes, portalModuleRoutes } from './features/modules/routes.ts';
import { portalProfileRoutes } from './features/profile/routes-portal.ts';
import { integrationProfileRoutes } from './features/profile/routes-v1.ts';
import { portalBillingRoutes } from './features/billing/routes-portal.ts';
import { integrationBillingRoutes } from './features/billing/routes-v1.ts';
import { paymentWebhookRoutes } from './features/billing/routes-webhooks.ts';
import type { PaymentProvider } from './features/billing/payments/provider.ts';
import { portalDocumentRoutes } from './features/documents/routes-portal.ts';
import { integrationDocumentRoutes, MAX_DOCUMENT_BYTES } from './features/documents/routes-v1.ts';
import { portalProcessRoutes } from './features/processes/routes-portal.ts';
import { integrationProcessRoutes } from './features/processes/routes-v1.ts';
import { portalRequestRoutes } from './features/requests/routes-portal.ts';
import { integrationRequestRoutes } from './features/requests/routes-v1.ts';
import { userRoutes } from './features/users/routes.ts';
import { devMailRoutes } from './mail/dev-routes.ts';
import type { CaptureMailer } from './mail/mailer.ts';
import type { Storage } from './storage/storage.ts';
import { tenantRoutes } from './features/tenants/routes.ts';
import { logoImageRoutes, logoRoutes } from './features/tenants/routes-logo.ts';
import type { Logger } from './http/logger.ts';
import { noStore, requestLogging } from './http/middleware.ts';
import { AppError, problemResponse } from './http/problem.ts';
import { adminConsoleRoutes, demoSiteRoutes, widgetBundleRoutes } from './http/static-files.ts';
import { staffBearer } from './http/staff-auth.ts';
import { staffAuthRoutes } from './features/staff/routes-auth.ts';
import { staffRoutes } from './features/staff/routes-v1.ts';
import { accountListRoutes, userAdminRoutes } from './features/admin/routes-lists.ts';
import { auditRoutes } from './features/admin/routes-audit.ts';
import { settingsRoutes } from './features/admin/routes-settings.ts';
import { tokenRoutes } from './features/admin/routes-tokens.ts';
import { mailRoutes } from './features/admin/routes-mail.ts';
import { originGuard, tenantCors } from './http/tenant-cors.ts';
import { eventFeedRoutes, webhookRoutes } from './features/webhooks/routes-v1.ts';
import { demoWebhookReceiver } from './features/webhooks/demo-receiver.ts';
import { openApiRoutes } from './openapi/routes.ts';
import { PORTICO_VERSION } from './version.ts';
import { createMetrics } from './metrics/metrics.ts';

/** What the app is built from; tests pass their own (a fake clock, a silent logger). */
export interface AppDeps {
  config: Config;
  db: Database;
  logger: Logger;
  /** The current time; a test may fix it. */
  clock: () => Date;
  /** The schema version this code expects (the number of migrations). */
  schemaVersion: number;
  /** The access-token signing keys. */
  keys: KeyStore;
  /** Asks the mail dispatcher to send what was just committed to the outbox. */
  wakeMail: () => void;
  /** Where uploaded files go. */
  storage: Storage;
  /** Card payments (B5), when a provider is configured; without one the card options are hidden. */
  payments?: PaymentProvider;
  /** Asks the webhook dispatcher to deliver what was just committed. */
  wakeWebhooks?: () => void;
  /** Mail kept instead of sent (no SMTP_URL, development): shown at /dev/mail. */
  capturedMail?: CaptureMailer;
}

/** Builds the Portico HTTP app: middleware, the features, the widget bundle and (in demo mode) the demo sites. */
export function createApp(deps: AppDeps) {
  const { config, logger } = deps;
  // Counts requests, latency and the request transactions for /metrics; every feature gets the counted database.
  const metrics = createMetrics({ db: deps.db, poolSize: config.databaseUrl ? config.databasePoolSize : 1, token: config.metricsToken, mode: config.mode });
  const db = metrics.trackDatabase(deps.db);
  const app = new Hono();

  app.use(requestId({ generator: () => crypto.randomUUID() }));
  app.use(metrics.recordRequests);
  app.use(requestLogging(logger));
  app.use(
    secureHeaders({
      overwrite: false,
      crossOriginResourcePolicy: 'same-origin',
      crossOriginOpenerPolicy: 'same-origin',
      referrerPolicy: 'no-referrer',
      strictTransportSecurity: config.publicUrl?.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
    }),
  );

  const smallBodies = bodyLimit({ maxSize: API_BODY_LIMIT, onError: tooLarge });
  const fileBodies = bodyLimit({ maxSize: ATTACHMENT_BODY_LIMIT, onError: tooLarge });
  // Documents are streamed to storage and counted on the way (Hono's bodyLimit would read a chunked body into
  // memory ahead of the handler); a declared length beyond any document is refused before reading.
  const documentBodies: MiddlewareHandler = async (c, next) => {
    if (Number(c.req.header('Content-Length') ?? 0) > MAX_DOCUMENT_BYTES) tooLarge(c);
    await next();
  };
  app.use('/api/*', noStore(), tenantCors(db), originGuard(), async function apiBodyLimit(c, next) {
    if (/^\/api\/v1\/(documents\/[^/]+|content\/materials\/[^/]+)\/file$/.test(c.req.path)) return documentBodies(c, next);
    return (isUpload(c.req.path) ? fileBodies : smallBodies)(c, next);
  });
  // A staff member signed in to the console calls the management API with their session (issue 12).
  // A change that went through may have written events: their webhooks go out now rather than at the next round.
  app.use('/api/*', async function wakeWebhooksAfterChange(c, next) {
    await next();
    if (c.req.method !== 'GET' && c.res.status < 400) deps.wakeWebhooks?.();
  });
  app.use('/api/v1/*', staffBearer({ db, keys: deps.keys, clock: deps.clock }), async function apiRateLimit(c, next) {
    c.set('apiRateLimit', config.apiRateLimit);
    await next();
  });
  app.route('/api/portal/tenants', tenantRoutes(db));
  const authDeps = { db, keys: deps.keys, clock: deps.clock, wakeMail: deps.wakeMail, trustedProxies: config.trustedProxies };
  app.route('/api/portal/auth', authRoutes(authDeps));
  app.route('/api/portal/requests', portalRequestRoutes({ ...authDeps, storage: deps.storage }));
  app.route('/api/v1/requests', integrationRequestRoutes({ db, clock: deps.clock, wakeMail: deps.wakeMail, storage: deps.storage }));
  app.route('/api/portal/billing', portalBillingRoutes({ ...authDeps, storage: deps.storage, payments: deps.payments }));
  app.route('/api/v1/billing', integrationBillingRoutes({ db, clock: deps.clock, storage: deps.storage, cardAvailable: Boolean(deps.payments) }));
  if (deps.payments) app.route('/api/webhooks', paymentWebhookRoutes({ db, clock: deps.clock, payments: deps.payments, logger }));
  app.route('/api/portal/processes', portalProcessRoutes(authDeps));
  app.route('/api/portal/documents', portalDocumentRoutes({ ...authDeps, storage: deps.storage, publicUrl: config.publicUrl }));
  app.route('/api/v1/documents', integrationDocumentRoutes({ db, clock: deps.clock, storage: deps.storage, wakeMail: deps.wakeMail }));
  app.route('/api/v1/processes', integrationProcessRoutes({ db, clock: deps.clock, wakeMail: deps.wakeMail }));
  app.route('/api/portal/appointments', portalAppointmentRoutes(authDeps));
  app.route('/api/v1/appointments', integrationAppointmentRoutes({ db, clock: deps.clock, wakeMail: deps.wakeMail }));
  app.route('/api/v1/branding', logoRoutes({ db, clock: deps.clock }));
  const content = portalContentRoutes({ ...authDeps, storage: deps.storage });
  app.route('/api/portal/news', content.news);
  app.route('/api/portal/materials', content.materials);
  app.route('/api/portal/campaigns', content.campaigns);
  app.route('/api/portal/feedback', content.feedback);
  app.route('/api/content-images', contentImageRoutes(db));
  app.route('/api/tenant-logos', logoImageRoutes(db));
  app.route('/api/v1/content', integrationContentRoutes({ db, clock: deps.clock, storage: deps.storage }));
  app.route('/api/portal/modules', portalModuleRoutes(authDeps));
  const modules = integrationModuleRoutes({ db, clock: deps.clock });
  app.route('/api/v1/accounts', modules.accounts);
  app.route('/api/v1/branding', modules.branding);
  app.route('/api/portal/profile', portalProfileRoutes(authDeps));
  app.route('/api/v1/profile', integrationProfileRoutes({ db, clock: deps.clock, wakeMail: deps.wakeMail }));
  app.route('/api/v1/accounts', accountRoutes({ db, clock: deps.clock }));
  app.route('/api/v1/users', userAdminRoutes({ db, clock: deps.clock, wakeMail: deps.wakeMail }));
  app.route('/api/v1/users', userRoutes({ db, clock: deps.clock, wakeMail: deps.wakeMail }));
  app.route('/api/v1/accounts', accountListRoutes({ db, clock: deps.clock }));
  const consoleUrl = config.publicUrl ?? `http://localhost:${config.port}`;
  app.route('/api/v1/settings', settingsRoutes({ db, clock: deps.clock, publicUrl: consoleUrl }));
  app.route('/api/v1/audit', auditRoutes({ db, clock: deps.clock }));
  app.route('/api/v1/tokens', tokenRoutes({ db, clock: deps.clock }));
  app.route('/api/v1/mail', mailRoutes({ db, keys: deps.keys, clock: deps.clock, wakeMail: deps.wakeMail, publicUrl: consoleUrl }));
  app.route('/api/v1/staff', staffRoutes({ db, clock: deps.clock, wakeMail: deps.wakeMail, consoleUrl }));
  const wakeWebhooks = () => deps.wakeWebhooks?.();
  app.route('/api/v1/webhooks', webhookRoutes({ db, clock: deps.clock, wakeWebhooks, allowPrivateAddresses: config.webhooks.allowPrivateAddresses }));
  app.route('/api/v1/events', eventFeedRoutes({ db, clock: deps.clock }));
  app.route('/', openApiRoutes(() => app as never, { version: PORTICO_VERSION, serverUrl: config.publicUrl }));
  app.route('/api/admin/auth', staffAuthRoutes({ db, keys: deps.keys, clock: deps.clock, trustedProxies: config.trustedProxies }));
  app.get('/.well-known/jwks.json', (c) => {
    c.header('Cache-Control', 'public, max-age=300');
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(deps.keys.jwks());
  });
  if (deps.capturedMail && config.mode !== 'production') app.route('/dev', devMailRoutes(deps.capturedMail));
  if (config.demo && config.mode !== 'production') app.route('/dev', demoWebhookReceiver(db));
  app.route('/', healthRoutes(db, deps.schemaVersion));
  app.route('/', metrics.routes());
  app.route('/', widgetBundleRoutes());
  app.route('/', adminConsoleRoutes());
  if (config.demo) app.route('/demo', demoSiteRoutes());
  app.get('/', (c) => (config.demo ? c.redirect('/demo/') : c.json({ name: 'Portico' })));

  app.notFound((c) => problemResponse(c, new AppError('not_found', 404, `Nothing at ${c.req.method} ${c.req.path.slice(0, 200)}`)));
  app.onError((error, c) => {
    const known = asAppError(error);
    if (known) return problemResponse(c, known);
    (c.get('log') ?? logger).error({ err: error, path: c.req.path }, 'unhandled error');
    return problemResponse(c, new AppError('internal_error', 500, 'Something went wrong on our side; the request id identifies it'));
  });
  return app;
}

/** Request bodies on the API are small JSON documents; uploads get room for one file and its form. */
const API_BODY_LIMIT = 1024 * 1024;
const ATTACHMENT_BODY_LIMIT = 10 * 1024 * 1024 + 64 * 1024;

/** Routes that take a file: a client's attachment, a billing file or a content image the business uploads as the raw body. */
function isUpload(path: string): boolean {
  return (
    path.endsWith('/attachments') ||
    /^\/api\/v1\/billing\/(charges\/[^/]+\/boleto|invoices\/[^/]+\/(pdf|xml)|reports\/[^/]+\/file)$/.test(path) ||
    /^\/api\/v1\/content\/(news|campaigns)\/[^/]+\/image$/.test(path)
  );
}

function tooLarge(c: Context): never {
  // The rest of the body is never read, so this connection cannot carry another request.
  c.header('Connection', 'close');
  throw new AppError('payload_too_large', 413, 'The request body is larger than this endpoint takes');
}

/** postgres.js and socket error codes that mean the database is unreachable, not that the request was wrong. */
const DATABASE_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', '57P01', '57P03']);

/** The problem an error stands for, if it is one we expect: our own, Hono's client errors, a database outage. */
function asAppError(error: Error): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException && error.status < 500) {
    return /json/i.test(error.message)
      ? new AppError('malformed_json', 400, 'The request body is not valid JSON')
      : new AppError('invalid_input', error.status as ContentfulStatusCode, error.message);
  }
  if (error instanceof PasswordHasherBusyError) {
    const busy = new AppError('service_unavailable', 503, 'Too many sign-ins at this moment; please try again in a few seconds');
    busy.retryAfter = 5;
    return busy;
  }
  if (DATABASE_DOWN.has((error as { code?: string }).code ?? '')) {
    return new AppError('service_unavailable', 503, 'The portal is briefly unavailable; please try again in a moment');
  }
  return undefined;
}

/** The Hono app type, for tests and for the widgets' API client types. */
export type PorticoApp = ReturnType<typeof createApp>;
