import assert from 'node:assert/strict';
import { createHash, randomFillSync } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../server/http/problem.ts';
import { s3Storage } from '../../server/storage/s3.ts';
import type { Storage } from '../../server/storage/storage.ts';
import { localStorage } from '../../server/storage/storage.ts';
import { receiveUpload } from '../../server/storage/streaming-upload.ts';
import { startS3Server, type S3TestServer } from '../helpers/s3-server.ts';

const MB = 1024 * 1024;
const ALLOWED = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
const PDF = new TextEncoder().encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const EXE = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0]); // MZ: a Windows executable
const ELF = Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);

/**
 * A file of `size` bytes made while it is read, in `chunk`-sized pieces, starting with `head`; random after it.
 * Nothing of it is kept: its SHA-256 is computed as it goes (read it once the stream has ended).
 */
function generated(head: Uint8Array, size: number, chunk = 64 * 1024, failAfter?: number) {
  const hash = createHash('sha256');
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (failAfter !== undefined && sent >= failAfter) return controller.error(new Error('sender went away'));
      if (sent >= size) return controller.close();
      const bytes = randomFillSync(new Uint8Array(Math.min(chunk, size - sent)));
      if (sent < head.byteLength) bytes.set(head.subarray(sent, sent + bytes.byteLength));
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

/** Resident memory's growth above what it was at the start, sampled every 10 ms while `work` runs. */
async function peakGrowth<T>(work: () => Promise<T>): Promise<{ result: T; startMb: number; peakMb: number; samples: number }> {
  const start = process.memoryUsage().rss;
  let peak = start;
  let samples = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
    samples += 1;
  }, 10);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, startMb: start / MB, peakMb: (peak - start) / MB, samples };
  } finally {
    clearInterval(timer);
  }
}

function problem(code: string, status: number) {
  return (error: unknown) => {
    assert.ok(error instanceof AppError, `expected an AppError, got ${String(error)}`);
    assert.equal(error.code, code);
    assert.equal(error.status, status);
    return true;
  };
}

