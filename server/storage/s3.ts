import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { z } from 'zod';
import { ConfigError } from '../config.ts';
import type { Storage } from './storage.ts';

/** Where an S3 bucket (AWS, or an S3-compatible service) is, and how to sign in to it. */
export interface S3Options {
  bucket: string;
  region: string;
  /** An S3-compatible service (MinIO, R2, B2, a local test server…); AWS itself when absent. */
  endpoint?: string;
  /** `https://host/bucket/key` instead of `https://bucket.host/key` (most S3-compatible services want it). */
  forcePathStyle?: boolean;
  accessKeyId: string;
  secretAccessKey: string;
  /** Put every key under this folder of the bucket, such as `portico/` (a trailing slash is added). */
  prefix?: string;
}

/** The same keys {@link localStorage} takes: made by the server, never from a file name. */
const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;
/** S3 wants parts of at least 5 MiB; with 10,000 parts at most, that allows objects of up to ~48 GiB. */
const PART_SIZE = 5 * 1024 * 1024;
/** Parts sent at once. An upload holds about (QUEUE_SIZE + 1) parts plus one being joined: ~15–20 MB with 2. */
const QUEUE_SIZE = 2;

/**
 * Files in an S3 bucket. `put` streams its body as a multipart upload (its length need not be known, and the
 * body is never held whole in memory; a failed upload is aborted, so no part of it remains), `get` streams the
 * object back, `delete` does nothing for a key that does not exist.
 */
export function s3Storage(options: S3Options): Storage {
  const prefix = normalisePrefix(options.prefix);
  const client = new S3Client({
    region: options.region,
    endpoint: options.endpoint,
    forcePathStyle: options.forcePathStyle ?? false,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Since SDK 3.729 every upload carries a CRC32 checksum header that several S3-compatible services refuse
    // (their own docs say to switch it off): send checksums only where S3 requires them when not on AWS itself.
    ...(options.endpoint ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' } as const : {}),
  });
  const objectKey = (key: string) => {
    if (!KEY.test(key)) throw new TypeError(`bad storage key ${key}`);
    return `${prefix}${key}`;
  };
  return {
    async put(key, body) {
      const upload = new Upload({
        client,
        params: { Bucket: options.bucket, Key: objectKey(key), Body: body, ContentType: 'application/octet-stream' },
        partSize: PART_SIZE,
        queueSize: QUEUE_SIZE,
        leavePartsOnError: false,
      });
      await upload.done();
    },
    async get(key) {
      const Key = objectKey(key);
      try {
        const object = await client.send(new GetObjectCommand({ Bucket: options.bucket, Key }));
        if (!object.Body) throw new Error(`S3 sent no body for ${Key}`);
        if (object.ContentLength === undefined) {
          await object.Body.transformToWebStream().cancel();
          throw new Error(`S3 sent no length for ${Key}`);
        }
        return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: object.ContentLength };
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async delete(key) {
      const Key = objectKey(key);
      try {
        await client.send(new DeleteObjectCommand({ Bucket: options.bucket, Key }));
      } catch (error) {
        // S3 itself answers 204 for a missing key; some compatible services answer 404.
        if (!isNotFound(error)) throw error;
      }
    },
  };
}

function isNotFound(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  return error instanceof S3ServiceException && (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
    && error.name !== 'NoSuchBucket';
}

function normalisePrefix(prefix: string | undefined): string {
  if (!prefix) return '';
  const trimmed = prefix.replace(/^\/+|\/+$/g, '');
  if (!PREFIX.test(trimmed)) throw new TypeError(`bad S3 prefix ${prefix}`);
  return `${trimmed}/`;
}

/** Folder names of letters, digits, dots, underscores and hyphens, without `.` or `..` segments. */
const PREFIX = /^(?!.*(^|\/)\.{1,2}(\/|$))[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

/** The S3_* environment variables (empty values count as absent, as in config.ts). */
export const s3EnvironmentSchema = z.object({
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3 to 63 lower-case letters, digits, dots and hyphens'),
  S3_REGION: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be a region such as us-east-1 or eu-west-3').default('us-east-1'),
  S3_ENDPOINT: z
    .string()
    .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), { message: 'must be an http:// or https:// URL' })
    .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), {
      message: 'must not contain credentials (use S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY)',
    })
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  S3_FORCE_PATH_STYLE: booleanFlag.default(false),
  S3_ACCESS_KEY_ID: z.string().regex(/^[\x21-\x7e]{1,128}$/, 'must be an access key id (printable characters, no spaces)'),
  S3_SECRET_ACCESS_KEY: z.string().regex(/^[\x21-\x7e]{1,256}$/, 'must be a secret access key (printable characters, no spaces)'),
  S3_PREFIX: z
    .string()
    .transform((value) => value.replace(/^\/+|\/+$/g, ''))
    .refine((value) => value === '' || PREFIX.test(value), 'must be folder names of letters, digits, dots, underscores and hyphens, such as portico/files')
    .optional(),
});

/**
 * The S3 settings in `env`, or undefined when no S3_* variable is set (files then stay on the local disk).
 * Throws a {@link ConfigError} naming the first wrong or missing variable; it never shows the keys' values.
 */
export function s3OptionsFromEnv(env: Record<string, string | undefined> = process.env): S3Options | undefined {
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('S3_') && value !== undefined && value !== ''),
  ) as Record<string, string>;
  if (Object.keys(present).length === 0) return undefined;
  const parsed = s3EnvironmentSchema.safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'S3_BUCKET');
    if (!(variable in present)) {
      throw new ConfigError(`Invalid configuration: ${variable} is required when any S3_* variable is set (${Object.keys(present).sort().join(', ')})`);
    }
    throw new ConfigError(`Invalid configuration: ${variable} ${describeIssue(issue)} (got ${shown(variable, present[variable]!)})`);
  }
  const values = parsed.data;
  return {
    bucket: values.S3_BUCKET,
    region: values.S3_REGION,
    endpoint: values.S3_ENDPOINT,
    forcePathStyle: values.S3_FORCE_PATH_STYLE,
    accessKeyId: values.S3_ACCESS_KEY_ID,
    secretAccessKey: values.S3_SECRET_ACCESS_KEY,
    prefix: values.S3_PREFIX || undefined,
  };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value' && 'values' in issue) return `must be one of ${issue.values.map(String).join(', ')}`;
  return issue.message;
}

/** A rejected value on one line, shortened; the keys are never shown, nor a password in a URL. */
function shown(variable: string, value: string): string {
  if (variable === 'S3_SECRET_ACCESS_KEY' || variable === 'S3_ACCESS_KEY_ID') return '"***"';
  const safe = variable === 'S3_ENDPOINT' ? value.replace(/\/\/[^@/]*@/, '//***@') : value;
  return JSON.stringify(safe.length > 80 ? `${safe.slice(0, 80)}…` : safe);
}
