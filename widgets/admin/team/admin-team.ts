import { Task, TaskStatus } from '@lit/task';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { AdminSection } from '../admin-section.ts';
import { ApiError, type AdminApi, type ApiScope, type StaffMember, type StaffRole } from '../admin-api.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import { cardListStyles } from '../tokens/admin-tokens.styles.ts';
import { orderedScopes, scopePickerStyles } from '../tokens/scope-picker.ts';
import { teamStyles } from './admin-team.styles.ts';
import { messages, type TeamKey } from './messages.ts';
import { renderInviteForm, renderMember, ROLES, type AccessDraft, type FormErrors, type InviteDraft, type TeamView } from './team-views.ts';

const emptyInvite = (): InviteDraft => ({ email: '', name: '', role: 'staff', permissions: new Set() });
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
type Change = Parameters<AdminApi['changeStaff']>[1];

/**
 * The team (staff management): who uses the console — name, e-mail, role, invited / active / disabled, whether the
 * authenticator app is set up, last sign-in. "Invite a staff member" asks an e-mail, a name and a role (owner,
 * administrator, staff with the modules chosen, read-only), and e-mails a setup link valid for 72 hours. Each member's
 * access can be changed, and they can be disabled and enabled — except the signed-in member, who cannot disable
 * themselves; only owners change owners or make new ones. Needs `staff:write`.
 * @summary The console's staff and what each may do.
 * @csspart base - the section.
 * @csspart intro - what the team is.
 * @csspart announcement - the live region saying what just happened.
 * @csspart invite - the "invite" button; `invite-form` the form, `send` its button.
 * @csspart roles - the role radio buttons.
 * @csspart scopes - the permission checkboxes (role staff); each module a `scope-module`.
 * @csspart list - the team; each member an `item`, their state a `status` badge.
 * @csspart change - a member's "change access" button; `change-form` the form, `save` its button.
 * @csspart disable - a member's "disable" button; `enable` for a disabled one.
 * @csspart empty - the message when the list is empty.
 * @csspart error - what went wrong.
 * @csspart status - the loading message.
 * @cssprop --portal-team-gap - space between the parts.
 */
export class AdminTeam extends AdminSection<TeamKey> implements TeamView {
  static override styles = [baseStyles, panelStyles, cardListStyles, scopePickerStyles, teamStyles];

  protected readonly catalog = messages;

  @state() private members: StaffMember[] = [];
  @state() private inviteOpen = false;
  @state() invite: InviteDraft = emptyInvite();
  @state() inviteErrors: FormErrors = {};
  @state() inviting = false;
  /** The member whose access is being changed. */
  @state() editing?: string;
  @state() edit: AccessDraft = { role: 'staff', permissions: new Set() };
  @state() editErrors: FormErrors = {};
  @state() saving = false;
  @state() toggling?: string;
  @state() rowError?: { id: string; message: string };
  @state() private announcement = '';

