import { ApiError, type AdminApi, type StaffMe } from '../admin-api.ts';
import { fakeAdminApi } from '../fake-admin-api.ts';
import { fixtureMe, type DemoTenant } from '../team/fixtures.ts';
import type { CampaignInput, ContentKind, FeedbackSummary, MaterialInput, NewsInput } from './content-client.ts';
import { isSafeLink, KEY_PATTERN, MAX_IMAGE_BYTES, MAX_MATERIAL_BYTES } from './content-rules.ts';
import { contentData, fixtureImage, type ContentData } from './fixtures.ts';

/** What the fixture's reads answer: the data, never (loading), nothing, or a network error. */
export type ContentFixtureState = 'ready' | 'loading' | 'empty' | 'error';

const invalid = (path: string, message: string) => new ApiError('invalid_input', 400, `Invalid: ${path} ${message}`, undefined, [{ path, message }]);
const notFound = () => new ApiError('not_found', 404, 'Nothing with that key');

function summaryOf(data: ContentData, from: string | null, to: string | null): FeedbackSummary {
  const rows = data.feedback.filter((row) => (!from || row.createdAt.slice(0, 10) >= from) && (!to || row.createdAt.slice(0, 10) <= to));
  const total = rows.reduce((sum, row) => sum + row.rating, 0);
  return {
    count: rows.length,
    average: rows.length ? Math.round((total / rows.length) * 100) / 100 : null,
    distribution: [1, 2, 3, 4, 5].map((rating) => rows.filter((row) => row.rating === rating).length) as FeedbackSummary['distribution'],
    comments: rows.filter((row) => row.comment).map((row) => ({ rating: row.rating, comment: row.comment!, accountName: row.accountName ?? '', createdAt: row.createdAt })),
  };
}

function read(data: ContentData, kind: string, query: URLSearchParams, state: ContentFixtureState): unknown {
  if (state === 'empty') return kind === 'feedback' ? summaryOf({ ...data, feedback: [] }, null, null) : { items: [] };
  if (kind === 'news') return { items: [...data.news].sort((a, b) => b.publishAt.localeCompare(a.publishAt)) };
  if (kind === 'materials') return { items: [...data.materials].sort((a, b) => a.topic.localeCompare(b.topic) || a.position - b.position || a.title.localeCompare(b.title)) };
  if (kind === 'campaigns') return { items: [...data.campaigns].sort((a, b) => b.validFrom.localeCompare(a.validFrom)) };
  if (kind === 'feedback') return summaryOf(data, query.get('from'), query.get('to'));
  throw notFound();
}

function write(data: ContentData, kind: ContentKind, key: string, body: unknown): unknown {
  if (kind === 'news') {
    const input = body as NewsInput;
    if (input.expiresAt && input.expiresAt <= input.publishAt) throw invalid('expiresAt', 'must be after publishAt');
    const old = data.news.find((item) => item.key === key);
    data.news = [...data.news.filter((item) => item.key !== key), { key, ...input, imageUrl: old?.imageUrl ?? null, reads: old?.reads ?? 0 }];
  } else if (kind === 'materials') {
    const input = body as MaterialInput;
    const old = data.materials.find((item) => item.key === key);
    data.materials = [...data.materials.filter((item) => item.key !== key), { key, ...input, file: old?.file ?? null }];
  } else {
    const input = body as CampaignInput;
    if (input.action?.kind === 'link' && !isSafeLink(input.action.url)) throw invalid('action.url', 'must be an https: or mailto: address');
    const old = data.campaigns.find((item) => item.key === key);
    data.campaigns = [...data.campaigns.filter((item) => item.key !== key), { key, ...input, imageUrl: old?.imageUrl ?? null, interested: old?.interested ?? 0 }];
  }
  return { key, ...(body as object) };
}

