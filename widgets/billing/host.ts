import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { PortalApi } from '../core/api-client.ts';
import { coreMessages, type Locale, type Translate } from '../core/i18n.ts';
import { billingMessages, type BillingMessageKey } from './messages.ts';

export type Key = BillingMessageKey | keyof (typeof coreMessages)['en'];

/** The core strings and `<portal-billing>`'s own, per locale. */
export const messages = {
  en: { ...coreMessages.en, ...billingMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...billingMessages['pt-BR'] },
  es: { ...coreMessages.es, ...billingMessages.es },
};

/** What the parts of `<portal-billing>` (the charge list, the documents) use of the element. */
export interface BillingHost extends ReactiveControllerHost, HTMLElement {
  readonly api: PortalApi | undefined;
  /** The full session's access token; undefined when no one may see billing here. */
  token(): string | undefined;
  /** Who is looking (user and chosen account), not their token: a refreshed token reloads nothing. */
  sessionKey(): string;
  /** The account the client narrowed everything to; '' for all they reach. */
  readonly accountFilter: string;
  /** The account a call that needs one acts on: the filter, the session's, or the only one; undefined if ambiguous. */
  actingAccount(): string | undefined;
  /** The accounts the user reaches, to name them on items and in choices. */
  accounts(): { id: string; name: string; establishments: { id: string; name: string }[] | 'all' }[];
  readonly busy: boolean;
  readonly locale: Locale;
  t: Translate<Key>;
  money(amount: number, currency: string): string;
  /** A calendar date (`YYYY-MM-DD`) in the reader's language, without a time-zone shift. */
  date(value: string): string;
  /** Today's calendar date where the tenant is. */
  today(): string;
  /** Runs an action, one at a time, showing a failure as a translated alert. */
  run(work: () => Promise<void>): Promise<void>;
  /** The tenant's currency, once the tenant is loaded. */
  tenantCurrency(): string | undefined;
  /** Says something in the widget's status line (read out by screen readers). */
  notify(message: string): void;
  /** Hands a downloaded file to the browser. */
  save(file: File): void;
  /** Leaves for a payment provider's page. */
  leaveFor(url: string): void;
  /** A problem as an alert with a way to try again. */
  problem(error: unknown, retry?: () => void): TemplateResult;
  /** The loading state: a progress indicator and its words. */
  loading(): TemplateResult;
}

/** "1 charge", "3 charges", by the locale's plural rules. */
export function chargeCount(host: Pick<BillingHost, 't' | 'locale'>, count: number): string {
  const rule = new Intl.PluralRules(host.locale).select(count);
  return host.t(rule === 'one' ? 'charges.one' : 'charges.other', { count });
}
