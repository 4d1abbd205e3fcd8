import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      await pipeline(Readable.fromWeb(body as never), createWriteStream(target, { mode: 0o600 }));
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
