import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import type { AccountListItem } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import '../processes/account-picker.ts';
import { dialogStyles, filterStyles, focusLater, pluralOf, problemKeyIn, renderLoading, renderProblem, todayIn } from '../processes/section-kit.ts';
import { billingStyles } from './admin-billing.styles.ts';
import { BillingClient, MAX_BILLING_FILE_BYTES, PAID_VIA, STATUS_FILTERS, type Charge, type ChargeFilters, type PaidVia, type StatusFilter } from './billing-client.ts';
import './charge-new.ts';
import { dialogTitle, renderBoletoForm, renderCancel, renderCharge, renderPaidForm, type ChargeDialogMode, type ChargeView } from './charge-views.ts';
import { messages, type BillingKey } from './messages.ts';

/**
 * The charges tab of `<admin-billing>`: filters (status, account, due period), the charges a page at a time with
 * their amount, due date and status in words; with `billing:write`, "New charge" and, on a charge still to pay,
 * "Mark paid", "Upload boleto PDF" and "Cancel charge" (confirmed) — each in a modal dialog that gives focus back.
 * @summary The business's charges and what staff do with them.
 * @csspart filters - the status, account and period filters.
 * @csspart list - the charges; each an `item` (`data-status`), its status a `badge`.
 * @csspart more - the "load more" button.
 * @csspart announcement - the live region saying what just happened.
 * @csspart dialog - the mark-paid / cancel / boleto dialog.
 */
export class AdminBillingCharges extends AdminSection<BillingKey> implements ChargeView {
  static override styles = [baseStyles, panelStyles, cardListStyles, dialogStyles, filterStyles, billingStyles];

  protected readonly catalog = messages;

  @state() private filters: ChargeFilters = {};
  @state() private account?: AccountListItem;
  @state() private items: Charge[] = [];
  @state() private next: string | null = null;
  @state() private loadingMore = false;
  @state() private moreError = '';
  @state() private announcement = '';
  @state() private dialog?: { mode: ChargeDialogMode; charge: Charge };
  @state() working = false;
  @state() dialogError = '';
  @state() fieldError = '';
  private announceLoad = false;
  private generation = 0;

  private readonly list = new Task(this, {
    task: async ([api, filters], { signal }) => {
      if (!api) return undefined;
      const generation = ++this.generation;
      const page = await new BillingClient(api).charges(filters, undefined, signal);
      if (generation !== this.generation) return undefined;
      Object.assign(this, { items: page.items, next: page.next, moreError: '' });
      if (this.announceLoad) this.announce(this.shownText());
      this.announceLoad = false;
      return page;
    },
    args: () => [this.api, this.filters] as const,
  });

  override get t() {
    return super.t;
  }

  get writable(): boolean {
    return this.can('billing:write');
  }

  get today(): string {
    return todayIn(this.me?.tenant.timeZone);
  }

