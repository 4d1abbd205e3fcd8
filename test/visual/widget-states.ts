/**
 * The widgets in their main states on fixture data (no server), for the layout checks (`test/widgets/layout-reflow.test.ts`)
 * and the screenshots (`test/visual/visual.test.ts`). Each state mounts its element into a host the caller sized and
 * waits — in rounds of Lit updates, never on a clock — until the state is on screen, failing if it never comes.
 */
import { SECTIONS } from '../../widgets/admin/sections.ts';
import { widgetChunks } from '../../widgets/registry.ts';
import { sectionStates, shellStates } from './console-states.ts';
import { portalStates } from './portal-states.ts';
import type { WidgetState } from './states-kit.ts';

export { DEFAULT_LOOK, type Look, type WidgetState } from './states-kit.ts';

/** Every state: the portal widgets, the console's shell, then its sections. */
export const WIDGET_STATES: WidgetState[] = [...portalStates, ...shellStates, ...sectionStates];

/** Every element that must have states here: each portal widget the loader knows, the console, each console section. */
export const ELEMENTS_TO_COVER: string[] = [...Object.keys(widgetChunks), 'portico-admin', ...SECTIONS.map((section) => section.tag)];

/** The state `state` of `widget` (for the screenshots, which pick a few). */
export function stateOf(widget: string, state: string): WidgetState {
  const found = WIDGET_STATES.find((candidate) => candidate.widget === widget && candidate.state === state);
  if (!found) throw new Error(`no state "${state}" of <${widget}> in test/visual/widget-states.ts`);
  return found;
}
