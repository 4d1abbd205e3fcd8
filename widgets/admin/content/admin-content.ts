import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import type { AdminApi } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles, tabStyles } from '../../core/shared-styles.ts';
import { contentStyles } from './admin-content.styles.ts';
import { ContentClient } from './content-client.ts';
import { messages, type ContentKey } from './messages.ts';
import './news-panel.ts';
import './materials-panel.ts';
import './campaigns-panel.ts';
import './feedback-panel.ts';

/** The tabs, in order. */
export const CONTENT_TABS = ['news', 'materials', 'campaigns', 'feedback'] as const;
export type ContentTab = (typeof CONTENT_TABS)[number];

/**
 * What the business publishes in its portal (C1–C4): news, support materials and campaigns — each listed, written
 * (title, key, Markdown text, dates, audience, image or file) and deleted — and the summary of the clients' opinions.
 * Needs `content:read`; the forms and buttons that change anything need `content:write`.
 * @summary News, materials, campaigns and feedback.
 * @csspart base - the section.
 * @csspart intro - what the section is for.
 * @csspart tabs - the row of tabs; each a `tab`.
 * @csspart panel - the open tab's panel.
 * @cssprop --portal-content-gap - space between the parts.
 */
export class AdminContent extends AdminSection<ContentKey> {
  static override styles = [baseStyles, panelStyles, tabStyles, contentStyles];

  protected readonly catalog = messages;

  /** The tab shown first. */
  @property() tab: ContentTab = 'news';

  private clientOf?: { api: AdminApi; client: ContentClient };

  /** The typed client over the current `api`, made once per API. */
  private get client(): ContentClient | undefined {
    if (!this.api) return undefined;
    if (this.clientOf?.api !== this.api) this.clientOf = { api: this.api, client: new ContentClient(this.api) };
    return this.clientOf.client;
  }

  override render() {
    const t = this.t;
    const allowed = this.can('content:read');
    return html`<section part="base" aria-labelledby="content-title" lang=${this.locale}>
      <h2 id="content-title">${t('title')}</h2>
      <p part="intro">${t('intro')}</p>
      ${allowed && !this.can('content:write') ? html`<p part="read-only" class="note">${t('read-only')}</p>` : nothing}
      ${allowed ? this.renderTabs() : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderTabs(): TemplateResult {
    const t = this.t;
    return html`<div part="tabs" role="tablist" aria-label=${t('tabs.label')} @keydown=${this.handleTabKey}>
        ${CONTENT_TABS.map(
          (tab) => html`<button part="tab" role="tab" type="button" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'}
            tabindex=${this.tab === tab ? 0 : -1} @click=${() => this.selectTab(tab)}>${t(`tab.${tab}`)}</button>`,
        )}
      </div>
      ${CONTENT_TABS.map(
        (tab) => html`<div part="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${this.tab !== tab}>
          ${this.tab === tab ? this.renderPanel(tab) : nothing}
        </div>`,
      )}`;
  }

  private renderPanel(tab: ContentTab): TemplateResult {
    const { client, me, locale } = this;
    switch (tab) {
      case 'news':
        return html`<admin-content-news .client=${client} .me=${me} locale=${locale}></admin-content-news>`;
      case 'materials':
        return html`<admin-content-materials .client=${client} .me=${me} locale=${locale}></admin-content-materials>`;
      case 'campaigns':
        return html`<admin-content-campaigns .client=${client} .me=${me} locale=${locale}></admin-content-campaigns>`;
      case 'feedback':
        return html`<admin-content-feedback .client=${client} .me=${me} locale=${locale}></admin-content-feedback>`;
    }
  }

  private selectTab(tab: ContentTab, focus = false) {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.shadowRoot?.getElementById(`tab-${tab}`)?.focus());
  }

  private handleTabKey = (event: KeyboardEvent) => {
    const index = CONTENT_TABS.indexOf(this.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: CONTENT_TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(CONTENT_TABS[(next + CONTENT_TABS.length) % CONTENT_TABS.length]!, true);
  };
}

define('admin-content', AdminContent);

declare global {
  interface HTMLElementTagNameMap {
    'admin-content': AdminContent;
  }
}
