import { z } from 'zod';
import { API_SCOPES, type ApiScope } from '../../auth/scopes.ts';
import { MODULES, type Module } from '../modules/schemas.ts';
import { brandingSchema, LOCALES, type Branding, type Locale } from '../tenants/schemas.ts';

/**
 * The management endpoints the staff console needs beyond the features' own (all under `/api/v1`, open to API
 * tokens with the scope too, except where a staff-only scope is named).
 */

/** G1, G2, A9: the portal's settings (`GET|PATCH /api/v1/settings`; read `accounts:read`, change `branding:write`). */
export interface TenantSettings {
  slug: string;
  name: string;
  portalEnabled: boolean;
  defaultLocale: Locale;
  timeZone: string;
  /** Where clients reach the portal; e-mailed links are built from it. */
  portalUrl: string | null;
  /** The websites that may embed the widgets (exact origins). */
  embedOrigins: string[];
  branding: Branding;
  /** The modules switched on for every account (each account may have exceptions). */
  modules: Module[];
  /** The snippet a website pastes: where `embed.js` is served from. */
  embedScriptUrl: string;
}

const branding = brandingSchema.shape;
/** A branding change: only the fields named (without `brandingSchema`'s defaults, which would reset the others). */
const brandingPatch = z
  .object({
    primaryColor: branding.primaryColor.unwrap(),
    accentColor: branding.accentColor.unwrap(),
    radius: branding.radius.unwrap(),
    fontFamily: branding.fontFamily.unwrap(),
    colorScheme: branding.colorScheme.unwrap(),
  })
  .partial()
  .strict();
const origin = z.string().max(200).regex(/^https?:\/\/[a-z0-9.-]+(:[0-9]{1,5})?$/, 'must be an origin such as https://www.example.com');
/** A change of settings: only the fields sent change. Staff sessions must have confirmed their password (5 min). */
export const settingsPatch = z
  .object({
    name: z.string().trim().min(1).max(120),
    portalEnabled: z.boolean(),
    defaultLocale: z.enum(LOCALES),
    portalUrl: z.url({ protocol: /^https?$/ }).max(2048).nullable(),
    embedOrigins: z.array(origin).max(20),
    branding: brandingPatch,
    modules: z.array(z.enum(MODULES)).max(MODULES.length),
  })
  .partial()
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

/** An account in the console's list (`GET /api/v1/accounts?q=&before=`; `accounts:read`). */
export interface AccountListItem {
  id: string;
  kind: 'person' | 'company';
  name: string;
  taxId: string | null;
  email: string | null;
  establishments: { id: string; name: string; taxId: string | null }[];
  users: number;
  /** Registration changes waiting for approval (P3). */
  pendingChanges: number;
}
export const accountListQuery = z
  .object({ q: z.string().trim().max(120).optional(), before: z.string().max(200).optional(), limit: z.coerce.number().int().min(1).max(100).default(25) })
  .strict();

