import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBoletoLine, itfPattern, makeBankBoleto } from '../../server/features/billing/boleto.ts';
import { buildPixPayload, checkPixPayload, crc16 } from '../../server/features/billing/pix.ts';

/*
 * Known-good examples, from public sources rather than from this code:
 * - Banco do Brasil, R$ 1,00, factor 3737 (2007-12-31): the line in the README of brazilian-utils/brutils-python
 *   (`format_boleto`), widely reused as the FEBRABAN worked example; barcode as brazilian-utils gives it.
 * - Caixa (104), R$ 214,03, due 2022-05-10; a credit-card boleto with no factor nor amount; collection slips
 *   838600000050096000190009000801782309000343062712 (energy, mod 11, R$ 509,60) and
 *   846300000003299902962024004101360008002006441147 (mod 10): lines, barcodes, amounts and due date from the
 *   tests of mrmgomes/boleto-utils (test/test.js).
 * - PIX: the Banco Central's example in the "Manual de Padrões para Iniciação do Pix"; a Mercado Pago sandbox
 *   payload with an amount (M-Robot35/Boilerplate-Node.js-Start, backend/exemplos-in-out/pix.ts); a static
 *   payload with description and an amount without decimals from the tests of stone-payments/ex-pix-brcode
 *   (test/ex_pix_brcode/payments/models/static_pix_payment_test.exs).
 */
const BB_LINE = '00190.50095 40144.816069 06809.350314 3 37370000000100';
const BB_BARCODE = '00193373700000001000500940144816060680935031';
const CAIXA_LINE = '10492006506100010004200997263900989810000021403';
const CAIXA_BARCODE = '10499898100000214032006561000100040099726390';
const CARD_LINE = '23794150099001980167035000211405700000000000000';
const CARD_BARCODE = '23797000000000000004150090019801673500021140';
const ENERGY_LINE = '838600000050096000190009000801782309000343062712';
const ENERGY_BARCODE = '83860000005096000190000008017823000034306271';
const MOD10_LINE = '846300000003299902962024004101360008002006441147';
const MOD10_BARCODE = '84630000000299902962020041013600000200644114';

const BCB_PIX = '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';
const MERCADO_PAGO_PIX =
  '00020126580014br.gov.bcb.pix0136b76aa9c2-2ec4-4110-954e-ebfe34f05b61520400005303986540512.345802BR5911TE35069Wi056014Begz kGOBJEUte62230519mpqrinter132741051963042B7C';
const STONE_PIX = '00020126490014BR.GOV.BCB.PIX0111111111111110212Vacina covid52040000530398654031005802BR5904CARL6010SAN.FIERRO62210517Lojinha da paixao63045982';

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);
/** The line with digit `i` (of the bare digits) replaced by `digit`. */
const withDigit = (digits: string, i: number, digit: number) => digits.slice(0, i) + digit + digits.slice(i + 1);

test('real bank boleto lines: barcode, presentation, amount and due date', () => {
  assert.deepEqual(checkBoletoLine(BB_LINE, day('2008-01-01')), {
    ok: true,
    kind: 'bank',
    digits: '00190500954014481606906809350314337370000000100',
    formatted: BB_LINE,
    barcode: BB_BARCODE,
    amount: 100,
    dueDate: '2007-12-31',
  });
  const caixa = checkBoletoLine(CAIXA_LINE, day('2022-05-01'));
  assert.ok(caixa.ok);
  assert.equal(caixa.barcode, CAIXA_BARCODE);
  assert.equal(caixa.formatted, '10492.00650 61000.100042 00997.263900 9 89810000021403');
  assert.equal(caixa.amount, 21403);
  assert.equal(caixa.dueDate, '2022-05-10');
  // Factor 0000 and amount zero: a credit-card bill, no due date and no amount encoded.
  const card = checkBoletoLine(CARD_LINE, day('2022-05-01'));
  assert.ok(card.ok);
  assert.equal(card.barcode, CARD_BARCODE);
  assert.equal(card.amount, null);
  assert.equal(card.dueDate, null);
});

