import { inflateSync } from 'node:zlib';

/**
 * The tenant's logo on its PDFs. pdfkit draws PNG and JPEG, but trusts the file: png-js (which pdfkit uses) loops
 * forever on a chunk whose length is negative as a signed number, reads as far as a chunk says, and decodes
 * PNGs with alpha, transparency or interlacing later, in a zlib callback where a corrupt file throws out of reach of
 * any `catch` (a crash of the whole server). So a logo is checked here first: its chunks walked, its pixels
 * bounded, its image data inflated and its rows checked as png-js will read them. A logo that fails is not drawn;
 * the document is made without it.
 */

/** A logo image as a tenant gives it. */
export interface PdfLogo {
  bytes: Uint8Array;
  type: 'image/png' | 'image/jpeg';
}

/** The largest logo drawn: a side of at most 4096 pixels and at most 4 megapixels (16 MB decoded, at most). */
export const MAX_LOGO_SIDE = 4096;
export const MAX_LOGO_PIXELS = 4_000_000;

/** A logo opened in a document: pdfkit's image object (embedded once, drawn on every page) and its size as shown. */
export interface OpenedLogo {
  image: object;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Bit depths the PNG standard allows for each colour type. */
const PNG_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const PNG_CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** The passes of an interlaced PNG (Adam7): first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Why `logo` cannot be drawn, in a sentence; null when it can. The logo upload can give the same answer. */
export function logoProblem(logo: PdfLogo): string | null {
  const bytes = logo.bytes;
  if (logo.type === 'image/png') return PNG_SIGNATURE.every((byte, i) => bytes[i] === byte) ? pngProblem(bytes) : 'not a PNG file';
  if (logo.type === 'image/jpeg') return bytes[0] === 0xff && bytes[1] === 0xd8 ? jpegProblem(bytes) : 'not a JPEG file';
  return 'not a PNG or JPEG image';
}

/**
 * Opens `logo` in `doc`, or returns null (and nothing is drawn) when it is not an image pdfkit can draw safely.
 * Open it once per document: drawing the same object on every page embeds the image once.
 */
export function openLogo(doc: PDFKit.PDFDocument, logo: PdfLogo): OpenedLogo | null {
  if (logoProblem(logo)) return null;
  let image: { width: number; height: number; orientation?: number; colorSpace?: string };
  try {
    image = (doc as unknown as { openImage(src: Uint8Array): typeof image }).openImage(logo.bytes);
  } catch {
    return null;
  }
  if (!sizeFits(image.width, image.height)) return null;
  // EXIF orientations 5 to 8 turn the picture a quarter: shown, its width is the file's height.
  const turned = (image.orientation ?? 1) > 4;
  return { image, width: turned ? image.height : image.width, height: turned ? image.width : image.height };
}

function sizeFits(width: number, height: number): boolean {
  return width > 0 && height > 0 && width <= MAX_LOGO_SIDE && height <= MAX_LOGO_SIDE && width * height <= MAX_LOGO_PIXELS;
}

/**
 * Walks the segments up to the frame header (each inside the file) and checks the picture's size and channels:
 * 1, 3 or 4 (a PDF has no colour space for another count, and pdfkit would write a broken object).
 */
function jpegProblem(bytes: Uint8Array): string | null {
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) return 'a JPEG file with a broken segment';
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      at += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break;
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (length < 2 || at + 2 + length > bytes.length) return 'a JPEG segment longer than the file';
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (length < 8) return 'a JPEG file with a broken frame header';
      const [height, width, channels] = [(bytes[at + 5]! << 8) | bytes[at + 6]!, (bytes[at + 7]! << 8) | bytes[at + 8]!, bytes[at + 9]!];
      if (![1, 3, 4].includes(channels)) return 'a JPEG file in colours a PDF cannot show';
      return sizeFits(width, height) ? null : `a logo larger than ${MAX_LOGO_SIDE} pixels a side or ${MAX_LOGO_PIXELS / 1e6} megapixels`;
    }
    at += 2 + length;
  }
  return 'a JPEG file without a frame header';
}

/** Walks the chunks (each inside the file, up to IEND), checks the header, then the image data. */
function pngProblem(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const data: Uint8Array[] = [];
  let palette = false;
  let header: { width: number; height: number; depth: number; colour: number; interlaced: boolean } | undefined;
  for (let at = 8; ; ) {
    if (at + 12 > bytes.length) return 'a truncated PNG file (no IEND chunk)';
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (length > 0x7fffffff || at + 12 + length > bytes.length) return `a PNG chunk (${type}) longer than the file`;
    const body = bytes.subarray(at + 8, at + 8 + length);
    if (!header && type !== 'IHDR') return 'a PNG file that does not start with its header';
    if (type === 'IHDR') {
      if (header || length !== 13) return 'a PNG file with a broken header';
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: body[8]!, colour: body[9]!, interlaced: body[12] === 1 };
      if (!PNG_DEPTHS[header.colour]?.includes(header.depth) || body[12]! > 1) return 'a PNG file with an unknown colour type or bit depth';
      if (!sizeFits(header.width, header.height)) return `a logo larger than ${MAX_LOGO_SIDE} pixels a side or ${MAX_LOGO_PIXELS / 1e6} megapixels`;
    }
    if (type === 'PLTE') palette = true;
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!header) return 'a PNG file without a header';
  if (header.colour === 3 && !palette) return 'a PNG file in palette colours without a palette';
  return pixelDataProblem(data, header);
}

/**
 * Inflates the image data (at most the size its header allows: no decompression bomb) and reads each row's
 * filter byte where png-js will: it reads one per row of every interlacing pass, empty passes included, and
 * throws on a filter it does not know.
 */
function pixelDataProblem(data: Uint8Array[], header: { width: number; height: number; depth: number; colour: number; interlaced: boolean }): string | null {
  const bits = header.depth * PNG_CHANNELS[header.colour]!;
  const passes = header.interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const rows = passes.map(([x0, y0, dx, dy]) => {
    const width = Math.ceil((header.width - x0) / dx);
    return { count: Math.ceil((header.height - y0) / dy), bytes: Math.ceil((width * bits) / 8), empty: width <= 0 };
  });
  const expected = rows.reduce((sum, pass) => sum + (pass.empty || pass.count <= 0 ? 0 : pass.count * (1 + pass.bytes)), 0);
  let pixels: Buffer;
  try {
    pixels = inflateSync(Buffer.concat(data), { maxOutputLength: Math.max(expected, 1) });
  } catch {
    return 'a PNG file whose image data is corrupt or larger than its size says';
  }
  let at = 0;
  for (const pass of rows) {
    for (let row = 0; row < pass.count && at < pixels.length; row++) {
      if (pixels[at]! > 4) return 'a PNG file with a row in an unknown filter';
      at += 1 + Math.max(pass.bytes, 0);
    }
  }
  return null;
}
