import { z } from 'zod';

/**
 * The events a business can subscribe to (issue 13), each with what it means. A module without Node imports, so the
 * console in the browser shares the list. `ping` is only ever sent by "send a test event".
 */
export const WEBHOOK_EVENTS = {
  'request.created': 'A client opened a request (a question, a financial request, a review …).',
  'request.replied': 'A client added a message to a request.',
  'request.answered': 'The business answered a request (from the console or the API).',
  'request.closed': 'A request was closed.',
  'profile.changed': 'A field of an account’s registration data changed (saved directly or approved).',
  'appointment.booked': 'An appointment was booked.',
  'appointment.cancelled': 'An appointment was cancelled.',
  'payment_method.changed': 'A client chose another preferred payment method.',
  'charge.paid': 'A charge was paid (by card in the portal, or marked paid).',
  'document.downloaded': 'A client downloaded a document.',
  'user.activated': 'A portal user finished activating their access.',
} as const;
export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENTS) as WebhookEventType[];

/** The body of every delivery and every item of the feed. */
export interface PorticoEvent {
  /** `evt_<number>`; the same event delivered twice has the same id (deduplicate on it). */
  id: string;
  type: WebhookEventType | 'ping';
  createdAt: string;
  data: {
    subject: { type: string | null; id: string | null };
    actor: { type: string | null; id: string | null };
    details: Record<string, unknown>;
  };
}

export const webhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), { message: 'must be an http(s) URL' });

export const endpointInput = z
  .object({
    url: webhookUrl,
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]])).min(1).max(50),
    description: z.string().trim().max(200).default(''),
    enabled: z.boolean().default(true),
  })
  .strict();

export const endpointPatch = z
  .object({
    url: webhookUrl.optional(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES as [WebhookEventType, ...WebhookEventType[]])).min(1).max(50).optional(),
    description: z.string().trim().max(200).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();

export const deliveryQuery = z.object({
  status: z.enum(['pending', 'delivered', 'failed']).optional(),
  /** Deliveries created before this one (the `next` of the previous page). */
  before: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});

export const feedQuery = z.object({
  /** The `next` cursor of the previous page; without it the feed starts at the oldest event kept (30 days). */
  since: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only these types, comma-separated. */
  types: z.string().max(2000).optional(),
});

/** A registered endpoint, as listed (the secret is shown only when created or rotated). */
export interface WebhookEndpoint {
  id: string;
  url: string;
  description: string;
  events: WebhookEventType[];
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Deliveries in the last 24 h by outcome, and the last delivery's moment and status code. */
  recent: { delivered: number; pending: number; failed: number; lastAt: string | null; lastStatus: number | null };
}

/** A newly created endpoint, or one whose secret was just rotated: the only time the secret is shown. */
export interface WebhookEndpointWithSecret extends WebhookEndpoint {
  /** `whsec_…`: verify each delivery's `Portico-Signature` with it. */
  secret: string;
}

export interface WebhookAttempt {
  at: string;
  /** The receiver's HTTP status, or null when it could not be reached. */
  statusCode: number | null;
  /** Why it failed when there was no status (timeout, refused connection …). */
  error: string | null;
  durationMs: number;
}

export interface WebhookDelivery {
  id: string;
  endpointId: string;
  event: PorticoEvent;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  createdAt: string;
  deliveredAt: string | null;
  /** When the next try is due (pending only). */
  nextAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  /** Every try, oldest first. */
  log: WebhookAttempt[];
}

/** A page of the event feed: `next` is the cursor to pass as `since` (null only when nothing was ever there). */
export interface EventFeedPage {
  items: PorticoEvent[];
  next: string | null;
}

/*
 * Routes, `/api/v1/webhooks` (scopes webhooks:read / webhooks:write) and `/api/v1/events` (events:read):
 *   GET    /webhooks/event-types            → { items: { type, description }[] }
 *   GET    /webhooks                        → { items: WebhookEndpoint[] }
 *   POST   /webhooks                        endpointInput → 201 WebhookEndpointWithSecret (Idempotency-Key)
 *   GET    /webhooks/:id                    → WebhookEndpoint
 *   PATCH  /webhooks/:id                    endpointPatch → WebhookEndpoint
 *   DELETE /webhooks/:id                    → 204
 *   POST   /webhooks/:id/rotate-secret      → WebhookEndpointWithSecret
 *   POST   /webhooks/:id/ping               → 202 WebhookDelivery (a `ping` event to this endpoint only)
 *   GET    /webhooks/:id/deliveries         deliveryQuery → { items: WebhookDelivery[], next: string | null }
 *   POST   /webhooks/deliveries/:id/redeliver → 202 WebhookDelivery (a new delivery of the same event to the same endpoint)
 *   GET    /events                          feedQuery → EventFeedPage
 */
