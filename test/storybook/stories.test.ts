/**
 * The built Storybook in Chromium: every story renders without a console error, a page error or a request leaving
 * the machine, and axe finds no violation in it — first as written, then switched from the toolbar's globals, in place
 * as a designer does, to a random brand (a seed per story, so a few hundred brands in all) and the dark scheme: the
 * theme's contrast guarantee, and the toolbar decorator, in every state of every element.
 *
 * It builds Storybook into storybook-static/ first (as `npm run build-storybook` does, offline); with
 * STORYBOOK_STATIC=<dir> it checks that build instead. STORYBOOK_PAGES sets how many stories load at once (4, the
 * fastest on two cores: a story spends much of its time waiting on its own timers); STORYBOOK_ONLY=<text> keeps the
 * stories and docs pages whose id contains it.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { AXE_FILE, AXE_PATH, checkDocs, checkStory } from './story-check.ts';
import { serveDirectory, type StaticServer } from './static-server.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const staticDir = process.env.STORYBOOK_STATIC ?? join(root, 'storybook-static');
const pages = Number(process.env.STORYBOOK_PAGES ?? 4);

interface IndexEntry {
  id: string;
  type: 'story' | 'docs';
}

let server: StaticServer;
let browser: Browser;
let stories: string[];
let docs: string[];

function buildStorybook(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'node_modules/storybook/dist/bin/dispatcher.js'), 'build', '-o', staticDir, '--quiet'], {
      cwd: root,
      env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`storybook build failed (exit ${code})`))));
  });
}

/** A brand seed per story: the same on every run, different across stories. */
function seedFor(id: string): number {
  let hash = 2166136261;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return (hash >>> 0) % 1_000_000;
}

/** The globals of the second look at a story: a random brand of its own (a seed per story) in the dark scheme. */
function randomDark(id: string): Record<string, string> {
  return { brand: `random-${seedFor(id)}`, scheme: 'dark' };
}

/**
 * Checks every story — opened as written, then switched to `randomDark` — and every docs page, on `pages` pages at
 * once. Returns the problems of each kind, each as "<id>: <problem>".
 */
async function checkAll(): Promise<{ asWritten: string[]; randomDark: string[]; docs: string[] }> {
  const found = { asWritten: [] as string[], randomDark: [] as string[], docs: [] as string[] };
  const queue: ((page: Page) => Promise<void>)[] = [];
  const worker = async () => {
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    try {
      for (let job = queue.shift(); job; job = queue.shift()) await job(page);
    } finally {
      await context.close();
    }
  };
  for (const id of stories) {
    queue.push(async (page) => {
      const switched = randomDark(id);
      const [asWritten, random = asWritten] = await checkStory(page, { baseUrl: server.url, id, switchTo: [switched] });
      // A story that could not be checked at all has one entry, the reason, which stands for both looks.
      found.asWritten.push(...asWritten!.map((problem) => `${id}: ${problem}`));
      found.randomDark.push(...random!.map((problem) => `${id} (brand ${switched.brand}, dark): ${problem}`));
    });
  }
  for (const id of docs) {
    queue.push(async (page) => {
      found.docs.push(...(await checkDocs(page, server.url, id)).map((problem) => `${id}: ${problem}`));
    });
  }
  await Promise.all(Array.from({ length: Math.max(1, pages) }, worker));
  return { asWritten: found.asWritten.sort(), randomDark: found.randomDark.sort(), docs: found.docs.sort() };
}

let problems: Awaited<ReturnType<typeof checkAll>>;

before(async () => {
  if (!process.env.STORYBOOK_STATIC) await buildStorybook();
  server = await serveDirectory(staticDir, { [AXE_PATH]: AXE_FILE });
  const index = (await (await fetch(`${server.url}/index.json`)).json()) as { entries: Record<string, IndexEntry> };
  const entries = Object.values(index.entries).filter((entry) => !process.env.STORYBOOK_ONLY || entry.id.includes(process.env.STORYBOOK_ONLY));
  stories = entries.filter((entry) => entry.type === 'story').map((entry) => entry.id);
  docs = entries.filter((entry) => entry.type === 'docs').map((entry) => entry.id);
  browser = await launchChromium();
  const started = Date.now();
  problems = await checkAll();
  process.stdout.write(`${stories.length} stories checked twice and ${docs.length} docs pages once in ${Math.round((Date.now() - started) / 1000)} s on ${pages} pages\n`);
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('Storybook lists the stories', () => {
  assert.ok(stories.length > (process.env.STORYBOOK_ONLY ? 0 : 100), `only ${stories.length} stories in index.json`);
});

test('every story renders as written without an error and passes axe', () => {
  assert.deepEqual(problems.asWritten, [], `${problems.asWritten.length} problems in ${stories.length} stories:\n${problems.asWritten.join('\n')}`);
});

test('every story, switched to a random brand and the dark scheme from the toolbar, renders without an error and passes axe', () => {
  assert.deepEqual(problems.randomDark, [], `${problems.randomDark.length} problems in ${stories.length} stories:\n${problems.randomDark.join('\n')}`);
});

test('every docs page renders its stories without an error', () => {
  assert.deepEqual(problems.docs, [], `${problems.docs.length} problems in ${docs.length} docs pages:\n${problems.docs.join('\n')}`);
});
