import { html, nothing, type TemplateResult } from 'lit';
import { formatCalendarDate, formatMoney } from '../../core/format.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import { PAID_VIA, type Charge } from './billing-client.ts';
import type { BillingKey } from './messages.ts';

export type ChargeDialogMode = 'paid' | 'cancel' | 'boleto';

/** What a charge's row and dialogs use of `<admin-billing-charges>`. */
export interface ChargeView {
  readonly t: Translate<BillingKey>;
  readonly locale: Locale;
  readonly writable: boolean;
  /** Today where the tenant is (`YYYY-MM-DD`), the payment date offered. */
  readonly today: string;
  readonly working: boolean;
  readonly dialogError: string;
  readonly fieldError: string;
  openDialog(mode: ChargeDialogMode, charge: Charge): void;
  closeDialog(): void;
  handlePaid(event: SubmitEvent): void;
  handleCancel(): void;
  handleBoleto(event: SubmitEvent): void;
  clearFieldError(): void;
}

/** Whether a charge can still be paid or cancelled. */
export const isPayable = (charge: Charge) => charge.status === 'open' || charge.status === 'overdue';

export const chargeTitleId = (charge: Charge) => `charge-${charge.id}`;

/** One charge: description and status in words, account, amount in its currency, dates, ways to pay; its actions. */
export function renderCharge(view: ChargeView, charge: Charge): TemplateResult {
  const { t, locale } = view;
  const account = charge.establishmentName ? `${charge.accountName} — ${charge.establishmentName}` : charge.accountName;
  const ways = [charge.boleto ? t('pay.boleto') : '', charge.pix ? t('pay.pix') : '', charge.card ? t('pay.card') : ''].filter(Boolean);
  const day = (date: string) => html`<time datetime=${date}>${formatCalendarDate(date, locale)}</time>`;
  return html`<li part="item" data-id=${charge.id} data-status=${charge.status}>
    <div class="item-head">
      <h3 id=${chargeTitleId(charge)} tabindex="-1">${charge.description}</h3>
      <span part="badge" class="state" data-status=${charge.status}>${t(`status.${charge.status}`)}</span>
    </div>
    <dl>
      <div><dt>${t('row.account')}</dt><dd>${account}</dd></div>
      <div><dt>${t('row.amount')}</dt><dd class="amount">${formatMoney(charge.amount, charge.currency, locale)}</dd></div>
      <div><dt>${t('row.due')}</dt><dd>${day(charge.dueDate)}</dd></div>
      <div><dt>${t('row.issued')}</dt><dd>${day(charge.issueDate)}</dd></div>
      ${charge.paidAt ? html`<div><dt>${t('row.paid')}</dt><dd>${day(charge.paidAt)}</dd></div>` : nothing}
      ${charge.kind === 'renegotiation' ? html`<div><dt>${t('row.kind')}</dt><dd>${t('kind.renegotiation')}</dd></div>` : nothing}
      ${isPayable(charge) ? html`<div><dt>${t('row.pay-with')}</dt><dd>${ways.length ? ways.join(', ') : t('pay.none')}</dd></div>` : nothing}
      ${charge.externalId ? html`<div><dt>${t('row.reference')}</dt><dd><code part="code">${charge.externalId}</code></dd></div>` : nothing}
    </dl>
    ${view.writable && isPayable(charge)
      ? html`<div class="actions">
          ${actionButton(view, charge, 'paid', 'primary')} ${actionButton(view, charge, 'boleto', 'secondary')} ${actionButton(view, charge, 'cancel', 'secondary danger')}
        </div>`
      : nothing}
  </li>`;
}

function actionButton(view: ChargeView, charge: Charge, mode: ChargeDialogMode, classes: string): TemplateResult {
  return html`<button class=${classes} type="button" data-action=${mode} aria-haspopup="dialog" aria-describedby=${chargeTitleId(charge)} @click=${() => view.openDialog(mode, charge)}>
    ${view.t(`action.${mode}`)}
  </button>`;
}

/** The dialog's title for `mode`. */
export function dialogTitle(t: Translate<BillingKey>, mode: ChargeDialogMode, charge: Charge): string {
  return t(mode === 'paid' ? 'paid.title' : mode === 'cancel' ? 'cancel.title' : 'boleto.title', { description: charge.description });
}

function dialogEnd(view: ChargeView, save: string, saving: string): TemplateResult {
  return html`${view.dialogError ? html`<p part="error" role="alert" tabindex="-1">${view.dialogError}</p>` : nothing}
    <div class="actions">
      <button part="save" class="primary" type="submit" aria-disabled=${view.working ? 'true' : 'false'}>${view.working ? saving : save}</button>
      <button class="secondary" type="button" @click=${view.closeDialog}>${view.t('cancel')}</button>
    </div>`;
}

/** "Mark paid": the payment date (today unless changed) and how it was paid. */
export function renderPaidForm(view: ChargeView): TemplateResult {
  const { t } = view;
  return html`<form novalidate @submit=${view.handlePaid}>
    <div class="two">
      <label
        >${t('paid.date')}
        <input type="date" name="paidAt" required .defaultValue=${view.today} max=${view.today} aria-invalid=${view.fieldError ? 'true' : 'false'} aria-describedby=${view.fieldError ? 'paid-error' : nothing} @input=${view.clearFieldError} />
        ${view.fieldError ? html`<span class="field-error" id="paid-error">${view.fieldError}</span>` : nothing}
      </label>
      <label
        >${t('paid.via')}
        <select name="via">
          ${PAID_VIA.map((via) => html`<option value=${via} ?selected=${via === 'other'}>${t(`via.${via}`)}</option>`)}
        </select>
      </label>
    </div>
    ${dialogEnd(view, t('paid.save'), t('paid.saving'))}
  </form>`;
}

/** "Cancel charge": what is cancelled, the danger button, and "Keep it" (focused first). */
export function renderCancel(view: ChargeView, charge: Charge): TemplateResult {
  const { t, locale } = view;
  return html`<p id="cancel-text">${t('cancel.text', { amount: formatMoney(charge.amount, charge.currency, locale), due: formatCalendarDate(charge.dueDate, locale) })}</p>
    ${view.dialogError ? html`<p part="error" role="alert" tabindex="-1">${view.dialogError}</p>` : nothing}
    <div class="actions">
      <button part="confirm-cancel" class="primary danger" type="button" aria-describedby="cancel-text" aria-disabled=${view.working ? 'true' : 'false'} @click=${view.handleCancel}>
        ${view.working ? t('cancel.working') : t('cancel.confirm')}
      </button>
      <button part="keep" class="secondary" type="button" @click=${view.closeDialog}>${t('cancel.keep')}</button>
    </div>`;
}

/** "Upload boleto PDF": the file. */
export function renderBoletoForm(view: ChargeView): TemplateResult {
  const { t } = view;
  return html`<form novalidate @submit=${view.handleBoleto}>
    <label
      >${t('boleto.file')}
      <input
        type="file"
        name="file"
        accept="application/pdf,.pdf"
        aria-invalid=${view.fieldError ? 'true' : 'false'}
        aria-describedby=${view.fieldError ? 'boleto-hint boleto-error' : 'boleto-hint'}
        @change=${view.clearFieldError}
      />
      <span class="hint" id="boleto-hint">${t('boleto.hint')}</span>
      ${view.fieldError ? html`<span class="field-error" id="boleto-error">${view.fieldError}</span>` : nothing}
    </label>
    ${dialogEnd(view, t('boleto.save'), t('boleto.saving'))}
  </form>`;
}
