import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** axe-core, for the static server to serve at AXE_PATH (see serveDirectory's `extra`). */
export const AXE_FILE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
export const AXE_PATH = '/__test__/axe.min.js';

/**
 * One story to check: its id, then the toolbar globals to switch it to in place, as a designer does from the toolbar
 * (`{ brand: 'random-42', scheme: 'dark' }`); each set of globals is checked again.
 */
export interface StoryCheck {
  baseUrl: string;
  id: string;
  switchTo: Record<string, string>[];
}

/** How long Storybook may take to render a story (or show its error) before the story counts as broken. */
const RENDER_LIMIT_MS = 30_000;
/**
 * A docs page renders every story of an element at once: the appointments page takes ≈ 7 s alone on an idle
 * machine and went past 30 s in CI with four pages at once on a loaded machine. The limit only catches a page that
 * never finishes, so it is generous.
 */
const DOCS_RENDER_LIMIT_MS = 120_000;
/** How long a rendered story may keep changing before it is checked as it is then (a poll loop never settles). */
const SETTLE_LIMIT_MS = 6000;
/** How long the story must stay unchanged, with no short timer pending, to count as settled. */
const QUIET_MS = 100;

interface Tracking {
  __pendingTimers: Set<number>;
  __lastChange: number;
  __rerendered?: boolean;
  __STORYBOOK_ADDONS_CHANNEL__?: { once(event: string, listener: () => void): void; emit(event: string, data: unknown): void };
  __STORYBOOK_PREVIEW__?: { currentRender?: { phase?: string; story?: { parameters?: { expectedConsoleErrors?: string[] } } } };
}

/**
 * Installed before the page's scripts: notes the last change to the DOM (shadow roots included) and counts the short
 * timers pending (a story's scripted steps wait on `setTimeout`), so "settled" means "nothing scheduled and nothing
 * changing", not a fixed sleep.
 */
function trackActivity() {
  const tracking = window as unknown as Window & Tracking;
  const pending = new Set<number>();
  tracking.__pendingTimers = pending;
  tracking.__lastChange = performance.now();
  const changed = new MutationObserver(() => (tracking.__lastChange = performance.now()));
  const watch = (root: Node) => changed.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  watch(document);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (this: Element, init: ShadowRootInit) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
  const { setTimeout: set, clearTimeout: clear } = window;
  window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]) => {
    if (typeof handler !== 'function' || (delay ?? 0) > 1000) return set(handler, delay, ...rest);
    const id: number = set(
      (...values: unknown[]) => {
        pending.delete(id);
        (handler as (...v: unknown[]) => void)(...values);
      },
      delay,
      ...rest,
    );
    pending.add(id);
    return id;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined) pending.delete(id);
    clear(id);
  }) as typeof window.clearTimeout;
}

/** Whether Storybook finished the story (or shows an error) and nothing changed or is scheduled for `quiet` ms. */
function settled(quiet: number): boolean {
  const tracking = window as unknown as Window & Tracking;
  if (document.body.classList.contains('sb-show-errordisplay')) return true;
  const finished = tracking.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished' && tracking.__rerendered !== false;
  if (!finished || tracking.__pendingTimers.size > 0) {
    tracking.__lastChange = performance.now();
    return false;
  }
  return performance.now() - tracking.__lastChange >= quiet;
}

/** Whether Storybook has finished the story (or shows an error). */
function rendered(): boolean {
  const tracking = window as unknown as Window & Tracking;
  if (document.body.classList.contains('sb-show-errordisplay')) return true;
  return tracking.__STORYBOOK_PREVIEW__?.currentRender?.phase === 'finished' && tracking.__rerendered !== false;
}

/** What the story ended as: Storybook's error display, whether it rendered, and the console errors it expects. */
function outcome() {
  const tracking = window as unknown as Window & Tracking;
  const render = tracking.__STORYBOOK_PREVIEW__?.currentRender;
  return {
    error: document.body.classList.contains('sb-show-errordisplay') ? (document.getElementById('error-message')?.textContent ?? 'error display') : '',
    phase: render?.phase ?? 'none',
    rendered: Boolean(document.getElementById('storybook-root')?.firstElementChild),
    expectedConsoleErrors: render?.story?.parameters?.expectedConsoleErrors ?? [],
  };
}

/** axe on the story, as the accessibility panel runs it: the page body without Storybook's own parts. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ url: AXE_PATH });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] };
    const { axe } = window as unknown as { axe: { run: (context: object, options: object) => Promise<Result> } };
    const context = { include: document.body, exclude: ['.sb-wrapper', '#storybook-docs', '#storybook-highlights-root'] };
    const result = await axe.run(context, { resultTypes: ['violations'], rules: { region: { enabled: false } } });
    return result.violations.flatMap((violation) =>
      violation.nodes.map((node) => `axe ${violation.id} (${violation.help}) at ${JSON.stringify(node.target)}${node.failureSummary ? `: ${node.failureSummary.replace(/\s+/g, ' ').slice(0, 240)}` : ''}`),
    );
  });
}

/** Switches the story's toolbar globals in place; `settled` then waits for the story to render again. */
function switchGlobals(globals: Record<string, string>) {
  const tracking = window as unknown as Window & Tracking;
  tracking.__rerendered = false;
  tracking.__STORYBOOK_ADDONS_CHANNEL__!.once('storyFinished', () => (tracking.__rerendered = true));
  tracking.__STORYBOOK_ADDONS_CHANNEL__!.emit('updateGlobals', { globals });
}

