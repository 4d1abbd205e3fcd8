import type { Locale, Translate } from '../../core/i18n.ts';
import type { InboxKey } from './messages.ts';
import type { CategorySetting, RequestCategory, RequestDetail, RequestMessage } from './inbox-client.ts';

/** A category in words: the tenant's own name for it in `locale` when it gave one, else the console's. */
export function categoryLabel(t: Translate<InboxKey>, categories: readonly CategorySetting[], key: RequestCategory, locale: Locale): string {
  return categories.find((category) => category.key === key)?.labels[locale] || t(`category.${key}`);
}

/** A moment as the staff member reads it: date and time, in their language and their computer's time zone. */
export function dateTime(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Who wrote a message: the client (named by their account), or the reply's signature, or "Team". */
export function authorLabel(t: Translate<InboxKey>, message: Pick<RequestMessage, 'author' | 'authorName'>, request: Pick<RequestDetail, 'accountName'>): string {
  if (message.author === 'client') return message.authorName || t('author.client-of', { account: request.accountName });
  return message.authorName || t('author.team');
}
