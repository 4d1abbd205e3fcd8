import type { AdminApi } from '../admin-api.ts';
import type { RequestAttachment, RequestCategory, RequestDetail, RequestMessage, RequestPage, RequestStatus, RequestSummary } from '../../../server/features/requests/schemas.ts';

export type { RequestAttachment, RequestCategory, RequestDetail, RequestMessage, RequestPage, RequestStatus, RequestSummary };

/** The request statuses, in the order a request goes through them (as the server's `STATUSES`). */
export const REQUEST_STATUSES = ['open', 'in-progress', 'answered', 'closed'] as const satisfies readonly RequestStatus[];
/** The request categories (as the server's `CATEGORIES`), for when the tenant's own list cannot be read. */
export const REQUEST_CATEGORIES = ['financial', 'review', 'profile-change', 'appointment', 'feedback', 'general'] as const satisfies readonly RequestCategory[];

// Fails the type-check if the server adds a status or category these lists do not name.
type Missing<All, Listed> = Exclude<All, Listed> extends never ? true : false;
const _statusesComplete: Missing<RequestStatus, (typeof REQUEST_STATUSES)[number]> = true;
const _categoriesComplete: Missing<RequestCategory, (typeof REQUEST_CATEGORIES)[number]> = true;
void _statusesComplete;
void _categoriesComplete;

/** A category as the tenant set it up (`GET /api/v1/requests/categories`): on or off, and its own names per locale. */
export interface CategorySetting {
  key: RequestCategory;
  enabled: boolean;
  labels: Partial<Record<string, string>>;
}

/** Whose requests the list shows: everyone's, the signed-in staff member's, or those nobody took yet. */
export type AssigneeFilter = 'anyone' | 'mine' | 'unassigned';

/** The inbox's filters, as the staff member chose them. */
export interface InboxFilters {
  status?: RequestStatus;
  category?: RequestCategory;
  assignee: AssigneeFilter;
}

/**
 * The list's address: `status`, `category` and `assignee` (the staff member's name for "mine") as the server's
 * `listQuery` takes them, `before` for the next page; "nobody" is `unassigned=true`. {@link keepMatching} checks the
 * page as well, so a request assigned meanwhile does not linger under "nobody".
 */
export function listPath(filters: InboxFilters, myName: string | undefined, before?: string): string {
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.category) query.set('category', filters.category);
  if (filters.assignee === 'mine' && myName) query.set('assignee', myName);
  if (filters.assignee === 'unassigned') query.set('unassigned', 'true');
  if (before) query.set('before', before);
  const search = query.toString();
  return search ? `/api/v1/requests?${search}` : '/api/v1/requests';
}

/** The items of a page that still match "nobody assigned". */
export function keepMatching<T extends RequestSummary>(items: T[], filters: InboxFilters): T[] {
  return filters.assignee === 'unassigned' ? items.filter((item) => !item.assignee) : items;
}

const requestPath = (id: string) => `/api/v1/requests/${encodeURIComponent(id)}`;

/** The inbox's calls (`/api/v1/requests`, `requests:read` / `requests:write`), typed, over the console's session. */
export class InboxClient {
  constructor(private readonly api: AdminApi) {}

  list(filters: InboxFilters, myName: string | undefined, before?: string, signal?: AbortSignal): Promise<RequestPage> {
    return this.api.request<RequestPage>('GET', listPath(filters, myName, before), undefined, signal);
  }

  categories(signal?: AbortSignal): Promise<CategorySetting[]> {
    return this.api.request<CategorySetting[]>('GET', '/api/v1/requests/categories', undefined, signal);
  }

  get(id: string, signal?: AbortSignal): Promise<RequestDetail> {
    return this.api.request<RequestDetail>('GET', requestPath(id), undefined, signal);
  }

  /** Replies to the client (who is told by e-mail); the request becomes answered. */
  reply(id: string, body: string, authorName?: string): Promise<{ status: RequestStatus }> {
    return this.api.request<{ status: RequestStatus }>('POST', `${requestPath(id)}/replies`, authorName ? { body, authorName } : { body });
  }

  setStatus(id: string, status: RequestStatus): Promise<{ status: RequestStatus }> {
    return this.api.request<{ status: RequestStatus }>('POST', `${requestPath(id)}/status`, { status });
  }

  /** `null` leaves the request with nobody. */
  assign(id: string, assignee: string | null): Promise<{ assignee: string | null }> {
    return this.api.request<{ assignee: string | null }>('POST', `${requestPath(id)}/assignee`, { assignee });
  }
}
