import { html, nothing, type TemplateResult } from 'lit';
import type { CopyOutcome } from '../../core/clipboard.ts';
import type { Translate } from '../../core/i18n.ts';
import type { SignInKey } from './messages.ts';
import { qrCode } from './qr-code.ts';

/** The screens of `<admin-sign-in>`, in the order a first sign-in meets them. */
export type Step = 'credentials' | 'setup' | 'second-factor' | 'enroll' | 'recovery-codes';

/** What the screens need from the element: strings, state and handlers. */
export interface SignInContext {
  t: Translate<SignInKey>;
  id: (name: string) => string;
  busy: boolean;
  alert: string;
  notice: string;
  fieldErrors: Record<string, string>;
  tenant: string;
  email: string;
  useRecovery: boolean;
  enrolment?: { secret: string; otpauthUri: string };
  recoveryCodes: string[];
  copied: (what: 'secret' | 'codes') => CopyOutcome | undefined;
  submit: (event: SubmitEvent) => void;
  startAgain: () => void;
  toggleRecovery: () => void;
  copy: (what: 'secret' | 'codes') => void;
  download: () => void;
}

interface FieldSpec {
  name: string;
  label: SignInKey;
  type?: string;
  autocomplete?: string;
  value?: string;
  hint?: SignInKey;
  inputmode?: string;
  maxlength?: number;
}

