import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Module } from '../core/api-client.ts';
import { portalContext, type PortalRuntime } from '../core/context.ts';
import { define } from '../core/define.ts';
import { translator, type Locale, type Translate } from '../core/i18n.ts';
import { baseStyles } from '../core/shared-styles.ts';
import { appControlStyles, appStyles } from './portal-app.styles.ts';
import { ensureElement, hashOf, QUICK_ACCESS_SECTIONS, routeOf, SECTION_TAGS, sectionsOf, type Section } from './sections.ts';
import { messages, renderFooter, renderHome, type Key } from './views.ts';


/** Below this container width (in rem) the menu folds behind a "Menu" button. */
const NARROW_REM = 40;

/** What the portal offers the session on this page, once known. */
interface Offer {
  /** Which session it is for (see `viewerKey`). */
  key: string;
  sections: Section[];
  /** Where the portal opens when no hash names a section. */
  start: Section;
  /** The account's data waits for the client's confirmation (P3). */
  confirm: boolean;
}

/** Detail of `portal-section-change`. */
export interface SectionChangeDetail {
  section: Section;
}

/**
 * The whole client portal in one element: the brand bar, the sign-in while signed out, then a menu of the modules
 * the business enabled for the account (G2/G3) beside the section chosen — each section the same element a business
 * could embed alone — and the business's site and social links in the footer (seed 003). Sections are deep-linked
 * with the URL hash (`#billing`, `#processes/<id>`), so the back button and shared links work; hashes of other
 * widgets (`#portico-link=…`) and anchors of the host page are left alone. On a narrow container the menu folds
 * behind a "Menu" button.
 * @summary The complete portal: sign-in, menu, sections, footer.
 * @event portal-section-change - another section is shown; `detail.section` names it (`home` or a module).
 * @slot login - `<portal-login>`; the element adds one itself (in the light DOM, where password managers see it).
 * @csspart base - everything.
 * @csspart header - the brand bar and the session bar.
 * @csspart session-bar - the account, "change account" and "sign out".
 * @csspart change-account - the "change account" button.
 * @csspart sign-out - the "sign out" button.
 * @csspart layout - the menu and the section, side by side on a wide container.
 * @csspart nav - the menu.
 * @csspart nav-toggle - the "Menu" button of a narrow container.
 * @csspart nav-list - the menu's list.
 * @csspart nav-link - one menu entry (`aria-current="page"` on the section shown).
 * @csspart main - the section shown (focused when the client moves to another).
 * @csspart notice - why the home page shows instead of the section asked for.
 * @csspart confirm-banner - "please confirm your data", linking to the profile.
 * @csspart home - the home section.
 * @csspart cards - the home section's links to the other sections.
 * @csspart card - one of them.
 * @csspart footer - the footer: feedback, the business's links and name.
 * @csspart links - the site and social links.
 * @csspart footer-link - one of them.
 * @csspart tenant - the business's name in the footer.
 * @cssprop --portal-app-gap - space between the parts.
 * @cssprop --portal-app-nav-width - the menu's width on a wide container.
 * @cssprop --portal-app-current-color - the mark beside the current section's menu entry (default: the link colour, a shade of the brand that reads on the surface).
 */
export class PortalApp extends LitElement {
  static override styles = [baseStyles, appStyles, appControlStyles];

  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;
  @state() private section?: Section;
  @state() private itemId?: string;
  /** The hash asked for a section this client does not have: the home page shows instead, saying so. */
  @state() private unavailable = false;
  @state() private announcement = '';
  @state() private narrow = false;
  @state() private menuOpen = false;
  @state() private confirm = false;
  /** `<portal-login>`'s view, which says whether it has something to show a signed-in client (a link, the accounts). */
  @state() private loginView = '';

