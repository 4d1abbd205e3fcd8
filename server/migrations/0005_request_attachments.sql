-- Files a client attaches to a request: metadata here, the bytes in the storage (a local folder by default).
create table request_attachments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  request_id uuid not null references requests(id) on delete cascade,
  file_name text not null check (length(file_name) between 1 and 120),
  content_type text not null check (content_type in ('application/pdf', 'image/png', 'image/jpeg', 'image/webp')),
  size integer not null check (size > 0),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  uploaded_by uuid references portal_users(id) on delete set null,
  created_at timestamptz not null default now()
);
create index request_attachments_request on request_attachments (request_id);
select portico_enable_tenant_rls('request_attachments');
grant select, insert, delete on request_attachments to portico_app;
