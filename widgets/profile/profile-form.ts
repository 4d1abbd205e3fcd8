import { html, nothing, type TemplateResult } from 'lit';
import { ApiError, type ChangeResult, type Profile, type ProfileField } from '../core/api-client.ts';
import { changedKeys, draftsOf, draftText, inputId, readField, type Drafts, type Problems } from './field-reading.ts';
import { renderAddress, renderField, type FieldView } from './field-views.ts';
import type { Key, ProfileHost } from './host.ts';
import { ADDRESS_PARTS } from './values.ts';

/** The form's first groups and the standard fields each holds; then the address, then every other field. */
const GROUPS: { name: string; legend: Key; fields: string[] }[] = [
  { name: 'identity', legend: 'group.identity', fields: ['name', 'taxId'] },
  { name: 'contact', legend: 'group.contact', fields: ['email', 'phone', 'mobile'] },
];
const GROUPED = new Set(['address', ...GROUPS.flatMap((group) => group.fields)]);
/** Problems the server names per field: shown at each field, as the client would have been told before sending. */
const FIELD_PROBLEMS = new Set(['invalid_input', 'field_not_editable', 'profile_incomplete']);

/**
 * The registration data as one form (P1, P2): identity, contact, the address, then the business's own fields. Checks
 * each changed field when the client leaves it and everything on submit (saying what is wrong beside each field and in
 * a list at the top, focus on the first); sends only the fields changed; says what was saved and what waits for
 * approval; maps the server's field problems to their fields.
 */
export class ProfileForm {
  private initial: Drafts = new Map();
  private drafts: Drafts = new Map();
  private problems: Problems = new Map();
  /** Paths the client has left at least once: the address checks only those before a submit. */
  private readonly touched = new Set<string>();
  private busy = false;
  private error = '';
  /** What the last save did ("Saved: …. Waiting for approval: …."), or "nothing changed". */
  private summary = '';

  constructor(private readonly host: ProfileHost) {}

  /** Starts again from a profile fresh from the server. */
  load(profile: Profile) {
    this.initial = draftsOf(profile, this.host.fieldContext(profile));
    this.drafts = new Map(this.initial);
    this.problems = new Map();
    this.touched.clear();
    this.error = '';
  }

  /** Another person: nothing of the previous one's may stay. */
  reset() {
    Object.assign(this, { initial: new Map(), drafts: new Map(), problems: new Map(), error: '', summary: '', busy: false });
    this.touched.clear();
  }

  isDirty(): boolean {
    return changedKeys(this.drafts, this.initial).size > 0;
  }

