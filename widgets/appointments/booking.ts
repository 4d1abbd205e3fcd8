import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type Appointment, type AppointmentCatalog, type CatalogService, type Slot, type SlotsAnswer } from '../core/api-client.ts';
import { renderBooked, renderConfirm, renderTimes, type StepsHost } from './booking-steps.ts';
import { CalendarPart } from './calendar.ts';
import { monthOf, monthRange } from './dates.ts';
import { defaultService, type AppointmentsHost } from './host.ts';
import { renderUnavailable } from './unavailable.ts';

/** Where the client is in booking: picking a day and a time, confirming it, or looking at the booking made. */
type Step = 'pick' | 'confirm' | 'booked';

/**
 * Self-booking (S1, S5): choose the service (and the provider, any by default), a day in the month's calendar, a
 * free time, then confirm. A time someone else took a moment before is said so, and the day's fresh free times
 * shown. When the month has no free time the server says why, and the client is told what to do.
 */
export class BookingSection implements StepsHost {
  private chosenService = '';
  provider = '';
  private month = '';
  day = '';
  private step: Step = 'pick';
  slot?: Slot;
  booked?: Appointment;
  busy = false;
  /** Why the client is back at the times: a time just taken, or no longer offered. */
  notice = '';
  /** What went wrong confirming. */
  error = '';
  /** Who attends, as typed (a company booking for an employee); '' for the account's own person. */
  attendee = '';
  /** Fresh free times of a day (`slot_taken`'s), in place of the loaded ones until the month reloads. */
  private readonly fresh = new Map<string, Slot[]>();
  private readonly calendar: CalendarPart;
  readonly slots: Task<readonly unknown[], SlotsAnswer | undefined>;

  constructor(readonly host: AppointmentsHost) {
    this.calendar = new CalendarPart(host, {
      bounds: () => this.bounds(),
      showMonth: (month) => this.showMonth(month),
      chooseDay: (date) => this.chooseDay(date),
    });
    this.slots = new Task(host, {
      task: async ([key, service, provider, month, accountId], { signal }) => {
        this.fresh.clear();
        if (!key || !service) return undefined;
        const query = { service: service as string, ...(provider ? { provider: provider as string } : {}), ...monthRange(month as string), ...(accountId ? { accountId: accountId as string } : {}) };
        return host.api!.appointmentSlots(host.token()!, query, signal);
      },
      args: () => {
        const catalog = host.catalog();
        const service = catalog?.mode === 'self' ? this.service(catalog)?.key : undefined;
        return [host.sessionKey(), service, this.provider, this.visibleMonth(), host.actingAccount()] as const;
      },
    });
  }

  /** Back to how a new visitor finds it. */
  reset() {
    Object.assign(this, { chosenService: '', provider: '', month: '', day: '', step: 'pick', slot: undefined, booked: undefined, notice: '', error: '', attendee: '' });
    this.calendar.reset();
  }

  service(catalog = this.host.catalog()): CatalogService | undefined {
    return catalog ? defaultService(catalog.services, this.chosenService, this.host.service) : undefined;
  }

  /** The month shown: the client's, else the current one, within the months bookings are open. */
  private visibleMonth(): string {
    const { first, last } = this.bounds();
    const month = this.month || first;
    return month < first ? first : month > last ? last : month;
  }
  private bounds() {
    return { first: monthOf(this.host.today()), last: monthOf(this.host.lastDay()) };
  }

  /** Each day of the visible month with its free times; undefined while they load. */
  private days(): Map<string, Slot[]> | undefined {
    const answer = this.slots.value;
    if (this.slots.status !== TaskStatus.COMPLETE || !answer || answer.from !== monthRange(this.visibleMonth()).from || answer.service !== this.service()?.key) return undefined;
    return new Map(answer.days.map((day) => [day.date, this.fresh.get(day.date) ?? day.slots]));
  }

  /** The chosen day's free times: with any provider, one per time (the first provider free then). */
  times(): Slot[] {
    const slots = this.days()?.get(this.day) ?? [];
    return this.provider ? slots : slots.filter((slot, i) => slots.findIndex((s) => s.start === slot.start) === i);
  }

  providerName(id: string | undefined): string | undefined {
    return this.service()?.providers.find((p) => p.id === id)?.name;
  }

  render(catalog: AppointmentCatalog): TemplateResult {
    const { t } = this.host;
    if (!catalog.services.length) return html`<p part="empty">${t('book.no-services', { contact: this.host.contact() })}</p>`;
    if (this.step === 'confirm' && this.slot) return renderConfirm(this);
    if (this.step === 'booked' && this.booked) return renderBooked(this);
    const service = this.service(catalog);
    return html`${this.renderChoice(catalog, service)} ${service ? this.renderSlots() : html`<p class="hint">${t('book.choose-service-first')}</p>`}`;
  }

