import { randomInt } from 'node:crypto';

/** Letters and digits that cannot be mistaken for each other when read aloud or typed (no 0/O, 1/I/L, U). */
const KEY_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A process's quick-access credentials (A8): a 10-digit number that is random, not sequential, so one case's
 * number says nothing about another's; and an access key of 16 characters (about 78 bits) in groups of four,
 * stored only as its hash and shown once.
 */
export function newQuickAccess(): { number: string; accessKey: string } {
  const number = String(randomInt(1, 10)) + Array.from({ length: 9 }, () => randomInt(0, 10)).join('');
  const key = Array.from({ length: 16 }, () => KEY_ALPHABET[randomInt(0, KEY_ALPHABET.length)]).join('');
  return { number, accessKey: key.match(/.{4}/g)!.join('-') };
}
