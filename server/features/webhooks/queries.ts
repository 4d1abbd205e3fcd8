import type { Tx } from '../../db/database.ts';
import type { EventFeedPage, PorticoEvent, WebhookDelivery, WebhookEndpoint, WebhookEventType } from './schemas.ts';

interface EventRow {
  id: string;
  type: PorticoEvent['type'];
  data: PorticoEvent['data'];
  created_at: Date;
}

export function toEvent(row: EventRow): PorticoEvent {
  return { id: `evt_${row.id}`, type: row.type, createdAt: row.created_at.toISOString(), data: row.data };
}

const ENDPOINT_COLUMNS = `e.id, e.url, e.description, e.events, e.enabled, e.created_at, e.updated_at,
  (select json_build_object(
     'delivered', count(*) filter (where d.status = 'delivered'),
     'pending', count(*) filter (where d.status = 'pending'),
     'failed', count(*) filter (where d.status = 'failed'),
     'lastAt', max(coalesce(d.delivered_at, d.created_at)),
     'lastStatus', (array_agg(d.last_status order by d.created_at desc))[1])
   from webhook_deliveries d where d.endpoint_id = e.id and d.created_at > now() - interval '24 hours') as recent`;

interface EndpointRow {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
  recent: WebhookEndpoint['recent'];
  secret?: string;
}

function toEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    recent: { ...row.recent, lastAt: row.recent.lastAt ? new Date(row.recent.lastAt).toISOString() : null },
  };
}

export async function listEndpoints(tx: Tx): Promise<WebhookEndpoint[]> {
  const rows = await tx<EndpointRow[]>`select ${tx.unsafe(ENDPOINT_COLUMNS)} from webhook_endpoints e where e.tenant_id = portico_current_tenant() order by e.created_at`;
  return rows.map(toEndpoint);
}

export async function findEndpoint(tx: Tx, id: string): Promise<(WebhookEndpoint & { secret: string }) | undefined> {
  const [row] = await tx<(EndpointRow & { secret: string })[]>`
    select ${tx.unsafe(ENDPOINT_COLUMNS)}, e.secret from webhook_endpoints e where e.id = ${id} and e.tenant_id = portico_current_tenant()`;
  return row && { ...toEndpoint(row), secret: row.secret };
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  status: WebhookDelivery['status'];
  attempts: number;
  created_at: Date;
  delivered_at: Date | null;
  next_attempt_at: Date;
  last_status: number | null;
  last_error: string | null;
  event: EventRow & { created_at: string };
  log: { at: string; statusCode: number | null; error: string | null; durationMs: number }[];
}

const DELIVERY_SELECT = `
  select d.id, d.endpoint_id, d.status, d.attempts, d.created_at, d.delivered_at, d.next_attempt_at, d.last_status, d.last_error,
         json_build_object('id', ev.id, 'type', ev.type, 'data', ev.data, 'created_at', ev.created_at) as event,
         coalesce((select json_agg(json_build_object('at', a.attempted_at, 'statusCode', a.status_code, 'error', a.error, 'durationMs', a.duration_ms) order by a.id)
                     from webhook_attempts a where a.delivery_id = d.id), '[]') as log
    from webhook_deliveries d join events ev on ev.id = d.event_id`;

function toDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    event: toEvent({ ...row.event, created_at: new Date(row.event.created_at) }),
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    deliveredAt: row.delivered_at?.toISOString() ?? null,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastStatus: row.last_status,
    lastError: row.last_error,
    log: row.log.map((attempt) => ({ ...attempt, at: new Date(attempt.at).toISOString() })),
  };
}

export async function findDelivery(tx: Tx, id: string): Promise<WebhookDelivery | undefined> {
  const [row] = await tx<DeliveryRow[]>`${tx.unsafe(DELIVERY_SELECT)} where d.id = ${id} and d.tenant_id = portico_current_tenant()`;
  return row && toDelivery(row);
}

/** An endpoint's deliveries, newest first, `limit` at a time; `next` pages on. */
export async function listDeliveries(
  tx: Tx,
  endpointId: string,
  query: { status?: WebhookDelivery['status']; before?: string; limit: number },
): Promise<{ items: WebhookDelivery[]; next: string | null }> {
  const before = decodeDeliveryCursor(query.before);
  const rows = await tx<DeliveryRow[]>`${tx.unsafe(DELIVERY_SELECT)}
     where d.endpoint_id = ${endpointId} and d.tenant_id = portico_current_tenant()
       ${query.status ? tx`and d.status = ${query.status}` : tx``}
       ${before ? tx`and (d.created_at, d.id) < (${before.at}, ${before.id}::uuid)` : tx``}
     order by d.created_at desc, d.id desc limit ${query.limit + 1}`;
  const items = rows.slice(0, query.limit).map(toDelivery);
  const last = rows.length > query.limit ? rows[query.limit - 1]! : undefined;
  return { items, next: last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null };
}

function decodeDeliveryCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const when = new Date(at ?? '');
  if (Number.isNaN(when.getTime()) || !/^[0-9a-f-]{36}$/.test(id ?? '')) return undefined;
  return { at: when, id: id! };
}

/** A cursor is the position after an event: its transaction and its number. */
export function encodeFeedCursor(position: { xact: string; id: string }): string {
  return Buffer.from(`${position.xact}.${position.id}`).toString('base64url');
}

export function decodeFeedCursor(cursor: string): { xact: string; id: string } | undefined {
  const match = /^(\d{1,20})\.(\d{1,20})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { xact: match[1]!, id: match[2]! } : undefined;
}

/**
 * The events after `since`, in the order their transactions began. Only events of transactions older than every
 * transaction still running are given, so nothing can later appear before a cursor already handed out.
 */
export async function feedPage(tx: Tx, since: { xact: string; id: string } | undefined, limit: number, types: string[] | undefined): Promise<EventFeedPage> {
  const rows = await tx<(EventRow & { xact: string })[]>`
    select id, type, data, created_at, xact::text as xact from events
     where tenant_id = portico_current_tenant() and type <> 'ping'
       and xact < pg_snapshot_xmin(pg_current_snapshot())
       ${since ? tx`and (xact, id) > (${since.xact}::xid8, ${since.id}::bigint)` : tx``}
       ${types?.length ? tx`and type = any(${types})` : tx``}
     order by xact, id limit ${limit}`;
  const last = rows.at(-1);
  return { items: rows.map(toEvent), next: last ? encodeFeedCursor(last) : since ? encodeFeedCursor(since) : null };
}