/** Waits for the story to settle, then returns what is wrong with it as it is: errors, axe violations. */
async function inspect(page: Page, consoleErrors: string[]): Promise<string[]> {
  // Rendering has a generous limit (a loaded machine is slow); a story that then never stops changing (a poll loop)
  // is checked as it is when the settling limit is reached.
  await page.waitForFunction(rendered, undefined, { polling: 50, timeout: RENDER_LIMIT_MS }).catch(() => {});
  await page.waitForFunction(settled, QUIET_MS, { polling: 50, timeout: SETTLE_LIMIT_MS }).catch(() => {});
  const story = await page.evaluate(outcome);
  const expected = (text: string) => story.expectedConsoleErrors.some((part) => text.includes(part));
  const problems = consoleErrors.splice(0).filter((text) => !expected(text)).map((text) => `console error: ${text.slice(0, 500)}`);
  if (story.error) problems.push(`Storybook shows an error: ${story.error.trim().slice(0, 300)}`);
  else if (story.phase !== 'finished' || !story.rendered) problems.push(`did not render within ${RENDER_LIMIT_MS / 1000} s (phase ${story.phase})`);
  else problems.push(...(await axeViolations(page)));
  return problems;
}

const prepared = new WeakSet<Page>();

async function prepare(page: Page): Promise<void> {
  if (prepared.has(page)) return;
  prepared.add(page);
  // tsx compiles this file keeping function names through an `__name` helper the page does not have.
  await page.addInitScript('window.__name = (fn) => fn;');
  await page.addInitScript(trackActivity);
  // Nothing may come from the internet: a story that asks is a problem, and the request goes nowhere.
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
}

/** Console errors, page errors and requests off the machine while `work` runs on `page`. */
async function watching<T>(page: Page, work: (consoleErrors: string[], pageErrors: string[]) => Promise<T>): Promise<T> {
  await prepare(page);
  const consoleErrors: string[] = [];
  const pageErrors: string[] = [];
  const onConsole = (message: { type(): string; text(): string }) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  };
  const onPageError = (error: Error) => pageErrors.push(`page error: ${error.message.slice(0, 500)}`);
  const onRequest = (request: { url(): string }) => {
    if (new URL(request.url()).hostname !== '127.0.0.1') pageErrors.push(`request off the machine: ${request.url()}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('request', onRequest);
  try {
    return await work(consoleErrors, pageErrors);
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('request', onRequest);
  }
}

/**
 * Opens one story on a fresh page load and returns what is wrong with it — errors, requests off the machine, axe
 * violations — as written (`[0]`) and after each switch of globals (`[1…]`). A story that could not be checked at all
 * has one entry, the reason.
 */
export function checkStory(page: Page, check: StoryCheck): Promise<string[][]> {
  return watching(page, async (consoleErrors, pageErrors) => {
    const results: string[][] = [];
    try {
      // The accessibility panel's own run is switched off: this check runs axe once the story has settled.
      await page.goto(`${check.baseUrl}/iframe.html?id=${encodeURIComponent(check.id)}&viewMode=story&globals=a11y.manual:!true`);
      results.push([...(await inspect(page, consoleErrors)), ...pageErrors.splice(0)]);
      for (const globals of check.switchTo) {
        await page.evaluate(switchGlobals, globals);
        results.push([...(await inspect(page, consoleErrors)), ...pageErrors.splice(0)]);
      }
    } catch (error) {
      results.push([`could not be checked: ${(error as Error).message.split('\n')[0]}`]);
    }
    return results;
  });
}

/** Whether a docs page has rendered, with every story on it finished, nothing scheduled and nothing changing. */
function docsSettled(quiet: number): boolean {
  const tracking = window as unknown as Window & Tracking & { __STORYBOOK_PREVIEW__?: { storyRenders?: { phase?: string }[] } };
  const renders = tracking.__STORYBOOK_PREVIEW__?.storyRenders ?? [];
  const finished = Boolean(document.querySelector('#storybook-docs .sbdocs-content')) && renders.length > 0 && renders.every((render) => render.phase === 'finished');
  if (!finished || tracking.__pendingTimers.size > 0) {
    tracking.__lastChange = performance.now();
    return false;
  }
  return performance.now() - tracking.__lastChange >= quiet;
}

/** The console errors the stories on a docs page expect (their `expectedConsoleErrors` parameters). */
function docsExpectedErrors(): string[] {
  const preview = (window as unknown as { __STORYBOOK_PREVIEW__?: { storyRenders?: { story?: { parameters?: { expectedConsoleErrors?: string[] } } }[] } }).__STORYBOOK_PREVIEW__;
  return (preview?.storyRenders ?? []).flatMap((render) => render.story?.parameters?.expectedConsoleErrors ?? []);
}

/** Opens an element's docs page (every story of it at once) and returns its errors; axe is the stories' check. */
export function checkDocs(page: Page, baseUrl: string, id: string): Promise<string[]> {
  return watching(page, async (consoleErrors, pageErrors) => {
    try {
      await page.goto(`${baseUrl}/iframe.html?id=${encodeURIComponent(id)}&viewMode=docs&globals=a11y.manual:!true`);
      const done = await page.waitForFunction(docsSettled, QUIET_MS, { polling: 50, timeout: DOCS_RENDER_LIMIT_MS }).then(
        () => true,
        () => false,
      );
      const expected = await page.evaluate(docsExpectedErrors);
      const problems = consoleErrors.filter((text) => !expected.some((part) => text.includes(part))).map((text) => `console error: ${text.slice(0, 500)}`);
      if (!done) problems.push(`did not render within ${DOCS_RENDER_LIMIT_MS / 1000} s`);
      return [...problems, ...pageErrors];
    } catch (error) {
      return [`could not be checked: ${(error as Error).message.split('\n')[0]}`];
    }
  });
}
