import type { z } from 'zod';
import { makeCursor } from '../../http/page-cursor.ts';
import { describe } from '../../openapi/meta.ts';
import type { storeBillingFile } from './files.ts';
import type { BillingSettings } from './queries.ts';
import type { BillingReport, BillingSummary, Charge, chargeBatch, Invoice, invoiceBatch, Page, reportBatch } from './schemas.ts';
import type { UpsertResult } from './upsert.ts';

const accountId = '5b8f2c1e-3d4a-4e6b-9c7d-1a2b3c4d5e6f';
const establishmentId = '6c9a3d2f-4e5b-4f7c-8d9e-2b3c4d5e6f70';
const clientUserId = '2d4e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f';

const settings: BillingSettings = { pixKey: '12345678000195', pixMerchantName: 'CLINICA SOL', pixMerchantCity: 'BELO HORIZONTE', showPendingReports: true };

const charge: Charge = {
  id: '8e1d4c3b-2a19-4f08-b7e6-d5c4b3a29180',
  externalId: 'SOL-2026-12-000184',
  accountId,
  accountName: 'Metalúrgica Horizonte Ltda',
  establishmentId,
  establishmentName: 'Matriz',
  kind: 'regular',
  description: 'Exames periódicos — dezembro/2026',
  amount: 184_750,
  currency: 'BRL',
  issueDate: '2026-11-25',
  dueDate: '2026-12-10',
  status: 'open',
  paidAt: null,
  boleto: { line: '34199.87650 43210.987657 43210.987657 2 16560000184750', barcode: '34192165600001847509876543210987654321098765', pdf: true },
  pix: { payload: '00020126360014br.gov.bcb.pix01141234567800019552040000530398654071847.505802BR5911CLINICA SOL6014BELO HORIZONTE62170513SOL20261210016304A5B3' },
  card: false,
  invoiceIds: [],
};

const paidCharge: Charge = {
  ...charge,
  id: '8e1d4c3b-2a19-4f08-b7e6-d5c4b3a29181',
  externalId: 'SOL-2026-10-000171',
  description: 'Exames periódicos — outubro/2026',
  amount: 171_200,
  issueDate: '2026-09-25',
  dueDate: '2026-10-10',
  status: 'paid',
  paidAt: '2026-10-09',
  boleto: null,
  pix: null,
  invoiceIds: ['9f2e5d4c-3b2a-4019-8f7e-6d5c4b3a2918'],
};

const chargePage: Page<Charge> = { items: [charge, paidCharge], next: makeCursor(paidCharge.dueDate, paidCharge.id) };

const invoice: Invoice = {
  id: '9f2e5d4c-3b2a-4019-8f7e-6d5c4b3a2918',
  accountId,
  accountName: 'Metalúrgica Horizonte Ltda',
  establishmentId,
  number: '001482',
  series: '1',
  issueDate: '2026-10-09',
  amount: 171_200,
  currency: 'BRL',
  chargeIds: [paidCharge.id],
  files: { pdf: true, xml: true },
};

const report: BillingReport = {
  id: 'a03f6e5d-4c3b-4a20-9e8f-7d6c5b4a3920',
  accountId,
  establishmentId,
  title: 'Demonstrativo de exames — outubro/2026',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  status: 'ready',
  file: true,
};

const summary: BillingSummary = {
  totals: [{ currency: 'BRL', open: 234_750, openCount: 2, overdue: 92_300, overdueCount: 1 }],
  nextDue: { chargeId: charge.id, description: charge.description, dueDate: charge.dueDate, amount: charge.amount, currency: 'BRL' },
  payment: { card: false, manageMethods: false, preferred: 'boleto' },
};

const storedFile: Awaited<ReturnType<typeof storeBillingFile>> = {
  name: 'boleto-SOL-2026-12-000184.pdf',
  type: 'application/pdf',
  size: 48_213,
  sha256: '3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b',
};

const chargeBatchExample: z.input<typeof chargeBatch> = {
  items: [
    {
      externalId: charge.externalId!,
      accountId,
      establishmentId,
      description: charge.description,
      amount: charge.amount,
      currency: 'BRL',
      issueDate: charge.issueDate,
      dueDate: charge.dueDate,
      boletoLine: charge.boleto!.line,
      pix: { txid: 'SOL2026121001' },
    },
    {
      externalId: paidCharge.externalId!,
      accountId,
      establishmentId,
      description: paidCharge.description,
      amount: paidCharge.amount,
      currency: 'BRL',
      issueDate: paidCharge.issueDate,
      dueDate: paidCharge.dueDate,
      status: 'paid',
      paidAt: paidCharge.paidAt,
    },
  ],
};

