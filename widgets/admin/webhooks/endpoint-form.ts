import { html, nothing, type TemplateResult } from 'lit';
import { ApiError } from '../admin-api.ts';
import type { Translate } from '../../core/i18n.ts';
import { EVENT_GROUPS, orderedEvents } from './event-types.ts';
import type { WebhooksKey } from './messages.ts';
import type { EndpointInput, WebhookEndpoint, WebhookEventType } from './webhooks-client.ts';

/** What the endpoint form holds while it is filled in. */
export interface EndpointDraft {
  url: string;
  description: string;
  events: Set<WebhookEventType>;
}
/** A message per field (`form`: about the whole form). */
export interface EndpointFormErrors {
  url?: string;
  description?: string;
  events?: string;
  form?: string;
}

/** What the form uses of `<admin-webhooks>`. */
export interface EndpointFormView {
  readonly t: Translate<WebhooksKey>;
  readonly draft: EndpointDraft;
  readonly formErrors: EndpointFormErrors;
  readonly saving: boolean;
  problemText(error: unknown): string;
  handleDraftInput(event: Event): void;
  handleToggleEvent(type: WebhookEventType, on: boolean): void;
  handleSubmit(event: SubmitEvent): void;
  handleCancelForm(): void;
}

/** An empty draft, or one holding what `endpoint` has (to edit it). */
export function draftOf(endpoint?: WebhookEndpoint): EndpointDraft {
  return { url: endpoint?.url ?? '', description: endpoint?.description ?? '', events: new Set(endpoint?.events ?? []) };
}

/** The draft as the server takes it. */
export function inputOf(draft: EndpointDraft): EndpointInput {
  return { url: draft.url.trim(), description: draft.description.trim(), events: orderedEvents(draft.events) };
}

const isWebAddress = (value: string) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);

/** What is wrong with the draft before it is sent (the server has the last word on the address). */
export function draftProblems(draft: EndpointDraft, t: Translate<WebhooksKey>): EndpointFormErrors {
  const url = draft.url.trim();
  return {
    url: !url ? t('form.url.missing') : isWebAddress(url) ? undefined : t('form.url.invalid'),
    events: draft.events.size ? undefined : t('form.events.missing'),
  };
}

/**
 * The server's refusal on the form's fields: `webhook_url_not_allowed` on the address, each path of an
 * `invalid_input` (`url`, `events.2`, `description`) on its field; anything else about the whole form.
 */
export function serverProblems(error: unknown, view: Pick<EndpointFormView, 't' | 'problemText'>): EndpointFormErrors {
  const { t } = view;
  if (error instanceof ApiError && error.code === 'webhook_url_not_allowed') return { url: t('form.url.not-allowed') };
  const paths = error instanceof ApiError && error.code === 'invalid_input' ? error.fields.map((field) => field.path.split('.')[0]) : [];
  const errors: EndpointFormErrors = {
    url: paths.includes('url') ? t('form.url.invalid') : undefined,
    description: paths.includes('description') ? t('form.description.invalid') : undefined,
    events: paths.includes('events') ? t('form.events.missing') : undefined,
  };
  return errors.url || errors.description || errors.events ? errors : { form: view.problemText(error) };
}

/** The first field with a problem, to move focus to. */
export function firstInvalid(errors: EndpointFormErrors): string | undefined {
  if (errors.url) return '#webhook-url';
  if (errors.description) return '#webhook-description';
  if (errors.events) return '#webhook-events';
  return undefined;
}

const eventId = (type: WebhookEventType) => `webhook-event-${type.replace(/\W/g, '-')}`;
const describedBy = (...ids: (string | false | undefined)[]) => ids.filter(Boolean).join(' ');

/** The form to create an endpoint (no `editing`) or change one: address, description, events by group. */
export function renderEndpointForm(view: EndpointFormView, editing?: WebhookEndpoint): TemplateResult {
  const { t, draft, formErrors: errors } = view;
  return html`<form part="form" novalidate aria-labelledby="webhook-form-title" @submit=${view.handleSubmit}>
    <h3 id="webhook-form-title">${editing ? t('form.edit') : t('form.new')}</h3>
    <label for="webhook-url">${t('form.url')}</label>
    <p class="hint" id="webhook-url-hint">${t('form.url.hint')}</p>
    <input id="webhook-url" name="url" type="url" inputmode="url" autocomplete="off" spellcheck="false" maxlength="2000" required .value=${draft.url}
      aria-invalid=${errors.url ? 'true' : 'false'} aria-describedby=${describedBy('webhook-url-hint', errors.url && 'webhook-url-error')} @input=${view.handleDraftInput} />
    ${errors.url ? html`<p class="field-error" id="webhook-url-error">${errors.url}</p>` : nothing}
    <label for="webhook-description">${t('form.description')}</label>
    <p class="hint" id="webhook-description-hint">${t('form.description.hint')}</p>
    <input id="webhook-description" name="description" autocomplete="off" maxlength="200" .value=${draft.description}
      aria-invalid=${errors.description ? 'true' : 'false'} aria-describedby=${describedBy('webhook-description-hint', errors.description && 'webhook-description-error')} @input=${view.handleDraftInput} />
    ${errors.description ? html`<p class="field-error" id="webhook-description-error">${errors.description}</p>` : nothing}
    ${renderEventPicker(view)}
    ${errors.form ? html`<div part="error" role="alert"><p>${errors.form}</p></div>` : nothing}
    <div class="actions">
      <button part="save" class="primary" type="submit" aria-disabled=${view.saving ? 'true' : 'false'}>
        ${editing ? (view.saving ? t('form.saving') : t('form.save')) : view.saving ? t('form.creating') : t('form.create')}
      </button>
      <button part="cancel" class="secondary" type="button" @click=${view.handleCancelForm}>${t('cancel')}</button>
    </div>
  </form>`;
}

/** The events, one group per area (its name the group's legend), each box described by what the event means. */
function renderEventPicker(view: EndpointFormView): TemplateResult {
  const { t, draft, formErrors: errors } = view;
  return html`<fieldset part="events" class="events" id="webhook-events" tabindex="-1"
    aria-describedby=${describedBy('webhook-events-hint', errors.events && 'webhook-events-error')} aria-invalid=${errors.events ? 'true' : nothing}>
    <legend>${t('form.events')}</legend>
    <p class="hint" id="webhook-events-hint">${t('form.events.hint')}</p>
    ${errors.events ? html`<p class="field-error" id="webhook-events-error">${errors.events}</p>` : nothing}
    <div class="event-groups">
      ${EVENT_GROUPS.map(
        (group) => html`<fieldset part="event-group" class="event-group">
          <legend>${t(`group.${group.id}`)}</legend>
          ${group.events.map(
            (type) => html`<div class="event">
              <label class="check">
                <input type="checkbox" name="events" value=${type} id=${eventId(type)} .checked=${draft.events.has(type)} aria-describedby=${`${eventId(type)}-meaning`}
                  @change=${(event: Event) => view.handleToggleEvent(type, (event.target as HTMLInputElement).checked)} />
                <span>${t(`event.${type}`)}</span>
              </label>
              <p class="hint meaning" id=${`${eventId(type)}-meaning`}><code part="code">${type}</code> — ${t(`meaning.${type}`)}</p>
            </div>`,
          )}
        </fieldset>`,
      )}
    </div>
  </fieldset>`;
}
