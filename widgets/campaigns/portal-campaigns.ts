import { Task } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ContentElement, contentStyles } from '../core/content-base.ts';
import type { Campaign, CampaignList } from '../core/content-types.ts';
import { define } from '../core/define.ts';
import { baseStyles, panelStyles } from '../core/shared-styles.ts';
import { renderCampaign, type CampaignView } from './card.ts';
import { messages, type CampaignsKey } from './messages.ts';
import { campaignsStyles } from './portal-campaigns.styles.ts';

/**
 * The campaigns of the business's advantage programme (C3) that the client may see today: each a card with its image,
 * title, validity ("Until 31 Dec"), description and call to action — "I'm interested", which opens a request once
 * (afterwards "We got your interest" and "Follow the request"), or a link opened in a new tab. A full client session only.
 * @summary The advantage programme's campaigns, with their calls to action.
 * @event portal-request-open - the client wants to follow the request their interest opened; `detail.id` is the request's id. Cancel it when the page shows the request.
 * @csspart base - the panel.
 * @csspart list - the cards.
 * @csspart campaign - one campaign's card.
 * @csspart image - a campaign's image.
 * @csspart validity - until when the campaign runs.
 * @csspart description - a campaign's text.
 * @csspart action - the call to action: the "I'm interested" button or the link.
 * @csspart interest - "We got your interest" and the follow button.
 * @csspart follow - the "follow the request" button.
 * @csspart empty - the message when there is no campaign.
 * @csspart error - what went wrong.
 * @csspart status - loading messages, and where to follow a request when the page does not show it.
 * @cssprop --portal-campaigns-gap - space between the parts and the cards.
 * @cssprop --portal-campaigns-min-width - the narrowest a card gets before the cards stack.
 */
export class PortalCampaigns extends ContentElement<CampaignsKey> implements CampaignView {
  static override styles = [baseStyles, panelStyles, contentStyles, campaignsStyles];

  protected readonly catalog = messages;

  @state() private notice = '';
  /** Requests opened by the client's interest here, by campaign. */
  private readonly requests = new Map<string, string>();
  private readonly sending = new Set<string>();
  private readonly failures = new Map<string, string>();

  private readonly list = new Task(this, {
    task: async ([key], { signal }): Promise<CampaignList | undefined> => (key ? this.portal!.api.listCampaigns(this.token()!, signal) : undefined),
    args: () => [this.sessionKey()] as const,
  });

  protected override forget() {
    this.notice = '';
    for (const map of [this.requests, this.sending, this.failures]) map.clear();
  }

  requestOf(campaign: Campaign): string | null {
    return this.requests.get(campaign.id) ?? (campaign.action?.kind === 'interest' ? campaign.action.requestId : null);
  }
  isSending(id: string) {
    return this.sending.has(id);
  }
  failure(id: string) {
    return this.failures.get(id);
  }

  /** "I'm interested": sent once; then the card says so and offers the request, focus on it. */
  async interested(campaign: Campaign) {
    const token = this.token();
    if (!token || this.sending.has(campaign.id) || this.requestOf(campaign)) return;
    this.sending.add(campaign.id);
    this.failures.delete(campaign.id);
    this.requestUpdate();
    try {
      const { requestId } = await this.portal!.api.campaignInterest(token, campaign.id);
      this.requests.set(campaign.id, requestId);
      this.requestUpdate();
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>(`[part~=campaign][data-id="${CSS.escape(campaign.id)}"] [part~=follow]`)?.focus();
    } catch (error) {
      this.failures.set(campaign.id, this.message(error));
    } finally {
      this.sending.delete(campaign.id);
      this.requestUpdate();
    }
  }

  /** Asks the page to open the request (`<portal-app>` or `<portal-requests>` cancel the event when they do). */
  follow(id: string) {
    const taken = !this.dispatchEvent(new CustomEvent('portal-request-open', { detail: { id }, bubbles: true, composed: true, cancelable: true }));
    this.notice = taken ? '' : this.t('interest.where');
  }

  override render() {
    const t = this.t;
    if (!this.token()) return html`<div part="base" lang=${this.locale}><h2>${t('title')}</h2><p>${t('sign-in-first')}</p></div>`;
    return html`<div part="base" lang=${this.locale}>
      <h2>${t('title')}</h2>
      ${this.list.render({
        initial: () => this.loading(),
        pending: () => this.loading(),
        error: (error) => this.problem(error, () => void this.list.run()),
        complete: (list) => (list ? this.renderList(list) : this.loading()),
      })}
      <p part="status" role="status" aria-live="polite" class=${this.notice ? '' : 'visually-hidden'}>${this.notice}</p>
    </div>`;
  }

  private renderList(list: CampaignList): TemplateResult {
    if (!list.items.length) return html`<p part="empty">${this.t('empty', { business: this.business(this.t('business')) })}</p>`;
    return html`<ul part="list">${repeat(list.items, (item) => item.id, (item) => renderCampaign(this, item))}</ul>`;
  }
}

define('portal-campaigns', PortalCampaigns);

declare global {
  interface HTMLElementTagNameMap {
    'portal-campaigns': PortalCampaigns;
  }
  interface GlobalEventHandlersEventMap {
    'portal-request-open': CustomEvent<{ id: string }>;
  }
}
