import { Task, TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError, type ApiScope, type ApiTokenItem, type CreatedApiToken } from '../admin-api.ts';
import { CopyConfirmation, copyText, type CopyOutcome } from '../../core/clipboard.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { messages, type TokensKey } from './messages.ts';
import { orderedScopes, scopePickerStyles } from './scope-picker.ts';
import { cardListStyles, tokensStyles } from './admin-tokens.styles.ts';
import { DEFAULT_EXPIRY_DAYS, renderCreated, renderTokenForm, renderTokenItem, type TokenDraft, type TokenFormErrors, type TokensView } from './token-views.ts';

const emptyDraft = (): TokenDraft => ({ name: '', scopes: new Set(), expiresInDays: DEFAULT_EXPIRY_DAYS });

/**
 * API tokens (A12): the list (name, what it starts with, permissions, created, expires, last used, active / expired /
 * revoked); "New token" asks a name, the permissions per module and how long it lives (30, 90 or 365 days), then
 * shows the token **once** in a read-only field with a Copy button, a warning and a curl call to try it — "Done"
 * forgets it. "Revoke" asks to confirm first; the row then shows revoked. Needs `tokens:write`.
 * @summary The portal's API tokens.
 * @csspart base - the section.
 * @csspart intro - what tokens are for.
 * @csspart announcement - the live region saying what just happened.
 * @csspart new - the "new token" button.
 * @csspart form - the new-token form.
 * @csspart scopes - the permission checkboxes; each module a `scope-module`.
 * @csspart create - the form's submit button.
 * @csspart created - the new token, shown once.
 * @csspart warning - "copy it now".
 * @csspart token - the read-only field holding the new token.
 * @csspart copy - a copy button; `copied` its confirmation.
 * @csspart example - the curl example.
 * @csspart done - the button that hides the new token.
 * @csspart list - the tokens; each an `item`, its state a `status` badge.
 * @csspart revoke - a token's revoke button; `confirm`, `confirm-revoke` and `cancel-revoke` its confirm step.
 * @csspart empty - the message when there are no tokens.
 * @csspart error - what went wrong.
 * @csspart status - the loading message.
 * @cssprop --portal-tokens-gap - space between the parts.
 * @cssprop --portal-tokens-warning-color - the edge of the new-token box (default: the danger colour).
 */
export class AdminTokens extends AdminSection<TokensKey> implements TokensView {
  static override styles = [baseStyles, panelStyles, cardListStyles, scopePickerStyles, tokensStyles];

  protected readonly catalog = messages;

  /** The list as shown: what the server gave, with the tokens created and revoked here. */
  @state() private items: ApiTokenItem[] = [];
  @state() private formOpen = false;
  @state() draft: TokenDraft = emptyDraft();
  @state() formErrors: TokenFormErrors = {};
  @state() creating = false;
  /** The token just created, until "Done". */
  @state() private created?: CreatedApiToken;
  @state() confirming?: string;
  @state() revoking?: string;
  @state() rowError?: { id: string; message: string };
  @state() private announcement = '';
  private readonly copied = new CopyConfirmation<'token' | 'example'>(this);

  private readonly list = new Task(this, {
    task: async ([api, allowed], { signal }) => {
      if (!api || !allowed) return undefined;
      const { items } = await api.listTokens(signal);
      this.items = items;
      return items;
    },
    args: () => [this.api, this.can('tokens:write')] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // Someone else signed in: nothing of the previous member's work stays, least of all a token they created.
    const before = changed.get('me') as { id: string } | undefined;
    if (before && before.id !== this.me?.id) {
      Object.assign(this, { created: undefined, formOpen: false, confirming: undefined, rowError: undefined, announcement: '' });
      this.copied.clear();
    }
  }

  override get t() {
    return super.t;
  }

  mayRevoke(): boolean {
    return this.can('tokens:write');
  }

  day(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(iso));
  }

  copiedOf(key: 'token' | 'example'): CopyOutcome | undefined {
    return this.copied.of(key);
  }

