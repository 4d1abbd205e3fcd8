import type { ReactiveControllerHost } from 'lit';
import type { DocumentCatalog, SinceChoice } from '../core/api-client.ts';
import { coreMessages, type Locale, type Translate } from '../core/i18n.ts';
import { documentsMessages, type DocumentsMessageKey } from './messages.ts';

export type Key = DocumentsMessageKey | keyof (typeof coreMessages)['en'];

/** The core strings and `<portal-documents>`' own, per locale. */
export const messages = {
  en: { ...coreMessages.en, ...documentsMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...documentsMessages['pt-BR'] },
  es: { ...coreMessages.es, ...documentsMessages.es },
};

/** The client's filters besides the category (the element's `category` property); '' is "any". */
export interface FilterValues {
  accountId: string;
  establishmentId: string;
  /** Issue dates, `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Words of the title, as searched (trimmed). */
  q: string;
  /** eSocial: undefined follows the tenant's setting. */
  rectified?: boolean;
  /** eSocial: undefined follows the tenant's setting. */
  since?: SinceChoice;
}

export const NO_FILTERS: FilterValues = { accountId: '', establishmentId: '', from: '', to: '', q: '' };

/** A choice in a filter: an id and the name shown. */
export interface Choice {
  id: string;
  name: string;
}

/** What the parts of `<portal-documents>` (filters, list) use of the element. */
export interface DocumentsHost extends ReactiveControllerHost, HTMLElement {
  readonly locale: Locale;
  t: Translate<Key>;
  /** A calendar date (`YYYY-MM-DD`) in the reader's language, without a time-zone shift. */
  date(value: string): string;
  /** Today's calendar date where the tenant is. */
  today(): string;
  /** The category shown; '' for all. */
  readonly category: string;
  readonly filters: FilterValues;
  /** The catalog, once loaded. */
  catalog(): DocumentCatalog | undefined;
  /** The categories to choose from: the catalog's, and any seen on documents. */
  categories(): Choice[];
  /** The accounts the user reaches. */
  accounts(): Choice[];
  /** Establishments to filter by: those the user is limited to, and those seen on documents. */
  establishments(): Choice[];
  /** The eSocial view's choices in force: the client's, else the tenant's defaults. */
  esocialChoices(): { rectified: boolean; since: SinceChoice };
  /** Changes filters (the category too); the list reloads. */
  setFilters(change: Partial<FilterValues> & { category?: string }): void;
  /** Back to every document. */
  clearFilters(): void;
}

/** The tenant's "since how many months" as the list's choice. */
export function sinceChoice(months: 3 | 6 | 12 | null | undefined): SinceChoice {
  return months ? (String(months) as SinceChoice) : 'all';
}
