import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import type { ProposalItem, Slot } from './appointments-client.ts';
import { appointmentsStyles } from './admin-appointments.styles.ts';
import { AppointmentsPanel } from './panel-base.ts';
import { renderConfirmForm, renderRefuseForm, type ConfirmDraft, type RequestFormErrors, type RequestFormsView } from './request-forms.ts';
import { dateOf, dateTime, instantAt, timeOf } from './zoned-dates.ts';

/** "Another time", as the confirm form's choice of time. */
export const OTHER_TIME = 'other';

/**
 * The clients' requests for an appointment (request mode): the service, the provider asked for, the proposed
 * times and the note. With `appointments:write`: confirm one of the times (or another) with a provider and an
 * optional message — the booking is made and the client told — or refuse with a reason the client reads.
 * @summary Requests for appointments, to confirm or refuse.
 * @csspart list - the pending requests; each an `item`.
 * @csspart times - a request's proposed times.
 * @csspart answer - the "confirm a time" and "refuse" buttons.
 * @csspart confirm-form - the confirm form; `refuse-form` the refusal.
 * @csspart free-slots - the free times offered after `slot_taken`.
 * @csspart empty - the message when no request waits.
 */
export class AdminAppointmentRequests extends AppointmentsPanel implements RequestFormsView {
  static override styles = [baseStyles, panelStyles, cardListStyles, appointmentsStyles];

  @state() private items: ProposalItem[] = [];
  @state() answering?: { id: string; mode: 'confirm' | 'refuse' };
  @state() draft: ConfirmDraft = { choice: '', date: '', time: '', providerKey: '', message: '' };
  @state() reason = '';
  @state() errors: RequestFormErrors = {};
  @state() freeSlots: Slot[] = [];
  @state() saving = false;

