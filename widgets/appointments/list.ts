import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError, type Appointment, type Page } from '../core/api-client.ts';
import { CancelDialog } from './cancel-dialog.ts';
import { formatSpan } from './dates.ts';
import type { AppointmentsHost } from './host.ts';

type When = 'upcoming' | 'past';
const WHENS: When[] = ['upcoming', 'past'];
/** How many appointments a page holds. */
export const PAGE_SIZE = 10;

/**
 * The client's appointments (S2): upcoming and past tabs; each with its time in the business's zone, service,
 * provider and status, its authorization guide (S4), and cancelling within the deadline (S3) — or why not. Older
 * pages with "Show more". Hidden altogether where the business does not show appointments.
 */
export class AppointmentList {
  private when: When = 'upcoming';
  /** Pages loaded by "show more" after the first. */
  private older?: Page<Appointment>;
  private loadingMore = false;
  private moreError = '';
  /** Bumped to load the list again (after a booking or a cancellation). */
  private version = 0;
  /** Why cancelling one failed, by id (the deadline passed: until when, and whom to call). */
  private readonly failures = new Map<string, string>();
  /** Appointments the server said can no longer be cancelled, though the list loaded said they could. */
  private readonly closed = new Set<string>();
  private readonly dialog: CancelDialog;
  readonly task: Task<readonly unknown[], Page<Appointment> | undefined>;

  constructor(private readonly host: AppointmentsHost) {
    this.dialog = new CancelDialog(host, {
      cancelled: (appointment) => this.cancelled(appointment),
      closed: (appointment, error) => this.closedNow(appointment, error),
    });
    this.task = new Task(host, {
      task: async ([key, when, , locale], { signal }) => {
        Object.assign(this, { older: undefined, moreError: '' });
        if (!key) return undefined;
        return host.api!.listAppointments(host.token()!, { when: when as When, limit: PAGE_SIZE, locale: locale as string }, signal);
      },
      args: () => [host.sessionKey(), this.when, this.version, host.locale] as const,
    });
  }

  /** Whether the business hides the list (S2): the server said so. */
  hidden(): boolean {
    return this.task.error instanceof ApiError && this.task.error.code === 'appointments_hidden';
  }

  reset() {
    Object.assign(this, { when: 'upcoming', moreError: '' });
    this.failures.clear();
    this.closed.clear();
    this.dialog.close();
  }

  /** A booking was made elsewhere in the widget: the list loads again. */
  reload() {
    this.version++;
  }

  render(): TemplateResult {
    const { t } = this.host;
    return html`<section part="appointments" aria-labelledby="appointments-title">
      <h3 id="appointments-title" tabindex="-1">${t('list.title')}</h3>
      <div part="tabs" role="tablist" aria-label=${t('list.title')} @keydown=${this.handleTabKey}>
        ${WHENS.map(
          (when) => html`<button part="tab" role="tab" type="button" id="tab-${when}" aria-controls="panel-${when}" aria-selected=${this.when === when ? 'true' : 'false'}
            tabindex=${this.when === when ? 0 : -1} @click=${() => this.select(when)}>${t(`list.${when}`)}</button>`,
        )}
      </div>
      ${WHENS.map(
        (when) => html`<div part="panel" role="tabpanel" id="panel-${when}" aria-labelledby="tab-${when}" ?hidden=${this.when !== when}>
          ${this.when === when
            ? this.task.render({
                initial: () => this.host.loading(),
                pending: () => this.host.loading(),
                error: (error) => this.host.problem(error, () => void this.task.run()),
                complete: (page) => (page ? this.renderPage(page) : this.host.loading()),
              })
            : nothing}
        </div>`,
      )}
      ${this.dialog.render()}
    </section>`;
  }

  private renderPage(page: Page<Appointment>): TemplateResult {
    const { t } = this.host;
    const items = [...page.items, ...(this.older?.items ?? [])];
    if (!items.length) return html`<p part="empty">${t(this.when === 'upcoming' ? 'list.empty.upcoming' : 'list.empty.past')}</p>`;
    const next = this.older ? this.older.next : page.next;
    return html`<ul part="list">${repeat(items, (a) => a.id, (a) => this.renderItem(a))}</ul>
      ${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
      ${next
        ? html`<div class="actions">
            <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${() => this.loadMore(page, next)}>${t('list.more')}</button>
          </div>`
        : nothing}`;
  }