  /** Each section's element, kept while the same client looks, so going back finds it as it was left. */
  private readonly elements = new Map<Module, HTMLElement>();
  private feedback?: HTMLElement;
  private login?: HTMLElement;
  private routedFor?: Offer;
  private lastKey = '';
  private focusMain = false;
  // The change of layout waits for the next frame: changing it inside the observer's callback would loop.
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const width = entries[0]!.contentRect.width;
    requestAnimationFrame(() => this.handleResize(width));
  });
  private readonly loginObserver = new MutationObserver(() => (this.loginView = this.login?.getAttribute('view') ?? ''));

  private readonly offer = new Task(this, {
    task: async ([key]): Promise<Offer | undefined> => (key ? this.loadOffer(key) : undefined),
    args: () => [this.viewerKey()] as const,
  });

  get locale(): Locale {
    return this.portal?.locale ?? 'pt-BR';
  }
  private get t(): Translate<Key> {
    return translator(messages, this.locale) as Translate<Key>;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.adoptLogin();
    window.addEventListener('hashchange', this.handleHashChange);
    this.addEventListener('portal-request-new', this.handleRequestEvent);
    this.addEventListener('portal-request-open', this.handleRequestEvent);
    this.addEventListener('portal-profile-confirmed', this.handleConfirmed);
    this.resizeObserver.observe(this);
    void ensureElement('portal-brand');
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    this.removeEventListener('portal-request-new', this.handleRequestEvent);
    this.removeEventListener('portal-request-open', this.handleRequestEvent);
    this.removeEventListener('portal-profile-confirmed', this.handleConfirmed);
    this.resizeObserver.disconnect();
    this.loginObserver.disconnect();
  }

  /** The page's `<portal-login slot="login">`, or a new one: in the light DOM, where password managers see its inputs. */
  private adoptLogin() {
    this.login = this.querySelector<HTMLElement>(':scope > portal-login') ?? undefined;
    if (!this.login) {
      this.login = document.createElement('portal-login');
      this.append(this.login);
    }
    this.login.slot = 'login';
    this.loginView = this.login.getAttribute('view') ?? '';
    this.loginObserver.observe(this.login, { attributes: true, attributeFilter: ['view'] });
    void ensureElement('portal-login');
  }

  /**
   * Who looks, and with which right: '' while no one may see a section (signed out, restoring, choosing an account).
   * A refreshed token changes nothing here, so nothing reloads.
   */
  private viewerKey(): string {
    const session = this.portal?.session;
    if (session?.status === 'quick-access') return `process:${session.processId}`;
    if (session?.status !== 'signed-in') return '';
    if (session.scope === 'profile') return `profile:${session.user.id}`;
    if (session.scope !== 'full' || (session.accountId === null && session.accounts.length > 1)) return '';
    return `full:${session.user.id}:${session.accountId}`;
  }

  private async loadOffer(key: string): Promise<Offer> {
    const session = this.portal!.session;
    const api = this.portal!.api;
    if (session.status === 'signed-in' && session.scope === 'profile') return { key, sections: ['profile'], start: 'profile', confirm: false };
    const token = session.status === 'signed-in' || session.status === 'quick-access' ? session.accessToken : '';
    const accountId = session.status === 'signed-in' ? (session.accountId ?? undefined) : undefined;
    let modules: string[];
    try {
      modules = (await api.listModules(token, { accountId })).modules;
    } catch {
      // Without the account's list, the tenant's: the server still refuses what the account may not see.
      const tenant = this.portal!.tenant;
      modules = tenant.status === 'ready' ? tenant.tenant.modules : [];
    }
    if (session.status === 'quick-access') {
      const sections = sectionsOf(modules, false).filter((s) => QUICK_ACCESS_SECTIONS.includes(s));
      return { key, sections: sections.includes('processes') ? sections : ['processes', ...sections], start: 'processes', confirm: false };
    }
    const sections = sectionsOf(modules);
    let confirm = false;
    if (sections.includes('profile')) {
      try {
        confirm = (await api.getProfile(token, { accountId })).confirmation.required;
      } catch {
        // The banner is a courtesy: without the profile, no banner.
      }
    }
    return { key, sections, start: confirm ? 'profile' : 'home', confirm };
  }

  protected override willUpdate() {
    const key = this.viewerKey();
    if (key !== this.lastKey) {
      // Another person, account or session: nothing of the previous one's screens may stay.
      this.lastKey = key;
      this.elements.clear();
      this.feedback = undefined;
      Object.assign(this, { section: undefined, itemId: undefined, unavailable: false, announcement: '', confirm: false, menuOpen: false });
    }
    const offer = this.currentOffer();
    if (offer && offer !== this.routedFor) {
      this.routedFor = offer;
      this.confirm = offer.confirm;
      this.route(false);
    }
  }

  protected override updated() {
    if (!this.focusMain) return;
    this.focusMain = false;
    this.renderRoot.querySelector<HTMLElement>('[part~=main]')?.focus();
  }

  private currentOffer(): Offer | undefined {
    const offer = this.offer.value;
    return offer && offer.key === this.lastKey ? offer : undefined;
  }

  /** Shows the section the hash names, or (for a hash that is not the portal's) keeps the one shown. */
  private route(moved: boolean) {
    const offer = this.currentOffer();
    if (!offer) return;
    const asked = routeOf(location.hash, this.ownerDocument);
    let section: Section;
    let id: string | undefined;
    let unavailable = false;
    if (!asked) {
      if (this.section) return;
      section = offer.start;
    } else if ((offer.sections as string[]).includes(asked.section)) {
      section = asked.section as Section;
      id = asked.id;
    } else {
      section = offer.sections.includes('home') ? 'home' : offer.start;
      unavailable = asked.section !== 'home';
    }
    this.unavailable = unavailable;
    if (unavailable) this.announcement = this.t('notice.unavailable');
    if (section === this.section && id === this.itemId) return;
    this.section = section;
    this.itemId = id;
    this.menuOpen = false;
    if (moved) {
      this.focusMain = true;
      if (!unavailable) this.announcement = this.t('opened', { section: this.t(`section.${section}`) });
    }
    this.dispatchEvent(new CustomEvent<SectionChangeDetail>('portal-section-change', { detail: { section }, bubbles: true, composed: true }));
  }

  /** Goes to `section`: a history entry, so the back button returns here (its `hashchange` then changes nothing). */
  private go(section: Section) {
    const hash = hashOf(section);
    if (location.hash !== hash) location.hash = hash;
    this.route(true);
  }

  private readonly handleHashChange = () => this.route(true);

  private handleLinkClick(event: MouseEvent, section: Section) {
    // A click with a modifier opens a tab or a window, as the link says.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    this.go(section);
  }

  private handleResize(width: number) {
    const rem = parseFloat(getComputedStyle(this.ownerDocument.documentElement).fontSize) || 16;
    const narrow = width > 0 && width < NARROW_REM * rem;
    if (narrow !== this.narrow) {
      this.narrow = narrow;
      this.menuOpen = false;
    }
  }

  private handleToggle() {
    this.menuOpen = !this.menuOpen;
  }

  private handleNavKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !this.narrow || !this.menuOpen) return;
    this.menuOpen = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part~=nav-toggle]')?.focus());
  }

  /**
   * Billing and the process tracker hand a request draft (and the profile, appointments a request to open) to
   * `<portal-requests>`, which listens on the document. When the requests section is not shown, it is opened first and
   * the event sent again once it listens.
   */
  private readonly handleRequestEvent = (event: Event) => {
    const offer = this.currentOffer();
    if (event.defaultPrevented || !offer?.sections.includes('requests') || this.section === 'requests') return;
    event.preventDefault();
    const { type, detail } = event as CustomEvent<unknown>;
    this.go('requests');
    void customElements.whenDefined('portal-requests').then(async () => {
      await this.updateComplete;
      await (this.elements.get('requests') as HTMLElement & { updateComplete?: Promise<unknown> } | undefined)?.updateComplete;
      document.dispatchEvent(new CustomEvent(type, { detail, cancelable: true }));
    });
  };

  private readonly handleConfirmed = () => (this.confirm = false);

  private handleChangeAccount() {
    const login = this.login as (HTMLElement & { view?: string; updateComplete?: Promise<unknown> }) | undefined;
    if (!login) return;
    login.view = 'accounts';
    void this.updateComplete.then(() => login.updateComplete).then(() => login.querySelector<HTMLElement>('h2')?.focus());
  }

  private handleSignOut() {
    void this.portal?.signOut();
  }

  override render() {
    const t = this.t;
    const tenant = this.portal?.tenant;
    const offer = this.currentOffer();
    const showLogin = !this.lastKey || this.loginView === 'link' || this.loginView === 'accounts';
    return html`<div part="base" lang=${this.locale}>
      <div part="header">
        <portal-brand></portal-brand>
        ${this.lastKey ? this.renderSessionBar(t) : nothing}
      </div>
      ${showLogin ? html`<slot name="login"></slot>` : nothing}
      ${showLogin ? nothing : offer ? this.renderBody(offer, t) : html`<p role="status">${t('loading.portal')}</p>`}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${tenant?.status === 'ready' ? renderFooter(tenant.tenant, t, this.lastKey && !this.lastKey.startsWith('profile:') ? this.feedbackElement() : undefined) : nothing}
    </div>`;
  }

  private renderSessionBar(t: Translate<Key>): TemplateResult {
    const session = this.portal?.session;
    const account = session?.status === 'signed-in' ? session.accounts.find((a) => a.id === session.accountId) : undefined;
    const several = session?.status === 'signed-in' && session.scope === 'full' && session.accounts.length > 1;
    return html`<div part="session-bar">
      ${account ? html`<span>${t('account', { name: account.name })}</span>` : nothing}
      ${several ? html`<button part="change-account" type="button" @click=${this.handleChangeAccount}>${t('change-account')}</button>` : nothing}
      <button part="sign-out" type="button" @click=${this.handleSignOut}>${t('sign-out')}</button>
    </div>`;
  }

  private renderBody(offer: Offer, t: Translate<Key>): TemplateResult {
    const section = this.section ?? offer.start;
    const withNav = offer.sections.length > 1;
    const label = t(`section.${section}`);
    return html`<div part="layout" class=${`${withNav ? 'with-nav' : ''} ${this.narrow ? 'narrow' : ''}`}>
      ${withNav ? this.renderNav(offer.sections, section, t) : nothing}
      <section part="main" tabindex="-1" aria-label=${label}>
        ${this.unavailable ? html`<p part="notice">${t('notice.unavailable')}</p>` : nothing}
        ${this.confirm && section !== 'profile' && offer.sections.includes('profile')
          ? html`<p part="confirm-banner">
              <span>${t('confirm.banner')}</span>
              <a href=${hashOf('profile')} @click=${(event: MouseEvent) => this.handleLinkClick(event, 'profile')}>${t('confirm.link')}</a>
            </p>`
          : nothing}
        ${section === 'home' ? renderHome(offer.sections, t, (event, to) => this.handleLinkClick(event, to)) : this.elementFor(section)}
      </section>
    </div>`;
  }

  private renderNav(sections: Section[], current: Section, t: Translate<Key>): TemplateResult {
    const hidden = this.narrow && !this.menuOpen;
    return html`<nav part="nav" aria-label=${t('nav.label')} @keydown=${this.handleNavKeydown}>
      ${this.narrow
        ? html`<button part="nav-toggle" type="button" aria-expanded=${this.menuOpen ? 'true' : 'false'} aria-controls="menu" @click=${this.handleToggle}>
            ${t('nav.toggle')}
          </button>`
        : nothing}
      <ul id="menu" part="nav-list" ?hidden=${hidden}>
        ${sections.map(
          (section) => html`<li>
            <a part="nav-link" href=${hashOf(section)} aria-current=${section === current ? 'page' : nothing} @click=${(event: MouseEvent) => this.handleLinkClick(event, section)}
              >${t(`section.${section}`)}</a
            >
          </li>`,
        )}
      </ul>
    </nav>`;
  }

  /** The section's element: made once per client, its chunk loaded through the registry. */
  private elementFor(section: Module): HTMLElement {
    let element = this.elements.get(section);
    if (!element) {
      const tag = SECTION_TAGS[section];
      element = document.createElement(tag);
      if (section === 'processes') element.addEventListener('change', this.handleProcessChosen);
      this.elements.set(section, element);
      void ensureElement(tag);
    }
    if (section === 'processes' && this.itemId) element.setAttribute('process', this.itemId);
    return element;
  }

  /** The client chose another process: the address names it (no new history entry: the section is the same). */
  private readonly handleProcessChosen = (event: Event) => {
    const id = (event.currentTarget as HTMLElement & { process?: string }).process;
    if (!id || this.section !== 'processes') return;
    this.itemId = id;
    history.replaceState(history.state, '', hashOf('processes', id));
  };

  private feedbackElement(): HTMLElement {
    if (!this.feedback) {
      this.feedback = document.createElement('portal-feedback');
      void ensureElement('portal-feedback');
    }
    return this.feedback;
  }
}

define('portal-app', PortalApp);

declare global {
  interface HTMLElementTagNameMap {
    'portal-app': PortalApp;
  }
  interface GlobalEventHandlersEventMap {
    'portal-section-change': CustomEvent<SectionChangeDetail>;
  }
}
