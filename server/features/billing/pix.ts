/**
 * PIX "copia e cola": the BR Code text (EMV QRCPS-MPM, as the Banco Central's "Manual de Padrões para Iniciação
 * do Pix" profiles it) that a payer pastes into a bank app or reads from a QR code. It is a flat list of fields,
 * each `id` (2 digits) + `length` (2 digits) + value, some holding fields of their own, closed by a CRC over
 * everything before it. A payload with a wrong length or CRC is one no bank app accepts, so ours are built here
 * and the ones a business sends are checked here.
 */

const encoder = new TextEncoder();

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial value 0xFFFF, no reflection, no final XOR) over the UTF-8 bytes,
 * as four uppercase hex digits: the BR Code's field 63. Payloads we build are ASCII, where bytes and characters
 * are the same.
 */
export function crc16(data: string): string {
  let crc = 0xffff;
  for (const byte of encoder.encode(data)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** One field; a length has two digits, so a value longer than 99 cannot be written and is refused. */
function field(id: string, value: string, what: string): string {
  if (value.length > 99) throw new TypeError(`${what} is too long for a PIX payload (${value.length} characters, 99 at most)`);
  return id + String(value.length).padStart(2, '0') + value;
}

/**
 * Text as the BR Code's name, city and description fields take it: printable ASCII. Accents are dropped
 * ("São João" → "Sao Joao"), other characters removed, spaces collapsed, and the result cut to `max`.
 */
function ascii(value: string, max: number): string {
  const plain = value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.slice(0, max).trimEnd();
}

/** Cents to the BR Code amount, "123.45", from the integer's digits: money never goes through a float. */
function formatAmount(cents: number): string {
  const digits = String(cents).padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const PIX_GUI = 'br.gov.bcb.pix';

/**
 * A static BR Code for a PIX key: payload format 01, merchant account (GUI br.gov.bcb.pix, the key, an optional
 * description), category 0000, currency 986 (real), the amount when there is one (without one the payer types
 * it), country BR, merchant name (at most 25) and city (at most 15) as ASCII, the txid ('***' when none) and the
 * CRC. Throws a TypeError when something cannot be written: an empty key, name or city, a key with non-ASCII
 * characters, a key and description that overflow their field, an amount that is not a positive whole number of
 * cents (or over 13 characters), a txid that is not 1–25 letters and digits.
 */
export function buildPixPayload(input: { key: string; merchantName: string; merchantCity: string; amount?: number; txid?: string; description?: string }): string {
  const key = input.key.trim();
  if (!key) throw new TypeError('PIX key must not be empty');
  if (!/^[\x21-\x7e]+$/.test(key)) throw new TypeError('PIX key must be printable ASCII without spaces');
  const name = ascii(input.merchantName, 25);
  if (!name) throw new TypeError('merchantName must have letters or digits');
  const city = ascii(input.merchantCity, 15);
  if (!city) throw new TypeError('merchantCity must have letters or digits');
  const description = input.description === undefined ? '' : ascii(input.description, 99);
  const txid = input.txid ?? '***';
  if (input.txid !== undefined && !/^[A-Za-z0-9]{1,25}$/.test(input.txid)) throw new TypeError('txid must be 1 to 25 letters and digits');

  let amount = '';
  if (input.amount !== undefined) {
    if (!Number.isSafeInteger(input.amount) || input.amount <= 0) throw new TypeError('amount must be a positive whole number of cents');
    amount = formatAmount(input.amount);
    if (amount.length > 13) throw new TypeError('amount is too large for a PIX payload (13 characters at most)');
  }

  const account = field('00', PIX_GUI, 'GUI') + field('01', key, 'PIX key') + (description ? field('02', description, 'description') : '');
  const payload =
    field('00', '01', 'payload format') +
    field('26', account, 'PIX key and description together') +
    field('52', '0000', 'category') +
    field('53', '986', 'currency') +
    (amount ? field('54', amount, 'amount') : '') +
    field('58', 'BR', 'country') +
    field('59', name, 'merchant name') +
    field('60', city, 'merchant city') +
    field('62', field('05', txid, 'txid'), 'additional data') +
    '6304';
  return payload + crc16(payload);
}

/** The fields of a TLV string in order, or null when the lengths do not add up to exactly the string. */
function parseFields(text: string): [string, string][] | null {
  const fields: [string, string][] = [];
  for (let i = 0; i < text.length; ) {
    const head = text.slice(i, i + 4);
    if (!/^\d{4}$/.test(head)) return null;
    const length = Number(head.slice(2));
    const value = text.slice(i + 4, i + 4 + length);
    if (value.length !== length) return null;
    fields.push([head.slice(0, 2), value]);
    i += 4 + length;
  }
  return fields;
}

/** Fields by id, or null when an id repeats (EMV allows each once). */
function byId(fields: [string, string][]): Map<string, string> | null {
  const map = new Map(fields);
  return map.size === fields.length ? map : null;
}

/** "123.45", "12.3" or "100" to cents, by the digits; null when it is not an amount. */
function parseAmount(value: string): number | null {
  const match = /^(\d{1,10})(?:\.(\d{1,2}))?$/.exec(value);
  return match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : null;
}

export type PixCheck = { ok: true; key: string | null; amount: number | null; txid: string | null } | { ok: false; reason: 'format' | 'crc' };

/**
 * Checks a ready PIX payload (from the business's system): that it is a well-formed BR Code for PIX in reais and
 * that its CRC matches. `format` when the fields do not parse or a required one is missing or wrong (payload
 * format 01 first; a merchant account with GUI br.gov.bcb.pix and a key or, for dynamic codes, a URL; category;
 * currency 986; country BR; name; city; CRC last); `crc` when only the CRC is wrong — most often a typo or a
 * truncated copy. Gives the key (null in dynamic codes, which carry a URL instead), the amount in cents (null
 * when the payer chooses it) and the txid (null for '***' or none). Surrounding whitespace is ignored.
 */
export function checkPixPayload(payload: string): PixCheck {
  const text = payload.trim();
  const parsed = parseFields(text);
  const fields = parsed && byId(parsed);
  if (!parsed || !fields || !text.startsWith('000201') || parsed.at(-1)?.[0] !== '63' || !/^[0-9A-Fa-f]{4}$/.test(fields.get('63') ?? '')) return { ok: false, reason: 'format' };
  if (crc16(text.slice(0, -4)) !== text.slice(-4).toUpperCase()) return { ok: false, reason: 'crc' };

  const account = parsed
    .filter(([id]) => id >= '26' && id <= '51')
    .map(([, value]) => {
      const sub = parseFields(value);
      return sub && byId(sub);
    })
    .find((sub) => sub?.get('00')?.toLowerCase() === PIX_GUI);
  const additional = parseFields(fields.get('62') ?? '');
  const additionalFields = additional && byId(additional);
  const initiation = fields.get('01');
  const amount = fields.has('54') ? parseAmount(fields.get('54')!) : null;
  if (
    !account ||
    !(account.has('01') || account.has('25')) ||
    !(initiation === undefined || initiation === '11' || initiation === '12') ||
    !/^\d{4}$/.test(fields.get('52') ?? '') ||
    fields.get('53') !== '986' ||
    fields.get('58') !== 'BR' ||
    !fields.get('59') ||
    !fields.get('60') ||
    (fields.has('54') && amount === null) ||
    !additionalFields
  )
    return { ok: false, reason: 'format' };

  const txid = additionalFields.get('05');
  return { ok: true, key: account.get('01') ?? null, amount: amount || null, txid: txid && txid !== '***' ? txid : null };
}
