import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { ConfigError } from '../../server/config.ts';
import { s3OptionsFromEnv, s3Storage } from '../../server/storage/s3.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { startS3Server, type S3TestServer } from '../helpers/s3-server.ts';

/** A stream of `size` random bytes in chunks, of no declared length; its SHA-256 once read to the end. */
function randomStream(size: number, chunk = 64 * 1024, failAfter?: number) {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent >= failAfter) return controller.error(new Error('sender went away'));
      if (sent >= size) return controller.close();
      const bytes = randomBytes(Math.min(chunk, size - sent));
      sent += bytes.byteLength;
      hash.update(bytes);
      controller.enqueue(bytes);
    },
  });
  return { stream, sha256: () => hash.digest('hex') };
}

async function digest(body: ReadableStream<Uint8Array>): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of body) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { size, sha256: hash.digest('hex') };
}

function streamOf(text: string): ReadableStream<Uint8Array> {
  return new Blob([text]).stream();
}

describe('s3Storage against a local S3-compatible server', () => {
  let server: S3TestServer;
  let storage: Storage;

  before(async () => {
    server = await startS3Server();
    storage = s3Storage({ ...server, forcePathStyle: true, prefix: 'portico/files/' });
  });
  after(async () => {
    await server?.close();
  });

  test('a small file goes in, comes back and goes away; deleting again is fine', async () => {
    await storage.put('tenant-1/doc-1', streamOf('%PDF-1.7 hello'));
    assert.deepEqual(await server.files(), ['portico/files/tenant-1/doc-1._S3rver_metadata.json', 'portico/files/tenant-1/doc-1._S3rver_object', 'portico/files/tenant-1/doc-1._S3rver_object.md5']);
    const got = await storage.get('tenant-1/doc-1');
    assert.ok(got);
    assert.equal(got.size, 14);
    assert.equal(await new Response(got.body).text(), '%PDF-1.7 hello');
    await storage.delete('tenant-1/doc-1');
    assert.equal(await storage.get('tenant-1/doc-1'), undefined);
    await storage.delete('tenant-1/doc-1');
    assert.deepEqual(await server.files(), []);
  });

  test('a 20 MB stream of unknown length goes up in parts and comes back whole', async () => {
    const size = 20 * 1024 * 1024 + 12_345;
    const source = randomStream(size);
    await storage.put('tenant-1/big', source.stream);
    const got = await storage.get('tenant-1/big');
    assert.ok(got);
    assert.equal(got.size, size);
    assert.deepEqual(await digest(got.body), { size, sha256: source.sha256() });
    // No multipart upload is left behind once it completed.
    assert.deepEqual((await server.files()).filter((file) => !file.startsWith('portico/files/tenant-1/big.')), []);
    await storage.delete('tenant-1/big');
  });

  test('a stream that fails half-way leaves neither an object nor parts', async () => {
    const source = randomStream(30 * 1024 * 1024, 64 * 1024, 12 * 1024 * 1024);
    await assert.rejects(storage.put('tenant-1/broken', source.stream), /sender went away/);
    assert.equal(await storage.get('tenant-1/broken'), undefined);
    assert.deepEqual(await server.files(), []);
  });

  test('a missing key is undefined', async () => {
    assert.equal(await storage.get('tenant-1/nothing-here'), undefined);
  });

  test('keys are checked like the local storage checks them', async () => {
    for (const key of ['../etc/passwd', 'a//b', '/a', 'a/', 'A', 'a b', 'a/../b', 'a\\b', '']) {
      await assert.rejects(storage.put(key, streamOf('x')), TypeError, key);
      await assert.rejects(storage.get(key), TypeError, key);
      await assert.rejects(storage.delete(key), TypeError, key);
    }
    assert.deepEqual(await server.files(), []);
  });

  test('a wrong secret is refused by the server', async () => {
    const wrong = s3Storage({ ...server, forcePathStyle: true, secretAccessKey: 'not-the-secret' });
    await assert.rejects(wrong.put('tenant-1/x', streamOf('x')), { name: 'SignatureDoesNotMatch' });
    await assert.rejects(wrong.get('tenant-1/x'), { name: 'SignatureDoesNotMatch' });
  });

  test('a bad prefix is refused', () => {
    assert.throws(() => s3Storage({ ...server, prefix: '../up' }), TypeError);
  });
});

describe('s3OptionsFromEnv', () => {
  const base = { S3_BUCKET: 'portico-files', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE', S3_SECRET_ACCESS_KEY: 'very/secret+KEY' };

  test('no S3 variable: undefined (files stay on disk)', () => {
    assert.equal(s3OptionsFromEnv({ PORT: '1', S3_PREFIX: '' }), undefined);
  });

  test('defaults and parsing', () => {
    assert.deepEqual(s3OptionsFromEnv(base), {
      bucket: 'portico-files',
      region: 'us-east-1',
      endpoint: undefined,
      forcePathStyle: false,
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'very/secret+KEY',
      prefix: undefined,
    });
    assert.deepEqual(
      s3OptionsFromEnv({ ...base, S3_REGION: 'eu-west-3', S3_ENDPOINT: 'http://127.0.0.1:9000/', S3_FORCE_PATH_STYLE: 'true', S3_PREFIX: '/portico/files/' }),
      {
        bucket: 'portico-files',
        region: 'eu-west-3',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: 'very/secret+KEY',
        prefix: 'portico/files',
      },
    );
  });

  test('errors name the variable and never show the secret', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ S3_ACCESS_KEY_ID: 'AKIAEXAMPLE', S3_SECRET_ACCESS_KEY: 'very/secret+KEY' }, /^Invalid configuration: S3_BUCKET is required/],
      [{ ...base, S3_BUCKET: 'Bad_Bucket' }, /^Invalid configuration: S3_BUCKET must be a bucket name.*\(got "Bad_Bucket"\)$/],
      [{ ...base, S3_SECRET_ACCESS_KEY: 'very secret' }, /^Invalid configuration: S3_SECRET_ACCESS_KEY must be .*\(got "\*\*\*"\)$/],
      [{ S3_BUCKET: 'portico-files', S3_ACCESS_KEY_ID: 'AKIAEXAMPLE' }, /^Invalid configuration: S3_SECRET_ACCESS_KEY is required/],
      [{ ...base, S3_ENDPOINT: 'ftp://files' }, /^Invalid configuration: S3_ENDPOINT must be an http/],
      [{ ...base, S3_ENDPOINT: 'https://user:pass@minio.local' }, /^Invalid configuration: S3_ENDPOINT must not contain credentials.*\/\/\*\*\*@minio/],
      [{ ...base, S3_FORCE_PATH_STYLE: 'maybe' }, /^Invalid configuration: S3_FORCE_PATH_STYLE must be one of .*true.*false/],
      [{ ...base, S3_REGION: 'EU West' }, /^Invalid configuration: S3_REGION must be a region/],
      [{ ...base, S3_PREFIX: 'a/../b' }, /^Invalid configuration: S3_PREFIX must be folder names/],
    ];
    for (const [env, message] of cases) {
      assert.throws(() => s3OptionsFromEnv(env), (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.match(error.message, message);
        assert.doesNotMatch(error.message, /very.secret|pass@/);
        return true;
      });
    }
  });
});
