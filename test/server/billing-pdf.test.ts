import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { crc32, deflateSync } from 'node:zlib';
import { test } from 'node:test';
import PDFDocument from 'pdfkit';
import { makeBankBoleto } from '../../server/features/billing/boleto.ts';
import { BARCODE, boletoPdf, itfBars } from '../../server/features/billing/pdf/boleto-pdf.ts';
import { CONTENT, logoProblem, pdfToBuffer, streamPdf, type PdfLogo, type PdfWriter } from '../../server/features/billing/pdf/document.ts';
import { formatMoney, formatTaxId } from '../../server/features/billing/pdf/format.ts';
import { accountStatementPdf, incomeTaxStatementPdf } from '../../server/features/billing/pdf/statement-pdf.ts';
import { toWinAnsi } from '../../server/features/billing/pdf/win-ansi.ts';
import type { Charge } from '../../server/features/billing/schemas.ts';

/*
 * The PDFs are made with compression off, so their page contents are plain operators. pdfkit writes text in
 * the standard fonts as hex strings of WinAnsi bytes inside `[<…> kern <…>] TJ` arrays, one array per line drawn:
 * `textRuns` decodes them, and `words` joins them into one searchable string.
 */
const uncompressed = { compress: false };
const tenant = { name: 'Clínica São João', primaryColor: '#1d4ed8', timeZone: 'America/Sao_Paulo' };
const now = new Date('2026-03-10T15:30:00Z');
const BB = makeBankBoleto({ bank: '001', dueDate: '2026-03-31', amount: 123456, freeField: '0500940144816060680935031' });

let ids = 0;
function charge(fields: Partial<Charge> = {}): Charge {
  ids += 1;
  return {
    id: `00000000-0000-4000-8000-${String(ids).padStart(12, '0')}`,
    accountId: '00000000-0000-4000-8000-000000000000',
    accountName: 'Ana Luíza Conceição',
    establishmentId: null,
    establishmentName: null,
    kind: 'regular',
    description: `Mensalidade ${ids}`,
    amount: 10000,
    currency: 'BRL',
    issueDate: '2026-01-01',
    dueDate: '2026-01-10',
    status: 'open',
    paidAt: null,
    boleto: null,
    pix: null,
    card: false,
    invoiceIds: [],
    ...fields,
  };
}

/** WinAnsi bytes 0x80–0x9F; the rest of the code page is Latin-1. `\0` marks the five undefined bytes. */
const WIN_ANSI_80 = '€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ';

function decodeWinAnsi(hex: string): string {
  assert.equal(hex.length % 2, 0, `odd hex string <${hex}>: a character was written with the wrong number of digits`);
  let text = '';
  for (let i = 0; i < hex.length; i += 2) {
    const byte = parseInt(hex.slice(i, i + 2), 16);
    assert.ok(byte >= 0x20 && byte !== 0x7f, `control byte ${byte} in <${hex}>`);
    const char = byte >= 0x80 && byte <= 0x9f ? WIN_ANSI_80[byte - 0x80]! : String.fromCharCode(byte);
    assert.notEqual(char, '\0', `undefined WinAnsi byte ${byte} in <${hex}>`);
    text += char;
  }
  return text;
}

/** Every line of text drawn, in order, with the font it was drawn in (no-break spaces as plain spaces). */
function textRuns(pdf: Buffer): { font: string; text: string }[] {
  const source = pdf.toString('latin1');
  const fonts = new Map<string, string>();
  for (const [, resource, object] of source.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
    const base = new RegExp(`\\n${object} 0 obj\\n<<\\n/Type /Font\\n/BaseFont /([\\w-]+)`).exec(source);
    if (base) fonts.set(resource!, base[1]!);
  }
  const runs: { font: string; text: string }[] = [];
  for (const [, resource, array, single] of source.matchAll(/\/(F\d+) [\d.]+ Tf\s*(?:\[((?:<[0-9a-f]*>|[\s\d.-])*)\] TJ|<([0-9a-f]*)> Tj)/g)) {
    const hexes = single !== undefined ? [single] : [...array!.matchAll(/<([0-9a-f]*)>/g)].map((match) => match[1]!);
    runs.push({ font: fonts.get(resource!) ?? resource!, text: hexes.map(decodeWinAnsi).join('').replace(/\u00a0/g, ' ') });
  }
  return runs;
}

