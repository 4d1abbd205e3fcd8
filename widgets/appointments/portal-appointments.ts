import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type Appointment, type AppointmentCatalog } from '../core/api-client.ts';
import { fullAccessToken, portalContext, type PortalRuntime, sessionKeyOf } from '../core/context.ts';
import { define } from '../core/define.ts';
import { todayIn } from '../core/format.ts';
import { translator, type Locale, type Translate } from '../core/i18n.ts';
import { baseStyles, panelStyles, tabStyles } from '../core/shared-styles.ts';
import { BookingSection } from './booking.ts';
import { addDays, formatInstant, formatTime, zoneName } from './dates.ts';
import { saveThroughLink } from '../core/download.ts';
import { startGuideDownload } from './guide.ts';
import { messages, type AppointmentsHost, type Key } from './host.ts';
import { AppointmentList } from './list.ts';
import { appointmentsStyles } from './portal-appointments.styles.ts';
import { ProposalSection } from './proposals.ts';

/**
 * The client's appointments (S1–S5). Where the business lets clients book (`self`): choose the service and the
 * provider (any, by default), a day in a month calendar that shows which days have free times (an ARIA grid: arrows,
 * Home/End, PageUp/PageDown, Enter), a free time, then confirm (a company may name the employee who attends); a time someone else took a moment before is said so
 * and the day's fresh times shown; a month without free times says why (no hours, fully booked until a day — with a
 * jump to the next free one —, no bookings online) and whom to contact. Where the business confirms bookings itself
 * (`request`): a form proposing up to three days and times, and the proposals sent with what became of each. Where it
 * takes none (`off`): whom to contact. Then the client's upcoming and past appointments, with the authorization guide
 * of an exam and cancelling within the business's deadline (or until when it was possible, and whom to call). Every
 * time is the business's wall clock, in its time zone, which the widget names.
 * @summary Book, propose, see and cancel appointments.
 * @event portal-appointment-booked - the client booked a time; `detail` is the Appointment.
 * @event portal-appointment-cancelled - the client cancelled an appointment; `detail` is the Appointment (status `cancelled`).
 * @event portal-request-open - the client wants to follow a proposal's request; `detail.id` is the request's id. Cancelable:
 * a page that opens it (e.g. in `<portal-requests>`) calls `preventDefault()`.
 * @csspart base - the panel.
 * @csspart time-zone - "Times in …": the business's time zone.
 * @csspart booking - the booking (or proposing) section.
 * @csspart choice - the service and provider choice.
 * @csspart calendar - the month: its bar and its grid.
 * @csspart month - the month's name.
 * @csspart month-button - the previous and next month buttons.
 * @csspart grid - the days of the month (an ARIA grid); days are `td[data-date]`, `data-free="true"` when they have free times.
 * @csspart unavailable - why no time is free, and what to do (`data-reason`).
 * @csspart contact - how to reach the business.
 * @csspart next-free - the button showing the next day with free times.
 * @csspart times - the chosen day's free times.
 * @csspart time - one free time's button.
 * @csspart notice - why the client is back at the times (a time just taken).
 * @csspart confirm - the confirm step.
 * @csspart confirm-button - the button that books.
 * @csspart booked - the booking made.
 * @csspart guide - a "download the authorization guide" button.
 * @csspart proposal-form - request mode's form.
 * @csspart choices - the proposed days and times.
 * @csspart sent - the proposal just sent.
 * @csspart proposals - the proposals sent.
 * @csspart proposal - one proposal.
 * @csspart follow - a proposal's "follow the request" button.
 * @csspart off - the explanation where the business takes no bookings online.
 * @csspart appointments - the client's appointments.
 * @csspart tabs - upcoming and past.
 * @csspart tab - one of them.
 * @csspart panel - the list shown.
 * @csspart list - a list of appointments or proposals.
 * @csspart appointment - one appointment.
 * @csspart service - an appointment's or proposal's service.
 * @csspart when - an appointment's day and times.
 * @csspart provider - who gives it.
 * @csspart attendee - who attends, when a company booked for an employee.
 * @csspart badge - a status (`data-status`), a word and a mark, never colour alone.
 * @csspart deadline - until when it can be cancelled online, or since when not.
 * @csspart cancel - an appointment's cancel button.
 * @csspart dialog - the "cancel this appointment?" dialog.
 * @csspart cancel-confirm - the dialog's button that cancels.
 * @csspart more - the "show more appointments" button.
 * @csspart empty - an empty list's message.
 * @csspart error - what went wrong.
 * @csspart status - loading messages.
 * @cssprop --portal-appointments-gap - space between the parts.
 * @cssprop --portal-appointments-day-size - the height of a calendar day (default 2.75rem; its width is a seventh of the month's).
 * @cssprop --portal-appointments-free-color - the mark of a day with free times (default: the link colour, a shade of the brand that reads on the surface).
 * @cssprop --portal-appointments-selected-background - the chosen day (default: the primary colour).
 * @cssprop --portal-appointments-selected-color - the chosen day's number (default: the text on the primary colour).
 */
