-- Profile (P1–P5): the account's registration data, kept right by its clients — the standard fields on `accounts`,
-- the tenant's custom fields, what clients may do with each field, changes waiting for approval, and confirmations.

alter table accounts
  add column mobile text check (mobile ~ '^\+[1-9][0-9]{6,14}$'),
  -- {"street", "number", "complement", "district", "city", "region", "postalCode", "country"}
  add column address jsonb check (jsonb_typeof(address) = 'object');

-- The tenant's settings: a mode per field key ({"name": "approve", "capitalSocial": "edit"}) over the defaults, and
-- whether clients must confirm their data: once, or every `every_months`.
create table profile_settings (
  tenant_id uuid primary key references tenants(id),
  modes jsonb not null default '{}' check (jsonb_typeof(modes) = 'object'),
  confirmation text not null default 'off' check (confirmation in ('off', 'once', 'periodic')),
  every_months smallint check (every_months between 1 and 60),
  updated_at timestamptz not null default now(),
  check ((confirmation = 'periodic') = (every_months is not null))
);

-- Custom fields (P4): labels, help and choices per locale; bounds by type.
create table profile_fields (
  tenant_id uuid not null references tenants(id),
  key text not null check (key ~ '^[a-z][a-zA-Z0-9]{0,39}$'),
  labels jsonb not null check (jsonb_typeof(labels) = 'object'),
  type text not null check (type in ('text', 'number', 'money', 'date', 'choice')),
  required boolean not null default false,
  choices jsonb check (jsonb_typeof(choices) = 'array'),
  min jsonb,
  max jsonb,
  help jsonb check (jsonb_typeof(help) = 'object'),
  position smallint not null default 0,
  -- only companies' or only people's profiles have it (null: every account)
  account_kind text check (account_kind in ('person', 'company')),
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  primary key (tenant_id, key),
  check ((type = 'choice') = (choices is not null))
);

create table profile_values (
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  field_key text not null,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  primary key (account_id, field_key),
  foreign key (tenant_id, field_key) references profile_fields (tenant_id, key) on delete cascade
);

-- A change a client proposed to a field that needs approval (P3), answered through its request.
create table profile_changes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  request_id uuid references requests(id) on delete set null,
  field_key text not null check (field_key ~ '^[a-z][a-zA-Z0-9]{0,39}$'),
  before jsonb,
  after jsonb,
  status text not null default 'pending' check (status in ('pending', 'approved', 'refused', 'superseded')),
  requested_by uuid references portal_users(id) on delete set null,
  requested_at timestamptz not null default now(),
  decided_at timestamptz,
  decided_by text,
  reason text check (length(reason) between 1 and 2000)
);
-- At most one pending change per field of an account: a newer proposal supersedes the older.
create unique index profile_changes_one_pending on profile_changes (account_id, field_key) where status = 'pending';

-- Each time a client confirmed the account's data (P3).
create table profile_confirmations (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  user_id uuid references portal_users(id) on delete set null,
  confirmed_at timestamptz not null default now()
);
create index profile_confirmations_account on profile_confirmations (account_id, confirmed_at desc);

-- The business's feed of changes reads the audit trail by its sequence.
create index audit_log_profile_changes on audit_log (tenant_id, id) where action = 'profile-changed';

select portico_enable_tenant_rls(t) from unnest(array['profile_settings', 'profile_fields', 'profile_values',
  'profile_changes', 'profile_confirmations']::regclass[]) as t;
grant select, insert, update, delete on profile_settings, profile_fields, profile_values, profile_changes to portico_app;
grant select, insert on profile_confirmations to portico_app;
grant usage on sequence profile_confirmations_id_seq to portico_app;
