-- Requests: one inbox for everything a client asks the business (financial, review, profile change, appointment,
-- feedback, general), each with a thread of messages between the client and the business.

-- The tenant's own names for the categories, and which are switched off; a category without a row is on.
create table request_categories (
  tenant_id uuid not null references tenants(id),
  key text not null check (key in ('financial', 'review', 'profile-change', 'appointment', 'feedback', 'general')),
  enabled boolean not null default true,
  -- {"pt-BR": "Financeiro", "es": "…"}: a rename per locale; missing locales use the portal's own words
  labels jsonb not null default '{}' check (jsonb_typeof(labels) = 'object'),
  primary key (tenant_id, key)
);

create table requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  account_id uuid not null references accounts(id) on delete cascade,
  -- null: about the whole account, seen only by users who reach all its establishments
  establishment_id uuid references establishments(id) on delete set null,
  author_id uuid references portal_users(id) on delete set null,
  category text not null check (category in ('financial', 'review', 'profile-change', 'appointment', 'feedback', 'general')),
  subject text not null check (length(subject) between 1 and 200),
  description text not null check (length(description) between 1 and 10000),
  -- what the request is about: a charge, a process, an appointment, a document (their tables come later)
  about_type text check (about_type in ('charge', 'process', 'appointment', 'document')),
  about_id uuid,
  status text not null default 'open' check (status in ('open', 'in-progress', 'answered', 'closed')),
  assignee text check (length(assignee) <= 200),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  closed_at timestamptz,
  check ((about_type is null) = (about_id is null))
);
create index requests_by_account on requests (account_id, created_at desc, id desc);
create index requests_inbox on requests (tenant_id, status, created_at desc, id desc);

create table request_messages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  request_id uuid not null references requests(id) on delete cascade,
  author_type text not null check (author_type in ('client', 'staff', 'integration')),
  author_id text,
  author_name text check (length(author_name) <= 200),
  body text not null check (length(body) between 1 and 10000),
  created_at timestamptz not null default now()
);
create index request_messages_thread on request_messages (request_id, created_at);

select portico_enable_tenant_rls(t) from unnest(array['request_categories', 'requests', 'request_messages']::regclass[]) as t;
grant select, insert, update, delete on request_categories, requests, request_messages to portico_app;
