import type { Locale } from '../../tenants/schemas.ts';
import { itfPattern } from '../boleto.ts';
import type { Charge } from '../schemas.ts';
import { streamPdf, type PdfOptions } from './document.ts';
import { CONTENT, INK, type Piece } from './layout.ts';
import { pdfCopy } from './messages.ts';
import { FIELD_LABEL, fields, gap, heading, paragraph } from './pieces.ts';
import type { PdfTenant, PdfWriter } from './writer.ts';

const MM = 72 / 25.4;
/**
 * FEBRABAN's proportions for the boleto barcode (Interleaved 2 of 5): narrow element 0.254 mm, wide three
 * times that, bars 13 mm tall. A 44-digit barcode is then 405 narrow widths, 102.9 mm: the standard's 103 mm.
 */
export const BARCODE = { narrow: 0.254 * MM, wide: 3 * 0.254 * MM, height: 13 * MM } as const;

/** One bar of a barcode, in points from the page's top-left corner. */
export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The bars of `barcode` (44 digits) drawn from (`x`, `y`): the elements of `itfPattern` at even places are bars. */
export function itfBars(barcode: string, x = 0, y = 0): Bar[] {
  const bars: Bar[] = [];
  let left = x;
  for (const [i, element] of [...itfPattern(barcode)].entries()) {
    const width = element === 'w' ? BARCODE.wide : BARCODE.narrow;
    if (i % 2 === 0) bars.push({ x: left, y, width, height: BARCODE.height });
    left += width;
  }
  return bars;
}

export interface BoletoPdfInput {
  tenant: PdfTenant;
  locale: Locale;
  /** A charge with a boleto (`charge.boleto` not null). */
  charge: Charge;
  payer: { name: string; taxId: string | null };
  now: Date;
}

/** The typeable line, monospaced so its groups line up, and the barcode under it. */
function lineAndBarcode(pdf: PdfWriter, label: string, line: string, barcode: string): Piece {
  const lineStyle = { font: 'monoBold', size: 12.5, width: CONTENT.width } as const;
  const labelHeight = pdf.measure(label, { ...FIELD_LABEL, width: CONTENT.width }) + 3;
  const lineHeight = pdf.measure(line, lineStyle) + 14;
  return {
    height: labelHeight + lineHeight + BARCODE.height + 20,
    draw(writer, y) {
      writer.text(label, CONTENT.left, y, { ...FIELD_LABEL, width: CONTENT.width });
      writer.text(line, CONTENT.left, y + labelHeight, lineStyle);
      // Left of the bars is the page margin (40 pt), above FEBRABAN's 5 mm quiet zone; right of them, blank paper.
      for (const bar of itfBars(barcode, CONTENT.left, y + labelHeight + lineHeight)) writer.doc.rect(bar.x, bar.y, bar.width, bar.height);
      writer.doc.fill('#000000');
    },
  };
}

/**
 * A one-page copy of a boleto for payment: beneficiary (the tenant), payer, description, due date and amount,
 * the typeable line and its Interleaved 2 of 5 barcode, with a note that this is a copy and that the boleto is
 * registered by the business's own system. A charge already paid, cancelled or renegotiated says so on top.
 * Throws (before streaming) when the charge has no boleto or its barcode is not 44 digits.
 */
export function boletoPdf(input: BoletoPdfInput, options?: PdfOptions): ReadableStream<Uint8Array> {
  const { charge, payer } = input;
  const boleto = charge.boleto;
  if (!boleto) throw new TypeError('boletoPdf needs a charge with a boleto');
  if (!/^\d{44}$/.test(boleto.barcode)) throw new TypeError('A boleto barcode has 44 digits');
  const layout = (pdf: PdfWriter): Piece[] => {
    const copy = pdf.copy.boleto;
    const warning =
      charge.status === 'paid' ? copy.settled.paid(charge.paidAt ? pdf.date(charge.paidAt) : '') : charge.status === 'cancelled' || charge.status === 'renegotiated' ? copy.settled[charge.status] : null;
    const taxId = pdf.taxId(payer.taxId);
    return [
      heading(pdf, copy.title, 16, 10),
      ...(warning ? [paragraph(pdf, warning, { font: 'bold', size: 11, color: INK.warning }, 10)] : []),
      fields(pdf, [
        [
          { label: copy.beneficiary, value: input.tenant.name, share: 0.68 },
          { label: copy.dueDate, value: pdf.date(charge.dueDate), share: 0.32, font: 'bold' },
        ],
        [
          { label: copy.payer, value: taxId ? `${payer.name} — ${taxId}` : payer.name, share: 0.68 },
          { label: copy.amount, value: pdf.money(charge.amount, charge.currency), share: 0.32, font: 'bold' },
        ],
        [{ label: copy.description, value: charge.description, share: 1 }],
      ]),
      lineAndBarcode(pdf, copy.line, boleto.line, boleto.barcode),
      paragraph(pdf, copy.howToPay, { size: 9.5 }, 10),
      gap(4),
      paragraph(pdf, copy.copyNote(input.tenant.name), { size: 8.5, color: INK.muted }),
    ];
  };
  return streamPdf({ tenant: input.tenant, locale: input.locale, title: pdfCopy(input.locale).boleto.title, now: input.now }, layout, options);
}
