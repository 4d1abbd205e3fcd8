import { html, nothing, type TemplateResult } from 'lit';
import type { Charge, RequestDraft } from '../core/api-client.ts';
import { CopyConfirmation, copyText } from '../core/clipboard.ts';
import type { BillingHost } from './host.ts';

/** One charge's payment options: copy the boleto line or the PIX code, download the boleto, pay by card, ask for help. */
export class PaymentOptions {
  /** What was last copied (`line:<id>` or `pix:<id>`), and how. */
  private readonly copied: CopyConfirmation<string>;

  constructor(private readonly host: BillingHost) {
    this.copied = new CopyConfirmation(host);
  }

  render(charge: Charge): TemplateResult {
    const { t } = this.host;
    const payable = charge.status === 'open' || charge.status === 'overdue';
    return html`
      ${charge.kind === 'renegotiation' ? html`<p>${t('kind.renegotiation-hint')}</p>` : nothing}
      ${charge.status === 'renegotiated' ? html`<p>${t('renegotiated-hint')}</p>` : nothing}
      ${!payable
        ? charge.status === 'renegotiated' ? nothing : html`<p>${t('charge.settled')}</p>`
        : !charge.boleto && !charge.pix && !charge.card
          ? html`<p>${t('charge.no-options')}</p>`
          : html`
              ${charge.boleto
                ? this.renderCode(charge, 'line', charge.boleto.line, charge.boleto.pdf
                    ? html`<button class="secondary" type="button" aria-disabled=${this.host.busy} @click=${() => this.downloadBoleto(charge)}>${t('boleto.download')}</button>`
                    : nothing)
                : nothing}
              ${charge.pix ? this.renderCode(charge, 'pix', charge.pix.payload) : nothing}
              ${charge.card
                ? html`<div class="actions"><button class="primary" part="pay" type="button" aria-disabled=${this.host.busy} @click=${() => this.payByCard(charge)}>${t('card.pay')}</button></div>`
                : nothing}
            `}
      <div class="actions"><button class="link" type="button" @click=${() => this.askForHelp(charge)}>${t('help')}</button></div>
    `;
  }

  /** The line or code, a button to copy it (and `more` beside it), and the copy's confirmation. */
  private renderCode(charge: Charge, kind: 'line' | 'pix', text: string, more: TemplateResult | typeof nothing = nothing): TemplateResult {
    const { t } = this.host;
    const key = `${kind}:${charge.id}`;
    const id = `${kind}-${charge.id}`;
    const copied = this.copied.of(key);
    const confirmation = copied === 'copied' ? t(kind === 'line' ? 'boleto.copied' : 'pix.copied') : copied === 'selected' ? t('copy.selected') : '';
    return html`<div class="code-block">
      <span class="label">${t(kind === 'line' ? 'boleto.line' : 'pix.code')}</span>
      <code part="code" id=${id}>${text}</code>
      <div class="actions">
        <button class="secondary" part="copy" type="button" aria-describedby=${id} @click=${() => this.copy(key, text, id)}>${t(kind === 'line' ? 'boleto.copy' : 'pix.copy')}</button>
        ${more}
        <span part="copied" role="status" aria-live="polite">${confirmation}</span>
      </div>
    </div>`;
  }

  private async copy(key: string, text: string, id: string) {
    const source = this.host.shadowRoot!.getElementById(id)!;
    const outcome = await copyText(text, () => source);
    await this.copied.show(key, outcome);
  }

  private downloadBoleto(charge: Charge) {
    void this.host.run(async () => this.host.save(await this.host.api!.downloadBoleto(this.host.token()!, charge.id, this.host.locale)));
  }

  private payByCard(charge: Charge) {
    void this.host.run(async () => {
      const { url } = await this.host.api!.payChargeByCard(this.host.token()!, charge.id);
      this.host.dispatchEvent(new CustomEvent('portal-payment-started', { detail: { chargeId: charge.id }, bubbles: true, composed: true }));
      this.host.leaveFor(url);
    });
  }

  /** Opens `<portal-requests>`' new-request form about this charge (it listens on the document). */
  private askForHelp(charge: Charge) {
    const draft: RequestDraft = {
      category: 'financial',
      // A request's subject holds at most 200 characters.
      subject: this.host.t('help-subject', { description: charge.description, date: this.host.date(charge.dueDate) }).slice(0, 200),
      about: { type: 'charge', id: charge.id },
    };
    // `<portal-requests>` cancels the event when it takes the draft; with none on the page, say whom to ask instead.
    const taken = !this.host.dispatchEvent(new CustomEvent('portal-request-new', { detail: draft, bubbles: true, composed: true, cancelable: true }));
    if (!taken) this.host.notify(this.host.t('help-unavailable'));
  }

  /** Forgets what was copied (another person, or the list changed). */
  reset() {
    this.copied.clear();
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** The client is leaving for the payment provider's page to pay a charge by card. */
    'portal-payment-started': CustomEvent<{ chargeId: string }>;
  }
}
