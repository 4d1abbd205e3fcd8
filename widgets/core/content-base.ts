import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from './api-client.ts';
import type { ContentImage } from './content-types.ts';
import { fullAccessToken, portalContext, type PortalRuntime, sessionKeyOf } from './context.ts';
import { formatDate } from './format.ts';
import { translator, type Catalog, type Locale, type Translate } from './i18n.ts';

/**
 * What the content widgets (`<portal-news>`, `<portal-materials>`, `<portal-campaigns>`, `<portal-feedback>`) share:
 * the session they read with, their states (loading, problem), dates, images, file sizes and the strings for them.
 * One small module, so each widget's chunk carries only its own screen.
 */

const en = {
  loading: 'Loading…',
  retry: 'Try again',
  'new-tab': '(opens in a new tab)',
  'type.pdf': 'PDF',
  'type.image': 'Image ({format})',
  'error.generic': 'Something went wrong. Please try again in a moment.',
  'error.network_error': 'We could not reach the portal. Check your connection and try again.',
  'error.unauthenticated': 'Your session has ended. Please sign in again.',
  'error.forbidden': 'This session cannot see this. Sign in with your e-mail.',
  'error.not_found': 'This is no longer available. Reload the page to see what is current.',
  'error.invalid_input': 'Check what you entered and try again.',
};
export type ContentKey = keyof typeof en;

/** The shared strings; Spanish addresses the reader as "usted", as the businesses do. */
export const contentMessages: Catalog<ContentKey> = {
  en,
  'pt-BR': {
    loading: 'Carregando…',
    retry: 'Tentar de novo',
    'new-tab': '(abre em uma nova aba)',
    'type.pdf': 'PDF',
    'type.image': 'Imagem ({format})',
    'error.generic': 'Algo deu errado. Tente novamente em instantes.',
    'error.network_error': 'Não foi possível acessar o portal. Verifique sua conexão e tente de novo.',
    'error.unauthenticated': 'Sua sessão terminou. Entre novamente.',
    'error.forbidden': 'Esta sessão não pode ver isto. Entre com o seu e-mail.',
    'error.not_found': 'Isto não está mais disponível. Recarregue a página para ver o que está em vigor.',
    'error.invalid_input': 'Confira o que você preencheu e tente de novo.',
  },
  es: {
    loading: 'Cargando…',
    retry: 'Reintentar',
    'new-tab': '(se abre en una pestaña nueva)',
    'type.pdf': 'PDF',
    'type.image': 'Imagen ({format})',
    'error.generic': 'Algo salió mal. Vuelva a intentarlo en un momento.',
    'error.network_error': 'No pudimos conectar con el portal. Revise su conexión y vuelva a intentarlo.',
    'error.unauthenticated': 'Su sesión ha terminado. Vuelva a acceder.',
    'error.forbidden': 'Esta sesión no puede ver esto. Acceda con su correo electrónico.',
    'error.not_found': 'Esto ya no está disponible. Recargue la página para ver lo vigente.',
    'error.invalid_input': 'Revise lo que ha escrito y vuelva a intentarlo.',
  },
};

/** A widget's own catalogue joined to the shared strings. */
export function withContentMessages<K extends string>(own: Catalog<K>): Catalog<K | ContentKey> {
  return {
    en: { ...contentMessages.en, ...own.en },
    'pt-BR': { ...contentMessages['pt-BR'], ...own['pt-BR'] },
    es: { ...contentMessages.es, ...own.es },
  };
}

/**
 * The base of the content widgets: the page's runtime from context, the reader's language, the session's token (a
 * full client session; with `quickAccess`, a quick-access one too, A8), and what another person signing in resets.
 */
export abstract class ContentElement<K extends string> extends LitElement {
  @consume({ context: portalContext, subscribe: true }) @state() protected portal?: PortalRuntime;

  /** The widget's strings (its own and the shared ones). */
  protected abstract readonly catalog: Catalog<K | ContentKey>;
  /** Whether a quick-access session (A8) may use the widget. */
  protected readonly quickAccess: boolean = false;
  private lastSessionKey = '';

  get locale(): Locale {
    return this.portal?.locale ?? 'pt-BR';
  }
  get t(): Translate<K | ContentKey> {
    return translator(this.catalog, this.locale);
  }

  /** The token to read with, if the session may. */
  protected token(): string | undefined {
    const session = this.portal?.session;
    if (this.quickAccess && session?.status === 'quick-access') return session.accessToken;
    return fullAccessToken(this.portal);
  }
  /** Whether the reader came in by quick access (nothing is marked read for them). */
  protected isQuickAccess(): boolean {
    return this.portal?.session.status === 'quick-access';
  }
  /** Who is looking, not their token: a refreshed token reloads nothing. */
  protected sessionKey(): string {
    const session = this.portal?.session;
    if (!this.token()) return '';
    return session?.status === 'quick-access' ? `process:${session.processId}` : sessionKeyOf(this.portal);
  }
  /** Another person (or account) is looking now: drop what the previous one saw or did. */
  protected forget(): void {}

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    const key = this.sessionKey();
    if (changed.has('portal') && key !== this.lastSessionKey) {
      if (this.lastSessionKey) this.forget();
      this.lastSessionKey = key;
    }
  }

  /** The business's name, or `fallback`. */
  protected business(fallback: string): string {
    return this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.name : fallback;
  }
  /** A moment as a date in the tenant's time zone. */
  date(value: string): string {
    return formatDate(value, this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.timeZone : 'UTC', this.locale);
  }

  /** An image the server gave an address for: decorative (the title says what it is), lazy, its box reserved. */
  image(image: ContentImage | null, width: number, height: number): TemplateResult | typeof nothing {
    if (!image || !this.portal) return nothing;
    return html`<img part="image" src=${this.portal.api.resolveUrl(image.url)} alt="" width=${width} height=${height} loading="lazy" decoding="async" />`;
  }

  protected loading(): TemplateResult {
    return html`<div part="status" role="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  /** A problem in words, with "Try again" when there is something to retry. */
  protected problem(error: unknown, retry?: () => void): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.message(error)}</p>
      ${retry ? html`<button class="secondary" type="button" @click=${retry}>${this.t('retry')}</button>` : nothing}
    </div>`;
  }

  /** The translated message for a problem's code; a generic one for codes the widgets do not know. */
  protected message(error: unknown): string {
    const key = `error.${error instanceof ApiError ? error.code : 'generic'}` as ContentKey;
    return key in contentMessages.en ? this.t(key) : this.t('error.generic');
  }
}

/** What the content widgets' lists, images and rich text look alike in (after `panelStyles`). */
export const contentStyles = css`
  [part='base'] {
    gap: var(--portal-content-gap, calc(var(--portal-space) * 1.5));
    overflow-wrap: anywhere;
  }
  ul[part] {
    list-style: none;
    display: grid;
    gap: var(--portal-space);
  }
  img[part~='image'] {
    display: block;
    width: 100%;
    height: auto;
    aspect-ratio: 16 / 9;
    object-fit: cover;
    border-radius: var(--portal-radius);
    background: var(--portal-color-border);
  }
  .rich {
    display: grid;
    gap: var(--portal-space);
    line-height: 1.5;
  }
  .rich ul,
  .rich ol {
    padding-inline-start: 1.5rem;
  }
  .rich a {
    color: var(--portal-color-link);
  }
`;
