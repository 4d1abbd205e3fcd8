import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { freshDatabaseEnv } from './fresh-database.ts';
import { freePort, killServer, spawnServer, waitForUrl, type ServerProcess } from './process.ts';

/** `npm start`'s server on a fresh database of the backend under test, with Chromium beside it. */
export interface DemoServer {
  server: ServerProcess;
  url: string;
  browser: Browser;
  /** Closes the browser, stops the server cleanly (SIGTERM) and drops its database. */
  stop(): Promise<void>;
}

export async function startDemoServer(env: Record<string, string> = {}): Promise<DemoServer> {
  const database = await freshDatabaseEnv();
  const server = spawnServer({ ...database.env, PORT: String(await freePort()), HOST: '127.0.0.1', ...env });
  const [url, browser] = await Promise.all([waitForUrl(server, 90_000), launchChromium()]);
  return {
    server,
    url,
    browser,
    async stop() {
      await browser.close();
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      killServer(server);
      await database.cleanup();
    },
  };
}
