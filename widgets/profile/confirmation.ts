import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type Profile } from '../core/api-client.ts';
import type { ProfileHost } from './host.ts';
import type { ProfileForm } from './profile-form.ts';

/**
 * "Please confirm your data" (P3): where the business asks for it, a banner at the top with "Confirm my data" — which
 * saves the client's edits first —; once confirmed, when (and until when, where the business asks again every few
 * months). A required field left empty is named at its field (422 `profile_incomplete`).
 */
export class ConfirmationPart {
  private busy = false;
  private error = '';

  constructor(
    private readonly host: ProfileHost,
    private readonly form: ProfileForm,
  ) {}

  reset() {
    Object.assign(this, { busy: false, error: '' });
  }

  /** The banner asking to confirm, or nothing. */
  renderBanner(profile: Profile): TemplateResult | typeof nothing {
    if (!profile.confirmation.required) return nothing;
    const { t } = this.host;
    return html`<section part="confirm-banner" aria-labelledby="confirm-title">
      <h3 id="confirm-title"><span aria-hidden="true">!</span> ${t('confirm.title')}</h3>
      <p>${t('confirm.intro', { business: this.host.business() })}</p>
      ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
      <div class="actions">
        <button part="confirm-button" class="primary" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => void this.confirm()}>
          ${t(this.busy ? 'confirm.busy' : this.form.isDirty() ? 'confirm.save-and-confirm' : 'confirm.button')}
        </button>
      </div>
    </section>`;
  }

  /** "Confirmed on … Valid until …", once confirmed and while it holds. */
  renderConfirmed(profile: Profile): TemplateResult | typeof nothing {
    const text = this.confirmedText(profile);
    return text ? html`<p part="confirmed" id="confirmed" tabindex="-1"><span aria-hidden="true">✓</span> ${text}</p>` : nothing;
  }

  private confirmedText(profile: Profile): string {
    const { t } = this.host;
    const { required, confirmedAt, validUntil } = profile.confirmation;
    if (required || !confirmedAt) return '';
    return [t('confirmed.on', { date: this.host.date(confirmedAt) }), validUntil ? t('confirmed.until', { date: this.host.date(validUntil) }) : ''].filter(Boolean).join(' ');
  }

  /** Saves the client's edits (if any), then confirms; tells the page. */
  async confirm() {
    const token = this.host.token();
    if (!token || this.busy) return;
    Object.assign(this, { busy: true, error: '' });
    this.host.requestUpdate();
    try {
      if (this.form.isDirty() && !(await this.form.save())) return;
      const profile = await this.host.api!.confirmProfile(token, this.host.query());
      this.host.show(profile);
      this.host.announce(`${this.host.t('confirmed.notice')} ${this.confirmedText(profile)}`);
      this.host.focusAfterUpdate('#confirmed');
      this.host.emit<Profile>('portal-profile-confirmed', profile);
    } catch (error) {
      this.error = this.host.message(error);
      if (error instanceof ApiError && error.code === 'profile_incomplete') this.form.showProblems(error, this.host.profile()!);
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }
}
