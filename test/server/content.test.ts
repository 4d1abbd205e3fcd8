import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { startUserSession } from '../../server/features/auth/service.ts';
import type { Campaign, ContentCampaign, ContentMaterial, ContentNews, FeedbackSummary, Material, NewsArticle, NewsSummary } from '../../server/features/content/schemas.ts';
import { portalTenantOf, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { PortalClient } from '../helpers/portal-client.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

const clock = manualClock(new Date('2026-07-01T12:00:00Z'));
let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let token: string;
let otherToken: string;
let solo: string;
let rh: string;
let quick: string;

function api(method: string, path: string, body?: unknown, bearer = token) {
  const raw = body instanceof Uint8Array;
  return server.request(path.startsWith('/api/') ? path : `/api/v1/content${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined || raw ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : raw ? (body as Uint8Array<ArrayBuffer>) : JSON.stringify(body),
  });
}
function portal(method: string, path: string, body?: unknown, bearer = solo, fixture = f) {
  return server.request(path, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'X-Portal-Tenant': fixture.tenant.slug, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
async function sessionOf(fixture: IdentityFixture, email: string): Promise<string> {
  return server.db.withTenant(fixture.tenant.id, async (tx) => {
    const [user] = await tx<{ id: string; email: string; locale: 'pt-BR' | 'es' | 'en' | null }[]>`select id, email, locale from portal_users where email = ${email}`;
    return (await startUserSession(tx, server.keys, portalTenantOf(fixture), user!, 'client', clock.now())).answer.accessToken;
  });
}
const news = (title: string, overrides: object = {}) => ({ title, summary: `${title}: resumo`, body: `# ${title}\n\nTexto.`, publishAt: '2026-06-01T09:00:00Z', ...overrides });

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  const expiresAt = new Date(clock.now().getTime() + 400 * 86_400_000);
  const scopes = ['content:read', 'content:write', 'accounts:read', 'accounts:write', 'branding:write'] as const;
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'cms', scopes: [...scopes], expiresAt }))).token;
  otherToken = (await server.db.withTenant(other.tenant.id, (tx) => createApiToken(tx, other.tenant.slug, { name: 'cms', scopes: [...scopes], expiresAt }))).token;
  solo = await sessionOf(f, `solo.${f.tenant.slug}@example.com`);
  rh = await sessionOf(f, `rh.${f.tenant.slug}@example.com`);
  const answer = await new PortalClient(server, f.tenant.slug).post('/quick-access', { number: f.process.number, accessKey: f.process.accessKey });
  quick = ((await answer.json()) as { accessToken: string }).accessToken;
  for (const [key, item] of [
    ['boas-vindas', news('Boas-vindas')],
    ['so-empresa', news('Só para a empresa', { audience: [f.company.id], publishAt: '2026-06-10T09:00:00Z' })],
    ['futura', news('Ainda não', { publishAt: '2026-08-01T09:00:00Z' })],
    ['vencida', news('Vencida', { publishAt: '2026-05-01T09:00:00Z', expiresAt: '2026-06-01T00:00:00Z' })],
  ] as const) {
    const response = await api('PUT', `/news/${key}`, item);
    assert.equal(response.status, 200, await response.clone().text());
  }
});
after(() => server.stop());

