import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import type { ClosedPeriod, NewClosedPeriod } from './appointments-client.ts';
import { appointmentsStyles } from './admin-appointments.styles.ts';
import { renderClosureForm, type ClosureDraft, type ClosureErrors, type ClosureFormView } from './closure-form.ts';
import { AppointmentsPanel } from './panel-base.ts';
import { addDays, dayRange, instantAt, instantRange, longDay, todayIn, wholeDays } from './zoned-dates.ts';

/** How far ahead the list looks at first, in days. */
export const CLOSURES_AHEAD_DAYS = 180;

/**
 * Closed periods: holidays (a whole day, the whole business) and a provider's blocked time, between two dates. With
 * `appointments:write`: add either kind, or delete one after a confirmation. No slot is offered inside them.
 * @summary Holidays and blocked time.
 * @csspart dates - the dates the list covers (from, until, "show").
 * @csspart add - the "add closed period" button; `closure-form` its form.
 * @csspart list - the closed periods; each an `item`.
 * @csspart delete - a period's delete button; `confirm`, `confirm-delete` and `keep` its confirm step.
 * @csspart empty - the message when the dates hold no closed period.
 */
export class AdminAppointmentClosures extends AppointmentsPanel implements ClosureFormView {
  static override styles = [baseStyles, panelStyles, cardListStyles, appointmentsStyles];

  /** The dates the list covers (applied with "Show"). */
  @state() private range = { from: '', to: '' };
  @state() private rangeDraft = { from: '', to: '' };
  @state() private items: ClosedPeriod[] = [];
  @state() private adding = false;
  @state() draft: ClosureDraft = emptyDraft('');
  @state() errors: ClosureErrors = {};
  @state() saving = false;
  @state() private confirming?: string;
  @state() private deleting?: string;
  @state() private rowError?: { id: string; message: string };

  private readonly list = new Task(this, {
    task: async ([client, from, to], { signal }) => {
      if (!client || !from) return undefined;
      this.items = await client.closedPeriods(from, to, signal);
      this.confirming = undefined;
      return this.items;
    },
    args: () => [this.client, this.range.from, this.range.to] as const,
  });

  override get t() {
    return super.t;
  }

  override willUpdate() {
    if (!this.range.from) {
      const today = todayIn(this.zone);
      this.range = { from: today, to: addDays(today, CLOSURES_AHEAD_DAYS) };
      this.rangeDraft = this.range;
    }
  }

  override render() {
    const t = this.t;
    const pending = this.list.status === TaskStatus.INITIAL || this.list.status === TaskStatus.PENDING;
    return html`<div class="panel-body">
      <h3 id="closures-title" tabindex="-1">${t('closures.title')}</h3>
      <p class="hint">${t('closures.intro')}</p>
      ${this.renderAnnouncement()}
      ${this.mayWrite ? (this.adding ? renderClosureForm(this) : this.renderAddButton()) : nothing}
      <form part="dates" class="range" aria-label=${t('closures.range')} @submit=${this.handleRange}>
        <label>${t('closures.from')}<input type="date" name="from" required .value=${this.rangeDraft.from} @change=${this.handleRangeInput} /></label>
        <label>${t('closures.to')}<input type="date" name="to" required .value=${this.rangeDraft.to} @change=${this.handleRangeInput} /></label>
        <div class="actions"><button class="secondary" type="submit">${t('closures.show')}</button></div>
      </form>
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

  private renderAddButton(): TemplateResult {
    return html`<div class="actions"><button part="add" class="primary" type="button" @click=${this.handleOpen}>${this.t('closures.add')}</button></div>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    if (!this.items.length) return html`<p part="empty">${t('closures.empty', { range: dayRange(this.range.from, this.range.to, this.locale) })}</p>`;
    return html`<ul part="list" aria-label=${t('closures.list', { range: dayRange(this.range.from, this.range.to, this.locale) })}>
      ${repeat(this.items, (item) => item.id, (item) => this.renderItem(item))}
    </ul>`;
  }

  /** A period in words: "Tuesday, 21 April 2026 (all day)", "24 – 26 Dec 2026 (whole days)", or two instants. */
  period(item: { from: string; to: string }): string {
    const days = wholeDays(item.from, item.to, this.zone);
    if (!days) return instantRange(item.from, item.to, this.zone, this.locale);
    return days.first === days.last ? this.t('closures.all-day', { day: longDay(days.first, this.locale) }) : this.t('closures.whole-days', { days: dayRange(days.first, days.last, this.locale) });
  }

  private renderItem(item: ClosedPeriod): TemplateResult {
    const t = this.t;
    const period = this.period(item);
    return html`<li part="item" data-id=${item.id}>
      <div class="item-head">
        <h4 id="period-${item.id}" tabindex="-1">${period}</h4>
        <span part="badge" class="state">${item.providerKey ? t('closures.kind.provider') : t('closures.kind.holiday')}</span>
      </div>
      <dl>
        <div><dt>${t('closures.who')}</dt><dd>${item.providerKey ? this.providerName(item.providerKey) : t('closures.everyone')}</dd></div>
        <div><dt>${t('closures.reason')}</dt><dd>${item.reason ?? t('closures.no-reason')}</dd></div>
      </dl>
      ${this.mayWrite ? this.renderDelete(item, period) : nothing}
    </li>`;
  }

