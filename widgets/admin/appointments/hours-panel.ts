import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { define } from '../../core/define.ts';
import { LOCALES } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import type { ProviderItem, RuleItem, ServiceItem } from './appointments-client.ts';
import { appointmentsStyles } from './admin-appointments.styles.ts';
import { AppointmentsPanel, pickName } from './panel-base.ts';
import { checkDrafts, endOfDay, renderWeek, renderWeekEditor, type DraftRule, type WeekEditorView } from './week-hours.ts';

type Week = { state: 'loading' } | { state: 'ready'; rules: RuleItem[] } | { state: 'error'; error: unknown };

/**
 * The providers (with the services booked with each, and their weekly hours on demand) and the services (their
 * names in each language, kind, duration). With `appointments:write`, a provider's week can be edited: openings per
 * weekday, added and removed, saved whole.
 * @summary Providers, their weekly hours, and the services.
 * @csspart providers - the providers; each an `item`.
 * @csspart show-hours - the button that shows (or hides) a provider's week.
 * @csspart week - a provider's week, read-only.
 * @csspart edit-hours - the button that opens the week editor; `hours-form` the editor.
 * @csspart services - the services; each an `item`.
 */
export class AdminAppointmentHours extends AppointmentsPanel implements WeekEditorView {
  static override styles = [baseStyles, panelStyles, cardListStyles, appointmentsStyles];

  @state() private weeks: ReadonlyMap<string, Week> = new Map();
  @state() private open: ReadonlySet<string> = new Set();
  @state() private editing?: string;
  @state() drafts: DraftRule[] = [];
  @state() draftErrors: ReadonlyMap<number, string> = new Map();
  @state() editError?: string;
  @state() saving = false;
  private uids = 0;

  override get t() {
    return super.t;
  }

  override render() {
    const t = this.t;
    const { providers, services } = this.lookups;
    return html`<div class="panel-body">
      ${this.renderAnnouncement()}
      <section aria-labelledby="providers-title" class="group">
        <h3 id="providers-title">${t('providers.title')}</h3>
        ${providers.length
          ? html`<ul part="providers list" aria-labelledby="providers-title">${repeat(providers, (provider) => provider.key, (provider) => this.renderProvider(provider))}</ul>`
          : html`<p part="empty">${t('providers.empty')}</p>`}
      </section>
      <section aria-labelledby="services-title" class="group">
        <h3 id="services-title">${t('services.title')}</h3>
        ${services.length
          ? html`<ul part="services list" aria-labelledby="services-title">${repeat(services, (service) => service.key, (service) => this.renderService(service))}</ul>`
          : html`<p part="empty">${t('services.empty')}</p>`}
      </section>
    </div>`;
  }

  private renderProvider(provider: ProviderItem): TemplateResult {
    const t = this.t;
    const open = this.open.has(provider.key);
    return html`<li part="item" data-key=${provider.key}>
      <div class="item-head">
        <h4 id="provider-${provider.key}">${provider.name}</h4>
        <span part="badge" class="state">${t(`provider.kind.${provider.kind}`)}</span>
        ${provider.active ? nothing : html`<span part="badge" class="state" data-status="inactive">${t('inactive')}</span>`}
      </div>
      <p><span class="label">${t('provider.services')}</span> ${provider.services.map((key) => this.serviceName(key)).join(', ') || '—'}</p>
      <div class="actions">
        <button part="show-hours" class="secondary" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls="week-${provider.key}"
          aria-describedby="provider-${provider.key}" @click=${() => this.toggleWeek(provider)}>${t(open ? 'hours.hide' : 'hours.show')}</button>
      </div>
      <div id="week-${provider.key}" ?hidden=${!open}>${open ? this.renderWeekOf(provider) : nothing}</div>
    </li>`;
  }

  private renderWeekOf(provider: ProviderItem): TemplateResult {
    const t = this.t;
    const week = this.weeks.get(provider.key);
    if (!week || week.state === 'loading') return html`<div aria-busy="true">${this.renderLoading()}</div>`;
    if (week.state === 'error') return this.renderProblem(week.error, () => void this.loadWeek(provider));
    if (this.editing === provider.key) return renderWeekEditor(this, provider);
    return html`${week.rules.length ? renderWeek(week.rules, t, this.locale, t('hours.week.label', { name: provider.name })) : html`<p part="empty">${t('hours.none')}</p>`}
      ${this.mayWrite
        ? html`<div class="actions">
            <button part="edit-hours" class="secondary" type="button" aria-label=${t('hours.edit.label', { name: provider.name })} @click=${() => this.edit(provider, week.rules)}>${t('hours.edit')}</button>
          </div>`
        : nothing}`;
  }

