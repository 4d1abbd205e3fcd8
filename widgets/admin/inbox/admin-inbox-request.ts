import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { fileKind, formatFileSize } from '../../core/format.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { inboxStyles } from './admin-inbox.styles.ts';
import { InboxClient, type CategorySetting, type RequestDetail, type RequestStatus, type RequestSummary } from './inbox-client.ts';
import { authorLabel, categoryLabel, dateTime } from './inbox-format.ts';
import { messages, problemKey, type InboxKey } from './messages.ts';
import { idle, renderRequestActions, type AssignChoice, type FormState, type RequestActionsView } from './request-actions.ts';

/**
 * One request of the inbox: subject, status, client and assignee; the conversation (the client's description first,
 * then each message with its author and time, always as text); the attached files; and, with `requests:write`, a
 * reply (signed with a name, the staff member's by default), a status change and an assignment, each announced.
 * @summary A request's conversation and what staff can do with it.
 * @event admin-request-changed - a reply, status or assignment was saved: the list's row should show `changes`.
 * @event admin-request-back - "Back to the inbox" was chosen.
 * @csspart request - the request.
 * @csspart back - the "back to the inbox" button.
 * @csspart announcement - the live region saying what just happened.
 * @csspart badge - the request's status.
 * @csspart messages - the conversation; each a `message` (`data-author` client or business).
 * @csspart attachments - the attached files.
 * @csspart actions-panel - the reply, status and assignment forms (`reply`, `status-form`, `assign`).
 * @csspart error - what went wrong.
 */
export class AdminInboxRequest extends AdminSection<InboxKey> implements RequestActionsView {
  static override styles = [baseStyles, panelStyles, inboxStyles];

  protected readonly catalog = messages;

  /** The request to show. */
  @property() requestId = '';
  /** The tenant's categories, for their names. */
  @property({ attribute: false }) categories: readonly CategorySetting[] = [];

  @state() private request?: RequestDetail;
  @state() private announcement = '';
  @state() replyBody = '';
  @state() replyAs = '';
  @state() reply: FormState = idle();
  @state() statusDraft: RequestStatus = 'open';
  @state() status: FormState = idle();
  @state() assignChoice: AssignChoice = 'nobody';
  @state() assignOther = '';
  @state() assign: FormState = idle();

  private readonly detail = new Task(this, {
    task: async ([api, id], { signal }) => {
      if (!api || !id) return undefined;
      const request = await new InboxClient(api).get(id, signal);
      this.show(request);
      return request;
    },
    args: () => [this.api, this.requestId] as const,
  });

  override get t() {
    return super.t;
  }

  get myName(): string {
    return this.me?.name ?? '';
  }

  override render() {
    const t = this.t;
    return html`<article part="request" lang=${this.locale} aria-labelledby="request-title" aria-busy=${this.request?.id === this.requestId ? 'false' : 'true'}>
      <div class="actions"><button part="back" class="link" type="button" @click=${this.handleBack}>← ${t('back')}</button></div>
      <p part="announcement" role="status" aria-live="polite">${this.announcement}</p>
      ${this.detail.render({
        initial: () => this.renderLoading(),
        pending: () => (this.request?.id === this.requestId ? this.renderRequest(this.request) : this.renderLoading()),
        error: (error) => this.renderProblem(error),
        complete: () => (this.request ? this.renderRequest(this.request) : this.renderLoading()),
      })}
    </article>`;
  }

  private renderLoading(): TemplateResult {
    return html`<h3 id="request-title" class="visually-hidden">${this.t('detail.loading')}</h3>
      <div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('detail.loading')}</span></div>`;
  }

  private renderProblem(error: unknown): TemplateResult {
    return html`<h3 id="request-title" class="visually-hidden">${this.t('title')}</h3>
      <div part="error" role="alert" tabindex="-1">
        <p>${this.t(problemKey(error instanceof ApiError ? error.code : undefined))}</p>
        <button class="secondary" type="button" @click=${() => void this.detail.run()}>${this.t('retry')}</button>
      </div>`;
  }

