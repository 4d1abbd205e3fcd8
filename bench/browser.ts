import { createServer, type Server } from 'node:http';
import { chromium, type Page } from 'playwright-core';
import { builtChunks } from './bundle.ts';
import { freePort, spread } from './processes.ts';
import { startPortico } from './http.ts';

export interface BrowserFigures {
  /** 4: widget script response → first render, as a ratio of the bare Lit element's. */
  firstRender: { ratio: ReturnType<typeof spread>; widgetMs: ReturnType<typeof spread>; controlMs: ReturnType<typeof spread> };
  /** 5: long tasks (> 50 ms) and layout shift the widget page has beyond the control page (max over rounds). */
  longTasksAdded: number;
  layoutShiftAdded: number;
}

/** Runs in the page before anything else: notes when `tag` first draws, the long tasks and the layout shifts. */
const PROBE = (tag: string, script: string) => `
  window.__probe = { longTasks: 0, shift: 0, rendered: null };
  new PerformanceObserver((list) => { window.__probe.longTasks += list.getEntries().length; }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.__probe.shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
  (function look() {
    const element = document.querySelector(${JSON.stringify(tag)});
    // Drawn: something in its shadow root, or (portal-login keeps its forms in the page's DOM) in its light DOM.
    const drawn = element && ((element.shadowRoot && element.shadowRoot.querySelector('*:not(style)')) || element.querySelector('form, button, p'));
    if (drawn) {
      const entry = performance.getEntriesByType('resource').find((e) => e.name.endsWith(${JSON.stringify(script)}));
      window.__probe.rendered = performance.now() - (entry ? entry.responseEnd : 0);
    } else requestAnimationFrame(look);
  })();
`;

async function measure(page: Page, url: string, tag: string, script: string): Promise<{ renderMs: number; longTasks: number; shift: number }> {
  await page.addInitScript(PROBE(tag, script));
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => (window as unknown as { __probe: { rendered: number | null } }).__probe.rendered !== null, undefined, { timeout: 60_000 });
  // Let what follows the first render (data, fonts) settle, so its long tasks and shifts count too.
  await page.waitForTimeout(1500);
  const probe = await page.evaluate(() => (window as unknown as { __probe: { rendered: number; longTasks: number; shift: number } }).__probe);
  return { renderMs: probe.rendered, longTasks: probe.longTasks, shift: probe.shift };
}

/**
 * Two pages alike but for what they load, served from memory by the same server: the control (the bare Lit element,
 * its bundle built by the project's Vite config) and the host (Portico's login widget with the one embed script).
 */
async function hostSite(): Promise<{ url: string; port: number; server: Server; setPortico(url: string): void }> {
  const chunks = await builtChunks({ hello: 'bench/fixtures/hello-lit.ts' });
  let portico = '';
  const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title></head><body><main>${body}</main></body></html>`;
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0]!.slice(1);
    if (path === 'control.html') return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(page('<hello-lit></hello-lit><script type="module" src="/hello.js"></script>'));
    if (path === 'widget.html') {
      return void response.writeHead(200, { 'Content-Type': 'text/html' }).end(page(`<portal-login></portal-login><script type="module" src="${portico}/embed.js" data-tenant="clinica-sol"></script>`));
    }
    const chunk = chunks.get(path);
    if (!chunk) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(chunk.code);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${port}/`, port, server, setPortico: (url) => void (portico = url) };
}

/**
 * Figures 4 and 5: the demo's login widget on a host page against the control page, interleaved, each in a fresh
 * page with the CPU throttled 4× (Chrome DevTools Protocol).
 */
export async function browserFigures(options: { rounds: number }, say: (line: string) => void): Promise<BrowserFigures> {
  const host = await hostSite();
  // The bench's host page is one more site allowed to embed the demo portal.
  const portico = await startPortico(undefined, { PORTICO_DEMO_ORIGINS: `http://127.0.0.1:${host.port}` });
  host.setPortico(portico.url);
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const ratio: number[] = [];
    const widgetMs: number[] = [];
    const controlMs: number[] = [];
    let longTasksAdded = 0;
    let layoutShiftAdded = 0;
    const run = async (url: string, tag: string, script: string) => {
      const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      try {
        return await measure(page, url, tag, script);
      } finally {
        await context.close();
      }
    };
    for (let round = 1; round <= options.rounds; round++) {
      const base = await run(`${host.url}control.html`, 'hello-lit', '/hello.js');
      const widget = await run(`${host.url}widget.html`, 'portal-login', '/embed.js');
      controlMs.push(base.renderMs);
      widgetMs.push(widget.renderMs);
      ratio.push(widget.renderMs / Math.max(base.renderMs, 0.1));
      longTasksAdded = Math.max(longTasksAdded, widget.longTasks - base.longTasks);
      layoutShiftAdded = Math.max(layoutShiftAdded, widget.shift - base.shift);
      say(`  round ${round}: first render ${widget.renderMs.toFixed(1)} ms (control ${base.renderMs.toFixed(1)} ms), long tasks ${widget.longTasks}/${base.longTasks}, CLS ${widget.shift.toFixed(3)}`);
    }
    return { firstRender: { ratio: spread(ratio), widgetMs: spread(widgetMs), controlMs: spread(controlMs) }, longTasksAdded, layoutShiftAdded };
  } finally {
    await browser.close();
    host.server.close();
    await portico.stop();
  }
}
