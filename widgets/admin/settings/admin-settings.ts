import { Task, TaskStatus } from '@lit/task';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { Branding } from '../../core/api-client.ts';
import { define } from '../../core/define.ts';
import { baseStyles, panelStyles } from '../../core/shared-styles.ts';
import type { Translate } from '../../core/i18n.ts';
import { AdminSection } from '../admin-section.ts';
import { ApiError, type AdminApi, type DocumentSettings, type Module, type TenantSettings } from '../admin-api.ts';
import { settingsStyles } from './admin-settings.styles.ts';
import { renderBranding } from './branding-view.ts';
import {
  appointmentDraft,
  billingDraft,
  brandingDraft,
  checkAppointments,
  checkBilling,
  checkBranding,
  checkGeneral,
  fieldInGroup,
  generalDraft,
  modulesInOrder,
  previewBranding,
  type AppointmentDraft,
  type BillingDraft,
  type BrandingDraft,
  type FieldErrors,
  type GeneralDraft,
  type Group,
} from './drafts.ts';
import { renderGeneral } from './general-view.ts';
import { errorMessage, messages, type SettingsKey } from './messages.ts';
import { renderModules } from './modules-view.ts';
import { renderLoading, renderOptionSections, renderProblem } from './options-view.ts';
import type { ChosenLogo, EditableDrafts, GroupStatus, SettingsView } from './settings-view.ts';
import { previewCss } from './theme-check.ts';
import { logoProblem } from './validation.ts';

/** Who may change each group (the server asks the same). */
const WRITE_SCOPE = {
  general: 'branding:write',
  branding: 'branding:write',
  modules: 'branding:write',
  appointments: 'appointments:write',
  billing: 'billing:write',
  documents: 'documents:write',
} as const satisfies Record<Group, string>;

/**
 * The portal's settings (G1, G2, A9): General (portal on/off, name, language, address, the sites that may embed it),
 * Branding (logo, colours, radius, font, scheme; a live preview and contrast warnings), Modules (the nine on or off)
 * and, under them, the options seed 004 lists for appointments, billing and documents. Each group is its own form
 * with its own Save; the API client asks for the password again when the server wants it. The four parts load
 * independently: one failing shows its error and retry beside the others. Staff who may not change a group see it
 * disabled, without a Save button.
 * @summary The portal's settings, branding and modules.
 * @csspart base - the section.
 * @csspart group - one group of settings.
 * @csspart save - a group's Save button.
 * @csspart saved - a group's "saved" confirmation (a live region).
 * @csspart error - what went wrong (loading or saving).
 * @csspart field-error - what is wrong with one field.
 * @csspart read-only - the note shown instead of a Save button.
 * @csspart origins - the list of sites that may embed the portal.
 * @csspart logo - the logo and its upload field.
 * @csspart colour - a colour's picker and code.
 * @csspart preview-panel - the preview and the contrast check.
 * @csspart preview-portal - the themed sample of the portal.
 * @csspart contrast - the contrast check (a live region).
 * @csspart contrast-warning - the contrast problems, in words.
 * @csspart modules - the list of modules.
 * @csspart module - one module's switch.
 * @csspart options - a module's options.
 * @csspart status - loading messages.
 * @cssprop --portal-admin-settings-gap - space between the groups.
 */
export class AdminSettings extends AdminSection<SettingsKey> implements SettingsView {
  static override styles = [baseStyles, panelStyles, settingsStyles];

  protected readonly catalog = messages;

  @state() general?: GeneralDraft;
  @state() branding?: BrandingDraft;
  @state() logo?: ChosenLogo;
  @state() modules?: Module[];
  @state() appointments?: AppointmentDraft;
  @state() billing?: BillingDraft;
  @state() documents?: DocumentSettings;
  @state() saved?: TenantSettings;
  @state() private statuses: Partial<Record<Group, GroupStatus>> = {};
  @state() private errors: FieldErrors = {};
  private readonly previewSheet = new CSSStyleSheet();

  private readonly settingsTask = this.load(
    () => true,
    (api, signal) => api.getSettings(signal),
    (settings) => {
      this.saved = settings;
      this.general = generalDraft(settings);
      this.branding = brandingDraft(settings.branding);
      this.modules = modulesInOrder(settings.modules);
    },
  );
  private readonly appointmentsTask = this.load(
    () => this.can('appointments:read'),
    (api, signal) => api.getAppointmentSettings(signal),
    (settings) => (this.appointments = appointmentDraft(settings)),
  );
  private readonly billingTask = this.load(
    () => this.can('billing:read'),
    (api, signal) => api.getBillingSettings(signal),
    (settings) => (this.billing = billingDraft(settings)),
  );
  private readonly documentsTask = this.load(
    () => this.can('documents:read'),
    (api, signal) => api.getDocumentSettings(signal),
    (settings) => (this.documents = { ...settings }),
  );

