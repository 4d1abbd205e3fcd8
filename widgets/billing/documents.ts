import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { BillingReport, Invoice, Page } from '../core/api-client.ts';
import type { BillingHost } from './host.ts';

/** How many past years the income-tax statement offers. */
const TAX_YEARS = 6;

/** The documents (B6–B7): invoices (PDF, XML), billing reports, the account statement and the income-tax statement. */
export class DocumentsSection {
  /** Loaded only once the client opens this section. */
  private opened = false;
  private older: Page<Invoice> = { items: [], next: null };
  /** The statement form's choices, kept while the client switches sections. */
  private from = '';
  private to = '';
  private year = 0;
  private statementAccount = '';
  private periodInvalid = false;

  readonly invoices: Task<readonly unknown[], Page<Invoice> | undefined>;
  readonly reports: Task<readonly unknown[], BillingReport[] | undefined>;

  constructor(private readonly host: BillingHost) {
    const accountOption = () => (host.accountFilter ? { accountId: host.accountFilter } : {});
    this.invoices = new Task(host, {
      task: async ([key, , opened], { signal }) => {
        this.older = { items: [], next: null };
        return key && opened ? host.api!.listInvoices(host.token()!, accountOption(), signal) : undefined;
      },
      args: () => [host.sessionKey(), host.accountFilter, this.opened] as const,
    });
    this.reports = new Task(host, {
      task: async ([key, , opened], { signal }) => (key && opened ? (await host.api!.listBillingReports(host.token()!, accountOption(), signal)).items : undefined),
      args: () => [host.sessionKey(), host.accountFilter, this.opened] as const,
    });
  }

  /** The client opened the section: load it (once). */
  open() {
    this.opened = true;
  }

  reset() {
    Object.assign(this, { from: '', to: '', year: 0, statementAccount: '', periodInvalid: false });
  }

  render(): TemplateResult {
    const { t } = this.host;
    return html`
      <section part="invoices" aria-labelledby="invoices-title">
        <h3 id="invoices-title">${t('invoices.title')}</h3>
        ${this.invoices.render({
          initial: () => this.host.loading(),
          pending: () => this.host.loading(),
          error: (error) => this.host.problem(error, () => void this.invoices.run()),
          complete: (page) => this.renderInvoices(page),
        })}
      </section>
      <section part="reports" aria-labelledby="reports-title">
        <h3 id="reports-title">${t('reports.title')}</h3>
        ${this.reports.render({
          initial: () => this.host.loading(),
          pending: () => this.host.loading(),
          error: (error) => this.host.problem(error, () => void this.reports.run()),
          complete: (reports) => this.renderReports(reports ?? []),
        })}
      </section>
      <section part="statements" aria-labelledby="statements-title">
        <h3 id="statements-title">${t('statements.title')}</h3>
        ${this.renderStatements()}
      </section>
    `;
  }

  private renderInvoices(page: Page<Invoice> | undefined): TemplateResult {
    const { t } = this.host;
    const items = [...(page?.items ?? []), ...this.older.items];
    if (!items.length) return html`<p part="empty">${t('invoices.empty')}</p>`;
    const next = this.older.items.length ? this.older.next : (page?.next ?? null);
    return html`<ul>
        ${items.map((invoice) => {
          const name = t('invoice.name', { number: invoice.number });
          const file = (format: 'pdf' | 'xml') =>
            html`<button class="secondary" type="button" aria-disabled=${this.host.busy} @click=${() => this.download(() => this.host.api!.downloadInvoice(this.host.token()!, invoice.id, format))}>
              ${t(format === 'pdf' ? 'download.pdf' : 'download.xml')}<span class="visually-hidden">: ${name}</span>
            </button>`;
          return html`<li part="document">
            <div class="charge-head">
              <strong>${name}${invoice.series ? html` <span class="series">(${t('invoice.series', { series: invoice.series })})</span>` : nothing}</strong>
              <span class="amount">${this.host.money(invoice.amount, invoice.currency)}</span>
            </div>
            <div class="meta">
              <span>${t('invoice.issued', { date: this.host.date(invoice.issueDate) })}</span>
              ${this.host.accounts().length > 1 ? html`<span>${invoice.accountName}</span>` : nothing}
            </div>
            ${invoice.files.pdf || invoice.files.xml
              ? html`<div class="actions">${invoice.files.pdf ? file('pdf') : nothing}${invoice.files.xml ? file('xml') : nothing}</div>`
              : nothing}
          </li>`;
        })}
      </ul>
      ${next ? html`<div class="actions"><button class="secondary" type="button" @click=${() => this.loadOlder(next)}>${t('invoices.more')}</button></div>` : nothing}`;
  }

