import { consume } from '@lit/context';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type LinkInfo, type SessionAnswer } from '../core/api-client.ts';
import { portalContext, type PortalRuntime } from '../core/context.ts';
import { define } from '../core/define.ts';
import { coreMessages, translator, type Translate } from '../core/i18n.ts';
import { loginMessages, type LoginMessageKey } from './messages.ts';
import { installLoginStyles } from './portal-login.styles.ts';
import { renderView, type View, type ViewContext } from './views.ts';

type Key = LoginMessageKey | keyof (typeof coreMessages)['en'];
const messages = {
  en: { ...coreMessages.en, ...loginMessages.en },
  'pt-BR': { ...coreMessages['pt-BR'], ...loginMessages['pt-BR'] },
  es: { ...coreMessages.es, ...loginMessages.es },
};

/** Detail of `portal-signed-in`. */
export interface SignedInDetail {
  email: string | null;
  scope: 'full' | 'profile' | 'process';
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
let instances = 0;

/**
 * Every way into the portal (A1–A8, A10): sign in, forgotten password, first access, registration with an e-mailed
 * code, quick access by process number, landing from an e-mailed link, the account picker, and the signed-in state.
 * Inputs live in the light DOM inside real forms, so browsers and password managers fill them.
 *
 * Being in the light DOM, it has no shadow parts: its stylesheet uses zero-specificity selectors, so the page restyles
 * it with plain CSS on these classes — `.pl-panel` (the box), `.pl-field` / `.pl-field-error` / `.pl-hint` (a field,
 * its error and hint), `.pl-alert` (what went wrong), `.pl-primary` (the main button), `.pl-link` / `.pl-links` (the
 * other ways in), `.pl-accounts` / `.pl-account` (the account picker), `.pl-status` (the signed-in state) — and
 * through the global `--portal-*` tokens.
 * @summary Sign-in for the portal's clients.
 * @event portal-signed-in - a session began; `detail.email`, `detail.scope`.
 * @event portal-signed-out - the session ended.
 */
export class PortalLogin extends LitElement {
  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;
  /**
   * The form shown to a signed-out visitor: `sign-in` (default), `forgot`, `first-access`, `code-request` or
   * `quick-access` — a page may open the one its own link promised.
   */
  @property({ reflect: true }) view: View = 'sign-in';
  @state() private busy = false;
  @state() private alert = '';
  @state() private fieldErrors: Record<string, string> = {};
  @state() private email = '';
  @state() private link?: { token: string; info?: LinkInfo; checked?: boolean };

  private readonly idPrefix = `pl${++instances}`;
  private focusAfterRender: 'error' | 'heading' | undefined;
  private lastStatus?: string;

  protected override createRenderRoot() {
    installLoginStyles(this.ownerDocument);
    return this;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.takeLinkFromAddress();
  }

