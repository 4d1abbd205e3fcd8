import { Hono } from 'hono';
import type { Database } from '../../db/database.ts';
import { escapeHtml } from '../../mail/layout.ts';
import { verifySignature } from './signature.ts';

interface Received {
  at: string;
  tenant: string;
  type: string;
  eventId: string;
  signatureValid: boolean;
  body: unknown;
}

const KEPT = 100;

/**
 * A webhook receiver for the demo (`/dev/webhooks`), where each demo portal's endpoint points: it checks the
 * signature as a business's receiver would (with the endpoint's secret) and lists what arrived, newest first
 * (`/dev/webhooks`, `/dev/webhooks.json`). Development only, like `/dev/mail`.
 */
export function demoWebhookReceiver(db: Database) {
  const received: Received[] = [];
  return new Hono()
    .post('/webhooks/:slug', async (c) => {
      const body = await c.req.text();
      // Every endpoint of the portal that points here (the seeded one, and any a visitor adds) has its own secret.
      const endpoints = await db.owner<{ secret: string }[]>`
        select e.secret from webhook_endpoints e join tenants t on t.id = e.tenant_id
         where t.slug = ${c.req.param('slug')} and e.url like ${`%/dev/webhooks/${c.req.param('slug')}`}`;
      let parsed: { id?: string; type?: string } = {};
      try {
        parsed = JSON.parse(body);
      } catch {
        return c.text('not JSON', 400);
      }
      const signatureValid = endpoints.some((endpoint) => verifySignature(endpoint.secret, body, c.req.header('Portico-Signature') ?? '', new Date()));
      received.unshift({ at: new Date().toISOString(), tenant: c.req.param('slug'), type: String(parsed.type), eventId: String(parsed.id), signatureValid, body: parsed });
      received.length = Math.min(received.length, KEPT);
      return signatureValid ? c.text('ok') : c.text('bad signature', 401);
    })
    .get('/webhooks.json', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(received);
    })
    .get('/webhooks', (c) => {
      const rows = received
        .map((item) => `<tr><td>${escapeHtml(item.at)}</td><td>${escapeHtml(item.tenant)}</td><td>${escapeHtml(item.type)}</td><td>${item.signatureValid ? '✓ valid' : '✗ invalid'}</td><td><pre>${escapeHtml(JSON.stringify(item.body, null, 2))}</pre></td></tr>`)
        .join('\n');
      c.header('Content-Security-Policy', "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'");
      c.header('Cache-Control', 'no-store');
      return c.html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Webhooks received</title>` +
          '<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1f2937}table{border-collapse:collapse}td,th{padding:.3rem .8rem;border-bottom:1px solid #e4e4e7;text-align:left;vertical-align:top}pre{margin:0;font-size:12px}</style>' +
          `</head><body><h1>Webhooks received by the demo receiver</h1><p><a href="webhooks.json">JSON</a></p>` +
          (received.length
            ? `<table><thead><tr><th>Received</th><th>Portal</th><th>Event</th><th>Signature</th><th>Body</th></tr></thead><tbody>${rows}</tbody></table>`
            : '<p>Nothing yet. Each demo portal has a webhook for every event pointing here: book an appointment or send a request in a demo portal, or press “Send test event” in the console.</p>') +
          '</body></html>',
      );
    });
}
