import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type ChangeResult, type Profile, type ProfileField, type ProfileQuery } from '../core/api-client.ts';
import { portalContext, profileAccessToken, type PortalRuntime, sessionKeyOf } from '../core/context.ts';
import { define } from '../core/define.ts';
import { saveThroughLink } from '../core/download.ts';
import { formatDate } from '../core/format.ts';
import { translator, type Locale, type Translate } from '../core/i18n.ts';
import { baseStyles, panelStyles } from '../core/shared-styles.ts';
import { ConfirmationPart } from './confirmation.ts';
import { messages, type FieldContext, type Key, type ProfileHost } from './host.ts';
import { MyDataSection } from './my-data.ts';
import { profileStyles } from './portal-profile.styles.ts';
import { ProfileForm } from './profile-form.ts';
import { taxIdKindsLabel } from './tax-id.ts';
import { callingCodeFor } from './values.ts';

/**
 * The client's registration data (P1–P5), as one form: identity (name, tax id), contact (e-mail, phones), the address,
 * then the business's own fields (text, number, money, date, choice). Each field shows what the client may do with it:
 * change it, propose a change the business approves (and a change waiting since when), or only read it. Each changed
 * field is checked as the client leaves it — a CPF or CNPJ by its check digits, a phone read into E.164, money into
 * whole cents — and on save, which sends only what changed and says what was saved and what waits for approval. Where
 * the business asks for it, a banner asks to confirm the data. "My data" downloads everything the portal holds (JSON)
 * and asks for correction or deletion (LGPD/GDPR) with the legal deadline. Works from a full session and from an
 * e-mailed "update your data" link (a profile-only session), which it says.
 * @summary The client's registration data: see, update, confirm, download.
 * @event portal-profile-saved - a change was saved; `detail` is the ChangeResult (`saved`, `pending`, `profile`).
 * @event portal-profile-confirmed - the client confirmed the data; `detail` is the Profile.
 * @event portal-request-open - the client wants to follow a data-protection request; `detail.id` is the request's id.
 * Cancelable: a page that opens it (e.g. in `<portal-requests>`) calls `preventDefault()`.
 * @csspart base - the panel.
 * @csspart account - whose data it is, when the user reaches several accounts.
 * @csspart confirmed - "Confirmed on …", and until when.
 * @csspart link-notice - the line saying the page was opened from an e-mailed link.
 * @csspart confirm-banner - "please check your data and confirm it is correct".
 * @csspart confirm-button - the button that confirms (saving the edits first).
 * @csspart form - the registration form.
 * @csspart problems - the list of what to correct, at the top of the form.
 * @csspart group - a group of fields (a fieldset: identity, contact, address, more information); `data-group` names it.
 * @csspart address - the address fieldset.
 * @csspart field - one field (`data-key`, `data-mode`: edit, approve or view).
 * @csspart address-part - one part of the address.
 * @csspart value - a read-only field's value.
 * @csspart mode-note - "changes need approval" or "only the business can change this" (`data-mode`).
 * @csspart pending - a change waiting for approval, and since when.
 * @csspart problem - what is wrong with a field.
 * @csspart saved - what the last save did.
 * @csspart save - the save button.
 * @csspart undo - the button that undoes the client's edits.
 * @csspart my-data - the "my data and privacy" section.
 * @csspart download - the "download my data" button.
 * @csspart privacy-open - the button that opens the correction or deletion request.
 * @csspart privacy-form - that request's form.
 * @csspart privacy-send - its send button.
 * @csspart privacy-sent - the request sent, with the legal deadline.
 * @csspart follow - "follow the request".
 * @csspart error - what went wrong.
 * @csspart status - loading messages.
 * @cssprop --portal-profile-gap - space between the parts.
 * @cssprop --portal-profile-banner-color - the confirmation banner's mark (default: the primary colour).
 * @cssprop --portal-profile-pending-color - the mark of a change waiting for approval (default: the muted colour).
 * @cssprop --portal-profile-column - the narrowest column of the address's parts (default 11rem).
 */
export class PortalProfile extends LitElement implements ProfileHost {
  static override styles = [baseStyles, panelStyles, profileStyles];

  /** How the downloaded data's URL reaches the browser; by default a link's click (a real download). */
  @property({ attribute: false }) navigate: (url: string, fileName: string) => void = saveThroughLink;

  @consume({ context: portalContext, subscribe: true }) @state() private portal?: PortalRuntime;
  @state() private announcement = '';
  /** The profile shown: as loaded, or as the last change or confirmation answered. */
  @state() private current?: Profile;

  private readonly form = new ProfileForm(this);
  private readonly confirmation = new ConfirmationPart(this, this.form);
  private readonly myData = new MyDataSection(this);
  private lastSessionKey = '';
  /** Where the focus goes once rendered; dropped as soon as the client moves it. */
  private pendingFocus?: string;

  private readonly profileTask = new Task(this, {
    task: async ([key, locale, accountId], { signal }) => {
      if (!key) return undefined;
      const profile = await this.portal!.api.getProfile(this.token()!, { ...(accountId ? { accountId } : {}), locale }, signal);
      this.show(profile);
      return profile;
    },
    args: () => [this.sessionKey(), this.locale, this.actingAccount()] as const,
  });

  constructor() {
    super();
    this.addEventListener('focusin', () => (this.pendingFocus = undefined));
  }

