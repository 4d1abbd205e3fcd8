import { html, nothing, type TemplateResult } from 'lit';
import type { ApiScope, ApiTokenItem, CreatedApiToken } from '../admin-api.ts';
import type { CopyOutcome } from '../../core/clipboard.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import type { TokensKey } from './messages.ts';
import { describeScopes, renderScopePicker } from './scope-picker.ts';

/** How long a new token lives, in days; 90 unless chosen otherwise. */
export const EXPIRY_DAYS = [30, 90, 365] as const;
export const DEFAULT_EXPIRY_DAYS = 90;

/** What the "new token" form holds while it is filled in. */
export interface TokenDraft {
  name: string;
  scopes: Set<ApiScope>;
  expiresInDays: number;
}
export interface TokenFormErrors {
  name?: string;
  scopes?: string;
  form?: string;
}
export type TokenStatus = 'active' | 'expired' | 'revoked';

/** What the views use of `<admin-tokens>`. */
export interface TokensView {
  readonly t: Translate<TokensKey>;
  readonly locale: Locale;
  readonly draft: TokenDraft;
  readonly formErrors: TokenFormErrors;
  readonly creating: boolean;
  readonly confirming?: string;
  readonly revoking?: string;
  readonly rowError?: { id: string; message: string };
  mayRevoke(): boolean;
  day(iso: string): string;
  copiedOf(key: 'token' | 'example'): CopyOutcome | undefined;
  handleToggleScope(scope: ApiScope, on: boolean): void;
  handleDraftInput(event: Event): void;
  handleSubmit(event: SubmitEvent): void;
  handleCancelForm(): void;
  handleCopy(key: 'token' | 'example', text: string): void;
  handleDone(): void;
  askRevoke(item: ApiTokenItem): void;
  cancelRevoke(item: ApiTokenItem): void;
  revoke(item: ApiTokenItem): void;
}

/** Whether a token still works: revoked wins over expired. */
export function statusOf(item: ApiTokenItem, now = Date.now()): TokenStatus {
  if (item.revokedAt) return 'revoked';
  if (item.expiresAt && Date.parse(item.expiresAt) <= now) return 'expired';
  return 'active';
}

/** The form: name, permissions by module, expiry; errors tied to their fields. */
export function renderTokenForm(view: TokensView): TemplateResult {
  const { t, draft, formErrors: errors } = view;
  return html`<form part="form" novalidate aria-labelledby="token-form-title" @submit=${view.handleSubmit}>
    <h3 id="token-form-title">${t('form.title')}</h3>
    <label for="token-name">${t('form.name')}</label>
    <p class="hint" id="token-name-hint">${t('form.name.hint')}</p>
    <input
      id="token-name"
      name="name"
      autocomplete="off"
      maxlength="80"
      required
      .value=${draft.name}
      aria-invalid=${errors.name ? 'true' : 'false'}
      aria-describedby=${errors.name ? 'token-name-hint token-name-error' : 'token-name-hint'}
      @input=${view.handleDraftInput}
    />
    ${errors.name ? html`<p class="field-error" id="token-name-error">${errors.name}</p>` : nothing}
    ${renderScopePicker({ locale: view.locale, id: 'token-scopes', selected: draft.scopes, onToggle: view.handleToggleScope, hint: t('form.scopes.hint'), error: errors.scopes })}
    <label for="token-expiry">${t('form.expiry')}</label>
    <select id="token-expiry" name="expiresInDays" .value=${String(draft.expiresInDays)} @change=${view.handleDraftInput}>
      ${EXPIRY_DAYS.map((days) => html`<option value=${days} ?selected=${days === draft.expiresInDays}>${t('form.days', { days })}</option>`)}
    </select>
    ${errors.form ? html`<div part="error" role="alert"><p>${errors.form}</p></div>` : nothing}
    <div class="actions">
      <button part="create" class="primary" type="submit" aria-disabled=${view.creating ? 'true' : 'false'}>${view.creating ? t('form.creating') : t('form.create')}</button>
      <button class="secondary" type="button" @click=${view.handleCancelForm}>${t('cancel')}</button>
    </div>
  </form>`;
}

function copyConfirmation(view: TokensView, key: 'token' | 'example'): string {
  const outcome = view.copiedOf(key);
  return outcome === 'copied' ? view.t('copied') : outcome === 'selected' ? view.t('copy.selected') : '';
}