  render(profile: Profile): TemplateResult {
    const { t } = this.host;
    const view: FieldView = { host: this.host, profile, ctx: this.host.fieldContext(profile), drafts: this.drafts, problems: this.problems };
    const byKey = new Map(profile.fields.map((field) => [field.key, field]));
    const group = (legend: Key, fields: ProfileField[], name: string) =>
      fields.length ? html`<fieldset part="group" data-group=${name}><legend>${t(legend)}</legend>${fields.map((field) => renderField(view, field))}</fieldset>` : nothing;
    const address = byKey.get('address');
    // The business's own fields, and any standard field this version of the widget does not know yet.
    const others = profile.fields.filter((field) => !GROUPED.has(field.key));
    const dirty = this.isDirty();
    return html`<form part="form" novalidate @submit=${this.handleSubmit} @input=${this.handleInput} @change=${this.handleInput} @focusout=${this.handleLeave}>
      <p class="hint">${t('required-legend')}</p>
      ${this.renderProblems(profile)}
      ${GROUPS.map(({ name, legend, fields }) => group(legend, fields.map((key) => byKey.get(key)).filter((field): field is ProfileField => Boolean(field)), name))}
      ${address ? renderAddress(view, address) : nothing}
      ${group('group.custom', others, 'custom')}
      ${this.error ? html`<div part="error" role="alert"><p>${this.error}</p></div>` : nothing}
      ${this.summary ? html`<p part="saved"><span aria-hidden="true">✓</span> ${this.summary}</p>` : nothing}
      ${this.initial.size
        ? html`<div class="actions">
            <button part="save" class="primary" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t(this.busy ? 'saving' : 'save')}</button>
            ${dirty ? html`<button part="undo" class="secondary" type="button" @click=${this.handleUndo}>${t('undo')}</button>` : nothing}
          </div>`
        : nothing}
    </form>`;
  }

  /**
   * Saves the fields changed (none: nothing to do). True when everything changed was sent and taken: the profile then
   * shows the server's answer. False when a field is wrong (said at the field) or the server refused.
   */
  async save(): Promise<boolean> {
    const profile = this.host.profile();
    const token = this.host.token();
    if (!profile || !token || this.busy) return false;
    const { values, problems } = this.collect(profile);
    Object.assign(this, { problems, error: '', summary: '' });
    if (problems.size) return this.stop();
    if (!Object.keys(values).length) {
      this.host.requestUpdate();
      return true;
    }
    this.busy = true;
    this.host.requestUpdate();
    try {
      const result = await this.host.api!.updateProfile(token, { values }, this.host.query());
      this.host.show(result.profile);
      this.summary = this.summarize(result, profile);
      this.host.announce(this.summary);
      this.host.emit<ChangeResult>('portal-profile-saved', result);
      return true;
    } catch (error) {
      this.showProblems(error, profile);
      return false;
    } finally {
      this.busy = false;
      this.host.requestUpdate();
    }
  }

  /** The server's problem: per field where it names them (focus on the first), else as one message. */
  showProblems(error: unknown, profile: Profile) {
    const { t } = this.host;
    this.error = this.host.message(error);
    if (!(error instanceof ApiError) || !FIELD_PROBLEMS.has(error.code)) return this.host.requestUpdate();
    const problems: Problems = new Map();
    for (const { path, message } of error.fields) {
      const [, key, part] = path.split('.');
      const field = profile.fields.find((f) => f.key === key);
      if (!field) continue;
      const at = field.type === 'address' && field.mode !== 'view' ? `address.${part && (ADDRESS_PARTS as readonly string[]).includes(part) ? part : 'street'}` : field.key;
      const name = field.type === 'address' && at !== 'address' ? t(at as Key) : this.host.label(field, profile);
      const said = error.code === 'field_not_editable' ? t('invalid.locked', { field: name }) : error.code === 'profile_incomplete' ? t('invalid.incomplete', { field: name }) : t('invalid.server', { field: name, message });
      if (!problems.has(at)) problems.set(at, said);
    }
    this.problems = problems;
    if (problems.size) this.stop();
    else this.host.requestUpdate();
  }

  /** Every changed field read: the values to send, and what is wrong where (in the form's order). */
  private collect(profile: Profile): { values: Record<string, unknown>; problems: Problems } {
    const ctx = this.host.fieldContext(profile);
    const changed = changedKeys(this.drafts, this.initial);
    const values: Record<string, unknown> = {};
    const problems: Problems = new Map();
    for (const field of profile.fields) {
      if (field.mode === 'view' || !changed.has(field.key)) continue;
      const reading = readField(field, this.drafts, ctx, this.host.label(field, profile));
      for (const [path, message] of reading.problems) problems.set(path, message);
      if (!reading.problems.length) values[field.key] = reading.value;
    }
    return { values, problems };
  }

  /** Checks one field as the client leaves it (an address only in the parts already left). */
  private check(key: string, tidy: boolean) {
    const profile = this.host.profile();
    const field = profile?.fields.find((f) => f.key === key);
    if (!profile || !field || field.mode === 'view') return;
    const paths = field.type === 'address' ? ADDRESS_PARTS.map((part) => `address.${part}`) : [key];
    for (const path of paths) this.problems.delete(path);
    if (!changedKeys(this.drafts, this.initial).has(key)) return;
    const ctx = this.host.fieldContext(profile);
    const reading = readField(field, this.drafts, ctx, this.host.label(field, profile));
    for (const [path, message] of reading.problems) if (field.type !== 'address' || this.touched.has(path)) this.problems.set(path, message);
    // Written another way than the form writes it (a CPF without dots, a phone without spaces): shown the form's way.
    if (tidy && !reading.problems.length && reading.value !== null && field.type !== 'address') this.drafts.set(key, draftText(field, reading.value, ctx));
  }

  private stop(): false {
    this.host.requestUpdate();
    // The first field the client can fix; a read-only one cannot take the focus, so the list of problems does.
    const first = this.sorted().find(([path]) => this.initial.has(path))?.[0];
    this.host.focusAfterUpdate(first ? `#${inputId(first)}` : '[part~=problems]');
    return false;
  }

  /** "Saved: Phone, E-mail. Waiting for approval: Full name." */
  private summarize(result: ChangeResult, profile: Profile): string {
    const { t } = this.host;
    const names = (keys: string[]) => keys.map((key) => {
      const field = profile.fields.find((f) => f.key === key);
      return field ? this.host.label(field, profile) : key;
    }).join(', ');
    const said = [result.saved.length ? t('saved.saved', { fields: names(result.saved) }) : '', result.pending.length ? t('saved.pending', { fields: names(result.pending) }) : ''];
    return said.filter(Boolean).join(' ') || t('saved.none');
  }

  /** The problems in the form's order. */
  private sorted(profile = this.host.profile()): [path: string, message: string][] {
    const order = [...this.initial.keys(), ...(profile?.fields.map((f) => f.key) ?? [])];
    const at = (path: string) => (order.includes(path) ? order.indexOf(path) : order.indexOf(path.split('.')[0]!));
    return [...this.problems].sort(([a], [b]) => at(a) - at(b));
  }

  private renderProblems(profile: Profile): TemplateResult | typeof nothing {
    if (!this.problems.size) return nothing;
    const { t } = this.host;
    const sorted = this.sorted(profile);
    const count = this.problems.size;
    return html`<div part="problems" role="alert" tabindex="-1">
      <p>${count === 1 ? t('problems.one') : t('problems.other', { count })}</p>
      <ul>${sorted.map(([path, message]) => html`<li>
        ${this.initial.has(path)
          ? html`<button class="link" type="button" @click=${() => this.host.shadowRoot?.getElementById(inputId(path))?.focus()}>${message}</button>`
          : message}
      </li>`)}</ul>
    </div>`;
  }

  private handleSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    if (!this.isDirty()) {
      this.summary = this.host.t('nothing-changed');
      this.problems = new Map();
      this.host.announce(this.summary);
      this.host.requestUpdate();
      return;
    }
    void this.save();
  };

  private handleInput = (event: Event) => {
    const input = event.target as HTMLInputElement | HTMLSelectElement;
    if (!this.drafts.has(input.name)) return;
    this.drafts.set(input.name, input.value);
    // A field said to be wrong is checked again as the client fixes it; others wait until the client leaves them.
    const key = input.name.split('.')[0]!;
    if (this.problems.has(input.name) || (event.type === 'change' && input instanceof HTMLSelectElement)) this.check(key, false);
    this.host.requestUpdate();
  };

  private handleLeave = (event: FocusEvent) => {
    const input = event.target as HTMLInputElement;
    if (!this.drafts.has(input.name)) return;
    this.touched.add(input.name);
    this.check(input.name.split('.')[0]!, true);
    this.host.requestUpdate();
  };

  private handleUndo = () => {
    const profile = this.host.profile();
    if (profile) this.load(profile);
    this.summary = '';
    this.host.requestUpdate();
    this.host.focusAfterUpdate('[part~=save]');
  };
}
