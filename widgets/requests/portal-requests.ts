import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type RequestDetail, type RequestDraft } from '../core/api-client.ts';
import type { RequestSummary } from '../../server/features/requests/schemas.ts';
import { fullAccessToken, portalContext, type PortalRuntime, sessionKeyOf } from '../core/context.ts';
import { define } from '../core/define.ts';
import { formatDate } from '../core/format.ts';
import { coreMessages, translator, type Translate } from '../core/i18n.ts';
import { baseStyles, panelStyles } from '../core/shared-styles.ts';
import { requestMessages, type RequestMessageKey } from './messages.ts';
import { requestStyles } from './portal-requests.styles.ts';

type Key = RequestMessageKey | keyof (typeof coreMessages)['en'];
const messages = {
  en: { ...coreMessages.en, ...requestMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...requestMessages['pt-BR'] },
  es: { ...coreMessages.es, ...requestMessages.es },
};

/**
 * The client's requests to the business (B6, T5, P3, S1, C4): the list with status badges, a new-request form and
 * each request's thread. Other widgets open it pre-filled with the `portal-request-new` event (or the `draft`
 * property), e.g. a financial request about a charge; it cancels that event to say it took the draft. The
 * `portal-request-open` event (`detail.id`) opens one request's thread, e.g. from an appointment proposal.
 * @summary What the client asked the business, and the answers.
 * @event portal-request-created - a request was sent; `detail.id`.
 * @csspart base - the panel.
 * @csspart item - one request in the list.
 * @csspart badge - a request's status.
 * @csspart message - one message of a thread.
 * @csspart attachment - a file attached to the request (a download button).
 * @csspart error - what went wrong.
 * @csspart status - loading and confirmation messages.
 * @cssprop --portal-requests-gap - space between the parts.
 */
export class PortalRequests extends LitElement {
  static override styles = [baseStyles, panelStyles, requestStyles];

  /** A request to start writing: the new-request form opens with it filled in. */
  @property({ attribute: false }) draft?: RequestDraft;

  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;
  @state() private view: 'list' | 'new' | 'detail' = 'list';
  @state() private selected?: string;
  @state() private busy = false;
  @state() private error = '';
  @state() private notice = '';
  @state() private version = 0;

  private readonly token = () => fullAccessToken(this.portal);
  /** The session's identity, not its token: a refreshed token must not reload the list. */
  private readonly sessionKey = () => sessionKeyOf(this.portal);

  /** The status shown in the list ('' for all), and the older pages the client asked for. */
  @state() private statusFilter = '';
  @state() private older: { items: RequestSummary[]; next: string | null } = { items: [], next: null };

  private readonly list = new Task(this, {
    task: async ([key, , , status], { signal }) => {
      this.older = { items: [], next: null };
      return key ? this.portal!.api.listRequests(this.token()!, { status }, signal) : undefined;
    },
    args: () => [this.sessionKey(), this.version, this.view, this.statusFilter] as const,
  });
  private readonly detail = new Task(this, {
    task: async ([key, id], { signal }) => (key && id ? this.portal!.api.getRequest(this.token()!, id, signal) : undefined),
    args: () => [this.sessionKey(), this.selected, this.version] as const,
  });
  private readonly categories = new Task(this, {
    task: async ([key], { signal }) => (key ? this.portal!.api.requestCategories(this.token()!, signal) : []),
    args: () => [this.sessionKey()] as const,
  });

  /** Takes a draft another widget sent, and cancels the event so the sender knows someone took it. */
  private readonly handleDraftEvent = (event: CustomEvent<RequestDraft>) => {
    event.preventDefault();
    this.openDraft(event.detail);
  };

  /** Opens the thread another widget points to (an appointment proposal's request), and says so by cancelling. */
  private readonly handleOpenEvent = (event: CustomEvent<{ id: string }>) => {
    event.preventDefault();
    this.open(event.detail.id);
    void this.updateComplete.then(() => this.scrollIntoView({ block: 'nearest' }));
  };

