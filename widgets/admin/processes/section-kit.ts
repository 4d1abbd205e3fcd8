import { css, html, type TemplateResult } from 'lit';
import { ApiError } from '../admin-api.ts';
import type { Catalog, Locale } from '../../core/i18n.ts';

/**
 * What the processes, documents and billing sections share (they manage a business's data by hand, as its
 * integration would): the problem sentences, the loading and problem states, dialog and form styles, and small
 * helpers (the console's external ids, texts in several languages, field errors of an `invalid_input` answer).
 */

const en = {
  'error.generic': 'Something went wrong. Please try again in a moment.',
  'error.network_error': 'We could not reach the server. Check your connection and try again.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.forbidden': 'Your role in the console does not allow this. Ask an owner or an admin.',
  'error.not_found': 'This item no longer exists. Reload the list to see what is current.',
  'error.invalid_input': 'Check the fields marked and try again.',
  'error.password_confirmation_required': 'This change needs your password again. Try once more and confirm it.',
  'error.rate_limited': 'Too many attempts in a short time. Wait a moment and try again.',
  'error.idempotency_in_progress': 'The same change is still being saved. Wait a moment and reload the list.',
  'error.idempotency_key_reused': 'This change clashes with an earlier one. Reload the list and try again.',
  'error.payload_too_large': 'The file is too large.',
  'error.unsupported_media_type': 'This kind of file is not accepted.',
  'field.invalid': 'Check this value.',
};
export type ProblemKey = keyof typeof en;

/** The problem sentences in the console's three languages (Spanish addresses the reader as "usted"). */
export const problemMessages: Catalog<ProblemKey> = {
  en,
  'pt-BR': {
    'error.generic': 'Algo deu errado. Tente novamente em instantes.',
    'error.network_error': 'Não foi possível falar com o servidor. Verifique sua conexão e tente de novo.',
    'error.unauthenticated': 'Sua sessão terminou. Entre novamente.',
    'error.forbidden': 'Seu papel no console não permite isto. Peça a um proprietário ou administrador.',
    'error.not_found': 'Este item não existe mais. Recarregue a lista para ver o que está em vigor.',
    'error.invalid_input': 'Confira os campos marcados e tente de novo.',
    'error.password_confirmation_required': 'Esta alteração pede sua senha de novo. Tente outra vez e confirme-a.',
    'error.rate_limited': 'Muitas tentativas em pouco tempo. Aguarde um momento e tente de novo.',
    'error.idempotency_in_progress': 'A mesma alteração ainda está sendo salva. Aguarde um momento e recarregue a lista.',
    'error.idempotency_key_reused': 'Esta alteração conflita com uma anterior. Recarregue a lista e tente de novo.',
    'error.payload_too_large': 'O arquivo é grande demais.',
    'error.unsupported_media_type': 'Este tipo de arquivo não é aceito.',
    'field.invalid': 'Confira este valor.',
  },
  es: {
    'error.generic': 'Algo salió mal. Vuelva a intentarlo en un momento.',
    'error.network_error': 'No pudimos conectar con el servidor. Revise su conexión y vuelva a intentarlo.',
    'error.unauthenticated': 'Su sesión ha terminado. Vuelva a acceder.',
    'error.forbidden': 'Su rol en la consola no permite esto. Pídalo a un propietario o administrador.',
    'error.not_found': 'Este elemento ya no existe. Recargue la lista para ver lo vigente.',
    'error.invalid_input': 'Revise los campos marcados y vuelva a intentarlo.',
    'error.password_confirmation_required': 'Este cambio requiere de nuevo su contraseña. Inténtelo otra vez y confírmela.',
    'error.rate_limited': 'Demasiados intentos en poco tiempo. Espere un momento y vuelva a intentarlo.',
    'error.idempotency_in_progress': 'El mismo cambio aún se está guardando. Espere un momento y recargue la lista.',
    'error.idempotency_key_reused': 'Este cambio choca con uno anterior. Recargue la lista y vuelva a intentarlo.',
    'error.payload_too_large': 'El archivo es demasiado grande.',
    'error.unsupported_media_type': 'Este tipo de archivo no se acepta.',
    'field.invalid': 'Revise este valor.',
  },
};

/** A section's catalogue joined to the problem sentences (its own win, so it may say "this charge" for not_found). */
export function withProblems<K extends string>(own: Catalog<K>): Catalog<K | ProblemKey> {
  const join = (locale: Locale) => ({ ...problemMessages[locale], ...own[locale] });
  return { en: join('en'), 'pt-BR': join('pt-BR'), es: join('es') };
}

/** The sentence key of a failed call in `catalog`: `error.<code>` when it has one, any 429 as "too many", else generic. */
export function problemKeyIn<K extends string>(catalog: Catalog<K>, error: unknown): K {
  if (!(error instanceof ApiError)) return 'error.generic' as K;
  if (error.status === 429) return 'error.rate_limited' as K;
  const key = `error.${error.code}`;
  return (key in catalog.en ? key : 'error.generic') as K;
}

