import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { ESOCIAL_CATEGORY, type SinceChoice } from '../core/document-types.ts';
import type { DocumentsHost, FilterValues, Key } from './host.ts';

const SINCE: SinceChoice[] = ['3', '6', '12', 'all'];
/** How long typing must pause before the search runs (Enter runs it at once). */
export const SEARCH_DELAY_MS = 350;

/** Whether the client narrowed the list (the category included); the eSocial view's own defaults do not count. */
export function filtered(category: string, filters: FilterValues): boolean {
  return Boolean(category || filters.accountId || filters.establishmentId || filters.from || filters.to || filters.q || filters.rectified !== undefined || filters.since);
}

/** The issue dates chosen, in words: "Sep 1, 2026 to Oct 31, 2026", "from …", "until …". */
export function periodText(host: Pick<DocumentsHost, 't' | 'date' | 'filters'>): string {
  const from = host.filters.from && host.date(host.filters.from);
  const to = host.filters.to && host.date(host.filters.to);
  const key: Key = from && to ? 'period.between' : from ? 'period.from' : 'period.to';
  return host.t(key, { from, to });
}

/**
 * The filters (D1–D3): search by title, category, account and establishment (when there is a choice), issue dates,
 * and in the eSocial view whether rectified receipts show and since when.
 */
export class FiltersPart {
  private timer?: ReturnType<typeof setTimeout>;
  /** The issue dates are tucked away (a phone's screen is short) until the client opens them. */
  private periodOpen = false;

  constructor(private readonly host: DocumentsHost) {}

  /** Forgets a search still waiting for typing to pause. */
  cancel() {
    clearTimeout(this.timer);
  }

  /** Back to how a new visitor finds the filters. */
  reset() {
    this.cancel();
    this.periodOpen = false;
  }

  /** `offerClear`: a "clear filters" button here (not when the empty list's message offers one already). */
  render(offerClear = true): TemplateResult {
    const { t, filters, category } = this.host;
    const accounts = this.host.accounts();
    const establishments = this.host.establishments();
    return html`<form part="filters" aria-label=${t('filters')} @change=${this.handleChange} @submit=${this.handleSubmit}>
      <div part="search" class="wide">
        <label for="q">${t('search')}</label>
        <div class="search-row">
          <input id="q" type="search" name="q" maxlength="100" autocomplete="off" enterkeyhint="search" .value=${filters.q} @input=${this.handleInput} />
          <button class="secondary" type="submit">${t('search.submit')}</button>
        </div>
      </div>
      <label>${t('category')}
        <select name="category">
          <option value="" ?selected=${!category}>${t('all-categories')}</option>
          ${this.host.categories().map((c) => html`<option value=${c.id} ?selected=${c.id === category}>${c.name}</option>`)}
        </select>
      </label>
      ${accounts.length > 1
        ? html`<label>${t('account')}
            <select name="accountId">
              <option value="" ?selected=${!filters.accountId}>${t('all-accounts')}</option>
              ${accounts.map((a) => html`<option value=${a.id} ?selected=${a.id === filters.accountId}>${a.name}</option>`)}
            </select>
          </label>`
        : nothing}
      ${establishments.length > 1
        ? html`<label>${t('establishment')}
            <select name="establishmentId">
              <option value="" ?selected=${!filters.establishmentId}>${t('all-establishments')}</option>
              ${establishments.map((e) => html`<option value=${e.id} ?selected=${e.id === filters.establishmentId}>${e.name}</option>`)}
            </select>
          </label>`
        : nothing}
      <details part="period" class="wide" ?open=${this.periodOpen} @toggle=${this.handleToggle}>
        <summary>${t('period')}${filters.from || filters.to ? `: ${periodText(this.host)}` : ''}</summary>
        <div class="fields">
          <label>${t('from')}<input type="date" name="from" .value=${live(filters.from)} max=${filters.to || nothing} /></label>
          <label>${t('to')}<input type="date" name="to" .value=${live(filters.to)} min=${filters.from || nothing} /></label>
        </div>
      </details>
      ${category === ESOCIAL_CATEGORY ? this.renderEsocial() : nothing}
      ${offerClear && filtered(category, filters)
        ? html`<div class="actions wide"><button class="secondary" type="button" @click=${() => this.host.clearFilters()}>${t('clear')}</button></div>`
        : nothing}
    </form>`;
  }

  /** D2: rectified receipts and how far back, starting from the tenant's settings. */
  private renderEsocial(): TemplateResult {
    const { t } = this.host;
    const choices = this.host.esocialChoices();
    return html`<fieldset part="esocial" class="wide">
      <legend>${t('esocial.legend')}</legend>
      <label class="choice"><input type="checkbox" name="rectified" .checked=${live(choices.rectified)} />${t('esocial.rectified')}</label>
      <label>${t('esocial.since')}
        <select name="since">
          ${SINCE.map((since) => html`<option value=${since} ?selected=${since === choices.since}>${t(`since.${since}`)}</option>`)}
        </select>
      </label>
    </fieldset>`;
  }

  private handleChange = (event: Event) => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    const value = field.value;
    switch (field.name) {
      case 'category':
        return this.host.setFilters({ category: value });
      case 'accountId':
        // Another account's establishments are not this one's.
        return this.host.setFilters({ accountId: value, establishmentId: '' });
      case 'establishmentId':
      case 'from':
      case 'to':
        return this.host.setFilters({ [field.name]: value });
      case 'rectified':
        return this.host.setFilters({ rectified: (field as HTMLInputElement).checked });
      case 'since':
        return this.host.setFilters({ since: value as SinceChoice });
    }
  };

  private handleToggle = (event: Event) => {
    this.periodOpen = (event.target as HTMLDetailsElement).open;
  };

  private handleInput = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    this.cancel();
    this.timer = setTimeout(() => this.host.setFilters({ q: value.trim() }), SEARCH_DELAY_MS);
  };

  private handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.cancel();
    const field = (event.target as HTMLFormElement).elements.namedItem('q') as HTMLInputElement;
    this.host.setFilters({ q: field.value.trim() });
  };
}