/** A portal user in the console's list (`GET /api/v1/users?q=&status=&accountId=&before=`; `users:read`). */
export interface PortalUserListItem {
  id: string;
  email: string;
  status: 'pending' | 'active' | 'disabled';
  locale: Locale | null;
  createdAt: string;
  lastSignInAt: string | null;
  memberships: { accountId: string; accountName: string; allEstablishments: boolean; establishments: { id: string; name: string }[] }[];
}
export const userListQuery = z
  .object({
    q: z.string().trim().max(254).optional(),
    status: z.enum(['pending', 'active', 'disabled']).optional(),
    accountId: z.uuid().optional(),
    before: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

/**
 * A4/G4: many users from a CSV (`POST /api/v1/users/import`; `users:write`). Columns, with a header row:
 * `email,account,establishments,locale` — `account` is the account's id or tax id (CPF/CNPJ, with or without
 * punctuation); `establishments` names or tax ids separated by `;` (empty: the whole company); `locale` optional.
 * `dryRun: true` checks every row and changes nothing; otherwise the valid rows are invited (activation mails sent)
 * and the invalid ones reported — each row is its own change, so a bad row never blocks the good ones.
 */
export const importInput = z.object({ csv: z.string().min(1).max(1_000_000), dryRun: z.boolean().default(true) }).strict();
export interface ImportRow {
  /** The CSV line (1 is the header). */
  line: number;
  email: string;
  accountName: string | null;
  establishments: string[];
  /** `ok`: would be (or was) invited; `exists`: already a user of that account (skipped); `error`: see `code`. */
  status: 'ok' | 'exists' | 'error';
  /** For errors: `email_invalid`, `account_not_found`, `establishment_not_found`, `locale_invalid`, `duplicate_row`. */
  code?: string;
  userId?: string;
}
export interface ImportAnswer {
  dryRun: boolean;
  rows: ImportRow[];
  /** Users invited (0 on a dry run). */
  invited: number;
}
/** G7: access links to a selection (`POST /api/v1/users/magic-links` takes `userIds` as well as `accountId`). */
export const selectionMagicLinks = z.object({ userIds: z.array(z.uuid()).min(1).max(500) }).strict();

/** A13: `GET /api/v1/audit?actorType=&action=&subjectType=&subjectId=&from=&to=&before=` (`audit:read`). */
export const auditQuery = z
  .object({
    actorType: z.enum(['client', 'quick-access', 'staff', 'integration', 'operator', 'system']).optional(),
    action: z.string().max(80).regex(/^[a-z0-9:-]+$/).optional(),
    subjectType: z.string().max(40).regex(/^[a-z_]+$/).optional(),
    subjectId: z.string().max(80).optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export interface AuditEntry {
  id: number;
  at: string;
  actor: { type: string; id: string | null; label: string | null };
  action: string;
  /** `label`: the subject in words, where the server knows it (an e-mail, an account's name, a request's subject). */
  subject: { type: string | null; id: string | null; label?: string | null };
  data: Record<string, unknown>;
}
export interface AuditPage {
  items: AuditEntry[];
  /** Pass as `before` for the next (older) page; null at the end. */
  next: number | null;
}

/** A12: API tokens (`GET|POST /api/v1/tokens`, `DELETE /api/v1/tokens/{id}`; `tokens:write`, staff only). */
export const newTokenInput = z
  .object({ name: z.string().trim().min(1).max(80), scopes: z.array(z.enum(API_SCOPES)).min(1).max(API_SCOPES.length), expiresInDays: z.number().int().min(1).max(730).default(90) })
  .strict();
export interface ApiTokenItem {
  id: string;
  name: string;
  /** Enough to tell tokens apart (`ptk_<slug>_abcd`), never the token. */
  prefix: string;
  scopes: ApiScope[];
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}
/** The token itself, shown this once. */
export interface CreatedApiToken extends ApiTokenItem {
  token: string;
}

/** G6: the outbox, as staff follow it (`GET /api/v1/mail/outbox?status=&before=`; `mail:write`, staff only). */
export const outboxQuery = z
  .object({ status: z.enum(['pending', 'sent', 'failed']).optional(), before: z.coerce.number().int().positive().optional(), limit: z.coerce.number().int().min(1).max(100).default(50) })
  .strict();
export interface OutboxItem {
  id: number;
  to: string;
  template: string;
  locale: Locale;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
  nextAttemptAt: string | null;
}
export interface OutboxPage {
  items: OutboxItem[];
  next: number | null;
}
/** G5: a template rendered with sample data in the tenant's branding (`GET /api/v1/mail/templates/{name}/preview?locale=`). */
export interface MailPreview {
  template: string;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  /** The HTML as a page of its own on this server (a path; 5 minutes, no token needed), for a sandboxed frame: see mail-preview-links.ts. */
  htmlUrl: string;
}
/** "Send a test mail" (`POST /api/v1/mail/test`): the mail goes through the outbox like any other. */
export const testMailInput = z.object({ to: z.email().max(254), locale: z.enum(LOCALES).optional() }).strict();

/*
 * Routes (all JSON, problem+json errors)
 *   GET   /api/v1/settings              accounts:read   → TenantSettings
 *   PATCH /api/v1/settings              branding:write  settingsPatch → TenantSettings   (staff: recent password)
 *   GET   /api/v1/accounts              accounts:read   accountListQuery → { items: AccountListItem[], next: string | null }
 *   GET   /api/v1/users                 users:read      userListQuery → { items: PortalUserListItem[], next: string | null }
 *   POST  /api/v1/users/{id}/enable     users:write     → 204
 *   POST  /api/v1/users/import          users:write     importInput → ImportAnswer
 *   POST  /api/v1/users/magic-links     users:write     { accountId? profileOnly? } | selectionMagicLinks → { sent }
 *   GET   /api/v1/audit                 audit:read      auditQuery → AuditPage
 *   GET   /api/v1/tokens                tokens:write    → { items: ApiTokenItem[] }
 *   POST  /api/v1/tokens                tokens:write    newTokenInput → CreatedApiToken (staff: recent password)
 *   DELETE /api/v1/tokens/{id}          tokens:write    → 204
 *   GET   /api/v1/documents/settings    documents:read  → { esocialIncludeRectified, esocialSinceMonths }
 *   GET   /api/v1/mail/outbox           mail:write      outboxQuery → OutboxPage
 *   POST  /api/v1/mail/outbox/{id}/retry mail:write     → 202 (a failed or pending mail is tried again now) | 404 | 409 mail_already_sent
 *   GET   /api/v1/mail/templates        mail:write      → { items: string[] }
 *   GET   /api/v1/mail/templates/{name}/preview?locale=  mail:write → MailPreview | 404
 *   GET   /api/v1/mail/templates/preview/{token}  (the signed htmlUrl) → text/html | 403 invalid_link | 410 link_expired
 *   POST  /api/v1/mail/test             mail:write      testMailInput → 202 { id } (the outbox id, to follow its delivery)
 */
