import { errors, jwtVerify, SignJWT } from 'jose';
import type { KeyStore } from '../../auth/keys.ts';
import { AppError } from '../../http/problem.ts';

/** How long a download link works: enough to start the download, too short to be worth passing around. */
export const LINK_SECONDS = 300;
const TYP = 'portico-download+jwt';
const AUDIENCE = 'portico:download';

/** What a download link stands for: one file, for one user in one session of one tenant. */
export interface DownloadGrant {
  tenantId: string;
  documentId: string;
  userId: string;
  sessionId: string;
}

/**
 * A signed download link's token (ES256, the server's own keys, a typ and audience no other token has), so the
 * browser can download a large file natively, streamed, without the access token in the URL.
 */
export async function signDownload(keys: KeyStore, grant: DownloadGrant, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const { kid, key } = keys.signing();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ tid: grant.tenantId, doc: grant.documentId, sid: grant.sessionId })
    .setProtectedHeader({ alg: 'ES256', typ: TYP, kid })
    .setSubject(grant.userId)
    .setIssuer('portico')
    .setAudience(AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + LINK_SECONDS)
    .sign(key);
  return { token, expiresAt: new Date((issuedAt + LINK_SECONDS) * 1000) };
}

/** The grant of a link this server signed: an expired one is a 410 `link_expired`, anything else wrong a 403. */
export async function readDownload(keys: KeyStore, token: string, now: Date): Promise<DownloadGrant> {
  const invalid = new AppError('invalid_link', 403, 'This download link is not valid');
  try {
    const { payload } = await jwtVerify(
      token,
      async (header) => {
        const key = header.kid && !('jwk' in header) && !('jku' in header) ? await keys.verification(header.kid) : undefined;
        if (!key) throw invalid;
        return key;
      },
      { algorithms: ['ES256'], issuer: 'portico', audience: AUDIENCE, typ: TYP, requiredClaims: ['sub', 'exp', 'tid', 'doc', 'sid'], currentDate: now },
    );
    const { sub, tid, doc, sid } = payload as Record<string, unknown>;
    if (typeof sub !== 'string' || typeof tid !== 'string' || typeof doc !== 'string' || typeof sid !== 'string') throw invalid;
    return { tenantId: tid, documentId: doc, userId: sub, sessionId: sid };
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AppError('link_expired', 410, 'This download link has expired; download the file again from the portal');
    throw invalid;
  }
}
