import { createHash } from 'node:crypto';
import { AppError } from '../http/problem.ts';
import type { Storage } from './storage.ts';
import { SNIFF_BYTES, SNIFFABLE_TYPES, safeFileName, sniffFileType } from './uploads.ts';

/** A file received and stored: its real type, its size, its SHA-256 (hex) and a name safe to show and send back. */
export interface ReceivedUpload {
  name: string;
  type: string;
  size: number;
  sha256: string;
}

export interface ReceiveUploadOptions {
  /** Larger files are refused (413) and what was stored of them deleted. */
  maxBytes: number;
  /** The MIME types accepted, among those the first bytes can prove: application/pdf, image/png, image/jpeg, image/webp. */
  allowed: readonly string[];
  /** The file name the sender gave; only shown, never used as a path. */
  declaredName: string;
  storage: Storage;
  /** Where to store the file (a server-made key, as {@link Storage} wants). */
  key: string;
}

/** The file name extensions that go with each type; a name without one gets the type's own appended. */
const EXTENSIONS: Record<string, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
};

/**
 * Receives an uploaded file as a stream (SECURITY.md 21) without holding it in memory: proves its type from its
 * first bytes (anything not allowed → 415 `unsupported_media_type`, and nothing is stored), then streams it to
 * `storage` while counting its bytes (more than `maxBytes` → 413 `payload_too_large`, and the partial object is
 * deleted) and hashing it. An empty file → 400 `invalid_input`. Only a small head (the first chunk or chunks,
 * until {@link SNIFF_BYTES} bytes have come) is ever held beyond what the storage itself buffers.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array>, options: ReceiveUploadOptions): Promise<ReceivedUpload> {
  const { maxBytes, allowed, declaredName, storage, key } = options;
  const unknown = allowed.filter((type) => !SNIFFABLE_TYPES.includes(type));
  if (unknown.length > 0) throw new TypeError(`receiveUpload cannot recognise ${unknown.join(', ')}`);
  if (!(maxBytes > 0)) throw new TypeError('receiveUpload needs a positive maxBytes');

  const reader = body.getReader();
  const discard = (reason?: unknown) => reader.cancel(reason).catch(() => undefined);

  // The head: chunks until SNIFF_BYTES bytes have come (usually the first chunk), kept to be stored first.
  const head: Uint8Array[] = [];
  let headLength = 0;
  let ended = false;
  try {
    while (headLength < SNIFF_BYTES) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      if (value.byteLength === 0) continue;
      head.push(value);
      headLength += value.byteLength;
    }
  } catch (error) {
    await discard(error);
    throw error;
  }
  if (headLength === 0) {
    throw new AppError('invalid_input', 400, 'The file is empty', [{ path: 'file', message: 'is empty' }]);
  }
  const kind = sniffFileType(firstBytes(head, SNIFF_BYTES));
  if (!kind || !allowed.includes(kind.type)) {
    await discard();
    throw leftUnread(new AppError('unsupported_media_type', 415, `Attach ${describe(allowed)}`));
  }

  let size = 0;
  let finished = false;
  let failure: AppError | undefined;
  const hash = createHash('sha256');
  const counted = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let chunk = head.shift();
        if (!chunk) {
          if (ended) {
            finished = true;
            controller.close();
            return;
          }
          const next = await reader.read();
          if (next.done) {
            finished = true;
            controller.close();
            return;
          }
          chunk = next.value;
        }
        size += chunk.byteLength;
        if (size > maxBytes) {
          failure = new AppError('payload_too_large', 413, `A file may have at most ${formatSize(maxBytes)}`);
          controller.error(failure);
          await discard(failure);
          return;
        }
        hash.update(chunk);
        controller.enqueue(chunk);
      },
      cancel(reason) {
        return discard(reason);
      },
    },
    { highWaterMark: 0 },
  );

  try {
    await storage.put(key, counted);
  } catch (error) {
    await discard(error);
    await storage.delete(key).catch(() => undefined);
    throw leftUnread(failure ?? error);
  }
  if (failure || !finished) {
    // A storage that stopped reading early, or swallowed the stream's error: what it kept is not the file.
    await discard(failure);
    await storage.delete(key).catch(() => undefined);
    throw leftUnread(failure ?? new Error(`storage did not read all of ${key}`));
  }
  return { name: fileName(declaredName, kind.type, kind.extension), type: kind.type, size, sha256: hash.digest('hex') };
}

/**
 * Marks a refusal given before the body was read to its end (a wrong type, too large, a full disk): the client may
 * still be sending, so the answer closes the connection rather than leave the rest of the body to be read as the
 * next request.
 */
function leftUnread(error: unknown): unknown {
  if (error instanceof AppError) error.closeConnection = true;
  return error;
}

/** The first `count` bytes of `chunks` (they hold at least that many, or all there is). */
function firstBytes(chunks: Uint8Array[], count: number): Uint8Array {
  if (chunks[0]!.byteLength >= count || chunks.length === 1) return chunks[0]!.subarray(0, count);
  const bytes = new Uint8Array(count);
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, count - offset);
    bytes.set(part, offset);
    offset += part.byteLength;
    if (offset >= count) break;
  }
  return bytes.subarray(0, offset);
}

/**
 * {@link safeFileName}, after also removing every other control, format and line-separator character (C1 controls,
 * zero-width characters, U+061C…), and with the type's extension appended when the name does not end with it, so
 * a PDF never comes back named `….exe`.
 */
function fileName(declared: string, type: string, extension: string): string {
  const cleaned = safeFileName(declared.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ''), extension).replace(/[.\s]+$/, '') || 'file';
  const suffix = /\.([^.]+)$/.exec(cleaned)?.[1]?.toLowerCase();
  return suffix && EXTENSIONS[type]?.includes(suffix) ? cleaned : `${cleaned}.${extension}`;
}

function describe(allowed: readonly string[]): string {
  const names: Record<string, string> = { 'application/pdf': 'a PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/webp': 'WebP' };
  const images = allowed.filter((type) => type.startsWith('image/')).map((type) => names[type]);
  const parts = [...(allowed.includes('application/pdf') ? ['a PDF'] : []), ...(images.length ? [`an image (${images.join(', ')})`] : [])];
  return parts.join(' or ') || 'a file of an accepted type';
}

function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
