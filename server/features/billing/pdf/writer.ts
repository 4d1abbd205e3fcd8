import type { Locale } from '../../tenants/schemas.ts';
import { formatDate, formatInstant, formatMoney, formatTaxId } from './format.ts';
import { CONTENT, FONTS, FRAME, INK, PAGE } from './layout.ts';
import { openLogo, type OpenedLogo, type PdfLogo } from './logo.ts';
import { pdfCopy, type PdfCopy } from './messages.ts';

/** The tenant as its PDFs show it. */
export interface PdfTenant {
  name: string;
  /** `#rrggbb`: the band's colour. */
  primaryColor: string;
  /** IANA zone the generation time is shown in. */
  timeZone: string;
  /** The logo image drawn in the band, left of the name; without one (or with one that cannot be drawn) the name stands alone. */
  logo?: PdfLogo;
}

/** What a document is about: who makes it, in which language, and when. */
export interface PdfSetup {
  tenant: PdfTenant;
  locale: Locale;
  /** The file's title (metadata, and the band's right side). */
  title: string;
  now: Date;
}

/** How a run of text looks and where it may wrap. */
export interface TextStyle {
  font?: keyof typeof FONTS;
  size?: number;
  color?: string;
  /** The box's width: the text wraps inside it. */
  width: number;
  align?: 'left' | 'center' | 'right';
  /** At most this many lines; the last one ends in "…" when the text is longer. */
  maxLines?: number;
}

/**
 * Drawing on a document: text that always fits the fonts, formatting in the reader's language, and pages with
 * the band and footer. `doc` is there for shapes (lines, rectangles); text goes through {@link PdfWriter.text}.
 */
