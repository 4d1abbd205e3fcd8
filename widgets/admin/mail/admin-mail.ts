import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import type { AdminApi } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles, tabStyles } from '../../core/shared-styles.ts';
import { mailStyles } from './admin-mail.styles.ts';
import { MailClient } from './mail-client.ts';
import { messages, type MailKey } from './messages.ts';
import { POLL_INTERVAL_MS, POLL_TRIES } from './test-mail-panel.ts';
import './outbox-panel.ts';
import './templates-panel.ts';
import './test-mail-panel.ts';

/** The tabs, in order. */
export const MAIL_TABS = ['outbox', 'templates', 'test'] as const;
export type MailTab = (typeof MAIL_TABS)[number];

/**
 * The portal's mail (G5, G6): the outbox with each mail's delivery status, errors and a retry; the templates
 * previewed per language in the portal's branding; and a test mail whose delivery is followed. The way out (SMTP)
 * is the server's, set by the Portico operator — the section says so. Needs `mail:write` (staff only).
 * @summary Outbox, templates and a test mail.
 * @csspart base - the section.
 * @csspart intro - what the section is for.
 * @csspart smtp-note - who changes the SMTP settings.
 * @csspart tabs - the row of tabs; each a `tab`.
 * @csspart panel - the open tab's panel.
 * @cssprop --portal-mail-gap - space between the parts.
 */
export class AdminMail extends AdminSection<MailKey> {
  static override styles = [baseStyles, panelStyles, tabStyles, mailStyles];

  protected readonly catalog = messages;

  /** The tab shown first. */
  @property() tab: MailTab = 'outbox';
  /** Milliseconds between two look-ups of a test mail's delivery. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = POLL_INTERVAL_MS;
  /** The most look-ups of a test mail's delivery. */
  @property({ type: Number, attribute: 'poll-tries' }) pollTries = POLL_TRIES;

  private clientOf?: { api: AdminApi; client: MailClient };

  /** The typed client over the current `api`, made once per API. */
  private get client(): MailClient | undefined {
    if (!this.api) return undefined;
    if (this.clientOf?.api !== this.api) this.clientOf = { api: this.api, client: new MailClient(this.api) };
    return this.clientOf.client;
  }

  override render() {
    const t = this.t;
    const allowed = this.can('mail:write');
    return html`<section part="base" aria-labelledby="mail-title" lang=${this.locale}>
      <h2 id="mail-title">${t('title')}</h2>
      <p part="intro">${t('intro')}</p>
      <p part="smtp-note" class="note">${t('smtp-note')}</p>
      ${allowed ? this.renderTabs() : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderTabs(): TemplateResult {
    const t = this.t;
    return html`<div part="tabs" role="tablist" aria-label=${t('tabs.label')} @keydown=${this.handleTabKey}>
        ${MAIL_TABS.map(
          (tab) => html`<button part="tab" role="tab" type="button" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'}
            tabindex=${this.tab === tab ? 0 : -1} @click=${() => this.selectTab(tab)}>${t(`tab.${tab}`)}</button>`,
        )}
      </div>
      ${MAIL_TABS.map(
        (tab) => html`<div part="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${this.tab !== tab}>
          ${this.tab === tab ? this.renderPanel(tab) : nothing}
        </div>`,
      )}`;
  }

  private renderPanel(tab: MailTab): TemplateResult {
    const { client, me, locale } = this;
    switch (tab) {
      case 'outbox':
        return html`<admin-mail-outbox .client=${client} .me=${me} locale=${locale}></admin-mail-outbox>`;
      case 'templates':
        return html`<admin-mail-templates .client=${client} .me=${me} locale=${locale}></admin-mail-templates>`;
      case 'test':
        return html`<admin-mail-test .client=${client} .me=${me} locale=${locale} .pollInterval=${this.pollInterval} .pollTries=${this.pollTries}></admin-mail-test>`;
    }
  }

  private selectTab(tab: MailTab, focus = false) {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.shadowRoot?.getElementById(`tab-${tab}`)?.focus());
  }

  private handleTabKey = (event: KeyboardEvent) => {
    const index = MAIL_TABS.indexOf(this.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: MAIL_TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(MAIL_TABS[(next + MAIL_TABS.length) % MAIL_TABS.length]!, true);
  };
}

define('admin-mail', AdminMail);

declare global {
  interface HTMLElementTagNameMap {
    'admin-mail': AdminMail;
  }
}