test('real collection lines, mod 11 and mod 10: barcode, presentation, amount, no due date', () => {
  assert.deepEqual(checkBoletoLine(ENERGY_LINE), {
    ok: true,
    kind: 'collection',
    digits: ENERGY_LINE,
    formatted: '83860000005-0 09600019000-9 00080178230-9 00034306271-2',
    barcode: ENERGY_BARCODE,
    amount: 50960,
    dueDate: null,
  });
  const mod10 = checkBoletoLine('84630000000-3 29990296202-4 00410136000-8 00200644114-7');
  assert.ok(mod10.ok);
  assert.equal(mod10.kind, 'collection');
  assert.equal(mod10.digits, MOD10_LINE);
  assert.equal(mod10.barcode, MOD10_BARCODE);
  assert.equal(mod10.amount, 2999);
});

test('a collection slip with a reference instead of a value has no amount', () => {
  // The mod-10 example with its third digit made 7 (a reference, still mod 10); check digits computed apart
  // from this code: general digit 1 (was 3), block digits unchanged.
  const reference = checkBoletoLine('84710000000-3 29990296202-4 00410136000-8 00200644114-7');
  assert.ok(reference.ok, JSON.stringify(reference));
  assert.equal(reference.barcode, '84710000000299902962020041013600000200644114');
  assert.equal(reference.amount, null);
});

test('every single-digit typo in these lines is caught, and pinned to its field where it can be', () => {
  // Mod 10 catches every single-digit change; mod 11 nearly every one (for the exception see the next test).
  const made = makeBankBoleto({ bank: '341', dueDate: '2026-03-31', amount: 987654, freeField: '1090000000000000000000000' }).line;
  for (const line of [BB_LINE, CAIXA_LINE, CARD_LINE, ENERGY_LINE, MOD10_LINE, made]) {
    const digits = line.replace(/\D/g, '');
    assert.ok(checkBoletoLine(digits).ok, line);
    for (let i = 0; i < digits.length; i++)
      for (let digit = 0; digit <= 9; digit++) {
        if (String(digit) === digits[i]) continue;
        const result = checkBoletoLine(withDigit(digits, i, digit));
        assert.equal(result.ok, false, `${line}: digit ${i + 1} → ${digit} went unnoticed`);
        assert.equal(!result.ok && result.reason, 'check-digit');
      }
  }
  const bb = BB_LINE.replace(/\D/g, '');
  assert.deepEqual(checkBoletoLine(withDigit(bb, 2, 5)), { ok: false, reason: 'check-digit', field: 1 });
  assert.deepEqual(checkBoletoLine(withDigit(bb, 12, 0)), { ok: false, reason: 'check-digit', field: 2 });
  assert.deepEqual(checkBoletoLine(withDigit(bb, 25, 1)), { ok: false, reason: 'check-digit', field: 3 });
  // The amount is covered only by the barcode's general check digit, shown as the fourth group.
  assert.deepEqual(checkBoletoLine(withDigit(bb, 46, 9)), { ok: false, reason: 'check-digit', field: 4 });
  assert.deepEqual(checkBoletoLine(withDigit(ENERGY_LINE, 30, 1)), { ok: false, reason: 'check-digit', field: 3 });
  // A 48-digit line must start with 8; any other first digit is a typo in the first block.
  assert.deepEqual(checkBoletoLine(withDigit(ENERGY_LINE, 0, 2)), { ok: false, reason: 'check-digit', field: 1 });
});

test('the bank barcode digit turns 0, 10 and 11 into 1, so it cannot tell those apart', () => {
  // Lines computed apart from this code: the same boleto for R$ 0,05 (11 − remainder = 11) and R$ 0,09 (= 10);
  // both get general digit 1. One digit apart and both valid: the one typo the standard lets through.
  const fiveCents = '00190000090123456700440012345175114020000000005';
  const nineCents = '00190000090123456700440012345175114020000000009';
  for (const [line, amount] of [
    [fiveCents, 5],
    [nineCents, 9],
  ] as const) {
    const result = checkBoletoLine(line);
    assert.ok(result.ok, line);
    assert.equal(result.amount, amount);
    assert.equal(result.digits[32], '1');
  }
  assert.deepEqual(checkBoletoLine(withDigit(fiveCents, 32, 0)), { ok: false, reason: 'check-digit', field: 4 });
});

