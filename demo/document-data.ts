import type { Tx } from '../server/db/database.ts';
import type { DemoDocument } from './documents.ts';

/** A calendar date `days` before `now`. */
const daysAgo = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000).toISOString().slice(0, 10);

/**
 * Clínica Sol's documents for Metalúrgica Horizonte (seed 004): programmes for each establishment, fitness
 * certificates, a work accident report of the branch, and eSocial receipts (one rectified, one older than the
 * 12 months the clinic shows by default).
 */
export async function clinicaSolDocuments(tx: Tx, accountId: string, sites: Record<string, string>, now: Date): Promise<DemoDocument[]> {
  await tx`insert into document_settings (tenant_id, esocial_include_rectified, esocial_since_months) values (portico_current_tenant(), false, 12)`;
  const year = now.getUTCFullYear();
  const matriz = sites['Matriz']!;
  const filial = sites['Filial Contagem']!;
  const doc = (externalId: string, establishmentId: string | null, category: string, title: string, age: number, extra: Partial<DemoDocument> = {}): DemoDocument => ({
    externalId, accountId, establishmentId, category, title, issueDate: daysAgo(now, age), fileName: `${title}.pdf`, ...extra,
  });
  return [
    doc('PCMSO-M', matriz, 'pcmso', `PCMSO ${year} — Matriz`, 40, { validUntil: `${year + 1}-01-31` }),
    doc('PCMSO-F', filial, 'pcmso', `PCMSO ${year} — Filial Contagem`, 38, { validUntil: `${year + 1}-01-31` }),
    doc('PCMSO-M-OLD', matriz, 'pcmso', `PCMSO ${year - 1} — Matriz`, 400, { validUntil: `${year}-01-31` }),
    doc('PGR', null, 'pgr', `PGR ${year} — Metalúrgica Horizonte`, 60, { validUntil: `${year + 2}-03-31` }),
    doc('ASO-1', matriz, 'aso', 'ASO admissional — Carlos Mendes', 12),
    doc('ASO-2', filial, 'aso', 'ASO periódico — Juliana Prado', 20),
    doc('CAT-1', filial, 'cat', 'CAT 2026-0107 — corte na mão (Filial Contagem)', 90),
    doc('CONTRATO', null, 'contracts', 'Contrato de prestação de serviços de SST', 700),
    doc('S2220-1', matriz, 'esocial', 'S-2220 — Monitoramento da saúde — Carlos Mendes', 11, { esocial: { eventType: 'S-2220', receiptNumber: '1.2.0000000000123456789', rectified: false } }),
    doc('S2220-2', filial, 'esocial', 'S-2220 — Monitoramento da saúde — Juliana Prado', 19, { esocial: { eventType: 'S-2220', receiptNumber: '1.2.0000000000123456790', rectified: true } }),
    doc('S2220-3', filial, 'esocial', 'S-2220 — Monitoramento da saúde — Juliana Prado (retificado)', 18, { esocial: { eventType: 'S-2220', receiptNumber: '1.2.0000000000123456791', rectified: false } }),
    doc('S2240-1', matriz, 'esocial', 'S-2240 — Condições ambientais do trabalho — Matriz', 55, { esocial: { eventType: 'S-2240', receiptNumber: '1.2.0000000000123450001', rectified: false } }),
    doc('S2240-OLD', matriz, 'esocial', 'S-2240 — Condições ambientais do trabalho — Matriz (ano anterior)', 420, { esocial: { eventType: 'S-2240', receiptNumber: '1.2.0000000000111110001', rectified: false } }),
  ];
}

/** Martins Castro hides the occupational-health categories and files its clients' papers under its own. */
export async function martinsCastroDocuments(tx: Tx, accountId: string, now: Date): Promise<DemoDocument[]> {
  for (const key of ['cat', 'pgr', 'pcmso', 'aso', 'esocial']) {
    await tx`insert into document_categories (tenant_id, key, shown) values (portico_current_tenant(), ${key}, false)`;
  }
  await tx`insert into document_categories (tenant_id, key, labels, shown)
           values (portico_current_tenant(), 'expediente', ${tx.json({ es: 'Documentos del expediente', 'pt-BR': 'Documentos do processo', en: 'Case documents' })}, true)`;
  const doc = (externalId: string, category: string, title: string, age: number): DemoDocument => ({
    externalId, accountId, establishmentId: null, category, title, issueDate: daysAgo(now, age), fileName: `${title}.pdf`,
  });
  return [
    doc('HOJA-ENCARGO', 'contracts', 'Hoja de encargo profesional — nacionalidad', 300),
    doc('JUSTIFICANTE', 'expediente', 'Justificante de presentación de la solicitud de nacionalidad', 260),
    doc('REQUERIMIENTO', 'expediente', 'Requerimiento del Ministerio de Justicia', 12),
    doc('RESGUARDO-TIE', 'expediente', 'Resguardo de la solicitud de renovación de la TIE', 40),
  ];
}
