import { createHash, randomBytes, randomInt } from 'node:crypto';

/** A 256-bit random token for links and refresh tokens (SECURITY.md 4, 11), URL-safe. */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token: its SHA-256, never the token. */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** A 6-digit code from a CSPRNG (SECURITY.md 3). */
export function sixDigitCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
