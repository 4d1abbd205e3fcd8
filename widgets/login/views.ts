import { html, nothing, type TemplateResult } from 'lit';
import type { LinkInfo } from '../core/api-client.ts';
import type { PortalSession } from '../core/context.ts';
import type { coreMessages, Translate } from '../core/i18n.ts';
import type { LoginMessageKey } from './messages.ts';

/** The screens of `<portal-login>`. */
export type View = 'sign-in' | 'forgot' | 'first-access' | 'code-request' | 'code-enter' | 'quick-access' | 'sent' | 'link' | 'accounts' | 'signed-in';

/** What the views need from the element: strings, state, and the handlers. */
export interface ViewContext {
  t: Translate<LoginMessageKey | keyof (typeof coreMessages)['en']>;
  id: (name: string) => string;
  busy: boolean;
  alert: string;
  fieldErrors: Record<string, string>;
  email: string;
  link?: { token: string; info?: LinkInfo; checked?: boolean };
  hasProcesses: boolean;
  go: (view: View) => void;
  submit: (event: SubmitEvent) => void;
  chooseAccount: (accountId: string) => void;
  signOut: () => void;
}

interface FieldSpec {
  name: string;
  label: LoginMessageKey;
  type?: string;
  autocomplete: string;
  value?: string;
  hint?: LoginMessageKey;
  inputmode?: string;
  maxlength?: number;
}

