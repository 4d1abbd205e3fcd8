import { html, nothing, type TemplateResult } from 'lit';
import type { Branding } from '../../core/api-client.ts';
import type { BrandingDraft, FontChoice } from './drafts.ts';
import type { SettingsKey } from './messages.ts';
import { fieldProblem, renderActions, type SettingsView } from './settings-view.ts';
import { contrastWarnings, formatRatio, READABLE, type ContrastWarning } from './theme-check.ts';
import { FONT_PRESETS, normaliseColour } from './validation.ts';

/** The Branding group (G1): logo, colours, corner radius, font and colour scheme, with a live preview and contrast warnings. */
export function renderBranding(view: SettingsView): TemplateResult {
  const t = view.t;
  const draft = view.branding!;
  const radius = fieldProblem(view, 'branding-radius', 'branding-radius-hint');
  return html`<section part="group" aria-labelledby="branding-title">
    <h3 id="branding-title">${t('branding.title')}</h3>
    <form novalidate data-group="branding" @submit=${(event: Event) => submit(event, view)}>
      <div class="branding">
        <fieldset class="bare" ?disabled=${!view.editable('branding')}>
          ${renderLogo(view)}
          ${renderColour(view, 'primaryColor', 'branding-primary', 'branding.primary')}
          ${renderColour(view, 'accentColor', 'branding-accent', 'branding.accent')}
          <label for="branding-radius">${t('branding.radius')}</label>
          <p class="hint" id="branding-radius-hint">${t('branding.radius.hint')}</p>
          <input id="branding-radius" type="number" inputmode="numeric" min="0" max="24" step="1" .value=${draft.radius} aria-invalid=${radius.invalid} aria-describedby=${radius.describedBy}
            @input=${(event: Event) => view.edit('branding', { radius: (event.target as HTMLInputElement).value })} />
          ${radius.message}
          ${renderFont(view, draft)}
          <fieldset>
            <legend>${t('branding.scheme')}</legend>
            ${(['light', 'dark', 'auto'] as const).map(
              (scheme) => html`<label class="choice">
                <input type="radio" name="color-scheme" value=${scheme} .checked=${draft.colorScheme === scheme} @change=${() => view.edit('branding', { colorScheme: scheme })} />
                <span>${t(`branding.scheme.${scheme}`)}</span>
              </label>`,
            )}
          </fieldset>
        </fieldset>
        ${renderPreviewPanel(view)}
      </div>
      ${renderActions(view, 'branding')}
    </form>
  </section>`;
}

function renderLogo(view: SettingsView): TemplateResult {
  const t = view.t;
  const current = view.saved?.branding.logoUrl;
  const problem = fieldProblem(view, 'branding-logo', 'branding-logo-hint');
  return html`<div part="logo" class="logo">
    ${view.logo
      ? html`<figure><img src=${view.logo.url} alt=${t('branding.logo.new')} /><figcaption>${t('branding.logo.new')}</figcaption></figure>`
      : current
        ? html`<figure><img src=${current} alt=${t('branding.logo.current')} /><figcaption>${t('branding.logo.current')}</figcaption></figure>`
        : html`<p class="hint">${t('branding.logo.none')}</p>`}
    <label for="branding-logo">${t('branding.logo')}</label>
    <p class="hint" id="branding-logo-hint">${t('branding.logo.hint')}</p>
    <input id="branding-logo" type="file" accept="image/png,image/jpeg" aria-invalid=${problem.invalid} aria-describedby=${problem.describedBy}
      @change=${(event: Event) => view.chooseLogo(event.target as HTMLInputElement)} />
    ${problem.message}
  </div>`;
}

type ColourField = 'primaryColor' | 'accentColor';

/** A colour as a picker and as its `#rrggbb` code, kept in step. */
function renderColour(view: SettingsView, field: ColourField, id: string, label: SettingsKey): TemplateResult {
  const t = view.t;
  const typed = view.branding![field];
  const valid = normaliseColour(typed);
  const problem = fieldProblem(view, id, `${id}-hint`);
  return html`<fieldset part="colour">
    <legend>${t(label)}</legend>
    <div class="colour-row">
      <label class="picker" for=${`${id}-picker`}>
        <span>${t('branding.colour.pick')}</span>
        <input id=${`${id}-picker`} type="color" .value=${valid ?? view.saved?.branding[field] ?? '#000000'}
          @input=${(event: Event) => view.edit('branding', { [field]: (event.target as HTMLInputElement).value })} />
      </label>
      <label class="code" for=${id}>
        <span>${t('branding.colour.code')}</span>
        <input id=${id} .value=${typed} maxlength="7" spellcheck="false" autocomplete="off" aria-invalid=${problem.invalid} aria-describedby=${problem.describedBy}
          @input=${(event: Event) => view.edit('branding', { [field]: (event.target as HTMLInputElement).value })} />
      </label>
    </div>
    <p class="hint" id=${`${id}-hint`}>${t('branding.colour.hint')}</p>
    ${problem.message}
  </fieldset>`;
}