describe('receiveUpload', () => {
  let s3: S3TestServer;
  let folder: string;
  const storages: { name: string; storage: Storage; stored: () => Promise<string[]> }[] = [];

  before(async () => {
    s3 = await startS3Server();
    folder = await mkdtemp(join(tmpdir(), 'portico-uploads-'));
    const local = localStorage(folder);
    storages.push(
      { name: 'local storage', storage: local, stored: async () => (await readdir(folder, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name) },
      { name: 'S3 storage', storage: s3Storage({ ...s3, forcePathStyle: true }), stored: () => s3.files() },
    );
  });
  after(async () => {
    await s3?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  for (const index of [0, 1]) {
    test(`a 200 MB file streams into ${index === 0 ? 'local' : 'S3'} storage with flat memory`, async (t) => {
      const { name, storage, stored } = storages[index]!;
      const size = 200 * MB + 7;
      const file = generated(PDF, size);
      const { result, startMb, peakMb, samples } = await peakGrowth(() =>
        receiveUpload(file.stream, { maxBytes: 250 * MB, allowed: ALLOWED, declaredName: 'relatório anual.pdf', storage, key: 'tenant-1/big' }),
      );
      t.diagnostic(`${name}: rss ${startMb.toFixed(0)} MB at the start, at most +${peakMb.toFixed(1)} MB during the upload (${samples} samples)`);
      assert.deepEqual(result, { name: 'relatório anual.pdf', type: 'application/pdf', size, sha256: file.sha256() });
      assert.ok(peakMb < 80, `rss grew by ${peakMb.toFixed(1)} MB`);

      const got = await storage.get('tenant-1/big');
      assert.ok(got);
      assert.equal(got.size, size);
      assert.deepEqual(await digest(got.body), { size, sha256: result.sha256 });
      await storage.delete('tenant-1/big');
      assert.deepEqual(await stored(), []);
    });
  }

  for (const index of [0, 1]) {
    test(`refusals leave nothing in ${index === 0 ? 'local' : 'S3'} storage`, async (t) => {
      const { storage, stored } = storages[index]!;
      const options = { maxBytes: 12 * MB, allowed: ALLOWED, storage, key: 'tenant-1/doc' };

      await t.test('an executable named .pdf: 415', async () => {
        for (const head of [EXE, ELF]) {
          await assert.rejects(receiveUpload(generated(head, 3 * MB).stream, { ...options, declaredName: 'invoice.pdf' }), problem('unsupported_media_type', 415));
        }
        assert.deepEqual(await stored(), []);
      });

      await t.test('a type the caller does not allow: 415', async () => {
        await assert.rejects(
          receiveUpload(generated(PNG, 1000).stream, { ...options, allowed: ['application/pdf'], declaredName: 'photo.png' }),
          problem('unsupported_media_type', 415),
        );
        assert.deepEqual(await stored(), []);
      });

      await t.test('over the limit: 413, and the part already stored is deleted', async () => {
        // 20 MB against 12: the S3 storage has sent parts of a multipart upload by then, the local one a partial file.
        await assert.rejects(receiveUpload(generated(PDF, 20 * MB).stream, { ...options, declaredName: 'big.pdf' }), problem('payload_too_large', 413));
        assert.equal(await storage.get('tenant-1/doc'), undefined);
        assert.deepEqual(await stored(), []);
        // One byte over, in one chunk after the head.
        await assert.rejects(receiveUpload(generated(PDF, 1001, 1000).stream, { ...options, maxBytes: 1000, declaredName: 'a.pdf' }), problem('payload_too_large', 413));
        assert.deepEqual(await stored(), []);
      });

      await t.test('exactly at the limit is accepted', async () => {
        const file = generated(PDF, 1000, 300);
        const result = await receiveUpload(file.stream, { ...options, maxBytes: 1000, declaredName: 'a.pdf' });
        assert.equal(result.size, 1000);
        assert.equal(result.sha256, file.sha256());
        await storage.delete('tenant-1/doc');
      });

      await t.test('empty: 400', async () => {
        await assert.rejects(receiveUpload(new Blob([]).stream(), { ...options, declaredName: 'empty.pdf' }), problem('invalid_input', 400));
        assert.deepEqual(await stored(), []);
      });

      await t.test('a sender that goes away: its error, and nothing kept', async () => {
        await assert.rejects(receiveUpload(generated(PDF, 20 * MB, 64 * 1024, 11 * MB).stream, { ...options, declaredName: 'a.pdf' }), /sender went away/);
        assert.deepEqual(await stored(), []);
      });
    });
  }

  test('the type is found even when the first bytes come one at a time', async () => {
    const { storage } = storages[0]!;
    const file = generated(PNG, 5000, 1);
    const result = await receiveUpload(file.stream, { maxBytes: MB, allowed: ALLOWED, declaredName: 'dot.png', storage, key: 'tenant-1/png' });
    assert.deepEqual(result, { name: 'dot.png', type: 'image/png', size: 5000, sha256: file.sha256() });
    const got = await storage.get('tenant-1/png');
    assert.deepEqual(await digest(got!.body), { size: 5000, sha256: result.sha256 });
    await storage.delete('tenant-1/png');
  });

  test('a file shorter than the signature that matches nothing: 415', async () => {
    const { storage } = storages[0]!;
    await assert.rejects(
      receiveUpload(new Blob(['%PD']).stream(), { maxBytes: MB, allowed: ALLOWED, declaredName: 'a.pdf', storage, key: 'tenant-1/x' }),
      problem('unsupported_media_type', 415),
    );
  });

  test('hostile names come back safe', async () => {
    const { storage } = storages[0]!;
    const cases: [string, string][] = [
      ['../../etc/passwd.pdf', 'passwd.pdf'],
      ['..\\..\\windows\\system32\\x.pdf', 'x.pdf'],
      ['a\u202Efdp.exe', 'afdp.exe.pdf'], // shows as "aexe.pdf" with the override; never comes back named .exe
      ['report\u0000\u0007\u001b[31m.pdf', 'report[31m.pdf'],
      ['line\r\nbreak.pdf', 'linebreak.pdf'],
      ['c1\u0085\u009bcontrol.pdf', 'c1control.pdf'],
      ['zero\u200bwidth\ufeff\u2060.pdf', 'zerowidth.pdf'],
      ['arabic\u061cmark\u2028sep.pdf', 'arabicmarksep.pdf'],
      ['...', 'file.pdf'],
      ['', 'file.pdf'],
      ['report.pdf. . ', 'report.pdf'],
      ['invoice', 'invoice.pdf'],
      ['REPORT.PDF', 'REPORT.PDF'],
      ['.htaccess', 'htaccess.pdf'],
      ['x'.repeat(300) + '.pdf', 'x'.repeat(120) + '.pdf'],
    ];
    for (const [declaredName, expected] of cases) {
      const result = await receiveUpload(generated(PDF, 100).stream, { maxBytes: MB, allowed: ALLOWED, declaredName, storage, key: 'tenant-1/name' });
      assert.equal(result.name, expected, JSON.stringify(declaredName));
      assert.doesNotMatch(result.name, /[\\/\p{Cc}\p{Cf}]/u);
    }
    await storage.delete('tenant-1/name');
  });

  test('a JPEG keeps .jpeg; a WebP named .pdf gets .webp', async () => {
    const { storage } = storages[0]!;
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]);
    const webp = new TextEncoder().encode('RIFF\x10\x00\x00\x00WEBPVP8 ');
    const options = { maxBytes: MB, allowed: ALLOWED, storage, key: 'tenant-1/img' };
    assert.equal((await receiveUpload(generated(jpeg, 100).stream, { ...options, declaredName: 'photo.jpeg' })).name, 'photo.jpeg');
    const result = await receiveUpload(generated(webp, 100).stream, { ...options, declaredName: 'photo.pdf' });
    assert.deepEqual([result.name, result.type], ['photo.pdf.webp', 'image/webp']);
    await storage.delete('tenant-1/img');
  });

  test('a type nothing can recognise in `allowed` is a programming error', async () => {
    const { storage } = storages[0]!;
    await assert.rejects(
      receiveUpload(generated(PDF, 100).stream, { maxBytes: MB, allowed: ['application/zip'], declaredName: 'a.zip', storage, key: 'tenant-1/x' }),
      TypeError,
    );
  });
});
