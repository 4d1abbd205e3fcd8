import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HttpAdminApi, type AdminApi, type StaffMe, type StaffSessionAnswer } from '../admin-api.ts';
import { SECTIONS } from '../sections.ts';
import '../password-dialog/admin-password-dialog.ts';
import type { AdminPasswordDialog } from '../password-dialog/admin-password-dialog.ts';
import '../sign-in/admin-sign-in.ts';
import type { AdminSignIn } from '../sign-in/admin-sign-in.ts';
import { define } from '../../core/define.ts';
import { isLocale, translator, type Locale, type Translate } from '../../core/i18n.ts';
import { baseStyles } from '../../core/shared-styles.ts';
import { shellMessages, type ShellKey } from './messages.ts';
import { shellStyles } from './portico-admin.styles.ts';
import { allowedSections, chooseSection, setupTokenOf, type ConsoleSection } from './routes.ts';
import { rememberedLocale, rememberLocale, SessionClock } from './session-memory.ts';
import { renderHeader, renderNav, renderSectionState, renderStartError, renderStarting, sectionLabel } from './views.ts';

/** Below this width (in rem) the menu folds behind a "Menu" button. */
const NARROW_REM = 48;

type Phase = 'starting' | 'start-error' | 'signed-out' | 'signed-in';
type SectionStatus = 'loading' | 'ready' | 'error';

/**
 * The staff console in one element (`/admin/`): the sign-in while signed out (or the first password of a setup link,
 * `#setup=<token>`), then a header with the business, the staff member and "Sign out", a menu of the sections the
 * member's scopes allow and the section chosen — each loaded on demand, deep-linked by the URL hash (`#users`), so
 * the back button works. It asks for the password again when the server wants it, and returns to the sign-in when
 * the session ends. On a narrow screen the menu folds behind a "Menu" button.
 * @summary The staff console: sign-in, menu and sections.
 * @slot sign-in - `<admin-sign-in>`; the element adds one itself (in the light DOM, where password managers see it).
 * @csspart base - everything.
 * @csspart header - the business's name, the staff member, the language and "Sign out".
 * @csspart brand - the business's name (the console's while signed out).
 * @csspart tools - who is signed in, the language and "Sign out".
 * @csspart me - who is signed in, and their role.
 * @csspart language - the language select.
 * @csspart sign-out - the "Sign out" button.
 * @csspart layout - the menu beside the section.
 * @csspart nav - the menu.
 * @csspart nav-toggle - the "Menu" button of a narrow screen.
 * @csspart nav-list - the menu's list.
 * @csspart nav-link - one menu entry (`aria-current="page"` on the section shown).
 * @csspart main - the section shown, or the sign-in.
 * @csspart notice - why another section than the one asked for is shown.
 * @csspart status - a section loading.
 * @csspart error - what could not be done, with "Try again".
 * @cssprop --portico-admin-nav-width - the menu's width on a wide screen.
 * @cssprop --portico-admin-max-width - the console's widest extent.
 */
export class PorticoAdmin extends LitElement {
  static override styles = [baseStyles, shellStyles];

  /** The console's client (the real one by default; tests and stories hand in a fixture). */
  @property({ attribute: false }) api: AdminApi = new HttpAdminApi();
  /** The console's language: the one chosen before, else the browser's. */
  @property({ reflect: true }) locale: Locale = rememberedLocale();
  /** Pre-fills the sign-in's portal field (the page passes `?tenant=`). */
  @property() tenant = '';
  /** The sections to offer (the registry of `sections.ts`; tests may pass others). */
  @property({ attribute: false }) sections: readonly ConsoleSection[] = SECTIONS;

  @state() private phase: Phase = 'starting';
  @state() private me?: StaffMe;
  @state() private current?: ConsoleSection;
  @state() private sectionStatus: SectionStatus = 'loading';
  @state() private unavailable = false;
  @state() private narrow = false;
  @state() private menuOpen = false;
  @state() private signingOut = false;
  @state() private signOutError = '';