export class PortalAppointments extends LitElement implements AppointmentsHost {
  static override styles = [baseStyles, panelStyles, tabStyles, appointmentsStyles];

  /** The service to start with, by key (a page about one exam); the client may choose another. */
  @property({ reflect: true }) service = '';

  /** How a downloaded guide's URL reaches the browser; by default a link's click (a real download). */
  @property({ attribute: false }) navigate: (url: string, fileName: string) => void = saveThroughLink;

  /** What time it is; by default the device's clock (stories and tests pin it). */
  @property({ attribute: false }) clock: () => Date = () => new Date();

  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;
  @state() private announcement = '';

  private readonly booking = new BookingSection(this);
  private readonly proposals = new ProposalSection(this);
  private readonly list = new AppointmentList(this);
  private readonly guideFailures = new Map<string, string>();
  private lastSessionKey = '';
  /** Where the focus goes once rendered; dropped as soon as the client moves it. */
  private pendingFocus?: string;

  private readonly catalogTask = new Task(this, {
    task: async ([key, locale, accountId], { signal }) =>
      key ? this.portal!.api.appointmentCatalog(this.token()!, { ...(accountId ? { accountId } : {}), locale }, signal) : undefined,
    args: () => [this.sessionKey(), this.locale, this.actingAccount()] as const,
  });

  constructor() {
    super();
    this.addEventListener('focusin', () => (this.pendingFocus = undefined));
  }

  get api() {
    return this.portal?.api;
  }
  get locale(): Locale {
    return this.portal?.locale ?? 'pt-BR';
  }
  get t(): Translate<Key> {
    return translator(messages, this.locale) as Translate<Key>;
  }

  token() {
    return fullAccessToken(this.portal);
  }
  sessionKey() {
    return this.token() ? sessionKeyOf(this.portal) : '';
  }
  actingAccount() {
    const session = this.portal?.session;
    if (session?.status !== 'signed-in') return undefined;
    return session.accountId ?? (session.accounts.length === 1 ? session.accounts[0]!.id : undefined);
  }
  booksForOthers() {
    const session = this.portal?.session;
    return session?.status === 'signed-in' && session.accounts.find((a) => a.id === this.actingAccount())?.kind === 'company';
  }
  reachesSeveralAccounts() {
    return this.portal?.session.status === 'signed-in' && this.portal.session.accounts.length > 1;
  }
  catalog(): AppointmentCatalog | undefined {
    return this.catalogTask.value;
  }
  timeZone() {
    return this.catalog()?.timeZone ?? (this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.timeZone : 'UTC');
  }
  now() {
    return this.clock();
  }
  today() {
    return todayIn(this.timeZone(), this.now());
  }
  lastDay() {
    return addDays(this.today(), this.catalog()?.horizonDays ?? 60);
  }
  business() {
    return this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.name : this.t('business');
  }
  contact() {
    return this.catalog()?.contact ?? this.business();
  }
  instant(value: string) {
    return formatInstant(value, this.timeZone(), this.locale);
  }
  time(value: string) {
    return formatTime(value, this.timeZone(), this.locale);
  }
  serviceName(service: { key: string; name: string }) {
    return this.catalog()?.services.find((s) => s.key === service.key)?.name ?? service.name;
  }
  serviceWith(service: string, provider: string | undefined) {
    return provider ? this.t('service-with', { service, provider }) : service;
  }
  guideFailure(id: string) {
    return this.guideFailures.get(id);
  }

