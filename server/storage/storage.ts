import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../http/problem.ts';

/** Where files live. Keys are made by the server (never from a file name), so they are safe as paths. */
export interface Storage {
  /** Writes `body` under `key`. */
  put(key: string, body: ReadableStream<Uint8Array>): Promise<void>;
  /** The file under `key`, as a stream, or undefined. */
  get(key: string): Promise<{ body: ReadableStream<Uint8Array>; size: number } | undefined>;
  delete(key: string): Promise<void>;
}

const KEY = /^[a-z0-9-]+(\/[a-z0-9-]+)*$/;

/** Files in a local folder (the default; S3-compatible storage comes with the documents feature). */
export function localStorage(root: string): Storage {
  const base = resolve(root);
  const path = (key: string) => {
    if (!KEY.test(key)) throw new TypeError(`bad storage key ${key}`);
    return join(base, key);
  };
  return {
    async put(key, body) {
      const target = path(key);
      // Written under a name no key can have (keys have no dots), then renamed: a file is whole under its key or
      // absent — a full disk or a crash half-way leaves nothing a reader could take for the file.
      const partial = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
      try {
        await mkdir(dirname(target), { recursive: true, mode: 0o700 });
        await pipeline(Readable.fromWeb(body as never), createWriteStream(partial, { mode: 0o600 }));
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true }).catch(() => undefined);
        throw isStorageFull(error) ? storageFull() : error;
      }
    },
    async get(key) {
      const target = path(key);
      const info = await stat(target).catch(() => undefined);
      if (!info) return undefined;
      return { body: Readable.toWeb(createReadStream(target)) as ReadableStream<Uint8Array>, size: info.size };
    },
    async delete(key) {
      await rm(path(key), { force: true });
    },
  };
}

/** Errors of a file system that has no room left (ENOSPC) or a quota reached (EDQUOT). */
export function isStorageFull(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

/**
 * The answer when the file store is full: 507 Insufficient Storage (`storage_full`) as a problem document (the operator must free
 * room; the client may try again later), never a 500 — and nothing of the file is kept.
 */
export function storageFull(): AppError {
  const problem = new AppError('storage_full', 507, 'The file store is full; the file was not kept. Please try again later');
  problem.retryAfter = 60;
  return problem;
}
