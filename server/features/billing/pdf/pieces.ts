import { CONTENT, INK, type Piece } from './layout.ts';
import type { PdfWriter, TextStyle } from './writer.ts';

/**
 * The pieces documents are made of: headings, paragraphs, gaps, boxed fields and tables, each measured when it is made so
 * that pagination knows its height before anything is drawn.
 */

/** A paragraph from the content's left edge, as wide as the content unless `style.width` says, then `gap` points of space. */
export function paragraph(pdf: PdfWriter, text: string, style: Partial<TextStyle> = {}, gap = 6): Piece {
  const full: TextStyle = { width: CONTENT.width, ...style };
  return { height: pdf.measure(text, full) + gap, draw: (writer, y) => writer.text(text, CONTENT.left, y, full) };
}

/** A heading, kept on the page of what follows it. */
export function heading(pdf: PdfWriter, text: string, size = 15, gap = 8): Piece {
  return { ...paragraph(pdf, text, { font: 'bold', size }, gap), keepWithNext: true };
}

/** Empty space. */
export function gap(height: number): Piece {
  return { height, draw: () => {} };
}

/** One boxed field: a small label over its value, `share` of the content width. */
export interface Field {
  label: string;
  value: string;
  share: number;
  /** The value's font (regular unless said). */
  font?: TextStyle['font'];
}

/** How a field's label looks (the boleto's line label too). */
export const FIELD_LABEL = { size: 7, color: INK.muted } as const;
const FIELD_VALUE = { size: 10.5 } as const;
const CELL_PAD = 5;

/**
 * Boxed fields, as on a printed form (a boleto, a guide): each row's cells side by side, a small label over each
 * value (at most three lines), then 14 points of space.
 */
export function fields(pdf: PdfWriter, rows: Field[][]): Piece {
  const valueStyle = (cell: Field, width: number): TextStyle => ({ ...FIELD_VALUE, font: cell.font ?? 'regular', width: width - 2 * CELL_PAD, maxLines: 3 });
  const laidOut = rows.map((cells) => {
    const widths = cells.map((cell) => cell.share * CONTENT.width);
    const heights = cells.map((cell, i) => pdf.measure(cell.label, { ...FIELD_LABEL, width: widths[i]! - 2 * CELL_PAD }) + 2 + pdf.measure(cell.value, valueStyle(cell, widths[i]!)));
    return { cells, widths, height: Math.max(...heights) + 2 * CELL_PAD };
  });
  return {
    height: laidOut.reduce((sum, row) => sum + row.height, 0) + 14,
    draw(writer, top) {
      let y = top;
      for (const row of laidOut) {
        let x = CONTENT.left;
        row.cells.forEach((cell, i) => {
          const width = row.widths[i]!;
          writer.doc.rect(x, y, width, row.height).lineWidth(0.75).strokeColor(INK.rule).stroke();
          const labelStyle = { ...FIELD_LABEL, width: width - 2 * CELL_PAD };
          writer.text(cell.label, x + CELL_PAD, y + CELL_PAD, labelStyle);
          writer.text(cell.value, x + CELL_PAD, y + CELL_PAD + writer.measure(cell.label, labelStyle) + 2, valueStyle(cell, width));
          x += width;
        });
        y += row.height;
      }
    },
  };
}

/** A table column. */
export interface Column {
  label: string;
  /** In points; columns without one share what the others leave of the content width. */
  width?: number;
  align?: 'left' | 'right';
  /** Wrap at most this many lines (a long description), else as many as the text needs. */
  maxLines?: number;
}

/** A table row: one cell per column; `emphasis` for a total. */
export interface TableRow {
  cells: string[];
  emphasis?: boolean;
}

const PAD_X = 4;
const PAD_Y = 4;
const SIZE = 8.5;

/**
 * A table as one piece per row, every row carrying the header piece: pagination draws the header again at the
 * top of each page the table continues on.
 */
export function table(pdf: PdfWriter, columns: Column[], rows: TableRow[]): Piece[] {
  const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
  const flexible = columns.filter((column) => column.width === undefined).length;
  const widths = columns.map((column) => column.width ?? (CONTENT.width - fixed) / flexible);
  const lefts = widths.map((_, i) => CONTENT.left + widths.slice(0, i).reduce((sum, width) => sum + width, 0));
  const style = (i: number, font: TextStyle['font'], color: string): TextStyle => ({
    font,
    size: SIZE,
    color,
    width: widths[i]! - 2 * PAD_X,
    align: columns[i]!.align ?? 'left',
    maxLines: columns[i]!.maxLines,
  });
  const row = (cells: string[], font: TextStyle['font'], color: string) => {
    const height = Math.max(...cells.map((cell, i) => pdf.measure(cell, style(i, font, color)))) + 2 * PAD_Y;
    const drawCells = (writer: PdfWriter, y: number) => cells.forEach((cell, i) => writer.text(cell, lefts[i]! + PAD_X, y + PAD_Y, style(i, font, color)));
    return { height, drawCells };
  };

  const labels = row(columns.map((column) => column.label), 'bold', INK.muted);
  const header: Piece = {
    height: labels.height,
    draw(writer, y) {
      writer.doc.rect(CONTENT.left, y, CONTENT.width, labels.height).fill(INK.shade);
      labels.drawCells(writer, y);
    },
  };
  return rows.map(({ cells, emphasis }) => {
    const body = row(cells, emphasis ? 'bold' : 'regular', INK.text);
    return {
      height: body.height,
      header,
      draw(writer, y) {
        body.drawCells(writer, y);
        const ruleY = y + body.height - 0.25;
        writer.doc.moveTo(CONTENT.left, ruleY).lineTo(CONTENT.left + CONTENT.width, ruleY).lineWidth(0.5).strokeColor(INK.rule).stroke();
      },
    };
  });
}
