-- Tenancy: the role requests run as, the tenant context, the helper every tenant-owned table uses for RLS,
-- and the tenant registry with its branding.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'portico_app') then
    create role portico_app nologin nosuperuser nobypassrls noinherit;
  end if;
  -- The connection user switches to portico_app per transaction; a superuser may already, anyone else needs membership.
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant portico_app to %I', current_user);
  end if;
end $$;

grant usage on schema public to portico_app;

-- The tenant of the current transaction, as set by withTenant(); null outside one.
create function portico_current_tenant() returns uuid
  language sql stable
  as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;

-- Operator work (migrations, seeds, the CLI) runs as the connection user and spans tenants. A superuser
-- bypasses RLS anyway; any other connection user gets the same reach through a policy of its own.
create function portico_grant_operator_access(target regclass) returns void
  language plpgsql
  as $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('create policy operator_access on %s to %I using (true) with check (true)', target, current_user);
  end if;
end $$;

-- Every tenant-owned table calls this once: RLS enabled and forced, one policy on tenant_id for reads and writes.
create function portico_enable_tenant_rls(target regclass) returns void
  language plpgsql
  as $$
begin
  execute format('alter table %s enable row level security', target);
  execute format('alter table %s force row level security', target);
  execute format(
    'create policy tenant_isolation on %s to portico_app using (tenant_id = portico_current_tenant()) with check (tenant_id = portico_current_tenant())',
    target);
  perform portico_grant_operator_access(target);
end $$;

-- Embed origins as browsers send them: scheme, host and an optional port, nothing else.
create function portico_valid_origins(origins text[]) returns boolean
  language sql immutable
  as $$ select coalesce(bool_and(o ~ '^https?://[a-z0-9.-]+(:[0-9]{1,5})?$'), true) from unnest(origins) as o $$;

create table tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$'),
  name text not null check (length(name) between 1 and 120),
  portal_enabled boolean not null default true,
  default_locale text not null check (default_locale in ('pt-BR', 'es', 'en')),
  currency text not null check (currency ~ '^[A-Z]{3}$'),
  time_zone text not null check (length(time_zone) between 1 and 64),
  -- https, or a path on this server; never protocol-relative (//elsewhere) or javascript:
  logo_url text check (logo_url ~ '^(https://|/(?!/))[^\s"''<>\\]*$' and length(logo_url) <= 2048),
  primary_color text not null check (primary_color ~ '^#[0-9a-f]{6}$'),
  accent_color text not null check (accent_color ~ '^#[0-9a-f]{6}$'),
  corner_radius smallint not null check (corner_radius between 0 and 24),
  -- Font names, bare or in balanced quotes, separated by commas: nothing that could end the CSS declaration.
  font_family text not null check (length(font_family) <= 200 and font_family ~
    '^(?:[A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*|''[A-Za-z0-9 -]+''|"[A-Za-z0-9 -]+")(?: *, *(?:[A-Za-z0-9-]+(?: [A-Za-z0-9-]+)*|''[A-Za-z0-9 -]+''|"[A-Za-z0-9 -]+"))*$'),
  color_scheme text not null check (color_scheme in ('light', 'dark', 'auto')),
  portal_url text check (portal_url ~ '^https?://[^\s]+$'),
  embed_origins text[] not null default '{}' check (portico_valid_origins(embed_origins) and cardinality(embed_origins) <= 20),
  modules text[] not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- The registry is read before any tenant is known (a portal page names its tenant by slug, a preflight by origin),
-- so reading is open to the app role; changing a tenant needs that tenant's context.
alter table tenants enable row level security;
alter table tenants force row level security;
create policy tenants_readable on tenants for select to portico_app using (true);
create policy tenants_own_update on tenants for update to portico_app
  using (id = portico_current_tenant()) with check (id = portico_current_tenant());
select portico_grant_operator_access('tenants');
grant select on tenants to portico_app;
grant update (name, default_locale, currency, time_zone, logo_url, primary_color, accent_color, corner_radius,
  font_family, color_scheme, portal_url, embed_origins, modules, updated_at) on tenants to portico_app;

create index tenants_embed_origins on tenants using gin (embed_origins);
