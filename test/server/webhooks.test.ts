import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { verifySignature } from '../../server/features/webhooks/signature.ts';
import type { EventFeedPage, WebhookDelivery, WebhookEndpointWithSecret } from '../../server/features/webhooks/schemas.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

/** A local receiver whose answers the test scripts: fail a number of times, hang, or take it. */
class Receiver {
  readonly received: { headers: IncomingMessage['headers']; body: string; at: number }[] = [];
  failuresLeft = 0;
  hanging = false;
  private held: ServerResponse[] = [];
  private waiters: (() => void)[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.received.push({ headers: request.headers, body, at: Date.now() });
        for (const wake of this.waiters.splice(0)) wake();
        if (this.hanging) return void this.held.push(response);
        if (this.failuresLeft > 0) {
          this.failuresLeft--;
          return void response.writeHead(503).end('down for maintenance');
        }
        response.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hook`;
  }

  /** Waits until `count` requests have arrived in all. */
  async waitFor(count: number): Promise<void> {
    while (this.received.length < count) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  /** Whether a request is being held open right now (its connection still up, unanswered). */
  holding(): boolean {
    return this.held.some((response) => !response.writableEnded && !response.socket?.destroyed);
  }

  release(): void {
    for (const response of this.held.splice(0)) response.writeHead(200).end('late');
    this.hanging = false;
  }

  stop(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let token: string;
let otherToken: string;
let readOnlyToken: string;

const api = (method: string, path: string, body?: unknown, bearer = token) =>
  server.request(`/api/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function register(receiver: Receiver, events: string[], bearer = token): Promise<WebhookEndpointWithSecret> {
  const response = await api('POST', '/webhooks', { url: receiver.url, events, description: 'ERP' }, bearer);
  assert.equal(response.status, 201);
  return (await response.json()) as WebhookEndpointWithSecret;
}

async function openRequest(fixture: IdentityFixture, subject: string): Promise<string> {
  const portal = new PortalClient(server, fixture.tenant.slug);
  const { accessToken } = (await (await portal.post('/sign-in', { email: fixture.solo.email, password: fixture.solo.password })).json()) as { accessToken: string };
  const response = await server.request('/api/portal/requests', {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'X-Portal-Tenant': fixture.tenant.slug, 'Content-Type': 'application/json', 'X-Requested-With': 'portico' },
    body: JSON.stringify({ accountId: fixture.solo.accountId, category: 'general', subject, description: 'Preciso de ajuda' }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return ((await response.json()) as { id: string }).id;
}

/** Lets the dispatcher work until `check` finds what it looks for (retries may be a few backoffs away). */
async function until<T>(check: () => Promise<T | undefined>): Promise<T> {
  for (let round = 0; round < 200; round++) {
    await server.webhooks.drain();
    const found = await check();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the dispatcher never got there');
}

async function deliveries(endpointId: string): Promise<WebhookDelivery[]> {
  return ((await (await api('GET', `/webhooks/${endpointId}/deliveries`)).json()) as { items: WebhookDelivery[] }).items;
}

before(async () => {
  server = await startTestServer({ WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_TIMEOUT_MS: '2000' });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  const expiresAt = new Date(Date.now() + 30 * 86_400_000);
  const all = ['webhooks:read', 'webhooks:write', 'events:read'] as const;
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'erp', scopes: [...all], expiresAt }))).token;
  readOnlyToken = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'bi', scopes: ['webhooks:read'], expiresAt }))).token;
  otherToken = (await server.db.withTenant(other.tenant.id, (tx) => createApiToken(tx, other.tenant.slug, { name: 'erp', scopes: [...all], expiresAt }))).token;
});
after(() => server.stop());

