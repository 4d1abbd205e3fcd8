import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import { define } from '../../core/define.ts';
import { formatCalendarDate, formatMoney } from '../../core/format.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { focusLater, pluralOf, problemKeyIn, renderLoading, renderProblem } from '../processes/section-kit.ts';
import { billingStyles } from './admin-billing.styles.ts';
import { BillingClient, type BillingReport, type Invoice } from './billing-client.ts';
import { messages, type BillingKey } from './messages.ts';

/** What the read-only billing tabs share: the section's strings and styles. */
abstract class BillingRecords extends AdminSection<BillingKey> {
  static override styles = [baseStyles, panelStyles, cardListStyles, billingStyles];
  protected readonly catalog = messages;

  protected problem(error: unknown, retry: () => void): TemplateResult {
    return renderProblem(this.t(problemKeyIn(messages, error)), this.t('retry'), retry);
  }
}

/**
 * The invoices tab of `<admin-billing>`: the invoices the billing system sent, latest first, a page at a time —
 * number and series, account, date, amount, how many charges it covers, which files it has. Read-only.
 * @summary The business's invoices.
 * @csspart list - the invoices; each an `item`.
 * @csspart more - the "load more" button.
 */
export class AdminBillingInvoices extends BillingRecords {
  @state() private items: Invoice[] = [];
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';

  private readonly load = new Task(this, {
    task: async ([api], { signal }) => {
      if (!api) return undefined;
      const page = await new BillingClient(api).invoices(undefined, signal);
      Object.assign(this, { items: page.items, next: page.next, moreError: '' });
      return page;
    },
    args: () => [this.api] as const,
  });

  override render() {
    const t = this.t;
    const pending = this.load.status === TaskStatus.PENDING || this.load.status === TaskStatus.INITIAL;
    return html`<div class="panel" lang=${this.locale}>
      <p class="hint">${t('invoices.read-only')}</p>
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.load.render({
          initial: () => renderLoading(t('invoices.loading')),
          pending: () => renderLoading(t('invoices.loading')),
          error: (error) => this.problem(error, () => void this.load.run()),
          complete: () => this.renderList(),
        })}
      </div>
    </div>`;
  }

  private renderList(): TemplateResult {
    const t = this.t;
    if (!this.items.length) return html`<p part="empty">${t('invoices.empty')}</p>`;
    return html`<ul part="list" aria-label=${t('invoices.label')}>
        ${repeat(this.items, (item) => item.id, (item) => this.renderInvoice(item))}
      </ul>
      ${this.next
        ? html`${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
            <div class="actions">
              <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.handleMore}>
                ${this.loadingMore ? t('more.loading') : this.moreError ? t('retry') : t('more')}
              </button>
            </div>`
        : nothing}`;
  }

  private renderInvoice(item: Invoice): TemplateResult {
    const t = this.t;
    const files = item.files.pdf && item.files.xml ? 'both' : item.files.pdf ? 'pdf' : item.files.xml ? 'xml' : 'none';
    const charges = item.chargeIds.length;
    return html`<li part="item" data-id=${item.id}>
      <h3 tabindex="-1">${item.series ? t('invoice.title-series', { number: item.number, series: item.series }) : t('invoice.title', { number: item.number })}</h3>
      <dl>
        <div><dt>${t('row.account')}</dt><dd>${item.accountName}</dd></div>
        <div><dt>${t('row.issued')}</dt><dd><time datetime=${item.issueDate}>${formatCalendarDate(item.issueDate, this.locale)}</time></dd></div>
        <div><dt>${t('row.amount')}</dt><dd>${formatMoney(item.amount, item.currency, this.locale)}</dd></div>
        <div><dt>${t('invoice.charges')}</dt><dd>${t(`invoice.charges.count.${pluralOf(this.locale, charges)}`, { count: charges })}</dd></div>
        <div><dt>${t('invoice.files')}</dt><dd>${t(`invoice.files.${files}`)}</dd></div>
      </dl>
    </li>`;
  }

  private handleMore = async () => {
    if (this.loadingMore || !this.next || !this.api) return;
    const count = this.items.length;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await new BillingClient(this.api).invoices(this.next);
      const known = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...page.items.filter((item) => !known.has(item.id))];
      this.next = page.next;
      const first = this.items[count];
      if (first) focusLater(this, `[data-id="${CSS.escape(first.id)}"] h3`);
    } catch (error) {
      this.moreError = this.t(problemKeyIn(messages, error));
    } finally {
      this.loadingMore = false;
    }
  };
}

/**
 * The reports tab of `<admin-billing>`: the billing reports (demonstrativos), latest period first — title, period,
 * ready or being prepared, whether its PDF is there. Read-only.
 * @summary The business's billing reports.
 * @csspart list - the reports; each an `item`, its state a `badge`.
 */
export class AdminBillingReports extends BillingRecords {
  private readonly load = new Task(this, {
    task: async ([api], { signal }) => (api ? (await new BillingClient(api).reports(signal)).items : undefined),
    args: () => [this.api] as const,
  });

  override render() {
    const t = this.t;
    const pending = this.load.status === TaskStatus.PENDING || this.load.status === TaskStatus.INITIAL;
    return html`<div class="panel" lang=${this.locale}>
      <p class="hint">${t('reports.read-only')}</p>
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.load.render({
          initial: () => renderLoading(t('reports.loading')),
          pending: () => renderLoading(t('reports.loading')),
          error: (error) => this.problem(error, () => void this.load.run()),
          complete: (items) => this.renderList(items ?? []),
        })}
      </div>
    </div>`;
  }

  private renderList(items: BillingReport[]): TemplateResult {
    const t = this.t;
    if (!items.length) return html`<p part="empty">${t('reports.empty')}</p>`;
    return html`<ul part="list" aria-label=${t('reports.label')}>
      ${items.map(
        (item) => html`<li part="item" data-id=${item.id}>
          <div class="item-head">
            <h3>${item.title}</h3>
            <span part="badge" class="state" data-status=${item.status}>${t(`report.status.${item.status}`)}</span>
          </div>
          <dl>
            <div>
              <dt>${t('report.period')}</dt>
              <dd>
                <time datetime=${item.periodStart}>${formatCalendarDate(item.periodStart, this.locale)}</time> –
                <time datetime=${item.periodEnd}>${formatCalendarDate(item.periodEnd, this.locale)}</time>
              </dd>
            </div>
            <div><dt>${t('report.file')}</dt><dd>${t(item.file ? 'report.file.yes' : 'report.file.no')}</dd></div>
          </dl>
        </li>`,
      )}
    </ul>`;
  }
}

define('admin-billing-invoices', AdminBillingInvoices);
define('admin-billing-reports', AdminBillingReports);

declare global {
  interface HTMLElementTagNameMap {
    'admin-billing-invoices': AdminBillingInvoices;
    'admin-billing-reports': AdminBillingReports;
  }
}
