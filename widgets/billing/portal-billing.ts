import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../core/api-client.ts';
import { fullAccessToken, portalContext, type PortalRuntime, sessionKeyOf } from '../core/context.ts';
import { define } from '../core/define.ts';
import { formatCalendarDate, formatMoney, todayIn } from '../core/format.ts';
import { translator, type Locale, type Translate } from '../core/i18n.ts';
import { baseStyles, panelStyles, tabStyles } from '../core/shared-styles.ts';
import { ChargesSection } from './charges.ts';
import { DocumentsSection } from './documents.ts';
import { messages, type BillingHost, type Key } from './host.ts';
import { billingStyles } from './portal-billing.styles.ts';
import { SummarySection } from './summary.ts';

type Tab = 'charges' | 'documents';
const TABS: Tab[] = ['charges', 'documents'];

/**
 * The client's billing (B1–B7): "anything pending?" per currency, the charge history with filters and each charge's
 * payment options (copy the boleto line or the PIX code, download the boleto, pay by card, ask for help), then
 * invoices, billing reports and statements to download, and saved cards where the portal offers card payments.
 * "Need help with this charge?" opens `<portal-requests>` pre-filled through the `portal-request-new` event.
 * @summary What the client owes and paid, and their billing documents.
 * @event portal-payment-started - the client is leaving for the provider's card payment page; `detail.chargeId`.
 * @event portal-request-new - the client asked for help with a charge; `detail` is the request draft.
 * @csspart base - the panel.
 * @csspart summary - "anything pending?".
 * @csspart totals - the pending totals, one per currency.
 * @csspart total - one currency's open and overdue amounts.
 * @csspart all-clear - the "nothing pending" message.
 * @csspart methods - saved cards and the preferred way to pay.
 * @csspart preferred - the preferred-method choice.
 * @csspart tabs - the section switcher (charges, documents).
 * @csspart tab - one section's tab.
 * @csspart panel - a section.
 * @csspart filters - the charge filters.
 * @csspart charges - the list of charges.
 * @csspart charge - one charge.
 * @csspart badge - a charge's status (a word and a mark, never colour alone), or a pending report.
 * @csspart kind - the renegotiation mark.
 * @csspart options - a charge's payment options.
 * @csspart code - the boleto line or PIX code.
 * @csspart copy - a copy button.
 * @csspart copied - the copy confirmation.
 * @csspart pay - the pay-by-card button.
 * @csspart invoices - the invoices section.
 * @csspart reports - the billing reports section.
 * @csspart statements - the statements section.
 * @csspart statement - one statement's form.
 * @csspart document - one invoice or report.
 * @csspart empty - an empty list's message.
 * @csspart error - what went wrong.
 * @csspart status - loading and confirmation messages.
 * @cssprop --portal-billing-gap - space between the parts.
 * @cssprop --portal-billing-overdue-color - overdue amounts and badges (default: the danger colour).
 */
export class PortalBilling extends LitElement implements BillingHost {
  static override styles = [baseStyles, panelStyles, tabStyles, billingStyles];

  /** Where the client goes to pay by card or manage cards; by default the whole page (the top window) goes there. */
  @property({ attribute: false }) navigate: (url: string) => void = (url) => {
    try {
      window.top!.location.href = url;
    } catch {
      // A cross-origin frame that may not navigate its top goes there itself.
      location.assign(url);
    }
  };

  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;
  @state() private tab: Tab = 'charges';
  @state() accountFilter = '';
  @state() busy = false;
  @state() private error = '';
  @state() private notice = '';

  private readonly summary = new SummarySection(this);
  private readonly charges = new ChargesSection(this);
  private readonly documents = new DocumentsSection(this);
  private lastSessionKey = '';

  get api() {
    return this.portal?.api;
  }
  get locale(): Locale {
    return this.portal?.locale ?? 'pt-BR';
  }
  get t(): Translate<Key> {
    return translator(messages, this.locale) as Translate<Key>;
  }

  token() {
    return fullAccessToken(this.portal);
  }
  sessionKey() {
    return this.token() ? sessionKeyOf(this.portal) : '';
  }
  accounts() {
    return this.portal?.session.status === 'signed-in' ? this.portal.session.accounts : [];
  }
  actingAccount() {
    const session = this.portal?.session;
    if (session?.status !== 'signed-in') return undefined;
    return this.accountFilter || session.accountId || (session.accounts.length === 1 ? session.accounts[0]!.id : undefined);
  }
  tenantCurrency() {
    return this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.currency : undefined;
  }
  money(amount: number, currency: string) {
    return formatMoney(amount, currency, this.locale);
  }
  date(value: string) {
    return formatCalendarDate(value, this.locale);
  }
  today() {
    return todayIn(this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.timeZone : 'UTC');
  }

