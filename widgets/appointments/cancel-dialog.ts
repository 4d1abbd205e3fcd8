import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type Appointment } from '../core/api-client.ts';
import type { AppointmentsHost } from './host.ts';

/** What the list does once the dialog has its answer. */
export interface CancelOutcome {
  cancelled(appointment: Appointment): void;
  /** The deadline passed meanwhile (409 `cancellation_closed`). */
  closed(appointment: Appointment, error: ApiError): void;
}

/**
 * "Cancel this appointment?" as a modal dialog: the native `<dialog>` (focus kept inside, Escape closes, focus back
 * to the Cancel button pressed). "Keep it" has the focus first, so a hurried Enter cancels nothing.
 */
export class CancelDialog {
  private appointment?: Appointment;
  private busy = false;
  private error = '';

  constructor(
    private readonly host: AppointmentsHost,
    private readonly outcome: CancelOutcome,
  ) {}

  open(appointment: Appointment) {
    Object.assign(this, { appointment, error: '', busy: false });
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const dialog = this.element();
      if (!dialog || dialog.open) return;
      dialog.showModal();
      dialog.querySelector<HTMLElement>('[data-keep]')?.focus();
    });
  }

  close() {
    this.element()?.close();
    this.appointment = undefined;
  }

  render(): TemplateResult {
    const { t } = this.host;
    const appointment = this.appointment;
    return html`<dialog part="dialog" aria-labelledby="cancel-title" aria-describedby="cancel-what" @close=${this.handleClose}>
      ${appointment
        ? html`<h3 id="cancel-title">${t('cancel.title')}</h3>
            <p id="cancel-what">
              ${t('cancel.what', { what: this.host.serviceWith(appointment.service.name, appointment.provider.name), when: this.host.instant(appointment.start) })}
              ${appointment.attendee ? t('attendee.for', { name: appointment.attendee }) : ''}
            </p>
            ${this.error ? html`<p part="error" role="alert">${this.error}</p>` : nothing}
            <div class="actions">
              <button part="cancel-confirm" class="primary" type="button" aria-disabled=${this.busy ? 'true' : 'false'} @click=${() => this.confirm(appointment)}>
                ${t('cancel.confirm')}
              </button>
              <button class="secondary" type="button" data-keep @click=${() => this.close()}>${t('cancel.keep')}</button>
            </div>`
        : nothing}
    </dialog>`;
  }

  private element() {
    return this.host.shadowRoot?.querySelector<HTMLDialogElement>('dialog[part~=dialog]') ?? undefined;
  }

  private async confirm(appointment: Appointment) {
    const token = this.host.token();
    if (!token || this.busy) return;
    Object.assign(this, { busy: true, error: '' });
    this.host.requestUpdate();
    try {
      const cancelled = await this.host.api!.cancelAppointment(token, appointment.id);
      this.close();
      this.outcome.cancelled(cancelled);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'cancellation_closed') {
        this.close();
        this.outcome.closed(appointment, error);
      } else {
        this.error = this.host.message(error);
      }
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  private handleClose = () => {
    this.appointment = undefined;
    this.host.requestUpdate();
  };
}