  override render() {
    const t = this.t;
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`<div class="panel" lang=${this.locale}>
      ${this.writable ? html`<div class="actions"><admin-charge-new .api=${this.api} .me=${this.me} .locale=${this.locale} @admin-charge-saved=${this.handleSaved}></admin-charge-new></div>` : nothing}
      <p part="announcement" role="status" aria-live="polite">${this.announcement}</p>
      ${this.renderFilters()}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => renderLoading(t('loading')),
          pending: () => renderLoading(t('loading')),
          error: (error) => renderProblem(t(problemKeyIn(messages, error)), t('retry'), () => void this.list.run()),
          complete: () => this.renderItems(),
        })}
      </div>
      ${this.renderDialog()}
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    const { status, from, to } = this.filters;
    return html`<div part="filters" role="group" aria-label=${t('filters.label')}>
      <label
        >${t('filter.status')}
        <select name="status" @change=${this.handleFilter}>
          <option value="" ?selected=${!status}>${t('filter.status.any')}</option>
          ${STATUS_FILTERS.map((value) => html`<option value=${value} ?selected=${value === status}>${value === 'pending' ? t('filter.status.pending') : t(`status.${value}`)}</option>`)}
        </select>
      </label>
      <label>${t('filter.from')}<input type="date" name="from" .value=${from ?? ''} max=${to ?? nothing} @change=${this.handleFilter} /></label>
      <label>${t('filter.to')}<input type="date" name="to" .value=${to ?? ''} min=${from ?? nothing} @change=${this.handleFilter} /></label>
      <admin-account-picker optional .api=${this.api} .locale=${this.locale} .label=${t('filter.account')} .value=${this.account} @admin-account-change=${this.handleAccount}></admin-account-picker>
    </div>`;
  }

  private renderItems(): TemplateResult {
    const t = this.t;
    const filtered = Object.values(this.filters).some(Boolean);
    const list = this.items.length
      ? html`<ul part="list" aria-label=${t('list.label')}>${repeat(this.items, (charge) => charge.id, (charge) => renderCharge(this, charge))}</ul>`
      : html`<p part="empty">${filtered ? t('empty.filtered') : t('empty')}</p>`;
    return html`${list}
    ${this.next
      ? html`${this.moreError ? html`<div part="error" role="alert"><p>${this.moreError}</p></div>` : nothing}
          <div class="actions">
            <button part="more" class="secondary" type="button" aria-disabled=${this.loadingMore ? 'true' : 'false'} @click=${this.handleMore}>
              ${this.loadingMore ? t('more.loading') : this.moreError ? t('retry') : t('more')}
            </button>
          </div>`
      : nothing}`;
  }

  private renderDialog(): TemplateResult {
    const t = this.t;
    const dialog = this.dialog;
    return html`<dialog part="dialog" aria-labelledby="dialog-title" @close=${this.handleClose}>
      <div class="dialog-head">
        <h3 id="dialog-title">${dialog ? dialogTitle(t, dialog.mode, dialog.charge) : ''}</h3>
        <button class="link close" type="button" aria-label=${t('close')} @click=${this.closeDialog}><span aria-hidden="true">×</span></button>
      </div>
      ${dialog?.mode === 'paid' ? renderPaidForm(this) : dialog?.mode === 'boleto' ? renderBoletoForm(this) : dialog ? renderCancel(this, dialog.charge) : nothing}
    </dialog>`;
  }

  openDialog(mode: ChargeDialogMode, charge: Charge) {
    Object.assign(this, { dialog: { mode, charge }, working: false, dialogError: '', fieldError: '', announcement: '' });
    void this.updateComplete.then(() => {
      const dialog = this.shadowRoot!.querySelector('dialog')!;
      dialog.querySelector('form')?.reset();
      if (!dialog.open) dialog.showModal();
      // Cancelling starts on the safe choice.
      dialog.querySelector<HTMLElement>(mode === 'paid' ? 'input[name=paidAt]' : mode === 'boleto' ? 'input[name=file]' : '[part~=keep]')?.focus();
    });
  }

  closeDialog = () => this.shadowRoot?.querySelector('dialog')?.close();

  clearFieldError = () => {
    this.fieldError = '';
  };

  /** Focus goes back to the button that opened the dialog, or to the charge's title when its buttons are gone. */
  private handleClose = () => {
    const { mode, charge } = this.dialog ?? {};
    this.dialog = undefined;
    if (!charge) return;
    const row = `[data-id="${CSS.escape(charge.id)}"]`;
    focusLater(this, `${row} [data-action=${mode}]`, `${row} h3`);
  };

  private async run(call: (client: BillingClient) => Promise<string>) {
    if (this.working || !this.api) return;
    this.working = true;
    this.dialogError = '';
    try {
      const said = await call(new BillingClient(this.api));
      this.closeDialog();
      this.announce(said);
    } catch (error) {
      this.dialogError = this.t(problemKeyIn(messages, error));
      focusLater(this, 'dialog [part~=error]');
    } finally {
      this.working = false;
    }
  }

  private replace(charge: Charge) {
    this.items = this.items.map((other) => (other.id === charge.id ? charge : other));
  }

  handlePaid = async (event: SubmitEvent) => {
    event.preventDefault();
    const charge = this.dialog?.charge;
    const form = event.target as HTMLFormElement;
    const paidAt = (form.elements.namedItem('paidAt') as HTMLInputElement).value;
    const via = (form.elements.namedItem('via') as HTMLSelectElement).value as PaidVia;
    if (!charge || !PAID_VIA.includes(via)) return;
    if (!paidAt) {
      this.fieldError = this.t('paid.date.missing');
      return focusLater(this, 'input[name=paidAt]');
    }
    await this.run(async (client) => {
      this.replace(await client.markPaid(charge.id, { paidAt, via }));
      return this.t('announce.paid', { description: charge.description });
    });
  };

  handleCancel = async () => {
    const charge = this.dialog?.charge;
    if (!charge) return;
    await this.run(async (client) => {
      this.replace(await client.cancel(charge.id));
      return this.t('announce.cancelled', { description: charge.description });
    });
  };

  handleBoleto = async (event: SubmitEvent) => {
    event.preventDefault();
    const charge = this.dialog?.charge;
    const file = (event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=file]')!.files?.[0];
    if (!charge) return;
    const isPdf = file && (file.type === 'application/pdf' || (!file.type && /\.pdf$/i.test(file.name)));
    this.fieldError = !file ? this.t('boleto.missing') : !isPdf ? this.t('boleto.not-pdf') : file.size > MAX_BILLING_FILE_BYTES ? this.t('boleto.too-large') : '';
    if (this.fieldError) return focusLater(this, 'input[name=file]');
    await this.run(async (client) => {
      await client.uploadBoleto(charge.id, file!);
      return this.t('announce.boleto', { description: charge.description });
    });
  };

  private shownText(): string {
    return this.t(`shown.${pluralOf(this.locale, this.items.length)}`, { count: this.items.length });
  }

  /** Says `text` in the live region, even when it is the same as last time. */
  private announce(text: string) {
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = text));
  }

  private handleFilter = (event: Event) => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    const value = field.value || undefined;
    if (field.name === 'status') this.filters = { ...this.filters, status: value as StatusFilter | undefined };
    else this.filters = { ...this.filters, [field.name]: value };
    this.announceLoad = true;
  };

  private handleAccount = (event: GlobalEventHandlersEventMap['admin-account-change']) => {
    this.account = event.detail.account;
    this.filters = { ...this.filters, accountId: event.detail.account?.id };
    this.announceLoad = true;
  };

  private handleMore = async () => {
    if (this.loadingMore || !this.next || !this.api) return;
    const generation = this.generation;
    const count = this.items.length;
    this.loadingMore = true;
    this.moreError = '';
    try {
      const page = await new BillingClient(this.api).charges(this.filters, this.next);
      if (generation !== this.generation) return;
      const known = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...page.items.filter((item) => !known.has(item.id))];
      this.next = page.next;
      this.announce(this.shownText());
      const first = this.items[count];
      if (first) focusLater(this, `[data-id="${CSS.escape(first.id)}"] h3`);
    } catch (error) {
      if (generation === this.generation) this.moreError = this.t(problemKeyIn(messages, error));
    } finally {
      this.loadingMore = false;
    }
  };

  private handleSaved = (event: GlobalEventHandlersEventMap['admin-charge-saved']) => {
    const { result, description } = event.detail;
    const key = result.result === 'created' ? 'announce.created' : result.result === 'updated' ? 'announce.updated' : 'announce.unchanged';
    this.announce(this.t(key, { description, externalId: result.externalId }));
    void this.list.run();
  };
}

define('admin-billing-charges', AdminBillingCharges);

declare global {
  interface HTMLElementTagNameMap {
    'admin-billing-charges': AdminBillingCharges;
  }
}
