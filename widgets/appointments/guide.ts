import type { Appointment, PortalApi } from '../core/api-client.ts';

/** How long a downloaded guide's object URL stays valid: long enough for the browser to start saving it. */
const OBJECT_URL_SECONDS = 60;

/** Hands `url` to the browser as a download: a link's click, the file named `fileName`. */
export function saveThroughLink(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.click();
}

/**
 * Downloads an exam's authorization guide (S4): the PDF fetched with the session's token through the API client's
 * file helper (named as the server names it), handed to the browser as a `blob:` URL through `open`. Returns its name.
 */
export async function startGuideDownload(api: PortalApi, token: string, appointment: Appointment, locale: string, open: (url: string, fileName: string) => void): Promise<string> {
  const file = await api.downloadAppointmentGuide(token, appointment.id, locale);
  const objectUrl = URL.createObjectURL(file);
  open(objectUrl, file.name);
  setTimeout(() => URL.revokeObjectURL(objectUrl), OBJECT_URL_SECONDS * 1000);
  return file.name;
}
