import { ApiError, type DocumentItem, type PortalApi } from '../core/api-client.ts';

/** Problems the authenticated download would answer just the same: no point trying it after the link. */
const NO_FALLBACK = new Set(['unauthenticated', 'forbidden', 'not_found']);
/** How long a downloaded file's object URL stays valid: long enough for the browser to start saving it. */
const OBJECT_URL_SECONDS = 60;

/**
 * Hands `url` to the browser as a download: a link's click. The browser saves the file itself, streamed, whatever
 * its size, named by the server's `Content-Disposition` (or `fileName`, for a same-origin or `blob:` URL).
 */
export function saveThroughLink(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
}

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
  const file = await api.downloadDocument(token, item.id, fileName);
  const objectUrl = URL.createObjectURL(file);
  open(objectUrl, file.name);
  setTimeout(() => URL.revokeObjectURL(objectUrl), OBJECT_URL_SECONDS * 1000);
}
