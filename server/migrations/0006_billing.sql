-- Billing (B1–B7): the business's own billing system is the source of truth and pushes charges, invoices and
-- billing reports in by its own ids; the portal shows them, lets clients pay and download, and records what they did.

-- Per tenant: the PIX key the server builds BR Codes from, and whether pending billing reports are shown (seed 004).
create table billing_settings (
  tenant_id uuid primary key references tenants(id),
  pix_key text check (length(pix_key) between 1 and 77),
  pix_merchant_name text check (length(pix_merchant_name) between 1 and 25),
  pix_merchant_city text check (length(pix_merchant_city) between 1 and 15),
  show_pending_reports boolean not null default false,
  updated_at timestamptz not null default now()
);

-- Files the business uploads (boleto PDFs, invoice PDF and XML, reports): metadata here, bytes in the storage.
create table billing_files (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  file_name text not null check (length(file_name) between 1 and 120),
  content_type text not null check (content_type in ('application/pdf', 'application/xml')),
  size integer not null check (size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  created_at timestamptz not null default now()
);

create table charges (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  -- null: a charge of the whole account, seen only by users who reach all its establishments (A11)
  establishment_id uuid references establishments(id) on delete set null,
  external_id text not null check (length(external_id) between 1 and 100),
  kind text not null default 'regular' check (kind in ('regular', 'renegotiation')),
  description text not null check (length(description) between 1 and 200),
  -- minor units; never a float
  amount_minor bigint not null check (amount_minor > 0 and amount_minor <= 1000000000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  issue_date date not null,
  due_date date not null,
  -- overdue is not a status: it is derived from due_date and today in the tenant's time zone when read
  status text not null default 'open' check (status in ('open', 'paid', 'cancelled', 'renegotiated')),
  paid_at date,
  paid_via text check (paid_via in ('card', 'boleto', 'pix', 'other')),
  boleto_line text check (boleto_line ~ '^[0-9]{47,48}$'),
  boleto_barcode text check (boleto_barcode ~ '^[0-9]{44}$'),
  boleto_file_id uuid references billing_files(id),
  pix_payload text check (length(pix_payload) between 20 and 512),
  card_enabled boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, external_id),
  check (due_date >= issue_date),
  check ((status = 'paid') = (paid_at is not null)),
  check ((boleto_line is null) = (boleto_barcode is null))
);
create index charges_by_account on charges (account_id, due_date desc, id desc);
create index charges_pending on charges (tenant_id, due_date) where status = 'open';

create table invoices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  establishment_id uuid references establishments(id) on delete set null,
  external_id text not null check (length(external_id) between 1 and 100),
  number text not null check (length(number) between 1 and 40),
  series text check (length(series) between 1 and 10),
  issue_date date not null,
  amount_minor bigint not null check (amount_minor > 0 and amount_minor <= 1000000000000),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  pdf_file_id uuid references billing_files(id),
  xml_file_id uuid references billing_files(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, external_id)
);
create index invoices_by_account on invoices (account_id, issue_date desc, id desc);

create table invoice_charges (
  tenant_id uuid not null references tenants(id),
  invoice_id uuid not null references invoices(id) on delete cascade,
  charge_id uuid not null references charges(id) on delete cascade,
  primary key (invoice_id, charge_id)
);
create index invoice_charges_charge on invoice_charges (charge_id);

-- Billing reports (demonstrativos): ready with a file, or pending (shown only where the tenant allows).
create table billing_reports (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  establishment_id uuid references establishments(id) on delete set null,
  external_id text not null check (length(external_id) between 1 and 100),
  title text not null check (length(title) between 1 and 200),
  period_start date not null,
  period_end date not null,
  status text not null check (status in ('ready', 'pending')),
  file_id uuid references billing_files(id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, external_id),
  check (period_end >= period_start)
);
create index billing_reports_by_account on billing_reports (account_id, period_end desc);

-- The account's customer at the payment provider and the way its clients prefer to pay (B5), reported to the business.
create table billing_customers (
  tenant_id uuid not null references tenants(id),
  account_id uuid primary key references accounts(id) on delete cascade,
  provider_customer_id text check (length(provider_customer_id) <= 100),
  preferred_method text check (preferred_method in ('card', 'boleto')),
  preferred_by uuid references portal_users(id) on delete set null,
  updated_at timestamptz not null default now()
);

-- Provider webhooks already applied: a redelivered event changes nothing.
create table payment_events (
  tenant_id uuid not null references tenants(id),
  provider text not null,
  event_id text not null check (length(event_id) <= 200),
  charge_id uuid references charges(id) on delete set null,
  received_at timestamptz not null default now(),
  primary key (provider, event_id)
);

-- Idempotency-Key answers of the management API (kept 24 hours): a repeated request gets the first answer.
create table idempotency_keys (
  tenant_id uuid not null references tenants(id),
  key text not null check (length(key) between 1 and 200),
  request_hash text not null,
  status smallint,
  body jsonb,
  created_at timestamptz not null default now(),
  primary key (tenant_id, key)
);

select portico_enable_tenant_rls(t) from unnest(array[
  'billing_settings', 'billing_files', 'charges', 'invoices', 'invoice_charges', 'billing_reports', 'billing_customers',
  'payment_events', 'idempotency_keys']::regclass[]) as t;
grant select, insert, update, delete on billing_settings, billing_files, charges, invoices, invoice_charges,
  billing_reports, billing_customers, payment_events, idempotency_keys to portico_app;
