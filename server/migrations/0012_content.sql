-- Content (C1–C4) and the whole portal's shell: news, support materials, campaigns, feedback; per-account module
-- exceptions (G2/G3); the business's site and social links for the footer.

alter table tenants add column links jsonb not null default '{"site": null, "social": []}' check (jsonb_typeof(links) = 'object');
grant update (links) on tenants to portico_app;

-- An account's exceptions to the tenant's modules: on (true) or off (false).
create table account_modules (
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  module text not null check (module ~ '^[a-z-]{1,32}$'),
  enabled boolean not null,
  primary key (account_id, module)
);

-- Images of news and campaigns: served from an unguessable address, so any <img> may load them.
create table content_images (
  token text primary key check (token ~ '^[A-Za-z0-9_-]{32,64}$'),
  tenant_id uuid not null references tenants(id),
  content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
  bytes bytea not null check (octet_length(bytes) between 1 and 2097152),
  created_at timestamptz not null default now()
);

create table news (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
  title text not null check (length(title) between 1 and 200),
  summary text not null check (length(summary) between 1 and 500),
  body_markdown text not null check (length(body_markdown) between 1 and 50000),
  image_token text references content_images(token) on delete set null,
  publish_at timestamptz not null,
  expires_at timestamptz check (expires_at > publish_at),
  -- null: every client; else only these accounts
  audience uuid[] check (cardinality(audience) between 1 and 1000),
  updated_at timestamptz not null default now(),
  unique (tenant_id, key)
);
create index news_published on news (tenant_id, publish_at desc);

create table news_reads (
  tenant_id uuid not null references tenants(id),
  news_id uuid not null references news(id) on delete cascade,
  user_id uuid not null references portal_users(id) on delete cascade,
  read_at timestamptz not null default now(),
  primary key (news_id, user_id)
);

create table materials (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
  topic text not null check (length(topic) between 1 and 80),
  title text not null check (length(title) between 1 and 200),
  body_markdown text check (length(body_markdown) between 1 and 50000),
  file_name text check (length(file_name) between 1 and 120),
  content_type text,
  size bigint check (size > 0),
  storage_key text unique,
  position integer not null default 0,
  published boolean not null default true,
  updated_at timestamptz not null default now(),
  unique (tenant_id, key),
  check ((storage_key is null) = (file_name is null))
);

create table campaigns (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  key text not null check (key ~ '^[a-z0-9][a-z0-9-]{0,59}$'),
  title text not null check (length(title) between 1 and 200),
  description_markdown text not null check (length(description_markdown) between 1 and 20000),
  image_token text references content_images(token) on delete set null,
  valid_from date not null,
  valid_until date check (valid_until >= valid_from),
  audience uuid[] check (cardinality(audience) between 1 and 1000),
  -- {"kind": "interest", "label": "…"} or {"kind": "link", "label": "…", "url": "https://…"}
  action jsonb check (jsonb_typeof(action) = 'object'),
  updated_at timestamptz not null default now(),
  unique (tenant_id, key)
);

-- "I'm interested": one request per account and campaign.
create table campaign_interests (
  tenant_id uuid not null references tenants(id),
  campaign_id uuid not null references campaigns(id) on delete cascade,
  account_id uuid not null references accounts(id) on delete cascade,
  request_id uuid not null references requests(id) on delete cascade,
  created_at timestamptz not null default now(),
  primary key (campaign_id, account_id)
);

-- C4: each opinion, kept beside the feedback request it opened.
create table feedback (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid references accounts(id) on delete set null,
  request_id uuid references requests(id) on delete set null,
  rating smallint not null check (rating between 1 and 5),
  comment text check (length(comment) between 1 and 2000),
  created_at timestamptz not null default now()
);
create index feedback_by_date on feedback (tenant_id, created_at desc);

select portico_enable_tenant_rls(t) from unnest(array['account_modules', 'content_images', 'news', 'news_reads', 'materials',
  'campaigns', 'campaign_interests', 'feedback']::regclass[]) as t;
grant select, insert, update, delete on account_modules, content_images, news, news_reads, materials, campaigns, campaign_interests, feedback to portico_app;
