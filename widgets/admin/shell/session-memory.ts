import { isLocale, matchLocale, type Locale } from '../../core/i18n.ts';

/** Where the chosen language is remembered (not a secret). */
export const LOCALE_STORAGE_KEY = 'portico-admin-locale';

/** The language chosen before on this browser, else the browser's own (matched to the console's), else English. */
export function rememberedLocale(): Locale {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    if (isLocale(stored)) return stored;
  } catch {
    // Storage may be refused (private mode, a policy): the browser's language then.
  }
  return matchLocale(navigator.language) ?? 'en';
}

/** Remembers the chosen language; where storage is refused, the choice holds for this page only. */
export function rememberLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Not remembered.
  }
}

const IDLE_MS = 15 * 60_000;
const MAX_SESSION_MS = 12 * 3600_000;

/**
 * Why a session probably ended (the server only says that it did): 12 hours after signing in, or 15 minutes without
 * a call. The action that finds the session ended comes right after the pause, so the longest recent pause counts.
 */
export class SessionClock {
  private signedInAt = 0;
  private lastActivity = Date.now();
  private lastGap = 0;

  signedIn(): void {
    this.signedInAt = this.lastActivity = Date.now();
    this.lastGap = 0;
  }

  /** The staff member did something (a key, a pointer). */
  acted(): void {
    const now = Date.now();
    this.lastGap = now - this.lastActivity;
    this.lastActivity = now;
  }

  endReason(): 'max' | 'idle' | 'unknown' {
    const now = Date.now();
    if (now - this.signedInAt >= MAX_SESSION_MS) return 'max';
    return Math.max(now - this.lastActivity, this.lastGap) >= IDLE_MS ? 'idle' : 'unknown';
  }
}
