-- The staff console (issue 12): staff members of a business with roles, their second factor and recovery codes,
-- setup links, and sessions of 15 minutes idle / 12 hours in all (SECURITY.md 15).

create table staff_users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  email text not null check (length(email) between 3 and 254 and email = lower(email)),
  name text not null check (length(name) between 1 and 120),
  role text not null check (role in ('owner', 'admin', 'staff', 'read-only')),
  -- For role 'staff': the /api/v1 scopes it was given.
  permissions text[] not null default '{}',
  password_hash text,
  status text not null default 'pending' check (status in ('pending', 'active', 'disabled')),
  -- RFC 6238 secret (base32); the pending one is being enrolled and becomes the secret with the first good code.
  totp_secret text,
  totp_pending_secret text,
  -- The last time step a code was accepted for: a code is good once.
  totp_last_step bigint not null default 0,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, email)
);

-- Ten single-use codes for a lost authenticator, stored as SHA-256.
create table staff_recovery_codes (
  code_hash text primary key,
  tenant_id uuid not null references tenants(id),
  staff_id uuid not null references staff_users(id) on delete cascade,
  used_at timestamptz
);
create index staff_recovery_codes_staff on staff_recovery_codes (staff_id);

-- Setup links (first password), 72 h, single use, stored as SHA-256 (SECURITY.md 4).
create table staff_links (
  token_hash text primary key,
  tenant_id uuid not null references tenants(id),
  staff_id uuid not null references staff_users(id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);

-- The step between a correct password and the second factor, 5 minutes, good for one session.
create table staff_challenges (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  staff_id uuid not null references staff_users(id) on delete cascade,
  expires_at timestamptz not null,
  used_at timestamptz,
  failures smallint not null default 0
);

create table staff_sessions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  staff_id uuid not null references staff_users(id) on delete cascade,
  -- SHA-256 of the cookie's secret.
  token_hash text not null unique,
  created_at timestamptz not null,
  last_used_at timestamptz not null,
  idle_expires_at timestamptz not null,
  expires_at timestamptz not null,
  -- When the password was last entered again (seed 004: saving settings asks for it).
  password_confirmed_at timestamptz,
  revoked_at timestamptz,
  revoked_reason text
);
create index staff_sessions_staff on staff_sessions (staff_id) where revoked_at is null;

select portico_enable_tenant_rls(t) from unnest(array[
  'staff_users', 'staff_recovery_codes', 'staff_links', 'staff_challenges', 'staff_sessions']::regclass[]) as t;
grant select, insert, update, delete on staff_users, staff_recovery_codes, staff_links, staff_challenges, staff_sessions to portico_app;

-- The console changes the portal's settings (G1, A9).
grant update (portal_enabled) on tenants to portico_app;

create index audit_log_recent on audit_log (tenant_id, id desc);
