import type { Tx } from '../server/db/database.ts';
import { makeBankBoleto } from '../server/features/billing/boleto.ts';
import { billingSettings, todayIn } from '../server/features/billing/queries.ts';
import type { ChargeInput } from '../server/features/billing/schemas.ts';
import { upsertCharges, upsertInvoices, upsertReports } from '../server/features/billing/upsert.ts';

/** A calendar date `months` from `date` (YYYY-MM-DD) on `day`. */
function monthDay(date: string, months: number, day: number): string {
  const [year, month] = date.split('-').map(Number) as [number, number];
  const shifted = new Date(Date.UTC(year, month - 1 + months, day));
  return shifted.toISOString().slice(0, 10);
}

/** The due date `months` from today on `day`; this month's, if that day has passed, moves to next month (still to pay). */
function dueIn(today: string, months: number, day: number): string {
  const due = monthDay(today, months, day);
  return months === 0 && due < today ? monthDay(today, 1, day) : due;
}

/** A file the seed wants stored and attached: the caller writes the bytes and records them. */
export interface DemoFile {
  slot: { table: 'invoices' | 'billing_reports'; column: 'pdf_file_id' | 'xml_file_id' | 'file_id'; externalId: string };
  name: string;
  kind: 'invoice-pdf' | 'invoice-xml' | 'report-pdf';
  lines: string[];
}

/**
 * Clínica Sol's year with Metalúrgica Horizonte (BRL, boleto and PIX): a monthly fee per establishment, paid until
 * last month, last month's branch fee overdue, this month's open, a renegotiation agreement (seed 000) with its
 * boleto, one cancelled charge; an invoice (nota fiscal) for each paid fee; monthly billing reports, the current one
 * pending and shown (seed 004).
 */
export async function seedClinicaSolBilling(tx: Tx, accountId: string, establishments: Record<string, string>, now: Date): Promise<DemoFile[]> {
  const today = todayIn('America/Sao_Paulo', now);
  await tx`insert into billing_settings (tenant_id, pix_key, pix_merchant_name, pix_merchant_city, show_pending_reports)
           values (portico_current_tenant(), '45723174000110', 'Clinica Sol', 'Belo Horizonte', true)`;
  const settings = await billingSettings(tx);
  const fees = [
    { site: 'Matriz', amount: 185_000, day: 10 },
    { site: 'Filial Contagem', amount: 92_000, day: 15 },
  ];
  const charges: ChargeInput[] = [];
  for (let month = -11; month <= 0; month++) {
    for (const [index, fee] of fees.entries()) {
      const dueDate = dueIn(today, month, fee.day);
      const issueDate = monthDay(dueDate, 0, 1);
      const amount = fee.amount + (month + 11) * 1_250 * (index + 1);
      const externalId = `CS-${dueDate.slice(0, 7)}-${index + 1}`;
      const paid = month < -1 || (month === -1 && index === 0);
      const seedNumber = `${dueDate.replaceAll('-', '')}${index}`.padStart(25, '0');
      const boleto = makeBankBoleto({ bank: '341', dueDate, amount, freeField: seedNumber });
      charges.push({
        externalId,
        accountId,
        establishmentId: establishments[fee.site]!,
        kind: 'regular',
        description: `Mensalidade SST ${fee.site} — ${dueDate.slice(5, 7)}/${dueDate.slice(0, 4)}`,
        amount,
        currency: 'BRL',
        issueDate,
        dueDate,
        status: month === -6 && index === 1 ? 'cancelled' : paid ? 'paid' : 'open',
        paidAt: paid && !(month === -6 && index === 1) ? monthDay(today, month, fee.day - 2) : null,
        boletoLine: boleto.formatted,
        pix: { txid: externalId.replaceAll('-', '') },
        card: false,
      });
    }
  }
  const agreementDue = monthDay(today, 1, 5);
  charges.push({
    externalId: 'CS-ACORDO-2025',
    accountId,
    establishmentId: null,
    kind: 'renegotiation',
    description: 'Acordo de renegociação — exames complementares de 2025',
    amount: 312_840,
    currency: 'BRL',
    issueDate: today,
    dueDate: agreementDue,
    status: 'open',
    paidAt: null,
    boletoLine: makeBankBoleto({ bank: '341', dueDate: agreementDue, amount: 312_840, freeField: '9'.repeat(25) }).formatted,
    pix: { txid: 'CSACORDO2025' },
    card: false,
  });
  await upsertCharges(tx, charges, settings, now);
  const paidCharges = charges.filter((charge) => charge.status === 'paid');
  await upsertInvoices(
    tx,
    paidCharges.map((charge, index) => ({
      externalId: `NF-${charge.externalId}`,
      accountId,
      establishmentId: charge.establishmentId,
      number: String(4_100 + index),
      series: '1',
      issueDate: charge.paidAt!,
      amount: charge.amount,
      currency: 'BRL',
      chargeExternalIds: [charge.externalId],
    })),
    now,
  );
  const reports = Array.from({ length: 4 }, (_, back) => {
    const start = monthDay(today, -back, 1);
    const end = monthDay(today, -back + 1, 0);
    return { externalId: `DEM-${start.slice(0, 7)}`, accountId, establishmentId: null, title: `Demonstrativo de atendimentos — ${start.slice(5, 7)}/${start.slice(0, 4)}`, periodStart: start, periodEnd: end, status: back === 0 ? ('pending' as const) : ('ready' as const) };
  });
  await upsertReports(tx, reports, now);
  return [
    ...paidCharges.flatMap((charge, index): DemoFile[] => {
      const lines = [`Nota fiscal de serviços nº ${4_100 + index} — série 1`, 'Metalúrgica Horizonte Ltda — CNPJ 11.222.333/0001-81', charge.description, `Valor: R$ ${(charge.amount / 100).toFixed(2).replace('.', ',')}`];
      return [
        { slot: { table: 'invoices', column: 'pdf_file_id', externalId: `NF-${charge.externalId}` }, name: `NFS-e ${4_100 + index}.pdf`, kind: 'invoice-pdf', lines },
        { slot: { table: 'invoices', column: 'xml_file_id', externalId: `NF-${charge.externalId}` }, name: `NFS-e ${4_100 + index}.xml`, kind: 'invoice-xml', lines },
      ];
    }),
    ...reports
      .filter((report) => report.status === 'ready')
      .map((report): DemoFile => ({ slot: { table: 'billing_reports', column: 'file_id', externalId: report.externalId }, name: `${report.title}.pdf`, kind: 'report-pdf', lines: [report.title, 'Metalúrgica Horizonte Ltda', 'ASO: 18 · Audiometrias: 12 · Visitas técnicas: 2'] })),
  ];
}