describe('news (C1)', () => {
  test('published, unexpired, for the audience; unread until opened; quick access reads them too', async () => {
    const list = (await (await portal('GET', '/api/portal/news')).json()) as { items: NewsSummary[]; unread: number };
    assert.deepEqual(list.items.map((item) => item.title), ['Boas-vindas'], 'the person sees neither the company’s nor future or expired news');
    assert.equal(list.unread, 1);
    const company = (await (await portal('GET', '/api/portal/news', undefined, rh)).json()) as { items: NewsSummary[] };
    assert.deepEqual(company.items.map((item) => item.title), ['Só para a empresa', 'Boas-vindas']);
    const article = (await (await portal('GET', `/api/portal/news/${list.items[0]!.id}`)).json()) as NewsArticle;
    assert.deepEqual(article.body[0], { type: 'heading', level: 3, children: [{ type: 'text', text: 'Boas-vindas' }] });
    const after = (await (await portal('GET', '/api/portal/news')).json()) as { items: NewsSummary[]; unread: number };
    assert.deepEqual([after.items[0]!.read, after.unread], [true, 0]);
    const quickList = (await (await portal('GET', '/api/portal/news', undefined, quick)).json()) as { items: NewsSummary[] };
    assert.deepEqual(quickList.items.map((item) => item.title), ['Boas-vindas']);
    const hidden = company.items.find((item) => item.title === 'Só para a empresa')!;
    assert.equal((await portal('GET', `/api/portal/news/${hidden.id}`)).status, 404, 'another account’s item by id');
  });

  test('tenant Markdown never carries HTML or unsafe links (an XSS corpus)', async () => {
    const corpus = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<a href="https://ok.example" onclick="x()">a</a>',
      '![x](https://evil.example/x.png" onerror="alert(1))',
      '<svg/onload=alert(1)>',
      '[vb](vbscript:msgbox(1))',
      '<iframe src="https://evil.example"></iframe>',
    ].join('\n\n');
    assert.equal((await api('PUT', '/news/xss', news('XSS', { body: corpus }))).status, 200);
    const list = (await (await portal('GET', '/api/portal/news?limit=50')).json()) as { items: NewsSummary[] };
    const article = (await (await portal('GET', `/api/portal/news/${list.items.find((item) => item.title === 'XSS')!.id}`)).json()) as NewsArticle;
    const links: string[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if (record.type === 'link') links.push(String(record.href));
        assert.ok(!('html' in record), 'no raw HTML node');
        Object.values(record).forEach(walk);
      }
    };
    walk(article.body);
    assert.ok(links.every((href) => /^(https:|mailto:)/.test(href)), links.join(' '));
    assert.deepEqual(Object.keys(article.body[0]!).sort(), ['children', 'type']);
  });

  test('images are checked (PNG, JPEG or WebP, ≤ 2 MB) and served to any page from an unguessable address', async () => {
    const png = await readFile(new URL('../../demo/clinica-sol/logo.png', import.meta.url));
    assert.equal((await readProblem(await api('PUT', '/news/boas-vindas/image', new TextEncoder().encode('<svg onload=alert(1)>')))).code, 'unsupported_media_type');
    assert.equal((await readProblem(await api('PUT', '/news/nada/image', new Uint8Array(png)))).status, 404);
    const stored = await api('PUT', '/news/boas-vindas/image', new Uint8Array(png));
    assert.equal(stored.status, 200);
    const { url } = (await stored.json()) as { url: string };
    const image = await server.request(url);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('Content-Type'), 'image/png');
    assert.equal(image.headers.get('Cross-Origin-Resource-Policy'), 'cross-origin');
    assert.equal(Buffer.compare(Buffer.from(await image.arrayBuffer()), png), 0);
    assert.equal((await server.request(url.replace(f.tenant.slug, other.tenant.slug))).status, 404, 'not through another tenant');
    const list = (await (await portal('GET', '/api/portal/news')).json()) as { items: NewsSummary[] };
    assert.equal(list.items.find((item) => item.title === 'Boas-vindas')!.image?.url, url);
  });

  test('bad news is refused: expiry before publishing, unknown audience, a bad key', async () => {
    assert.equal((await readProblem(await api('PUT', '/news/x', news('X', { expiresAt: '2026-05-01T00:00:00Z' })))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/news/x', news('X', { audience: [other.company.id] })))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/news/Bad%20Key', news('X')))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/news/x', { ...news('X'), title: '' }))).code, 'invalid_input');
    const [count] = await server.db.owner`select count(*)::int as n from news where tenant_id = ${f.tenant.id} and key = 'x'`;
    assert.equal(count!.n, 0);
  });
});

