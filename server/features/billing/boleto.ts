/**
 * Boletos: the typeable line ("linha digitável") a client types or pastes into a bank app, and the 44-digit
 * barcode it stands for. Two families share the name:
 *
 * - bank boletos (boleto bancário / cobrança, 47 digits): bank, currency, due-date factor, amount and a 25-digit
 *   free field chosen by the bank. The line shows three fields with mod-10 check digits (so a typo is pinned to a
 *   field) and repeats the barcode's own mod-11 check digit;
 * - collection slips (arrecadação / convênio: utilities, taxes; 48 digits, always starting with 8): four blocks of
 *   11 barcode digits, each followed by its check digit, mod 10 or mod 11 as the barcode's third digit says.
 *
 * Only the check digits are checked: whether the bank or the utility knows the slip is not something a line can
 * tell. Lines are checked where the business's system sends them, so a typo there is caught before a client
 * copies it.
 */

export type BoletoCheck =
  | {
      ok: true;
      kind: 'bank' | 'collection';
      /** The 47 or 48 digits, without punctuation: what is stored. */
      digits: string;
      /** The conventional presentation: `00190.50095 40144.816069 06809.350314 3 37370000000100`, or four `xxxxxxxxxxx-x`. */
      formatted: string;
      /** The 44-digit barcode the line stands for (what `itfPattern` draws). */
      barcode: string;
      /** Minor units; null when the slip carries none (zero, or a collection slip with a reference instead of a value). */
      amount: number | null;
      /** YYYY-MM-DD from a bank boleto's due-date factor; null for factor 0000 and for collection slips. */
      dueDate: string | null;
    }
  | {
      ok: false;
      /** `length`: not 47 or 48 digits; `characters`: something other than digits and punctuation; `check-digit`: a typo. */
      reason: 'length' | 'characters' | 'check-digit';
      /** The group of the formatted line whose check failed (1-based), when the failure points at one. */
      field?: number;
    };

/**
 * Mod 10 of the line's fields (and of mod-10 collection slips): weights 2, 1, 2, … from the right, the digits of
 * each product summed. It catches every single-digit typo, which is why each field carries one.
 */
function mod10(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 2; i >= 0; i--, weight = weight === 2 ? 1 : 2) {
    const product = Number(digits[i]) * weight;
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** Mod 11 with weights 2 to 9 from the right, repeating; the raw 11 − remainder, which each use maps its own way. */
function mod11(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 2; i >= 0; i--, weight = weight === 9 ? 2 : weight + 1) sum += Number(digits[i]) * weight;
  return 11 - (sum % 11);
}

/** The bank barcode's general check digit: 0, 10 and 11 become 1 (a bank barcode never has 0 in position 5). */
function bankGeneralDigit(barcodeWithoutDigit: string): number {
  const digit = mod11(barcodeWithoutDigit);
  return digit === 0 || digit === 10 || digit === 11 ? 1 : digit;
}

/** Collection slips' mod 11: 10 and 11 become 0. */
function collectionMod11(digits: string): number {
  const digit = mod11(digits);
  return digit >= 10 ? 0 : digit;
}

const DAY = 86_400_000;
/** Day 0 of the due-date factor, 1997-10-07, as days since 1970-01-01. */
const FACTOR_BASE = Date.UTC(1997, 9, 7) / DAY;
/** Factors run 1000…9999 and then start again at 1000: a cycle of 9000 days. */
const FACTOR_CYCLE = 9000;
/** How far before and after the reference date a due date is looked for; the window is exactly one cycle long. */
const WINDOW_PAST = 3000;

