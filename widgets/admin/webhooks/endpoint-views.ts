import { html, nothing, type TemplateResult } from 'lit';
import type { StaffMe } from '../admin-api.ts';
import type { CopyOutcome } from '../../core/clipboard.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import { renderEndpointForm, type EndpointFormView } from './endpoint-form.ts';
import { EVENT_TYPES } from './event-types.ts';
import type { WebhooksKey } from './messages.ts';
import type { WebhookEndpoint, WebhookEndpointWithSecret, WebhooksClient } from './webhooks-client.ts';
import './deliveries-panel.ts';

/** The write actions of an endpoint; `rotate` and `delete` ask to confirm first. */
export type EndpointAction = 'toggle' | 'ping' | 'rotate' | 'delete';

/** A secret to show once: a new endpoint's, or one just rotated. */
export interface ShownSecret {
  endpoint: WebhookEndpointWithSecret;
  kind: 'created' | 'rotated';
}

/** What the views use of `<admin-webhooks>`. */
export interface EndpointsView extends EndpointFormView {
  readonly locale: Locale;
  readonly me?: StaffMe;
  readonly client?: WebhooksClient;
  readonly editing?: string;
  readonly confirming?: { id: string; action: 'rotate' | 'delete' };
  readonly busy?: { id: string; action: EndpointAction };
  readonly rowError?: { id: string; message: string };
  readonly openLogs: ReadonlySet<string>;
  mayWrite(): boolean;
  when(instant: string): string;
  eventName(type: string): string;
  copied(): CopyOutcome | undefined;
  handleEdit(endpoint: WebhookEndpoint): void;
  handleAction(endpoint: WebhookEndpoint, action: EndpointAction): void;
  handleAsk(endpoint: WebhookEndpoint, action: 'rotate' | 'delete'): void;
  handleCancelAsk(endpoint: WebhookEndpoint): void;
  handleToggleLog(endpoint: WebhookEndpoint): void;
  handleCopySecret(): void;
  handleDone(): void;
}

/** The API reference, in a new tab so the form being filled in stays. */
export function renderDocsLink(t: Translate<WebhooksKey>): TemplateResult {
  return html`<a part="docs" href="/docs" target="_blank" rel="noopener">${t('docs')}<span class="visually-hidden"> ${t('new-tab')}</span></a>`;
}

/** A message with `{name}` placeholders filled by code (`Portico-Signature: t=…`) or by a template. */
function rich(message: string, values: Record<string, string | TemplateResult>): (string | TemplateResult)[] {
  return message.split(/\{(\w+)\}/).map((part, index) => {
    if (index % 2 === 0) return part;
    const value = values[part];
    return typeof value === 'string' ? html`<code part="code">${value}</code>` : (value ?? part);
  });
}

/** The signing secret, this once: a copy button, the warning, and how the receiving system checks a delivery. */
export function renderSecret(view: EndpointsView, shown: ShownSecret): TemplateResult {
  const { t } = view;
  const { endpoint } = shown;
  const outcome = view.copied();
  return html`<section part="secret" aria-labelledby="secret-title">
    <h3 id="secret-title" tabindex="-1" class="url">${t(shown.kind === 'created' ? 'secret.created' : 'secret.rotated', { url: endpoint.url })}</h3>
    <p part="warning" id="secret-warning"><strong>${t('secret.warning')}</strong> ${t('secret.store')}</p>
    <div class="copy-row" role="group" aria-labelledby="secret-label">
      <span id="secret-label" class="label">${t('secret.label')}</span>
      <code part="code secret-value" id="secret-value">${endpoint.secret}</code>
      <button part="copy" class="secondary" type="button" aria-label=${t('copy.label')} aria-describedby="secret-warning" @click=${view.handleCopySecret}>${t('copy')}</button>
      <span part="copied" role="status" aria-live="polite">${outcome === 'copied' ? t('copied') : outcome === 'selected' ? t('copy.selected') : ''}</span>
    </div>
    <h4>${t('verify.title')}</h4>
    <ol part="verify">
      <li>${rich(t('verify.header'), { header: 'Portico-Signature: t=…,v1=…' })}</li>
      <li>${rich(t('verify.hmac'), { payload: '<t>.<body>' })}</li>
      <li>${t('verify.compare')}</li>
    </ol>
    <p>${rich(t('verify.next'), { docs: renderDocsLink(t) })}</p>
    <div class="actions"><button part="done" class="primary" type="button" @click=${view.handleDone}>${t('done')}</button></div>
  </section>`;
}

/** The chosen events in words: all of them said so, else each by name. */
function eventsInWords(view: EndpointsView, endpoint: WebhookEndpoint): string {
  if (EVENT_TYPES.every((type) => endpoint.events.includes(type))) return view.t('endpoint.events.all', { count: EVENT_TYPES.length });
  return new Intl.ListFormat(view.locale, { type: 'conjunction' }).format(endpoint.events.map((type) => view.eventName(type)));
}

