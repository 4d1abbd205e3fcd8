import { Task, TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../core/define.ts';
import type { Translate } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { AdminSection } from '../admin-section.ts';
import type { AccountListItem, AdminApi, ExplainedAppointmentSettings, Module } from '../admin-api.ts';
import { MODULE_ORDER } from '../settings/drafts.ts';
import type { AccountsView, LoadedModules, SaveStatus } from './accounts-view.ts';
import { accountsStyles } from './admin-accounts.styles.ts';
import { renderDetail } from './detail-view.ts';
import { changedModules, checkOverride, draftValue, moduleChoices, overrideDraft, type FieldErrors, type ModuleChoice, type OptionKey, type OverrideDraft } from './exceptions.ts';
import { renderList } from './list-view.ts';
import { errorMessage, messages, type AccountsKey } from './messages.ts';

/** How long typing pauses before the list is searched. */
export const SEARCH_DELAY_MS = 300;

/**
 * The business's accounts (client companies and people) and each one's exceptions (G3). A searchable list (name,
 * tax id, e-mail; typing searches after a pause, Enter at once) with "Load more"; each account shows its kind, tax
 * id, establishments, users and registration changes waiting for approval. Opening one shows its establishments,
 * its modules — each as the portal has it, or on or off for this account alone — and its appointment options: every
 * effective value with where it comes from (this account, the portal's settings, or the default), any of which
 * staff may set for this account or return to the portal's value. "Back" returns to the list, focus on the account.
 * @summary Accounts and their exceptions to the portal's settings.
 * @csspart base - the section.
 * @csspart search - the search form.
 * @csspart results - the list's region.
 * @csspart list - the list of accounts.
 * @csspart account - one account in the list.
 * @csspart open - the button that opens an account.
 * @csspart badge - registration changes waiting for approval.
 * @csspart more - the "load more" button.
 * @csspart detail - one account's page.
 * @csspart back - the "back to the list" button.
 * @csspart establishments - the account's establishments.
 * @csspart module-exceptions - the module exceptions form.
 * @csspart module-choice - one module's three choices.
 * @csspart appointment-exceptions - the appointment exceptions form.
 * @csspart option - one appointment option.
 * @csspart source - where an option's value comes from.
 * @csspart set - "set for this account".
 * @csspart reset - "use the portal's value".
 * @csspart save - a Save button.
 * @csspart saved - a "saved" confirmation (a live region).
 * @csspart read-only - the note shown instead of a Save button.
 * @csspart error - what went wrong.
 * @csspart field-error - what is wrong with one field.
 * @csspart empty - the message when there is nothing to list.
 * @csspart status - loading and search messages.
 * @cssprop --portal-admin-accounts-gap - space between the parts.
 */
export class AdminAccounts extends AdminSection<AccountsKey> implements AccountsView {
  static override styles = [baseStyles, panelStyles, accountsStyles];

  protected readonly catalog = messages;

  /** What is typed in the search box. */
  @state() search = '';
  /** What the list shows results for (the search after its pause). */
  @state() query = '';
  @state() more: AccountListItem[] = [];
  @state() next: string | null | undefined;
  @state() loadingMore = false;
  @state() moreError = '';
  @state() selected?: AccountListItem;
  @state() choices?: Record<Module, ModuleChoice>;
  @state() override?: OverrideDraft;
  @state() explained?: ExplainedAppointmentSettings;
  @state() private statuses: Partial<Record<'modules' | 'appointments', SaveStatus>> = {};
  @state() private errors: FieldErrors = {};
  private savedChoices?: Record<Module, ModuleChoice>;
  private searchTimer?: ReturnType<typeof setTimeout>;
  /** The tenant's modules, read once (to say what "as the portal" means). */
  private tenantModules?: Promise<Module[] | undefined>;

  readonly listTask = new Task(this, {
    task: async ([api, query], { signal }) => {
      this.more = [];
      this.moreError = '';
      if (!api) return undefined;
      const page = await api.listAccounts(query ? { q: query } : {}, signal);
      this.next = page.next;
      return page;
    },
    args: () => [this.api, this.query] as const,
  });

  readonly modulesTask = new Task(this, {
    task: async ([api, id], { signal }): Promise<LoadedModules | undefined> => {
      if (!api || !id) return undefined;
      const [modules, tenantModules] = await Promise.all([api.getAccountModules(id, signal), this.portalModules(api)]);
      this.savedChoices = moduleChoices(modules.exceptions);
      this.choices = { ...this.savedChoices };
      return { ...modules, tenantModules };
    },
    args: () => [this.api, this.selected?.id] as const,
  });

  readonly appointmentsTask = new Task(this, {
    task: async ([api, id, readable], { signal }) => {
      if (!api || !id || !readable) return undefined;
      const explained = await api.getAccountAppointmentSettings(id, signal);
      this.adoptExplained(explained);
      return explained;
    },
    args: () => [this.api, this.selected?.id, this.canReadAppointments()] as const,
  });

  override get t(): Translate<AccountsKey> {
    return super.t;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
  }

  canWrite(what: 'modules' | 'appointments'): boolean {
    return this.can(what === 'modules' ? 'accounts:write' : 'appointments:write');
  }

  canReadAppointments(): boolean {
    return this.can('appointments:read');
  }

  status(what: 'modules' | 'appointments'): SaveStatus | undefined {
    return this.statuses[what];
  }

  fieldError(id: string): AccountsKey | undefined {
    return this.errors[id];
  }

  message(error: unknown): string {
    return errorMessage(this.t, error);
  }

  typeSearch(text: string) {
    this.search = text;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => this.searchNow(), SEARCH_DELAY_MS);
  }

  searchNow() {
    clearTimeout(this.searchTimer);
    this.query = this.search.trim();
  }

  async loadMore() {
    const api = this.api;
    const cursor = this.next;
    if (!api || !cursor || this.loadingMore) return;
    const query = this.query;
    const shown = (this.listTask.value?.items.length ?? 0) + this.more.length;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await api.listAccounts(query ? { q: query, before: cursor } : { before: cursor });
      // A new search started meanwhile: this page belongs to the old one.
      if (query !== this.query) return;
      this.more = [...this.more, ...page.items];
      this.next = page.next;
      await this.updateComplete;
      this.renderRoot.querySelectorAll<HTMLElement>('[part~=account] [part~=open]')[shown]?.focus();
    } catch (error) {
      this.moreError = this.message(error);
    } finally {
      this.loadingMore = false;
    }
  }

  open(account: AccountListItem) {
    this.selected = account;
    this.choices = undefined;
    this.override = undefined;
    this.explained = undefined;
    this.statuses = {};
    this.errors = {};
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#account-title')?.focus());
  }

  back() {
    const id = this.selected?.id;
    this.selected = undefined;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[part~=account][data-id="${CSS.escape(id ?? '')}"] [part~=open]`)?.focus());
  }

  choose(module: Module, choice: ModuleChoice) {
    if (!this.choices) return;
    this.choices = { ...this.choices, [module]: choice };
    this.clearConfirmation('modules');
  }

  saveModules() {
    const api = this.api;
    const account = this.selected;
    if (!api || !account || !this.choices || !this.savedChoices || !this.canWrite('modules') || this.statuses.modules?.state === 'saving') return;
    const changes = changedModules(this.savedChoices, this.choices);
    if (!Object.keys(changes).length) return void this.setStatus('modules', { state: 'unchanged' });
    const choices = this.choices;
    void this.run('modules', async () => {
      await api.setAccountModules(account.id, changes);
      this.savedChoices = { ...choices };
    });
  }

  startOverride(key: OptionKey) {
    if (!this.override || !this.explained) return;
    // Starts from the value in force, so "set" alone changes nothing until staff change it.
    this.override = { ...this.override, [key]: draftValue(key, this.explained.effective) };
    this.clearConfirmation('appointments');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[data-option=${key}] :is(input, select)`)?.focus());
  }

  resetOverride(key: OptionKey) {
    if (!this.override) return;
    const { [key]: _removed, ...rest } = this.override;
    this.override = rest;
    this.errors = Object.fromEntries(Object.entries(this.errors).filter(([id]) => !id.startsWith(`option-${key}`)));
    this.clearConfirmation('appointments');
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[part~=set][data-option=${key}]`)?.focus());
  }

  editOverride(change: OverrideDraft) {
    if (!this.override) return;
    this.override = { ...this.override, ...change };
    this.clearConfirmation('appointments');
    if (this.statuses.appointments?.state === 'invalid') {
      const again = checkOverride(this.override);
      this.errors = again.ok ? {} : again.errors;
      if (again.ok) this.setStatus('appointments', undefined);
    }
  }

  saveOverride() {
    const api = this.api;
    const account = this.selected;
    if (!api || !account || !this.override || !this.canWrite('appointments') || this.statuses.appointments?.state === 'saving') return;
    const checked = checkOverride(this.override);
    this.errors = checked.ok ? {} : checked.errors;
    if (!checked.ok) {
      this.setStatus('appointments', { state: 'invalid' });
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[data-part=appointments] [aria-invalid=true]')?.focus());
      return;
    }
    void this.run('appointments', async () => this.adoptExplained(await api.setAccountAppointmentSettings(account.id, checked.value)));
  }

  private adoptExplained(explained: ExplainedAppointmentSettings) {
    this.explained = explained;
    this.override = overrideDraft(explained.override);
  }

  private portalModules(api: AdminApi): Promise<Module[] | undefined> {
    // Without the tenant's list the choices still work; they just say "as the portal" without on or off.
    this.tenantModules ??= api.getSettings().then(
      (settings) => MODULE_ORDER.filter((module) => settings.modules.includes(module)),
      () => {
        this.tenantModules = undefined;
        return undefined;
      },
    );
    return this.tenantModules;
  }

  private async run(what: 'modules' | 'appointments', send: () => Promise<void>) {
    this.setStatus(what, { state: 'saving' });
    try {
      await send();
      this.setStatus(what, { state: 'saved' });
    } catch (error) {
      this.setStatus(what, { state: 'failed', message: this.message(error) });
    }
  }

  private clearConfirmation(what: 'modules' | 'appointments') {
    const state = this.statuses[what]?.state;
    if (state === 'saved' || state === 'unchanged' || state === 'failed') this.setStatus(what, undefined);
  }

  private setStatus(what: 'modules' | 'appointments', status: SaveStatus | undefined) {
    this.statuses = { ...this.statuses, [what]: status };
  }

  override render(): TemplateResult {
    const t = this.t;
    const busy = this.selected ? this.modulesTask.status === TaskStatus.PENDING || this.appointmentsTask.status === TaskStatus.PENDING : this.listTask.status === TaskStatus.PENDING || this.loadingMore;
    return html`<div part="base" aria-busy=${busy ? 'true' : 'false'} lang=${this.locale}>
      <h2>${t('title')}</h2>
      ${this.selected ? renderDetail(this, this.selected) : renderList(this)}
    </div>`;
  }
}

define('admin-accounts', AdminAccounts);

declare global {
  interface HTMLElementTagNameMap {
    'admin-accounts': AdminAccounts;
  }
}
