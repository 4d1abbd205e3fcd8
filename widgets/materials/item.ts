import { html, nothing, type TemplateResult } from 'lit';
import type { ContentKey } from '../core/content-base.ts';
import { fileKind, formatFileSize } from '../core/format.ts';
import type { Material } from '../core/content-types.ts';
import type { Locale, Translate } from '../core/i18n.ts';
import { renderRichText } from '../core/rich-text.ts';
import type { MaterialsKey } from './messages.ts';

/** What a material's view uses of `<portal-materials>`. */
export interface MaterialView {
  readonly locale: Locale;
  t: Translate<MaterialsKey | ContentKey>;
  date(value: string): string;
  isOpen(id: string): boolean;
  toggle(id: string): void;
  isDownloading(id: string): boolean;
  downloadFailure(id: string): string | undefined;
  download(material: Material): void;
}

/** Materials in the order the server sends them (by topic), grouped under each topic's heading. */
export function groupByTopic(items: Material[]): [string, Material[]][] {
  const groups = new Map<string, Material[]>();
  for (const item of items) groups.set(item.topic, [...(groups.get(item.topic) ?? []), item]);
  return [...groups];
}

/**
 * One material: its title, which opens its article in place when it has one (a disclosure), and its file's kind and
 * size with a download button (the title in its name) when it has one.
 */
export function renderMaterial(view: MaterialView, material: Material): TemplateResult {
  const { t } = view;
  const open = view.isOpen(material.id);
  const failure = view.downloadFailure(material.id);
  const articleId = `article-${material.id}`;
  return html`<li part="material" data-id=${material.id}>
    <h4>
      ${material.body
        ? html`<button part="toggle" class="link" type="button" aria-expanded=${open ? 'true' : 'false'} aria-controls=${articleId} @click=${() => view.toggle(material.id)}>
            <span class="chevron" aria-hidden="true">▸</span><span>${material.title}</span>
          </button>`
        : material.title}
    </h4>
    <p class="meta"><span>${t('updated', { date: view.date(material.updatedAt) })}</span></p>
    ${material.body
      ? html`<div part="article" class="rich" id=${articleId} ?hidden=${!open}>${open ? renderRichText(material.body, { newTabLabel: t('new-tab') }) : nothing}</div>`
      : nothing}
    ${material.file
      ? html`<div part="file">
          <span class="meta"><span>${material.file.name}</span><span>${fileKind(t, material.file)} · ${formatFileSize(material.file.size, view.locale)}</span></span>
          <button part="download" class="secondary" type="button" aria-disabled=${view.isDownloading(material.id) ? 'true' : 'false'} @click=${() => view.download(material)}>
            ${t('download')}<span class="visually-hidden"> ${material.title}</span>
          </button>
        </div>`
      : nothing}
    ${failure ? html`<p part="error" role="alert">${failure}</p>` : nothing}
  </li>`;
}
