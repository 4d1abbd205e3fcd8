/**
 * The faults of `npm run soak`, small enough for every test run (the soak runs them at full size and writes the
 * report): a `kill -9` in a storm of writes, the database going away under load, a full file store. Each runs on the
 * backend under test, on a database of its own; none of them stops the shared PostgreSQL server.
 */
import assert from 'node:assert/strict';
import fs, { type PathLike } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { createApiToken, type ApiScope } from '../../server/auth/api-tokens.ts';
import { signInAs } from '../../soak/clients.ts';
import { crashDuringWrites } from '../../soak/crash.ts';
import { embeddedDatabase, postgresDatabase, type ScenarioDatabase } from '../../soak/database.ts';
import { mountTinyStore, uploadsOnFullDisk, type TinyStore } from '../../soak/disk-full.ts';
import { databaseOutage } from '../../soak/outage.ts';
import { startTcpProxy } from '../../soak/tcp-proxy.ts';
import { seedIdentity, type IdentityFixture } from '../helpers/identity.ts';
import { startTestServer, testDatabaseUrl, type TestServer } from '../helpers/server.ts';

const onPostgres = process.env.PORTICO_TEST_BACKEND === 'postgres';
const cleanups: (() => Promise<unknown>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

/** A test server with a seeded tenant, a signed-in client and an API token of that tenant. */
async function serverWithClient(overrides: Record<string, string>, scopes: ApiScope[]) {
  const server = await startTestServer(overrides);
  cleanups.push(() => server.stop());
  const f = await seedIdentity(server.db);
  const session = await signInAs(server.url, f.tenant.slug, f.solo);
  const expiresAt = new Date(Date.now() + 86_400_000);
  const { token } = await server.db.withTenant(f.tenant.id, (tx) => createApiToken(tx, f.tenant.slug, { name: 'erp', scopes, expiresAt }));
  return { server, f, session, token };
}

describe('faults', () => {
  test('kill -9 during 200 writes: every acknowledged write is there whole, and the mail and webhooks held back arrive later', { timeout: 900_000 }, async () => {
    const database: ScenarioDatabase = onPostgres ? await postgresDatabase(testDatabaseUrl(), 'portico_faults') : await embeddedDatabase();
    cleanups.push(() => database.drop());
    const result = await crashDuringWrites({ database, writes: 200, killAfterAnswers: 80, deliveryTimeoutMs: 300_000 });

    assert.ok(result.acknowledged.requestsCreated > 0, 'no write was acknowledged before the kill');
    assert.deepEqual(result.unexpectedAnswers, {});
    assert.deepEqual(result.lost, []);
    assert.deepEqual(result.halfWritten, []);
    // Batches the kill left unanswered, sent again with their Idempotency-Key, all go through once, never twice.
    assert.ok(Object.keys(result.retriedWithSameKey.answers).every((answer) => answer.startsWith('2')), JSON.stringify(result.retriedWithSameKey));
    assert.equal(result.retriedWithSameKey.duplicateCharges, 0);
    assert.deepEqual(result.delivery.undelivered, []);
    assert.equal(result.delivery.webhooksDelivered, result.delivery.webhooksExpected);
    assert.equal(result.delivery.mailsDelivered, result.delivery.mailsExpected);
    if (result.backlogSeen) assert.ok(result.backlogSeen.webhooksPending > 0, 'the backlog was not seen in /metrics');
  });

  test('the database going away under load is answered with 503 problem+json, and the server heals by itself', { timeout: 180_000 }, async () => {
    // A relay between the server and its database plays the outage: the database itself stays up for everyone else.
    const target = new URL(testDatabaseUrl());
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    cleanups.push(() => proxy.close());
    target.host = `127.0.0.1:${proxy.port}`;
    const { server, session, token } = await serverWithClient({ DATABASE_URL: target.href }, ['requests:read']);

    const result = await databaseOutage({ target: { url: server.url, session, apiToken: token }, takeDown: proxy.cut, bringBack: proxy.resume, downMs: 2_000, workers: 5, afterMs: 5_000 });

    assert.equal(result.unexpected, 0, JSON.stringify(result.answers));
    assert.ok((result.answers.down['503 service_unavailable'] ?? 0) > 0, JSON.stringify(result.answers.down));
    assert.deepEqual(Object.keys(result.answers.down).filter((outcome) => outcome !== '503 service_unavailable' && !outcome.startsWith('2')), []);
    assert.notEqual(result.firstSuccessAfterBackMs, null, 'no success once the database was back');
    assert.ok((result.answers.after['200'] ?? 0) > 0 && (result.answers.after['201'] ?? 0) > 0, JSON.stringify(result.answers.after));
    assert.deepEqual(result.writesLost, []);
  });

  test('a full file store refuses uploads with 507 problem+json and keeps nothing of them; freed, it takes them again', { timeout: 180_000 }, async () => {
    // A 4 MB tmpfs filled to the brim; where mounting is not allowed (not root), a disk that fills under this process.
    const store = await mountTinyStore(4 * 1024 * 1024).catch(() => diskFillingUnderThisProcess());
    cleanups.push(() => store.remove());
    const { server, f, session, token } = await serverWithClient({ STORAGE_DIR: store.dir }, ['documents:read', 'documents:write']);
    const documentId = await seedDocument(server, f);
    const result = await uploadsOnFullDisk({ url: server.url, session, apiToken: token, documentId, store });
    assert.deepEqual(result.whileFull, { attachment: { status: 507, code: 'storage_full' }, document: { status: 507, code: 'storage_full' } });
    assert.deepEqual(result.leftBehind, []);
    assert.equal(result.attachmentsRecorded, 0);
    assert.equal(result.documentUnchanged, true);
    assert.deepEqual(result.afterFreeing, { attachment: { status: 201 }, document: { status: 200 } });
  });
});

async function seedDocument(server: TestServer, f: IdentityFixture): Promise<string> {
  const [row] = await server.db.owner<{ id: string }[]>`
    insert into documents (tenant_id, account_id, external_id, category, title, issue_date)
    values (${f.tenant.id}, ${f.solo.accountId}, 'laudo-1', 'pgr', 'Laudo', '2026-11-01') returning id`;
  return row!.id;
}

/**
 * Without root: while "full", each file this process writes gets its first 16 KB on disk and then ENOSPC, as when a
 * disk fills in the middle of a file (the server under test runs in this process, so its storage meets it).
 */
async function diskFillingUnderThisProcess(): Promise<TinyStore> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-enospc-'));
  const original = fs.createWriteStream;
  const filling = ((path: PathLike, options?: Parameters<typeof fs.createWriteStream>[1]) => {
    const real = original(path, options);
    let room = 16 * 1024;
    const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    const writable = new Writable({
      write(chunk: Buffer, _encoding, done) {
        const fits = chunk.subarray(0, room);
        room -= fits.length;
        real.write(fits, (error) => done(error ?? (fits.length < chunk.length ? noSpace() : undefined)));
      },
      final: (done) => void real.end(done),
      destroy: (error, done) => void (real.destroy(), done(error)),
    });
    real.on('error', (error) => writable.destroy(error));
    return writable;
  }) as typeof fs.createWriteStream;
  // Named imports of a built-in follow its exports object only after syncBuiltinESMExports().
  const use = (createWriteStream: typeof fs.createWriteStream) => ((fs.createWriteStream = createWriteStream), syncBuiltinESMExports());
  return {
    dir,
    fill: async () => use(filling),
    free: async () => use(original),
    remove: async () => (use(original), await rm(dir, { recursive: true, force: true })),
  };
}
