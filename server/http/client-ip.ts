import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The caller's IP address. `X-Forwarded-For` is believed only when the connection comes from one of the
 * configured proxies (SECURITY.md 7); then the right-most address not itself a trusted proxy is the client.
 */
export function clientIp(c: Context, trustedProxies: string[]): string {
  const peer = (() => {
    try {
      return getConnInfo(c).remote.address ?? 'unknown';
    } catch {
      return 'unknown';
    }
  })();
  if (!trustedProxies.includes(peer)) return peer;
  const forwarded = (c.req.header('X-Forwarded-For') ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  while (forwarded.length && trustedProxies.includes(forwarded.at(-1)!)) forwarded.pop();
  return forwarded.at(-1) ?? peer;
}
