import { Task, TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ContentElement, contentStyles } from '../core/content-base.ts';
import type { Material, MaterialList, MaterialQuery } from '../core/content-types.ts';
import { define } from '../core/define.ts';
import { openFetchedFile, saveThroughLink } from '../core/download.ts';
import { baseStyles, panelStyles } from '../core/shared-styles.ts';
import { groupByTopic, renderMaterial, type MaterialView } from './item.ts';
import { messages, type MaterialsKey } from './messages.ts';
import { materialsStyles } from './portal-materials.styles.ts';

/** How long typing must pause before the search runs (Enter runs it at once). */
export const SEARCH_DELAY_MS = 350;

/**
 * The business's support materials (C2): articles and files grouped by topic, narrowed by a topic and searched by
 * words (as typing pauses). An article opens in place (a disclosure); a file shows its name, kind and size and
 * downloads with the session's token. A full client session only.
 * @summary Support materials, by topic, searchable.
 * @event change - the client chose another topic; read it from `topic`.
 * @csspart base - the panel.
 * @csspart filters - the search box and topic choice.
 * @csspart count - how many materials the search found (read out when it changes).
 * @csspart topic - one topic's group.
 * @csspart list - the materials of a topic.
 * @csspart material - one material.
 * @csspart toggle - the title of a material with an article: the button that shows or hides it.
 * @csspart article - a material's article.
 * @csspart file - a material's file name, kind, size and download button.
 * @csspart download - the download button (its accessible name includes the title).
 * @csspart empty - the message when there is nothing (yet, or for this search).
 * @csspart error - what went wrong.
 * @csspart status - loading and download messages.
 * @cssprop --portal-materials-gap - space between the parts.
 */
export class PortalMaterials extends ContentElement<MaterialsKey> implements MaterialView {
  static override styles = [baseStyles, panelStyles, contentStyles, materialsStyles];

  protected readonly catalog = messages;

  /** The topic shown; '' for all. The client's choice is kept here. */
  @property({ reflect: true }) topic = '';

  /** How a downloaded file's URL reaches the browser; by default a link's click. */
  @property({ attribute: false }) navigate: (url: string, fileName: string) => void = saveThroughLink;

  /** The words searched, as the server gets them (trimmed). */
  @state() private q = '';
  @state() private notice = '';
  private readonly opened = new Set<string>();
  private readonly downloading = new Set<string>();
  private readonly failures = new Map<string, string>();
  /** Topics seen, so the choice stays while a search reloads. */
  private topics: string[] = [];
  private timer?: ReturnType<typeof setTimeout>;

  private readonly list = new Task(this, {
    task: async ([key, topic, q], { signal }): Promise<MaterialList | undefined> => {
      if (!key) return undefined;
      const query: MaterialQuery = {};
      if (q) query.q = q;
      if (topic) query.topic = topic;
      const list = await this.portal!.api.listMaterials(this.token()!, query, signal);
      this.topics = list.topics;
      return list;
    },
    args: () => [this.sessionKey(), this.topic, this.q] as const,
  });

