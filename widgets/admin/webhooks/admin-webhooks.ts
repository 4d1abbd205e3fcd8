import { Task, TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { AdminApi } from '../admin-api.ts';
import { CopyConfirmation, copyText } from '../../core/clipboard.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { webhooksStyles } from './admin-webhooks.styles.ts';
import type { AdminWebhookDeliveries } from './deliveries-panel.ts';
import { draftOf, draftProblems, firstInvalid, inputOf, renderEndpointForm, serverProblems, type EndpointDraft, type EndpointFormErrors } from './endpoint-form.ts';
import { renderDocsLink, renderEndpoint, renderSecret, type EndpointAction, type EndpointsView, type ShownSecret } from './endpoint-views.ts';
import { WebhooksClient, type WebhookEndpoint, type WebhookEventType } from './webhooks-client.ts';
import { WebhooksElement } from './webhooks-element.ts';

/**
 * Webhooks (issue 13): the addresses where the business's own systems (an ERP, say) hear what happens in the portal.
 * The list shows each endpoint's address, description, events in words, whether it is enabled, and its last 24 h of
 * deliveries; with none, what webhooks are and a link to the API reference. "New endpoint" asks an address, a
 * description and the events by group, then shows the signing secret **once** with Copy and how to check a
 * signature. Per endpoint: edit, enable / disable, send a test event, rotate the secret (confirmed; the new one shown
 * once), delete (confirmed), and its delivery log. Needs `webhooks:read`; changes need `webhooks:write`.
 * @summary The portal's webhook endpoints and their deliveries.
 * @csspart base - the section.
 * @csspart intro - what webhooks are for.
 * @csspart announcement - the live region saying what just happened.
 * @csspart new - the "new endpoint" button.
 * @csspart form - the endpoint form (new or edit); `save` and `cancel` its buttons.
 * @csspart events - the event checkboxes; each area an `event-group`.
 * @csspart secret - the signing secret, shown once; `warning`, `secret-value`, `copy`, `copied`, `verify`, `done` in it.
 * @csspart docs - a link to the API reference.
 * @csspart list - the endpoints; each an `item` (`data-status` enabled or disabled), its state a `badge`.
 * @csspart recent - an endpoint's last 24 h; `last-status` the last status code.
 * @csspart edit - an endpoint's action buttons: `edit`, `ping`, `toggle`, `rotate`, `delete`.
 * @csspart confirm - the confirm step of rotate and delete; `confirm-rotate`, `confirm-delete`, `cancel-confirm`.
 * @csspart log-toggle - the button that opens an endpoint's delivery log; `log` the log.
 * @csspart empty - the explanation when there are no endpoints.
 * @csspart error - what went wrong.
 * @csspart status - the loading message.
 * @cssprop --portal-webhooks-gap - space between the parts.
 * @cssprop --portal-webhooks-warning-color - the edge of the secret box (default: the danger colour).
 */
export class AdminWebhooks extends WebhooksElement implements EndpointsView {
  static override styles = [baseStyles, panelStyles, cardListStyles, webhooksStyles];

  /** The list as shown: what the server gave, with the changes made here. */
  @state() private items: WebhookEndpoint[] = [];
  @state() private formOpen = false;
  /** The endpoint whose edit form is open. */
  @state() editing?: string;
  @state() draft: EndpointDraft = draftOf();
  @state() formErrors: EndpointFormErrors = {};
  @state() saving = false;
  /** A secret just given, until "Done". */
  @state() private shown?: ShownSecret;
  @state() confirming?: { id: string; action: 'rotate' | 'delete' };
  @state() busy?: { id: string; action: EndpointAction };
  @state() rowError?: { id: string; message: string };
  @state() openLogs: ReadonlySet<string> = new Set();
  private readonly copies = new CopyConfirmation<'secret'>(this);
  private clientOf?: { api: AdminApi; client: WebhooksClient };

  private readonly list = new Task(this, {
    task: async ([client, allowed], { signal }) => {
      if (!client || !allowed) return undefined;
      this.items = await client.list(signal);
      return this.items;
    },
    args: () => [this.client, this.can('webhooks:read')] as const,
  });

  /** The typed client over the current `api`, made once per API (a plain object the delivery log can be given). */
  get client(): WebhooksClient | undefined {
    if (!this.api) return undefined;
    if (this.clientOf?.api !== this.api) this.clientOf = { api: this.api, client: new WebhooksClient(this.api) };
    return this.clientOf.client;
  }

  override get t() {
    return super.t;
  }

  mayWrite(): boolean {
    return this.can('webhooks:write');
  }

  copied() {
    return this.copies.of('secret');
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // Someone else signed in: nothing of the previous member's work stays, least of all a secret shown to them.
    const before = changed.get('me') as { id: string } | undefined;
    if (before && before.id !== this.me?.id) {
      Object.assign(this, { shown: undefined, formOpen: false, editing: undefined, confirming: undefined, rowError: undefined, announcement: '' });
      this.copies.clear();
    }
  }

  override render() {
    const t = this.t;
    return html`<section part="base" aria-labelledby="webhooks-title" lang=${this.locale}>
      <h2 id="webhooks-title" tabindex="-1">${t('title')}</h2>
      <p part="intro">${t('intro')}</p>
      ${this.can('webhooks:read') ? html`${this.renderAnnouncement()}${this.renderManager()}` : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderManager(): TemplateResult {
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`${this.renderTop()}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading('loading'),
          pending: () => this.renderLoading('loading'),
          error: (error) => this.renderProblem(error, () => void this.list.run()),
          complete: () => this.renderList(),
        })}
      </div>`;
  }

  /** Above the list: the secret just given, the new-endpoint form, its button — or, read only, that it is so. */
  private renderTop(): TemplateResult {
    const t = this.t;
    if (!this.mayWrite()) return html`<p class="hint" part="read-only">${t('read-only')}</p>`;
    if (this.shown) return renderSecret(this, this.shown);
    if (this.formOpen) return renderEndpointForm(this);
    return html`<div class="actions"><button part="new" class="primary" type="button" @click=${this.handleNew}>${t('new')}</button></div>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    if (!this.items.length) {
      return html`<div part="empty">
        <p><strong>${t('empty')}</strong></p>
        <p>${t('empty.what')}</p>
        <p>${t('empty.docs')} ${renderDocsLink(t)}</p>
      </div>`;
    }
    return html`<ul part="list" aria-label=${t('list.label')}>${repeat(this.items, (item) => item.id, (item) => renderEndpoint(this, item))}</ul>`;
  }

  private replace(endpoint: WebhookEndpoint) {
    const { secret: _secret, ...listed } = endpoint as WebhookEndpoint & { secret?: string };
    this.items = this.items.map((other) => (other.id === listed.id ? listed : other));
  }

  private handleNew = () => {
    Object.assign(this, { editing: undefined, draft: draftOf(), formErrors: {}, formOpen: true });
    this.focusLater('#webhook-url');
  };

  handleEdit = (endpoint: WebhookEndpoint) => {
    Object.assign(this, { formOpen: false, confirming: undefined, rowError: undefined, editing: endpoint.id, draft: draftOf(endpoint), formErrors: {} });
    this.focusLater('#webhook-url');
  };

  handleCancelForm = () => {
    const editing = this.editing;
    Object.assign(this, { editing: undefined, formOpen: false, formErrors: {} });
    this.focusLater(editing ? `[data-id="${CSS.escape(editing)}"] [part~=edit]` : '[part~=new]');
  };

  handleDraftInput = (event: Event) => {
    const field = event.target as HTMLInputElement;
    if (field.name === 'url') {
      this.draft = { ...this.draft, url: field.value };
      if (this.formErrors.url && !draftProblems(this.draft, this.t).url) this.formErrors = { ...this.formErrors, url: undefined };
    } else {
      this.draft = { ...this.draft, description: field.value };
      if (this.formErrors.description) this.formErrors = { ...this.formErrors, description: undefined };
    }
  };

  handleToggleEvent = (type: WebhookEventType, on: boolean) => {
    const events = new Set(this.draft.events);
    if (on) events.add(type);
    else events.delete(type);
    this.draft = { ...this.draft, events };
    if (this.formErrors.events && events.size) this.formErrors = { ...this.formErrors, events: undefined };
  };

  handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const client = this.client;
    if (this.saving || !client) return;
    const problems = draftProblems(this.draft, this.t);
    this.formErrors = problems;
    const invalid = firstInvalid(problems);
    if (invalid) return this.focusLater(invalid);
    this.saving = true;
    const editing = this.editing;
    try {
      if (editing) {
        const saved = await client.update(editing, inputOf(this.draft));
        this.replace(saved);
        this.editing = undefined;
        this.announcement = this.t('announce.saved', { url: saved.url });
        this.focusLater(`#endpoint-${CSS.escape(saved.id)}`);
      } else {
        const created = await client.create(inputOf(this.draft));
        const { secret: _secret, ...listed } = created;
        this.items = [listed, ...this.items.filter((other) => other.id !== created.id)];
        Object.assign(this, { shown: { endpoint: created, kind: 'created' }, formOpen: false });
        this.announcement = this.t('announce.created', { url: created.url });
        this.focusLater('#secret-title');
      }
    } catch (error) {
      this.formErrors = serverProblems(error, this);
      this.focusLater(firstInvalid(this.formErrors) ?? '[part~=form] [part~=error]');
    } finally {
      this.saving = false;
    }
  };

  handleAsk = (endpoint: WebhookEndpoint, action: 'rotate' | 'delete') => {
    Object.assign(this, { confirming: { id: endpoint.id, action }, rowError: undefined });
    // The safe choice first: Enter on a stray key press keeps things as they are.
    this.focusLater(`[data-id="${CSS.escape(endpoint.id)}"] [part~=cancel-confirm]`);
  };

  handleCancelAsk = (endpoint: WebhookEndpoint) => {
    const action = this.confirming?.action ?? 'rotate';
    this.confirming = undefined;
    this.focusLater(`[data-id="${CSS.escape(endpoint.id)}"] [part~=${action}]`);
  };

  handleAction = async (endpoint: WebhookEndpoint, action: EndpointAction) => {
    const client = this.client;
    if (this.busy || !client) return;
    this.busy = { id: endpoint.id, action };
    this.rowError = undefined;
    try {
      await this.act(client, endpoint, action);
    } catch (error) {
      this.rowError = { id: endpoint.id, message: this.problemText(error) };
    } finally {
      this.busy = undefined;
    }
  };

  private async act(client: WebhooksClient, endpoint: WebhookEndpoint, action: EndpointAction) {
    const t = this.t;
    const { id, url } = endpoint;
    switch (action) {
      case 'toggle': {
        this.replace(await client.update(id, { enabled: !endpoint.enabled }));
        this.announcement = t(endpoint.enabled ? 'announce.disabled' : 'announce.enabled', { url });
        return;
      }
      case 'ping': {
        await client.ping(id);
        this.announcement = t('announce.ping', { url });
        if (!this.openLogs.has(id)) this.openLogs = new Set([...this.openLogs, id]);
        else this.shadowRoot?.querySelector<AdminWebhookDeliveries>(`#log-${CSS.escape(id)} admin-webhook-deliveries`)?.reload();
        return;
      }
      case 'rotate': {
        const rotated = await client.rotateSecret(id);
        this.replace(rotated);
        Object.assign(this, { shown: { endpoint: rotated, kind: 'rotated' }, confirming: undefined, formOpen: false });
        this.copies.clear();
        this.announcement = t('announce.rotated', { url });
        this.focusLater('#secret-title');
        return;
      }
      case 'delete': {
        await client.remove(id);
        const index = this.items.findIndex((other) => other.id === id);
        this.items = this.items.filter((other) => other.id !== id);
        this.openLogs = new Set([...this.openLogs].filter((other) => other !== id));
        if (this.shown?.endpoint.id === id) this.shown = undefined;
        this.confirming = undefined;
        this.announcement = t('announce.deleted', { url });
        const neighbour = this.items[Math.min(index, this.items.length - 1)];
        this.focusLater(neighbour ? `#endpoint-${CSS.escape(neighbour.id)}` : '#webhooks-title');
      }
    }
  }

  handleToggleLog = (endpoint: WebhookEndpoint) => {
    const open = new Set(this.openLogs);
    if (open.has(endpoint.id)) open.delete(endpoint.id);
    else open.add(endpoint.id);
    this.openLogs = open;
  };

  handleCopySecret = async () => {
    const secret = this.shown?.endpoint.secret;
    if (!secret) return;
    const outcome = await copyText(secret, () => this.shadowRoot!.querySelector<HTMLElement>('#secret-value')!);
    await this.copies.show('secret', outcome);
  };

  /** Forgets the secret (it is never shown again) and goes back to its endpoint. */
  handleDone = () => {
    const id = this.shown?.endpoint.id;
    this.shown = undefined;
    this.copies.clear();
    this.announcement = '';
    this.focusLater(id && this.items.some((item) => item.id === id) ? `#endpoint-${CSS.escape(id)}` : '[part~=new]');
  };
}

define('admin-webhooks', AdminWebhooks);

declare global {
  interface HTMLElementTagNameMap {
    'admin-webhooks': AdminWebhooks;
  }
}
