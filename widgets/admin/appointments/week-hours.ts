import { html, nothing, type TemplateResult } from 'lit';
import type { Locale, Translate } from '../../core/i18n.ts';
import type { RuleItem } from './appointments-client.ts';
import type { AppointmentsKey } from './messages.ts';

/** ISO weekdays, Monday first. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** A weekday's name: 1 → "Monday". */
export function weekdayName(weekday: number, locale: Locale): string {
  // 1 January 2024 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, weekday)));
}

/** A wall-clock time (`HH:MM`) as the language writes it; the end of the day stays "24:00". */
export function wallTime(time: string, locale: Locale): string {
  if (time === '24:00') return time;
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', timeStyle: 'short' }).format(new Date(`1970-01-01T${time}:00Z`));
}

function calendarDate(date: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', dateStyle: 'medium' }).format(new Date(`${date}T00:00:00Z`));
}

/** When a rule only holds for a while: "from 1 May 2026 until 30 Jun 2026". */
export function validity(rule: RuleItem, t: Translate<AppointmentsKey>, locale: Locale): string {
  const from = rule.validFrom ? calendarDate(rule.validFrom, locale) : '';
  const until = rule.validUntil ? calendarDate(rule.validUntil, locale) : '';
  if (from && until) return t('hours.valid.between', { from, until });
  if (from) return t('hours.valid.from', { from });
  if (until) return t('hours.valid.until', { until });
  return '';
}

/** A provider's week, read-only: each day with its openings ("08:00–12:00, 14:00–18:00") or "Closed". */
export function renderWeek(rules: RuleItem[], t: Translate<AppointmentsKey>, locale: Locale, label: string): TemplateResult {
  return html`<dl part="week" aria-label=${label}>
    ${WEEKDAYS.map((weekday) => {
      const day = rules.filter((rule) => rule.weekday === weekday).sort((a, b) => a.start.localeCompare(b.start));
      return html`<div data-weekday=${weekday} class=${day.length ? '' : 'closed'}>
        <dt>${weekdayName(weekday, locale)}</dt>
        <dd>
          ${day.length
            ? day.map((rule, index) => {
                const note = validity(rule, t, locale);
                return html`${index ? ', ' : ''}${wallTime(rule.start, locale)}–${wallTime(rule.end, locale)}${note ? html` <span class="hint">(${note})</span>` : nothing}`;
              })
            : t('hours.closed')}
        </dd>
      </div>`;
    })}
  </dl>`;
}

/** A weekly opening being edited; `uid` keeps its inputs apart while rows come and go. */
export interface DraftRule extends RuleItem {
  uid: number;
}

/** What the week editor uses of the hours tab. */
export interface WeekEditorView {
  readonly t: Translate<AppointmentsKey>;
  readonly locale: Locale;
  readonly drafts: DraftRule[];
  readonly draftErrors: ReadonlyMap<number, string>;
  readonly editError?: string;
  readonly saving: boolean;
  handleRuleInput(uid: number, field: 'start' | 'end', value: string): void;
  handleAddRule(weekday: number): void;
  handleRemoveRule(uid: number): void;
  handleSaveHours(event: SubmitEvent): void;
  handleCancelHours(): void;
}

/** An end of 00:00 is midnight, the end of the day (time inputs cannot hold 24:00). */
export const endOfDay = (end: string) => (end === '00:00' ? '24:00' : end);

/** The editor: each weekday a group of openings (from, until, remove) and "add hours"; save or cancel. */
export function renderWeekEditor(view: WeekEditorView, provider: { key: string; name: string }): TemplateResult {
  const { t, locale } = view;
  return html`<form part="hours-form" novalidate aria-labelledby="hours-form-title" @submit=${view.handleSaveHours}>
    <h5 id="hours-form-title" tabindex="-1">${t('hours.edit.title', { name: provider.name })}</h5>
    <p class="hint">${t('hours.edit.hint')}</p>
    ${WEEKDAYS.map((weekday) => {
      const day = weekdayName(weekday, locale);
      const rows = view.drafts.filter((rule) => rule.weekday === weekday);
      return html`<fieldset class="weekday" data-weekday=${weekday}>
        <legend>${day}</legend>
        ${rows.length ? nothing : html`<p class="hint">${t('hours.closed')}</p>`}
        ${rows.map((rule, index) => renderRuleRow(view, rule, day, index + 1))}
        <div class="actions">
          <button class="secondary" type="button" data-add=${weekday} aria-label=${t('hours.add.label', { day })} @click=${() => view.handleAddRule(weekday)}>${t('hours.add')}</button>
        </div>
      </fieldset>`;
    })}
    ${view.editError ? html`<div part="error" role="alert"><p>${view.editError}</p></div>` : nothing}
    <div class="actions">
      <button class="primary" type="submit" aria-disabled=${view.saving ? 'true' : 'false'}>${view.saving ? t('hours.saving') : t('hours.save')}</button>
      <button class="secondary" type="button" @click=${view.handleCancelHours}>${t('close')}</button>
    </div>
  </form>`;
}

function renderRuleRow(view: WeekEditorView, rule: DraftRule, day: string, position: number): TemplateResult {
  const { t } = view;
  const error = view.draftErrors.get(rule.uid);
  const errorId = `rule-${rule.uid}-error`;
  const input = (field: 'start' | 'end') => (event: Event) => view.handleRuleInput(rule.uid, field, (event.target as HTMLInputElement).value);
  return html`<div class="rule-row" role="group" data-uid=${rule.uid} aria-label=${t('hours.row.label', { day, position })}>
    <label>${t('hours.from')}
      <input id="rule-${rule.uid}-start" type="time" required .value=${rule.start} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? errorId : nothing} @change=${input('start')} />
    </label>
    <label>${t('hours.until')}
      <input id="rule-${rule.uid}-end" type="time" required .value=${rule.end} aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${error ? errorId : nothing} @change=${input('end')} />
    </label>
    <button class="secondary danger" type="button" aria-label=${t('hours.remove.label', { day, position })} @click=${() => view.handleRemoveRule(rule.uid)}>${t('hours.remove')}</button>
    ${rule.validFrom || rule.validUntil ? html`<p class="hint wide">${validity(rule, t, view.locale)}</p>` : nothing}
    ${error ? html`<p class="field-error wide" id=${errorId}>${error}</p>` : nothing}
  </div>`;
}

/** What is wrong with a draft week, per row: a missing time, an end before the start, an overlap on the same day. */
export function checkDrafts(drafts: DraftRule[], t: Translate<AppointmentsKey>): Map<number, string> {
  const errors = new Map<number, string>();
  for (const rule of drafts) {
    if (!rule.start || !rule.end) errors.set(rule.uid, t('hours.error.missing'));
    else if (rule.start >= endOfDay(rule.end)) errors.set(rule.uid, t('hours.error.order'));
  }
  for (const weekday of WEEKDAYS) {
    const day = drafts.filter((rule) => rule.weekday === weekday && !errors.has(rule.uid) && !rule.validFrom && !rule.validUntil).sort((a, b) => a.start.localeCompare(b.start));
    day.forEach((rule, index) => {
      const previous = day[index - 1];
      if (previous && rule.start < endOfDay(previous.end)) errors.set(rule.uid, t('hours.error.overlap'));
    });
  }
  return errors;
}
