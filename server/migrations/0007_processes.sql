-- The process tracker (T1–T5): cases the business runs for its clients, moving through the phases of a template,
-- with notices and follow-ups. Quick access (A8) opens exactly one of them.

-- Per tenant: whether phase changes and notices are e-mailed to the account's users.
create table process_settings (
  tenant_id uuid primary key references tenants(id),
  notify_clients boolean not null default true,
  updated_at timestamptz not null default now()
);

-- The ordered phases a kind of case goes through; names and descriptions per locale ({"es": "…", "pt-BR": "…"}).
create table process_templates (
  tenant_id uuid not null references tenants(id),
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,49}$'),
  name jsonb not null check (jsonb_typeof(name) = 'object'),
  -- [{"key": "…", "name": {…}, "description": {…}}], at least one
  phases jsonb not null check (jsonb_typeof(phases) = 'array' and jsonb_array_length(phases) between 1 and 50),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, key)
);

alter table processes
  add column establishment_id uuid references establishments(id) on delete set null,
  add column external_id text check (length(external_id) between 1 and 100),
  add column kind text check (length(kind) between 1 and 80),
  add column template_key text,
  add column current_phase text,
  -- [{"label": "…", "value": "…", "secret": true}]: the registry's process number, its access key …
  add column external_refs jsonb not null default '[]' check (jsonb_typeof(external_refs) = 'array'),
  add column updated_at timestamptz not null default now(),
  add constraint processes_external_id unique (tenant_id, external_id),
  add constraint processes_template foreign key (tenant_id, template_key) references process_templates (tenant_id, key),
  add constraint processes_phase_needs_template check (current_phase is null or template_key is not null);
create index processes_by_account on processes (account_id, updated_at desc);

-- Every move to a phase, with who made it and when (the history is never rewritten).
create table process_phase_changes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  process_id uuid not null references processes(id) on delete cascade,
  phase_key text not null,
  note text check (length(note) <= 500),
  actor_type text not null check (actor_type in ('staff', 'integration', 'operator', 'system')),
  actor_id text,
  changed_at timestamptz not null default now()
);
create index process_phase_changes_process on process_phase_changes (process_id, changed_at desc);

-- Notices (something happened) and follow-ups (what to do next): Markdown as written, shown as sanitised rich text.
create table process_notices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  process_id uuid not null references processes(id) on delete cascade,
  kind text not null check (kind in ('notice', 'follow-up')),
  title text not null check (length(title) between 1 and 200),
  body_markdown text not null check (length(body_markdown) between 1 and 20000),
  actor_type text not null check (actor_type in ('staff', 'integration', 'operator', 'system')),
  actor_id text,
  published_at timestamptz not null default now()
);
create index process_notices_process on process_notices (process_id, published_at desc);

-- When each portal user last opened each process: what is "new since your last visit".
create table process_views (
  tenant_id uuid not null references tenants(id),
  process_id uuid not null references processes(id) on delete cascade,
  user_id uuid not null references portal_users(id) on delete cascade,
  seen_at timestamptz not null,
  primary key (process_id, user_id)
);

select portico_enable_tenant_rls(t) from unnest(array[
  'process_settings', 'process_templates', 'process_phase_changes', 'process_notices', 'process_views']::regclass[]) as t;
grant select, insert, update, delete on process_settings, process_templates, process_phase_changes, process_notices, process_views to portico_app;