  private renderItem(appointment: Appointment): TemplateResult {
    const { t, locale } = this.host;
    const cancelled = appointment.status === 'cancelled';
    const cancellable = appointment.cancellable && !this.closed.has(appointment.id);
    const failure = this.failures.get(appointment.id);
    const guideFailure = this.host.guideFailure(appointment.id);
    return html`<li part="appointment" data-status=${appointment.status} data-id=${appointment.id} tabindex="-1">
      <h4 part="service">${appointment.service.name}</h4>
      <p class="meta">
        <time part="when" datetime=${appointment.start}>${formatSpan(appointment.start, appointment.end, this.host.timeZone(), locale)}</time>
        <span part="provider">${appointment.provider.name}</span>
        ${appointment.attendee ? html`<span part="attendee">${t('attendee.for', { name: appointment.attendee })}</span>` : nothing}
        <span part="badge" data-status=${appointment.status}><span aria-hidden="true">${cancelled ? '×' : '✓'}</span> ${t(cancelled ? 'status.cancelled' : 'status.booked')}</span>
      </p>
      ${this.host.reachesSeveralAccounts() ? html`<p class="meta">${appointment.accountName}</p>` : nothing}
      ${this.cancelLine(appointment, cancellable)}
      ${appointment.guide || cancellable
        ? html`<div class="actions">
            ${appointment.guide
              ? html`<button part="guide" class="secondary" type="button" @click=${() => this.host.downloadGuide(appointment)}>
                  ${t('guide.download')}<span class="visually-hidden">: ${appointment.service.name}</span>
                </button>`
              : nothing}
            ${cancellable
              ? html`<button part="cancel" class="secondary" type="button" @click=${() => this.dialog.open(appointment)}>
                  ${t('cancel.button')}<span class="visually-hidden">: ${appointment.service.name}, ${this.host.instant(appointment.start)}</span>
                </button>`
              : nothing}
          </div>`
        : nothing}
      ${failure ? html`<p part="error" tabindex="-1" class="cancel-failure">${failure}</p>` : nothing}
      ${guideFailure ? html`<p part="error" role="alert">${guideFailure}</p>` : nothing}
    </li>`;
  }

  /** Until when cancelling online is possible, when it closed and whom to call, or when it was cancelled. */
  private cancelLine(appointment: Appointment, cancellable: boolean): TemplateResult | typeof nothing {
    const { t } = this.host;
    if (appointment.status === 'cancelled') return appointment.cancelledAt ? html`<p class="meta">${t('cancel.done-at', { when: this.host.instant(appointment.cancelledAt) })}</p>` : nothing;
    if (this.when === 'past' || this.failures.has(appointment.id)) return nothing;
    if (!appointment.cancelUntil) return html`<p part="deadline" class="meta">${t('cancel.not-online', { contact: this.host.contact() })}</p>`;
    const when = this.host.instant(appointment.cancelUntil);
    return cancellable
      ? html`<p part="deadline" class="meta">${t('cancel.until', { when })}</p>`
      : html`<p part="deadline" class="meta" data-closed="true">${t('cancel.closed-at', { when, contact: this.host.contact() })}</p>`;
  }

  private select(when: When, focus = false) {
    this.when = when;
    this.host.requestUpdate();
    if (focus) this.host.focusAfterUpdate(`#tab-${when}`);
  }

  private handleTabKey = (event: KeyboardEvent) => {
    const index = WHENS.indexOf(this.when);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: WHENS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.select(WHENS[(next + WHENS.length) % WHENS.length]!, true);
  };

  private async loadMore(page: Page<Appointment>, cursor: string) {
    const token = this.host.token();
    if (!token || this.loadingMore) return;
    const shown = page.items.length + (this.older?.items.length ?? 0);
    const version = this.version;
    Object.assign(this, { loadingMore: true, moreError: '' });
    this.host.requestUpdate();
    try {
      const more = await this.host.api!.listAppointments(token, { when: this.when, before: cursor, limit: PAGE_SIZE, locale: this.host.locale });
      if (version !== this.version) return;
      this.older = { items: [...(this.older?.items ?? []), ...more.items], next: more.next };
      // Focus goes on to the first appointment just shown, so keyboard and screen reader users continue from there.
      this.host.focusAfterUpdate(`[part~=appointment]:nth-child(${shown + 1})`);
    } catch (error) {
      this.moreError = this.host.message(error);
    } finally {
      this.loadingMore = false;
      this.host.requestUpdate();
    }
  }

  private cancelled(appointment: Appointment) {
    this.host.announce(this.host.t('cancel.notice', { what: this.host.serviceName(appointment.service), when: this.host.instant(appointment.start) }));
    this.host.appointmentChanged(appointment, 'cancelled');
    // The button pressed goes away with the reloaded list: the list's heading is where the client goes on.
    this.host.focusAfterUpdate('#appointments-title');
  }

  private closedNow(appointment: Appointment, error: ApiError) {
    const until = error.problem?.cancelUntil as string | null | undefined;
    const contact = (error.problem?.contact as string | null | undefined) || this.host.contact();
    const message = until ? this.host.t('cancel.closed-problem', { when: this.host.instant(until), contact }) : this.host.t('cancel.not-online', { contact });
    this.failures.set(appointment.id, message);
    this.closed.add(appointment.id);
    this.host.requestUpdate();
    // The Cancel button is gone: focus goes to why, which reads it out.
    this.host.focusAfterUpdate(`[data-id="${appointment.id}"] .cancel-failure`);
  }
}
