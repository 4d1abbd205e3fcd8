import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { Tx } from '../server/db/database.ts';
import type { Storage } from '../server/storage/storage.ts';
import type { DemoFile } from './billing.ts';

/** A one-page PDF with a title and lines: enough to stand for the business's own invoices and reports in the demo. */
export function demoPdf(lines: string[]): Promise<Uint8Array> {
  const document = new PDFDocument({ size: 'A4', margin: 56, info: { Title: lines[0] ?? 'Demo', Producer: 'Portico demo' } });
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Uint8Array>((resolve) => document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  document.font('Helvetica-Bold').fontSize(16).text(lines[0] ?? '');
  document.moveDown().font('Helvetica').fontSize(11);
  for (const line of lines.slice(1)) document.text(line).moveDown(0.4);
  document.moveDown().fontSize(9).fillColor('#666666').text('Documento de demonstração — Portico');
  document.end();
  return done;
}

/** The XML of a demo invoice (a stand-in for an NFS-e). */
function demoXml(lines: string[]): Uint8Array {
  const escape = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n<demoNFSe>\n${lines.map((line) => `  <linha>${escape(line)}</linha>`).join('\n')}\n</demoNFSe>\n`);
}

/** Writes the demo's billing files to the storage and attaches them to their invoices and reports. */
export async function storeDemoFiles(tx: Tx, storage: Storage, tenantId: string, files: DemoFile[]): Promise<void> {
  for (const file of files) {
    const bytes = file.kind === 'invoice-xml' ? demoXml(file.lines) : await demoPdf(file.lines);
    const storageKey = `billing/${tenantId}/${crypto.randomUUID()}`;
    await storage.put(storageKey, new Blob([bytes as Uint8Array<ArrayBuffer>]).stream());
    const [stored] = await tx<{ id: string }[]>`
      insert into billing_files (tenant_id, file_name, content_type, size, sha256, storage_key)
      values (portico_current_tenant(), ${file.name}, ${file.kind === 'invoice-xml' ? 'application/xml' : 'application/pdf'}, ${bytes.length},
              ${createHash('sha256').update(bytes).digest('hex')}, ${storageKey})
      returning id`;
    await tx`update ${tx(file.slot.table)} set ${tx(file.slot.column)} = ${stored!.id} where external_id = ${file.slot.externalId} and tenant_id = portico_current_tenant()`;
  }
}

/** A document of the demo: its data and the lines of its stand-in PDF. */
export interface DemoDocument {
  externalId: string;
  accountId: string;
  establishmentId: string | null;
  category: string;
  title: string;
  issueDate: string;
  validUntil?: string;
  esocial?: { eventType: string; receiptNumber: string; rectified: boolean };
  fileName: string;
}

/** Writes each demo document's PDF to the storage and records it, as the business's system would through the API. */
export async function storeDemoDocuments(tx: Tx, storage: Storage, tenantId: string, documents: DemoDocument[]): Promise<void> {
  for (const document of documents) {
    const bytes = await demoPdf([document.title, document.esocial ? `Evento ${document.esocial.eventType} — recibo ${document.esocial.receiptNumber}` : '', `Emitido em ${document.issueDate}`]);
    const storageKey = `documents/${tenantId}/${crypto.randomUUID()}`;
    await storage.put(storageKey, new Blob([bytes as Uint8Array<ArrayBuffer>]).stream());
    await tx`
      insert into documents (tenant_id, external_id, account_id, establishment_id, category, title, issue_date, valid_until, esocial_event,
                             esocial_receipt, esocial_rectified, file_name, content_type, size, sha256, storage_key, file_at)
      values (portico_current_tenant(), ${document.externalId}, ${document.accountId}, ${document.establishmentId}, ${document.category}, ${document.title},
              ${document.issueDate}, ${document.validUntil ?? null}, ${document.esocial?.eventType ?? null}, ${document.esocial?.receiptNumber ?? null},
              ${document.esocial?.rectified ?? null}, ${document.fileName}, 'application/pdf', ${bytes.length},
              ${createHash('sha256').update(bytes).digest('hex')}, ${storageKey}, now())`;
  }
}
