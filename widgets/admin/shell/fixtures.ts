import type { Scope } from '../../../server/features/staff/schemas.ts';
import { ApiError, type AdminApi, type ApiScope, type PasswordAnswer, type StaffMe, type StaffRole, type StaffSessionAnswer } from '../admin-api.ts';
import { fakeAdminApi } from '../fake-admin-api.ts';

/**
 * Staff of the two demo tenants and the answers of the sign-in steps, for the console's tests and stories. Scopes
 * are written out (not computed by the server's `scopesOf`, which would pull server code into the page).
 */

const READS: ApiScope[] = ['accounts:read', 'requests:read', 'users:read', 'billing:read', 'processes:read', 'documents:read', 'appointments:read', 'profile:read', 'content:read', 'webhooks:read', 'events:read'];
const WRITES: ApiScope[] = ['accounts:write', 'requests:write', 'users:write', 'billing:write', 'processes:write', 'documents:write', 'appointments:write', 'profile:write', 'content:write', 'branding:write', 'webhooks:write'];

/** The scopes of each role (a `staff` member here may read and write users and read accounts). */
export const FIXTURE_SCOPES: Record<StaffRole, Scope[]> = {
  owner: [...READS, ...WRITES, 'tokens:write', 'staff:write', 'audit:read', 'mail:write'],
  admin: [...READS, ...WRITES, 'tokens:write', 'staff:write', 'audit:read', 'mail:write'],
  staff: ['accounts:read', 'users:read', 'users:write'],
  'read-only': [...READS, 'audit:read'],
};

export const FIXTURE_TENANTS = {
  'clinica-sol': { id: '7a4f1f7e-0c55-4c39-9d0e-2f1b7f0a11c1', slug: 'clinica-sol', name: 'Clínica Sol', locale: 'pt-BR', timeZone: 'America/Sao_Paulo', currency: 'BRL' },
  'martins-castro': { id: 'c2d9a0f4-5b7e-4d43-8a51-93e0b5a2e7d2', slug: 'martins-castro', name: 'Martins Castro Advogados', locale: 'es', timeZone: 'Europe/Madrid', currency: 'EUR' },
} as const satisfies Record<string, StaffMe['tenant']>;
export type FixtureTenant = keyof typeof FIXTURE_TENANTS;

const PEOPLE: Record<FixtureTenant, Record<StaffRole, { name: string; email: string }>> = {
  'clinica-sol': {
    owner: { name: 'Helena Duarte', email: 'helena@clinicasol.com.br' },
    admin: { name: 'Rafael Nogueira', email: 'rafael@clinicasol.com.br' },
    staff: { name: 'Camila Rocha', email: 'recepcao@clinicasol.com.br' },
    'read-only': { name: 'Dr. Paulo Lima', email: 'paulo.lima@clinicasol.com.br' },
  },
  'martins-castro': {
    owner: { name: 'Beatriz Martins Castro', email: 'beatriz@martinscastro.adv.br' },
    admin: { name: 'Lucía Fernández', email: 'lucia@martinscastro.adv.br' },
    staff: { name: 'Tiago Souza', email: 'secretaria@martinscastro.adv.br' },
    'read-only': { name: 'Andrés Gil', email: 'andres.gil@martinscastro.adv.br' },
  },
};

/** A signed-in staff member of a demo tenant. */
export function fixtureStaff(role: StaffRole = 'owner', tenant: FixtureTenant = 'clinica-sol'): StaffMe {
  const person = PEOPLE[tenant][role];
  return { id: `staff-${tenant}-${role}`, ...person, role, scopes: [...FIXTURE_SCOPES[role]], tenant: { ...FIXTURE_TENANTS[tenant] } };
}

/** The answer of a good second factor (with the recovery codes of a first enrolment when given). */
export function fixtureSession(staff: StaffMe = fixtureStaff(), recoveryCodes?: string[]): StaffSessionAnswer {
  return { accessToken: 'fixture.staff.token', expiresIn: 300, staff, ...(recoveryCodes ? { recoveryCodes } : {}) };
}

