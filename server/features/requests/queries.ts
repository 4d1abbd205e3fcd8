import type { Tx } from '../../db/database.ts';
import { makeCursor, readCursor } from '../../http/page-cursor.ts';
import { visibleTo } from '../accounts/visibility.ts';
import type { RequestCategory, RequestDetail, RequestMessage, RequestPage, RequestStatus, RequestSummary } from './schemas.ts';

const SUMMARY_COLUMNS = (tx: Tx) => tx`
  r.id, r.account_id as "accountId", a.name as "accountName", r.establishment_id as "establishmentId", r.category,
  r.subject, r.status, case when r.about_type is null then null else json_build_object('type', r.about_type, 'id', r.about_id) end as about,
  r.assignee, r.created_at as "createdAt", r.updated_at as "updatedAt", r.closed_at as "closedAt"`;

/** A page cursor: the last item's creation time and id. */
export function cursorOf(item: Pick<RequestSummary, 'createdAt' | 'id'>): string {
  return makeCursor(new Date(item.createdAt).toISOString(), item.id);
}

export interface ListFilters {
  status?: RequestStatus;
  category?: RequestCategory;
  accountId?: string;
  authorId?: string;
  assignee?: string;
  unassigned?: 'true' | 'false';
  before?: string;
  limit: number;
}