  /** One part's load: asked only when the staff member may read it, again when the API client changes. */
  private load<T>(readable: () => boolean, fetch: (api: AdminApi, signal: AbortSignal) => Promise<T>, adopt: (value: T) => void) {
    return new Task(this, {
      task: async ([api, allowed], { signal }) => {
        if (!api || !allowed) return undefined;
        const value = await fetch(api, signal);
        adopt(value);
        return value;
      },
      args: () => [this.api, readable()] as const,
    });
  }

  override get t(): Translate<SettingsKey> {
    return super.t;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    if (this.logo) URL.revokeObjectURL(this.logo.url);
  }

  protected override firstUpdated() {
    this.shadowRoot!.adoptedStyleSheets = [...this.shadowRoot!.adoptedStyleSheets, this.previewSheet];
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('branding') || changed.has('saved') || changed.has('logo')) {
      const branding = this.previewBranding();
      // Only checked values reach the stylesheet (previewBranding keeps the saved value of a field being typed).
      if (branding) this.previewSheet.replaceSync(previewCss(branding, "[part~='preview-portal']"));
    }
  }

  editable(group: Group): boolean {
    return this.can(WRITE_SCOPE[group]);
  }

  status(group: Group): GroupStatus | undefined {
    return this.statuses[group];
  }

  fieldError(id: string): SettingsKey | undefined {
    return this.errors[id];
  }

  previewBranding(): Branding | undefined {
    if (!this.branding || !this.saved) return undefined;
    return previewBranding(this.branding, this.saved.branding, this.saved.branding.logoUrl);
  }

  edit<G extends keyof EditableDrafts>(group: G, change: Partial<EditableDrafts[G]>) {
    const current = this[group] as EditableDrafts[G] | undefined;
    if (!current) return;
    (this as Pick<EditableDrafts, G>)[group] = { ...current, ...change };
    this.touched(group);
  }

  setModule(module: Module, on: boolean) {
    const modules = new Set(this.modules);
    if (on) modules.add(module);
    else modules.delete(module);
    this.modules = modulesInOrder([...modules]);
    this.touched('modules');
  }

  addOrigin() {
    if (!this.general) return;
    const index = this.general.embedOrigins.length;
    this.edit('general', { embedOrigins: [...this.general.embedOrigins, ''] });
    void this.updateComplete.then(() => this.field(`general-origin-${index}`)?.focus());
  }

  removeOrigin(index: number) {
    if (!this.general) return;
    const origins = this.general.embedOrigins.filter((_, at) => at !== index);
    // The errors follow their rows: drop the removed one's and renumber those after it.
    this.errors = Object.fromEntries(
      Object.entries(this.errors).flatMap(([id, key]) => {
        const row = /^general-origin-(\d+)$/.exec(id);
        if (!row) return [[id, key]];
        const at = Number(row[1]);
        return at === index ? [] : [[at > index ? `general-origin-${at - 1}` : id, key]];
      }),
    );
    this.edit('general', { embedOrigins: origins });
    void this.updateComplete.then(() => (this.field(`general-origin-${Math.min(index, origins.length - 1)}`) ?? this.renderRoot.querySelector<HTMLElement>('[part~=add-origin]'))?.focus());
  }

  chooseLogo(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (this.logo) URL.revokeObjectURL(this.logo.url);
    this.logo = undefined;
    const { 'branding-logo': _dropped, ...others } = this.errors;
    this.errors = others;
    this.touched('branding');
    if (!file) return;
    const problem = logoProblem(file);
    if (problem) {
      // Refused here: nothing is uploaded, and the field is emptied so Save cannot send it.
      input.value = '';
      this.errors = { ...this.errors, 'branding-logo': `error.${problem}` };
      return;
    }
    this.logo = { file, url: URL.createObjectURL(file) };
  }

  submit(group: Group) {
    if (!this.editable(group) || !this.api || this.statuses[group]?.state === 'saving') return;
    const api = this.api;
    switch (group) {
      case 'general':
        return void this.save(group, checkGeneral(this.general!), async (patch) => this.adoptSaved(await api.updateSettings(patch), group));
      case 'branding':
        return void this.save(group, checkBranding(this.branding!), async (branding) => {
          const logo = this.logo;
          if (logo) await api.uploadLogo(logo.file);
          const saved = await api.updateSettings({ branding });
          if (logo && this.logo === logo) {
            URL.revokeObjectURL(logo.url);
            this.logo = undefined;
            this.renderRoot.querySelector<HTMLInputElement>('#branding-logo')!.value = '';
          }
          this.adoptSaved(saved, group);
        });
      case 'modules':
        return void this.save(group, { ok: true, value: modulesInOrder(this.modules ?? []) }, async (modules) => this.adoptSaved(await api.updateSettings({ modules }), group));
      case 'appointments':
        return void this.save(group, checkAppointments(this.appointments!), async (settings) => void (this.appointments = appointmentDraft(await api.saveAppointmentSettings(settings))));
      case 'billing':
        return void this.save(group, checkBilling(this.billing!), async (settings) => {
          await api.saveBillingSettings(settings);
          this.billing = billingDraft(settings);
        });
      case 'documents':
        return void this.save(group, { ok: true, value: { ...this.documents! } }, (settings) => api.saveDocumentSettings(settings));
    }
  }

  /** A group saved: the saved settings become the base, and that group's draft is what the server kept. */
  private adoptSaved(settings: TenantSettings, group: 'general' | 'branding' | 'modules') {
    this.saved = settings;
    if (group === 'general') this.general = generalDraft(settings);
    if (group === 'branding') this.branding = brandingDraft(settings.branding);
    if (group === 'modules') this.modules = modulesInOrder(settings.modules);
  }

  private async save<T>(group: Group, checked: { ok: true; value: T } | { ok: false; errors: FieldErrors }, send: (value: T) => Promise<void>) {
    this.setErrors(group, checked.ok ? {} : checked.errors);
    if (!checked.ok) {
      this.setStatus(group, { state: 'invalid' });
      await this.updateComplete;
      this.form(group)?.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
      return;
    }
    this.setStatus(group, { state: 'saving' });
    try {
      await send(checked.value);
      this.setStatus(group, { state: 'saved' });
    } catch (error) {
      const fields = error instanceof ApiError && error.code === 'invalid_input' ? error.fields : [];
      const marked = Object.fromEntries(fields.flatMap(({ path }) => (fieldInGroup(path, group) ? [[fieldInGroup(path, group)!, 'error.server-field' as SettingsKey]] : [])));
      this.setErrors(group, marked);
      this.setStatus(group, { state: 'failed', message: errorMessage(this.t, error) });
    }
  }

  /** A draft changed: its group's last confirmation no longer applies, and fixed fields lose their errors. */
  private touched(group: Group) {
    const status = this.statuses[group]?.state;
    if (status === 'saved' || status === 'failed') this.setStatus(group, undefined);
    if (status !== 'invalid') return;
    const again = group === 'general' ? checkGeneral(this.general!) : group === 'branding' ? checkBranding(this.branding!) : group === 'appointments' ? checkAppointments(this.appointments!) : group === 'billing' ? checkBilling(this.billing!) : undefined;
    const still = again && !again.ok ? again.errors : {};
    // Keep what the logo field said: it is checked when a file is chosen, not from the draft.
    const logo: FieldErrors = group === 'branding' && this.errors['branding-logo'] ? { 'branding-logo': this.errors['branding-logo'] } : {};
    this.setErrors(group, { ...still, ...logo });
    if (!Object.keys(still).length && !Object.keys(logo).length) this.setStatus(group, undefined);
  }

  private setStatus(group: Group, status: GroupStatus | undefined) {
    this.statuses = { ...this.statuses, [group]: status };
  }

  private setErrors(group: Group, errors: FieldErrors) {
    const others = Object.entries(this.errors).filter(([id]) => !id.startsWith(`${group}-`));
    this.errors = { ...Object.fromEntries(others), ...errors };
  }

  private form(group: Group): HTMLFormElement | null {
    return this.renderRoot.querySelector<HTMLFormElement>(`form[data-group=${group}]`);
  }

  private field(id: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  }

  override render() {
    const t = this.t;
    const busy = [this.settingsTask, this.appointmentsTask, this.billingTask, this.documentsTask].some((task) => task.status === TaskStatus.PENDING);
    return html`<div part="base" aria-busy=${busy ? 'true' : 'false'} lang=${this.locale}>
      <h2>${t('title')}</h2>
      ${this.settingsTask.render({
        initial: () => renderLoading(t),
        pending: () => (this.saved ? this.renderGroups() : renderLoading(t)),
        error: (error) => renderProblem(t, error, () => void this.settingsTask.run()),
        complete: () => (this.saved ? this.renderGroups() : renderLoading(t)),
      })}
    </div>`;
  }

  private renderGroups(): TemplateResult {
    const tasks = { appointments: this.appointmentsTask, billing: this.billingTask, documents: this.documentsTask };
    return html`${renderGeneral(this)} ${renderBranding(this)} ${renderModules(this)} ${renderOptionSections(this, tasks)}`;
  }

}

define('admin-settings', AdminSettings);

declare global {
  interface HTMLElementTagNameMap {
    'admin-settings': AdminSettings;
  }
}
