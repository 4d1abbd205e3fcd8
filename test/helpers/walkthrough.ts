import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { axeViolations } from './axe.ts';
import { watchForErrors } from './browser.ts';

/** Where the walk-throughs leave their screenshots: test output, not committed (see .gitignore). */
export const WALKTHROUGH_OUTPUT = fileURLToPath(new URL('../e2e/output/', import.meta.url));

/**
 * One reader of a help-centre article, walking through it on the demo. It watches the page for what a reader would
 * notice went wrong — a console error, an uncaught error, a request that failed or answered 5xx — and `step()`
 * checks the page with axe and keeps a screenshot of the step. `finish()` fails the test on anything collected.
 */
export interface Walkthrough {
  page: Page;
  /** Checks accessibility as the page is now, saves `<article>-<nn>-<name>.png`, and fails on any violation. */
  step(name: string): Promise<void>;
  /** Fails on any console error, page error or failed request seen since the start; closes the context. */
  finish(): Promise<void>;
}

export interface WalkthroughOptions {
  /** Failed requests that are expected (e.g. a 4xx the step provokes on purpose), matched against "STATUS URL". */
  expectedFailures?: RegExp[];
}

export async function startWalkthrough(context: BrowserContext, article: string, options: WalkthroughOptions = {}): Promise<Walkthrough> {
  await mkdir(WALKTHROUGH_OUTPUT, { recursive: true });
  const page = await context.newPage();
  const problems = watchForErrors(page);
  const expected = options.expectedFailures ?? [];
  const isExpected = (line: string) => expected.some((pattern) => pattern.test(line));
  page.on('requestfailed', (request) => {
    const line = `failed ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`;
    // A download or a navigation away aborts the request that started it: that is not a failure the reader sees.
    if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
    if (!isExpected(line)) problems.push(`request: ${line}`);
  });
  let expectedSeen = 0;
  page.on('response', (response) => {
    const line = `${response.status()} ${response.url()}`;
    if (response.status() >= 400 && isExpected(line)) expectedSeen += 1;
    if (response.status() >= 500 && !isExpected(line)) problems.push(`response: ${line}`);
  });
  let count = 0;
  return {
    page,
    async step(name) {
      count += 1;
      const file = `${article}-${String(count).padStart(2, '0')}-${name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`;
      await page.screenshot({ path: join(WALKTHROUGH_OUTPUT, file), fullPage: true });
      assert.deepEqual(await axeViolations(page), [], `accessibility violations at step "${name}"`);
    },
    async finish() {
      // The browser logs "Failed to load resource" for every 4xx: as many of those lines are excused as there were
      // expected failures, so an unexpected 4xx elsewhere still fails the walk-through.
      let excused = expectedSeen;
      const unexpected = problems.filter((line) => !(line.startsWith('console: Failed to load resource') && excused-- > 0));
      await context.close();
      assert.deepEqual(unexpected, [], 'the walk-through saw errors');
    },
  };
}
