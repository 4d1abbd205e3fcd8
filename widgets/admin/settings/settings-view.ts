import { html, nothing, type TemplateResult } from 'lit';
import type { Branding } from '../../core/api-client.ts';
import type { Locale, Translate } from '../../core/i18n.ts';
import type { DocumentSettings, Module, TenantSettings } from '../admin-api.ts';
import type { AppointmentDraft, BillingDraft, BrandingDraft, GeneralDraft, Group } from './drafts.ts';
import type { SettingsKey } from './messages.ts';

/** A logo chosen but not saved yet, with a local address to preview it. */
export interface ChosenLogo {
  file: File;
  url: string;
}

/** How a group's last save went. */
export type GroupStatus = { state: 'saving' } | { state: 'saved' } | { state: 'invalid' } | { state: 'failed'; message: string };

/** The drafts `edit` changes, by group. */
export interface EditableDrafts {
  general: GeneralDraft;
  branding: BrandingDraft;
  appointments: AppointmentDraft;
  billing: BillingDraft;
  documents: DocumentSettings;
}

/** What the group templates read from `<admin-settings>` and call on it. */
export interface SettingsView {
  readonly t: Translate<SettingsKey>;
  readonly locale: Locale;
  /** The settings as last loaded or saved. */
  readonly saved?: TenantSettings;
  readonly general?: GeneralDraft;
  readonly branding?: BrandingDraft;
  readonly logo?: ChosenLogo;
  readonly modules?: Module[];
  readonly appointments?: AppointmentDraft;
  readonly billing?: BillingDraft;
  readonly documents?: DocumentSettings;
  /** Whether the staff member may change `group`. */
  editable(group: Group): boolean;
  edit<G extends keyof EditableDrafts>(group: G, change: Partial<EditableDrafts[G]>): void;
  setModule(module: Module, on: boolean): void;
  addOrigin(): void;
  removeOrigin(index: number): void;
  chooseLogo(input: HTMLInputElement): void;
  previewBranding(): Branding | undefined;
  /** The message key of a field's error, by the field's id. */
  fieldError(id: string): SettingsKey | undefined;
  status(group: Group): GroupStatus | undefined;
  submit(group: Group): void;
}

/** A form field's error attributes and message: `aria-invalid`, `aria-describedby`, and the text under it. */
export function fieldProblem(view: SettingsView, id: string, hintId?: string) {
  const key = view.fieldError(id);
  const describedBy = [hintId, key ? `${id}-error` : undefined].filter(Boolean).join(' ');
  return {
    invalid: key ? 'true' : 'false',
    describedBy: describedBy || nothing,
    message: key ? html`<p class="field-error" part="field-error" id=${`${id}-error`}>${view.t(key)}</p>` : nothing,
  };
}

const SAVE_LABEL: Record<Group, SettingsKey> = {
  general: 'general.save',
  branding: 'branding.save',
  modules: 'modules.save',
  appointments: 'appointments.save',
  billing: 'billing.save',
  documents: 'documents.save',
};
const SAVED: Record<Group, SettingsKey> = {
  general: 'general.saved',
  branding: 'branding.saved',
  modules: 'modules.saved',
  appointments: 'appointments.saved',
  billing: 'billing.saved',
  documents: 'documents.saved',
};

/**
 * A group's Save button, its live "saved" confirmation and what went wrong; for read-only staff, a note that they
 * may not change this instead.
 */
export function renderActions(view: SettingsView, group: Group): TemplateResult {
  const t = view.t;
  if (!view.editable(group)) return html`<p part="read-only" class="hint">${t('read-only')}</p>`;
  const status = view.status(group);
  const saving = status?.state === 'saving';
  return html`<div class="actions">
      <button part="save" class="primary" type="submit" data-group=${group} aria-disabled=${saving ? 'true' : 'false'}>${saving ? t('saving') : t(SAVE_LABEL[group])}</button>
    </div>
    <p part="saved" role="status">${status?.state === 'saved' ? t(SAVED[group]) : ''}</p>
    ${status?.state === 'failed' ? html`<div part="error" role="alert"><p>${status.message}</p></div>` : nothing}
    ${status?.state === 'invalid' ? html`<div part="error" role="alert"><p>${t('invalid-fields')}</p></div>` : nothing}`;
}

/** A checkbox drawn as an on/off switch, its explanation read with it. */
export function renderSwitch(options: { id: string; label: string; hint?: string; checked: boolean; change: (on: boolean) => void }): TemplateResult {
  const hintId = options.hint ? `${options.id}-hint` : undefined;
  return html`<div class="switch-row">
    <label class="switch" for=${options.id}>
      <input
        id=${options.id}
        type="checkbox"
        role="switch"
        .checked=${options.checked}
        aria-describedby=${hintId ?? nothing}
        @change=${(event: Event) => options.change((event.target as HTMLInputElement).checked)}
      />
      <span>${options.label}</span>
    </label>
    ${options.hint ? html`<p class="hint" id=${hintId!}>${options.hint}</p>` : nothing}
  </div>`;
}
