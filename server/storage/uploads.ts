import { createHash } from 'node:crypto';
import { AppError } from '../http/problem.ts';

/** The file types clients may attach, recognised by their first bytes, not by their names. */
const SIGNATURES: { type: string; extension: string; matches: (head: Uint8Array) => boolean }[] = [
  { type: 'application/pdf', extension: 'pdf', matches: (h) => ascii(h, 0, 5) === '%PDF-' },
  { type: 'image/png', extension: 'png', matches: (h) => h[0] === 0x89 && ascii(h, 1, 4) === 'PNG' },
  { type: 'image/jpeg', extension: 'jpg', matches: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { type: 'image/webp', extension: 'webp', matches: (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 12) === 'WEBP' },
];

/** How many first bytes {@link sniffFileType} looks at. */
export const SNIFF_BYTES = 16;

/** The type a file's first bytes prove (PDF, PNG, JPEG, WebP), or undefined; only the first {@link SNIFF_BYTES} are read. */
export function sniffFileType(head: Uint8Array): { type: string; extension: string } | undefined {
  const kind = SIGNATURES.find((signature) => signature.matches(head.subarray(0, SNIFF_BYTES)));
  return kind && { type: kind.type, extension: kind.extension };
}

/** The types {@link sniffFileType} can recognise. */
export const SNIFFABLE_TYPES: readonly string[] = SIGNATURES.map((signature) => signature.type);

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** A file as it arrived, checked: its real type, size and SHA-256, and a name safe to show and send back. */
export interface CheckedUpload {
  name: string;
  type: string;
  size: number;
  sha256: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/**
 * Checks an uploaded file (SECURITY.md 21): at most `maxBytes`, of a type its content proves (PDF, PNG, JPEG, WebP),
 * with a name cleaned of paths, control characters and bidirectional overrides.
 */
export async function checkUpload(file: File, maxBytes: number): Promise<CheckedUpload> {
  if (file.size > maxBytes) throw new AppError('payload_too_large', 413, `A file may have at most ${Math.round(maxBytes / 1024 / 1024)} MB`);
  if (file.size === 0) throw new AppError('invalid_input', 400, 'The file is empty', [{ path: 'file', message: 'is empty' }]);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = sniffFileType(bytes);
  if (!kind) throw new AppError('unsupported_media_type', 415, 'Attach a PDF or an image (PNG, JPEG, WebP)');
  return { name: safeFileName(file.name, kind.extension), type: kind.type, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** The last path segment of a name, without control or bidi-override characters, at most 120 characters. */
export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, '')
    .replace(/^\.+/, '')
    .trim()
    .slice(0, 120);
  return base || `file.${extension}`;
}

/** RFC 6266 `Content-Disposition` for a download, with an ASCII fallback and the UTF-8 name. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
