import { html, type TemplateResult } from 'lit';
import type { Module } from '../admin-api.ts';
import { MODULE_ORDER } from './drafts.ts';
import type { SettingsKey } from './messages.ts';
import { renderActions, renderSwitch, type SettingsView } from './settings-view.ts';

/** The modules whose options this page sets, in the order their option forms follow the list. */
export const MODULES_WITH_OPTIONS = ['appointments', 'billing', 'documents'] as const satisfies readonly Module[];

/** The Modules group (G2): the nine modules on or off for every account (accounts may have exceptions, G3). */
export function renderModules(view: SettingsView): TemplateResult {
  const t = view.t;
  const on = new Set(view.modules);
  return html`<section part="group" aria-labelledby="modules-title">
    <h3 id="modules-title">${t('modules.title')}</h3>
    <p class="hint">${t('modules.hint')}</p>
    <form novalidate data-group="modules" @submit=${(event: Event) => submit(event, view)}>
      <fieldset class="bare" ?disabled=${!view.editable('modules')}>
        <ul part="modules" class="modules" aria-labelledby="modules-title">
          ${MODULE_ORDER.map(
            (module) => html`<li part="module" data-module=${module}>
              ${renderSwitch({
                id: `module-${module}`,
                label: t(`module.${module}` as SettingsKey),
                hint: hintOf(view, module, on.has(module)),
                checked: on.has(module),
                change: (checked) => view.setModule(module, checked),
              })}
            </li>`,
          )}
        </ul>
      </fieldset>
      ${renderActions(view, 'modules')}
    </form>
  </section>`;
}

function hintOf(view: SettingsView, module: Module, on: boolean): string {
  const t = view.t;
  const description = t(`module.${module}.hint` as SettingsKey);
  if (!(MODULES_WITH_OPTIONS as readonly Module[]).includes(module)) return description;
  return `${description} ${on ? t('modules.options-below') : t('modules.options-when-on')}`;
}

function submit(event: Event, view: SettingsView) {
  event.preventDefault();
  view.submit('modules');
}
