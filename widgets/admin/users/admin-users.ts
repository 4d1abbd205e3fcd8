import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { PortalUserListItem } from '../admin-api.ts';
import { AdminSection } from '../admin-section.ts';
import { define } from '../../core/define.ts';
import type { Translate } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import './admin-user-invite.ts';
import './admin-users-import.ts';
import { usersStyles } from './admin-users.styles.ts';
import { messages, type UsersKey } from './messages.ts';
import { isAbort, pluralOf, problemKey } from './problems.ts';
import { renderEmpty, renderFilters, renderSelection, type StatusFilter, type UsersControlsView } from './users-controls.ts';
import { renderUsers, type RowAction, type UsersListView } from './users-list.ts';

/** How long typing must pause before the search runs (Enter runs it at once). */
export const SEARCH_DELAY_MS = 350;
/** The most users one "send access links" may name (the server's limit). */
const MAX_LINKS = 500;
const DONE: Record<RowAction, UsersKey> = { resend: 'done.resend', reset: 'done.reset', disable: 'done.disable', enable: 'done.enable' };

/**
 * The portal's users (G4, A1, A2, G7): searched by e-mail and filtered by status, each with its status, the accounts
 * and establishments it reaches, its last sign-in and creation; "Load more" pages on. With `users:write`: invite one
 * (`<admin-user-invite>`) or many from a CSV file (`<admin-users-import>`), resend the activation e-mail, send a
 * password reset, disable (after a confirmation) or enable, and send access links to a selection. Every result is
 * announced in a live region; read-only staff see the same list without any of the actions.
 * @summary Portal users: list, invite, import, and their access.
 * @csspart base - the panel.
 * @csspart toolbar - the "new user" and "import" buttons.
 * @csspart filters - the search box and status filter.
 * @csspart selection - the "select all" box and "send access links".
 * @csspart list - the list of users.
 * @csspart user - one user (`data-status` pending, active or disabled).
 * @csspart badge - a user's status.
 * @csspart announcement - the live region announcing results.
 * @csspart facts - a user's access, last sign-in and creation.
 * @csspart row-actions - a user's buttons.
 * @csspart confirm - the "disable?" question.
 * @csspart more - the "load more" button.
 * @csspart empty - the message when there is no user (yet, or for the search).
 * @csspart error - what went wrong.
 * @cssprop --portal-users-gap - space between the parts.
 */
export class AdminUsers extends AdminSection<UsersKey> implements UsersListView, UsersControlsView {
  static override styles = [baseStyles, panelStyles, usersStyles];

  protected readonly catalog = messages;

  /** The section's translator, public for its templates. */
  override get t(): Translate<UsersKey> {
    return super.t;
  }

  /** Only the users of this account (e.g. opened from an account); empty: every user. */
  @property({ attribute: 'account-id' }) accountId = '';

  @state() q = '';
  @state() status: StatusFilter = '';
  @state() private reloads = 0;
  @state() users: PortalUserListItem[] = [];
  @state() private next: string | null = null;
  @state() selected: ReadonlySet<string> = new Set();
  @state() busy: ReadonlyMap<string, RowAction> = new Map();
  @state() confirming?: string;
  @state() rowErrors: ReadonlyMap<string, string> = new Map();
  @state() private announcement = '';
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() sendingLinks = false;
  @state() linksError = '';
  @state() private importOpen = false;
  private timer?: ReturnType<typeof setTimeout>;
  /** Counts the list's loads, so a page that arrives after a new search is dropped. */
  private generation = 0;
  /** The account the filter names, remembered from the first page's memberships. */
  accountName = '';

  private readonly list = new Task(this, {
    task: async ([api, q, status, accountId], { signal }) => {
      if (!api) return undefined;
      const generation = ++this.generation;
      const page = await api.listUsers(query(q, status, accountId), signal);
      if (generation !== this.generation) return page;
      Object.assign(this, { users: page.items, next: page.next, selected: new Set(), busy: new Map(), rowErrors: new Map(), confirming: undefined, moreError: '' });
      this.accountName = page.items.flatMap((user) => user.memberships).find((m) => m.accountId === accountId)?.accountName ?? '';
      return page;
    },
    args: () => [this.api, this.q, this.status, this.accountId, this.reloads] as const,
  });