function words(pdf: Buffer): string {
  return textRuns(pdf)
    .map((run) => run.text)
    .join(' ')
    .replace(/\s+/g, ' ');
}

/** A well-formed file: header, trailer, and its page count as the page tree says. */
function checkPdf(pdf: Buffer): number {
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(pdf.toString('latin1').trimEnd().endsWith('%%EOF'), 'ends with %%EOF');
  const count = /\/Type \/Pages\s*\/Count (\d+)/.exec(pdf.toString('latin1'));
  assert.ok(count, 'has a page tree');
  return Number(count[1]);
}

/** The cells that follow the first run equal to `first` (a table row, one run per cell). */
function rowFrom(pdf: Buffer, first: string, cells: number, from = 0): string[] {
  const runs = textRuns(pdf).map((run) => run.text);
  const start = runs.indexOf(first, from);
  assert.notEqual(start, -1, `no cell "${first}"`);
  return runs.slice(start, start + cells);
}

test('boleto: a one-page PDF with payer, amount, due date, typeable line in Courier and the copy note', async () => {
  const boleto = charge({ description: 'Fisioterapia nº 3 — 1ª sessão', amount: 123456, dueDate: '2026-03-31', boleto: { line: BB.formatted, barcode: BB.barcode, pdf: false } });
  const pdf = await pdfToBuffer(boletoPdf({ tenant, locale: 'pt-BR', charge: boleto, payer: { name: 'Ana Luíza Conceição', taxId: '52998224725' }, now }, uncompressed));
  assert.equal(checkPdf(pdf), 1);
  const text = words(pdf);
  for (const expected of ['Clínica São João', 'Ana Luíza Conceição — CPF 529.982.247-25', 'R$ 1.234,56', '31/03/2026', 'Fisioterapia nº 3 — 1ª sessão', 'Linha digitável']) {
    assert.ok(text.includes(expected), `missing "${expected}"`);
  }
  assert.match(text, /cópia do boleto para pagamento.*registrado pelo sistema de Clínica São João/);
  assert.match(text, /Gerado em 10\/03\/2026.* 12:30/, 'generation time in the tenant zone (UTC−3)');
  assert.match(text, /1\/1/);
  const line = textRuns(pdf).find((run) => run.text === BB.formatted);
  assert.ok(line, 'the typeable line is one run');
  assert.match(line.font, /^Courier/);
  const source = pdf.toString('latin1');
  assert.ok(source.includes('(D:20260310153000Z)'), 'creation date from now');
});

