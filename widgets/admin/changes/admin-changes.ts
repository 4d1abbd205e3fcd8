import { Task, TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { changesStyles } from './admin-changes.styles.ts';
import { renderGroups, type ChangesView, type Decision } from './change-views.ts';
import { fieldLabel } from './change-values.ts';
import { CHANGE_STATUSES, ChangesClient, type ChangeStatus, type FieldDefinition, type ProposedChange } from './changes-client.ts';
import { messages, problemKey, type ChangesKey } from './messages.ts';

/**
 * Registration changes waiting for approval (P3, "confirmation required"): what clients proposed for fields that
 * need the business's approval, grouped by client, each with the field, its value before and the one proposed
 * (addresses and other objects as readable text) and when it was asked. With `profile:write`, "Approve" (with an
 * optional message to the client) and "Refuse" (with a reason, required) decide it; the result is announced and
 * the change leaves the list. A filter shows the approved, refused and replaced ones. Needs `profile:read`.
 * @summary Registration changes to approve.
 * @csspart base - the section.
 * @csspart intro - what the section is for.
 * @csspart announcement - the live region saying what just happened.
 * @csspart filter - the status filter.
 * @csspart accounts - the clients; each an `account` holding its `changes`.
 * @csspart change - one change (`data-status`): its `values` (`before`, `after`) and, decided, its `reason`.
 * @csspart approve - a change's approve button; `refuse` its refuse button.
 * @csspart decide - the approve or refuse form (`data-kind`), with its `confirm` and `cancel` buttons.
 * @csspart empty - the message when nothing is there.
 * @csspart error - what went wrong.
 * @csspart status - the loading message.
 * @cssprop --portal-changes-gap - space between the parts.
 */
export class AdminChanges extends AdminSection<ChangesKey> implements ChangesView {
  static override styles = [baseStyles, panelStyles, changesStyles];

  protected readonly catalog = messages;

  @state() private status: ChangeStatus = 'pending';
  @state() private items: ProposedChange[] = [];
  @state() deciding?: Decision;
  @state() draft = '';
  @state() draftError?: string;
  @state() busy?: string;
  @state() rowError?: { id: string; message: string };
  @state() private announcement = '';
  /** The tenant's fields and the accounts' names, read once and kept while the section lives. */
  private fields?: Map<string, FieldDefinition>;
  private readonly names = new Map<string, string>();

  private readonly list = new Task(this, {
    task: async ([api, allowed, status], { signal }) => {
      if (!api || !allowed) return undefined;
      const client = new ChangesClient(api);
      const [items] = await Promise.all([client.list(status, signal), this.loadFields(client, signal)]);
      await this.loadNames(client, items, signal);
      this.items = items;
      this.deciding = undefined;
      this.rowError = undefined;
      return items;
    },
    args: () => [this.api, this.can('profile:read'), this.status] as const,
  });

  override get t() {
    return super.t;
  }

  mayDecide(): boolean {
    return this.can('profile:write');
  }

  fieldOf(key: string): FieldDefinition | undefined {
    return this.fields?.get(key);
  }

  accountName(id: string): string {
    return this.names.get(id) ?? this.t('account.unknown', { id });
  }

  dateTime(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  }

  override render() {
    const t = this.t;
    const allowed = this.can('profile:read');
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`<section part="base" aria-labelledby="changes-title" lang=${this.locale}>
      <h2 id="changes-title">${t('title')}</h2>
      <p part="intro">${t('intro')}</p>
      ${!allowed
        ? html`<p>${t('error.forbidden')}</p>`
        : html`${this.mayDecide() ? '' : html`<p class="hint">${t('read-only')}</p>`}
            <p part="announcement" role="status" aria-live="polite">${this.announcement}</p>
            <label part="filter" class="filter"
              >${t('filter.status')}
              <select name="status" @change=${this.handleStatusFilter}>
                ${CHANGE_STATUSES.map((value) => html`<option value=${value} ?selected=${value === this.status}>${t(`filter.${value}`)}</option>`)}
              </select>
            </label>
            <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
              ${this.list.render({
                initial: () => this.renderLoading(),
                pending: () => this.renderLoading(),
                error: (error) => this.renderProblem(error),
                complete: () => this.renderList(),
              })}
            </div>`}
    </section>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  private renderProblem(error: unknown): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.problemText(error)}</p>
      <button class="secondary" type="button" @click=${() => void this.list.run()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderList(): TemplateResult {
    if (!this.items.length) return html`<p part="empty" id="changes-empty" tabindex="-1">${this.t(`empty.${this.status}`)}</p>`;
    return renderGroups(this, this.items);
  }

  private problemText(error: unknown): string {
    return this.t(problemKey(error instanceof ApiError ? error.code : undefined));
  }

  /** The fields, once: without them the changes still show, named by their keys. */
  private async loadFields(client: ChangesClient, signal: AbortSignal) {
    if (this.fields) return;
    try {
      this.fields = new Map((await client.fields(signal)).map((field) => [field.key, field]));
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
    }
  }

  /** The names of the accounts not seen yet, when the staff member may read accounts; a failure leaves the id. */
  private async loadNames(client: ChangesClient, items: ProposedChange[], signal: AbortSignal) {
    if (!this.can('accounts:read')) return;
    const unknown = [...new Set(items.map((item) => item.accountId))].filter((id) => !this.names.has(id));
    const answers = await Promise.allSettled(unknown.map((id) => client.account(id, signal)));
    for (const answer of answers) if (answer.status === 'fulfilled') this.names.set(answer.value.id, answer.value.name);
  }

  private handleStatusFilter = (event: Event) => {
    this.status = (event.target as HTMLSelectElement).value as ChangeStatus;
    this.announcement = '';
  };

  open(change: ProposedChange, kind: Decision['kind']) {
    this.deciding = { id: change.id, kind };
    this.draft = '';
    this.draftError = undefined;
    this.rowError = undefined;
    this.focusLater(`#decide-text-${CSS.escape(change.id)}`);
  }

  cancel() {
    const decision = this.deciding;
    this.deciding = undefined;
    this.draftError = undefined;
    if (decision) this.focusLater(`[data-id="${CSS.escape(decision.id)}"] [part~=${decision.kind}]`);
  }

  handleDraftInput = (event: Event) => {
    this.draft = (event.target as HTMLTextAreaElement).value;
    if (this.draftError && this.draft.trim()) this.draftError = undefined;
  };

  handleDecide = async (event: SubmitEvent) => {
    event.preventDefault();
    const decision = this.deciding;
    const change = this.items.find((item) => item.id === decision?.id);
    if (!decision || !change || this.busy || !this.api) return;
    const text = this.draft.trim();
    if (decision.kind === 'refuse' && !text) {
      this.draftError = this.t('refuse.missing');
      return this.focusLater(`#decide-text-${CSS.escape(change.id)}`);
    }
    this.busy = change.id;
    this.rowError = undefined;
    const client = new ChangesClient(this.api);
    try {
      if (decision.kind === 'approve') await client.approve(change.id, text || undefined);
      else await client.refuse(change.id, text);
      const names = { field: fieldLabel(this.t, change.field, this.fieldOf(change.field), this.locale), account: this.accountName(change.accountId) };
      this.leave(change, this.t(decision.kind === 'approve' ? 'announce.approved' : 'announce.refused', names));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'proposal_answered') this.leave(change, this.t('announce.gone'));
      else this.rowError = { id: change.id, message: this.problemText(error) };
    } finally {
      this.busy = undefined;
    }
  };

  /** Takes a decided change off the list, says so, and moves the focus to what comes next. */
  private leave(change: ProposedChange, announcement: string) {
    const index = this.items.indexOf(change);
    this.items = this.items.filter((item) => item !== change);
    this.deciding = undefined;
    this.draft = '';
    this.announcement = announcement;
    const next = this.items.filter((item) => item.accountId === change.accountId)[0] ?? this.items[index] ?? this.items[index - 1];
    this.focusLater(next ? `#change-${CSS.escape(next.id)}` : '#changes-empty');
  }

  private focusLater(selector: string) {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }
}

define('admin-changes', AdminChanges);

declare global {
  interface HTMLElementTagNameMap {
    'admin-changes': AdminChanges;
  }
}