function upload(data: ContentData, kind: ContentKind, key: string, sub: string, body: unknown, query: URLSearchParams): unknown {
  const blob = body as Blob;
  if (sub === 'file' && kind === 'materials') {
    const material = data.materials.find((item) => item.key === key);
    if (!material) throw notFound();
    if (blob.size > MAX_MATERIAL_BYTES) throw new ApiError('payload_too_large', 413, 'A file may have at most 50 MB');
    material.file = { name: query.get('name') ?? 'file', type: blob.type, size: blob.size };
    return material.file;
  }
  const item = kind === 'news' ? data.news.find((one) => one.key === key) : data.campaigns.find((one) => one.key === key);
  if (!item || sub !== 'image' || kind === 'materials') throw notFound();
  if (blob.size > MAX_IMAGE_BYTES) throw new ApiError('payload_too_large', 413, 'An image may be at most 2 MB');
  item.imageUrl = fixtureImage(item.title.slice(0, 16), 90);
  return { url: item.imageUrl };
}

/**
 * An in-memory `/api/v1/content` answering `AdminApi.request` as the server does: lists sorted as it sorts them,
 * `PUT` creating or replacing by key (with the server's checks on expiry and links), images and files, `DELETE`,
 * and the feedback summary for a period. `state` changes what the reads answer.
 */
export function contentRequest(data: ContentData = contentData(), options: { state?: ContentFixtureState } = {}): AdminApi['request'] {
  const state = options.state ?? 'ready';
  return (async (method: string, path: string, body?: unknown) => {
    const url = new URL(path, 'https://console.example');
    const [kind = '', rawKey, sub] = url.pathname.replace(/^\/api\/v1\/content\//, '').split('/');
    if (method === 'GET') {
      if (state === 'loading') return new Promise(() => {});
      if (state === 'error') throw new ApiError('network_error', 0, 'offline');
      return structuredClone(read(data, kind === 'feedback' && rawKey === 'summary' ? 'feedback' : kind, url.searchParams, state));
    }
    if (!['news', 'materials', 'campaigns'].includes(kind) || !rawKey) throw notFound();
    const key = decodeURIComponent(rawKey);
    if (!KEY_PATTERN.test(key)) throw invalid('key', 'must be 1 to 60 lower-case letters, digits and hyphens');
    const list = data[kind as ContentKind] as { key: string }[];
    if (method === 'DELETE') {
      if (!list.some((item) => item.key === key)) throw notFound();
      (data[kind as ContentKind] as { key: string }[]) = list.filter((item) => item.key !== key);
      return undefined;
    }
    if (method === 'PUT' && sub) return upload(data, kind as ContentKind, key, sub, body, url.searchParams);
    if (method === 'PUT') return write(data, kind as ContentKind, key, body);
    throw notFound();
  }) as AdminApi['request'];
}

/** `listAccounts` over the fixture's accounts: by name, tax id or e-mail. */
export function contentAccounts(data: ContentData = contentData()): AdminApi['listAccounts'] {
  return async ({ q }) => {
    const words = (q ?? '').trim().toLowerCase();
    const items = data.accounts.filter((item) => !words || [item.name, item.taxId ?? '', item.email ?? ''].some((value) => value.toLowerCase().includes(words)));
    return { items: structuredClone(items), next: null };
  };
}

/** A fake API over a tenant's content, for stories. */
export function fixtureContentApi(options: { tenant?: DemoTenant; state?: ContentFixtureState } = {}): AdminApi {
  const data = contentData(options.tenant);
  return fakeAdminApi({ request: contentRequest(data, { state: options.state }), listAccounts: contentAccounts(data) });
}

/** Who looks: an owner (`content:write`), a read-only member (`content:read`), or someone with neither. */
export function fixtureContentMe(tenant: DemoTenant = 'clinica-sol', access: 'write' | 'read' | 'none' = 'write'): StaffMe {
  if (access === 'write') return fixtureMe({}, tenant);
  if (access === 'read') return fixtureMe({ role: 'read-only' }, tenant);
  return fixtureMe({ role: 'staff', scopes: ['billing:read', 'billing:write'] }, tenant);
}
