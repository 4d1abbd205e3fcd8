import type { Branding } from '../../core/api-client.ts';
import type { Locale } from '../../core/i18n.ts';
import type { AppointmentSettings, BillingSettings, DocumentSettings, Module, SettingsPatch, TenantSettings } from '../admin-api.ts';
import type { SettingsKey } from './messages.ts';
import { FONT_PRESETS, isEmbedOrigin, isFontStack, isPortalUrl, normaliseColour, normaliseOrigin, wholeNumber } from './validation.ts';

/**
 * What staff are editing in each group of `<admin-settings>`, as the form holds it (numbers as typed), and how a
 * draft becomes the request body — or the field errors that stop it. Pure functions: the element only wires them.
 */

/** The settings' groups, each its own form and Save button. */
export type Group = 'general' | 'branding' | 'modules' | 'appointments' | 'billing' | 'documents';

/** Field errors by the field's element id, as message keys. */
export type FieldErrors = Record<string, SettingsKey>;

/** A draft's request body, or why it cannot be sent. */
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

function checked<T>(errors: FieldErrors, value: () => T): Checked<T> {
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: value() };
}

/** The portal's modules in menu order (the server's `MODULES`; the test checks they match). */
export const MODULE_ORDER = ['billing', 'processes', 'documents', 'appointments', 'requests', 'profile', 'news', 'materials', 'campaigns'] as const satisfies readonly Module[];
// Fails to compile when the server adds a module this list lacks.
const _everyModule: Record<Exclude<Module, (typeof MODULE_ORDER)[number]>, never> = {};
void _everyModule;

export interface GeneralDraft {
  portalEnabled: boolean;
  name: string;
  defaultLocale: Locale;
  portalUrl: string;
  embedOrigins: string[];
}

export function generalDraft(settings: TenantSettings): GeneralDraft {
  return {
    portalEnabled: settings.portalEnabled,
    name: settings.name,
    defaultLocale: settings.defaultLocale,
    portalUrl: settings.portalUrl ?? '',
    embedOrigins: [...settings.embedOrigins],
  };
}

/** The most websites the server keeps. */
export const MAX_ORIGINS = 20;

export function checkGeneral(draft: GeneralDraft): Checked<SettingsPatch> {
  const errors: FieldErrors = {};
  const name = draft.name.trim();
  if (!name || name.length > 120) errors['general-name'] = 'error.name';
  const portalUrl = draft.portalUrl.trim();
  if (portalUrl && !isPortalUrl(portalUrl)) errors['general-url'] = 'error.portal-url';
  const origins = draft.embedOrigins.map(normaliseOrigin);
  origins.forEach((origin, index) => {
    if (!isEmbedOrigin(origin)) errors[`general-origin-${index}`] = 'error.origin';
    else if (origins.indexOf(origin) !== index) errors[`general-origin-${index}`] = 'error.origin-twice';
  });
  return checked(errors, () => ({ portalEnabled: draft.portalEnabled, name, defaultLocale: draft.defaultLocale, portalUrl: portalUrl || null, embedOrigins: origins }));
}

/** `other`: a font stack typed by hand. */
export type FontChoice = (typeof FONT_PRESETS)[number] | 'other';

export interface BrandingDraft {
  primaryColor: string;
  accentColor: string;
  radius: string;
  font: FontChoice;
  otherFont: string;
  colorScheme: Branding['colorScheme'];
}

export function brandingDraft(branding: Branding): BrandingDraft {
  const preset = FONT_PRESETS.find((stack) => stack === branding.fontFamily);
  return {
    primaryColor: branding.primaryColor,
    accentColor: branding.accentColor,
    radius: String(branding.radius),
    font: preset ?? 'other',
    otherFont: preset ? '' : branding.fontFamily,
    colorScheme: branding.colorScheme,
  };
}

type BrandingPatch = NonNullable<SettingsPatch['branding']>;

