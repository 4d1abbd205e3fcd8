import { z } from 'zod';
import { plainText } from '../../http/fields.ts';

export const CATEGORIES = ['financial', 'review', 'profile-change', 'appointment', 'feedback', 'general'] as const;
export const STATUSES = ['open', 'in-progress', 'answered', 'closed'] as const;
export type RequestCategory = (typeof CATEGORIES)[number];
export type RequestStatus = (typeof STATUSES)[number];

/** How long after closing a client may reopen a request. */
export const REOPEN_DAYS = 30;

const text = plainText;

export const newRequestBody = z.object({
  accountId: z.uuid().optional(),
  establishmentId: z.uuid().optional(),
  category: z.enum(CATEGORIES),
  subject: text(200),
  description: text(10_000),
  about: z.object({ type: z.enum(['charge', 'process', 'appointment', 'document']), id: z.uuid() }).optional(),
});
export const replyBody = z.object({ body: text(10_000) });
export const staffReplyBody = z.object({ body: text(10_000), authorName: text(200).optional() });
export const statusBody = z.object({ status: z.enum(STATUSES) });
export const assignBody = z.object({ assignee: text(200).nullable() });
/** A tenant's setting for one category: on or off, and its own name per locale. */
export const categoryBody = z.object({
  enabled: z.boolean(),
  labels: z.object({ 'pt-BR': text(60).optional(), es: text(60).optional(), en: text(60).optional() }).strict().default({}),
});
export const listQuery = z.object({
  status: z.enum(STATUSES).optional(),
  category: z.enum(CATEGORIES).optional(),
  accountId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).optional(),
  assignee: text(200).optional(),
  /** `true`: only requests nobody is assigned to (the console's inbox). */
  unassigned: z.enum(['true', 'false']).optional(),
  before: z.string().regex(/^[\w-]{10,200}$/, 'is not a page cursor').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

/** A request as both APIs show it. */
export interface RequestSummary {
  id: string;
  accountId: string;
  accountName: string;
  establishmentId: string | null;
  category: RequestCategory;
  subject: string;
  status: RequestStatus;
  about: { type: string; id: string } | null;
  assignee: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface RequestMessage {
  id: string;
  author: 'client' | 'staff' | 'integration';
  authorName: string | null;
  body: string;
  createdAt: string;
}

/** A file attached to a request. */
export interface RequestAttachment {
  id: string;
  name: string;
  type: string;
  size: number;
  createdAt: string;
}

export interface RequestDetail extends RequestSummary {
  description: string;
  messages: RequestMessage[];
  attachments: RequestAttachment[];
}

/** One page of a list; `next` is the cursor of the following page. */
export interface RequestPage {
  items: RequestSummary[];
  next: string | null;
}
