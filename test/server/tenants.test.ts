import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoTenants } from '../../demo/tenants.ts';
import { newTenantSchema } from '../../server/features/tenants/schemas.ts';
import { readProblem, seedTenant, startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let clinic: { id: string; slug: string };
let firm: { id: string; slug: string };
let closed: { id: string; slug: string };
const clinicSite = 'https://www.clinica-exemplo.com.br';
const firmSite = 'https://abogados.example.es';

before(async () => {
  server = await startTestServer();
  clinic = await seedTenant(server.db, {
    name: 'Clínica Exemplo',
    locale: 'pt-BR',
    branding: { primaryColor: '#c2410c', accentColor: '#b45309', radius: 12, logoUrl: 'https://cdn.example.com/logo.svg' },
    embedOrigins: [clinicSite],
    modules: ['billing'],
  });
  firm = await seedTenant(server.db, { name: 'Abogados Ejemplo', locale: 'es', currency: 'EUR', timeZone: 'Europe/Madrid', embedOrigins: [firmSite] });
  closed = await seedTenant(server.db, { name: 'Closed portal', portalEnabled: false, embedOrigins: ['https://closed.example.com'] });
});
after(() => server.stop());

describe('GET /api/portal/tenants/{slug}', () => {
  test('answers the public face of an enabled tenant, and nothing internal', async () => {
    const response = await server.request(`/api/portal/tenants/${clinic.slug}`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), {
      slug: clinic.slug,
      name: 'Clínica Exemplo',
      locale: 'pt-BR',
      currency: 'BRL',
      timeZone: 'America/Sao_Paulo',
      branding: {
        logoUrl: 'https://cdn.example.com/logo.svg',
        primaryColor: '#c2410c',
        accentColor: '#b45309',
        radius: 12,
        fontFamily: 'system-ui, sans-serif',
        colorScheme: 'light',
      },
      modules: ['billing'],
      links: { site: null, social: [] },
    });
  });

  test('each tenant answers its own record', async () => {
    const body = (await (await server.request(`/api/portal/tenants/${firm.slug}`)).json()) as { name: string; locale: string; currency: string };
    assert.deepEqual([body.name, body.locale, body.currency], ['Abogados Ejemplo', 'es', 'EUR']);
  });

  for (const [label, slug] of [
    ['an unknown tenant', () => 'no-such-portal'],
    ['a disabled tenant (A9)', () => closed.slug],
    ['a malformed slug', () => encodeURIComponent('../../etc/passwd')],
    ['an overlong slug', () => 'a'.repeat(500)],
  ] as const) {
    test(`${label} is a 404 tenant_not_found problem`, async () => {
      const response = await server.request(`/api/portal/tenants/${slug()}`);
      assert.equal(response.status, 404);
      assert.equal((await readProblem(response)).code, 'tenant_not_found');
    });
  }
});