function field(c: ViewContext, spec: FieldSpec): TemplateResult {
  const id = c.id(spec.name);
  const error = c.fieldErrors[spec.name];
  const described = [spec.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="pl-field">
    <label for=${id}>${c.t(spec.label)}</label>
    <input
      id=${id}
      name=${spec.name}
      type=${spec.type ?? 'text'}
      autocomplete=${spec.autocomplete}
      inputmode=${spec.inputmode ?? nothing}
      maxlength=${spec.maxlength ?? nothing}
      .value=${spec.value ?? ''}
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${described || nothing}
      required
    />
    ${spec.hint ? html`<span id=${`${id}-hint`} class="pl-hint">${c.t(spec.hint)}</span>` : nothing}
    ${error ? html`<span id=${`${id}-error`} class="pl-field-error">${error}</span>` : nothing}
  </div>`;
}

const emailField = (c: ViewContext) => field(c, { name: 'email', label: 'email', type: 'email', autocomplete: 'username', value: c.email });
const newPasswordFields = (c: ViewContext) => html`
  ${field(c, { name: 'new-password', label: 'new-password', type: 'password', autocomplete: 'new-password', hint: 'password-hint' })}
  ${field(c, { name: 'repeat-password', label: 'repeat-password', type: 'password', autocomplete: 'new-password' })}
`;

function form(c: ViewContext, title: LoginMessageKey, help: TemplateResult | string | typeof nothing, fields: TemplateResult, submit: LoginMessageKey, links: TemplateResult | typeof nothing): TemplateResult {
  return html`
    <h2 tabindex="-1">${c.t(title)}</h2>
    ${help === nothing ? nothing : html`<p class="pl-help">${help}</p>`}
    <form novalidate @submit=${c.submit}>
      <div class="pl-alert" role="alert" tabindex="-1">${c.alert}</div>
      ${fields}
      <button class="pl-primary" type="submit" aria-disabled=${c.busy ? 'true' : 'false'}>${c.busy ? c.t('working') : c.t(submit)}</button>
    </form>
    ${links === nothing ? nothing : html`<div class="pl-links">${links}</div>`}
  `;
}

const goLink = (c: ViewContext, view: View, label: LoginMessageKey) => html`<button class="pl-link" type="button" @click=${() => c.go(view)}>${c.t(label)}</button>`;
const backLink = (c: ViewContext) => goLink(c, 'sign-in', 'go.back');

/** Renders one screen. */
export function renderView(view: View, c: ViewContext, session: PortalSession): TemplateResult {
  switch (view) {
    case 'sign-in':
      return form(
        c,
        'title.sign-in',
        nothing,
        html`${emailField(c)}${field(c, { name: 'password', label: 'password', type: 'password', autocomplete: 'current-password' })}`,
        'submit.sign-in',
        html`${goLink(c, 'forgot', 'go.forgot')}${goLink(c, 'first-access', 'go.first-access')}${goLink(c, 'code-request', 'go.code-request')}${c.hasProcesses ? goLink(c, 'quick-access', 'go.quick-access') : nothing}`,
      );
    case 'forgot':
      return form(c, 'title.forgot', c.t('help.forgot'), emailField(c), 'submit.send-link', backLink(c));
    case 'first-access':
      return form(c, 'title.first-access', c.t('help.first-access'), emailField(c), 'submit.send-link', backLink(c));
    case 'code-request':
      return form(c, 'title.code-request', c.t('help.code-request'), emailField(c), 'submit.send-code', backLink(c));
    case 'code-enter':
      return form(
        c,
        'title.code-enter',
        c.t('help.code-enter', { email: c.email }),
        html`<input type="hidden" name="email" .value=${c.email} />
          ${field(c, { name: 'code', label: 'code', autocomplete: 'one-time-code', inputmode: 'numeric', maxlength: 9 })}${newPasswordFields(c)}`,
        'submit.register',
        html`${goLink(c, 'code-request', 'go.resend')}${backLink(c)}`,
      );
    case 'quick-access':
      return form(
        c,
        'title.quick-access',
        c.t('help.quick-access'),
        html`${field(c, { name: 'number', label: 'process-number', autocomplete: 'off', inputmode: 'numeric', maxlength: 14 })}${field(c, { name: 'access-key', label: 'access-key', type: 'password', autocomplete: 'off' })}`,
        'submit.quick-access',
        backLink(c),
      );
    case 'sent':
      return html`<h2 tabindex="-1">${c.t('title.sent')}</h2>
        <p role="status">${c.t('help.sent', { email: c.email })}</p>
        <div class="pl-links">${backLink(c)}</div>`;
    case 'link':
      return renderLink(c);
    case 'accounts':
      return renderAccounts(c, session);
    case 'signed-in':
      return renderSignedIn(c, session);
  }
}

function renderLink(c: ViewContext): TemplateResult {
  const info = c.link?.info;
  if (!info) {
    return c.alert
      ? html`<h2 tabindex="-1">${c.t('title.link')}</h2><div class="pl-alert" role="alert" tabindex="-1">${c.alert}</div>
          <div class="pl-links">${goLink(c, 'forgot', 'go.forgot')}${goLink(c, 'code-request', 'go.code-request')}${backLink(c)}</div>`
      : html`<p role="status">${c.t('link.checking')}</p>`;
  }
  return form(c, 'title.link', c.t(`link.${info.purpose}` as LoginMessageKey), info.needsPassword ? newPasswordFields(c) : html``, 'submit.continue', nothing);
}

function renderAccounts(c: ViewContext, session: PortalSession): TemplateResult {
  if (session.status !== 'signed-in') return html``;
  return html`<h2 tabindex="-1">${c.t('title.accounts')}</h2>
    <p class="pl-help">${c.t('help.accounts')}</p>
    <div class="pl-alert" role="alert" tabindex="-1">${c.alert}</div>
    <ul class="pl-accounts">
      ${session.accounts.map(
        (account) => html`<li>
          <button class="pl-account" type="button" aria-current=${account.id === session.accountId ? 'true' : 'false'} aria-disabled=${c.busy ? 'true' : 'false'} @click=${() => !c.busy && c.chooseAccount(account.id)}>
            <strong>${account.name}</strong><br />
            <span class="pl-help">${account.establishments === 'all' ? c.t('all-establishments') : account.establishments.map((e) => e.name).join(', ')}</span>
          </button>
        </li>`,
      )}
    </ul>`;
}

function renderSignedIn(c: ViewContext, session: PortalSession): TemplateResult {
  if (session.status === 'quick-access') {
    return html`<div class="pl-status"><h2 tabindex="-1">${c.t('signed-in.process')}</h2>
      <button class="pl-link" type="button" @click=${c.signOut}>${c.t('sign-out')}</button></div>`;
  }
  if (session.status !== 'signed-in') return html``;
  const account = session.accounts.find((a) => a.id === session.accountId);
  return html`<div class="pl-status">
    <h2 tabindex="-1">${c.t('signed-in', { email: session.user.email })}</h2>
    ${account ? html`<span>${c.t('signed-in.account', { name: account.name })}</span>` : nothing}
    ${session.accounts.length > 1 ? html`<button class="pl-link" type="button" @click=${() => c.go('accounts')}>${c.t('change-account')}</button>` : nothing}
    <button class="pl-link" type="button" @click=${c.signOut}>${c.t('sign-out')}</button>
  </div>`;
}