describe('webhooks', () => {
  test('a client’s new request reaches the receiver, signed with the endpoint’s secret and a fresh timestamp', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      const endpoint = await register(receiver, ['request.created']);
      assert.match(endpoint.secret, /^whsec_[\w-]{43}$/);
      const requestId = await openRequest(f, 'Segunda via do boleto');
      await receiver.waitFor(1);
      const [delivery] = receiver.received;
      const signature = String(delivery!.headers['portico-signature']);
      assert.ok(verifySignature(endpoint.secret, delivery!.body, signature, new Date()), 'the signature verifies');
      assert.ok(!verifySignature(endpoint.secret, delivery!.body.replace('request', 'rEquest'), signature, new Date()), 'a changed body does not');
      assert.ok(!verifySignature(endpoint.secret, delivery!.body, signature, new Date(Date.now() + 10 * 60_000)), 'nor an old signature (replay window)');
      assert.ok(!verifySignature('whsec_another', delivery!.body, signature, new Date()), 'nor another secret');
      const event = JSON.parse(delivery!.body);
      assert.equal(event.type, 'request.created');
      assert.deepEqual(event.data.subject, { type: 'request', id: requestId });
      assert.equal(event.data.actor.type, 'client');
      assert.equal(delivery!.headers['portico-event-id'], event.id);
      assert.equal(delivery!.headers['content-type'], 'application/json');
      // The delivery log says so.
      const logged = await until(async () => (await deliveries(endpoint.id)).find((candidate) => candidate.status === 'delivered'));
      assert.equal(logged.lastStatus, 200);
      assert.equal(logged.log.length, 1);
      // Another tenant's events never reach it, and an event type not chosen neither.
      await openRequest(other, 'Outro escritório');
      await server.webhooks.drain();
      assert.equal(receiver.received.length, 1);
    } finally {
      await receiver.stop();
    }
  });

  test('a receiver that fails five times gets the event on the sixth try, and the log shows every try', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      receiver.failuresLeft = 5;
      const endpoint = await register(receiver, ['request.created']);
      await openRequest(f, 'Tentativas');
      await receiver.waitFor(6);
      const ids = new Set(receiver.received.map((request) => JSON.parse(request.body).id));
      assert.equal(ids.size, 1, 'the same event each time');
      // Exponential backoff: each wait at least the one before it (20, 40, 80, 160, 320 ms).
      const gaps = receiver.received.slice(1).map((request, index) => request.at - receiver.received[index]!.at);
      assert.ok(gaps[4]! >= 320 - 5, `the fifth wait is the longest (${gaps.join(', ')} ms)`);
      const delivery = await until(async () => (await deliveries(endpoint.id)).find((candidate) => candidate.status === 'delivered'));
      assert.equal(delivery.attempts, 6);
      assert.deepEqual(delivery.log.map((attempt) => attempt.statusCode), [503, 503, 503, 503, 503, 200]);
    } finally {
      await receiver.stop();
    }
  });

  test('a receiver that hangs does not hold up the API, and a redelivery sends the same event again', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      receiver.hanging = true;
      const endpoint = await register(receiver, ['request.created']);
      await openRequest(f, 'Receptor travado');
      await receiver.waitFor(1);
      // The receiver holds its answer; meanwhile the portal and the API keep answering — while it still holds
      // (had they waited for it, the delivery's timeout would have cut the connection before they answered).
      await openRequest(f, 'Outra enquanto trava');
      const ping = await api('POST', `/webhooks/${endpoint.id}/ping`);
      assert.equal(ping.status, 202);
      assert.equal((await api('GET', '/webhooks')).status, 200);
      assert.ok(receiver.holding(), 'the receiver is still holding the first delivery');
      receiver.release();
      const first = await until(async () =>
        (await deliveries(endpoint.id)).find((delivery) => delivery.event.type === 'request.created' && delivery.status === 'delivered'),
      );
      const before = receiver.received.length;
      const again = await api('POST', `/webhooks/deliveries/${first.id}/redeliver`);
      assert.equal(again.status, 202);
      const redelivery = (await again.json()) as WebhookDelivery;
      assert.equal(redelivery.event.id, first.event.id);
      await receiver.waitFor(before + 1);
      assert.equal(JSON.parse(receiver.received.at(-1)!.body).id, first.event.id);
      await until(async () => (await deliveries(endpoint.id)).find((delivery) => delivery.id === redelivery.id && delivery.status === 'delivered'));
    } finally {
      await receiver.stop();
    }
  });

  test('a ping reaches only its endpoint; a disabled endpoint gets nothing', async () => {
    const [one, two] = [new Receiver(), new Receiver()];
    await one.start();
    await two.start();
    try {
      const first = await register(one, ['profile.changed']);
      const second = await register(two, ['request.created']);
      assert.equal((await api('PATCH', `/webhooks/${second.id}`, { enabled: false })).status, 200);
      assert.equal((await api('POST', `/webhooks/${first.id}/ping`)).status, 202);
      await one.waitFor(1);
      assert.equal(JSON.parse(one.received[0]!.body).type, 'ping');
      await openRequest(f, 'Ninguém escuta');
      await server.webhooks.drain();
      assert.equal(two.received.length, 0);
    } finally {
      await one.stop();
      await two.stop();
    }
  });

  test('the secret is shown when created and rotated, never when read; rotation changes it', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      const endpoint = await register(receiver, ['charge.paid']);
      const read = (await (await api('GET', `/webhooks/${endpoint.id}`)).json()) as Record<string, unknown>;
      assert.equal('secret' in read, false);
      const listed = (await (await api('GET', '/webhooks')).json()) as { items: Record<string, unknown>[] };
      assert.ok(listed.items.every((item) => !('secret' in item)));
      const rotated = (await (await api('POST', `/webhooks/${endpoint.id}/rotate-secret`)).json()) as WebhookEndpointWithSecret;
      assert.notEqual(rotated.secret, endpoint.secret);
      assert.equal((await api('DELETE', `/webhooks/${endpoint.id}`)).status, 204);
      assert.equal((await api('GET', `/webhooks/${endpoint.id}`)).status, 404);
    } finally {
      await receiver.stop();
    }
  });

  test('bad input is refused with the field named, and nothing is stored', async () => {
    const count = async () => (await server.db.owner`select count(*)::int as n from webhook_endpoints where tenant_id = ${f.tenant.id}`)[0]!.n as number;
    const before = await count();
    for (const [body, path] of [
      [{ url: 'ftp://erp.example/x', events: ['request.created'] }, 'url'],
      [{ url: 'not a url', events: ['request.created'] }, 'url'],
      [{ url: 'https://erp.example/x', events: [] }, 'events'],
      [{ url: 'https://erp.example/x', events: ['request.deleted'] }, 'events.0'],
      [{ url: 'https://erp.example/x', events: ['request.created'], secret: 'mine' }, ''],
      [{ url: `https://erp.example/${'x'.repeat(3000)}`, events: ['request.created'] }, 'url'],
    ] as const) {
      const problem = await readProblem(await api('POST', '/webhooks', body));
      assert.equal(problem.code, 'invalid_input', JSON.stringify(body).slice(0, 80));
      assert.ok((problem.errors as { path: string }[]).some((error) => error.path === path), `${path} named`);
    }
    assert.equal(await count(), before);
  });

  test('in production a webhook must be https on a public host', async () => {
    const production = await startTestServer({ WEBHOOK_ALLOW_PRIVATE: 'false' });
    try {
      const call = (url: string) =>
        production.request('/api/v1/webhooks', { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ url, events: ['request.created'] }) });
      for (const url of ['http://erp.example.com/hook', 'https://127.0.0.1/hook', 'https://10.1.2.3/hook', 'https://localhost/hook', 'https://[::1]/hook', 'https://user:pw@erp.example.com/hook', 'https://169.254.169.254/latest']) {
        assert.equal((await readProblem(await call(url))).code, 'webhook_url_not_allowed', url);
      }
      assert.equal((await call('https://erp.example.com/hook')).status, 201);
    } finally {
      await production.stop();
    }
  });

  test('scopes and tenants: a read token cannot change, another tenant sees 404, a portal session is refused', async () => {
    const receiver = new Receiver();
    await receiver.start();
    try {
      const endpoint = await register(receiver, ['request.created']);
      assert.equal((await readProblem(await api('POST', '/webhooks', { url: receiver.url, events: ['request.created'] }, readOnlyToken))).code, 'forbidden');
      assert.equal((await api('GET', '/webhooks', undefined, readOnlyToken)).status, 200);
      for (const [method, path] of [['GET', ''], ['PATCH', ''], ['DELETE', ''], ['POST', '/ping'], ['POST', '/rotate-secret'], ['GET', '/deliveries']] as const) {
        const response = await api(method, `/webhooks/${endpoint.id}${path}`, method === 'PATCH' ? { enabled: false } : undefined, otherToken);
        assert.equal(response.status, 404, `${method} ${path}`);
      }
      const [delivery] = await deliveries(endpoint.id);
      if (delivery) assert.equal((await api('POST', `/webhooks/deliveries/${delivery.id}/redeliver`, undefined, otherToken)).status, 404);
      const listed = (await (await api('GET', '/webhooks', undefined, otherToken)).json()) as { items: { id: string }[] };
      assert.ok(!listed.items.some((item) => item.id === endpoint.id));
      assert.equal((await api('GET', `/webhooks/${endpoint.id}`)).status, 200, 'still there for its own tenant');
      const portal = new PortalClient(server, f.tenant.slug);
      const { accessToken } = (await (await portal.post('/sign-in', { email: f.solo.email, password: f.solo.password })).json()) as { accessToken: string };
      assert.equal((await api('GET', '/webhooks', undefined, accessToken)).status, 401);
    } finally {
      await receiver.stop();
    }
  });
});