  private renderReports(reports: BillingReport[]): TemplateResult {
    const { t } = this.host;
    if (!reports.length) return html`<p part="empty">${t('reports.empty')}</p>`;
    const accounts = this.host.accounts();
    return html`<ul>
      ${reports.map((report) => {
        const pending = report.status === 'pending';
        return html`<li part="document" data-status=${report.status}>
          <strong>${report.title}</strong>
          <div class="meta">
            <span>${t('report.period', { start: this.host.date(report.periodStart), end: this.host.date(report.periodEnd) })}</span>
            ${pending ? html`<span part="badge" data-status="pending"><span aria-hidden="true">…</span> ${t('report.pending')}</span>` : nothing}
            ${accounts.length > 1 ? html`<span>${accounts.find((a) => a.id === report.accountId)?.name ?? ''}</span>` : nothing}
          </div>
          ${pending
            ? html`<p class="meta">${t('report.pending-hint')}</p>`
            : report.file
              ? html`<div class="actions">
                  <button class="secondary" type="button" aria-disabled=${this.host.busy} @click=${() => this.download(() => this.host.api!.downloadBillingReport(this.host.token()!, report.id))}>
                    ${t('download')}<span class="visually-hidden">: ${report.title}</span>
                  </button>
                </div>`
              : nothing}
        </li>`;
      })}
    </ul>`;
  }

  private renderStatements(): TemplateResult {
    const { t } = this.host;
    const today = this.host.today();
    const thisYear = Number(today.slice(0, 4));
    const from = this.from || `${thisYear}-01-01`;
    const to = this.to || today;
    const year = this.year || thisYear - 1;
    const accounts = this.host.accounts();
    // Statements are per account: one who reaches several and has not narrowed to one chooses here.
    const chooseAccount = accounts.length > 1 && !this.host.actingAccount();
    const account = this.statementAccount || accounts[0]?.id || '';
    const accountField = chooseAccount
      ? html`<label>${t('statements.account')}
          <select name="statement-account" @change=${(e: Event) => ((this.statementAccount = (e.target as HTMLSelectElement).value), this.host.requestUpdate())}>
            ${accounts.map((a) => html`<option value=${a.id} ?selected=${a.id === account}>${a.name}</option>`)}
          </select>
        </label>`
      : nothing;
    const accountId = chooseAccount ? account : this.host.actingAccount();
    const onDate = (event: Event) => {
      const field = event.target as HTMLInputElement;
      if (field.name === 'from') this.from = field.value;
      if (field.name === 'to') this.to = field.value;
      this.periodInvalid = false;
      this.host.requestUpdate();
    };
    const fields = (event: Event) => Object.fromEntries(new FormData(event.target as HTMLFormElement)) as Record<string, string>;
    const accountOption = () => (accountId ? { accountId } : {});
    const submitStatement = (event: Event) => {
      event.preventDefault();
      const period = fields(event);
      this.periodInvalid = !period.from || !period.to || period.to < period.from;
      this.host.requestUpdate();
      if (this.periodInvalid) return;
      this.download(() => this.host.api!.downloadAccountStatement(this.host.token()!, { ...accountOption(), from: period.from!, to: period.to! }, this.host.locale));
    };
    const submitIncomeTax = (event: Event) => {
      event.preventDefault();
      const chosen = Number(fields(event).year);
      this.download(() => this.host.api!.downloadIncomeTaxStatement(this.host.token()!, { ...accountOption(), year: chosen }, this.host.locale));
    };
    return html`
      ${accountField}
      <form part="statement" @submit=${submitStatement} @change=${onDate} novalidate>
        <fieldset>
          <legend>${t('statement.account')}</legend>
          <p class="meta" id="statement-hint">${t('statement.account-hint')}</p>
          <div class="fields">
            <label>${t('statement.from')}<input type="date" name="from" required .value=${from} max=${to} aria-describedby="statement-hint" /></label>
            <label>${t('statement.to')}<input type="date" name="to" required .value=${to} min=${from} aria-invalid=${this.periodInvalid ? 'true' : 'false'} aria-describedby=${this.periodInvalid ? 'period-error' : nothing} /></label>
          </div>
          ${this.periodInvalid ? html`<p part="error" id="period-error">${t('statement.period-invalid')}</p>` : nothing}
          <div class="actions"><button class="primary" type="submit" aria-disabled=${this.host.busy}>${t('statement.download')}</button></div>
        </fieldset>
      </form>
      <form part="statement" @submit=${submitIncomeTax} novalidate>
        <fieldset>
          <legend>${t('statement.income-tax')}</legend>
          <label>${t('statement.year')}
            <select name="year" @change=${(e: Event) => (this.year = Number((e.target as HTMLSelectElement).value))}>
              ${Array.from({ length: TAX_YEARS }, (_, i) => thisYear - i).map((y) => html`<option value=${y} ?selected=${y === year}>${y}</option>`)}
            </select>
          </label>
          <div class="actions"><button class="primary" type="submit" aria-disabled=${this.host.busy}>${t('statement.income-tax-download')}</button></div>
        </fieldset>
      </form>
    `;
  }

  private download(fetchFile: () => Promise<File>) {
    void this.host.run(async () => this.host.save(await fetchFile()));
  }

  private loadOlder(cursor: string) {
    void this.host.run(async () => {
      const page = await this.host.api!.listInvoices(this.host.token()!, { ...(this.host.accountFilter ? { accountId: this.host.accountFilter } : {}), before: cursor });
      this.older = { items: [...this.older.items, ...page.items], next: page.next };
    });
  }
}
