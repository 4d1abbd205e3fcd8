import type { Locale } from '../../tenants/schemas.ts';
import type { ChargeStatus } from '../schemas.ts';
import type { TaxIdShape } from './format.ts';

/**
 * Everything the server's PDFs say (billing documents and the appointments' authorization guide), in each language the portal speaks. Plain strings: amounts and dates arrive
 * already formatted, and the document makes every string safe for its fonts.
 */
export interface PdfCopy {
  /** The footer's left side: when the file was made. */
  generatedAt(when: string): string;
  /** What precedes a tax id: "CPF 529.982.247-25". */
  taxId: Record<TaxIdShape, string>;
  /** A charge's status in words. */
  status: Record<ChargeStatus, string>;
  boleto: {
    title: string;
    beneficiary: string;
    payer: string;
    description: string;
    dueDate: string;
    amount: string;
    line: string;
    howToPay: string;
    /** Why this file is a copy and where the boleto really lives. */
    copyNote(tenant: string): string;
    /** A warning on a boleto that should not be paid (any more). */
    settled: { paid(date: string): string; cancelled: string; renegotiated: string };
  };
  statement: {
    title: string;
    account: string;
    establishment: string;
    period(from: string, to: string): string;
    columns: { issue: string; due: string; description: string; status: string; amount: string; paid: string };
    empty: string;
    totals: string;
    totalsColumns: { currency: string; billed: string; paid: string; open: string };
    totalsNote: string;
  };
  incomeTax: {
    title: string;
    year(year: number): string;
    issuer: string;
    account: string;
    declaration(account: string, tenant: string, year: number): string;
    columns: { month: string; currency: string; count: string; amount: string };
    total(year: number): string;
    empty(year: number): string;
    note(tenant: string, when: string): string;
  };
  /** The authorization guide of an exam appointment (S4). */
  guide: {
    title: string;
    number: string;
    service: string;
    date: string;
    time: string;
    duration: string;
    provider: string;
    patient: string;
    email: string;
    account: string;
    establishment: string;
    preparation: string;
    /** What to do with the guide on the day. */
    present: string;
    /** How to reach the business, or (without a contact) whom to ask. */
    contact(contact: string): string;
    noContact(tenant: string): string;
  };
}

const ptBR: PdfCopy = {
  generatedAt: (when) => `Gerado em ${when}`,
  taxId: { cpf: 'CPF', cnpj: 'CNPJ', other: 'Documento' },
  status: { open: 'Em aberto', overdue: 'Vencida', paid: 'Paga', cancelled: 'Cancelada', renegotiated: 'Renegociada' },
  boleto: {
    title: 'Boleto — cópia para pagamento',
    beneficiary: 'Beneficiário',
    payer: 'Pagador',
    description: 'Descrição',
    dueDate: 'Vencimento',
    amount: 'Valor',
    line: 'Linha digitável',
    howToPay: 'Pague no aplicativo ou internet banking do seu banco, lendo o código de barras ou digitando a linha digitável.',
    copyNote: (tenant) =>
      `Esta é uma cópia do boleto para pagamento, gerada pelo Portal do Cliente. O boleto é registrado pelo sistema de ${tenant}, que recebe a confirmação do pagamento; em caso de dúvida, fale com ${tenant}.`,
    settled: {
      paid: (date) => `Esta cobrança consta como paga em ${date}. Não pague de novo.`,
      cancelled: 'Esta cobrança foi cancelada. Não a pague.',
      renegotiated: 'Esta cobrança foi renegociada. Pague a nova cobrança, não esta.',
    },
  },
  statement: {
    title: 'Extrato de cobranças',
    account: 'Cliente',
    establishment: 'Estabelecimento',
    period: (from, to) => `Período: ${from} a ${to}`,
    columns: { issue: 'Emissão', due: 'Vencimento', description: 'Descrição', status: 'Situação', amount: 'Valor', paid: 'Pagamento' },
    empty: 'Nenhuma cobrança neste período.',
    totals: 'Totais por moeda',
    totalsColumns: { currency: 'Moeda', billed: 'Cobrado', paid: 'Pago', open: 'Em aberto' },
    totalsNote: 'Cobranças canceladas ou renegociadas aparecem na lista, mas não entram nos totais. Valores em moedas diferentes não são somados.',
  },
  incomeTax: {
    title: 'Declaração de pagamentos para fins de Imposto de Renda',
    year: (year) => `Ano-calendário ${year}`,
    issuer: 'Emitente',
    account: 'Cliente',
    declaration: (account, tenant, year) =>
      `Declaramos, para fins de Imposto de Renda, que ${account} efetuou a ${tenant} os pagamentos relacionados abaixo durante o ano-calendário de ${year}.`,
    columns: { month: 'Mês', currency: 'Moeda', count: 'Pagamentos', amount: 'Valor pago' },
    total: (year) => `Total de ${year}`,
    empty: (year) => `Nenhum pagamento registrado em ${year}.`,
    note: (tenant, when) => `Valores conforme os pagamentos registrados no sistema de ${tenant} até ${when}.`,
  },
  guide: {
    title: 'Guia de autorização',
    number: 'Nº da autorização',
    service: 'Exame',
    date: 'Data',
    time: 'Horário',
    duration: 'Duração',
    provider: 'Prestador',
    patient: 'Paciente',
    email: 'E-mail',
    account: 'Empresa',
    establishment: 'Estabelecimento',
    preparation: 'Preparo',
    present: 'Apresente esta guia na recepção no dia do atendimento, impressa ou no celular.',
    contact: (contact) => `Dúvidas, remarcação ou cancelamento: ${contact}`,
    noContact: (tenant) => `Dúvidas, remarcação ou cancelamento: fale com ${tenant}.`,
  },
};