  protected override willUpdate(changed: Map<string, unknown>) {
    // Another person or account: nothing of the previous one's screen may stay (filters, an open charge).
    const key = this.sessionKey();
    if (changed.has('portal') && key !== this.lastSessionKey) {
      if (this.lastSessionKey) {
        Object.assign(this, { tab: 'charges', accountFilter: '', error: '', notice: '' });
        this.charges.reset();
        this.documents.reset();
      }
      this.lastSessionKey = key;
    }
  }

  override render() {
    const t = this.t;
    if (!this.token()) return html`<div part="base" lang=${this.locale}><h2>${t('title')}</h2><p>${t('sign-in-first')}</p></div>`;
    return html`<div part="base" lang=${this.locale}>
      <header>
        <h2>${t('title')}</h2>
        ${this.renderAccountChoice(t)}
      </header>
      ${this.error ? html`<div part="error" role="alert">${this.error}</div>` : nothing}
      <p part="status" role="status" aria-live="polite" class=${this.notice ? '' : 'visually-hidden'}>${this.notice}</p>
      ${this.summary.render(this.handleSeePending)}
      <div part="tabs" role="tablist" aria-label=${t('tabs.label')} @keydown=${this.handleTabKey}>
        ${TABS.map(
          (tab) => html`<button part="tab" role="tab" type="button" id="tab-${tab}" aria-controls="panel-${tab}" aria-selected=${this.tab === tab ? 'true' : 'false'}
            tabindex=${this.tab === tab ? 0 : -1} @click=${() => this.selectTab(tab)}>${t(`tab.${tab}`)}</button>`,
        )}
      </div>
      ${TABS.map(
        (tab) => html`<div part="panel" role="tabpanel" id="panel-${tab}" aria-labelledby="tab-${tab}" tabindex="0" ?hidden=${this.tab !== tab}>
          ${this.tab !== tab ? nothing : tab === 'charges' ? this.charges.render() : this.documents.render()}
        </div>`,
      )}
    </div>`;
  }

  /** A user who reaches several accounts may look at one of them, or all. */
  private renderAccountChoice(t: Translate<Key>) {
    const accounts = this.accounts();
    if (accounts.length < 2) return nothing;
    return html`<label class="account">${t('account')}
      <select name="account" @change=${(event: Event) => (this.accountFilter = (event.target as HTMLSelectElement).value)}>
        <option value="" ?selected=${!this.accountFilter}>${t('all-accounts')}</option>
        ${accounts.map((a) => html`<option value=${a.id} ?selected=${this.accountFilter === a.id}>${a.name}</option>`)}
      </select>
    </label>`;
  }

  loading(): TemplateResult {
    return html`<div part="status" role="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  problem(error: unknown, retry?: () => void): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.message(error)}</p>
      ${retry ? html`<button class="secondary" type="button" @click=${retry}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }

  private message(error: unknown): string {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `error.${code}` as Key;
    return key in messages.en ? this.t(key) : this.t('error.generic');
  }

  async run(work: () => Promise<void>) {
    if (this.busy) return;
    this.busy = true;
    this.error = '';
    this.notice = '';
    try {
      await work();
    } catch (error) {
      this.error = this.message(error);
    } finally {
      this.busy = false;
    }
  }

  notify(message: string) {
    this.notice = message;
  }

  save(file: File) {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(file);
    link.download = file.name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
    this.notify(this.t('download.started', { name: file.name }));
  }

  leaveFor(url: string) {
    this.notify(this.t('card.leaving'));
    this.navigate(url);
  }

  private selectTab(tab: Tab, focus = false) {
    this.tab = tab;
    if (tab === 'documents') this.documents.open();
    if (focus) void this.updateComplete.then(() => this.shadowRoot?.getElementById(`tab-${tab}`)?.focus());
  }

  private handleTabKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(this.tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.selectTab(TABS[(next + TABS.length) % TABS.length]!, true);
  };

  private handleSeePending = () => {
    this.charges.showPending();
    this.selectTab('charges');
    void this.updateComplete.then(() => this.shadowRoot?.getElementById('panel-charges')?.focus());
  };
}

define('portal-billing', PortalBilling);

declare global {
  interface HTMLElementTagNameMap {
    'portal-billing': PortalBilling;
  }
}
