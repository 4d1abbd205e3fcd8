import type { AdminApi, MailPreview, OutboxItem, OutboxPage } from '../admin-api.ts';
import type { Locale } from '../../core/i18n.ts';

export type { MailPreview, OutboxItem, OutboxPage };

/** `path?query` without the empty values. */
function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const entries = Object.entries(query).filter((entry): entry is [string, string | number] => entry[1] !== undefined && entry[1] !== '');
  return entries.length ? `${path}?${new URLSearchParams(entries.map(([key, value]) => [key, String(value)]))}` : path;
}

/**
 * The mail endpoints the console uses (`/api/v1/mail/…`, G5 and G6; staff with `mail:write`), typed, over
 * {@link AdminApi.request} with the staff session.
 */
export class MailClient {
  constructor(private readonly api: AdminApi) {}

  /** A page of the outbox, newest first; `before` is the previous page's `next`. */
  outbox(query: { status?: OutboxItem['status']; before?: number; limit?: number }, signal?: AbortSignal): Promise<OutboxPage> {
    return this.api.request('GET', withQuery('/api/v1/mail/outbox', query), undefined, signal);
  }

  /** One mail of the outbox by its id: the page that starts with it (ids only grow). */
  async outboxItem(id: number, signal?: AbortSignal): Promise<OutboxItem | undefined> {
    const page = await this.outbox({ before: id + 1, limit: 1 }, signal);
    return page.items.find((item) => item.id === id);
  }

  /** Tries a pending or failed mail again now; `mail_already_sent` (409) when it went out already. */
  async retry(id: number): Promise<void> {
    await this.api.request('POST', `/api/v1/mail/outbox/${id}/retry`);
  }

  async templates(signal?: AbortSignal): Promise<string[]> {
    return (await this.api.request<{ items: string[] }>('GET', '/api/v1/mail/templates', undefined, signal)).items;
  }

  /** A template rendered with sample data in the portal's branding. */
  preview(template: string, locale: Locale, signal?: AbortSignal): Promise<MailPreview> {
    return this.api.request('GET', withQuery(`/api/v1/mail/templates/${encodeURIComponent(template)}/preview`, { locale }), undefined, signal);
  }

  /** Queues a test mail; answers its outbox id, to follow its delivery. */
  sendTest(to: string, locale: Locale): Promise<{ id: number }> {
    return this.api.request('POST', '/api/v1/mail/test', { to, locale });
  }
}