  private renderDelete(item: ClosedPeriod, period: string): TemplateResult {
    const t = this.t;
    const error = this.rowError?.id === item.id ? html`<div part="error" role="alert"><p>${this.rowError.message}</p></div>` : nothing;
    if (this.confirming !== item.id) {
      return html`${error}<div class="actions">
          <button part="delete" class="secondary danger" type="button" aria-label=${t('closures.delete.label', { period })} @click=${() => this.askDelete(item)}>${t('closures.delete')}</button>
        </div>`;
    }
    const busy = this.deleting === item.id;
    return html`<div part="confirm" role="group" aria-labelledby="confirm-${item.id}">
      <p id="confirm-${item.id}">${t('closures.delete.question', { period })}</p>
      ${error}
      <div class="actions">
        <button part="confirm-delete" class="primary danger" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => this.delete(item, period)}>
          ${busy ? t('closures.delete.working') : t('closures.delete.confirm')}
        </button>
        <button part="keep" class="secondary" type="button" @click=${() => this.keep(item)}>${t('closures.keep')}</button>
      </div>
    </div>`;
  }

  private askDelete(item: ClosedPeriod) {
    this.confirming = item.id;
    this.rowError = undefined;
    this.focusLater(`[data-id="${CSS.escape(item.id)}"] [part~=keep]`);
  }

  private keep(item: ClosedPeriod) {
    this.confirming = undefined;
    this.focusLater(`[data-id="${CSS.escape(item.id)}"] [part~=delete]`);
  }

  private async delete(item: ClosedPeriod, period: string) {
    if (this.deleting || !this.client) return;
    this.deleting = item.id;
    this.rowError = undefined;
    try {
      await this.client.deleteClosedPeriod(item.id);
      this.items = this.items.filter((other) => other.id !== item.id);
      this.confirming = undefined;
      this.announcement = this.t('closures.deleted', { period });
      this.focusLater('#closures-title');
    } catch (error) {
      this.rowError = { id: item.id, message: this.problemText(error) };
    } finally {
      this.deleting = undefined;
    }
  }

  private handleRangeInput = (event: Event) => {
    const field = event.target as HTMLInputElement;
    this.rangeDraft = { ...this.rangeDraft, [field.name]: field.value };
  };

  private handleRange = (event: SubmitEvent) => {
    event.preventDefault();
    const { from, to } = this.rangeDraft;
    if (!from || !to) return;
    this.range = from <= to ? { from, to } : { from: to, to: from };
    this.rangeDraft = this.range;
  };

  private handleOpen = () => {
    this.draft = emptyDraft(todayIn(this.zone));
    this.errors = {};
    this.adding = true;
    this.focusLater('#closure-form-title');
  };

  handleCloseForm = () => {
    this.adding = false;
    this.focusLater('[part~=add]');
  };

  handleDraft = (event: Event) => {
    const field = event.target as HTMLInputElement;
    this.draft = { ...this.draft, [field.name]: field.value };
  };

  handleAdd = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.saving || !this.client) return;
    const errors = this.check();
    this.errors = errors;
    const first = (['date', 'providerKey', 'from', 'to'] as const).find((field) => errors[field]);
    if (first) return this.focusLater(`#closure-${first}`);
    const { kind, date, providerKey, fromDate, fromTime, toDate, toTime } = this.draft;
    const reason = this.draft.reason.trim();
    const input: NewClosedPeriod =
      kind === 'holiday'
        ? { providerKey: null, date, ...(reason ? { reason } : {}) }
        : { providerKey, from: instantAt(fromDate, fromTime, this.zone), to: instantAt(toDate, toTime, this.zone), ...(reason ? { reason } : {}) };
    this.saving = true;
    try {
      const created = await this.client.addClosedPeriod(input);
      this.items = [...this.items, created].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
      this.adding = false;
      this.announcement = this.t('closures.added', { period: this.period(created) });
      this.focusLater(`#period-${CSS.escape(created.id)}`);
    } catch (error) {
      const on = (path: string) => this.fieldProblem(error, path);
      this.errors = { date: on('date'), providerKey: on('providerKey'), from: on('from'), to: on('to'), reason: on('reason'), form: this.problemText(error) };
    } finally {
      this.saving = false;
    }
  };

  /** What the form lacks before anything is sent. */
  private check(): ClosureErrors {
    const t = this.t;
    const { kind, date, providerKey, fromDate, fromTime, toDate, toTime } = this.draft;
    if (kind === 'holiday') return { date: date ? undefined : t('closures.error.date') };
    const from = fromDate && fromTime ? instantAt(fromDate, fromTime, this.zone) : '';
    const to = toDate && toTime ? instantAt(toDate, toTime, this.zone) : '';
    return {
      providerKey: providerKey ? undefined : t('closures.error.provider'),
      from: from ? undefined : t('closures.error.from'),
      to: !to ? t('closures.error.to') : from && Date.parse(to) <= Date.parse(from) ? t('closures.error.order') : undefined,
    };
  }
}

function emptyDraft(today: string): ClosureDraft {
  return { kind: 'holiday', date: today, providerKey: '', fromDate: today, fromTime: '08:00', toDate: today, toTime: '18:00', reason: '' };
}

define('admin-appointment-closures', AdminAppointmentClosures);

declare global {
  interface HTMLElementTagNameMap {
    'admin-appointment-closures': AdminAppointmentClosures;
  }
}