  override connectedCallback() {
    super.connectedCallback();
    document.addEventListener('portal-request-new', this.handleDraftEvent);
    document.addEventListener('portal-request-open', this.handleOpenEvent);
    const match = /(?:^#|&)portico-request=([0-9a-f-]{36})/.exec(location.hash);
    if (match) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      this.open(match[1]!);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('portal-request-new', this.handleDraftEvent);
    document.removeEventListener('portal-request-open', this.handleOpenEvent);
  }

  private lastSessionKey = '';
  private focusHeading = false;

  protected override willUpdate(changed: Map<string, unknown>) {
    if (changed.has('draft') && this.draft) this.view = 'new';
    // Another person or account: nothing of the previous one's screen may stay (an open thread, a draft).
    const key = this.sessionKey();
    if (changed.has('portal') && key !== this.lastSessionKey) {
      if (this.lastSessionKey) Object.assign(this, { view: 'list', selected: undefined, draft: undefined, error: '', notice: '' });
      this.lastSessionKey = key;
    }
  }

  protected override updated() {
    if (!this.focusHeading) return;
    const heading = this.shadowRoot?.querySelector<HTMLElement>('h2[tabindex="-1"]');
    if (heading) {
      this.focusHeading = false;
      heading.focus();
    }
  }

  /** Opens the new-request form filled with `draft` and brings it into view. */
  openDraft(draft: RequestDraft) {
    this.draft = draft;
    this.view = 'new';
    this.error = '';
    void this.updateComplete.then(() => {
      this.scrollIntoView({ block: 'nearest' });
      this.shadowRoot?.querySelector<HTMLElement>('[name=subject]')?.focus();
    });
  }

  override render() {
    const locale = this.portal?.locale ?? 'pt-BR';
    const t = translator(messages, locale) as Translate<Key>;
    if (!this.token()) return html`<div part="base" lang=${locale}><h2>${t('title')}</h2><p>${t('sign-in-first')}</p></div>`;
    const body = this.view === 'new' ? this.renderForm(t) : this.view === 'detail' ? this.renderDetail(t) : this.renderList(t);
    return html`<div part="base" lang=${locale}>
      ${this.error ? html`<div part="error" role="alert">${this.error}</div>` : nothing}
      ${this.notice ? html`<p part="status" role="status">${this.notice}</p>` : nothing}
      ${body}
    </div>`;
  }

  private renderList(t: Translate<Key>): TemplateResult {
    const header = html`<header><h2>${t('title')}</h2><button class="primary" type="button" @click=${() => this.openDraft({ category: 'general' })}>${t('new')}</button></header>
      <label>${t('show')}
        <select name="status" @change=${(event: Event) => (this.statusFilter = (event.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${!this.statusFilter}>${t('all')}</option>
          ${(['open', 'in-progress', 'answered', 'closed'] as const).map((status) => html`<option value=${status} ?selected=${this.statusFilter === status}>${t(`status.${status}` as Key)}</option>`)}
        </select>
      </label>`;
    const loading = () => html`${header}<p part="status" role="status">${t('loading')}</p>`;
    return (this.list.render({
      initial: loading,
      pending: loading,
      error: (error) => html`${header}<div part="error" role="alert">${this.message(t, error)}</div>`,
      complete: (page) =>
        !page || page.items.length === 0
          ? html`${header}<p>${t('empty')}</p>`
          : html`${header}
              <ul>
                ${[...page.items, ...this.older.items].map(
                  (request) => html`<li>
                    <button part="item" type="button" @click=${() => this.open(request.id)}>
                      <strong>${request.subject}</strong>
                      <span class="meta">
                        <span part="badge" data-status=${request.status}>${t(`status.${request.status}` as Key)}</span>
                        <span>${this.categoryLabel(t, request.category)}</span>
                        ${this.reachesSeveralAccounts() ? html`<span>${request.accountName}</span>` : nothing}
                        <span>${t('opened-on', { date: this.date(request.createdAt) })}</span>
                      </span>
                    </button>
                  </li>`,
                )}
              </ul>
              ${(this.older.items.length ? this.older.next : page.next)
                ? html`<div class="actions"><button class="secondary" type="button" @click=${() => this.loadOlder(this.older.items.length ? this.older.next! : page.next!)}>${t('more')}</button></div>`
                : nothing}`,
    }) ?? loading());
  }

  private renderForm(t: Translate<Key>): TemplateResult {
    const draft = this.draft ?? { category: 'general' as const };
    const categories = this.categories.value;
    if (!categories?.length) {
      return html`<h2 tabindex="-1">${t('new')}</h2>
        ${this.categories.error ? html`<div part="error" role="alert">${this.message(t, this.categories.error)}</div>` : html`<p part="status" role="status">${t('loading')}</p>`}
        <div class="actions">${this.backButton(t)}</div>`;
    }
    const establishments = this.establishmentChoices();
    return html`<h2 tabindex="-1">${t('new')}</h2>
      ${draft.about ? html`<p>${t(`about.${draft.about.type}` as Key)}</p>` : nothing}
      <form @submit=${this.handleCreate} novalidate>
        <label>${t('category')}
          <select name="category">
            ${categories.map((c) => html`<option value=${c.key} ?selected=${c.key === draft.category}>${this.categoryLabel(t, c.key)}</option>`)}
          </select>
        </label>
        ${establishments.length > 1
          ? html`<label>${t('establishment')}
              <select name="establishmentId">${establishments.map((e) => html`<option value=${e.id}>${e.name}</option>`)}</select>
            </label>`
          : nothing}
        <label>${t('subject')}<input name="subject" maxlength="200" required .value=${draft.subject ?? ''} /></label>
        <label>${t('description')}<textarea name="description" maxlength="10000" required .value=${draft.description ?? ''}></textarea></label>
        <label>${t('files')}
          <input name="files" type="file" multiple accept="application/pdf,image/png,image/jpeg,image/webp" aria-describedby="files-hint" />
        </label>
        <span id="files-hint" class="meta">${t('files-hint')}</span>
        <div class="actions">
          <button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${this.busy ? t('loading') : t('send')}</button>
          <button class="secondary" type="button" @click=${this.showList}>${t('cancel')}</button>
        </div>
      </form>`;
  }

  private renderDetail(t: Translate<Key>): TemplateResult {
    const loading = () => html`<p part="status" role="status">${t('loading')}</p>`;
    // While a thread reloads (after a reply, say), the one on screen stays, so focus and place are not lost.
    const previous = () => (this.detail.value?.id === this.selected ? this.renderThread(t, this.detail.value!) : loading());
    return (this.detail.render({
      initial: loading,
      pending: previous,
      error: (error) => html`<div part="error" role="alert">${this.message(t, error)}</div>${this.backButton(t)}`,
      complete: (request) => (request ? this.renderThread(t, request) : html``),
    }) ?? loading());
  }

  private renderThread(t: Translate<Key>, request: RequestDetail): TemplateResult {
    const closed = request.status === 'closed';
    return html`<header>
        <h2 tabindex="-1">${request.subject}</h2>
        <span part="badge" data-status=${request.status}>${t(`status.${request.status}` as Key)}</span>
      </header>
      <p class="meta">${this.categoryLabel(t, request.category)} · ${t('opened-on', { date: this.date(request.createdAt) })}</p>
      ${request.attachments.length
        ? html`<ul aria-label=${t('files')}>
            ${request.attachments.map(
              (file) => html`<li><button class="secondary" part="attachment" type="button" @click=${() => this.download(request.id, file.id, file.name)}>
                ${file.name} (${Math.max(1, Math.round(file.size / 1024))} KB)</button></li>`,
            )}
          </ul>`
        : nothing}
      <ul>
        <li part="message" data-author="client"><strong>${t('you')}</strong><p>${request.description}</p></li>
        ${request.messages.map(
          (m) => html`<li part="message" data-author=${m.author === 'client' ? 'client' : 'business'}>
            <strong>${m.author === 'client' ? t('you') : (m.authorName ?? t('business'))}</strong> · ${this.date(m.createdAt, true)}
            <p>${m.body}</p>
          </li>`,
        )}
      </ul>
      ${closed
        ? nothing
        : html`<form @submit=${this.handleReply} novalidate>
            <label>${t('reply')}<textarea name="body" maxlength="10000" required></textarea></label>
            <div class="actions"><button class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t('send-reply')}</button></div>
          </form>`}
      <div class="actions">
        ${closed
          ? html`<button class="secondary" type="button" @click=${() => this.act('reopenRequest', request.id)}>${t('reopen')}</button>`
          : html`<button class="secondary" type="button" @click=${() => this.act('closeRequest', request.id)}>${t('close')}</button>`}
        ${this.backButton(t)}
      </div>`;
  }