/** A page of requests, newest first, by keyset (stable while requests arrive); `viewer` limits it to a user's scope. */
export async function listRequests(tx: Tx, filters: ListFilters, viewer?: string): Promise<RequestPage> {
  const cursor = readCursor(filters.before, /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
  const rows = await tx<RequestSummary[]>`
    select ${SUMMARY_COLUMNS(tx)} from requests r join accounts a on a.id = r.account_id
     where true
       ${viewer ? tx`and ${visibleTo(tx, viewer, 'r')}` : tx``}
       ${filters.status ? tx`and r.status = ${filters.status}` : tx``}
       ${filters.category ? tx`and r.category = ${filters.category}` : tx``}
       ${filters.accountId ? tx`and r.account_id = ${filters.accountId}` : tx``}
       ${filters.authorId ? tx`and r.author_id = ${filters.authorId}` : tx``}
       ${filters.assignee ? tx`and r.assignee = ${filters.assignee}` : tx``}
       ${filters.unassigned === 'true' ? tx`and r.assignee is null` : tx``}
       ${cursor ? tx`and (r.created_at, r.id) < (${new Date(cursor.key)}, ${cursor.id})` : tx``}
     order by r.created_at desc, r.id desc
     limit ${filters.limit + 1}`;
  const items = rows.slice(0, filters.limit);
  return { items, next: rows.length > filters.limit ? cursorOf(items.at(-1)!) : null };
}

/** One request with its thread, or undefined when it does not exist or `viewer` may not see it. */
export async function findRequest(tx: Tx, id: string, viewer?: string, options: { lock?: boolean } = {}): Promise<(RequestDetail & { authorId: string | null }) | undefined> {
  // A change reads the row locked, so a reply and a close of the same request do not cross.
  if (options.lock) await tx`select 1 from requests where id = ${id} for update`;
  const [row] = await tx<(RequestDetail & { authorId: string | null })[]>`
    select ${SUMMARY_COLUMNS(tx)}, r.description, r.author_id as "authorId",
           coalesce((select json_agg(json_build_object('id', m.id, 'author', m.author_type, 'authorName', m.author_name,
                                                       'body', m.body, 'createdAt', m.created_at) order by m.created_at)
                       from request_messages m where m.request_id = r.id), '[]'::json) as messages,
           coalesce((select json_agg(json_build_object('id', f.id, 'name', f.file_name, 'type', f.content_type, 'size', f.size,
                                                       'createdAt', f.created_at) order by f.created_at)
                       from request_attachments f where f.request_id = r.id), '[]'::json) as attachments
      from requests r join accounts a on a.id = r.account_id
     where r.id = ${id} ${viewer ? tx`and ${visibleTo(tx, viewer, 'r')}` : tx``}`;
  return row;
}

export async function insertRequest(
  tx: Tx,
  request: { accountId: string; establishmentId: string | null; authorId: string | null; category: RequestCategory; subject: string; description: string; about?: { type: string; id: string } },
  now: Date,
): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into requests (tenant_id, account_id, establishment_id, author_id, category, subject, description, about_type, about_id, created_at, updated_at)
    values (portico_current_tenant(), ${request.accountId}, ${request.establishmentId}, ${request.authorId}, ${request.category}, ${request.subject},
            ${request.description}, ${request.about?.type ?? null}, ${request.about?.id ?? null}, ${now}, ${now})
    returning id`;
  return row!.id;
}

export async function insertMessage(tx: Tx, message: { requestId: string; author: RequestMessage['author']; authorId: string | null; authorName: string | null; body: string }, now: Date): Promise<void> {
  await tx`insert into request_messages (tenant_id, request_id, author_type, author_id, author_name, body, created_at)
           values (portico_current_tenant(), ${message.requestId}, ${message.author}, ${message.authorId}, ${message.authorName}, ${message.body}, ${now})`;
}

export async function setStatus(tx: Tx, id: string, status: RequestStatus, now: Date): Promise<void> {
  await tx`update requests set status = ${status}, updated_at = ${now},
             closed_at = case when ${status} = 'closed' then ${now}::timestamptz else null end
           where id = ${id}`;
}

export async function setAssignee(tx: Tx, id: string, assignee: string | null, now: Date): Promise<void> {
  await tx`update requests set assignee = ${assignee}, updated_at = ${now} where id = ${id}`;
}

/** The categories a tenant offers (all but those switched off), with its own names where it gave some. */
export async function enabledCategories(tx: Tx, options: { all?: boolean } = {}): Promise<{ key: RequestCategory; enabled: boolean; labels: Record<string, string> }[]> {
  const rows = await tx<{ key: RequestCategory; enabled: boolean; labels: Record<string, string> }[]>`select key, enabled, labels from request_categories`;
  const settings = new Map(rows.map((row) => [row.key, row]));
  const all: RequestCategory[] = ['financial', 'review', 'profile-change', 'appointment', 'feedback', 'general'];
  return all
    .map((key) => ({ key, enabled: settings.get(key)?.enabled ?? true, labels: settings.get(key)?.labels ?? {} }))
    .filter((category) => options.all || category.enabled);
}

export async function audit(tx: Tx, actor: { type: string; id: string | null }, action: string, requestId: string): Promise<void> {
  await tx`insert into audit_log (tenant_id, actor_type, actor_id, action, subject_type, subject_id)
           values (portico_current_tenant(), ${actor.type}, ${actor.id}, ${action}, 'request', ${requestId})`;
}

/** Attachments a request may have at most. */
export const MAX_ATTACHMENTS = 10;

export async function countAttachments(tx: Tx, requestId: string): Promise<number> {
  const [row] = await tx<{ n: number }[]>`select count(*)::int as n from request_attachments where request_id = ${requestId}`;
  return row!.n;
}

export async function insertAttachment(
  tx: Tx,
  attachment: { requestId: string; name: string; type: string; size: number; sha256: string; storageKey: string; uploadedBy: string | null },
): Promise<string> {
  const [row] = await tx<{ id: string }[]>`
    insert into request_attachments (tenant_id, request_id, file_name, content_type, size, sha256, storage_key, uploaded_by)
    values (portico_current_tenant(), ${attachment.requestId}, ${attachment.name}, ${attachment.type}, ${attachment.size}, ${attachment.sha256},
            ${attachment.storageKey}, ${attachment.uploadedBy})
    returning id`;
  return row!.id;
}

export async function findAttachment(tx: Tx, requestId: string, id: string): Promise<{ name: string; type: string; storage_key: string } | undefined> {
  const [row] = await tx<{ name: string; type: string; storage_key: string }[]>`
    select file_name as name, content_type as type, storage_key from request_attachments where id = ${id} and request_id = ${requestId}`;
  return row;
}
