import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError, type AuditEntry, type AuditPage } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { auditStyles } from './admin-audit.styles.ts';
import { renderEntry, renderFilters, type AuditFilterErrors, type AuditFilters, type AuditView } from './audit-views.ts';
import { messages, type AuditKey } from './messages.ts';

/** What `listAudit` is asked, without the page cursor. */
export type AuditQuery = Partial<AuditFilters>;

const NO_FILTERS: AuditFilters = { actorType: '', action: '', subjectType: '', from: '', to: '' };

/**
 * The activity log (A13): who did what, newest first — the time in the staff member's language, who (the actor type
 * in words and its label: a staff e-mail, a token's name), what (in words when known, else the raw action), about
 * what, and each entry's data as pretty-printed JSON text in a disclosure. Filters: who, the action, the subject
 * type, a date range; "Load older entries" pages on. Needs `audit:read`.
 * @summary The portal's activity log.
 * @csspart base - the section.
 * @csspart filters - the filter form; `apply` and `clear` its buttons.
 * @csspart announcement - the live region saying how many entries are shown.
 * @csspart list - the entries; each an `entry`.
 * @csspart actor - who did it (their e-mail or the token's name).
 * @csspart action - what they did.
 * @csspart code - a raw action or an id.
 * @csspart details - an entry's data disclosure; `data` the JSON inside.
 * @csspart older - the "load older entries" button.
 * @csspart empty - the message when nothing matches.
 * @csspart error - what went wrong.
 * @csspart status - the loading message.
 * @cssprop --portal-audit-gap - space between the parts.
 */
export class AdminAudit extends AdminSection<AuditKey> implements AuditView {
  static override styles = [baseStyles, panelStyles, auditStyles];

  protected readonly catalog = messages;

  /** What the form shows (kept while a new page loads). */
  @state() filters: AuditFilters = NO_FILTERS;
  @state() filterErrors: AuditFilterErrors = {};
  /** The query the list shows: only the filters set. */
  @state() private query: AuditQuery = {};
  /** Entries loaded by "load older", after the first page. */
  @state() private older: AuditEntry[] = [];
  @state() private olderNext?: number | null;
  @state() private loadingOlder = false;
  @state() private olderError = '';
  @state() private announcement = '';
  private generation = 0;

  private readonly page = new Task(this, {
    task: async ([api, allowed, query], { signal }) => {
      this.generation++;
      this.older = [];
      this.olderNext = undefined;
      this.olderError = '';
      if (!api || !allowed) return undefined;
      const page = await api.listAudit({ ...query }, signal);
      this.announce(page.items.length);
      return page;
    },
    args: () => [this.api, this.can('audit:read'), this.query] as const,
  });

  override get t() {
    return super.t;
  }

  time(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  override render() {
    const t = this.t;
    const allowed = this.can('audit:read');
    return html`<section part="base" aria-labelledby="audit-title" lang=${this.locale}>
      <h2 id="audit-title">${t('title')}</h2>
      <p part="intro">${t('intro')}</p>
      ${allowed ? this.renderLog() : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderLog(): TemplateResult {
    const pending = this.page.status === TaskStatus.PENDING || this.page.status === TaskStatus.INITIAL;
    return html`${renderFilters(this)}
      <p part="announcement" role="status">${this.announcement}</p>
      <div class="list-region" aria-busy=${pending || this.loadingOlder ? 'true' : 'false'}>
        ${this.page.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error),
          complete: (page) => (page ? this.renderEntries(page) : nothing),
        })}
      </div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  private renderProblem(error: unknown): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.problemText(error)}</p>
      <button class="secondary" type="button" @click=${() => void this.page.run()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderEntries(page: AuditPage): TemplateResult {
    const t = this.t;
    const entries = [...page.items, ...this.older];
    if (!entries.length) {
      return html`<p part="empty">${Object.keys(this.query).length ? t('empty.filtered') : t('empty')}</p>`;
    }
    const next = this.olderNext === undefined ? page.next : this.olderNext;
    return html`<ol part="list" aria-label=${t('list.label')}>${repeat(entries, (entry) => entry.id, (entry) => renderEntry(this, entry))}</ol>
      ${this.olderError ? html`<div part="error" role="alert"><p>${this.olderError}</p></div>` : nothing}
      ${next !== null
        ? html`<div class="actions">
            <button part="older" class="secondary" type="button" aria-disabled=${this.loadingOlder ? 'true' : 'false'} @click=${() => this.loadOlder(next, entries.length)}>
              ${this.loadingOlder ? t('loading-older') : t('older')}
            </button>
          </div>`
        : this.older.length
          ? html`<p class="end">${t('end')}</p>`
          : nothing}`;
  }

  private announce(count: number) {
    const key = new Intl.PluralRules(this.locale).select(count) === 'one' ? 'shown.one' : 'shown.other';
    this.announcement = this.t(key, { count: new Intl.NumberFormat(this.locale).format(count) });
  }

  private problemText(error: unknown): string {
    const key = `error.${error instanceof ApiError ? error.code : 'generic'}`;
    return key in messages.en ? this.t(key as AuditKey) : this.t('error.generic');
  }

  /** Reads and checks the form; a valid one becomes the query (the list reloads), an invalid one says why. */
  handleFilter = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    const read = (name: keyof AuditFilters) => String(data.get(name) ?? '').trim();
    const filters: AuditFilters = {
      actorType: read('actorType'),
      action: read('action').toLowerCase(),
      subjectType: read('subjectType').toLowerCase(),
      from: read('from'),
      to: read('to'),
    };
    const t = this.t;
    const errors: AuditFilterErrors = {
      action: filters.action && !/^[a-z0-9:-]+$/.test(filters.action) ? t('filters.action.invalid') : undefined,
      subjectType: filters.subjectType && !/^[a-z_]+$/.test(filters.subjectType) ? t('filters.subject.invalid') : undefined,
      to: filters.from && filters.to && filters.to < filters.from ? t('filters.range.invalid') : undefined,
    };
    this.filters = filters;
    this.filterErrors = errors;
    const invalid = (['action', 'subjectType', 'to'] as const).find((name) => errors[name]);
    if (invalid) {
      void this.updateComplete.then(() => form.querySelector<HTMLElement>(`[name=${invalid}]`)?.focus());
      return;
    }
    this.query = Object.fromEntries(Object.entries(filters).filter(([, value]) => value)) as AuditQuery;
  };

  handleClear = () => {
    this.filters = { ...NO_FILTERS };
    this.filterErrors = {};
    this.shadowRoot?.querySelector('form')?.reset();
    this.query = {};
  };

  private async loadOlder(before: number, shown: number) {
    if (this.loadingOlder || !this.api) return;
    const generation = this.generation;
    this.loadingOlder = true;
    this.olderError = '';
    try {
      const page = await this.api.listAudit({ ...this.query, before });
      if (generation !== this.generation) return;
      this.older = [...this.older, ...page.items];
      this.olderNext = page.next;
      this.announce(shown + page.items.length);
      await this.updateComplete;
      // Keyboard and screen reader users carry on from the first entry just shown.
      this.shadowRoot?.querySelectorAll<HTMLElement>('[part~=entry]')[shown]?.focus();
    } catch (error) {
      if (generation === this.generation) this.olderError = this.problemText(error);
    } finally {
      this.loadingOlder = false;
    }
  }
}

define('admin-audit', AdminAudit);

declare global {
  interface HTMLElementTagNameMap {
    'admin-audit': AdminAudit;
  }
}
