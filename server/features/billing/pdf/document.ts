import PDFDocument from 'pdfkit';
import { PAGE, paginate, type Piece } from './layout.ts';
import { PdfWriter, type PdfSetup } from './writer.ts';
import { toWinAnsi } from './win-ansi.ts';

/**
 * The base every PDF the server makes stands on (billing, appointment guides): A4 pages with a band in the
 * tenant's colour with its logo (when it has one, see `logo.ts`) and its name, a footer with the page number and
 * when the file was made, text in the standard fonts, and the file streamed out as it is made. The page and
 * pagination are in `layout.ts`, drawing and formatting in `writer.ts`, ready-made pieces (headings, paragraphs,
 * boxed fields, tables) in `pieces.ts`.
 */

export { CONTENT, INK, PAGE, type Piece } from './layout.ts';
export { PdfWriter, type PdfSetup, type PdfTenant, type TextStyle } from './writer.ts';
export { logoProblem, type PdfLogo } from './logo.ts';

/** Knobs for tests: with `compress: false` the page contents stay plain text that a test can search. */
export interface PdfOptions {
  compress?: boolean;
}

/**
 * A document streamed as it is made. `layout` runs once the stream is being read (the call returns at once),
 * measuring with the document; then pages are drawn one by one, and before each the drawing waits until the
 * reader has taken what is queued (backpressure), so a long statement never sits whole in memory. Cancelling
 * the stream (a client that hangs up) stops the drawing; an error fails the stream.
 */
export function streamPdf(setup: PdfSetup, layout: (pdf: PdfWriter) => Piece[], options: PdfOptions = {}): ReadableStream<Uint8Array> {
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    compress: options.compress ?? true,
    lang: setup.locale,
    displayTitle: true,
    info: { Title: setup.title, Author: setup.tenant.name, Creator: 'Portico', CreationDate: setup.now, ModDate: setup.now },
  });
  onlyWinAnsiText(doc);
  let finished = false;
  let wakeDrawing: (() => void) | null = null;
  const wake = () => {
    wakeDrawing?.();
    wakeDrawing = null;
  };
  // pdfkit emits a chunk per line it writes ("7 0 obj", "<<", …): they are gathered into blocks, copied out of
  // Node's shared buffer pool, so the reader gets a few kilobytes at a time rather than thousands of crumbs.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const flush = () => {
          if (finished || pendingBytes === 0) return;
          const block = new Uint8Array(pendingBytes);
          let offset = 0;
          for (const chunk of pending) {
            block.set(chunk, offset);
            offset += chunk.length;
          }
          [pending, pendingBytes] = [[], 0];
          controller.enqueue(block);
        };
        doc.on('data', (chunk: Buffer) => {
          pending.push(chunk);
          pendingBytes += chunk.length;
          if (pendingBytes >= BLOCK_BYTES) flush();
        });
        doc.on('end', () => {
          flush();
          if (!finished) controller.close();
          finished = true;
        });
        /** Lets pdfkit hand over what it wrote, then waits while the queue is full. */
        const readerCaughtUp = async () => {
          await new Promise((resolve) => setImmediate(resolve));
          flush();
          while (!finished && (controller.desiredSize ?? 0) <= 0) await new Promise<void>((resolve) => (wakeDrawing = resolve));
          if (finished) throw new StreamClosed();
        };
        const draw = async () => {
          await readerCaughtUp();
          const pdf = new PdfWriter(doc, setup);
          const pages = paginate(layout(pdf));
          pdf.pageCount = pages.length;
          for (const [i, page] of pages.entries()) {
            if (i > 0) await readerCaughtUp();
            let y = pdf.startPage();
            for (const piece of page) {
              piece.draw(pdf, y);
              y += piece.height;
            }
          }
          doc.end();
        };
        draw().catch((error: unknown) => {
          if (finished) return;
          finished = true;
          controller.error(error);
        });
      },
      pull: wake,
      cancel() {
        finished = true;
        wake();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}

/** How much of the file is handed to the reader at a time (at least: a page boundary also hands over what is ready). */
const BLOCK_BYTES = 16 * 1024;

/** The reader went away: drawing stops quietly. */
class StreamClosed extends Error {}

/**
 * pdfkit writes each character of a standard font as `charCode.toString(16)`, unchecked, so anything outside
 * WinAnsi corrupts the text run. Every string that reaches the document is made safe here, in one place.
 */
function onlyWinAnsiText(doc: PDFKit.PDFDocument): void {
  const text = doc.text.bind(doc) as (value: string, ...rest: unknown[]) => PDFKit.PDFDocument;
  const heightOfString = doc.heightOfString.bind(doc);
  const widthOfString = doc.widthOfString.bind(doc);
  doc.text = ((value: string, ...rest: unknown[]) => text(toWinAnsi(String(value)), ...rest)) as typeof doc.text;
  doc.heightOfString = (value, options) => heightOfString(toWinAnsi(String(value)), options);
  doc.widthOfString = (value, options) => widthOfString(toWinAnsi(String(value)), options);
}

/** The whole file, for tests and for callers that must have it at once (mail attachments). */
export async function pdfToBuffer(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
  return Buffer.concat(chunks);
}
