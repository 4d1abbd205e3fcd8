import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { contentStyles } from './admin-content.styles.ts';
import type { FeedbackSummary } from './content-client.ts';
import { describedBy, renderError } from './form-fields.ts';
import { ContentPanel } from './panel-base.ts';

/** How many comments show at first, and how many more each "Show more". */
export const COMMENTS_PAGE = 20;
const RATINGS = [5, 4, 3, 2, 1] as const;

/**
 * The feedback tab (C4): the clients' opinions over a period — how many, the average ("4.2 of 5"), how many gave
 * each rating (a list with the numbers in words, bars only beside them) and the latest comments as text.
 * @summary The summary of the clients' opinions.
 * @csspart filters - the period.
 * @csspart totals - count and average.
 * @csspart distribution - the ratings, each a `rating` with its `bar`.
 * @csspart comments - the latest comments.
 */
export class AdminContentFeedback extends ContentPanel {
  static override styles = [baseStyles, panelStyles, cardListStyles, contentStyles];

  @state() private from = '';
  @state() private to = '';
  @state() private rangeError = '';
  /** The period last asked for. */
  @state() private period: { from?: string; to?: string } = {};
  @state() private shown = COMMENTS_PAGE;
  private filtered = false;

  private readonly summary = new Task(this, {
    task: async ([client, period], { signal }) => {
      if (!client) return undefined;
      const summary = await client.feedback(period, signal);
      // Said out loud only when the staff member asked for another period, not on the first load.
      if (this.filtered) this.announcement = this.t('feedback.announce', { count: this.number(summary.count) });
      return summary;
    },
    args: () => [this.client, this.period] as const,
  });

  override render() {
    const t = this.t;
    const pending = this.summary.status === TaskStatus.PENDING || this.summary.status === TaskStatus.INITIAL;
    return html`<div class="panel-body">
      <h3 id="feedback-heading">${t('feedback.title')}</h3>
      <p class="hint">${t('feedback.intro')}</p>
      ${this.renderFilters()} ${this.renderAnnouncement()}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.summary.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error, () => void this.summary.run()),
          complete: (summary) => (summary ? this.renderSummary(summary) : this.renderLoading()),
        })}
      </div>
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    const error = this.rangeError;
    const dateField = (name: 'from' | 'to', value: string) => {
      const id = `feedback-${name}`;
      return html`<div class="field">
        <label for=${id}>${t(`feedback.${name}`)}</label>
        <input id=${id} name=${name} type="date" .value=${value} aria-invalid=${error && name === 'to' ? 'true' : 'false'}
          aria-describedby=${describedBy(id, false, error && name === 'to') ?? nothing} @input=${this.handleDate} />
        ${name === 'to' ? renderError(id, error) : nothing}
      </div>`;
    };
    return html`<form part="filters" novalidate aria-label=${t('feedback.period')} @submit=${this.handleApply}>
      ${dateField('from', this.from)} ${dateField('to', this.to)}
      <div class="actions filter-actions"><button class="secondary" type="submit">${t('feedback.apply')}</button></div>
    </form>`;
  }

  private renderSummary(summary: FeedbackSummary): TemplateResult {
    const t = this.t;
    if (!summary.count) return html`<p part="empty">${t('feedback.empty')}</p>`;
    return html`<dl part="totals">
        <div><dt>${t('feedback.count')}</dt><dd>${this.number(summary.count)}</dd></div>
        <div>
          <dt>${t('feedback.average')}</dt>
          <dd>
            ${summary.average === null ? t('feedback.no-average') : t('feedback.average.value', { average: this.number(summary.average, 1) })}
            ${summary.average === null ? nothing : html`<span class="stars" aria-hidden="true">${stars(summary.average)}</span>`}
          </dd>
        </div>
      </dl>
      <h4 id="distribution-title">${t('feedback.distribution')}</h4>
      <ul part="distribution" aria-labelledby="distribution-title">
        ${RATINGS.map((rating) => this.renderRating(rating, summary.distribution[rating - 1] ?? 0, summary.count))}
      </ul>
      <h4 id="comments-title">${t('feedback.comments')}</h4>
      ${this.renderComments(summary.comments)}`;
  }

  private renderRating(rating: number, count: number, total: number): TemplateResult {
    const share = total ? count / total : 0;
    const percent = new Intl.NumberFormat(this.locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
    return html`<li part="rating" data-rating=${rating}>
      <span class="rating-name">${this.starsText(rating)}</span>
      <span part="bar" class="bar" aria-hidden="true"><span class="fill" style=${styleMap({ width: `${Math.round(share * 100)}%` })}></span></span>
      <span class="rating-value">${this.t('feedback.share', { count: this.number(count), percent })}</span>
    </li>`;
  }

  private renderComments(comments: FeedbackSummary['comments']): TemplateResult {
    const t = this.t;
    if (!comments.length) return html`<p>${t('feedback.no-comments')}</p>`;
    return html`<ul part="comments" aria-labelledby="comments-title">
        ${comments.slice(0, this.shown).map(
          (comment) => html`<li part="comment" tabindex="-1">
            <p class="meta">
              <span>${t('feedback.rating', { rating: comment.rating })}</span>
              <span>${comment.accountName || t('feedback.anonymous')}</span>
              <time datetime=${comment.createdAt}>${this.when(comment.createdAt)}</time>
            </p>
            <p class="comment-text">${comment.comment}</p>
          </li>`,
        )}
      </ul>
      ${comments.length > this.shown
        ? html`<div class="actions">
            <button part="more" class="secondary" type="button" @click=${this.handleMore}>${t('feedback.more', { count: this.number(comments.length - this.shown) })}</button>
          </div>`
        : nothing}`;
  }

  private starsText(rating: number): string {
    return this.t(new Intl.PluralRules(this.locale).select(rating) === 'one' ? 'feedback.stars.one' : 'feedback.stars.other', { rating: this.number(rating) });
  }

  private handleDate = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.name === 'from') this.from = input.value;
    else this.to = input.value;
    this.rangeError = '';
  };

  private handleApply = (event: SubmitEvent) => {
    event.preventDefault();
    if (this.from && this.to && this.from > this.to) {
      this.rangeError = this.t('feedback.range.invalid');
      return this.focusLater('#feedback-to');
    }
    this.shown = COMMENTS_PAGE;
    this.filtered = true;
    this.announcement = '';
    this.period = { ...(this.from ? { from: this.from } : {}), ...(this.to ? { to: this.to } : {}) };
  };

  private handleMore = () => {
    const next = this.shown;
    this.shown += COMMENTS_PAGE;
    // To the first comment just shown, so the reader carries on from there.
    void this.updateComplete.then(() => this.shadowRoot?.querySelectorAll<HTMLElement>('[part~=comment]')[next]?.focus());
  };
}

/** The average as five stars, for the eye only: "★★★★☆". */
function stars(average: number): string {
  const full = Math.round(average);
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}

define('admin-content-feedback', AdminContentFeedback);

declare global {
  interface HTMLElementTagNameMap {
    'admin-content-feedback': AdminContentFeedback;
  }
}
