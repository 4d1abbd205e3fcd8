import { z } from 'zod';

/**
 * An e-mail address as a login (SECURITY.md: ≤ 254 characters, no CR/LF or other control characters that could
 * split a mail header), trimmed and lower-cased so one person has one login per tenant.
 */
export const email = z
  .string()
  .max(320)
  .transform((value) => value.trim().toLowerCase())
  .pipe(
    z
      .string()
      .max(254, 'must be at most 254 characters')
      // One plain address: nothing that could add a display name, a second recipient or a header (the outbox's rule).
      .regex(/^[^\s@<>,;:"()[\]\\\p{Cc}]+@[^\s@<>,;:"()[\]\\\p{Cc}]+\.[^\s@<>,;:"()[\]\\\p{Cc}]+$/u, 'must be an e-mail address'),
  );

/** A password as typed: never trimmed or truncated; its policy is checked where one is set. */
export const password = z.string().min(1).max(1024);

/** A new password: long enough, not absurdly long (the common-password check follows in the handler). */
export const newPassword = z.string().min(8, 'must have at least 8 characters').max(256, 'must have at most 256 characters');

export const signInBody = z.object({ email, password });
export const emailBody = z.object({ email });
export const registerBody = z.object({ email, code: z.string().regex(/^\d{6}$/, 'must be the 6 digits of the code'), password: newPassword });
export const linkBody = z.object({ token: z.string().regex(/^[\w-]{43}$/, 'is not a link token'), password: newPassword.optional() });
export const inspectLinkBody = z.object({ token: z.string().regex(/^[\w-]{43}$/, 'is not a link token') });
export const chooseAccountBody = z.object({ accountId: z.uuid() });
export const quickAccessBody = z.object({
  number: z.string().regex(/^\d{10}$/, 'must be the 10 digits of the process number'),
  accessKey: z.string().min(1).max(64),
});

/** An account the signed-in user reaches, as the account picker lists it (A10, A11). */
export interface ReachableAccount {
  id: string;
  name: string;
  kind: 'person' | 'company';
  /** All of the company's establishments, or only these. */
  establishments: { id: string; name: string }[] | 'all';
}

/** Who is signed in and what they reach: `GET session` and the account choice. */
export interface SessionInfo {
  scope: 'full' | 'profile' | 'process';
  user?: { id: string; email: string; locale: string | null };
  accounts?: ReachableAccount[];
  accountId?: string | null;
}

/**
 * The answer of every sign-in and refresh: a new access token with the session's info. Only these issue tokens,
 * so a stolen access token cannot be renewed without the refresh cookie.
 */
export interface SessionAnswer extends SessionInfo {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
}
