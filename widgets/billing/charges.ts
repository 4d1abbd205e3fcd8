import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import type { Charge, ChargeFilters, ChargeStatusFilter, Page } from '../core/api-client.ts';
import type { BillingHost, Key } from './host.ts';
import { PaymentOptions } from './payment-options.ts';

const STATUS_FILTERS: ChargeStatusFilter[] = ['pending', 'open', 'overdue', 'paid', 'cancelled', 'renegotiated'];
const FILTER_FIELDS = ['status', 'from', 'to', 'establishmentId'];
/** A mark beside the status word, so the badge never speaks by colour alone (the word itself is read). */
const STATUS_MARK: Record<Charge['status'], string> = { open: '○', overdue: '!', paid: '✓', cancelled: '×', renegotiated: '↻' };

/** The charge history (B2–B5): filters, the list with status badges, "show more", and each charge's payment options. */
export class ChargesSection {
  /** The list's filters; '' is "any". */
  status: ChargeStatusFilter | '' = '';
  from = '';
  to = '';
  establishmentId = '';
  /** The charge whose payment options are open. */
  private expanded?: string;
  private older: Page<Charge> = { items: [], next: null };
  /** Establishments seen on charges, so the choice does not shrink when a filter hides some. */
  private readonly seen = new Map<string, string>();
  private readonly options: PaymentOptions;

  readonly list: Task<readonly unknown[], Page<Charge> | undefined>;

  constructor(private readonly host: BillingHost) {
    this.options = new PaymentOptions(host);
    this.list = new Task(host, {
      task: async ([key], { signal }) => {
        this.older = { items: [], next: null };
        if (!key) return undefined;
        const page = await host.api!.listCharges(host.token()!, this.filters(), signal);
        this.remember(page.items);
        return page;
      },
      args: () => [host.sessionKey(), host.accountFilter, this.status, this.from, this.to, this.establishmentId] as const,
    });
  }

  /** Back to the unfiltered list (another person signed in, or the client cleared the filters). */
  reset() {
    Object.assign(this, { status: '', from: '', to: '', establishmentId: '', expanded: undefined });
    this.seen.clear();
    this.options.reset();
  }

  /** Shows only what is still to pay (from the summary). */
  showPending() {
    Object.assign(this, { status: 'pending', from: '', to: '', establishmentId: '' });
    this.host.requestUpdate();
  }

  private filters(): ChargeFilters {
    const filters: ChargeFilters = {};
    if (this.status) filters.status = this.status;
    if (this.from) filters.from = this.from;
    if (this.to) filters.to = this.to;
    if (this.establishmentId) filters.establishmentId = this.establishmentId;
    if (this.host.accountFilter) filters.accountId = this.host.accountFilter;
    return filters;
  }

  private filtered(): boolean {
    return Boolean(this.status || this.from || this.to || this.establishmentId);
  }

  private remember(charges: Charge[]) {
    for (const charge of charges) if (charge.establishmentId && charge.establishmentName) this.seen.set(charge.establishmentId, charge.establishmentName);
  }

  /** Establishments to filter by: those a limited user reaches, and those seen on charges; shown when there are two or more. */
  private establishments(): { id: string; name: string }[] {
    const all = new Map(this.seen);
    for (const account of this.host.accounts()) {
      if (this.host.accountFilter && account.id !== this.host.accountFilter) continue;
      if (account.establishments !== 'all') for (const e of account.establishments) all.set(e.id, e.name);
    }
    return [...all].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }

  render(): TemplateResult {
    const { t } = this.host;
    const filters = this.renderFilters();
    return html`${filters}${this.list.render({
      initial: () => this.host.loading(),
      pending: () => this.host.loading(),
      error: (error) => this.host.problem(error, () => void this.list.run()),
      complete: (page) => {
        const items = [...(page?.items ?? []), ...this.older.items];
        if (!items.length) return html`<p part="empty">${t(this.filtered() ? 'charges.empty-filtered' : 'charges.empty')}</p>`;
        const next = this.older.items.length ? this.older.next : (page?.next ?? null);
        return html`<ul part="charges">${items.map((charge) => this.renderCharge(charge))}</ul>
          ${next ? html`<div class="actions"><button class="secondary" type="button" @click=${() => this.loadOlder(next)}>${t('charges.more')}</button></div>` : nothing}`;
      },
    })}`;
  }