  private signIn!: AdminSignIn;
  private startedWith?: AdminApi;
  private setupToken?: string;
  private readonly elements = new Map<string, HTMLElement>();
  private focusAfterRender?: 'section' | 'sign-in' | 'nav-toggle';
  private readonly clock = new SessionClock();
  // The change of layout waits for the next frame: changing it inside the observer's callback would loop.
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const width = entries[0]!.contentRect.width;
    requestAnimationFrame(() => this.handleResize(width));
  });

  private get t(): Translate<ShellKey> {
    return translator(shellMessages, this.locale);
  }

  override connectedCallback() {
    super.connectedCallback();
    this.adoptSignIn();
    this.takeSetupToken();
    const fromAddress = new URLSearchParams(location.search).get('tenant')?.trim().toLowerCase() ?? '';
    if (!this.tenant && /^[a-z0-9-]{1,40}$/.test(fromAddress)) this.tenant = fromAddress;
    window.addEventListener('hashchange', this.handleHashChange);
    this.addEventListener('admin-signed-in', this.handleSignedIn);
    this.addEventListener('pointerdown', this.handleActivity);
    this.addEventListener('keydown', this.handleActivity);
    this.resizeObserver.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    this.removeEventListener('admin-signed-in', this.handleSignedIn);
    this.removeEventListener('pointerdown', this.handleActivity);
    this.removeEventListener('keydown', this.handleActivity);
    this.resizeObserver.disconnect();
  }

  /** The page's `<admin-sign-in slot="sign-in">`, or a new one: in the light DOM, where password managers see it. */
  private adoptSignIn() {
    this.signIn = this.querySelector<AdminSignIn>(':scope > admin-sign-in') ?? this.appendChild(document.createElement('admin-sign-in'));
    this.signIn.slot = 'sign-in';
  }

  /** A setup link (`#setup=<token>`): keep the token for the first-password form, take it out of the address bar. */
  private takeSetupToken() {
    const token = setupTokenOf(location.hash);
    if (!token) return false;
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    this.setupToken = token;
    this.signIn.setupToken = token;
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('api') && this.api !== this.startedWith) void this.start();
    if (changed.has('tenant') && this.phase !== 'signed-in' && this.tenant && !this.signIn.tenant) this.signIn.tenant = this.tenant;
    this.signIn.api = this.api;
    this.signIn.locale = this.locale;
  }

  protected override updated(changed: PropertyValues<this>) {
    // Handed over here, not bound in the template: a template binding would probe the client for Lit's directive marker.
    const dialog = this.renderRoot.querySelector<AdminPasswordDialog>('admin-password-dialog');
    if (dialog) dialog.api = this.api;
    if (changed.has('locale')) document.documentElement.lang = this.locale;
    this.ownerDocument.title = this.pageTitle();
    const focus = this.focusAfterRender;
    if (focus === 'sign-in') void this.signIn.updateComplete.then(() => this.signIn.focusHeading());
    if (focus === 'nav-toggle') this.renderRoot.querySelector<HTMLElement>('[part~=nav-toggle]')?.focus();
    if (focus === 'section' && this.sectionStatus !== 'loading') void this.focusSection();
    if (focus !== 'section' || this.sectionStatus !== 'loading') this.focusAfterRender = undefined;
  }

  private pageTitle(): string {
    const t = this.t;
    if (this.phase !== 'signed-in' || !this.me || !this.current) return t('console');
    return t('page.title', { section: sectionLabel(t, this.current.id), tenant: this.me.tenant.name });
  }

  /** Hooks the client's callbacks and resumes a session (a reload), unless a setup link is being followed. */
  private async start() {
    const api = (this.startedWith = this.api);
    api.onSessionEnded = () => this.handleSessionEnded();
    api.onPasswordNeeded = () => this.askPassword();
    if (this.setupToken) {
      this.phase = 'signed-out';
      return;
    }
    this.phase = 'starting';
    try {
      const session = await api.resume();
      if (api !== this.startedWith) return;
      if (session) this.enter(session, false);
      else this.phase = 'signed-out';
    } catch {
      if (api === this.startedWith) this.phase = 'start-error';
    }
  }

  private enter(session: StaffSessionAnswer, moveFocus: boolean) {
    this.setupToken = undefined;
    this.me = session.staff;
    this.clock.signedIn();
    this.elements.clear();
    this.current = undefined;
    this.signOutError = '';
    this.phase = 'signed-in';
    this.route(moveFocus);
  }

  /** Back to the sign-in, forgetting every section's screen. */
  private leave(notice: string) {
    this.renderRoot.querySelector<AdminPasswordDialog>('admin-password-dialog')?.cancel();
    const me = this.me;
    Object.assign(this, { phase: 'signed-out', me: undefined, current: undefined, menuOpen: false, signOutError: '' });
    this.elements.clear();
    this.signIn.reset({ tenant: me?.tenant.slug ?? this.tenant, email: me?.email ?? '', notice });
    this.focusAfterRender = 'sign-in';
  }

  /** Shows the section the hash names (when allowed), loading its chunk first. */
  private route(moveFocus: boolean) {
    if (this.phase !== 'signed-in' || !this.me) return;
    const { section, unavailable } = chooseSection(location.hash, this.sections, allowedSections(this.sections, this.me), this.current);
    this.unavailable = unavailable;
    this.menuOpen = false;
    if (!section) return;
    if (moveFocus) this.focusAfterRender = 'section';
    if (section === this.current && this.sectionStatus !== 'error') return;
    this.current = section;
    void this.load(section);
  }

  private async load(section: ConsoleSection) {
    if (customElements.get(section.tag)) {
      this.sectionStatus = 'ready';
      return;
    }
    this.sectionStatus = 'loading';
    try {
      await section.load();
      if (!customElements.get(section.tag)) throw new Error(`<${section.tag}> is not defined by its chunk`);
      if (this.current === section) this.sectionStatus = 'ready';
    } catch (error) {
      console.error(`Portico console: could not load <${section.tag}>`, error);
      if (this.current === section) this.sectionStatus = 'error';
    }
  }

  /** Focus goes to the section's heading (inside its shadow root), else to the main region. */
  private async focusSection() {
    const main = this.renderRoot.querySelector<HTMLElement>('[part~=main]');
    if (this.sectionStatus === 'error') return this.renderRoot.querySelector<HTMLElement>('[part~=error]')?.focus();
    const element = this.current && this.elements.get(this.current.id);
    await (element as (HTMLElement & { updateComplete?: Promise<unknown> }) | undefined)?.updateComplete;
    const heading = element?.shadowRoot?.querySelector<HTMLElement>('h1, h2') ?? element?.querySelector<HTMLElement>('h1, h2');
    if (!heading) return main?.focus();
    if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
    heading.focus();
  }

  /** The section's element: made once per session, kept while the member moves around, told who looks and how. */
  private elementFor(section: ConsoleSection): HTMLElement {
    let element = this.elements.get(section.id);
    if (!element) {
      element = document.createElement(section.tag);
      this.elements.set(section.id, element);
    }
    Object.assign(element, { api: this.api, me: this.me, locale: this.locale });
    return element;
  }

  private async askPassword(): Promise<boolean> {
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector<AdminPasswordDialog>('admin-password-dialog');
    return dialog ? dialog.ask() : false;
  }

  private handleSessionEnded() {
    if (this.phase !== 'signed-in') return;
    const reason = this.clock.endReason();
    this.leave(this.t(reason === 'max' ? 'session.ended.max' : reason === 'idle' ? 'session.ended.idle' : 'session.ended'));
  }

  private readonly handleActivity = () => this.clock.acted();

  private readonly handleSignedIn = (event: CustomEvent<StaffSessionAnswer>) => this.enter(event.detail, true);

  private readonly handleHashChange = () => {
    if (this.phase === 'signed-in') return this.route(true);
    if (this.takeSetupToken()) this.focusAfterRender = 'sign-in';
  };

  private handleResize(width: number) {
    const rem = parseFloat(getComputedStyle(this.ownerDocument.documentElement).fontSize) || 16;
    const narrow = width > 0 && width < NARROW_REM * rem;
    if (narrow === this.narrow) return;
    this.narrow = narrow;
    this.menuOpen = false;
  }

  private handleLocaleChange(event: Event) {
    const value = (event.target as HTMLSelectElement).value;
    if (!isLocale(value)) return;
    this.locale = value;
    rememberLocale(value);
  }

  private async handleSignOut() {
    if (this.signingOut) return;
    this.signingOut = true;
    this.signOutError = '';
    try {
      await this.api.signOut();
      this.leave(this.t('signed-out'));
    } catch {
      this.signOutError = this.t('sign-out.error');
    } finally {
      this.signingOut = false;
    }
  }

  private handleRetry(section: ConsoleSection) {
    this.focusAfterRender = 'section';
    void this.load(section);
  }

  private handleNavKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this.narrow || !this.menuOpen) return;
    this.menuOpen = false;
    this.focusAfterRender = 'nav-toggle';
  }

  override render() {
    const t = this.t;
    return html`<div part="base" lang=${this.locale}>
      ${renderHeader({
        t,
        locale: this.locale,
        me: this.phase === 'signed-in' ? this.me : undefined,
        signingOut: this.signingOut,
        signOutError: this.signOutError,
        onLocale: (event) => this.handleLocaleChange(event),
        onSignOut: () => void this.handleSignOut(),
      })}
      ${this.renderBody(t)}
      <admin-password-dialog locale=${this.locale}></admin-password-dialog>
    </div>`;
  }

  private renderBody(t: Translate<ShellKey>): TemplateResult {
    switch (this.phase) {
      case 'starting':
        return renderStarting(t);
      case 'start-error':
        return renderStartError(t, () => void this.start());
      case 'signed-out':
        return html`<main part="main"><slot name="sign-in"></slot></main>`;
      case 'signed-in':
        return this.renderConsole(t);
    }
  }

  private renderConsole(t: Translate<ShellKey>): TemplateResult {
    const me = this.me!;
    const allowed = allowedSections(this.sections, me);
    const current = this.current;
    const label = current ? sectionLabel(t, current.id) : '';
    return html`<div part="layout" class=${this.narrow ? 'narrow' : ''}>
      ${allowed.length
        ? renderNav({
            t,
            sections: allowed,
            current,
            narrow: this.narrow,
            open: this.menuOpen,
            onToggle: () => (this.menuOpen = !this.menuOpen),
            onPick: () => (this.menuOpen = false),
            onKeydown: (event) => this.handleNavKeydown(event),
          })
        : nothing}
      <main part="main" tabindex="-1" aria-label=${label || nothing}>
        ${this.unavailable && current ? html`<p part="notice">${t('section.unavailable', { section: label })}</p>` : nothing}
        ${!current
          ? html`<p part="notice">${t('section.none', { tenant: me.tenant.name })}</p>`
          : this.sectionStatus === 'ready'
            ? this.elementFor(current)
            : renderSectionState(t, this.sectionStatus, label, () => this.handleRetry(current))}
      </main>
    </div>`;
  }
}

define('portico-admin', PorticoAdmin);

declare global {
  interface HTMLElementTagNameMap {
    'portico-admin': PorticoAdmin;
  }
}