test('punctuation is accepted, anything else and wrong lengths are refused', () => {
  const bare = BB_LINE.replace(/\D/g, '');
  for (const line of [bare, BB_LINE, ` ${BB_LINE}\n`, '00190-50095-40144-816069-06809-350314-3-37370000000100', '0019.0500.9540.1448.1606.9068.0935.0314.3373.7000.0000.100']) {
    const result = checkBoletoLine(line);
    assert.ok(result.ok, line);
    assert.equal(result.digits, bare);
  }
  for (const line of [BB_LINE.replace('0', 'O'), BB_LINE.replace(' ', '/'), BB_LINE.replace('.', ','), `${BB_LINE}x`, 'boleto'])
    assert.deepEqual(checkBoletoLine(line), { ok: false, reason: 'characters' }, line);
  for (const line of ['', bare.slice(1), `${bare}00`, BB_BARCODE, `${ENERGY_LINE}1`])
    assert.deepEqual(checkBoletoLine(line), { ok: false, reason: 'length' }, line);
});

test('makeBankBoleto builds what checkBoletoLine accepts, and back', () => {
  const made = makeBankBoleto({ bank: '001', dueDate: '2026-03-31', amount: 12345, freeField: '0000001234567004001234517' });
  assert.equal(made.formatted, '00190.00009 01234.567004 40012.345175 5 14020000012345');
  assert.equal(made.line, made.formatted.replace(/\D/g, ''));
  assert.deepEqual(checkBoletoLine(made.formatted, day('2026-03-01')), {
    ok: true,
    kind: 'bank',
    digits: made.line,
    formatted: made.formatted,
    barcode: made.barcode,
    amount: 12345,
    dueDate: '2026-03-31',
  });
  // The barcode: bank, currency 9, check digit, factor (2025-02-22 + 402 days), amount, free field.
  assert.equal(made.barcode, '0019' + '5' + '1402' + '0000012345' + '0000001234567004001234517');
  for (const [dueDate, amount] of [
    ['2000-07-03', 1],
    ['2025-02-21', 9_999_999_999],
    ['2025-02-22', 0],
    ['2031-12-31', 50_000],
  ] as const) {
    const boleto = makeBankBoleto({ bank: '237', dueDate, amount, freeField: '9'.repeat(25) });
    const checked = checkBoletoLine(boleto.line, day(dueDate));
    assert.ok(checked.ok, dueDate);
    assert.equal(checked.barcode, boleto.barcode);
    assert.equal(checked.dueDate, dueDate);
    assert.equal(checked.amount, amount || null);
  }
  assert.throws(() => makeBankBoleto({ bank: '1', dueDate: '2026-03-31', amount: 1, freeField: '0'.repeat(25) }), TypeError);
  assert.throws(() => makeBankBoleto({ bank: '001', dueDate: '2026-02-30', amount: 1, freeField: '0'.repeat(25) }), TypeError);
  assert.throws(() => makeBankBoleto({ bank: '001', dueDate: '2026-03-31', amount: 1.5, freeField: '0'.repeat(25) }), TypeError);
  assert.throws(() => makeBankBoleto({ bank: '001', dueDate: '2026-03-31', amount: 1, freeField: '0'.repeat(24) }), TypeError);
  assert.throws(() => makeBankBoleto({ bank: '001', dueDate: '2000-07-02', amount: 1, freeField: '0'.repeat(25) }), RangeError);
});

test('due-date factor across the FEBRABAN restart: 9999 = 2025-02-21, then 1000 = 2025-02-22', () => {
  const factor = (dueDate: string) => makeBankBoleto({ bank: '001', dueDate, amount: 100, freeField: '0'.repeat(25) }).barcode.slice(5, 9);
  assert.equal(factor('2000-07-03'), '1000');
  assert.equal(factor('2007-12-31'), '3737');
  assert.equal(factor('2025-02-20'), '9998');
  assert.equal(factor('2025-02-21'), '9999');
  assert.equal(factor('2025-02-22'), '1000');
  assert.equal(factor('2025-02-23'), '1001');
  assert.equal(factor('2049-10-13'), '9999');
  assert.equal(factor('2049-10-14'), '1000');

  const line = (dueDate: string) => makeBankBoleto({ bank: '001', dueDate, amount: 100, freeField: '0'.repeat(25) }).line;
  const dueDate = (text: string, today: string) => {
    const result = checkBoletoLine(text, day(today));
    assert.ok(result.ok);
    return result.dueDate;
  };
  // Factor 1000 read just before the restart, in 2000, and long after: the reading near "today" wins.
  assert.equal(dueDate(line('2025-02-22'), '2025-02-10'), '2025-02-22');
  assert.equal(dueDate(line('2025-02-22'), '2026-06-01'), '2025-02-22');
  assert.equal(dueDate(line('2000-07-03'), '2000-06-20'), '2000-07-03');
  // Factor 9999: the first cycle's last day until late 2041, then the second cycle's.
  assert.equal(dueDate(line('2025-02-21'), '2025-03-01'), '2025-02-21');
  assert.equal(dueDate(line('2025-02-21'), '2049-01-01'), '2049-10-13');
  // The real Caixa line (factor 8981): 2022-05-10 from today's vantage point, 2046-12-30 once 2022 is far behind.
  assert.equal(dueDate(CAIXA_LINE, '2026-01-01'), '2022-05-10');
  assert.equal(dueDate(CAIXA_LINE, '2036-01-01'), '2046-12-30');
  // Factors under 1000 belong only to the first cycle (the second starts at 1000): 0999 is 2000-07-02, always.
  // The line was computed apart from this code.
  assert.equal(dueDate('00190000090123456700440012345175209990000010000', '2026-01-01'), '2000-07-02');
  // The window: from 3000 days before today (inclusive) to 6000 days after (exclusive).
  const today = '2030-06-15';
  const shift = (days: number) => new Date(day(today).getTime() + days * 86_400_000).toISOString().slice(0, 10);
  assert.equal(dueDate(line(shift(-3000)), today), shift(-3000));
  assert.equal(dueDate(line(shift(-3001)), today), shift(5999));
  assert.equal(dueDate(line(shift(5999)), today), shift(5999));
});

