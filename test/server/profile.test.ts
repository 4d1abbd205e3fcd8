import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../../server/auth/api-tokens.ts';
import { startUserSession } from '../../server/features/auth/service.ts';
import type { ChangeResult, Profile, ProfileChange } from '../../server/features/profile/schemas.ts';
import { portalTenantOf, seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { manualClock, readProblem, startTestServer, type TestServer } from '../helpers/server.ts';

const clock = manualClock(new Date('2026-06-01T12:00:00Z'));
let server: TestServer;
let f: IdentityFixture;
let other: IdentityFixture;
let token: string;
let otherToken: string;
let solo: string;

function api(method: string, path: string, body?: unknown, bearer = token) {
  return server.request(`/api/v1/profile${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function sessionOf(fixture: IdentityFixture, email: string, kind: 'client' | 'profile' = 'client'): Promise<string> {
  return server.db.withTenant(fixture.tenant.id, async (tx) => {
    const [user] = await tx<{ id: string; email: string; locale: 'pt-BR' | 'es' | 'en' | null }[]>`select id, email, locale from portal_users where email = ${email}`;
    return (await startUserSession(tx, server.keys, portalTenantOf(fixture), user!, kind, clock.now())).answer.accessToken;
  });
}

function portal(method: string, path: string, body?: unknown, bearer = solo, fixture = f) {
  return server.request(path.startsWith('/api/') ? path : `/api/portal/profile${path}`, {
    method,
    headers: { Authorization: `Bearer ${bearer}`, 'X-Portal-Tenant': fixture.tenant.slug, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const change = (values: Record<string, unknown>, bearer = solo) => portal('PATCH', '', { values }, bearer);
const field = (profile: Profile, key: string) => profile.fields.find((candidate) => candidate.key === key)!;
const snapshot = async () => ({
  account: (await server.db.owner`select name, tax_id, email, phone, mobile, address from accounts where id = ${f.person.id}`)[0],
  values: await server.db.owner`select field_key, value from profile_values where account_id = ${f.person.id} order by field_key`,
  changes: (await server.db.owner`select count(*)::int as n from profile_changes where account_id = ${f.person.id}`)[0]!.n,
  audit: (await server.db.owner`select count(*)::int as n from audit_log where subject_id = ${f.person.id} and action = 'profile-changed'`)[0]!.n,
});

before(async () => {
  server = await startTestServer({}, { clock: clock.now });
  [f, other] = [await seedIdentity(server.db), await seedIdentity(server.db)];
  const expiresAt = new Date(clock.now().getTime() + 400 * 86_400_000);
  const scopes = ['profile:read', 'profile:write'] as const;
  token = (await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'erp', scopes: [...scopes], expiresAt }))).token;
  otherToken = (await server.db.withTenant(other.tenant.id, (tx) => createApiToken(tx, other.tenant.slug, { name: 'erp', scopes: [...scopes], expiresAt }))).token;
  const ok = async (response: Promise<Response>) => {
    const answer = await response;
    assert.ok(answer.status < 300, `${answer.status} ${await answer.clone().text()}`);
  };
  await ok(api('PUT', '/fields/convenio', { labels: { 'pt-BR': 'Convênio', en: 'Health plan' }, type: 'choice', choices: [{ key: 'unimed', labels: { 'pt-BR': 'Unimed' } }, { key: 'particular', labels: { 'pt-BR': 'Particular', en: 'Private' } }] }));
  await ok(api('PUT', '/fields/capitalSocial', { labels: { 'pt-BR': 'Capital social' }, type: 'money', min: 0, max: 100_000_000_000, position: 1 }));
  await ok(api('PUT', '/fields/cnae', { labels: { 'pt-BR': 'CNAE principal' }, type: 'text', max: 9, accountKind: 'company', position: 4 }));
  await ok(api('PUT', '/fields/nascimento', { labels: { 'pt-BR': 'Data de nascimento' }, type: 'date', min: '1900-01-01', max: '2026-12-31', position: 2 }));
  await ok(api('PUT', '/settings', { modes: { name: 'approve', taxId: 'view', email: 'edit', phone: 'edit', convenio: 'approve' }, confirmation: 'periodic', everyMonths: 12 }));
  solo = await sessionOf(f, `solo.${f.tenant.slug}@example.com`);
});
after(() => server.stop());

describe('the client keeps the profile right', () => {
  test('the profile lists standard and custom fields with their modes, in the asked language', async () => {
    const profile = (await (await portal('GET', '?locale=en')).json()) as Profile;
    assert.deepEqual(
      profile.fields.map((item) => [item.key, item.mode]),
      [['name', 'approve'], ['taxId', 'view'], ['email', 'edit'], ['phone', 'edit'], ['mobile', 'edit'], ['address', 'edit'], ['convenio', 'approve'], ['capitalSocial', 'edit'], ['nascimento', 'edit']],
    );
    assert.equal(field(profile, 'convenio').label, 'Health plan');
    assert.deepEqual(field(profile, 'convenio').choices, [{ key: 'unimed', label: 'Unimed' }, { key: 'particular', label: 'Private' }]);
    assert.equal(field(profile, 'name').value, 'Bruno Lima');
    assert.deepEqual(profile.taxIdKinds, ['cpf']);
    assert.equal(profile.confirmation.required, true);
  });

  test('an editable field is saved at once and audited with before and after', async () => {
    const response = await change({ phone: '+5519932345610', address: { street: 'Rua Barão de Jaguara', number: '1481', city: 'Campinas', region: 'SP', postalCode: '13015-002', country: 'BR' } });
    assert.equal(response.status, 200, await response.clone().text());
    const result = (await response.json()) as ChangeResult;
    assert.deepEqual([result.saved.sort(), result.pending], [['address', 'phone'], []]);
    assert.equal(field(result.profile, 'phone').value, '+5519932345610');
    const [entry] = await server.db.owner`select actor_type, actor_id, data from audit_log where subject_id = ${f.person.id} and action = 'profile-changed' and data->>'field' = 'phone'`;
    assert.equal(entry!.actor_type, 'client');
    assert.deepEqual(entry!.data, { field: 'phone', before: null, after: '+5519932345610', via: 'direct' });
  });

  test('a field that needs approval waits in a request; staff approve it and it is applied, audited as approved', async () => {
    const result = (await (await change({ name: 'Bruno Lima Araújo', email: 'bruno@example.com' })).json()) as ChangeResult;
    assert.deepEqual([result.saved, result.pending], [['email'], ['name']]);
    const pending = field(result.profile, 'name').pending!;
    assert.equal(pending.value, 'Bruno Lima Araújo');
    assert.equal(field(result.profile, 'name').value, 'Bruno Lima', 'unchanged until approved');
    const [request] = await server.db.owner`select category, description, status from requests where id = ${pending.requestId}`;
    assert.equal(request!.category, 'profile-change');
    assert.match(String(request!.description), /Nome: Bruno Lima → Bruno Lima Araújo/);
    const listed = (await (await api('GET', '/changes')).json()) as { items: { id: string; field: string }[] };
    assert.ok(listed.items.some((item) => item.id === pending.id && item.field === 'name'));
    const approved = await api('POST', `/changes/${pending.id}/approve`, { message: 'Alterado conforme a certidão.' });
    assert.equal(approved.status, 200, await approved.clone().text());
    assert.equal((await readProblem(await api('POST', `/changes/${pending.id}/approve`, {}))).status, 409, 'decided once');
    const profile = (await (await portal('GET', '')).json()) as Profile;
    assert.deepEqual([field(profile, 'name').value, field(profile, 'name').pending], ['Bruno Lima Araújo', null]);
    const [entry] = await server.db.owner`select actor_type, data from audit_log where subject_id = ${f.person.id} and action = 'profile-changed' and data->>'field' = 'name'`;
    assert.equal(entry!.actor_type, 'integration');
    assert.deepEqual(entry!.data, { field: 'name', before: 'Bruno Lima', after: 'Bruno Lima Araújo', via: 'approval' });
    const [answered] = await server.db.owner`select status from requests where id = ${pending.requestId}`;
    assert.equal(answered!.status, 'answered');
  });

  test('a refused change leaves the value as it was; a newer proposal supersedes an older one', async () => {
    await change({ convenio: 'unimed' });
    const second = (await (await change({ convenio: 'particular' })).json()) as ChangeResult;
    const pending = field(second.profile, 'convenio').pending!;
    assert.equal(pending.value, 'particular');
    const [superseded] = await server.db.owner`select count(*)::int as n from profile_changes where account_id = ${f.person.id} and field_key = 'convenio' and status = 'superseded'`;
    assert.equal(superseded!.n, 1);
    assert.equal((await api('POST', `/changes/${pending.id}/refuse`, { reason: 'Envie a carteirinha do convênio.' })).status, 200);
    const profile = (await (await portal('GET', '')).json()) as Profile;
    assert.deepEqual([field(profile, 'convenio').value, field(profile, 'convenio').pending], [null, null]);
  });

  test('a field only companies have is neither shown to nor taken from a person', async () => {
    const profile = (await (await portal('GET', '')).json()) as Profile;
    assert.equal(profile.fields.some((item) => item.key === 'cnae'), false);
    assert.equal((await readProblem(await change({ cnae: '2599-3/99' }))).code, 'invalid_input');
    const company = (await (await api('GET', `/accounts/${f.company.id}`)).json()) as Profile;
    assert.equal(field(company, 'cnae').label, 'CNAE principal');
  });

  test('custom fields are checked by their type and bounds; money is whole cents', async () => {
    const saved = (await (await change({ capitalSocial: 150_000_00, nascimento: '1990-05-17' })).json()) as ChangeResult;
    assert.deepEqual(saved.saved.sort(), ['capitalSocial', 'nascimento']);
    for (const [values, path] of [
      [{ capitalSocial: 10.5 }, 'values.capitalSocial'],
      [{ capitalSocial: -1 }, 'values.capitalSocial'],
      [{ nascimento: '1850-01-01' }, 'values.nascimento'],
      [{ nascimento: 'ontem' }, 'values.nascimento'],
      [{ convenio: 'amil' }, 'values.convenio'],
      [{ address: { street: 'Rua A', city: 'Campinas', postalCode: '13015-002', country: 'Brasil' } }, 'values.address.country'],
      [{ phone: '(19) 3234-5610' }, 'values.phone'],
    ] as const) {
      const problem = await readProblem(await change(values));
      assert.equal(problem.code, 'invalid_input', JSON.stringify(values));
      assert.equal((problem.errors as { path: string }[])[0]!.path, path);
    }
  });

  test('bad input changes nothing: an invalid CPF, a 10 KB name, an unknown field, a read-only field', async () => {
    await server.db.owner`update profile_settings set modes = modes || '{"taxId": "edit"}' where tenant_id = ${f.tenant.id}`;
    const valid = await change({ taxId: '529.982.247-25' });
    assert.equal(valid.status, 200, 'a CPF whose check digits hold is taken, stored as digits');
    assert.equal((await server.db.owner`select tax_id from accounts where id = ${f.person.id}`)[0]!.tax_id, '52998224725');
    await server.db.owner`update profile_settings set modes = modes || '{"taxId": "view"}' where tenant_id = ${f.tenant.id}`;
    const before = await snapshot();
    const cases: [Record<string, unknown>, string, number][] = [
      [{ name: 'x'.repeat(10 * 1024) }, 'invalid_input', 400],
      [{ phone: '+5519999990000', inventado: 'x' }, 'invalid_input', 400],
      [{ phone: '+5519999990000', taxId: '11144477735' }, 'field_not_editable', 403],
      [{}, 'invalid_input', 400],
    ];
    for (const [values, code, status] of cases) {
      const problem = await readProblem(await change(values));
      assert.deepEqual([problem.code, problem.status], [code, status], JSON.stringify(values).slice(0, 80));
    }
    await server.db.owner`update profile_settings set modes = modes || '{"taxId": "edit"}' where tenant_id = ${f.tenant.id}`;
    assert.equal((await readProblem(await change({ taxId: '529.982.247-26' }))).code, 'invalid_input', 'a wrong check digit');
    assert.equal((await readProblem(await change({ taxId: '11.222.333/0001-81' }))).code, 'invalid_input', 'a CNPJ is not a person’s tax id');
    await server.db.owner`update profile_settings set modes = modes || '{"taxId": "view"}' where tenant_id = ${f.tenant.id}`;
    assert.deepEqual(await snapshot(), before);
  });
});

describe('confirmation, the e-mailed profile link and the client’s data', () => {
  test('confirming records the date; periodic confirmation is asked again after the months pass', async () => {
    const confirmed = (await (await portal('POST', '/confirm')).json()) as Profile;
    assert.deepEqual([confirmed.confirmation.required, confirmed.confirmation.confirmedAt, confirmed.confirmation.validUntil], [false, '2026-06-01T12:00:00.000Z', '2027-06-01T12:00:00.000Z']);
    clock.advance(366 * 86_400);
    try {
      const later = (await (await portal('GET', '', undefined, await sessionOf(f, `solo.${f.tenant.slug}@example.com`))).json()) as Profile;
      assert.equal(later.confirmation.required, true);
    } finally {
      clock.advance(-366 * 86_400);
    }
  });

  test('a required custom field left empty blocks the confirmation', async () => {
    await api('PUT', '/fields/profissao', { labels: { 'pt-BR': 'Profissão' }, type: 'text', required: true, position: 3 });
    try {
      const problem = await readProblem(await portal('POST', '/confirm'));
      assert.equal(problem.code, 'profile_incomplete');
      assert.deepEqual((problem.errors as { path: string }[]).map((error) => error.path), ['values.profissao']);
    } finally {
      await api('PUT', '/fields/profissao', { labels: { 'pt-BR': 'Profissão' }, type: 'text', required: true, active: false });
    }
  });

  test('a profile-only session (the e-mailed link) reaches the profile and nothing else', async () => {
    const link = await sessionOf(f, `solo.${f.tenant.slug}@example.com`, 'profile');
    assert.equal((await portal('GET', '', undefined, link)).status, 200);
    assert.equal((await change({ mobile: '+5519988887777' }, link)).status, 200);
    for (const path of ['/api/portal/billing/summary', '/api/portal/documents', '/api/portal/requests', '/api/portal/appointments']) {
      assert.equal((await portal('GET', path, undefined, link)).status, 403, path);
    }
  });

  test('the client downloads everything held about the account, and asks for deletion with the legal deadline', async () => {
    const response = await portal('GET', '/export');
    assert.match(response.headers.get('Content-Disposition') ?? '', /attachment; filename="my-data-2026-06-01\.json"/);
    const data = (await response.json()) as { account: { name: string }; users: { email: string }[]; profileChanges: unknown[]; auditTrail: unknown[] };
    assert.equal(data.account.name, 'Bruno Lima Araújo');
    assert.ok(data.users.some((user) => user.email === `solo.${f.tenant.slug}@example.com`));
    assert.ok(data.profileChanges.length >= 3 && data.auditTrail.length >= 3);
    assert.ok(!JSON.stringify(data).includes('access_key_hash') && !JSON.stringify(data).includes('password'));
    const asked = await portal('POST', '/privacy-requests', { kind: 'deletion', details: 'Quero excluir meus dados de contato.' });
    assert.equal(asked.status, 201);
    const answer = (await asked.json()) as { requestId: string; deadline: string };
    assert.equal(answer.deadline, '2026-06-16T12:00:00.000Z', 'LGPD: 15 days');
    assert.equal((await readProblem(await portal('POST', '/privacy-requests', { kind: 'forget-me', details: 'x' }))).code, 'invalid_input');
  });
});

describe('the business', () => {
  test('writes data whatever the modes, and follows every change through the feed', async () => {
    const first = (await (await api('GET', '/feed')).json()) as { items: ProfileChange[]; next: string };
    assert.ok(first.items.length >= 5);
    assert.ok(first.items.some((item) => item.field === 'name' && item.via === 'approval' && item.actor.type === 'integration'));
    const written = await api('PATCH', `/accounts/${f.person.id}`, { values: { taxId: '111.444.777-35' } });
    assert.equal(written.status, 200, await written.clone().text());
    const next = (await (await api('GET', `/feed?since=${first.next}`)).json()) as { items: ProfileChange[] };
    assert.deepEqual(next.items.map((item) => [item.field, item.before, item.after, item.actor.type]), [['taxId', '52998224725', '11144477735', 'integration']]);
  });

  test('another tenant sees none of it', async () => {
    assert.equal((await api('GET', `/accounts/${f.person.id}`, undefined, otherToken)).status, 404);
    assert.equal((await api('PATCH', `/accounts/${f.person.id}`, { values: { phone: '+5511999990000' } }, otherToken)).status, 404);
    const feed = (await (await api('GET', '/feed', undefined, otherToken)).json()) as { items: unknown[] };
    assert.equal(feed.items.length, 0);
    const [change] = await server.db.owner<{ id: string }[]>`select id from profile_changes where tenant_id = ${f.tenant.id} limit 1`;
    assert.equal((await api('POST', `/changes/${change!.id}/refuse`, { reason: 'x' }, otherToken)).status, 404);
    const stranger = await sessionOf(other, `solo.${other.tenant.slug}@example.com`);
    assert.equal((await readProblem(await portal('GET', `?accountId=${f.person.id}`, undefined, stranger, other))).status, 404);
  });

  test('settings and fields are checked', async () => {
    assert.equal((await readProblem(await api('PUT', '/settings', { modes: { inventado: 'edit' }, confirmation: 'off', everyMonths: null }))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/settings', { modes: {}, confirmation: 'periodic', everyMonths: null }))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/fields/email', { labels: { en: 'E-mail' }, type: 'text' }))).code, 'invalid_input');
    assert.equal((await readProblem(await api('PUT', '/fields/plano', { labels: { en: 'Plan' }, type: 'choice' }))).code, 'invalid_input');
  });
});