export function checkBranding(draft: BrandingDraft): Checked<Required<BrandingPatch>> {
  const errors: FieldErrors = {};
  const primaryColor = normaliseColour(draft.primaryColor);
  const accentColor = normaliseColour(draft.accentColor);
  const radius = wholeNumber(draft.radius, 0, 24);
  const fontFamily = draft.font === 'other' ? draft.otherFont.trim() : draft.font;
  if (!primaryColor) errors['branding-primary'] = 'error.colour';
  if (!accentColor) errors['branding-accent'] = 'error.colour';
  if (radius === undefined) errors['branding-radius'] = 'error.radius';
  if (!isFontStack(fontFamily)) errors['branding-font-other'] = 'error.font';
  return checked(errors, () => ({ primaryColor: primaryColor!, accentColor: accentColor!, radius: radius!, fontFamily, colorScheme: draft.colorScheme }));
}

/** The branding the preview shows: the draft where it is valid, the saved value where it is not (yet). */
export function previewBranding(draft: BrandingDraft, saved: Branding, logoUrl: string | null): Branding {
  const fontFamily = draft.font === 'other' ? draft.otherFont.trim() : draft.font;
  const radius = wholeNumber(draft.radius, 0, 24);
  return {
    logoUrl,
    primaryColor: normaliseColour(draft.primaryColor) ?? saved.primaryColor,
    accentColor: normaliseColour(draft.accentColor) ?? saved.accentColor,
    radius: radius ?? saved.radius,
    fontFamily: isFontStack(fontFamily) ? fontFamily : saved.fontFamily,
    colorScheme: draft.colorScheme,
  };
}

/** The modules switched on, in menu order, whatever order they were switched in. */
export function modulesInOrder(modules: readonly Module[]): Module[] {
  return MODULE_ORDER.filter((module) => modules.includes(module));
}

export interface AppointmentDraft {
  bookingMode: AppointmentSettings['bookingMode'];
  showAppointments: boolean;
  cancellationAllowed: boolean;
  hoursBefore: string;
  guide: boolean;
  horizonDays: string;
  minNoticeMinutes: string;
  contact: string;
}

export function appointmentDraft(settings: AppointmentSettings): AppointmentDraft {
  return {
    bookingMode: settings.bookingMode,
    showAppointments: settings.showAppointments,
    cancellationAllowed: settings.cancellation.allowed,
    hoursBefore: String(settings.cancellation.hoursBefore),
    guide: settings.guide,
    horizonDays: String(settings.horizonDays),
    minNoticeMinutes: String(settings.minNoticeMinutes),
    contact: settings.contact ?? '',
  };
}

/** The bounds the server sets on the appointment numbers (server/features/appointments/schemas.ts). */
export const APPOINTMENT_BOUNDS = { hoursBefore: [0, 720], horizonDays: [1, 365], minNoticeMinutes: [0, 60 * 24 * 14] } as const;

export function checkAppointments(draft: AppointmentDraft): Checked<AppointmentSettings> {
  const errors: FieldErrors = {};
  const hoursBefore = wholeNumber(draft.hoursBefore, ...APPOINTMENT_BOUNDS.hoursBefore);
  const horizonDays = wholeNumber(draft.horizonDays, ...APPOINTMENT_BOUNDS.horizonDays);
  const minNoticeMinutes = wholeNumber(draft.minNoticeMinutes, ...APPOINTMENT_BOUNDS.minNoticeMinutes);
  const contact = draft.contact.trim();
  if (hoursBefore === undefined) errors['appointments-hours'] = 'error.hours-before';
  if (horizonDays === undefined) errors['appointments-horizon'] = 'error.horizon';
  if (minNoticeMinutes === undefined) errors['appointments-notice'] = 'error.notice';
  if (contact.length > 200) errors['appointments-contact'] = 'error.contact';
  return checked(errors, () => ({
    bookingMode: draft.bookingMode,
    showAppointments: draft.showAppointments,
    cancellation: { allowed: draft.cancellationAllowed, hoursBefore: hoursBefore! },
    guide: draft.guide,
    horizonDays: horizonDays!,
    minNoticeMinutes: minNoticeMinutes!,
    contact: contact || null,
  }));
}