  private renderRequest(request: RequestDetail): TemplateResult {
    const t = this.t;
    return html`<header class="request-head">
        <h3 id="request-title" tabindex="-1">${request.subject}</h3>
        <span part="badge" class="state" data-status=${request.status}>${t(`status.${request.status}`)}</span>
      </header>
      <dl part="facts">
        <div><dt>${t('row.account')}</dt><dd>${request.accountName}</dd></div>
        <div><dt>${t('row.category')}</dt><dd>${categoryLabel(t, this.categories, request.category, this.locale)}</dd></div>
        <div><dt>${t('detail.opened')}</dt><dd><time datetime=${request.createdAt}>${dateTime(request.createdAt, this.locale)}</time></dd></div>
        <div><dt>${t('row.assignee')}</dt><dd>${request.assignee ?? t('row.nobody')}</dd></div>
      </dl>
      <section aria-labelledby="conversation-title" class="conversation">
        <h4 id="conversation-title">${t('detail.conversation')}</h4>
        <ol part="messages" aria-label=${t('detail.message-list')}>
          ${this.renderMessage('client', authorLabel(t, { author: 'client', authorName: null }, request), request.createdAt, request.description)}
          ${repeat(
            request.messages,
            (message) => message.id,
            (message) => this.renderMessage(message.author === 'client' ? 'client' : 'business', authorLabel(t, message, request), message.createdAt, message.body),
          )}
        </ol>
      </section>
      ${request.attachments.length ? this.renderAttachments(request) : nothing}
      ${this.can('requests:write') ? renderRequestActions(this, request) : html`<p part="read-only" class="hint">${t('read-only')}</p>`}`;
  }

  /** A message: its author and time, and its body as text (Lit escapes it; line breaks kept by CSS). */
  private renderMessage(author: 'client' | 'business', name: string, at: string, body: string): TemplateResult {
    return html`<li part="message" data-author=${author}>
      <p class="message-head"><strong>${name}</strong> · <time datetime=${at}>${dateTime(at, this.locale)}</time></p>
      <p class="message-body">${body}</p>
    </li>`;
  }

  private renderAttachments(request: RequestDetail): TemplateResult {
    const t = this.t;
    return html`<section aria-labelledby="attachments-title" class="attachments">
      <h4 id="attachments-title">${t('detail.attachments')}</h4>
      <ul part="attachments">
        ${request.attachments.map(
          (file) => html`<li><span class="file-name">${file.name}</span> <span class="hint">${fileKind(t, file)} · ${formatFileSize(file.size, this.locale)}</span></li>`,
        )}
      </ul>
      <p class="hint">${t('detail.attachments.hint')}</p>
    </section>`;
  }

