-- The tenant's logo as an image the server itself draws on the PDFs it makes (authorization guides, statements,
-- boleto copies): PNG or JPEG, small. The widgets keep showing `tenants.logo_url`.
create table tenant_logos (
  tenant_id uuid primary key references tenants(id),
  content_type text not null check (content_type in ('image/png', 'image/jpeg')),
  bytes bytea not null check (octet_length(bytes) between 1 and 262144),
  updated_at timestamptz not null default now()
);

select portico_enable_tenant_rls('tenant_logos');
grant select, insert, update, delete on tenant_logos to portico_app;
