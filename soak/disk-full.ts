import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { apiToken, integrationCall, portalCall, type PortalSession } from './clients.ts';

const run = promisify(execFile);

/** A small file system of its own (tmpfs) for the file storage, that the soak can fill to the brim. */
export interface TinyStore {
  dir: string;
  /** Fills it up, leaving `leaveBytes` free (less than any upload the scenario sends). */
  fill(leaveBytes?: number): Promise<void>;
  /** Frees what {@link fill} took. */
  free(): Promise<void>;
  /** Unmounts it and removes the folder. */
  remove(): Promise<void>;
}

/** Mounts a tmpfs of `sizeBytes` (needs root); rejects where mounting is not allowed. */
export async function mountTinyStore(sizeBytes: number): Promise<TinyStore> {
  const dir = await mkdtemp(join(tmpdir(), 'portico-full-'));
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes},mode=0700`, 'tmpfs', dir]);
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const filler = join(dir, '.soak-filler');
  return {
    dir,
    async fill(leaveBytes = 16 * 1024) {
      const { bavail, bsize } = await statfs(dir);
      await writeFile(filler, Buffer.alloc(Math.max(0, bavail * bsize - leaveBytes)));
    },
    free: () => rm(filler, { force: true }),
    async remove() {
      await run('umount', [dir]).catch(() => run('umount', ['-l', dir]));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir` (the filler aside) with its size: what a reader of the storage could find. */
export async function listFiles(dir: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name === '.soak-filler') continue;
    const path = join(entry.parentPath, entry.name);
    found.set(relative(dir, path), (await stat(path)).size);
  }
  return found;
}

/** A PDF of `size` bytes (a PDF's first bytes, then noise): what the upload routes accept. */
export function pdfOf(size: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(size);
  bytes.set(randomBytes(size));
  bytes.set(Buffer.from('%PDF-1.7\n'));
  return bytes;
}

/** How one upload was answered. */
export interface UploadAnswer {
  status: number;
  /** The problem's code, when the answer was problem+json (or why no answer came). */
  code?: string;
}

/** The outcome of uploads onto a full file store, and again once room was made. */
export interface DiskFullResult {
  whileFull: { attachment: UploadAnswer; document: UploadAnswer };
  /** Files that appeared or changed in the store during the refused uploads (partial files included). Must be empty. */
  leftBehind: string[];
  /** Attachments the request shows after the refused upload. Must be 0. */
  attachmentsRecorded: number;
  /** Whether the document's record is as it was before the refused upload. */
  documentUnchanged: boolean;
  /** The same uploads after the room was freed, without a restart. */
  afterFreeing: { attachment: UploadAnswer; document: UploadAnswer };
}

/** Where the uploads go: a running Portico whose file storage is `store`, a signed-in client, an API token, a document of the tenant. */
export interface DiskFullTarget {
  url: string;
  session: PortalSession;
  apiToken: string;
  documentId: string;
  store: TinyStore;
}

/**
 * Fills the file store and uploads a client's attachment (multipart, checked in memory) and a document's file
 * (streamed): each must be a clean 507 problem+json, and nothing of either may be left in the store or recorded.
 * Then frees the room and uploads again: both must work without a restart.
 */
export async function uploadsOnFullDisk(target: DiskFullTarget, uploadBytes = 1024 * 1024): Promise<DiskFullResult> {
  const created = await portalCall(target.url, target.session, 'POST', '/requests', { accountId: target.session.accountIds[0], category: 'general', subject: 'Disk full', description: 'An attachment on a full disk' });
  if (created.status !== 201) throw new Error(`creating a request answered ${created.status}: ${await created.text()}`);
  const requestId = ((await created.json()) as { id: string }).id;
  const documentBefore = await (await integrationCall(target.url, target.apiToken, 'GET', `/documents/${target.documentId}`)).text();

  const upload = async () => ({ attachment: await attach(target, requestId, uploadBytes), document: await putDocument(target, uploadBytes) });
  await target.store.fill();
  const filesBefore = await listFiles(target.store.dir);
  const whileFull = await upload();
  const filesAfter = await listFiles(target.store.dir);
  const leftBehind = [...filesAfter].filter(([path, size]) => filesBefore.get(path) !== size).map(([path]) => path);
  const request = (await (await portalCall(target.url, target.session, 'GET', `/requests/${requestId}`)).json()) as { attachments: unknown[] };
  const documentAfter = await (await integrationCall(target.url, target.apiToken, 'GET', `/documents/${target.documentId}`)).text();

  await target.store.free();
  const afterFreeing = await upload();
  return { whileFull, leftBehind, attachmentsRecorded: request.attachments.length, documentUnchanged: documentAfter === documentBefore, afterFreeing };
}

async function attach(target: DiskFullTarget, requestId: string, size: number): Promise<UploadAnswer> {
  const form = new FormData();
  form.append('file', new Blob([pdfOf(size)], { type: 'application/pdf' }), 'exame.pdf');
  return answerOf(() =>
    fetch(`${target.url}/api/portal/requests/${requestId}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${target.session.accessToken}`, 'X-Portal-Tenant': target.session.tenant },
      body: form,
    }),
  );
}

async function putDocument(target: DiskFullTarget, size: number): Promise<UploadAnswer> {
  return answerOf(() =>
    fetch(`${target.url}/api/v1/documents/${target.documentId}/file?name=laudo.pdf`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${apiToken(target.apiToken)}`, 'Content-Type': 'application/pdf' },
      body: pdfOf(size),
    }),
  );
}

/** The status and problem code of an answer; a connection cut instead of an answer is status 0. */
async function answerOf(send: () => Promise<Response>): Promise<UploadAnswer> {
  try {
    const response = await send();
    const text = await response.text();
    const problem = response.headers.get('content-type') === 'application/problem+json' ? (JSON.parse(text) as { code?: string }) : undefined;
    return { status: response.status, ...(problem ? { code: problem.code } : {}) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { status: 0, code: `no answer: ${cause?.code ?? (error as Error).message}` };
  }
}