  private backButton(t: Translate<Key>) {
    return html`<button class="secondary" type="button" @click=${this.showList}>${t('back')}</button>`;
  }

  /** A user who reaches several accounts sees which one each request belongs to. */
  private reachesSeveralAccounts(): boolean {
    return this.portal?.session.status === 'signed-in' && this.portal.session.accounts.length > 1;
  }

  /** The establishments a user limited to some of them chooses among (A11); empty when the whole account is theirs. */
  private establishmentChoices(): { id: string; name: string }[] {
    const session = this.portal?.session;
    if (session?.status !== 'signed-in') return [];
    const account = session.accounts.find((a) => a.id === session.accountId) ?? (session.accounts.length === 1 ? session.accounts[0] : undefined);
    return account && account.establishments !== 'all' ? account.establishments : [];
  }

  private categoryLabel(t: Translate<Key>, key: string): string {
    const own = this.categories.value?.find((c) => c.key === key)?.labels[this.portal?.locale ?? 'pt-BR'];
    return own ?? t(`category.${key}` as Key);
  }

  private date(value: string, withTime = false): string {
    const zone = this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.timeZone : 'UTC';
    return formatDate(value, zone, this.portal?.locale ?? 'pt-BR', withTime);
  }

  private message(t: Translate<Key>, error: unknown): string {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `error.${code}` as Key;
    return key in messages.en ? t(key) : t('error.generic');
  }

