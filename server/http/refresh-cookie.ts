import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ABSOLUTE_SECONDS } from '../features/auth/sessions.ts';

/**
 * The refresh token's cookie (SECURITY.md 12): `__Host-` prefixed, Secure, HttpOnly, SameSite=None (the widget is
 * on another site), Partitioned (CHIPS: kept per embedding site), Path=/. One per tenant, so one browser can be
 * signed in to two portals served by the same Portico.
 */
function cookieName(tenantSlug: string): string {
  return `portico_rt_${tenantSlug.replaceAll('-', '_')}`;
}

export function setRefreshCookie(c: Context, tenantSlug: string, token: string): void {
  setCookie(c, cookieName(tenantSlug), token, {
    prefix: 'host',
    secure: true,
    httpOnly: true,
    sameSite: 'None',
    partitioned: true,
    path: '/',
    maxAge: ABSOLUTE_SECONDS,
  });
}

export function readRefreshCookie(c: Context, tenantSlug: string): string | undefined {
  return getCookie(c, cookieName(tenantSlug), 'host');
}

export function clearRefreshCookie(c: Context, tenantSlug: string): void {
  deleteCookie(c, cookieName(tenantSlug), { prefix: 'host', secure: true, httpOnly: true, sameSite: 'None', partitioned: true, path: '/' });
}