/** Whether a failure is only the abort of a call no longer wanted. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** `one` or `other` for `count` in `locale`. */
export function pluralOf(locale: Locale, count: number): 'one' | 'other' {
  return new Intl.PluralRules(locale).select(count) === 'one' ? 'one' : 'other';
}

/**
 * The form fields an `invalid_input` answer names, by the last part of each path (`items.0.dueDate` → `dueDate`,
 * `esocial.eventType` → `esocial`): a batch of one is how these sections save, so the index says nothing.
 */
export function invalidFields(error: unknown): Set<string> {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input') return new Set();
  return new Set(error.fields.map((field) => field.path.replace(/^items\.\d+\./, '').split('.')[0]!));
}

/** An external id for what the console creates when the staff member gives none: `console-<milliseconds>`. */
export function consoleExternalId(now: Date = new Date()): string {
  return `console-${now.getTime()}`;
}

/** A text the business wrote in some of the three languages: `locale`'s, else the tenant's, else any. */
export function pickText(text: Partial<Record<Locale, string>> | null | undefined, locale: Locale, fallback: Locale = locale): string | undefined {
  if (!text) return undefined;
  return text[locale] ?? text[fallback] ?? text.en ?? text.es ?? text['pt-BR'];
}

/** The loading state: a progress bar and its words (the region around it carries `aria-busy`). */
export function renderLoading(text: string): TemplateResult {
  return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${text}</span></div>`;
}

/** A failed load: the sentence and a retry button. */
export function renderProblem(text: string, retryLabel: string, retry: () => void): TemplateResult {
  return html`<div part="error" role="alert">
    <p>${text}</p>
    <button class="secondary" type="button" @click=${retry}>${retryLabel}</button>
  </div>`;
}

/** Moves the focus to `selector` in `host`'s shadow root once it has rendered (to `fallback` when it is not there). */
export function focusLater(host: HTMLElement & { updateComplete: Promise<unknown> }, selector: string, fallback?: string): void {
  void host.updateComplete.then(() => {
    const root = host.shadowRoot;
    const target = root?.querySelector<HTMLElement>(selector) ?? (fallback ? root?.querySelector<HTMLElement>(fallback) : null);
    target?.focus();
  });
}

/** Today's calendar date where the tenant is (`YYYY-MM-DD`). */
export function todayIn(timeZone: string | undefined, now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A point in time in the staff member's language and the tenant's zone. */
export function formatInstant(iso: string, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: timeZone || undefined }).format(new Date(iso));
}

/**
 * The console's modal dialogs (native `<dialog>`: focus kept inside, Escape closes) and their forms: fieldsets,
 * choices, field errors, a dialog header with its close button. Goes after `panelStyles` (and `cardListStyles`).
 */
export const dialogStyles = css`
  dialog {
    color: var(--portal-color-on-surface);
    background: var(--portal-color-surface);
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: calc(var(--portal-space) * 2);
    width: min(38rem, calc(100vw - 1rem));
    max-width: calc(100vw - 1rem);
    max-height: calc(100dvh - 1rem);
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.45);
  }
  dialog form {
    border: 0;
    padding: 0;
  }
  .dialog-head {
    display: flex;
    align-items: flex-start;
    justify-content: space-between;
    gap: var(--portal-space);
  }
  .dialog-head h3:focus {
    outline: none;
  }
  .close {
    min-width: 2.75rem;
    font-size: 1.5rem;
    text-decoration: none;
  }
  fieldset {
    border: 1px solid var(--portal-color-border);
    border-radius: var(--portal-radius);
    padding: var(--portal-space) calc(var(--portal-space) * 1.5);
    margin: 0;
    display: grid;
    gap: var(--portal-space);
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 calc(var(--portal-space) / 2);
  }
  label.choice {
    display: flex;
    align-items: flex-start;
    gap: var(--portal-space);
    font-weight: normal;
    min-height: 2.75rem;
    padding-top: calc(var(--portal-space) / 2);
  }
  label.choice input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
    margin: 0.125rem 0 0;
    flex: none;
    accent-color: var(--portal-color-primary);
  }
  .field-error {
    color: var(--portal-color-danger);
    font-weight: 600;
    margin: 0;
  }
  .hint {
    color: var(--portal-color-muted);
    font-weight: normal;
  }
  .two {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: var(--portal-space);
  }
  [part~='error']:focus {
    outline: none;
  }
  button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
`;

/** A row of filters that wraps on a phone. */
export const filterStyles = css`
  [part~='filters'] {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 12rem), 1fr));
    gap: var(--portal-space);
    align-items: end;
  }
  [part~='filters'] admin-account-picker {
    grid-column: 1 / -1;
  }
`;