describe('the event feed', () => {
  test('pages through events from a cursor, each once, and only this tenant’s', async () => {
    const first = (await (await api('GET', '/events?limit=500')).json()) as EventFeedPage;
    let cursor = first.next;
    await openRequest(f, 'Feed um');
    await openRequest(f, 'Feed dois');
    await openRequest(other, 'Feed de outro');
    const seen: string[] = [];
    // As a poller does: an empty page (a transaction that may still add events before them is running) is asked again.
    for (let page = 0; page < 200 && seen.length < 2; page++) {
      const answer = (await (await api('GET', `/events?limit=1${cursor ? `&since=${cursor}` : ''}`)).json()) as EventFeedPage;
      if (!answer.items.length) await new Promise((resolve) => setTimeout(resolve, 25));
      seen.push(...answer.items.map((event) => event.id));
      cursor = answer.next ?? cursor;
    }
    const after = (await (await api('GET', `/events?since=${cursor}`)).json()) as EventFeedPage;
    assert.equal(after.items.length, 0, 'nothing more: the other tenant’s event is not in this feed');
    assert.equal(seen.length, 2, 'the two new events, one page each');
    assert.equal(new Set(seen).size, 2);
    const types = (await (await api('GET', `/events?types=profile.changed&since=${first.next ?? ''}`)).json()) as EventFeedPage;
    assert.equal(types.items.length, 0);
    assert.equal((await readProblem(await api('GET', '/events?since=garbage!'))).code, 'invalid_input');
    assert.equal((await readProblem(await api('GET', '/events?limit=100000'))).code, 'invalid_input');
    assert.equal((await api('GET', '/events', undefined, readOnlyToken)).status, 403);
  });
});

describe('where a production webhook may be delivered', () => {
  test('only public addresses: loopback, private, link-local, CGNAT, multicast and their IPv6 forms are refused', async () => {
    const { isPublicAddress } = await import('../../server/features/webhooks/dispatcher.ts');
    for (const address of ['8.8.8.8', '200.147.67.142', '2001:4860:4860::8888', '172.32.0.1', '100.128.0.1']) assert.equal(isPublicAddress(address), true, address);
    for (const address of ['127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', 'ff02::1', 'not-an-ip']) {
      assert.equal(isPublicAddress(address), false, address);
    }
  });
});
