import type { ReactiveControllerHost } from 'lit';
import type { PortalApi, Profile, ProfileField, ProfileQuery, TaxIdKind } from '../core/api-client.ts';
import { coreMessages, type Locale, type Translate } from '../core/i18n.ts';
import { profileMessages, type ProfileMessageKey } from './messages.ts';

export type Key = ProfileMessageKey | keyof (typeof coreMessages)['en'];

/** The core strings and `<portal-profile>`'s own, per locale. */
export const messages = {
  en: { ...coreMessages.en, ...profileMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...profileMessages['pt-BR'] },
  es: { ...coreMessages.es, ...profileMessages.es },
};

/** What reading and showing a field's value depends on: the reader's language and the account's ways. */
export interface FieldContext {
  locale: Locale;
  t: Translate<Key>;
  /** The account's currency, for money fields. */
  currency: string;
  taxIdKinds: TaxIdKind[];
  /** The calling code a phone written without one gets ("55"). */
  callingCode: string;
}

/** What the parts of `<portal-profile>` (the form, the confirmation, "my data") use of the element. */
export interface ProfileHost extends ReactiveControllerHost, HTMLElement {
  readonly api: PortalApi | undefined;
  readonly locale: Locale;
  t: Translate<Key>;
  /** How a downloaded file's URL reaches the browser. */
  navigate: (url: string, fileName: string) => void;
  /** The token of a full or a profile-only session; undefined when no one may see the profile here. */
  token(): string | undefined;
  /** The account and language every call names. */
  query(): ProfileQuery;
  /** The profile shown, once loaded. */
  profile(): Profile | undefined;
  /** Shows `profile`, fresh from the server: the form starts again from its values. */
  show(profile: Profile): void;
  fieldContext(profile: Profile): FieldContext;
  /** A field's name as the form shows it: the widget's for standard fields, the business's for its own. */
  label(field: ProfileField, profile: Profile): string;
  /** Opened from an e-mailed "update your data" link: only the profile, no way elsewhere. */
  profileOnly(): boolean;
  /** The business's name, or words for it. */
  business(): string;
  /** An instant's date in the business's time zone. */
  date(value: string): string;
  /** Says something to screen readers (a polite live region). */
  announce(message: string): void;
  /** The translated message for a failure. */
  message(error: unknown): string;
  /** Focuses the first element matching `selector` in the shadow root once rendered. */
  focusAfterUpdate(selector: string): void;
  /** Asks the page to open a request's thread (`portal-request-open`). */
  openRequest(id: string): void;
  /** Tells the page (a `portal-profile-*` event). */
  emit<T>(name: 'portal-profile-saved' | 'portal-profile-confirmed', detail: T): void;
}
