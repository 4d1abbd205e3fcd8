import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import type { BookingItem } from './appointments-client.ts';
import { appointmentsStyles } from './admin-appointments.styles.ts';
import { AppointmentsPanel } from './panel-base.ts';
import { addDays, clock, dateOf, dateTime, dayRange, longDay, mondayOf, todayIn } from './zoned-dates.ts';

export type BookingsSpan = 'week' | 'day';
type StatusFilter = '' | BookingItem['status'];

/**
 * The bookings of a week (Monday to Sunday) or a day, in the tenant's calendar, grouped by day: time, service,
 * provider, account and attendee, status. Filters: provider and status. With `appointments:write`, a booking still
 * to come can be cancelled after a confirmation (the client is e-mailed).
 * @summary The bookings of a day or a week.
 * @csspart filters - the period, provider and status choices.
 * @csspart range - the days shown, in words.
 * @csspart day - one day's bookings, under its date; each a `booking` (`data-status` booked or cancelled).
 * @csspart badge - a booking's status.
 * @csspart cancel - a booking's cancel button; `confirm`, `confirm-cancel` and `keep` its confirm step.
 * @csspart empty - the message when the period has no booking.
 */
export class AdminAppointmentBookings extends AppointmentsPanel {
  static override styles = [baseStyles, panelStyles, cardListStyles, appointmentsStyles];

  /** Only this account's bookings (e.g. opened from an account); empty: every account's. */
  @property({ attribute: 'account-id' }) accountId = '';

  @state() span: BookingsSpan = 'week';
  /** A day of the period shown (the week it falls in, in week view). */
  @state() anchor = '';
  @state() private providerKey = '';
  @state() private status: StatusFilter = '';
  @state() private items: BookingItem[] = [];
  @state() private confirming?: string;
  @state() private cancelling?: string;
  @state() private rowError?: { id: string; message: string };

  private readonly list = new Task(this, {
    task: async ([client, from, to, providerKey, status, accountId], { signal }) => {
      if (!client) return undefined;
      const items = await client.bookings({ from, to, providerKey: providerKey || undefined, status: status || undefined, accountId: accountId || undefined }, signal);
      Object.assign(this, { items, confirming: undefined, rowError: undefined });
      return items;
    },
    args: () => [this.client, this.from, this.to, this.providerKey, this.status, this.accountId] as const,
  });

  private get today(): string {
    return todayIn(this.zone);
  }

  /** The first day shown. */
  get from(): string {
    const anchor = this.anchor || this.today;
    return this.span === 'week' ? mondayOf(anchor) : anchor;
  }

  /** The last day shown (included). */
  get to(): string {
    return this.span === 'week' ? addDays(this.from, 6) : this.from;
  }

