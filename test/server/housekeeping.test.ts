import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sweep } from '../../server/db/housekeeping.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let f: IdentityFixture;

before(async () => {
  server = await startTestServer();
  f = await seedIdentity(server.db);
});
after(() => server.stop());

test('old counters, codes and sessions are swept; live ones stay', async () => {
  const sql = server.db.owner;
  const now = new Date();
  const old = new Date(now.getTime() - 30 * 86_400_000);
  await sql`insert into rate_limits (tenant_id, bucket, window_start, hits) values (${f.tenant.id}, 'old', ${old}, 3), (${f.tenant.id}, 'live', ${now}, 1)`;
  await sql`insert into auth_codes (tenant_id, email, purpose, code_hash, expires_at) values (${f.tenant.id}, 'a@example.com', 'register', 'x', ${old}), (${f.tenant.id}, 'b@example.com', 'register', 'y', ${new Date(now.getTime() + 600_000)})`;
  await sql`insert into sessions (tenant_id, user_id, kind, idle_expires_at, expires_at) values (${f.tenant.id}, ${f.rh.id}, 'client', ${old}, ${old})`;
  const swept = await sweep(server.db, now);
  assert.ok(swept.rate_limits! >= 1 && swept.auth_codes! >= 1 && swept.sessions! >= 1, JSON.stringify(swept));
  const left = await sql`select bucket from rate_limits where tenant_id = ${f.tenant.id}`;
  assert.deepEqual(left.map((row) => row.bucket), ['live']);
  const codes = await sql`select email from auth_codes where tenant_id = ${f.tenant.id}`;
  assert.deepEqual(codes.map((row) => row.email), ['b@example.com']);
});
