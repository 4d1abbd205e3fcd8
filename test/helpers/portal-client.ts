import type { TestServer } from './server.ts';

/** Calls `/api/portal/auth/…` as a widget of one tenant would, keeping the refresh cookie like a browser. */
export class PortalClient {
  cookie?: string;
  constructor(
    private readonly server: TestServer,
    readonly tenantSlug: string,
  ) {}

  async call(method: string, path: string, options: { body?: unknown; token?: string; cookie?: string } = {}): Promise<Response> {
    const headers: Record<string, string> = { 'X-Portal-Tenant': this.tenantSlug };
    if (options.body !== undefined) headers['Content-Type'] = 'application/json';
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    const cookie = options.cookie ?? this.cookie;
    if (cookie) headers.Cookie = cookie;
    const response = await this.server.request(`/api/portal/auth${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const set = response.headers.getSetCookie().find((line) => line.startsWith('__Host-portico_rt_'));
    if (set && options.cookie === undefined) this.cookie = /max-age=0/i.test(set) ? undefined : set.split(';')[0];
    return response;
  }

  post(path: string, body?: unknown, options: { token?: string; cookie?: string } = {}): Promise<Response> {
    return this.call('POST', path, { ...options, body: body ?? {} });
  }

  get(path: string, token: string): Promise<Response> {
    return this.call('GET', path, { token });
  }
}

/** The body of an answer without what differs on every request, to compare two answers. */
export async function comparable(response: Response): Promise<unknown> {
  const body = (await response.json()) as Record<string, unknown>;
  delete body.requestId;
  return { status: response.status, body };
}

/** The link token from a captured mail's text. */
export function linkToken(text: string): string {
  const match = /#portico-link=([\w-]{43})/.exec(text);
  if (!match) throw new Error(`no link in mail:\n${text}`);
  return match[1]!;
}

/** The 6-digit code from a captured mail's text. */
export function mailedCode(text: string): string {
  const match = /\b(\d{6})\b/.exec(text);
  if (!match) throw new Error(`no code in mail:\n${text}`);
  return match[1]!;
}
