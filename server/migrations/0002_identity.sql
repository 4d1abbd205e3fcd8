-- Identity: client accounts and their establishments, portal users and what they may reach, sessions, e-mailed
-- links and codes, rate limits, the mail outbox, API tokens, the audit trail, and the signing keys.

create table accounts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  kind text not null check (kind in ('person', 'company')),
  name text not null check (length(name) between 1 and 200),
  tax_id text check (tax_id ~ '^[0-9A-Z]{8,14}$'),
  email text check (length(email) <= 254),
  phone text check (phone ~ '^\+[1-9][0-9]{6,14}$'),
  external_id text,
  created_at timestamptz not null default now(),
  unique (tenant_id, external_id)
);
create index accounts_email on accounts (tenant_id, email);

create table establishments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  name text not null check (length(name) between 1 and 200),
  tax_id text check (tax_id ~ '^[0-9A-Z]{8,14}$'),
  created_at timestamptz not null default now()
);
create index establishments_account on establishments (account_id);

create table portal_users (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  email text not null check (length(email) between 3 and 254 and email = lower(email)),
  password_hash text,
  status text not null default 'pending' check (status in ('pending', 'active', 'disabled')),
  email_verified_at timestamptz,
  locale text check (locale in ('pt-BR', 'es', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, email)
);

-- Which accounts a user reaches (A10), and inside a company which establishments (A11): all, or the listed ones.
create table memberships (
  tenant_id uuid not null references tenants(id),
  user_id uuid not null references portal_users(id) on delete cascade,
  account_id uuid not null references accounts(id) on delete cascade,
  all_establishments boolean not null default true,
  establishment_ids uuid[] not null default '{}',
  created_at timestamptz not null default now(),
  primary key (user_id, account_id),
  check (all_establishments or cardinality(establishment_ids) > 0)
);

-- Minimal processes, so quick access (A8) has something to open; the process tracker adds the rest.
create table processes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  title text not null check (length(title) between 1 and 200),
  quick_access_number text not null check (quick_access_number ~ '^[0-9]{10}$'),
  access_key_hash text not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, quick_access_number)
);

-- A signed-in browser: one refresh-token family. Revoking it ends every token of the family at once.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  user_id uuid references portal_users(id) on delete cascade,
  process_id uuid references processes(id) on delete cascade,
  kind text not null check (kind in ('client', 'profile', 'quick-access')),
  account_id uuid references accounts(id) on delete set null,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  idle_expires_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text,
  check ((kind = 'quick-access') = (process_id is not null)),
  check ((kind = 'quick-access') = (user_id is null))
);
create index sessions_user on sessions (user_id) where revoked_at is null;

create table refresh_tokens (
  token_hash text primary key,
  tenant_id uuid not null references tenants(id),
  session_id uuid not null references sessions(id) on delete cascade,
  issued_at timestamptz not null default now(),
  rotated_at timestamptz,
  -- the token that replaced this one: a second use within the grace period gets that one again (two tabs)
  successor_hash text
);
create index refresh_tokens_session on refresh_tokens (session_id);

-- E-mailed links (SECURITY.md 4): only the SHA-256 of the token is kept; spent once, by a POST.
create table auth_links (
  token_hash text primary key,
  tenant_id uuid not null references tenants(id),
  user_id uuid not null references portal_users(id) on delete cascade,
  purpose text not null check (purpose in ('activation', 'reset', 'magic', 'magic-profile', 'first-access')),
  expires_at timestamptz not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index auth_links_user on auth_links (user_id, purpose);

-- 6-digit codes (SECURITY.md 3): hashed, bound to purpose and e-mail, few tries, spent once.
create table auth_codes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  email text not null,
  purpose text not null check (purpose in ('register', 'sign-in')),
  code_hash text not null,
  expires_at timestamptz not null,
  used_at timestamptz,
  failed_attempts smallint not null default 0,
  created_at timestamptz not null default now()
);
create index auth_codes_email on auth_codes (tenant_id, email, purpose, created_at desc);

-- Fixed-window counters (SECURITY.md 7): in the database, so they hold across server instances.
create table rate_limits (
  tenant_id uuid not null references tenants(id),
  bucket text not null check (length(bucket) <= 300),
  window_start timestamptz not null,
  hits integer not null default 0,
  primary key (tenant_id, bucket, window_start)
);

-- Mail is written here in the same transaction as the change that causes it, then sent by the dispatcher.
create table outbox (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id),
  dedupe_key text not null,
  recipient text not null check (length(recipient) <= 254),
  template text not null,
  locale text not null check (locale in ('pt-BR', 'es', 'en')),
  data jsonb not null default '{}',
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz,
  unique (tenant_id, dedupe_key)
);
create index outbox_due on outbox (next_attempt_at) where status = 'pending';

create table api_tokens (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  name text not null check (length(name) between 1 and 100),
  token_prefix text not null,
  token_hash text not null unique,
  scopes text[] not null,
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now()
);

-- A13: who changed what through the portal.
create table audit_log (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id),
  actor_type text not null check (actor_type in ('client', 'quick-access', 'staff', 'integration', 'operator', 'system')),
  actor_id text,
  action text not null,
  subject_type text,
  subject_id text,
  data jsonb not null default '{}',
  created_at timestamptz not null default now()
);
create index audit_log_subject on audit_log (tenant_id, subject_type, subject_id);

select portico_enable_tenant_rls(t) from unnest(array[
  'accounts', 'establishments', 'portal_users', 'memberships', 'processes', 'sessions', 'refresh_tokens',
  'auth_links', 'auth_codes', 'rate_limits', 'outbox', 'api_tokens', 'audit_log']::regclass[]) as t;

grant select, insert, update, delete on accounts, establishments, portal_users, memberships, processes, sessions,
  refresh_tokens, auth_links, auth_codes, rate_limits, outbox, api_tokens to portico_app;
grant select, insert on audit_log to portico_app;
grant usage on sequence outbox_id_seq, audit_log_id_seq to portico_app;

-- The keys that sign access tokens (not tenant data: one key set for the server, rotated by kid).
create table signing_keys (
  kid text primary key,
  private_jwk jsonb not null,
  public_jwk jsonb not null,
  created_at timestamptz not null default now(),
  retired_at timestamptz
);
grant select on signing_keys to portico_app;
