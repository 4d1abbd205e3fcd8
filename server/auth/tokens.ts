import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { KeyStore } from './keys.ts';

/** The kinds of access token; each has its own `typ` and audience, and none is accepted for another (SECURITY.md 10). */
export const TOKEN_KINDS = {
  portal: { typ: 'portico-portal+jwt', audience: 'portico:portal', lifetimeSeconds: 300 },
  'quick-access': { typ: 'portico-process+jwt', audience: 'portico:process', lifetimeSeconds: 900 },
  staff: { typ: 'portico-staff+jwt', audience: 'portico:staff', lifetimeSeconds: 300 },
} as const;
export type TokenKind = keyof typeof TOKEN_KINDS;

const ISSUER = 'portico';

/** What an access token says about its bearer. */
export interface AccessClaims {
  /** The portal user (portal tokens) or the process (quick-access tokens). */
  sub: string;
  /** Tenant id. */
  tid: string;
  /** Session id, checked against revocation on every request. */
  sid: string;
  /** The account chosen in the session (A10), if any. */
  acc?: string;
  /** `full`, or `profile` for a magic link limited to the profile form (P5); `staff` for the console. */
  scp: 'full' | 'profile' | 'process' | 'staff';
}

/** Signs an access token of `kind` for `claims`. */
export async function issueAccessToken(keys: KeyStore, kind: TokenKind, claims: AccessClaims, now: Date): Promise<{ token: string; expiresIn: number }> {
  const { typ, audience, lifetimeSeconds } = TOKEN_KINDS[kind];
  const { kid, key } = keys.signing();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ tid: claims.tid, sid: claims.sid, scp: claims.scp, ...(claims.acc ? { acc: claims.acc } : {}) })
    .setProtectedHeader({ alg: 'ES256', typ, kid })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetimeSeconds)
    .sign(key);
  return { token, expiresIn: lifetimeSeconds };
}

/** The token is not one we accept; always answered with 401, never a 500. */
export class InvalidTokenError extends Error {
  override name = 'InvalidTokenError';
}

const FORBIDDEN_HEADERS = ['jku', 'x5u', 'jwk', 'x5c'];

/**
 * Verifies an access token of `kind` (SECURITY.md 9): ES256 only, our own keys by `kid`, issuer, audience and
 * `typ` of that kind, the claims present, 30 s of clock tolerance.
 */
export async function verifyAccessToken(keys: KeyStore, kind: TokenKind, token: string, now: Date): Promise<AccessClaims> {
  const { typ, audience } = TOKEN_KINDS[kind];
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        if (FORBIDDEN_HEADERS.some((name) => name in header)) throw new InvalidTokenError('key-bearing header');
        const key = header.kid ? await keys.verification(header.kid) : undefined;
        if (!key) throw new InvalidTokenError('unknown kid');
        return key;
      },
      { algorithms: ['ES256'], issuer: ISSUER, audience, typ, requiredClaims: ['sub', 'exp', 'iat', 'tid', 'sid', 'scp'], clockTolerance: 30, currentDate: now },
    );
    // A token issued in the future was not issued by us with a sane clock.
    if (typeof payload.iat !== 'number' || payload.iat * 1000 > now.getTime() + 30_000) throw new InvalidTokenError('issued in the future');
    return toClaims(payload);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw error;
    if (error instanceof errors.JOSEError || error instanceof TypeError) throw new InvalidTokenError((error as Error).message);
    throw new InvalidTokenError('malformed token');
  }
}

function toClaims(payload: JWTPayload): AccessClaims {
  const { sub, tid, sid, acc, scp } = payload as Record<string, unknown>;
  if (typeof sub !== 'string' || typeof tid !== 'string' || typeof sid !== 'string') throw new InvalidTokenError('bad claims');
  if (scp !== 'full' && scp !== 'profile' && scp !== 'process' && scp !== 'staff') throw new InvalidTokenError('bad scope');
  return { sub, tid, sid, scp, ...(typeof acc === 'string' ? { acc } : {}) };
}