const chargeResults: { results: UpsertResult[] } = {
  results: [
    { externalId: charge.externalId!, id: charge.id, result: 'created' },
    { externalId: paidCharge.externalId!, id: paidCharge.id, result: 'unchanged' },
  ],
};

const invoiceBatchExample: z.input<typeof invoiceBatch> = {
  items: [
    {
      externalId: 'NFSE-2026-001482',
      accountId,
      establishmentId,
      number: invoice.number,
      series: invoice.series,
      issueDate: invoice.issueDate,
      amount: invoice.amount,
      currency: 'BRL',
      chargeExternalIds: [paidCharge.externalId!],
    },
  ],
};

const reportBatchExample: z.input<typeof reportBatch> = {
  items: [
    { externalId: 'DEM-2026-10-HORIZONTE', accountId, establishmentId, title: report.title, periodStart: report.periodStart, periodEnd: report.periodEnd, status: 'ready' },
    { externalId: 'DEM-2026-11-HORIZONTE', accountId, establishmentId, title: 'Demonstrativo de exames — novembro/2026', periodStart: '2026-11-01', periodEnd: '2026-11-30', status: 'pending' },
  ],
};

/** What every batch upsert does, said once. */
const BATCH_SEMANTICS =
  'Each item is matched on `externalId`, your own id: a new one is created, a known one is replaced with what you send, an identical one is left untouched (not even its update time changes), so sending the same batch again is harmless. ' +
  'Up to 1,000 items; the batch is all or nothing — if any item is wrong, nothing is saved and `errors` names each wrong item by its path (`items.3.accountId`). ' +
  '`results` answers every item in the order sent: Portico’s `id` and whether it was `created`, `updated` or `unchanged`. Nothing is e-mailed to clients.';

const UPLOAD =
  'Send the file itself as the request body (not a form), at most 10 MB, with its `Content-Type`; `?name=` sets the file name clients download it as. A file already there is replaced. The answer is the stored file’s name, type, size and SHA-256.';

const pdfUpload = { contentTypes: ['application/pdf'], description: 'The PDF itself (its content must be a PDF, whatever the name says).' };

