import type { AccountListItem, AdminApi } from '../admin-api.ts';
import type { ContentCampaign, ContentMaterial, ContentNews, FeedbackSummary } from '../../../server/features/content/schemas.ts';

export type { AccountListItem, ContentCampaign, ContentMaterial, ContentNews, FeedbackSummary };

/** What `PUT /api/v1/content/news/{key}` takes (the server's `newsInput`). */
export interface NewsInput {
  title: string;
  summary: string;
  /** Markdown. */
  body: string;
  /** ISO 8601 instant. */
  publishAt: string;
  expiresAt: string | null;
  /** Account ids, or null for every client. */
  audience: string[] | null;
}

/** What `PUT /api/v1/content/materials/{key}` takes (the server's `materialInput`). */
export interface MaterialInput {
  topic: string;
  title: string;
  body: string | null;
  position: number;
  published: boolean;
}

/** A campaign's call to action: none, "I'm interested" (opens a request) or a link. */
export type CampaignAction = ContentCampaign['action'];

/** What `PUT /api/v1/content/campaigns/{key}` takes (the server's `campaignInput`). */
export interface CampaignInput {
  title: string;
  description: string;
  /** `YYYY-MM-DD`. */
  validFrom: string;
  validUntil: string | null;
  audience: string[] | null;
  action: CampaignAction;
}

/** The three kinds of content the business publishes by its own keys. */
export type ContentKind = 'news' | 'materials' | 'campaigns';

/** `path?query` without the empty values. */
function withQuery(path: string, query: Record<string, string | undefined>): string {
  const entries = Object.entries(query).filter((entry): entry is [string, string] => Boolean(entry[1]));
  return entries.length ? `${path}?${new URLSearchParams(entries)}` : path;
}

const BASE = '/api/v1/content';
const at = (kind: ContentKind, key: string) => `${BASE}/${kind}/${encodeURIComponent(key)}`;

/**
 * The content endpoints the console uses (`/api/v1/content/…`, C1–C4), typed, over {@link AdminApi.request} with the
 * staff session. Items are written whole by key (`PUT` creates or replaces); images and files go afterwards, as the
 * raw request body.
 */
export class ContentClient {
  constructor(private readonly api: AdminApi) {}

  async news(signal?: AbortSignal): Promise<ContentNews[]> {
    return (await this.api.request<{ items: ContentNews[] }>('GET', `${BASE}/news`, undefined, signal)).items;
  }

  async materials(signal?: AbortSignal): Promise<ContentMaterial[]> {
    return (await this.api.request<{ items: ContentMaterial[] }>('GET', `${BASE}/materials`, undefined, signal)).items;
  }

  async campaigns(signal?: AbortSignal): Promise<ContentCampaign[]> {
    return (await this.api.request<{ items: ContentCampaign[] }>('GET', `${BASE}/campaigns`, undefined, signal)).items;
  }

  async saveNews(key: string, input: NewsInput): Promise<void> {
    await this.api.request('PUT', at('news', key), input);
  }

  async saveMaterial(key: string, input: MaterialInput): Promise<void> {
    await this.api.request('PUT', at('materials', key), input);
  }

  async saveCampaign(key: string, input: CampaignInput): Promise<void> {
    await this.api.request('PUT', at('campaigns', key), input);
  }

  /** Replaces the image of a news item or campaign (PNG, JPEG or WebP, ≤ 2 MB); answers its new address. */
  uploadImage(kind: 'news' | 'campaigns', key: string, image: Blob): Promise<{ url: string }> {
    return this.api.request('PUT', `${at(kind, key)}/image`, image);
  }

  /** Replaces a material's file (PDF or image, ≤ 50 MB), named `name` for the clients who download it. */
  uploadMaterialFile(key: string, file: Blob, name: string): Promise<{ name: string; type: string; size: number }> {
    return this.api.request('PUT', withQuery(`${at('materials', key)}/file`, { name }), file);
  }

  async remove(kind: ContentKind, key: string): Promise<void> {
    await this.api.request('DELETE', at(kind, key));
  }

  /** The clients' opinions between two calendar dates (both optional, both included). */
  feedback(range: { from?: string; to?: string }, signal?: AbortSignal): Promise<FeedbackSummary> {
    return this.api.request('GET', withQuery(`${BASE}/feedback/summary`, range), undefined, signal);
  }

  /** Accounts whose name, tax id or e-mail match `q` (the first page), for choosing an audience. */
  async searchAccounts(q: string, signal?: AbortSignal): Promise<AccountListItem[]> {
    return (await this.api.listAccounts(q ? { q } : {}, signal)).items;
  }
}
