import { html, nothing, type TemplateResult } from 'lit';
import { addDays, addMonths, firstDayOfWeek, formatDay, formatMonth, monthOf, monthWeeks, sameDayInMonth, weekdayNames, weekStart } from './dates.ts';
import type { AppointmentsHost } from './host.ts';

/** What the calendar shows: a month, how many free times each day has (undefined while loading), the chosen day. */
export interface CalendarView {
  month: string;
  freeTimes: Map<string, number> | undefined;
  chosen: string;
}

/** What the calendar asks of the booking: the months it may show, and what to do with a choice. */
export interface CalendarActions {
  /** The first and last month that may be shown (`YYYY-MM`). */
  bounds(): { first: string; last: string };
  showMonth(month: string): void;
  chooseDay(date: string): void;
}

const DAY_MOVES: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/**
 * A month of days as an ARIA grid (the date picker pattern): one day is in the tab order (roving tabindex); arrows
 * move by a day and a week, Home and End to the week's ends, PageUp and PageDown by a month (with Shift, a year),
 * Enter and Space choose. Days without free times are `aria-disabled`; the chosen day is `aria-selected`. A live
 * region reads out the month and how many days have free times when either changes.
 */
export class CalendarPart {
  /** The day that holds the tab stop; '' until the client moves it. */
  private focused = '';

  constructor(
    private readonly host: AppointmentsHost,
    private readonly actions: CalendarActions,
  ) {}

  /** Back to the month's natural tab stop. */
  reset() {
    this.focused = '';
  }

  render(view: CalendarView): TemplateResult {
    const { t, locale } = this.host;
    const firstDay = firstDayOfWeek(locale);
    const { first, last } = this.actions.bounds();
    const tabStop = this.tabStop(view);
    const monthName = formatMonth(view.month, locale);
    return html`<div part="calendar">
      <div class="month-bar">
        <button part="month-button" class="secondary" type="button" data-move="-1" ?disabled=${view.month <= first} @click=${() => this.actions.showMonth(addMonths(view.month, -1))}>
          <span aria-hidden="true">‹</span><span class="visually-hidden">${t('calendar.previous')}</span>
        </button>
        <h4 id="month-title" part="month">${monthName}</h4>
        <button part="month-button" class="secondary" type="button" data-move="1" ?disabled=${view.month >= last} @click=${() => this.actions.showMonth(addMonths(view.month, 1))}>
          <span aria-hidden="true">›</span><span class="visually-hidden">${t('calendar.next')}</span>
        </button>
      </div>
      <table part="grid" role="grid" aria-labelledby="month-title" aria-busy=${view.freeTimes ? 'false' : 'true'} @keydown=${this.handleKey} @click=${this.handleClick}>
        <thead>
          <tr>${weekdayNames(locale, firstDay).map((name) => html`<th scope="col" abbr=${name.long}><span aria-hidden="true">${name.short}</span><span class="visually-hidden">${name.long}</span></th>`)}</tr>
        </thead>
        <tbody>
          ${monthWeeks(view.month, firstDay).map((week) => html`<tr>${week.map((date) => (date ? this.renderDay(date, view, tabStop) : html`<td role="gridcell"></td>`))}</tr>`)}
        </tbody>
      </table>
      <p class="visually-hidden" role="status" aria-live="polite">${view.freeTimes ? `${monthName}: ${this.summary(view.freeTimes)}` : ''}</p>
    </div>`;
  }

  private renderDay(date: string, view: CalendarView, tabStop: string): TemplateResult {
    const { t, locale } = this.host;
    const free = view.freeTimes?.get(date) ?? 0;
    const today = date === this.host.today();
    const availability = !view.freeTimes ? t('loading') : free ? t(free === 1 ? 'calendar.free.one' : 'calendar.free.other', { count: free }) : t('calendar.none');
    return html`<td
      role="gridcell"
      data-date=${date}
      data-free=${free ? 'true' : 'false'}
      tabindex=${date === tabStop ? 0 : -1}
      aria-selected=${date === view.chosen ? 'true' : 'false'}
      aria-disabled=${free ? 'false' : 'true'}
      aria-current=${today ? 'date' : nothing}
      @focus=${() => (this.focused = date)}
    >
      <span class="number" aria-hidden="true">${Number(date.slice(8))}</span>
      <span class="visually-hidden">${formatDay(date, locale, 'long')}${today ? `, ${t('calendar.today')}` : ''}: ${availability}</span>
    </td>`;
  }

  /** "12 days with free times", or none. */
  private summary(freeTimes: Map<string, number>): string {
    const days = [...freeTimes.values()].filter(Boolean).length;
    return days ? this.host.t(days === 1 ? 'calendar.days.one' : 'calendar.days.other', { count: days }) : this.host.t('calendar.days.none');
  }

  /** The day in the tab order: the one moved to, else the chosen day, the first with free times, today, the 1st. */
  private tabStop(view: CalendarView): string {
    const inMonth = (date: string) => Boolean(date) && monthOf(date) === view.month;
    if (inMonth(this.focused)) return this.focused;
    if (inMonth(view.chosen)) return view.chosen;
    const firstFree = [...(view.freeTimes ?? [])].find(([date, count]) => count > 0 && inMonth(date))?.[0];
    return firstFree ?? (inMonth(this.host.today()) ? this.host.today() : `${view.month}-01`);
  }

  private target(date: string, event: KeyboardEvent): string | undefined {
    const firstDay = firstDayOfWeek(this.host.locale);
    if (event.key in DAY_MOVES) return addDays(date, DAY_MOVES[event.key]!);
    if (event.key === 'Home') return weekStart(date, firstDay);
    if (event.key === 'End') return addDays(weekStart(date, firstDay), 6);
    if (event.key === 'PageUp' || event.key === 'PageDown') return sameDayInMonth(date, (event.key === 'PageUp' ? -1 : 1) * (event.shiftKey ? 12 : 1));
    return undefined;
  }

  private handleKey = (event: KeyboardEvent) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-date]');
    if (!cell) return;
    const date = cell.dataset.date!;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (cell.dataset.free === 'true') this.actions.chooseDay(date);
      return;
    }
    const target = this.target(date, event);
    if (!target) return;
    event.preventDefault();
    const { first, last } = this.actions.bounds();
    if (monthOf(target) < first || monthOf(target) > last) return;
    this.moveTo(target);
  };

  private handleClick = (event: Event) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('td[data-date]');
    if (!cell) return;
    this.focused = cell.dataset.date!;
    if (cell.dataset.free === 'true') this.actions.chooseDay(this.focused);
    else this.host.requestUpdate();
  };

  /** Moves the tab stop and the focus to `date`, showing its month first if it is another. */
  private moveTo(date: string) {
    const current = this.host.shadowRoot?.querySelector<HTMLElement>('td[data-date][tabindex="0"]')?.dataset.date;
    this.focused = date;
    if (current && monthOf(current) !== monthOf(date)) this.actions.showMonth(monthOf(date));
    this.host.requestUpdate();
    this.host.focusAfterUpdate(`td[data-date="${date}"]`);
  }
}
