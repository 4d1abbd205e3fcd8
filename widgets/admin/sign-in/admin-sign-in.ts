import { html, LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type AdminApi, type PasswordAnswer, type StaffSessionAnswer } from '../admin-api.ts';
import { copyText, CopyConfirmation } from '../../core/clipboard.ts';
import { define } from '../../core/define.ts';
import { openFetchedFile, saveThroughLink } from '../../core/download.ts';
import { translator, type Locale, type Translate } from '../../core/i18n.ts';
import { installSignInStyles } from './admin-sign-in.styles.ts';
import { signInMessages, waitWords, type SignInKey } from './messages.ts';
import { renderStep, type SignInContext, type Step } from './views.ts';

const TENANT = /^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TOTP = /^\d{6}$/;
const RECOVERY = /^[a-z0-9]{5}-?[a-z0-9]{5}$/;
/** Fields a server's `invalid_input` may name, shown next to the input of the same name. */
const FIELD_OF_CODE: Record<string, string> = {
  code_invalid: 'code',
  password_too_short: 'new-password',
  password_too_long: 'new-password',
  password_too_common: 'new-password',
};
let instances = 0;

/**
 * The way into the staff console: portal, e-mail and password, then the second factor — a code from an authenticator
 * app or a recovery code. A member without one yet connects an app first (the setup key, grouped and copyable, and
 * an `otpauth:` link) and then keeps the recovery codes, shown once. A setup link (`setupToken`) starts with the
 * first password. Inputs live in the light DOM inside real forms, so password managers fill them.
 * @summary Staff sign-in with a required second factor.
 * @event admin-signed-in - the staff member is in; `detail` is the session answer (without its recovery codes).
 */
export class AdminSignIn extends LitElement {
  /** The console's client. */
  @property({ attribute: false }) api?: AdminApi;
  /** The staff member's language. */
  @property() locale: Locale = 'en';
  /** Pre-fills the portal field (the page's `?tenant=`, or the tenant of a session that ended). */
  @property() tenant = '';
  /** Pre-fills the e-mail field. */
  @property() email = '';
  /** Why the sign-in shows (a session that ended, a sign-out), said above the form. */
  @property() notice = '';
  /** A setup link's token: the sign-in starts with the first password. */
  @property({ attribute: false }) setupToken?: string;
  /** Hands a file to the browser (tests and stories replace it). */
  @property({ attribute: false }) saveFile: (url: string, fileName: string) => void = saveThroughLink;

  @state() private step: Step = 'credentials';
  @state() private busy = false;
  @state() private alert = '';
  @state() private fieldErrors: Record<string, string> = {};
  @state() private useRecovery = false;
  @state() private challenge = '';
  @state() private enrolment?: { secret: string; otpauthUri: string };
  @state() private session?: StaffSessionAnswer;

  private readonly idPrefix = `as${++instances}`;
  private readonly copies = new CopyConfirmation<'secret' | 'codes'>(this);
  private focusAfterRender?: 'heading' | 'error' | 'code';

  private get t(): Translate<SignInKey> {
    return translator(signInMessages, this.locale);
  }

  protected override createRenderRoot() {
    installSignInStyles(this.ownerDocument);
    return this;
  }

  /** Back to the first step, forgetting the previous attempt (after a sign-out or an ended session). */
  reset(options: { tenant?: string; email?: string; notice?: string } = {}) {
    Object.assign(this, { step: 'credentials', alert: '', fieldErrors: {}, useRecovery: false, challenge: '', enrolment: undefined, session: undefined });
    this.tenant = options.tenant ?? this.tenant;
    this.email = options.email ?? this.email;
    this.notice = options.notice ?? '';
    this.copies.clear();
  }