  get canWrite(): boolean {
    return this.can('users:write');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  override render() {
    const t = this.t;
    return html`<section part="base" lang=${this.locale} aria-labelledby="users-title">
      <div class="title">
        <h2 id="users-title">${t('title')}</h2>
        <p class="intro">${t('intro')}</p>
      </div>
      ${this.canWrite ? this.renderToolbar() : nothing}
      <p part="announcement" role="status" aria-live="polite" class=${this.announcement ? 'announcement' : 'visually-hidden'}>${this.announcement}</p>
      ${renderFilters(this)}
      ${this.list.render({
        initial: () => this.renderLoading(),
        pending: () => this.renderLoading(),
        error: (error) => this.renderProblem(error),
        complete: (page) => (page ? this.renderLoaded() : this.renderLoading()),
      })}
    </section>`;
  }

  private renderToolbar(): TemplateResult {
    return html`<div part="toolbar" class="actions">
        <admin-user-invite .api=${this.api} .me=${this.me} locale=${this.locale} @admin-user-invited=${this.handleInvited}></admin-user-invite>
        <button id="import-toggle" class="secondary" type="button" aria-expanded=${this.importOpen ? 'true' : 'false'} aria-controls="import-panel" @click=${this.toggleImport}>
          ${this.t('import.open')}
        </button>
      </div>
      <admin-users-import
        id="import-panel"
        ?hidden=${!this.importOpen}
        .api=${this.api}
        .me=${this.me}
        locale=${this.locale}
        @admin-users-imported=${this.reload}
        @admin-import-close=${this.closeImport}
      ></admin-users-import>`;
  }

  private renderLoading(): TemplateResult {
    return html`<p class="loading" role="status" aria-busy="true"><progress aria-hidden="true"></progress> ${this.t('loading')}</p>`;
  }

  private renderProblem(error: unknown): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.t(problemKey(error))}</p>
      <button class="secondary" type="button" @click=${() => void this.list.run()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderLoaded(): TemplateResult {
    const t = this.t;
    if (!this.users.length) return renderEmpty(this);
    return html`${this.canWrite ? renderSelection(this) : nothing} ${renderUsers(this, this.users)}
      ${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
      ${this.next
        ? html`<div class="actions">
            <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.loadMore}>
              ${this.loadingMore ? t('loading-more') : t('more')}
            </button>
          </div>`
        : nothing}`;
  }

  toggle(user: PortalUserListItem, checked: boolean) {
    const selected = new Set(this.selected);
    if (checked) selected.add(user.id);
    else selected.delete(user.id);
    this.selected = selected;
    this.linksError = '';
  }

  /** Runs a row's action; "disable" asks first, and runs when asked again from the question. */
  async act(user: PortalUserListItem, action: RowAction) {
    if (!this.api || this.busy.has(user.id)) return;
    if (action === 'disable' && this.confirming !== user.id) {
      this.confirming = user.id;
      await this.focusInRow(user.id, '[part~=confirm-yes]');
      return;
    }
    this.busy = new Map(this.busy).set(user.id, action);
    this.rowErrors = without(this.rowErrors, user.id);
    try {
      await this.perform(user, action);
      if (this.confirming === user.id) this.confirming = undefined;
      await this.announce(this.t(DONE[action], { email: user.email }));
      if (action === 'disable' || action === 'enable') await this.focusInRow(user.id, '[part~=action]');
    } catch (error) {
      this.rowErrors = new Map(this.rowErrors).set(user.id, this.t(problemKey(error)));
    } finally {
      this.busy = without(this.busy, user.id);
    }
  }

  cancelDisable(user: PortalUserListItem) {
    this.confirming = undefined;
    void this.focusInRow(user.id, '[data-action=disable]');
  }

  private async perform(user: PortalUserListItem, action: RowAction) {
    const api = this.api!;
    if (action === 'resend') return api.resendActivation(user.id);
    if (action === 'reset') return api.sendPasswordReset(user.id);
    if (action === 'disable') {
      await api.disableUser(user.id);
      return this.replaceUser({ ...user, status: 'disabled' });
    }
    await api.enableUser(user.id);
    // Enabled, a user is active again or still pending, as the server knows: the row is read back.
    const fresh = await api.listUsers({ q: user.email }).then((page) => page.items.find((item) => item.id === user.id), () => undefined);
    this.replaceUser(fresh ?? { ...user, status: user.lastSignInAt ? 'active' : 'pending' });
  }

  private replaceUser(user: PortalUserListItem) {
    this.users = this.users.map((item) => (item.id === user.id ? user : item));
    if (user.status !== 'active') this.selected = without(this.selected, user.id);
  }

