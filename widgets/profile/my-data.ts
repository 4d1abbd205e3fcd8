import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { NewPrivacyRequest, PrivacyRequestAnswer } from '../core/api-client.ts';
import { openFetchedFile } from '../core/download.ts';
import type { ProfileHost } from './host.ts';

/**
 * "My data" (LGPD/GDPR): everything the portal holds about the account as a JSON file, and a request to correct or
 * delete it — a small form (what, and details) answered with the legal deadline and a way to follow the request.
 */
export class MyDataSection {
  private downloading = false;
  private downloadError = '';
  private open = false;
  private kind: NewPrivacyRequest['kind'] = 'correction';
  private details = '';
  private problem = '';
  private busy = false;
  private error = '';
  private sent?: PrivacyRequestAnswer;

  constructor(private readonly host: ProfileHost) {}

  reset() {
    Object.assign(this, { downloading: false, downloadError: '', open: false, kind: 'correction', details: '', problem: '', busy: false, error: '', sent: undefined });
  }

  render(): TemplateResult {
    const { t } = this.host;
    return html`<section part="my-data" aria-labelledby="my-data-title">
      <h3 id="my-data-title">${t('my-data.title')}</h3>
      <p>${t('my-data.intro', { business: this.host.business() })}</p>
      <div class="actions">
        <button part="download" class="secondary" type="button" aria-disabled=${this.downloading ? 'true' : 'false'} @click=${this.handleDownload}>
          ${t(this.downloading ? 'my-data.downloading' : 'my-data.download')}
        </button>
        <button part="privacy-open" class="secondary" type="button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls=${ifDefined(this.open ? 'privacy-form' : undefined)} @click=${this.handleOpen}>
          ${t('privacy.open')}
        </button>
      </div>
      ${this.downloadError ? html`<p part="error" role="alert">${this.downloadError}</p>` : nothing}
      ${this.sent ? this.renderSent(this.sent) : nothing}
      ${this.open ? this.renderForm() : nothing}
    </section>`;
  }

  private renderForm(): TemplateResult {
    const { t } = this.host;
    const kinds = ['correction', 'deletion'] as const;
    return html`<form part="privacy-form" id="privacy-form" novalidate @submit=${this.handleSubmit}>
      <fieldset>
        <legend>${t('privacy.legend')}</legend>
        ${kinds.map(
          (kind) => html`<label class="choice">
            <input type="radio" name="kind" value=${kind} .checked=${live(this.kind === kind)} @change=${() => (this.kind = kind)} /> ${t(`privacy.${kind}`)}
          </label>`,
        )}
      </fieldset>
      <label for="privacy-details">${t('privacy.details')} <span class="required" aria-hidden="true">*</span></label>
      <textarea id="privacy-details" name="details" rows="4" maxlength="5000" required .value=${live(this.details)}
        aria-invalid=${this.problem ? 'true' : 'false'} aria-describedby=${this.problem ? 'privacy-details-problem privacy-details-hint' : 'privacy-details-hint'}
        @input=${(event: Event) => (this.details = (event.target as HTMLTextAreaElement).value)}></textarea>
      <p class="hint" id="privacy-details-hint">${t('privacy.details-hint')}</p>
      ${this.problem ? html`<p part="problem" id="privacy-details-problem"><span aria-hidden="true">!</span> ${this.problem}</p>` : nothing}
      ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button part="privacy-send" class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t(this.busy ? 'privacy.sending' : 'privacy.send')}</button>
        <button class="secondary" type="button" @click=${this.handleCancel}>${t('privacy.cancel')}</button>
      </div>
    </form>`;
  }

  private renderSent(answer: PrivacyRequestAnswer): TemplateResult {
    const { t } = this.host;
    return html`<div part="privacy-sent">
      <p id="privacy-sent" tabindex="-1"><span aria-hidden="true">✓</span> ${t('privacy.sent', { business: this.host.business(), date: this.host.date(answer.deadline) })}</p>
      ${this.host.profileOnly()
        ? html`<p>${t('privacy.by-email')}</p>`
        : html`<div class="actions"><button part="follow" class="link" type="button" @click=${() => this.host.openRequest(answer.requestId)}>${t('privacy.follow')}</button></div>`}
    </div>`;
  }

  private handleDownload = async () => {
    const token = this.host.token();
    if (!token || this.downloading) return;
    Object.assign(this, { downloading: true, downloadError: '' });
    this.host.requestUpdate();
    try {
      const file = await this.host.api!.downloadProfileExport(token, this.host.query());
      openFetchedFile(file, this.host.navigate);
      this.host.announce(this.host.t('my-data.started', { name: file.name }));
    } catch (error) {
      this.downloadError = this.host.message(error);
    } finally {
      this.downloading = false;
      this.host.requestUpdate();
    }
  };

  private handleOpen = () => {
    if (this.open) return this.handleCancel();
    Object.assign(this, { open: true, sent: undefined, error: '', problem: '' });
    this.host.requestUpdate();
    this.host.focusAfterUpdate('[part~=privacy-form] input[name=kind]:checked');
  };

  private handleCancel = () => {
    Object.assign(this, { open: false, details: '', problem: '', error: '' });
    this.host.requestUpdate();
    this.host.focusAfterUpdate('[part~=privacy-open]');
  };

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const token = this.host.token();
    if (!token || this.busy) return;
    const details = this.details.trim();
    Object.assign(this, { problem: details ? '' : this.host.t('privacy.details-required'), error: '' });
    if (!details) {
      this.host.requestUpdate();
      this.host.focusAfterUpdate('#privacy-details');
      return;
    }
    this.busy = true;
    this.host.requestUpdate();
    try {
      this.sent = await this.host.api!.requestPrivacy(token, { kind: this.kind, details }, this.host.query());
      Object.assign(this, { open: false, details: '', kind: 'correction' });
      this.host.announce(this.host.t('privacy.sent', { business: this.host.business(), date: this.host.date(this.sent.deadline) }));
      this.host.focusAfterUpdate('#privacy-sent');
    } catch (error) {
      this.error = this.host.message(error);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };
}
