import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { contentStyles } from './admin-content.styles.ts';
import type { AccountListItem } from './content-client.ts';
import { ContentPanel, isAbort } from './panel-base.ts';

/** The detail of `admin-content-audience-change`: every client (null) or these accounts (maybe none yet). */
export interface AudienceChange {
  audience: string[] | null;
}

/**
 * Who sees a news item or campaign: every client, or only the accounts chosen — found by name, tax id or e-mail
 * (`api.listAccounts`) and ticked. Accounts already chosen are named when the first page of accounts knows them.
 * @summary Chooses the audience of a news item or campaign.
 * @event admin-content-audience-change - the choice changed; `detail.audience` is null (everyone) or account ids.
 * @csspart audience - the group of choices.
 */
export class AdminContentAudience extends ContentPanel {
  static override styles = [baseStyles, panelStyles, cardListStyles, contentStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Null: every client; otherwise the ids of the accounts chosen. */
  @property({ attribute: false }) value: string[] | null = null;
  /** What is wrong with the choice, shown under it. */
  @property() error = '';

  @state() private query = '';
  @state() private found?: AccountListItem[];
  @state() private searching = false;
  @state() private searchError = '';
  @state() private names = new Map<string, string>();
  private searchAbort?: AbortController;
  private namesAsked = false;

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.searchAbort?.abort();
  }

  protected override updated() {
    // Accounts chosen before (an item being edited) are named from the first page of accounts, once.
    if (!this.namesAsked && this.client && this.value?.some((id) => !this.names.has(id))) {
      this.namesAsked = true;
      this.client.searchAccounts('').then((items) => this.learn(items), () => undefined);
    }
  }

  override render() {
    const t = this.t;
    const some = this.value !== null;
    return html`<fieldset part="audience" class="audience" aria-describedby=${ifDefined(this.error ? 'audience-error' : undefined)}>
      <legend>${t('audience')}</legend>
      <label class="choice">
        <input type="radio" name="audience-mode" value="everyone" .checked=${!some} @change=${() => this.emit(null)} />
        <span>${t('audience.everyone.choice')}</span>
      </label>
      <label class="choice">
        <input type="radio" name="audience-mode" value="some" .checked=${some} aria-invalid=${this.error ? 'true' : 'false'} @change=${() => this.emit(this.value ?? [])} />
        <span>${t('audience.some.choice')}</span>
      </label>
      ${some ? this.renderAccounts(this.value!) : nothing}
      ${this.error ? html`<p class="field-error" id="audience-error">${this.error}</p>` : nothing}
    </fieldset>`;
  }

  private renderAccounts(chosen: string[]): TemplateResult {
    const t = this.t;
    return html`${chosen.length
        ? html`<fieldset class="accounts">
            <legend>${t('audience.chosen', { count: this.number(chosen.length) })}</legend>
            ${chosen.map((id) => this.renderAccount(id, this.names.get(id) ?? t('audience.unknown', { id: id.slice(0, 8) })))}
          </fieldset>`
        : html`<p class="hint">${t('audience.none-yet')}</p>`}
      <div class="search-row">
        <label for="audience-search">${t('audience.search')}</label>
        <input id="audience-search" type="search" autocomplete="off" maxlength="120" .value=${this.query} @input=${this.handleQuery} @keydown=${this.handleSearchKey} />
        <button class="secondary" type="button" @click=${() => void this.search()}>${t('audience.search.button')}</button>
      </div>
      <p class="hint" role="status">${this.searching ? t('audience.searching') : this.found ? t('audience.found', { count: this.number(this.found.length) }) : ''}</p>
      ${this.searchError ? html`<div part="error" role="alert"><p>${this.searchError}</p></div>` : nothing}
      ${this.found?.length
        ? html`<fieldset class="accounts">
            <legend>${t('audience.results')}</legend>
            ${this.found.map((account) => this.renderAccount(account.id, account.name))}
          </fieldset>`
        : nothing}`;
  }

  private renderAccount(id: string, name: string): TemplateResult {
    const checked = this.value?.includes(id) ?? false;
    return html`<label class="choice">
      <input type="checkbox" name="account" value=${id} .checked=${checked} @change=${(event: Event) => this.toggle(id, (event.target as HTMLInputElement).checked)} />
      <span>${name}</span>
    </label>`;
  }

  private handleQuery = (event: Event) => {
    this.query = (event.target as HTMLInputElement).value;
  };

  private handleSearchKey = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void this.search();
  };

  private async search() {
    if (!this.client) return;
    this.searchAbort?.abort();
    const abort = (this.searchAbort = new AbortController());
    this.searching = true;
    this.searchError = '';
    try {
      const items = await this.client.searchAccounts(this.query.trim(), abort.signal);
      if (abort.signal.aborted) return;
      this.learn(items);
      this.found = items;
    } catch (error) {
      if (!isAbort(error) && !abort.signal.aborted) this.searchError = this.problemText(error);
    } finally {
      if (this.searchAbort === abort) this.searching = false;
    }
  }

  private learn(items: AccountListItem[]) {
    const names = new Map(this.names);
    for (const item of items) names.set(item.id, item.name);
    this.names = names;
  }

  private toggle(id: string, on: boolean) {
    const chosen = (this.value ?? []).filter((other) => other !== id);
    this.emit(on ? [...chosen, id] : chosen);
  }

  private emit(audience: string[] | null) {
    this.value = audience;
    this.dispatchEvent(new CustomEvent<AudienceChange>('admin-content-audience-change', { detail: { audience }, bubbles: true, composed: true }));
  }
}

define('admin-content-audience', AdminContentAudience);

declare global {
  interface HTMLElementTagNameMap {
    'admin-content-audience': AdminContentAudience;
  }
  interface GlobalEventHandlersEventMap {
    'admin-content-audience-change': CustomEvent<AudienceChange>;
  }
}
