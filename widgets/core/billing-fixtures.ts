/**
 * Billing fixtures for tests and stories: a clinic's BRL charges (boleto and PIX, one overdue, a renegotiation, paid
 * ones), an invoice, a ready and a pending report, and a law firm's EUR charges payable by card. The boleto lines and
 * PIX codes are valid (check digits and CRC), made as the server makes them. Not part of the bundle.
 */
import { ApiError } from './api-client.ts';
import type { BillingReport, BillingSummary, Charge, ChargeFilters, Invoice, Page, PaymentMethod } from './billing-types.ts';

/** A charge as the server answers it. */
export function fixtureCharge(overrides: Partial<Charge> = {}): Charge {
  return {
    id: crypto.randomUUID(),
    accountId: 'a1',
    accountName: 'Metalúrgica Horizonte Ltda',
    establishmentId: 'e1',
    establishmentName: 'Matriz',
    kind: 'regular',
    description: 'Exames periódicos — dezembro/2026',
    amount: 184_750,
    currency: 'BRL',
    issueDate: '2026-11-25',
    dueDate: '2026-12-10',
    status: 'open',
    paidAt: null,
    boleto: null,
    pix: null,
    card: false,
    invoiceIds: [],
    ...overrides,
  };
}

const boleto = (line: string, barcode: string) => ({ line, barcode, pdf: true });

/** Everything the fixture billing calls answer from. */
export interface BillingData {
  charges: Charge[];
  invoices: Invoice[];
  reports: BillingReport[];
  payment: BillingSummary['payment'];
}

/** Clínica Sol's client (BRL): boleto and PIX, no card provider. */
export function brlBilling(): BillingData {
  return {
    charges: [
      fixtureCharge({
        id: 'c-reneg',
        kind: 'renegotiation',
        description: 'Acordo de renegociação — parcela 2 de 3',
        amount: 50_000,
        issueDate: '2026-11-20',
        dueDate: '2027-01-05',
        boleto: boleto('34191.23454 67890.123457 67890.123457 1 16820000050000', '34191168200000500001234567890123456789012345'),
        pix: { payload: '00020126360014br.gov.bcb.pix0114123456780001955204000053039865406500.005802BR5911CLINICA SOL6014BELO HORIZONTE62170513SOL2027010501630487A8' },
      }),
      fixtureCharge({
        id: 'c-open',
        boleto: boleto('34199.87650 43210.987657 43210.987657 2 16560000184750', '34192165600001847509876543210987654321098765'),
        pix: { payload: '00020126360014br.gov.bcb.pix01141234567800019552040000530398654071847.505802BR5911CLINICA SOL6014BELO HORIZONTE62170513SOL20261210016304A5B3' },
      }),
      fixtureCharge({
        id: 'c-overdue',
        establishmentId: 'e2',
        establishmentName: 'Filial Contagem',
        description: 'Exames admissionais — outubro/2026',
        amount: 92_300,
        issueDate: '2026-10-27',
        dueDate: '2026-11-10',
        status: 'overdue',
        boleto: boleto('34195.55556 44444.333338 22222.111118 6 16260000092300', '34196162600000923005555544444333332222211111'),
        pix: { payload: '00020126360014br.gov.bcb.pix0114123456780001955204000053039865406923.005802BR5911CLINICA SOL6014BELO HORIZONTE62170513SOL20261110016304DA11' },
      }),
      fixtureCharge({ id: 'c-paid', description: 'Exames periódicos — outubro/2026', amount: 171_200, issueDate: '2026-09-25', dueDate: '2026-10-10', status: 'paid', paidAt: '2026-10-09', invoiceIds: ['i-1'] }),
      fixtureCharge({ id: 'c-paid-2', accountId: 'a2', accountName: 'Bruno Lima', establishmentId: null, establishmentName: null, description: 'Consulta ocupacional', amount: 35_000, issueDate: '2026-09-01', dueDate: '2026-09-15', status: 'paid', paidAt: '2026-09-15' }),
      fixtureCharge({ id: 'c-renegotiated', description: 'Exames periódicos — agosto/2026', amount: 150_000, issueDate: '2026-08-25', dueDate: '2026-09-10', status: 'renegotiated' }),
      fixtureCharge({ id: 'c-cancelled', description: 'Taxa de cadastro', amount: 12_000, issueDate: '2026-07-20', dueDate: '2026-08-01', status: 'cancelled' }),
    ],
    invoices: [
      {
        id: 'i-1', accountId: 'a1', accountName: 'Metalúrgica Horizonte Ltda', establishmentId: 'e1', number: '000123', series: '1',
        issueDate: '2026-10-09', amount: 171_200, currency: 'BRL', chargeIds: ['c-paid'], files: { pdf: true, xml: true },
      },
    ],
    reports: [
      { id: 'r-oct', accountId: 'a1', establishmentId: null, title: 'Demonstrativo de exames — outubro/2026', periodStart: '2026-10-01', periodEnd: '2026-10-31', status: 'ready', file: true },
      { id: 'r-nov', accountId: 'a1', establishmentId: null, title: 'Demonstrativo de exames — novembro/2026', periodStart: '2026-11-01', periodEnd: '2026-11-30', status: 'pending', file: false },
    ],
    payment: { card: false, manageMethods: false, preferred: null },
  };
}

