import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AdminSection } from '../admin-section.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles, tabStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { billingStyles } from './admin-billing.styles.ts';
import './charges-panel.ts';
import './records-panels.ts';
import { messages, type BillingKey } from './messages.ts';

export const BILLING_TABS = ['charges', 'invoices', 'reports'] as const;
export type BillingTab = (typeof BILLING_TABS)[number];

/**
 * Billing (B1–B5) for a business without an integration: charges filtered by status, account and due period, their
 * amounts in the tenant's currency and their status in words; with `billing:write`, a new charge, marking one paid,
 * cancelling one after a confirmation, and uploading its boleto PDF. Invoices and billing reports, read-only.
 * @summary The business's charges, invoices and reports, by hand.
 * @csspart base - the section.
 * @csspart intro - what the section is for.
 * @csspart tabs - the charges / invoices / reports tabs; each a `tab`.
 * @csspart panel - the open tab's panel.
 * @cssprop --portal-billing-gap - space between the parts.
 */
export class AdminBilling extends AdminSection<BillingKey> {
  static override styles = [baseStyles, panelStyles, tabStyles, cardListStyles, billingStyles];

  protected readonly catalog = messages;

  /** The tab shown first. */
  @property() tab: BillingTab = 'charges';

  override render() {
    const t = this.t;
    const allowed = this.can('billing:read');
    return html`<section part="base" aria-labelledby="billing-title" lang=${this.locale}>
      <h2 id="billing-title">${t('title')}</h2>
      ${allowed
        ? html`<p part="intro">${t('intro')}</p>
            ${this.can('billing:write') ? nothing : html`<p class="hint">${t('read-only')}</p>`} ${this.renderTabs()}`
        : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderTabs(): TemplateResult {
    const t = this.t;
    return html`<div part="tabs" role="tablist" aria-label=${t('tabs.label')} @keydown=${this.handleTabKey}>
        ${BILLING_TABS.map(
          (tab) => html`<button part="tab" role="tab" type="button" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'}
            tabindex=${this.tab === tab ? 0 : -1} @click=${() => this.selectTab(tab)}>${t(`tab.${tab}`)}</button>`,
        )}
      </div>
      ${BILLING_TABS.map(
        (tab) => html`<div part="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" ?hidden=${this.tab !== tab}>
          ${this.tab === tab ? this.renderPanel(tab) : nothing}
        </div>`,
      )}`;
  }

  private renderPanel(tab: BillingTab): TemplateResult {
    switch (tab) {
      case 'charges':
        return html`<admin-billing-charges .api=${this.api} .me=${this.me} .locale=${this.locale}></admin-billing-charges>`;
      case 'invoices':
        return html`<admin-billing-invoices .api=${this.api} .me=${this.me} .locale=${this.locale}></admin-billing-invoices>`;
      case 'reports':
        return html`<admin-billing-reports .api=${this.api} .me=${this.me} .locale=${this.locale}></admin-billing-reports>`;
    }
  }

  private selectTab(tab: BillingTab, focus = false) {
    this.tab = tab;
    if (focus) void this.updateComplete.then(() => this.shadowRoot?.getElementById(`tab-${tab}`)?.focus());
  }

  private handleTabKey = (event: KeyboardEvent) => {
    const index = BILLING_TABS.indexOf(this.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: BILLING_TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(BILLING_TABS[(next + BILLING_TABS.length) % BILLING_TABS.length]!, true);
  };
}

define('admin-billing', AdminBilling);

declare global {
  interface HTMLElementTagNameMap {
    'admin-billing': AdminBilling;
  }
}
