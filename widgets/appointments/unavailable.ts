import { html, nothing, type TemplateResult } from 'lit';
import type { Unavailable } from '../core/api-client.ts';
import { formatDay } from './dates.ts';
import type { AppointmentsHost } from './host.ts';

/**
 * Why the month has no free time (S5), and what the client can do: no hours for this service, or no bookings online
 * → contact the business; fully booked until a day → go to the next free day; request only → propose times.
 */
export function renderUnavailable(host: AppointmentsHost, unavailable: Unavailable, nextFree: string | null, jumpTo: (date: string) => void): TemplateResult {
  const { t, locale } = host;
  const contact = host.catalog()?.contact;
  const reach = contact ? html`<p>${t('unavailable.contact')} <strong part="contact">${contact}</strong></p>` : html`<p>${t('unavailable.contact-business', { business: host.business() })}</p>`;
  switch (unavailable.reason) {
    case 'no-hours':
      return html`<div part="unavailable" data-reason="no-hours"><p>${t('unavailable.no-hours')}</p>${reach}</div>`;
    case 'booking-off':
      return html`<div part="unavailable" data-reason="booking-off"><p>${t('unavailable.booking-off', { business: host.business() })}</p>${reach}</div>`;
    case 'request-only':
      return html`<div part="unavailable" data-reason="request-only">
        <p>${t('unavailable.request-only')}</p>
        <div class="actions"><button class="secondary" type="button" @click=${() => host.reloadCatalog()}>${t('unavailable.propose')}</button></div>
      </div>`;
    case 'fully-booked':
      return html`<div part="unavailable" data-reason="fully-booked">
        <p>${t('unavailable.fully-booked', { date: formatDay(unavailable.until, locale, 'long') })}</p>
        ${nextFree
          ? html`<div class="actions">
              <button part="next-free" class="secondary" type="button" @click=${() => jumpTo(nextFree)}>${t('unavailable.next-free', { date: formatDay(nextFree, locale) })}</button>
            </div>`
          : reach}
        ${nextFree && contact ? reach : nothing}
      </div>`;
  }
}