  /** An e-mailed link lands here as `#portico-link=<token>`: keep the token, take it out of the address bar. */
  private takeLinkFromAddress() {
    const match = /(?:^#|&)portico-link=([\w-]{43})/.exec(location.hash);
    if (!match) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    this.link = { token: match[1]! };
    this.view = 'link';
  }

  protected override updated(changed: PropertyValues) {
    if (changed.has('portal')) this.handleSessionChange();
    if (this.view === 'link' && this.link && !this.link.checked && this.portal && this.portal.session.status !== 'restoring') void this.inspectLink();
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (focus === 'error') (this.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.querySelector<HTMLElement>('.pl-alert'))?.focus();
    if (focus === 'heading') this.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Announces the session's changes to the host page (and returns to the sign-in form after a sign-out). */
  private handleSessionChange() {
    const status = this.portal?.session.status;
    if (status === this.lastStatus) return;
    const before = this.lastStatus;
    this.lastStatus = status;
    if (status === 'signed-out' && (before === 'signed-in' || before === 'quick-access')) {
      this.view = 'sign-in';
      this.focusAfterRender = 'heading';
      this.dispatchEvent(new CustomEvent('portal-signed-out', { bubbles: true, composed: true }));
    }
    // A session restored after a reload is announced too, so the host page can react to it.
    const session = this.portal?.session;
    if ((before === undefined || before === 'restoring') && (session?.status === 'signed-in' || session?.status === 'quick-access')) {
      const detail: SignedInDetail = session.status === 'signed-in' ? { email: session.user.email, scope: session.scope } : { email: null, scope: 'process' };
      this.dispatchEvent(new CustomEvent<SignedInDetail>('portal-signed-in', { detail, bubbles: true, composed: true }));
    }
  }

  override render() {
    const t = translator(messages, this.portal?.locale ?? 'pt-BR') as Translate<Key>;
    const session = this.portal?.session ?? { status: 'restoring' as const };
    const context: ViewContext = {
      t,
      id: (name) => `${this.idPrefix}-${name}`,
      busy: this.busy,
      alert: this.alert,
      fieldErrors: this.fieldErrors,
      email: this.email,
      link: this.link,
      hasProcesses: this.portal?.tenant.status === 'ready' && this.portal.tenant.tenant.modules.includes('processes'),
      go: (view) => this.go(view),
      submit: (event) => void this.handleSubmit(event),
      chooseAccount: (id) => void this.handleChooseAccount(id),
      signOut: () => void this.portal?.signOut(),
    };
    let content: TemplateResult;
    if (this.portal?.tenant.status === 'error' && this.portal.tenant.error.code === 'tenant_not_found') {
      // A closed (or unknown) portal: no form that could only fail, and no link that could be spent.
      content = html`<p role="status">${t('error.tenant_not_found')}</p>`;
    } else if (this.view === 'link' && this.link && this.portal) {
      // An e-mailed link is dealt with even by someone already signed in (a reset, an activation).
      content = renderView('link', context, session);
    } else if (session.status === 'restoring' || !this.portal) {
      content = html`<p role="status">${t('loading')}</p>`;
    } else if (session.status === 'signed-in' && (this.view === 'accounts' || (session.accountId === null && session.accounts.length > 1))) {
      content = renderView('accounts', context, session);
    } else if (session.status === 'signed-in' || session.status === 'quick-access') {
      content = renderView('signed-in', context, session);
    } else {
      content = renderView(this.view, context, session);
    }
    return html`<section class="pl-panel" lang=${this.portal?.locale ?? nothing}>${content}</section>`;
  }

  private go(view: View) {
    this.view = view;
    this.alert = '';
    this.fieldErrors = {};
    this.focusAfterRender = 'heading';
  }

  /** Looks at the link once (without spending it); a dead one shows what to do instead. */
  private async inspectLink() {
    const link = (this.link = { ...this.link!, checked: true });
    await this.run(async () => {
      this.link = { ...link, info: await this.portal!.api.inspectLink(link.token) };
    });
  }

  /** One submit handler for every form: the form's `data-view` says which flow it is. */
  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || !this.portal) return;
    const form = event.target as HTMLFormElement;
    const data = Object.fromEntries(new FormData(form)) as Record<string, string>;
    if (data.email !== undefined) this.email = data.email.trim();
    const errors = this.check(data);
    if (Object.keys(errors).length) return this.fail('', errors);
    const api = this.portal.api;
    await this.run(async () => {
      switch (this.view) {
        case 'sign-in':
          return this.signedIn(await api.signIn(this.email, data.password!));
        case 'forgot':
          await api.forgotPassword(this.email);
          return this.go('sent');
        case 'first-access':
          await api.firstAccess(this.email);
          return this.go('sent');
        case 'code-request':
          await api.requestCode(this.email);
          return this.go('code-enter');
        case 'code-enter':
          return this.signedIn(await api.register(this.email, data.code!.replace(/\D/g, ''), data['new-password']!));
        case 'quick-access': {
          const answer = await api.quickAccess(data.number!.replace(/\D/g, ''), data['access-key']!.trim());
          this.portal!.quickAccessOpened(answer);
          return this.announce({ email: null, scope: 'process' });
        }
        case 'link':
          return this.signedIn(await api.redeemLink(this.link!.token, data['new-password'] || undefined));
      }
    });
  }

