import { exampleEvent } from '../features/webhooks/route-docs.ts';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_TYPES } from '../features/webhooks/schemas.ts';

/** The `webhooks` section of the document: one entry per event type a business can subscribe to. */
export function webhookDocs(): Record<string, unknown> {
  const headers = {
    'Portico-Signature': { required: true, description: '`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint’s secret>`', schema: { type: 'string' } },
    'Portico-Event-Id': { required: true, description: 'The event’s id (the same on every redelivery): deduplicate on it.', schema: { type: 'string' } },
    'Portico-Event-Type': { required: true, schema: { type: 'string' } },
    'Portico-Delivery-Id': { required: true, schema: { type: 'string', format: 'uuid' } },
  };
  const entries = [...WEBHOOK_EVENT_TYPES, 'ping' as const].map((type) => [
    type,
    {
      post: {
        summary: type === 'ping' ? 'A test event, sent when asked from the console or the API.' : WEBHOOK_EVENTS[type],
        parameters: Object.entries(headers).map(([name, header]) => ({ name, in: 'header', ...header })),
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['id', 'type', 'createdAt', 'data'],
                properties: {
                  id: { type: 'string' },
                  type: { const: type },
                  createdAt: { type: 'string', format: 'date-time' },
                  data: {
                    type: 'object',
                    properties: {
                      subject: { type: 'object', properties: { type: { type: ['string', 'null'] }, id: { type: ['string', 'null'] } } },
                      actor: { type: 'object', properties: { type: { type: ['string', 'null'] }, id: { type: ['string', 'null'] } } },
                      details: { type: 'object' },
                    },
                  },
                },
              },
              example: { ...exampleEvent, type },
            },
          },
        },
        responses: {
          '2XX': { description: 'Received. Any other answer, or none within 10 s, is retried with exponential backoff for 24 h.' },
        },
      },
    },
  ]);
  return Object.fromEntries(entries);
}
