import type { Context } from 'hono';
import type { Database, Tx } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';
import type { Storage } from '../../storage/storage.ts';
import { downloadResponse } from '../../storage/downloads.ts';
import { checkUpload } from '../../storage/uploads.ts';
import * as q from './queries.ts';
import type { RequestDetail } from './schemas.ts';

/** The largest file a client may attach. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/**
 * Stores the `file` field of a multipart upload as an attachment of a request. Everything is checked before a byte
 * is stored (size, type by content, the request's state and count); if recording it fails, the file is removed.
 */
export async function attachFile(
  c: Context,
  deps: { db: Database; storage: Storage },
  find: (tx: Tx) => Promise<RequestDetail>,
  uploadedBy: string | null,
): Promise<string> {
  if (!/^multipart\/form-data/i.test(c.req.header('Content-Type') ?? '')) {
    throw new AppError('unsupported_media_type', 415, 'Send the file as multipart/form-data, in a field named file');
  }
  const form = await c.req.formData().catch(() => {
    throw new AppError('invalid_input', 400, 'The upload could not be read');
  });
  const file = form.get('file');
  if (!(file instanceof File)) throw new AppError('invalid_input', 400, 'Send the file in a field named file', [{ path: 'file', message: 'is required' }]);
  const upload = await checkUpload(file, MAX_ATTACHMENT_BYTES);
  const tenantId = c.get('tenant').id;
  const request = await deps.db.withTenant(tenantId, async (tx) => {
    const found = await find(tx);
    if (found.status === 'closed') throw new AppError('request_closed', 409, 'The request is closed; reopen it to add files');
    if ((await q.countAttachments(tx, found.id)) >= q.MAX_ATTACHMENTS) {
      throw new AppError('invalid_input', 400, `A request may have at most ${q.MAX_ATTACHMENTS} files`, [{ path: 'file', message: 'one too many' }]);
    }
    return found;
  });
  const storageKey = `requests/${tenantId}/${crypto.randomUUID()}`;
  await deps.storage.put(storageKey, new Blob([upload.bytes]).stream());
  try {
    return await deps.db.withTenant(tenantId, (tx) =>
      q.insertAttachment(tx, { requestId: request.id, name: upload.name, type: upload.type, size: upload.size, sha256: upload.sha256, storageKey, uploadedBy }),
    );
  } catch (error) {
    await deps.storage.delete(storageKey);
    throw error;
  }
}

/** Sends an attachment of a request the caller may see, as a download (RFC 6266, never rendered inline). */
export async function sendAttachment(c: Context, deps: { db: Database; storage: Storage }, find: (tx: Tx) => Promise<RequestDetail>, attachmentId: string): Promise<Response> {
  const attachment = await deps.db.withTenant(c.get('tenant').id, async (tx) => q.findAttachment(tx, (await find(tx)).id, attachmentId));
  const file = attachment && (await deps.storage.get(attachment.storage_key));
  if (!attachment || !file) throw new AppError('not_found', 404, 'No such file');
  return downloadResponse(file.body, { name: attachment.name, type: attachment.type, size: file.size });
}