/** Martins Castro's client (EUR): card payments through the provider, saved cards, no boleto or PIX. */
export function eurBilling(): BillingData {
  const eur = { accountId: 'a1', accountName: 'Lucía Ortega', establishmentId: null, establishmentName: null, currency: 'EUR', card: true };
  return {
    charges: [
      fixtureCharge({ ...eur, id: 'e-open', description: 'Honorarios — diciembre 2026', amount: 60_500, issueDate: '2026-11-28', dueDate: '2026-12-15' }),
      fixtureCharge({ ...eur, id: 'e-overdue', description: 'Honorarios — noviembre 2026', amount: 60_500, issueDate: '2026-10-28', dueDate: '2026-11-15', status: 'overdue' }),
      fixtureCharge({ ...eur, id: 'e-paid', card: false, description: 'Provisión de fondos — expediente 2026/114', amount: 120_000, issueDate: '2026-09-20', dueDate: '2026-10-01', status: 'paid', paidAt: '2026-09-29', invoiceIds: ['f-42'] }),
    ],
    invoices: [
      {
        id: 'f-42', accountId: 'a1', accountName: 'Lucía Ortega', establishmentId: null, number: 'F-2026-0042', series: null,
        issueDate: '2026-09-29', amount: 120_000, currency: 'EUR', chargeIds: ['e-paid'], files: { pdf: true, xml: false },
      },
    ],
    reports: [],
    payment: { card: true, manageMethods: true, preferred: 'card' },
  };
}

/** The summary the server would compute from `charges`: per currency, and the next open charge by due date. */
export function summarize(charges: Charge[], payment: BillingSummary['payment']): BillingSummary {
  const totals = new Map<string, BillingSummary['totals'][number]>();
  for (const charge of charges) {
    if (charge.status !== 'open' && charge.status !== 'overdue') continue;
    const total = totals.get(charge.currency) ?? { currency: charge.currency, open: 0, openCount: 0, overdue: 0, overdueCount: 0 };
    if (charge.status === 'open') Object.assign(total, { open: total.open + charge.amount, openCount: total.openCount + 1 });
    else Object.assign(total, { overdue: total.overdue + charge.amount, overdueCount: total.overdueCount + 1 });
    totals.set(charge.currency, total);
  }
  const next = charges.filter((c) => c.status === 'open').sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  return {
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    nextDue: next ? { chargeId: next.id, description: next.description, dueDate: next.dueDate, amount: next.amount, currency: next.currency } : null,
    payment,
  };
}

const pdf = (name: string) => new File(['%PDF-1.7\n'], name, { type: 'application/pdf' });

/**
 * The billing calls of the fixture API over `data`. Pages hold 4 charges (or `limit`), so paging shows; the cursor is
 * the index to start at.
 */
export function memoryBilling(data: BillingData = brlBilling()) {
  const find = (id: string) => {
    const charge = data.charges.find((c) => c.id === id);
    if (!charge) throw new ApiError('not_found', 404, 'No such charge');
    return charge;
  };
  const page = <T>(items: T[], options: { before?: string; limit?: number }): Page<T> => {
    const start = Number(options.before ?? 0);
    const size = options.limit ?? 4;
    return { items: items.slice(start, start + size), next: start + size < items.length ? String(start + size) : null };
  };
  const matches = (charge: Charge, f: ChargeFilters) =>
    (!f.status || (f.status === 'pending' ? charge.status === 'open' || charge.status === 'overdue' : charge.status === f.status)) &&
    (!f.from || charge.dueDate >= f.from) &&
    (!f.to || charge.dueDate <= f.to) &&
    (!f.accountId || charge.accountId === f.accountId) &&
    (!f.establishmentId || charge.establishmentId === f.establishmentId);
  return {
    billingSummary: async (_token: string, options: { accountId?: string }) =>
      summarize(data.charges.filter((c) => !options.accountId || c.accountId === options.accountId), data.payment),
    listCharges: async (_token: string, filters: ChargeFilters) =>
      structuredClone(page([...data.charges].filter((c) => matches(c, filters)).sort((a, b) => b.dueDate.localeCompare(a.dueDate)), filters)),
    getCharge: async (_token: string, id: string) => structuredClone(find(id)),
    downloadBoleto: async (_token: string, id: string) => pdf(`boleto-${find(id).dueDate}.pdf`),
    payChargeByCard: async (_token: string, id: string) => {
      if (!find(id).card) throw new ApiError('charge_not_payable', 409, 'This charge cannot be paid by card now');
      return { url: `https://pay.example.com/checkout/${id}` };
    },
    listInvoices: async (_token: string, options: { accountId?: string; before?: string; limit?: number }) =>
      page(data.invoices.filter((i) => !options.accountId || i.accountId === options.accountId), options),
    downloadInvoice: async (_token: string, id: string, format: 'pdf' | 'xml') =>
      format === 'pdf' ? pdf(`nota-${id}.pdf`) : new File(['<?xml version="1.0"?><nfse/>'], `nota-${id}.xml`, { type: 'application/xml' }),
    listBillingReports: async (_token: string, options: { accountId?: string }) => ({ items: data.reports.filter((r) => !options.accountId || r.accountId === options.accountId) }),
    downloadBillingReport: async (_token: string, id: string) => pdf(`demonstrativo-${id}.pdf`),
    downloadAccountStatement: async (_token: string, options: { from: string; to: string }) => pdf(`statement-${options.from}-${options.to}.pdf`),
    downloadIncomeTaxStatement: async (_token: string, options: { year: number }) => pdf(`income-tax-${options.year}.pdf`),
    managePaymentMethods: async () => {
      if (!data.payment.manageMethods) throw new ApiError('payment_provider_unavailable', 404, 'Card payments are not offered by this portal');
      return { url: 'https://pay.example.com/billing-portal' };
    },
    setPreferredPaymentMethod: async (_token: string, method: PaymentMethod) => {
      data.payment = { ...data.payment, preferred: method };
      return { preferred: method };
    },
  };
}