/** One endpoint: address and state, description, events, the last 24 h; actions; the delivery log on demand. */
export function renderEndpoint(view: EndpointsView, endpoint: WebhookEndpoint): TemplateResult {
  const { t } = view;
  const status = endpoint.enabled ? 'enabled' : 'disabled';
  const editing = view.editing === endpoint.id;
  return html`<li part="item" data-id=${endpoint.id} data-status=${status}>
    <div class="item-head">
      <h3 id=${`endpoint-${endpoint.id}`} tabindex="-1" class="url">${endpoint.url}</h3>
      <span part="badge" class="state" data-status=${status}>${t(`status.${status}`)}</span>
    </div>
    ${editing
      ? renderEndpointForm(view, endpoint)
      : html`${endpoint.description ? html`<p part="description">${endpoint.description}</p>` : nothing}
          ${renderFacts(view, endpoint)} ${view.rowError?.id === endpoint.id ? html`<div part="error" role="alert"><p>${view.rowError.message}</p></div>` : nothing}
          ${view.mayWrite() ? renderActions(view, endpoint) : nothing}`}
    ${renderLog(view, endpoint)}
  </li>`;
}

function renderFacts(view: EndpointsView, endpoint: WebhookEndpoint): TemplateResult {
  const { t } = view;
  const { recent } = endpoint;
  const count = (n: number) => new Intl.NumberFormat(view.locale).format(n);
  return html`<dl>
    <div class="wide"><dt>${t('endpoint.events')}</dt><dd>${eventsInWords(view, endpoint)}</dd></div>
    <div>
      <dt>${t('endpoint.recent')}</dt>
      <dd part="recent">
        <span>${t('recent.delivered', { count: count(recent.delivered) })}</span>
        <span class=${recent.failed ? 'failed' : ''}>${t('recent.failed', { count: count(recent.failed) })}</span>
        <span>${t('recent.pending', { count: count(recent.pending) })}</span>
      </dd>
    </div>
    <div>
      <dt>${t('endpoint.last')}</dt>
      <dd>
        ${recent.lastAt
          ? html`<time datetime=${recent.lastAt}>${view.when(recent.lastAt)}</time> ·
              <span part="last-status">${recent.lastStatus === null ? t('endpoint.last.no-answer') : `HTTP ${recent.lastStatus}`}</span>`
          : t('endpoint.last.none')}
      </dd>
    </div>
  </dl>`;
}

function renderActions(view: EndpointsView, endpoint: WebhookEndpoint): TemplateResult {
  const { t } = view;
  const busy = view.busy?.id === endpoint.id ? view.busy.action : undefined;
  const label = (action: string) => t('action.label', { action, url: endpoint.url });
  const button = (part: string, action: EndpointAction, text: string, working: string, danger = false) =>
    html`<button part=${part} class=${danger ? 'secondary danger' : 'secondary'} type="button" aria-label=${label(busy === action ? working : text)}
      aria-disabled=${busy === action ? 'true' : 'false'} @click=${() => (action === 'rotate' || action === 'delete' ? view.handleAsk(endpoint, action) : view.handleAction(endpoint, action))}>
      ${busy === action ? working : text}
    </button>`;
  const asking = view.confirming?.id === endpoint.id ? view.confirming.action : undefined;
  if (asking) return renderConfirm(view, endpoint, asking, busy === asking);
  return html`<div class="actions">
    <button part="edit" class="secondary" type="button" aria-label=${label(t('edit'))} @click=${() => view.handleEdit(endpoint)}>${t('edit')}</button>
    ${button('ping', 'ping', t('ping'), t('pinging'))}
    ${endpoint.enabled ? button('toggle', 'toggle', t('disable'), t('disabling')) : button('toggle', 'toggle', t('enable'), t('enabling'))}
    ${button('rotate', 'rotate', t('rotate'), t('rotate.working'))}
    ${button('delete', 'delete', t('delete'), t('delete.working'), true)}
  </div>`;
}

function renderConfirm(view: EndpointsView, endpoint: WebhookEndpoint, action: 'rotate' | 'delete', busy: boolean): TemplateResult {
  const { t } = view;
  const questionId = `confirm-${endpoint.id}`;
  return html`<div part="confirm" role="group" aria-labelledby=${questionId}>
    <p id=${questionId} class="url">${t(`${action}.question`, { url: endpoint.url })}</p>
    <div class="actions">
      <button part=${`confirm-${action}`} class="primary danger" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => view.handleAction(endpoint, action)}>
        ${busy ? t(`${action}.working`) : t(`${action}.confirm`)}
      </button>
      <button part="cancel-confirm" class="secondary" type="button" @click=${() => view.handleCancelAsk(endpoint)}>${t('cancel')}</button>
    </div>
  </div>`;
}

/** The "Delivery log" disclosure and, when open, the log itself. */
function renderLog(view: EndpointsView, endpoint: WebhookEndpoint): TemplateResult {
  const open = view.openLogs.has(endpoint.id);
  const logId = `log-${endpoint.id}`;
  return html`<div class="actions">
      <button part="log-toggle" class="link" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${logId}
        aria-label=${view.t('action.label', { action: view.t('log.toggle'), url: endpoint.url })} @click=${() => view.handleToggleLog(endpoint)}>
        <span aria-hidden="true">${open ? '▾' : '▸'}</span><span>${view.t('log.toggle')}</span>
      </button>
    </div>
    <div id=${logId} class="log" ?hidden=${!open}>
      ${open
        ? html`<admin-webhook-deliveries part="log" exportparts="deliveries, delivery, badge, tries, redeliver, more, filters, empty, error, status"
            .client=${view.client} .endpoint=${endpoint} .me=${view.me} locale=${view.locale}></admin-webhook-deliveries>`
        : nothing}
    </div>`;
}
