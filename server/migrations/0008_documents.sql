-- Documents (D1–D3): files the business delivers to its clients, by category and establishment, with eSocial event
-- receipts; every download is recorded for the business.

-- The tenant's categories: its names per locale and whether clients see them (D1). A category without a row here
-- uses the portal's default name and is shown.
create table document_categories (
  tenant_id uuid not null references tenants(id),
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  labels jsonb not null default '{}' check (jsonb_typeof(labels) = 'object'),
  shown boolean not null default true,
  primary key (tenant_id, key)
);

-- The eSocial view's defaults (seed 004): rectified receipts shown or not, and since how many months.
create table document_settings (
  tenant_id uuid primary key references tenants(id),
  esocial_include_rectified boolean not null default false,
  esocial_since_months smallint check (esocial_since_months in (3, 6, 12)),
  updated_at timestamptz not null default now()
);

create table documents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  -- null: a document of the whole account, seen only by users who reach all its establishments (A11, D3)
  establishment_id uuid references establishments(id) on delete set null,
  external_id text not null check (length(external_id) between 1 and 100),
  category text not null check (category ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  title text not null check (length(title) between 1 and 200),
  issue_date date not null,
  valid_until date,
  esocial_event text check (esocial_event ~ '^S-[0-9]{4}$'),
  esocial_receipt text check (length(esocial_receipt) between 1 and 60),
  esocial_rectified boolean,
  notify boolean not null default false,
  -- the file, once sent (documents without one are not shown to clients)
  file_name text check (length(file_name) between 1 and 120),
  content_type text,
  size bigint check (size > 0),
  sha256 text check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text unique,
  file_at timestamptz,
  withdrawn_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, external_id),
  check ((esocial_event is null) = (esocial_receipt is null)),
  check ((storage_key is null) = (sha256 is null))
);
create index documents_by_account on documents (account_id, issue_date desc, id desc) where withdrawn_at is null;

-- Who downloaded what, and when (for the business).
create table document_downloads (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id),
  document_id uuid not null references documents(id) on delete cascade,
  user_id uuid references portal_users(id) on delete set null,
  via text not null check (via in ('api', 'link')),
  downloaded_at timestamptz not null default now()
);
create index document_downloads_document on document_downloads (document_id, downloaded_at desc);

select portico_enable_tenant_rls(t) from unnest(array['document_categories', 'document_settings', 'documents', 'document_downloads']::regclass[]) as t;
grant select, insert, update, delete on document_categories, document_settings, documents to portico_app;
grant select, insert on document_downloads to portico_app;
grant usage on sequence document_downloads_id_seq to portico_app;