  override render() {
    const t = this.t;
    return html`<div class="panel-body">
      <h3>${t('bookings.title')}</h3>
      ${this.renderAnnouncement()} ${this.renderFilters()}
      <p part="range">${t(this.span === 'week' ? 'bookings.range.week' : 'bookings.range.day', { range: this.span === 'week' ? dayRange(this.from, this.to, this.locale) : longDay(this.from, this.locale) })}</p>
      <div class="list-region" aria-busy=${this.list.status === TaskStatus.INITIAL || this.list.status === TaskStatus.PENDING ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error, () => void this.list.run()),
          complete: () => this.renderDays(),
        })}
      </div>
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    const week = this.span === 'week';
    return html`<form part="filters" aria-label=${t('bookings.filters')} @submit=${(event: Event) => event.preventDefault()}>
      <fieldset class="choice">
        <legend>${t('bookings.span')}</legend>
        ${(['week', 'day'] as const).map(
          (span) => html`<label class="check"><input type="radio" name="span" value=${span} .checked=${this.span === span} @change=${this.handleSpan} />${t(`bookings.span.${span}`)}</label>`,
        )}
      </fieldset>
      <label>${t(week ? 'bookings.week-of' : 'bookings.day')}
        <input type="date" name="anchor" required .value=${this.anchor || this.today} @change=${this.handleAnchor} />
      </label>
      <div class="actions stepper">
        <button class="secondary" type="button" @click=${() => this.step(-1)}>${t(week ? 'bookings.previous-week' : 'bookings.previous-day')}</button>
        <button class="secondary" type="button" @click=${this.handleToday}>${t(week ? 'bookings.this-week' : 'bookings.today')}</button>
        <button class="secondary" type="button" @click=${() => this.step(1)}>${t(week ? 'bookings.next-week' : 'bookings.next-day')}</button>
      </div>
      <label>${t('bookings.provider')}
        <select name="providerKey" @change=${this.handleProvider}>
          <option value="" ?selected=${!this.providerKey}>${t('bookings.provider.all')}</option>
          ${this.lookups.providers.map((provider) => html`<option value=${provider.key} ?selected=${provider.key === this.providerKey}>${provider.name}</option>`)}
        </select>
      </label>
      <label>${t('bookings.status')}
        <select name="status" @change=${this.handleStatus}>
          ${(['', 'booked', 'cancelled'] as const).map(
            (status) => html`<option value=${status} ?selected=${status === this.status}>${t(status ? `status.${status}` : 'bookings.status.all')}</option>`,
          )}
        </select>
      </label>
      ${this.accountId
        ? html`<p class="account-filter">${t('bookings.account-filter', { account: this.items[0]?.accountName ?? '…' })}
            <button class="link" type="button" @click=${() => (this.accountId = '')}>${t('bookings.all-accounts')}</button></p>`
        : nothing}
    </form>`;
  }

  private renderDays(): TemplateResult {
    if (!this.items.length) return html`<p part="empty">${this.t(this.providerKey || this.status ? 'bookings.empty.filtered' : 'bookings.empty')}</p>`;
    const days = new Map<string, BookingItem[]>();
    for (const item of this.items) {
      const day = dateOf(item.start, this.zone);
      days.set(day, [...(days.get(day) ?? []), item]);
    }
    return html`${[...days].map(
      ([day, items]) => html`<section part="day" aria-labelledby="day-${day}">
        <h4 id="day-${day}">${longDay(day, this.locale)} <span class="count">${this.t('bookings.count', { count: items.length })}</span></h4>
        <ul part="list" aria-labelledby="day-${day}">${repeat(items, (item) => item.id, (item) => this.renderBooking(item))}</ul>
      </section>`,
    )}`;
  }

  private renderBooking(item: BookingItem): TemplateResult {
    const t = this.t;
    const service = this.serviceName(item.serviceKey);
    const provider = this.providerName(item.providerKey);
    return html`<li part="item booking" data-id=${item.id} data-status=${item.status}>
      <div class="item-head">
        <p class="when" id="booking-${item.id}" tabindex="-1">
          <time datetime=${item.start}>${clock(item.start, this.zone, this.locale)}</time>–<time datetime=${item.end}>${clock(item.end, this.zone, this.locale)}</time>
        </p>
        <span part="badge" class="state" data-status=${item.status}>${t(`status.${item.status}`)}</span>
      </div>
      <dl>
        <div><dt>${t('booking.service')}</dt><dd>${service}</dd></div>
        <div><dt>${t('booking.provider')}</dt><dd>${provider}</dd></div>
        <div><dt>${t('booking.account')}</dt><dd>${item.accountName}</dd></div>
        ${item.attendee ? html`<div><dt>${t('booking.attendee')}</dt><dd>${item.attendee}</dd></div>` : nothing}
      </dl>
      ${this.mayCancel(item) ? this.renderCancel(item, service) : nothing}
    </li>`;
  }

  private mayCancel(item: BookingItem): boolean {
    return this.mayWrite && item.status === 'booked' && Date.parse(item.end) > Date.now();
  }

  private renderCancel(item: BookingItem, service: string): TemplateResult {
    const t = this.t;
    const when = dateTime(item.start, this.zone, this.locale);
    const error = this.rowError?.id === item.id ? html`<div part="error" role="alert"><p>${this.rowError.message}</p></div>` : nothing;
    if (this.confirming !== item.id) {
      return html`${error}<div class="actions">
          <button part="cancel" class="secondary danger" type="button" aria-label=${t('cancel.label', { service, when })} @click=${() => this.askCancel(item)}>${t('cancel')}</button>
        </div>`;
    }
    const busy = this.cancelling === item.id;
    return html`<div part="confirm" role="group" aria-labelledby="confirm-${item.id}">
      <p id="confirm-${item.id}">${t('cancel.question', { service, when, account: item.attendee ?? item.accountName })}</p>
      ${error}
      <div class="actions">
        <button part="confirm-cancel" class="primary danger" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.cancelBooking(item, service, when)}>
          ${busy ? t('cancel.working') : t('cancel.confirm')}
        </button>
        <button part="keep" class="secondary" type="button" @click=${() => this.keep(item)}>${t('cancel.keep')}</button>
      </div>
    </div>`;
  }

  private askCancel(item: BookingItem) {
    this.confirming = item.id;
    this.rowError = undefined;
    // The safe choice first: a stray Enter keeps the booking.
    this.focusLater(`[data-id="${CSS.escape(item.id)}"] [part~=keep]`);
  }

  private keep(item: BookingItem) {
    this.confirming = undefined;
    this.rowError = undefined;
    this.focusLater(`[data-id="${CSS.escape(item.id)}"] [part~=cancel]`);
  }

  private async cancelBooking(item: BookingItem, service: string, when: string) {
    if (this.cancelling || !this.client) return;
    this.cancelling = item.id;
    this.rowError = undefined;
    try {
      await this.client.cancelBooking(item.id);
      this.items = this.items.map((other) => (other.id === item.id ? { ...other, status: 'cancelled' } : other));
      this.confirming = undefined;
      this.announcement = this.t('cancel.done', { service, when });
      this.focusLater(`#booking-${CSS.escape(item.id)}`);
    } catch (error) {
      this.rowError = { id: item.id, message: this.problemText(error) };
    } finally {
      this.cancelling = undefined;
    }
  }

  private step(direction: 1 | -1) {
    this.anchor = addDays(this.from, direction * (this.span === 'week' ? 7 : 1));
  }

  private handleToday = () => {
    this.anchor = this.today;
  };

  private handleSpan = (event: Event) => {
    const span = (event.target as HTMLInputElement).value as BookingsSpan;
    // From a week to a day: its first day, or today when today is in it.
    if (span === 'day' && this.span === 'week') this.anchor = this.today >= this.from && this.today <= this.to ? this.today : this.from;
    this.span = span;
  };

  private handleAnchor = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) this.anchor = value;
  };

  private handleProvider = (event: Event) => {
    this.providerKey = (event.target as HTMLSelectElement).value;
  };

  private handleStatus = (event: Event) => {
    this.status = (event.target as HTMLSelectElement).value as StatusFilter;
  };
}

define('admin-appointment-bookings', AdminAppointmentBookings);

declare global {
  interface HTMLElementTagNameMap {
    'admin-appointment-bookings': AdminAppointmentBookings;
  }
}
