import type { Locale } from '../../tenants/schemas.ts';
import type { Charge } from '../schemas.ts';
import { streamPdf, type PdfOptions } from './document.ts';
import { monthName } from './format.ts';
import { INK, type Piece } from './layout.ts';
import { pdfCopy } from './messages.ts';
import { gap, heading, paragraph, table } from './pieces.ts';
import type { PdfTenant, PdfWriter } from './writer.ts';

/** The client account a statement is about. */
export interface StatementAccount {
  name: string;
  taxId: string | null;
}

export interface AccountStatementInput {
  tenant: PdfTenant;
  locale: Locale;
  account: StatementAccount;
  /** When the statement is about one establishment of the account. */
  establishment?: { name: string } | null;
  /** Calendar dates, as the charges were chosen (by due date). */
  period: { from: string; to: string };
  charges: Charge[];
  now: Date;
}

export interface IncomeTaxStatementInput {
  tenant: PdfTenant;
  locale: Locale;
  account: StatementAccount;
  year: number;
  /** Charges paid in `year`; anything else given is left out. */
  payments: Charge[];
  now: Date;
}

/** Billed, paid and still open, in minor units, for one currency. */
interface CurrencyTotals {
  billed: bigint;
  paid: bigint;
  open: bigint;
}

/**
 * Totals per currency, never added across currencies. What was billed is what was paid plus what is still open
 * (overdue included): a cancelled charge was never owed, and a renegotiated one is owed through the charge that
 * replaced it, so counting either would bill twice.
 */
function totalsByCurrency(charges: Charge[]): [string, CurrencyTotals][] {
  const totals = new Map<string, CurrencyTotals>();
  for (const charge of charges) {
    const paid = charge.status === 'paid';
    const open = charge.status === 'open' || charge.status === 'overdue';
    if (!paid && !open) continue;
    const sum = totals.get(charge.currency) ?? { billed: 0n, paid: 0n, open: 0n };
    const amount = BigInt(charge.amount);
    sum.billed += amount;
    if (paid) sum.paid += amount;
    else sum.open += amount;
    totals.set(charge.currency, sum);
  }
  return [...totals].sort(([a], [b]) => a.localeCompare(b));
}

/** The lines under a statement's title: who it is for, and the period or year. */
function intro(pdf: PdfWriter, title: string, lines: string[]): Piece[] {
  return [heading(pdf, title, 16, 6), ...lines.map((line) => paragraph(pdf, line, { size: 10 }, 3)), gap(12)];
}

/** "Name — CPF 529.982.247-25". */
function accountLine(pdf: PdfWriter, label: string, account: StatementAccount): string {
  const taxId = pdf.taxId(account.taxId);
  return `${label}: ${account.name}${taxId ? ` — ${taxId}` : ''}`;
}

/**
 * A client's statement for a period: every charge (issue and due dates, description, status in words, amount,
 * payment date), ordered by due date, on as many pages as it takes with the table's header on each; then the
 * totals per currency. An empty period says so.
 */