describe('CORS per tenant (SECURITY.md 13)', () => {
  const get = (slug: string, origin: string) => server.request(`/api/portal/tenants/${slug}`, { headers: { Origin: origin } });

  test("the tenant's own embed origin may read, and the answer varies by Origin", async () => {
    const response = await get(clinic.slug, clinicSite);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), clinicSite);
    assert.match(response.headers.get('vary') ?? '', /Origin/);
  });

  test('a foreign origin gets no CORS grant (the browser hides the answer)', async () => {
    for (const origin of ['https://evil.example.com', `${clinicSite}.evil.com`, clinicSite.replace('https', 'http'), `${clinicSite}:8443`, 'null']) {
      const response = await get(clinic.slug, origin);
      assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
      assert.match(response.headers.get('vary') ?? '', /Origin/, origin);
    }
  });

  test("another tenant's origin is not allowed on this tenant", async () => {
    const response = await get(clinic.slug, firmSite);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  test('the widget header names the tenant for routes without a slug', async () => {
    const allowed = await server.request('/api/portal/anything', { headers: { Origin: firmSite, 'X-Portal-Tenant': firm.slug } });
    assert.equal(allowed.headers.get('access-control-allow-origin'), firmSite);
    const mismatched = await server.request('/api/portal/anything', { headers: { Origin: firmSite, 'X-Portal-Tenant': clinic.slug } });
    assert.equal(mismatched.headers.get('access-control-allow-origin'), null);
  });

  test('a preflight from an embed origin is granted with the portal headers', async () => {
    const response = await server.request('/api/portal/anything', {
      method: 'OPTIONS',
      headers: { Origin: clinicSite, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,x-portal-tenant' },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), clinicSite);
    assert.match(response.headers.get('access-control-allow-headers') ?? '', /X-Portal-Tenant/i);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
  });

  test('a preflight from an unknown origin, or from a disabled tenant, is not granted', async () => {
    for (const origin of ['https://evil.example.com', 'https://closed.example.com']) {
      const response = await server.request('/api/portal/anything', {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' },
      });
      assert.equal(response.headers.get('access-control-allow-origin'), null, origin);
    }
  });

  test('a state-changing request from a foreign origin is refused with 403 before it runs', async () => {
    const response = await server.request('/api/portal/anything', {
      method: 'POST',
      headers: { Origin: 'https://evil.example.com', 'X-Portal-Tenant': clinic.slug, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 403);
    assert.equal((await readProblem(response)).code, 'origin_not_allowed');
  });

  test('a state-changing request from an allowed origin goes on to routing', async () => {
    const response = await server.request('/api/portal/anything', {
      method: 'POST',
      headers: { Origin: clinicSite, 'X-Portal-Tenant': clinic.slug, 'Content-Type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 404);
    assert.equal((await readProblem(response)).code, 'not_found');
  });
});

describe('tenant records hold only safe branding (SECURITY.md 21)', () => {
  const base = { name: 'Hostile', slug: 'hostile' };
  const refused: [string, Record<string, unknown>][] = [
    ['a colour with CSS after it', { branding: { primaryColor: '#fff;background:url(https://evil.example/x)' } }],
    ['a short colour', { branding: { primaryColor: '#fff' } }],
    ['a javascript: logo', { branding: { logoUrl: 'javascript:alert(1)' } }],
    ['an http logo', { branding: { logoUrl: 'http://cdn.example.com/logo.png' } }],
    ['a protocol-relative logo', { branding: { logoUrl: '//evil.example/logo.svg' } }],
    ['a font stack with an open quote', { branding: { fontFamily: '"Arial, sans-serif' } }],
    ['a font stack that ends the declaration', { branding: { fontFamily: 'Arial; color: red' } }],
    ['an origin with a path', { embedOrigins: ['https://site.example.com/page'] }],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }],
  ];
  for (const [label, input] of refused) {
    test(`${label} is refused by the schema and by the database`, async () => {
      assert.throws(() => newTenantSchema.parse({ ...base, ...input }));
    });
  }

  test('the database refuses what the schema refuses, even written directly', async () => {
    const sql = server.db.owner;
    const slug = `raw-${Date.now()}`;
    const attempts = [
      sql`insert into tenants (slug, name, default_locale, currency, time_zone, primary_color, accent_color, corner_radius, font_family, color_scheme)
          values (${slug}, 'x', 'pt-BR', 'BRL', 'UTC', '#fff;x', '#000000', 4, 'Arial', 'light')`,
      sql`insert into tenants (slug, name, default_locale, currency, time_zone, primary_color, accent_color, corner_radius, font_family, color_scheme, logo_url)
          values (${slug}, 'x', 'pt-BR', 'BRL', 'UTC', '#ffffff', '#000000', 4, 'Arial', 'light', '//evil.example/x.svg')`,
      sql`insert into tenants (slug, name, default_locale, currency, time_zone, primary_color, accent_color, corner_radius, font_family, color_scheme)
          values (${slug}, 'x', 'pt-BR', 'BRL', 'UTC', '#ffffff', '#000000', 4, '"Arial', 'light')`,
      sql`insert into tenants (slug, name, default_locale, currency, time_zone, primary_color, accent_color, corner_radius, font_family, color_scheme, embed_origins)
          values (${slug}, 'x', 'pt-BR', 'BRL', 'UTC', '#ffffff', '#000000', 4, 'Arial', 'light', ${['https://a.example.com/x']})`,
    ];
    for (const attempt of attempts) await assert.rejects(attempt, /check constraint/);
  });

  test('the demo tenants are valid for any public address, with or without a port', () => {
    for (const url of ['http://localhost:8787', 'https://portal.example.com', 'http://127.0.0.1:41234']) {
      for (const tenant of demoTenants(url, ['http://localhost:3000'])) {
        const parsed = newTenantSchema.parse(tenant);
        assert.deepEqual(parsed.embedOrigins, [new URL(url).origin, 'http://localhost:3000']);
      }
    }
  });
});
