import type { AdminApi } from '../admin-api.ts';
import type { Localized, PhaseView, ProcessDetail, ProcessInput, ProcessNotice, ProcessSummary } from '../../../server/features/processes/schemas.ts';
import type { UpsertResult } from '../../../server/features/processes/service.ts';

export type { Localized, PhaseView, ProcessDetail, ProcessNotice, ProcessSummary, UpsertResult };

/** A phase template (`GET /api/v1/processes/templates`): the phases a kind of case goes through, named per locale. */
export interface ProcessTemplate {
  key: string;
  name: Localized;
  phases: { key: string; name: Localized; description?: Localized }[];
}

/** A new process as the console sends it (`processInput`: `references` always given). */
export type NewProcess = Omit<ProcessInput, 'references'> & { references: ProcessInput['references'] };
/** A notice or follow-up (`noticeInput`). */
export interface NewNotice {
  kind: 'notice' | 'follow-up';
  title: string;
  /** Markdown. */
  body: string;
  notify: boolean;
}
/** The list's filters (`GET /api/v1/processes?accountId=&externalId=`). */
export interface ProcessFilters {
  accountId?: string;
  externalId?: string;
}

/** The server answers at most this many processes, most recently changed first, and has no further pages. */
export const PROCESS_LIST_LIMIT = 200;

const base = '/api/v1/processes';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

/** The list's address with its filters. */
export function processListPath(filters: ProcessFilters): string {
  const query = new URLSearchParams();
  if (filters.accountId) query.set('accountId', filters.accountId);
  if (filters.externalId?.trim()) query.set('externalId', filters.externalId.trim());
  const search = query.toString();
  return search ? `${base}?${search}` : base;
}

/** The processes section's calls (`processes:read` / `processes:write`), typed, over the console's session. */
export class ProcessesClient {
  constructor(private readonly api: AdminApi) {}

  list(filters: ProcessFilters, signal?: AbortSignal): Promise<{ items: ProcessSummary[] }> {
    return this.api.request('GET', processListPath(filters), undefined, signal);
  }

  get(id: string, signal?: AbortSignal): Promise<ProcessDetail> {
    return this.api.request('GET', one(id), undefined, signal);
  }

  templates(signal?: AbortSignal): Promise<{ items: ProcessTemplate[] }> {
    return this.api.request('GET', `${base}/templates`, undefined, signal);
  }

  /** Creates (or, for a known external id, updates) one process; a new one comes with its quick-access key, once. */
  async save(process: NewProcess): Promise<UpsertResult> {
    const { results } = await this.api.request<{ results: UpsertResult[] }>('PUT', base, { items: [process] });
    return results[0]!;
  }

  /** Moves the process to `phase` (a key of its template); the account's users are told by e-mail. */
  movePhase(id: string, phase: string, note?: string): Promise<ProcessDetail> {
    return this.api.request('POST', `${one(id)}/phase`, note ? { phase, note } : { phase });
  }

  addNotice(id: string, notice: NewNotice): Promise<ProcessNotice> {
    return this.api.request('POST', `${one(id)}/notices`, notice);
  }
}