export function accountStatementPdf(input: AccountStatementInput, options?: PdfOptions): ReadableStream<Uint8Array> {
  const copy = pdfCopy(input.locale).statement;
  const charges = [...input.charges].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.issueDate.localeCompare(b.issueDate));
  const layout = (pdf: PdfWriter): Piece[] => {
    const lines = [accountLine(pdf, copy.account, input.account)];
    if (input.establishment) lines.push(`${copy.establishment}: ${input.establishment.name}`);
    lines.push(copy.period(pdf.date(input.period.from), pdf.date(input.period.to)));
    const head = intro(pdf, copy.title, lines);
    if (charges.length === 0) return [...head, paragraph(pdf, copy.empty, { size: 11 })];

    const { columns: c, totalsColumns: t } = copy;
    const rows = charges.map((charge) => ({
      cells: [
        pdf.date(charge.issueDate),
        pdf.date(charge.dueDate),
        !input.establishment && charge.establishmentName ? `${charge.description} (${charge.establishmentName})` : charge.description,
        pdf.copy.status[charge.status],
        pdf.money(charge.amount, charge.currency),
        charge.paidAt ? pdf.date(charge.paidAt) : '',
      ],
    }));
    const totals = totalsByCurrency(charges).map(([currency, sum]) => ({
      cells: [currency, pdf.money(sum.billed, currency), pdf.money(sum.paid, currency), pdf.money(sum.open, currency)],
    }));
    return [
      ...head,
      ...table(
        pdf,
        [
          { label: c.issue, width: 54 },
          { label: c.due, width: 62 },
          { label: c.description, maxLines: 2 },
          { label: c.status, width: 62 },
          { label: c.amount, width: 92, align: 'right' },
          { label: c.paid, width: 56 },
        ],
        rows,
      ),
      gap(18),
      heading(pdf, copy.totals, 12, 6),
      ...table(
        pdf,
        [
          { label: t.currency },
          { label: t.billed, width: 120, align: 'right' },
          { label: t.paid, width: 120, align: 'right' },
          { label: t.open, width: 120, align: 'right' },
        ],
        totals,
      ),
      gap(8),
      paragraph(pdf, copy.totalsNote, { size: 8, color: INK.muted }),
    ];
  };
  return streamPdf({ tenant: input.tenant, locale: input.locale, title: copy.title, now: input.now }, layout, options);
}

/**
 * "Declaração de pagamentos para fins de Imposto de Renda": what the client paid the tenant in a calendar year,
 * month by month and in total, per currency, with the tenant as issuer and the client's CPF/CNPJ. Only charges
 * marked paid with a payment date in `year` count, whatever else the caller passes.
 */
export function incomeTaxStatementPdf(input: IncomeTaxStatementInput, options?: PdfOptions): ReadableStream<Uint8Array> {
  const copy = pdfCopy(input.locale).incomeTax;
  const year = String(input.year);
  const payments = input.payments.filter((charge) => charge.status === 'paid' && charge.paidAt?.slice(0, 4) === year);
  const byCurrency = new Map<string, Map<number, { count: number; amount: bigint }>>();
  for (const payment of payments) {
    const months = byCurrency.get(payment.currency) ?? new Map<number, { count: number; amount: bigint }>();
    const month = Number(payment.paidAt!.slice(5, 7));
    const sum = months.get(month) ?? { count: 0, amount: 0n };
    sum.count += 1;
    sum.amount += BigInt(payment.amount);
    byCurrency.set(payment.currency, months.set(month, sum));
  }

  const layout = (pdf: PdfWriter): Piece[] => {
    const head = [
      ...intro(pdf, copy.title, [copy.year(input.year), `${copy.issuer}: ${input.tenant.name}`, accountLine(pdf, copy.account, input.account)]),
      paragraph(pdf, copy.declaration(input.account.name, input.tenant.name, input.year), { size: 10 }, 14),
    ];
    const note = paragraph(pdf, copy.note(input.tenant.name, pdf.generatedAt()), { size: 8, color: INK.muted });
    if (payments.length === 0) return [...head, paragraph(pdf, copy.empty(input.year), { size: 11 }, 14), note];

    const rows = [...byCurrency].sort(([a], [b]) => a.localeCompare(b)).flatMap(([currency, months]) => {
      const ordered = [...months].sort(([a], [b]) => a - b);
      const count = ordered.reduce((total, [, sum]) => total + sum.count, 0);
      const amount = ordered.reduce((total, [, sum]) => total + sum.amount, 0n);
      return [
        ...ordered.map(([month, sum]) => ({ cells: [monthName(month, input.locale), currency, String(sum.count), pdf.money(sum.amount, currency)] })),
        { cells: [copy.total(input.year), currency, String(count), pdf.money(amount, currency)], emphasis: true },
      ];
    });
    const c = copy.columns;
    const columns = [{ label: c.month }, { label: c.currency, width: 70 }, { label: c.count, width: 80, align: 'right' as const }, { label: c.amount, width: 130, align: 'right' as const }];
    return [...head, ...table(pdf, columns, rows), gap(14), note];
  };
  return streamPdf({ tenant: input.tenant, locale: input.locale, title: copy.title, now: input.now }, layout, options);
}
