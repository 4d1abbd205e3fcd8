import type { KeyStore } from '../../auth/keys.ts';
import { readLink, signLink, type SignedLinkKind } from '../../auth/signed-links.ts';

/** How long a download link works: enough to start the download, too short to be worth passing around. */
export const LINK_SECONDS = 300;

const DOWNLOAD: SignedLinkKind = {
  typ: 'portico-download+jwt',
  audience: 'portico:download',
  seconds: LINK_SECONDS,
  invalid: 'This download link is not valid',
  expired: 'This download link has expired; download the file again from the portal',
};

/** What a download link stands for: one file, for one user in one session of one tenant. */
export interface DownloadGrant {
  tenantId: string;
  documentId: string;
  userId: string;
  sessionId: string;
}

/**
 * A signed download link's token, so the browser can download a large file natively, streamed, without the access
 * token in the URL.
 */
export function signDownload(keys: KeyStore, grant: DownloadGrant, now: Date): Promise<{ token: string; expiresAt: Date }> {
  return signLink(keys, DOWNLOAD, { tid: grant.tenantId, doc: grant.documentId, sid: grant.sessionId }, now, grant.userId);
}

/** The grant of a link this server signed: an expired one is a 410 `link_expired`, anything else wrong a 403. */
export function readDownload(keys: KeyStore, token: string, now: Date): Promise<DownloadGrant> {
  return readLink(keys, DOWNLOAD, token, now, ['sub', 'tid', 'doc', 'sid'], ({ sub, tid, doc, sid }) =>
    typeof sub === 'string' && typeof tid === 'string' && typeof doc === 'string' && typeof sid === 'string'
      ? { tenantId: tid, documentId: doc, userId: sub, sessionId: sid }
      : undefined,
  );
}