  private readonly list = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      this.items = await client.proposals('pending', signal);
      return this.items;
    },
    args: () => [this.client] as const,
  });

  override get t() {
    return super.t;
  }

  override render() {
    const pending = this.list.status === TaskStatus.INITIAL || this.list.status === TaskStatus.PENDING;
    return html`<div class="panel-body">
      <h3 id="requests-title" tabindex="-1">${this.t('requests.title')}</h3>
      <p class="hint">${this.t('requests.intro')}</p>
      ${this.renderAnnouncement()}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error, () => void this.list.run()),
          complete: () => this.renderList(),
        })}
      </div>
    </div>`;
  }

  private renderList(): TemplateResult {
    if (!this.items.length) return html`<p part="empty">${this.t('requests.empty')}</p>`;
    return html`<ul part="list" aria-labelledby="requests-title">${repeat(this.items, (item) => item.id, (item) => this.renderRequest(item))}</ul>`;
  }

  private renderRequest(item: ProposalItem): TemplateResult {
    const t = this.t;
    const answering = this.answering?.id === item.id ? this.answering.mode : undefined;
    return html`<li part="item" data-id=${item.id}>
      <div class="item-head">
        <h4 id="request-${item.id}" tabindex="-1">${item.service.name}</h4>
        <span part="badge" class="state">${t('status.pending')}</span>
      </div>
      <dl>
        <div><dt>${t('request.provider')}</dt><dd>${item.provider?.name ?? t('request.any-provider')}</dd></div>
        <div><dt>${t('request.asked')}</dt><dd><time datetime=${item.createdAt}>${dateTime(item.createdAt, this.zone, this.locale)}</time></dd></div>
      </dl>
      <p id="times-${item.id}" class="label">${t('request.times')}</p>
      <ul part="times" aria-labelledby="times-${item.id}">
        ${item.times.map((time) => html`<li><time datetime=${time}>${dateTime(time, this.zone, this.locale)}</time>${this.isPast(time) ? html` <span class="hint">${t('request.past')}</span>` : nothing}</li>`)}
      </ul>
      ${item.note ? html`<p class="note"><span class="label">${t('request.note')}</span> ${item.note}</p>` : nothing}
      ${answering === 'confirm' ? renderConfirmForm(this, item) : answering === 'refuse' ? renderRefuseForm(this, item) : this.renderAnswerButtons(item)}
    </li>`;
  }

  private renderAnswerButtons(item: ProposalItem): TemplateResult | typeof nothing {
    if (!this.mayWrite) return nothing;
    const t = this.t;
    return html`<div part="answer" class="actions">
      <button class="primary" type="button" data-action="confirm" aria-label=${t('request.confirm.label', { service: item.service.name })} @click=${() => this.open(item, 'confirm')}>${t('request.confirm')}</button>
      <button class="secondary" type="button" data-action="refuse" aria-label=${t('request.refuse.label', { service: item.service.name })} @click=${() => this.open(item, 'refuse')}>${t('request.refuse')}</button>
    </div>`;
  }

  isPast(time: string): boolean {
    return Date.parse(time) <= Date.now();
  }

  /** The active providers that offer `serviceKey`. */
  providersFor(serviceKey: string) {
    return this.lookups.providers.filter((provider) => provider.active && provider.services.includes(serviceKey));
  }

  zoneTime(instant: string): string {
    return dateTime(instant, this.zone, this.locale);
  }

  private open(item: ProposalItem, mode: 'confirm' | 'refuse') {
    const offering = this.providersFor(item.service.key);
    const providerKey = item.providerKey ?? (offering.length === 1 ? offering[0]!.key : '');
    const choice = item.times.find((time) => !this.isPast(time)) ?? OTHER_TIME;
    this.draft = { choice, date: '', time: '', providerKey, message: '' };
    this.reason = '';
    this.errors = {};
    this.freeSlots = [];
    this.answering = { id: item.id, mode };
    this.focusLater(mode === 'confirm' ? `#confirm-title-${CSS.escape(item.id)}` : `#refuse-reason-${CSS.escape(item.id)}`);
  }

  handleClose = (item: ProposalItem) => {
    const mode = this.answering?.mode ?? 'confirm';
    this.answering = undefined;
    this.focusLater(`[data-id="${CSS.escape(item.id)}"] [data-action=${mode}]`);
  };

  handleDraft = (event: Event) => {
    const field = event.target as HTMLInputElement;
    this.draft = { ...this.draft, [field.name]: field.value };
  };

  handleReason = (event: Event) => {
    this.reason = (event.target as HTMLTextAreaElement).value;
  };

  /** A free time offered after `slot_taken`: chosen as "another time". */
  handleFreeSlot = (slot: Slot) => {
    this.draft = { ...this.draft, choice: OTHER_TIME, date: dateOf(slot.start, this.zone), time: timeOf(slot.start, this.zone) };
    this.freeSlots = [];
    this.errors = {};
    this.focusLater('#confirm-other-time');
  };

  handleConfirm = async (event: SubmitEvent, item: ProposalItem) => {
    event.preventDefault();
    if (this.saving || !this.client) return;
    const t = this.t;
    const { choice, date, time, providerKey, message } = this.draft;
    const other = choice === OTHER_TIME;
    const errors: RequestFormErrors = {
      time: other && (!date || !time) ? t('confirm.time.missing') : undefined,
      providerKey: providerKey ? undefined : t('confirm.provider.missing'),
    };
    this.errors = errors;
    if (errors.time || errors.providerKey) return this.focusLater(errors.time ? '#confirm-other-date' : '#confirm-provider');
    const start = other ? instantAt(date, time, this.zone) : choice;
    this.saving = true;
    this.freeSlots = [];
    try {
      const confirmed = await this.client.confirmProposal(item.id, { start, providerKey, ...(message.trim() ? { message: message.trim() } : {}) });
      this.finish(item, t('confirm.done', { service: item.service.name, when: this.zoneTime(confirmed.start) }));
    } catch (error) {
      this.errors = this.confirmProblem(error);
      if (error instanceof ApiError && error.code === 'slot_taken') this.freeSlots = (error.problem?.slots as Slot[] | undefined) ?? [];
      if (error instanceof ApiError && error.code === 'proposal_answered') void this.list.run();
    } finally {
      this.saving = false;
    }
  };

  handleRefuse = async (event: SubmitEvent, item: ProposalItem) => {
    event.preventDefault();
    if (this.saving || !this.client) return;
    const reason = this.reason.trim();
    this.errors = { reason: reason ? undefined : this.t('refuse.reason.missing') };
    if (!reason) return this.focusLater(`#refuse-reason-${CSS.escape(item.id)}`);
    this.saving = true;
    try {
      await this.client.refuseProposal(item.id, reason);
      this.finish(item, this.t('refuse.done', { service: item.service.name }));
    } catch (error) {
      this.errors = { reason: this.fieldProblem(error, 'reason'), form: this.problemText(error) };
    } finally {
      this.saving = false;
    }
  };

  private confirmProblem(error: unknown): RequestFormErrors {
    return {
      time: this.fieldProblem(error, 'start'),
      providerKey: this.fieldProblem(error, 'providerKey'),
      form: this.problemText(error),
    };
  }

  /** A request answered: off the list, said aloud, focus back on the list's heading. */
  private finish(item: ProposalItem, announcement: string) {
    this.items = this.items.filter((other) => other.id !== item.id);
    this.answering = undefined;
    this.announcement = announcement;
    this.focusLater('#requests-title');
  }
}

define('admin-appointment-requests', AdminAppointmentRequests);

declare global {
  interface HTMLElementTagNameMap {
    'admin-appointment-requests': AdminAppointmentRequests;
  }
}