function renderFont(view: SettingsView, draft: BrandingDraft): TemplateResult {
  const t = view.t;
  const other = fieldProblem(view, 'branding-font-other', 'branding-font-other-hint');
  return html`<label for="branding-font">${t('branding.font')}</label>
    <select id="branding-font" @change=${(event: Event) => view.edit('branding', { font: (event.target as HTMLSelectElement).value as FontChoice })}>
      ${FONT_PRESETS.map((stack) => html`<option value=${stack} ?selected=${draft.font === stack}>${fontName(stack)}</option>`)}
      <option value="other" ?selected=${draft.font === 'other'}>${t('branding.font.other')}</option>
    </select>
    ${draft.font === 'other'
      ? html`<label for="branding-font-other">${t('branding.font.stack')}</label>
          <p class="hint" id="branding-font-other-hint">${t('branding.font.stack.hint')}</p>
          <input id="branding-font-other" .value=${draft.otherFont} maxlength="200" spellcheck="false" aria-invalid=${other.invalid} aria-describedby=${other.describedBy}
            @input=${(event: Event) => view.edit('branding', { otherFont: (event.target as HTMLInputElement).value })} />
          ${other.message}`
      : nothing}`;
}

/** A preset's name as a list shows it: its first font and its generic family ("Georgia, serif"). */
function fontName(stack: string): string {
  const names = stack.split(',').map((name) => name.trim().replace(/^['"]|['"]$/g, ''));
  return names.length > 2 ? `${names[0]}, ${names[1]}…` : names.join(', ');
}

function renderPreviewPanel(view: SettingsView): TemplateResult {
  const t = view.t;
  const branding = view.previewBranding()!;
  return html`<div part="preview-panel" class="preview-panel">
    <h4 id="preview-title">${t('preview.title')}</h4>
    <p class="hint">${t(branding.colorScheme === 'auto' ? 'preview.hint.auto' : 'preview.hint')}</p>
    ${renderPreview(view, branding)}
    <div part="contrast" aria-live="polite">${renderWarnings(view, branding)}</div>
  </div>`;
}

/**
 * What the portal's widgets look like with these choices (a card, a button, a link, a badge, the focus ring, an
 * error), on sample data. `inert`: it looks like the portal but does nothing; the warnings beside it say in words
 * what a screen shows.
 */
function renderPreview(view: SettingsView, branding: Branding): TemplateResult {
  const t = view.t;
  const when = new Intl.DateTimeFormat(view.locale, { timeZone: view.saved?.timeZone ?? 'UTC', dateStyle: 'medium', timeStyle: 'short' }).format(new Date('2026-05-12T12:00:00Z'));
  return html`<div part="preview-portal" class="preview-portal" inert>
    <div class="preview-brand">
      ${branding.logoUrl || view.logo ? html`<img src=${view.logo?.url ?? branding.logoUrl!} alt="" />` : nothing}
      <span>${view.general?.name ?? view.saved?.name ?? ''}</span>
    </div>
    <div class="preview-card">
      <p class="preview-heading">${t('preview.card.title')}</p>
      <p>${t('preview.card.text', { when })}</p>
      <p><span class="preview-badge">${t('preview.badge')}</span></p>
      <p><a href="#preview">${t('preview.link')}</a></p>
      <div class="actions">
        <button class="primary" type="button" tabindex="-1">${t('preview.button')}</button>
        <button class="secondary preview-focus" type="button" tabindex="-1">${t('preview.focus')}</button>
      </div>
      <p class="preview-error">${t('preview.error')}</p>
    </div>
  </div>`;
}

function renderWarnings(view: SettingsView, branding: Branding): TemplateResult {
  const t = view.t;
  const warnings = contrastWarnings(branding);
  if (!warnings.length) return html`<p part="contrast-ok">${t('contrast.ok', { minimum: formatRatio(READABLE, view.locale) })}</p>`;
  return html`<div part="contrast-warning" class="warning">
    <p><strong>${t('contrast.title')}</strong></p>
    <ul>
      ${warnings.map((warning) => html`<li>${warningText(view, warning)}</li>`)}
    </ul>
  </div>`;
}

function warningText(view: SettingsView, warning: ContrastWarning): string {
  const t = view.t;
  const values = { ratio: formatRatio(warning.ratio, view.locale), minimum: formatRatio(READABLE, view.locale), shade: t(`contrast.shade.${warning.shade}`) };
  if (warning.kind === 'fill') return t(`contrast.fill.${warning.colour}`, { ...values, used: warning.used });
  const text = {
    ...values,
    scheme: t(`contrast.scheme.${warning.scheme}`),
    too: t(warning.shade === 'darker' ? 'contrast.too.light' : 'contrast.too.dark'),
    link: warning.link,
    focus: warning.focus ?? '',
  };
  if (!warning.focus) return t('contrast.text', text);
  return t(warning.focus === warning.link ? 'contrast.text.focus' : 'contrast.text.focus-apart', text);
}

function submit(event: Event, view: SettingsView) {
  event.preventDefault();
  view.submit('branding');
}
