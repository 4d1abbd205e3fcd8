import { z } from 'zod';
import { s3OptionsFromEnv, type S3Options } from './storage/s3.ts';

/** Where the server keeps its own files (the embedded database, later uploads) unless told otherwise. */
export const DEFAULT_DATA_DIR = '.portico';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\//.test(value) && URL.canParse(value), {
    message: 'must be a postgres:// or postgresql:// URL',
  });

const httpOrigin = z
  .string()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    message: 'must be an http:// or https:// URL',
  })
  .transform((value) => value.replace(/\/+$/, ''));

const environmentSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  STORAGE_DIR: z.string().min(1).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORTICO_DEMO: booleanFlag.optional(),
  PORTICO_DEMO_ORIGINS: z
    .string()
    .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
    .pipe(z.array(z.string().refine((value) => URL.canParse(value) && new URL(value).origin === value, 'must list origins such as http://localhost:3000, separated by commas')))
    .default([]),
  PUBLIC_URL: httpOrigin.optional(),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value) && URL.canParse(value), { message: 'must be an smtp:// or smtps:// URL' })
    .optional(),
  MAIL_FROM: z
    .string()
    .max(200)
    .regex(/^[^\r\n]*<?[^\s@<>]+@[^\s@<>]+>?$/, 'must be an address such as "Portico <no-reply@example.com>"')
    .default('Portico <no-reply@portico.localhost>'),
  TRUSTED_PROXIES: z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .default([]),
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, 'must be a Stripe secret or restricted key (sk_… or rk_…)').optional(),
  STRIPE_WEBHOOK_SECRET: z.string().regex(/^whsec_\w+$/, 'must be the webhook signing secret (whsec_…)').optional(),
  /** Where the Stripe API is (a local test server in tests); never set in production. */
  STRIPE_API_BASE: httpOrigin.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Requests per minute an API token may make (issue 13). */
  API_RATE_LIMIT: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** The first webhook retry waits this long, each next one twice as long (tests shorten it). */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3_600_000).default(30_000),
  /** How long a webhook receiver may take to answer. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Webhooks to loopback and private addresses and over plain http (default: everywhere but production). */
  WEBHOOK_ALLOW_PRIVATE: booleanFlag.optional(),
  /** The bearer token a Prometheus scrape of /metrics must bring; without it /metrics is served outside production only. */
  METRICS_TOKEN: z.string().min(32, 'must be at least 32 characters').regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces').optional(),
});

/** The server's settings, read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  /** A real PostgreSQL when set; otherwise the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  /** Connections to DATABASE_URL (the embedded database always uses one). */
  databasePoolSize: number;
  dataDir: string;
  /** Where uploaded files are kept (default: the `files` folder of the data directory). */
  storageDir: string;
  mode: 'development' | 'production' | 'test';
  /** Serve the demo websites and seed the demo tenants on an empty database. */
  demo: boolean;
  /** More sites allowed to embed the demo tenants (to try the widgets on your own page). */
  demoOrigins: string[];
  /** The address people reach this server at, when it is not `http://localhost:<port>`. */
  publicUrl?: string;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  /** Outgoing mail server; without it, mail is captured and shown at /dev/mail (not in production). */
  smtpUrl?: string;
  mailFrom: string;
  /** Proxies whose X-Forwarded-For is believed. */
  trustedProxies: string[];
  /** S3-compatible object storage for files, when configured (`S3_*`); otherwise files go to `storageDir`. */
  s3?: S3Options;
  /** Card payments (B5) through Stripe; without it the card options are hidden. */
  stripe?: { secretKey: string; webhookSecret: string; apiBase?: string };
  /** Requests per minute per API token. */
  apiRateLimit: number;
  webhooks: { retryBaseMs: number; timeoutMs: number; allowPrivateAddresses: boolean };
  /** The bearer token /metrics asks for (METRICS_TOKEN); without one, /metrics is not served in production. */
  metricsToken?: string;
}

/** A configuration variable that cannot be used; its message names the variable and what is wrong. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * Parses the environment into a {@link Config}, or throws one {@link ConfigError}
 * whose message is a single line naming the wrong variable.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = environmentSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = variable in present ? ` (got ${quoteSafely(variable, present[variable]!)})` : '';
    throw new ConfigError(`Invalid configuration: ${variable} ${describeIssue(issue)}${got}`);
  }
  const values = parsed.data;
  if (values.NODE_ENV === 'production' && !values.SMTP_URL) {
    throw new ConfigError('Invalid configuration: SMTP_URL is required in production, or clients would never get their e-mails');
  }
  if (Boolean(values.STRIPE_SECRET_KEY) !== Boolean(values.STRIPE_WEBHOOK_SECRET)) {
    throw new ConfigError('Invalid configuration: STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET go together, or payments would never be marked paid');
  }
  if (values.NODE_ENV === 'production' && values.STRIPE_API_BASE) {
    throw new ConfigError('Invalid configuration: STRIPE_API_BASE is for tests and must not be set in production');
  }
  return {
    port: values.PORT,
    host: values.HOST,
    databaseUrl: values.DATABASE_URL,
    databasePoolSize: values.DATABASE_POOL_SIZE,
    dataDir: values.DATA_DIR,
    storageDir: values.STORAGE_DIR ?? `${values.DATA_DIR}/files`,
    mode: values.NODE_ENV,
    demo: values.PORTICO_DEMO ?? values.NODE_ENV !== 'production',
    demoOrigins: values.PORTICO_DEMO_ORIGINS,
    publicUrl: values.PUBLIC_URL,
    logLevel: values.LOG_LEVEL,
    smtpUrl: values.SMTP_URL,
    mailFrom: values.MAIL_FROM,
    trustedProxies: values.TRUSTED_PROXIES,
    s3: s3OptionsFromEnv(present),
    stripe: values.STRIPE_SECRET_KEY && values.STRIPE_WEBHOOK_SECRET
      ? { secretKey: values.STRIPE_SECRET_KEY, webhookSecret: values.STRIPE_WEBHOOK_SECRET, apiBase: values.STRIPE_API_BASE }
      : undefined,
    apiRateLimit: values.API_RATE_LIMIT,
    webhooks: {
      retryBaseMs: values.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: values.WEBHOOK_TIMEOUT_MS,
      allowPrivateAddresses: values.WEBHOOK_ALLOW_PRIVATE ?? values.NODE_ENV !== 'production',
    },
    metricsToken: values.METRICS_TOKEN,
  };
}

/** The address the server is reached at once it listens on `port`. */
export function serverUrl(config: Config, port: number): string {
  if (config.publicUrl) return config.publicUrl;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** A rejected value, shown on one line, shortened, and without the password a database URL may carry. */
function quoteSafely(variable: string, value: string): string {
  if ((variable.startsWith('STRIPE_') && variable !== 'STRIPE_API_BASE') || variable === 'METRICS_TOKEN') return '"***"';
  const shown = variable === 'DATABASE_URL' || variable === 'SMTP_URL' ? value.replace(/\/\/[^@/]*@/, '//***@') : value;
  return JSON.stringify(shown.length > 80 ? `${shown.slice(0, 80)}…` : shown);
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `must be one of ${issue.values.map(String).join(', ')}`;
  }
  if (issue.code === 'too_small' || issue.code === 'too_big' || (issue.code === 'invalid_type' && issue.expected === 'number')) {
    if (issue.path[0] === 'PORT') return 'must be a whole number from 0 to 65535';
    if (issue.path[0] === 'DATABASE_POOL_SIZE') return 'must be a whole number from 1 to 100';
    return issue.message;
  }
  return issue.message;
}