  get api() {
    return this.portal?.api;
  }
  get locale(): Locale {
    return this.portal?.locale ?? 'pt-BR';
  }
  get t(): Translate<Key> {
    return translator(messages, this.locale) as Translate<Key>;
  }

  token() {
    return profileAccessToken(this.portal);
  }
  profileOnly() {
    return this.portal?.session.status === 'signed-in' && this.portal.session.scope === 'profile';
  }
  query(): ProfileQuery {
    const accountId = this.actingAccount();
    return { ...(accountId ? { accountId } : {}), locale: this.locale };
  }
  profile() {
    return this.current;
  }
  show(profile: Profile) {
    this.current = profile;
    this.form.load(profile);
  }
  fieldContext(profile: Profile): FieldContext {
    const address = profile.fields.find((field) => field.type === 'address')?.value as { country?: string } | null | undefined;
    return { locale: this.locale, t: this.t, currency: profile.currency, taxIdKinds: profile.taxIdKinds, callingCode: callingCodeFor(address?.country, profile.currency) };
  }
  label(field: ProfileField, profile: Profile): string {
    const t = this.t;
    if (!field.standard) return field.label ?? field.key;
    if (field.key === 'taxId') return t('field.taxId', { kinds: taxIdKindsLabel(profile.taxIdKinds) });
    if (field.key === 'address') return t('group.address');
    const key = `field.${field.key}` as Key;
    return key in messages.en ? t(key) : (field.label ?? field.key);
  }
  business() {
    return this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.name : this.t('business');
  }
  date(value: string) {
    return formatDate(value, this.portal?.tenant.status === 'ready' ? this.portal.tenant.tenant.timeZone : 'UTC', this.locale);
  }

  announce(message: string) {
    // Emptied first, so the same words said twice are read out twice.
    this.announcement = '';
    void this.updateComplete.then(() => (this.announcement = message));
  }

  focusAfterUpdate(selector: string) {
    this.pendingFocus = selector;
    this.requestUpdate();
  }

  openRequest(id: string) {
    this.dispatchEvent(new CustomEvent('portal-request-open', { detail: { id }, bubbles: true, composed: true, cancelable: true }));
  }

  emit<T>(name: 'portal-profile-saved' | 'portal-profile-confirmed', detail: T) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }

  message(error: unknown): string {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `error.${code}` as Key;
    return key in messages.en ? this.t(key) : this.t('error.generic');
  }

  private sessionKey() {
    return this.token() ? sessionKeyOf(this.portal) : '';
  }
  private actingAccount() {
    const session = this.portal?.session;
    if (session?.status !== 'signed-in') return undefined;
    return session.accountId ?? (session.accounts.length === 1 ? session.accounts[0]!.id : undefined);
  }
  /** The account's name, where the user reaches several (whose data this is). */
  private accountName() {
    const session = this.portal?.session;
    if (session?.status !== 'signed-in' || session.accounts.length < 2) return undefined;
    return session.accounts.find((account) => account.id === this.actingAccount())?.name;
  }

  protected override willUpdate(changed: Map<string, unknown>) {
    // Another person or account: nothing of the previous one's data may stay on screen.
    const key = this.sessionKey();
    if (changed.has('portal') && key !== this.lastSessionKey) {
      if (this.lastSessionKey) {
        for (const part of [this.form, this.confirmation, this.myData]) part.reset();
        this.current = undefined;
        this.announcement = '';
      }
      this.lastSessionKey = key;
    }
  }

  protected override updated() {
    const target = this.pendingFocus && this.shadowRoot?.querySelector<HTMLElement>(this.pendingFocus);
    if (!target) return;
    this.pendingFocus = undefined;
    target.focus();
  }

  override render() {
    const t = this.t;
    if (!this.token()) return html`<div part="base" lang=${this.locale}><h2>${t('title')}</h2><p>${t('sign-in-first')}</p></div>`;
    const profile = this.current;
    const account = this.accountName();
    return html`<div part="base" lang=${this.locale}>
      <header>
        <h2>${t('title')}</h2>
        ${account ? html`<p part="account" class="meta">${t('account', { name: account })}</p>` : nothing}
        ${profile ? this.confirmation.renderConfirmed(profile) : nothing}
      </header>
      ${this.profileOnly() ? html`<p part="link-notice">${t('profile-link')}</p>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.profileTask.render({
        initial: () => this.loading(),
        pending: () => (profile ? this.renderProfile(profile) : this.loading()),
        error: (error) => this.problem(error),
        complete: () => (profile ? this.renderProfile(profile) : this.loading()),
      })}
    </div>`;
  }

  private renderProfile(profile: Profile): TemplateResult {
    return html`${this.confirmation.renderBanner(profile)} ${this.form.render(profile)} ${this.myData.render()}`;
  }

  private loading(): TemplateResult {
    return html`<div part="status" role="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  private problem(error: unknown): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.message(error)}</p>
      <button class="secondary" type="button" @click=${() => void this.profileTask.run()}>${this.t('retry')}</button>
    </div>`;
  }
}

define('portal-profile', PortalProfile);

declare global {
  interface HTMLElementTagNameMap {
    'portal-profile': PortalProfile;
  }
  interface GlobalEventHandlersEventMap {
    'portal-profile-saved': CustomEvent<ChangeResult>;
    'portal-profile-confirmed': CustomEvent<Profile>;
    'portal-request-open': CustomEvent<{ id: string }>;
  }
}