describe('materials, campaigns and feedback (C2–C4)', () => {
  test('materials are grouped by topic, searchable, with their files', async () => {
    await api('PUT', '/materials/como-agendar', { topic: 'Agendamentos', title: 'Como agendar um exame', body: 'Escolha o **serviço**.' });
    await api('PUT', '/materials/tabela', { topic: 'Financeiro', title: 'Tabela de preços' });
    const pdf = new TextEncoder().encode('%PDF-1.4\n%demo\n');
    const upload = await server.request('/api/v1/content/materials/tabela/file?name=tabela.pdf', { method: 'PUT', headers: { Authorization: `Bearer ${token}` }, body: pdf });
    assert.equal(upload.status, 200, await upload.clone().text());
    const all = (await (await portal('GET', '/api/portal/materials')).json()) as { topics: string[]; items: Material[] };
    assert.deepEqual(all.topics, ['Agendamentos', 'Financeiro']);
    const found = (await (await portal('GET', '/api/portal/materials?q=exame')).json()) as { items: Material[] };
    assert.deepEqual(found.items.map((item) => item.title), ['Como agendar um exame']);
    const table = all.items.find((item) => item.key === 'tabela')!;
    assert.deepEqual(table.file, { name: 'tabela.pdf', type: 'application/pdf', size: pdf.length });
    const file = await portal('GET', `/api/portal/materials/${table.id}/file`);
    assert.equal(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString(), '%PDF-');
    assert.equal((await portal('GET', '/api/portal/materials', undefined, quick)).status, 401, 'not for quick access');
  });

  test('"I’m interested" opens one request per account; a link action stays a safe link', async () => {
    await api('PUT', '/campaigns/check-up', { title: 'Check-up com 20% de desconto', description: 'Válido para **dependentes**.', validFrom: '2026-06-01', validUntil: '2026-12-31', action: { kind: 'interest', label: 'Tenho interesse' } });
    await api('PUT', '/campaigns/vacina', { title: 'Vacinação na empresa', description: 'Agende pela página.', validFrom: '2026-06-01', action: { kind: 'link', label: 'Saiba mais', url: 'https://www.clinicasol.example/vacina' } });
    assert.equal((await readProblem(await api('PUT', '/campaigns/x', { title: 'X', description: 'x', validFrom: '2026-06-01', action: { kind: 'link', label: 'x', url: 'javascript:alert(1)' } }))).code, 'invalid_input');
    const list = (await (await portal('GET', '/api/portal/campaigns')).json()) as { items: Campaign[] };
    const checkUp = list.items.find((item) => item.key === 'check-up')!;
    assert.deepEqual(checkUp.action, { kind: 'interest', label: 'Tenho interesse', requestId: null });
    const first = (await (await portal('POST', `/api/portal/campaigns/${checkUp.id}/interest`)).json()) as { requestId: string };
    const again = (await (await portal('POST', `/api/portal/campaigns/${checkUp.id}/interest`)).json()) as { requestId: string };
    assert.equal(again.requestId, first.requestId);
    const vacina = list.items.find((item) => item.key === 'vacina')!;
    assert.equal((await portal('POST', `/api/portal/campaigns/${vacina.id}/interest`)).status, 404);
  });

  test('feedback from a client and from quick access; the business sees the summary', async () => {
    assert.equal((await portal('POST', '/api/portal/feedback', { rating: 5, comment: 'Atendimento ótimo.' })).status, 201);
    assert.equal((await portal('POST', '/api/portal/feedback', { rating: 3 }, quick)).status, 201);
    for (const bad of [{ rating: 0 }, { rating: 6 }, { rating: 4.5 }, { rating: 4, comment: 'x'.repeat(2001) }, { rating: 4, extra: true }]) {
      assert.equal((await readProblem(await portal('POST', '/api/portal/feedback', bad))).code, 'invalid_input');
    }
    const summary = (await (await api('GET', '/feedback/summary')).json()) as FeedbackSummary;
    assert.deepEqual([summary.count, summary.average, summary.distribution], [2, 4, [0, 0, 1, 0, 1]]);
    assert.deepEqual(summary.comments.map((item) => item.comment), ['Atendimento ótimo.']);
    const [request] = await server.db.owner`select category from requests r join feedback f on f.request_id = r.id where f.tenant_id = ${f.tenant.id} limit 1`;
    assert.equal(request!.category, 'feedback');
    assert.equal(((await (await api('GET', '/feedback/summary', undefined, otherToken)).json()) as FeedbackSummary).count, 0);
  });
});