  private readonly list = new Task(this, {
    task: async ([api, allowed], { signal }) => {
      if (!api || !allowed) return undefined;
      const { items } = await api.listStaff(signal);
      this.members = items;
      return items;
    },
    args: () => [this.api, this.can('staff:write')] as const,
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>) {
    // Someone else signed in: drop the previous member's half-done forms.
    const before = changed.get('me') as { id: string } | undefined;
    if (before && before.id !== this.me?.id) Object.assign(this, { inviteOpen: false, editing: undefined, rowError: undefined, announcement: '' });
  }

  override get t() {
    return super.t;
  }

  grantableRoles(): readonly StaffRole[] {
    return this.me?.role === 'owner' ? ROLES : ROLES.filter((role) => role !== 'owner');
  }

  mayManage(member: StaffMember): boolean {
    return this.can('staff:write') && (member.role !== 'owner' || this.me?.role === 'owner');
  }

  isMe(member: StaffMember): boolean {
    return member.id === this.me?.id;
  }

  day(iso: string): string {
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'medium' }).format(new Date(iso));
  }

  override render() {
    const t = this.t;
    const allowed = this.can('staff:write');
    return html`<section part="base" aria-labelledby="team-title" lang=${this.locale}>
      <h2 id="team-title">${t('title')}</h2>
      <p part="intro">${t('intro')}</p>
      <p part="announcement" role="status">${this.announcement}</p>
      ${allowed ? this.renderTeam() : html`<p>${t('no-access')}</p>`}
    </section>`;
  }

  private renderTeam(): TemplateResult {
    const pending = this.list.status === TaskStatus.PENDING || this.list.status === TaskStatus.INITIAL;
    return html`${this.inviteOpen
        ? renderInviteForm(this)
        : html`<div class="actions"><button part="invite" class="primary" type="button" @click=${this.handleOpenInvite}>${this.t('invite')}</button></div>`}
      <div class="list-region" aria-busy=${pending ? 'true' : 'false'}>
        ${this.list.render({
          initial: () => this.renderLoading(),
          pending: () => this.renderLoading(),
          error: (error) => this.renderProblem(error),
          complete: () => this.renderList(),
        })}
      </div>`;
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
    const others = this.members.filter((member) => !this.isMe(member));
    return html`${others.length ? '' : html`<p part="empty">${this.t('empty')}</p>`}
      ${this.members.length
        ? html`<ul part="list" aria-label=${this.t('list.label')}>${repeat(this.members, (member) => member.id, (member) => renderMember(this, member))}</ul>`
        : ''}`;
  }

  private problemText(error: unknown): string {
    const key = `error.${error instanceof ApiError ? error.code : 'generic'}`;
    return key in messages.en ? this.t(key as TeamKey) : this.t('error.generic');
  }

  /** The server's invalid_input on the fields it names, and the problem in words. */
  private formProblem(error: unknown): FormErrors {
    const fields = error instanceof ApiError && error.code === 'invalid_input' ? error.fields : [];
    const on = (path: string) => fields.find((field) => field.path === path || field.path.startsWith(`${path}.`))?.message;
    return { email: on('email'), name: on('name'), permissions: on('permissions'), form: this.problemText(error) };
  }

  private focusLater(selector: string) {
    void this.updateComplete.then(() => this.shadowRoot?.querySelector<HTMLElement>(selector)?.focus());
  }

  private rowSelector(member: StaffMember, part: string) {
    return `[data-id="${CSS.escape(member.id)}"] [part~=${part}]`;
  }

  private handleOpenInvite = () => {
    this.invite = emptyInvite();
    this.inviteErrors = {};
    this.inviteOpen = true;
    this.focusLater('#invite-email');
  };

  handleCancelInvite = () => {
    this.inviteOpen = false;
    this.focusLater('[part~=invite]');
  };

  handleInviteInput = (event: Event) => {
    const field = event.target as HTMLInputElement;
    const name = field.name as 'email' | 'name';
    this.invite = { ...this.invite, [name]: field.value };
    if (this.inviteErrors[name]) this.inviteErrors = { ...this.inviteErrors, [name]: undefined };
  };

  handleInviteRole = (role: StaffRole) => {
    this.invite = { ...this.invite, role };
    this.inviteErrors = { ...this.inviteErrors, permissions: undefined };
  };

  handleInviteScope = (scope: ApiScope, on: boolean) => {
    this.invite = { ...this.invite, permissions: toggled(this.invite.permissions, scope, on) };
    if (on) this.inviteErrors = { ...this.inviteErrors, permissions: undefined };
  };

  handleInvite = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.inviting || !this.api) return;
    const t = this.t;
    const email = this.invite.email.trim();
    const name = this.invite.name.trim();
    const { role } = this.invite;
    const errors: FormErrors = {
      email: EMAIL.test(email) ? undefined : t('form.email.missing'),
      name: name ? undefined : t('form.name.missing'),
      permissions: role === 'staff' && !this.invite.permissions.size ? t('form.permissions.missing') : undefined,
    };
    this.inviteErrors = errors;
    const invalid = errors.email ? '#invite-email' : errors.name ? '#invite-name' : errors.permissions ? '#invite-scopes' : '';
    if (invalid) return this.focusLater(invalid);
    this.inviting = true;
    try {
      // Permissions only mean something for the role `staff`; the other roles carry their own.
      const permissions = role === 'staff' ? orderedScopes(this.invite.permissions) : [];
      const member = await this.api.inviteStaff({ email, name, role, permissions });
      this.members = [...this.members.filter((other) => other.id !== member.id), member];
      this.inviteOpen = false;
      this.announcement = t('invite.sent', { email: member.email });
      this.focusLater('[part~=invite]');
    } catch (error) {
      this.inviteErrors = this.formProblem(error);
    } finally {
      this.inviting = false;
    }
  };

  openEdit(member: StaffMember) {
    this.editing = member.id;
    this.edit = { role: member.role, permissions: new Set(member.permissions) };
    this.editErrors = {};
    this.rowError = undefined;
    this.focusLater('#edit-role-' + member.role);
  }

  cancelEdit(member: StaffMember) {
    this.editing = undefined;
    this.focusLater(this.rowSelector(member, 'change'));
  }

  handleEditRole = (role: StaffRole) => {
    this.edit = { ...this.edit, role };
    this.editErrors = {};
  };

  handleEditScope = (scope: ApiScope, on: boolean) => {
    this.edit = { ...this.edit, permissions: toggled(this.edit.permissions, scope, on) };
    if (on) this.editErrors = { ...this.editErrors, permissions: undefined };
  };

  /** Sends only what changed: the role, and for `staff` the permissions. */
  async saveEdit(event: SubmitEvent, member: StaffMember) {
    event.preventDefault();
    if (this.saving || !this.api) return;
    const t = this.t;
    const { role } = this.edit;
    const permissions = orderedScopes(this.edit.permissions);
    if (role === 'staff' && !permissions.length) {
      this.editErrors = { permissions: t('form.permissions.missing') };
      return this.focusLater('#edit-scopes');
    }
    const change: Change = {};
    if (role !== member.role) change.role = role;
    if (role === 'staff' && (role !== member.role || permissions.join() !== orderedScopes(member.permissions).join())) change.permissions = permissions;
    if (!Object.keys(change).length) {
      this.announcement = t('change.nothing');
      return this.cancelEdit(member);
    }
    this.saving = true;
    this.editErrors = {};
    try {
      const saved = await this.api.changeStaff(member.id, change);
      this.replace(saved);
      this.editing = undefined;
      this.announcement = t('change.saved', { name: saved.name });
      this.focusLater(this.rowSelector(saved, 'change'));
    } catch (error) {
      this.editErrors = this.formProblem(error);
    } finally {
      this.saving = false;
    }
  }

  async toggleStatus(member: StaffMember) {
    if (this.toggling || !this.api || this.isMe(member)) return;
    const status = member.status === 'disabled' ? 'active' : 'disabled';
    this.toggling = member.id;
    this.rowError = undefined;
    try {
      const saved = await this.api.changeStaff(member.id, { status });
      this.replace(saved);
      this.announcement = this.t(status === 'disabled' ? 'disabled.done' : 'enabled.done', { name: saved.name });
      // The button changed its words; focus stays on it.
      this.focusLater(this.rowSelector(saved, status === 'disabled' ? 'enable' : 'disable'));
    } catch (error) {
      this.rowError = { id: member.id, message: this.problemText(error) };
    } finally {
      this.toggling = undefined;
    }
  }

  private replace(saved: StaffMember) {
    this.members = this.members.map((other) => (other.id === saved.id ? saved : other));
  }
}

function toggled(scopes: ReadonlySet<ApiScope>, scope: ApiScope, on: boolean): Set<ApiScope> {
  const next = new Set(scopes);
  if (on) next.add(scope);
  else next.delete(scope);
  return next;
}

define('admin-team', AdminTeam);

declare global {
  interface HTMLElementTagNameMap {
    'admin-team': AdminTeam;
  }
}