function field(c: SignInContext, spec: FieldSpec): TemplateResult {
  const id = c.id(spec.name);
  const error = c.fieldErrors[spec.name];
  const described = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="as-field">
    <label for=${id}>${c.t(spec.label)}</label>
    ${spec.hint ? html`<span id=${`${id}-hint`} class="as-hint">${c.t(spec.hint)}</span>` : nothing}
    <input
      id=${id}
      name=${spec.name}
      type=${spec.type ?? 'text'}
      autocomplete=${spec.autocomplete ?? nothing}
      inputmode=${spec.inputmode ?? nothing}
      maxlength=${spec.maxlength ?? nothing}
      autocapitalize=${spec.type === 'password' || spec.type === 'email' ? nothing : 'none'}
      spellcheck="false"
      .value=${spec.value ?? ''}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      required
    />
    ${error ? html`<span id=${`${id}-error`} class="as-field-error">${error}</span>` : nothing}
  </div>`;
}

function form(c: SignInContext, step: Step, fields: TemplateResult, submit: SignInKey): TemplateResult {
  return html`<form novalidate data-step=${step} @submit=${c.submit}>
    <div class="as-alert" role="alert" tabindex="-1">${c.alert}</div>
    ${fields}
    <button class="as-primary" type="submit" aria-disabled=${c.busy ? 'true' : 'false'}>${c.busy ? c.t('working') : c.t(submit)}</button>
  </form>`;
}

const heading = (c: SignInContext, key: SignInKey) => html`<h2 tabindex="-1">${c.t(key)}</h2>`;
const startAgain = (c: SignInContext) => html`<div class="as-links"><button class="as-link" type="button" @click=${c.startAgain}>${c.t('start-again')}</button></div>`;

/** The code a session's second factor asks for: six digits from the app, or (after signing in once) a recovery code. */
function codeField(c: SignInContext): TemplateResult {
  return c.useRecovery
    ? field(c, { name: 'code', label: 'recovery-code', autocomplete: 'off', hint: 'recovery-code.hint', maxlength: 20 })
    : field(c, { name: 'code', label: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 9 });
}

function copied(c: SignInContext, what: 'secret' | 'codes'): TemplateResult {
  const outcome = c.copied(what);
  return html`<span class="as-copied" role="status">${outcome ? c.t(outcome === 'copied' ? 'copied' : 'selected') : ''}</span>`;
}

/** The first password, from a setup link. */
function setupView(c: SignInContext): TemplateResult {
  return html`${heading(c, 'title.setup')}
    <p class="as-help">${c.t('help.setup')}</p>
    ${form(
      c,
      'setup',
      html`${field(c, { name: 'new-password', label: 'new-password', type: 'password', autocomplete: 'new-password', hint: 'password.hint', maxlength: 1024 })}
      ${field(c, { name: 'repeat-password', label: 'repeat-password', type: 'password', autocomplete: 'new-password', maxlength: 1024 })}`,
      'submit.setup',
    )}`;
}

/** Adding Portico to an authenticator app: the key in groups of four, a copy button, the otpauth link, the first code. */
function enrollView(c: SignInContext): TemplateResult {
  const secret = c.enrolment?.secret ?? '';
  const grouped = secret.replace(/\s+/g, '').match(/.{1,4}/g)?.join(' ') ?? '';
  return html`${heading(c, 'title.enroll')}
    <p class="as-help">${c.t('help.enroll')}</p>
    <ol class="as-steps">
      <li>
        <p>${c.t('enroll.scan')}</p>
        ${c.enrolment ? qrCode(c.enrolment.otpauthUri, c.t('enroll.qr')) : nothing}
        <p>${c.t('enroll.add')}</p>
        <div class="as-secret-box" role="group" aria-label=${c.t('enroll.secret')}>
          <code class="as-secret" id=${c.id('secret')}>${grouped}</code>
          <div class="as-actions">
            <button class="as-secondary" type="button" data-copy="secret" @click=${() => c.copy('secret')}>${c.t('copy.secret')}</button>
            ${copied(c, 'secret')}
          </div>
        </div>
        <p><a class="as-otpauth" href=${c.enrolment?.otpauthUri ?? '#'}>${c.t('enroll.link')}</a></p>
      </li>
      <li>
        <p>${c.t('enroll.code')}</p>
        ${form(c, 'enroll', codeField(c), 'submit.verify')}
      </li>
    </ol>
    ${startAgain(c)}`;
}

/** The recovery codes, once: copy, download, and the confirmation that they are kept. */
function recoveryCodesView(c: SignInContext): TemplateResult {
  const listId = c.id('codes');
  return html`${heading(c, 'title.recovery-codes')}
    <p class="as-help">${c.t('help.recovery-codes')}</p>
    <h3 id=${`${listId}-title`}>${c.t('recovery.list')}</h3>
    <ul class="as-codes" id=${listId} aria-labelledby=${`${listId}-title`}>
      ${c.recoveryCodes.map((code) => html`<li><code>${code}</code></li>`)}
    </ul>
    <div class="as-actions">
      <button class="as-secondary" type="button" data-copy="codes" @click=${() => c.copy('codes')}>${c.t('copy.codes')}</button>
      <button class="as-secondary" type="button" data-download @click=${c.download}>${c.t('download')}</button>
      ${copied(c, 'codes')}
    </div>
    ${form(c, 'recovery-codes', checkbox(c), 'submit.continue')}`;
}

function checkbox(c: SignInContext): TemplateResult {
  const id = c.id('saved');
  const error = c.fieldErrors.saved;
  return html`<div class="as-check">
    <input id=${id} name="saved" type="checkbox" required aria-invalid=${error ? 'true' : 'false'} aria-describedby=${error ? `${id}-error` : nothing} />
    <label for=${id}>${c.t('recovery.saved')}</label>
    ${error ? html`<span id=${`${id}-error`} class="as-field-error">${error}</span>` : nothing}
  </div>`;
}

/** Renders one screen. */
export function renderStep(step: Step, c: SignInContext): TemplateResult {
  switch (step) {
    case 'credentials':
      return html`${heading(c, 'title.credentials')}
        ${c.notice ? html`<p class="as-notice">${c.notice}</p>` : nothing}
        ${form(
          c,
          'credentials',
          html`${field(c, { name: 'tenant', label: 'tenant', hint: 'tenant.hint', value: c.tenant, maxlength: 40 })}
          ${field(c, { name: 'email', label: 'email', type: 'email', autocomplete: 'username', value: c.email, maxlength: 254 })}
          ${field(c, { name: 'password', label: 'password', type: 'password', autocomplete: 'current-password', maxlength: 1024 })}`,
          'submit.sign-in',
        )}`;
    case 'setup':
      return setupView(c);
    case 'second-factor':
      return html`${heading(c, 'title.second-factor')}
        <p class="as-help">${c.t(c.useRecovery ? 'help.recovery-code' : 'help.second-factor')}</p>
        ${form(c, 'second-factor', codeField(c), 'submit.verify')}
        <div class="as-links">
          <button class="as-link" type="button" data-toggle-recovery @click=${c.toggleRecovery}>${c.t(c.useRecovery ? 'use-app' : 'use-recovery')}</button>
          <button class="as-link" type="button" @click=${c.startAgain}>${c.t('start-again')}</button>
        </div>`;
    case 'enroll':
      return enrollView(c);
    case 'recovery-codes':
      return recoveryCodesView(c);
  }
}
