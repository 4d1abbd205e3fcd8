import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BillingSummary, PaymentMethod } from '../core/api-client.ts';
import { chargeCount, type BillingHost } from './host.ts';

/** B1 "anything pending?" and how the client pays: saved cards and the preferred method, where the portal offers cards. */
export class SummarySection {
  /** The preferred method the client just chose (the summary is not fetched again for it). */
  private preferred?: PaymentMethod | null;

  readonly summary: Task<readonly unknown[], BillingSummary | undefined>;

  constructor(private readonly host: BillingHost) {
    this.summary = new Task(host, {
      task: async ([key, account], { signal }) => {
        this.preferred = undefined;
        return key ? host.api!.billingSummary(host.token()!, account ? { accountId: account as string } : {}, signal) : undefined;
      },
      args: () => [host.sessionKey(), host.accountFilter] as const,
    });
  }

  /** `seePending` shows the pending charges in the list. */
  render(seePending: () => void): TemplateResult {
    const { t } = this.host;
    return html`<section part="summary" aria-labelledby="summary-title">
      <h3 id="summary-title">${t('summary.title')}</h3>
      ${this.summary.render({
        initial: () => this.host.loading(),
        pending: () => this.host.loading(),
        error: (error) => this.host.problem(error, () => void this.summary.run()),
        complete: (summary) => (summary ? html`${this.renderTotals(summary, seePending)}${this.renderMethods(summary.payment)}` : nothing),
      })}
    </section>`;
  }

  private renderTotals(summary: BillingSummary, seePending: () => void): TemplateResult {
    const { t } = this.host;
    const totals = summary.totals.filter((total) => total.openCount + total.overdueCount > 0);
    if (!totals.length) return html`<p part="all-clear"><span aria-hidden="true">✓</span> ${t('summary.nothing')}</p>`;
    const next = summary.nextDue;
    return html`<ul part="totals">
        ${totals.map(
          (total) => html`<li part="total">
            ${total.overdueCount
              ? html`<p class="overdue"><span aria-hidden="true">!</span> <strong>${t('summary.overdue', { amount: this.host.money(total.overdue, total.currency) })}</strong> · ${chargeCount(this.host, total.overdueCount)}</p>`
              : nothing}
            ${total.openCount ? html`<p><strong>${t('summary.open', { amount: this.host.money(total.open, total.currency) })}</strong> · ${chargeCount(this.host, total.openCount)}</p>` : nothing}
          </li>`,
        )}
      </ul>
      ${next
        ? html`<p>${t('summary.next-due', { date: this.host.date(next.dueDate), description: next.description, amount: this.host.money(next.amount, next.currency) })}</p>`
        : nothing}
      <div class="actions"><button class="secondary" type="button" @click=${seePending}>${t('summary.see-pending')}</button></div>`;
  }

  /** Hidden unless the portal offers card payments (the provider is set up). */
  private renderMethods(payment: BillingSummary['payment']): TemplateResult | typeof nothing {
    if (!payment.card && !payment.manageMethods) return nothing;
    const { t } = this.host;
    const account = this.host.actingAccount();
    const preferred = this.preferred === undefined ? payment.preferred : this.preferred;
    // Boleto is Brazilian: elsewhere card is the only method, and there is nothing to choose between.
    const methods: PaymentMethod[] = this.host.tenantCurrency() === 'BRL' ? ['card', 'boleto'] : ['card'];
    return html`<div part="methods">
      <h4>${t('methods.title')}</h4>
      ${!account
        ? html`<p class="meta">${t('methods.choose-account')}</p>`
        : html`${payment.card && methods.length > 1
            ? html`<fieldset part="preferred">
                <legend>${t('methods.preferred')}</legend>
                ${methods.map(
                  (method) => html`<label class="choice">
                    <input type="radio" name="preferred" value=${method} .checked=${live(preferred === method)} @change=${() => this.prefer(method, account)} />
                    ${t(`method.${method}`)}
                  </label>`,
                )}
              </fieldset>`
            : nothing}
          ${payment.manageMethods
            ? html`<div class="actions"><button class="secondary" type="button" aria-disabled=${this.host.busy} @click=${() => this.manage(account)}>${t('methods.manage')}</button></div>`
            : nothing}`}
    </div>`;
  }

  private manage(accountId: string) {
    void this.host.run(async () => this.host.leaveFor((await this.host.api!.managePaymentMethods(this.host.token()!, { accountId })).url));
  }

  private prefer(method: PaymentMethod, accountId: string) {
    void this.host.run(async () => {
      const answer = await this.host.api!.setPreferredPaymentMethod(this.host.token()!, method, { accountId });
      this.preferred = answer.preferred;
      this.host.notify(this.host.t('methods.saved', { method: this.host.t(`method.${answer.preferred}`) }));
    });
  }
}