const es: PdfCopy = {
  generatedAt: (when) => `Generado el ${when}`,
  taxId: { cpf: 'CPF', cnpj: 'CNPJ', other: 'NIF' },
  status: { open: 'Pendiente', overdue: 'Vencido', paid: 'Pagado', cancelled: 'Cancelado', renegotiated: 'Renegociado' },
  boleto: {
    title: 'Boleto: copia para el pago',
    beneficiary: 'Beneficiario',
    payer: 'Pagador',
    description: 'Descripción',
    dueDate: 'Vencimiento',
    amount: 'Importe',
    line: 'Línea digitable',
    howToPay: 'Páguelo en la aplicación o la banca en línea de su banco, leyendo el código de barras o tecleando la línea digitable.',
    copyNote: (tenant) =>
      `Esta es una copia del boleto para el pago, generada por el Portal del Cliente. El boleto está registrado en el sistema de ${tenant}, que recibe la confirmación del pago; si tiene dudas, consulte con ${tenant}.`,
    settled: {
      paid: (date) => `Este cobro figura como pagado el ${date}. No lo pague de nuevo.`,
      cancelled: 'Este cobro fue cancelado. No lo pague.',
      renegotiated: 'Este cobro fue renegociado. Pague el nuevo cobro, no este.',
    },
  },
  statement: {
    title: 'Extracto de cobros',
    account: 'Cliente',
    establishment: 'Establecimiento',
    period: (from, to) => `Periodo: del ${from} al ${to}`,
    columns: { issue: 'Emisión', due: 'Vencimiento', description: 'Descripción', status: 'Estado', amount: 'Importe', paid: 'Pago' },
    empty: 'No hay cobros en este periodo.',
    totals: 'Totales por moneda',
    totalsColumns: { currency: 'Moneda', billed: 'Facturado', paid: 'Pagado', open: 'Pendiente' },
    totalsNote: 'Los cobros cancelados o renegociados figuran en la lista, pero no en los totales. Los importes en monedas distintas no se suman.',
  },
  incomeTax: {
    title: 'Declaración de pagos a efectos del impuesto sobre la renta',
    year: (year) => `Ejercicio ${year}`,
    issuer: 'Emisor',
    account: 'Cliente',
    declaration: (account, tenant, year) =>
      `Declaramos, a efectos del impuesto sobre la renta, que ${account} realizó a ${tenant} los pagos que se detallan a continuación durante el año ${year}.`,
    columns: { month: 'Mes', currency: 'Moneda', count: 'Pagos', amount: 'Importe pagado' },
    total: (year) => `Total ${year}`,
    empty: (year) => `No hay pagos registrados en ${year}.`,
    note: (tenant, when) => `Importes según los pagos registrados en el sistema de ${tenant} hasta el ${when}.`,
  },
  guide: {
    title: 'Guía de autorización',
    number: 'N.º de autorización',
    service: 'Prueba',
    date: 'Fecha',
    time: 'Hora',
    duration: 'Duración',
    provider: 'Profesional o centro',
    patient: 'Paciente',
    email: 'Correo electrónico',
    account: 'Empresa',
    establishment: 'Establecimiento',
    preparation: 'Preparación',
    present: 'Presente esta guía en recepción el día de la cita, impresa o en el móvil.',
    contact: (contact) => `Dudas, cambios o cancelaciones: ${contact}`,
    noContact: (tenant) => `Dudas, cambios o cancelaciones: consulte con ${tenant}.`,
  },
};

