import { Task } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError, type AppointmentCatalog, type AppointmentProposal } from '../core/api-client.ts';
import { formatCalendarDate } from '../core/format.ts';
import { defaultService, type AppointmentsHost } from './host.ts';
import { readProposal, renderProposalForm, type FieldProblem } from './proposal-form.ts';

/** The event that asks the page to open a request's conversation (`<portal-requests>`, or the page's own). */
export const REQUEST_OPEN_EVENT = 'portal-request-open';

/**
 * Request mode (S1): the client proposes up to three times (in the business's zone) and a note; the business confirms
 * one, or another, or refuses, in the request it opens. The proposals sent, with what became of each, and a way to
 * follow its request.
 */
export class ProposalSection {
  private chosenService = '';
  private problems: FieldProblem[] = [];
  private busy = false;
  private error = '';
  /** The proposal just sent, shown as pending until the list has it. */
  private sent?: AppointmentProposal;
  readonly task: Task<readonly unknown[], AppointmentProposal[] | undefined>;

  constructor(private readonly host: AppointmentsHost) {
    this.task = new Task(host, {
      task: async ([key, request, locale], { signal }) =>
        key && request ? (await host.api!.listAppointmentProposals(host.token()!, { locale: locale as string }, signal)).items : undefined,
      args: () => [host.sessionKey(), host.catalog()?.mode === 'request', host.locale] as const,
    });
  }

  reset() {
    Object.assign(this, { chosenService: '', problems: [], error: '', sent: undefined });
  }

  render(catalog: AppointmentCatalog): TemplateResult {
    const { t } = this.host;
    const service = defaultService(catalog.services, this.chosenService, this.host.service);
    return html`<p>${t('propose.intro', { business: this.host.business() })}</p>
      ${this.sent ? this.renderSent(this.sent) : nothing}
      ${renderProposalForm(this.host, { services: catalog.services, service, problems: this.problems, busy: this.busy }, { submit: this.handleSubmit, change: this.handleChange })}
      ${this.error ? html`<div part="error" role="alert"><p>${this.error}</p></div>` : nothing}
      <section part="proposals" aria-labelledby="proposals-title">
        <h3 id="proposals-title">${t('proposals.title')}</h3>
        ${this.task.render({
          initial: () => this.host.loading(),
          pending: () => this.host.loading(),
          error: (error) => this.host.problem(error, () => void this.task.run()),
          complete: (items) => this.renderList(items ?? []),
        })}
      </section>`;
  }

  private renderSent(proposal: AppointmentProposal): TemplateResult {
    const { t } = this.host;
    return html`<div part="sent">
      <h4 id="sent-title" tabindex="-1"><span aria-hidden="true">✓</span> ${t('propose.sent.title')}</h4>
      <p>${t('propose.sent.summary', { business: this.host.business() })}</p>
      ${this.follow(proposal)}
    </div>`;
  }

  private renderList(items: AppointmentProposal[]): TemplateResult {
    const { t } = this.host;
    if (!items.length) return html`<p part="empty">${t('proposals.empty')}</p>`;
    return html`<ul part="list">${repeat(items, (p) => p.id, (p) => this.renderProposal(p))}</ul>`;
  }

  private renderProposal(proposal: AppointmentProposal): TemplateResult {
    const { t, locale } = this.host;
    const marks = { pending: '…', confirmed: '✓', refused: '×' };
    return html`<li part="proposal" data-status=${proposal.status}>
      <h4 part="service">${proposal.service.name}</h4>
      <p class="meta">
        <span part="provider">${proposal.provider ? t('proposals.with', { provider: proposal.provider.name }) : t('provider.any')}</span>
        <span>${t('proposals.sent-on', { date: formatCalendarDate(proposal.createdAt, locale) })}</span>
        <span part="badge" data-status=${proposal.status}><span aria-hidden="true">${marks[proposal.status]}</span> ${t(`proposals.status.${proposal.status}`)}</span>
      </p>
      <p class="proposed-label">${t('proposals.times')}</p>
      <ul class="proposed">${proposal.times.map((time) => html`<li><time datetime=${time}>${this.host.instant(time)}</time></li>`)}</ul>
      ${proposal.note ? html`<p class="note">${t('proposals.note', { note: proposal.note })}</p>` : nothing}
      ${proposal.refusal ? html`<p class="refusal">${t('proposals.refusal', { reason: proposal.refusal })}</p>` : nothing}
      ${this.follow(proposal)}
    </li>`;
  }

  /** "Follow the request": asks the page to open the request's conversation. */
  private follow(proposal: AppointmentProposal): TemplateResult {
    const { t } = this.host;
    return html`<div class="actions">
      <button part="follow" class="link" type="button" @click=${() => this.openRequest(proposal)}>
        ${t('proposals.follow')}<span class="visually-hidden">: ${proposal.service.name}</span>
      </button>
    </div>`;
  }

  private openRequest(proposal: AppointmentProposal) {
    this.host.dispatchEvent(new CustomEvent(REQUEST_OPEN_EVENT, { detail: { id: proposal.requestId }, bubbles: true, composed: true, cancelable: true }));
  }

  private handleChange = (event: Event) => {
    const field = event.target as HTMLSelectElement;
    if (field.name !== 'service') return;
    this.chosenService = field.value;
    this.host.requestUpdate();
  };

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const token = this.host.token();
    if (!token || this.busy) return;
    const { proposal, problems } = readProposal(this.host, new FormData(form));
    // A service with one provider is booked with that one: the business need not guess.
    const only = this.host.catalog()?.services.find((s) => s.key === proposal?.service)?.providers;
    if (proposal && !proposal.providerId && only?.length === 1) proposal.providerId = only[0]!.id;
    Object.assign(this, { problems, error: '' });
    if (!proposal) {
      this.host.requestUpdate();
      this.host.focusAfterUpdate(`[name="${problems[0]!.name}"]`);
      return;
    }
    this.busy = true;
    this.host.requestUpdate();
    try {
      this.sent = await this.host.api!.proposeAppointment(token, proposal);
      form.reset();
      this.chosenService = '';
      this.host.announce(this.host.t('propose.sent.notice'));
      this.host.focusAfterUpdate('#sent-title');
      void this.task.run();
    } catch (error) {
      this.error = this.host.message(error);
      // The business stopped taking proposals meanwhile: show what it does now.
      if (error instanceof ApiError && error.code === 'booking_unavailable') this.host.reloadCatalog();
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  };
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-request-open': CustomEvent<{ id: string }>;
  }
}
