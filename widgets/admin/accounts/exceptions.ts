import type { AccountSettingsOverride, AppointmentSettings, Module } from '../admin-api.ts';
import { APPOINTMENT_BOUNDS, MODULE_ORDER } from '../settings/drafts.ts';
import { wholeNumber } from '../settings/validation.ts';
import type { AccountsKey } from './messages.ts';

/**
 * An account's exceptions (G3) as staff edit them, and what is sent: module choices (as the portal, on, off) and
 * appointment options overridden one by one. Pure functions; `<admin-accounts>` wires them.
 */

/** A module for one account: as the portal has it, or switched on or off for this account alone. */
export type ModuleChoice = 'portal' | 'on' | 'off';

export function moduleChoices(exceptions: Partial<Record<Module, boolean>>): Record<Module, ModuleChoice> {
  return Object.fromEntries(MODULE_ORDER.map((module) => [module, exceptions[module] === undefined ? 'portal' : exceptions[module] ? 'on' : 'off'])) as Record<Module, ModuleChoice>;
}

/** Only the modules whose choice changed: `true`/`false` an exception, `null` back to the portal's. */
export function changedModules(saved: Record<Module, ModuleChoice>, draft: Record<Module, ModuleChoice>): Partial<Record<Module, boolean | null>> {
  const changes: Partial<Record<Module, boolean | null>> = {};
  for (const module of MODULE_ORDER) if (draft[module] !== saved[module]) changes[module] = draft[module] === 'portal' ? null : draft[module] === 'on';
  return changes;
}

/** The appointment options, in the order seed 004 lists them. */
export const OPTION_KEYS = ['bookingMode', 'showAppointments', 'cancellation', 'guide', 'horizonDays', 'minNoticeMinutes', 'contact'] as const satisfies readonly (keyof AppointmentSettings)[];
export type OptionKey = (typeof OPTION_KEYS)[number];
// Fails to compile when the server adds an option this list lacks.
const _everyOption: Record<Exclude<keyof AppointmentSettings, OptionKey>, never> = {};
void _everyOption;

/** An override as the form holds it: numbers as typed. A key present is overridden for the account. */
export interface OverrideDraft {
  bookingMode?: AppointmentSettings['bookingMode'];
  showAppointments?: boolean;
  cancellation?: { allowed: boolean; hoursBefore: string };
  guide?: boolean;
  horizonDays?: string;
  minNoticeMinutes?: string;
  contact?: string;
}

/** The form's value of one option, from a stored value (the override's, or the effective one when starting one). */
export function draftValue<K extends OptionKey>(key: K, settings: Partial<AppointmentSettings>): OverrideDraft[K] {
  const value = settings[key];
  if (value === undefined) return undefined;
  switch (key) {
    case 'cancellation': {
      const cancellation = value as AppointmentSettings['cancellation'];
      return { allowed: cancellation.allowed, hoursBefore: String(cancellation.hoursBefore) } as OverrideDraft[K];
    }
    case 'horizonDays':
    case 'minNoticeMinutes':
      return String(value) as OverrideDraft[K];
    case 'contact':
      return (value ?? '') as OverrideDraft[K];
    default:
      return value as OverrideDraft[K];
  }
}

export function overrideDraft(override: AccountSettingsOverride): OverrideDraft {
  const draft: OverrideDraft = {};
  for (const key of OPTION_KEYS) if (key in override) Object.assign(draft, { [key]: draftValue(key, override) });
  return draft;
}

/** Field errors by the field's element id. */
export type FieldErrors = Record<string, AccountsKey>;

/** The whole override to send (only the overridden keys), or what is wrong with it. */
export function checkOverride(draft: OverrideDraft): { ok: true; value: AccountSettingsOverride } | { ok: false; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const value: AccountSettingsOverride = {};
  if (draft.bookingMode !== undefined) value.bookingMode = draft.bookingMode;
  if (draft.showAppointments !== undefined) value.showAppointments = draft.showAppointments;
  if (draft.cancellation !== undefined) {
    const hoursBefore = wholeNumber(draft.cancellation.hoursBefore, ...APPOINTMENT_BOUNDS.hoursBefore);
    if (hoursBefore === undefined) errors['option-cancellation-hours'] = 'error.hours-before';
    else value.cancellation = { allowed: draft.cancellation.allowed, hoursBefore };
  }
  if (draft.guide !== undefined) value.guide = draft.guide;
  if (draft.horizonDays !== undefined) {
    const horizonDays = wholeNumber(draft.horizonDays, ...APPOINTMENT_BOUNDS.horizonDays);
    if (horizonDays === undefined) errors['option-horizonDays'] = 'error.horizon';
    else value.horizonDays = horizonDays;
  }
  if (draft.minNoticeMinutes !== undefined) {
    const minNoticeMinutes = wholeNumber(draft.minNoticeMinutes, ...APPOINTMENT_BOUNDS.minNoticeMinutes);
    if (minNoticeMinutes === undefined) errors['option-minNoticeMinutes'] = 'error.notice';
    else value.minNoticeMinutes = minNoticeMinutes;
  }
  if (draft.contact !== undefined) {
    const contact = draft.contact.trim();
    if (contact.length > 200) errors['option-contact'] = 'error.contact';
    else value.contact = contact || null;
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value };
}

/** A Brazilian CPF or CNPJ with its usual punctuation; any other tax id as stored. */
export function formatTaxId(taxId: string): string {
  if (/^\d{14}$/.test(taxId)) return taxId.replace(/^(\d{2})(\d{3})(\d{3})(\d{4})(\d{2})$/, '$1.$2.$3/$4-$5');
  if (/^\d{11}$/.test(taxId)) return taxId.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
  return taxId;
}
