import { ApiError, type DocumentItem, type PortalApi } from '../core/api-client.ts';
import { openFetchedFile } from '../core/download.ts';

/** Problems the authenticated download would answer just the same: no point trying it after the link. */
const NO_FALLBACK = new Set(['unauthenticated', 'forbidden', 'not_found']);
/**
 * Downloads a document's file in one tap: asks for a short-lived signed link and opens it (no token in the URL, no
 * file held in memory); only if no link can be had (network, server trouble) fetches the file with the token and
 * opens it as a `blob:` URL. `open` is how a URL reaches the browser (`saveThroughLink`, or a test's stand-in).
 */
export async function startDownload(api: PortalApi, token: string, item: DocumentItem, open: (url: string, fileName: string) => void): Promise<void> {
  const fileName = item.file?.name ?? item.title;
  let url: string | undefined;
  try {
    url = (await api.documentLink(token, item.id)).url;
  } catch (error) {
    if (error instanceof ApiError && NO_FALLBACK.has(error.code)) throw error;
  }
  if (url) return open(url, fileName);
  openFetchedFile(await api.downloadDocument(token, item.id, fileName), open);
}
