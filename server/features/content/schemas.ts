import { z } from 'zod';
import type { RichText } from '../../content/rich-text.ts';
import { plainText } from '../../http/fields.ts';

/**
 * Content (C1–C4): news, support materials, campaigns of an advantage programme, and the "give us your opinion"
 * feedback. Tenant-written Markdown is parsed on the server into {@link RichText} (links https and mailto only, no
 * HTML); images are PNG, JPEG or WebP recognised by their content, served from an unguessable address.
 */

export const key = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'must be 1 to 60 lower-case letters, digits and hyphens');
const instant = z.iso.datetime({ offset: true, message: 'must be a date and time with its offset' });
/** An address a client may follow: https or mailto only. */
export const safeLink = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && ['https:', 'mailto:'].includes(new URL(value).protocol), 'must be an https: or mailto: address');
/** Who sees an item: every client (null) or only some accounts. */
const audience = z.array(z.uuid()).min(1).max(1000).nullable().default(null);

/** C1: a news item, by the business's key. */
export const newsInput = z
  .object({
    title: plainText(200),
    summary: plainText(500),
    /** Markdown (sanitised: no HTML, links https/mailto only). */
    body: plainText(50_000),
    publishAt: instant,
    expiresAt: instant.nullable().default(null),
    audience,
  })
  .strict()
  .refine((item) => !item.expiresAt || Date.parse(item.expiresAt) > Date.parse(item.publishAt), { message: 'must be after publishAt', path: ['expiresAt'] });

/** C2: a support material: an article (Markdown) and/or a file sent afterwards, under a topic. */
export const materialInput = z
  .object({
    topic: plainText(80),
    title: plainText(200),
    body: plainText(50_000).nullable().default(null),
    position: z.number().int().min(0).max(10_000).default(0),
    published: z.boolean().default(true),
  })
  .strict();

/** C3: a campaign of the advantage programme; the call to action opens a request ("I'm interested") or a link. */
export const campaignInput = z
  .object({
    title: plainText(200),
    description: plainText(20_000),
    validFrom: z.iso.date(),
    validUntil: z.iso.date().nullable().default(null),
    audience,
    action: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('interest'), label: plainText(60) }).strict(),
        z.object({ kind: z.literal('link'), label: plainText(60), url: safeLink }).strict(),
      ])
      .nullable()
      .default(null),
  })
  .strict()
  .refine((item) => !item.validUntil || item.validUntil >= item.validFrom, { message: 'must not be before validFrom', path: ['validUntil'] });

/** C4: a client's opinion. */
export const feedbackInput = z.object({ rating: z.number().int().min(1).max(5), comment: plainText(2000).optional() }).strict();

/** An image of a news item or campaign, as the client API shows it: an address any `<img>` may load. */
export interface ContentImage {
  url: string;
  type: string;
}

/** A news item in the list (C1). */
export interface NewsSummary {
  id: string;
  key: string;
  title: string;
  summary: string;
  publishAt: string;
  image: ContentImage | null;
  /** Whether the signed-in user opened it already (always false for quick-access sessions). */
  read: boolean;
}

export interface NewsArticle extends NewsSummary {
  body: RichText;
}

/** A support material (C2). */
export interface Material {
  id: string;
  key: string;
  topic: string;
  title: string;
  body: RichText | null;
  file: { name: string; type: string; size: number } | null;
  updatedAt: string;
}

/** A campaign (C3). */
export interface Campaign {
  id: string;
  key: string;
  title: string;
  description: RichText;
  validFrom: string;
  validUntil: string | null;
  image: ContentImage | null;
  action: { kind: 'interest'; label: string; requestId: string | null } | { kind: 'link'; label: string; url: string } | null;
}

/** The business's view of the feedback (C4). */
export interface FeedbackSummary {
  count: number;
  average: number | null;
  /** How many gave each rating, 1 to 5. */
  distribution: [number, number, number, number, number];
  comments: { rating: number; comment: string; accountName: string; createdAt: string }[];
}

/**
 * Client API:
 * - `GET /api/portal/news?before&limit` → `{items: NewsSummary[], next, unread}`; `GET /api/portal/news/{id}` →
 *   {@link NewsArticle} (marks it read). Full sessions and quick-access sessions (A8) both see the news.
 * - `GET /api/portal/materials?q&topic` → `{topics: string[], items: Material[]}`; `GET /api/portal/materials/{id}/file`.
 * - `GET /api/portal/campaigns` → `{items: Campaign[]}`; `POST /api/portal/campaigns/{id}/interest` → 201 `{requestId}`
 *   (once per account: again answers the same request).
 * - `POST /api/portal/feedback` {@link feedbackInput} → 201 `{requestId}` (full or quick-access session).
 * - `GET /api/content-images/{tenantSlug}/{token}` → the image (no access token needed: the address is unguessable).
 * Management API `/api/v1/content/…`: `PUT news/{key}`, `PUT news/{key}/image` (raw body), `DELETE news/{key}`,
 * `PUT materials/{key}`, `PUT materials/{key}/file?name=`, `DELETE materials/{key}`, `PUT campaigns/{key}`,
 * `PUT campaigns/{key}/image`, `DELETE campaigns/{key}`, `GET feedback/summary?from&to`.
 */
export type ContentRoutes = never;

/** The business's own view of what it published (`GET /api/v1/content/news|materials|campaigns` → `{ items }`). */
export interface ContentNews {
  key: string;
  title: string;
  summary: string;
  /** Markdown, as sent. */
  body: string;
  publishAt: string;
  expiresAt: string | null;
  audience: string[] | null;
  imageUrl: string | null;
  /** How many portal users opened it. */
  reads: number;
}
export interface ContentMaterial {
  key: string;
  topic: string;
  title: string;
  body: string | null;
  position: number;
  published: boolean;
  file: { name: string; type: string; size: number } | null;
}
export interface ContentCampaign {
  key: string;
  title: string;
  description: string;
  validFrom: string;
  validUntil: string | null;
  audience: string[] | null;
  action: { kind: 'interest'; label: string } | { kind: 'link'; label: string; url: string } | null;
  imageUrl: string | null;
  /** Accounts that said "I'm interested". */
  interested: number;
}