test('boleto: the barcode is the 44 digits in Interleaved 2 of 5, at FEBRABAN size, as 114 rectangles', async () => {
  const pdf = await pdfToBuffer(
    boletoPdf({ tenant, locale: 'pt-BR', charge: charge({ boleto: { line: BB.formatted, barcode: BB.barcode, pdf: false } }), payer: { name: 'Ana', taxId: null }, now }, uncompressed),
  );
  const bars = [...pdf.toString('latin1').matchAll(/([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re\n/g)]
    .map(([, x, y, width, height]) => ({ x: Number(x), y: Number(y), width: Number(width), height: Number(height) }))
    .filter((rect) => Math.abs(rect.height - (13 * 72) / 25.4) < 0.01);
  // 4 start elements, 22 digit pairs of 10 elements, 3 stop elements: bars are every other one, from the first.
  assert.equal(bars.length, 114);
  assert.deepEqual(
    bars.map((bar) => bar.width),
    itfBars(BB.barcode).map((bar) => Number(bar.width.toFixed(6))),
  );
  const narrow = (0.254 * 72) / 25.4;
  assert.ok(bars.every((bar) => Math.abs(bar.width - narrow) < 0.001 || Math.abs(bar.width - 3 * narrow) < 0.001));
  const length = bars.at(-1)!.x + bars.at(-1)!.width - bars[0]!.x;
  assert.ok(Math.abs(length - (102.87 * 72) / 25.4) < 0.01, `barcode is ${((length * 25.4) / 72).toFixed(2)} mm long`);

  // Read the bars back, as a scanner would: widths of bars and of the gaps between them.
  const elements: string[] = [];
  bars.forEach((bar, i) => {
    elements.push(bar.width > 2 * narrow ? 'w' : 'n');
    const next = bars[i + 1];
    if (next) elements.push(next.x - bar.x - bar.width > 2 * narrow ? 'w' : 'n');
  });
  const pattern = elements.join('');
  assert.equal(pattern.slice(0, 4), 'nnnn');
  assert.equal(pattern.slice(-3), 'wnn');
  const ITF = ['nnwwn', 'wnnnw', 'nwnnw', 'wwnnn', 'nnwnw', 'wnwnn', 'nwwnn', 'nnnww', 'wnnwn', 'nwnwn'];
  let digits = '';
  for (let i = 4; i < pattern.length - 3; i += 10) {
    const pair = pattern.slice(i, i + 10);
    digits += ITF.indexOf([0, 2, 4, 6, 8].map((j) => pair[j]).join('')) + '' + ITF.indexOf([1, 3, 5, 7, 9].map((j) => pair[j]).join(''));
  }
  assert.equal(digits, BB.barcode);
  assert.equal(BARCODE.wide, 3 * BARCODE.narrow);
});

test('boleto: a paid charge says not to pay it again; a charge without a boleto is refused before streaming', async () => {
  const paid = charge({ status: 'paid', paidAt: '2026-03-05', boleto: { line: BB.formatted, barcode: BB.barcode, pdf: false } });
  const text = words(await pdfToBuffer(boletoPdf({ tenant, locale: 'en', charge: paid, payer: { name: 'Ana', taxId: null }, now }, uncompressed)));
  assert.match(text, /paid on 03\/05\/2026\. Do not pay it again/);
  assert.throws(() => boletoPdf({ tenant, locale: 'en', charge: charge(), payer: { name: 'Ana', taxId: null }, now }), TypeError);
  assert.throws(() => boletoPdf({ tenant, locale: 'en', charge: charge({ boleto: { line: 'x', barcode: '123', pdf: false } }), payer: { name: 'Ana', taxId: null }, now }), TypeError);
});

test('text outside WinAnsi is replaced, never written as garbage; Latin-1 and € come through', async () => {
  assert.equal(toWinAnsi('ç ã é º ª € “ok” – —'), 'ç ã é º ª € “ok” – —');
  assert.equal(toWinAnsi('Ősz ș ﬁm 😀 a\u0301\u200b\tb\nc'), 'Osz s fim ? á b c');
  const description = 'Revisão nº 2 ção € 😀 Ő 中 \u202f fim\u0007';
  const pdf = await pdfToBuffer(
    accountStatementPdf({ tenant, locale: 'pt-BR', account: { name: 'Zoë Ñuñez', taxId: null }, period: { from: '2026-01-01', to: '2026-01-31' }, charges: [charge({ description })], now }, uncompressed),
  );
  // decodeWinAnsi fails on odd hex strings, control bytes and undefined bytes: every run in the file is checked.
  const text = words(pdf);
  assert.ok(text.includes('Revisão nº 2 ção € ? O ? fim'), text);
  assert.ok(text.includes('Zoë Ñuñez'));
});

test('text capped at two lines draws both lines wherever it falls (pdfkit rounds its limits to float32)', async () => {
  // Row bottoms on a float32 boundary (…,375) used to lose their second line: y + lh + lh rounded past the limit.
  const lineHeight = new PDFDocument({ autoFirstPage: false }).font('Helvetica').fontSize(8.5).currentLineHeight(true);
  const tops = Array.from({ length: 2000 }, (_, i) => 120 + i * 0.125 - lineHeight - lineHeight);
  const text = 'Mensalidade de fisioterapia nº 28 — sessão extra com avaliação postural completa e relatório';
  const setup = { tenant, locale: 'en' as const, title: 'Sweep', now };
  const draw = () => [{ height: 10, draw: (pdf: PdfWriter) => tops.forEach((y) => pdf.text(text, CONTENT.left, y, { size: 8.5, width: 181, maxLines: 2 })) }];
  const lines = textRuns(await pdfToBuffer(streamPdf(setup, draw, uncompressed))).filter((run) => run.text.startsWith('Mensalidade') || run.text.startsWith('extra'));
  assert.equal(lines.length, 2 * tops.length);
  assert.ok(lines.every((run, i) => (i % 2 === 0 ? run.text.startsWith('Mensalidade') : run.text.endsWith('…'))));
});

test('statement of 120 charges: several pages, the table header on each, every row, page numbers n/total', async () => {
  const long = 'sessão de fisioterapia com avaliação postural e relatório, '.repeat(3);
  const name = (i: number) => `Cobrança ${String(i + 1).padStart(3, '0')}`;
  const charges = Array.from({ length: 120 }, (_, i) => charge({ description: i % 2 === 0 ? `${name(i)} — ${long}` : name(i), dueDate: `2026-0${1 + (i % 3)}-15` }));
  const pdf = await pdfToBuffer(
    accountStatementPdf({ tenant, locale: 'pt-BR', account: { name: 'Ana', taxId: '11222333000181' }, period: { from: '2026-01-01', to: '2026-03-31' }, charges, now }, uncompressed),
  );
  const pages = checkPdf(pdf);
  assert.ok(pages >= 3, `${pages} pages`);
  const runs = textRuns(pdf).map((run) => run.text);
  assert.equal(runs.filter((run) => run === 'Descrição').length, pages, 'the header on every page');
  assert.equal(runs.filter((run) => run === 'Vencimento').length, pages);
  for (let page = 1; page <= pages; page++) assert.ok(runs.includes(`${page}/${pages}`), `footer ${page}/${pages}`);
  const rows = runs.filter((run) => /^Cobrança \d{3}( —|$)/.test(run));
  assert.equal(rows.length, 120);
  assert.equal(new Set(rows).size, 120);
  // A long description takes two lines, the second cut short with "…", wherever on the page its row falls.
  for (const [i, run] of runs.entries()) {
    if (!run.startsWith('Cobrança') || !run.includes('—')) continue;
    const second = runs[i + 1]!;
    assert.ok(second.endsWith('…'), `"${run}" continues with "${second}"`);
    const shown = `${run} ${second.slice(0, -1)}`.replace(/\s+/g, ' ').trim();
    assert.ok(`${run.slice(0, 12)} — ${long}`.startsWith(shown), `"${run}" / "${second}"`);
  }
  assert.ok(runs.includes('Cliente: Ana — CNPJ 11.222.333/0001-81'));
  assert.ok(runs.includes('Período: 01/01/2026 a 31/03/2026'));
  assert.ok(runs.includes('Em aberto'));
});

test('statement totals are per currency (billed = paid + open; cancelled and renegotiated left out), in es and en', async () => {
  const charges = [
    charge({ amount: 10000, status: 'open' }),
    charge({ amount: 25050, status: 'paid', paidAt: '2026-01-09' }),
    charge({ amount: 5000, status: 'overdue' }),
    charge({ amount: 99999, status: 'cancelled' }),
    charge({ amount: 77777, status: 'renegotiated' }),
    charge({ amount: 123456, currency: 'EUR', status: 'paid', paidAt: '2026-01-05' }),
    charge({ amount: 1000, currency: 'EUR', status: 'open' }),
  ];
  const statement = (locale: 'es' | 'en') =>
    pdfToBuffer(accountStatementPdf({ tenant, locale, account: { name: 'Ana', taxId: null }, period: { from: '2026-01-01', to: '2026-01-31' }, charges, now }, uncompressed));
  const es = await statement('es');
  const totals = textRuns(es).findIndex((run) => run.text === 'Totales por moneda');
  assert.notEqual(totals, -1);
  assert.deepEqual(rowFrom(es, 'BRL', 4, totals), ['BRL', '400,50 BRL', '250,50 BRL', '150,00 BRL']);
  assert.deepEqual(rowFrom(es, 'EUR', 4, totals), ['EUR', '1244,56 €', '1234,56 €', '10,00 €']);
  assert.ok(words(es).includes('Cancelado') && words(es).includes('Renegociado') && words(es).includes('Vencido'));
  const en = await statement('en');
  const totalsEn = textRuns(en).findIndex((run) => run.text === 'Totals by currency');
  assert.deepEqual(rowFrom(en, 'EUR', 4, totalsEn), ['EUR', '€1,244.56', '€1,234.56', '€10.00']);
  assert.deepEqual(rowFrom(en, 'BRL', 4, totalsEn), ['BRL', 'R$400.50', 'R$250.50', 'R$150.00']);
  // Nothing adds reais and euros together.
  assert.doesNotMatch(words(en), /1,645\.06|1,395\.06/);
});

test('an empty period says so, on one page, without a table', async () => {
  const pdf = await pdfToBuffer(
    accountStatementPdf(
      { tenant, locale: 'pt-BR', account: { name: 'Ana', taxId: '52998224725' }, establishment: { name: 'Filial Centro' }, period: { from: '2026-02-01', to: '2026-02-28' }, charges: [], now },
      uncompressed,
    ),
  );
  assert.equal(checkPdf(pdf), 1);
  const text = words(pdf);
  assert.ok(text.includes('Nenhuma cobrança neste período.'));
  assert.ok(text.includes('Estabelecimento: Filial Centro'));
  assert.ok(!text.includes('Descrição') && !text.includes('Totais por moeda'));
});

test('income-tax statement: only the payments of the year, per month and in total per currency, with the tax id formatted', async () => {
  const paid = (paidAt: string, amount: number, currency = 'BRL') => charge({ status: 'paid', paidAt, amount, currency });
  const payments = [
    paid('2025-01-15', 10000),
    paid('2025-01-20', 5000),
    paid('2025-03-02', 2550),
    paid('2025-06-10', 1000, 'EUR'),
    paid('2024-12-31', 99900),
    paid('2026-01-01', 88800),
    charge({ amount: 77700, status: 'open', dueDate: '2025-05-01' }),
  ];
  const pdf = await pdfToBuffer(
    incomeTaxStatementPdf({ tenant, locale: 'pt-BR', account: { name: 'Construtora Ômega Ltda', taxId: '11222333000181' }, year: 2025, payments, now }, uncompressed),
  );
  assert.equal(checkPdf(pdf), 1);
  const text = words(pdf);
  assert.ok(text.includes('Declaração de pagamentos para fins de Imposto de Renda'));
  assert.ok(text.includes('Ano-calendário 2025'));
  assert.ok(text.includes('Emitente: Clínica São João'));
  assert.ok(text.includes('Cliente: Construtora Ômega Ltda — CNPJ 11.222.333/0001-81'));
  assert.deepEqual(rowFrom(pdf, 'Janeiro', 4), ['Janeiro', 'BRL', '2', 'R$ 150,00']);
  assert.deepEqual(rowFrom(pdf, 'Março', 4), ['Março', 'BRL', '1', 'R$ 25,50']);
  assert.deepEqual(rowFrom(pdf, 'Total de 2025', 4), ['Total de 2025', 'BRL', '3', 'R$ 175,50']);
  assert.deepEqual(rowFrom(pdf, 'Junho', 4), ['Junho', 'EUR', '1', '€ 10,00']);
  assert.ok(!/999,00|888,00|777,00|Dezembro|Maio/.test(text), 'other years and unpaid charges are left out');

  const cpf = await pdfToBuffer(incomeTaxStatementPdf({ tenant, locale: 'es', account: { name: 'Ana', taxId: '52998224725' }, year: 2024, payments, now }, uncompressed));
  assert.ok(words(cpf).includes('Declaración de pagos a efectos del impuesto sobre la renta'));
  assert.ok(words(cpf).includes('CPF 529.982.247-25'));
  assert.deepEqual(rowFrom(cpf, 'Total 2024', 4), ['Total 2024', 'BRL', '1', '999,00 BRL']);
  const none = words(await pdfToBuffer(incomeTaxStatementPdf({ tenant, locale: 'en', account: { name: 'Ana', taxId: null }, year: 2023, payments, now }, uncompressed)));
  assert.ok(none.includes('No payments recorded in 2023.'));
});

test('money from minor units in the currency’s own decimals, exactly; tax ids in their masks', () => {
  assert.equal(formatMoney(123456, 'BRL', 'pt-BR').replace(/\u00a0/g, ' '), 'R$ 1.234,56');
  assert.equal(formatMoney(1234, 'JPY', 'en'), '¥1,234');
  assert.equal(formatMoney(1234567, 'KWD', 'en').replace(/\u00a0/g, ' '), 'KWD 1,234.567');
  assert.equal(formatMoney(5, 'EUR', 'es').replace(/\u00a0/g, ' '), '0,05 €');
  assert.equal(formatMoney(123456789012345678n, 'BRL', 'pt-BR').replace(/\u00a0/g, ' '), 'R$ 1.234.567.890.123.456,78');
  assert.deepEqual(formatTaxId('52998224725'), { shape: 'cpf', text: '529.982.247-25' });
  assert.deepEqual(formatTaxId('12ABC34501DE35'), { shape: 'cnpj', text: '12.ABC.345/01DE-35' });
  assert.deepEqual(formatTaxId('X1234567L'), { shape: 'other', text: 'X1234567L' });
});

/** Waits until `count` stops moving: what the drawing does on its own while nobody reads. */
async function whenStill(count: () => number): Promise<number> {
  let last: number;
  do {
    last = count();
    await sleep(150);
  } while (count() !== last);
  return last;
}

test('the PDF is streamed: nothing is drawn before it is read, drawing waits for the reader, and stops when it cancels', { timeout: 30_000 }, async () => {
  const original = PDFDocument.prototype.addPage;
  let pagesAdded = 0;
  PDFDocument.prototype.addPage = function (this: PDFKit.PDFDocument, ...args: Parameters<PDFKit.PDFDocument['addPage']>) {
    pagesAdded += 1;
    return original.apply(this, args);
  };
  try {
    const charges = Array.from({ length: 600 }, (_, i) => charge({ description: `Cobrança ${i}` }));
    const input = { tenant, locale: 'pt-BR' as const, account: { name: 'Ana', taxId: null }, period: { from: '2026-01-01', to: '2026-03-31' }, charges, now };

    const stream = accountStatementPdf(input, uncompressed);
    assert.equal(pagesAdded, 0, 'the call returns before anything is drawn');
    const reader = stream.getReader();
    const first = await reader.read();
    assert.equal(Buffer.from(first.value!).subarray(0, 5).toString('latin1'), '%PDF-');
    for (let tries = 0; tries < 250 && pagesAdded === 0; tries++) await sleep(20);
    const whileWaiting = await whenStill(() => pagesAdded);
    const chunks = [first.value!];
    for (let read = await reader.read(); !read.done; read = await reader.read()) chunks.push(read.value);
    const pages = checkPdf(Buffer.concat(chunks));
    assert.ok(whileWaiting >= 1 && whileWaiting < pages / 2, `drew ${whileWaiting} of ${pages} pages while nobody read`);
    assert.equal(pagesAdded, pages);
    assert.ok(chunks.length > pages / 2, `handed over page by page, not at once: ${chunks.length} chunks for ${pages} pages`);

    pagesAdded = 0;
    const cancelled = accountStatementPdf(input, uncompressed).getReader();
    while (pagesAdded < 2) await cancelled.read();
    await cancelled.cancel();
    const afterCancel = await whenStill(() => pagesAdded);
    assert.ok(afterCancel < pages / 2, `drew ${afterCancel} of ${pages} pages after the reader left`);
  } finally {
    PDFDocument.prototype.addPage = original;
  }
});

/** A PNG chunk: length, type, body and its CRC. */
function pngChunk(type: string, body: Uint8Array, length = body.length): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(length >>> 0, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])) >>> 0);
  return Buffer.concat([head, body, crc]);
}

