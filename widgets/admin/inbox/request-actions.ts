import { html, nothing, type TemplateResult } from 'lit';
import type { Translate } from '../../core/i18n.ts';
import { REQUEST_STATUSES, type RequestDetail, type RequestStatus } from './inbox-client.ts';
import type { InboxKey } from './messages.ts';

/** Who the "assign" form gives the request to. */
export type AssignChoice = 'me' | 'other' | 'nobody';

/** One form's progress and problems: `fields` by the server's paths (`body`, `authorName`, `assignee`). */
export interface FormState {
  busy: boolean;
  error?: string;
  fields: Partial<Record<string, string>>;
}
export const idle = (): FormState => ({ busy: false, fields: {} });

/** What the action forms use of `<admin-inbox-request>`. */
export interface RequestActionsView {
  readonly t: Translate<InboxKey>;
  readonly myName: string;
  readonly replyBody: string;
  readonly replyAs: string;
  readonly reply: FormState;
  readonly statusDraft: RequestStatus;
  readonly status: FormState;
  readonly assignChoice: AssignChoice;
  readonly assignOther: string;
  readonly assign: FormState;
  handleReplyInput(event: Event): void;
  handleReply(event: SubmitEvent): void;
  handleStatusInput(event: Event): void;
  handleStatus(event: SubmitEvent): void;
  handleAssignInput(event: Event): void;
  handleAssign(event: SubmitEvent): void;
}

const fieldError = (id: string, message: string | undefined) => (message ? html`<p class="field-error" id=${id}>${message}</p>` : nothing);
const formError = (state: FormState) => (state.error ? html`<div part="error" role="alert"><p>${state.error}</p></div>` : nothing);
const describedBy = (hint: string, error: string, message: string | undefined) => (message ? `${hint} ${error}` : hint);

/** Reply (with the name it is signed with), status and assignment: each a small form with its own progress. */
export function renderRequestActions(view: RequestActionsView, request: RequestDetail): TemplateResult {
  return html`<div part="actions-panel">${renderReply(view)} ${renderStatus(view, request)} ${renderAssign(view, request)}</div>`;
}

function renderReply(view: RequestActionsView): TemplateResult {
  const { t, reply } = view;
  return html`<form part="reply" novalidate aria-labelledby="reply-title" @submit=${view.handleReply}>
    <h4 id="reply-title">${t('reply.title')}</h4>
    <label for="reply-body">${t('reply.body')}</label>
    <p class="hint" id="reply-body-hint">${t('reply.body.hint')}</p>
    <textarea
      id="reply-body"
      name="body"
      rows="5"
      maxlength="10000"
      required
      .value=${view.replyBody}
      aria-invalid=${reply.fields.body ? 'true' : 'false'}
      aria-describedby=${describedBy('reply-body-hint', 'reply-body-error', reply.fields.body)}
      @input=${view.handleReplyInput}
    ></textarea>
    ${fieldError('reply-body-error', reply.fields.body)}
    <label for="reply-as">${t('reply.as')}</label>
    <p class="hint" id="reply-as-hint">${t('reply.as.hint')}</p>
    <input
      id="reply-as"
      name="authorName"
      autocomplete="off"
      maxlength="200"
      .value=${view.replyAs}
      aria-invalid=${reply.fields.authorName ? 'true' : 'false'}
      aria-describedby=${describedBy('reply-as-hint', 'reply-as-error', reply.fields.authorName)}
      @input=${view.handleReplyInput}
    />
    ${fieldError('reply-as-error', reply.fields.authorName)} ${formError(reply)}
    <div class="actions">
      <button part="send" class="primary" type="submit" aria-disabled=${reply.busy ? 'true' : 'false'}>${reply.busy ? t('reply.sending') : t('reply.send')}</button>
    </div>
  </form>`;
}

function renderStatus(view: RequestActionsView, request: RequestDetail): TemplateResult {
  const { t, status } = view;
  return html`<form part="status-form" novalidate aria-labelledby="status-title" @submit=${view.handleStatus}>
    <h4 id="status-title">${t('status.title')}</h4>
    <label for="status-select">${t('status.label')}</label>
    <select id="status-select" name="status" @change=${view.handleStatusInput}>
      ${REQUEST_STATUSES.map((value) => html`<option value=${value} ?selected=${value === view.statusDraft}>${t(`status.${value}`)}</option>`)}
    </select>
    ${formError(status)}
    <div class="actions">
      <button part="change-status" class="secondary" type="submit" aria-disabled=${status.busy ? 'true' : 'false'} data-current=${request.status}>
        ${status.busy ? t('status.saving') : t('status.save')}
      </button>
    </div>
  </form>`;
}

function renderAssign(view: RequestActionsView, request: RequestDetail): TemplateResult {
  const { t, assign } = view;
  const radio = (value: AssignChoice, label: string) =>
    html`<label class="choice"><input type="radio" name="assignChoice" value=${value} .checked=${view.assignChoice === value} @change=${view.handleAssignInput} />${label}</label>`;
  return html`<form part="assign" novalidate aria-labelledby="assign-title" @submit=${view.handleAssign}>
    <h4 id="assign-title">${t('assign.title')}</h4>
    <p part="assignee">${request.assignee ? t('assign.current', { name: request.assignee }) : t('assign.current.nobody')}</p>
    <fieldset>
      <legend class="visually-hidden">${t('assign.title')}</legend>
      ${radio('me', t('assign.me', { name: view.myName }))} ${radio('other', t('assign.other'))}
      ${view.assignChoice === 'other'
        ? html`<div class="other">
            <label for="assign-other">${t('assign.other.name')}</label>
            <input
              id="assign-other"
              name="assignee"
              autocomplete="off"
              maxlength="200"
              .value=${view.assignOther}
              aria-invalid=${assign.fields.assignee ? 'true' : 'false'}
              aria-describedby=${assign.fields.assignee ? 'assign-other-error' : nothing}
              @input=${view.handleAssignInput}
            />
            ${fieldError('assign-other-error', assign.fields.assignee)}
          </div>`
        : nothing}
      ${radio('nobody', t('assign.nobody'))}
    </fieldset>
    ${formError(assign)}
    <div class="actions">
      <button part="save-assignee" class="secondary" type="submit" aria-disabled=${assign.busy ? 'true' : 'false'}>${assign.busy ? t('assign.saving') : t('assign.save')}</button>
    </div>
  </form>`;
}
