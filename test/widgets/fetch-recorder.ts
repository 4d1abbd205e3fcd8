/// <reference types="mocha" />

/** A request the API client made, as `fetch` received it. */
export interface SentRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: unknown;
  /** Whether the request outlives the page (`keepalive`). */
  keepalive?: boolean;
  credentials?: RequestCredentials;
}

/**
 * Replaces `window.fetch` for each test of the current `describe`: every call is recorded in `sent`, and answered by
 * `answer` (set it in the test). The real `fetch` comes back after each test.
 */
export function recordFetch(): { sent: SentRequest[]; answer: () => Response } {
  const recorder = { sent: [] as SentRequest[], answer: (): Response => new Response(null, { status: 204 }) };
  const realFetch = window.fetch;
  beforeEach(() => {
    recorder.sent = [];
    window.fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
      recorder.sent.push({ url: String(input), method: init.method ?? 'GET', headers: init.headers as Record<string, string>, body: init.body ? JSON.parse(String(init.body)) : undefined, keepalive: init.keepalive, credentials: init.credentials });
      return recorder.answer();
    };
  });
  afterEach(() => (window.fetch = realFetch));
  return recorder;
}

/** An answer with a JSON body. */
export const jsonAnswer = (body: unknown, status = 200) => () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