  /** Moves focus to the step's heading (the console calls it when the sign-in appears). */
  focusHeading() {
    this.querySelector<HTMLElement>('h2')?.focus();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('setupToken') && this.setupToken) {
      this.step = 'setup';
      this.alert = '';
    }
  }

  protected override updated() {
    const focus = this.focusAfterRender;
    this.focusAfterRender = undefined;
    if (focus === 'heading') this.focusHeading();
    if (focus === 'code') this.querySelector<HTMLElement>('input[name=code]')?.focus();
    if (focus === 'error') (this.querySelector<HTMLElement>('[aria-invalid="true"]') ?? this.querySelector<HTMLElement>('.as-alert'))?.focus();
  }

  override render() {
    const context: SignInContext = {
      t: this.t,
      id: (name) => `${this.idPrefix}-${name}`,
      busy: this.busy,
      alert: this.alert,
      notice: this.notice,
      fieldErrors: this.fieldErrors,
      tenant: this.tenant,
      email: this.email,
      useRecovery: this.useRecovery,
      enrolment: this.enrolment,
      recoveryCodes: this.session?.recoveryCodes ?? [],
      copied: (what) => this.copies.of(what),
      submit: (event) => void this.handleSubmit(event),
      startAgain: () => this.handleStartAgain(),
      toggleRecovery: () => this.handleToggleRecovery(),
      copy: (what) => void this.handleCopy(what),
      download: () => this.handleDownload(),
    };
    return html`<div class="as-panel" lang=${this.locale}>${renderStep(this.step, context)}</div>`;
  }

  private go(step: Step) {
    this.step = step;
    this.alert = '';
    this.fieldErrors = {};
    this.focusAfterRender = 'heading';
  }

  private handleStartAgain() {
    this.reset({ tenant: this.tenant, email: this.email });
    this.focusAfterRender = 'heading';
  }

  private handleToggleRecovery() {
    this.useRecovery = !this.useRecovery;
    this.fieldErrors = {};
    this.alert = '';
    this.focusAfterRender = 'code';
  }

  /** One submit handler for every step's form. */
  private async handleSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.busy || !this.api) return;
    const data = Object.fromEntries(new FormData(event.target as HTMLFormElement)) as Record<string, string>;
    if (data.tenant !== undefined) this.tenant = data.tenant.trim().toLowerCase();
    if (data.email !== undefined) this.email = data.email.trim();
    const errors = this.check(data);
    if (Object.keys(errors).length) return this.fail('', errors);
    const api = this.api;
    switch (this.step) {
      case 'credentials':
        return this.run(async () => this.passwordAccepted(await api.signIn(this.tenant, this.email, data.password!)));
      case 'setup':
        return this.run(async () => this.passwordAccepted(await api.setUp(this.setupToken!, data['new-password']!)));
      case 'second-factor':
      case 'enroll':
        return this.run(async () => this.sessionBegun(await api.secondFactor(this.challenge, this.normalizedCode(data.code!))));
      case 'recovery-codes':
        return this.finish(this.session!);
    }
  }

  private normalizedCode(code: string): string {
    return this.useRecovery ? code.trim().toLowerCase() : code.replace(/\s+/g, '');
  }

  private check(data: Record<string, string>): Record<string, SignInKey> {
    const errors: Record<string, SignInKey> = {};
    if (data.tenant !== undefined && !TENANT.test(this.tenant)) errors.tenant = this.tenant ? 'error.tenant' : 'error.required';
    if (data.email !== undefined && !EMAIL.test(this.email)) errors.email = this.email ? 'error.email' : 'error.required';
    if (data.password !== undefined && !data.password) errors.password = 'error.required';
    if (data['new-password'] !== undefined) {
      if ([...data['new-password']].length < 8) errors['new-password'] = 'error.password_too_short';
      else if (data['new-password'] !== data['repeat-password']) errors['repeat-password'] = 'error.passwords_differ';
    }
    if (data.code !== undefined) {
      const code = this.normalizedCode(data.code);
      if (this.useRecovery && !RECOVERY.test(code)) errors.code = 'error.recovery-code';
      if (!this.useRecovery && !TOTP.test(code)) errors.code = 'error.code';
    }
    if (this.step === 'recovery-codes' && data.saved === undefined) errors.saved = 'error.saved';
    return errors;
  }

  /** Runs a call with the button busy (no double submit), turning its failure into messages. */
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

  private passwordAccepted(answer: PasswordAnswer) {
    this.challenge = answer.challenge;
    this.useRecovery = false;
    if (answer.step === 'enroll') {
      this.enrolment = { secret: answer.secret, otpauthUri: answer.otpauthUri };
      this.setupToken = undefined;
      return this.go('enroll');
    }
    this.go('second-factor');
  }

  private sessionBegun(session: StaffSessionAnswer) {
    this.challenge = '';
    this.enrolment = undefined;
    if (session.recoveryCodes?.length) {
      this.session = session;
      return this.go('recovery-codes');
    }
    this.finish(session);
  }

  private finish(session: StaffSessionAnswer) {
    const { recoveryCodes: _shownOnce, ...answer } = session;
    // Nothing of this sign-in stays behind (the recovery codes least of all): the next one starts afresh.
    this.reset({ tenant: this.tenant, email: this.email });
    this.dispatchEvent(new CustomEvent<StaffSessionAnswer>('admin-signed-in', { detail: answer, bubbles: true, composed: true }));
  }

  private showError(error: ApiError) {
    if (error.code === 'challenge_expired') {
      this.go('credentials');
      return this.fail('error.challenge_expired', {});
    }
    if (error.status === 429 || error.code === 'too_many_attempts' || error.code === 'rate_limited') return this.fail('error.too_many_attempts', {}, error.retryAfter);
    const field = FIELD_OF_CODE[error.code];
    if (field) return this.fail('', { [field]: `error.${error.code}` as SignInKey });
    const named = error.fields.filter((f) => this.querySelector(`[name="${CSS.escape(f.path)}"]`));
    if (error.code === 'invalid_input' && named.length) return this.fail('', Object.fromEntries(named.map((f) => [f.path, 'error.invalid_input' as SignInKey])));
    const key = `error.${error.code}` as SignInKey;
    this.fail(key in signInMessages.en ? key : 'error.generic', {});
  }

  private fail(alertKey: SignInKey | '', fields: Record<string, SignInKey>, retryAfter?: number) {
    const t = this.t;
    this.alert = alertKey ? t(alertKey, { wait: waitWords(retryAfter, this.locale) }) : '';
    this.fieldErrors = Object.fromEntries(Object.entries(fields).map(([name, key]) => [name, t(key)]));
    this.focusAfterRender = 'error';
  }

  private async handleCopy(what: 'secret' | 'codes') {
    const text = what === 'secret' ? (this.enrolment?.secret ?? '').replace(/\s+/g, '') : (this.session?.recoveryCodes ?? []).join('\n');
    const source = () => this.querySelector<HTMLElement>(what === 'secret' ? '.as-secret' : '.as-codes')!;
    await this.copies.show(what, await copyText(text, source));
  }

  /** The recovery codes as a text file, made in the page (they never travel again). */
  private handleDownload() {
    const session = this.session;
    if (!session) return;
    const { staff } = session;
    const text = `${this.t('recovery.file', { email: staff.email, tenant: staff.tenant.name })}\n\n${(session.recoveryCodes ?? []).join('\n')}\n`;
    const file = new File([text], `portico-recovery-codes-${staff.tenant.slug}.txt`, { type: 'text/plain;charset=utf-8' });
    openFetchedFile(file, this.saveFile);
  }
}

define('admin-sign-in', AdminSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'admin-sign-in': AdminSignIn;
  }
  interface GlobalEventHandlersEventMap {
    'admin-signed-in': CustomEvent<StaffSessionAnswer>;
  }
}
