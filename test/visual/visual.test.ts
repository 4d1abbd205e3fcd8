/// <reference types="mocha" />
/**
 * Visual baselines: key states of the portal and the console, for both demo brands in light and the clinic in dark,
 * compared in Chromium with the committed PNGs in `test/visual/baselines/` (pixelmatch; see web-test-runner.config.mjs
 * for the tolerance). A failure writes the new screenshot and a diff image to `test/visual/failed/` (not committed).
 *
 * After an intended change of look, regenerate the baselines and review them like code:
 *   UPDATE_VISUAL_BASELINES=1 npx web-test-runner test/visual/visual.test.ts
 *
 * Determinism: a fixed window and column width, the DejaVu fonts Debian's Chromium comes with (instead of whatever
 * the brand's font stack finds on the machine), reduced motion and every running animation finished, fixture data
 * with fixed dates, images decoded before the shot (Playwright hides the caret).
 */
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import { deepQueryAll, settle, type Look } from './states-kit.ts';
import { stateOf } from './widget-states.ts';

const COLUMN_WIDTH = 480;

/** The states photographed: the ones a regression in the shared styles or the palette would show first. */
const SHOTS: [widget: string, state: string][] = [
  ['portal-login', 'sign-in'],
  ['portal-billing', 'charges'],
  ['portal-appointments', 'times'],
  ['portal-profile', 'my data'],
  ['portico-admin', 'sign-in'],
  ['admin-accounts', 'accounts'],
];

const LOOKS: Look[] = [
  { brand: 'clinica-sol', scheme: 'light' },
  { brand: 'martins-castro', scheme: 'light' },
  { brand: 'clinica-sol', scheme: 'dark' },
];

/** A font every Debian Chromium has, in the brand's kind (sans for the clinic, serif for the law firm). */
const FONTS: Record<Look['brand'], string> = { 'clinica-sol': "'DejaVu Sans', sans-serif", 'martins-castro': "'DejaVu Serif', serif" };

/** Brings everything that moves to its end: CSS transitions and animations, in the document and its shadow roots. */
function stopAnimations() {
  for (const animation of document.getAnimations()) {
    try {
      animation.finish();
    } catch {
      // An endless animation (a spinner) cannot finish: it is removed instead.
      animation.cancel();
    }
  }
}

/** Takes focus off whatever has it, down through shadow roots (a widget may focus its heading once loaded). */
function blurDeepest() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  (active as HTMLElement | null)?.blur();
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

describe('visual baselines', function () {
  this.timeout(30000);

  before(async () => {
    document.body.style.margin = '0';
    await setViewport({ width: 800, height: 1000 });
    await emulateMedia({ reducedMotion: 'reduce' });
  });
  after(async () => {
    await emulateMedia({ reducedMotion: 'no-preference' });
    document.documentElement.style.fontSize = '';
  });

  for (const look of LOOKS) {
    for (const [widget, state] of SHOTS) {
      const name = `${widget}--${slug(state)}--${look.brand}-${look.scheme}`;
      it(name, async () => {
        const column = document.createElement('div');
        column.style.cssText = `width: ${COLUMN_WIDTH}px; padding: 16px; box-sizing: border-box; background: var(--portal-color-surface, #fff); --portal-font-family: ${FONTS[look.brand]};`;
        document.body.append(column);
        try {
          const element = await stateOf(widget, state).mount(column, look);
          await Promise.all(deepQueryAll<HTMLImageElement>(column, 'img').map((img) => img.decode().catch(() => undefined)));
          blurDeepest();
          await settle(element);
          stopAnimations();
          await visualDiff(column, name);
        } finally {
          column.remove();
          history.replaceState(null, '', location.pathname + location.search);
        }
      });
    }
  }
});
