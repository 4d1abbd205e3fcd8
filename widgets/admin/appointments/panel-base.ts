import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError } from '../admin-api.ts';
import type { Locale } from '../../core/i18n.ts';
import type { AppointmentsClient, Localized, ProviderItem, ServiceItem } from './appointments-client.ts';
import { messages, type AppointmentsKey } from './messages.ts';

/** What every tab of `<admin-appointments>` looks names up in: the providers, the services and the tenant's zone. */
export interface AppointmentLookups {
  timeZone: string;
  providers: ProviderItem[];
  services: ServiceItem[];
}

/** The text of `names` in `locale`, else in any other the business wrote (as the server's `pick`). */
export function pickName(names: Localized | null | undefined, locale: Locale): string | undefined {
  if (!names) return undefined;
  return names[locale] ?? names.en ?? names['pt-BR'] ?? names.es;
}

/**
 * The base of the appointment tabs: the section's strings, the typed client, the lookups, a live announcement,
 * and the loading and problem states drawn alike.
 */
export abstract class AppointmentsPanel extends AdminSection<AppointmentsKey> {
  protected readonly catalog = messages;

  /** The providers, services and time zone `<admin-appointments>` loaded. */
  @property({ attribute: false }) lookups: AppointmentLookups = { timeZone: 'UTC', providers: [], services: [] };

  /**
   * The typed client `<admin-appointments>` hands down (a plain object: the API itself may be a Proxy, which Lit
   * would take for a directive in a template binding).
   */
  @property({ attribute: false }) client?: AppointmentsClient;

  /** What just happened, read out by screen readers. */
  @state() protected announcement = '';

  protected get mayWrite(): boolean {
    return this.can('appointments:write');
  }

  protected get zone(): string {
    return this.lookups.timeZone;
  }

  protected serviceName(key: string): string {
    return pickName(this.lookups.services.find((service) => service.key === key)?.names, this.locale) ?? key;
  }

  protected providerName(key: string | null): string {
    if (key === null) return this.t('everyone');
    return this.lookups.providers.find((provider) => provider.key === key)?.name ?? key;
  }

  /** A failed call in words: the problem's code when this section knows it, else the generic sentence. */
  protected problemText(error: unknown): string {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `error.${code}`;
    return key in messages.en ? this.t(key as AppointmentsKey) : this.t('error.generic');
  }

  /** The message of an `invalid_input` answer on `path` (or a field under it), if any. */
  protected fieldProblem(error: unknown, path: string): string | undefined {
    if (!(error instanceof ApiError) || error.code !== 'invalid_input') return undefined;
    return error.fields.find((field) => field.path === path || field.path.startsWith(`${path}.`))?.message;
  }

  protected focusLater(selector: string): void {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  protected renderAnnouncement(): TemplateResult {
    return html`<p part="announcement" role="status" aria-live="polite">${this.announcement}</p>`;
  }

  protected renderLoading(): TemplateResult {
    return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  protected renderProblem(error: unknown, retry: () => void): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.problemText(error)}</p>
      <button class="secondary" type="button" @click=${retry}>${this.t('retry')}</button>
    </div>`;
  }
}

/** Whether a failure is only the abort of a call no longer wanted. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