  protected override forget() {
    clearTimeout(this.timer);
    Object.assign(this, { q: '', topic: '', notice: '', topics: [] });
    const input = this.shadowRoot?.querySelector<HTMLInputElement>('input[name=q]');
    if (input) input.value = '';
    for (const set of [this.opened, this.downloading, this.failures]) set.clear();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  isOpen(id: string) {
    return this.opened.has(id);
  }
  toggle(id: string) {
    if (!this.opened.delete(id)) this.opened.add(id);
    this.requestUpdate();
  }
  isDownloading(id: string) {
    return this.downloading.has(id);
  }
  downloadFailure(id: string) {
    return this.failures.get(id);
  }

  async download(material: Material) {
    const token = this.token();
    if (!token || !material.file || this.downloading.has(material.id)) return;
    this.downloading.add(material.id);
    this.failures.delete(material.id);
    this.notice = '';
    this.requestUpdate();
    try {
      openFetchedFile(await this.portal!.api.downloadMaterial(token, material.id, material.file.name), this.navigate);
      this.notice = this.t('download.started', { title: material.title });
    } catch (error) {
      this.failures.set(material.id, this.message(error));
    } finally {
      this.downloading.delete(material.id);
      this.requestUpdate();
    }
  }

  override render() {
    const t = this.t;
    if (!this.token()) return html`<div part="base" lang=${this.locale}><h2>${t('title')}</h2><p>${t('sign-in-first')}</p></div>`;
    const loaded = this.list.status === TaskStatus.COMPLETE ? this.list.value : undefined;
    const searching = Boolean(this.q || this.topic);
    return html`<div part="base" lang=${this.locale}>
      <h2>${t('title')}</h2>
      ${this.renderFilters()}
      <p part="count" role="status" aria-live="polite" class=${searching && loaded?.items.length ? '' : 'visually-hidden'}>${searching && loaded ? this.count(loaded.items.length) : ''}</p>
      ${this.list.render({
        initial: () => this.loading(),
        pending: () => this.loading(),
        error: (error) => this.problem(error, () => void this.list.run()),
        complete: (list) => (list ? this.renderList(list) : this.loading()),
      })}
      <p part="status" role="status" aria-live="polite" class=${this.notice ? '' : 'visually-hidden'}>${this.notice}</p>
    </div>`;
  }

  private renderFilters(): TemplateResult {
    const t = this.t;
    const topics = this.topic && !this.topics.includes(this.topic) ? [...this.topics, this.topic] : this.topics;
    return html`<form part="filters" role="search" aria-label=${t('filters')} @submit=${this.handleSubmit}>
      <label>${t('search')}
        <input type="search" name="q" maxlength="100" autocomplete="off" enterkeyhint="search" @input=${this.handleInput} />
      </label>
      <label>${t('topic')}
        <select name="topic" @change=${this.handleTopic}>
          <option value="" ?selected=${!this.topic}>${t('all-topics')}</option>
          ${topics.map((topic) => html`<option value=${topic} ?selected=${topic === this.topic}>${topic}</option>`)}
        </select>
      </label>
    </form>`;
  }

  private renderList(list: MaterialList): TemplateResult {
    const t = this.t;
    if (!list.items.length) {
      if (!this.q && !this.topic) return html`<p part="empty">${t('empty', { business: this.business(t('business')) })}</p>`;
      return html`<div part="empty">
        <p>${this.q ? t('no-results.q', { q: this.q }) : t('no-results')}</p>
        <div class="actions"><button class="secondary" type="button" @click=${this.handleClear}>${t('clear')}</button></div>
      </div>`;
    }
    return html`${repeat(
      groupByTopic(list.items),
      ([topic]) => topic,
      ([topic, items], index) => html`<section part="topic" aria-labelledby=${`topic-${index}`}>
        <h3 id=${`topic-${index}`}>${topic}</h3>
        <ul part="list">${repeat(items, (item) => item.id, (item) => renderMaterial(this, item))}</ul>
      </section>`,
    )}`;
  }

  private count(count: number): string {
    return this.t(new Intl.PluralRules(this.locale).select(count) === 'one' ? 'count.one' : 'count.other', { count });
  }

  private search(value: string) {
    clearTimeout(this.timer);
    this.q = value.trim();
    this.notice = '';
  }

  private handleInput = (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.search(value), SEARCH_DELAY_MS);
  };

  private handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    this.search((event.target as HTMLFormElement).querySelector<HTMLInputElement>('input[name=q]')!.value);
  };

  private handleTopic = (event: Event) => this.chooseTopic((event.target as HTMLSelectElement).value);

  private chooseTopic(topic: string) {
    if (topic === this.topic) return;
    this.topic = topic;
    this.notice = '';
    this.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  }

  private handleClear = () => {
    const input = this.shadowRoot!.querySelector<HTMLInputElement>('input[name=q]')!;
    input.value = '';
    this.search('');
    this.chooseTopic('');
    this.shadowRoot!.querySelector<HTMLSelectElement>('select[name=topic]')!.value = '';
    // The button pressed goes away: the search is where the client starts again.
    input.focus();
  };
}

define('portal-materials', PortalMaterials);

declare global {
  interface HTMLElementTagNameMap {
    'portal-materials': PortalMaterials;
  }
}