  private open(id: string) {
    // Always fresh: the business may have answered since the request was last opened.
    this.version++;
    this.selected = id;
    this.view = 'detail';
    this.error = '';
    this.notice = '';
    this.focusHeading = true;
  }

  private showList = () => {
    this.view = 'list';
    this.draft = undefined;
    this.error = '';
  };

  private async run(work: () => Promise<void>) {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      await work();
    } catch (error) {
      this.error = this.message(translator(messages, this.portal?.locale ?? 'pt-BR') as Translate<Key>, error);
    } finally {
      this.busy = false;
    }
  }

  private handleCreate = (event: SubmitEvent) => {
    event.preventDefault();
    const data = Object.fromEntries(new FormData(event.target as HTMLFormElement)) as Record<string, string>;
    const t = translator(messages, this.portal?.locale ?? 'pt-BR') as Translate<Key>;
    if (!data.subject?.trim() || !data.description?.trim()) return void (this.error = t('error.required'));
    const files = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=files]')?.files;
    const tooBig = [...(files ?? [])].find((file) => file.size > 10 * 1024 * 1024);
    if (tooBig) return void (this.error = t('error.payload_too_large', { name: tooBig.name }));
    void this.run(async () => {
      const created = await this.portal!.api.createRequest(this.token()!, {
        category: data.category as RequestDraft['category'],
        ...(data.establishmentId ? { establishmentId: data.establishmentId } : {}),
        subject: data.subject!.trim(),
        description: data.description!.trim(),
        about: this.draft?.about,
      });
      for (const file of files ?? []) await this.portal!.api.attachToRequest(this.token()!, created.id, file);
      this.draft = undefined;
      this.notice = t('sent');
      this.version++;
      this.selected = created.id;
      this.view = 'detail';
      this.focusHeading = true;
      this.dispatchEvent(new CustomEvent('portal-request-created', { detail: { id: created.id }, bubbles: true, composed: true }));
    });
  };

  private handleReply = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const body = String(new FormData(form).get('body') ?? '').trim();
    if (!body) return void (this.error = (translator(messages, this.portal?.locale ?? 'pt-BR') as Translate<Key>)('error.required'));
    void this.run(async () => {
      await this.portal!.api.replyToRequest(this.token()!, this.selected!, body);
      form.reset();
      this.version++;
    });
  };

  private loadOlder(cursor: string) {
    void this.run(async () => {
      const page = await this.portal!.api.listRequests(this.token()!, { before: cursor, status: this.statusFilter });
      this.older = { items: [...this.older.items, ...page.items], next: page.next };
    });
  }

  /** Fetches an attachment with the session's token and hands it to the browser as a download. */
  private download(id: string, attachmentId: string, name: string) {
    void this.run(async () => {
      const blob = await this.portal!.api.downloadAttachment(this.token()!, id, attachmentId);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    });
  }

  private act(call: 'closeRequest' | 'reopenRequest', id: string) {
    void this.run(async () => {
      await this.portal!.api[call](this.token()!, id);
      this.version++;
    });
  }
}

define('portal-requests', PortalRequests);

declare global {
  interface HTMLElementTagNameMap {
    'portal-requests': PortalRequests;
  }
  interface GlobalEventHandlersEventMap {
    /** Another widget asks to open a new request, pre-filled. */
    'portal-request-new': CustomEvent<RequestDraft>;
    /** Another widget asks to open one request's thread. */
    'portal-request-open': CustomEvent<{ id: string }>;
    'portal-request-created': CustomEvent<{ id: string }>;
  }
}
