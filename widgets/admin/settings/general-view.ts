import { html, nothing, type TemplateResult } from 'lit';
import { LOCALE_NAMES, LOCALES, type Locale } from '../../core/i18n.ts';
import { MAX_ORIGINS } from './drafts.ts';
import { fieldProblem, renderActions, renderSwitch, type SettingsView } from './settings-view.ts';

/** The General group (G1, A9): portal on/off, name, default language, portal address, the sites that may embed. */
export function renderGeneral(view: SettingsView): TemplateResult {
  const t = view.t;
  const draft = view.general!;
  const name = fieldProblem(view, 'general-name');
  const url = fieldProblem(view, 'general-url', 'general-url-hint');
  return html`<section part="group" aria-labelledby="general-title">
    <h3 id="general-title">${t('general.title')}</h3>
    <form novalidate data-group="general" @submit=${(event: Event) => submit(event, view)}>
      <fieldset class="bare" ?disabled=${!view.editable('general')}>
        ${renderSwitch({
          id: 'general-enabled',
          label: t('general.enabled'),
          hint: draft.portalEnabled ? t('general.enabled.on') : t('general.enabled.off'),
          checked: draft.portalEnabled,
          change: (portalEnabled) => view.edit('general', { portalEnabled }),
        })}
        <label for="general-name">${t('general.name')}</label>
        <input id="general-name" .value=${draft.name} maxlength="120" autocomplete="organization" aria-invalid=${name.invalid} aria-describedby=${name.describedBy}
          @input=${(event: Event) => view.edit('general', { name: value(event) })} />
        ${name.message}
        <label for="general-locale">${t('general.locale')}</label>
        <select id="general-locale" @change=${(event: Event) => view.edit('general', { defaultLocale: value(event) as Locale })}>
          ${LOCALES.map((locale) => html`<option value=${locale} ?selected=${locale === draft.defaultLocale} lang=${locale}>${LOCALE_NAMES[locale]}</option>`)}
        </select>
        <label for="general-url">${t('general.url')}</label>
        <p class="hint" id="general-url-hint">${t('general.url.hint')}</p>
        <input id="general-url" type="url" inputmode="url" .value=${draft.portalUrl} placeholder="https://" aria-invalid=${url.invalid} aria-describedby=${url.describedBy}
          @input=${(event: Event) => view.edit('general', { portalUrl: value(event) })} />
        ${url.message}
        ${renderOrigins(view)}
      </fieldset>
      ${renderActions(view, 'general')}
    </form>
  </section>`;
}

function renderOrigins(view: SettingsView): TemplateResult {
  const t = view.t;
  const origins = view.general!.embedOrigins;
  const editable = view.editable('general');
  return html`<fieldset part="origins" aria-describedby="origins-hint">
    <legend>${t('origins.title')}</legend>
    <p class="hint" id="origins-hint">${t('origins.hint')}</p>
    ${origins.length
      ? html`<ol class="origins">
          ${origins.map((origin, index) => {
            const id = `general-origin-${index}`;
            const problem = fieldProblem(view, id);
            return html`<li>
              <label for=${id}>${t('origins.site', { number: index + 1 })}</label>
              <div class="origin-row">
                <input id=${id} type="url" inputmode="url" .value=${origin} placeholder="https://www.example.com" aria-invalid=${problem.invalid} aria-describedby=${problem.describedBy}
                  @input=${(event: Event) => view.edit('general', { embedOrigins: origins.map((item, at) => (at === index ? value(event) : item)) })} />
                ${editable
                  ? html`<button class="secondary" type="button" aria-label=${t('origins.remove', { origin: origin || t('origins.site', { number: index + 1 }) })} @click=${() => view.removeOrigin(index)}>
                      ${t('origins.remove.short')}
                    </button>`
                  : nothing}
              </div>
              ${problem.message}
            </li>`;
          })}
        </ol>`
      : html`<p part="empty">${t('origins.none')}</p>`}
    ${editable && origins.length < MAX_ORIGINS
      ? html`<div class="actions"><button part="add-origin" class="secondary" type="button" @click=${() => view.addOrigin()}>${t('origins.add')}</button></div>`
      : nothing}
  </fieldset>`;
}

function value(event: Event): string {
  return (event.target as HTMLInputElement | HTMLSelectElement).value;
}

function submit(event: Event, view: SettingsView) {
  event.preventDefault();
  view.submit('general');
}
