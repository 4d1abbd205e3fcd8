import { html, nothing, type TemplateResult } from 'lit';
import type { ContentKey } from '../core/content-base.ts';
import type { Campaign, ContentImage } from '../core/content-types.ts';
import type { Locale, Translate } from '../core/i18n.ts';
import { isSafeHref, renderRichText } from '../core/rich-text.ts';
import type { CampaignsKey } from './messages.ts';

/** What a card uses of `<portal-campaigns>`. */
export interface CampaignView {
  readonly locale: Locale;
  t: Translate<CampaignsKey | ContentKey>;
  image(image: ContentImage | null, width: number, height: number): TemplateResult | typeof nothing;
  /** The request the client's interest opened, if sent (now or before). */
  requestOf(campaign: Campaign): string | null;
  isSending(id: string): boolean;
  failure(id: string): string | undefined;
  interested(campaign: Campaign): void;
  follow(requestId: string): void;
}

/** "31 Dec" (the year too when it is not this one), a calendar date as written. */
export function shortDate(value: string, locale: Locale, now = new Date()): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  const year = date.getUTCFullYear() === now.getFullYear() ? undefined : 'numeric';
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', year }).format(date);
}

/** One campaign: image, title, validity, description and its call to action. */
export function renderCampaign(view: CampaignView, campaign: Campaign): TemplateResult {
  const { t } = view;
  return html`<li part="campaign" data-id=${campaign.id}>
    ${view.image(campaign.image, 640, 360)}
    <div class="card">
      <h3>${campaign.title}</h3>
      ${campaign.validUntil ? html`<p class="meta" part="validity">${t('until', { date: shortDate(campaign.validUntil, view.locale) })}</p>` : nothing}
      <div part="description" class="rich">${renderRichText(campaign.description, { newTabLabel: t('new-tab') })}</div>
      ${renderAction(view, campaign)}
    </div>
  </li>`;
}

function renderAction(view: CampaignView, campaign: Campaign): TemplateResult | typeof nothing {
  const { t } = view;
  const action = campaign.action;
  if (!action) return nothing;
  if (action.kind === 'link') {
    if (!isSafeHref(action.url)) return nothing;
    return html`<div class="actions">
      <a part="action" class="primary" href=${action.url} target="_blank" rel="noopener noreferrer">${action.label}<span class="visually-hidden"> ${t('new-tab')}</span></a>
    </div>`;
  }
  const requestId = view.requestOf(campaign);
  if (requestId)
    return html`<div part="interest">
      <p id=${`sent-${campaign.id}`}><span aria-hidden="true">✓</span> ${t('interest.sent')}</p>
      <button part="follow" class="secondary" type="button" aria-describedby=${`sent-${campaign.id}`} @click=${() => view.follow(requestId)}>${t('interest.follow')}<span class="visually-hidden">: ${campaign.title}</span></button>
    </div>`;
  const failure = view.failure(campaign.id);
  return html`<div class="actions">
      <button part="action" class="primary" type="button" aria-disabled=${view.isSending(campaign.id) ? 'true' : 'false'} @click=${() => view.interested(campaign)}>
        ${action.label}<span class="visually-hidden">: ${campaign.title}</span>
      </button>
    </div>
    ${failure ? html`<p part="error" role="alert">${failure}</p>` : nothing}`;
}
