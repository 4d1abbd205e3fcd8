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

/** Opens a file already fetched (with the session's token) as a short-lived `blob:` URL through `open`. */
export function openFetchedFile(file: File, open: (url: string, fileName: string) => void): void {
  const objectUrl = URL.createObjectURL(file);
  open(objectUrl, file.name);
  setTimeout(() => URL.revokeObjectURL(objectUrl), OBJECT_URL_SECONDS * 1000);
}