export interface BillingDraft {
  pixKey: string;
  pixMerchantName: string;
  pixMerchantCity: string;
  showPendingReports: boolean;
}

export function billingDraft(settings: BillingSettings): BillingDraft {
  return {
    pixKey: settings.pixKey ?? '',
    pixMerchantName: settings.pixMerchantName ?? '',
    pixMerchantCity: settings.pixMerchantCity ?? '',
    showPendingReports: settings.showPendingReports,
  };
}

/** What a PIX BR Code can carry (server/features/billing/schemas.ts). */
export const PIX_LIMITS = { pixKey: 77, pixMerchantName: 25, pixMerchantCity: 15 } as const;

export function checkBilling(draft: BillingDraft): Checked<BillingSettings> {
  const errors: FieldErrors = {};
  const key = draft.pixKey.trim();
  const name = draft.pixMerchantName.trim();
  const city = draft.pixMerchantCity.trim();
  if (key.length > PIX_LIMITS.pixKey) errors['billing-pix-key'] = 'error.pix-key';
  if (name.length > PIX_LIMITS.pixMerchantName) errors['billing-pix-name'] = 'error.pix-name';
  if (city.length > PIX_LIMITS.pixMerchantCity) errors['billing-pix-city'] = 'error.pix-city';
  // A PIX code needs all three; a key alone would leave clients with a broken "Pay with PIX".
  if (key && !name && !errors['billing-pix-name']) errors['billing-pix-name'] = 'error.pix-incomplete';
  if (key && !city && !errors['billing-pix-city']) errors['billing-pix-city'] = 'error.pix-incomplete';
  return checked(errors, () => ({ pixKey: key || null, pixMerchantName: name || null, pixMerchantCity: city || null, showPendingReports: draft.showPendingReports }));
}

/** The eSocial period choices; `all` is stored as null. */
export const ESOCIAL_PERIODS = ['3', '6', '12', 'all'] as const;

export function periodOf(settings: DocumentSettings): (typeof ESOCIAL_PERIODS)[number] {
  return settings.esocialSinceMonths === null ? 'all' : (String(settings.esocialSinceMonths) as '3' | '6' | '12');
}
export function monthsOf(period: (typeof ESOCIAL_PERIODS)[number]): DocumentSettings['esocialSinceMonths'] {
  return period === 'all' ? null : (Number(period) as 3 | 6 | 12);
}

/** The field of a server's `invalid_input` path, when it is one of `group`'s. */
export function fieldInGroup(path: string, group: Group): string | undefined {
  const field = fieldOfPath(path);
  return field?.startsWith(`${group}-`) ? field : undefined;
}

/** The field a server's `invalid_input` path points at, by its element id. */
export function fieldOfPath(path: string): string | undefined {
  const origin = /^embedOrigins\.(\d+)$/.exec(path);
  if (origin) return `general-origin-${origin[1]}`;
  return SERVER_FIELDS[path];
}
const SERVER_FIELDS: Record<string, string> = {
  name: 'general-name',
  portalUrl: 'general-url',
  'branding.primaryColor': 'branding-primary',
  'branding.accentColor': 'branding-accent',
  'branding.radius': 'branding-radius',
  'branding.fontFamily': 'branding-font-other',
  'cancellation.hoursBefore': 'appointments-hours',
  horizonDays: 'appointments-horizon',
  minNoticeMinutes: 'appointments-notice',
  contact: 'appointments-contact',
  pixKey: 'billing-pix-key',
  pixMerchantName: 'billing-pix-name',
  pixMerchantCity: 'billing-pix-city',
};
