import { randomBytes } from 'node:crypto';
import type { ApiScope } from '../../server/auth/api-tokens.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import { issueAccessToken } from '../../server/auth/tokens.ts';
import type { StaffRole } from '../../server/features/staff/schemas.ts';
import { openStaffSession } from '../../server/features/staff/sessions.ts';
import { newTotpSecret } from '../../server/features/staff/totp.ts';
import type { TestServer } from './server.ts';

export interface StaffFixture {
  staffId: string;
  email: string;
  password: string;
  totpSecret: string;
  /** An access token of a live session, for `Authorization: Bearer`. */
  token: string;
  sessionId: string;
}

/**
 * A staff member of `tenantId`, active with a password and an enrolled second factor, and a session already open —
 * the shortcut the management API tests take (the sign-in itself is tested in staff-auth.test.ts).
 */
export async function staffSession(
  server: TestServer,
  tenantId: string,
  options: { role?: StaffRole; permissions?: ApiScope[]; passwordConfirmed?: boolean; email?: string; now?: Date } = {},
): Promise<StaffFixture> {
  const password = 'staff passphrase for tests';
  const totpSecret = newTotpSecret();
  const email = options.email ?? `staff.${randomBytes(4).toString('hex')}@example.com`;
  // The server's clock, when the test set one: the session's deadlines and the token's times follow it.
  const now = options.now ?? new Date();
  return server.db.withTenant(tenantId, async (tx) => {
    const [row] = await tx<{ id: string }[]>`
      insert into staff_users (tenant_id, email, name, role, permissions, password_hash, status, totp_secret)
      values (${tenantId}, ${email}, 'Test Staff', ${options.role ?? 'owner'}, ${options.permissions ?? []}, ${await hashPassword(password)}, 'active', ${totpSecret})
      returning id`;
    const session = await openStaffSession(tx, row!.id, now);
    if (options.passwordConfirmed !== false) await tx`update staff_sessions set password_confirmed_at = ${now} where id = ${session.id}`;
    const { token } = await issueAccessToken(server.keys, 'staff', { sub: row!.id, tid: tenantId, sid: session.id, scp: 'staff' }, now);
    return { staffId: row!.id, email, password, totpSecret, token, sessionId: session.id };
  });
}