/**
 * A PNG made here, `width` × `height` in a flat colour (8 bits a channel, RGB or RGBA, Adam7 when `interlaced`),
 * every row with filter byte `filter`; `data` replaces the compressed pixels, `extra` adds chunks before IEND.
 */
function png(options: { width: number; height: number; alpha?: boolean; interlaced?: boolean; filter?: number; data?: Buffer; extra?: Buffer[] }): PdfLogo {
  const { width, height, alpha = false, interlaced = false, filter = 0 } = options;
  const pixel = alpha ? [0x0e, 0x74, 0x90, 0xc0] : [0xf9, 0x73, 0x16];
  const passes = interlaced ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] : [[0, 0, 1, 1]];
  const rows: number[] = [];
  for (const [x0, y0, dx, dy] of passes as [number, number, number, number][]) {
    const [w, h] = [Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)];
    if (w > 0) for (let y = 0; y < h; y++) rows.push(filter, ...Array.from({ length: w }, () => pixel).flat());
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, alpha ? 6 : 2, 0, 0, interlaced ? 1 : 0], 8);
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    ...(options.extra ?? []),
    pngChunk('IDAT', options.data ?? deflateSync(Buffer.from(rows))),
    pngChunk('IEND', new Uint8Array()),
  ]);
  return { bytes, type: 'image/png' };
}

