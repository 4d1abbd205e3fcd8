import { streamPdf, type PdfOptions, type PdfTenant, type PdfWriter, type Piece } from '../billing/pdf/document.ts';
import { formatDay, formatDuration, formatTimeRange, formatZone } from '../billing/pdf/format.ts';
import { CONTENT, INK } from '../billing/pdf/layout.ts';
import { pdfCopy } from '../billing/pdf/messages.ts';
import { fields, gap, heading, paragraph, type Field } from '../billing/pdf/pieces.ts';
import type { Locale } from '../tenants/schemas.ts';

/** What an authorization guide (S4) shows: the exam appointment, who it is for, and how to prepare. */
export interface GuideInput {
  tenant: PdfTenant;
  locale: Locale;
  now: Date;
  appointment: {
    id: string;
    start: Date;
    end: Date;
    serviceName: string;
    providerName: string;
    /** The client account (the company, in occupational health) the appointment was booked for. */
    accountName: string;
    establishmentName: string | null;
  };
  patient: { name: string; email: string | null };
  /** The service's preparation ("8 hours' fasting"), in the reader's language; line breaks start paragraphs. */
  instructions: string | null;
  /** How to reach the business (settings' `contact`). */
  contact: string | null;
}

/**
 * The short number reception reads off the guide: the appointment id's first 8 hex digits, upper case, in two
 * groups ("3F2A-9C1B"). A reference for people, not a secret and not unique on its own: the appointment is found by
 * it together with the day and the patient.
 */
export function authorizationNumber(appointmentId: string): string {
  const digits = appointmentId.replace(/[^0-9a-f]/gi, '').slice(0, 8).toUpperCase();
  return digits.length > 4 ? `${digits.slice(0, 4)}-${digits.slice(4)}` : digits;
}

/**
 * The authorization guide of an exam appointment, on one A4 page with the tenant's band (and logo): the
 * authorization number, exam, date and time in the tenant's time zone (named, with its offset), duration,
 * provider, patient, company and establishment, the preparation when the service has one, and what to do with
 * the guide at reception and whom to ask.
 */
export function guidePdf(input: GuideInput, options?: PdfOptions): ReadableStream<Uint8Array> {
  const title = pdfCopy(input.locale).guide.title;
  return streamPdf({ tenant: input.tenant, locale: input.locale, title, now: input.now }, (pdf) => guideLayout(pdf, input), options);
}

function guideLayout(pdf: PdfWriter, input: GuideInput): Piece[] {
  const copy = pdf.copy.guide;
  const preparation = (input.instructions ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return [
    heading(pdf, copy.title, 18, 12),
    fields(pdf, appointmentFields(input)),
    ...(preparation.length > 0
      ? [heading(pdf, copy.preparation, 12, 5), ...preparation.map((line) => paragraph(pdf, line, { size: 10 }, 4)), gap(10)]
      : []),
    notice(pdf, copy.present),
    gap(10),
    paragraph(pdf, input.contact ? copy.contact(input.contact) : copy.noContact(input.tenant.name), { size: 9.5, color: INK.muted }),
  ];
}

/** The boxed fields, row by row; a row without its optional half takes the whole width. */
function appointmentFields(input: GuideInput): Field[][] {
  const { appointment, patient, locale } = input;
  const copy = pdfCopy(locale).guide;
  const zone = input.tenant.timeZone;
  const minutes = Math.round((appointment.end.getTime() - appointment.start.getTime()) / 60_000);
  const time = `${formatTimeRange(appointment.start, appointment.end, locale, zone)}, ${formatZone(appointment.start, locale, zone)}`;
  const pair = (left: Field, right: Field | null): Field[] => (right ? [left, right] : [{ ...left, share: 1 }]);
  // A client booking for themself has an account in their own name: it is not said twice.
  const account = appointment.accountName.trim() === patient.name.trim() ? null : appointment.accountName;
  const establishment = appointment.establishmentName;
  const company = account
    ? [pair({ label: copy.account, value: account, share: 0.5 }, establishment ? { label: copy.establishment, value: establishment, share: 0.5 } : null)]
    : establishment
      ? [[{ label: copy.establishment, value: establishment, share: 1 }]]
      : [];
  return [
    [
      { label: copy.number, value: authorizationNumber(appointment.id), share: 0.32, font: 'monoBold' },
      { label: copy.service, value: appointment.serviceName, share: 0.68, font: 'bold' },
    ],
    [
      { label: copy.date, value: capitalise(formatDay(appointment.start, locale, zone), locale), share: 0.5, font: 'bold' },
      { label: copy.time, value: time, share: 0.5, font: 'bold' },
    ],
    [
      { label: copy.duration, value: formatDuration(minutes, locale), share: 0.32 },
      { label: copy.provider, value: appointment.providerName, share: 0.68 },
    ],
    pair({ label: copy.patient, value: patient.name, share: 0.62 }, patient.email ? { label: copy.email, value: patient.email, share: 0.38 } : null),
    ...company,
  ];
}

/** "terça-feira, …" starts a field: "Terça-feira, …". */
function capitalise(text: string, locale: Locale): string {
  return text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);
}

const NOTICE_PAD = 8;

/** A sentence that must not be missed, bold on a shaded box. */
function notice(pdf: PdfWriter, text: string): Piece {
  const style = { font: 'bold', size: 10.5, width: CONTENT.width - 2 * NOTICE_PAD } as const;
  const height = pdf.measure(text, style) + 2 * NOTICE_PAD;
  return {
    height,
    draw(writer, y) {
      writer.doc.rect(CONTENT.left, y, CONTENT.width, height).fill(INK.shade);
      writer.text(text, CONTENT.left + NOTICE_PAD, y + NOTICE_PAD, style);
    },
  };
}
