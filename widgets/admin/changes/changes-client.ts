import type { AdminApi } from '../admin-api.ts';
import type { FieldDefinition } from '../../../server/features/profile/fields.ts';

export type { FieldDefinition };

/** Where a proposed change stands: waiting, decided either way, or replaced by a newer proposal for the same field. */
export const CHANGE_STATUSES = ['pending', 'approved', 'refused', 'superseded'] as const;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];

/** A change a client proposed to a field that needs approval (P3), as `GET /api/v1/profile/changes` lists it. */
export interface ProposedChange {
  id: string;
  accountId: string;
  /** The request (category profile-change) the client's proposal opened. */
  requestId: string | null;
  /** The field's key: a standard field (`name`, `address` …) or one of the tenant's custom fields. */
  field: string;
  /** The value then, and the one proposed: text, a number, or an object such as an address. */
  before: unknown;
  after: unknown;
  status: ChangeStatus;
  requestedAt: string;
  decidedAt: string | null;
  /** The refusal's reason, or the approval's message. */
  reason: string | null;
}

/** What the console needs of an account (`GET /api/v1/accounts/{id}`). */
export interface AccountName {
  id: string;
  name: string;
}

const changePath = (id: string, decision: 'approve' | 'refuse') => `/api/v1/profile/changes/${encodeURIComponent(id)}/${decision}`;

/** The calls of `<admin-changes>` (`/api/v1/profile`, `profile:read` / `profile:write`), typed, over the console's session. */
export class ChangesClient {
  constructor(private readonly api: AdminApi) {}

  /** Oldest first, at most 500 (the server's limit). */
  async list(status: ChangeStatus, signal?: AbortSignal): Promise<ProposedChange[]> {
    return (await this.api.request<{ items: ProposedChange[] }>('GET', `/api/v1/profile/changes?status=${status}`, undefined, signal)).items;
  }

  /** The tenant's fields, for their names and how to show their values. */
  async fields(signal?: AbortSignal): Promise<FieldDefinition[]> {
    return (await this.api.request<{ items: FieldDefinition[] }>('GET', '/api/v1/profile/fields', undefined, signal)).items;
  }

  account(id: string, signal?: AbortSignal): Promise<AccountName> {
    return this.api.request<AccountName>('GET', `/api/v1/accounts/${encodeURIComponent(id)}`, undefined, signal);
  }

  /** Writes the proposed value; `message`, when given, answers the client's request. */
  approve(id: string, message?: string): Promise<{ id: string; status: 'approved' }> {
    return this.api.request('POST', changePath(id, 'approve'), message ? { message } : {});
  }

  /** Keeps the value as it was; the client reads `reason`. */
  refuse(id: string, reason: string): Promise<{ id: string; status: 'refused' }> {
    return this.api.request('POST', changePath(id, 'refuse'), { reason });
  }
}