  /** Takes a freshly loaded request: the forms start from what it is now. */
  private show(request: RequestDetail) {
    const first = this.request?.id !== request.id;
    this.request = request;
    this.statusDraft = request.status;
    this.assignFrom(request.assignee);
    if (first) {
      this.replyBody = '';
      this.replyAs = this.myName;
      this.reply = idle();
      this.status = idle();
      this.assign = idle();
      this.announcement = '';
      void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>('#request-title')?.focus());
    }
  }

  /** The assignment form as the request is assigned now. */
  private assignFrom(assignee: string | null) {
    this.assignChoice = !assignee ? 'nobody' : assignee === this.myName ? 'me' : 'other';
    this.assignOther = this.assignChoice === 'other' ? (assignee ?? '') : '';
  }

  override firstUpdated() {
    // The row's button that opened this is gone: keep the focus here until the request has loaded.
    this.shadowRoot?.querySelector<HTMLElement>('[part~=back]')?.focus();
  }

  private handleBack = () => this.dispatchEvent(new CustomEvent('admin-request-back', { bubbles: true, composed: true }));

  /** Updates the request shown and tells the list. */
  private changed(changes: Partial<RequestSummary>, message: string) {
    const updatedAt = new Date().toISOString();
    this.request = { ...this.request!, ...changes, updatedAt };
    this.announcement = message;
    this.dispatchEvent(new CustomEvent('admin-request-changed', { detail: { id: this.request.id, changes: { ...changes, updatedAt } }, bubbles: true, composed: true }));
  }

  /** A failed save, in words: `invalid_input` on the fields it names, anything else above the button. */
  private failure(error: unknown): FormState {
    const code = error instanceof ApiError ? error.code : undefined;
    const fields = error instanceof ApiError && code === 'invalid_input' ? Object.fromEntries(error.fields.map((field) => [field.path.split('.')[0]!, field.message])) : {};
    return { busy: false, error: this.t(problemKey(code)), fields };
  }

  handleReplyInput = (event: Event) => {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement;
    if (field.name === 'body') this.replyBody = field.value;
    else this.replyAs = field.value;
  };

  handleReply = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.reply.busy || !this.api || !this.request) return;
    const body = this.replyBody.trim();
    if (!body) {
      this.reply = { busy: false, fields: { body: this.t('reply.body.missing') } };
      return this.focusLater('#reply-body');
    }
    const authorName = this.replyAs.trim() || undefined;
    this.reply = { busy: true, fields: {} };
    try {
      const { status } = await new InboxClient(this.api).reply(this.request.id, body, authorName);
      const sent = { id: `sent-${Date.now()}`, author: 'staff' as const, authorName: authorName ?? null, body, createdAt: new Date().toISOString() };
      this.request = { ...this.request, messages: [...this.request.messages, sent] };
      this.statusDraft = status;
      this.replyBody = '';
      this.reply = idle();
      this.changed({ status, closedAt: null }, this.t('announce.replied'));
    } catch (error) {
      this.reply = this.failure(error);
    }
  };

  handleStatusInput = (event: Event) => {
    this.statusDraft = (event.target as HTMLSelectElement).value as RequestStatus;
  };

  handleStatus = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.status.busy || !this.api || !this.request) return;
    const wanted = this.statusDraft;
    this.status = { busy: true, fields: {} };
    try {
      const { status } = await new InboxClient(this.api).setStatus(this.request.id, wanted);
      this.status = idle();
      this.changed({ status, closedAt: status === 'closed' ? new Date().toISOString() : null }, this.t('announce.status', { status: this.t(`status.${status}`) }));
    } catch (error) {
      this.status = this.failure(error);
    }
  };

  handleAssignInput = (event: Event) => {
    const field = event.target as HTMLInputElement;
    if (field.name === 'assignChoice') {
      this.assignChoice = field.value as AssignChoice;
      this.assign = idle();
      if (this.assignChoice === 'other') this.focusLater('#assign-other');
    } else {
      this.assignOther = field.value;
    }
  };

  handleAssign = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.assign.busy || !this.api || !this.request) return;
    const assignee = this.assignChoice === 'me' ? this.myName.trim() : this.assignChoice === 'other' ? this.assignOther.trim() : null;
    if (assignee === '') {
      this.assign = { busy: false, fields: { assignee: this.t('assign.other.missing') } };
      return this.focusLater(this.assignChoice === 'other' ? '#assign-other' : '[name=assignChoice]');
    }
    this.assign = { busy: true, fields: {} };
    try {
      const answer = await new InboxClient(this.api).assign(this.request.id, assignee);
      this.assign = idle();
      this.assignFrom(answer.assignee);
      this.changed({ assignee: answer.assignee }, answer.assignee ? this.t('announce.assigned', { name: answer.assignee }) : this.t('announce.unassigned'));
    } catch (error) {
      this.assign = this.failure(error);
    }
  };

  private focusLater(selector: string) {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }
}

define('admin-inbox-request', AdminInboxRequest);

declare global {
  interface HTMLElementTagNameMap {
    'admin-inbox-request': AdminInboxRequest;
  }
  interface GlobalEventHandlersEventMap {
    'admin-request-changed': CustomEvent<{ id: string; changes: Partial<RequestSummary> }>;
    'admin-request-back': Event;
  }
}