export class PdfWriter {
  readonly copy: PdfCopy;
  private pageNumber = 0;
  private addingPage = false;
  /** The tenant's logo, opened on the first page; null when there is none to draw. */
  private logo: OpenedLogo | null | undefined;
  /** Set once the layout is known, before the first page is drawn. */
  pageCount = 0;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly setup: PdfSetup,
  ) {
    this.copy = pdfCopy(setup.locale);
    doc.on('pageAdded', () => {
      if (!this.addingPage) throw new Error('pdfkit added a page on its own: some text ran past its box');
    });
  }

  /** Minor units in `currency`, e.g. "R$ 1.234,56" (with a no-break space, as Intl writes it). */
  money(minor: number | bigint, currency: string): string {
    return formatMoney(minor, currency, this.setup.locale);
  }

  /** A calendar date, unshifted: "31/03/2026". */
  date(isoDate: string): string {
    return formatDate(isoDate, this.setup.locale);
  }

  /** "CPF 529.982.247-25", "CNPJ 11.222.333/0001-81", "NIF X1234567L"; empty without one. */
  taxId(taxId: string | null): string {
    if (!taxId) return '';
    const { shape, text } = formatTaxId(taxId);
    return `${this.copy.taxId[shape]} ${text}`;
  }

  /** When the document was made, in the tenant's time zone. */
  generatedAt(): string {
    return formatInstant(this.setup.now, this.setup.locale, this.setup.tenant.timeZone);
  }

  /**
   * Draws `value` in a box `style.width` wide whose top-left corner is (`x`, `y`). A `maxLines` box gets half a
   * line of slack: pdfkit rounds its limit down to float32 and compares it with `y` plus one line height at a
   * time, so a box exactly `maxLines` lines tall could lose its last line to rounding.
   */
  text(value: string, x: number, y: number, style: TextStyle): void {
    this.useStyle(style);
    this.doc.fillColor(style.color ?? INK.text);
    const lineHeight = this.doc.currentLineHeight(true);
    const lines = style.maxLines ? { height: (style.maxLines + 0.5) * lineHeight, ellipsis: true } : {};
    this.doc.text(value, x, y, { width: style.width, align: style.align ?? 'left', ...lines });
  }

  /** The height {@link PdfWriter.text} will take for `value` in `style`. */
  measure(value: string, style: TextStyle): number {
    this.useStyle(style);
    const height = this.doc.heightOfString(value, { width: style.width, align: style.align ?? 'left' });
    return style.maxLines ? Math.min(height, style.maxLines * this.doc.currentLineHeight(true)) : height;
  }

  /** Starts the next page, band and footer drawn; returns the top of its content area. */
  startPage(): number {
    this.pageNumber += 1;
    if (this.pageNumber > this.pageCount) throw new Error(`page ${this.pageNumber} was not in the layout of ${this.pageCount}`);
    this.addingPage = true;
    this.doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    this.addingPage = false;
    this.drawBand();
    this.drawFooter();
    return CONTENT.top;
  }

  private useStyle(style: TextStyle): void {
    this.doc.font(FONTS[style.font ?? 'regular']).fontSize(style.size ?? 9);
  }

  /**
   * The tenant's colour, its logo when it has one, and its name. The logo sits on a white card: logos are made to
   * be read on white (mail shows them there too), and a dark logo on a dark band would vanish. The images are the
   * tenant's own PNG or JPEG bytes, never fetched while the file streams (and SVG, which pdfkit cannot draw, never).
   */
  private drawBand(): void {
    const colour = /^#[0-9a-f]{6}$/i.test(this.setup.tenant.primaryColor) ? this.setup.tenant.primaryColor : '#1d4ed8';
    this.doc.rect(0, 0, PAGE.width, FRAME.bandHeight).fill(colour);
    const ink = inkOn(colour);
    const nameWidth = CONTENT.width * 0.62;
    const logoWidth = this.drawLogo();
    this.text(this.setup.tenant.name, CONTENT.left + logoWidth, 19, { font: 'bold', size: 15, color: ink, width: nameWidth - logoWidth, maxLines: 1 });
    this.text(this.setup.title, CONTENT.left + nameWidth + 8, 17, { size: 8.5, color: ink, width: CONTENT.width - nameWidth - 8, align: 'right', maxLines: 2 });
  }

  /** Draws the logo's card at the band's left; returns the room it takes, gap included (0 without a logo). */
  private drawLogo(): number {
    if (this.logo === undefined) this.logo = this.setup.tenant.logo ? openLogo(this.doc, this.setup.tenant.logo) : null;
    if (!this.logo) return 0;
    const scale = Math.min(LOGO.maxHeight / this.logo.height, LOGO.maxWidth / this.logo.width);
    const [width, height] = [this.logo.width * scale, this.logo.height * scale];
    const cardHeight = LOGO.maxHeight + 2 * LOGO.padding;
    const cardTop = (FRAME.bandHeight - cardHeight) / 2;
    this.doc.roundedRect(CONTENT.left, cardTop, width + 2 * LOGO.padding, cardHeight, 3).fill('#ffffff');
    const top = cardTop + LOGO.padding + (LOGO.maxHeight - height) / 2;
    this.doc.image(this.logo.image as Buffer, CONTENT.left + LOGO.padding, top, { width, height });
    return width + 2 * LOGO.padding + LOGO.gap;
  }

  private drawFooter(): void {
    const top = FRAME.footerTop;
    this.doc.moveTo(CONTENT.left, top).lineTo(CONTENT.left + CONTENT.width, top).lineWidth(0.5).strokeColor(INK.rule).stroke();
    const style = { size: 8, color: INK.muted, maxLines: 1 } as const;
    this.text(this.copy.generatedAt(this.generatedAt()), CONTENT.left, top + 8, { ...style, width: CONTENT.width - 70 });
    this.text(`${this.pageNumber}/${this.pageCount}`, CONTENT.left + CONTENT.width - 60, top + 8, { ...style, width: 60, align: 'right' });
  }
}

/** The logo's box in the band (points): fitted inside, on a card with this padding, this far from the name. */
const LOGO = { maxHeight: 32, maxWidth: 110, padding: 4, gap: 10 } as const;

/** White or near-black, whichever reads better on `hex` (WCAG contrast ratio). */
function inkOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.0588 ? '#ffffff' : INK.text;
}
