import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError, type AdminApi } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles, tabStyles } from '../../core/shared-styles.ts';
import { AppointmentsClient } from './appointments-client.ts';
import { appointmentsStyles } from './admin-appointments.styles.ts';
import { messages, type AppointmentsKey } from './messages.ts';
import type { AppointmentLookups } from './panel-base.ts';
import { browserZone } from './zoned-dates.ts';
import './bookings-panel.ts';
import './requests-panel.ts';
import './hours-panel.ts';
import './closures-panel.ts';

/** The tabs, in order. */
export const APPOINTMENT_TABS = ['bookings', 'requests', 'hours', 'closed'] as const;
export type AppointmentTab = (typeof APPOINTMENT_TABS)[number];

/**
 * Appointments for businesses without an integration (S1–S5): the bookings of a day or a week (by provider and
 * status) with "cancel"; the clients' requests for a time (confirm one of the proposed times, or another, or refuse
 * with a reason); the providers and services with each provider's weekly hours (editable); and the closed periods
 * (holidays for everyone, a provider's blocked time). Times are the tenant's wall clock. Needs `appointments:read`;
 * the buttons that change anything need `appointments:write`.
 * @summary Bookings, requests, hours and closed periods.
 * @csspart base - the section.
 * @csspart intro - what the section is for and the time zone times are in.
 * @csspart tabs - the row of tabs; each a `tab`.
 * @csspart panel - the open tab's panel.
 * @csspart error - what went wrong loading providers and services.
 * @csspart status - the loading message.
 * @cssprop --portal-appointments-gap - space between the parts.
 */
export class AdminAppointments extends AdminSection<AppointmentsKey> {
  static override styles = [baseStyles, panelStyles, tabStyles, appointmentsStyles];

  protected readonly catalog = messages;

  /** The tenant's IANA time zone; when empty it is read from the portal's settings (or the browser's is used). */
  @property({ attribute: 'time-zone' }) timeZone = '';
  /** Only this account's bookings (e.g. opened from an account); empty: every account's. */
  @property({ attribute: 'account-id' }) accountId = '';
  /** The tab shown first. */
  @property() tab: AppointmentTab = 'bookings';

  @state() private lookups?: AppointmentLookups;
  private clientOf?: { api: AdminApi; client: AppointmentsClient };

  private readonly lookupsTask = new Task(this, {
    task: async ([api, allowed, zone], { signal }) => {
      if (!api || !allowed) return undefined;
      const client = this.client!;
      const [providers, services, timeZone] = await Promise.all([client.providers(signal), client.services(signal), zone || this.tenantZone(signal)]);
      this.lookups = { providers, services, timeZone };
      return this.lookups;
    },
    args: () => [this.api, this.can('appointments:read'), this.timeZone] as const,
  });

  /** The typed client over the current `api`, made once per API. */
  private get client(): AppointmentsClient | undefined {
    if (!this.api) return undefined;
    if (this.clientOf?.api !== this.api) this.clientOf = { api: this.api, client: new AppointmentsClient(this.api) };
    return this.clientOf.client;
  }

  /** The tenant's zone: the session says it; else from its settings, when this member may read them; the browser's last. */
  private async tenantZone(signal: AbortSignal): Promise<string> {
    if (this.me?.tenant.timeZone) return this.me.tenant.timeZone;
    if (!this.api || !this.can('accounts:read')) return browserZone();
    try {
      return (await this.api.getSettings(signal)).timeZone;
    } catch (error) {
      if (error instanceof ApiError) return browserZone();
      throw error;
    }
  }

  override render() {
    const t = this.t;
    const allowed = this.can('appointments:read');
    return html`<section part="base" aria-labelledby="appointments-title" lang=${this.locale}>
      <h2 id="appointments-title">${t('title')}</h2>
      <p part="intro">${t('intro')}</p>
      ${allowed ? this.renderLoaded() : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderLoaded(): TemplateResult {
    return html`<div class="region" aria-busy=${this.lookups ? 'false' : 'true'}>
      ${this.lookupsTask.render({
        initial: () => this.renderLoading(),
        pending: () => (this.lookups ? this.renderTabs(this.lookups) : this.renderLoading()),
        error: (error) => this.renderProblem(error),
        complete: (lookups) => (lookups ? this.renderTabs(lookups) : this.renderLoading()),
      })}
    </div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  private renderProblem(error: unknown): TemplateResult {
    const code = error instanceof ApiError ? `error.${error.code}` : 'error.generic';
    return html`<div part="error" role="alert">
      <p>${code in messages.en ? this.t(code as AppointmentsKey) : this.t('error.generic')}</p>
      <button class="secondary" type="button" @click=${() => void this.lookupsTask.run()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderTabs(lookups: AppointmentLookups): TemplateResult {
    const t = this.t;
    return html`<p part="zone">${t('zone', { zone: lookups.timeZone })}</p>
      <div part="tabs" role="tablist" aria-label=${t('tabs.label')} @keydown=${this.handleTabKey}>
        ${APPOINTMENT_TABS.map(
          (tab) => html`<button part="tab" role="tab" type="button" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'}
            tabindex=${this.tab === tab ? 0 : -1} @click=${() => this.selectTab(tab)}>${t(`tab.${tab}`)}</button>`,
        )}
      </div>
      ${APPOINTMENT_TABS.map(
        (tab) => html`<div part="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${this.tab !== tab}>
          ${this.tab === tab ? this.renderPanel(tab, lookups) : nothing}
        </div>`,
      )}`;
  }

  private renderPanel(tab: AppointmentTab, lookups: AppointmentLookups): TemplateResult {
    const { client, me, locale } = this;
    switch (tab) {
      case 'bookings':
        return html`<admin-appointment-bookings .client=${client} .me=${me} locale=${locale} .lookups=${lookups} account-id=${this.accountId}></admin-appointment-bookings>`;
      case 'requests':
        return html`<admin-appointment-requests .client=${client} .me=${me} locale=${locale} .lookups=${lookups}></admin-appointment-requests>`;
      case 'hours':
        return html`<admin-appointment-hours .client=${client} .me=${me} locale=${locale} .lookups=${lookups}></admin-appointment-hours>`;
      case 'closed':
        return html`<admin-appointment-closures .client=${client} .me=${me} locale=${locale} .lookups=${lookups}></admin-appointment-closures>`;
    }
  }

  private selectTab(tab: AppointmentTab, focus = false) {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.shadowRoot?.getElementById(`tab-${tab}`)?.focus());
  }

  private handleTabKey = (event: KeyboardEvent) => {
    const index = APPOINTMENT_TABS.indexOf(this.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: APPOINTMENT_TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(APPOINTMENT_TABS[(next + APPOINTMENT_TABS.length) % APPOINTMENT_TABS.length]!, true);
  };
}

define('admin-appointments', AdminAppointments);

declare global {
  interface HTMLElementTagNameMap {
    'admin-appointments': AdminAppointments;
  }
}
