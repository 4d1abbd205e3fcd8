import { Secret, TOTP } from 'otpauth';

/**
 * The second factor (SECURITY.md 15): RFC 6238 codes, 6 digits every 30 s (what every authenticator app does),
 * through `otpauth`. One step of clock drift either way is accepted, and a code is good only once.
 */
const PERIOD = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'Portico', issuer = 'Portico'): TOTP {
  return new TOTP({ issuer, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** The URI an authenticator app reads (the QR code's content). */
export function otpauthUri(secret: string, account: string, issuer: string): string {
  return totp(secret, account, issuer).toString();
}

/** The time step `code` is valid for at `now`, or undefined when it is not a current code. */
export function totpStep(secret: string, code: string, now: Date): number | undefined {
  const delta = totp(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / PERIOD) + delta;
}

/** The current code: for the demo's documentation and for tests. */
export function totpCode(secret: string, now: Date): string {
  return totp(secret).generate({ timestamp: now.getTime() });
}
