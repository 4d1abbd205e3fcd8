import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { mailStyles } from './admin-mail.styles.ts';
import type { OutboxItem } from './mail-client.ts';
import { MailPanel } from './panel-base.ts';

/** How often the test mail's delivery is looked up, and how many times at most. */
export const POLL_INTERVAL_MS = 2000;
export const POLL_TRIES = 10;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A test mail being followed: its outbox id, the last state seen, how many look-ups were made. */
interface Tracked {
  id: number;
  to: string;
  item?: OutboxItem;
  tries: number;
  /** Still waiting after the last look-up. */
  gaveUp: boolean;
}

/**
 * "Send a test mail" (G5): to an address (the staff member's own by default) in a language, through the outbox like
 * any other mail. Then its delivery is followed — looked up every `pollInterval` ms, at most `pollTries` times, until
 * sent or failed — and the outcome said in words, with the server's error when it failed.
 * @summary Sends a test mail and follows its delivery.
 * @csspart form - the address and language.
 * @csspart send - the submit button.
 * @csspart delivery - the test mail's delivery status (a live region).
 * @csspart last-error - the delivery error, when it failed.
 */
export class AdminMailTest extends MailPanel {
  static override styles = [baseStyles, panelStyles, cardListStyles, mailStyles];

  /** Milliseconds between two look-ups of the test mail's delivery. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = POLL_INTERVAL_MS;
  /** The most look-ups before saying it is still waiting. */
  @property({ type: Number, attribute: 'poll-tries' }) pollTries = POLL_TRIES;

  @state() private to?: string;
  @state() private testLocale?: Locale;
  @state() private toError = '';
  @state() private formError = '';
  @state() private sending = false;
  @state() private tracked?: Tracked;
  private timer?: ReturnType<typeof setTimeout>;

  private get address(): string {
    return this.to ?? this.me?.email ?? '';
  }

  private get chosenLocale(): Locale {
    return this.testLocale ?? this.me?.tenant.locale ?? this.locale;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.stop();
  }

  override render() {
    const t = this.t;
    return html`<div class="panel-body">
      <h3>${t('test.title')}</h3>
      <p class="hint">${t('test.intro')}</p>
      ${this.renderAnnouncement()}
      <form part="form" novalidate aria-label=${t('test.title')} @submit=${this.handleSubmit}>
        <label for="test-to">${t('test.to')}</label>
        <input id="test-to" name="to" type="email" autocomplete="email" maxlength="254" required .value=${this.address}
          aria-invalid=${this.toError ? 'true' : 'false'} aria-describedby=${this.toError ? 'test-to-error' : nothing} @input=${this.handleTo} />
        ${this.toError ? html`<p class="field-error" id="test-to-error">${this.toError}</p>` : nothing}
        <label for="test-locale">${t('test.locale')}</label>
        <select id="test-locale" name="locale" @change=${this.handleLocale}>
          ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === this.chosenLocale}>${LOCALE_NAMES[locale]}</option>`)}
        </select>
        ${this.formError ? html`<div part="error" role="alert"><p>${this.formError}</p></div>` : nothing}
        <div class="actions">
          <button part="send" class="primary" type="submit" aria-disabled=${this.sending ? 'true' : 'false'}>${this.sending ? t('test.sending') : t('test.send')}</button>
        </div>
      </form>
      <div part="delivery" role="status" aria-live="polite">${this.tracked ? this.renderDelivery(this.tracked) : nothing}</div>
    </div>`;
  }

  private renderDelivery(tracked: Tracked): TemplateResult {
    const t = this.t;
    const { item } = tracked;
    if (item?.status === 'sent') {
      return html`<p class="delivered" data-state="sent">${t('test.sent', { to: tracked.to, when: item.sentAt ? this.when(item.sentAt) : '' })}</p>`;
    }
    if (item?.status === 'failed') {
      return html`<div class="failed" data-state="failed">
        <p>${t('test.failed')}</p>
        ${item.lastError ? html`<p part="last-error"><span class="label">${t('outbox.last-error')}</span> <code>${item.lastError}</code></p>` : nothing}
        <p>${t('test.failed.help')}</p>
      </div>`;
    }
    const retrying = item?.lastError ? html`<p part="last-error"><span class="label">${t('test.attempt-failed')}</span> <code>${item.lastError}</code></p>` : nothing;
    if (tracked.gaveUp) return html`<div data-state="waiting"><p>${t('test.still-waiting', { seconds: Math.round((this.pollInterval * this.pollTries) / 1000) })}</p>${retrying}</div>`;
    return html`<div data-state="pending"><p class="loading"><progress aria-hidden="true"></progress><span>${t('test.waiting')}</span></p>${retrying}</div>`;
  }

  private handleTo = (event: Event) => {
    this.to = (event.target as HTMLInputElement).value;
    if (this.toError && EMAIL.test(this.to.trim())) this.toError = '';
  };

  private handleLocale = (event: Event) => {
    this.testLocale = (event.target as HTMLSelectElement).value as Locale;
  };

  private handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.sending || !this.client) return;
    const to = this.address.trim();
    this.toError = !to ? this.t('test.to.missing') : EMAIL.test(to) ? '' : this.t('test.to.invalid');
    this.formError = '';
    if (this.toError) return this.focusLater('#test-to');
    this.stop();
    this.sending = true;
    try {
      const { id } = await this.client.sendTest(to, this.chosenLocale);
      this.announcement = this.t('test.queued', { id });
      this.tracked = { id, to, tries: 0, gaveUp: false };
      this.schedule();
    } catch (error) {
      const field = error instanceof ApiError && error.code === 'invalid_input' ? error.fields.find((f) => f.path === 'to') : undefined;
      if (field) {
        this.toError = this.t('test.to.invalid');
        this.focusLater('#test-to');
      } else this.formError = this.problemText(error);
    } finally {
      this.sending = false;
    }
  };

  private schedule() {
    this.timer = setTimeout(() => void this.poll(), this.pollInterval);
  }

  private stop() {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** One look-up of the test mail: stops once it is sent or failed, or after `pollTries`. */
  private async poll() {
    const tracked = this.tracked;
    if (!tracked || !this.client || !this.isConnected) return;
    let item = tracked.item;
    try {
      item = (await this.client.outboxItem(tracked.id)) ?? item;
    } catch {
      // A failed look-up counts as a try; the next one may succeed.
    }
    if (this.tracked !== tracked || !this.isConnected) return;
    const tries = tracked.tries + 1;
    const done = item?.status === 'sent' || item?.status === 'failed';
    this.tracked = { ...tracked, item, tries, gaveUp: !done && tries >= this.pollTries };
    if (!done && tries < this.pollTries) this.schedule();
  }
}

define('admin-mail-test', AdminMailTest);

declare global {
  interface HTMLElementTagNameMap {
    'admin-mail-test': AdminMailTest;
  }
}