describe('what the business published, as its console lists it', () => {
  test('news (all, scheduled and expired too, with reads), materials with their files, campaigns with the interest; never another tenant’s', async () => {
    const newsList = ((await (await api('GET', '/news')).json()) as { items: ContentNews[] }).items;
    assert.deepEqual(newsList.map((item) => item.key).sort(), ['boas-vindas', 'futura', 'so-empresa', 'vencida', 'xss']);
    const welcome = newsList.find((item) => item.key === 'boas-vindas')!;
    assert.equal(welcome.body, '# Boas-vindas\n\nTexto.');
    assert.equal(typeof welcome.reads, 'number');
    assert.deepEqual(newsList.find((item) => item.key === 'so-empresa')!.audience, [f.company.id]);
    const materials = ((await (await api('GET', '/materials')).json()) as { items: ContentMaterial[] }).items;
    assert.deepEqual(materials.find((item) => item.key === 'tabela')?.file?.name, 'tabela.pdf');
    const campaigns = ((await (await api('GET', '/campaigns')).json()) as { items: ContentCampaign[] }).items;
    const checkUp = campaigns.find((item) => item.key === 'check-up')!;
    assert.deepEqual([checkUp.validFrom, checkUp.validUntil, checkUp.interested], ['2026-06-01', '2026-12-31', 1]);
    for (const path of ['/news', '/materials', '/campaigns']) {
      const theirs = (await (await api('GET', path, undefined, otherToken)).json()) as { items: unknown[] };
      assert.deepEqual(theirs.items, [], path);
    }
  });
});

describe('the whole portal’s menu and footer (G2, G3)', () => {
  test('modules are the tenant’s with the account’s exceptions; quick access gets the tracker and news at most', async () => {
    await server.db.owner`update tenants set modules = ${['billing', 'processes', 'documents', 'news']} where id = ${f.tenant.id}`;
    const modules = async (bearer: string, query = '') => ((await (await portal('GET', `/api/portal/modules${query}`, undefined, bearer)).json()) as { modules: string[] }).modules;
    assert.deepEqual(await modules(solo), ['billing', 'processes', 'documents', 'news']);
    const set = await api('PUT', `/api/v1/accounts/${f.person.id}/modules`, { modules: { billing: false, appointments: true } });
    assert.equal(set.status, 200, await set.clone().text());
    assert.deepEqual(await modules(solo), ['processes', 'documents', 'appointments', 'news']);
    assert.deepEqual(await modules(rh, `?accountId=${f.company.id}`), ['billing', 'processes', 'documents', 'news'], 'the company keeps billing');
    assert.deepEqual(await modules(quick), ['processes', 'news']);
    assert.equal((await readProblem(await api('PUT', `/api/v1/accounts/${f.person.id}/modules`, { modules: { chat: true } }))).code, 'invalid_input');
    assert.equal((await api('PUT', `/api/v1/accounts/${f.person.id}/modules`, { modules: { billing: null } }, otherToken)).status, 404);
  });

  test('footer links are https only and reach the public tenant', async () => {
    assert.equal((await readProblem(await api('PUT', '/api/v1/branding/links', { site: 'javascript:alert(1)', social: [] }))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/api/v1/branding/links', { site: null, social: [{ network: 'instagram', url: 'http://insecure.example' }] }))).code, 'invalid_input');
    const links = { site: 'https://www.clinicasol.example/', social: [{ network: 'instagram', url: 'https://www.instagram.com/clinicasol' }] };
    assert.equal((await api('PUT', '/api/v1/branding/links', links)).status, 200);
    const tenant = (await (await server.request(`/api/portal/tenants/${f.tenant.slug}`)).json()) as { links: unknown };
    assert.deepEqual(tenant.links, links);
  });
});