  private renderService(service: ServiceItem): TemplateResult {
    const t = this.t;
    const name = pickName(service.names, this.locale) ?? service.key;
    const others = LOCALES.filter((locale) => locale !== this.locale && service.names[locale]);
    return html`<li part="item" data-key=${service.key}>
      <div class="item-head">
        <h4>${name}</h4>
        <span part="badge" class="state">${t(`service.kind.${service.kind}`)}</span>
        ${service.active ? nothing : html`<span part="badge" class="state" data-status="inactive">${t('inactive')}</span>`}
      </div>
      <dl>
        <div><dt>${t('service.duration')}</dt><dd>${t('service.minutes', { minutes: service.durationMinutes })}</dd></div>
        ${others.map((locale) => html`<div><dt>${t(`service.name.${locale}`)}</dt><dd lang=${locale}>${service.names[locale]}</dd></div>`)}
      </dl>
    </li>`;
  }

  private toggleWeek(provider: ProviderItem) {
    const open = new Set(this.open);
    if (open.has(provider.key)) {
      open.delete(provider.key);
      if (this.editing === provider.key) this.editing = undefined;
    } else {
      open.add(provider.key);
      if (this.weeks.get(provider.key)?.state !== 'ready') void this.loadWeek(provider);
    }
    this.open = open;
  }

  private setWeek(key: string, week: Week) {
    this.weeks = new Map(this.weeks).set(key, week);
  }

  private async loadWeek(provider: ProviderItem) {
    if (!this.client) return;
    this.setWeek(provider.key, { state: 'loading' });
    try {
      this.setWeek(provider.key, { state: 'ready', rules: await this.client.rules(provider.key) });
    } catch (error) {
      this.setWeek(provider.key, { state: 'error', error });
    }
  }

  private edit(provider: ProviderItem, rules: RuleItem[]) {
    // Time inputs cannot hold 24:00: the end of the day is edited as 00:00.
    this.drafts = rules.map((rule) => ({ ...rule, end: rule.end === '24:00' ? '00:00' : rule.end, uid: ++this.uids }));
    this.draftErrors = new Map();
    this.editError = undefined;
    this.editing = provider.key;
    this.focusLater('#hours-form-title');
  }

  handleRuleInput = (uid: number, field: 'start' | 'end', value: string) => {
    this.drafts = this.drafts.map((rule) => (rule.uid === uid ? { ...rule, [field]: value } : rule));
    if (this.draftErrors.has(uid)) this.draftErrors = checkDrafts(this.drafts, this.t);
  };

  handleAddRule = (weekday: number) => {
    const last = this.drafts.filter((rule) => rule.weekday === weekday).at(-1);
    const uid = ++this.uids;
    this.drafts = [...this.drafts, { uid, weekday, start: last ? (last.end === '00:00' ? '' : last.end) : '08:00', end: last ? '' : '12:00' }];
    this.focusLater(`#rule-${uid}-start`);
  };

  handleRemoveRule = (uid: number) => {
    const removed = this.drafts.find((rule) => rule.uid === uid);
    this.drafts = this.drafts.filter((rule) => rule.uid !== uid);
    this.draftErrors = new Map([...this.draftErrors].filter(([key]) => key !== uid));
    if (removed) this.focusLater(`[data-weekday="${removed.weekday}"] [data-add]`);
  };

  handleCancelHours = () => {
    const key = this.editing;
    this.editing = undefined;
    if (key) this.focusLater(`[data-key="${CSS.escape(key)}"] [part~=edit-hours]`);
  };

  handleSaveHours = async (event: SubmitEvent) => {
    event.preventDefault();
    const key = this.editing;
    if (this.saving || !this.client || !key) return;
    this.editError = undefined;
    this.draftErrors = checkDrafts(this.drafts, this.t);
    const firstBad = this.drafts.find((rule) => this.draftErrors.has(rule.uid));
    if (firstBad) return this.focusLater(`#rule-${firstBad.uid}-start`);
    const sorted = [...this.drafts].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
    this.saving = true;
    try {
      const saved = await this.client.saveRules(key, sorted.map(({ uid: _uid, ...rule }) => ({ ...rule, end: endOfDay(rule.end) })));
      this.setWeek(key, { state: 'ready', rules: saved });
      this.editing = undefined;
      this.announcement = this.t('hours.saved', { name: this.providerName(key) });
      this.focusLater(`[data-key="${CSS.escape(key)}"] [part~=edit-hours]`);
    } catch (error) {
      this.editError = this.problemText(error);
      this.draftErrors = rowProblems(sorted, (path) => this.fieldProblem(error, path));
    } finally {
      this.saving = false;
    }
  };
}

/** The server's `rules.N…` messages on the rows they name (N is the row's place in what was sent). */
function rowProblems(sent: DraftRule[], on: (path: string) => string | undefined): Map<number, string> {
  const errors = new Map<number, string>();
  sent.forEach((rule, index) => {
    const message = on(`rules.${index}`);
    if (message) errors.set(rule.uid, message);
  });
  return errors;
}

define('admin-appointment-hours', AdminAppointmentHours);

declare global {
  interface HTMLElementTagNameMap {
    'admin-appointment-hours': AdminAppointmentHours;
  }
}