  async sendLinks() {
    if (!this.api || this.sendingLinks) return;
    const ids = this.users.filter((user) => this.selected.has(user.id)).map((user) => user.id);
    if (!ids.length || ids.length > MAX_LINKS) {
      this.linksError = this.t(ids.length ? 'access-links.too-many' : 'access-links.none');
      return;
    }
    this.sendingLinks = true;
    this.linksError = '';
    try {
      const { sent } = await this.api.sendAccessLinks(ids);
      this.selected = new Set();
      const done = sent < ids.length ? this.t('access-links.partial', { sent, count: ids.length }) : this.t(`access-links.sent.${pluralOf(this.locale, sent)}`, { count: sent });
      await this.announce(done);
    } catch (error) {
      this.linksError = this.t(problemKey(error));
    } finally {
      this.sendingLinks = false;
    }
  }

  selectAll(checked: boolean) {
    this.selected = new Set(checked ? this.users.filter((user) => user.status === 'active').map((user) => user.id) : []);
    this.linksError = '';
  }

  private loadMore = async () => {
    if (!this.api || !this.next || this.loadingMore) return;
    const shown = this.users.length;
    const generation = this.generation;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await this.api.listUsers({ ...query(this.q, this.status, this.accountId), before: this.next });
      // A search or filter changed meanwhile: that list replaced this one.
      if (generation !== this.generation) return;
      this.users = [...this.users, ...page.items];
      this.next = page.next;
      await this.updateComplete;
      this.shadowRoot?.querySelectorAll<HTMLElement>('[part~=user] h3')[shown]?.focus();
    } catch (error) {
      if (!isAbort(error)) this.moreError = this.t(problemKey(error));
    } finally {
      this.loadingMore = false;
    }
  };

  private handleInvited = async (event: GlobalEventHandlersEventMap['admin-user-invited']) => {
    const { email, accountName, activationSent } = event.detail;
    this.reload();
    await this.announce(activationSent === false ? this.t('done.added', { email, account: accountName }) : this.t('done.invited', { email }));
  };

  private reload = () => {
    this.reloads++;
  };

  private toggleImport = async () => {
    this.importOpen = !this.importOpen;
    if (!this.importOpen) return;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement & { focusTitle(): void }>('admin-users-import')?.focusTitle();
  };

  private closeImport = async () => {
    this.importOpen = false;
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('#import-toggle')?.focus();
  };

  search(value: string) {
    clearTimeout(this.timer);
    this.q = value.trim();
  }

  typeSearch(value: string) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(value), SEARCH_DELAY_MS);
  }

  filterStatus(status: StatusFilter) {
    this.status = status;
  }

  async clearFilters() {
    this.q = '';
    this.status = '';
    await this.updateComplete;
    // The button pressed goes away: the search is where one starts again.
    this.shadowRoot?.querySelector<HTMLInputElement>('input[name=q]')?.focus();
  }

  showAll() {
    this.accountId = '';
    this.accountName = '';
  }

  /** Says `text` in the live region (emptied first, so the same words twice are read twice). */
  private async announce(text: string) {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private async focusInRow(userId: string, selector: string) {
    await this.updateComplete;
    const row = this.shadowRoot?.querySelector(`[part~=user][data-id="${CSS.escape(userId)}"]`);
    (row?.querySelector<HTMLElement>(selector) ?? row?.querySelector<HTMLElement>('h3'))?.focus();
  }
}

/** The listing's query, without the empty parts. */
function query(q: string, status: StatusFilter, accountId: string): { q?: string; status?: string; accountId?: string } {
  return { ...(q ? { q } : {}), ...(status ? { status } : {}), ...(accountId ? { accountId } : {}) };
}

/** A copy of a set or map without `key` (state is replaced, never changed in place, so Lit sees the change). */
function without(set: ReadonlySet<string>, key: string): ReadonlySet<string>;
function without<V>(map: ReadonlyMap<string, V>, key: string): ReadonlyMap<string, V>;
function without(collection: ReadonlySet<string> | ReadonlyMap<string, unknown>, key: string): ReadonlySet<string> | ReadonlyMap<string, unknown> {
  const copy = collection instanceof Map ? new Map(collection) : new Set(collection as ReadonlySet<string>);
  copy.delete(key);
  return copy;
}

define('admin-users', AdminUsers);

declare global {
  interface HTMLElementTagNameMap {
    'admin-users': AdminUsers;
  }
}
