import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** The part of @20minutes/s3rver (a maintained fork of s3rver, without type declarations) the tests use. */
interface S3rver {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  /** Koa's middleware list (s3rver is a Koa application); composed when the server starts. */
  middleware: ((ctx: KoaContext, next: () => Promise<void>) => Promise<void>)[];
}
interface KoaContext {
  method: string;
  path: string;
  query: Record<string, string | string[] | undefined>;
  status: number;
  body: unknown;
}
type S3rverConstructor = new (options: {
  address: string;
  port: number;
  silent: boolean;
  directory: string;
  configureBuckets: { name: string }[];
  vhostBuckets: boolean;
}) => S3rver;

const require = createRequire(import.meta.url);
const S3rver = require('@20minutes/s3rver') as S3rverConstructor;
const S3Error = require('@20minutes/s3rver/lib/models/error') as new (code: string, message: string) => Error;

/** A running local S3-compatible server with one empty bucket. */
export interface S3TestServer {
  /** `http://127.0.0.1:<port>`; use path-style URLs (`forcePathStyle: true`). */
  endpoint: string;
  bucket: string;
  region: string;
  /** s3rver's built-in account; it checks the key id and the SigV4 signature made with the secret. */
  accessKeyId: string;
  secretAccessKey: string;
  /** Where the server keeps objects and multipart parts on disk. */
  directory: string;
  /** Every file the server holds for the bucket (objects and unfinished multipart uploads), relative to it. */
  files(): Promise<string[]>;
  /** Stops the server and deletes everything it stored. */
  close(): Promise<void>;
}

/**
 * Starts s3rver on 127.0.0.1 (a random port) over a fresh temporary folder: objects and multipart parts go to
 * disk, never to memory, so tests can send hundreds of megabytes.
 */
export async function startS3Server(): Promise<S3TestServer> {
  const directory = await mkdtemp(join(tmpdir(), 'portico-s3-'));
  const bucket = 'portico-test';
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
    vhostBuckets: false,
  });
  addAbortMultipartUpload(server, directory, bucket);
  let address: AddressInfo;
  try {
    address = await server.run();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  let closed = false;
  return {
    endpoint: `http://127.0.0.1:${address.port}`,
    bucket,
    region: 'us-east-1',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    directory,
    async files() {
      const root = join(directory, bucket);
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(root, join(entry.parentPath, entry.name)))
        .sort();
    },
    async close() {
      if (closed) return;
      closed = true;
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * s3rver has no AbortMultipartUpload (`DELETE /bucket/key?uploadId=…` answers MethodNotAllowed), which the SDK's
 * `Upload` sends when a stream fails. This handles it once s3rver's own router has authenticated the request and
 * refused the method: it deletes the upload's folder of parts and answers 204, or 404 NoSuchUpload as S3 does.
 */
function addAbortMultipartUpload(server: S3rver, directory: string, bucket: string): void {
  const router = server.middleware.length - 1;
  server.middleware.splice(router, 0, async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const uploadId = ctx.query.uploadId;
      const refused = (error as { code?: string }).code === 'MethodNotAllowed';
      if (!refused || ctx.method !== 'DELETE' || typeof uploadId !== 'string' || !ctx.path.startsWith(`/${bucket}/`)) throw error;
      const parts = join(directory, bucket, '._S3rver_uploads', uploadId);
      if (!/^[0-9a-f]{32}$/.test(uploadId) || !(await stat(parts).catch(() => undefined))) {
        throw new S3Error('NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');
      }
      await rm(parts, { recursive: true, force: true });
      ctx.status = 204;
      ctx.body = null;
    }
  });
}
