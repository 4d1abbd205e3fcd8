import { html, nothing, type TemplateResult } from 'lit';
import type { ApiScope, StaffMember, StaffRole } from '../admin-api.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import { describeScopes, renderScopePicker } from '../tokens/scope-picker.ts';
import type { TeamKey } from './messages.ts';

/**
 * The staff roles, most powerful first. Mirrors `STAFF_ROLES` of `server/features/staff/schemas.ts`, which the
 * browser cannot import (it pulls in `node:crypto`); the check below fails if they stop matching.
 */
export const ROLES = ['owner', 'admin', 'staff', 'read-only'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const mirrorsServer: Same<(typeof ROLES)[number], StaffRole> = true;
void mirrorsServer;

/** A role and, for `staff`, its permissions, as the invite and change forms hold them. */
export interface AccessDraft {
  role: StaffRole;
  permissions: Set<ApiScope>;
}
export interface InviteDraft extends AccessDraft {
  email: string;
  name: string;
}
export type FormErrors = Partial<Record<'email' | 'name' | 'permissions' | 'form', string>>;

/** What the views use of `<admin-team>`. */
export interface TeamView {
  readonly t: Translate<TeamKey>;
  readonly locale: Locale;
  readonly invite: InviteDraft;
  readonly inviteErrors: FormErrors;
  readonly inviting: boolean;
  readonly editing?: string;
  readonly edit: AccessDraft;
  readonly editErrors: FormErrors;
  readonly saving: boolean;
  readonly toggling?: string;
  readonly rowError?: { id: string; message: string };
  /** The roles the signed-in member may give (only owners make owners). */
  grantableRoles(): readonly StaffRole[];
  /** Whether the signed-in member may change `member` (admins leave owners alone). */
  mayManage(member: StaffMember): boolean;
  isMe(member: StaffMember): boolean;
  day(iso: string): string;
  handleInviteInput(event: Event): void;
  handleInviteRole(role: StaffRole): void;
  handleInviteScope(scope: ApiScope, on: boolean): void;
  handleInvite(event: SubmitEvent): void;
  handleCancelInvite(): void;
  openEdit(member: StaffMember): void;
  handleEditRole(role: StaffRole): void;
  handleEditScope(scope: ApiScope, on: boolean): void;
  saveEdit(event: SubmitEvent, member: StaffMember): void;
  cancelEdit(member: StaffMember): void;
  toggleStatus(member: StaffMember): void;
}

interface AccessFieldsOptions {
  id: string;
  draft: AccessDraft;
  errors: FormErrors;
  onRole: (role: StaffRole) => void;
  onScope: (scope: ApiScope, on: boolean) => void;
}

/** The role as radio buttons, each with its one-line explanation; for `staff`, the permission checkboxes. */
function renderAccessFields(view: TeamView, options: AccessFieldsOptions): TemplateResult {
  const { t } = view;
  const { id, draft, errors } = options;
  return html`<fieldset class="roles" part="roles">
      <legend>${t('form.role')}</legend>
      ${view.grantableRoles().map(
        (role) => html`<div class="role">
          <input type="radio" name=${`${id}-role`} id=${`${id}-role-${role}`} value=${role} .checked=${draft.role === role}
            aria-describedby=${`${id}-role-${role}-hint`} @change=${() => options.onRole(role)} />
          <label for=${`${id}-role-${role}`}>${t(`role.${role}`)}</label>
          <span class="hint" id=${`${id}-role-${role}-hint`}>${t(`role.${role}.hint`)}</span>
        </div>`,
      )}
    </fieldset>
    ${draft.role === 'staff'
      ? renderScopePicker({ locale: view.locale, id: `${id}-scopes`, selected: draft.permissions, onToggle: options.onScope, hint: t('form.permissions.hint'), error: errors.permissions })
      : nothing}`;
}

function formError(errors: FormErrors): TemplateResult | typeof nothing {
  return errors.form ? html`<div part="error" role="alert"><p>${errors.form}</p></div>` : nothing;
}

function fieldError(id: string, error?: string): TemplateResult | typeof nothing {
  return error ? html`<p class="field-error" id=${`${id}-error`}>${error}</p>` : nothing;
}

/** Invite: e-mail, name, role (and permissions for `staff`). */
export function renderInviteForm(view: TeamView): TemplateResult {
  const { t, invite, inviteErrors: errors } = view;
  return html`<form part="invite-form" novalidate aria-labelledby="invite-title" @submit=${view.handleInvite}>
    <h3 id="invite-title">${t('invite.title')}</h3>
    <label for="invite-email">${t('form.email')}</label>
    <input id="invite-email" name="email" type="email" autocomplete="off" spellcheck="false" maxlength="254" required .value=${invite.email}
      aria-invalid=${errors.email ? 'true' : 'false'} aria-describedby=${errors.email ? 'invite-email-error' : nothing} @input=${view.handleInviteInput} />
    ${fieldError('invite-email', errors.email)}
    <label for="invite-name">${t('form.name')}</label>
    <input id="invite-name" name="name" autocomplete="off" maxlength="120" required .value=${invite.name}
      aria-invalid=${errors.name ? 'true' : 'false'} aria-describedby=${errors.name ? 'invite-name-error' : nothing} @input=${view.handleInviteInput} />
    ${fieldError('invite-name', errors.name)}
    ${renderAccessFields(view, { id: 'invite', draft: invite, errors, onRole: view.handleInviteRole, onScope: view.handleInviteScope })}
    ${formError(errors)}
    <div class="actions">
      <button part="send" class="primary" type="submit" aria-disabled=${view.inviting ? 'true' : 'false'}>${view.inviting ? t('invite.sending') : t('invite.send')}</button>
      <button class="secondary" type="button" @click=${view.handleCancelInvite}>${t('cancel')}</button>
    </div>
  </form>`;
}

/** A staff member: name, status, e-mail, role (and permissions), second factor, last sign-in; what may be done. */
export function renderMember(view: TeamView, member: StaffMember): TemplateResult {
  const { t } = view;
  const titleId = `member-${member.id}`;
  return html`<li part="item" data-id=${member.id} data-status=${member.status}>
    <div class="item-head">
      <h3 id=${titleId} tabindex="-1">${member.name}${view.isMe(member) ? html` <span class="you">${t('you')}</span>` : nothing}</h3>
      <span part="badge status" class="state" data-status=${member.status}>${t(`status.${member.status}`)}</span>
    </div>
    <dl>
      <div><dt>${t('member.email')}</dt><dd>${member.email}</dd></div>
      <div><dt>${t('member.role')}</dt><dd>${t(`role.${member.role}`)}</dd></div>
      ${member.role === 'staff' ? html`<div><dt>${t('member.permissions')}</dt><dd>${describeScopes(member.permissions, view.locale)}</dd></div>` : nothing}
      <div><dt>${t('member.second-factor')}</dt><dd>${member.secondFactor ? t('member.second-factor.yes') : t('member.second-factor.no')}</dd></div>
      <div>
        <dt>${t('member.last-sign-in')}</dt>
        <dd>${member.lastSignInAt ? html`<time datetime=${member.lastSignInAt}>${view.day(member.lastSignInAt)}</time>` : t('member.never')}</dd>
      </div>
    </dl>
    ${view.rowError?.id === member.id && view.editing !== member.id ? html`<div part="error" role="alert"><p>${view.rowError.message}</p></div>` : nothing}
    ${view.editing === member.id ? renderEditForm(view, member) : view.mayManage(member) ? renderMemberActions(view, member) : nothing}
  </li>`;
}

function renderMemberActions(view: TeamView, member: StaffMember): TemplateResult {
  const { t } = view;
  const busy = view.toggling === member.id;
  const disabling = member.status !== 'disabled';
  // The signed-in member cannot lock themselves out: no "Disable" for them.
  const toggle = view.isMe(member)
    ? nothing
    : html`<button part=${disabling ? 'disable' : 'enable'} class=${disabling ? 'secondary danger' : 'secondary'} type="button"
        aria-label=${t(disabling ? 'disable.label' : 'enable.label', { name: member.name })} aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => view.toggleStatus(member)}>${disabling ? t('disable') : t('enable')}</button>`;
  return html`<div class="actions">
    <button part="change" class="secondary" type="button" aria-label=${t('change.label', { name: member.name })} @click=${() => view.openEdit(member)}>${t('change')}</button>
    ${toggle}
  </div>`;
}

function renderEditForm(view: TeamView, member: StaffMember): TemplateResult {
  const { t } = view;
  return html`<form part="change-form" novalidate aria-labelledby="edit-title" @submit=${(event: SubmitEvent) => view.saveEdit(event, member)}>
    <h4 id="edit-title">${t('change.title', { name: member.name })}</h4>
    ${renderAccessFields(view, { id: 'edit', draft: view.edit, errors: view.editErrors, onRole: view.handleEditRole, onScope: view.handleEditScope })}
    ${formError(view.editErrors)}
    <div class="actions">
      <button part="save" class="primary" type="submit" aria-disabled=${view.saving ? 'true' : 'false'}>${view.saving ? t('saving') : t('save')}</button>
      <button class="secondary" type="button" @click=${() => view.cancelEdit(member)}>${t('cancel')}</button>
    </div>
  </form>`;
}