/** A JPEG's frame header (what pdfkit reads of it) for a `width` × `height` picture in RGB. */
function jpeg(width: number, height: number): PdfLogo {
  const frame = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
  return { bytes: Uint8Array.from([0xff, 0xd8, ...frame, 0xff, 0xd9]), type: 'image/jpeg' };
}

/** Where the band's name (bold, 15 pt) starts on each page: its x. */
const nameLefts = (pdf: Buffer) => [...pdf.toString('latin1').matchAll(/1 0 0 1 ([\d.]+) [\d.]+ Tm\n\/F\d+ 15 Tf/g)].map((match) => Number(match[1]));
const imageObjects = (pdf: Buffer) => pdf.toString('latin1').match(/\/Subtype \/Image/g)?.length ?? 0;

function manyCharges(count: number): Charge[] {
  return Array.from({ length: count }, (_, i) => charge({ description: `Cobrança ${i}` }));
}

const statementWith = (logo: PdfLogo | undefined, charges: Charge[] = []) =>
  pdfToBuffer(
    accountStatementPdf(
      { tenant: { ...tenant, ...(logo ? { logo } : {}) }, locale: 'pt-BR', account: { name: 'Ana', taxId: null }, period: { from: '2026-01-01', to: '2026-03-31' }, charges, now },
      uncompressed,
    ),
  );

