import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { AppError } from '../http/problem.ts';
import type { KeyStore } from './keys.ts';

/**
 * A kind of signed address (a download link, a mail preview): ES256 with the server's own keys, and a `typ` and an
 * audience no other token has, so no token of another kind opens it.
 */
export interface SignedLinkKind {
  typ: string;
  audience: string;
  seconds: number;
  /** What a link that is not valid says (403 `invalid_link`), and an expired one (410 `link_expired`). */
  invalid: string;
  expired: string;
}

/** Signs a link of `kind` carrying `claims` (and `subject`), valid for `kind.seconds` from `now`. */
export async function signLink(keys: KeyStore, kind: SignedLinkKind, claims: JWTPayload, now: Date, subject?: string): Promise<{ token: string; expiresAt: Date }> {
  const { kid, key } = keys.signing();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: kind.typ, kid }).setIssuer('portico').setAudience(kind.audience).setIssuedAt(issuedAt);
  if (subject) jwt.setSubject(subject);
  const token = await jwt.setExpirationTime(issuedAt + kind.seconds).sign(key);
  return { token, expiresAt: new Date((issuedAt + kind.seconds) * 1000) };
}

/**
 * The claims of a link of `kind` this server signed, with `required` present; `read` checks their shape and returns
 * the grant (undefined: not valid). An expired link is a 410 `link_expired`, anything else wrong a 403 `invalid_link`.
 */
export async function readLink<T>(keys: KeyStore, kind: SignedLinkKind, token: string, now: Date, required: string[], read: (payload: Record<string, unknown>) => T | undefined): Promise<T> {
  const invalid = new AppError('invalid_link', 403, kind.invalid);
  let grant: T | undefined;
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = header.kid && !('jwk' in header) && !('jku' in header) ? await keys.verification(header.kid) : undefined;
        if (!key) throw invalid;
        return key;
      },
      { algorithms: ['ES256'], issuer: 'portico', audience: kind.audience, typ: kind.typ, requiredClaims: ['exp', ...required], currentDate: now },
    );
    grant = read(payload as Record<string, unknown>);
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AppError('link_expired', 410, kind.expired);
    throw invalid;
  }
  if (grant === undefined) throw invalid;
  return grant;
}