/** `/api/v1/billing`: the billing system's side. */
export const integrationBillingDocs = {
  getSettings: describe({
    summary: 'Read the billing settings',
    description: 'The PIX key and merchant data Portico builds PIX codes with (for charges sent with `pix: { txid }`), and whether clients see pending reports.',
    responses: { 200: { description: 'The settings (all null and `false` until set)', example: settings } },
  }),
  putSettings: describe({
    summary: 'Set the billing settings',
    description:
      'Replaces all four settings. A PIX code is built when its charge is saved, so a new key applies to charges sent (or sent again) afterwards. `showPendingReports` shows clients reports still marked `pending`, without a file.',
    responses: { 200: { description: 'The settings as saved', example: settings } },
    requestExample: settings,
  }),
  upsertCharges: describe({
    summary: 'Create or update charges by your own ids',
    description: `${BATCH_SEMANTICS}

A \`boletoLine\` is checked by its check digits and must carry the charge’s amount; \`pix: { payload }\` stores your own BR Code (its CRC is checked), \`pix: { txid }\` has Portico build one from the PIX key in the billing settings (BRL only). \`status\` is what your system says — \`open\`, \`paid\` (with \`paidAt\`), \`cancelled\` or \`renegotiated\`; \`overdue\` is never sent, Portico derives it from the due date in the portal’s time zone. \`card: true\` lets the client pay it by card when a payment provider is set up. A charge saved as \`paid\` here raises no \`charge.paid\` event: use \`POST /charges/{id}/paid\` for that.`,
    responses: { 200: { description: 'What happened to each charge', example: chargeResults } },
    requestExample: chargeBatchExample,
  }),
  listCharges: describe({
    summary: 'List charges, latest due date first',
    description: '`status=pending` is everything still to pay (open and overdue). `externalId` finds one charge by your id. Pass `next` as `before` for the next page.',
    responses: { 200: { description: 'A page of charges', example: chargePage } },
  }),
  getCharge: describe({ summary: 'Read one charge', responses: { 200: { description: 'The charge', example: charge } } }),
  markPaid: describe({
    summary: 'Mark a charge paid',
    description:
      'For a payment your system received (a boleto or PIX paid at the bank). `paidAt` defaults to today in the portal’s time zone. Only an open or overdue charge can be paid; marking a paid charge paid again changes nothing and answers it as it is. Raises the `charge.paid` event; the client is not e-mailed.',
    responses: { 200: { description: 'The charge, now paid', example: { ...charge, status: 'paid', paidAt: '2026-12-08' } satisfies Charge } },
    problems: ['charge_not_payable'],
    requestExample: { paidAt: '2026-12-08', via: 'pix' },
  }),
  cancel: describe({
    summary: 'Cancel a charge',
    description: 'Only an open or overdue charge can be cancelled; cancelling a cancelled charge again changes nothing. Clients still see it, as cancelled.',
    responses: { 200: { description: 'The charge, now cancelled', example: { ...charge, status: 'cancelled' } satisfies Charge } },
    problems: ['charge_not_payable'],
  }),
  uploadBoleto: describe({
    summary: 'Upload the boleto PDF of a charge',
    description: `Clients download this PDF instead of the copy Portico prints from the typeable line. ${UPLOAD}`,
    responses: { 200: { description: 'The stored file', example: storedFile } },
    problems: ['unsupported_media_type'],
    rawBody: pdfUpload,
  }),
  upsertInvoices: describe({
    summary: 'Create or update invoices by your own ids',
    description: `${BATCH_SEMANTICS}

\`chargeExternalIds\` links the invoice to its charges by your ids (charges of the same account, sent before); the links are replaced by what you send, and a change of links alone counts as \`updated\`. Upload the PDF and XML afterwards with \`PUT /invoices/{id}/pdf\` and \`/xml\`.`,
    responses: { 200: { description: 'What happened to each invoice', example: { results: [{ externalId: 'NFSE-2026-001482', id: invoice.id, result: 'created' }] } satisfies { results: UpsertResult[] } } },
    requestExample: invoiceBatchExample,
  }),
  listInvoices: describe({
    summary: 'List invoices, latest issue date first',
    description: 'Pass `next` as `before` for the next page.',
    responses: { 200: { description: 'A page of invoices', example: { items: [invoice], next: null } satisfies Page<Invoice> } },
  }),
  uploadInvoiceFile: describe({
    summary: 'Upload an invoice’s PDF or XML',
    description: `\`/pdf\` takes the printable invoice, \`/xml\` the fiscal document (NF-e / NFS-e XML). ${UPLOAD}`,
    responses: { 200: { description: 'The stored file', example: { ...storedFile, name: 'nfse-001482.xml', type: 'application/xml', size: 9_214 } } },
    problems: ['unsupported_media_type'],
    rawBody: { contentTypes: ['application/pdf', 'application/xml', 'text/xml'], description: 'The PDF (for `/pdf`) or the XML document (for `/xml`) itself.' },
  }),
  upsertReports: describe({
    summary: 'Create or update billing reports (demonstrativos) by your own ids',
    description: `${BATCH_SEMANTICS}

A \`pending\` report announces one still being prepared (clients see it only if the billing settings show pending reports); send it again as \`ready\` and upload its PDF with \`PUT /reports/{id}/file\`.`,
    responses: {
      200: {
        description: 'What happened to each report',
        example: {
          results: [
            { externalId: 'DEM-2026-10-HORIZONTE', id: report.id, result: 'updated' },
            { externalId: 'DEM-2026-11-HORIZONTE', id: 'a03f6e5d-4c3b-4a20-9e8f-7d6c5b4a3921', result: 'created' },
          ],
        } satisfies { results: UpsertResult[] },
      },
    },
    requestExample: reportBatchExample,
  }),
  listReports: describe({
    summary: 'List billing reports, latest period first',
    description: 'Pending reports included; at most 200.',
    responses: { 200: { description: 'The reports', example: { items: [report] } } },
  }),
  uploadReportFile: describe({
    summary: 'Upload the PDF of a billing report',
    description: UPLOAD,
    responses: { 200: { description: 'The stored file', example: { ...storedFile, name: 'demonstrativo-2026-10.pdf', size: 112_874 } } },
    problems: ['unsupported_media_type'],
    rawBody: pdfUpload,
  }),
  customers: describe({
    summary: 'How each account prefers to pay',
    description:
      'The payment method clients chose in the portal (`card` or `boleto`), who chose it and when, and whether the account has a customer at the payment provider. Latest change first, at most 1,000; follow `payment_method.changed` events to hear of changes.',
    responses: {
      200: {
        description: 'The accounts that chose a method or paid by card',
        example: { items: [{ accountId, preferred: 'card', preferredBy: clientUserId, updatedAt: '2026-11-24T14:03:11.000Z', hasProviderCustomer: true }] },
      },
    },
  }),
};

const PDF_LOCALE = 'Printed in the language `?locale=` names (`pt-BR`, `es`, `en`), else the portal’s.';

const ACCOUNT_CHOICE = '`accountId` chooses one of the accounts the client reaches (needed when they reach several and the session names none); an account they do not reach is a 404.';

const providerPage = { description: 'The payment provider’s page to send the client to; it comes back to the portal’s address when done' };

