import type { Appointment, PortalApi } from '../core/api-client.ts';
import { openFetchedFile } from '../core/download.ts';

/**
 * Downloads an exam's authorization guide (S4): the PDF fetched with the session's token through the API client's
 * file helper (named as the server names it), handed to the browser as a `blob:` URL through `open`. Returns its name.
 */
export async function startGuideDownload(api: PortalApi, token: string, appointment: Appointment, locale: string, open: (url: string, fileName: string) => void): Promise<string> {
  const file = await api.downloadAppointmentGuide(token, appointment.id, locale);
  openFetchedFile(file, open);
  return file.name;
}