  override render() {
    const t = this.t;
    const allowed = this.can('tokens:write');
    return html`<section part="base" aria-labelledby="tokens-title" lang=${this.locale}>
      <h2 id="tokens-title">${t('title')}</h2>
      <p part="intro">${t('intro')}</p>
      <p part="announcement" role="status">${this.announcement}</p>
      ${allowed ? this.renderManager() : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderManager(): TemplateResult {
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`${this.created ? renderCreated(this, this.created, location.origin) : this.formOpen ? renderTokenForm(this) : this.renderNewButton()}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error),
          complete: () => this.renderList(),
        })}
      </div>`;
  }

  private renderNewButton(): TemplateResult {
    return html`<div class="actions"><button part="new" class="primary" type="button" @click=${this.handleNew}>${this.t('new')}</button></div>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div part="status" class="loading"><progress aria-hidden="true"></progress><span>${this.t('loading')}</span></div>`;
  }

  private renderProblem(error: unknown): TemplateResult {
    return html`<div part="error" role="alert">
      <p>${this.problemText(error)}</p>
      <button class="secondary" type="button" @click=${() => void this.list.run()}>${this.t('retry')}</button>
    </div>`;
  }

  private renderList(): TemplateResult {
    if (!this.items.length) return html`<p part="empty">${this.t('empty')}</p>`;
    return html`<ul part="list" aria-label=${this.t('list.label')}>
      ${repeat(this.items, (item) => item.id, (item) => renderTokenItem(this, item))}
    </ul>`;
  }

  /** A problem's code in words. */
  private problemText(error: unknown): string {
    const key = `error.${error instanceof ApiError ? error.code : 'generic'}`;
    return key in messages.en ? this.t(key as TokensKey) : this.t('error.generic');
  }

  private focusLater(selector: string) {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  private handleNew = () => {
    this.draft = emptyDraft();
    this.formErrors = {};
    this.formOpen = true;
    this.focusLater('#token-name');
  };

  handleCancelForm = () => {
    this.formOpen = false;
    this.focusLater('[part~=new]');
  };

  handleDraftInput = (event: Event) => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    if (field.name === 'name') {
      this.draft = { ...this.draft, name: field.value };
      if (this.formErrors.name && field.value.trim()) this.formErrors = { ...this.formErrors, name: undefined };
    } else {
      this.draft = { ...this.draft, expiresInDays: Number(field.value) };
    }
  };

  handleToggleScope = (scope: ApiScope, on: boolean) => {
    const scopes = new Set(this.draft.scopes);
    if (on) scopes.add(scope);
    else scopes.delete(scope);
    this.draft = { ...this.draft, scopes };
    if (this.formErrors.scopes && scopes.size) this.formErrors = { ...this.formErrors, scopes: undefined };
  };

  handleSubmit = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.creating || !this.api) return;
    const t = this.t;
    const name = this.draft.name.trim();
    const errors: TokenFormErrors = {
      name: name ? undefined : t('form.name.missing'),
      scopes: this.draft.scopes.size ? undefined : t('form.scopes.missing'),
    };
    this.formErrors = errors;
    if (errors.name || errors.scopes) return this.focusLater(errors.name ? '#token-name' : '#token-scopes');
    this.creating = true;
    try {
      const created = await this.api.createToken({ name, scopes: orderedScopes(this.draft.scopes), expiresInDays: this.draft.expiresInDays });
      const { token: _secret, ...item } = created;
      this.items = [item, ...this.items.filter((other) => other.id !== item.id)];
      this.created = created;
      this.formOpen = false;
      this.announcement = t('announce.created', { name: created.name });
      this.focusLater('#created-title');
    } catch (error) {
      this.formErrors = this.formProblem(error);
    } finally {
      this.creating = false;
    }
  };

  /** The server's answer to a create, on the fields it names. */
  private formProblem(error: unknown): TokenFormErrors {
    const fields = error instanceof ApiError && error.code === 'invalid_input' ? error.fields : [];
    const on = (path: string) => fields.find((field) => field.path === path || field.path.startsWith(`${path}.`))?.message;
    const errors = { name: on('name'), scopes: on('scopes') };
    return { ...errors, form: this.problemText(error) };
  }

  handleCopy = async (key: 'token' | 'example', text: string) => {
    const source = this.shadowRoot!.querySelector<HTMLElement>(key === 'token' ? '#created-token' : '#token-example')!;
    const outcome = source instanceof HTMLInputElement ? await copyFromField(source) : await copyText(text, () => source);
    await this.copied.show(key, outcome);
  };

  /** Forgets the token (it is never shown again) and goes back to the list. */
  handleDone = () => {
    this.created = undefined;
    this.copied.clear();
    this.announcement = '';
    this.focusLater('[part~=new]');
  };

  askRevoke(item: ApiTokenItem) {
    this.confirming = item.id;
    this.rowError = undefined;
    // The safe choice first: Enter on a stray key press keeps the token.
    this.focusLater(`[data-id="${CSS.escape(item.id)}"] [part~=cancel-revoke]`);
  }

  cancelRevoke(item: ApiTokenItem) {
    this.confirming = undefined;
    this.rowError = undefined;
    this.focusLater(`[data-id="${CSS.escape(item.id)}"] [part~=revoke]`);
  }

  async revoke(item: ApiTokenItem) {
    if (this.revoking || !this.api) return;
    this.revoking = item.id;
    this.rowError = undefined;
    try {
      await this.api.revokeToken(item.id);
      const revokedAt = new Date().toISOString();
      this.items = this.items.map((other) => (other.id === item.id ? { ...other, revokedAt } : other));
      this.confirming = undefined;
      this.announcement = this.t('announce.revoked', { name: item.name });
      this.focusLater(`#token-item-${CSS.escape(item.id)}`);
    } catch (error) {
      this.rowError = { id: item.id, message: this.problemText(error) };
    } finally {
      this.revoking = undefined;
    }
  }
}

/** Copies a read-only field's value; without the Clipboard API, selects it for the staff member to copy. */
async function copyFromField(field: HTMLInputElement): Promise<CopyOutcome> {
  try {
    if (!navigator.clipboard) throw new Error('no clipboard');
    await navigator.clipboard.writeText(field.value);
    return 'copied';
  } catch {
    field.focus();
    field.select();
    try {
      return document.execCommand('copy') ? 'copied' : 'selected';
    } catch {
      return 'selected';
    }
  }
}

define('admin-tokens', AdminTokens);

declare global {
  interface HTMLElementTagNameMap {
    'admin-tokens': AdminTokens;
  }
}
