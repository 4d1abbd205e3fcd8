import type { ReactiveControllerHost } from 'lit';
import { coreMessages, type Locale, type Translate } from '../core/i18n.ts';
import { trackerMessages, type TrackerMessageKey } from './messages.ts';

export type Key = TrackerMessageKey | keyof (typeof coreMessages)['en'];

/** The core strings and `<portal-process-tracker>`'s own, per locale. */
export const messages = {
  en: { ...coreMessages.en, ...trackerMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...trackerMessages['pt-BR'] },
  es: { ...coreMessages.es, ...trackerMessages.es },
};

/** What the parts of `<portal-process-tracker>` (phases, notices, references) use of the element. */
export interface TrackerHost extends ReactiveControllerHost, HTMLElement {
  readonly locale: Locale;
  t: Translate<Key>;
  /** A moment (a notice, a phase change) as a date in the tenant's time zone; `withTime` adds the hour. */
  date(value: string, withTime?: boolean): string;
}

/** "1 new", "3 new", by the locale's plural rules. */
export function unreadCount(host: Pick<TrackerHost, 't' | 'locale'>, count: number): string {
  return host.t(new Intl.PluralRules(host.locale).select(count) === 'one' ? 'unread.one' : 'unread.other', { count });
}