  private check(data: Record<string, string>): Record<string, LoginMessageKey> {
    const errors: Record<string, LoginMessageKey> = {};
    if (data.email !== undefined && !EMAIL.test(data.email.trim())) errors.email = 'error.email';
    if (data.password !== undefined && !data.password) errors.password = 'error.required';
    if (data.code !== undefined && !/^\d{6}$/.test(data.code.replace(/\D/g, ''))) errors.code = 'error.code';
    if (data.number !== undefined && !/^\d{10}$/.test(data.number.replace(/\D/g, ''))) errors.number = 'error.process-number';
    if (data['access-key'] !== undefined && !data['access-key'].trim()) errors['access-key'] = 'error.required';
    if (data['new-password'] !== undefined) {
      if ([...data['new-password']].length < 8) errors['new-password'] = 'error.password_too_short';
      else if (data['new-password'] !== data['repeat-password']) errors['repeat-password'] = 'error.passwords_differ';
    }
    return errors;
  }

  /** Runs a call with the button busy (no double submit), turning its failure into messages next to the fields. */
  private async run(work: () => Promise<void>) {
    this.busy = true;
    this.alert = '';
    this.fieldErrors = {};
    try {
      await work();
    } catch (error) {
      this.showError(error instanceof ApiError ? error : new ApiError('generic', 0, String(error)));
    } finally {
      this.busy = false;
    }
  }

  private showError(error: ApiError) {
    const field: Record<string, string> = {
      password_required: 'new-password',
      password_too_short: 'new-password',
      password_too_long: 'new-password',
      password_too_common: 'new-password',
      invalid_code: 'code',
    };
    const key = (error.code === 'password_required' ? 'error.required' : `error.${error.code}`) as LoginMessageKey;
    if (field[error.code]) return this.fail('', { [field[error.code]!]: key });
    // The server names the fields it refused: show each message next to its field.
    const named = error.fields.filter((f) => this.querySelector(`[name="${CSS.escape(f.path)}"]`));
    if (error.code === 'invalid_input' && named.length) return this.fail('', Object.fromEntries(named.map((f) => [f.path, 'error.invalid_input'])));
    const known = key in loginMessages.en || `error.${error.code}` in coreMessages.en;
    const message = error.code === 'too_many_attempts' ? 'error.too_many_attempts' : known ? key : 'error.generic';
    this.fail(message, {}, error.retryAfter);
  }

  private fail(alertKey: string, fields: Record<string, string>, seconds?: number) {
    const t = translator(messages, this.portal?.locale ?? 'pt-BR') as Translate<Key>;
    this.alert = alertKey ? t(alertKey as Key, { seconds: seconds ?? 60 }) : '';
    this.fieldErrors = Object.fromEntries(Object.entries(fields).map(([name, key]) => [name, t(key as Key)]));
    this.focusAfterRender = 'error';
  }

  private signedIn(answer: SessionAnswer) {
    this.link = undefined;
    this.view = 'sign-in';
    this.portal!.signedIn(answer);
    this.announce({ email: answer.user?.email ?? null, scope: answer.scope });
  }

  private announce(detail: SignedInDetail) {
    this.lastStatus = this.portal?.session.status;
    this.focusAfterRender = 'heading';
    this.dispatchEvent(new CustomEvent<SignedInDetail>('portal-signed-in', { detail, bubbles: true, composed: true }));
  }

  private async handleChooseAccount(accountId: string) {
    await this.run(async () => {
      await this.portal!.chooseAccount(accountId);
      this.view = 'sign-in';
      this.focusAfterRender = 'heading';
    });
  }
}

define('portal-login', PortalLogin);

declare global {
  interface HTMLElementTagNameMap {
    'portal-login': PortalLogin;
  }
  interface GlobalEventHandlersEventMap {
    'portal-signed-in': CustomEvent<SignedInDetail>;
    'portal-signed-out': CustomEvent<void>;
  }
}
