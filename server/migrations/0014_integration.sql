-- Issue 13: what happened in a portal, kept as events — for the cursor feed (`/api/v1/events?since=`) and for
-- the webhooks that deliver them. Events are written by triggers in the transaction of the change itself (the
-- audit entry, the download, the activation), so an event exists exactly when its change was committed.
create table events (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id),
  type text not null,
  data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  -- The writing transaction: the feed orders by it and holds back what a running transaction may still add
  -- before it (a sequence alone would let a slow transaction's event appear behind a reader's cursor).
  xact xid8 not null default pg_current_xact_id()
);
create index events_feed on events (tenant_id, xact, id);
create index events_created on events (created_at);

create table webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  url text not null check (length(url) <= 2000),
  description text not null default '' check (length(description) <= 200),
  events text[] not null check (cardinality(events) between 1 and 50),
  -- Signs each delivery (HMAC-SHA256); the business keeps a copy to verify it.
  secret text not null,
  enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create index webhook_endpoints_tenant on webhook_endpoints (tenant_id, created_at);

create table webhook_deliveries (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references tenants(id),
  endpoint_id uuid not null references webhook_endpoints(id) on delete cascade,
  event_id bigint not null references events(id) on delete cascade,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  delivered_at timestamptz,
  last_status integer,
  last_error text
);
create index webhook_deliveries_due on webhook_deliveries (next_attempt_at) where status = 'pending';
create index webhook_deliveries_endpoint on webhook_deliveries (endpoint_id, created_at desc);

create table webhook_attempts (
  id bigserial primary key,
  tenant_id uuid not null references tenants(id),
  delivery_id uuid not null references webhook_deliveries(id) on delete cascade,
  attempted_at timestamptz not null default now(),
  status_code integer,
  error text,
  duration_ms integer not null
);
create index webhook_attempts_delivery on webhook_attempts (delivery_id, id);

select portico_enable_tenant_rls(t) from unnest(array['events', 'webhook_endpoints', 'webhook_deliveries', 'webhook_attempts']::regclass[]) as t;
grant select, insert on events to portico_app;
grant select, insert, update, delete on webhook_endpoints, webhook_deliveries to portico_app;
grant select, insert on webhook_attempts to portico_app;
grant usage on sequence events_id_seq, webhook_attempts_id_seq to portico_app;

-- Each event goes to every enabled endpoint of its tenant that chose its type (a test `ping` only where asked).
create function portico_fan_out_event() returns trigger
  language plpgsql
  as $$
begin
  if new.type <> 'ping' then
    insert into webhook_deliveries (tenant_id, endpoint_id, event_id, created_at, next_attempt_at)
    select new.tenant_id, e.id, new.id, new.created_at, now() from webhook_endpoints e
     where e.tenant_id = new.tenant_id and e.enabled and new.type = any(e.events);
  end if;
  return null;
end $$;
create trigger events_fan_out after insert on events for each row execute function portico_fan_out_event();

-- The audit entries that are events a business system wants to hear about.
create function portico_event_from_audit() returns trigger
  language plpgsql
  as $$
declare
  kind text := case new.action
    when 'request-created' then 'request.created'
    when 'request-replied' then 'request.replied'
    when 'request-answered' then 'request.answered'
    when 'request-closed' then 'request.closed'
    when 'profile-changed' then 'profile.changed'
    when 'appointment-booked' then 'appointment.booked'
    when 'appointment-cancelled' then 'appointment.cancelled'
    when 'payment-method-preferred' then 'payment_method.changed'
    when 'charge-paid' then 'charge.paid'
  end;
begin
  if kind is not null then
    insert into events (tenant_id, type, data, created_at)
    values (new.tenant_id, kind, jsonb_build_object(
      'subject', jsonb_build_object('type', new.subject_type, 'id', new.subject_id),
      'actor', jsonb_build_object('type', new.actor_type, 'id', new.actor_id),
      'details', new.data), new.created_at);
  end if;
  return null;
end $$;
create trigger audit_log_events after insert on audit_log for each row execute function portico_event_from_audit();

create function portico_event_from_download() returns trigger
  language plpgsql
  as $$
begin
  insert into events (tenant_id, type, data, created_at)
  values (new.tenant_id, 'document.downloaded', jsonb_build_object(
    'subject', jsonb_build_object('type', 'document', 'id', new.document_id),
    'actor', jsonb_build_object('type', 'client', 'id', new.user_id),
    'details', jsonb_build_object('via', new.via)), new.downloaded_at);
  return null;
end $$;
create trigger document_downloads_events after insert on document_downloads for each row execute function portico_event_from_download();

create function portico_event_from_activation() returns trigger
  language plpgsql
  as $$
begin
  if old.status = 'pending' and new.status = 'active' then
    insert into events (tenant_id, type, data)
    values (new.tenant_id, 'user.activated', jsonb_build_object(
      'subject', jsonb_build_object('type', 'portal_user', 'id', new.id),
      'actor', jsonb_build_object('type', 'client', 'id', new.id),
      'details', jsonb_build_object('email', new.email)));
  end if;
  return null;
end $$;
create trigger portal_users_events after update of status on portal_users for each row execute function portico_event_from_activation();
