import { html, nothing, type TemplateResult } from 'lit';
import type { AuditEntry } from '../admin-api.ts';
import type { Translate } from '../../core/i18n.ts';
import { ACTOR_TYPES, KNOWN_ACTIONS, KNOWN_SUBJECTS, messages, type AuditKey } from './messages.ts';

/** The filters as the form holds them: empty strings for "any". */
export interface AuditFilters {
  actorType: string;
  action: string;
  subjectType: string;
  from: string;
  to: string;
}
export type AuditFilterErrors = Partial<Record<'action' | 'subjectType' | 'to', string>>;

/** What the views use of `<admin-audit>`. */
export interface AuditView {
  readonly t: Translate<AuditKey>;
  readonly filters: AuditFilters;
  readonly filterErrors: AuditFilterErrors;
  time(iso: string): string;
  handleFilter(event: SubmitEvent): void;
  handleClear(): void;
}

const known = (key: string): key is AuditKey => key in messages.en;

/** An actor type in words ("Staff member"), or as the server wrote it. */
export function actorWords(t: Translate<AuditKey>, type: string): string {
  const key = `actor.${type}`;
  return known(key) ? t(key) : type;
}

/** An action in words ("Changed the portal settings"), or the raw action when it has none. */
function renderAction(t: Translate<AuditKey>, action: string): TemplateResult | string {
  const key = `action.${action}`;
  return known(key) ? t(key) : html`<code part="code">${action}</code>`;
}

function renderSubject(t: Translate<AuditKey>, subject: AuditEntry['subject']): TemplateResult | string {
  if (!subject.type && !subject.id) return t('entry.subject.none');
  const key = `subject.${subject.type}`;
  const type = subject.type ? (known(key) ? t(key) : subject.type) : '';
  // The subject in words when the server knows it (an e-mail, a name); its id otherwise.
  if (subject.label) return html`${type} · ${subject.label}`;
  return html`${type}${subject.id ? html` <code part="code">${subject.id}</code>` : nothing}`;
}

/** The filter form: who, what, about what, between which days. Fields keep what was typed; errors sit under them. */
export function renderFilters(view: AuditView): TemplateResult {
  const { t, filters, filterErrors: errors } = view;
  const described = (id: string, hint: boolean, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
  const fieldError = (id: string, error?: string) => (error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing);
  return html`<form part="filters" novalidate aria-labelledby="filters-title" @submit=${view.handleFilter}>
    <h3 id="filters-title">${t('filters.title')}</h3>
    <div class="fields">
      <div class="field">
        <label for="filter-actor">${t('filters.who')}</label>
        <select id="filter-actor" name="actorType">
          <option value="" ?selected=${!filters.actorType}>${t('actor.all')}</option>
          ${ACTOR_TYPES.map((type) => html`<option value=${type} ?selected=${filters.actorType === type}>${actorWords(t, type)}</option>`)}
        </select>
      </div>
      <div class="field">
        <label for="filter-action">${t('filters.action')}</label>
        <input id="filter-action" name="action" list="known-actions" autocomplete="off" spellcheck="false" maxlength="80" .value=${filters.action}
          aria-invalid=${errors.action ? 'true' : 'false'} aria-describedby=${described('filter-action', true, errors.action)} />
        <p class="hint" id="filter-action-hint">${t('filters.action.hint')}</p>
        ${fieldError('filter-action', errors.action)}
        <datalist id="known-actions">${KNOWN_ACTIONS.map((action) => html`<option value=${action}>${t(`action.${action}` as AuditKey)}</option>`)}</datalist>
      </div>
      <div class="field">
        <label for="filter-subject">${t('filters.subject')}</label>
        <input id="filter-subject" name="subjectType" list="known-subjects" autocomplete="off" spellcheck="false" maxlength="40" .value=${filters.subjectType}
          aria-invalid=${errors.subjectType ? 'true' : 'false'} aria-describedby=${described('filter-subject', true, errors.subjectType)} />
        <p class="hint" id="filter-subject-hint">${t('filters.subject.hint')}</p>
        ${fieldError('filter-subject', errors.subjectType)}
        <datalist id="known-subjects">${KNOWN_SUBJECTS.map((subject) => html`<option value=${subject}>${t(`subject.${subject}` as AuditKey)}</option>`)}</datalist>
      </div>
      <div class="field">
        <label for="filter-from">${t('filters.from')}</label>
        <input id="filter-from" name="from" type="date" .value=${filters.from} />
      </div>
      <div class="field">
        <label for="filter-to">${t('filters.to')}</label>
        <input id="filter-to" name="to" type="date" .value=${filters.to} aria-invalid=${errors.to ? 'true' : 'false'} aria-describedby=${described('filter-to', false, errors.to)} />
        ${fieldError('filter-to', errors.to)}
      </div>
    </div>
    <div class="actions">
      <button part="apply" class="primary" type="submit">${t('filters.apply')}</button>
      <button part="clear" class="secondary" type="button" @click=${view.handleClear}>${t('filters.clear')}</button>
    </div>
  </form>`;
}

/**
 * One entry: when, who (the actor type in words and its label, e.g. the staff e-mail or the token's name), what (in
 * words when known), about what, and the entry's data as JSON text in a disclosure — text, never markup.
 */
export function renderEntry(view: AuditView, entry: AuditEntry): TemplateResult {
  const { t } = view;
  const time = view.time(entry.at);
  const who = entry.actor.label ?? entry.actor.id;
  const hasData = entry.data && Object.keys(entry.data).length > 0;
  return html`<li part="entry" data-id=${entry.id} tabindex="-1">
    <dl>
      <div><dt>${t('entry.when')}</dt><dd><time datetime=${entry.at}>${time}</time></dd></div>
      <div><dt>${t('entry.who')}</dt><dd>${actorWords(t, entry.actor.type)}${who ? html` · <span part="actor">${who}</span>` : nothing}</dd></div>
      <div><dt>${t('entry.what')}</dt><dd part="action">${renderAction(t, entry.action)}</dd></div>
      <div><dt>${t('entry.subject')}</dt><dd>${renderSubject(t, entry.subject)}</dd></div>
    </dl>
    ${hasData
      ? html`<details part="details">
          <summary>${t('entry.details')}<span class="visually-hidden"> ${t('entry.details.of', { time })}</span></summary>
          <pre part="data">${JSON.stringify(entry.data, null, 2)}</pre>
        </details>`
      : nothing}
  </li>`;
}