test('the tenant’s logo is drawn in the band of every page, embedded once, and the name moves right of it', async () => {
  const wide = png({ width: 60, height: 20 });
  assert.equal(logoProblem(wide), null);
  const pdf = await statementWith(wide, manyCharges(120));
  const pages = checkPdf(pdf);
  assert.ok(pages >= 3);
  const source = pdf.toString('latin1');
  assert.equal(imageObjects(pdf), 1, 'one image object for every page');
  assert.equal(source.match(/\/I1 Do/g)?.length, pages, 'drawn on each page');
  // 60 × 20 fitted to 32 points high (under the 110 wide limit): 96 × 32, on a white card 4 points bigger each side.
  assert.equal(source.match(/\n96 0 0 -32 44 44 cm\n\/I1 Do/g)?.length, pages);
  assert.deepEqual(nameLefts(pdf), Array(pages).fill(40 + 4 + 96 + 4 + 10));
  assert.ok(words(pdf).includes('Clínica São João'));

  const tall = await statementWith(png({ width: 10, height: 40 }));
  assert.match(tall.toString('latin1'), /\n8 0 0 -32 44 44 cm\n\/I1 Do/, 'a tall logo is fitted to the band height');
  const long = await statementWith(png({ width: 300, height: 30 }));
  assert.match(long.toString('latin1'), /\n110 0 0 -11 44 33.5 cm\n\/I1 Do/, 'a long one to the width limit, centred in height');
});

