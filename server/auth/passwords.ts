import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords.ts';

/**
 * Passwords hashed with argon2id at SECURITY.md 1's cost (m = 19 MiB, t = 2, p = 1), through @node-rs/argon2: the
 * reference algorithm as a prebuilt binary shipped in the npm package itself (nothing to compile or download), and
 * off the event loop. Stored as the PHC string, so the parameters can rise and old hashes be upgraded on sign-in.
 */
const CURRENT = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };
/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot import). */
const ARGON2ID = 2;

/** At most this many hashes run at once, whatever the flood of sign-ins: memory stays bounded (~40 MiB). */
const MAX_CONCURRENT_HASHES = 2;
/** And at most this many wait; beyond that the server says it is busy rather than make everyone wait minutes. */
const MAX_WAITING = 64;
let running = 0;
const waiting: (() => void)[] = [];

/** Too many passwords are being checked at once; answered 503, try again shortly. */
export class PasswordHasherBusyError extends Error {
  override name = 'PasswordHasherBusyError';
}

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (running < MAX_CONCURRENT_HASHES) {
    running++;
  } else {
    if (waiting.length >= MAX_WAITING) throw new PasswordHasherBusyError('too many password checks at once');
    // The slot is handed over directly by the one finishing, so nobody can slip in between.
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  try {
    return await work();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return bounded(() => hash(password.normalize('NFKC'), { algorithm: ARGON2ID, ...CURRENT }));
}

/** Checks a password against a stored hash; `rehash` says the hash is weaker than today's parameters. */
export async function verifyPassword(password: string, stored: string): Promise<{ ok: boolean; rehash: boolean }> {
  const params = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
  if (!params) return { ok: false, rehash: false };
  const ok = await bounded(() => verify(stored, password.normalize('NFKC')).catch(() => false));
  const rehash = Number(params[1]) < CURRENT.memoryCost || Number(params[2]) < CURRENT.timeCost;
  return { ok, rehash };
}

const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$vOowrJU3hyBmpJpIkXmjng$iS2bhRixHB/FzrqXMbL5QXkvJpmsQlxezHdu+VIn1vQ';

/** Spends the time of a real check, so an unknown e-mail answers as slowly as a known one (SECURITY.md 8). */
export async function verifyNothing(password: string): Promise<void> {
  await verifyPassword(password, DUMMY_HASH);
}

/** Why a new password is refused, or undefined when it is fine (SECURITY.md 2: length, not composition). */
export function passwordProblem(password: string): 'password_too_short' | 'password_too_long' | 'password_too_common' | undefined {
  const length = [...password].length;
  if (length < 8) return 'password_too_short';
  if (length > 256) return 'password_too_long';
  if (COMMON_PASSWORDS.has(password.toLowerCase())) return 'password_too_common';
  return undefined;
}