/** The new token, this once: a read-only field to copy it from, the warning, and a curl call to try it. */
export function renderCreated(view: TokensView, created: CreatedApiToken, origin: string): TemplateResult {
  const { t } = view;
  const example = `curl -H "Authorization: Bearer ${created.token}" ${origin}/api/v1/accounts`;
  return html`<section part="created" aria-labelledby="created-title">
    <h3 id="created-title" tabindex="-1">${t('created.title', { name: created.name })}</h3>
    <p part="warning" id="created-warning"><strong>${t('created.warning')}</strong> ${t('created.store')}</p>
    <label for="created-token">${t('created.token')}</label>
    <div class="copy-row">
      <input id="created-token" part="token" readonly .value=${created.token} aria-describedby="created-warning" spellcheck="false" autocomplete="off" @focus=${selectAll} />
      <button part="copy" class="secondary" type="button" aria-describedby="created-token" @click=${() => view.handleCopy('token', created.token)}>${t('copy')}</button>
      <span part="copied" role="status" aria-live="polite">${copyConfirmation(view, 'token')}</span>
    </div>
    <h4>${t('created.example')}</h4>
    <p id="example-hint">${t('created.example.hint')}</p>
    <pre part="code example" id="token-example"><code>${example}</code></pre>
    <div class="actions">
      <button class="secondary" type="button" aria-describedby="example-hint" @click=${() => view.handleCopy('example', example)}>${t('copy')}</button>
      <span part="copied" role="status" aria-live="polite">${copyConfirmation(view, 'example')}</span>
    </div>
    <div class="actions"><button part="done" class="primary" type="button" @click=${view.handleDone}>${t('done')}</button></div>
  </section>`;
}

const selectAll = (event: FocusEvent) => (event.target as HTMLInputElement).select();

/** One token: name and status, what it starts with, its permissions and dates; "Revoke" with its confirm step. */
export function renderTokenItem(view: TokensView, item: ApiTokenItem): TemplateResult {
  const { t } = view;
  const status = statusOf(item);
  const titleId = `token-item-${item.id}`;
  return html`<li part="item" data-id=${item.id} data-status=${status}>
    <div class="item-head">
      <h3 id=${titleId} tabindex="-1">${item.name}</h3>
      <span part="badge status" class="state" data-status=${status}>${t(`status.${status}`)}</span>
    </div>
    <dl>
      <div><dt>${t('token.prefix')}</dt><dd><code part="code">${item.prefix}…</code></dd></div>
      <div><dt>${t('token.scopes')}</dt><dd>${describeScopes(item.scopes, view.locale)}</dd></div>
      <div><dt>${t('token.created')}</dt><dd><time datetime=${item.createdAt}>${view.day(item.createdAt)}</time></dd></div>
      <div>
        <dt>${t('token.expires')}</dt>
        <dd>${item.expiresAt ? html`<time datetime=${item.expiresAt}>${view.day(item.expiresAt)}</time>` : t('token.expires.never')}</dd>
      </div>
      <div>
        <dt>${t('token.last-used')}</dt>
        <dd>${item.lastUsedAt ? html`<time datetime=${item.lastUsedAt}>${view.day(item.lastUsedAt)}</time>` : t('token.never-used')}</dd>
      </div>
    </dl>
    ${status === 'active' && view.mayRevoke() ? renderRevoke(view, item) : nothing}
  </li>`;
}

function renderRevoke(view: TokensView, item: ApiTokenItem): TemplateResult {
  const { t } = view;
  const error = view.rowError?.id === item.id ? html`<div part="error" role="alert"><p>${view.rowError.message}</p></div>` : nothing;
  if (view.confirming !== item.id) {
    return html`${error}<div class="actions">
        <button part="revoke" class="secondary danger" type="button" aria-label=${t('revoke.label', { name: item.name })} @click=${() => view.askRevoke(item)}>${t('revoke')}</button>
      </div>`;
  }
  const busy = view.revoking === item.id;
  return html`<div part="confirm" role="group" aria-labelledby=${`confirm-${item.id}`}>
    <p id=${`confirm-${item.id}`}>${t('revoke.question', { name: item.name })}</p>
    ${error}
    <div class="actions">
      <button part="confirm-revoke" class="primary danger" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => view.revoke(item)}>
        ${busy ? t('revoke.working') : t('revoke.confirm')}
      </button>
      <button part="cancel-revoke" class="secondary" type="button" @click=${() => view.cancelRevoke(item)}>${t('cancel')}</button>
    </div>
  </div>`;
}