test('without a logo the band is as before: no image, the name at the margin', async () => {
  const pdf = await statementWith(undefined, manyCharges(60));
  assert.equal(imageObjects(pdf), 0);
  assert.doesNotMatch(pdf.toString('latin1'), / Do\n/);
  const pages = checkPdf(pdf);
  assert.deepEqual(nameLefts(pdf), Array(pages).fill(40));
});

test('logos with transparency, interlaced, and JPEG are drawn', async () => {
  const alpha = await statementWith(png({ width: 24, height: 24, alpha: true }));
  assert.equal(imageObjects(alpha), 2, 'the picture and its soft mask');
  assert.match(alpha.toString('latin1'), /\/SMask \d+ 0 R/);
  const interlaced = png({ width: 13, height: 11, alpha: true, interlaced: true });
  assert.equal(logoProblem(interlaced), null);
  assert.equal(imageObjects(await statementWith(interlaced)), 2);
  const photo = await statementWith(jpeg(64, 32));
  assert.match(photo.toString('latin1'), /\/Filter \/DCTDecode/);
  assert.match(photo.toString('latin1'), /\n64 0 0 -32 44 44 cm\n\/I1 Do/);
});

test('a logo that cannot be drawn safely is left out, the document made all the same', { timeout: 20_000 }, async () => {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const header = png({ width: 4, height: 4 }).bytes.subarray(0, 33);
  const broken: Record<string, PdfLogo> = {
    'a chunk longer than the file': { type: 'image/png', bytes: Buffer.concat([header, pngChunk('tEXt', new Uint8Array(4), 4000)]) },
    'no end': { type: 'image/png', bytes: Buffer.concat([header, pngChunk('IDAT', deflateSync(Buffer.alloc(52)))]) },
    'no header': { type: 'image/png', bytes: Buffer.concat([signature, pngChunk('IEND', new Uint8Array())]) },
    // pdfkit decodes a PNG with alpha in a zlib callback: a filter png-js does not know would throw there and end the process.
    'an unknown row filter': png({ width: 8, height: 8, alpha: true, filter: 7 }),
    'corrupt image data': png({ width: 8, height: 8, alpha: true, data: Buffer.from('not deflate') }),
    'more pixels than its size (a decompression bomb)': png({ width: 10, height: 10, alpha: true, data: deflateSync(Buffer.alloc(4_000_000)) }),
    'too many pixels': png({ width: 2100, height: 2100, data: deflateSync(Buffer.alloc(10)) }),
    'too wide': png({ width: 5000, height: 1, data: deflateSync(Buffer.alloc(10)) }),
    'a PNG said to be a JPEG': { ...png({ width: 4, height: 4 }), type: 'image/jpeg' },
    'a JPEG without a frame': { type: 'image/jpeg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xd9]) },
    'a JPEG segment longer than the file': { type: 'image/jpeg', bytes: Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x40, 0x00, 0, 0]) },
    'a JPEG in two channels': { type: 'image/jpeg', bytes: jpeg(8, 8).bytes.map((byte, i) => (i === 11 ? 2 : byte)) },
    'a JPEG too large': jpeg(5000, 20),
    'an SVG': { type: 'image/svg+xml' as 'image/png', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>') },
  };
  for (const [what, logo] of Object.entries(broken)) {
    assert.ok(logoProblem(logo), `${what}: logoProblem has no objection`);
    const pdf = await statementWith(logo);
    assert.equal(checkPdf(pdf), 1, what);
    assert.equal(imageObjects(pdf), 0, `${what}: no image`);
    assert.deepEqual(nameLefts(pdf), [40], `${what}: the name at the margin`);
  }
});

