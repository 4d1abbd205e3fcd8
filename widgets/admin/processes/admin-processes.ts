import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import type { AccountListItem } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import './account-picker.ts';
import './process-create.ts';
import './process-detail.ts';
import { processesStyles } from './admin-processes.styles.ts';
import { messages, type ProcessesKey } from './messages.ts';
import { PROCESS_LIST_LIMIT, ProcessesClient, type ProcessFilters, type ProcessSummary } from './processes-client.ts';
import { filterStyles, focusLater, formatInstant, pluralOf, problemKeyIn, renderLoading, renderProblem } from './section-kit.ts';

/**
 * Processes (T1–T4) for a business without an integration: the list (filtered by account or by the business's own
 * reference), one process opened with its phases, history, notices and references; with `processes:write`, a new
 * process from a phase template (its quick-access key shown once), moving it to another phase and posting notices.
 * @summary The business's processes, by hand.
 * @csspart base - the section.
 * @csspart intro - what the section is for.
 * @csspart announcement - the live region saying what just happened.
 * @csspart filters - the account and reference filters.
 * @csspart list - the processes; each an `item` with its `open` button.
 * @csspart empty - no process (or none matching).
 * @csspart error - what went wrong.
 * @csspart status - the loading message.
 * @cssprop --portal-processes-gap - space between the parts.
 */
export class AdminProcesses extends AdminSection<ProcessesKey> {
  static override styles = [baseStyles, panelStyles, cardListStyles, filterStyles, processesStyles];

  protected readonly catalog = messages;

  @state() private filters: ProcessFilters = {};
  @state() private account?: AccountListItem;
  @state() private openId?: string;
  @state() private announcement = '';
  /** The list as shown: what the server gave, with the changes made in an opened process. */
  @state() private items: ProcessSummary[] = [];
  private announceLoad = false;

  private readonly list = new Task(this, {
    task: async ([api, allowed, filters], { signal }) => {
      if (!api || !allowed) return undefined;
      const { items } = await new ProcessesClient(api).list(filters, signal);
      this.items = items;
      if (this.announceLoad) this.announce(this.t(`shown.${pluralOf(this.locale, items.length)}`, { count: items.length }));
      this.announceLoad = false;
      return items;
    },
    args: () => [this.api, this.can('processes:read'), this.filters] as const,
  });

  override render() {
    const t = this.t;
    return html`<section part="base" aria-labelledby="processes-title" lang=${this.locale}>
      <h2 id="processes-title" tabindex="-1">${t('title')}</h2>
      ${!this.can('processes:read')
        ? html`<p>${t('no-access')}</p>`
        : this.openId
          ? html`<admin-process-detail
              .api=${this.api}
              .me=${this.me}
              .locale=${this.locale}
              .processId=${this.openId}
              @admin-process-back=${this.handleBack}
              @admin-process-changed=${this.handleChanged}
            ></admin-process-detail>`
          : this.renderList()}
    </section>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`<p part="intro">${t('intro')}</p>
      ${this.can('processes:write')
        ? html`<div class="actions">
            <admin-process-create .api=${this.api} .me=${this.me} .locale=${this.locale} @admin-process-saved=${this.handleSaved}></admin-process-create>
          </div>`
        : html`<p class="hint">${t('read-only')}</p>`}
      <p part="announcement" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderFilters()}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => renderLoading(t('loading')),
          pending: () => renderLoading(t('loading')),
          error: (error) => renderProblem(t(problemKeyIn(messages, error)), t('retry'), () => void this.list.run()),
          complete: () => this.renderItems(),
        })}
      </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    return html`<div part="filters" role="group" aria-label=${t('filters.label')}>
      <admin-account-picker optional .api=${this.api} .locale=${this.locale} .label=${t('filter.account')} .value=${this.account} @admin-account-change=${this.handleAccount}></admin-account-picker>
      <label
        >${t('filter.external')}
        <input
          type="search"
          name="externalId"
          autocomplete="off"
          maxlength="100"
          aria-describedby="external-hint"
          .value=${this.filters.externalId ?? ''}
          @change=${this.handleExternal}
          @keydown=${(event: KeyboardEvent) => event.key === 'Enter' && this.handleExternal(event)}
        />
        <span class="hint" id="external-hint">${t('filter.external.hint')}</span>
      </label>
    </div>`;
  }

  private renderItems(): TemplateResult {
    const t = this.t;
    const filtered = Boolean(this.filters.accountId || this.filters.externalId);
    if (!this.items.length) return html`<p part="empty">${filtered ? t('empty.filtered') : t('empty')}</p>`;
    return html`<ul part="list" aria-label=${t('list.label')}>
        ${repeat(this.items, (item) => item.id, (item) => this.renderItem(item))}
      </ul>
      ${this.items.length >= PROCESS_LIST_LIMIT ? html`<p class="hint">${t('list.limit', { count: PROCESS_LIST_LIMIT })}</p>` : nothing}`;
  }

  private renderItem(item: ProcessSummary): TemplateResult {
    const t = this.t;
    const phase = item.currentPhase;
    return html`<li part="item" data-id=${item.id}>
      <h3><button part="open" class="link" type="button" @click=${() => this.open(item.id)}>${item.title}</button></h3>
      <dl>
        <div><dt>${t('row.account')}</dt><dd>${item.accountName}</dd></div>
        <div><dt>${t('row.kind')}</dt><dd>${item.kind ?? t('kind.none')}</dd></div>
        <div>
          <dt>${t('row.phase')}</dt>
          <dd>${phase ? t('phase.of', { position: phase.position, count: item.phaseCount, name: phase.name }) : t('phase.none')}</dd>
        </div>
        <div><dt>${t('row.updated')}</dt><dd><time datetime=${item.updatedAt}>${formatInstant(item.updatedAt, this.locale, this.me?.tenant.timeZone)}</time></dd></div>
      </dl>
    </li>`;
  }

  /** Says `text` in the live region, even when it is the same as last time. */
  private announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private open(id: string) {
    this.announcement = '';
    this.openId = id;
  }

  private handleAccount = (event: GlobalEventHandlersEventMap['admin-account-change']) => {
    this.account = event.detail.account;
    this.filters = { ...this.filters, accountId: event.detail.account?.id };
    this.announceLoad = true;
  };

  private handleExternal = (event: Event) => {
    const value = (event.target as HTMLInputElement).value.trim() || undefined;
    if (value === this.filters.externalId) return;
    this.filters = { ...this.filters, externalId: value };
    this.announceLoad = true;
  };

  private handleSaved = (event: GlobalEventHandlersEventMap['admin-process-saved']) => {
    const { result, title } = event.detail;
    const key = result.result === 'created' ? 'announce.created' : result.result === 'updated' ? 'announce.updated' : 'announce.unchanged';
    this.announce(this.t(key, { title, externalId: result.externalId }));
    void this.list.run();
  };

  private handleBack = () => {
    const id = this.openId;
    this.openId = undefined;
    focusLater(this, id ? `[data-id="${CSS.escape(id)}"] [part~=open]` : '#processes-title', '#processes-title');
  };

  private handleChanged = (event: GlobalEventHandlersEventMap['admin-process-changed']) => {
    const changed = event.detail.process;
    this.items = this.items.map((item) => (item.id === changed.id ? { ...item, ...changed } : item));
  };
}

define('admin-processes', AdminProcesses);

declare global {
  interface HTMLElementTagNameMap {
    'admin-processes': AdminProcesses;
  }
}