function isoDay(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

function dayOf(iso: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const time = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return isoDay(time / DAY) === iso ? time / DAY : null;
}

/**
 * The due date of a bank boleto's factor. The factor counts days from 1997-10-07 (factor 1000 = 2000-07-03), but
 * it has four digits: factor 9999 was 2025-02-21, and by the FEBRABAN rule the count restarted at 1000 on
 * 2025-02-22 (so 1000 now also means 2025-02-22, and 9999 will be 2049-10-13 before the next restart). A factor
 * therefore names one date every 9000 days, and the one meant is the one near today: we take the single reading
 * in [today − 3000 days, today + 6000 days). That is FEBRABAN's own acceptance window (3000 days back, 5500
 * ahead, Comunicado 082/2012) widened by 500 days at the far end so that every factor has exactly one reading.
 * Factors below 1000 were never issued after the first cycle, so they keep their first-cycle date.
 */
function dueDateOf(factor: number, today: Date): string | null {
  if (factor === 0) return null;
  const start = Math.floor(today.getTime() / DAY) - WINDOW_PAST;
  const cycles = factor < 1000 ? 0 : Math.max(0, Math.ceil((start - FACTOR_BASE - factor) / FACTOR_CYCLE));
  return isoDay(FACTOR_BASE + factor + cycles * FACTOR_CYCLE);
}

/** The factor of a due date, on or after 2000-07-03, in the cycle that date belongs to. */
function factorOf(dueDate: string): string {
  const day = dayOf(dueDate);
  if (day === null) throw new TypeError(`dueDate must be a date such as 2026-03-31, not ${JSON.stringify(dueDate)}`);
  const days = day - FACTOR_BASE;
  if (days < 1000) throw new RangeError('dueDate must be on or after 2000-07-03, the first date a due-date factor encodes');
  return String(((days - 1000) % FACTOR_CYCLE) + 1000);
}

function fail(reason: 'length' | 'characters' | 'check-digit', field?: number): BoletoCheck {
  return field === undefined ? { ok: false, reason } : { ok: false, reason, field };
}

/**
 * The barcode of a bank line: bank and currency, the general check digit, factor and amount, then the free field
 * that the line splits across its first three fields.
 */
function bankBarcode(d: string): string {
  return d.slice(0, 4) + d[32] + d.slice(33, 47) + d.slice(4, 9) + d.slice(10, 20) + d.slice(21, 31);
}

function formatBank(d: string): string {
  return `${d.slice(0, 5)}.${d.slice(5, 10)} ${d.slice(10, 15)}.${d.slice(15, 21)} ${d.slice(21, 26)}.${d.slice(26, 32)} ${d[32]} ${d.slice(33)}`;
}

function checkBank(d: string, today: Date): BoletoCheck {
  const fields: [number, number][] = [
    [0, 9],
    [10, 20],
    [21, 31],
  ];
  for (const [i, [start, end]] of fields.entries()) if (mod10(d.slice(start, end)) !== Number(d[end])) return fail('check-digit', i + 1);
  const barcode = bankBarcode(d);
  if (bankGeneralDigit(barcode.slice(0, 4) + barcode.slice(5)) !== Number(barcode[4])) return fail('check-digit', 4);
  const amount = Number(barcode.slice(9, 19));
  return { ok: true, kind: 'bank', digits: d, formatted: formatBank(d), barcode, amount: amount || null, dueDate: dueDateOf(Number(barcode.slice(5, 9)), today) };
}

/**
 * A collection line. Its first digit is always 8 and its third chooses the check (6 and 7: mod 10; 8 and 9: mod
 * 11; 6 and 8 carry a value, 7 and 9 a reference); any other digit there can only be a typo in block 1. The
 * general check digit sits inside block 1 but covers the whole barcode, so its failure names no block. These
 * slips carry no standard due date.
 */
function checkCollection(d: string): BoletoCheck {
  const valueId = d[2]!;
  if (d[0] !== '8' || !'6789'.includes(valueId)) return fail('check-digit', 1);
  const check = valueId === '6' || valueId === '7' ? mod10 : collectionMod11;
  const blocks = [0, 1, 2, 3].map((i) => d.slice(i * 12, i * 12 + 11));
  for (const [i, block] of blocks.entries()) if (check(block) !== Number(d[i * 12 + 11])) return fail('check-digit', i + 1);
  const barcode = blocks.join('');
  if (check(barcode.slice(0, 3) + barcode.slice(4)) !== Number(barcode[3])) return fail('check-digit');
  const amount = valueId === '6' || valueId === '8' ? Number(barcode.slice(4, 15)) : 0;
  const formatted = blocks.map((block, i) => `${block}-${d[i * 12 + 11]}`).join(' ');
  return { ok: true, kind: 'collection', digits: d, formatted, barcode, amount: amount || null, dueDate: null };
}

/**
 * Checks a typeable line by its check digits: 47 digits for a bank boleto, 48 (starting with 8) for a collection
 * slip. Spaces, dots and hyphens are punctuation and ignored; anything else is refused. `today` chooses which
 * reading of a bank boleto's due-date factor is meant (see `dueDateOf`); it defaults to now.
 */
export function checkBoletoLine(input: string, today: Date = new Date()): BoletoCheck {
  const digits = input.replace(/[\s.-]/g, '');
  if (!/^\d*$/.test(digits)) return fail('characters');
  if (digits.length === 47) return checkBank(digits, today);
  if (digits.length === 48) return checkCollection(digits);
  return fail('length');
}

/**
 * Builds a bank boleto, barcode and line, from its parts: a 3-digit bank code, the due date (on or after
 * 2000-07-03; encoded in the factor cycle it falls in), the amount in cents (0 to 99,999,999.99 reais; 0 means
 * "not encoded") and the bank's 25-digit free field. Currency is always 9 (real). Used by demo data and tests;
 * real boletos come from the business's bank.
 */
export function makeBankBoleto(input: { bank: string; dueDate: string; amount: number; freeField: string }): { barcode: string; line: string; formatted: string } {
  if (!/^\d{3}$/.test(input.bank)) throw new TypeError('bank must be a 3-digit bank code');
  if (!/^\d{25}$/.test(input.freeField)) throw new TypeError('freeField must be 25 digits');
  if (!Number.isSafeInteger(input.amount) || input.amount < 0 || input.amount > 9_999_999_999) throw new TypeError('amount must be a whole number of cents from 0 to 9999999999');
  const tail = factorOf(input.dueDate) + String(input.amount).padStart(10, '0');
  const head = `${input.bank}9`;
  const free = input.freeField;
  const barcode = head + bankGeneralDigit(head + tail + free) + tail + free;
  const withDigit = (part: string) => part + mod10(part);
  const line = withDigit(head + free.slice(0, 5)) + withDigit(free.slice(5, 15)) + withDigit(free.slice(15, 25)) + barcode[4] + tail;
  return { barcode, line, formatted: formatBank(line) };
}

/** Interleaved 2 of 5: each digit as five elements, two of them wide (ISO/IEC 16390). */
const ITF_DIGITS = ['nnwwn', 'wnnnw', 'nwnnw', 'wwnnn', 'nnwnw', 'wnwnn', 'nwwnn', 'nnnww', 'wnnwn', 'nwnwn'];

/**
 * The element widths of an Interleaved 2 of 5 barcode (the symbology of boleto barcodes) for an even number of
 * digits: 'n' narrow, 'w' wide, alternating bar, space, bar, … from the first bar. Digits go in pairs, the first
 * drawn by the bars and the second by the spaces between them; the start pattern is nnnn and the stop wnn. A
 * 44-digit barcode gives 227 elements. Drawing is the caller's (boleto barcodes use a 1:3 narrow:wide ratio).
 */
export function itfPattern(digits: string): string {
  if (!/^(\d\d)*$/.test(digits)) throw new TypeError('Interleaved 2 of 5 encodes an even number of digits');
  let pattern = 'nnnn';
  for (let i = 0; i < digits.length; i += 2) {
    const bars = ITF_DIGITS[Number(digits[i])]!;
    const spaces = ITF_DIGITS[Number(digits[i + 1])]!;
    for (let j = 0; j < 5; j++) pattern += bars[j]! + spaces[j]!;
  }
  return `${pattern}wnn`;
}
