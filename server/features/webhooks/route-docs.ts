import { describe } from '../../openapi/meta.ts';
import type { PorticoEvent, WebhookDelivery, WebhookEndpoint } from './schemas.ts';

export const exampleEvent: PorticoEvent = {
  id: 'evt_1042',
  type: 'appointment.booked',
  createdAt: '2026-11-24T14:03:11.000Z',
  data: {
    subject: { type: 'appointment', id: '0b8e7f52-4d0e-4a8f-9d51-2f3c1d7a9e10' },
    actor: { type: 'client', id: '5d1b2c3a-7e4f-4b6a-8c9d-0e1f2a3b4c5d' },
    details: { start: '2026-12-01T13:00:00.000Z', serviceKey: 'follow-up' },
  },
};

const endpoint: WebhookEndpoint = {
  id: '7c6f3a9e-1b2d-4e5f-8a9b-0c1d2e3f4a5b',
  url: 'https://erp.example.com/portico/events',
  description: 'ERP sync',
  events: ['appointment.booked', 'appointment.cancelled', 'profile.changed'],
  enabled: true,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  recent: { delivered: 41, pending: 0, failed: 1, lastAt: '2026-11-24T14:03:12.000Z', lastStatus: 200 },
};

const delivery: WebhookDelivery = {
  id: '3f2e1d0c-9b8a-4776-8554-433221100fed',
  endpointId: endpoint.id,
  event: exampleEvent,
  status: 'delivered',
  attempts: 2,
  createdAt: '2026-11-24T14:03:11.000Z',
  deliveredAt: '2026-11-24T14:03:42.000Z',
  nextAttemptAt: null,
  lastStatus: 200,
  lastError: null,
  log: [
    { at: '2026-11-24T14:03:11.000Z', statusCode: 503, error: null, durationMs: 84 },
    { at: '2026-11-24T14:03:42.000Z', statusCode: 200, error: null, durationMs: 61 },
  ],
};

const secret = 'whsec_2b9Yx0c5kq3vJw8Zr1mT6uE4nH7pLs0aDf9Gi2Ko3Qe';

export const webhookRouteDocs = {
  eventTypes: describe({
    summary: 'List the event types a webhook can subscribe to',
    responses: { 200: { description: 'Every type with what it means', example: { items: [{ type: 'appointment.booked', description: 'An appointment was booked.' }] } } },
  }),
  list: describe({ summary: 'List the webhook endpoints', responses: { 200: { description: 'The endpoints with their last 24 h of deliveries', example: { items: [endpoint] } } } }),
  create: describe({
    summary: 'Register a webhook endpoint',
    description:
      'Portico POSTs each chosen event to `url` as JSON, signed in `Portico-Signature` with the secret returned here (shown only now and when rotated). Answer 2xx within 10 s; anything else is retried with exponential backoff for 24 h.',
    responses: { 201: { description: 'The endpoint and its signing secret', example: { ...endpoint, recent: { delivered: 0, pending: 0, failed: 0, lastAt: null, lastStatus: null }, secret } } },
    problems: ['webhook_url_not_allowed'],
    requestExample: { url: endpoint.url, events: endpoint.events, description: 'ERP sync' },
  }),
  get: describe({ summary: 'Read one webhook endpoint', responses: { 200: { description: 'The endpoint (never its secret)', example: endpoint } } }),
  update: describe({
    summary: 'Change an endpoint’s address, events, description or switch it off',
    responses: { 200: { description: 'The endpoint as it is now', example: endpoint } },
    problems: ['webhook_url_not_allowed'],
    requestExample: { enabled: false },
  }),
  remove: describe({ summary: 'Delete a webhook endpoint and its delivery log', responses: { 204: { description: 'Deleted' } } }),
  rotate: describe({
    summary: 'Replace an endpoint’s signing secret',
    description: 'The old secret stops signing at once: deploy the new one to the receiver first, or accept both for a moment.',
    responses: { 200: { description: 'The endpoint with its new secret', example: { ...endpoint, secret } } },
  }),
  ping: describe({
    summary: 'Send a test event (ping) to one endpoint',
    responses: { 202: { description: 'The delivery, queued; follow it in the delivery log', example: { ...delivery, status: 'pending', attempts: 0, deliveredAt: null, lastStatus: null, log: [] } } },
  }),
  deliveries: describe({
    summary: 'The delivery log of an endpoint, newest first',
    description: 'Each delivery with every try: when, the status code the receiver answered (or why it could not be reached), how long it took.',
    responses: { 200: { description: 'A page of deliveries; pass `next` as `before` for the next page', example: { items: [delivery], next: null } } },
  }),
  redeliver: describe({
    summary: 'Deliver an event again to the same endpoint',
    description: 'Creates a new delivery of the same event (same `evt_` id, so a receiver that deduplicates ignores a copy it already has).',
    responses: { 202: { description: 'The new delivery, queued', example: { ...delivery, id: '4a3b2c1d-0e9f-4877-9665-544332211000', status: 'pending', attempts: 0, deliveredAt: null, lastStatus: null, log: [] } } },
  }),
  feed: describe({
    summary: 'The events, oldest first, from a cursor (polling instead of webhooks)',
    description:
      'Start without `since`; keep the `next` of each page and pass it as `since` on the next call. An event appears exactly once and never behind a cursor already handed out. Events are kept 30 days.',
    responses: { 200: { description: 'A page of events and the cursor to continue from', example: { items: [exampleEvent], next: 'MTIzNDU2Ljc4OQ' } } },
  }),
};