test('itfPattern: Interleaved 2 of 5 with start and stop', () => {
  // "12": bars from 1 (wnnnw), spaces from 2 (nwnnw), interleaved; start nnnn, stop wnn.
  assert.equal(itfPattern('12'), 'nnnn' + 'wnnwnnnnww' + 'wnn');
  // "90": bars nwnwn, spaces nnwwn.
  assert.equal(itfPattern('90'), 'nnnn' + 'nnwnnwwwnn' + 'wnn');
  // All ten digits, from the ISO/IEC 16390 table: 0 nnwwn, 1 wnnnw, 2 nwnnw, 3 wwnnn, 4 nnwnw, 5 wnwnn, 6 nwwnn,
  // 7 nnnww, 8 wnnwn, 9 nwnwn.
  assert.equal(itfPattern('0123456789'), 'nnnn' + 'nwnnwnwnnw' + 'nwwwnnnnwn' + 'nwnnwwnnwn' + 'nnwnwnnwnw' + 'wnnwnnwwnn' + 'wnn');
  assert.equal(itfPattern(''), 'nnnnwnn');
  const pattern = itfPattern(BB_BARCODE);
  assert.equal(pattern.length, 4 + 44 * 5 + 3);
  assert.match(pattern, /^[nw]+$/);
  // Every digit has exactly two wide elements; the stop adds one.
  assert.equal([...pattern].filter((element) => element === 'w').length, 44 * 2 + 1);
  assert.throws(() => itfPattern('123'), TypeError);
  assert.throws(() => itfPattern('12a4'), TypeError);
});

test('crc16 is CRC-16/CCITT-FALSE', () => {
  assert.equal(crc16('123456789'), '29B1'); // the catalogue check value
  assert.equal(crc16(''), 'FFFF');
  assert.equal(crc16(BCB_PIX.slice(0, -4)), '1D3D');
});

