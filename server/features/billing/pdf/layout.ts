import type { PdfWriter } from './writer.ts';

/**
 * The page every document is drawn on, and how content is spread over pages. Documents are laid out before a
 * byte is drawn: content becomes {@link Piece}s of known height, {@link paginate} spreads them over pages
 * (repeating a table's header where it continues), and only then are pages drawn, one at a time. Knowing the
 * page count up front is what lets every footer say "1/3" while earlier pages are already on their way.
 */

/** A4 in points (1/72 inch). */
export const PAGE = { width: 595.28, height: 841.89 } as const;
/** What every page has around its content: side margins, the band on top, the footer's rule at the bottom. */
export const FRAME = { margin: 40, bandHeight: 56, footerTop: PAGE.height - 34 } as const;
/** Where content goes on every page: below the band, above the footer. */
export const CONTENT = { left: FRAME.margin, width: PAGE.width - 2 * FRAME.margin, top: FRAME.bandHeight + 26, bottom: FRAME.footerTop - 14 } as const;

/** The standard fonts: every reader has them, so nothing is embedded. They cover WinAnsi (see `win-ansi.ts`). */
export const FONTS = { regular: 'Helvetica', bold: 'Helvetica-Bold', mono: 'Courier', monoBold: 'Courier-Bold' } as const;
export const INK = { text: '#0f172a', muted: '#475569', rule: '#cbd5e1', shade: '#f1f5f9', warning: '#b91c1c' } as const;

/**
 * A slice of content of a known height, drawn at a `y` the pagination chooses. A piece with a `header` (a table
 * row) gets that header drawn above it at the top of every page it starts; `keepWithNext` keeps a heading on
 * the page of what follows it.
 */
export interface Piece {
  height: number;
  draw(pdf: PdfWriter, y: number): void;
  header?: Piece;
  keepWithNext?: boolean;
}

/**
 * Spreads `pieces` over pages of `space` points. A piece goes to a new page when it does not fit (with its
 * table header, when the page does not have it yet, and with the next piece when it must keep with it). A
 * piece taller than a page is a layout bug, not something to draw off the paper.
 */
export function paginate(pieces: Piece[], space: number = CONTENT.bottom - CONTENT.top): Piece[][] {
  const pages: Piece[][] = [[]];
  let used = 0;
  let header: Piece | undefined;
  const needed = (piece: Piece, onPage: Piece | undefined) => piece.height + (piece.header && piece.header !== onPage ? piece.header.height : 0);
  for (const [i, piece] of pieces.entries()) {
    if (needed(piece, undefined) > space) throw new Error('a piece of the layout is taller than a page');
    let height = needed(piece, header);
    const next = pieces[i + 1];
    const together = piece.keepWithNext && next ? needed(next, piece.header ?? header) : 0;
    if (used + height + together > space && pages.at(-1)!.length > 0) {
      pages.push([]);
      used = 0;
      header = undefined;
      height = needed(piece, undefined);
    }
    if (piece.header && piece.header !== header) {
      pages.at(-1)!.push(piece.header);
      header = piece.header;
    }
    pages.at(-1)!.push(piece);
    used += height;
  }
  return pages;
}