test('a PNG chunk of negative length is refused rather than hanging the server', () => {
  // png-js reads the length as signed: -12 steps back onto the same chunk, forever, synchronously. Drawn in a child
  // process, so that losing the check fails this test (killed after the timeout) instead of hanging the whole run.
  const header = png({ width: 4, height: 4 }).bytes.subarray(0, 33);
  const bytes = Buffer.concat([header, pngChunk('abCD', new Uint8Array(), 0xfffffff4), pngChunk('IEND', new Uint8Array())]);
  assert.match(logoProblem({ bytes, type: 'image/png' }) ?? '', /longer than the file/);
  const module = (path: string) => JSON.stringify(new URL(path, import.meta.url).href);
  const script = `
    const { accountStatementPdf } = await import(${module('../../server/features/billing/pdf/statement-pdf.ts')});
    const { pdfToBuffer } = await import(${module('../../server/features/billing/pdf/document.ts')});
    const logo = { type: 'image/png', bytes: Buffer.from('${bytes.toString('base64')}', 'base64') };
    const tenant = { name: 'T', primaryColor: '#1d4ed8', timeZone: 'UTC', logo };
    const pdf = await pdfToBuffer(accountStatementPdf({ tenant, locale: 'en', account: { name: 'A', taxId: null }, period: { from: '2026-01-01', to: '2026-01-31' }, charges: [], now: new Date() }));
    process.stdout.write(pdf.subarray(0, 5).toString('latin1'));`;
  const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(child.signal, null, 'the drawing hung and was killed');
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout, '%PDF-');
});
