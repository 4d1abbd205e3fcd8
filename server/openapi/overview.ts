/** The introduction at the top of the API reference (Markdown). */
export const API_OVERVIEW = `
Portico has two APIs on one server:

- **\`/api/v1\` — the integration API.** Your ERP, practice software or scripts call it with an **API token**
  (\`Authorization: Bearer ptk_<portal>_…\`), created in the console under *API tokens* with the scopes it needs
  (per module, view or change) and an expiry. Tokens are stored hashed; a lost one is revoked and replaced. The
  staff console calls the same endpoints with a staff session.
- **\`/api/portal\` — the portal API.** The widgets call it on behalf of a signed-in client, with the portal named in
  the \`X-Portal-Tenant\` header. API tokens are refused there, and portal sessions are refused on \`/api/v1\`.

**Errors** are RFC 9457 problem documents (\`application/problem+json\`) with a stable \`code\`: branch on it (the
catalogue is in the \`Problem\` schema). Bad input is a 400 \`invalid_input\` whose \`errors\` name each wrong field;
nothing is changed by a refused request.

**Idempotency.** Every create and upsert accepts an \`Idempotency-Key\` header: the same request repeated with the
same key within 24 h gets the first answer again (\`Idempotent-Replayed: true\`) and does nothing twice — also when
the copies arrive at the same moment. Upserts are keyed by your own ids (\`externalId\`) as well, and batch upserts
take up to 1,000 items and answer one result per item.

**Rate limits.** Each token may make a number of requests per minute (600 unless the operator set another). Every
answer carries \`RateLimit-Policy\` and \`RateLimit\` headers (remaining requests, seconds to reset); past the limit
the answer is 429 \`rate_limited\` with \`Retry-After\`.

**Events.** What clients do in the portal (requests, profile changes, bookings, payments, downloads, activations)
is kept as events for 30 days. Receive them by **webhook** (register an address under \`/api/v1/webhooks\`; each
delivery is signed, see below) or poll the **feed** \`GET /api/v1/events?since=<cursor>\`.

**Verifying a webhook.** Each delivery carries \`Portico-Signature: t=<unix seconds>,v1=<hex>\`, where the hex is
HMAC-SHA256 of \`<t>.<raw body>\` with the endpoint's secret. Recompute it over the raw body, compare in constant
time, and refuse a \`t\` more than 5 minutes from your clock (the replay window). Answer 2xx within 10 s; anything
else is tried again with exponential backoff for 24 h. Deliveries may arrive more than once or out of order:
deduplicate on the event \`id\`.
`.trim();
