-- Appointments (S1–S5): providers with weekly opening hours and closed periods, the services booked with them,
-- and the clients' bookings — never two at once with one provider (SECURITY.md 18), by an exclusion constraint.

-- A trusted extension since PostgreSQL 13: the database owner may create it. It lets a gist index compare the
-- provider's uuid for equality next to the time range's overlap.
create extension if not exists btree_gist;

-- The tenant's settings (seed 004's "Agendamento"); a tenant without a row has the defaults below.
create table appointment_settings (
  tenant_id uuid primary key references tenants(id),
  booking_mode text not null default 'self' check (booking_mode in ('self', 'request', 'off')),
  show_appointments boolean not null default true,
  cancellation_allowed boolean not null default true,
  cancel_hours_before smallint not null default 24 check (cancel_hours_before between 0 and 720),
  guide boolean not null default true,
  horizon_days smallint not null default 60 check (horizon_days between 1 and 365),
  min_notice_minutes integer not null default 60 check (min_notice_minutes between 0 and 20160),
  contact text check (length(contact) between 1 and 200),
  updated_at timestamptz not null default now()
);

-- An account's exceptions (G3): a null column takes the tenant's value; `contact_set` tells a null contact
-- ("no contact for this account") from an absent one.
create table appointment_account_settings (
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  booking_mode text check (booking_mode in ('self', 'request', 'off')),
  show_appointments boolean,
  cancellation_allowed boolean,
  cancel_hours_before smallint check (cancel_hours_before between 0 and 720),
  guide boolean,
  horizon_days smallint check (horizon_days between 1 and 365),
  min_notice_minutes integer check (min_notice_minutes between 0 and 20160),
  contact_set boolean not null default false,
  contact text check (length(contact) between 1 and 200),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, account_id)
);

-- A service or exam type; names and preparation instructions per locale ({"pt-BR": "…", "es": "…"}).
create table appointment_services (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
  names jsonb not null check (jsonb_typeof(names) = 'object'),
  kind text not null check (kind in ('consultation', 'exam')),
  duration_minutes smallint not null check (duration_minutes between 5 and 480 and duration_minutes % 5 = 0),
  instructions jsonb check (jsonb_typeof(instructions) = 'object'),
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  unique (tenant_id, key)
);

-- A doctor, a clinic, a room: whatever one booking occupies.
create table providers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
  name text not null check (length(name) between 1 and 120),
  kind text not null check (kind in ('person', 'clinic', 'room')),
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  unique (tenant_id, key)
);

create table provider_services (
  tenant_id uuid not null references tenants(id),
  provider_id uuid not null references providers(id) on delete cascade,
  service_id uuid not null references appointment_services(id) on delete cascade,
  primary key (provider_id, service_id)
);
create index provider_services_service on provider_services (service_id);

-- Weekly opening hours in the tenant's wall-clock time (ISO weekday: 1 = Monday).
create table availability_rules (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  provider_id uuid not null references providers(id) on delete cascade,
  weekday smallint not null check (weekday between 1 and 7),
  start_time time not null,
  end_time time not null check (end_time > start_time),
  valid_from date,
  valid_until date check (valid_until >= valid_from)
);
create index availability_rules_provider on availability_rules (provider_id);

-- Closed periods: holidays (every provider when provider_id is null) and blocked stretches.
create table availability_exceptions (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  provider_id uuid references providers(id) on delete cascade,
  period tstzrange not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)),
  reason text check (length(reason) between 1 and 200),
  created_at timestamptz not null default now()
);
create index availability_exceptions_period on availability_exceptions using gist (tenant_id, period);

-- A client's proposal of times (request mode), answered by staff through a request of category appointment.
create table appointment_proposals (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  request_id uuid not null unique references requests(id) on delete cascade,
  account_id uuid not null references accounts(id) on delete cascade,
  establishment_id uuid references establishments(id) on delete set null,
  user_id uuid references portal_users(id) on delete set null,
  service_id uuid not null references appointment_services(id),
  provider_id uuid references providers(id),
  times timestamptz[] not null check (cardinality(times) between 1 and 3),
  note text check (length(note) between 1 and 1000),
  status text not null default 'pending' check (status in ('pending', 'confirmed', 'refused')),
  refusal text check (length(refusal) between 1 and 2000),
  created_at timestamptz not null default now(),
  answered_at timestamptz
);
create index appointment_proposals_account on appointment_proposals (account_id, created_at desc);

create table appointments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  establishment_id uuid references establishments(id) on delete set null,
  -- who booked it (null: booked by staff, or the user was removed)
  user_id uuid references portal_users(id) on delete set null,
  provider_id uuid not null references providers(id),
  service_id uuid not null references appointment_services(id),
  -- who attends, when a company books for an employee (the exam's patient on the guide)
  attendee_name text check (length(attendee_name) between 1 and 120),
  period tstzrange not null check (not isempty(period) and lower_inc(period) and not upper_inc(period)),
  status text not null default 'booked' check (status in ('booked', 'cancelled')),
  proposal_id uuid unique references appointment_proposals(id) on delete set null,
  created_at timestamptz not null default now(),
  cancelled_at timestamptz,
  cancelled_by text check (cancelled_by in ('client', 'staff', 'integration')),
  check ((status = 'cancelled') = (cancelled_at is not null)),
  -- SECURITY.md 18: one provider, one booking at a time — the database refuses the second (23P01).
  constraint appointments_no_double_booking exclude using gist (provider_id with =, period with &&) where (status = 'booked')
);
create index appointments_by_account on appointments (account_id, lower(period));

alter table appointment_proposals add column appointment_id uuid references appointments(id) on delete set null;

select portico_enable_tenant_rls(t) from unnest(array['appointment_settings', 'appointment_account_settings',
  'appointment_services', 'providers', 'provider_services', 'availability_rules', 'availability_exceptions',
  'appointment_proposals', 'appointments']::regclass[]) as t;
grant select, insert, update, delete on appointment_settings, appointment_account_settings, appointment_services,
  providers, provider_services, availability_rules, availability_exceptions, appointment_proposals, appointments to portico_app;
