import { z } from 'zod';
import { API_SCOPES, type ApiScope } from '../../auth/scopes.ts';
import { email } from '../auth/schemas.ts';
import { tenantSlug } from '../tenants/schemas.ts';

/**
 * Staff of a business (the console at `/admin/`). Roles: `owner` and `admin` may do everything (owners also manage
 * other owners), `staff` has the module permissions it was given (the same scopes as API tokens), `read-only` reads
 * everything and changes nothing. Every staff member signs in with a password and a TOTP code (SECURITY.md 15).
 */
export const STAFF_ROLES = ['owner', 'admin', 'staff', 'read-only'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What only staff may do (never an API token): manage API tokens and other staff, read the audit log, run the mail. */
export const STAFF_SCOPES = ['tokens:write', 'staff:write', 'audit:read', 'mail:write'] as const;
export type StaffScope = (typeof STAFF_SCOPES)[number];
export type Scope = ApiScope | StaffScope;

/** The scopes a role grants; `staff` gets its own `permissions`. */
export function scopesOf(role: StaffRole, permissions: readonly ApiScope[]): Scope[] {
  if (role === 'owner' || role === 'admin') return [...API_SCOPES, ...STAFF_SCOPES];
  if (role === 'read-only') return [...API_SCOPES.filter((scope) => scope.endsWith(':read')), 'audit:read'];
  return [...permissions];
}

const password = z.string().min(1).max(1024);

/** Step 1: `POST /api/admin/auth/sign-in`. */
export const signInBody = z.object({ tenant: tenantSlug, email, password }).strict();
/** A staff member's first password, from the setup link an owner (or the operator CLI) made: `POST /api/admin/auth/setup`. */
export const setupBody = z.object({ token: z.string().min(20).max(200), password }).strict();
/** Step 2: `POST /api/admin/auth/second-factor`: a 6-digit TOTP code, or one of the recovery codes (`xxxxx-xxxxx`). */
export const secondFactorBody = z
  .object({ challenge: z.string().min(20).max(2000), code: z.string().trim().regex(/^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/i, 'must be a 6-digit code or a recovery code') })
  .strict();
/** Re-asks the password before a sensitive change (seed 004): `POST /api/admin/auth/confirm-password`. */
export const confirmPasswordBody = z.object({ password }).strict();

/**
 * The answer to a correct password: prove the second factor. `enroll` when the staff member has none yet: add
 * `secret` (or `otpauthUri`) to an authenticator app, then send its first code as the second factor.
 */
export type PasswordAnswer =
  | { step: 'second-factor'; challenge: string }
  | { step: 'enroll'; challenge: string; secret: string; otpauthUri: string };

/** The signed-in staff member, as the console shows it. */
export interface StaffMe {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  /** What this member may do: scopes of the `/api/v1` endpoints and the staff-only ones. */
  scopes: Scope[];
  tenant: { id: string; slug: string; name: string; locale: 'pt-BR' | 'es' | 'en'; timeZone: string; currency: string };
}

/**
 * A staff session: an access token (5 min, in page memory, `Authorization: Bearer` on `/api/v1/…` and
 * `/api/admin/…`) and, set as an HttpOnly SameSite=Strict cookie, the session that `POST /api/admin/auth/token`
 * turns into a new access token. The session ends after 15 min without a call, and 12 h after sign-in.
 * `recoveryCodes` come once, right after enrolment.
 */
export interface StaffSessionAnswer {
  accessToken: string;
  expiresIn: number;
  staff: StaffMe;
  recoveryCodes?: string[];
}

/** A staff member in the team list (`GET /api/v1/staff`). */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  permissions: ApiScope[];
  status: 'pending' | 'active' | 'disabled';
  secondFactor: boolean;
  lastSignInAt: string | null;
  createdAt: string;
}

export const newStaffInput = z
  .object({
    email,
    name: z.string().trim().min(1).max(120),
    role: z.enum(STAFF_ROLES),
    permissions: z.array(z.enum(API_SCOPES)).max(API_SCOPES.length).default([]),
  })
  .strict();
export const staffChangeInput = z
  .object({ role: z.enum(STAFF_ROLES).optional(), permissions: z.array(z.enum(API_SCOPES)).max(API_SCOPES.length).optional(), status: z.enum(['active', 'disabled']).optional() })
  .strict();

/*
 * Routes
 *   POST /api/admin/auth/sign-in          signInBody → PasswordAnswer | 401 invalid_credentials | 429
 *   POST /api/admin/auth/setup            setupBody → PasswordAnswer (step enroll) | 400 invalid_link | 400 password_*
 *   POST /api/admin/auth/second-factor    secondFactorBody → StaffSessionAnswer + cookie | 401 invalid_code | 401 challenge_expired | 429
 *   POST /api/admin/auth/token            (cookie) → StaffSessionAnswer | 204 (no cookie: nothing to resume) | 401 unauthenticated (ended)
 *   POST /api/admin/auth/confirm-password confirmPasswordBody (Bearer) → { confirmedUntil } | 401 invalid_credentials
 *   POST /api/admin/auth/sign-out         (cookie) → 204
 *   GET  /api/admin/auth/me               (Bearer) → StaffMe
 *   GET  /api/v1/staff                    staff:write → { items: StaffMember[] }
 *   POST /api/v1/staff                    staff:write, recent password → StaffMember (a setup link mailed, 72 h)
 *   PATCH /api/v1/staff/{id}              staff:write, recent password → StaffMember | 409 last_owner
 *
 * Problem codes: `password_confirmation_required` (403: a staff session must re-enter its password within the
 * last 5 minutes before settings, branding, tokens and staff changes), `second_factor_required`, `invalid_code`,
 * `challenge_expired`, `last_owner`.
 */