export const FIXTURE_CHALLENGE = 'challenge-0123456789abcdefghij';
export const FIXTURE_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const FIXTURE_OTPAUTH = `otpauth://totp/Portico%20Cl%C3%ADnica%20Sol:helena%40clinicasol.com.br?secret=${FIXTURE_SECRET}&issuer=Portico%20Cl%C3%ADnica%20Sol&algorithm=SHA1&digits=6&period=30`;
export const FIXTURE_RECOVERY_CODES = ['k7m2p-9xq4r', 'a3b8c-2dn5f', 'h6j9k-4mt2w', 'p8q3r-7sv6x', 'u2v5w-8yz3a', 'c9d4e-6fg7h', 'j3k8m-2np5q', 'r6s9t-4uv2w', 'x7y3z-8ab6c', 'e4f9g-2hj7k'];
export const FIXTURE_SETUP_TOKEN = 'setup-token-0123456789abcdefghijklmnop';

/** The sign-in steps' answers: `second-factor` for a member with an app, `enroll` for one without. */
export const SECOND_FACTOR: PasswordAnswer = { step: 'second-factor', challenge: FIXTURE_CHALLENGE };
export const ENROLL: PasswordAnswer = { step: 'enroll', challenge: FIXTURE_CHALLENGE, secret: FIXTURE_SECRET, otpauthUri: FIXTURE_OTPAUTH };

/** One call the console made, for tests to check. */
export interface ConsoleCall {
  name: keyof AdminApi;
  args: unknown[];
}

/** How the fixture console's API behaves. */
export interface ConsoleApiOptions {
  /** The session a reload resumes (none: the sign-in shows); `'never'` keeps resuming forever; an ApiError fails. */
  resume?: StaffSessionAnswer | 'never' | ApiError;
  /** What a correct password answers. */
  passwordAnswer?: PasswordAnswer;
  /** The password that signs in (and confirms). */
  password?: string;
  /** The code the authenticator shows. */
  code?: string;
  /** Who signs in. */
  staff?: StaffMe;
  /** Recovery codes handed out by the second factor (an enrolment). */
  recoveryCodes?: string[];
  /** More methods (sections' calls). */
  methods?: Partial<AdminApi>;
}

/**
 * A console API over memory: sign-in with `password` and `code`, resume, confirm, sign-out; each call recorded in
 * `calls`. Wrong passwords answer `invalid_credentials`, wrong codes `code_invalid`, as the server does.
 */
export function consoleApi(options: ConsoleApiOptions = {}): AdminApi & { calls: ConsoleCall[] } {
  const calls: ConsoleCall[] = [];
  const password = options.password ?? 'correct horse battery';
  const code = options.code ?? '123456';
  const staff = options.staff ?? fixtureStaff();
  const record = (name: keyof AdminApi, args: unknown[]) => calls.push({ name, args });
  const api = fakeAdminApi({
    async resume() {
      record('resume', []);
      if (options.resume === 'never') return new Promise<never>(() => {});
      if (options.resume instanceof ApiError) throw options.resume;
      return options.resume;
    },
    async signIn(...args) {
      record('signIn', args);
      if (args[2] !== password) throw new ApiError('invalid_credentials', 401, 'The e-mail or the password is not right');
      return options.passwordAnswer ?? SECOND_FACTOR;
    },
    async setUp(...args) {
      record('setUp', args);
      if (args[0] !== FIXTURE_SETUP_TOKEN) throw new ApiError('link_invalid', 400, 'This link has expired');
      return ENROLL;
    },
    async secondFactor(...args) {
      record('secondFactor', args);
      if (args[1] !== code) throw new ApiError('code_invalid', 401, 'This code is not right');
      return fixtureSession(staff, options.recoveryCodes);
    },
    async confirmPassword(...args) {
      record('confirmPassword', args);
      if (args[0] !== password) throw new ApiError('invalid_credentials', 401, 'The password is not right');
      return { confirmedUntil: new Date(Date.now() + 5 * 60_000).toISOString() };
    },
    async signOut() {
      record('signOut', []);
    },
    ...options.methods,
  });
  return Object.assign(api, { calls });
}