  private renderFilters(): TemplateResult {
    const { t } = this.host;
    const establishments = this.establishments();
    const onChange = (event: Event) => {
      const field = event.target as HTMLInputElement | HTMLSelectElement;
      if (FILTER_FIELDS.includes(field.name)) Object.assign(this, { [field.name]: field.value, expanded: undefined });
      this.host.requestUpdate();
    };
    return html`<form part="filters" aria-label=${t('filters')} @change=${onChange} @submit=${(e: Event) => e.preventDefault()}>
      <label>${t('filter.status')}
        <select name="status">
          <option value="" ?selected=${!this.status}>${t('filter.all')}</option>
          ${STATUS_FILTERS.map((s) => html`<option value=${s} ?selected=${this.status === s}>${t(s === 'pending' ? 'filter.pending' : (`status.${s}` as Key))}</option>`)}
        </select>
      </label>
      <label>${t('filter.from')}<input type="date" name="from" .value=${this.from} max=${this.to || nothing} /></label>
      <label>${t('filter.to')}<input type="date" name="to" .value=${this.to} min=${this.from || nothing} /></label>
      ${establishments.length > 1
        ? html`<label>${t('filter.establishment')}
            <select name="establishmentId">
              <option value="" ?selected=${!this.establishmentId}>${t('filter.all-establishments')}</option>
              ${establishments.map((e) => html`<option value=${e.id} ?selected=${this.establishmentId === e.id}>${e.name}</option>`)}
            </select>
          </label>`
        : nothing}
      ${this.filtered()
        ? html`<div class="actions"><button class="secondary" type="button" @click=${() => (this.reset(), this.host.requestUpdate())}>${t('filter.clear')}</button></div>`
        : nothing}
    </form>`;
  }

  private renderCharge(charge: Charge): TemplateResult {
    const { t } = this.host;
    const open = this.expanded === charge.id;
    const payable = charge.status === 'open' || charge.status === 'overdue';
    const panel = `options-${charge.id}`;
    return html`<li part="charge" data-status=${charge.status}>
      <div class="charge-head">
        <strong>${charge.description}</strong>
        <span class="amount">${this.host.money(charge.amount, charge.currency)}</span>
      </div>
      <div class="meta">
        <span part="badge" data-status=${charge.status}><span aria-hidden="true">${STATUS_MARK[charge.status]}</span> ${t(`status.${charge.status}` as Key)}</span>
        ${charge.kind === 'renegotiation' ? html`<span part="kind">${t('kind.renegotiation')}</span>` : nothing}
        <span>${charge.status === 'paid' && charge.paidAt ? t('charge.paid-on', { date: this.host.date(charge.paidAt) }) : t('charge.due', { date: this.host.date(charge.dueDate) })}</span>
        ${this.host.accounts().length > 1 ? html`<span>${charge.accountName}</span>` : nothing}
        ${charge.establishmentName ? html`<span>${charge.establishmentName}</span>` : nothing}
      </div>
      <button class="disclosure" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${panel} @click=${() => this.toggle(charge.id)}>
        ${t(payable ? 'charge.options' : 'charge.details')}<span class="visually-hidden">: ${charge.description}</span>
      </button>
      <div part="options" id=${panel} ?hidden=${!open}>${open ? this.options.render(charge) : nothing}</div>
    </li>`;
  }

  private toggle(id: string) {
    this.expanded = this.expanded === id ? undefined : id;
    this.options.reset();
    this.host.requestUpdate();
  }

  private loadOlder(cursor: string) {
    void this.host.run(async () => {
      const page = await this.host.api!.listCharges(this.host.token()!, { ...this.filters(), before: cursor });
      this.remember(page.items);
      this.older = { items: [...this.older.items, ...page.items], next: page.next };
    });
  }
}