test('buildPixPayload reproduces the Banco Central example and a real payload with an amount', () => {
  assert.equal(buildPixPayload({ key: '123e4567-e12b-12d1-a456-426655440000', merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA' }), BCB_PIX);
  assert.equal(
    buildPixPayload({ key: 'b76aa9c2-2ec4-4110-954e-ebfe34f05b61', merchantName: 'TE35069Wi05', merchantCity: 'Begz kGOBJEUte', amount: 1234, txid: 'mpqrinter1327410519' }),
    MERCADO_PAGO_PIX,
  );
});

test('checkPixPayload reads known-good payloads', () => {
  assert.deepEqual(checkPixPayload(BCB_PIX), { ok: true, key: '123e4567-e12b-12d1-a456-426655440000', amount: null, txid: null });
  assert.deepEqual(checkPixPayload(MERCADO_PAGO_PIX), { ok: true, key: 'b76aa9c2-2ec4-4110-954e-ebfe34f05b61', amount: 1234, txid: 'mpqrinter1327410519' });
  assert.deepEqual(checkPixPayload(`${STONE_PIX}\n`), { ok: true, key: '11111111111', amount: 10000, txid: 'Lojinha da paixao' });
  const oneDecimal = MERCADO_PAGO_PIX.slice(0, -4).replace('540512.34', '540412.3');
  assert.deepEqual(checkPixPayload(oneDecimal + crc16(oneDecimal)), { ok: true, key: 'b76aa9c2-2ec4-4110-954e-ebfe34f05b61', amount: 1230, txid: 'mpqrinter1327410519' });
  assert.deepEqual(checkPixPayload(BCB_PIX.slice(0, -4) + '1d3d'), { ok: true, key: '123e4567-e12b-12d1-a456-426655440000', amount: null, txid: null });
});

test('buildPixPayload: amounts from cents, ASCII names cut to size, and its output checks', () => {
  const payload = buildPixPayload({
    key: 'loja@example.com',
    merchantName: 'Padaria São João das Árvores Ltda',
    merchantCity: 'São José dos Campos',
    amount: 7,
    txid: 'ABC123',
    description: 'Fatura março',
  });
  assert.equal(payload, '00020126540014br.gov.bcb.pix0116loja@example.com0212Fatura marco52040000530398654040.075802BR5925Padaria Sao Joao das Arvo6015Sao Jose dos Ca62100506ABC1236304' + crc16(payload.slice(0, -4)));
  assert.deepEqual(checkPixPayload(payload), { ok: true, key: 'loja@example.com', amount: 7, txid: 'ABC123' });
  for (const [cents, text] of [
    [100, '1.00'],
    [123_456, '1234.56'],
    [9_999_999_999_99, '9999999999.99'],
  ] as const) {
    const built = buildPixPayload({ key: 'k@x.com', merchantName: 'L', merchantCity: 'C', amount: cents });
    assert.ok(built.includes(`54${String(text.length).padStart(2, '0')}${text}58`), built);
    assert.deepEqual(checkPixPayload(built), { ok: true, key: 'k@x.com', amount: cents, txid: null });
  }
});

test('buildPixPayload refuses what it cannot write', () => {
  const base = { key: 'k@x.com', merchantName: 'Loja', merchantCity: 'Recife' };
  assert.ok(buildPixPayload({ ...base, key: 'k'.repeat(77) }));
  assert.throws(() => buildPixPayload({ ...base, key: 'k'.repeat(78) }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, key: 'k'.repeat(60), description: 'd'.repeat(14) }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, key: ' ' }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, key: 'joão@example.com' }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, merchantName: '\u{1F600}' }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, merchantCity: '' }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, amount: 0 }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, amount: 12.5 }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, amount: 10_000_000_000_00 }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, txid: 'order-1' }), TypeError);
  assert.throws(() => buildPixPayload({ ...base, txid: 'a'.repeat(26) }), TypeError);
});

test('checkPixPayload catches a wrong CRC and a malformed payload', () => {
  assert.deepEqual(checkPixPayload(BCB_PIX.slice(0, -4) + '1D3E'), { ok: false, reason: 'crc' });
  assert.deepEqual(checkPixPayload(MERCADO_PAGO_PIX.replace('12.34', '12.35')), { ok: false, reason: 'crc' });
  assert.deepEqual(checkPixPayload(BCB_PIX.replace('Fulano', 'Fulana')), { ok: false, reason: 'crc' });
  // Well-formed CRC over something that is not a PIX payload in reais.
  const resigned = (text: string) => text + crc16(text);
  assert.deepEqual(checkPixPayload(resigned(BCB_PIX.slice(0, -4).replace('5303986', '5303840'))), { ok: false, reason: 'format' });
  assert.deepEqual(checkPixPayload(resigned(BCB_PIX.slice(0, -4).replace('br.gov.bcb.pix', 'br.gov.bcb.xyz'))), { ok: false, reason: 'format' });
  assert.deepEqual(checkPixPayload(resigned(BCB_PIX.slice(0, -4).replace('5802BR', '5802US'))), { ok: false, reason: 'format' });
  assert.deepEqual(checkPixPayload(resigned(BCB_PIX.slice(0, -4).replace('0136123e', '0137123e'))), { ok: false, reason: 'format' });
  assert.deepEqual(checkPixPayload(resigned(BCB_PIX.slice(0, -4).replace('5303986', '53039865404abcd'))), { ok: false, reason: 'format' });
  for (const text of [BCB_PIX.slice(0, -1), BCB_PIX.slice(0, -8), BCB_PIX.replace('5913', '5914'), BCB_PIX.slice(6), 'hello', ''])
    assert.deepEqual(checkPixPayload(text), { ok: false, reason: 'format' }, text);
});