  private renderChoice(catalog: AppointmentCatalog, service: CatalogService | undefined): TemplateResult {
    const { t } = this.host;
    const minutes = (s: CatalogService) => t('minutes', { count: s.durationMinutes });
    return html`<form part="choice" @change=${this.handleChange} @submit=${(event: Event) => event.preventDefault()}>
      <label>${t('service')}
        <select name="service">
          ${service ? nothing : html`<option value="" selected disabled>${t('service.choose')}</option>`}
          ${catalog.services.map((s) => html`<option value=${s.key} ?selected=${s.key === service?.key}>${s.name} — ${minutes(s)}</option>`)}
        </select>
      </label>
      ${service && service.providers.length > 1
        ? html`<label>${t('provider')}
            <select name="provider">
              <option value="" ?selected=${!this.provider}>${t('provider.any')}</option>
              ${service.providers.map((p) => html`<option value=${p.id} ?selected=${p.id === this.provider}>${p.name}</option>`)}
            </select>
          </label>`
        : service?.providers[0]
          ? html`<p class="meta provider-only">${t('provider.only', { provider: service.providers[0].name })}</p>`
          : nothing}
    </form>`;
  }

  private renderSlots(): TemplateResult {
    const answer = this.slots.value;
    if (this.slots.status === TaskStatus.ERROR) return this.host.problem(this.slots.error, () => void this.slots.run());
    const unavailable = this.days() && answer?.unavailable;
    // Without hours or bookings, a calendar of disabled days says nothing: only what to do instead.
    if (unavailable && unavailable.reason !== 'fully-booked') return renderUnavailable(this.host, unavailable, answer.nextFree, this.jumpTo);
    const days = this.days();
    const freeTimes = days && new Map([...days].map(([date, slots]) => [date, this.provider ? slots.length : new Set(slots.map((s) => s.start)).size]));
    return html`${unavailable ? renderUnavailable(this.host, unavailable, answer!.nextFree, this.jumpTo) : nothing}
      ${this.calendar.render({ month: this.visibleMonth(), freeTimes, chosen: this.day })}
      ${this.day && days?.has(this.day) ? renderTimes(this) : html`<p class="hint">${days ? this.host.t('book.choose-day') : ''}</p>`}`;
  }

  private handleChange = (event: Event) => {
    const field = event.target as HTMLSelectElement;
    if (field.name === 'service') Object.assign(this, { chosenService: field.value, provider: '' });
    if (field.name === 'provider') this.provider = field.value;
    Object.assign(this, { day: '', notice: '' });
    this.calendar.reset();
    this.host.requestUpdate();
  };

  private showMonth(month: string) {
    this.month = month;
    this.host.requestUpdate();
  }

  /** "Fully booked until …": shows the next day with free times, chosen. */
  private jumpTo = (date: string) => {
    this.month = monthOf(date);
    this.calendar.reset();
    this.chooseDay(date);
  };

  chooseDay(date: string) {
    Object.assign(this, { day: date, notice: '' });
    if (monthOf(date) !== this.visibleMonth()) this.month = monthOf(date);
    this.host.requestUpdate();
    this.host.focusAfterUpdate('#times-title');
  }

  chooseSlot(slot: Slot) {
    Object.assign(this, { slot, step: 'confirm', error: '', notice: '' });
    this.host.requestUpdate();
    this.host.focusAfterUpdate('#confirm-title');
  }

  /** From the confirm step back to the times. */
  back() {
    Object.assign(this, { step: 'pick', error: '' });
    this.host.requestUpdate();
    this.host.focusAfterUpdate('#times-title');
  }

  /** After a booking: start again at the service. */
  again() {
    Object.assign(this, { step: 'pick', day: '', slot: undefined, booked: undefined, month: '', attendee: '' });
    this.calendar.reset();
    this.host.requestUpdate();
    this.host.focusAfterUpdate('select[name=service]');
  }

  async confirm() {
    const token = this.host.token();
    const service = this.service();
    if (!token || !service || !this.slot || this.busy) return;
    const slot = this.slot;
    const accountId = this.host.actingAccount();
    const attendee = this.host.booksForOthers() ? this.attendee.trim() : '';
    Object.assign(this, { busy: true, error: '' });
    this.host.requestUpdate();
    try {
      const booking = { service: service.key, providerId: slot.providerId, start: slot.start, ...(attendee ? { attendee } : {}), ...(accountId ? { accountId } : {}) };
      const booked = await this.host.api!.bookAppointment(token, booking);
      Object.assign(this, { booked, step: 'booked' });
      this.host.announce(this.host.t('booked.notice', { what: this.host.serviceWith(this.host.serviceName(booked.service), booked.provider.name), when: this.host.instant(booked.start) }));
      this.host.appointmentChanged(booked, 'booked');
      this.host.focusAfterUpdate('#booked-title');
      void this.slots.run();
    } catch (error) {
      this.handleRefusal(error, slot);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** A refused booking: a lost race shows the day's fresh times; a change of mode reloads the settings. */
  private handleRefusal(error: unknown, slot: Slot) {
    const code = error instanceof ApiError ? error.code : '';
    if (code === 'slot_taken' || code === 'slot_not_offered' || code === 'slot_in_past') {
      const fresh = (error as ApiError).problem?.slots as Slot[] | undefined;
      const date = this.day;
      if (fresh && date) {
        const others = (this.days()?.get(date) ?? []).filter((s) => s.providerId !== slot.providerId);
        this.fresh.set(date, [...others, ...fresh].sort((a, b) => a.start.localeCompare(b.start) || a.providerId.localeCompare(b.providerId)));
      } else {
        void this.slots.run();
      }
      Object.assign(this, { step: 'pick', slot: undefined, notice: this.host.message(error) });
      this.host.announce(this.notice);
      this.host.focusAfterUpdate('#times-title');
      return;
    }
    this.error = this.host.message(error);
    if (code === 'booking_unavailable') this.host.reloadCatalog();
  }
}
