import { html, nothing, type TemplateResult } from 'lit';
import type { Appointment, CatalogService, Slot } from '../core/api-client.ts';
import { formatDay } from './dates.ts';
import type { AppointmentsHost } from './host.ts';

/** What the booking's steps (times, confirm, booked) read and call on the booking. */
export interface StepsHost {
  readonly host: AppointmentsHost;
  readonly day: string;
  readonly provider: string;
  readonly slot?: Slot;
  readonly booked?: Appointment;
  readonly busy: boolean;
  readonly notice: string;
  readonly error: string;
  /** Who attends, as typed. */
  attendee: string;
  service(): CatalogService | undefined;
  providerName(id: string | undefined): string | undefined;
  times(): Slot[];
  chooseSlot(slot: Slot): void;
  confirm(): void;
  back(): void;
  again(): void;
}

/** The chosen day's free times as buttons; after a lost race, why the client is back here. */
export function renderTimes(booking: StepsHost): TemplateResult {
  const { t, locale } = booking.host;
  const times = booking.times();
  const day = formatDay(booking.day, locale, 'long');
  return html`<section part="times" aria-labelledby="times-title">
    <h4 id="times-title" tabindex="-1">${t('times.title', { day })}</h4>
    ${booking.notice ? html`<p part="notice"><span aria-hidden="true">!</span> ${booking.notice}</p>` : nothing}
    ${times.length
      ? html`<ul class="time-list">
          ${times.map(
            (slot) => html`<li>
              <button part="time" class="secondary" type="button" data-start=${slot.start} @click=${() => booking.chooseSlot(slot)}>${booking.host.time(slot.start)}</button>
            </li>`,
          )}
        </ul>`
      : html`<p>${t('times.none')}</p>`}
  </section>`;
}

/** "Book Audiometry with Sala de exames on Tue, Dec 1 at 9:20 AM?" and the two ways on. */
export function renderConfirm(booking: StepsHost): TemplateResult {
  const { host } = booking;
  const { t } = host;
  const slot = booking.slot!;
  const service = booking.service()!;
  const what = host.serviceWith(service.name, booking.providerName(slot.providerId));
  return html`<section part="confirm" aria-labelledby="confirm-title">
    <h4 id="confirm-title" tabindex="-1">${t('confirm.question', { what, day: formatDay(booking.day, host.locale), time: host.time(slot.start) })}</h4>
    <p class="meta">${t('minutes', { count: service.durationMinutes })}</p>
    ${host.booksForOthers()
      ? html`<label>${t('attendee.label')}
          <input name="attendee" maxlength="120" autocomplete="off" aria-describedby="attendee-hint" .value=${booking.attendee}
            @input=${(event: Event) => (booking.attendee = (event.target as HTMLInputElement).value)} />
          <span id="attendee-hint" class="hint">${t('attendee.hint')}</span>
        </label>`
      : nothing}
    ${booking.error ? html`<div part="error" role="alert"><p>${booking.error}</p></div>` : nothing}
    <div class="actions">
      <button part="confirm-button" class="primary" type="button" aria-disabled=${booking.busy ? 'true' : 'false'} @click=${() => booking.confirm()}>
        ${booking.busy ? t('confirm.booking') : t('confirm.book')}
      </button>
      <button class="secondary" type="button" @click=${() => booking.back()}>${t('confirm.change')}</button>
    </div>
  </section>`;
}

/** The booking made: what, when, until when it can be cancelled, its guide, and booking another. */
export function renderBooked(booking: StepsHost): TemplateResult {
  const { host } = booking;
  const { t } = host;
  const booked = booking.booked!;
  return html`<section part="booked" aria-labelledby="booked-title">
    <h4 id="booked-title" tabindex="-1"><span aria-hidden="true">✓</span> ${t('booked.title')}</h4>
    <p>${t('booked.summary', { what: host.serviceWith(host.serviceName(booked.service), booked.provider.name), when: host.instant(booked.start) })}</p>
    ${booked.attendee ? html`<p part="attendee">${t('attendee.for', { name: booked.attendee })}</p>` : nothing}
    ${booked.cancelUntil ? html`<p class="meta">${t('cancel.until', { when: host.instant(booked.cancelUntil) })}</p>` : nothing}
    <div class="actions">
      ${booked.guide ? html`<button part="guide" class="secondary" type="button" @click=${() => void host.downloadGuide(booked)}>${t('guide.download')}</button>` : nothing}
      <button class="secondary" type="button" @click=${() => booking.again()}>${t('booked.again')}</button>
    </div>
  </section>`;
}