/** `/api/portal/billing`: what the billing widget calls for the signed-in client. */
export const portalBillingDocs = {
  summary: describe({
    summary: 'What the client has to pay, per currency, and how they can pay',
    description: `Open and overdue totals per currency (never added across currencies), the next charge due, whether card payments are offered and the preferred method. Without \`accountId\`, every account the client reaches. ${ACCOUNT_CHOICE}`,
    responses: { 200: { description: 'The summary', example: summary } },
    problems: ['not_found'],
  }),
  listCharges: describe({
    summary: 'List the client’s charges, latest due date first',
    description: 'The charges of the accounts and establishments the client reaches. `status=pending` is everything still to pay. Pass `next` as `before` for the next page.',
    responses: { 200: { description: 'A page of charges', example: chargePage } },
  }),
  getCharge: describe({ summary: 'Read one charge', responses: { 200: { description: 'The charge', example: charge } } }),
  boleto: describe({
    summary: 'Download a charge’s boleto',
    description: `The business’s own PDF when it uploaded one; otherwise a copy Portico prints from the typeable line (with barcode). ${PDF_LOCALE} A charge without a boleto is a 404.`,
    responses: { 200: { description: 'The boleto', contentType: 'application/pdf' } },
  }),
  payByCard: describe({
    summary: 'Start paying a charge by card',
    description:
      'Opens a payment at the payment provider and answers the address of its page. The charge becomes paid when the provider confirms (its webhook), not when this answers. Only a charge the business allows by card, still to pay.',
    responses: { 200: { ...providerPage, example: { url: 'https://checkout.stripe.com/c/pay/cs_live_a1B2c3D4e5F6g7H8i9J0' } } },
    problems: ['payment_provider_unavailable', 'charge_not_payable', 'portal_address_missing', 'payment_provider_error'],
  }),
  manageMethods: describe({
    summary: 'Open the page where the client manages their saved cards',
    description: `Answers the address of the payment provider’s page for the account’s cards. ${ACCOUNT_CHOICE}`,
    responses: { 200: { ...providerPage, example: { url: 'https://billing.stripe.com/p/session/live_YWNjdF8xTjJ4' } } },
    problems: ['not_found', 'payment_provider_unavailable', 'portal_address_missing', 'payment_provider_error'],
    requestExample: { accountId },
  }),
  preferMethod: describe({
    summary: 'Choose how the account prefers to pay',
    description: `Saves \`card\` or \`boleto\` as the account’s preferred method (the business reads it in \`GET /api/v1/billing/customers\`) and raises \`payment_method.changed\`. \`card\` only where card payments are offered. ${ACCOUNT_CHOICE}`,
    responses: { 200: { description: 'The preferred method', example: { preferred: 'card' } } },
    problems: ['not_found', 'payment_provider_unavailable'],
    requestExample: { accountId, method: 'card' },
  }),
  listInvoices: describe({
    summary: 'List the client’s invoices, latest issue date first',
    description: 'Pass `next` as `before` for the next page.',
    responses: { 200: { description: 'A page of invoices', example: { items: [invoice], next: null } satisfies Page<Invoice> } },
  }),
  invoiceFile: describe({
    summary: 'Download an invoice’s PDF or XML',
    description: '`/pdf` answers `application/pdf`, `/xml` the fiscal XML as `application/xml`. A file the business has not uploaded is a 404.',
    responses: { 200: { description: 'The file as the business uploaded it', contentType: ['application/pdf', 'application/xml'] } },
  }),
  listReports: describe({
    summary: 'List the client’s billing reports, latest period first',
    description: 'Ready reports, and pending ones where the business shows them; at most 200.',
    responses: { 200: { description: 'The reports', example: { items: [report] } } },
  }),
  reportFile: describe({
    summary: 'Download a billing report',
    description: 'A report without an uploaded file is a 404.',
    responses: { 200: { description: 'The report’s PDF', contentType: 'application/pdf' } },
  }),
  accountStatement: describe({
    summary: 'Download an account statement for a period',
    description: `Every charge due between \`from\` and \`to\` (at most 18 months) with its status and payment date, and the totals per currency. ${PDF_LOCALE} ${ACCOUNT_CHOICE}`,
    responses: { 200: { description: 'The statement', contentType: 'application/pdf' } },
    problems: ['not_found'],
  }),
  incomeTaxStatement: describe({
    summary: 'Download the income tax statement of a year',
    description: `The payments declaration for the income tax return (*Declaração de pagamentos para fins de IR*): what the account paid in \`year\`, by payment date, month by month and in total. ${PDF_LOCALE} ${ACCOUNT_CHOICE}`,
    responses: { 200: { description: 'The statement', contentType: 'application/pdf' } },
    problems: ['not_found'],
  }),
};
