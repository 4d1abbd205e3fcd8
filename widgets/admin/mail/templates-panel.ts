import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { define } from '../../core/define.ts';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../core/i18n.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { mailStyles } from './admin-mail.styles.ts';
import type { MailPreview } from './mail-client.ts';
import { MailPanel } from './panel-base.ts';

/**
 * The mail templates (G5): choose one and a language, and see it as clients get it — rendered with sample data in
 * the portal's branding: its subject, the HTML part in a sandboxed frame (no scripts, no same origin), and the
 * plain-text part.
 * @summary Mail templates, previewed per language.
 * @csspart chooser - the template and language choices.
 * @csspart preview - the previewed mail.
 * @csspart subject - its subject line.
 * @csspart frame - the sandboxed frame showing the HTML part.
 * @csspart text - the plain-text part.
 * @cssprop --portal-mail-preview-height - the height of the HTML preview (default 32rem).
 */
export class AdminMailTemplates extends MailPanel {
  static override styles = [baseStyles, panelStyles, cardListStyles, mailStyles];

  @state() private template = '';
  @state() private previewLocale?: Locale;

  private readonly names = new Task(this, {
    task: async ([client], { signal }) => {
      if (!client) return undefined;
      const items = await client.templates(signal);
      if (!items.includes(this.template)) this.template = items[0] ?? '';
      return items;
    },
    args: () => [this.client] as const,
  });

  private readonly preview = new Task(this, {
    task: async ([client, template, locale], { signal }) => (client && template ? client.preview(template, locale, signal) : undefined),
    args: () => [this.client, this.template, this.chosenLocale] as const,
  });

  /** The language previewed: the one chosen, else the portal's. */
  private get chosenLocale(): Locale {
    return this.previewLocale ?? this.me?.tenant.locale ?? this.locale;
  }

  override render() {
    const t = this.t;
    const pending = this.names.status === TaskStatus.INITIAL || this.names.status === TaskStatus.PENDING;
    return html`<div class="panel-body">
      <h3>${t('templates.title')}</h3>
      <p class="hint">${t('templates.intro')}</p>
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.names.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error, () => void this.names.run()),
          complete: (items) => (items?.length ? this.renderChooser(items) : html`<p part="empty">${t('templates.empty')}</p>`),
        })}
      </div>
    </div>`;
  }

  private renderChooser(items: string[]): TemplateResult {
    const t = this.t;
    const pending = this.preview.status === TaskStatus.INITIAL || this.preview.status === TaskStatus.PENDING;
    return html`<form part="chooser" class="chooser" aria-label=${t('templates.chooser')} @submit=${(event: Event) => event.preventDefault()}>
        <label>${t('templates.template')}
          <select name="template" @change=${this.handleTemplate}>
            ${items.map((name) => html`<option value=${name} ?selected=${name === this.template}>${this.templateName(name)}</option>`)}
          </select>
        </label>
        <label>${t('templates.locale')}
          <select name="locale" @change=${this.handleLocale}>
            ${LOCALES.map((locale) => html`<option value=${locale} lang=${locale} ?selected=${locale === this.chosenLocale}>${LOCALE_NAMES[locale]}</option>`)}
          </select>
        </label>
      </form>
      <div class="preview-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.preview.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error, () => void this.preview.run()),
          complete: (preview) => (preview ? this.renderPreview(preview) : nothing),
        })}
      </div>`;
  }

  private renderPreview(preview: MailPreview): TemplateResult {
    const t = this.t;
    const name = this.templateName(preview.template);
    const language = LOCALE_NAMES[preview.locale];
    return html`<section part="preview" aria-labelledby="preview-title" lang=${preview.locale}>
      <h4 id="preview-title" lang=${this.locale}>${t('templates.preview', { name, language })}</h4>
      <p part="subject"><span class="label" lang=${this.locale}>${t('templates.subject')}</span> ${preview.subject}</p>
      <iframe part="frame" sandbox="" referrerpolicy="no-referrer" title=${t('templates.frame', { name, language })} src=${preview.htmlUrl}></iframe>
      <h5 lang=${this.locale}>${t('templates.text')}</h5>
      <pre part="text" tabindex="0" aria-label=${t('templates.text.label', { name, language })}>${preview.text}</pre>
    </section>`;
  }

  private handleTemplate = (event: Event) => {
    this.template = (event.target as HTMLSelectElement).value;
  };

  private handleLocale = (event: Event) => {
    this.previewLocale = (event.target as HTMLSelectElement).value as Locale;
  };
}

define('admin-mail-templates', AdminMailTemplates);

declare global {
  interface HTMLElementTagNameMap {
    'admin-mail-templates': AdminMailTemplates;
  }
}
