import { readFile } from 'node:fs/promises';
import { DEMO_API_TOKENS, DEMO_SIGN_INS } from '../demo/people.ts';
import { freePort, killServer, spawnServer, waitForUrl, type ServerProcess } from '../test/helpers/process.ts';

/** A demo tenant's slug. */
export type DemoTenant = keyof typeof DEMO_SIGN_INS;

/** A Portico started as `npm start` starts it, with the demo seeded, that the soak may kill. */
export interface PorticoProcess {
  url: string;
  pid: number;
  process: ServerProcess;
  /** `kill -9`: no shutdown, no flush, connections cut mid-request. */
  kill(): Promise<void>;
  /** SIGTERM and wait (a clean stop), then SIGKILL if it hangs. */
  stop(): Promise<void>;
  /** Resident memory of the process now (bytes), from /proc. */
  rss(): Promise<number>;
}

/** Starts `server/main.ts` in demo mode with `env` on top (the database, SMTP, storage …) and waits until it serves. */
export async function startPortico(env: Record<string, string>): Promise<PorticoProcess> {
  const server = spawnServer({ PORT: String(await freePort()), HOST: '127.0.0.1', NODE_ENV: 'test', PORTICO_DEMO: 'true', API_RATE_LIMIT: '1000000', ...env });
  const url = await waitForUrl(server, 180_000);
  const pid = server.child.pid!;
  return {
    url,
    pid,
    process: server,
    async kill() {
      killServer(server);
      await server.exited;
    },
    async stop() {
      server.child.kill('SIGTERM');
      await Promise.race([server.exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      killServer(server);
      await server.exited;
    },
    rss: () => rssOf(pid),
  };
}

/** Resident memory of process `pid` (bytes), from /proc/<pid>/status. */
export async function rssOf(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** A signed-in portal session of a client, as the widgets hold it. */
export interface PortalSession {
  /** The tenant's slug. */
  tenant: string;
  accessToken: string;
  /** The accounts the client reaches (the first is used for new requests). */
  accountIds: string[];
}

/** Signs the demo tenant's client in, as `<portal-login>` does. */
export function signIn(url: string, tenant: DemoTenant): Promise<PortalSession> {
  return signInAs(url, tenant, DEMO_SIGN_INS[tenant]);
}

/** Signs a client of `tenant` in with an e-mail and password, as `<portal-login>` does. */
export async function signInAs(url: string, tenant: string, credentials: { email: string; password: string }): Promise<PortalSession> {
  const response = await fetch(`${url}/api/portal/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Portal-Tenant': tenant },
    body: JSON.stringify(credentials),
  });
  if (!response.ok) throw new Error(`sign-in at ${tenant} answered ${response.status}: ${await response.text()}`);
  const answer = (await response.json()) as { accessToken: string; accounts?: { id: string }[] };
  return { tenant, accessToken: answer.accessToken, accountIds: (answer.accounts ?? []).map((account) => account.id) };
}

/** A call to the portal API with a session's token, as the widgets make it. */
export function portalCall(url: string, session: PortalSession, method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(`${url}/api/portal${path}`, {
    method,
    signal,
    headers: {
      Authorization: `Bearer ${session.accessToken}`,
      'X-Portal-Tenant': session.tenant,
      Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A call to the management API with an API token (a demo tenant's, by its slug), as the business's own systems make it. */
export function integrationCall(url: string, token: DemoTenant | (string & {}), method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${apiToken(token)}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The API token itself, or a demo tenant's when given its slug. */
export function apiToken(token: DemoTenant | (string & {})): string {
  return token in DEMO_API_TOKENS ? DEMO_API_TOKENS[token as DemoTenant] : token;
}

/** The requests whose subject starts with `prefix`, as the management API lists them: id → status. */
export async function requestsBySubject(url: string, token: string, prefix: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let before: string | null | undefined = undefined; before !== null; ) {
    const response = await integrationCall(url, token, 'GET', `/requests?limit=100${before ? `&before=${before}` : ''}`);
    if (!response.ok) throw new Error(`listing requests answered ${response.status}: ${await response.text()}`);
    const page = (await response.json()) as { items: { id: string; subject: string; status: string }[]; next: string | null };
    for (const item of page.items) if (item.subject.startsWith(prefix)) found.set(item.id, item.status);
    before = page.next;
  }
  return found;
}
