import { html, nothing, type TemplateResult } from 'lit';
import type { CatalogService, NewProposal } from '../core/api-client.ts';
import { zonedInstant, zonedIso } from '../core/format.ts';
import { formatDay } from './dates.ts';
import type { AppointmentsHost } from './host.ts';

/** How many times a client may propose. */
export const MAX_CHOICES = 3;

/** A field the form found wrong, and why (translated). */
export interface FieldProblem {
  name: string;
  message: string;
}

/**
 * The times a client typed (a day and a time of day, in the business's zone — which may not be the browser's) as
 * instants with the business's offset: `2026-12-01` `09:00` in São Paulo → `2026-12-01T09:00:00-03:00`. Each
 * choice needs both its day and its time; the first is required; none may have passed or be past the horizon.
 */
export function readTimes(host: AppointmentsHost, form: FormData): { times: string[]; problems: FieldProblem[] } {
  const { t } = host;
  const times: string[] = [];
  const problems: FieldProblem[] = [];
  for (let n = 1; n <= MAX_CHOICES; n++) {
    const date = String(form.get(`date-${n}`) ?? '');
    const time = String(form.get(`time-${n}`) ?? '');
    if (!date && !time) {
      if (n === 1) problems.push({ name: 'date-1', message: t('propose.first-required') });
      continue;
    }
    if (!date || !time) {
      problems.push({ name: date ? `time-${n}` : `date-${n}`, message: t('propose.incomplete', { n }) });
      continue;
    }
    const instant = zonedInstant(date, time, host.timeZone());
    if (instant.getTime() <= host.now().getTime()) problems.push({ name: `date-${n}`, message: t('propose.past', { n }) });
    else if (date > host.lastDay()) problems.push({ name: `date-${n}`, message: t('propose.too-far', { n, date: formatDay(host.lastDay(), host.locale, 'long') }) });
    else times.push(zonedIso(instant, host.timeZone()));
  }
  return { times, problems };
}

/** What the client proposes, from the form: service, provider (absent: any), the times, the note (absent: none). */
export function readProposal(host: AppointmentsHost, form: FormData): { proposal?: NewProposal; problems: FieldProblem[] } {
  const { times, problems } = readTimes(host, form);
  const service = String(form.get('service') ?? '');
  if (!service) problems.unshift({ name: 'service', message: host.t('propose.service-required') });
  if (problems.length) return { problems };
  const providerId = String(form.get('provider') ?? '');
  const note = String(form.get('note') ?? '').trim();
  const accountId = host.actingAccount();
  return { proposal: { service, ...(providerId ? { providerId } : {}), times, ...(note ? { note } : {}), ...(accountId ? { accountId } : {}) }, problems };
}

/** The proposal form: service, provider (any by default), up to three days and times, a note. */
export function renderProposalForm(
  host: AppointmentsHost,
  state: { services: CatalogService[]; service?: CatalogService; problems: FieldProblem[]; busy: boolean },
  handlers: { submit: (event: SubmitEvent) => void; change: (event: Event) => void },
): TemplateResult {
  const { t } = host;
  const problem = (name: string) => state.problems.find((p) => p.name === name);
  const invalid = (name: string) => (problem(name) ? 'true' : 'false');
  const describedBy = (name: string) => (problem(name) ? `${name}-problem` : nothing);
  const today = host.today();
  return html`<form part="proposal-form" novalidate @submit=${handlers.submit} @change=${handlers.change}>
    <label>${t('service')}
      <select name="service" aria-invalid=${invalid('service')} aria-describedby=${describedBy('service')}>
        ${state.service ? nothing : html`<option value="" selected disabled>${t('service.choose')}</option>`}
        ${state.services.map((s) => html`<option value=${s.key} ?selected=${s.key === state.service?.key}>${s.name} — ${t('minutes', { count: s.durationMinutes })}</option>`)}
      </select>
    </label>
    ${state.service && state.service.providers.length > 1
      ? html`<label>${t('provider')}
          <select name="provider">
            <option value="">${t('provider.any')}</option>
            ${state.service.providers.map((p) => html`<option value=${p.id}>${p.name}</option>`)}
          </select>
        </label>`
      : nothing}
    <fieldset part="choices">
      <legend>${t('propose.legend', { count: MAX_CHOICES })}</legend>
      ${Array.from({ length: MAX_CHOICES }, (_, i) => i + 1).map(
        (n) => html`<div class="choice-row" role="group" aria-labelledby="choice-${n}">
          <span id="choice-${n}" class="choice-name">${t(n === 1 ? 'propose.choice.first' : 'propose.choice.other', { n })}</span>
          <label>${t('propose.date')}
            <input type="date" name="date-${n}" min=${today} max=${host.lastDay()} ?required=${n === 1} aria-invalid=${invalid(`date-${n}`)} aria-describedby=${describedBy(`date-${n}`)} />
          </label>
          <label>${t('propose.time')}
            <input type="time" name="time-${n}" step="300" ?required=${n === 1} aria-invalid=${invalid(`time-${n}`)} aria-describedby=${describedBy(`time-${n}`)} />
          </label>
        </div>`,
      )}
    </fieldset>
    <label>${t('propose.note')}
      <textarea name="note" rows="3" maxlength="1000"></textarea>
    </label>
    ${state.problems.length
      ? html`<div part="error" role="alert"><ul>${state.problems.map((p) => html`<li id="${p.name}-problem">${p.message}</li>`)}</ul></div>`
      : nothing}
    <div class="actions">
      <button class="primary" type="submit" aria-disabled=${state.busy ? 'true' : 'false'}>${state.busy ? t('propose.sending') : t('propose.send')}</button>
    </div>
  </form>`;
}
