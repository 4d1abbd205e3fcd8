import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import type { Database } from '../../db/database.ts';
import { AppError } from '../../http/problem.ts';
import { downloadResponse } from '../../storage/downloads.ts';
import type { Storage } from '../../storage/storage.ts';
import { checkUpload, safeFileName } from '../../storage/uploads.ts';
import * as q from './queries.ts';

/** The largest billing file the business may upload (boletos, invoices and reports are small). */
export const MAX_BILLING_FILE_BYTES = 10 * 1024 * 1024;

/** Where a file hangs: which table, which column, which row. */
export interface FileSlot {
  table: 'invoices' | 'billing_reports' | 'charges';
  column: 'pdf_file_id' | 'xml_file_id' | 'file_id' | 'boleto_file_id';
  id: string;
}

/** An XML document by its first bytes: optional BOM and blanks, then a tag. */
function looksLikeXml(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64)).replace(/^\uFEFF/, '').trimStart();
  return /^<(\?xml\b|[A-Za-z_])/.test(head);
}

/** Checks a raw upload body as a PDF (by its content) or an XML document. */
async function checkBillingFile(c: Context, kind: 'pdf' | 'xml') {
  const declared = c.req.header('Content-Type') ?? '';
  const wanted = kind === 'pdf' ? /^application\/pdf\b/i : /^(application|text)\/xml\b/i;
  if (!wanted.test(declared)) throw new AppError('unsupported_media_type', 415, `Send the file as the raw body with Content-Type: application/${kind}`);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const name = c.req.query('name') ?? `file.${kind}`;
  if (kind === 'pdf') {
    const checked = await checkUpload(new File([bytes], name), MAX_BILLING_FILE_BYTES);
    if (checked.type !== 'application/pdf') throw new AppError('unsupported_media_type', 415, 'The file is not a PDF');
    return checked;
  }
  if (bytes.length === 0) throw new AppError('invalid_input', 400, 'The file is empty', [{ path: 'file', message: 'is empty' }]);
  if (bytes.length > MAX_BILLING_FILE_BYTES) throw new AppError('payload_too_large', 413, 'A file may have at most 10 MB');
  if (!looksLikeXml(bytes)) throw new AppError('unsupported_media_type', 415, 'The file is not an XML document');
  return { name: safeFileName(name, 'xml'), type: 'application/xml', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/**
 * Stores an uploaded file in `slot`, replacing what was there. The row must exist in the tenant (else 404, and
 * nothing is kept); the replaced file is removed after the change commits.
 */
export async function storeBillingFile(c: Context, deps: { db: Database; storage: Storage }, slot: FileSlot, kind: 'pdf' | 'xml', actor: { type: string; id: string }) {
  const upload = await checkBillingFile(c, kind);
  const tenantId = c.get('tenant').id;
  const storageKey = `billing/${tenantId}/${crypto.randomUUID()}`;
  await deps.storage.put(storageKey, new Blob([upload.bytes]).stream());
  try {
    const replaced = await deps.db.withTenant(tenantId, async (tx) => {
      const [row] = await tx<{ old: string | null }[]>`select ${tx(slot.column)} as old from ${tx(slot.table)} where id = ${slot.id} and tenant_id = portico_current_tenant() for update`;
      if (!row) throw new AppError('not_found', 404, 'No such item');
      const [file] = await tx<{ id: string }[]>`
        insert into billing_files (tenant_id, file_name, content_type, size, sha256, storage_key)
        values (portico_current_tenant(), ${upload.name}, ${upload.type}, ${upload.size}, ${upload.sha256}, ${storageKey}) returning id`;
      await tx`update ${tx(slot.table)} set ${tx(slot.column)} = ${file!.id}, updated_at = now() where id = ${slot.id}`;
      await q.audit(tx, actor, 'billing-file-uploaded', { type: slot.table, id: slot.id }, { column: slot.column, sha256: upload.sha256 });
      if (!row.old) return undefined;
      const [old] = await tx<{ storage_key: string }[]>`delete from billing_files where id = ${row.old} returning storage_key`;
      return old?.storage_key;
    });
    if (replaced) await deps.storage.delete(replaced);
    return { name: upload.name, type: upload.type, size: upload.size, sha256: upload.sha256 };
  } catch (error) {
    await deps.storage.delete(storageKey);
    throw error;
  }
}

/** Sends the stored file in `slot` if `reader` may see its row; any other case is the same 404. */
export async function sendBillingFile(c: Context, deps: { db: Database; storage: Storage }, reader: q.Reader, slot: FileSlot): Promise<Response> {
  const found = await deps.db.withTenant(c.get('tenant').id, (tx) => q.findFile(tx, reader, slot));
  const file = found && (await deps.storage.get(found.storage_key));
  if (!found || !file) throw new AppError('not_found', 404, 'No such file');
  return downloadResponse(file.body, { name: found.name, type: found.type, size: file.size });
}