/**
 * Martins Castro's fees with Lucía (EUR, card): a monthly instalment of the nationality case, paid by card until
 * last month, this month's open and payable by card; an invoice (factura) for each payment.
 */
export async function seedMartinsCastroBilling(tx: Tx, accountId: string, now: Date): Promise<DemoFile[]> {
  const today = todayIn('Europe/Madrid', now);
  const charges: ChargeInput[] = [];
  for (let month = -11; month <= 0; month++) {
    const dueDate = dueIn(today, month, 5);
    const paid = month < 0;
    charges.push({
      externalId: `MC-${dueDate.slice(0, 7)}`,
      accountId,
      establishmentId: null,
      kind: 'regular',
      description: `Honorarios expediente de nacionalidad — cuota ${month + 12}/12`,
      amount: 35_000,
      currency: 'EUR',
      issueDate: monthDay(dueDate, 0, 1),
      dueDate,
      status: paid ? 'paid' : 'open',
      paidAt: paid ? monthDay(today, month, 3) : null,
      boletoLine: null,
      pix: null,
      card: true,
    });
  }
  charges.push({
    externalId: 'MC-TASAS-790',
    accountId,
    establishmentId: null,
    kind: 'regular',
    description: 'Tasa modelo 790 código 026 (adelantada por el despacho)',
    amount: 10_450,
    currency: 'EUR',
    issueDate: monthDay(today, -1, 20),
    dueDate: monthDay(today, -1, 28),
    status: 'open',
    paidAt: null,
    boletoLine: null,
    pix: null,
    card: true,
  });
  await upsertCharges(tx, charges, await billingSettings(tx), now);
  const paidCharges = charges.filter((charge) => charge.status === 'paid');
  await upsertInvoices(
    tx,
    paidCharges.map((charge, index) => ({
      externalId: `F-${charge.externalId}`,
      accountId,
      establishmentId: null,
      number: `2026/${String(310 + index).padStart(4, '0')}`,
      series: 'A',
      issueDate: charge.paidAt!,
      amount: charge.amount,
      currency: 'EUR',
      chargeExternalIds: [charge.externalId],
    })),
    now,
  );
  return paidCharges.map((charge, index): DemoFile => ({
    slot: { table: 'invoices', column: 'pdf_file_id', externalId: `F-${charge.externalId}` },
    name: `Factura A-2026-${String(310 + index).padStart(4, '0')}.pdf`,
    kind: 'invoice-pdf',
    lines: [`Factura A 2026/${String(310 + index).padStart(4, '0')}`, 'Lucía Pérez — NIE X1234567L', charge.description, `Importe: ${(charge.amount / 100).toFixed(2).replace('.', ',')} €`],
  }));
}
