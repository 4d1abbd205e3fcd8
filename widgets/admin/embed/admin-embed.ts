import { initialState, Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type TenantSettings } from '../admin-api.ts';
import { AdminSection } from '../admin-section.ts';
import { copyText, CopyConfirmation } from '../../core/clipboard.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { embedStyles } from './admin-embed.styles.ts';
import { embedMessages, type EmbedKey } from './messages.ts';
import { cspSnippet, elementLine, scriptLine, singlePartTags, wholePortalSnippet } from './snippets.ts';

/**
 * "Embed on your website": the exact code a business pastes — the loader's script tag with the portal's name, and
 * `<portal-app>` — then each single part's tag (the sign-in and every switched-on module), each with a Copy button;
 * the websites allowed to embed the portal (a warning while there is none), and what a host's Content Security
 * Policy must allow. Reads the settings only (`accounts:read`); it changes nothing.
 * @summary The embed snippet for this portal.
 * @csspart base - the section.
 * @csspart snippet - one piece of code with its Copy button.
 * @csspart code - the code itself.
 * @csspart copy - a Copy button.
 * @csspart copied - the "Copied" confirmation (a live region).
 * @csspart parts - the list of single parts.
 * @csspart warning - no website may embed the portal yet.
 * @csspart origins - the websites allowed to embed the portal.
 * @csspart error - the settings could not be read, with "Try again".
 * @cssprop --portal-embed-code-background - behind the code.
 */
export class AdminEmbed extends AdminSection<EmbedKey> {
  static override styles = [baseStyles, panelStyles, embedStyles];

  protected readonly catalog = embedMessages;
  private readonly copies = new CopyConfirmation<string>(this);

  private readonly settings = new Task(this, {
    task: async ([api], { signal }) => (api ? api.getSettings(signal) : initialState),
    args: () => [this.api] as const,
  });

  override render() {
    const t = this.t;
    const busy = this.settings.status === TaskStatus.INITIAL || this.settings.status === TaskStatus.PENDING;
    return html`<section part="base" aria-labelledby="embed-title" aria-busy=${busy ? 'true' : 'false'} lang=${this.locale}>
      <h2 id="embed-title" tabindex="-1">${t('title')}</h2>
      ${this.settings.render({
        initial: () => this.renderLoading(),
        pending: () => (this.settings.value ? this.renderSettings(this.settings.value) : this.renderLoading()),
        complete: (settings) => this.renderSettings(settings),
        error: (error) => this.renderError(error),
      })}
    </section>`;
  }

  private renderLoading(): TemplateResult {
    return html`<p part="status" role="status">${this.t('loading')}</p>`;
  }

  private renderError(error: unknown): TemplateResult {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `error.${code}` as EmbedKey;
    return html`<div part="error" role="alert">
      <p>${this.t(key in embedMessages.en ? key : 'error.generic')}</p>
      <button class="secondary" type="button" @click=${() => void this.settings.run()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderSettings(settings: TenantSettings): TemplateResult {
    const t = this.t;
    const tags = singlePartTags(settings.modules);
    return html`<p>${t('intro')}</p>
      ${this.snippet('whole', t('whole.title'), wholePortalSnippet(settings), 'h3')}
      <section class="group" aria-labelledby="parts-title">
        <h3 id="parts-title">${t('parts.title')}</h3>
        <p>${t('parts.intro')}</p>
        ${tags.length === 1 ? html`<p part="notice">${t('parts.none')}</p>` : nothing}
        ${this.snippet('script', t('script.title'), scriptLine(settings), 'h4')}
        <ul part="parts">
          ${tags.map((tag) => html`<li>${this.snippet(tag, t(`tag.${tag}` as EmbedKey), elementLine(tag), 'span')}</li>`)}
        </ul>
      </section>
      ${this.renderOrigins(settings.embedOrigins)}
      <section class="group" aria-labelledby="csp-title">
        <h3 id="csp-title">${t('csp.title')}</h3>
        <p>${t('csp.intro')}</p>
        ${this.snippet('csp', 'Content-Security-Policy', cspSnippet(settings.embedScriptUrl), 'span')}
        <p class="hint">${t('csp.trusted-types')}</p>
      </section>`;
  }

  private renderOrigins(origins: string[]): TemplateResult {
    const t = this.t;
    return html`<section class="group" aria-labelledby="origins-title">
      <h3 id="origins-title">${t('origins.title')}</h3>
      ${origins.length
        ? html`<p>${t('origins.intro')}</p>
            <ul part="origins">
              ${origins.map((origin) => html`<li><code>${origin}</code></li>`)}
            </ul>`
        : html`<p part="warning">${t('origins.none')} <a href="#settings">${t('origins.settings')}</a></p>`}
    </section>`;
  }

  /** A piece of code under its name, with a Copy button that announces "Copied". */
  private snippet(key: string, label: string, code: string, labelTag: 'h3' | 'h4' | 'span'): TemplateResult {
    const id = `snippet-${key}`;
    const outcome = this.copies.of(key);
    const name =
      labelTag === 'h3'
        ? html`<h3 id=${`${id}-label`}>${label}</h3>`
        : labelTag === 'h4'
          ? html`<h4 id=${`${id}-label`}>${label}</h4>`
          : html`<span class="label" id=${`${id}-label`}>${label}</span>`;
    return html`<div part="snippet" role="group" aria-labelledby=${`${id}-label`} data-snippet=${key}>
      ${name}
      <pre part="code"><code id=${id}>${code}</code></pre>
      <div class="actions">
        <button part="copy" class="secondary" type="button" @click=${() => void this.handleCopy(key, code)}>
          ${this.t('copy')}<span class="visually-hidden"> ${this.t('copy.what', { what: label })}</span>
        </button>
        <span part="copied" role="status">${outcome ? this.t(outcome === 'copied' ? 'copied' : 'selected') : ''}</span>
      </div>
    </div>`;
  }

  private async handleCopy(key: string, code: string) {
    const source = () => this.renderRoot.querySelector<HTMLElement>(`#snippet-${CSS.escape(key)}`)!;
    await this.copies.show(key, await copyText(code, source));
  }
}

define('admin-embed', AdminEmbed);

declare global {
  interface HTMLElementTagNameMap {
    'admin-embed': AdminEmbed;
  }
}