const en: PdfCopy = {
  generatedAt: (when) => `Generated on ${when}`,
  taxId: { cpf: 'CPF', cnpj: 'CNPJ', other: 'Tax ID' },
  status: { open: 'Open', overdue: 'Overdue', paid: 'Paid', cancelled: 'Cancelled', renegotiated: 'Renegotiated' },
  boleto: {
    title: 'Boleto: copy for payment',
    beneficiary: 'Beneficiary',
    payer: 'Payer',
    description: 'Description',
    dueDate: 'Due date',
    amount: 'Amount',
    line: 'Typeable line',
    howToPay: "Pay it in your bank's app or internet banking, by scanning the barcode or typing the line.",
    copyNote: (tenant) =>
      `This is a copy of the boleto for payment, made by the client portal. The boleto is registered by ${tenant}'s own system, which receives the confirmation of payment; if in doubt, ask ${tenant}.`,
    settled: {
      paid: (date) => `This charge was paid on ${date}. Do not pay it again.`,
      cancelled: 'This charge was cancelled. Do not pay it.',
      renegotiated: 'This charge was renegotiated. Pay the new charge, not this one.',
    },
  },
  statement: {
    title: 'Account statement',
    account: 'Client',
    establishment: 'Establishment',
    period: (from, to) => `Period: ${from} to ${to}`,
    columns: { issue: 'Issued', due: 'Due', description: 'Description', status: 'Status', amount: 'Amount', paid: 'Paid on' },
    empty: 'No charges in this period.',
    totals: 'Totals by currency',
    totalsColumns: { currency: 'Currency', billed: 'Billed', paid: 'Paid', open: 'Open' },
    totalsNote: 'Cancelled and renegotiated charges are listed but not counted in the totals. Amounts in different currencies are never added together.',
  },
  incomeTax: {
    title: 'Statement of payments for income tax purposes',
    year: (year) => `Calendar year ${year}`,
    issuer: 'Issuer',
    account: 'Client',
    declaration: (account, tenant, year) => `We declare, for income tax purposes, that ${account} made the payments listed below to ${tenant} during the calendar year ${year}.`,
    columns: { month: 'Month', currency: 'Currency', count: 'Payments', amount: 'Amount paid' },
    total: (year) => `Total ${year}`,
    empty: (year) => `No payments recorded in ${year}.`,
    note: (tenant, when) => `Amounts as the payments recorded in ${tenant}'s system up to ${when}.`,
  },
  guide: {
    title: 'Authorization guide',
    number: 'Authorization no.',
    service: 'Exam',
    date: 'Date',
    time: 'Time',
    duration: 'Duration',
    provider: 'Provider',
    patient: 'Patient',
    email: 'E-mail',
    account: 'Company',
    establishment: 'Establishment',
    preparation: 'Preparation',
    present: 'Present this guide at reception on the day of your appointment, printed or on your phone.',
    contact: (contact) => `Questions, rescheduling or cancelling: ${contact}`,
    noContact: (tenant) => `Questions, rescheduling or cancelling: please contact ${tenant}.`,
  },
};

const copies: Record<Locale, PdfCopy> = { 'pt-BR': ptBR, es, en };

/** The copy for `locale`, English for a language the portal does not speak. */
export function pdfCopy(locale: Locale): PdfCopy {
  return copies[locale] ?? copies.en;
}
