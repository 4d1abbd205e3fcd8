import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Appointment, AppointmentCatalog, CatalogService, PortalApi } from '../core/api-client.ts';
import { coreMessages, type Locale, type Translate } from '../core/i18n.ts';
import { appointmentsMessages, type AppointmentsMessageKey } from './messages.ts';

export type Key = AppointmentsMessageKey | keyof (typeof coreMessages)['en'];

/** The core strings and `<portal-appointments>`' own, per locale. */
export const messages = {
  en: { ...coreMessages.en, ...appointmentsMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...appointmentsMessages['pt-BR'] },
  es: { ...coreMessages.es, ...appointmentsMessages.es },
};

/** What the parts of `<portal-appointments>` (booking, calendar, proposals, the list) use of the element. */
export interface AppointmentsHost extends ReactiveControllerHost, HTMLElement {
  readonly api: PortalApi | undefined;
  readonly locale: Locale;
  t: Translate<Key>;
  /** The service the page asked to start with, by key; '' for none. */
  readonly service: string;
  /** The full session's access token; undefined when no one may book here. */
  token(): string | undefined;
  /** Who is looking (user and chosen account), not their token: a refreshed token reloads nothing. */
  sessionKey(): string;
  /** The account bookings are for: the session's, or the only one the user reaches; undefined lets the server choose. */
  actingAccount(): string | undefined;
  /** The settings and services, once loaded. */
  catalog(): AppointmentCatalog | undefined;
  /** The business's time zone: every time shown and typed is its wall clock. */
  timeZone(): string;
  /** What time it is (the element's `clock`). */
  now(): Date;
  /** Today's calendar date where the business is. */
  today(): string;
  /** The last day bookings and proposals may be for (today plus the horizon). */
  lastDay(): string;
  /** The business's name, or words for it. */
  business(): string;
  /** How to reach the business: its contact, else its name. */
  contact(): string;
  /** An instant in the business's zone: "Tue, Dec 1, 2026, 9:20 AM". */
  instant(value: string): string;
  /** The time of day of an instant in the business's zone: "9:20 AM". */
  time(value: string): string;
  /** A service's name in the reader's language (a booking's answer names it in the business's). */
  serviceName(service: { key: string; name: string }): string;
  /** A service's name and who gives it, as one phrase: "Audiometry with Sala de exames". */
  serviceWith(service: string, provider: string | undefined): string;
  /** Says something to screen readers (a polite live region). */
  announce(message: string): void;
  /** The translated message for a failure. */
  message(error: unknown): string;
  /** A problem as an alert, with a way to try again. */
  problem(error: unknown, retry?: () => void): TemplateResult;
  /** The loading state: a progress indicator and its words. */
  loading(): TemplateResult;
  /** Focuses the first element matching `selector` in the shadow root once rendered. */
  focusAfterUpdate(selector: string): void;
  /** Loads the settings again (the business changed how it books). */
  reloadCatalog(): void;
  /** A booking was made or cancelled: the list reloads, the page is told. */
  appointmentChanged(appointment: Appointment, change: 'booked' | 'cancelled'): void;
  /** Downloads an appointment's authorization guide (S4). */
  downloadGuide(appointment: Appointment): void;
  /** Why the last download of an appointment's guide failed, translated. */
  guideFailure(id: string): string | undefined;
  /** Whether the account books for others (a company for its employees): the booking may name who attends. */
  booksForOthers(): boolean;
  /** Whether the user reaches several accounts (each appointment then names its own). */
  reachesSeveralAccounts(): boolean;
}

/** The service a part starts on: the client's choice, else the page's, else the only one there is. */
export function defaultService(services: CatalogService[], chosen: string, asked: string): CatalogService | undefined {
  return services.find((s) => s.key === chosen) ?? services.find((s) => s.key === asked) ?? (services.length === 1 ? services[0] : undefined);
}