  announce(message: string) {
    // Emptied first, so the same words said twice are read out twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = message));
  }

  focusAfterUpdate(selector: string) {
    // Kept until rendered: what it names may wait for data (the times of a day in a month still loading).
    this.pendingFocus = selector;
    this.requestUpdate();
  }

  reloadCatalog() {
    void this.catalogTask.run();
  }

  appointmentChanged(appointment: Appointment, change: 'booked' | 'cancelled') {
    this.list.reload();
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent(`portal-appointment-${change}`, { detail: appointment, bubbles: true, composed: true }));
  }

  async downloadGuide(appointment: Appointment) {
    const token = this.token();
    if (!token) return;
    this.guideFailures.delete(appointment.id);
    this.requestUpdate();
    try {
      const name = await startGuideDownload(this.api!, token, appointment, this.locale, this.navigate);
      this.announce(this.t('guide.started', { name }));
    } catch (error) {
      this.guideFailures.set(appointment.id, this.message(error));
      this.requestUpdate();
    }
  }

  protected override willUpdate(changed: Map<string, unknown>) {
    // Another person or account: nothing of the previous one's screen may stay (choices, a booking, messages).
    const key = this.sessionKey();
    if (changed.has('portal') && key !== this.lastSessionKey) {
      if (this.lastSessionKey) {
        for (const part of [this.booking, this.proposals, this.list]) part.reset();
        this.guideFailures.clear();
        this.announcement = '';
      }
      this.lastSessionKey = key;
    }
  }

  protected override updated() {
    const target = this.pendingFocus && this.shadowRoot?.querySelector<HTMLElement>(this.pendingFocus);
    if (!target) return;
    this.pendingFocus = undefined;
    target.focus();
  }

  override render() {
    const t = this.t;
    if (!this.token()) return html`<div part="base" lang=${this.locale}><h2>${t('title')}</h2><p>${t('sign-in-first')}</p></div>`;
    const catalog = this.catalog();
    return html`<div part="base" lang=${this.locale}>
      <header>
        <h2>${t('title')}</h2>
        ${catalog ? html`<p part="time-zone" class="meta">${t('time-zone', zoneName(catalog.timeZone, this.locale))}</p>` : nothing}
      </header>
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.catalogTask.render({
        initial: () => this.loading(),
        pending: () => (catalog ? this.renderCatalog(catalog) : this.loading()),
        error: (error) => this.problem(error, () => this.reloadCatalog()),
        complete: (value) => (value ? this.renderCatalog(value) : this.loading()),
      })}
    </div>`;
  }

  private renderCatalog(catalog: AppointmentCatalog): TemplateResult {
    const t = this.t;
    return html`<section part="booking" aria-labelledby="booking-title">
        <h3 id="booking-title">${t(catalog.mode === 'request' ? 'propose.title' : 'book.title')}</h3>
        ${catalog.mode === 'self' ? this.booking.render(catalog) : catalog.mode === 'request' ? this.proposals.render(catalog) : this.renderOff(catalog)}
      </section>
      ${catalog.showAppointments && !this.list.hidden() ? this.list.render() : nothing}`;
  }

  /** The business takes no bookings online: whom to contact instead. */
  private renderOff(catalog: AppointmentCatalog): TemplateResult {
    const t = this.t;
    return html`<div part="off">
      <p>${t('off.explanation', { business: this.business() })}</p>
      ${catalog.contact ? html`<p>${t('unavailable.contact')} <strong part="contact">${catalog.contact}</strong></p>` : html`<p>${t('unavailable.contact-business', { business: this.business() })}</p>`}
    </div>`;
  }

  loading(): TemplateResult {
    return html`<div part="status" role="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  problem(error: unknown, retry?: () => void): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.message(error)}</p>
      ${retry ? html`<button class="secondary" type="button" @click=${retry}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }

  message(error: unknown): string {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `error.${code}` as Key;
    return key in messages.en ? this.t(key) : this.t('error.generic');
  }
}

define('portal-appointments', PortalAppointments);

declare global {
  interface HTMLElementTagNameMap {
    'portal-appointments': PortalAppointments;
  }
  interface GlobalEventHandlersEventMap {
    'portal-appointment-booked': CustomEvent<Appointment>;
    'portal-appointment-cancelled': CustomEvent<Appointment>;
  }
}
